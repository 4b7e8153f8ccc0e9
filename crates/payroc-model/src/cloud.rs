//! Payroc Cloud: the POS hands the gateway an instruction for a payment device (by
//! serial number), the device deals with the cardholder, and the POS polls the
//! instruction until it ends, then follows its `link` to the payment, refund or
//! signature it produced.
//!
//! An instruction id is not a payment id: never build `/payments/{instructionId}`;
//! use [`Instruction::resource_href`] on the finished instruction.

use crate::card::EbtDetails;
use crate::common::{CredentialOnFile, Customer, IpAddress, Link, UnknownFields};
use crate::money::Currency;
use crate::payment::{DualPricing, Surcharge, Tip};
use crate::validate::{Validate, Validator};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Longest `orderId` the gateway accepts (DOCS state 1–24 for payments; assumed for
/// Cloud, where the limit is unverified).
const ORDER_ID_MAX: usize = 24;

/// Checks `orderId`: not blank, and at most [`ORDER_ID_MAX`] characters.
fn order_id(v: &mut Validator, order_id: &str) {
    if order_id.trim().is_empty() {
        v.required_str("orderId", order_id);
    } else {
        v.length("orderId", order_id, 1, ORDER_ID_MAX);
    }
}

/// The checks an instruction order shares with every other: id, amount, currency, time.
fn order_basics(
    v: &mut Validator,
    id: &str,
    amount: i64,
    currency: &Currency,
    date_time: &Option<String>,
) {
    order_id(v, id);
    v.positive_amount("amount", amount);
    v.known("currency", currency);
    if let Some(date_time) = date_time {
        v.date_time("dateTime", date_time);
    }
}

open_enum! {
    /// How the device may take the card (`customizationOptions.entryMethod`).
    pub enum EntryMethod {
        /// Tap, swipe or insert (the gateway's default).
        DeviceRead = "deviceRead",
        /// Keyed in on the device.
        ManualEntry = "manualEntry",
        /// Either of the two.
        DeviceReadOrManualEntry = "deviceReadOrManualEntry",
    }
}

/// Overrides of what the device does for this instruction (`CustomizationOptions`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomizationOptions {
    /// How the device may take the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_method: Option<EntryMethod>,
    /// Run the transaction against an EBT benefit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebt_details: Option<EbtDetails>,
    /// Closed-loop (gift card) options, e.g. `{"type":"mifare"}`. Only the published
    /// docs describe this object, not the SDKs, so it is kept as free-form JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_loop_options: Option<serde_json::Value>,
}

impl Validate for CustomizationOptions {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(method) = &self.entry_method {
            v.known("entryMethod", method);
        }
        v.nested_opt("ebtDetails", &self.ebt_details);
        if let Some(options) = &self.closed_loop_options {
            if !options.is_object() {
                v.violation(
                    "closedLoopOptions",
                    "format",
                    "must be a JSON object, e.g. {\"type\":\"mifare\"}",
                );
            }
        }
    }
}

open_enum! {
    /// The only kind of tax a Cloud breakdown takes: a named rate.
    pub enum TaxRateType {
        /// A percentage rate.
        Rate = "rate",
    }
}

/// A tax in a Cloud breakdown (`TaxRate`): the gateway checks `rate` against the rate
/// stored for `name`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TaxRate {
    /// Always `rate`; sent although the docs' examples leave it out, since the SDK
    /// type requires it.
    #[serde(rename = "type")]
    pub kind: TaxRateType,
    /// Percentage, e.g. `5.0` for 5 %.
    pub rate: f64,
    /// Name of the tax, as configured for the terminal.
    pub name: String,
}

impl TaxRate {
    /// A tax named `name` at `rate` percent.
    pub fn new(name: impl Into<String>, rate: f64) -> Self {
        Self {
            kind: TaxRateType::Rate,
            rate,
            name: name.into(),
        }
    }
}

impl Validate for TaxRate {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
        v.non_negative_number("rate", self.rate);
        v.required_str("name", &self.name);
    }
}

