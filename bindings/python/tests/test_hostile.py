"""A hostile server, through payroc_rs: the emulator's queued hostile faults. A 2xx
whose body cannot be read is reported as processed, with what could be read and the
idempotency key to retry with (one charge only); card data a server echoes never
reaches an exception; replies are capped; redirects are not followed; a completed
Cloud sale is returned even when its deadline or cancel switch loses the race."""

from __future__ import annotations

import asyncio
import re
import threading
import time
import uuid
from typing import Any, Dict, List

import pytest
from conftest import API_KEY, CARD, TERMINAL, Mock, card_payment, shows_cvv

import payroc_rs


def queue(mock: Mock, fault: str, method: str, path_prefix: str, **extra: Any) -> None:
    mock.control("POST", "/_mock/faults/next",
                 [{"fault": fault, "method": method, "pathPrefix": path_prefix, **extra}])


def charges(mock: Mock, order_id: str) -> int:
    per_order: Dict[str, int] = mock.control("GET", "/_mock/counters")["paymentsPerOrderId"]
    return per_order.get(order_id, 0)


def exception_text(err: BaseException) -> str:
    parts: List[str] = [str(err), repr(err), repr(err.args), repr(vars(err))]
    return " ".join(parts)


def test_a_garbled_reply_to_a_payment_is_processed_and_retried_once(client: payroc_rs.Client, mock: Mock) -> None:
    p = card_payment()
    order = p["order"]["order_id"]
    queue(mock, "commitThenGarble", "POST", "/v1/payments")
    with pytest.raises(payroc_rs.DecodeError) as info:
        client.payments.create(p)
    err = info.value
    assert err.maybe_processed, "a 2xx to a payment means it was made"
    assert err.raw_body is not None and err.raw_body.startswith('{"paymentId": ')
    assert err.idempotency_key
    assert charges(mock, order) == 1
    again = client.payments.create(p, idempotency_key=err.idempotency_key)
    assert again.order.order_id == order and again.is_approved
    assert charges(mock, order) == 1, "the retry with the error's key charged again"


def test_a_garbled_reply_through_the_async_client(aclient: payroc_rs.AsyncClient, mock: Mock) -> None:
    p = card_payment()
    order = p["order"]["order_id"]
    key = str(uuid.uuid4())

    async def main() -> payroc_rs.Payment:
        queue(mock, "commitThenGarble", "POST", "/v1/payments")
        with pytest.raises(payroc_rs.DecodeError) as info:
            await aclient.payments.create(p, idempotency_key=key)
        assert info.value.maybe_processed and info.value.idempotency_key == key
        return await aclient.payments.create(p, idempotency_key=key)

    assert asyncio.run(main()).order.order_id == order
    assert charges(mock, order) == 1


def test_every_error_of_a_keyed_call_carries_its_key(client: payroc_rs.Client, mock: Mock) -> None:
    key = str(uuid.uuid4())
    queue(mock, "error500", "POST", "/v1/payments")
    with pytest.raises(payroc_rs.ServerError) as info:
        client.payments.create(card_payment(), idempotency_key=key)
    assert info.value.idempotency_key == key
    with pytest.raises(payroc_rs.NotFoundError) as nf:
        client.payments.retrieve("NOSUCH")
    assert nf.value.idempotency_key is None  # a GET carries none


def test_card_data_echoed_by_a_server_never_reaches_the_exception(client: payroc_rs.Client,
                                                                   mock: Mock) -> None:
    queue(mock, "cardEcho", "POST", "/v1/payments")
    with pytest.raises(payroc_rs.BadRequestError) as info:
        client.payments.create(card_payment())
    err = info.value
    text = exception_text(err) + repr(err.problem) + repr(err.errors) + repr(err.detail)
    assert "4111111111111111" not in text and not shows_cvv(text), text
    assert shows_cvv("with cvv 737 declined") and not shows_cvv("key 3075a1a1-e9dd-737a-a6b3")
    assert CARD not in text


def test_replies_are_capped(mock: Mock) -> None:
    small = payroc_rs.Client(api_key=API_KEY, api_url=mock.base + "/v1", identity_url=mock.base,
                             max_retries=0, max_response_bytes=200)
    p = card_payment()
    with pytest.raises(payroc_rs.DecodeError) as info:
        small.payments.create(p)  # a payment's JSON is well over 200 bytes
    assert info.value.maybe_processed and info.value.idempotency_key
    assert charges(mock, p["order"]["order_id"]) == 1

    client = payroc_rs.Client(api_key=API_KEY, api_url=mock.base + "/v1", identity_url=mock.base,
                              max_retries=0, max_response_bytes=64 * 1024)
    queue(mock, "endlessBody", "GET", "/v1/payments/")
    started = time.perf_counter()
    with pytest.raises(payroc_rs.DecodeError) as endless:
        client.payments.retrieve("ANY")
    assert time.perf_counter() - started < 5
    assert not endless.value.maybe_processed  # a GET changes nothing
    queue(mock, "hugeError", "POST", "/v1/payments")
    with pytest.raises(payroc_rs.BadRequestError) as huge:
        payroc_rs.Client(api_key=API_KEY, api_url=mock.base + "/v1", identity_url=mock.base,
                         max_retries=0).payments.create(card_payment())
    assert huge.value.status == 400
    assert len(str(huge.value)) < 8 * 1024 and len(repr(huge.value.problem)) < 16 * 1024
    pt = payroc_rs.PaytraceClient("pt-user", "pt-pass-SECRET", base_url=mock.base, max_response_bytes=10)
    with pytest.raises(payroc_rs.PayrocError):
        pt.recurrences.export_by_customer(123456789, limit=5)
    for bad in (0, -1, 2**70):
        with pytest.raises(payroc_rs.ConfigurationError):
            payroc_rs.AsyncClient(api_key=API_KEY, max_response_bytes=bad)


