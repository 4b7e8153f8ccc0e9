# mypy: no-warn-return-any
"""The resources, generated from payroc-core's operation table by
tests/tests/generated.rs (run scripts/regen.sh after changing the table; do not
edit). Each method is one operation; its name is the operation's."""

from __future__ import annotations

from . import _objects as o
from ._base import _body, _Resource
from ._helpers import (
    _PaymentInstructionsHelpers,
    _RefundInstructionsHelpers,
    _SignatureInstructionsHelpers,
    _PayrocCloudHelpers,
    _RepeatPaymentsHelpers,
)

# typing is for type checkers only (which read any `TYPE_CHECKING` as true): it
# takes longer to import than this package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, List, Mapping, Optional, Sequence

    from ._base import Pager


class SecureTokens(_Resource):
    """The `secure_tokens` operations."""

    def create(self, processing_terminal_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.SecureToken:
        """Saves a customer's payment details as a secure token."""
        return self._call("secure_tokens.create", {"processingTerminalId": processing_terminal_id}, _body(body, fields, True), o.SecureToken, idempotency_key, timeout)

    def retrieve(self, processing_terminal_id: str, secure_token_id: str, *, timeout: Optional[float] = None) -> o.SecureToken:
        """Reads a secure token."""
        return self._call("secure_tokens.retrieve", {"processingTerminalId": processing_terminal_id, "secureTokenId": secure_token_id}, None, o.SecureToken, None, timeout)

    def list(self, processing_terminal_id: str, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.SecureToken]:
        """Lists a terminal's secure tokens, page by page."""
        return self._list("secure_tokens.list", {"processingTerminalId": processing_terminal_id}, filters, o.SecureToken, timeout)

    def update(self, processing_terminal_id: str, secure_token_id: str, patch: Sequence[Mapping[str, Any]], *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> o.SecureToken:
        """Changes a secure token with JSON Patch operations (fields the gateway owns are refused)."""
        return self._call("secure_tokens.update", {"processingTerminalId": processing_terminal_id, "secureTokenId": secure_token_id}, _body(list(patch), {}, True), o.SecureToken, idempotency_key, timeout)

    def delete(self, processing_terminal_id: str, secure_token_id: str, *, timeout: Optional[float] = None) -> None:
        """Deletes a secure token."""
        return self._call("secure_tokens.delete", {"processingTerminalId": processing_terminal_id, "secureTokenId": secure_token_id}, None, None, None, timeout)

    def update_account(self, processing_terminal_id: str, secure_token_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.SecureToken:
        """Replaces the payment details a secure token holds."""
        return self._call("secure_tokens.update_account", {"processingTerminalId": processing_terminal_id, "secureTokenId": secure_token_id}, _body(body, fields, True), o.SecureToken, idempotency_key, timeout)


class SingleUseTokens(_Resource):
    """The `single_use_tokens` operations."""

    def create(self, processing_terminal_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.SingleUseToken:
        """Makes a single-use token of payment details."""
        return self._call("single_use_tokens.create", {"processingTerminalId": processing_terminal_id}, _body(body, fields, True), o.SingleUseToken, idempotency_key, timeout)


class Payments(_Resource):
    """The `payments` operations."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.Payment:
        """Runs a sale or pre-authorization. A declined payment is a success here: read its ``transactionResult``."""
        return self._call("payments.create", {}, _body(body, fields, True), o.Payment, idempotency_key, timeout)

    def retrieve(self, payment_id: str, *, timeout: Optional[float] = None) -> o.Payment:
        """Reads a payment."""
        return self._call("payments.retrieve", {"paymentId": payment_id}, None, o.Payment, None, timeout)

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.Payment]:
        """Lists payments, page by page."""
        return self._list("payments.list", {}, filters, o.Payment, timeout)

    def capture(self, payment_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.Payment:
        """Captures a pre-authorization (all of it, or ``amount`` of it)."""
        return self._call("payments.capture", {"paymentId": payment_id}, _body(body, fields, True), o.Payment, idempotency_key, timeout)

    def reverse(self, payment_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.Payment:
        """Voids a payment still in an open batch, fully or partly."""
        return self._call("payments.reverse", {"paymentId": payment_id}, _body(body, fields, True), o.Payment, idempotency_key, timeout)

    def refund(self, payment_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.Payment:
        """Refunds a payment; returns the payment, whose ``refunds`` now include this one."""
        return self._call("payments.refund", {"paymentId": payment_id}, _body(body, fields, True), o.Payment, idempotency_key, timeout)

    def adjust(self, payment_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.Payment:
        """Adjusts a payment still in an open batch."""
        return self._call("payments.adjust", {"paymentId": payment_id}, _body(body, fields, True), o.Payment, idempotency_key, timeout)


class Refunds(_Resource):
    """The `refunds` operations."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.Refund:
        """Sends money back without a linked payment."""
        return self._call("refunds.create", {}, _body(body, fields, True), o.Refund, idempotency_key, timeout)

    def retrieve(self, refund_id: str, *, timeout: Optional[float] = None) -> o.Refund:
        """Reads a refund."""
        return self._call("refunds.retrieve", {"refundId": refund_id}, None, o.Refund, None, timeout)

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.Refund]:
        """Lists refunds, page by page."""
        return self._list("refunds.list", {}, filters, o.Refund, timeout)

    def adjust(self, refund_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.Refund:
        """Adjusts a refund still in an open batch."""
        return self._call("refunds.adjust", {"refundId": refund_id}, _body(body, fields, True), o.Refund, idempotency_key, timeout)

    def reverse(self, refund_id: str, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> o.Refund:
        """Voids a refund whose batch is still open."""
        return self._call("refunds.reverse", {"refundId": refund_id}, None, o.Refund, idempotency_key, timeout)


class PaymentInstructions(_PaymentInstructionsHelpers, _Resource):
    """The `payment_instructions` operations."""

    def submit(self, serial_number: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.PaymentInstruction:
        """Sends a payment instruction to a device (``202``: accepted, not yet done)."""
        return self._call("payment_instructions.submit", {"serialNumber": serial_number}, _body(body, fields, True), o.PaymentInstruction, idempotency_key, timeout)

    def retrieve(self, payment_instruction_id: str, *, timeout: Optional[float] = None) -> o.PaymentInstruction:
        """One poll of a payment instruction (held by the gateway while ``inProgress``)."""
        return self._call("payment_instructions.retrieve", {"paymentInstructionId": payment_instruction_id}, None, o.PaymentInstruction, None, timeout)

    def cancel(self, payment_instruction_id: str, *, timeout: Optional[float] = None) -> None:
        """Cancels a payment instruction that is still ``inProgress`` (``409`` otherwise)."""
        return self._call("payment_instructions.cancel", {"paymentInstructionId": payment_instruction_id}, None, None, None, timeout)


class RefundInstructions(_RefundInstructionsHelpers, _Resource):
    """The `refund_instructions` operations."""

    def submit(self, serial_number: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.RefundInstruction:
        """Sends an unreferenced refund instruction to a device."""
        return self._call("refund_instructions.submit", {"serialNumber": serial_number}, _body(body, fields, True), o.RefundInstruction, idempotency_key, timeout)

    def retrieve(self, refund_instruction_id: str, *, timeout: Optional[float] = None) -> o.RefundInstruction:
        """One poll of a refund instruction."""
        return self._call("refund_instructions.retrieve", {"refundInstructionId": refund_instruction_id}, None, o.RefundInstruction, None, timeout)

    def cancel(self, refund_instruction_id: str, *, timeout: Optional[float] = None) -> None:
        """Cancels a refund instruction that is still ``inProgress``."""
        return self._call("refund_instructions.cancel", {"refundInstructionId": refund_instruction_id}, None, None, None, timeout)


class SignatureInstructions(_SignatureInstructionsHelpers, _Resource):
    """The `signature_instructions` operations."""

    def submit(self, serial_number: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.SignatureInstruction:
        """Asks a device to capture the customer's signature."""
        return self._call("signature_instructions.submit", {"serialNumber": serial_number}, _body(body, fields, True), o.SignatureInstruction, idempotency_key, timeout)

    def retrieve(self, signature_instruction_id: str, *, timeout: Optional[float] = None) -> o.SignatureInstruction:
        """One poll of a signature instruction."""
        return self._call("signature_instructions.retrieve", {"signatureInstructionId": signature_instruction_id}, None, o.SignatureInstruction, None, timeout)

    def cancel(self, signature_instruction_id: str, *, timeout: Optional[float] = None) -> None:
        """Cancels a signature instruction that is still ``inProgress``."""
        return self._call("signature_instructions.cancel", {"signatureInstructionId": signature_instruction_id}, None, None, None, timeout)


class Signatures(_Resource):
    """The `signatures` operations."""

    def retrieve(self, signature_id: str, *, timeout: Optional[float] = None) -> o.Signature:
        """Reads a captured signature."""
        return self._call("signatures.retrieve", {"signatureId": signature_id}, None, o.Signature, None, timeout)


class PayrocCloud(_PayrocCloudHelpers, _Resource):
    """The `payroc_cloud` operations."""


class PaymentLinks(_Resource):
    """The `payment_links` operations."""

    def create(self, processing_terminal_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.PaymentLink:
        """Creates a payment link."""
        return self._call("payment_links.create", {"processingTerminalId": processing_terminal_id}, _body(body, fields, True), o.PaymentLink, idempotency_key, timeout)

    def retrieve(self, payment_link_id: str, *, timeout: Optional[float] = None) -> o.PaymentLink:
        """Reads a payment link."""
        return self._call("payment_links.retrieve", {"paymentLinkId": payment_link_id}, None, o.PaymentLink, None, timeout)

    def list(self, processing_terminal_id: str, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.PaymentLink]:
        """Lists a terminal's payment links, page by page."""
        return self._list("payment_links.list", {"processingTerminalId": processing_terminal_id}, filters, o.PaymentLink, timeout)

    def update(self, payment_link_id: str, patch: Sequence[Mapping[str, Any]], *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> o.PaymentLink:
        """Changes a payment link with JSON Patch operations."""
        return self._call("payment_links.update", {"paymentLinkId": payment_link_id}, _body(list(patch), {}, True), o.PaymentLink, idempotency_key, timeout)

    def deactivate(self, payment_link_id: str, *, timeout: Optional[float] = None) -> o.PaymentLink:
        """Deactivates a payment link (not repeated once it may have been received)."""
        return self._call("payment_links.deactivate", {"paymentLinkId": payment_link_id}, None, o.PaymentLink, None, timeout)

    def share(self, payment_link_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.SharingEvent:
        """Shares a payment link by email."""
        return self._call("payment_links.share", {"paymentLinkId": payment_link_id}, _body(body, fields, True), o.SharingEvent, idempotency_key, timeout)

    def list_sharing_events(self, payment_link_id: str, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.SharingEvent]:
        """Lists a payment link's sharing events, page by page."""
        return self._list("payment_links.list_sharing_events", {"paymentLinkId": payment_link_id}, filters, o.SharingEvent, timeout)


class PaymentPlans(_Resource):
    """The `payment_plans` operations."""

    def create(self, processing_terminal_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.PaymentPlan:
        """Creates a payment plan: the schedule and amounts subscriptions follow."""
        return self._call("payment_plans.create", {"processingTerminalId": processing_terminal_id}, _body(body, fields, True), o.PaymentPlan, idempotency_key, timeout)

    def list(self, processing_terminal_id: str, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.PaymentPlan]:
        """Lists a terminal's payment plans, page by page."""
        return self._list("payment_plans.list", {"processingTerminalId": processing_terminal_id}, filters, o.PaymentPlan, timeout)

    def retrieve(self, processing_terminal_id: str, payment_plan_id: str, *, timeout: Optional[float] = None) -> o.PaymentPlan:
        """Reads a payment plan."""
        return self._call("payment_plans.retrieve", {"processingTerminalId": processing_terminal_id, "paymentPlanId": payment_plan_id}, None, o.PaymentPlan, None, timeout)

    def update(self, processing_terminal_id: str, payment_plan_id: str, patch: Sequence[Mapping[str, Any]], *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> o.PaymentPlan:
        """Changes a payment plan with JSON Patch operations (its ``onUpdate`` says whether subscriptions follow)."""
        return self._call("payment_plans.update", {"processingTerminalId": processing_terminal_id, "paymentPlanId": payment_plan_id}, _body(list(patch), {}, True), o.PaymentPlan, idempotency_key, timeout)

    def delete(self, processing_terminal_id: str, payment_plan_id: str, *, timeout: Optional[float] = None) -> None:
        """Deletes a payment plan (its ``onDelete`` says whether subscriptions stop or continue)."""
        return self._call("payment_plans.delete", {"processingTerminalId": processing_terminal_id, "paymentPlanId": payment_plan_id}, None, None, None, timeout)


class Subscriptions(_Resource):
    """The `subscriptions` operations."""

    def create(self, processing_terminal_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.Subscription:
        """Subscribes a customer's secure token to a payment plan."""
        return self._call("subscriptions.create", {"processingTerminalId": processing_terminal_id}, _body(body, fields, True), o.Subscription, idempotency_key, timeout)

    def list(self, processing_terminal_id: str, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.Subscription]:
        """Lists a terminal's subscriptions, page by page."""
        return self._list("subscriptions.list", {"processingTerminalId": processing_terminal_id}, filters, o.Subscription, timeout)

    def retrieve(self, processing_terminal_id: str, subscription_id: str, *, timeout: Optional[float] = None) -> o.Subscription:
        """Reads a subscription and where it stands."""
        return self._call("subscriptions.retrieve", {"processingTerminalId": processing_terminal_id, "subscriptionId": subscription_id}, None, o.Subscription, None, timeout)

    def update(self, processing_terminal_id: str, subscription_id: str, patch: Sequence[Mapping[str, Any]], *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> o.Subscription:
        """Changes a subscription with JSON Patch operations."""
        return self._call("subscriptions.update", {"processingTerminalId": processing_terminal_id, "subscriptionId": subscription_id}, _body(list(patch), {}, True), o.Subscription, idempotency_key, timeout)

    def deactivate(self, processing_terminal_id: str, subscription_id: str, *, timeout: Optional[float] = None) -> o.Subscription:
        """Stops taking payments for a subscription (not repeated once it may have been received)."""
        return self._call("subscriptions.deactivate", {"processingTerminalId": processing_terminal_id, "subscriptionId": subscription_id}, None, o.Subscription, None, timeout)

    def reactivate(self, processing_terminal_id: str, subscription_id: str, *, timeout: Optional[float] = None) -> o.Subscription:
        """Starts taking payments for a deactivated subscription again."""
        return self._call("subscriptions.reactivate", {"processingTerminalId": processing_terminal_id, "subscriptionId": subscription_id}, None, o.Subscription, None, timeout)

    def pay(self, processing_terminal_id: str, subscription_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.SubscriptionPayment:
        """Collects one payment of a manual subscription."""
        return self._call("subscriptions.pay", {"processingTerminalId": processing_terminal_id, "subscriptionId": subscription_id}, _body(body, fields, True), o.SubscriptionPayment, idempotency_key, timeout)


class BankAccounts(_Resource):
    """The `bank_accounts` operations."""

    def verify(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.BankAccountVerification:
        """Verifies a customer's bank account details (ACH or PAD)."""
        return self._call("bank_accounts.verify", {}, _body(body, fields, True), o.BankAccountVerification, idempotency_key, timeout)


class Cards(_Resource):
    """The `cards` operations."""

    def verify(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.CardVerification:
        """Verifies a customer's card details. A card that fails is a success here: read ``verified``."""
        return self._call("cards.verify", {}, _body(body, fields, True), o.CardVerification, idempotency_key, timeout)

    def view_ebt_balance(self, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> o.EbtBalance:
        """Reads an EBT card's balance (a lookup: retried without a key)."""
        return self._call("cards.view_ebt_balance", {}, _body(body, fields, True), o.EbtBalance, None, timeout)

    def lookup_bin(self, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> o.CardInfo:
        """Looks up what a card is, and its surcharge terms (a lookup: retried without a key)."""
        return self._call("cards.lookup_bin", {}, _body(body, fields, True), o.CardInfo, None, timeout)


class FxRates(_Resource):
    """The `fx_rates` operations."""

    def retrieve(self, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> o.FxRate:
        """Asks for a dynamic currency conversion rate for an amount (a lookup: retried without a key)."""
        return self._call("fx_rates.retrieve", {}, _body(body, fields, True), o.FxRate, None, timeout)


class HostedFieldsSessions(_Resource):
    """The `hosted_fields_sessions` operations."""

    def create(self, processing_terminal_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.HostedFieldsSession:
        """Opens a Hosted Fields session: a token for the page, valid ten minutes."""
        return self._call("hosted_fields_sessions.create", {"processingTerminalId": processing_terminal_id}, _body(body, fields, True), o.HostedFieldsSession, idempotency_key, timeout)


class ApplePaySessions(_Resource):
    """The `apple_pay_sessions` operations."""

    def create(self, processing_terminal_id: str, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> o.ApplePaySession:
        """Starts an Apple Pay merchant session (another one is harmless, so retried without a key)."""
        return self._call("apple_pay_sessions.create", {"processingTerminalId": processing_terminal_id}, _body(body, fields, True), o.ApplePaySession, None, timeout)


class BankTransferPayments(_Resource):
    """The `bank_transfer_payments` operations."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.BankTransferPayment:
        """Debits a customer's bank account (ACH or PAD). A declined transfer is a success here: read its ``transactionResult``."""
        return self._call("bank_transfer_payments.create", {}, _body(body, fields, True), o.BankTransferPayment, idempotency_key, timeout)

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.BankTransferPayment]:
        """Lists a terminal's bank-transfer payments, page by page."""
        return self._list("bank_transfer_payments.list", {}, filters, o.BankTransferPayment, timeout)

    def retrieve(self, payment_id: str, *, timeout: Optional[float] = None) -> o.BankTransferPayment:
        """Reads a bank-transfer payment."""
        return self._call("bank_transfer_payments.retrieve", {"paymentId": payment_id}, None, o.BankTransferPayment, None, timeout)

    def represent(self, payment_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.BankTransferPayment:
        """Re-presents a returned payment, to the same account or a new one."""
        return self._call("bank_transfer_payments.represent", {"paymentId": payment_id}, _body(body, fields, True), o.BankTransferPayment, idempotency_key, timeout)

    def refund(self, payment_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.BankTransferPayment:
        """Refunds a settled payment (in full or in part); a payment still in the open batch is reversed instead."""
        return self._call("bank_transfer_payments.refund", {"paymentId": payment_id}, _body(body, fields, True), o.BankTransferPayment, idempotency_key, timeout)

    def reverse(self, payment_id: str, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> o.BankTransferPayment:
        """Voids a payment still in the open batch."""
        return self._call("bank_transfer_payments.reverse", {"paymentId": payment_id}, None, o.BankTransferPayment, idempotency_key, timeout)


class BankTransferRefunds(_Resource):
    """The `bank_transfer_refunds` operations."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.BankTransferRefund:
        """Sends money to a bank account without a linked payment (an unreferenced refund)."""
        return self._call("bank_transfer_refunds.create", {}, _body(body, fields, True), o.BankTransferRefund, idempotency_key, timeout)

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.BankTransferRefund]:
        """Lists a terminal's bank-transfer refunds, page by page."""
        return self._list("bank_transfer_refunds.list", {}, filters, o.BankTransferRefund, timeout)

    def retrieve(self, refund_id: str, *, timeout: Optional[float] = None) -> o.BankTransferRefund:
        """Reads a bank-transfer refund."""
        return self._call("bank_transfer_refunds.retrieve", {"refundId": refund_id}, None, o.BankTransferRefund, None, timeout)

    def reverse(self, refund_id: str, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> o.BankTransferRefund:
        """Voids a refund still in the open batch."""
        return self._call("bank_transfer_refunds.reverse", {"refundId": refund_id}, None, o.BankTransferRefund, idempotency_key, timeout)


class Batches(_Resource):
    """The `batches` operations."""

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.Batch]:
        """Lists the batches merchants submitted on a date, page by page."""
        return self._list("batches.list", {}, filters, o.Batch, timeout)

    def retrieve(self, batch_id: str, *, timeout: Optional[float] = None) -> o.Batch:
        """Reads a batch: its sales, returns and number of transactions."""
        return self._call("batches.retrieve", {"batchId": batch_id}, None, o.Batch, None, timeout)


class Transactions(_Resource):
    """The `transactions` operations."""

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.Transaction]:
        """Lists settled transactions of a date or a batch, page by page."""
        return self._list("transactions.list", {}, filters, o.Transaction, timeout)

    def retrieve(self, transaction_id: str, *, timeout: Optional[float] = None) -> o.Transaction:
        """Reads a settled transaction."""
        return self._call("transactions.retrieve", {"transactionId": transaction_id}, None, o.Transaction, None, timeout)


class Authorizations(_Resource):
    """The `authorizations` operations."""

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.Authorization]:
        """Lists the authorizations of a date or a batch, page by page."""
        return self._list("authorizations.list", {}, filters, o.Authorization, timeout)

    def retrieve(self, authorization_id: str, *, timeout: Optional[float] = None) -> o.Authorization:
        """Reads an authorization."""
        return self._call("authorizations.retrieve", {"authorizationId": authorization_id}, None, o.Authorization, None, timeout)


class Disputes(_Resource):
    """The `disputes` operations."""

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.Dispute]:
        """Lists the disputes (chargebacks) created on a date, page by page."""
        return self._list("disputes.list", {}, filters, o.Dispute, timeout)

    def list_statuses(self, dispute_id: str, *, timeout: Optional[float] = None) -> List[o.DisputeStatus]:
        """Lists every status a dispute has had, oldest first."""
        return self._call("disputes.list_statuses", {"disputeId": dispute_id}, None, o.DisputeStatus, None, timeout)


class AchDeposits(_Resource):
    """The `ach_deposits` operations."""

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.AchDeposit]:
        """Lists the ACH deposits of a date, page by page."""
        return self._list("ach_deposits.list", {}, filters, o.AchDeposit, timeout)

    def retrieve(self, ach_deposit_id: str, *, timeout: Optional[float] = None) -> o.AchDeposit:
        """Reads an ACH deposit: the batches it pays, less fees."""
        return self._call("ach_deposits.retrieve", {"achDepositId": ach_deposit_id}, None, o.AchDeposit, None, timeout)


class AchDepositFees(_Resource):
    """The `ach_deposit_fees` operations."""

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.AchDepositFee]:
        """Lists the fees taken from ACH deposits of a date or of one deposit, page by page."""
        return self._list("ach_deposit_fees.list", {}, filters, o.AchDepositFee, timeout)


class FundingRecipients(_Resource):
    """The `funding_recipients` operations."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.FundingRecipient:
        """Creates a funding recipient (a business that receives funds, e.g. a charity) with its owners and funding accounts."""
        return self._call("funding_recipients.create", {}, _body(body, fields, True), o.FundingRecipient, idempotency_key, timeout)

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.FundingRecipient]:
        """Lists funding recipients, page by page."""
        return self._list("funding_recipients.list", {}, filters, o.FundingRecipient, timeout)

    def retrieve(self, recipient_id: str, *, timeout: Optional[float] = None) -> o.FundingRecipient:
        """Reads a funding recipient."""
        return self._call("funding_recipients.retrieve", {"recipientId": recipient_id}, None, o.FundingRecipient, None, timeout)

    def update(self, recipient_id: str, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> None:
        """Replaces a funding recipient's details (a PUT: send them all; owners and accounts change through their own operations)."""
        return self._call("funding_recipients.update", {"recipientId": recipient_id}, _body(body, fields, True), None, None, timeout)

    def delete(self, recipient_id: str, *, timeout: Optional[float] = None) -> None:
        """Deletes a funding recipient with its owners and funding accounts."""
        return self._call("funding_recipients.delete", {"recipientId": recipient_id}, None, None, None, timeout)

    def list_accounts(self, recipient_id: str, *, timeout: Optional[float] = None) -> List[o.FundingAccount]:
        """Lists a funding recipient's funding accounts (one array, not paged)."""
        return self._call("funding_recipients.list_accounts", {"recipientId": recipient_id}, None, o.FundingAccount, None, timeout)

    def create_account(self, recipient_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.FundingAccount:
        """Adds a funding account to a funding recipient."""
        return self._call("funding_recipients.create_account", {"recipientId": recipient_id}, _body(body, fields, True), o.FundingAccount, idempotency_key, timeout)

    def list_owners(self, recipient_id: str, *, timeout: Optional[float] = None) -> List[o.Owner]:
        """Lists a funding recipient's owners (one array, not paged)."""
        return self._call("funding_recipients.list_owners", {"recipientId": recipient_id}, None, o.Owner, None, timeout)

    def create_owner(self, recipient_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.Owner:
        """Adds an owner to a funding recipient."""
        return self._call("funding_recipients.create_owner", {"recipientId": recipient_id}, _body(body, fields, True), o.Owner, idempotency_key, timeout)


class FundingAccounts(_Resource):
    """The `funding_accounts` operations."""

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.FundingAccount]:
        """Lists funding accounts, page by page."""
        return self._list("funding_accounts.list", {}, filters, o.FundingAccount, timeout)

    def retrieve(self, funding_account_id: str, *, timeout: Optional[float] = None) -> o.FundingAccount:
        """Reads a funding account."""
        return self._call("funding_accounts.retrieve", {"fundingAccountId": funding_account_id}, None, o.FundingAccount, None, timeout)

    def update(self, funding_account_id: str, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> None:
        """Replaces a funding recipient's funding account (a PUT: send it all)."""
        return self._call("funding_accounts.update", {"fundingAccountId": funding_account_id}, _body(body, fields, True), None, None, timeout)

    def delete(self, funding_account_id: str, *, timeout: Optional[float] = None) -> None:
        """Deletes a funding recipient's funding account."""
        return self._call("funding_accounts.delete", {"fundingAccountId": funding_account_id}, None, None, None, timeout)


class FundingInstructions(_Resource):
    """The `funding_instructions` operations."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.FundingInstruction:
        """Sends amounts of merchants' available funding balances to funding accounts."""
        return self._call("funding_instructions.create", {}, _body(body, fields, True), o.FundingInstruction, idempotency_key, timeout)

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.FundingInstruction]:
        """Lists the funding instructions created in a date range, page by page."""
        return self._list("funding_instructions.list", {}, filters, o.FundingInstruction, timeout)

    def retrieve(self, instruction_id: str, *, timeout: Optional[float] = None) -> o.FundingInstruction:
        """Reads a funding instruction and where its payments stand."""
        return self._call("funding_instructions.retrieve", {"instructionId": instruction_id}, None, o.FundingInstruction, None, timeout)

    def update(self, instruction_id: str, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> None:
        """Replaces a funding instruction's payments while it is ``accepted`` (a PUT: send them all)."""
        return self._call("funding_instructions.update", {"instructionId": instruction_id}, _body(body, fields, True), None, None, timeout)

    def delete(self, instruction_id: str, *, timeout: Optional[float] = None) -> None:
        """Deletes a funding instruction while it is ``accepted``; its amounts return to the balances."""
        return self._call("funding_instructions.delete", {"instructionId": instruction_id}, None, None, None, timeout)


class FundingActivity(_Resource):
    """The `funding_activity` operations."""

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.ActivityRecord]:
        """Lists the movements of merchants' funding balances in a date range, page by page."""
        return self._list("funding_activity.list", {}, filters, o.ActivityRecord, timeout)

    def retrieve_balance(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.MerchantBalance]:
        """Lists merchants' funding balances (funds, pending, available), page by page."""
        return self._list("funding_activity.retrieve_balance", {}, filters, o.MerchantBalance, timeout)


class PricingIntents(_Resource):
    """The `pricing_intents` operations."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.PricingIntent:
        """Creates a pricing intent: the fees (US MPA 5.0) you propose for the merchants you board."""
        return self._call("pricing_intents.create", {}, _body(body, fields, True), o.PricingIntent, idempotency_key, timeout)

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.PricingIntent]:
        """Lists your pricing intents, page by page."""
        return self._list("pricing_intents.list", {}, filters, o.PricingIntent, timeout)

    def retrieve(self, pricing_intent_id: str, *, timeout: Optional[float] = None) -> o.PricingIntent:
        """Reads a pricing intent."""
        return self._call("pricing_intents.retrieve", {"pricingIntentId": pricing_intent_id}, None, o.PricingIntent, None, timeout)

    def replace(self, pricing_intent_id: str, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> None:
        """Replaces a pricing intent (a PUT: send all of it)."""
        return self._call("pricing_intents.replace", {"pricingIntentId": pricing_intent_id}, _body(body, fields, True), None, None, timeout)

    def update(self, pricing_intent_id: str, patch: Sequence[Mapping[str, Any]], *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> o.PricingIntent:
        """Changes a pricing intent (its key, metadata, fees and services) with JSON Patch operations."""
        return self._call("pricing_intents.update", {"pricingIntentId": pricing_intent_id}, _body(list(patch), {}, True), o.PricingIntent, idempotency_key, timeout)

    def delete(self, pricing_intent_id: str, *, timeout: Optional[float] = None) -> None:
        """Deletes a pricing intent."""
        return self._call("pricing_intents.delete", {"pricingIntentId": pricing_intent_id}, None, None, None, timeout)


class Attachments(_Resource):
    """The `attachments` operations."""

    def upload(self, processing_account_id: str, file: Any, body: Optional[Mapping[str, Any]] = None, *, file_name: Optional[str] = None, content_type: Optional[str] = None, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.Attachment:
        """Uploads a document (under 30 MB: PDF, PNG, JPEG, Office, text…) for a processing account's review."""
        return self._upload("attachments.upload", {"processingAccountId": processing_account_id}, _body(body, fields, True), (file, file_name, content_type), o.Attachment, idempotency_key, timeout)

    def retrieve(self, attachment_id: str, *, timeout: Optional[float] = None) -> o.Attachment:
        """Reads an attachment's details and upload status (never the file)."""
        return self._call("attachments.retrieve", {"attachmentId": attachment_id}, None, o.Attachment, None, timeout)


class MerchantPlatforms(_Resource):
    """The `merchant_platforms` operations."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.MerchantPlatform:
        """Boards a business (the merchant platform) with its first processing accounts, which Payroc then reviews."""
        return self._call("merchant_platforms.create", {}, _body(body, fields, True), o.MerchantPlatform, idempotency_key, timeout)

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.MerchantPlatform]:
        """Lists merchant platforms, page by page."""
        return self._list("merchant_platforms.list", {}, filters, o.MerchantPlatform, timeout)

    def retrieve(self, merchant_platform_id: str, *, timeout: Optional[float] = None) -> o.MerchantPlatform:
        """Reads a merchant platform with its processing accounts' statuses."""
        return self._call("merchant_platforms.retrieve", {"merchantPlatformId": merchant_platform_id}, None, o.MerchantPlatform, None, timeout)

    def list_processing_accounts(self, merchant_platform_id: str, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.ProcessingAccount]:
        """Lists a merchant platform's processing accounts (closed ones only with ``includeClosed``), page by page."""
        return self._list("merchant_platforms.list_processing_accounts", {"merchantPlatformId": merchant_platform_id}, filters, o.ProcessingAccount, timeout)

    def create_processing_account(self, merchant_platform_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.ProcessingAccount:
        """Adds a processing account to a merchant platform; Payroc then reviews it."""
        return self._call("merchant_platforms.create_processing_account", {"merchantPlatformId": merchant_platform_id}, _body(body, fields, True), o.ProcessingAccount, idempotency_key, timeout)


class ProcessingAccounts(_Resource):
    """The `processing_accounts` operations."""

    def retrieve(self, processing_account_id: str, *, timeout: Optional[float] = None) -> o.ProcessingAccount:
        """Reads a processing account and its review status."""
        return self._call("processing_accounts.retrieve", {"processingAccountId": processing_account_id}, None, o.ProcessingAccount, None, timeout)

    def list_contacts(self, processing_account_id: str, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.Contact]:
        """Lists a processing account's contacts, page by page."""
        return self._list("processing_accounts.list_contacts", {"processingAccountId": processing_account_id}, filters, o.Contact, timeout)

    def list_owners(self, processing_account_id: str, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.Owner]:
        """Lists a processing account's owners, page by page."""
        return self._list("processing_accounts.list_owners", {"processingAccountId": processing_account_id}, filters, o.Owner, timeout)

    def list_funding_accounts(self, processing_account_id: str, *, timeout: Optional[float] = None) -> List[o.FundingAccount]:
        """Lists a processing account's funding accounts (one array, not paged)."""
        return self._call("processing_accounts.list_funding_accounts", {"processingAccountId": processing_account_id}, None, o.FundingAccount, None, timeout)

    def list_processing_terminals(self, processing_account_id: str, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.ProcessingTerminal]:
        """Lists a processing account's processing terminals, page by page."""
        return self._list("processing_accounts.list_processing_terminals", {"processingAccountId": processing_account_id}, filters, o.ProcessingTerminal, timeout)

    def list_terminal_orders(self, processing_account_id: str, *, timeout: Optional[float] = None, **filters: Any) -> List[o.TerminalOrder]:
        """Lists a processing account's terminal orders (one array, not paged), filtered by status and creation time."""
        return self._call("processing_accounts.list_terminal_orders", {"processingAccountId": processing_account_id}, None, o.TerminalOrder, None, timeout, query=_body(None, filters))

    def retrieve_pricing_agreement(self, processing_account_id: str, *, timeout: Optional[float] = None) -> o.PricingAgreement:
        """Reads a processing account's pricing agreement (US 4.0 or 5.0)."""
        return self._call("processing_accounts.retrieve_pricing_agreement", {"processingAccountId": processing_account_id}, None, o.PricingAgreement, None, timeout)

    def create_reminder(self, processing_account_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.Reminder:
        """Emails the merchant a reminder to sign their pricing agreement (only when the signature was requested by email)."""
        return self._call("processing_accounts.create_reminder", {"processingAccountId": processing_account_id}, _body(body, fields, True), o.Reminder, idempotency_key, timeout)

    def create_terminal_order(self, processing_account_id: str, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.TerminalOrder:
        """Orders terminals for an approved processing account; Payroc then ships them."""
        return self._call("processing_accounts.create_terminal_order", {"processingAccountId": processing_account_id}, _body(body, fields, True), o.TerminalOrder, idempotency_key, timeout)


class Owners(_Resource):
    """The `owners` operations."""

    def retrieve(self, owner_id: str, *, timeout: Optional[float] = None) -> o.Owner:
        """Reads an owner of a processing account or funding recipient."""
        return self._call("owners.retrieve", {"ownerId": owner_id}, None, o.Owner, None, timeout)

    def update(self, owner_id: str, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> None:
        """Replaces an owner's details (a PUT: send them all)."""
        return self._call("owners.update", {"ownerId": owner_id}, _body(body, fields, True), None, None, timeout)

    def delete(self, owner_id: str, *, timeout: Optional[float] = None) -> None:
        """Deletes a funding recipient's owner while it has another; a processing account's owners cannot be deleted."""
        return self._call("owners.delete", {"ownerId": owner_id}, None, None, None, timeout)


class Contacts(_Resource):
    """The `contacts` operations."""

    def retrieve(self, contact_id: str, *, timeout: Optional[float] = None) -> o.Contact:
        """Reads a processing account's contact."""
        return self._call("contacts.retrieve", {"contactId": contact_id}, None, o.Contact, None, timeout)

    def update(self, contact_id: str, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> None:
        """Replaces a contact's details (a PUT: send them all)."""
        return self._call("contacts.update", {"contactId": contact_id}, _body(body, fields, True), None, None, timeout)

    def delete(self, contact_id: str, *, timeout: Optional[float] = None) -> None:
        """Deletes a processing account's contact."""
        return self._call("contacts.delete", {"contactId": contact_id}, None, None, None, timeout)


class ProcessingTerminals(_Resource):
    """The `processing_terminals` operations."""

    def retrieve(self, processing_terminal_id: str, *, timeout: Optional[float] = None) -> o.ProcessingTerminal:
        """Reads a processing terminal's settings."""
        return self._call("processing_terminals.retrieve", {"processingTerminalId": processing_terminal_id}, None, o.ProcessingTerminal, None, timeout)

    def retrieve_host_configuration(self, processing_terminal_id: str, *, timeout: Optional[float] = None) -> o.HostConfiguration:
        """Reads a processing terminal's host processor configuration."""
        return self._call("processing_terminals.retrieve_host_configuration", {"processingTerminalId": processing_terminal_id}, None, o.HostConfiguration, None, timeout)


class TerminalOrders(_Resource):
    """The `terminal_orders` operations."""

    def retrieve(self, terminal_order_id: str, *, timeout: Optional[float] = None) -> o.TerminalOrder:
        """Reads a terminal order and where its shipping stands."""
        return self._call("terminal_orders.retrieve", {"terminalOrderId": terminal_order_id}, None, o.TerminalOrder, None, timeout)


class EventSubscriptions(_Resource):
    """The `event_subscriptions` operations."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None, **fields: Any) -> o.EventSubscription:
        """Subscribes to events (a processing account's status changing…), delivered to a webhook with a shared secret."""
        return self._call("event_subscriptions.create", {}, _body(body, fields, True), o.EventSubscription, idempotency_key, timeout)

    def list(self, *, timeout: Optional[float] = None, **filters: Any) -> Pager[o.EventSubscription]:
        """Lists event subscriptions, by status and event type, page by page."""
        return self._list("event_subscriptions.list", {}, filters, o.EventSubscription, timeout)

    def retrieve(self, subscription_id: str, *, timeout: Optional[float] = None) -> o.EventSubscription:
        """Reads an event subscription (its webhook secret masked)."""
        return self._call("event_subscriptions.retrieve", {"subscriptionId": subscription_id}, None, o.EventSubscription, None, timeout)

    def replace(self, subscription_id: str, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> None:
        """Replaces an event subscription (a PUT: send it all)."""
        return self._call("event_subscriptions.replace", {"subscriptionId": subscription_id}, _body(body, fields, True), None, None, timeout)

    def update(self, subscription_id: str, patch: Sequence[Mapping[str, Any]], *, idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> o.EventSubscription:
        """Changes an event subscription with JSON Patch operations."""
        return self._call("event_subscriptions.update", {"subscriptionId": subscription_id}, _body(list(patch), {}, True), o.EventSubscription, idempotency_key, timeout)

    def delete(self, subscription_id: str, *, timeout: Optional[float] = None) -> None:
        """Deletes an event subscription: no more notifications."""
        return self._call("event_subscriptions.delete", {"subscriptionId": subscription_id}, None, None, None, timeout)


class RepeatPayments(_RepeatPaymentsHelpers, _Resource):
    """The `repeat_payments` operations."""


class Recurrences(_Resource):
    """The `recurrences` operations."""

    def create(self, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> o.RecurrenceResponse:
        """Creates a recurrence for a Vault customer (no idempotency key exists: never repeated once it may have landed)."""
        return self._call("recurrences.create", {}, _body(body, fields, False), o.RecurrenceResponse, None, timeout)

    def update(self, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> o.RecurrenceResponse:
        """Updates a recurrence (setting the same values twice is harmless, so retried)."""
        return self._call("recurrences.update", {}, _body(body, fields, False), o.RecurrenceResponse, None, timeout)

    def delete(self, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> o.RecurrenceResponse:
        """Deletes a recurrence for good."""
        return self._call("recurrences.delete", {}, _body(body, fields, False), o.RecurrenceResponse, None, timeout)

    def list_by_customer(self, customer_id: int, *, timeout: Optional[float] = None) -> o.RecurrenceExport:
        """Lists a customer's recurrences."""
        return self._call("recurrences.list_by_customer", {"customerId": customer_id}, None, o.RecurrenceExport, None, timeout)

    def export_by_customer(self, customer_id: int, body: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, **fields: Any) -> o.RecurrenceExport:
        """Exports one or all of a customer's recurrences, with paging."""
        return self._call("recurrences.export_by_customer", {"customerId": customer_id}, _body(body, fields, False), o.RecurrenceExport, None, timeout)

    def export(self, recurrence_id: int, *, timeout: Optional[float] = None) -> o.RecurrenceResponse:
        """Exports one recurrence."""
        return self._call("recurrences.export", {"recurrenceId": recurrence_id}, None, o.RecurrenceResponse, None, timeout)

    def export_approved(self, customer_id: int, *, timeout: Optional[float] = None) -> o.RecurrenceExport:
        """Exports the customer's most recent approved recurring transaction."""
        return self._call("recurrences.export_approved", {"customerId": customer_id}, None, o.RecurrenceExport, None, timeout)


class PayrocResources:
    """The resources of a client, each an attribute named as in the operations' names."""

    secure_tokens: SecureTokens
    single_use_tokens: SingleUseTokens
    payments: Payments
    refunds: Refunds
    payment_instructions: PaymentInstructions
    refund_instructions: RefundInstructions
    signature_instructions: SignatureInstructions
    signatures: Signatures
    payroc_cloud: PayrocCloud
    payment_links: PaymentLinks
    payment_plans: PaymentPlans
    subscriptions: Subscriptions
    bank_accounts: BankAccounts
    cards: Cards
    fx_rates: FxRates
    hosted_fields_sessions: HostedFieldsSessions
    apple_pay_sessions: ApplePaySessions
    bank_transfer_payments: BankTransferPayments
    bank_transfer_refunds: BankTransferRefunds
    batches: Batches
    transactions: Transactions
    authorizations: Authorizations
    disputes: Disputes
    ach_deposits: AchDeposits
    ach_deposit_fees: AchDepositFees
    funding_recipients: FundingRecipients
    funding_accounts: FundingAccounts
    funding_instructions: FundingInstructions
    funding_activity: FundingActivity
    pricing_intents: PricingIntents
    attachments: Attachments
    merchant_platforms: MerchantPlatforms
    processing_accounts: ProcessingAccounts
    owners: Owners
    contacts: Contacts
    processing_terminals: ProcessingTerminals
    terminal_orders: TerminalOrders
    event_subscriptions: EventSubscriptions
    repeat_payments: RepeatPayments

    def _attach(self, native: Any, runner: Any) -> None:
        self.secure_tokens = SecureTokens(native, runner)
        self.single_use_tokens = SingleUseTokens(native, runner)
        self.payments = Payments(native, runner)
        self.refunds = Refunds(native, runner)
        self.payment_instructions = PaymentInstructions(native, runner)
        self.refund_instructions = RefundInstructions(native, runner)
        self.signature_instructions = SignatureInstructions(native, runner)
        self.signatures = Signatures(native, runner)
        self.payroc_cloud = PayrocCloud(native, runner)
        self.payment_links = PaymentLinks(native, runner)
        self.payment_plans = PaymentPlans(native, runner)
        self.subscriptions = Subscriptions(native, runner)
        self.bank_accounts = BankAccounts(native, runner)
        self.cards = Cards(native, runner)
        self.fx_rates = FxRates(native, runner)
        self.hosted_fields_sessions = HostedFieldsSessions(native, runner)
        self.apple_pay_sessions = ApplePaySessions(native, runner)
        self.bank_transfer_payments = BankTransferPayments(native, runner)
        self.bank_transfer_refunds = BankTransferRefunds(native, runner)
        self.batches = Batches(native, runner)
        self.transactions = Transactions(native, runner)
        self.authorizations = Authorizations(native, runner)
        self.disputes = Disputes(native, runner)
        self.ach_deposits = AchDeposits(native, runner)
        self.ach_deposit_fees = AchDepositFees(native, runner)
        self.funding_recipients = FundingRecipients(native, runner)
        self.funding_accounts = FundingAccounts(native, runner)
        self.funding_instructions = FundingInstructions(native, runner)
        self.funding_activity = FundingActivity(native, runner)
        self.pricing_intents = PricingIntents(native, runner)
        self.attachments = Attachments(native, runner)
        self.merchant_platforms = MerchantPlatforms(native, runner)
        self.processing_accounts = ProcessingAccounts(native, runner)
        self.owners = Owners(native, runner)
        self.contacts = Contacts(native, runner)
        self.processing_terminals = ProcessingTerminals(native, runner)
        self.terminal_orders = TerminalOrders(native, runner)
        self.event_subscriptions = EventSubscriptions(native, runner)
        self.repeat_payments = RepeatPayments(native, runner)


class PaytraceResources:
    """The resources of a client, each an attribute named as in the operations' names."""

    recurrences: Recurrences

    def _attach(self, native: Any, runner: Any) -> None:
        self.recurrences = Recurrences(native, runner)
