"""Fixtures: payroc-mock started on a free port for the session, clients pointed at it."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, Optional

import pytest

import payroc_rs

REPO = Path(__file__).resolve().parents[3]
TERMINAL = "1234001"
API_KEY = "py-test-key-0123456789-SECRET"
CARD = "4539858876047062"  # a Luhn-valid test card (the emulator's)
# A card expiry (MMYY) three years from today: a fixed one would expire under the tests.
EXPIRY = f"12{(datetime.date.today().year + 3) % 100:02d}"


def _mock_binary() -> str:
    explicit = os.environ.get("PAYROC_MOCK_BIN")
    if explicit:
        return explicit
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return str(target / "debug" / "payroc-mock")


class Mock:
    """A running payroc-mock and its test controls."""

    DEFAULTS = {"--instruction-delay-ms": "50", "--long-poll-ms": "2000"}

    def __init__(self, *extra: str) -> None:
        defaults = [x for flag, value in self.DEFAULTS.items() if flag not in extra for x in (flag, value)]
        # stdin is a pipe this process holds: with --exit-with-parent the emulator exits when
        # pytest does, even if pytest is killed before `stop` runs.
        self.proc = subprocess.Popen(
            [_mock_binary(), "--port", "0", "--exit-with-parent", "--api-key", API_KEY,
             "--paytrace-username", "pt-user", "--paytrace-password", "pt-pass-SECRET", *defaults, *extra],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.proc.stdout is not None
        self.base = self.proc.stdout.readline().strip()
        assert self.base.startswith("http://"), f"payroc-mock printed {self.base!r}"

    def control(self, method: str, path: str, body: Optional[Any] = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def requests(self) -> int:
        return sum(self.control("GET", "/_mock/counters")["requests"].values())

    def stop(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.kill()
        self.proc.wait()


@pytest.fixture(scope="session")
def mock() -> Iterator[Mock]:
    m = Mock()
    yield m
    m.stop()


@pytest.fixture(scope="module")
def device_mock() -> Iterator[Mock]:
    """Devices that take a minute to finish an instruction."""
    m = Mock("--instruction-delay-ms", "60000")
    yield m
    m.stop()


@pytest.fixture()
def client(mock: Mock) -> payroc_rs.Client:
    return payroc_rs.Client(api_key=API_KEY, api_url=mock.base + "/v1", identity_url=mock.base,
                            max_retries=0)


@pytest.fixture()
def aclient(mock: Mock) -> payroc_rs.AsyncClient:
    return payroc_rs.AsyncClient(api_key=API_KEY, api_url=mock.base + "/v1", identity_url=mock.base,
                                 max_retries=0)


def order_id() -> str:
    return "O" + uuid.uuid4().hex[:20]


def keyed_card(number: str = CARD, cvv: Optional[str] = "123") -> Dict[str, Any]:
    data: Dict[str, Any] = {"data_format": "plainText", "card_number": number, "expiry_date": EXPIRY}
    if cvv is not None:
        data["cvv"] = cvv
    return {"entry_method": "keyed", "keyed_data": data, "cardholder_name": "Sarah Hopper"}


def shows_cvv(text: str, cvv: str = "737") -> bool:
    """Whether ``text`` holds ``cvv`` as a value of its own, not as three digits inside a
    random id such as an idempotency key (one in about 140 holds ``737``)."""
    return re.search(rf"(?<![0-9A-Za-z]){cvv}(?![0-9A-Za-z])", text) is not None


def card_payment(amount: int = 4999) -> Dict[str, Any]:
    return dict(
        channel="web",
        processing_terminal_id=TERMINAL,
        order={"order_id": order_id(), "amount": amount, "currency": "USD"},
        payment_method={"type": "card", "card_details": keyed_card()},
    )