/// Amounts that make up a Cloud payment's total (`BreakdownForPaymentInstructions`).
/// Sending it overrides the surcharge, tip and tax settings configured for the terminal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BreakdownForPaymentInstructions {
    /// Amount before tax and fees, in minor units.
    pub subtotal: i64,
    /// Cash back, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashback_amount: Option<i64>,
    /// Tip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<Tip>,
    /// Surcharge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surcharge: Option<Surcharge>,
    /// Dual pricing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dual_pricing: Option<DualPricing>,
    /// Taxes, by rate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxes: Vec<TaxRate>,
}

impl BreakdownForPaymentInstructions {
    /// A breakdown with only the subtotal.
    pub fn new(subtotal: i64) -> Self {
        Self {
            subtotal,
            cashback_amount: None,
            tip: None,
            surcharge: None,
            dual_pricing: None,
            taxes: Vec::new(),
        }
    }
}

impl Validate for BreakdownForPaymentInstructions {
    fn validate_into(&self, v: &mut Validator) {
        v.non_negative("subtotal", self.subtotal);
        if let Some(cashback) = self.cashback_amount {
            v.non_negative("cashbackAmount", cashback);
        }
        v.nested_opt("tip", &self.tip);
        v.nested_opt("surcharge", &self.surcharge);
        v.nested_opt("dualPricing", &self.dual_pricing);
        v.each("taxes", &self.taxes);
    }
}

/// The order of a Cloud payment (`PaymentInstructionOrder`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentInstructionOrder {
    /// Merchant's unique id for the transaction, 1–24 characters.
    pub order_id: String,
    /// Total in minor units.
    pub amount: i64,
    /// Currency.
    pub currency: Currency,
    /// When the merchant ran it (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_time: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Amounts that make up the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<BreakdownForPaymentInstructions>,
    /// Allow a partial approval instead of a decline (published docs only, not in
    /// the SDKs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept_partial_amount: Option<bool>,
}

impl PaymentInstructionOrder {
    /// An order for `amount` minor units of `currency`.
    pub fn new(order_id: impl Into<String>, amount: i64, currency: Currency) -> Self {
        Self {
            order_id: order_id.into(),
            amount,
            currency,
            date_time: None,
            description: None,
            breakdown: None,
            accept_partial_amount: None,
        }
    }
}

impl Validate for PaymentInstructionOrder {
    fn validate_into(&self, v: &mut Validator) {
        order_basics(
            v,
            &self.order_id,
            self.amount,
            &self.currency,
            &self.date_time,
        );
        v.nested_opt("breakdown", &self.breakdown);
    }
}

/// Body of `POST /devices/{serialNumber}/payment-instructions`: a sale or
/// pre-authorization run on the device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentInstructionRequest {
    /// Terminal id assigned by Payroc.
    pub processing_terminal_id: String,
    /// The order.
    pub order: PaymentInstructionOrder,
    /// Who ran the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// Address of the client machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<IpAddress>,
    /// Save the card as a secure token, or charge it later under an agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_on_file: Option<CredentialOnFile>,
    /// Overrides of what the device does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customization_options: Option<CustomizationOptions>,
    /// `false` makes this a pre-authorization to capture later (gateway default `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_capture: Option<bool>,
    /// Settle at once; the payment can then no longer be adjusted (default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process_as_sale: Option<bool>,
}

impl PaymentInstructionRequest {
    /// A sale of `order` on a device of terminal `processing_terminal_id`.
    pub fn new(processing_terminal_id: impl Into<String>, order: PaymentInstructionOrder) -> Self {
        Self {
            processing_terminal_id: processing_terminal_id.into(),
            order,
            operator: None,
            customer: None,
            ip_address: None,
            credential_on_file: None,
            customization_options: None,
            auto_capture: None,
            process_as_sale: None,
        }
    }
}

