"""Typed response objects: snake_case attributes over the API's JSON, ``to_dict()``
for the JSON itself, and a ``repr`` that never shows a secret in full."""

from __future__ import annotations

import copy
import re
import typing
from typing import Any, Dict, List, Mapping, Optional, Type, TypeVar

_T = TypeVar("_T", bound="PayrocObject")

# Keys whose values are secrets, or may be, wherever they appear.
_SECRET_KEYS = frozenset(
    {
        "cardNumber",
        "cvv",
        "accountNumber",
        "accessToken",
        "access_token",
        "refreshToken",
        "refresh_token",
        "password",
        "apiKey",
        "pin",
        "pinBlock",
        "trackData",
        "rawData",
        "encryptedData",
    }
)

_CAMEL_SPLIT = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def camel(name: str) -> str:
    """``processing_terminal_id`` -> ``processingTerminalId`` (camelCase stays)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def snake(name: str) -> str:
    """``processingTerminalId`` -> ``processing_terminal_id``."""
    return _CAMEL_SPLIT.sub("_", name).lower()


def _mask(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 10 and value.isdigit():
        return f"{value[:6]}{'*' * (len(value) - 10)}{value[-4:]}"
    if value is None:
        return None
    return "***"


def _masked(value: Any) -> Any:
    """A copy of JSON data with every secret masked, for ``repr``."""
    if isinstance(value, dict):
        return {
            k: (_mask(v) if k in _SECRET_KEYS and not _is_masked(v) else _masked(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return value


def _is_masked(value: Any) -> bool:
    # The gateway already masks card numbers (453985******7062): show them as sent.
    return isinstance(value, str) and "*" in value


class _Field:
    """How to wrap one attribute: the object class and whether it is a list."""

    __slots__ = ("cls", "is_list")

    def __init__(self, cls: Optional[Type["PayrocObject"]], is_list: bool) -> None:
        self.cls = cls
        self.is_list = is_list


def _field(hint: Any) -> _Field:
    is_list = False
    found: Optional[Type[PayrocObject]] = None
    stack = [hint]
    while stack:
        h = stack.pop()
        if isinstance(h, type) and issubclass(h, PayrocObject):
            found = h
        origin = typing.get_origin(h)
        if origin in (list, List):
            is_list = True
        stack.extend(typing.get_args(h))
    return _Field(found, is_list)


_FIELDS: Dict[type, Dict[str, _Field]] = {}


def _fields(cls: type) -> Dict[str, _Field]:
    fields = _FIELDS.get(cls)
    if fields is None:
        hints = typing.get_type_hints(cls)
        fields = {name: _field(h) for name, h in hints.items() if not name.startswith("_")}
        _FIELDS[cls] = fields
    return fields


def _wrap(value: Any, field: Optional[_Field]) -> Any:
    cls = field.cls if field is not None and field.cls is not None else PayrocObject
    if isinstance(value, dict):
        return cls(value)
    if isinstance(value, list):
        return [_wrap(v, field) for v in value]
    return value


class PayrocObject:
    """A response: read fields as snake_case attributes (``payment.payment_id``) or
    by their API name (``payment["paymentId"]``); ``to_dict()`` gives the JSON."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", dict(data))

    @classmethod
    def _from(cls: Type[_T], data: Mapping[str, Any]) -> _T:
        return cls(data)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        data: Dict[str, Any] = object.__getattribute__(self, "_data")
        fields = _fields(type(self))
        key = name if name in data else camel(name)
        if key in data:
            return _wrap(data[key], fields.get(name))
        if name in fields:
            return None
        raise AttributeError(f"{type(self).__name__} has no field {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only; use to_dict() for a copy")

    def __getitem__(self, key: str) -> Any:
        return _wrap(self._data[key], None)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PayrocObject) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | {snake(k) for k in self._data})

    def to_dict(self) -> Dict[str, Any]:
        """The JSON object as the API wrote it (camelCase keys), as a deep copy."""
        return copy.deepcopy(self._data)

    def __repr__(self) -> str:
        shown = _masked(self._data)
        inner = ", ".join(f"{snake(k)}={v!r}" for k, v in shown.items())
        return f"{type(self).__name__}({inner})"


