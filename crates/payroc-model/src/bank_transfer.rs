//! Bank transfers: debits from a US bank account (ACH) or a Canadian one (PAD), their
//! re-presentment after a return, referenced and unreferenced refunds, reversals, and
//! the two lists.
//!
//! A transfer's state is `transactionResult.status`: `ready` or `pending` while it is in
//! the merchant's open batch (it can be reversed), `complete` once settled (it can be
//! refunded), `returned` when the customer's bank sent it back (it can be re-presented),
//! `reversal` once voided, `declined` when refused.
//!
//! The bank details a request sends are the ones a secure token saves
//! ([`AchSource`], [`PadSource`]); account numbers are [`SensitiveData`], redacted in
//! `Debug`, and the gateway returns them masked.

use crate::cloud::TaxRate;
use crate::common::{ContactMethod, CredentialOnFile, CustomField, NotificationLanguage};
use crate::common::{Link, SecCode, UnknownFields};
use crate::money::Currency;
use crate::page::{ListQuery, PageQuery};
use crate::payment::{
    check_list_filters, check_order_id, date_time_opt, push_each, push_opt, RefundSummary,
    RetrievedTax, SecureTokenPaymentMethod, SecureTokenSummary, SettlementState, Tip,
};
use crate::refund::PaymentSummary;
use crate::secret::SensitiveData;
use crate::secure_token::{AchSource, PadSource, SingleUseTokenSource};
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

open_enum! {
    /// Where a bank transfer stands (`transactionResult.status`, and the lists' `status`
    /// filter).
    pub enum BankTransferStatus {
        /// In the open batch, waiting for the batch to close.
        Ready = "ready",
        /// In the open batch, held.
        Pending = "pending",
        /// Refused.
        Declined = "declined",
        /// Settled.
        Complete = "complete",
        /// An administrative entry.
        Admin = "admin",
        /// Voided in the open batch.
        Reversal = "reversal",
        /// Sent back by the customer's bank.
        Returned = "returned",
    }
}

open_enum! {
    /// What kind of bank transfer it is (`transactionResult.type`, and the lists' `type`
    /// filter: `payment` and `accountVerification` for payments, `refund` and
    /// `unreferencedRefund` for refunds).
    pub enum BankTransferType {
        /// A debit of the customer's account.
        Payment = "payment",
        /// A refund of a payment.
        Refund = "refund",
        /// A refund linked to no payment.
        UnreferencedRefund = "unreferencedRefund",
        /// A check of the customer's account.
        AccountVerification = "accountVerification",
    }
}

// ---------------------------------------------------------------------------
// Shared request parts
// ---------------------------------------------------------------------------

/// How the gateway reaches the customer (`BankTransferCustomer`, request and response).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferCustomer {
    /// Language of the notifications sent to the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_language: Option<NotificationLanguage>,
    /// Where to send them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact_methods: Vec<ContactMethod>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for BankTransferCustomer {
    fn validate_into(&self, v: &mut Validator) {
        v.known_opt("notificationLanguage", &self.notification_language);
        v.each("contactMethods", &self.contact_methods);
    }
}

/// Amounts that make up a payment's total, as a request sends them
/// (`BankTransferRequestBreakdown`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferRequestBreakdown {
    /// Amount before tip and taxes, in minor units.
    pub subtotal: i64,
    /// The tip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<Tip>,
    /// Taxes, each a named rate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxes: Vec<TaxRate>,
}

impl Validate for BankTransferRequestBreakdown {
    fn validate_into(&self, v: &mut Validator) {
        v.non_negative("subtotal", self.subtotal);
        v.nested_opt("tip", &self.tip);
        v.each("taxes", &self.taxes);
    }
}

/// Amounts that make up a payment's total, as returned (`BankTransferBreakdown`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferBreakdown {
    /// Amount before tip and taxes, in minor units.
    pub subtotal: i64,
    /// The tip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<Tip>,
    /// Taxes, with the amount each came to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxes: Vec<RetrievedTax>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// `orderId` (1–24 characters), a positive `amount` and a `currency`, which the SDK