impl Validate for PaymentInstructionRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("processingTerminalId", &self.processing_terminal_id);
        v.nested("order", &self.order);
        v.nested_opt("customer", &self.customer);
        v.nested_opt("ipAddress", &self.ip_address);
        v.nested_opt("credentialOnFile", &self.credential_on_file);
        v.nested_opt("customizationOptions", &self.customization_options);
    }
}

/// The order of a Cloud refund (`RefundInstructionOrder`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundInstructionOrder {
    /// Merchant's unique id for the refund, 1–24 characters.
    pub order_id: String,
    /// Amount to refund in minor units.
    pub amount: i64,
    /// Currency.
    pub currency: Currency,
    /// When the merchant ran it (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_time: Option<String>,
    /// Why the money goes back. The published docs require it (the SDKs do not), so
    /// this SDK requires it too.
    pub description: String,
}

impl RefundInstructionOrder {
    /// A refund of `amount` minor units of `currency`, with its reason.
    pub fn new(
        order_id: impl Into<String>,
        amount: i64,
        currency: Currency,
        description: impl Into<String>,
    ) -> Self {
        Self {
            order_id: order_id.into(),
            amount,
            currency,
            date_time: None,
            description: description.into(),
        }
    }
}

impl Validate for RefundInstructionOrder {
    fn validate_into(&self, v: &mut Validator) {
        order_basics(
            v,
            &self.order_id,
            self.amount,
            &self.currency,
            &self.date_time,
        );
        v.required_str("description", &self.description);
    }
}

/// Body of `POST /devices/{serialNumber}/refund-instructions`: an unreferenced refund
/// to the card presented on the device. (A refund of an earlier payment is not a
/// device instruction; refund the payment itself.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundInstructionRequest {
    /// Terminal id assigned by Payroc.
    pub processing_terminal_id: String,
    /// The order.
    pub order: RefundInstructionOrder,
    /// Who ran the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// Address of the client machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<IpAddress>,
    /// Overrides of what the device does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customization_options: Option<CustomizationOptions>,
}

impl RefundInstructionRequest {
    /// A refund of `order` on a device of terminal `processing_terminal_id`.
    pub fn new(processing_terminal_id: impl Into<String>, order: RefundInstructionOrder) -> Self {
        Self {
            processing_terminal_id: processing_terminal_id.into(),
            order,
            operator: None,
            customer: None,
            ip_address: None,
            customization_options: None,
        }
    }
}

impl Validate for RefundInstructionRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("processingTerminalId", &self.processing_terminal_id);
        v.nested("order", &self.order);
        v.nested_opt("customer", &self.customer);
        v.nested_opt("ipAddress", &self.ip_address);
        v.nested_opt("customizationOptions", &self.customization_options);
    }
}

/// Body of `POST /devices/{serialNumber}/signature-instructions`: capture a signature,
/// independent of any payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignatureInstructionRequest {
    /// Terminal id assigned by Payroc.
    pub processing_terminal_id: String,
}

impl SignatureInstructionRequest {
    /// A signature capture on a device of terminal `processing_terminal_id`.
    pub fn new(processing_terminal_id: impl Into<String>) -> Self {
        Self {
            processing_terminal_id: processing_terminal_id.into(),
        }
    }
}

impl Validate for SignatureInstructionRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("processingTerminalId", &self.processing_terminal_id);
    }
}

open_enum! {
    /// Where an instruction stands.
    pub enum InstructionStatus {
        /// The device is still working; poll again.
        InProgress = "inProgress",
        /// Finished: follow the instruction's `link`. A completed payment can still be
        /// a decline; read the payment's `transactionResult`.
        Completed = "completed",
        /// Failed: read `errorMessage`.
        Failure = "failure",
        /// Cancelled before it completed (the API spells it with one "l").
        Canceled = "canceled",
    }
}

impl InstructionStatus {
    /// Whether polling should stop: anything but `inProgress`.
    ///
    /// A status this SDK does not know counts as terminal: the only status the API
    /// documents as "keep waiting" is `inProgress`, and treating a new value as
    /// non-terminal would make a poller loop forever. The caller then sees no
    /// resource link and can report the unknown status.
    pub fn is_terminal(&self) -> bool {
        !matches!(self, Self::InProgress)
    }
}