# ---- The main response types (attributes for IDEs and mypy; any other field of the
# API is reachable too, as an attribute or by its API name). ----


class Link(PayrocObject):
    """A HATEOAS link."""

    __slots__ = ()
    rel: Optional[str]
    method: Optional[str]
    href: Optional[str]


class Customer(PayrocObject):
    """A customer as the gateway holds it."""

    __slots__ = ()
    first_name: Optional[str]
    last_name: Optional[str]
    date_of_birth: Optional[str]
    reference_number: Optional[str]
    billing_address: Optional[PayrocObject]
    shipping: Optional[PayrocObject]
    contact_methods: Optional[List[PayrocObject]]


class CustomField(PayrocObject):
    """A merchant-defined field."""

    __slots__ = ()
    name: str
    value: str


class StandingInstructions(PayrocObject):
    """Repeat-payment standing instructions."""

    __slots__ = ()
    sequence: str
    processing_model: str
    reference_data_of_first_txn: Optional[PayrocObject]


class Order(PayrocObject):
    """A payment's or refund's order."""

    __slots__ = ()
    order_id: Optional[str]
    date_time: Optional[str]
    description: Optional[str]
    amount: Optional[int]
    currency: Optional[str]
    standing_instructions: Optional[StandingInstructions]
    breakdown: Optional[PayrocObject]


class SecureTokenSummary(PayrocObject):
    """The secure token a payment used or saved."""

    __slots__ = ()
    secure_token_id: str
    customer_name: str
    token: str
    status: str
    link: Optional[Link]


class Card(PayrocObject):
    """The card of a payment or refund (the number masked by the gateway)."""

    __slots__ = ()
    type: Optional[str]
    entry_method: Optional[str]
    cardholder_name: Optional[str]
    card_number: Optional[str]
    expiry_date: Optional[str]
    secure_token: Optional[SecureTokenSummary]
    cvv_result: Optional[str]
    avs_result: Optional[str]


class TransactionResult(PayrocObject):
    """How the gateway answered."""

    __slots__ = ()
    type: Optional[str]
    status: str
    approval_code: Optional[str]
    authorized_amount: Optional[int]
    currency: Optional[str]
    response_code: str
    response_message: Optional[str]
    processor_response_code: Optional[str]
    card_scheme_reference_id: Optional[str]


class RefundSummary(PayrocObject):
    """A refund of a payment."""

    __slots__ = ()
    refund_id: str
    date_time: Optional[str]
    currency: Optional[str]
    amount: Optional[int]
    status: Optional[str]
    response_code: Optional[str]
    response_message: Optional[str]
    link: Optional[Link]


class Payment(PayrocObject):
    """A card payment (created or retrieved)."""

    __slots__ = ()
    payment_id: str
    processing_terminal_id: str
    operator: Optional[str]
    order: Order
    customer: Optional[Customer]
    card: Card
    refunds: Optional[List[RefundSummary]]
    supported_operations: Optional[List[str]]
    transaction_result: TransactionResult
    custom_fields: Optional[List[CustomField]]

    @property
    def is_approved(self) -> bool:
        """Whether money was authorised, fully or in part (response code A or P)."""
        return self.transaction_result.response_code in ("A", "P")


class Refund(PayrocObject):
    """A refund (created or retrieved)."""

    __slots__ = ()
    refund_id: str
    processing_terminal_id: str
    operator: Optional[str]
    order: Order
    customer: Optional[Customer]
    card: Card
    payment: Optional[PayrocObject]
    supported_operations: Optional[List[str]]
    transaction_result: TransactionResult
    custom_fields: Optional[List[CustomField]]


class SecureToken(PayrocObject):
    """A saved card or bank account. Charge it with ``token`` (296753...)."""

    __slots__ = ()
    secure_token_id: str
    processing_terminal_id: str
    mit_agreement: Optional[str]
    customer: Optional[Customer]
    source: Optional[PayrocObject]
    token: str
    status: str
    custom_fields: Optional[List[CustomField]]