/// types leave optional but an order cannot do without (the API's docs require them).
fn check_order(
    v: &mut Validator,
    order_id: &Option<String>,
    amount: Option<i64>,
    currency: &Option<Currency>,
    date_time: &Option<String>,
) {
    match order_id {
        Some(id) => check_order_id(v, id),
        None => v.missing("orderId"),
    }
    match amount {
        Some(amount) => v.positive_amount("amount", amount),
        None => v.missing("amount"),
    }
    match currency {
        Some(currency) => v.known("currency", currency),
        None => v.missing("currency"),
    }
    date_time_opt(v, "dateTime", date_time);
}

/// The order of a bank-transfer payment request (`BankTransferPaymentRequestOrder`).
///
/// Every field is optional in the SDK's type, as on the wire; validation requires
/// `orderId`, `amount` and `currency`, as the API does.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferPaymentRequestOrder {
    /// The merchant's unique id for the transaction, 1–24 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Processing time, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_time: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Total in the currency's minor unit (`4999` USD = $49.99).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Itemized amounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<BankTransferRequestBreakdown>,
}

impl BankTransferPaymentRequestOrder {
    /// An order with the three fields the API requires.
    pub fn new(order_id: impl Into<String>, amount: i64, currency: Currency) -> Self {
        Self {
            order_id: Some(order_id.into()),
            amount: Some(amount),
            currency: Some(currency),
            ..Self::default()
        }
    }
}

impl Validate for BankTransferPaymentRequestOrder {
    fn validate_into(&self, v: &mut Validator) {
        check_order(
            v,
            &self.order_id,
            self.amount,
            &self.currency,
            &self.date_time,
        );
        v.nested_opt("breakdown", &self.breakdown);
    }
}

/// The order of a bank-transfer payment as returned (`BankTransferPaymentOrder`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferPaymentOrder {
    /// The merchant's id for the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Processing time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_time: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Total in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Itemized amounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<BankTransferBreakdown>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The order of a bank-transfer refund (`BankTransferRefundOrder`): sent by an
/// unreferenced refund, returned by every refund.
///
/// Every field is optional in the SDK's type; validation (of a request) requires
/// `orderId`, `amount` and `currency`, as the API does.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferRefundOrder {
    /// The merchant's unique id for the refund, 1–24 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// When it was processed, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_time: Option<String>,
    /// Reason for the refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Amount to return, in minor units (positive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl BankTransferRefundOrder {
    /// A refund order with the three fields the API requires.
    pub fn new(order_id: impl Into<String>, amount: i64, currency: Currency) -> Self {
        Self {
            order_id: Some(order_id.into()),
            amount: Some(amount),
            currency: Some(currency),
            ..Self::default()
        }
    }
}

impl Validate for BankTransferRefundOrder {
    fn validate_into(&self, v: &mut Validator) {
        check_order(
            v,
            &self.order_id,
            self.amount,
            &self.currency,
            &self.date_time,
        );
    }
}

// ---------------------------------------------------------------------------
// Payment methods
// ---------------------------------------------------------------------------

tagged_union! {
    /// The account a bank-transfer payment debits (`paymentMethod`, discriminator `type`).
    pub enum BankTransferPaymentMethod tag "type" {
        /// A US bank account (ACH).
        Ach(AchSource) = "ach",
        /// A Canadian bank account (PAD).
        Pad(PadSource) = "pad",
        /// A secure token holding a bank account: its gateway `token` (296753…).
        SecureToken(SecureTokenPaymentMethod) = "secureToken",
        /// A single-use token holding a bank account.
        SingleUseToken(SingleUseTokenSource) = "singleUseToken",
    }
}

