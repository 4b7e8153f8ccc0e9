"""The clients. One implementation of the resources serves both :class:`Client`
and :class:`AsyncClient`; only their native half differs. The blocking one runs a
call on the calling thread with the GIL released (Ctrl-C still interrupts it); the
async one returns an asyncio awaitable of a Tokio future (no thread waits, and
cancelling the task drops the call). The typed signatures of both are in
``_client.pyi``."""

from __future__ import annotations

import json
import os
from collections import deque
from typing import Any, Awaitable, Callable, Deque, Generic, List, Mapping, Optional, Sequence, Type, TypeVar, Union

from . import _objects as o
from ._errors import _validation
from ._payroc import (
    CancelToken,
    NativeAsyncClient,
    NativeAsyncPaytrace,
    NativeClient,
    NativePager,
    NativePaytrace,
    request_body,
)

_Wrap = Callable[[Optional[bytes]], Any]
_O = TypeVar("_O", bound=o.PayrocObject)


def _body(body: Optional[Any], fields: Mapping[str, Any], convert: bool = True) -> bytes:
    """The request as JSON: ``body`` updated with keyword ``fields``; with ``convert``,
    snake_case keys as the API's camelCase. Walked natively (it visits every value)."""
    return request_body(body, dict(fields) if fields else None, convert)