def test_a_redirect_is_not_followed(client: payroc_rs.Client, mock: Mock) -> None:
    other = Mock()
    try:
        queue(mock, "redirect", "POST", "/v1/payments", location=other.base + "/v1/payments")
        with pytest.raises(payroc_rs.ApiError) as info:
            client.payments.create(card_payment())
        assert info.value.status == 307
        assert other.requests() == 0, "the card was re-sent to the redirect's host"
    finally:
        other.stop()


def test_a_hung_server_and_asyncio_wait_for(mock: Mock) -> None:
    ac = payroc_rs.AsyncClient(api_key=API_KEY, api_url=mock.base + "/v1", identity_url=mock.base,
                               max_retries=0)

    async def main() -> float:
        with pytest.raises(payroc_rs.NotFoundError):
            await ac.payments.retrieve("WARM")
        queue(mock, "hang", "POST", "/v1/payments")
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(ac.payments.create(card_payment()), 0.2)
        return time.perf_counter()

    timed_out = asyncio.run(main())
    assert time.perf_counter() - timed_out < 0.5


def in_progress_sale(c: payroc_rs.Client, serial: str, **kwargs: Any) -> payroc_rs.CloudSale:
    return c.payment_instructions.run_sale(serial, processing_terminal_id=TERMINAL,
                                           order={"order_id": "R" + uuid.uuid4().hex[:16], "amount": 700,
                                                  "currency": "USD"}, **kwargs)


def test_a_sale_completed_as_its_deadline_cancels_it_is_returned(device_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    queue(device_mock, "completeOnCancel", "DELETE", "/v1/payment-instructions/")
    sale = in_progress_sale(c, "RACE-DEADLINE", deadline=1.0)
    assert sale.outcome == "completed"
    assert sale.approved and sale.payment is not None and sale.payment.is_approved
    assert sale.instruction.status == "completed"


def test_a_sale_completed_as_its_cancel_token_cancels_it_is_returned(device_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    queue(device_mock, "completeOnCancel", "DELETE", "/v1/payment-instructions/")
    token = payroc_rs.CancelToken()
    timer = threading.Timer(0.5, token.cancel)
    timer.start()
    try:
        sale = in_progress_sale(c, "RACE-TOKEN", deadline=30, cancel=token)
    finally:
        timer.cancel()
    assert token.cancelled
    assert sale.outcome == "completed"
    assert sale.approved and sale.payment is not None and sale.payment.is_approved


def test_the_same_races_through_the_async_client(device_mock: Mock) -> None:
    ac = payroc_rs.AsyncClient(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)

    async def main() -> List[payroc_rs.CloudSale]:
        out = []
        queue(device_mock, "completeOnCancel", "DELETE", "/v1/payment-instructions/")
        out.append(await ac.payment_instructions.run_sale(
            "RACE-ASYNC-D", processing_terminal_id=TERMINAL, deadline=1.0,
            order={"order_id": "A" + uuid.uuid4().hex[:16], "amount": 700, "currency": "USD"}))
        queue(device_mock, "completeOnCancel", "DELETE", "/v1/payment-instructions/")
        token = payroc_rs.CancelToken()
        asyncio.get_running_loop().call_later(0.5, token.cancel)
        out.append(await ac.payment_instructions.run_sale(
            "RACE-ASYNC-T", processing_terminal_id=TERMINAL, deadline=30, cancel=token,
            order={"order_id": "A" + uuid.uuid4().hex[:16], "amount": 700, "currency": "USD"}))
        return out

    for sale in asyncio.run(main()):
        assert sale.outcome == "completed" and sale.approved and sale.payment is not None


def test_a_cancelled_token_submits_nothing(device_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    token = payroc_rs.CancelToken()
    token.cancel()
    serial = "PRE-" + uuid.uuid4().hex[:8]
    with pytest.raises(payroc_rs.CancelledError):
        in_progress_sale(c, serial, cancel=token, deadline=30)
    log = device_mock.control("GET", "/_mock/requests")
    entries = log["requests"] if isinstance(log, dict) else log
    assert not [r for r in entries if serial in r["path"]], "a cancelled sale was submitted"


def test_an_abandoned_sale_that_completes_anyway_is_logged_not_lost(device_mock: Mock,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    ac = payroc_rs.AsyncClient(api_key=API_KEY, api_url=device_mock.base + "/v1", identity_url=device_mock.base)
    order_id = "L" + uuid.uuid4().hex[:16]

    async def main() -> None:
        queue(device_mock, "completeOnCancel", "DELETE", "/v1/payment-instructions/")
        sale = ac.payment_instructions.run_sale("RACE-ABANDON", processing_terminal_id=TERMINAL, deadline=30,
                                                order={"order_id": order_id, "amount": 700, "currency": "USD"})
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(sale, 0.5)

    with caplog.at_level("WARNING", logger="payroc_rs"):
        asyncio.run(main())
        for _ in range(50):  # the cancel, answered 409, runs in the background
            if caplog.records:
                break
            time.sleep(0.1)
    assert charges(device_mock, order_id) == 1
    [record] = [r for r in caplog.records if r.name == "payroc_rs"]
    assert "finished on the device" in record.getMessage() and order_id in record.getMessage()
    assert not re.search(r"\d{13,}", record.getMessage()), "a card number in the log"
