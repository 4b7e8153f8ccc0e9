"""Payroc-managed recurring billing: every payment-plan and subscription operation
against its own payroc-mock (its clock is moved, which must not reach other tests),
then the refusals, table-driven."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import urllib.error
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Tuple, Type

import pytest

import payroc_rs
from conftest import API_KEY, TERMINAL, Mock, keyed_card

OPERATIONS = {
    "payment_plans.create", "payment_plans.list", "payment_plans.retrieve", "payment_plans.update",
    "payment_plans.delete", "subscriptions.create", "subscriptions.list", "subscriptions.retrieve",
    "subscriptions.update", "subscriptions.deactivate", "subscriptions.reactivate", "subscriptions.pay",
}


@pytest.fixture(scope="module")
def billing_mock() -> Iterator[Mock]:
    m = Mock()
    yield m
    m.stop()


@pytest.fixture()
def billing(billing_mock: Mock) -> payroc_rs.Client:
    return payroc_rs.Client(api_key=API_KEY, api_url=billing_mock.base + "/v1", identity_url=billing_mock.base,
                            max_retries=0)


def emulator_date(mock: Mock, days: int = 0) -> str:
    """A date `days` after the emulator's today (its clock runs ahead once moved)."""
    today = datetime.date.fromisoformat(mock.control("GET", "/_mock/clock")["today"])
    return (today + datetime.timedelta(days=days)).isoformat()


def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:10]


def plan(plan_id: str, kind: str = "automatic", **extra: Any) -> Dict[str, Any]:
    body: Dict[str, Any] = dict(payment_plan_id=plan_id, name="Premium Club", currency="USD", length=0, type=kind,
                                frequency="monthly", on_update="update", on_delete="complete",
                                custom_field_names=["member"])
    if kind == "automatic":
        body["recurring_order"] = {"amount": 2500, "description": "Monthly fee"}
    body.update(extra)
    return body


def saved_token(client: payroc_rs.Client) -> str:
    token = client.secure_tokens.create(TERMINAL, source={"type": "card", "card_details": keyed_card()})
    return str(token.token)


def test_every_operation_runs_against_the_emulator(billing: payroc_rs.Client, billing_mock: Mock) -> None:
    ran: List[str] = []
    plans, subs = billing.payment_plans, billing.subscriptions
    auto_id, manual_id = new_id("PA"), new_id("PM")
    created = plans.create(TERMINAL, **plan(auto_id, setup_order={"amount": 1000, "description": "Joining"}))
    plans.create(TERMINAL, **plan(manual_id, "manual", frequency="weekly"))
    assert isinstance(created, payroc_rs.PaymentPlan) and created.processing_terminal_id == TERMINAL
    ran.append("payment_plans.create")
    assert plans.retrieve(TERMINAL, auto_id).recurring_order.amount == 2500
    ran.append("payment_plans.retrieve")
    assert {p.payment_plan_id for p in plans.list(TERMINAL, limit=1)} >= {auto_id, manual_id}
    ran.append("payment_plans.list")
    raised = plans.update(TERMINAL, auto_id, [{"op": "replace", "path": "/recurringOrder/amount", "value": 2600}])
    assert raised.recurring_order.amount == 2600
    ran.append("payment_plans.update")

    token = saved_token(billing)
    sub_id = new_id("SA")
    sub = subs.create(TERMINAL, subscription_id=sub_id, payment_plan_id=auto_id,
                      payment_method={"type": "secureToken", "token": token}, start_date=emulator_date(billing_mock, 1),
                      custom_fields=[{"name": "member", "value": "M-1"}])
    assert isinstance(sub, payroc_rs.Subscription)
    assert sub.current_state.status == "active" and sub.current_state.paid_invoices == 0
    assert sub.setup_order.order_id, "the setup fee was charged"
    ran.append("subscriptions.create")
    assert subs.retrieve(TERMINAL, sub_id).payment_plan.payment_plan_id == auto_id
    ran.append("subscriptions.retrieve")
    assert sub_id in [s.subscription_id for s in subs.list(TERMINAL, status="active", frequency="monthly", limit=1)]
    ran.append("subscriptions.list")
    changed = subs.update(TERMINAL, sub_id, [{"op": "add", "path": "/description", "value": "Gold"}])
    assert changed.description == "Gold"
    ran.append("subscriptions.update")

    moved = billing_mock.control("POST", "/_mock/clock", {"days": 1})
    assert len(moved["paymentIds"]) == 1, moved
    payment = billing.payments.retrieve(moved["paymentIds"][0])
    assert payment.order.amount == 2600
    assert subs.retrieve(TERMINAL, sub_id).current_state.paid_invoices == 1

    assert subs.deactivate(TERMINAL, sub_id).current_state.status == "cancelled"
    ran.append("subscriptions.deactivate")
    assert billing_mock.control("POST", "/_mock/clock", {"days": 40})["paymentIds"] == []
    assert subs.reactivate(TERMINAL, sub_id).current_state.status == "active"
    ran.append("subscriptions.reactivate")

    manual_sub = new_id("SM")
    subs.create(TERMINAL, subscription_id=manual_sub, payment_plan_id=manual_id,
                payment_method={"type": "secureToken", "token": token}, start_date=emulator_date(billing_mock))
    key = str(uuid.uuid4())
    paid = subs.pay(TERMINAL, manual_sub, order={"order_id": new_id("T"), "amount": 12000}, idempotency_key=key)
    assert isinstance(paid, payroc_rs.SubscriptionPayment)
    assert paid.current_state.paid_invoices == 1 and paid.payment.amount == 12000
    assert billing.payments.retrieve(paid.payment.payment_id).order.amount == 12000
    ran.append("subscriptions.pay")

    plans.delete(TERMINAL, auto_id)
    assert subs.retrieve(TERMINAL, sub_id).current_state.status == "completed", "onDelete: complete"
    ran.append("payment_plans.delete")
    assert set(ran) == OPERATIONS


