"""Every operation of the Payroc client, against payroc-mock."""

from __future__ import annotations

import uuid

import pytest
from conftest import CARD, TERMINAL, Mock, card_payment, keyed_card, order_id

import payroc_rs


def save_card(client: payroc_rs.Client) -> payroc_rs.SecureToken:
    return client.secure_tokens.create(
        TERMINAL,
        source={"type": "card", "card_details": keyed_card()},
        mit_agreement="recurring",
        customer={"first_name": "Sarah", "last_name": "Hopper"},
    )


def test_secure_tokens_every_operation(client: payroc_rs.Client) -> None:
    token = save_card(client)
    assert token.token.startswith("296753") and len(token.token) == 12
    assert token.status == "cvvValidated"
    assert token.source is not None and token.source.card_number == "453985******7062"
    assert token.customer is not None and token.customer.first_name == "Sarah"

    got = client.secure_tokens.retrieve(TERMINAL, token.secure_token_id)
    assert got.token == token.token

    updated = client.secure_tokens.update(
        TERMINAL, token.secure_token_id, [{"op": "replace", "path": "/mitAgreement", "value": "unscheduled"}]
    )
    assert updated.mit_agreement == "unscheduled"

    found = list(client.secure_tokens.list(TERMINAL, token=token.token))
    assert [t.secure_token_id for t in found] == [token.secure_token_id]

    single = client.single_use_tokens.create(
        TERMINAL, channel="web", source={"type": "card", "card_details": keyed_card("5555555555554444")}
    )
    assert single.token is not None and len(single.token) == 128
    account = client.secure_tokens.update_account(
        TERMINAL, token.secure_token_id, type="singleUseToken", token=single.token
    )
    assert account.source is not None and account.source.card_number.startswith("555555")

    assert client.secure_tokens.delete(TERMINAL, token.secure_token_id) is None
    with pytest.raises(payroc_rs.NotFoundError):
        client.secure_tokens.retrieve(TERMINAL, token.secure_token_id)


def test_payments_every_operation(client: payroc_rs.Client) -> None:
    sale = client.payments.create(card_payment(2500))
    assert sale.is_approved and sale.transaction_result.status == "ready"
    assert client.payments.retrieve(sale.payment_id).payment_id == sale.payment_id
    adjusted = client.payments.adjust(
        sale.payment_id,
        adjustments=[{"type": "customer", "contact_methods": [{"type": "email", "value": "ada@example.com"}]}],
    )
    assert adjusted.customer is not None and adjusted.customer.contact_methods
    reversed_ = client.payments.reverse(sale.payment_id, amount=500)
    assert reversed_.transaction_result.authorized_amount == 2000
    refunded = client.payments.refund(sale.payment_id, amount=100, description="partial")
    assert refunded.payment_id == sale.payment_id

    preauth = client.payments.create(card_payment(3000), auto_capture=False)
    assert preauth.transaction_result.status == "pending"
    captured = client.payments.capture(preauth.payment_id, amount=2000)
    assert captured.transaction_result.status == "ready"

    oid = sale.order.order_id
    listed = list(client.payments.list(order_id=oid))
    assert [p.payment_id for p in listed] == [sale.payment_id]


def test_list_pages_on_demand(client: payroc_rs.Client, mock: Mock) -> None:
    terminal = "PAGES" + uuid.uuid4().hex[:6]
    for _ in range(5):
        client.payments.create(card_payment(), processing_terminal_id=terminal)
    before = mock.requests()
    pager = client.payments.list(processing_terminal_id=terminal, limit=2)
    assert mock.requests() == before  # nothing fetched until read
    first = next(pager)
    assert mock.requests() == before + 1
    rest = list(pager)
    assert len(rest) + 1 == 5
    assert mock.requests() == before + 3  # three pages of 2, 2, 1
    assert len({p.payment_id for p in [first, *rest]}) == 5


def test_refunds_every_operation(client: payroc_rs.Client) -> None:
    refund = client.refunds.create(
        channel="pos",
        processing_terminal_id=TERMINAL,
        order={"order_id": order_id(), "amount": 1500, "currency": "USD", "description": "return"},
        refund_method={"type": "card", "card_details": keyed_card()},
    )
    assert refund.transaction_result.authorized_amount == -1500
    assert client.refunds.retrieve(refund.refund_id).refund_id == refund.refund_id
    assert any(r.refund_id == refund.refund_id for r in client.refunds.list(processing_terminal_id=TERMINAL))
    adjusted = client.refunds.adjust(refund.refund_id, adjustments=[{"type": "status", "to_status": "pending"}])
    assert adjusted.transaction_result.status == "pending"
    reversed_ = client.refunds.reverse(refund.refund_id)
    assert reversed_.refund_id == refund.refund_id
    assert "reverse" not in reversed_.get("supportedOperations", [])
    with pytest.raises(payroc_rs.ConflictError):
        client.refunds.reverse(refund.refund_id)


