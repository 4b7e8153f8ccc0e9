"""Reply objects: building a full payment from the server's JSON, reading its fields,
``to_dict()`` and ``repr``, and the time ``import payroc_rs`` takes. A measurement,
not a test: it prints the best per-call time of several timeit repeats (so a busy
moment of a shared machine counts least), and the median import time of fresh
interpreters less that of a bare one.

The payment is the official wire example "Retrieve payment - default" (about 5 KB,
40 objects), from ``shared/api/payroc-wire-examples.json`` beside the project or
``$PAYROC_WIRE_EXAMPLES``. Objects are read from the reply at their first look: the
"build + ..." rows time a fresh reply and that look, the rows below them reads of a
reply already read whole.

Usage: python bench_objects.py [--imports N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path
from typing import Callable, List

import payroc_rs
from payroc_rs._payroc import build

WIRE = Path(os.environ.get("PAYROC_WIRE_EXAMPLES")
            or Path(__file__).resolve().parents[4] / "shared" / "api" / "payroc-wire-examples.json")


def best_us(fn: Callable[[], object], number: int) -> float:
    """The best of 7 repeats, in microseconds per call."""
    return min(timeit.repeat(fn, number=number, repeat=7)) / number * 1e6


def fresh_ms(code: str, runs: int) -> float:
    """The median wall-clock time of `runs` fresh interpreters running `code`."""
    times: List[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--imports", type=int, default=20, help="fresh interpreters per import figure")
    args = parser.parse_args()

    mapping = next(m for m in json.loads(WIRE.read_text())["mappings"] if m["name"] == "Retrieve payment - default")
    raw = str(mapping["response"]["body"]).encode()
    p = build(raw, payroc_rs.Payment)
    repr(p)  # every object read: the rows below it time reads of a read reply

    def read_all() -> None:
        repr(build(raw, payroc_rs.Payment))  # repr looks at every object

    rows = [
        ("build(reply, Payment)", best_us(lambda: build(raw, payroc_rs.Payment), 2_000)),
        ("json.loads(reply), for scale", best_us(lambda: json.loads(raw), 2_000)),
        ("build + .payment_id (first look)", best_us(lambda: build(raw, payroc_rs.Payment).payment_id, 2_000)),
        ("build + .card.secure_token.token",
         best_us(lambda: build(raw, payroc_rs.Payment).card.secure_token.token, 2_000)),
        ("build + .to_dict()", best_us(lambda: build(raw, payroc_rs.Payment).to_dict(), 2_000)),
        ("build + repr (every object read)", best_us(read_all, 1_000)),
        ("payment.payment_id", best_us(lambda: p.payment_id, 1_000_000)),
        ("payment.order.amount", best_us(lambda: p.order.amount, 1_000_000)),
        ("payment.card.secure_token.token", best_us(lambda: p.card.secure_token.token, 1_000_000)),
        ('payment["paymentId"]', best_us(lambda: p["paymentId"], 1_000_000)),
        ('payment["order"]["amount"]', best_us(lambda: p["order"]["amount"], 1_000_000)),
        ("payment.to_dict()", best_us(p.to_dict, 5_000)),
        ("repr(payment)", best_us(lambda: repr(p), 2_000)),
    ]
    for name, us in rows:
        print(f"{name:34} {us:10.3f} us")

    bare = fresh_ms("pass", args.imports)
    imported = fresh_ms("import payroc_rs", args.imports)
    print(f"{'import payroc_rs (less bare python)':34} {imported - bare:10.1f} ms"
          f"  (bare {bare:.1f} ms, median of {args.imports})")


if __name__ == "__main__":
    main()
