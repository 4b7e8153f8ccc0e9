# mypy: no-warn-return-any
"""The helpers of the operation table: calls made of several requests (a whole sale
on a device, waiting on an instruction, a repeat-payment series), mixed into the
generated resources of the same name."""

from __future__ import annotations

from . import _objects as o
from ._base import _body, _Resource

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping, Optional, Sequence

    from ._payroc import CancelToken


class _PaymentInstructionsHelpers(_Resource):
    def wait(self, payment_instruction_id: str, *, deadline: Optional[float] = None,
             cancel_on_deadline: bool = True, cancel: Optional[CancelToken] = None,
             timeout: Optional[float] = None) -> o.PaymentInstruction:
        """Polls a payment instruction until it ends; at ``deadline`` (seconds) it is
        cancelled on the device (unless ``cancel_on_deadline`` is false)."""
        return self._call("payment_instructions.wait", {"paymentInstructionId": payment_instruction_id}, None,
                          o.PaymentInstruction, None, timeout, deadline, cancel_on_deadline, cancel)

    def run_sale(self, serial_number: str, body: Optional[Mapping[str, Any]] = None, *,
                 deadline: Optional[float] = None, cancel: Optional[CancelToken] = None,
                 idempotency_key: Optional[str] = None, timeout: Optional[float] = None,
                 **fields: Any) -> o.CloudSale:
        """Runs a whole sale on a device: submit, wait, follow the link to the payment."""
        return self._call("payment_instructions.run_sale", {"serialNumber": serial_number}, _body(body, fields),
                          o.CloudSale, idempotency_key, timeout, deadline, True, cancel)


class _RefundInstructionsHelpers(_Resource):
    def wait(self, refund_instruction_id: str, *, deadline: Optional[float] = None,
             cancel_on_deadline: bool = True, cancel: Optional[CancelToken] = None,
             timeout: Optional[float] = None) -> o.RefundInstruction:
        """Polls a refund instruction until it ends (see ``PaymentInstructions.wait``)."""
        return self._call("refund_instructions.wait", {"refundInstructionId": refund_instruction_id}, None,
                          o.RefundInstruction, None, timeout, deadline, cancel_on_deadline, cancel)

    def run_refund(self, serial_number: str, body: Optional[Mapping[str, Any]] = None, *,
                   deadline: Optional[float] = None, cancel: Optional[CancelToken] = None,
                   idempotency_key: Optional[str] = None, timeout: Optional[float] = None,
                   **fields: Any) -> o.CloudRefund:
        """Runs a whole unreferenced refund on a device: submit, wait, follow the link."""
        return self._call("refund_instructions.run_refund", {"serialNumber": serial_number}, _body(body, fields),
                          o.CloudRefund, idempotency_key, timeout, deadline, True, cancel)


class _SignatureInstructionsHelpers(_Resource):
    def wait(self, signature_instruction_id: str, *, deadline: Optional[float] = None,
             cancel_on_deadline: bool = True, cancel: Optional[CancelToken] = None,
             timeout: Optional[float] = None) -> o.SignatureInstruction:
        """Polls a signature instruction until it ends (see ``PaymentInstructions.wait``)."""
        return self._call("signature_instructions.wait", {"signatureInstructionId": signature_instruction_id},
                          None, o.SignatureInstruction, None, timeout, deadline, cancel_on_deadline, cancel)


class _PayrocCloudHelpers(_Resource):
    def follow(self, href: str, *, timeout: Optional[float] = None) -> o.PayrocObject:
        """Reads what a completed instruction's link points to (links into this
        client's API only)."""
        return self._call("payroc_cloud.follow", {"href": href}, None, o.PayrocObject, None, timeout)


class _RepeatPaymentsHelpers(_Resource):
    def start(self, body: Optional[Mapping[str, Any]] = None, *, processing_model: str = "recurring",
              idempotency_key: Optional[str] = None, timeout: Optional[float] = None,
              **fields: Any) -> o.FirstPayment:
        """Runs the first payment of a series with standing instructions; store the
        returned ``series`` to charge later."""
        return self._call("repeat_payments.start", {"processingModel": processing_model}, _body(body, fields),
                          o.FirstPayment, idempotency_key, timeout)

    def charge(self, series: Any, *, order: Mapping[str, Any],
               custom_fields: Optional[Sequence[Mapping[str, Any]]] = None,
               idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> o.Payment:
        """Charges the next payment of a stored series with a new order."""
        body = {"series": series, "order": order, "custom_fields": list(custom_fields or [])}
        return self._call("repeat_payments.charge", {}, _body(body, {}), o.Payment, idempotency_key, timeout)