def test_repeat_payment_series(client: payroc_rs.Client) -> None:
    first = client.repeat_payments.start(card_payment(2999), processing_model="recurring")
    assert first.payment.is_approved
    series = first.series
    assert series is not None and series.secure_token.startswith("296753")
    assert first.payment.order.standing_instructions is not None
    assert first.payment.order.standing_instructions.sequence == "first"
    # The scheduler stores the series as JSON and charges from the stored copy.
    stored = series.to_dict()
    nxt = client.repeat_payments.charge(stored, order={"order_id": order_id(), "amount": 2999, "currency": "USD"})
    assert nxt.is_approved
    assert nxt.order.standing_instructions is not None
    assert nxt.order.standing_instructions.sequence == "subsequent"

    declined = client.repeat_payments.start(card_payment(2901))
    assert not declined.payment.is_approved
    assert declined.series is None and declined.series_error


def test_payment_links_every_operation(client: payroc_rs.Client) -> None:
    link = client.payment_links.create(
        TERMINAL,
        type="singleUse",
        merchant_reference="REF" + uuid.uuid4().hex[:8],
        order={"order_id": order_id(), "description": "deposit",
               "charge": {"type": "preset", "amount": 12500, "currency": "USD"}},
        auth_type="sale",
        payment_methods=["card"],
        expires_on="2099-12-31",
    )
    assert link.status == "active" and link.assets is not None
    assert link.assets.payment_url.startswith("https://")
    link_id = link.payment_link_id
    assert link_id is not None
    assert client.payment_links.retrieve(link_id).merchant_reference == link.merchant_reference
    updated = client.payment_links.update(link_id, [{"op": "replace", "path": "/expiresOn", "value": "2099-11-30"}])
    assert updated.expires_on == "2099-11-30"
    event = client.payment_links.share(
        link_id, sharing_method="email", recipients=[{"name": "Sarah Hopper", "email": "sarah@example.com"}]
    )
    assert event.sharing_event_id
    events = list(client.payment_links.list_sharing_events(link_id))
    assert [e.sharing_event_id for e in events] == [event.sharing_event_id]
    assert any(x.payment_link_id == link_id for x in client.payment_links.list(TERMINAL, status="active"))
    assert client.payment_links.deactivate(link_id).status == "deactivated"
    with pytest.raises(payroc_rs.ConflictError):
        client.payment_links.deactivate(link_id)


def cloud_body(amount: int) -> dict[str, object]:
    return {"processing_terminal_id": TERMINAL, "order": {"order_id": order_id(), "amount": amount, "currency": "USD"}}


def test_cloud_sale_on_device(client: payroc_rs.Client) -> None:
    sale = client.payment_instructions.run_sale("SERIAL-1", cloud_body(4200), deadline=10)
    assert sale.outcome == "completed" and sale.approved
    assert sale.payment is not None and sale.payment.order.amount == 4200
    assert sale.instruction.status == "completed"

    failed = client.payment_instructions.run_sale("SERIAL-1", cloud_body(4291), deadline=10)
    assert failed.outcome == "failure" and failed.error_message and failed.payment is None
    canceled = client.payment_instructions.run_sale("SERIAL-1", cloud_body(4292), deadline=10)
    assert canceled.outcome == "canceled" and not canceled.approved


