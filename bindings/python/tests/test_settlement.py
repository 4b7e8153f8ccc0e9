"""Settlement reporting over HTTP against payroc-mock: payments and refunds made through
the emulator settle into batches, and every report (batches, transactions,
authorizations, disputes and their statuses, ACH deposits and their fees) adds up to
them, to the cent. The emulator here is this module's own: closing batches settles
every open payment, which the other modules' tests must not see."""

from __future__ import annotations

import asyncio
import csv
import datetime
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest

import payroc_rs
from conftest import API_KEY, TERMINAL, Mock, card_payment, keyed_card, order_id

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def smock() -> Iterator[Mock]:
    m = Mock()
    yield m
    m.stop()


@pytest.fixture()
def sclient(smock: Mock) -> payroc_rs.Client:
    return payroc_rs.Client(api_key=API_KEY, api_url=smock.base + "/v1", identity_url=smock.base, max_retries=0)


def today(mock: Mock) -> datetime.date:
    return datetime.date.fromisoformat(mock.control("GET", "/_mock/clock")["today"])


def sale(client: payroc_rs.Client, amount: int) -> str:
    return str(client.payments.create(**card_payment(amount)).payment_id)


def unreferenced_refund(client: payroc_rs.Client, amount: int) -> str:
    refund = client.refunds.create(
        channel="moto", processing_terminal_id=TERMINAL,
        order={"order_id": order_id(), "amount": amount, "currency": "USD"},
        refund_method={"type": "card", "card_details": keyed_card(cvv=None)},
    )
    return str(refund.refund_id)


def requests_on(mock: Mock, route: str) -> int:
    return int(mock.control("GET", "/_mock/counters")["requests"].get(f"GET {route}", 0))


def settle_a_day(mock: Mock, client: payroc_rs.Client) -> Tuple[List[str], int, int]:
    """Sales, a refund of a settled sale and an unreferenced refund, settled in two
    closes; returns the sale ids and what was sold and refunded."""
    amounts = [1000, 2550, 999, 1875]
    ids = [sale(client, a) for a in amounts]
    sale(client, 1001)  # declined: never settles
    unreferenced_refund(client, 700)
    mock.control("POST", "/_mock/batches/close")
    client.payments.refund(ids[0], amount=250, description="one item back")
    mock.control("POST", "/_mock/batches/close")
    return ids, sum(amounts), 700 + 250


def test_a_closed_batch_adds_up_to_the_payments_made(smock: Mock, sclient: payroc_rs.Client) -> None:
    smock.control("POST", "/_mock/reset")
    day = today(smock)
    _, sold, refunded = settle_a_day(smock, sclient)
    batches = list(sclient.batches.list(date=day))
    assert len(batches) == 2
    assert all(isinstance(b, payroc_rs.Batch) for b in batches)
    assert sum(b.sale_amount for b in batches) == sold
    assert sum(b.return_amount for b in batches) == refunded
    transactions = [t for b in batches for t in sclient.transactions.list(batch_id=b.batch_id)]
    assert sum(t.amount for t in transactions if t.type == "capture") == sold
    assert sum(t.amount for t in transactions if t.type == "return") == refunded
    assert len(transactions) == sum(b.transaction_count for b in batches) == 6
    for deposit in sclient.ach_deposits.list(date=day):
        fees = list(sclient.ach_deposit_fees.list(ach_deposit_id=deposit.ach_deposit_id))
        assert deposit.daily_fees == sum(f.amount for f in fees)
        assert deposit.net_amount == deposit.sales - deposit.returns - deposit.daily_fees - deposit.ach_adjustment
        paid = [t for t in transactions if t.settled.ach_deposit_id == deposit.ach_deposit_id]
        assert deposit.sales == sum(t.amount for t in paid if t.type == "capture")
        assert deposit.returns == sum(t.amount for t in paid if t.type == "return")
    # Only the refunds: the filter as the API spells it.
    returns = list(sclient.transactions.list(date=day, transaction_type="Return"))
    assert sorted(t.amount for t in returns) == [250, 700]


