"""Funding over HTTP against payroc-mock: every funding operation with a real request
(table-driven), the funding balance an instruction holds and pays out as the emulator's
clock moves, and the refusals (validation before the network with field paths, 404,
409). The emulator is this module's own: moving its clock must not reach the other
modules' tests."""

from __future__ import annotations

import asyncio
import datetime
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest

import payroc_rs
from conftest import API_KEY, Mock

MERCHANT = "4525644354"
ACCOUNT_NUMBER = "99001122334"
TAX_ID = "987654321"


@pytest.fixture(scope="module")
def fmock() -> Iterator[Mock]:
    m = Mock()
    yield m
    m.stop()


@pytest.fixture()
def fclient(fmock: Mock) -> payroc_rs.Client:
    return payroc_rs.Client(api_key=API_KEY, api_url=fmock.base + "/v1", identity_url=fmock.base, max_retries=0)


def address() -> Dict[str, Any]:
    return {"address1": "1 Example Ave.", "city": "Chicago", "state": "Illinois", "country": "US",
            "postal_code": "60056"}


def owner(first_name: str = "Jane", control_prong: bool = True) -> Dict[str, Any]:
    return {
        "first_name": first_name, "last_name": "Doe", "date_of_birth": "1964-03-22", "address": address(),
        "identifiers": [{"type": "nationalId", "value": "123004320"}],
        "contact_methods": [{"type": "email", "value": "jane.doe@example.com"}],
        "relationship": {"equity_percentage": 48.5, "title": "CFO", "is_control_prong": control_prong},
    }


def account(name: str = "Doe Charity", number: str = ACCOUNT_NUMBER) -> Dict[str, Any]:
    return {"type": "checking", "use": "credit", "name_on_account": name,
            "payment_methods": [{"type": "ach", "value": {"routing_number": "123456789", "account_number": number}}]}


def recipient(name: str = "Doe Charity") -> Dict[str, Any]:
    return {
        "recipient_type": "nonProfit", "tax_id": TAX_ID, "doing_business_as": name, "address": address(),
        "contact_methods": [{"type": "email", "value": "info@example.com"}],
        "owners": [owner()], "funding_accounts": [account(name)],
    }


def instruction(*payments: Tuple[int, int]) -> Dict[str, Any]:
    return {"merchants": [{"merchant_id": MERCHANT, "recipients": [
        {"funding_account_id": acc, "payment_method": "ACH", "amount": {"value": value, "currency": "USD"}}
        for acc, value in payments]}]}


def today(mock: Mock) -> datetime.date:
    return datetime.date.fromisoformat(mock.control("GET", "/_mock/clock")["today"])


def dates(mock: Mock) -> Dict[str, str]:
    day = today(mock)
    return {"date_from": str(day - datetime.timedelta(days=3)), "date_to": str(day + datetime.timedelta(days=3))}


def balance(client: payroc_rs.Client) -> Tuple[int, int, int]:
    [b] = list(client.funding_activity.retrieve_balance(merchant_id=MERCHANT))
    return b.funds, b.pending, b.available


def credit(mock: Mock, amount: int) -> Any:
    return mock.control("POST", "/_mock/funding/credit",
                        {"merchantId": MERCHANT, "amount": amount, "merchantName": "Pizza Doe"})