impl Validate for BankTransferPaymentMethod {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Ach(ach) => ach.validate_into(v),
            Self::Pad(pad) => pad.validate_into(v),
            Self::SecureToken(token) => token.validate_into(v),
            Self::SingleUseToken(token) => token.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

tagged_union! {
    /// A US bank account given anew or by secure token: the new account of a
    /// re-presentment (`RepresentmentPaymentMethod`) and where an unreferenced refund
    /// sends money (`BankTransferUnreferencedRefundRefundMethod`); discriminator `type`.
    pub enum BankAccountMethod tag "type" {
        /// A US bank account (ACH).
        Ach(AchSource) = "ach",
        /// A secure token holding a bank account: its gateway `token` (296753…).
        SecureToken(SecureTokenPaymentMethod) = "secureToken",
    }
}

impl Validate for BankAccountMethod {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Ach(ach) => ach.validate_into(v),
            Self::SecureToken(token) => token.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

// ---------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------

/// Body of `POST /bank-transfer-payments` (`BankTransferPaymentRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferPaymentRequest {
    /// Terminal id.
    pub processing_terminal_id: String,
    /// The order.
    pub order: BankTransferPaymentRequestOrder,
    /// How to reach the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<BankTransferCustomer>,
    /// Save the account as a secure token (`tokenize`), or name one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_on_file: Option<CredentialOnFile>,
    /// The account to debit.
    pub payment_method: BankTransferPaymentMethod,
    /// Merchant-defined fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
}

impl BankTransferPaymentRequest {
    /// A payment of `order` from `payment_method` on a terminal.
    pub fn new(
        processing_terminal_id: impl Into<String>,
        order: BankTransferPaymentRequestOrder,
        payment_method: BankTransferPaymentMethod,
    ) -> Self {
        Self {
            processing_terminal_id: processing_terminal_id.into(),
            order,
            customer: None,
            credential_on_file: None,
            payment_method,
            custom_fields: Vec::new(),
        }
    }
}

impl Validate for BankTransferPaymentRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("processingTerminalId", &self.processing_terminal_id);
        v.nested("order", &self.order);
        v.nested_opt("customer", &self.customer);
        v.nested_opt("credentialOnFile", &self.credential_on_file);
        v.nested("paymentMethod", &self.payment_method);
        v.each("customFields", &self.custom_fields);
    }
}

/// Body of `POST /bank-transfer-payments/{paymentId}/represent` (`Representment`):
/// empty to re-present to the same account, or the customer's new account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Representment {
    /// The customer's new account; the original one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<BankAccountMethod>,
}

impl Validate for Representment {
    fn validate_into(&self, v: &mut Validator) {
        v.nested_opt("paymentMethod", &self.payment_method);
    }
}

/// Body of `POST /bank-transfer-payments/{paymentId}/refund`
/// (`BankTransferReferencedRefund`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BankTransferReferencedRefund {
    /// Amount to refund, in minor units.
    pub amount: i64,
    /// Reason for the refund.
    pub description: String,
}

impl BankTransferReferencedRefund {
    /// A refund of `amount` for the given reason.
    pub fn new(amount: i64, description: impl Into<String>) -> Self {
        Self {
            amount,
            description: description.into(),
        }
    }
}

impl Validate for BankTransferReferencedRefund {
    fn validate_into(&self, v: &mut Validator) {
        v.positive_amount("amount", self.amount);
        v.required_str("description", &self.description);
    }
}

/// Body of `POST /bank-transfer-refunds` (`BankTransferUnreferencedRefund`): money sent
/// to an account with no payment behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferUnreferencedRefund {
    /// Terminal id.
    pub processing_terminal_id: String,
    /// The order, with the amount to send.
    pub order: BankTransferRefundOrder,
    /// How to reach the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<BankTransferCustomer>,
    /// The account to pay.
    pub refund_method: BankAccountMethod,
    /// Merchant-defined fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
}

impl BankTransferUnreferencedRefund {
    /// A refund of `order` to `refund_method` on a terminal.
    pub fn new(
        processing_terminal_id: impl Into<String>,
        order: BankTransferRefundOrder,
        refund_method: BankAccountMethod,
    ) -> Self {
        Self {
            processing_terminal_id: processing_terminal_id.into(),
            order,
            customer: None,
            refund_method,
            custom_fields: Vec::new(),
        }
    }
}

