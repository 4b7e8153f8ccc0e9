"""The GIL is released during network I/O: threads and asyncio tasks overlap."""

from __future__ import annotations

import asyncio
import ctypes
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, Iterator, Tuple

import pytest
from conftest import API_KEY, Mock, card_payment

import payroc_rs
from payroc_rs._payroc import request_body

LATENCY = 0.3
N = 8
HELD = 1.0


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


class Counter:
    """A thread that counts as fast as it can while `window` is open: how much Python
    ran beside a call. A call that holds the GIL gets (next to) no counts in."""

    def __init__(self) -> None:
        self.count = 0
        self.counting = False
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop:
            if self.counting:
                self.count += 1

    def window(self, fn: Callable[[], Any]) -> Tuple[int, float]:
        """Runs `fn` with counting on; returns (counts, seconds)."""
        self.count = 0
        started = time.perf_counter()
        self.counting = True
        try:
            fn()
        finally:
            self.counting = False
        return self.count, time.perf_counter() - started

    def close(self) -> None:
        self.stop = True
        self.thread.join()


@pytest.fixture()
def counter() -> Iterator[Counter]:
    c = Counter()
    yield c
    c.close()


@pytest.fixture(scope="module")
def held_mock() -> Iterator[Mock]:
    """Every answer takes HELD seconds."""
    m = Mock("--latency-ms", str(int(HELD * 1000)))
    yield m
    m.stop()


def rate_beside(counter: Counter, fn: Callable[[], Any]) -> float:
    """Counts per second beside `fn`, as a share of those beside time.sleep (which
    releases the GIL for sure), measured right before under the same load."""
    baseline, slept = counter.window(lambda: time.sleep(HELD))
    counts, took = counter.window(fn)
    assert took >= HELD * 0.9, f"the call took {took:.2f}s; the emulator should hold it {HELD}s"
    return (counts / took) / (baseline / slept)


def hold_the_gil() -> None:
    """A native call that waits HELD seconds holding the GIL (ctypes.PyDLL keeps it)."""
    ctypes.PyDLL(None).usleep(int(HELD * 1_000_000))


def test_the_gil_measure_tells_a_call_holding_it(counter: Counter) -> None:
    # The measure the tests below use, on a call known to hold the GIL.
    assert rate_beside(counter, hold_the_gil) < 0.05


def test_other_threads_run_while_a_call_waits(held_mock: Mock, counter: Counter) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=held_mock.base + "/v1", identity_url=held_mock.base)
    with pytest.raises(payroc_rs.NotFoundError):
        c.payments.retrieve("NOSUCH")  # token fetched (that takes HELD too)
    assert rate_beside(counter, lambda: c.payments.create(card_payment())) > 0.2


def test_other_threads_run_while_a_page_is_fetched(held_mock: Mock, counter: Counter) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=held_mock.base + "/v1", identity_url=held_mock.base)
    pages = c.payments.list(limit=1)
    with pytest.raises(payroc_rs.NotFoundError):
        c.payments.retrieve("NOSUCH")
    assert rate_beside(counter, lambda: next(pages, None)) > 0.2


def test_other_threads_run_while_a_paytrace_call_waits(held_mock: Mock, counter: Counter) -> None:
    pt = payroc_rs.PaytraceClient("pt-user", "pt-pass-SECRET", base_url=held_mock.base)
    pt.recurrences.export_by_customer(123456789, limit=5)  # token fetched
    assert rate_beside(counter, lambda: pt.recurrences.export_by_customer(123456789, limit=5)) > 0.2


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


def test_threads_with_small_stacks(client: payroc_rs.Client, aclient: payroc_rs.AsyncClient) -> None:
    # threading.stack_size(64 KiB): a debug build's call needs a few hundred KiB; it
    # runs on a stack from the heap instead of overflowing (this crashed with SIGSEGV).
    out: Dict[str, Any] = {}

    def work() -> None:
        try:
            out["payment"] = client.payments.create(card_payment()).is_approved
            deep: Any = "leaf"
            for _ in range(126):
                deep = [deep]
            out["body"] = len(request_body({"k": deep}))
            out["page"] = next(iter(client.payments.list(limit=1)), None) is not None
            with pytest.raises(payroc_rs.NotFoundError):
                client.payments.retrieve("NOSUCH")
            sale = client.payment_instructions.run_sale(
                "SMALL-STACK", processing_terminal_id="1234001", deadline=10,
                order={"order_id": "SMALL" + str(time.monotonic_ns())[-10:], "amount": 700, "currency": "USD"})
            out["sale"] = sale.approved

            async def in_loop() -> bool:
                return (await aclient.payments.create(card_payment())).is_approved

            out["async"] = asyncio.run(in_loop())
        except BaseException as err:  # reported below, not lost in the thread
            out["error"] = repr(err)

    previous = threading.stack_size(64 * 1024)
    try:
        thread = threading.Thread(target=work)
        thread.start()
    finally:
        threading.stack_size(previous)
    thread.join()
    assert out == {"payment": True, "body": out.get("body"), "page": True, "sale": True, "async": True}, out
