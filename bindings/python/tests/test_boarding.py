"""Boarding over HTTP against payroc-mock: every boarding operation with a real request
(table-driven), Payroc's review of processing accounts and the shipping of terminal
orders (by the emulator's clock and its test controls), and the refusals (validation
before the network with field paths, 404, 409). The emulator is this module's own:
moving its clock must not reach the other modules' tests."""

from __future__ import annotations

import asyncio
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest

import payroc_rs
from conftest import API_KEY, Mock

TAX_ID = "12-3456789"
NATIONAL_ID = "000004320"
ACCOUNT_NUMBER = "99001122334"


@pytest.fixture(scope="module")
def bmock() -> Iterator[Mock]:
    m = Mock()
    yield m
    m.stop()


@pytest.fixture()
def bclient(bmock: Mock) -> payroc_rs.Client:
    return payroc_rs.Client(api_key=API_KEY, api_url=bmock.base + "/v1", identity_url=bmock.base, max_retries=0)


def address() -> Dict[str, Any]:
    return {"address1": "1 Example Ave.", "city": "Chicago", "state": "Illinois", "country": "US",
            "postal_code": "60056"}


def owner(first_name: str = "Jane", control_prong: bool = True) -> Dict[str, Any]:
    return {
        "first_name": first_name, "last_name": "Doe", "date_of_birth": "1964-03-22", "address": address(),
        "identifiers": [{"type": "nationalId", "value": NATIONAL_ID}],
        "contact_methods": [{"type": "email", "value": "jane.doe@example.com"}],
        "relationship": {"is_control_prong": control_prong, "is_authorized_signatory": not control_prong},
    }


def contact(first_name: str = "Grace") -> Dict[str, Any]:
    return {"type": "manager", "first_name": first_name, "last_name": "Hopper",
            "identifiers": [{"type": "nationalId", "value": NATIONAL_ID}],
            "contact_methods": [{"type": "phone", "value": "2025550164"}]}


def account(name: str = "Pizza Doe", signature: str = "requestedViaEmail") -> Dict[str, Any]:
    return {
        "doing_business_as": name, "owners": [owner(), owner("John", False)], "business_type": "restaurant",
        "category_code": 5999, "merchandise_or_service_sold": "Food", "business_start_date": "2020-01-01",
        "timezone": "America/Chicago", "address": address(),
        "contact_methods": [{"type": "email", "value": "shop@example.com"}],
        "processing": {"transactionAmounts": {"average": 5000, "highest": 10000},
                       "monthlyAmounts": {"average": 50000, "highest": 100000},
                       "volumeBreakdown": {"cardPresent": 77, "mailOrTelephone": 3, "ecommerce": 20}},
        "funding": {"funding_accounts": [{"type": "checking", "use": "credit", "name_on_account": name,
                                          "payment_methods": [{"type": "ach", "value": {
                                              "routing_number": "123456789", "account_number": ACCOUNT_NUMBER}}]}]},
        "pricing": {"type": "intent", "pricingIntentId": "6123"},
        "signature": {"type": signature},
        "contacts": [contact()],
    }


def platform() -> Dict[str, Any]:
    return {
        "business": {"name": "Example Corp", "tax_id": TAX_ID, "organization_type": "privateCorporation",
                     "country_of_operation": "US", "addresses": [dict(address(), type="legalAddress")],
                     "contact_methods": [{"type": "email", "value": "corp@example.com"}]},
        "processing_accounts": [account()],
    }


ORDER = {"order_items": [{"type": "solution", "solution_template_id": "Roc Services_DX8000", "solution_quantity": 1}]}


def set_status(mock: Mock, kind: str, ident: str, status: str) -> Any:
    return mock.control("POST", f"/_mock/{kind}/{ident}/status", {"status": status})


