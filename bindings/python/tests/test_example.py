"""The billing example runs a month of repeat payments from its CSV."""

from __future__ import annotations

import csv
import datetime
import os
import subprocess
import sys
from pathlib import Path

from conftest import API_KEY, Mock

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def redated(source: Path, target: Path) -> Path:
    """The customers file with each card's expiry moved to the same month a few years
    from today: the example's own dates would expire under the test."""
    with source.open(newline="") as f:
        rows = list(csv.DictReader(f))
    year = datetime.date.today().year
    for i, row in enumerate(rows):
        row["expiry"] = f"{row['expiry'][:2]}{(year + 2 + i % 3) % 100:02d}"
    with target.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


def test_monthly_billing_example(mock: Mock, tmp_path: Path) -> None:
    env = {**os.environ, "PAYROC_API_KEY": API_KEY, "PAYROC_API_URL": mock.base + "/v1",
           "PAYROC_IDENTITY_URL": mock.base}
    customers = redated(EXAMPLES / "customers.csv", tmp_path / "customers.csv")
    run = subprocess.run([sys.executable, str(EXAMPLES / "monthly_billing.py"), str(customers)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    # C004's amount ends in 01: declined, so its series never starts and it is
    # charged once; everyone else is approved every time.
    assert lines[-1] == "month done: 11 approved, 1 not approved, 4 active series", run.stdout
    assert "4539858876047062" not in run.stdout + run.stderr
