"""Reply objects built natively from the server's JSON (no emulator needed): fields
the SDK does not know, to_dict, repr redaction, immutability, pickling, pages."""

from __future__ import annotations

import copy
import json
import os
import pickle
import random
from pathlib import Path
from typing import Any, Dict

import pytest

import payroc_rs
from payroc_rs._payroc import build, build_page

# Payroc's own wire examples, kept beside the project (as for payroc-model's tests).
WIRE = Path(os.environ.get("PAYROC_WIRE_EXAMPLES")
            or Path(__file__).resolve().parents[4] / "shared" / "api" / "payroc-wire-examples.json")
CARD = "4539858876047062"


def wire_body(name: str) -> bytes:
    """A reply body from the API's wire examples, falling back to a small payment."""
    if WIRE.exists():
        for m in json.loads(WIRE.read_text())["mappings"]:
            if m["name"] == name:
                return str(m["response"]["body"]).encode()
    return json.dumps(PAYMENT).encode()


PAYMENT: Dict[str, Any] = {
    "paymentId": "M2MJOG6O2Y",
    "processingTerminalId": "1234001",
    "order": {"orderId": "OrderRef6543", "amount": 4999, "currency": "USD",
              "dccOffer": {"fxRate": 1.37, "accepted": True}},
    "card": {"cardNumber": "453985******7062", "secureToken": {"token": "296753123456"}},
    "refunds": [{"refundId": "CD3HN88U9F", "amount": 4999}],
    "supportedOperations": ["capture", "fullyReverse"],
    "transactionResult": {"status": "ready", "responseCode": "A"},
    "operator": None,
}


def payment(**extra: Any) -> payroc_rs.Payment:
    body = dict(PAYMENT, **extra)
    made = build(json.dumps(body).encode(), payroc_rs.Payment)
    assert isinstance(made, payroc_rs.Payment)
    return made


def test_fields_by_attribute_item_and_in() -> None:
    p = payment()
    assert p.payment_id == p["paymentId"] == "M2MJOG6O2Y"
    assert p.order.amount == p["order"]["amount"] == 4999
    assert p.order.dcc_offer.fx_rate == 1.37 and p.order.dcc_offer.accepted is True
    assert p.refunds[0].refund_id == "CD3HN88U9F" and isinstance(p.refunds[0], payroc_rs.PayrocObject)
    assert p.supported_operations == ["capture", "fullyReverse"]
    assert p.operator is None and "operator" in p and "customer" not in p
    assert p.get("customer") is None and p.get("customer", 1) == 1 and p.get("paymentId") == "M2MJOG6O2Y"
    assert p.is_approved
    assert {"payment_id", "order", "to_dict", "is_approved"} <= set(dir(p))


def test_an_absent_field_raises() -> None:
    p = payment()
    with pytest.raises(AttributeError):
        p.customer  # noqa: B018
    with pytest.raises(KeyError):
        p["customer"]


def test_unknown_fields_are_read_like_known_ones() -> None:
    p = payment(zzNew={"deepField": [1, {"x": None}]}, order=dict(PAYMENT["order"], zzNew="n"))
    assert p.zz_new.deep_field[1].x is None and p["zzNew"]["deepField"][0] == 1
    assert p.order.zz_new == p["order"]["zzNew"] == "n"
    assert p.to_dict()["zzNew"] == {"deepField": [1, {"x": None}]}
    assert p.to_dict()["order"]["zzNew"] == "n"
    assert "zz_new" in dir(p)


def test_to_dict_is_the_reply_exactly_and_a_copy() -> None:
    raw = wire_body("Retrieve payment - default")
    p = build(raw, payroc_rs.Payment)
    d = p.to_dict()
    assert d == json.loads(raw)
    assert json.dumps(d) == json.dumps(json.loads(raw)), "same keys in the same order"
    d["order"]["amount"] = 0
    d["refunds"].clear()
    assert p.order.amount == json.loads(raw)["order"]["amount"] and p.refunds


def test_an_object_reads_the_same_whatever_is_looked_at_first() -> None:
    """Objects are read from the reply at their first look: every way of looking
    comes first somewhere here, and each sees the whole reply."""
    raw = wire_body("Retrieve payment - default")
    whole = json.loads(raw)
    firsts = [
        lambda p: p.to_dict(),
        lambda p: p["order"],
        lambda p: p.order,
        lambda p: "order" in p,
        lambda p: p.get("order"),
        lambda p: repr(p),
        lambda p: dir(p),
        lambda p: hasattr(p, "no_such_field"),
        lambda p: p == build(raw, payroc_rs.Payment),
        lambda p: pickle.loads(pickle.dumps(p)),
        lambda p: copy.deepcopy(p),
    ]
    for first in firsts:
        p = build(raw, payroc_rs.Payment)
        first(p)
        assert p.to_dict() == whole and p.order.to_dict() == whole["order"]
        assert p.payment_id == whole["paymentId"] and p["order"]["amount"] == whole["order"]["amount"]


