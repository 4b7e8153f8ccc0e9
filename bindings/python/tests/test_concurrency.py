"""The GIL is released during network I/O: threads and asyncio tasks overlap."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator

import pytest
from conftest import API_KEY, Mock, card_payment

import payroc_rs

LATENCY = 0.3
N = 8


@pytest.fixture(scope="module")
def slow_mock() -> Iterator[Mock]:
    m = Mock("--latency-ms", str(int(LATENCY * 1000)))
    yield m
    m.stop()


def test_threads_run_in_parallel(slow_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=slow_mock.base + "/v1", identity_url=slow_mock.base)
    c.payments.create(card_payment())  # token fetched once, connections warm
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=N) as pool:
        payments = list(pool.map(lambda _: c.payments.create(card_payment()), range(N)))
    elapsed = time.perf_counter() - started
    assert all(p.is_approved for p in payments)
    assert len({p.payment_id for p in payments}) == N
    # One batch takes ~LATENCY; serialised calls would take N * LATENCY.
    assert elapsed < LATENCY * N / 3, f"{N} threads took {elapsed:.2f}s"


def test_other_python_threads_run_while_a_call_waits(slow_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=slow_mock.base + "/v1", identity_url=slow_mock.base)
    c.payments.create(card_payment())
    ticks = 0
    stop = time.perf_counter() + LATENCY

    def spin() -> None:
        nonlocal ticks
        while time.perf_counter() < stop:
            ticks += 1

    with ThreadPoolExecutor(max_workers=1) as pool:
        fut = pool.submit(spin)
        c.payments.create(card_payment())
        fut.result()
    assert ticks > 10_000


def test_async_client_under_gather(slow_mock: Mock) -> None:
    ac = payroc_rs.AsyncClient(api_key=API_KEY, api_url=slow_mock.base + "/v1", identity_url=slow_mock.base)

    async def main() -> float:
        first = await ac.payments.create(card_payment())
        assert first.is_approved
        started = time.perf_counter()
        results = await asyncio.gather(*(ac.payments.create(card_payment()) for _ in range(N)))
        assert len({p.payment_id for p in results}) == N
        return time.perf_counter() - started

    elapsed = asyncio.run(main())
    assert elapsed < LATENCY * N / 3, f"gather of {N} took {elapsed:.2f}s"


def test_async_errors_lists_and_cloud(aclient: payroc_rs.AsyncClient, mock: Mock) -> None:
    async def main() -> None:
        with pytest.raises(payroc_rs.NotFoundError):
            await aclient.payments.retrieve("NOSUCH")
        with pytest.raises(payroc_rs.ValidationError):
            await aclient.payments.create(channel="web")
        p = await aclient.payments.create(card_payment())
        items = [x async for x in aclient.payments.list(order_id=p.order.order_id)]
        assert [x.payment_id for x in items] == [p.payment_id]
        sale = await aclient.payment_instructions.run_sale(
            "SERIAL-A", processing_terminal_id="1234001",
            order={"order_id": "ASYNC" + p.payment_id, "amount": 700, "currency": "USD"}, deadline=10)
        assert sale.approved
        first = await aclient.repeat_payments.start(card_payment())
        assert first.series is not None
        nxt = await aclient.repeat_payments.charge(first.series, order={"order_id": "N" + p.payment_id,
                                                                         "amount": 700, "currency": "USD"})
        assert nxt.is_approved

    asyncio.run(main())
