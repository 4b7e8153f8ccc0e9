"""Request bodies from Python values: snake_case keys become the API's camelCase at
every depth, the usual containers and scalars are accepted, and a value that cannot
be sent is refused before any request is made, at its path."""

from __future__ import annotations

import decimal
import enum
import json
import types
from typing import Any, Mapping, Optional

import pytest
from conftest import Mock, card_payment

import payroc_rs
from payroc_rs._payroc import request_body


def body(value: Any, fields: Optional[Mapping[str, Any]] = None, convert: bool = True) -> Any:
    return json.loads(request_body(value, fields, convert))


def test_keys_become_camel_case_at_every_depth() -> None:
    sent = {"processing_terminal_id": "1", "order": {"order_id": "A", "breakdown": {"items": [{"unit_price": 1}]}}}
    assert body(sent) == {
        "processingTerminalId": "1",
        "order": {"orderId": "A", "breakdown": {"items": [{"unitPrice": 1}]}},
    }
    assert body({"orderId": "A"}) == {"orderId": "A"}
    # PayTrace's keys are snake_case: not converted.
    assert body({"customer_id": 1}, convert=False) == {"customer_id": 1}


def test_keyword_fields_update_the_body() -> None:
    assert body({"a_b": 1, "c": 2}, {"c": 3, "d_e": 4}) == {"aB": 1, "c": 3, "dE": 4}
    assert body(None, {"x_y": 1}) == {"xY": 1}
    assert body(None) == {}
    # A field replaces the body's member of the same API name, however either spells it.
    assert body({"order_id": 1, "z": 0}, {"orderId": 2}) == {"orderId": 2, "z": 0}
    assert body(types.MappingProxyType({"a_b": 1}), {"c": 2}) == {"aB": 1, "c": 2}
    assert body(payroc_rs.PayrocObject({"paymentId": "X"}), {"amount": 1}) == {"paymentId": "X", "amount": 1}
    with pytest.raises(payroc_rs.ValidationError, match="not both"):
        request_body([1], {"c": 3})


def test_json_is_written_in_the_callers_order_and_escaped() -> None:
    text = request_body({"zeta": "é\"\n\u2028", "alpha": [1.5, -0.0, 1e300], "mid": {"b": 1, "a": 2}})
    assert text.decode().startswith('{"zeta":') and list(json.loads(text)["mid"]) == ["b", "a"]
    assert json.loads(text) == {"zeta": "é\"\n\u2028", "alpha": [1.5, -0.0, 1e300], "mid": {"b": 1, "a": 2}}


def test_python_containers_and_scalars() -> None:
    class Channel(str, enum.Enum):
        WEB = "web"

    class Count(enum.IntEnum):
        TWO = 2

    sent = {
        "channel": Channel.WEB,
        "n": Count.TWO,
        "t": ("a", 1),
        "m": types.MappingProxyType({"order_id": "M"}),
        "d": decimal.Decimal("24.95"),
        "f": 1.5,
        "b": True,
        "none": None,
        "big": 2**63,
        "negative": -(2**63),
    }
    out = body(sent)
    assert out == {"channel": "web", "n": 2, "t": ["a", 1], "m": {"orderId": "M"}, "d": 24.95, "f": 1.5,
                   "b": True, "none": None, "big": 2**63, "negative": -(2**63)}
    assert type(out["n"]) is int and type(out["b"]) is bool


def test_a_response_object_is_sent_as_its_own_json() -> None:
    received = payroc_rs.PayrocObject({"paymentId": "X", "custom_key": 1})
    assert body({"payment": received}) == {"payment": {"paymentId": "X", "custom_key": 1}}


def test_what_cannot_be_sent_is_refused_at_its_path(client: payroc_rs.Client, mock: Mock) -> None:
    before = mock.requests()
    cases = [
        ({"order": {"amount": object()}}, "order.amount", "a object cannot be sent"),
        ({"order": {"items": [1, {"unit_price": float("nan")}]}}, "order.items[1].unitPrice", "not a number"),
        ({"order": {1: "x"}}, "order", "keys must be strings (got 1)"),
        ({"n": 2**64}, "n", "64 bits"),
        ([1], "", "not both"),
    ]
    for sent, path, message in cases:
        with pytest.raises(payroc_rs.ValidationError) as info:
            client.payments.create(sent, channel="web")
        assert [e.path for e in info.value.errors] == [path], sent
        assert message in info.value.errors[0].message
        assert info.value.errors[0].code == "type"
    assert mock.requests() == before