def test_strings_with_escapes_read_as_json_loads_reads_them() -> None:
    text = '{"a": "caf\\u00e9 \\"x\\" \\\\ \\n", "b": "café ☕", "c": "", "d": ["\\t", {"e": "\\/"}]}'
    obj = build(text.encode(), payroc_rs.PayrocObject)
    expected = json.loads(text)
    assert (obj.a, obj.b, obj.c, obj.d[0], obj.d[1].e) == (expected["a"], "café ☕", "", "\t", "/")
    assert obj.to_dict() == expected


def test_any_json_layout_reads_as_json_loads_reads_it() -> None:
    """Objects are read one level at a time, jumping over what they hold: white
    space anywhere, brackets and quotes inside strings, escaped keys, empty and
    nested arrays and objects all read as json.loads reads them."""
    text = (' \n{ "a" :\t[ [ ] , [ { } , [ 1 , -2.5e3 , true , false , null ] ] ] ,\r\n'
            ' "b\\"}" : "{[\\"]}" , "c" : { "d" : { "e" : [ { "f" : "]" } ] } } , "k\\u00e9y": 7 ,'
            ' "g" : 18446744073709551615 , "h" : -9223372036854775808 , "i": 123456789012345678901 } \n')
    obj = build(text.encode(), payroc_rs.PayrocObject)
    expected = json.loads(text)
    assert obj.to_dict() == expected
    assert obj.c.d.e[0].f == "]" and obj["b\"}"] == "{[\"]}" and obj["k\u00e9y"] == 7
    assert obj.a[0] == [] and obj.a[1][0].to_dict() == {} and obj.a[1][1] == [1, -2500.0, True, False, None]
    assert (obj.g, obj.h) == (expected["g"], expected["h"])
    assert obj.to_dict() == expected, "the same after every level was read"
    for top in ("[]", " [ {\"a\": 1} , {} ] ", "1", '"x"', "null"):
        assert json.loads(json.dumps(build(top.encode(), payroc_rs.PayrocObject),
                                     default=lambda o: o.to_dict())) == json.loads(top)


def test_random_documents_read_as_json_loads_reads_them() -> None:
    """Seeded random JSON, laid out every way json.dumps can (indented, compact, escaped
    or not): read through the objects, level by level, or whole by to_dict(), each is
    what json.loads reads."""
    rng = random.Random(13)
    words = ["", "a", "é", "☕", "\\", "\"", "]", "}", "{[", "\n\t", "\u2028", "x" * 40]

    def value(depth: int) -> Any:
        kind = rng.randrange(9 if depth < 4 else 6)
        if kind == 0:
            return None
        if kind == 1:
            return rng.choice([True, False])
        if kind == 2:
            return rng.randrange(-(2**70), 2**70)
        if kind == 3:
            return rng.uniform(-1e6, 1e6)
        if kind in (4, 5):
            return "".join(rng.choice(words) for _ in range(rng.randrange(4)))
        if kind in (6, 7):
            return {"".join(rng.choice(words) for _ in range(2)) + str(i): value(depth + 1)
                    for i in range(rng.randrange(5))}
        return [value(depth + 1) for _ in range(rng.randrange(5))]

    def through_objects(v: Any) -> Any:
        if isinstance(v, payroc_rs.PayrocObject):
            return {k: through_objects(v[k]) for k in v.to_dict()}
        if isinstance(v, list):
            return [through_objects(x) for x in v]
        return v

    for _ in range(300):
        doc = {"top": value(0), "more": value(1)}
        text = json.dumps(doc, indent=rng.choice([None, 0, 2]), ensure_ascii=rng.random() < 0.5,
                          separators=rng.choice([None, (",", ":"), (" , ", " : ")]))
        expected = json.loads(text)
        assert build(text.encode(), payroc_rs.PayrocObject).to_dict() == expected
        assert through_objects(build(text.encode(), payroc_rs.PayrocObject)) == expected


def test_names_that_would_hide_methods_are_items_only() -> None:
    p = payment(toDict="x", get="y", __class__="z")
    assert p["toDict"] == "x" and p["get"] == "y" and p["__class__"] == "z"
    assert p.to_dict()["toDict"] == "x" and p.get("get") == "y" and type(p) is payroc_rs.Payment


