"""Ctrl-C interrupts a blocking call: while the native call waits (GIL released) it
runs Python's signal handlers every ~100 ms, so ``KeyboardInterrupt`` is raised
during the call, not after it. A Cloud wait or sale cancels its instruction on the
device first (bounded), as its deadline would."""

from __future__ import annotations

import _thread
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from typing import Any, Callable, Iterator

import pytest
from conftest import API_KEY, TERMINAL, Mock, card_payment

import payroc_rs


@pytest.fixture(scope="module")
def hung_mock() -> Iterator[Mock]:
    """Every answer takes a minute: a call against it only ends when interrupted."""
    m = Mock("--latency-ms", "60000")
    yield m
    m.stop()


def interrupted(after: float, how: Callable[[], Any], call: Callable[[], Any]) -> float:
    """Runs `call` with `how` (an interrupt) fired from another thread `after` seconds;
    returns how long the call took to raise KeyboardInterrupt."""
    timer = threading.Timer(after, how)
    started = time.perf_counter()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            call()
    finally:
        timer.cancel()
    return time.perf_counter() - started


def raise_sigint() -> None:
    signal.raise_signal(signal.SIGINT)


@pytest.mark.parametrize("how", [_thread.interrupt_main, raise_sigint], ids=["interrupt_main", "SIGINT"])
def test_ctrl_c_interrupts_a_hung_call(hung_mock: Mock, how: Callable[[], Any]) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=hung_mock.base + "/v1", identity_url=hung_mock.base,
                         max_retries=0)
    took = interrupted(0.3, how, lambda: c.payments.create(card_payment()))
    assert took < 1.0, f"KeyboardInterrupt came {took:.2f}s after the call started"


def test_ctrl_c_interrupts_a_hung_page_and_paytrace_call(hung_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=hung_mock.base + "/v1", identity_url=hung_mock.base,
                         max_retries=0)
    assert interrupted(0.3, _thread.interrupt_main, lambda: next(iter(c.payments.list()))) < 1.0
    pt = payroc_rs.PaytraceClient("pt-user", "pt-pass-SECRET", base_url=hung_mock.base, max_retries=0)
    assert interrupted(0.3, _thread.interrupt_main, lambda: pt.recurrences.export_by_customer(123456789, limit=5)) < 1.0


def sigint_when_ready(script: str, ready: str, settle: float) -> None:
    """Runs `script` in a new interpreter, sends it SIGINT `settle` seconds after it
    prints `ready`, and checks it ends with KeyboardInterrupt within 2 s."""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == ready
        time.sleep(settle)
        proc.send_signal(signal.SIGINT)
        started = time.perf_counter()
        _, err = proc.communicate(timeout=10)
        took = time.perf_counter() - started
    finally:
        proc.kill()
        proc.wait()
    assert "KeyboardInterrupt" in err, err
    assert proc.returncode != 0
    assert took < 2.0, f"the process took {took:.2f}s to end after SIGINT"


def test_sigint_ends_a_process_stuck_in_a_call(hung_mock: Mock) -> None:
    script = textwrap.dedent(f"""
        import sys, payroc_rs
        c = payroc_rs.Client(api_key={API_KEY!r}, api_url={hung_mock.base + "/v1"!r},
                             identity_url={hung_mock.base!r}, max_retries=0)
        print("calling", flush=True)
        c.payments.retrieve("ANY")
    """)
    sigint_when_ready(script, "calling", settle=0.3)


def submitted(c: payroc_rs.Client, serial: str) -> str:
    ins = c.payment_instructions.submit(serial, processing_terminal_id=TERMINAL,
                                        order={"order_id": "S" + uuid.uuid4().hex[:16], "amount": 700,
                                               "currency": "USD"})
    assert ins.payment_instruction_id is not None
    return ins.payment_instruction_id