/// What the three Cloud instruction objects share, so one poller can wait on any of
/// them: `GET {COLLECTION}/{id}` until [`is_terminal`](Self::is_terminal), then follow
/// [`resource_href`](Self::resource_href).
pub trait Instruction: DeserializeOwned {
    /// The path segment of this kind of instruction under the API base URL, e.g.
    /// `payment-instructions` (poll and cancel at `/{COLLECTION}/{id}`).
    const COLLECTION: &'static str;

    /// The instruction's id (not the id of the payment, refund or signature it makes).
    fn id(&self) -> Option<&str>;

    /// Where the instruction stands; `None` when the response left it out.
    fn status(&self) -> Option<&InstructionStatus>;

    /// Why it failed (meaningful when the status is `failure`).
    fn error_message(&self) -> Option<&str>;

    /// The instruction itself while in progress; the resource it made once completed.
    fn link(&self) -> Option<&Link>;

    /// Whether polling should stop. A missing or unknown status counts as terminal,
    /// since waiting on it could never end (see [`InstructionStatus::is_terminal`]).
    fn is_terminal(&self) -> bool {
        self.status().is_none_or(InstructionStatus::is_terminal)
    }

    /// The URL of the payment, refund or signature, once the instruction is
    /// `completed`. Decided by the status, not by `link.rel`: the docs show
    /// `rel: "self"` on a completed instruction too.
    fn resource_href(&self) -> Option<&str> {
        match self.status() {
            Some(InstructionStatus::Completed) => self.link().map(|link| link.href.as_str()),
            _ => None,
        }
    }
}

/// Implements [`Instruction`] for an instruction object and gives it the same helpers
/// as inherent methods, so callers need not import the trait.
macro_rules! instruction {
    ($name:ident, $id:ident, $collection:literal) => {
        impl Instruction for $name {
            const COLLECTION: &'static str = $collection;

            fn id(&self) -> Option<&str> {
                self.$id.as_deref()
            }

            fn status(&self) -> Option<&InstructionStatus> {
                self.status.as_ref()
            }

            fn error_message(&self) -> Option<&str> {
                self.error_message.as_deref()
            }

            fn link(&self) -> Option<&Link> {
                self.link.as_ref()
            }
        }

        impl $name {
            /// The instruction's id (not the id of the resource it makes).
            pub fn id(&self) -> Option<&str> {
                Instruction::id(self)
            }

            /// Whether polling should stop (a missing or unknown status counts as
            /// terminal; see [`InstructionStatus::is_terminal`]).
            pub fn is_terminal(&self) -> bool {
                Instruction::is_terminal(self)
            }

            /// The URL of the resource made, once `completed` (see
            /// [`Instruction::resource_href`]).
            pub fn resource_href(&self) -> Option<&str> {
                Instruction::resource_href(self)
            }
        }
    };
}

/// A payment instruction, as the gateway returns it on create and on every poll.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentInstruction {
    /// The instruction's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_instruction_id: Option<String>,
    /// Where it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<InstructionStatus>,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// The instruction (in progress) or the payment (completed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

instruction!(
    PaymentInstruction,
    payment_instruction_id,
    "payment-instructions"
);

/// A refund instruction, as the gateway returns it on create and on every poll.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundInstruction {
    /// The instruction's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_instruction_id: Option<String>,
    /// Where it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<InstructionStatus>,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// The instruction (in progress) or the refund (completed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

instruction!(
    RefundInstruction,
    refund_instruction_id,
    "refund-instructions"
);

/// A signature instruction, as the gateway returns it on create and on every poll.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignatureInstruction {
    /// The instruction's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_instruction_id: Option<String>,
    /// Where it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<InstructionStatus>,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// The instruction (in progress) or the signature (completed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