def test_every_boarding_operation_runs_against_the_emulator(bmock: Mock, bclient: payroc_rs.Client) -> None:
    bmock.control("POST", "/_mock/reset")
    state: Dict[str, Any] = {}
    c = bclient

    def create_platform() -> Any:
        p = c.merchant_platforms.create(**platform())
        state["platform"] = p.merchant_platform_id
        state["account"] = p.processing_accounts[0].processing_account_id
        return p

    def list_owners() -> Any:
        owners = list(c.processing_accounts.list_owners(state["account"], limit=1))
        state["owner"] = str(owners[0].owner_id)
        return owners

    def list_contacts() -> Any:
        contacts = list(c.processing_accounts.list_contacts(state["account"]))
        state["contact"] = str(contacts[0].contact_id)
        return contacts

    def create_order() -> Any:
        set_status(bmock, "processing-accounts", state["account"], "approved")
        o = c.processing_accounts.create_terminal_order(state["account"], **ORDER)
        state["order"] = o.terminal_order_id
        state["terminal"] = o.order_items[0].links[0].processing_terminal_id
        return o

    def put_owner() -> Any:
        current = c.owners.retrieve(state["owner"]).to_dict()
        current["firstName"] = "Janet"
        current["identifiers"] = [{"type": "nationalId", "value": "000009999"}]
        return c.owners.update(state["owner"], current)

    def put_contact() -> Any:
        return c.contacts.update(state["contact"], contact("Margaret"))

    def delete_owner() -> Any:
        # A processing account's owner stays; a funding recipient's second owner goes.
        with pytest.raises(payroc_rs.ConflictError):
            c.owners.delete(state["owner"])
        recipient = c.funding_recipients.create(
            recipient_type="nonProfit", tax_id="987654321", doing_business_as="Doe Charity", address=address(),
            contact_methods=[{"type": "email", "value": "info@example.com"}],
            owners=[owner(), owner("John", False)],
            funding_accounts=account()["funding"]["funding_accounts"])
        second = str(recipient.owners[1].owner_id)
        deleted = c.owners.delete(second)
        with pytest.raises(payroc_rs.NotFoundError):
            c.owners.retrieve(second)
        return deleted

    # (operation, call, check of the reply), in an order that builds what the next needs.
    table: List[Tuple[str, Callable[[], Any], Callable[[Any], bool]]] = [
        ("merchant_platforms.create", create_platform,
         lambda p: isinstance(p, payroc_rs.MerchantPlatform) and p.processing_accounts[0].status == "entered"
         and p.business.tax_id == "xxxxx6789"),
        ("merchant_platforms.list", lambda: list(c.merchant_platforms.list(limit=1)),
         lambda ps: [p.merchant_platform_id for p in ps] == [state["platform"]]),
        ("merchant_platforms.retrieve", lambda: c.merchant_platforms.retrieve(state["platform"]),
         lambda p: p.business.name == "Example Corp"),
        ("merchant_platforms.create_processing_account",
         lambda: c.merchant_platforms.create_processing_account(state["platform"], **account("Pasta Doe")),
         lambda a: isinstance(a, payroc_rs.ProcessingAccount) and a.status == "entered"),
        ("merchant_platforms.list_processing_accounts",
         lambda: list(c.merchant_platforms.list_processing_accounts(state["platform"], limit=1)),
         lambda accs: [a.doing_business_as for a in accs] == ["Pizza Doe", "Pasta Doe"]),
        ("processing_accounts.retrieve", lambda: c.processing_accounts.retrieve(state["account"]),
         lambda a: a.processing_account_id == state["account"] and len(a.owners) == 2),
        ("processing_accounts.list_owners", list_owners,
         lambda os_: len(os_) == 2 and all(isinstance(o, payroc_rs.Owner) for o in os_)),
        ("processing_accounts.list_contacts", list_contacts,
         lambda cs: [x.first_name for x in cs] == ["Grace"] and isinstance(cs[0], payroc_rs.Contact)),
        ("processing_accounts.list_funding_accounts",
         lambda: c.processing_accounts.list_funding_accounts(state["account"]),
         lambda accs: isinstance(accs, list) and isinstance(accs[0], payroc_rs.FundingAccount)),
        ("processing_accounts.retrieve_pricing_agreement",
         lambda: c.processing_accounts.retrieve_pricing_agreement(state["account"]),
         lambda p: isinstance(p, payroc_rs.PricingAgreement) and p.version == "5.0"),
        ("processing_accounts.create_reminder",
         lambda: c.processing_accounts.create_reminder(state["account"], type="pricingAgreement"),
         lambda r: isinstance(r, payroc_rs.Reminder) and r.reminder_id),
        ("processing_accounts.create_terminal_order", create_order,
         lambda o: isinstance(o, payroc_rs.TerminalOrder) and o.status == "open"),
        ("processing_accounts.list_terminal_orders",
         lambda: c.processing_accounts.list_terminal_orders(state["account"]),
         lambda os_: [o.terminal_order_id for o in os_] == [state["order"]]),
        ("processing_accounts.list_processing_terminals",
         lambda: list(c.processing_accounts.list_processing_terminals(state["account"])),
         lambda ts: [t.processing_terminal_id for t in ts] == [state["terminal"]]),
        ("processing_terminals.retrieve", lambda: c.processing_terminals.retrieve(state["terminal"]),
         lambda t: isinstance(t, payroc_rs.ProcessingTerminal) and t.status == "inactive"),
        ("processing_terminals.retrieve_host_configuration",
         lambda: c.processing_terminals.retrieve_host_configuration(state["terminal"]),
         lambda h: isinstance(h, payroc_rs.HostConfiguration) and h.configuration.processor == "tsys"
         and h.configuration.terminal.authentication_code not in repr(h)),
        ("terminal_orders.retrieve", lambda: c.terminal_orders.retrieve(state["order"]),
         lambda o: o.status == "open"),
        ("owners.retrieve", lambda: c.owners.retrieve(state["owner"]),
         lambda o: o.identifiers[0].value == "xxxxx4320"),
        ("owners.update", put_owner, lambda r: r is None and c.owners.retrieve(state["owner"]).first_name == "Janet"),
        ("owners.delete", delete_owner, lambda r: r is None),
        ("contacts.retrieve", lambda: c.contacts.retrieve(state["contact"]), lambda x: x.first_name == "Grace"),
        ("contacts.update", put_contact,
         lambda r: r is None and c.contacts.retrieve(state["contact"]).first_name == "Margaret"),
        ("contacts.delete", lambda: c.contacts.delete(state["contact"]),
         lambda r: r is None and list(c.processing_accounts.list_contacts(state["account"])) == []),
    ]
    ran = []
    for name, call, check in table:
        reply = call()
        assert check(reply), (name, reply)
        ran.append(name)
    boarding = ("merchant_platforms", "processing_accounts", "owners", "contacts", "processing_terminals",
                "terminal_orders")
    ops = [op for op in payroc_rs.operations() if op.split(".")[0] in boarding]
    assert sorted(ran) == sorted(ops) and len(ran) == 23
    assert all(hasattr(payroc_rs, cls) for cls in ("MerchantPlatform", "ProcessingAccount", "Contact",
                                                   "TerminalOrder", "ProcessingTerminal", "HostConfiguration",
                                                   "PricingAgreement", "Reminder"))


