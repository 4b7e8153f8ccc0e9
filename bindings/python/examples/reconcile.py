"""Settlement reconciliation for a bookkeeper: for every day of a date range, walk the
batches, the transactions in each, and the ACH deposits that paid them, and write a
CSV with one row per batch and per deposit, flagging anything that does not add up:

- a batch whose sales, returns or transaction count differ from its transactions';
- a deposit whose sales and returns differ from the batches it paid, whose fees differ
  from its fee lines, or whose net amount is not sales - returns - fees - adjustments.

    python reconcile.py 2025-06-01 2025-06-30 [report.csv]

Amounts are written in the currency's major unit (12.34), computed from the API's
minor units without floating point. Exits 0 when everything adds up, 1 when a row is
flagged. Talks to Payroc UAT with PAYROC_API_KEY, or to payroc-mock with
PAYROC_API_URL and PAYROC_IDENTITY_URL (e.g. http://127.0.0.1:PORT/v1 and
http://127.0.0.1:PORT).
"""

from __future__ import annotations

import csv
import datetime
import os
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Dict, Iterator, List, Optional, TextIO

import payroc_rs

COLUMNS = ["record", "date", "merchant_id", "id", "currency", "transactions", "sales", "returns", "fees",
           "adjustments", "net", "status", "note"]
# Currencies without minor units; every other currency the API takes has two.
ZERO_DECIMAL = {"JPY", "KRW", "CLP", "ISK", "VND", "XAF", "XOF", "XPF", "UGX", "PYG", "RWF", "KMF",
                "GNF", "DJF", "BIF", "VUV"}


def client_from_env() -> payroc_rs.Client:
    api_url = os.environ.get("PAYROC_API_URL")
    if api_url:
        return payroc_rs.Client(api_key=os.environ.get("PAYROC_API_KEY", "demo-key"), api_url=api_url,
                                identity_url=os.environ["PAYROC_IDENTITY_URL"])
    return payroc_rs.Client(api_key=os.environ["PAYROC_API_KEY"], environment="uat")


def money(minor: int, currency: str) -> str:
    """Minor units as the major unit, exactly: 1234 USD is 12.34."""
    places = 0 if currency in ZERO_DECIMAL else 2
    return str(Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places)))


def days(first: datetime.date, last: datetime.date) -> Iterator[datetime.date]:
    day = first
    while day <= last:
        yield day
        day += datetime.timedelta(days=1)


@dataclass
class DepositBatches:
    """What the batches a deposit paid add up to."""

    currency: str = "USD"
    sales: int = 0
    returns: int = 0
    transactions: int = 0
    batch_ids: List[int] = field(default_factory=list)


def reconcile(client: payroc_rs.Client, first: datetime.date, last: datetime.date, out: TextIO) -> int:
    """Writes the report to `out`; returns how many rows are flagged."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    flagged = 0
    deposits: Dict[int, DepositBatches] = {}
    for day in days(first, last):
        for batch in client.batches.list(date=day):
            data = batch.to_dict()
            currency = data.get("currency", "USD")
            merchant = (data.get("merchant") or {}).get("merchantId", "")
            sales = returns = count = 0
            deposit_ids = set()
            for t in client.transactions.list(batch_id=data["batchId"], limit=100):
                tx = t.to_dict()
                count += 1
                if tx.get("type") == "return":
                    returns += tx.get("amount", 0)
                else:
                    sales += tx.get("amount", 0)
                deposit_id = (tx.get("settled") or {}).get("achDepositId")
                if deposit_id is not None:
                    deposit_ids.add(deposit_id)
            problems = []
            if sales != data.get("saleAmount", 0):
                problems.append(f"sales {money(data.get('saleAmount', 0), currency)} but transactions "
                                f"{money(sales, currency)}")
            if returns != data.get("returnAmount", 0):
                problems.append(f"returns {money(data.get('returnAmount', 0), currency)} but transactions "
                                f"{money(returns, currency)}")
            if count != data.get("transactionCount", 0):
                problems.append(f"{data.get('transactionCount', 0)} transactions reported, {count} listed")
            if len(deposit_ids) > 1:
                problems.append(f"paid by several deposits {sorted(deposit_ids)}")
            for deposit_id in deposit_ids:
                paid = deposits.setdefault(deposit_id, DepositBatches(currency))
                paid.sales += sales
                paid.returns += returns
                paid.transactions += count
                paid.batch_ids.append(data["batchId"])
            flagged += bool(problems)
            writer.writerow({
                "record": "batch", "date": data.get("date", ""), "merchant_id": merchant,
                "id": data["batchId"], "currency": currency, "transactions": count,
                "sales": money(sales, currency), "returns": money(returns, currency), "fees": "",
                "adjustments": "", "net": money(sales - returns, currency),
                "status": "CHECK" if problems else "OK", "note": "; ".join(problems),
            })
    for deposit_id, paid in sorted(deposits.items()):
        data = client.ach_deposits.retrieve(str(deposit_id)).to_dict()
        # A deposit reports no currency: it pays its batches', so it takes theirs.
        currency = paid.currency
        fee_lines = sum(f.to_dict().get("amount", 0) for f in client.ach_deposit_fees.list(ach_deposit_id=deposit_id))
        sales, returns = data.get("sales", 0), data.get("returns", 0)
        fees = data.get("dailyFees", 0)
        adjustments = (data.get("achAdjustment", 0) + data.get("heldSales", 0) + data.get("holdback", 0)
                       - data.get("reserveRelease", 0))
        net = data.get("netAmount", 0)
        problems = []
        if (sales, returns) != (paid.sales, paid.returns):
            problems.append(f"pays sales {money(sales, currency)} / returns {money(returns, currency)}, "
                            f"its batches hold {money(paid.sales, currency)} / {money(paid.returns, currency)}")
        if fees != fee_lines:
            problems.append(f"fees {money(fees, currency)} but fee lines {money(fee_lines, currency)}")
        if net != sales - returns - fees - adjustments:
            problems.append(f"net {money(net, currency)} is not sales - returns - fees - adjustments "
                            f"({money(sales - returns - fees - adjustments, currency)})")
        flagged += bool(problems)
        writer.writerow({
            "record": "deposit", "date": data.get("achDate", ""),
            "merchant_id": (data.get("merchant") or {}).get("merchantId", ""), "id": deposit_id,
            "currency": currency, "transactions": data.get("transactions", 0), "sales": money(sales, currency),
            "returns": money(returns, currency), "fees": money(fees, currency),
            "adjustments": money(adjustments, currency), "net": money(net, currency),
            "status": "CHECK" if problems else "OK",
            "note": "; ".join(problems) or f"batches {', '.join(map(str, paid.batch_ids))}",
        })
    return flagged


def main(argv: List[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    first, last = datetime.date.fromisoformat(argv[1]), datetime.date.fromisoformat(argv[2])
    out_path: Optional[str] = argv[3] if len(argv) == 4 else None
    client = client_from_env()
    if out_path:
        with open(out_path, "w", newline="") as out:
            flagged = reconcile(client, first, last, out)
    else:
        flagged = reconcile(client, first, last, sys.stdout)
    print(f"{flagged} row(s) flagged", file=sys.stderr)
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
