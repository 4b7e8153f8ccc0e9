"""Every exception type, with its attributes; bad input rejected before any request."""

from __future__ import annotations

import builtins
import socket
from typing import Callable, Iterator

import pytest
from conftest import API_KEY, CARD, TERMINAL, Mock, card_payment, keyed_card, order_id, shows_cvv

import payroc_rs


@pytest.fixture(scope="module")
def slow_mock() -> Iterator[Mock]:
    m = Mock("--latency-ms", "400")
    yield m
    m.stop()


def test_hierarchy() -> None:
    assert issubclass(payroc_rs.ValidationError, ValueError)
    assert issubclass(payroc_rs.TransportError, ConnectionError)
    assert issubclass(payroc_rs.TimeoutError, builtins.TimeoutError)
    for cls in (payroc_rs.BadRequestError, payroc_rs.AuthenticationError, payroc_rs.NotFoundError,
                payroc_rs.ConflictError, payroc_rs.RateLimitError, payroc_rs.ServerError,
                payroc_rs.PermissionDeniedError):
        assert issubclass(cls, payroc_rs.ApiError)
    for cls in (payroc_rs.ApiError, payroc_rs.ValidationError, payroc_rs.TransportError, payroc_rs.TimeoutError,
                payroc_rs.ConfigurationError, payroc_rs.DecodeError, payroc_rs.CancelledError):
        assert issubclass(cls, payroc_rs.PayrocError)


def test_missing_fields_are_named_and_nothing_is_sent(client: payroc_rs.Client, mock: Mock) -> None:
    before = mock.requests()
    with pytest.raises(payroc_rs.ValidationError) as info:
        client.payments.create(channel="web", processing_terminal_id=TERMINAL,
                               payment_method={"type": "secureToken", "token": "296753123458"})
    assert [e.path for e in info.value.errors] == ["order"]
    assert "missing field `order`" in str(info.value)
    with pytest.raises(ValueError):  # also a ValueError
        client.payments.create(channel="web", processing_terminal_id=TERMINAL,
                               order={"order_id": "", "amount": 0, "currency": "USD"},
                               payment_method={"type": "secureToken", "token": "296753123458"})
    assert mock.requests() == before


def test_every_violation_is_reported(client: payroc_rs.Client) -> None:
    with pytest.raises(payroc_rs.ValidationError) as info:
        client.payments.create(channel="web", processing_terminal_id=TERMINAL,
                               order={"order_id": "", "amount": 0, "currency": "USD"},
                               payment_method={"type": "secureToken", "token": "296753123458"})
    assert [e.path for e in info.value.errors] == ["order.orderId", "order.amount"]
    assert all(e.message and e.code for e in info.value.errors)


def test_wrong_types(client: payroc_rs.Client, mock: Mock) -> None:
    before = mock.requests()
    body = card_payment()
    body["order"]["amount"] = "forty"
    with pytest.raises(payroc_rs.ValidationError) as info:
        client.payments.create(body)
    assert info.value.errors[0].path == "order.amount"
    assert info.value.errors[0].code == "type"
    import datetime

    with pytest.raises(payroc_rs.ValidationError) as info:
        client.payments.create(card_payment(), order={"order_id": "X", "amount": 1, "currency": "USD",
                                                      "date_time": datetime.datetime.now()})
    assert info.value.errors[0].path == "order.dateTime"
    with pytest.raises(payroc_rs.ValidationError) as info:
        client.payments.retrieve(None)  # type: ignore[arg-type]
    assert info.value.errors[0].path == "paymentId"
    assert mock.requests() == before


def test_invalid_card_number(client: payroc_rs.Client, mock: Mock) -> None:
    before = mock.requests()
    bad = "4539858876047063"
    body = card_payment()
    body["payment_method"] = {"type": "card", "card_details": keyed_card(bad)}
    with pytest.raises(payroc_rs.ValidationError) as info:
        client.payments.create(body)
    path = "paymentMethod.cardDetails.keyedData.cardNumber"
    assert [e.path for e in info.value.errors] == [path]
    assert bad not in str(info.value) and bad not in repr(info.value.errors)
    assert mock.requests() == before


@pytest.mark.parametrize("payment_id", [".", ".."])
def test_dot_ids_are_refused_and_nothing_is_sent(client: payroc_rs.Client, mock: Mock, payment_id: str) -> None:
    # URL parsers take `.` and `..` as path steps even percent-encoded: `payments/.` is the list.
    before = mock.requests()
    with pytest.raises(payroc_rs.ValidationError) as info:
        client.payments.retrieve(payment_id)
    assert info.value.errors[0].path == "paymentId"
    assert mock.requests() == before


@pytest.mark.parametrize(("body", "says"), [
    ([], "expected a JSON object"),
    ({"order": {"amount": 2**64}}, "order.amount: is a whole number that does not fit in 64 bits"),
])
def test_confusing_bodies_get_plain_messages(client: payroc_rs.Client, body: object, says: str) -> None:
    with pytest.raises(payroc_rs.PayrocError) as info:
        client.payments.create(body)  # type: ignore[arg-type]
    assert says in str(info.value), str(info.value)
    assert "18446744073709551616" not in str(info.value), "the value is not quoted back"