def test_cloud_instructions_submit_wait_cancel(client: payroc_rs.Client) -> None:
    submitted = client.payment_instructions.submit("SERIAL-2", cloud_body(1000))
    assert submitted.status == "inProgress" and submitted.payment_instruction_id
    done = client.payment_instructions.wait(submitted.payment_instruction_id, deadline=10)
    assert done.status == "completed"
    assert client.payment_instructions.retrieve(submitted.payment_instruction_id).status == "completed"

    stuck = client.payment_instructions.submit("SERIAL-2", cloud_body(1093))
    assert stuck.payment_instruction_id
    assert client.payment_instructions.cancel(stuck.payment_instruction_id) is None
    with pytest.raises(payroc_rs.ConflictError):
        client.payment_instructions.cancel(stuck.payment_instruction_id)

    never = client.payment_instructions.submit("SERIAL-2", cloud_body(1193))
    assert never.payment_instruction_id
    with pytest.raises(payroc_rs.TimeoutError) as info:
        client.payment_instructions.wait(never.payment_instruction_id, deadline=0.3)
    assert info.value.maybe_processed
    assert client.payment_instructions.retrieve(never.payment_instruction_id).status == "canceled"

    token = payroc_rs.CancelToken()
    again = client.payment_instructions.submit("SERIAL-2", cloud_body(1293))
    assert again.payment_instruction_id
    token.cancel()
    with pytest.raises(payroc_rs.CancelledError):
        client.payment_instructions.wait(again.payment_instruction_id, cancel=token)
    assert token.cancelled


def test_cloud_refunds_and_signatures(client: payroc_rs.Client) -> None:
    body = cloud_body(800)
    body["order"] = {**body["order"], "description": "return"}  # type: ignore[dict-item]
    done = client.refund_instructions.run_refund("SERIAL-3", body, deadline=10)
    assert done.instruction.status == "completed"
    assert done.refund is not None and done.refund.transaction_result.authorized_amount == -800
    sub = client.refund_instructions.submit("SERIAL-3", {**body, "order": {**body["order"], "order_id": order_id()}})  # type: ignore[dict-item]
    assert sub.refund_instruction_id
    assert client.refund_instructions.wait(sub.refund_instruction_id, deadline=10).status == "completed"
    assert client.refund_instructions.retrieve(sub.refund_instruction_id).status == "completed"
    stuck = client.refund_instructions.submit(
        "SERIAL-3", {**body, "order": {**body["order"], "order_id": order_id(), "amount": 893}}  # type: ignore[dict-item]
    )
    assert stuck.refund_instruction_id
    client.refund_instructions.cancel(stuck.refund_instruction_id)

    sig = client.signature_instructions.submit("SERIAL-3", processing_terminal_id=TERMINAL)
    assert sig.signature_instruction_id
    got = client.signature_instructions.retrieve(sig.signature_instruction_id)
    assert got.status in ("inProgress", "completed")
    import time

    deadline = time.time() + 5
    while got.status != "completed" and time.time() < deadline:
        got = client.signature_instructions.retrieve(sig.signature_instruction_id)
    assert got.link is not None and got.link.href
    signature = client.signatures.retrieve(got.link.href.rsplit("/", 1)[-1])
    assert signature.content_type == "image/png"
    stuck_sig = client.signature_instructions.submit("SERIAL-3", processing_terminal_id=TERMINAL)
    assert stuck_sig.signature_instruction_id
    try:
        client.signature_instructions.cancel(stuck_sig.signature_instruction_id)
    except payroc_rs.ConflictError:
        pass  # the device may have finished first


def test_paytrace_every_operation(mock: Mock) -> None:
    pt = payroc_rs.PaytraceClient("pt-user", "pt-pass-SECRET", base_url=mock.base)
    created = pt.recurrences.create(
        customer_id=123456789,
        recurrence={"amount": 24.95, "frequency": "3", "start_date": "10/01/2024", "total_count": "12",
                    "transaction_type": "Sale", "type": "A", "description": "Monthly fee"},
    )
    assert created.success and created.recurrence is not None
    rid = created.recurrence.id
    assert created.recurrence.amount == 24.95
    updated = pt.recurrences.update(recurrence={"id": rid, "amount": 30})
    assert updated.recurrence is not None and updated.recurrence.amount == 30
    assert pt.recurrences.export(int(rid)).recurrence is not None
    listed = pt.recurrences.list_by_customer(123456789)
    assert any(r.id == rid for r in listed.recurrences)
    exported = pt.recurrences.export_by_customer(123456789, limit=5)
    assert exported.success
    approved = pt.recurrences.export_approved(123456789)
    assert approved.success
    assert pt.recurrences.delete(recurrence={"id": rid}).success
    with pytest.raises(payroc_rs.NotFoundError):
        pt.recurrences.export(int(rid))
    with pytest.raises(payroc_rs.ValidationError) as info:
        pt.recurrences.create(customer_id=1, recurrence={"amount": -5, "frequency": "3",
                                                          "start_date": "10/01/2024", "total_count": 1})
    assert [e.path for e in info.value.errors] == ["recurrence.amount"]
    assert "SECRET" not in repr(pt)
