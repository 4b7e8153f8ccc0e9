"""A month of repeat payments for the customers in a CSV file.

Each customer's first payment starts a series (the card is saved as a secure token
under a recurring agreement); the series is stored as JSON, as a billing job would
store it in its database, and every later payment is charged from the stored copy
with the subsequent standing instructions. Each day's charges run in a thread pool:
the client releases the GIL while it waits on the network.

    python monthly_billing.py customers.csv

Talks to Payroc UAT with PAYROC_API_KEY, or to payroc-mock with PAYROC_API_URL and
PAYROC_IDENTITY_URL (e.g. http://127.0.0.1:PORT/v1 and http://127.0.0.1:PORT).
"""

from __future__ import annotations

import csv
import json
import os
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import payroc_rs

TERMINAL = os.environ.get("PAYROC_TERMINAL_ID", "1234001")
DAYS_IN_MONTH = 30


@dataclass
class Customer:
    customer: str
    name: str
    card_number: str
    expiry: str
    amount: int
    first_day: int
    every_days: int

    def due(self, day: int) -> bool:
        return day >= self.first_day and (day - self.first_day) % self.every_days == 0


def read_customers(path: str) -> List[Customer]:
    with open(path, newline="") as f:
        return [
            Customer(row["customer"], row["name"], row["card_number"], row["expiry"], int(row["amount"]),
                     int(row["first_day"]), int(row["every_days"]))
            for row in csv.DictReader(f)
        ]


def make_client() -> payroc_rs.Client:
    api_url = os.environ.get("PAYROC_API_URL")
    if api_url:
        return payroc_rs.Client(api_key=os.environ.get("PAYROC_API_KEY", "demo-key"), api_url=api_url,
                                identity_url=os.environ["PAYROC_IDENTITY_URL"])
    return payroc_rs.Client(api_key=os.environ["PAYROC_API_KEY"], environment="uat")


def charge(client: payroc_rs.Client, store: Dict[str, str], c: Customer, day: int) -> Tuple[str, bool, str]:
    order = {"order_id": f"{c.customer}-D{day:02d}-{uuid.uuid4().hex[:6]}", "amount": c.amount, "currency": "USD",
             "description": f"Subscription, day {day}"}
    stored: Optional[str] = store.get(c.customer)
    try:
        if stored is None:
            first = client.repeat_payments.start(
                channel="web",
                processing_terminal_id=TERMINAL,
                order=order,
                payment_method={"type": "card", "card_details": {
                    "entry_method": "keyed", "cardholder_name": c.name,
                    "keyed_data": {"data_format": "plainText", "card_number": c.card_number,
                                   "expiry_date": c.expiry}}},
                processing_model="recurring",
            )
            if first.series is not None:
                store[c.customer] = json.dumps(first.series.to_dict())  # what a billing job persists
            payment = first.payment
        else:
            payment = client.repeat_payments.charge(json.loads(stored), order=order)
    except payroc_rs.ValidationError as err:
        return c.customer, False, f"invalid: {err}"
    except payroc_rs.PayrocError as err:
        # A timeout or lost connection may have charged: look the order up before retrying.
        note = " (may have been processed)" if err.maybe_processed else ""
        return c.customer, False, f"error: {err}{note}"
    result = payment.transaction_result
    return c.customer, payment.is_approved, f"{result.status} {result.response_code} {payment.payment_id}"


def main(path: str) -> int:
    customers = read_customers(path)
    client = make_client()
    store: Dict[str, str] = {}
    approved = declined = 0
    with ThreadPoolExecutor(max_workers=8) as pool:
        for day in range(1, DAYS_IN_MONTH + 1):
            due = [c for c in customers if c.due(day)]
            for customer, ok, detail in pool.map(lambda c: charge(client, store, c, day), due):
                approved += ok
                declined += not ok
                print(f"day {day:2d} {customer}: {'approved' if ok else 'NOT approved'} {detail}")
    print(f"month done: {approved} approved, {declined} not approved, {len(store)} active series")
    return 0 if approved else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "customers.csv")))
