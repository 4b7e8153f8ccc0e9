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
from conftest import Mock

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
        ({"n": 2**64}, "n", "64-bit"),
        ([1], "", "not both"),
    ]
    for sent, path, message in cases:
        with pytest.raises(payroc_rs.ValidationError) as info:
            client.payments.create(sent, channel="web")
        assert [e.path for e in info.value.errors] == [path], sent
        assert message in info.value.errors[0].message
        assert info.value.errors[0].code == "type"
    assert mock.requests() == before
