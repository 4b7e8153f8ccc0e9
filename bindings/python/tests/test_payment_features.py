"""Payment features and sessions, table-driven against payroc-mock: every operation run
with a valid request, then the ways each is refused (validation before the network,
the emulator's 400 and 404), and which of them carry an Idempotency-Key."""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Tuple

import pytest
from conftest import EXPIRY, TERMINAL, Mock, keyed_card

import payroc_rs

EBT_CARD = "5076800000000019"
JCB_CARD = "3530111333300000"
APPLE_URL = "https://apple-pay-gateway.apple.com/paymentservices/startSession"
HOSTED_ROUTE = "/v1/processing-terminals/{processingTerminalId}/hosted-fields-sessions"
APPLE_ROUTE = "/v1/processing-terminals/{processingTerminalId}/apple-pay-sessions"


def card(number: str) -> Dict[str, Any]:
    return {"type": "card", "card_details": keyed_card(number)}


def ach(account: str = "123456789", routing: str = "021000021") -> Dict[str, Any]:
    return {"type": "ach", "name_on_account": "Sarah Hopper", "account_number": account,
            "routing_number": routing}


# name, positional args, keyword body, a check of the reply, its route in the log, keyed
Case = Tuple[str, Tuple[Any, ...], Dict[str, Any], Callable[[Any], bool], str, bool]

VALID: List[Case] = [
    ("bank_accounts.verify", (), dict(processing_terminal_id=TERMINAL, bank_account=ach()),
     lambda r: r.verified is True, "/v1/bank-accounts/verify", True),
    ("cards.verify", (), dict(processing_terminal_id=TERMINAL, card=card("4111111111111111")),
     lambda r: r.verified is True and r.card.card_number == "411111******1111", "/v1/cards/verify", True),
    ("cards.view_ebt_balance", (), dict(processing_terminal_id=TERMINAL, currency="USD", card=card(EBT_CARD)),
     lambda r: [b.amount for b in r.card.balances] == [12500, 31050], "/v1/cards/balance", False),
    ("cards.lookup_bin", (), dict(processing_terminal_id=TERMINAL, amount=10000, currency="USD",
                                  card={"type": "cardBin", "bin": "555555"}),
     lambda r: r.type == "MASTERCARD" and r.surcharging.amount == 300, "/v1/cards/bin-lookup", False),
    ("fx_rates.retrieve", (), dict(channel="web", processing_terminal_id=TERMINAL, base_amount=10000,
                                   base_currency="EUR", payment_method=card(JCB_CARD)),
     lambda r: r.inquiry_result.dcc_offered and r.dcc_offer.fx_amount == 17044 and r.dcc_offer.fx_currency == "JPY",
     "/v1/fx-rates", False),
    ("hosted_fields_sessions.create", (TERMINAL,), dict(lib_version="1.6.0.172441", scenario="payment"),
     lambda r: len(r.token) == 32 and r.expires_at is not None, HOSTED_ROUTE, True),
    ("apple_pay_sessions.create", (TERMINAL,), dict(apple_domain_id="dom-1", apple_validation_url=APPLE_URL),
     lambda r: json.loads(r.start_session_response)["domainName"] == "store.example.com", APPLE_ROUTE, False),
]


def _method(client: payroc_rs.Client, name: str) -> Callable[..., Any]:
    target: Any = client
    for part in name.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]


def _logged(mock: Mock, route: str) -> List[Dict[str, Any]]:
    return [r for r in mock.control("GET", "/_mock/requests") if r["route"] == route]


@pytest.mark.parametrize("case", VALID, ids=[c[0] for c in VALID])
def test_each_operation_answers_a_valid_request(client: payroc_rs.Client, mock: Mock, case: Case) -> None:
    name, args, body, check, route, keyed = case
    before = len(_logged(mock, route))
    reply = _method(client, name)(*args, **body)
    assert check(reply), (name, reply)
    logged = _logged(mock, route)
    assert len(logged) == before + 1
    # Keyed exactly where the official SDK sends a key; the lookups are accepted without one.
    assert (logged[-1]["idempotencyKey"] is not None) is keyed, name


# name, positional args, keyword body, the paths named
INVALID: List[Tuple[str, Tuple[Any, ...], Dict[str, Any], List[str]]] = [
    ("bank_accounts.verify", (), dict(processing_terminal_id=" ", bank_account=ach(routing="12")),
     ["processingTerminalId", "bankAccount.routingNumber"]),
    ("cards.verify", (), dict(processing_terminal_id=TERMINAL, card=card("4111111111111112")),
     ["card.cardDetails.keyedData.cardNumber"]),
    ("cards.view_ebt_balance", (), dict(processing_terminal_id=TERMINAL, currency="XXX",
                                        card={"type": "singleUseToken", "token": ""}),
     ["currency", "card.token"]),
    ("cards.lookup_bin", (), dict(amount=0, card={"type": "cardBin", "bin": "4111111111111111"}),
     ["amount", "card.bin"]),
    ("fx_rates.retrieve", (), dict(channel="fax", processing_terminal_id=TERMINAL, base_amount=100,
                                   base_currency="EUR", payment_method={"type": "singleUseToken", "token": "t"}),
     ["channel", "paymentMethod.type"]),
    ("hosted_fields_sessions.create", (TERMINAL,), dict(lib_version="1.6.0.172441", scenario="payment",
                                                       secure_token_id="MREF_1"),
     ["secureTokenId"]),
    ("apple_pay_sessions.create", (TERMINAL,), dict(apple_domain_id="", apple_validation_url="http://apple.com/x"),
     ["appleDomainId", "appleValidationUrl"]),
]