def test_repr_redacts_by_the_models_rule() -> None:
    obj = payroc_rs.PayrocObject({
        "cardNumber": CARD,
        "cvv": "737",
        "nested": {"accessToken": "tok-SECRET", "rawData": "A1B2C3D4E5F6", "emvTags": [{"value": "5F2A"}]},
        "note": f"card {CARD} cvv 123",
    })
    text = repr(obj)
    assert text.startswith("PayrocObject(card_number='453985******7062'")
    for secret in (CARD, "737", "tok-SECRET", "A1B2C3D4E5F6", "5F2A", "123"):
        assert secret not in text, secret
    assert "card 453985******7062 cvv ***" in text
    p = payment()
    assert repr(p).startswith("Payment(payment_id='M2MJOG6O2Y', ")
    assert "secure_token=PayrocObject(token='296753123456')" in repr(p)


def test_objects_are_read_only() -> None:
    p = payment()
    with pytest.raises(AttributeError):
        p.payment_id = "x"  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        del p.payment_id
    with pytest.raises(AttributeError):
        p.order.amount = 1
    with pytest.raises(AttributeError):
        p.__init__({"paymentId": "other"})  # type: ignore[misc]
    with pytest.raises(TypeError):
        hash(p)
    assert p.payment_id == "M2MJOG6O2Y"


def test_equality_copy_and_pickle() -> None:
    p = payment()
    assert p == payment() and p != payment(paymentId="other") and p != PAYMENT
    for twin in (copy.copy(p), copy.deepcopy(p), pickle.loads(pickle.dumps(p))):
        assert type(twin) is payroc_rs.Payment and twin == p
        assert twin.order.dcc_offer.fx_rate == 1.37 and twin.is_approved


def test_made_from_a_mapping_like_from_json() -> None:
    p = payroc_rs.Payment(PAYMENT)
    assert p == payment() and p.order.amount == 4999 and p.to_dict() == PAYMENT
    with pytest.raises(TypeError):
        payroc_rs.PayrocObject({1: "x"})  # type: ignore[dict-item]
    looped: Dict[str, Any] = {}
    looped["self"] = looped
    with pytest.raises(ValueError):
        payroc_rs.PayrocObject(looped)


def test_composite_replies_carry_their_parts_classes() -> None:
    sale = build(json.dumps({"instruction": {"status": "completed"}, "outcome": "completed",
                             "payment": PAYMENT, "approved": True}).encode(), payroc_rs.CloudSale)
    assert isinstance(sale.payment, payroc_rs.Payment) and sale.payment.is_approved
    assert isinstance(sale.instruction, payroc_rs.PaymentInstruction)
    first = payroc_rs.FirstPayment({"payment": PAYMENT, "series": None, "seriesError": "declined"})
    assert isinstance(first.payment, payroc_rs.Payment) and first.series is None
    assert first.series_error == "declined"


def test_a_top_level_array_is_a_list_of_the_class() -> None:
    items = build(b'[{"paymentId": "A"}, {"paymentId": "B"}]', payroc_rs.Payment)
    assert [type(i) for i in items] == [payroc_rs.Payment] * 2 and items[1].payment_id == "B"


def test_pages_are_their_data_items() -> None:
    raw = wire_body("List payments - default")
    page = json.loads(raw)
    items = build_page(raw, payroc_rs.Payment)
    assert [i.to_dict() for i in items] == page.get("data", [])
    assert all(type(i) is payroc_rs.Payment for i in items)
    assert build_page(b'{"limit": 1, "count": 0, "hasMore": false, "links": []}', payroc_rs.Payment) == []
    assert build_page(b'{"data": null}', payroc_rs.Payment) == []


def test_unreadable_replies_are_decode_errors() -> None:
    for bad in (b"", b"{", b'{"a": 1} x', b'{"cardNumber": 4539858876047062'):
        with pytest.raises(payroc_rs.DecodeError) as info:
            build(bad, payroc_rs.Payment)
        assert CARD not in str(info.value)
    with pytest.raises(payroc_rs.DecodeError):
        build_page(b'{"data": {"a": 1}}', payroc_rs.Payment)
    # Nesting past serde_json's limit (128) is refused whole, never read into a deep recursion.
    for deep in (b"[" * 10_000 + b"]" * 10_000, b'{"a":' * 10_000 + b"1" + b"}" * 10_000):
        with pytest.raises(payroc_rs.DecodeError):
            build(deep, payroc_rs.PayrocObject)
    with pytest.raises(TypeError):
        build(b"{}", dict)  # type: ignore[type-var]


def test_numbers_are_read_as_json_loads_reads_them() -> None:
    text = ("[-957020.5894681823, 0.8733229039517494, 0.49417656406623717, 2.550690257394217e+206,"
            " 9.690406502940994e-272, 1.37, 0.1, 1E2, -0.0, 18446744073709551615, -9223372036854775808]")
    read = build(text.encode(), payroc_rs.PayrocObject)
    assert [(type(x), x) for x in read] == [(type(x), x) for x in json.loads(text)]
