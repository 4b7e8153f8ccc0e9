"""AsyncClient is asyncio-native: each call is a Rust future awaited by the event loop,
never a worker thread. Cancelling the task (``asyncio.wait_for``) drops the call, so
it does not go on in the background; a Cloud wait or sale cancels its instruction on
the device on the way out; ``asyncio.run()`` returns at once."""

from __future__ import annotations

import asyncio
import concurrent.futures
import subprocess
import sys
import textwrap
import time
import uuid
from typing import Any, Callable, Coroutine, Iterator, List, TypeVar

import pytest
from conftest import API_KEY, TERMINAL, Mock, card_payment

import payroc_rs

T = TypeVar("T")
LATENCY = 1.0


class NoThreads(concurrent.futures.ThreadPoolExecutor):
    """A default executor that refuses work: any asyncio.to_thread/run_in_executor fails."""

    def submit(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("payroc_rs handed work to an executor thread")


def run(main: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """asyncio.run, with the default executor refusing work."""

    async def go() -> T:
        asyncio.get_running_loop().set_default_executor(NoThreads())
        return await main()

    return asyncio.run(go())


@pytest.fixture(scope="module")
def slow_mock() -> Iterator[Mock]:
    m = Mock("--latency-ms", str(int(LATENCY * 1000)))
    yield m
    m.stop()


def async_client(mock: Mock) -> payroc_rs.AsyncClient:
    return payroc_rs.AsyncClient(api_key=API_KEY, api_url=mock.base + "/v1", identity_url=mock.base,
                                 max_retries=0)


def logged(mock: Mock) -> List[Any]:
    log = mock.control("GET", "/_mock/requests")
    return list(log["requests"] if isinstance(log, dict) else log)


def test_wait_for_timeout_drops_the_call(slow_mock: Mock) -> None:
    ac = async_client(slow_mock)
    p = card_payment()
    key = str(uuid.uuid4())

    async def main() -> float:
        with pytest.raises(payroc_rs.NotFoundError):
            await ac.payments.retrieve("NOSUCH")  # the token is fetched: only the payment is slow
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(ac.payments.create(p, idempotency_key=key), 0.2)
        return time.perf_counter()

    timed_out = run(main)
    returned = time.perf_counter() - timed_out
    assert returned < 0.5, f"asyncio.run() took {returned:.2f}s to return after the timeout"
    sent = [r for r in logged(slow_mock) if r.get("idempotencyKey") == key]
    assert sent, "the payment request reached the emulator before the timeout"
    time.sleep(LATENCY + 0.5)  # past the emulator's latency: a call still going would be answered
    orders = {e.get("payment", e)["order"]["orderId"] for e in slow_mock.control("GET", "/_mock/ledger")["payments"]}
    assert p["order"]["order_id"] not in orders, "the cancelled call went on and charged"


def test_a_cancelled_cloud_sale_is_cancelled_on_the_device(device_mock: Mock) -> None:
    ac = async_client(device_mock)
    serial = "ASYNC-" + uuid.uuid4().hex[:8]

    async def main() -> float:
        sale = ac.payment_instructions.run_sale(serial, processing_terminal_id=TERMINAL, deadline=30,
                                                order={"order_id": "A" + uuid.uuid4().hex[:16], "amount": 700,
                                                       "currency": "USD"})
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(sale, 1.0)
        return time.perf_counter()

    started = time.perf_counter()
    timed_out = run(main)
    assert time.perf_counter() - timed_out < 0.5, "asyncio.run() waited for the abandoned sale"
    assert timed_out - started < 3
    submitted = [r for r in logged(device_mock) if r["method"] == "POST" and serial in r["path"]]
    assert len(submitted) == 1
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    polls = [r["path"] for r in logged(device_mock) if r["method"] == "GET" and "/payment-instructions/" in r["path"]]
    instruction_id = polls[-1].rsplit("/", 1)[-1]
    status = None
    for _ in range(30):  # the cancel runs in the background, bounded by the core
        status = c.payment_instructions.retrieve(instruction_id).status
        if status != "inProgress":
            break
        time.sleep(0.1)
    assert status == "canceled"


def test_a_cancelled_cloud_wait_is_cancelled_on_the_device(device_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    ac = async_client(device_mock)
    instruction = c.payment_instructions.submit("ASYNC-W", processing_terminal_id=TERMINAL,
                                                order={"order_id": "W" + uuid.uuid4().hex[:16], "amount": 700,
                                                       "currency": "USD"})
    ident = instruction.payment_instruction_id
    assert ident is not None

    async def main() -> None:
        task = asyncio.ensure_future(ac.payment_instructions.wait(ident, deadline=30))
        await asyncio.sleep(0.5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    run(main)
    status = None
    for _ in range(30):
        status = c.payment_instructions.retrieve(ident).status
        if status != "inProgress":
            break
        time.sleep(0.1)
    assert status == "canceled"


def test_async_calls_pages_and_paytrace_use_no_threads(mock: Mock) -> None:
    ac = async_client(mock)
    pt = payroc_rs.AsyncPaytraceClient("pt-user", "pt-pass-SECRET", base_url=mock.base)

    async def main() -> None:
        made = [await ac.payments.create(card_payment()) for _ in range(3)]
        ours = {p.payment_id for p in made}
        seen = [p.payment_id async for p in ac.payments.list(limit=1) if p.payment_id in ours]
        assert set(seen) == ours
        with pytest.raises(payroc_rs.ValidationError):
            await ac.payments.create(channel="web")
        exported = await pt.recurrences.export_by_customer(123456789, limit=5)
        assert exported.success

    run(main)


def test_many_calls_in_flight_then_exit_never_crash_the_interpreter(mock: Mock) -> None:
    # Results are set by one deliverer thread that stops taking the GIL at the
    # interpreter's exit: a thread still taking it as CPython finalizes aborted the
    # process (SIGABRT) after about one run in six of a bulk run like this one.
    script = textwrap.dedent(f"""
        import asyncio, payroc_rs
        ac = payroc_rs.AsyncClient(api_key={API_KEY!r}, api_url={mock.base + "/v1"!r},
                                   identity_url={mock.base!r})
        body = {card_payment()!r}
        async def main():
            async def pay(i):
                order = {{**body["order"], "order_id": body["order"]["order_id"][:10] + f"-{{i}}"}}
                p = await ac.payments.create({{**body, "order": order}})
                return p.is_approved
            done = await asyncio.gather(*(pay(i) for i in range(200)))
            print(len(done), flush=True)
        asyncio.run(main())
    """)
    for attempt in range(6):
        run_ = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
        assert run_.returncode == 0 and run_.stdout.strip() == "200", (attempt, run_.returncode, run_.stderr)


def test_an_async_pager_refuses_blocking_reads_and_vice_versa(client: payroc_rs.Client) -> None:
    pages = client.payments.list(limit=1)
    with pytest.raises(payroc_rs.ConfigurationError):
        asyncio.run(pages._native.next_page_async())  # type: ignore[arg-type]


def test_a_coroutine_never_awaited_sends_nothing(mock: Mock) -> None:
    ac = async_client(mock)
    p = card_payment()
    coro = ac.payments.create(p)
    coro.close()
    time.sleep(0.2)
    orders = {e.get("payment", e)["order"]["orderId"] for e in mock.control("GET", "/_mock/ledger")["payments"]}
    assert p["order"]["order_id"] not in orders


@pytest.fixture(scope="module")
def slow_device_mock() -> Iterator[Mock]:
    """Slow devices behind a slow gateway: a cancel takes 300 ms to be answered."""
    m = Mock("--instruction-delay-ms", "60000", "--latency-ms", "300")
    yield m
    m.stop()


def test_a_script_that_ends_right_after_abandoning_a_sale_still_cancels_it(slow_device_mock: Mock) -> None:
    device_mock = slow_device_mock
    serial = "EXIT-" + uuid.uuid4().hex[:8]
    script = textwrap.dedent(f"""
        import asyncio, payroc_rs
        ac = payroc_rs.AsyncClient(api_key={API_KEY!r}, api_url={device_mock.base + "/v1"!r},
                                   identity_url={device_mock.base!r})
        async def main():
            sale = ac.payment_instructions.run_sale({serial!r}, processing_terminal_id={TERMINAL!r},
                deadline=30, order={{"order_id": "X{uuid.uuid4().hex[:12]}", "amount": 700, "currency": "USD"}})
            try:
                await asyncio.wait_for(sale, 1.5)
            except asyncio.TimeoutError:
                print("abandoned", flush=True)
        asyncio.run(main())
    """)
    started = time.perf_counter()
    run_ = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert run_.returncode == 0 and run_.stdout.strip() == "abandoned", run_.stderr
    assert time.perf_counter() - started < 5
    entries = logged(device_mock)
    submitted = [r for r in entries if r["method"] == "POST" and serial in r["path"]]
    assert len(submitted) == 1
    polls = [r["path"] for r in entries if r["method"] == "GET" and "/payment-instructions/" in r["path"]]
    ident = [p for p in polls][-1].rsplit("/", 1)[-1]
    cancels = [r for r in entries if r["method"] == "DELETE" and ident in r["path"]]
    assert cancels, "the process ended before the instruction was cancelled"
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    assert c.payment_instructions.retrieve(ident).status == "canceled"