@pytest.mark.parametrize("case", INVALID, ids=[c[0] for c in INVALID])
def test_each_operation_refuses_an_invalid_request_before_the_network(
    client: payroc_rs.Client, mock: Mock, case: Tuple[str, Tuple[Any, ...], Dict[str, Any], List[str]]
) -> None:
    name, args, body, paths = case
    before = mock.requests()
    with pytest.raises(payroc_rs.ValidationError) as info:
        _method(client, name)(*args, **body)
    assert [e.path for e in info.value.errors] == paths
    assert mock.requests() == before, f"{name}: sent before its validation failed"
    assert "4111111111111112" not in str(info.value) + repr(info.value.errors)


# name, positional args, keyword body, the error, the parameter the emulator names
REFUSED: List[Tuple[str, Tuple[Any, ...], Dict[str, Any], type, str]] = [
    ("cards.view_ebt_balance", (), dict(processing_terminal_id=TERMINAL, currency="USD", card=card("4111111111111111")),
     payroc_rs.BadRequestError, "card.cardDetails"),
    ("cards.view_ebt_balance", (), dict(processing_terminal_id=TERMINAL, currency="EUR", card=card(EBT_CARD)),
     payroc_rs.BadRequestError, "currency"),
    ("cards.lookup_bin", (), dict(card={"type": "cardBin", "bin": "999999"}), payroc_rs.NotFoundError, ""),
    ("cards.lookup_bin", (), dict(card={"type": "secureToken", "token": "296753000012"}),
     payroc_rs.BadRequestError, "processingTerminalId"),
    ("fx_rates.retrieve", (), dict(channel="web", processing_terminal_id=TERMINAL, base_amount=100,
                                   base_currency="USD", payment_method={"type": "secureToken", "token": "296753000012"}),
     payroc_rs.BadRequestError, "paymentMethod.token"),
    ("hosted_fields_sessions.create", (TERMINAL,), dict(lib_version="1.6.0.172441", scenario="tokenization",
                                                       secure_token_id="MREF_nobody"),
     payroc_rs.BadRequestError, "secureTokenId"),
    ("hosted_fields_sessions.create", (TERMINAL,), dict(lib_version="latest", scenario="payment"),
     payroc_rs.BadRequestError, "libVersion"),
    ("apple_pay_sessions.create", (TERMINAL,), dict(apple_domain_id="dom-1",
                                                   apple_validation_url="https://evil.example/startSession"),
     payroc_rs.BadRequestError, "appleValidationUrl"),
    ("apple_pay_sessions.create", (TERMINAL,), dict(apple_domain_id="unregistered-1", apple_validation_url=APPLE_URL),
     payroc_rs.BadRequestError, "appleDomainId"),
]


@pytest.mark.parametrize("case", REFUSED, ids=[f"{c[0]}-{c[4] or 'bin'}" for c in REFUSED])
def test_the_emulator_refuses_what_the_api_refuses(
    client: payroc_rs.Client, case: Tuple[str, Tuple[Any, ...], Dict[str, Any], type, str]
) -> None:
    name, args, body, error, parameter = case
    with pytest.raises(error) as info:
        _method(client, name)(*args, **body)
    assert isinstance(info.value, payroc_rs.ApiError)
    if parameter:
        assert [e.path for e in info.value.errors] == [parameter]
    assert "4111111111111111" not in str(info.value) + repr(info.value.errors)


def test_verification_declines_are_answers_not_errors(client: payroc_rs.Client) -> None:
    declined = client.cards.verify(processing_terminal_id=TERMINAL, card=card("4000000000000002"))
    assert declined.verified is False and declined.transaction_result.response_code == "D"
    closed = client.bank_accounts.verify(processing_terminal_id=TERMINAL, bank_account=ach(account="1234599"))
    assert closed.verified is False


def test_a_keyed_verification_sent_twice_with_one_key_is_answered_once(client: payroc_rs.Client, mock: Mock) -> None:
    key = "7b1c2a5e-4d3f-4a6b-9c8d-0e1f2a3b4c5d"
    body = dict(processing_terminal_id=TERMINAL, card={"type": "card", "card_details": {
        "entry_method": "keyed", "keyed_data": {"data_format": "plainText", "card_number": "5555555555554444",
                                                "expiry_date": EXPIRY}}})
    before = mock.control("GET", "/_mock/counters")["idempotentReplays"]
    first = client.cards.verify(idempotency_key=key, **body)
    again = client.cards.verify(idempotency_key=key, **body)
    assert first.to_dict() == again.to_dict()
    assert mock.control("GET", "/_mock/counters")["idempotentReplays"] == before + 1