impl Validate for BankTransferUnreferencedRefund {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("processingTerminalId", &self.processing_terminal_id);
        v.nested("order", &self.order);
        v.nested_opt("customer", &self.customer);
        v.nested("refundMethod", &self.refund_method);
        v.each("customFields", &self.custom_fields);
    }
}

// ---------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------

/// A US bank account as a transfer returns it (`AchBankAccount`): numbers masked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchBankAccount {
    /// How the account holder authorised the debit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sec_code: Option<SecCode>,
    /// Name of the account holder.
    pub name_on_account: String,
    /// Account number, masked but for the last four digits; redacted in `Debug`.
    pub account_number: SensitiveData,
    /// Routing number (masked but for the last four digits in responses).
    pub routing_number: String,
    /// The secure token holding the account, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure_token: Option<SecureTokenSummary>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A Canadian bank account as a transfer returns it (`PadBankAccount`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PadBankAccount {
    /// Name of the account holder.
    pub name_on_account: String,
    /// Account number, masked but for the last four digits; redacted in `Debug`.
    pub account_number: SensitiveData,
    /// Five-digit branch transit number.
    pub transit_number: String,
    /// Three-digit financial institution number.
    pub institution_number: String,
    /// The secure token holding the account, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure_token: Option<SecureTokenSummary>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// The account a transfer moved money from or to (`bankAccount`, discriminator
    /// `type`).
    pub enum BankTransferBankAccount tag "type" {
        /// A US bank account.
        Ach(AchBankAccount) = "ach",
        /// A Canadian bank account.
        Pad(PadBankAccount) = "pad",
    }
}

impl BankTransferBankAccount {
    /// Name of the account holder, whatever the kind of account.
    pub fn name_on_account(&self) -> Option<&str> {
        match self {
            Self::Ach(ach) => Some(&ach.name_on_account),
            Self::Pad(pad) => Some(&pad.name_on_account),
            Self::Unknown(_) => None,
        }
    }

    /// The account number as returned (masked by the gateway).
    pub fn account_number(&self) -> Option<&SensitiveData> {
        match self {
            Self::Ach(ach) => Some(&ach.account_number),
            Self::Pad(pad) => Some(&pad.account_number),
            Self::Unknown(_) => None,
        }
    }
}

/// The outcome of a bank transfer (`BankTransferResult`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferResult {
    /// Payment, refund, unreferenced refund or account verification.
    #[serde(rename = "type")]
    pub kind: BankTransferType,
    /// Where it stands.
    pub status: BankTransferStatus,
    /// Amount moved, in minor units (negative for a refund).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorized_amount: Option<i64>,
    /// Currency.
    pub currency: Currency,
    /// The gateway's response code (`A` approved).
    pub response_code: String,
    /// The gateway's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_message: Option<String>,
    /// The processor's own code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor_response_code: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A return of a payment by the customer's bank (`BankTransferReturnSummary`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferReturnSummary {
    /// The id to re-present (`POST /bank-transfer-payments/{paymentId}/represent`).
    pub payment_id: String,
    /// Date of the return, `YYYY-MM-DD`.
    pub date: String,
    /// The bank's return code, e.g. `R01`.
    pub return_code: String,
    /// The bank's reason.
    pub return_reason: String,
    /// Whether the payment was re-presented since.
    pub represented: bool,
    /// Link to the return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A bank-transfer payment, as every payment operation returns it