def _id(name: str, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or str(value).strip() == "":
        raise _validation(name, f"must be a non-empty string (got {value!r})", "type")
    return str(value)


def _wrapper(cls: Optional[Type[o.PayrocObject]]) -> _Wrap:
    def wrap(raw: Optional[bytes]) -> Any:
        if raw is None or cls is None:
            return None
        return cls(json.loads(raw))

    return wrap


class _SyncRunner:
    def run(self, fn: Callable[[], Any], wrap: _Wrap) -> Any:
        return wrap(fn())

    def pager(self, native: NativePager, cls: Type[o.PayrocObject]) -> Any:
        return Pager(native, cls)


class _AsyncRunner:
    def run(self, fn: Callable[[], Any], wrap: _Wrap) -> Any:
        # The native call starts when the coroutine is awaited, not when it is made:
        # a coroutine never awaited sends nothing.
        async def go() -> Any:
            awaitable: Awaitable[Optional[bytes]] = fn()
            return wrap(await awaitable)

        return go()

    def pager(self, native: NativePager, cls: Type[o.PayrocObject]) -> Any:
        return AsyncPager(native, cls)


_Runner = Any  # _SyncRunner | _AsyncRunner


class _Pages(Generic[_O]):
    """The page-by-page reading shared by Pager and AsyncPager."""

    def __init__(self, native: NativePager, cls: Type[_O]) -> None:
        self._native = native
        self._cls = cls
        self._buffer: Deque[Any] = deque()
        self._done = False

    def _take(self, raw: Optional[bytes]) -> None:
        if raw is None:
            self._done = True
        else:
            self._buffer.extend(json.loads(raw).get("data") or [])


class Pager(_Pages[_O]):
    """A list that fetches its pages as you iterate."""

    def __iter__(self) -> "Pager[_O]":
        return self

    def __next__(self) -> _O:
        while not self._buffer:
            if self._done:
                raise StopIteration
            self._take(self._native.next_page())
        return self._cls(self._buffer.popleft())


class AsyncPager(_Pages[_O]):
    """A list that fetches its pages as you iterate with ``async for``."""

    def __aiter__(self) -> "AsyncPager[_O]":
        return self

    async def __anext__(self) -> _O:
        while not self._buffer:
            if self._done:
                raise StopAsyncIteration
            self._take(await self._native.next_page_async())
        return self._cls(self._buffer.popleft())


_Native = Union[NativeClient, NativeAsyncClient]


class _Resource:
    def __init__(self, native: _Native, runner: _Runner) -> None:
        self._native = native
        self._runner = runner

    def _call(
        self,
        op: str,
        ids: List[str],
        body: Optional[bytes],
        cls: Optional[Type[o.PayrocObject]],
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        cancel_on_deadline: bool = True,
        cancel: Optional[CancelToken] = None,
    ) -> Any:
        native = self._native

        def fn() -> Any:
            return native.call(
                op, ids, body, idempotency_key, timeout, deadline, cancel_on_deadline, cancel
            )

        return self._runner.run(fn, _wrapper(cls))

    def _list(self, op: str, ids: List[str], filters: Mapping[str, Any], cls: Type[o.PayrocObject]) -> Any:
        return self._runner.pager(self._native.list(op, ids, _body(None, filters)), cls)


class SecureTokens(_Resource):
    """Saved cards and bank accounts, and single-use tokens."""

    def create(self, processing_terminal_id: str, body: Optional[Mapping[str, Any]] = None, *,
               idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.SecureToken:
        return self._call("secure_tokens.create", [_id("processing_terminal_id", processing_terminal_id)],
                          _body(body, fields), o.SecureToken, idempotency_key, timeout)

    def retrieve(self, processing_terminal_id: str, secure_token_id: str) -> o.SecureToken:
        return self._call("secure_tokens.retrieve", [_id("processing_terminal_id", processing_terminal_id),
                          _id("secure_token_id", secure_token_id)], None, o.SecureToken)

    def list(self, processing_terminal_id: str, **filters: Any) -> Pager[o.SecureToken]:
        return self._list("secure_tokens.list", [_id("processing_terminal_id", processing_terminal_id)],
                          filters, o.SecureToken)

    def update(self, processing_terminal_id: str, secure_token_id: str, patch: Sequence[Mapping[str, Any]], *,
               idempotency_key: Optional[str] = None) -> o.SecureToken:
        return self._call("secure_tokens.update", [_id("processing_terminal_id", processing_terminal_id),
                          _id("secure_token_id", secure_token_id)], _body(list(patch), {}), o.SecureToken,
                          idempotency_key)

    def delete(self, processing_terminal_id: str, secure_token_id: str) -> None:
        return self._call("secure_tokens.delete", [_id("processing_terminal_id", processing_terminal_id),
                          _id("secure_token_id", secure_token_id)], None, None)

    def update_account(self, processing_terminal_id: str, secure_token_id: str,
                       body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None,
                       **fields: Any) -> o.SecureToken:
        return self._call("secure_tokens.update_account", [_id("processing_terminal_id", processing_terminal_id),
                          _id("secure_token_id", secure_token_id)], _body(body, fields), o.SecureToken,
                          idempotency_key)

    def create_single_use_token(self, processing_terminal_id: str, body: Optional[Mapping[str, Any]] = None, *,
                                idempotency_key: Optional[str] = None, **fields: Any) -> o.SingleUseToken:
        return self._call("secure_tokens.create_single_use_token",
                          [_id("processing_terminal_id", processing_terminal_id)], _body(body, fields),
                          o.SingleUseToken, idempotency_key)


class Payments(_Resource):
    """Card payments: sales, pre-authorizations and what follows them."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None,
               timeout: Optional[float] = None, **fields: Any) -> o.Payment:
        return self._call("payments.create", [], _body(body, fields), o.Payment, idempotency_key, timeout)

    def retrieve(self, payment_id: str) -> o.Payment:
        return self._call("payments.retrieve", [_id("payment_id", payment_id)], None, o.Payment)

    def list(self, **filters: Any) -> Pager[o.Payment]:
        return self._list("payments.list", [], filters, o.Payment)

    def _follow_on(self, op: str, payment_id: str, body: Optional[Mapping[str, Any]],
                   idempotency_key: Optional[str], fields: Mapping[str, Any]) -> Any:
        return self._call(op, [_id("payment_id", payment_id)], _body(body, fields), o.Payment, idempotency_key)

    def capture(self, payment_id: str, body: Optional[Mapping[str, Any]] = None, *,
                idempotency_key: Optional[str] = None, **fields: Any) -> o.Payment:
        return self._follow_on("payments.capture", payment_id, body, idempotency_key, fields)

    def reverse(self, payment_id: str, body: Optional[Mapping[str, Any]] = None, *,
                idempotency_key: Optional[str] = None, **fields: Any) -> o.Payment:
        return self._follow_on("payments.reverse", payment_id, body, idempotency_key, fields)

    def refund(self, payment_id: str, body: Optional[Mapping[str, Any]] = None, *,
               idempotency_key: Optional[str] = None, **fields: Any) -> o.Payment:
        return self._follow_on("payments.refund", payment_id, body, idempotency_key, fields)

    def adjust(self, payment_id: str, body: Optional[Mapping[str, Any]] = None, *,
               idempotency_key: Optional[str] = None, **fields: Any) -> o.Payment:
        return self._follow_on("payments.adjust", payment_id, body, idempotency_key, fields)


class Refunds(_Resource):
    """Unreferenced refunds and their follow-ups."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None,
               **fields: Any) -> o.Refund:
        return self._call("refunds.create", [], _body(body, fields), o.Refund, idempotency_key)

    def retrieve(self, refund_id: str) -> o.Refund:
        return self._call("refunds.retrieve", [_id("refund_id", refund_id)], None, o.Refund)

    def list(self, **filters: Any) -> Pager[o.Refund]:
        return self._list("refunds.list", [], filters, o.Refund)

    def adjust(self, refund_id: str, body: Optional[Mapping[str, Any]] = None, *,
               idempotency_key: Optional[str] = None, **fields: Any) -> o.Refund:
        return self._call("refunds.adjust", [_id("refund_id", refund_id)], _body(body, fields), o.Refund,
                          idempotency_key)

    def reverse(self, refund_id: str, *, idempotency_key: Optional[str] = None) -> o.Refund:
        return self._call("refunds.reverse", [_id("refund_id", refund_id)], None, o.Refund, idempotency_key)


class PaymentInstructions(_Resource):
    """Payroc Cloud: sales on a payment device."""

    def submit(self, serial_number: str, body: Optional[Mapping[str, Any]] = None, *,
               idempotency_key: Optional[str] = None, **fields: Any) -> o.PaymentInstruction:
        return self._call("payment_instructions.submit", [_id("serial_number", serial_number)],
                          _body(body, fields), o.PaymentInstruction, idempotency_key)

    def retrieve(self, payment_instruction_id: str) -> o.PaymentInstruction:
        return self._call("payment_instructions.retrieve", [_id("payment_instruction_id", payment_instruction_id)],
                          None, o.PaymentInstruction)

    def cancel(self, payment_instruction_id: str) -> None:
        return self._call("payment_instructions.cancel", [_id("payment_instruction_id", payment_instruction_id)],
                          None, None)

    def wait(self, payment_instruction_id: str, *, deadline: Optional[float] = None,
             cancel_on_deadline: bool = True, cancel: Optional[CancelToken] = None) -> o.PaymentInstruction:
        return self._call("payment_instructions.wait", [_id("payment_instruction_id", payment_instruction_id)],
                          None, o.PaymentInstruction, deadline=deadline, cancel_on_deadline=cancel_on_deadline,
                          cancel=cancel)

    def run_sale(self, serial_number: str, body: Optional[Mapping[str, Any]] = None, *,
                 deadline: Optional[float] = None, cancel: Optional[CancelToken] = None,
                 idempotency_key: Optional[str] = None, **fields: Any) -> o.CloudSale:
        return self._call("payment_instructions.run_sale", [_id("serial_number", serial_number)],
                          _body(body, fields), o.CloudSale, idempotency_key, deadline=deadline, cancel=cancel)


class RefundInstructions(_Resource):
    """Payroc Cloud: unreferenced refunds on a payment device."""

    def submit(self, serial_number: str, body: Optional[Mapping[str, Any]] = None, *,
               idempotency_key: Optional[str] = None, **fields: Any) -> o.RefundInstruction:
        return self._call("refund_instructions.submit", [_id("serial_number", serial_number)],
                          _body(body, fields), o.RefundInstruction, idempotency_key)

    def retrieve(self, refund_instruction_id: str) -> o.RefundInstruction:
        return self._call("refund_instructions.retrieve", [_id("refund_instruction_id", refund_instruction_id)],
                          None, o.RefundInstruction)

    def cancel(self, refund_instruction_id: str) -> None:
        return self._call("refund_instructions.cancel", [_id("refund_instruction_id", refund_instruction_id)],
                          None, None)

    def wait(self, refund_instruction_id: str, *, deadline: Optional[float] = None,
             cancel_on_deadline: bool = True, cancel: Optional[CancelToken] = None) -> o.RefundInstruction:
        return self._call("refund_instructions.wait", [_id("refund_instruction_id", refund_instruction_id)],
                          None, o.RefundInstruction, deadline=deadline, cancel_on_deadline=cancel_on_deadline,
                          cancel=cancel)

    def run_refund(self, serial_number: str, body: Optional[Mapping[str, Any]] = None, *,
                   deadline: Optional[float] = None, cancel: Optional[CancelToken] = None,
                   idempotency_key: Optional[str] = None, **fields: Any) -> o.CloudRefund:
        return self._call("refund_instructions.run_refund", [_id("serial_number", serial_number)],
                          _body(body, fields), o.CloudRefund, idempotency_key, deadline=deadline, cancel=cancel)


class SignatureInstructions(_Resource):
    """Payroc Cloud: signatures captured on a device."""

    def submit(self, serial_number: str, body: Optional[Mapping[str, Any]] = None, *,
               idempotency_key: Optional[str] = None, **fields: Any) -> o.SignatureInstruction:
        return self._call("signature_instructions.submit", [_id("serial_number", serial_number)],
                          _body(body, fields), o.SignatureInstruction, idempotency_key)

    def retrieve(self, signature_instruction_id: str) -> o.SignatureInstruction:
        return self._call("signature_instructions.retrieve",
                          [_id("signature_instruction_id", signature_instruction_id)], None, o.SignatureInstruction)

    def cancel(self, signature_instruction_id: str) -> None:
        return self._call("signature_instructions.cancel",
                          [_id("signature_instruction_id", signature_instruction_id)], None, None)


class Signatures(_Resource):
    """Signatures captured by signature instructions."""

    def retrieve(self, signature_id: str) -> o.Signature:
        return self._call("signatures.retrieve", [_id("signature_id", signature_id)], None, o.Signature)


class PaymentLinks(_Resource):
    """Payment links and their sharing events."""

    def create(self, processing_terminal_id: str, body: Optional[Mapping[str, Any]] = None, *,
               idempotency_key: Optional[str] = None, **fields: Any) -> o.PaymentLink:
        return self._call("payment_links.create", [_id("processing_terminal_id", processing_terminal_id)],
                          _body(body, fields), o.PaymentLink, idempotency_key)

    def retrieve(self, payment_link_id: str) -> o.PaymentLink:
        return self._call("payment_links.retrieve", [_id("payment_link_id", payment_link_id)], None, o.PaymentLink)

    def list(self, processing_terminal_id: str, **filters: Any) -> Pager[o.PaymentLink]:
        return self._list("payment_links.list", [_id("processing_terminal_id", processing_terminal_id)],
                          filters, o.PaymentLink)

    def update(self, payment_link_id: str, patch: Sequence[Mapping[str, Any]], *,
               idempotency_key: Optional[str] = None) -> o.PaymentLink:
        return self._call("payment_links.update", [_id("payment_link_id", payment_link_id)],
                          _body(list(patch), {}), o.PaymentLink, idempotency_key)

    def deactivate(self, payment_link_id: str) -> o.PaymentLink:
        return self._call("payment_links.deactivate", [_id("payment_link_id", payment_link_id)], None,
                          o.PaymentLink)

    def share(self, payment_link_id: str, body: Optional[Mapping[str, Any]] = None, *,
              idempotency_key: Optional[str] = None, **fields: Any) -> o.SharingEvent:
        return self._call("payment_links.share", [_id("payment_link_id", payment_link_id)], _body(body, fields),
                          o.SharingEvent, idempotency_key)

    def list_sharing_events(self, payment_link_id: str, **filters: Any) -> Pager[o.SharingEvent]:
        return self._list("payment_links.list_sharing_events", [_id("payment_link_id", payment_link_id)],
                          filters, o.SharingEvent)


class RepeatPayments(_Resource):
    """Repeat payments run by your own scheduler, with standing instructions."""

    def start(self, body: Optional[Mapping[str, Any]] = None, *, processing_model: str = "recurring",
              idempotency_key: Optional[str] = None, **fields: Any) -> o.FirstPayment:
        return self._call("repeat_payments.start", [_id("processing_model", processing_model)],
                          _body(body, fields), o.FirstPayment, idempotency_key)

    def charge(self, series: Any, *, order: Mapping[str, Any],
               custom_fields: Optional[Sequence[Mapping[str, Any]]] = None,
               idempotency_key: Optional[str] = None) -> o.Payment:
        body = {"series": series, "order": order, "custom_fields": list(custom_fields or [])}
        return self._call("repeat_payments.charge", [], _body(body, {}), o.Payment, idempotency_key)


class _ClientBase:
    _runner: _Runner
    _native_class: Type[_Native]

    def __init__(self, api_key: Optional[str] = None, *, environment: str = "uat",
                 api_url: Optional[str] = None, identity_url: Optional[str] = None,
                 timeout: Optional[float] = None, max_retries: Optional[int] = None,
                 max_response_bytes: Optional[int] = None) -> None:
        key = api_key if api_key is not None else os.environ.get("PAYROC_API_KEY", "")
        native = self._native_class(key, environment, api_url, identity_url, timeout, max_retries,
                                    max_response_bytes)
        self._native = native
        self._environment = "custom" if api_url is not None else environment
        runner = self._runner
        self.secure_tokens = SecureTokens(native, runner)
        self.payments = Payments(native, runner)
        self.refunds = Refunds(native, runner)
        self.payment_instructions = PaymentInstructions(native, runner)
        self.refund_instructions = RefundInstructions(native, runner)
        self.signature_instructions = SignatureInstructions(native, runner)
        self.signatures = Signatures(native, runner)
        self.payment_links = PaymentLinks(native, runner)
        self.repeat_payments = RepeatPayments(native, runner)

    @property
    def api_url(self) -> str:
        return self._native.api_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(environment={self._environment!r}, api_url={self.api_url!r})"


class Client(_ClientBase):
    """The Payroc client. Safe to share between threads; each call releases the GIL
    while it waits on the network."""

    _runner = _SyncRunner()
    _native_class = NativeClient


class AsyncClient(_ClientBase):
    """The Payroc client for asyncio: the same resources, each call awaitable.
    Cancelling a call's task (``asyncio.wait_for``, ``task.cancel()``) stops it; a
    Cloud wait or sale cancels its instruction on the device on the way out."""

    _runner = _AsyncRunner()
    _native_class = NativeAsyncClient


class _PaytraceBase:
    _runner: _Runner
    _native_class: Type[Union[NativePaytrace, NativeAsyncPaytrace]]

    def __init__(self, username: str, password: str, *, base_url: Optional[str] = None,
                 integrator_id: Optional[str] = None, permalinks: Optional[str] = None,
                 timeout: Optional[float] = None, max_retries: Optional[int] = None,
                 max_response_bytes: Optional[int] = None) -> None:
        self._native = self._native_class(username, password, base_url, integrator_id, permalinks, timeout,
                                          max_retries, max_response_bytes)
        self._base_url = base_url

    def _call(self, op: str, ids: List[str], body: Optional[bytes], cls: Type[o.PayrocObject]) -> Any:
        native = self._native

        def fn() -> Any:
            return native.call(op, ids, body)

        return self._runner.run(fn, _wrapper(cls))

    # PayTrace's own field names are snake_case: bodies are sent as given.
    def create_recurrence(self, body: Optional[Mapping[str, Any]] = None, **fields: Any) -> o.RecurrenceResponse:
        return self._call("create_recurrence", [], _body(body, fields, False), o.RecurrenceResponse)

    def update_recurrence(self, body: Optional[Mapping[str, Any]] = None, **fields: Any) -> o.RecurrenceResponse:
        return self._call("update_recurrence", [], _body(body, fields, False), o.RecurrenceResponse)

    def delete_recurrence(self, recurrence_id: str) -> o.RecurrenceResponse:
        body = _body({"recurrence": {"id": _id("recurrence_id", recurrence_id)}}, {}, False)
        return self._call("delete_recurrence", [], body, o.RecurrenceResponse)

    def list_customer_recurrences(self, customer_id: int) -> o.RecurrenceExport:
        return self._call("list_customer_recurrences", [_id("customer_id", customer_id)], None, o.RecurrenceExport)

    def export_customer_recurrences(self, customer_id: int, body: Optional[Mapping[str, Any]] = None,
                                    **fields: Any) -> o.RecurrenceExport:
        return self._call("export_customer_recurrences", [_id("customer_id", customer_id)],
                          _body(body, fields, False), o.RecurrenceExport)

    def export_recurrence(self, recurrence_id: int) -> o.RecurrenceResponse:
        return self._call("export_recurrence", [_id("recurrence_id", recurrence_id)], None, o.RecurrenceResponse)

    def export_approved(self, customer_id: int) -> o.RecurrenceExport:
        return self._call("export_approved", [_id("customer_id", customer_id)], None, o.RecurrenceExport)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"


class PaytraceClient(_PaytraceBase):
    """PayTrace's recurring payments (its own credentials and token)."""

    _runner = _SyncRunner()
    _native_class = NativePaytrace


class AsyncPaytraceClient(_PaytraceBase):
    """PayTrace's recurring payments for asyncio."""

    _runner = _AsyncRunner()
    _native_class = NativeAsyncPaytrace
