"""Create-payment calls over loopback: through ``payroc_rs`` beside a plain ``httpx``
POST of the same JSON body to the same server. A measurement, not a test: it prints
mean / median / p90 microseconds per call. ``bench/README.md`` says how to run it.

Both sides send the same full request (secure token, standing instructions,
customer, breakdown — the body of the Rust loopback benchmark) to one release
payroc-mock, each over one keep-alive connection, one call at a time. Rounds of
the two alternate, so a slow moment of the machine lands on both.

Usage: python bench_create_payment.py [--calls N] [--rounds R] [--mock PATH | --url BASE_URL]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, List

import httpx

import payroc_rs
from payroc_rs import Payment
from payroc_rs._payroc import NativeClient

REPO = Path(__file__).resolve().parents[3]
API_KEY = "bench-key-0123456789"
TERMINAL = "1234001"
EXPIRY = f"12{(datetime.date.today().year + 3) % 100:02d}"  # never in the past


def release_mock() -> str:
    explicit = os.environ.get("PAYROC_MOCK_BIN")
    if explicit:
        return explicit
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return str(target / "release" / "payroc-mock")


def full_payment_request(order_id: str, token: str) -> Dict[str, Any]:
    """The body of ``payroc_benches::full_payment_request``, in the API's JSON."""
    return {
        "channel": "web",
        "processingTerminalId": TERMINAL,
        "operator": "Jane",
        "order": {
            "orderId": order_id,
            "description": "Large Pepperoni Pizza",
            "amount": 4999,
            "currency": "USD",
            "standingInstructions": {
                "sequence": "subsequent",
                "processingModel": "recurring",
                "referenceDataOfFirstTxn": {"paymentId": "M2MJOG6O2Y", "cardSchemeReferenceId": "ABCDEFGHIJKLMNO"},
            },
            "breakdown": {
                "subtotal": 4500,
                "tip": {"type": "fixedAmount", "amount": 499},
                "items": [{"unitPrice": 4500, "quantity": 1.0, "description": "Large Pepperoni Pizza",
                           "productCode": "PZA-001-LG"}],
            },
        },
        "customer": {
            "firstName": "Sarah",
            "lastName": "Hopper",
            "billingAddress": {"address1": "1 Example Ave.", "city": "Chicago", "state": "Illinois",
                               "country": "US", "postalCode": "60056"},
            "contactMethods": [{"type": "email", "value": "sarah.hopper@example.com"}],
        },
        "paymentMethod": {"type": "secureToken", "token": token},
    }


def timed(n: int, call: Callable[[int], Any]) -> List[float]:
    """Microseconds of each of ``n`` calls."""
    out = []
    for i in range(n):
        start = time.perf_counter_ns()
        call(i)
        out.append((time.perf_counter_ns() - start) / 1000)
    return out


def summary(name: str, samples: List[float]) -> str:
    s = sorted(samples)
    p90 = s[int(len(s) * 0.9)]
    return (f"{name:<44} mean {statistics.fmean(s):7.1f} µs   median {statistics.median(s):7.1f} µs   "
            f"p90 {p90:7.1f} µs   ({len(s)} calls)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--calls", type=int, default=500, help="calls per round and side")
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--mock", default=release_mock(), help="the payroc-mock binary (a release build)")
    ap.add_argument("--url", help="a running payroc-mock to use instead (scripts/bench-bindings.sh)")
    args = ap.parse_args()

    mock = None if args.url else subprocess.Popen(
        [args.mock, "--port", "0", "--api-key", API_KEY], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        if mock is None:
            base = args.url
        else:
            assert mock.stdout is not None
            base = mock.stdout.readline().strip()
        client = payroc_rs.Client(api_key=API_KEY, api_url=base + "/v1", identity_url=base)
        token = client.secure_tokens.create(
            TERMINAL, source={"type": "card", "card_details": {
                "entry_method": "keyed", "keyed_data": {"data_format": "plainText",
                                                        "card_number": "4539858876047062",
                                                        "expiry_date": EXPIRY}}},
        ).token

        http = httpx.Client()
        bearer = http.post(base + "/authorize", headers={"x-api-key": API_KEY}).json()["access_token"]
        url = base + "/v1/payments"
        # Order ids unique across runs against one long-lived emulator.
        counter = iter(range(os.getpid() * 10**6, 10**12))

        def via_payroc_rs(_: int) -> None:
            p = client.payments.create(full_payment_request(f"PY-{next(counter)}", token))
            assert p.payment_id

        def via_httpx(_: int) -> None:
            # What a hand-written integration does: dict in, JSON over the wire, dict out.
            reply = http.post(url, json=full_payment_request(f"HX-{next(counter)}", token),
                              headers={"authorization": f"Bearer {bearer}",
                                       "idempotency-key": str(uuid.uuid4())})
            assert reply.status_code == 201, reply.text
            assert reply.json()["paymentId"]

        # The Rust half alone (the class Client wraps), to see where the time goes.
        native = NativeClient(API_KEY, api_url=base + "/v1", identity_url=base)
        prebuilt = json.dumps(full_payment_request("NATIVE", token)).encode()

        def via_native(_: int) -> None:
            # The same bytes each time (the key, made per call, keeps them distinct
            # payments): no Python work before the call; the reply is read into a
            # Payment natively, as the client's call does.
            assert native.call("payments.create", Payment, None, prebuilt)

        sides = {"payroc_rs Client.payments.create": via_payroc_rs,
                 "httpx.Client.post(json=...) + .json()": via_httpx,
                 "(native call alone, prebuilt bytes)": via_native}
        samples: Dict[str, List[float]] = {name: [] for name in sides}
        for fn in sides.values():
            timed(200, fn)  # warm-up: connections open, caches filled
        for _ in range(args.rounds):
            for name, fn in sides.items():
                samples[name].extend(timed(args.calls, fn))

        print(f"python {sys.version.split()[0]}, payroc_rs {payroc_rs.__version__}, httpx {httpx.__version__}; "
              f"mock {args.url or args.mock}; load average {os.getloadavg()[0]:.2f}")
        for name, s in samples.items():
            print(summary(name, s))
        ratio = statistics.median(samples["payroc_rs Client.payments.create"]) / statistics.median(
            samples["httpx.Client.post(json=...) + .json()"])
        print(f"payroc_rs / httpx (median): {ratio:.2f}")
        http.close()
    finally:
        if mock is not None:
            assert mock.stdin is not None
            mock.stdin.close()
            mock.kill()
            mock.wait()


if __name__ == "__main__":
    main()