def test_pay_with_the_same_key_charges_once(billing: payroc_rs.Client, billing_mock: Mock) -> None:
    plan_id, sub_id = new_id("PK"), new_id("SK")
    billing.payment_plans.create(TERMINAL, **plan(plan_id, "manual"))
    billing.subscriptions.create(TERMINAL, subscription_id=sub_id, payment_plan_id=plan_id,
                                 payment_method={"type": "secureToken", "token": saved_token(billing)},
                                 start_date=emulator_date(billing_mock))
    key = str(uuid.uuid4())
    order = {"order_id": new_id("K"), "amount": 4200}
    first = billing.subscriptions.pay(TERMINAL, sub_id, order=order, idempotency_key=key)
    second = billing.subscriptions.pay(TERMINAL, sub_id, order=order, idempotency_key=key)
    assert second.payment.payment_id == first.payment.payment_id
    assert billing.subscriptions.retrieve(TERMINAL, sub_id).current_state.paid_invoices == 1


Refusal = Tuple[str, Callable[[payroc_rs.Client, Dict[str, str]], Any], Type[Exception], str]

REFUSALS: List[Refusal] = [
    ("plan without a name: refused before sending",
     lambda c, ids: c.payment_plans.create(TERMINAL, **plan(new_id("P"), name="")), payroc_rs.ValidationError,
     "name"),
    ("manual plan with a recurring order",
     lambda c, ids: c.payment_plans.create(TERMINAL, **plan(new_id("P"), "manual", recurring_order={"amount": 1})),
     payroc_rs.ValidationError, "recurringOrder"),
    ("plan id taken", lambda c, ids: c.payment_plans.create(TERMINAL, **plan(ids["auto"])), payroc_rs.ConflictError,
     ""),
    ("unknown plan", lambda c, ids: c.payment_plans.retrieve(TERMINAL, "NO-PLAN"), payroc_rs.NotFoundError, ""),
    ("plan id is not patchable",
     lambda c, ids: c.payment_plans.update(TERMINAL, ids["auto"],
                                           [{"op": "replace", "path": "/paymentPlanId", "value": "X"}]),
     payroc_rs.BadRequestError, "[0].path"),
    ("delete an unknown plan", lambda c, ids: c.payment_plans.delete(TERMINAL, "NO-PLAN"), payroc_rs.NotFoundError,
     ""),
    ("secureTokenId in place of the token: refused before sending",
     lambda c, ids: c.subscriptions.create(TERMINAL, subscription_id=new_id("S"), payment_plan_id=ids["auto"],
                                           payment_method={"type": "secureToken", "token": "MREF_1"},
                                           start_date=ids["tomorrow"]),
     payroc_rs.ValidationError, "paymentMethod.token"),
    ("a token that does not exist",
     lambda c, ids: c.subscriptions.create(TERMINAL, subscription_id=new_id("S"), payment_plan_id=ids["auto"],
                                           payment_method={"type": "secureToken", "token": "296753999999"},
                                           start_date=ids["tomorrow"]),
     payroc_rs.BadRequestError, "paymentMethod.token"),
    ("a subscription on an unknown plan",
     lambda c, ids: c.subscriptions.create(TERMINAL, subscription_id=new_id("S"), payment_plan_id="NO-PLAN",
                                           payment_method={"type": "secureToken", "token": ids["token"]},
                                           start_date=ids["tomorrow"]),
     payroc_rs.NotFoundError, ""),
    ("a start date in the past",
     lambda c, ids: c.subscriptions.create(TERMINAL, subscription_id=new_id("S"), payment_plan_id=ids["auto"],
                                           payment_method={"type": "secureToken", "token": ids["token"]},
                                           start_date="2020-01-01"),
     payroc_rs.BadRequestError, "startDate"),
    ("unknown subscription", lambda c, ids: c.subscriptions.retrieve(TERMINAL, "NO-SUB"), payroc_rs.NotFoundError, ""),
    ("the frequency is not patchable",
     lambda c, ids: c.subscriptions.update(TERMINAL, ids["auto_sub"],
                                           [{"op": "replace", "path": "/frequency", "value": "weekly"}]),
     payroc_rs.BadRequestError, "[0].path"),
    ("the name may not be removed",
     lambda c, ids: c.subscriptions.update(TERMINAL, ids["auto_sub"], [{"op": "remove", "path": "/name"}]),
     payroc_rs.BadRequestError, "[0].path"),
    ("deactivate twice", lambda c, ids: c.subscriptions.deactivate(TERMINAL, ids["cancelled_sub"]),
     payroc_rs.ConflictError, ""),
    ("reactivate an active one", lambda c, ids: c.subscriptions.reactivate(TERMINAL, ids["auto_sub"]),
     payroc_rs.ConflictError, ""),
    ("pay an automatic subscription",
     lambda c, ids: c.subscriptions.pay(TERMINAL, ids["auto_sub"], order={"amount": 100}), payroc_rs.ConflictError,
     ""),
    ("pay a deactivated subscription",
     lambda c, ids: c.subscriptions.pay(TERMINAL, ids["cancelled_sub"], order={"amount": 100}),
     payroc_rs.ConflictError, ""),
    ("pay without an amount: refused before sending",
     lambda c, ids: c.subscriptions.pay(TERMINAL, ids["cancelled_sub"], order={"order_id": "X-1"}),
     payroc_rs.ValidationError, "order.amount"),
    ("list with an unknown status: refused before sending",
     lambda c, ids: list(c.subscriptions.list(TERMINAL, status="paused")), payroc_rs.ValidationError, "status"),
]