def test_every_funding_operation_runs_against_the_emulator(fmock: Mock, fclient: payroc_rs.Client) -> None:
    fmock.control("POST", "/_mock/reset")
    credit(fmock, 100_000)
    state: Dict[str, Any] = {}
    c = fclient

    def create_recipient() -> Any:
        r = c.funding_recipients.create(**recipient())
        state["recipient"] = str(r.recipient_id)
        state["account"] = r.funding_accounts[0].funding_account_id
        return r

    def create_instruction() -> Any:
        i = c.funding_instructions.create(**instruction((state["account"], 30_000)))
        state["instruction"] = str(i.instruction_id)
        return i

    def put_recipient() -> Any:
        current = c.funding_recipients.retrieve(state["recipient"]).to_dict()
        current["doingBusinessAs"] = "Doe Foundation"
        return c.funding_recipients.update(state["recipient"], current)

    def put_account() -> Any:
        current = c.funding_accounts.retrieve(str(state["account"])).to_dict()
        current["nameOnAccount"] = "Doe Foundation"
        return c.funding_accounts.update(str(state["account"]), current)

    # (operation, call, check of the reply), in an order that builds what the next needs.
    table: List[Tuple[str, Callable[[], Any], Callable[[Any], bool]]] = [
        ("funding_recipients.create", create_recipient,
         lambda r: isinstance(r, payroc_rs.FundingRecipient) and r.status == "approved"),
        ("funding_recipients.list", lambda: list(c.funding_recipients.list(limit=1)),
         lambda rs: [str(r.recipient_id) for r in rs] == [state["recipient"]]),
        ("funding_recipients.retrieve", lambda: c.funding_recipients.retrieve(state["recipient"]),
         lambda r: r.doing_business_as == "Doe Charity" and len(r.owners) == 1),
        ("funding_recipients.update", put_recipient, lambda r: r is None),
        ("funding_recipients.create_account",
         lambda: c.funding_recipients.create_account(state["recipient"], **account("Doe Savings", "5550001")),
         lambda a: isinstance(a, payroc_rs.FundingAccount) and a.status == "approved"),
        ("funding_recipients.list_accounts", lambda: c.funding_recipients.list_accounts(state["recipient"]),
         lambda accs: isinstance(accs, list) and len(accs) == 2
         and all(isinstance(a, payroc_rs.FundingAccount) for a in accs)),
        ("funding_recipients.create_owner",
         lambda: c.funding_recipients.create_owner(state["recipient"], **owner("John", False)),
         lambda o: isinstance(o, payroc_rs.Owner) and o.identifiers[0].value == "xxxxx4320"),
        ("funding_recipients.list_owners", lambda: c.funding_recipients.list_owners(state["recipient"]),
         lambda os_: [o.first_name for o in os_] == ["Jane", "John"]
         and all(isinstance(o, payroc_rs.Owner) for o in os_)),
        ("funding_accounts.list", lambda: list(c.funding_accounts.list(limit=1)), lambda accs: len(accs) == 2),
        ("funding_accounts.retrieve", lambda: c.funding_accounts.retrieve(str(state["account"])),
         lambda a: a.funding_account_id == state["account"]),
        ("funding_accounts.update", put_account, lambda r: r is None),
        ("funding_instructions.create", create_instruction,
         lambda i: isinstance(i, payroc_rs.FundingInstruction) and i.status == "accepted"),
        ("funding_instructions.list", lambda: list(c.funding_instructions.list(**dates(fmock))),
         lambda items: [str(i.instruction_id) for i in items] == [state["instruction"]]),
        ("funding_instructions.retrieve", lambda: c.funding_instructions.retrieve(state["instruction"]),
         lambda i: i.merchants[0].recipients[0].amount.value == 30_000),
        ("funding_instructions.update",
         lambda: c.funding_instructions.update(state["instruction"], instruction((state["account"], 25_000))),
         lambda r: r is None),
        ("funding_activity.retrieve_balance", lambda: list(c.funding_activity.retrieve_balance()),
         lambda bs: [(b.merchant_id, b.funds, b.pending, b.available) for b in bs]
         == [(MERCHANT, 100_000, 25_000, 75_000)]),
        ("funding_activity.list", lambda: list(c.funding_activity.list(merchant_id=MERCHANT, **dates(fmock))),
         lambda acts: [(a.type, a.amount, a.merchant) for a in acts] == [("credit", 100_000, "Pizza Doe")]
         and all(isinstance(a, payroc_rs.ActivityRecord) for a in acts)),
        ("funding_instructions.delete", lambda: c.funding_instructions.delete(state["instruction"]),
         lambda r: r is None and balance(c) == (100_000, 0, 100_000)),
        ("funding_accounts.delete", lambda: c.funding_accounts.delete(str(state["account"])),
         lambda r: r is None and len(c.funding_recipients.list_accounts(state["recipient"])) == 1),
        ("funding_recipients.delete", lambda: c.funding_recipients.delete(state["recipient"]),
         lambda r: r is None and list(c.funding_accounts.list()) == []),
    ]
    ran = []
    for name, call, check in table:
        reply = call()
        assert check(reply), (name, reply)
        ran.append(name)
    funding_ops = [op for op in payroc_rs.operations() if op.split(".")[0].startswith("funding_")]
    assert sorted(ran) == sorted(funding_ops) and len(ran) == 20