def test_a_value_that_contains_itself_is_refused_not_a_crash(client: payroc_rs.Client, mock: Mock) -> None:
    before = mock.requests()
    loop: dict[str, Any] = {"name": "x"}
    loop["value"] = loop
    listed: list[Any] = [1]
    listed.append(listed)
    for custom in (loop, [{"name": "x", "value": listed}]):
        with pytest.raises(payroc_rs.ValidationError) as info:
            client.payments.create(card_payment(), custom_fields=custom)
        assert isinstance(info.value, ValueError)  # as json.dumps raises ValueError
        assert "itself" in str(info.value)
        assert info.value.errors[0].path.startswith("customFields")
    assert mock.requests() == before


def test_nesting_deeper_than_the_bound_is_refused_not_a_crash(client: payroc_rs.Client, mock: Mock) -> None:
    before = mock.requests()
    for depth in (129, 2_000, 100_000):
        deep: Any = "leaf"
        for _ in range(depth):
            deep = [deep]
        with pytest.raises(payroc_rs.ValidationError) as info:
            client.payments.create(card_payment(), custom_fields=deep)
        assert "deeper than 128" in str(info.value), depth
        with pytest.raises(payroc_rs.ValidationError):
            request_body({"k": deep})
    # 127 levels below the top-level dict fit (serde_json reads 128).
    fine: Any = "leaf"
    for _ in range(127):
        fine = [fine]
    assert json.loads(request_body({"k": fine}))["k"] == fine
    assert mock.requests() == before


def test_decimals_are_sent_exactly_or_refused() -> None:
    assert body({"amount": decimal.Decimal("4999")}) == {"amount": 4999}
    assert type(body({"amount": decimal.Decimal("4999.00")})["amount"]) is int
    assert body({"amount": decimal.Decimal("-12")}) == {"amount": -12}
    assert body({"n": decimal.Decimal(2**63 - 1)}) == {"n": 2**63 - 1}  # float would round it
    assert json.loads(request_body({"rate": decimal.Decimal("24.95")}).decode())["rate"] == 24.95
    cases = [
        (decimal.Decimal("1e30"), "64 bits"),
        (decimal.Decimal(2**64), "64 bits"),
        (decimal.Decimal("4999.0000000000000001"), "exactly"),
        (decimal.Decimal("NaN"), "not a number"),
        (decimal.Decimal("Infinity"), "not a number"),
    ]
    for value, message in cases:
        with pytest.raises(payroc_rs.ValidationError) as info:
            request_body({"order": {"amount": value}})
        assert info.value.errors[0].path == "order.amount", value
        assert message in info.value.errors[0].message, value


def test_a_fractional_decimal_amount_is_refused_by_the_model(client: payroc_rs.Client, mock: Mock) -> None:
    before = mock.requests()
    p = card_payment()
    p["order"]["amount"] = decimal.Decimal("49.5")
    with pytest.raises(payroc_rs.ValidationError) as info:
        client.payments.create(p)
    assert "order.amount" in [e.path for e in info.value.errors]
    assert mock.requests() == before
    p["order"]["amount"] = decimal.Decimal("4999")
    assert client.payments.create(p).order.amount == 4999


def test_the_same_field_in_both_spellings_is_refused(client: payroc_rs.Client, mock: Mock) -> None:
    before = mock.requests()
    p = card_payment()
    p["order"]["orderId"] = "OTHER"
    with pytest.raises(payroc_rs.ValidationError) as info:
        client.payments.create(p)
    assert info.value.errors[0].path == "order.orderId"
    assert "order_id" in info.value.errors[0].message and "orderId" in info.value.errors[0].message
    with pytest.raises(payroc_rs.ValidationError):
        request_body({"processing_terminal_id": "1", "processingTerminalId": "2"})
    assert mock.requests() == before
    # Keyword fields still update the body they are given with.
    assert body({"order_id": "A"}, {"order_id": "B"}) == {"orderId": "B"}
