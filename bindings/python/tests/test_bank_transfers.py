"""Bank transfers (ACH and PAD), table-driven: each of the ten operations run against the
emulator with a valid request, then the refusals (409 for the wrong state, 400 at a field,
404, validation before the network). The amount's last two digits pick the emulator's
outcome: ``10`` settled, ``11`` returned, anything else ``ready`` in the open batch."""

from __future__ import annotations

import uuid
from typing import Any, Callable, Dict, Optional, Type

import pytest
from conftest import TERMINAL, Mock, order_id

import payroc_rs

ACCOUNT = "1234567890"


def ach(account: str = ACCOUNT, routing: str = "123456789") -> Dict[str, Any]:
    return {"type": "ach", "name_on_account": "Sarah Hopper", "account_number": account,
            "routing_number": routing, "sec_code": "web"}


def pad(transit: str = "76543") -> Dict[str, Any]:
    return {"type": "pad", "name_on_account": "Jean Tremblay", "account_number": ACCOUNT,
            "transit_number": transit, "institution_number": "543"}


def payment(amount: int, method: Optional[Dict[str, Any]] = None, currency: str = "USD") -> Dict[str, Any]:
    return dict(processing_terminal_id=TERMINAL,
                order={"order_id": order_id(), "amount": amount, "currency": currency},
                payment_method=method or ach())