class SingleUseToken(PayrocObject):
    """A single-use token (valid 30 minutes, usable once)."""

    __slots__ = ()
    processing_terminal_id: Optional[str]
    operator: Optional[str]
    token: Optional[str]
    expires_at: Optional[str]
    source: Optional[PayrocObject]


class PaymentInstruction(PayrocObject):
    """A Payroc Cloud payment instruction."""

    __slots__ = ()
    payment_instruction_id: Optional[str]
    status: Optional[str]
    error_message: Optional[str]
    link: Optional[Link]


class RefundInstruction(PayrocObject):
    """A Payroc Cloud refund instruction."""

    __slots__ = ()
    refund_instruction_id: Optional[str]
    status: Optional[str]
    error_message: Optional[str]
    link: Optional[Link]


class SignatureInstruction(PayrocObject):
    """A Payroc Cloud signature instruction."""

    __slots__ = ()
    signature_instruction_id: Optional[str]
    status: Optional[str]
    error_message: Optional[str]
    link: Optional[Link]


class Signature(PayrocObject):
    """A signature captured on a device."""

    __slots__ = ()
    signature_id: Optional[str]
    processing_terminal_id: Optional[str]
    created_on: Optional[str]
    content_type: Optional[str]
    signature: Optional[str]


class CloudSale(PayrocObject):
    """A sale run on a device: the final instruction, how it ended (``completed``,
    ``failure``, ``canceled``), and the payment when the device completed it."""

    __slots__ = ()
    instruction: PaymentInstruction
    outcome: str
    error_message: Optional[str]
    payment: Optional[Payment]
    approved: bool


class CloudRefund(PayrocObject):
    """A refund run on a device: the final instruction and the refund it made."""

    __slots__ = ()
    instruction: RefundInstruction
    refund: Optional[Refund]


class PaymentLinkAssets(PayrocObject):
    """Where a payment link pays."""

    __slots__ = ()
    payment_url: str
    payment_button: str


class PaymentLink(PayrocObject):
    """A single-use or multi-use payment link."""

    __slots__ = ()
    payment_link_id: Optional[str]
    type: str
    merchant_reference: str
    status: Optional[str]
    auth_type: Optional[str]
    payment_methods: Optional[List[str]]
    expires_on: Optional[str]
    created_on: Optional[str]
    order: Optional[PayrocObject]
    assets: Optional[PaymentLinkAssets]
    credential_on_file: Optional[PayrocObject]
    custom_labels: Optional[List[PayrocObject]]


class SharingEvent(PayrocObject):
    """A payment link shared by email."""

    __slots__ = ()
    sharing_event_id: Optional[str]
    sharing_method: str
    recipients: List[PayrocObject]
    message: Optional[str]
    merchant_copy: Optional[bool]
    date_time: Optional[str]


class RepeatPaymentSeries(PayrocObject):
    """What a scheduler stores between the payments of a series; pass it (or its
    ``to_dict()``) to ``client.repeat_payments.charge``."""

    __slots__ = ()
    processing_terminal_id: str
    channel: str
    secure_token: str
    standing_instructions: StandingInstructions


class FirstPayment(PayrocObject):
    """The first payment of a series and the series it started (``None``, with
    ``series_error`` saying why, when it cannot continue, e.g. a decline)."""

    __slots__ = ()
    payment: Payment
    series: Optional[RepeatPaymentSeries]
    series_error: Optional[str]


class Recurrence(PayrocObject):
    """A PayTrace recurrence."""

    __slots__ = ()
    id: str
    customer_id: Optional[int]
    amount: Optional[float]
    frequency: Optional[str]
    start_date: Optional[str]
    next_date: Optional[str]
    total_count: Any
    current_count: Optional[int]
    transaction_type: Optional[str]
    description: Optional[str]
    status: Optional[str]


class RecurrenceResponse(PayrocObject):
    """PayTrace's answer about one recurrence."""

    __slots__ = ()
    success: bool
    response_code: int
    status_message: str
    recurrence: Optional[Recurrence]


class RecurrenceExport(PayrocObject):
    """PayTrace's list of recurrences."""

    __slots__ = ()
    success: bool
    response_code: int
    status_message: str
    recurrences: List[Recurrence]
    total: Optional[int]