/// (`BankTransferPayment`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferPayment {
    /// Gateway id, needed for every follow-on call.
    pub payment_id: String,
    /// Terminal id.
    pub processing_terminal_id: String,
    /// The order.
    pub order: BankTransferPaymentOrder,
    /// How to reach the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<BankTransferCustomer>,
    /// The account debited.
    pub bank_account: BankTransferBankAccount,
    /// Refunds of this payment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refunds: Vec<RefundSummary>,
    /// Returns of this payment by the customer's bank.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub returns: Vec<BankTransferReturnSummary>,
    /// The payment that re-presented this one after its return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representment: Option<PaymentSummary>,
    /// The outcome.
    pub transaction_result: BankTransferResult,
    /// Merchant-defined fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A bank-transfer refund, referenced or not, as the refund operations return it
/// (`BankTransferRefund`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferRefund {
    /// Gateway id, needed for every follow-on call.
    pub refund_id: String,
    /// Terminal id.
    pub processing_terminal_id: String,
    /// The order.
    pub order: BankTransferRefundOrder,
    /// How to reach the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<BankTransferCustomer>,
    /// The account paid.
    pub bank_account: BankTransferBankAccount,
    /// The refunded payment, for a referenced refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<PaymentSummary>,
    /// The outcome (`type: refund` or `unreferencedRefund`).
    pub transaction_result: BankTransferResult,
    /// Merchant-defined fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

// ---------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------

/// Checks the filters both lists share; `kinds` are the `type` values the list has.
fn check_transfer_filters(
    v: &mut Validator,
    terminal: &str,
    last4: &Option<String>,
    date_from: &Option<String>,
    date_to: &Option<String>,
    settlement_date: &Option<String>,
    filters: (
        &[BankTransferType],
        &[BankTransferType],
        &[BankTransferStatus],
    ),
) {
    let (kinds, allowed, statuses) = filters;
    v.required_str("processingTerminalId", terminal);
    check_list_filters(v, &None, last4, date_from, date_to, settlement_date);
    for kind in kinds {
        if allowed.contains(kind) {
            continue;
        }
        let names: Vec<&str> = allowed.iter().map(BankTransferType::as_str).collect();
        v.violation(
            "type",
            "enum",
            format!("must be one of: {}", names.join(", ")),
        );
    }
    for status in statuses {
        v.known("status", status);
    }
}

/// Query of `GET /bank-transfer-payments`: the terminal, and optional filters;
/// `type` and `status` take several values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferPaymentListQuery {
    /// Terminal id (required).
    pub processing_terminal_id: String,
    /// The merchant's order id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Account holder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_on_account: Option<String>,
    /// Last four digits of the account number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last4: Option<String>,
    /// Transaction types (`payment`, `accountVerification`).
    #[serde(rename = "type", default, skip_serializing_if = "Vec::is_empty")]
    pub kind: Vec<BankTransferType>,
    /// Statuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<BankTransferStatus>,
    /// Processed after this RFC 3339 date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_from: Option<String>,
    /// Processed before this RFC 3339 date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_to: Option<String>,
    /// Settled or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement_state: Option<SettlementState>,
    /// Settlement date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement_date: Option<String>,
    /// Payments taken through this payment link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_link_id: Option<String>,
    /// Cursor and page size.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl BankTransferPaymentListQuery {
    /// Every payment of a terminal, in pages of the default size.
    pub fn terminal(processing_terminal_id: impl Into<String>) -> Self {
        Self {
            processing_terminal_id: processing_terminal_id.into(),
            ..Self::default()
        }
    }
}

impl Validate for BankTransferPaymentListQuery {
    fn validate_into(&self, v: &mut Validator) {
        check_transfer_filters(
            v,
            &self.processing_terminal_id,
            &self.last4,
            &self.date_from,
            &self.date_to,
            &self.settlement_date,
            (
                &self.kind,
                &[
                    BankTransferType::Payment,
                    BankTransferType::AccountVerification,
                ],
                &self.status,
            ),
        );
        v.known_opt("settlementState", &self.settlement_state);
        self.page.validate_into(v);
    }
}