def unreferenced(amount: int = 700, method: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    return dict(processing_terminal_id=TERMINAL,
                order={"order_id": order_id(), "amount": amount, "currency": "USD"},
                refund_method=method or ach())


State = Dict[str, Any]


@pytest.fixture()
def state(client: payroc_rs.Client) -> State:
    """One payment in each state a follow-on needs, and one refund of each kind."""
    bt = client.bank_transfer_payments
    settled = bt.create(payment(5010, pad(), "CAD"))
    refunded = bt.refund(settled.payment_id, amount=1000, description="Damaged")
    return {
        "open": bt.create(payment(4999)),
        "settled": settled,
        "returned": bt.create(payment(6011)),
        "refund_id": refunded.refunds[0].refund_id,
        "unreferenced": client.bank_transfer_refunds.create(unreferenced()),
    }


Call = Callable[[payroc_rs.Client, State], Any]
Check = Callable[[Any, State], bool]

VALID: Dict[str, tuple[Call, Check]] = {
    "bank_transfer_payments.create": (
        lambda c, s: c.bank_transfer_payments.create(payment(4999)),
        lambda r, s: r.transaction_result.status == "ready" and r.bank_account.type == "ach",
    ),
    "bank_transfer_payments.list": (
        lambda c, s: list(c.bank_transfer_payments.list(processing_terminal_id=TERMINAL, limit=2,
                                                        status=["returned"])),
        lambda r, s: s["returned"].payment_id in [p.payment_id for p in r]
        and all(p.transaction_result.status == "returned" for p in r),
    ),
    "bank_transfer_payments.retrieve": (
        lambda c, s: c.bank_transfer_payments.retrieve(s["open"].payment_id),
        lambda r, s: r.payment_id == s["open"].payment_id and r.bank_account.account_number == "******7890",
    ),
    "bank_transfer_payments.represent": (
        lambda c, s: c.bank_transfer_payments.represent(s["returned"].payment_id),
        lambda r, s: r.returns[0].represented and r.representment.amount == 6011,
    ),
    "bank_transfer_payments.refund": (
        lambda c, s: c.bank_transfer_payments.refund(s["settled"].payment_id, amount=2000,
                                                     description="Partial"),
        lambda r, s: [x.amount for x in r.refunds] == [1000, 2000],
    ),
    "bank_transfer_payments.reverse": (
        lambda c, s: c.bank_transfer_payments.reverse(s["open"].payment_id),
        lambda r, s: r.transaction_result.status == "reversal",
    ),
    "bank_transfer_refunds.create": (
        lambda c, s: c.bank_transfer_refunds.create(unreferenced(1500)),
        lambda r, s: r.transaction_result.type == "unreferencedRefund"
        and r.transaction_result.authorized_amount == -1500,
    ),
    "bank_transfer_refunds.list": (
        lambda c, s: list(c.bank_transfer_refunds.list(processing_terminal_id=TERMINAL, type=["refund"])),
        lambda r, s: s["refund_id"] in [x.refund_id for x in r]
        and all(x.transaction_result.type == "refund" for x in r),
    ),
    "bank_transfer_refunds.retrieve": (
        lambda c, s: c.bank_transfer_refunds.retrieve(s["refund_id"]),
        lambda r, s: r.payment.payment_id == s["settled"].payment_id,
    ),
    "bank_transfer_refunds.reverse": (
        lambda c, s: c.bank_transfer_refunds.reverse(s["unreferenced"].refund_id),
        lambda r, s: r.transaction_result.status == "reversal",
    ),
}


def test_the_table_covers_every_bank_transfer_operation() -> None:
    listed = [op for op in payroc_rs.operations() if op.startswith("bank_transfer_")]
    assert sorted(VALID) == sorted(listed)
    assert len(listed) == 10


@pytest.mark.parametrize("op", sorted(VALID))
def test_each_operation_with_a_valid_request(client: payroc_rs.Client, state: State, op: str) -> None:
    call, check = VALID[op]
    result = call(client, state)
    assert check(result, state), result
    # The account number never comes back whole, nor shows in a repr.
    assert ACCOUNT not in repr(result)


def settle(mock: Mock) -> None:
    mock.control("POST", "/_mock/bank-transfers/settle")


# name: (call, the error it raises, the field error's path or None)
REFUSED: Dict[str, tuple[Call, Type[payroc_rs.PayrocError], Optional[str]]] = {
    "reverse a reversed payment": (
        lambda c, s: [c.bank_transfer_payments.reverse(s["open"].payment_id) for _ in range(2)],
        payroc_rs.ConflictError, None),
    "reverse a settled payment": (
        lambda c, s: c.bank_transfer_payments.reverse(s["settled"].payment_id),
        payroc_rs.ConflictError, None),
    "represent a payment that was not returned": (
        lambda c, s: c.bank_transfer_payments.represent(s["open"].payment_id),
        payroc_rs.ConflictError, None),
    "represent a return twice": (
        lambda c, s: [c.bank_transfer_payments.represent(s["returned"].payment_id) for _ in range(2)],
        payroc_rs.ConflictError, None),
    "refund a returned payment": (
        lambda c, s: c.bank_transfer_payments.refund(s["returned"].payment_id, amount=100, description="x"),
        payroc_rs.ConflictError, None),
    "refund part of a payment in the open batch": (
        lambda c, s: c.bank_transfer_payments.refund(s["open"].payment_id, amount=100, description="x"),
        payroc_rs.ConflictError, None),
    "reverse a reversed refund": (
        lambda c, s: [c.bank_transfer_refunds.reverse(s["unreferenced"].refund_id) for _ in range(2)],
        payroc_rs.ConflictError, None),
    "refund more than remains": (
        lambda c, s: c.bank_transfer_payments.refund(s["settled"].payment_id, amount=4011, description="x"),
        payroc_rs.BadRequestError, "amount"),
    "pay with a token the gateway never issued": (
        lambda c, s: c.bank_transfer_payments.create(payment(100, {"type": "secureToken", "token": "296753999994"})),
        payroc_rs.BadRequestError, "paymentMethod.token"),
    "refund to a token the gateway never issued": (
        lambda c, s: c.bank_transfer_refunds.create(unreferenced(100, {"type": "secureToken", "token": "296753999994"})),
        payroc_rs.BadRequestError, "refundMethod.token"),
    "retrieve an unknown payment": (
        lambda c, s: c.bank_transfer_payments.retrieve("NOSUCHPAY1"), payroc_rs.NotFoundError, None),
    "retrieve an unknown refund": (
        lambda c, s: c.bank_transfer_refunds.retrieve("NOSUCHREF1"), payroc_rs.NotFoundError, None),
    "reverse an unknown refund": (
        lambda c, s: c.bank_transfer_refunds.reverse("NOSUCHREF1"), payroc_rs.NotFoundError, None),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_each_refusal(client: payroc_rs.Client, state: State, case: str) -> None:
    call, error, path = REFUSED[case]
    with pytest.raises(error) as info:
        call(client, state)
    if path is not None:
        assert path in [e.path for e in info.value.errors]
    assert ACCOUNT not in str(info.value)


def test_a_settled_refund_is_not_reversed(client: payroc_rs.Client, mock: Mock, state: State) -> None:
    assert client.bank_transfer_refunds.retrieve(state["refund_id"]).transaction_result.status == "ready"
    settle(mock)
    assert client.bank_transfer_refunds.retrieve(state["refund_id"]).transaction_result.status == "complete"
    assert client.bank_transfer_payments.retrieve(state["open"].payment_id).transaction_result.status == "complete"
    with pytest.raises(payroc_rs.ConflictError):
        client.bank_transfer_refunds.reverse(state["refund_id"])


# name: (call, the field paths of the violations)
INVALID: Dict[str, tuple[Callable[[payroc_rs.Client], Any], list[str]]] = {
    "a short routing number, no amount": (
        lambda c: c.bank_transfer_payments.create(
            processing_terminal_id=TERMINAL, order={"order_id": order_id(), "currency": "USD"},
            payment_method=ach(routing="12345")),
        ["order.amount", "paymentMethod.routingNumber"]),
    "a short transit number": (
        lambda c: c.bank_transfer_payments.create(payment(100, pad(transit="7654"), "CAD")),
        ["paymentMethod.transitNumber"]),
    "a refund of nothing": (
        lambda c: c.bank_transfer_payments.refund("ANY", amount=0, description="x"), ["amount"]),
    "a list without its terminal": (
        lambda c: list(c.bank_transfer_payments.list(status=["ready"])), ["processingTerminalId"]),
    "a payment type on the refund list": (
        lambda c: list(c.bank_transfer_refunds.list(processing_terminal_id=TERMINAL, type=["payment"])),
        ["type"]),
    "an unreferenced refund without its order": (
        lambda c: c.bank_transfer_refunds.create(processing_terminal_id=TERMINAL, order={},
                                                 refund_method=ach()),
        ["order.orderId", "order.amount", "order.currency"]),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_requests_are_refused_before_the_network(client: payroc_rs.Client, mock: Mock,
                                                          case: str) -> None:
    call, paths = INVALID[case]
    before = mock.requests()
    with pytest.raises(payroc_rs.ValidationError) as info:
        call(client)
    assert [e.path for e in info.value.errors] == paths
    assert ACCOUNT not in str(info.value) and ACCOUNT not in repr(info.value)
    assert mock.requests() == before


def test_a_replayed_payment_debits_once(client: payroc_rs.Client, mock: Mock) -> None:
    key = str(uuid.uuid4())
    body = payment(2500)
    first = client.bank_transfer_payments.create(body, idempotency_key=key)
    again = client.bank_transfer_payments.create(body, idempotency_key=key)
    assert again.payment_id == first.payment_id
    counted = mock.control("GET", "/_mock/counters")["paymentsPerOrderId"]
    assert counted[body["order"]["order_id"]] == 1