def test_bad_idempotency_key(client: payroc_rs.Client) -> None:
    with pytest.raises(payroc_rs.ValidationError) as info:
        client.payments.create(card_payment(), idempotency_key="not-a-uuid")
    assert info.value.errors[0].path == "Idempotency-Key"


def test_same_idempotency_key_charges_once(client: payroc_rs.Client) -> None:
    import uuid

    key = str(uuid.uuid4())
    body = card_payment()
    a = client.payments.create(body, idempotency_key=key)
    b = client.payments.create(body, idempotency_key=key)
    assert a.payment_id == b.payment_id


def test_api_errors_carry_status_and_problem(client: payroc_rs.Client, mock: Mock) -> None:
    with pytest.raises(payroc_rs.BadRequestError) as bad:
        client.payments.create(card_payment(), payment_method={"type": "secureToken", "token": "296753999990"})
    err = bad.value
    assert err.status == 400 and err.problem["status"] == 400
    assert "paymentMethod.token" in [e.path for e in err.field_errors]
    assert err.title and not err.maybe_processed and not err.retryable

    with pytest.raises(payroc_rs.NotFoundError) as nf:
        client.payments.retrieve("NOSUCHPAYMENT")
    assert nf.value.status == 404 and isinstance(nf.value.problem, dict)

    mock.control("POST", "/_mock/faults/next", [{"fault": "error500", "method": "GET", "pathPrefix": "/v1/payments"}])
    with pytest.raises(payroc_rs.ServerError) as se:
        client.payments.retrieve("ANY")
    assert se.value.status == 500 and se.value.retryable

    mock.control("POST", "/_mock/faults/next", [{"fault": "error429", "method": "GET", "pathPrefix": "/v1/payments"}])
    with pytest.raises(payroc_rs.RateLimitError) as rl:
        client.payments.retrieve("ANY")
    assert rl.value.status == 429


def test_authentication_error(mock: Mock) -> None:
    wrong = "wrong-key-SECRET-42"
    c = payroc_rs.Client(api_key=wrong, api_url=mock.base + "/v1", identity_url=mock.base, max_retries=0)
    with pytest.raises(payroc_rs.AuthenticationError) as info:
        c.payments.retrieve("X")
    assert info.value.status == 401
    assert wrong not in str(info.value) and wrong not in repr(info.value) and wrong not in repr(c)


def test_a_token_the_server_stopped_honouring_is_replaced(client: payroc_rs.Client, mock: Mock) -> None:
    client.payments.create(card_payment())
    issued = mock.control("GET", "/_mock/counters")["authorize"]
    mock.control("POST", "/_mock/tokens/expire")
    payment = client.payments.create(card_payment(2200))
    assert payment.order.amount == 2200
    assert mock.control("GET", "/_mock/counters")["authorize"] == issued + 1, "one new token"


def test_transport_error() -> None:
    # A port held bound but not listening for the whole test refuses connections, and
    # nothing else can take it meanwhile (a port released, or 127.0.0.1:9, may be in use).
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        c = payroc_rs.Client(api_key=API_KEY, api_url=base + "/v1", identity_url=base, max_retries=0)
        with pytest.raises(payroc_rs.TransportError) as info:
            c.payments.create(card_payment())
    assert isinstance(info.value, ConnectionError)
    assert not info.value.maybe_processed
    assert CARD not in str(info.value)


def test_timeout_error(slow_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=slow_mock.base + "/v1", identity_url=slow_mock.base,
                         max_retries=0)
    with pytest.raises(payroc_rs.NotFoundError):
        c.payments.retrieve("NOSUCH")  # the token is fetched
    with pytest.raises(payroc_rs.TimeoutError) as info:
        c.payments.create(card_payment(), timeout=0.1)
    assert isinstance(info.value, builtins.TimeoutError)
    assert info.value.maybe_processed
    assert info.value.idempotency_key


def test_a_token_fetch_that_times_out_sent_no_payment(slow_mock: Mock) -> None:
    c = payroc_rs.Client(api_key=API_KEY, api_url=slow_mock.base + "/v1", identity_url=slow_mock.base,
                         timeout=0.1, max_retries=0)
    with pytest.raises(payroc_rs.PayrocError) as info:
        c.payments.create(card_payment())
    assert not info.value.maybe_processed, "no payment was sent without a token"


def test_configuration_errors() -> None:
    with pytest.raises(payroc_rs.ConfigurationError):
        payroc_rs.Client(api_key="k", environment="moon")
    with pytest.raises(payroc_rs.ConfigurationError) as info:
        payroc_rs.Client(api_key="k", api_url="http://example.com/v1", identity_url="http://example.com")
    assert "https" in str(info.value)
    with pytest.raises(payroc_rs.ConfigurationError):
        payroc_rs.Client(api_key="")
    with pytest.raises(payroc_rs.ConfigurationError):
        payroc_rs.Client(api_key="k", timeout=-1)
    assert payroc_rs.Client(api_key="k", environment="production").api_url == "https://api.payroc.com/v1"