def test_every_reporting_operation_reaches_the_emulator(smock: Mock, sclient: payroc_rs.Client) -> None:
    smock.control("POST", "/_mock/reset")
    day = today(smock)
    ids, _, _ = settle_a_day(smock, sclient)
    dispute = smock.control("POST", "/_mock/disputes", {"paymentId": ids[1], "amount": 500})
    smock.control("POST", f"/_mock/disputes/{dispute['disputeId']}/statuses", {"status": "representmentInProgress"})
    batch = next(iter(sclient.batches.list(date=day)))
    transaction = next(iter(sclient.transactions.list(batch_id=batch.batch_id)))
    deposit = next(iter(sclient.ach_deposits.list(date=day)))
    authorization_id = transaction.authorization.authorization_id
    cases: List[Tuple[str, Callable[[], Any], type, Callable[[Any], bool]]] = [
        ("batches.list", lambda: list(sclient.batches.list(date=day)), payroc_rs.Batch,
         lambda r: len(r) == 2),
        ("batches.retrieve", lambda: sclient.batches.retrieve(str(batch.batch_id)), payroc_rs.Batch,
         lambda r: r.to_dict() == batch.to_dict()),
        ("transactions.list", lambda: list(sclient.transactions.list(date=day)), payroc_rs.Transaction,
         lambda r: len(r) == 6),
        ("transactions.retrieve", lambda: sclient.transactions.retrieve(str(transaction.transaction_id)),
         payroc_rs.Transaction, lambda r: r.amount == transaction.amount),
        ("authorizations.list", lambda: list(sclient.authorizations.list(date=day)), payroc_rs.Authorization,
         lambda r: len(r) == 5 and {a.authorization_response for a in r} == {"approved", "doNotHonor"}),
        ("authorizations.retrieve", lambda: sclient.authorizations.retrieve(str(authorization_id)),
         payroc_rs.Authorization, lambda r: r.transaction.transaction_id == transaction.transaction_id),
        ("disputes.list", lambda: list(sclient.disputes.list(date=day)), payroc_rs.Dispute,
         lambda r: [d.dispute_amount for d in r] == [500]),
        ("disputes.list_statuses", lambda: sclient.disputes.list_statuses(str(dispute["disputeId"])),
         payroc_rs.DisputeStatus, lambda r: [s.status for s in r] == ["new", "representmentInProgress"]),
        ("ach_deposits.list", lambda: list(sclient.ach_deposits.list(date=day)), payroc_rs.AchDeposit,
         lambda r: len(r) == 2),
        ("ach_deposits.retrieve", lambda: sclient.ach_deposits.retrieve(str(deposit.ach_deposit_id)),
         payroc_rs.AchDeposit, lambda r: r.net_amount == deposit.net_amount),
        ("ach_deposit_fees.list", lambda: list(sclient.ach_deposit_fees.list(date=day)),
         payroc_rs.AchDepositFee, lambda r: len(r) == 4),
    ]
    assert len({name for name, *_ in cases}) == 11
    for name, call, cls, ok in cases:
        reply = call()
        items = reply if isinstance(reply, list) else [reply]
        assert items and all(isinstance(i, cls) for i in items), name
        assert ok(reply), (name, reply)
    # A card number in a report stays masked in its repr.
    assert "******" in repr(transaction.card)


def test_pages_are_read_lazily_sync_and_async(smock: Mock, sclient: payroc_rs.Client) -> None:
    smock.control("POST", "/_mock/reset")
    day = today(smock)
    for i in range(12):
        sale(sclient, 1100 + 10 * i)
    smock.control("POST", "/_mock/batches/close")
    before = requests_on(smock, "/v1/transactions")
    pager = sclient.transactions.list(date=day, limit=5)
    assert requests_on(smock, "/v1/transactions") == before, "nothing is sent until iterated"
    first = next(iter(pager))
    assert first.amount == 1100
    assert requests_on(smock, "/v1/transactions") == before + 1
    assert 1 + len(list(pager)) == 12
    assert requests_on(smock, "/v1/transactions") == before + 3

    aclient = payroc_rs.AsyncClient(api_key=API_KEY, api_url=smock.base + "/v1", identity_url=smock.base,
                                    max_retries=0)

    async def main() -> List[int]:
        return [t.amount async for t in aclient.transactions.list(date=day, limit=5)]

    assert sorted(asyncio.run(main())) == [1100 + 10 * i for i in range(12)]