instruction!(
    SignatureInstruction,
    signature_instruction_id,
    "signature-instructions"
);

/// A captured signature (`GET /signatures/{signatureId}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Signature {
    /// The signature's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_id: Option<String>,
    /// Terminal that captured it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_terminal_id: Option<String>,
    /// Capture date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_on: Option<String>,
    /// MIME type of the image, e.g. `image/png`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The image, Base64-encoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::BenefitCategory;
    use crate::common::MitAgreement;
    use serde_json::json;

    fn paths(err: &crate::ValidationError) -> Vec<&str> {
        err.violations().iter().map(|v| v.path.as_str()).collect()
    }

    fn payment_fixture() -> serde_json::Value {
        json!({
            "processingTerminalId": "1234001",
            "order": {
                "orderId": "POS-20240702-17",
                "amount": 11520,
                "currency": "USD",
                "dateTime": "2024-07-02T15:30:00-05:00",
                "description": "Two lattes and a scone",
                "breakdown": {
                    "subtotal": 10000,
                    "cashbackAmount": 0,
                    "tip": {"type": "percentage", "mode": "prompted", "percentage": 10.5},
                    "surcharge": {"bypass": true},
                    "taxes": [{"type": "rate", "rate": 5.0, "name": "State sales tax"}]
                }
            },
            "operator": "Till 3",
            "customer": {"firstName": "Sam", "dateOfBirth": "1990-04-30"},
            "ipAddress": {"type": "ipv4", "value": "192.0.2.10"},
            "credentialOnFile": {"tokenize": true},
            "customizationOptions": {
                "entryMethod": "deviceReadOrManualEntry",
                "ebtDetails": {"benefitCategory": "cash", "withdrawal": true},
                "closedLoopOptions": {"type": "mifare"}
            },
            "autoCapture": false,
            "processAsSale": false
        })
    }

    #[test]
    fn payment_instruction_request_parses_and_writes_wire_names() {
        let fixture = payment_fixture();
        let req: PaymentInstructionRequest = serde_json::from_value(fixture.clone()).unwrap();
        assert_eq!(req.processing_terminal_id, "1234001");
        assert_eq!(req.order.amount, 11520);
        assert_eq!(req.order.currency, Currency::Usd);
        let breakdown = req.order.breakdown.as_ref().unwrap();
        assert_eq!(breakdown.subtotal, 10000);
        assert!(breakdown.tip.is_some() && breakdown.surcharge.is_some());
        assert_eq!(breakdown.taxes, [TaxRate::new("State sales tax", 5.0)]);
        let options = req.customization_options.as_ref().unwrap();
        assert_eq!(
            options.entry_method,
            Some(EntryMethod::DeviceReadOrManualEntry)
        );
        assert_eq!(
            options.ebt_details.as_ref().unwrap().benefit_category,
            BenefitCategory::Cash
        );
        assert_eq!(req.auto_capture, Some(false));
        assert_eq!(req.validate(), Ok(()));
        assert_eq!(serde_json::to_value(&req).unwrap(), fixture);
    }

    #[test]
    fn payment_instruction_request_builder_round_trips() {
        let mut order = PaymentInstructionOrder::new("ORD-1", 4999, Currency::Usd);
        order.breakdown = Some(BreakdownForPaymentInstructions::new(4999));
        let req = PaymentInstructionRequest::new("1234001", order);
        let wire = serde_json::to_value(&req).unwrap();
        assert_eq!(
            wire,
            json!({
                "processingTerminalId": "1234001",
                "order": {
                    "orderId": "ORD-1",
                    "amount": 4999,
                    "currency": "USD",
                    "breakdown": {"subtotal": 4999}
                }
            })
        );
        let back: PaymentInstructionRequest = serde_json::from_value(wire).unwrap();
        assert_eq!(back, req);
        assert_eq!(req.validate(), Ok(()));
    }

    #[test]
    fn payment_instruction_request_reports_every_violation_with_its_path() {
        let mut req: PaymentInstructionRequest = serde_json::from_value(payment_fixture()).unwrap();
        req.processing_terminal_id = " ".into();
        req.order.order_id = "1234567890123456789012345".into();
        req.order.amount = 0;
        req.order.currency = Currency::from_api("XXX");
        req.order.date_time = Some("2024-07-02 15:30".into());
        let breakdown = req.order.breakdown.as_mut().unwrap();
        breakdown.subtotal = -1;
        breakdown.cashback_amount = Some(-5);
        breakdown.taxes = vec![
            TaxRate {
                kind: TaxRateType::from_api("amount"),
                rate: -1.0,
                name: String::new(),
            },
            TaxRate::new("City tax", f64::NAN),
        ];
        req.customer.as_mut().unwrap().date_of_birth = Some("30/04/1990".into());
        req.ip_address.as_mut().unwrap().value = "999.0.0.1".into();
        req.credential_on_file = Some(CredentialOnFile {
            mit_agreement: Some(MitAgreement::from_api("weekly")),
            ..CredentialOnFile::default()
        });
        req.customization_options = Some(CustomizationOptions {
            entry_method: Some(EntryMethod::from_api("tapOnly")),
            ebt_details: Some(serde_json::from_value(json!({"benefitCategory": "gold"})).unwrap()),
            closed_loop_options: Some(json!("mifare")),
        });
        let err = req.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "processingTerminalId",
                "order.orderId",
                "order.amount",
                "order.currency",
                "order.dateTime",
                "order.breakdown.subtotal",
                "order.breakdown.cashbackAmount",
                "order.breakdown.taxes[0].type",
                "order.breakdown.taxes[0].rate",
                "order.breakdown.taxes[0].name",
                "order.breakdown.taxes[1].rate",
                "customer.dateOfBirth",
                "ipAddress.value",
                "credentialOnFile.mitAgreement",
                "customizationOptions.entryMethod",
                "customizationOptions.ebtDetails.benefitCategory",
                "customizationOptions.closedLoopOptions",
            ]
        );
        let codes: Vec<_> = err.violations().iter().map(|v| v.code).collect();
        assert_eq!(codes[1], "length");
        assert_eq!(codes[3], "enum");
    }

    #[test]
    fn blank_order_id_is_required_not_a_length_problem() {
        let mut req = PaymentInstructionRequest::new(
            "1234001",
            PaymentInstructionOrder::new("", 100, Currency::Usd),
        );
        let err = req.validate().unwrap_err();
        assert_eq!(paths(&err), ["order.orderId"]);
        assert_eq!(err.violations()[0].code, "required");
        req.order.order_id = "x".repeat(24);
        assert_eq!(req.validate(), Ok(()));
    }

    fn refund_fixture() -> serde_json::Value {
        json!({
            "processingTerminalId": "1234001",
            "order": {
                "orderId": "RF-0042",
                "amount": 2500,
                "currency": "CAD",
                "dateTime": "2024-07-02T15:30:00Z",
                "description": "Returned umbrella"
            },
            "operator": "Till 1",
            "customizationOptions": {"entryMethod": "deviceRead"}
        })
    }

    #[test]
    fn refund_instruction_request_round_trips() {
        let fixture = refund_fixture();
        let req: RefundInstructionRequest = serde_json::from_value(fixture.clone()).unwrap();
        assert_eq!(req.order.description, "Returned umbrella");
        assert_eq!(req.order.currency, Currency::Cad);
        assert_eq!(req.validate(), Ok(()));
        assert_eq!(serde_json::to_value(&req).unwrap(), fixture);

        let built = RefundInstructionRequest::new(
            "1234001",
            RefundInstructionOrder::new("RF-1", 100, Currency::Usd, "Wrong size"),
        );
        let wire = serde_json::to_value(&built).unwrap();
        assert_eq!(
            wire,
            json!({
                "processingTerminalId": "1234001",
                "order": {"orderId": "RF-1", "amount": 100, "currency": "USD", "description": "Wrong size"}
            })
        );
        assert_eq!(
            serde_json::from_value::<RefundInstructionRequest>(wire).unwrap(),
            built
        );
    }

    #[test]
    fn refund_instruction_request_violations() {
        let mut req: RefundInstructionRequest = serde_json::from_value(refund_fixture()).unwrap();
        req.processing_terminal_id = String::new();
        req.order.order_id = "  ".into();
        req.order.amount = -100;
        req.order.currency = Currency::from_api("usd");
        req.order.date_time = Some("yesterday".into());
        req.order.description = " ".into();
        req.customer = Some(Customer {
            date_of_birth: Some("1990-02-30".into()),
            ..Customer::default()
        });
        req.ip_address = Some(IpAddress {
            kind: crate::common::IpAddressType::Ipv6,
            value: "192.0.2.1".into(),
        });
        req.customization_options = Some(CustomizationOptions {
            entry_method: Some(EntryMethod::from_api("swipe")),
            ..CustomizationOptions::default()
        });
        let err = req.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "processingTerminalId",
                "order.orderId",
                "order.amount",
                "order.currency",
                "order.dateTime",
                "order.description",
                "customer.dateOfBirth",
                "ipAddress.value",
                "customizationOptions.entryMethod",
            ]
        );
    }

    #[test]
    fn signature_instruction_request_is_just_the_terminal() {
        let req = SignatureInstructionRequest::new("1234001");
        let wire = serde_json::to_value(&req).unwrap();
        assert_eq!(wire, json!({"processingTerminalId": "1234001"}));
        assert_eq!(
            serde_json::from_value::<SignatureInstructionRequest>(wire).unwrap(),
            req
        );
        assert_eq!(req.validate(), Ok(()));
        let err = SignatureInstructionRequest::new("").validate().unwrap_err();
        assert_eq!(paths(&err), ["processingTerminalId"]);
    }

    #[test]
    fn in_progress_instruction_is_not_terminal_and_has_no_resource() {
        let json = json!({
            "paymentInstructionId": "0f5e5b8a9c2d4e6f8a1b3c5d7e9f1a2b",
            "status": "inProgress",
            "link": {
                "rel": "self",
                "method": "GET",
                "href": "https://api.example.test/v1/payment-instructions/0f5e5b8a9c2d4e6f8a1b3c5d7e9f1a2b"
            }
        });
        let ins: PaymentInstruction = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(ins.id(), Some("0f5e5b8a9c2d4e6f8a1b3c5d7e9f1a2b"));
        assert_eq!(ins.status, Some(InstructionStatus::InProgress));
        assert!(!ins.is_terminal());
        assert_eq!(
            ins.resource_href(),
            None,
            "the self link is not the payment"
        );
        assert_eq!(serde_json::to_value(&ins).unwrap(), json);
    }

    #[test]
    fn completed_instruction_points_at_the_resource() {
        let json = json!({
            "refundInstructionId": "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d",
            "status": "completed",
            "link": {"rel": "refund", "method": "GET", "href": "https://api.example.test/v1/refunds/RFD4K2J9QX"}
        });
        let ins: RefundInstruction = serde_json::from_value(json.clone()).unwrap();
        assert!(ins.is_terminal());
        assert_eq!(
            ins.resource_href(),
            Some("https://api.example.test/v1/refunds/RFD4K2J9QX")
        );
        assert_eq!(serde_json::to_value(&ins).unwrap(), json);

        // Docs show rel "self" on a completed instruction: the status decides.
        let docs_shape: PaymentInstruction = serde_json::from_value(json!({
            "paymentInstructionId": "abc",
            "status": "completed",
            "link": {"rel": "self", "method": "get", "href": "https://api.example.test/v1/payments/PAY7Q2W3E4"}
        }))
        .unwrap();
        assert_eq!(
            docs_shape.resource_href(),
            Some("https://api.example.test/v1/payments/PAY7Q2W3E4")
        );
    }

    #[test]
    fn failed_instruction_carries_its_error_message() {
        let ins: SignatureInstruction = serde_json::from_value(json!({
            "signatureInstructionId": "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
            "status": "failure",
            "errorMessage": "Device is offline"
        }))
        .unwrap();
        assert_eq!(ins.status, Some(InstructionStatus::Failure));
        assert!(ins.is_terminal());
        assert_eq!(ins.resource_href(), None);
        assert_eq!(Instruction::error_message(&ins), Some("Device is offline"));

        let canceled: PaymentInstruction =
            serde_json::from_value(json!({"status": "canceled"})).unwrap();
        assert!(canceled.is_terminal());
        assert_eq!(canceled.id(), None);
    }

    #[test]
    fn unknown_status_parses_counts_as_terminal_and_round_trips() {
        let ins: PaymentInstruction = serde_json::from_value(json!({
            "paymentInstructionId": "abc",
            "status": "awaitingCardholder",
            "deviceMessage": "Insert card",
            "link": {"rel": "self", "method": "GET", "href": "https://api.example.test/v1/payment-instructions/abc"}
        }))
        .unwrap();
        assert_eq!(
            ins.status,
            Some(InstructionStatus::Unknown("awaitingCardholder".into()))
        );
        assert!(ins.is_terminal(), "an unknown status must not poll forever");
        assert_eq!(ins.resource_href(), None);
        let wire = serde_json::to_value(&ins).unwrap();
        assert_eq!(wire["status"], "awaitingCardholder");
        assert_eq!(
            serde_json::from_value::<PaymentInstruction>(wire).unwrap(),
            ins
        );

        let no_status = PaymentInstruction::default();
        assert!(no_status.is_terminal());
    }

    fn poll_target<I: Instruction>(
        json: serde_json::Value,
    ) -> (bool, Option<String>, &'static str) {
        let ins: I = serde_json::from_value(json).unwrap();
        (
            ins.is_terminal(),
            ins.resource_href().map(str::to_owned),
            I::COLLECTION,
        )
    }

    #[test]
    fn one_generic_poller_serves_all_three() {
        let done = |id: &str| {
            json!({
                id: "x",
                "status": "completed",
                "link": {"rel": "r", "method": "GET", "href": "https://h/v1/thing/1"}
            })
        };
        let href = Some("https://h/v1/thing/1".to_owned());
        assert_eq!(
            poll_target::<PaymentInstruction>(done("paymentInstructionId")),
            (true, href.clone(), "payment-instructions")
        );
        assert_eq!(
            poll_target::<RefundInstruction>(done("refundInstructionId")),
            (true, href.clone(), "refund-instructions")
        );
        assert_eq!(
            poll_target::<SignatureInstruction>(done("signatureInstructionId")),
            (true, href, "signature-instructions")
        );
    }

    #[test]
    fn signature_parses() {
        let json = json!({
            "signatureId": "SIG8H3K2LQ",
            "processingTerminalId": "1234001",
            "createdOn": "2024-07-02",
            "contentType": "image/png",
            "signature": "iVBORw0KGgo=",
            "width": 300
        });
        let sig: Signature = serde_json::from_value(json).unwrap();
        assert_eq!(sig.signature_id.as_deref(), Some("SIG8H3K2LQ"));
        assert_eq!(sig.content_type.as_deref(), Some("image/png"));
        assert_eq!(sig.signature.as_deref(), Some("iVBORw0KGgo="));
        let back: Signature = serde_json::from_value(serde_json::to_value(&sig).unwrap()).unwrap();
        assert_eq!(back, sig);
    }

    #[test]
    fn customization_options_unknown_entry_method_parses_in_a_response() {
        let options: CustomizationOptions =
            serde_json::from_value(json!({"entryMethod": "voice", "future": 1})).unwrap();
        assert_eq!(
            options.entry_method,
            Some(EntryMethod::Unknown("voice".into()))
        );
        assert_eq!(
            serde_json::to_value(&options).unwrap(),
            json!({"entryMethod": "voice"})
        );
    }
}