impl ListQuery for BankTransferPaymentListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("processingTerminalId", self.processing_terminal_id.clone())];
        push_opt(&mut pairs, "orderId", &self.order_id);
        push_opt(&mut pairs, "nameOnAccount", &self.name_on_account);
        push_opt(&mut pairs, "last4", &self.last4);
        push_each(&mut pairs, "type", &self.kind);
        push_each(&mut pairs, "status", &self.status);
        push_opt(&mut pairs, "dateFrom", &self.date_from);
        push_opt(&mut pairs, "dateTo", &self.date_to);
        if let Some(state) = &self.settlement_state {
            pairs.push(("settlementState", state.as_str().to_owned()));
        }
        push_opt(&mut pairs, "settlementDate", &self.settlement_date);
        push_opt(&mut pairs, "paymentLinkId", &self.payment_link_id);
        self.page.push_pairs(&mut pairs);
        pairs
    }
}

/// Query of `GET /bank-transfer-refunds`: the terminal, and optional filters; `type`
/// and `status` take several values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferRefundListQuery {
    /// Terminal id (required).
    pub processing_terminal_id: String,
    /// The merchant's order id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Account holder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_on_account: Option<String>,
    /// Last four digits of the account number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last4: Option<String>,
    /// Transaction types (`refund`, `unreferencedRefund`).
    #[serde(rename = "type", default, skip_serializing_if = "Vec::is_empty")]
    pub kind: Vec<BankTransferType>,
    /// Statuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<BankTransferStatus>,
    /// Processed after this RFC 3339 date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_from: Option<String>,
    /// Processed before this RFC 3339 date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_to: Option<String>,
    /// Settled or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement_state: Option<SettlementState>,
    /// Settlement date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement_date: Option<String>,
    /// Cursor and page size.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl BankTransferRefundListQuery {
    /// Every refund of a terminal, in pages of the default size.
    pub fn terminal(processing_terminal_id: impl Into<String>) -> Self {
        Self {
            processing_terminal_id: processing_terminal_id.into(),
            ..Self::default()
        }
    }
}

impl Validate for BankTransferRefundListQuery {
    fn validate_into(&self, v: &mut Validator) {
        check_transfer_filters(
            v,
            &self.processing_terminal_id,
            &self.last4,
            &self.date_from,
            &self.date_to,
            &self.settlement_date,
            (
                &self.kind,
                &[
                    BankTransferType::Refund,
                    BankTransferType::UnreferencedRefund,
                ],
                &self.status,
            ),
        );
        v.known_opt("settlementState", &self.settlement_state);
        self.page.validate_into(v);
    }
}