@pytest.fixture(scope="module")
def refusal_ids(billing_mock: Mock) -> Dict[str, str]:
    client = payroc_rs.Client(api_key=API_KEY, api_url=billing_mock.base + "/v1", identity_url=billing_mock.base,
                              max_retries=0)
    ids = {"auto": new_id("PR"), "manual": new_id("PR"), "auto_sub": new_id("SR"), "cancelled_sub": new_id("SR"),
           "token": saved_token(client), "tomorrow": emulator_date(billing_mock, 1)}
    client.payment_plans.create(TERMINAL, **plan(ids["auto"]))
    client.payment_plans.create(TERMINAL, **plan(ids["manual"], "manual"))
    for sub, plan_id in (("auto_sub", "auto"), ("cancelled_sub", "manual")):
        client.subscriptions.create(TERMINAL, subscription_id=ids[sub], payment_plan_id=ids[plan_id],
                                    payment_method={"type": "secureToken", "token": ids["token"]},
                                    start_date=ids["tomorrow"])
    client.subscriptions.deactivate(TERMINAL, ids["cancelled_sub"])
    return ids


@pytest.mark.parametrize("case", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refusals(case: Refusal, billing: payroc_rs.Client, billing_mock: Mock, refusal_ids: Dict[str, str]) -> None:
    _, call, error, path = case
    sent = billing_mock.requests()
    with pytest.raises(error) as info:
        call(billing, refusal_ids)
    if path:
        assert path in [e.path for e in info.value.errors], info.value  # type: ignore[attr-defined]
    if error is payroc_rs.ValidationError:
        assert billing_mock.requests() == sent, "nothing reaches the network"


def test_the_clock_control_refuses_what_it_cannot_do(billing_mock: Mock) -> None:
    for body in ({"days": -1}, {"days": 4000}, {"weeks": 1}):
        with pytest.raises(urllib.error.HTTPError) as info:
            billing_mock.control("POST", "/_mock/clock", body)
        assert info.value.code == 400
    before = billing_mock.control("GET", "/_mock/clock")
    assert billing_mock.control("POST", "/_mock/clock", {"days": 0})["today"] == before["today"]


def test_payment_plan_billing_example(billing_mock: Mock) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "payment_plan_billing.py"
    env = {**os.environ, "PAYROC_API_KEY": API_KEY, "PAYROC_API_URL": billing_mock.base + "/v1",
           "PAYROC_IDENTITY_URL": billing_mock.base}
    run = subprocess.run([sys.executable, str(example)], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert any("the gateway collected payment" in line and "of 2999 cents" in line for line in lines), run.stdout
    assert "paid invoices: 1," in run.stdout
    assert lines[-2] == "paused: cancelled" and lines[-1].startswith("resumed: active"), run.stdout
    assert "4539858876047062" not in run.stdout + run.stderr