def test_review_and_shipping_follow_the_clock_and_the_controls(bmock: Mock, bclient: payroc_rs.Client) -> None:
    bmock.control("POST", "/_mock/reset")
    p = bclient.merchant_platforms.create(**platform())
    acc = p.processing_accounts[0].processing_account_id
    with pytest.raises(payroc_rs.ConflictError):
        bclient.processing_accounts.create_terminal_order(acc, **ORDER)
    bmock.control("POST", "/_mock/clock", {"days": 1})
    assert bclient.processing_accounts.retrieve(acc).status == "pending"
    bmock.control("POST", "/_mock/clock", {"days": 1})
    assert bclient.processing_accounts.retrieve(acc).status == "approved"
    order = bclient.processing_accounts.create_terminal_order(acc, **ORDER)
    bmock.control("POST", "/_mock/clock", {"days": 1})
    assert bclient.terminal_orders.retrieve(order.terminal_order_id).status == "dispatched"
    bmock.control("POST", "/_mock/clock", {"days": 1})
    assert bclient.terminal_orders.retrieve(order.terminal_order_id).status == "fulfilled"
    terminal = order.order_items[0].links[0].processing_terminal_id
    assert bclient.processing_terminals.retrieve(terminal).status == "active"
    # The list's filters: a status, and a window of creation times.
    listed = bclient.processing_accounts.list_terminal_orders
    assert [o.terminal_order_id for o in listed(acc, status="fulfilled")] == [order.terminal_order_id]
    assert listed(acc, status="open") == []
    assert len(listed(acc, from_date_time=order.created_date, to_date_time="2999-01-01T00:00:00Z")) == 1
    assert listed(acc, to_date_time="2000-01-01T00:00:00Z") == []

    async def filtered_async() -> List[str]:
        aclient = payroc_rs.AsyncClient(api_key=API_KEY, api_url=bmock.base + "/v1", identity_url=bmock.base)
        return [o.terminal_order_id for o in await aclient.processing_accounts.list_terminal_orders(
            acc, status="fulfilled")]

    assert asyncio.run(filtered_async()) == [order.terminal_order_id]
    assert set_status(bmock, "processing-accounts", acc, "terminated")["status"] == "terminated"
    assert list(bclient.merchant_platforms.list_processing_accounts(p.merchant_platform_id)) == []
    closed = list(bclient.merchant_platforms.list_processing_accounts(p.merchant_platform_id, include_closed=True))
    assert [a.status for a in closed] == ["terminated"]
    with pytest.raises(payroc_rs.ConflictError):
        bclient.processing_accounts.create_terminal_order(acc, **ORDER)