impl ListQuery for BankTransferRefundListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("processingTerminalId", self.processing_terminal_id.clone())];
        push_opt(&mut pairs, "orderId", &self.order_id);
        push_opt(&mut pairs, "nameOnAccount", &self.name_on_account);
        push_opt(&mut pairs, "last4", &self.last4);
        push_each(&mut pairs, "type", &self.kind);
        push_each(&mut pairs, "status", &self.status);
        push_opt(&mut pairs, "dateFrom", &self.date_from);
        push_opt(&mut pairs, "dateTo", &self.date_to);
        if let Some(state) = &self.settlement_state {
            pairs.push(("settlementState", state.as_str().to_owned()));
        }
        push_opt(&mut pairs, "settlementDate", &self.settlement_date);
        self.page.push_pairs(&mut pairs);
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ValidationError;

    fn ach(account: &str, routing: &str) -> BankTransferPaymentMethod {
        BankTransferPaymentMethod::Ach(AchSource {
            name_on_account: "Sarah Hopper".into(),
            account_number: SensitiveData::new(account),
            routing_number: routing.into(),
            account_type: None,
            sec_code: Some(SecCode::Web),
        })
    }

    fn violations(err: ValidationError) -> Vec<String> {
        err.violations().iter().map(|v| v.path.clone()).collect()
    }

    #[test]
    fn a_payment_request_is_written_as_the_api_names_it() {
        let request = BankTransferPaymentRequest::new(
            "1234001",
            BankTransferPaymentRequestOrder::new("OrderRef6543", 4999, Currency::Usd),
            ach("1234567890", "123456789"),
        );
        request.validate().unwrap();
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(json["paymentMethod"]["type"], "ach");
        assert_eq!(json["paymentMethod"]["accountNumber"], "1234567890");
        assert_eq!(json["paymentMethod"]["routingNumber"], "123456789");
        assert_eq!(json["order"]["amount"], 4999);
    }

    #[test]
    fn every_violation_is_reported_with_its_path() {
        let mut request = BankTransferPaymentRequest::new(
            "",
            BankTransferPaymentRequestOrder::default(),
            ach("", "12345"),
        );
        request.order.breakdown = Some(BankTransferRequestBreakdown {
            subtotal: -1,
            tip: None,
            taxes: Vec::new(),
        });
        let paths = violations(request.validate().unwrap_err());
        for path in [
            "processingTerminalId",
            "order.orderId",
            "order.amount",
            "order.currency",
            "order.breakdown.subtotal",
            "paymentMethod.accountNumber",
            "paymentMethod.routingNumber",
        ] {
            assert!(paths.iter().any(|p| p == path), "{path} in {paths:?}");
        }
    }

    #[test]
    fn a_customer_contact_is_checked_at_its_index() {
        let mut request = BankTransferPaymentRequest::new(
            "1234001",
            BankTransferPaymentRequestOrder::new("o1", 100, Currency::Usd),
            ach("1234567890", "123456789"),
        );
        request.customer = Some(BankTransferCustomer {
            contact_methods: vec![
                ContactMethod::email("jane@example.com"),
                ContactMethod::email("not an address"),
            ],
            ..BankTransferCustomer::default()
        });
        let paths = violations(request.validate().unwrap_err());
        assert_eq!(paths, ["customer.contactMethods[1].value"]);
    }

    #[test]
    fn pad_numbers_have_their_documented_lengths() {
        let pad = |transit: &str, institution: &str| {
            BankTransferPaymentMethod::Pad(PadSource {
                name_on_account: "Sarah Hopper".into(),
                account_number: SensitiveData::new("1234567"),
                transit_number: transit.into(),
                institution_number: institution.into(),
                account_type: None,
            })
        };
        assert!(pad("76543", "543").validate().is_ok());
        let paths = violations(pad("7654", "54a").validate().unwrap_err());
        assert_eq!(paths, ["transitNumber", "institutionNumber"]);
    }

    #[test]
    fn account_numbers_stay_out_of_debug() {
        let request = BankTransferPaymentRequest::new(
            "1234001",
            BankTransferPaymentRequestOrder::new("o1", 100, Currency::Usd),
            ach("9876543210", "123456789"),
        );
        assert!(!format!("{request:?}").contains("9876543210"));
        let payment: BankTransferBankAccount = serde_json::from_value(serde_json::json!({
            "type": "pad", "nameOnAccount": "S", "accountNumber": "5550001234",
            "transitNumber": "76543", "institutionNumber": "543"
        }))
        .unwrap();
        assert!(!format!("{payment:?}").contains("5550001234"));
    }

    #[test]
    fn list_types_are_checked_per_list() {
        let mut query = BankTransferPaymentListQuery::terminal("1234001");
        query.kind = vec![BankTransferType::Refund];
        assert_eq!(violations(query.validate().unwrap_err()), ["type"]);
        let mut query = BankTransferRefundListQuery::terminal("1234001");
        query.kind = vec![BankTransferType::UnreferencedRefund];
        query.status = vec![BankTransferStatus::Returned];
        query.validate().unwrap();
        assert_eq!(
            query.query_pairs(),
            [
                ("processingTerminalId", "1234001".to_owned()),
                ("type", "unreferencedRefund".to_owned()),
                ("status", "returned".to_owned()),
            ]
        );
        let query = BankTransferRefundListQuery::default();
        assert_eq!(
            violations(query.validate().unwrap_err()),
            ["processingTerminalId"]
        );
    }
}