def test_an_instruction_pays_out_by_the_clock_and_activity_shows_it(fmock: Mock, fclient: payroc_rs.Client) -> None:
    fmock.control("POST", "/_mock/reset")
    credit(fmock, 50_000)
    r = fclient.funding_recipients.create(**recipient())
    acc = r.funding_accounts[0].funding_account_id
    created = fclient.funding_instructions.create(**instruction((acc, 12_345), (acc, 655)))
    assert balance(fclient) == (50_000, 13_000, 37_000)
    moved = fmock.control("POST", "/_mock/clock", {"days": 2})
    assert moved["fundingInstructionIds"] == [created.instruction_id]
    done = fclient.funding_instructions.retrieve(str(created.instruction_id))
    assert done.status == "completed"
    assert [p.status for p in done.merchants[0].recipients] == ["funded", "funded"]
    assert balance(fclient) == (37_000, 0, 37_000)
    activity = list(fclient.funding_activity.list(**dates(fmock)))
    assert [(a.type, a.amount, getattr(a, "recipient", None)) for a in activity] == [
        ("credit", 50_000, None), ("debit", 12_345, "Doe Charity"), ("debit", 655, "Doe Charity")]
    # Paid out: it can no longer change or go.
    with pytest.raises(payroc_rs.ConflictError):
        fclient.funding_instructions.delete(str(created.instruction_id))
    with pytest.raises(payroc_rs.ConflictError):
        fclient.funding_instructions.update(str(created.instruction_id), instruction((acc, 1)))


def test_refusals(fmock: Mock, fclient: payroc_rs.Client) -> None:
    fmock.control("POST", "/_mock/reset")
    credit(fmock, 1_000)
    r = fclient.funding_recipients.create(**recipient())
    acc = r.funding_accounts[0].funding_account_id
    before = fmock.requests()

    # Validation before the network, each violation by its path; no secret in the error.
    bad = recipient()
    bad["tax_id"] = "12"
    bad["funding_accounts"] = [account(number="12ab")]
    with pytest.raises(payroc_rs.ValidationError) as info:
        fclient.funding_recipients.create(**bad)
    assert [e.path for e in info.value.errors] == [
        "taxId", "fundingAccounts[0].paymentMethods[0].value.accountNumber"]
    assert "12ab" not in str(info.value) and "12ab" not in repr(info.value.errors)
    with pytest.raises(payroc_rs.ValidationError) as info:
        fclient.funding_instructions.create(**instruction((acc, 0)))
    assert [e.path for e in info.value.errors] == ["merchants[0].recipients[0].amount.value"]
    with pytest.raises(payroc_rs.ValidationError) as info:
        list(fclient.funding_activity.list())
    assert [e.path for e in info.value.errors] == ["dateFrom", "dateTo"]
    with pytest.raises(payroc_rs.ValidationError):
        fclient.funding_accounts.update(str(acc), {"type": "checking"})
    assert fmock.requests() == before

    # The emulator's refusals as the right errors.
    with pytest.raises(payroc_rs.ConflictError):
        fclient.funding_instructions.create(**instruction((acc, 1_001)))
    with pytest.raises(payroc_rs.BadRequestError) as bad_request:
        fclient.funding_instructions.create(**instruction((424242, 1)))
    assert bad_request.value.errors[0].path == "merchants[0].recipients[0].fundingAccountId"
    with pytest.raises(payroc_rs.ConflictError):
        fclient.funding_recipients.create_owner(str(r.recipient_id), **owner("Second", True))
    with pytest.raises(payroc_rs.NotFoundError):
        fclient.funding_recipients.retrieve("424242")
    with pytest.raises(payroc_rs.NotFoundError):
        fclient.funding_recipients.list_owners("424242")
    with pytest.raises(payroc_rs.NotFoundError):
        fclient.funding_instructions.delete("424242")
    assert balance(fclient) == (1_000, 0, 1_000)


def test_secrets_stay_out_of_reprs(fmock: Mock, fclient: payroc_rs.Client) -> None:
    r = fclient.funding_recipients.create(**recipient())
    accounts = fclient.funding_recipients.list_accounts(str(r.recipient_id))
    shown = repr(r) + repr(accounts)
    assert ACCOUNT_NUMBER not in shown and TAX_ID not in shown
    # The values are there for code that reads them on purpose.
    assert accounts[0].payment_methods[0].value.account_number == ACCOUNT_NUMBER
    assert r.tax_id == TAX_ID


def test_async_client_lists_plain_arrays(fmock: Mock) -> None:
    async def main() -> None:
        aclient = payroc_rs.AsyncClient(api_key=API_KEY, api_url=fmock.base + "/v1", identity_url=fmock.base,
                                        max_retries=0)
        r = await aclient.funding_recipients.create(**recipient())
        owners = await aclient.funding_recipients.list_owners(str(r.recipient_id))
        assert [type(o) for o in owners] == [payroc_rs.Owner]
        assert await aclient.funding_recipients.delete(str(r.recipient_id)) is None

    asyncio.run(main())
