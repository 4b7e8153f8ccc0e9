"""Payroc-managed monthly billing: the gateway keeps the schedule.

A payment plan ($29.99 a month, a $10 joining fee), a customer's card saved as a
secure token, a subscription on the plan, its first monthly cycle collected, then the
subscription paused (deactivated) and resumed (reactivated). Compare monthly_billing.py,
where your own scheduler charges each payment with standing instructions.

    python payment_plan_billing.py

Talks to Payroc UAT with PAYROC_API_KEY and PAYROC_TERMINAL_ID, or to payroc-mock with
PAYROC_API_URL and PAYROC_IDENTITY_URL (e.g. http://127.0.0.1:PORT/v1 and
http://127.0.0.1:PORT). On the emulator the example moves its clock a day forward
(POST /_mock/clock), so the first cycle falls due and is collected; on UAT the gateway
collects it on the start date.
"""

from __future__ import annotations

import datetime
import json
import os
import urllib.request
import uuid
from typing import Any, Dict, Optional

import payroc_rs

TERMINAL = os.environ.get("PAYROC_TERMINAL_ID", "1234001")


def make_client() -> payroc_rs.Client:
    api_url = os.environ.get("PAYROC_API_URL")
    if api_url:
        return payroc_rs.Client(api_key=os.environ.get("PAYROC_API_KEY", "demo-key"), api_url=api_url,
                                identity_url=os.environ["PAYROC_IDENTITY_URL"])
    return payroc_rs.Client(api_key=os.environ["PAYROC_API_KEY"], environment="uat")


def emulator_clock(days: Optional[int] = None) -> Optional[Dict[str, Any]]:
    """The emulator's clock, moved `days` forward when given; None off the emulator."""
    if not os.environ.get("PAYROC_API_URL"):
        return None
    base = os.environ["PAYROC_IDENTITY_URL"].rstrip("/")
    data = json.dumps({"days": days}).encode() if days is not None else None
    request = urllib.request.Request(base + "/_mock/clock", data=data, method="POST" if data else "GET",
                                     headers={"content-type": "application/json"})
    with urllib.request.urlopen(request) as response:
        clock: Dict[str, Any] = json.load(response)
    return clock


def tomorrow() -> str:
    """Tomorrow by the emulator's clock (which tests may have moved), else by today's date."""
    clock = emulator_clock()
    today = datetime.date.fromisoformat(clock["today"]) if clock else datetime.date.today()
    return (today + datetime.timedelta(days=1)).isoformat()


def main() -> None:
    client = make_client()
    tag = uuid.uuid4().hex[:8].upper()
    plan = client.payment_plans.create(
        TERMINAL,
        payment_plan_id=f"GYM-{tag}",
        name="Gym membership",
        currency="USD",
        length=0,  # no end: until the member leaves
        type="automatic",
        frequency="monthly",
        on_update="update",
        on_delete="continue",
        setup_order={"amount": 1000, "description": "Joining fee"},
        recurring_order={"amount": 2999, "description": "Monthly membership"},
    )
    print(f"plan {plan.payment_plan_id}: $29.99 a month")

    card = client.secure_tokens.create(TERMINAL, source={"type": "card", "card_details": {
        "entry_method": "keyed", "cardholder_name": "Sarah Hopper",
        "keyed_data": {"data_format": "plainText", "card_number": "4539858876047062",
                       "expiry_date": f"12{(datetime.date.today().year + 3) % 100:02d}"}}})
    print(f"card saved as secure token {card.secure_token_id}")

    sub = client.subscriptions.create(
        TERMINAL,
        subscription_id=f"MEMBER-{tag}",
        payment_plan_id=plan.payment_plan_id,
        payment_method={"type": "secureToken", "token": card.token},
        start_date=tomorrow(),
    )
    sub_id = sub.subscription_id
    print(f"subscription {sub_id}: {sub.current_state.status}, first payment due {sub.current_state.next_due_date}")

    moved = emulator_clock(1)
    if moved is None:
        print("the gateway collects the first cycle on the start date")
    else:
        for payment_id in moved["paymentIds"]:
            payment = client.payments.retrieve(payment_id)
            print(f"{moved['today']}: the gateway collected payment {payment_id} of {payment.order.amount} cents")
    state = client.subscriptions.retrieve(TERMINAL, sub_id).current_state
    print(f"paid invoices: {state.paid_invoices}, next due {state.next_due_date}")

    paused = client.subscriptions.deactivate(TERMINAL, sub_id)
    print(f"paused: {paused.current_state.status}")
    resumed = client.subscriptions.reactivate(TERMINAL, sub_id)
    print(f"resumed: {resumed.current_state.status}, next due {resumed.current_state.next_due_date}")


if __name__ == "__main__":
    main()