def test_no_bare_runtime_error(client: payroc_rs.Client) -> None:
    with pytest.raises(payroc_rs.PayrocError) as info:
        client.payments.capture("X", amount="lots")
    assert type(info.value) is not RuntimeError


def test_secrets_absent_from_repr_and_errors(client: payroc_rs.Client) -> None:
    assert API_KEY not in repr(client)
    obj = payroc_rs.PayrocObject({"cardNumber": CARD, "cvv": "123", "nested": {"accessToken": "tok-SECRET"}})
    text = repr(obj)
    assert CARD not in text and "123" not in text and "tok-SECRET" not in text
    assert "453985******7062" in text
    token = client.secure_tokens.create(TERMINAL, source={"type": "card", "card_details": keyed_card()})
    assert CARD not in repr(token) and CARD not in str(token.to_dict())
    body = card_payment()
    body["payment_method"]["card_details"]["keyed_data"]["cvv"] = "12x45"
    with pytest.raises(payroc_rs.ValidationError) as info:
        client.payments.create(body)
    assert "12x45" not in str(info.value) and CARD not in str(info.value)


def test_objects_are_typed_and_readable(client: payroc_rs.Client) -> None:
    p = client.payments.create(card_payment())
    d = p.to_dict()
    assert d["paymentId"] == p.payment_id == p["paymentId"]
    assert type(p) is payroc_rs.Payment and type(p.order) is payroc_rs.PayrocObject
    assert "payment_id" in dir(p)
    assert repr(p).startswith("Payment(payment_id=")
    with pytest.raises(AttributeError):
        p.no_such_field  # noqa: B018
    with pytest.raises(AttributeError):
        p.payment_id = "x"  # type: ignore[attr-defined]
    d["paymentId"] = "changed"
    assert p.payment_id != "changed"
    # Without a schema an absent field is absent: AttributeError, or None from get().
    assert p.get("operator") is None or isinstance(p.operator, str)
    _ = order_id


def test_out_of_range_settings_are_typed_errors_not_panics(client: payroc_rs.Client, mock: Mock) -> None:
    def refused(make: Callable[[], object]) -> payroc_rs.PayrocError:
        try:
            make()
        except payroc_rs.PayrocError as err:
            assert isinstance(err, ValueError)
            return err
        except BaseException as err:  # PanicException is a BaseException
            pytest.fail(f"{type(err).__module__}.{type(err).__name__}: {err}")
        pytest.fail("accepted")

    base = dict(api_key=API_KEY, api_url=mock.base + "/v1", identity_url=mock.base)
    for timeout in (1e308, 2**70, 10**400, float("inf"), float("nan"), 0, -1):
        refused(lambda: payroc_rs.Client(**base, timeout=timeout))  # type: ignore[arg-type]
        refused(lambda: payroc_rs.AsyncClient(**base, timeout=timeout))  # type: ignore[arg-type]
        refused(lambda: payroc_rs.PaytraceClient("u", "p", base_url=mock.base, timeout=timeout))
        refused(lambda: client.payments.create(card_payment(), timeout=timeout))
    for deadline in (1e300, 2**70, 10**400):
        refused(lambda: client.payment_instructions.wait("X", deadline=deadline))
    for retries in (-1, 2**70, 10**400):
        err = refused(lambda: payroc_rs.Client(**base, max_retries=retries))  # type: ignore[arg-type]
        assert isinstance(err, payroc_rs.ConfigurationError)
        assert "max_retries" in str(err)
        refused(lambda: payroc_rs.PaytraceClient("u", "p", base_url=mock.base, max_retries=retries))
    # The largest values still accepted work.
    payroc_rs.Client(**base, timeout=86_400 * 365, max_retries=100)  # type: ignore[arg-type]


def test_a_panic_never_escapes_as_a_base_exception() -> None:
    from payroc_rs import _payroc

    with pytest.raises(payroc_rs.PayrocError) as info:
        _payroc._panic_for_tests()
    assert "internal error" in str(info.value)
    assert info.value.maybe_processed


def test_card_data_sent_as_numbers_is_never_quoted_back(client: payroc_rs.Client, mock: Mock) -> None:
    before = mock.requests()
    pan = 4111111111111111
    cases = []
    body = card_payment()
    body["payment_method"]["card_details"]["keyed_data"]["card_number"] = pan
    cases.append(body)
    body = card_payment()
    body["payment_method"]["card_details"]["keyed_data"]["cvv"] = 737
    cases.append(body)
    body = card_payment()
    body["payment_method"]["card_details"]["entry_method"] = str(pan)  # a PAN in an enum field
    cases.append(body)
    body = card_payment()
    body["order"]["currency"] = pan
    cases.append(body)
    for sent in cases:
        with pytest.raises(payroc_rs.ValidationError) as info:
            client.payments.create(sent)
        err = info.value
        text = " ".join([str(err), repr(err), repr(err.errors), repr(err.args)]
                        + [f"{e.path} {e.message} {e.code}" for e in err.errors])
        assert str(pan) not in text and not shows_cvv(text), text
        assert "411111" not in text, text
    assert mock.requests() == before