def test_refusals(bmock: Mock, bclient: payroc_rs.Client) -> None:
    bmock.control("POST", "/_mock/reset")
    p = bclient.merchant_platforms.create(**platform())
    acc = p.processing_accounts[0].processing_account_id
    before = bmock.requests()

    # Validation before the network, each violation by its path; no secret in the error.
    bad = platform()
    bad["business"]["tax_id"] = "12"
    bad["processing_accounts"][0]["category_code"] = 0
    bad["processing_accounts"][0]["signature"] = {}
    with pytest.raises(payroc_rs.ValidationError) as info:
        bclient.merchant_platforms.create(**bad)
    assert [e.path for e in info.value.errors] == [
        "business.taxId", "processingAccounts[0].categoryCode", "processingAccounts[0].signature.type"]
    assert "12-3456789" not in str(info.value)
    with pytest.raises(payroc_rs.ValidationError) as info:
        bclient.processing_accounts.create_terminal_order(acc, order_items=[])
    assert [e.path for e in info.value.errors] == ["orderItems"]
    with pytest.raises(payroc_rs.ValidationError) as info:
        bclient.contacts.update("1", dict(contact(), contact_methods=[]))
    assert [e.path for e in info.value.errors] == ["contactMethods"]
    with pytest.raises(payroc_rs.ValidationError) as info:
        bclient.processing_accounts.list_terminal_orders(acc, status="lost", from_date_time="yesterday")
    assert [e.path for e in info.value.errors] == ["status", "fromDateTime"]
    assert bmock.requests() == before

    # The emulator's refusals as the right errors.
    with pytest.raises(payroc_rs.NotFoundError):
        bclient.merchant_platforms.retrieve("404404")
    with pytest.raises(payroc_rs.NotFoundError):
        bclient.processing_accounts.list_funding_accounts("404404")
    with pytest.raises(payroc_rs.NotFoundError):
        bclient.terminal_orders.retrieve("404404")
    with pytest.raises(payroc_rs.NotFoundError):
        bclient.processing_terminals.retrieve_host_configuration("404404")
    with pytest.raises(payroc_rs.NotFoundError):
        bclient.contacts.delete("404404")
    with pytest.raises(payroc_rs.NotFoundError):
        bclient.owners.retrieve("404404")
    direct = bclient.merchant_platforms.create_processing_account(
        p.merchant_platform_id, **account("Link Doe", "requestedViaDirectLink"))
    with pytest.raises(payroc_rs.ConflictError):
        bclient.processing_accounts.create_reminder(direct.processing_account_id, type="pricingAgreement")
    owners = list(bclient.processing_accounts.list_owners(acc))
    with pytest.raises(payroc_rs.ConflictError):
        bclient.owners.update(str(owners[1].owner_id), owner("John", True))


def test_secrets_stay_out_of_reprs(bmock: Mock, bclient: payroc_rs.Client) -> None:
    p = bclient.merchant_platforms.create(**platform())
    acc = p.processing_accounts[0].processing_account_id
    accounts = bclient.processing_accounts.list_funding_accounts(acc)
    owners = list(bclient.processing_accounts.list_owners(acc))
    shown = repr(p) + repr(accounts) + repr(owners)
    # Not even masked (the routing number, no secret, ends in 6789 too).
    for secret in (ACCOUNT_NUMBER, "xxxxx2334", TAX_ID, "xxxxx6789"):
        assert secret not in shown, shown[max(0, shown.find(secret) - 80):shown.find(secret) + 10]