@pytest.mark.parametrize("call, path", [
    (lambda c: c.batches.list(), "date"),
    (lambda c: c.batches.list(date="2024-02-30"), "date"),
    (lambda c: c.transactions.list(merchant_id="4500001234"), "date"),
    (lambda c: c.transactions.list(batch_id="twelve"), "batchId"),
    (lambda c: c.transactions.list(date=datetime.date(2024, 7, 2), transaction_type="sale"), "transactionType"),
    (lambda c: c.authorizations.list(batch_id=0), "batchId"),
    (lambda c: c.disputes.list(date=datetime.datetime(2024, 7, 2, 10, 0)), "date"),
    (lambda c: c.ach_deposits.list(date=datetime.date(2024, 7, 2), before="1", after="2"), "after"),
    (lambda c: c.ach_deposit_fees.list(limit=5), "date"),
])
def test_bad_filters_are_refused_before_the_network(
        smock: Mock, sclient: payroc_rs.Client, call: Callable[[payroc_rs.Client], Any], path: str) -> None:
    sent = smock.requests()
    with pytest.raises(payroc_rs.ValidationError) as info:
        list(call(sclient))
    assert path in [e.path for e in info.value.errors]
    assert smock.requests() == sent


@pytest.mark.parametrize("call", [
    lambda c: c.batches.retrieve("999999"),
    lambda c: c.transactions.retrieve("1"),
    lambda c: c.authorizations.retrieve("999999999"),
    lambda c: c.disputes.list_statuses("1"),
    lambda c: c.ach_deposits.retrieve("not-an-id"),
])
def test_unknown_ids_are_404s(sclient: payroc_rs.Client, call: Callable[[payroc_rs.Client], Any]) -> None:
    with pytest.raises(payroc_rs.NotFoundError):
        call(sclient)


def test_a_dispute_needs_a_settled_sale(smock: Mock, sclient: payroc_rs.Client) -> None:
    open_sale = sale(sclient, 4200)
    with pytest.raises(Exception, match="409"):
        smock.control("POST", "/_mock/disputes", {"paymentId": open_sale})
    with pytest.raises(Exception, match="404"):
        smock.control("POST", "/_mock/disputes", {"paymentId": "NOSUCHPAY1"})


def test_the_reconciliation_example_balances_to_the_cent(smock: Mock, sclient: payroc_rs.Client,
                                                         tmp_path: Path) -> None:
    smock.control("POST", "/_mock/reset")
    day = today(smock)
    ids, sold, refunded = settle_a_day(smock, sclient)
    smock.control("POST", "/_mock/disputes", {"paymentId": ids[2]})
    sale(sclient, 3300)
    smock.control("POST", "/_mock/clock", {"days": 1})  # the cut-off closes the third batch
    env = {**os.environ, "PAYROC_API_KEY": API_KEY, "PAYROC_API_URL": smock.base + "/v1",
           "PAYROC_IDENTITY_URL": smock.base}
    report = tmp_path / "report.csv"
    run = subprocess.run([sys.executable, str(EXAMPLES / "reconcile.py"), (day - datetime.timedelta(days=1)).isoformat(),
                          day.isoformat(), str(report)], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr + run.stdout
    with report.open(newline="") as f:
        rows = list(csv.DictReader(f))
    batches = [r for r in rows if r["record"] == "batch"]
    deposits = [r for r in rows if r["record"] == "deposit"]
    assert len(batches) == len(deposits) == 3
    assert all(r["status"] == "OK" for r in rows), rows

    def cents(text: str) -> int:
        whole, _, frac = text.partition(".")
        return int(whole) * 100 + (int(frac) if not whole.startswith("-") else -int(frac))

    assert sum(cents(r["sales"]) for r in batches) == sold + 3300
    assert sum(cents(r["returns"]) for r in batches) == refunded
    assert sum(cents(r["net"]) for r in batches) == sum(cents(r["sales"]) - cents(r["returns"]) for r in deposits)
    for r in deposits:
        assert cents(r["net"]) == cents(r["sales"]) - cents(r["returns"]) - cents(r["fees"]) - cents(r["adjustments"])
    # The chargeback (all of the 9.99 sale) is taken from the deposit after it.
    assert [cents(r["adjustments"]) for r in deposits] == [0, 0, 999]
    # What the merchant was paid, against what the emulator's ledger says.
    ledger: Dict[str, Any] = smock.control("GET", "/_mock/ledger")
    assert sum(cents(r["net"]) for r in deposits) == sum(d["netAmount"] for d in ledger["achDeposits"])
