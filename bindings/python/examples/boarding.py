"""Boarding a merchant from a partner's back office.

1. Create the merchant platform with its processing account (it starts ``entered``:
   Payroc reviews it).
2. Subscribe to ``processingAccount.status.changed`` and
   ``terminalOrder.status.changed``, delivered to a webhook this script serves (the
   WSGI app of ``webhook_receiver.py``, which checks the ``Payroc-Secret`` header).
3. Wait for the approval to arrive by webhook, then order a terminal and wait for the
   order's status changes the same way.

Against the emulator (``payroc-mock``), the review and the shipping are driven by its
test controls; set ``PAYROC_MOCK_CONTROLS=1`` for that. Configuration comes from
``PAYROC_API_KEY``, ``PAYROC_API_URL`` and ``PAYROC_IDENTITY_URL``; the webhook listens
on loopback on a free port (``PAYROC_WEBHOOK_HOST`` names the address Payroc should
post to, when not the local one).
"""

from __future__ import annotations

import json
import os
import queue
import secrets
import sys
import threading
import urllib.request
from typing import Any, Dict
from wsgiref.simple_server import WSGIRequestHandler, make_server

import payroc_rs
from payroc_rs import WebhookEvent

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webhook_receiver import make_app  # noqa: E402


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def business() -> Dict[str, Any]:
    address = {"address1": "1 Example Ave.", "city": "Chicago", "state": "Illinois", "country": "US",
               "postal_code": "60056"}
    owner = {
        "first_name": "Jane", "last_name": "Doe", "date_of_birth": "1964-03-22", "address": address,
        "identifiers": [{"type": "nationalId", "value": "123004320"}],
        "contact_methods": [{"type": "email", "value": "jane.doe@example.com"}],
        "relationship": {"equity_percentage": 100, "title": "CEO", "is_control_prong": True,
                         "is_authorized_signatory": True},
    }
    account = {
        "doing_business_as": "Doe Bikes - Lakeview", "owners": [owner], "website": "https://doebikes.example.com",
        "business_type": "retail", "category_code": 5940, "merchandise_or_service_sold": "Bicycles",
        "business_start_date": "2020-01-01", "timezone": "America/Chicago", "address": address,
        "contact_methods": [{"type": "email", "value": "shop@doebikes.example.com"}],
        "processing": {"transactionAmounts": {"average": 5000, "highest": 50000}, "monthlyAmounts":
                       {"average": 1000000, "highest": 2500000}},
        "funding": {"funding_schedule": "nextday", "funding_accounts": [{
            "type": "checking", "use": "creditAndDebit", "name_on_account": "Doe Bikes LLC",
            "payment_methods": [{"type": "ach", "value": {"routing_number": "123456789",
                                                           "account_number": "1234567890"}}]}]},
        "pricing": {"type": "intent", "pricingIntentId": "6123"},
        "signature": {"type": "requestedViaDirectLink"},
    }
    return {
        "business": {"name": "Doe Bikes LLC", "tax_id": "123456789", "organization_type": "privateCorporation",
                     "country_of_operation": "US", "addresses": [{"type": "legalAddress", **address}],
                     "contact_methods": [{"type": "email", "value": "office@doebikes.example.com"}]},
        "processing_accounts": [account],
    }


def control(base: str, path: str, body: Dict[str, Any]) -> None:
    """A test control of the emulator (``/_mock/...``): not part of the Payroc API."""
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"content-type": "application/json"})
    with urllib.request.urlopen(request) as reply:
        reply.read()


def wait_for(events: "queue.Queue[WebhookEvent]", event_type: str, subject: str, status: str) -> WebhookEvent:
    """The next event of `event_type` about `subject` with `status` (others are shown)."""
    while True:
        event = events.get(timeout=30)
        print(f"webhook: {event.type} {event.subject} -> {event.data['status']}", flush=True)
        if event.type == event_type and event.subject == subject and event.data["status"] == status:
            return event


def main() -> None:
    api_url = os.environ["PAYROC_API_URL"]
    client = payroc_rs.Client(api_key=os.environ["PAYROC_API_KEY"], api_url=api_url,
                              identity_url=os.environ.get("PAYROC_IDENTITY_URL", api_url.rsplit("/v1", 1)[0]))
    emulator = os.environ.get("PAYROC_MOCK_CONTROLS") == "1"
    emulator_base = api_url.rsplit("/v1", 1)[0]

    # The webhook: every verified, new event goes to a queue this script reads.
    events: "queue.Queue[WebhookEvent]" = queue.Queue()
    secret = secrets.token_urlsafe(24)
    server = make_server("127.0.0.1", 0, make_app(secret, events.put), handler_class=QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host = os.environ.get("PAYROC_WEBHOOK_HOST", f"127.0.0.1:{server.server_port}")
    try:
        subscription = client.event_subscriptions.create(
            enabled=True,
            event_types=["processingAccount.status.changed", "terminalOrder.status.changed"],
            notifications=[{"type": "webhook", "uri": f"http://{host}/payroc/events", "secret": secret,
                            "support_email_address": "boarding@partner.example.com"}],
        )
        print(f"subscribed: {subscription.id} ({subscription.status})")

        platform = client.merchant_platforms.create(**business())
        account = platform.processing_accounts[0]
        account_id = str(account.processing_account_id)
        print(f"merchant platform {platform.merchant_platform_id}: account {account_id} "
              f"{client.processing_accounts.retrieve(account_id).status}")

        if emulator:
            control(emulator_base, f"/_mock/processing-accounts/{account_id}/status", {"status": "approved"})
        wait_for(events, "processingAccount.status.changed", account_id, "approved")
        print(f"approved: {client.processing_accounts.retrieve(account_id).status}")

        order = client.processing_accounts.create_terminal_order(
            account_id, order_items=[{"type": "solution", "solution_template_id": "Roc Services_DX8000",
                                      "solution_quantity": 1}])
        order_id = str(order.terminal_order_id)
        print(f"terminal order {order_id}: {order.status}")
        if emulator:
            control(emulator_base, f"/_mock/terminal-orders/{order_id}/status", {"status": "fulfilled"})
        wait_for(events, "terminalOrder.status.changed", order_id, "fulfilled")
        print(f"terminal order {order_id}: {client.terminal_orders.retrieve(order_id).status}")
        client.event_subscriptions.delete(str(subscription.id))
        print("boarded")
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
