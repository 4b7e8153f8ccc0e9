"""A bulk billing run from Python: N payments through one ``AsyncClient``, at most K in
flight, against a running payroc-mock (the same full request as
``bench_create_payment.py`` and the Rust ``bulk-billing`` program). Prints the run's
throughput. A measurement, not a test: ``scripts/bench-bulk.sh`` runs both sides.

Usage: python bench_bulk.py --url BASE_URL [--payments N] [--in-flight K]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time

import payroc_rs
from bench_create_payment import API_KEY, EXPIRY, TERMINAL, full_payment_request


async def run(base: str, total: int, in_flight: int) -> float:
    client = payroc_rs.AsyncClient(api_key=API_KEY, api_url=base + "/v1", identity_url=base)
    token = (await client.secure_tokens.create(
        TERMINAL, source={"type": "card", "card_details": {
            "entry_method": "keyed", "keyed_data": {"data_format": "plainText",
                                                    "card_number": "4539858876047062",
                                                    "expiry_date": EXPIRY}}},
    )).token
    pending = iter(range(total))
    run_id = os.getpid()

    async def worker() -> None:
        for i in pending:
            payment = await client.payments.create(full_payment_request(f"BULK-PY-{run_id}-{i}", token))
            assert payment.is_approved

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(in_flight)))
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", required=True, help="a running payroc-mock")
    ap.add_argument("--payments", type=int, default=10_000)
    ap.add_argument("--in-flight", type=int, default=256)
    args = ap.parse_args()
    secs = asyncio.run(run(args.url, args.payments, args.in_flight))
    print(f"python bulk run: {args.payments} payments, {args.in_flight} in flight: {secs:.2f} s, "
          f"{args.payments / secs:.0f} payments/s")


if __name__ == "__main__":
    main()
