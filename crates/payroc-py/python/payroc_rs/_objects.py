"""The response classes: one per kind of reply, over the native ``PayrocObject``
(fields as snake_case attributes of the API's names, ``obj["apiName"]``,
``to_dict()`` for the JSON, a ``repr`` with secrets redacted). They hold no schema:
every field the server sends is there, known to this SDK or not. A class adds only
behaviour, and ``_nested``: the class of a reply nested in a composite reply."""

from ._payroc import PayrocObject as PayrocObject


class Payment(PayrocObject):
    """A card payment (created or retrieved)."""

    @property
    def is_approved(self) -> bool:
        """Whether money was authorised, fully or in part (response code A or P)."""
        return self.transaction_result.response_code in ("A", "P")


class Refund(PayrocObject):
    """A refund (created or retrieved)."""


class SecureToken(PayrocObject):
    """A saved card or bank account. Charge it with ``token`` (296753...)."""


class SingleUseToken(PayrocObject):
    """A single-use token (valid 30 minutes, usable once)."""


class PaymentInstruction(PayrocObject):
    """A Payroc Cloud payment instruction."""


class RefundInstruction(PayrocObject):
    """A Payroc Cloud refund instruction."""


class SignatureInstruction(PayrocObject):
    """A Payroc Cloud signature instruction."""


class Signature(PayrocObject):
    """A signature captured on a device."""


class PaymentLink(PayrocObject):
    """A single-use or multi-use payment link."""


class SharingEvent(PayrocObject):
    """A payment link shared by email."""


class BankAccountVerification(PayrocObject):
    """Whether a bank account's details are valid (``verified``)."""


class CardVerification(PayrocObject):
    """Whether a card's details are valid (``verified``), with the masked card."""


class EbtBalance(PayrocObject):
    """An EBT card's balance: the amounts are in ``card.balances``."""


class CardInfo(PayrocObject):
    """What a card is: brand (``type``), masked number, country, currency, debit, and
    the surcharge terms when the merchant surcharges."""


class FxRate(PayrocObject):
    """A dynamic currency conversion rate: ``inquiry_result.dcc_offered`` and, when
    offered, the ``dcc_offer`` to send with the sale."""


class HostedFieldsSession(PayrocObject):
    """A Hosted Fields session: its ``token`` for the page and ``expires_at``."""


class ApplePaySession(PayrocObject):
    """An Apple Pay merchant session: ``start_session_response`` is the JSON text to
    hand to Apple Pay JS unchanged."""
class BankTransferPayment(PayrocObject):
    """A bank-transfer payment (ACH or PAD), created or retrieved; account numbers
    come masked and stay redacted in ``repr``."""


class BankTransferRefund(PayrocObject):
    """A bank-transfer refund, referenced or unreferenced."""


class CloudSale(PayrocObject):
    """A sale run on a device: the final ``instruction``, how it ended (``outcome``:
    ``completed``, ``failure``, ``canceled``), ``approved``, and the ``payment`` when
    the device completed it (else None)."""

    _nested = {"instruction": PaymentInstruction, "payment": Payment}


class CloudRefund(PayrocObject):
    """A refund run on a device: the final ``instruction`` and the ``refund`` it made."""

    _nested = {"instruction": RefundInstruction, "refund": Refund}


class RepeatPaymentSeries(PayrocObject):
    """What a scheduler stores between the payments of a series; pass it (or its
    ``to_dict()``) to ``client.repeat_payments.charge``."""


class FirstPayment(PayrocObject):
    """The first ``payment`` of a series and the ``series`` it started (None, with
    ``series_error`` saying why, when it cannot continue, e.g. a decline)."""

    _nested = {"payment": Payment, "series": RepeatPaymentSeries}


class PaymentPlan(PayrocObject):
    """A payment plan: the schedule and amounts its subscriptions follow."""


class Subscription(PayrocObject):
    """A customer's secure token on a payment plan; ``current_state`` says where it
    stands (status, next due date, paid and outstanding invoices)."""


class SubscriptionPayment(PayrocObject):
    """A payment collected for a subscription: the ``payment`` (its ``payment_id``
    works with ``client.payments``) and the subscription's new ``current_state``."""


class Batch(PayrocObject):
    """A batch a merchant submitted for settlement: ``sale_amount``, ``return_amount``
    and ``transaction_count`` (amounts in minor units)."""


class Transaction(PayrocObject):
    """A settled transaction: ``type`` (``capture`` or ``return``), ``amount``, its
    ``batch``, ``authorization`` and how it was ``settled`` (the ACH deposit)."""


class Authorization(PayrocObject):
    """An authorization the issuer answered, with the transaction it became."""


class Dispute(PayrocObject):
    """A dispute (chargeback) on a settled transaction; ``current_status`` says where
    it stands."""


class DisputeStatus(PayrocObject):
    """One status a dispute has had (``status``, ``status_date``)."""


class AchDeposit(PayrocObject):
    """An ACH deposit: ``sales`` less ``returns``, ``daily_fees`` and adjustments is
    the ``net_amount`` the merchant was paid."""


class AchDepositFee(PayrocObject):
    """A fee taken from an ACH deposit (``amount``, ``description``)."""


class RecurrenceResponse(PayrocObject):
    """PayTrace's answer about one recurrence."""


class RecurrenceExport(PayrocObject):
    """PayTrace's list of recurrences."""


class FundingRecipient(PayrocObject):
    """A funding recipient: a business that receives funds but takes no payments."""


class FundingAccount(PayrocObject):
    """A bank account that receives (or provides) funds; its account number is redacted in ``repr``."""


class Owner(PayrocObject):
    """An owner of a funding recipient or a processing account."""


class FundingInstruction(PayrocObject):
    """A funding instruction: amounts of merchants' funding balances sent to funding accounts."""


class ActivityRecord(PayrocObject):
    """One movement of a merchant's funding balance (``type``: ``credit`` or ``debit``)."""


class MerchantBalance(PayrocObject):
    """A merchant's funding balance: ``funds``, ``pending`` and ``available``, in minor units."""


class PricingIntent(PayrocObject):
    """A pricing intent (US MPA 5.0): base, processor, gateway fees and services; ``status``
    ``pendingReview`` until Payroc reviews it."""


class Attachment(PayrocObject):
    """An uploaded document's details: ``uploadStatus`` (``pending``, ``accepted``,
    ``rejected``), ``fileName``, ``contentType``, the ``entity`` it belongs to; never the file."""
class MerchantPlatform(PayrocObject):
    """A boarded business with its processing accounts; its tax id is redacted in ``repr``."""


class ProcessingAccount(PayrocObject):
    """A merchant's processing account and its review ``status``."""


class Contact(PayrocObject):
    """A contact of a processing account."""


class ProcessingTerminal(PayrocObject):
    """A processing terminal's settings."""


class HostConfiguration(PayrocObject):
    """A processing terminal's host processor configuration; its authentication code is redacted in ``repr``."""


class TerminalOrder(PayrocObject):
    """An order of terminals for a processing account and its shipping ``status``."""


class PricingAgreement(PayrocObject):
    """A processing account's pricing agreement (``version`` 4.0 or 5.0)."""


class Reminder(PayrocObject):
    """A reminder sent to a merchant to sign their pricing agreement."""


class EventSubscription(PayrocObject):
    """An event subscription: ``eventTypes`` delivered to a webhook (its ``secret`` redacted in ``repr``)."""


class WebhookEvent(PayrocObject):
    """An event notification Payroc posted to a webhook (CloudEvents 1.0: ``id``, ``type``, ``subject``, ``time``, ``data``)."""