def test_ctrl_c_during_a_cloud_wait_cancels_the_instruction(device_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    ident = submitted(c, "SIG-W")
    took = interrupted(0.3, _thread.interrupt_main, lambda: c.payment_instructions.wait(ident, deadline=30))
    assert took < 2.0
    assert c.payment_instructions.retrieve(ident).status == "canceled"
    # The caller's own token is left as it was.
    token = payroc_rs.CancelToken()
    ident = submitted(c, "SIG-W2")
    interrupted(0.3, _thread.interrupt_main, lambda: c.payment_instructions.wait(ident, deadline=30, cancel=token))
    assert not token.cancelled
    assert c.payment_instructions.retrieve(ident).status == "canceled"


def test_ctrl_c_during_a_cloud_sale_cancels_the_instruction(device_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    serial = "SIG-S-" + uuid.uuid4().hex[:8]
    order = {"order_id": "S" + uuid.uuid4().hex[:16], "amount": 700, "currency": "USD"}
    timer = threading.Timer(0.5, _thread.interrupt_main)
    started = time.perf_counter()
    timer.start()
    with pytest.raises(KeyboardInterrupt) as info:
        c.payment_instructions.run_sale(serial, processing_terminal_id=TERMINAL, order=order, deadline=30)
    timer.cancel()
    assert time.perf_counter() - started < 2.5
    assert not getattr(info.value, "__notes__", None), "a cancelled sale is not reported as finished"
    log = device_mock.control("GET", "/_mock/requests")
    entries = log["requests"] if isinstance(log, dict) else log
    polled = [r["path"] for r in entries if r["method"] == "GET" and "/payment-instructions/" in r["path"]]
    assert polled, "the sale was submitted and waited on"
    ident = polled[-1].rsplit("/", 1)[-1]
    assert c.payment_instructions.retrieve(ident).status == "canceled"


def test_a_cancel_token_still_stops_a_wait(device_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    ident = submitted(c, "SIG-T")
    token = payroc_rs.CancelToken()
    threading.Timer(0.3, token.cancel).start()
    started = time.perf_counter()
    with pytest.raises(payroc_rs.CancelledError):
        c.payment_instructions.wait(ident, deadline=30, cancel=token)
    assert time.perf_counter() - started < 2.0
    assert c.payment_instructions.retrieve(ident).status == "canceled"
    # A token cancelled before the call: nothing is submitted.
    serial = "SIG-PRE-" + uuid.uuid4().hex[:8]
    with pytest.raises(payroc_rs.CancelledError):
        c.payment_instructions.run_sale(serial, processing_terminal_id=TERMINAL, cancel=token, deadline=30,
                                        order={"order_id": "P" + uuid.uuid4().hex[:16], "amount": 700,
                                               "currency": "USD"})


def test_a_sale_completed_while_ctrl_c_cancels_it_is_not_hidden(device_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    device_mock.control("POST", "/_mock/faults/next",
                        [{"fault": "completeOnCancel", "method": "DELETE", "pathPrefix": "/v1/payment-instructions/"}])
    order = {"order_id": "N" + uuid.uuid4().hex[:16], "amount": 700, "currency": "USD"}
    timer = threading.Timer(0.5, _thread.interrupt_main)
    timer.start()
    with pytest.raises(KeyboardInterrupt) as info:
        c.payment_instructions.run_sale("SIG-RACE", processing_terminal_id=TERMINAL, order=order, deadline=30)
    timer.cancel()
    if sys.version_info >= (3, 11):
        notes = " ".join(getattr(info.value, "__notes__", []))
        assert "finished on the device" in notes and order["order_id"] in notes, notes
        assert '"status":"completed"' in notes.replace(" ", ""), notes
        assert not re.search(r"\d{13,}", notes), "digits that may be a card number in the note"


def test_the_interpreter_exits_cleanly_with_a_daemon_thread_in_a_call(hung_mock: Mock) -> None:
    script = textwrap.dedent(f"""
        import threading, time, payroc_rs
        c = payroc_rs.Client(api_key={API_KEY!r}, api_url={hung_mock.base + "/v1"!r},
                             identity_url={hung_mock.base!r}, max_retries=0)
        threading.Thread(target=lambda: c.payments.retrieve("ANY"), daemon=True).start()
        time.sleep(0.5)
        print("exiting", flush=True)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=20)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "exiting"
    assert "panic" not in run.stderr.lower() and "fatal" not in run.stderr.lower(), run.stderr


def test_sigint_ends_a_process_waiting_on_a_device_and_cancels_the_instruction(device_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    ident = submitted(c, "SIG-PROC")
    script = textwrap.dedent(f"""
        import payroc_rs
        c = payroc_rs.Client(api_key={API_KEY!r}, api_url={device_mock.base + "/v1"!r},
                             identity_url={device_mock.base!r})
        print("waiting", flush=True)
        c.payment_instructions.wait({ident!r})  # no deadline: only Ctrl-C ends it
    """)
    sigint_when_ready(script, "waiting", settle=0.5)
    assert c.payment_instructions.retrieve(ident).status == "canceled"


def test_sigint_ends_a_call_to_a_hung_server(mock: Mock) -> None:
    # The emulator's `hang`: the connection is held open with no answer at all.
    mock.control("POST", "/_mock/faults/next", [{"fault": "hang", "method": "POST", "pathPrefix": "/v1/payments"}])
    c = payroc_rs.Client(api_key=API_KEY, api_url=mock.base + "/v1", identity_url=mock.base, max_retries=0)
    took = interrupted(0.3, raise_sigint, lambda: c.payments.create(card_payment()))
    assert took < 1.0


def test_sigint_ends_an_asyncio_program_waiting_on_a_device_and_cancels_the_instruction(device_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    ident = submitted(c, "SIG-ASYNC")
    script = textwrap.dedent(f"""
        import asyncio, payroc_rs
        ac = payroc_rs.AsyncClient(api_key={API_KEY!r}, api_url={device_mock.base + "/v1"!r},
                                   identity_url={device_mock.base!r})
        async def main():
            print("waiting", flush=True)
            await ac.payment_instructions.wait({ident!r})
        asyncio.run(main())
    """)
    sigint_when_ready(script, "waiting", settle=0.5)
    assert c.payment_instructions.retrieve(ident).status == "canceled"
