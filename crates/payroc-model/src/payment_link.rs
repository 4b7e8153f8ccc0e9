//! Payment links: hosted payment pages the merchant shares with customers, and the
//! emails that share them.
//!
//! One type, [`PaymentLink`], is both the create body and what the gateway returns
//! (create, retrieve, list, update, deactivate), as in the API. The fields only the
//! gateway sets (`paymentLinkId`, `assets`, `status`, `createdOn`) are `None` in a
//! new link and then left out of the body; validation does not reject them, so a
//! link read from the API can be checked as it is.

use crate::common::{looks_like_email, MitAgreement, UnknownFields};
use crate::money::Currency;
use crate::page::{ListQuery, PageQuery};
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};

open_enum! {
    /// Whether a payment through the link is captured at once.
    pub enum AuthType {
        /// A sale, captured automatically.
        Sale = "sale",
        /// A pre-authorization, to capture later; the customer must pay by card.
        PreAuthorization = "preAuthorization",
    }
}

open_enum! {
    /// A way the customer may pay through the link.
    pub enum PaymentLinkPaymentMethod {
        /// Card.
        Card = "card",
        /// Bank transfer (not with `preAuthorization`).
        BankTransfer = "bankTransfer",
    }
}

impl Validate for PaymentLinkPaymentMethod {
    fn validate_into(&self, v: &mut Validator) {
        v.known_here(self);
    }
}

open_enum! {
    /// Where a link stands.
    pub enum PaymentLinkStatus {
        /// Takes payments.
        Active = "active",
        /// The customer has paid (single-use links).
        Completed = "completed",
        /// The merchant deactivated it; permanent.
        Deactivated = "deactivated",
        /// Past its `expiresOn` date.
        Expired = "expired",
    }
}

open_enum! {
    /// The page element a custom label replaces the text of.
    pub enum CustomLabelElement {
        /// The pay button.
        PaymentButton = "paymentButton",
    }
}

/// Custom text for an element of the payment page (`CustomLabel`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomLabel {
    /// Which element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub element: Option<CustomLabelElement>,
    /// The text to show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl CustomLabel {
    /// Text for the pay button.
    pub fn payment_button(label: impl Into<String>) -> Self {
        Self {
            element: Some(CustomLabelElement::PaymentButton),
            label: Some(label.into()),
            unknown: Default::default(),
        }
    }
}

impl Validate for CustomLabel {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(element) = &self.element {
            v.known("element", element);
        }
    }
}

/// Credential-on-file settings of a link: save the customer's card for later charges.
/// Unlike payments, only these two fields exist here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentLinkCredentialOnFile {
    /// Save the card as a secure token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokenize: Option<bool>,
    /// The agreement for later charges (gateway default `unscheduled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mit_agreement: Option<MitAgreement>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for PaymentLinkCredentialOnFile {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(agreement) = &self.mit_agreement {
            v.known("mitAgreement", agreement);
        }
    }
}

/// What the gateway makes for sharing a link (`assets`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentLinkAssets {
    /// The URL to send the customer.
    pub payment_url: String,
    /// Ready-made HTML for a pay button.
    pub payment_button: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A fixed amount (`charge.type: preset`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PresetCharge {
    /// Amount in minor units.
    pub amount: i64,
    /// Currency.
    pub currency: Currency,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// An amount the customer types in (`charge.type: prompt`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PromptCharge {
    /// Currency.
    pub currency: Currency,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// How much the link charges (`order.charge`): one flat object tagged by `type`.
    pub enum PaymentLinkCharge tag "type" {
        /// The merchant fixes the amount.
        Preset(PresetCharge) = "preset",
        /// The customer types the amount.
        Prompt(PromptCharge) = "prompt",
    }
}

impl PaymentLinkCharge {
    /// A fixed `amount` in minor units of `currency`.
    pub fn preset(amount: i64, currency: Currency) -> Self {
        Self::Preset(PresetCharge {
            amount,
            currency,
            unknown: Default::default(),
        })
    }

    /// The customer chooses the amount, in `currency`.
    pub fn prompt(currency: Currency) -> Self {
        Self::Prompt(PromptCharge {
            currency,
            unknown: Default::default(),
        })
    }
}

impl Validate for PaymentLinkCharge {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Preset(preset) => {
                v.positive_amount("amount", preset.amount);
                v.known("currency", &preset.currency);
            }
            Self::Prompt(prompt) => v.known("currency", &prompt.currency),
            Self::Unknown(_) => {
                v.unknown_variant("type", Self::KNOWN_TAGS);
            }
        }
    }
}

/// The order of a multi-use link (`MultiUsePaymentLinkOrder`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MultiUsePaymentLinkOrder {
    /// Description shown to the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How much each payment is.
    pub charge: PaymentLinkCharge,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for MultiUsePaymentLinkOrder {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("charge", &self.charge);
    }
}

/// The order of a single-use link (`SingleUsePaymentLinkOrder`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SingleUsePaymentLinkOrder {
    /// Merchant's order id.
    pub order_id: String,
    /// Description shown to the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How much the payment is.
    pub charge: PaymentLinkCharge,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for SingleUsePaymentLinkOrder {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("orderId", &self.order_id);
        v.nested("charge", &self.charge);
    }
}

/// A link that takes any number of payments (`type: multiUse`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MultiUsePaymentLink {
    /// Gateway id of the link (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_link_id: Option<String>,
    /// Merchant's id for the link; a list filter.
    pub merchant_reference: String,
    /// What is charged.
    pub order: MultiUsePaymentLinkOrder,
    /// Sale or pre-authorization.
    pub auth_type: AuthType,
    /// How the customer may pay.
    pub payment_methods: Vec<PaymentLinkPaymentMethod>,
    /// Custom texts on the payment page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_labels: Vec<CustomLabel>,
    /// Shareable URL and button (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets: Option<PaymentLinkAssets>,
    /// Where the link stands (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PaymentLinkStatus>,
    /// Creation date, `YYYY-MM-DD` (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_on: Option<String>,
    /// Last day the link can be used, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<String>,
    /// Save the customer's card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_on_file: Option<PaymentLinkCredentialOnFile>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl MultiUsePaymentLink {
    /// A card sale link charging `charge` each time.
    pub fn new(merchant_reference: impl Into<String>, charge: PaymentLinkCharge) -> Self {
        Self {
            payment_link_id: None,
            merchant_reference: merchant_reference.into(),
            order: MultiUsePaymentLinkOrder {
                description: None,
                charge,
                unknown: Default::default(),
            },
            auth_type: AuthType::Sale,
            payment_methods: vec![PaymentLinkPaymentMethod::Card],
            custom_labels: Vec::new(),
            assets: None,
            status: None,
            created_on: None,
            expires_on: None,
            credential_on_file: None,
            unknown: Default::default(),
        }
    }
}

/// A link that takes one successful payment, then becomes `completed` (`type: singleUse`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SingleUsePaymentLink {
    /// Gateway id of the link (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_link_id: Option<String>,
    /// Merchant's id for the link; a list filter.
    pub merchant_reference: String,
    /// What is charged.
    pub order: SingleUsePaymentLinkOrder,
    /// Sale or pre-authorization.
    pub auth_type: AuthType,
    /// How the customer may pay.
    pub payment_methods: Vec<PaymentLinkPaymentMethod>,
    /// Custom texts on the payment page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_labels: Vec<CustomLabel>,
    /// Shareable URL and button (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets: Option<PaymentLinkAssets>,
    /// Where the link stands (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PaymentLinkStatus>,
    /// Creation date, `YYYY-MM-DD` (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_on: Option<String>,
    /// Last day the link can be used, `YYYY-MM-DD`; required for single-use links.
    pub expires_on: String,
    /// Save the customer's card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_on_file: Option<PaymentLinkCredentialOnFile>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl SingleUsePaymentLink {
    /// A card sale link for order `order_id`, usable until `expires_on` (`YYYY-MM-DD`).
    pub fn new(
        merchant_reference: impl Into<String>,
        order_id: impl Into<String>,
        charge: PaymentLinkCharge,
        expires_on: impl Into<String>,
    ) -> Self {
        Self {
            payment_link_id: None,
            merchant_reference: merchant_reference.into(),
            order: SingleUsePaymentLinkOrder {
                order_id: order_id.into(),
                description: None,
                charge,
                unknown: Default::default(),
            },
            auth_type: AuthType::Sale,
            payment_methods: vec![PaymentLinkPaymentMethod::Card],
            custom_labels: Vec::new(),
            assets: None,
            status: None,
            created_on: None,
            expires_on: expires_on.into(),
            credential_on_file: None,
            unknown: Default::default(),
        }
    }
}

/// The fields both kinds of link share, borrowed for validation.
struct LinkCommon<'a> {
    merchant_reference: &'a str,
    auth_type: &'a AuthType,
    payment_methods: &'a [PaymentLinkPaymentMethod],
    custom_labels: &'a [CustomLabel],
    credential_on_file: &'a Option<PaymentLinkCredentialOnFile>,
}

impl Validate for LinkCommon<'_> {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("merchantReference", self.merchant_reference);
        v.known("authType", self.auth_type);
        if self.payment_methods.is_empty() {
            v.violation(
                "paymentMethods",
                "required",
                "must list at least one payment method (card, bankTransfer)",
            );
        }
        v.each("paymentMethods", self.payment_methods);
        if *self.auth_type == AuthType::PreAuthorization
            && self
                .payment_methods
                .contains(&PaymentLinkPaymentMethod::BankTransfer)
        {
            v.violation(
                "paymentMethods",
                "conflict",
                "a preAuthorization link takes cards only; remove bankTransfer or use authType sale",
            );
        }
        v.each("customLabels", self.custom_labels);
        v.nested_opt("credentialOnFile", self.credential_on_file);
    }
}

impl Validate for MultiUsePaymentLink {
    fn validate_into(&self, v: &mut Validator) {
        LinkCommon {
            merchant_reference: &self.merchant_reference,
            auth_type: &self.auth_type,
            payment_methods: &self.payment_methods,
            custom_labels: &self.custom_labels,
            credential_on_file: &self.credential_on_file,
        }
        .validate_into(v);
        v.nested("order", &self.order);
        if let Some(expires_on) = &self.expires_on {
            v.date_iso("expiresOn", expires_on);
        }
    }
}

impl Validate for SingleUsePaymentLink {
    fn validate_into(&self, v: &mut Validator) {
        LinkCommon {
            merchant_reference: &self.merchant_reference,
            auth_type: &self.auth_type,
            payment_methods: &self.payment_methods,
            custom_labels: &self.custom_labels,
            credential_on_file: &self.credential_on_file,
        }
        .validate_into(v);
        v.nested("order", &self.order);
        if self.expires_on.trim().is_empty() {
            v.violation(
                "expiresOn",
                "required",
                "is required for a single-use link: the last day it can be used, as YYYY-MM-DD",
            );
        } else {
            v.date_iso("expiresOn", &self.expires_on);
        }
    }
}

tagged_union! {
    /// A payment link: the create body and every response about a link.
    pub enum PaymentLink tag "type" {
        /// Takes any number of payments.
        MultiUse(MultiUsePaymentLink) = "multiUse",
        /// Takes one successful payment.
        SingleUse(SingleUsePaymentLink) = "singleUse",
    }
}

impl PaymentLink {
    /// The gateway's id of the link (works for unknown link types too).
    pub fn payment_link_id(&self) -> Option<&str> {
        match self {
            Self::MultiUse(link) => link.payment_link_id.as_deref(),
            Self::SingleUse(link) => link.payment_link_id.as_deref(),
            Self::Unknown(u) => u.tag("paymentLinkId"),
        }
    }

    /// The merchant's reference (works for unknown link types too).
    pub fn merchant_reference(&self) -> Option<&str> {
        match self {
            Self::MultiUse(link) => Some(&link.merchant_reference),
            Self::SingleUse(link) => Some(&link.merchant_reference),
            Self::Unknown(u) => u.tag("merchantReference"),
        }
    }

    /// Where the link stands (works for unknown link types too, hence owned).
    pub fn status(&self) -> Option<PaymentLinkStatus> {
        match self {
            Self::MultiUse(link) => link.status.clone(),
            Self::SingleUse(link) => link.status.clone(),
            Self::Unknown(u) => u.tag("status").map(PaymentLinkStatus::from_api),
        }
    }

    /// The shareable URL and button; `None` before creation and for unknown link types.
    pub fn assets(&self) -> Option<&PaymentLinkAssets> {
        match self {
            Self::MultiUse(link) => link.assets.as_ref(),
            Self::SingleUse(link) => link.assets.as_ref(),
            Self::Unknown(_) => None,
        }
    }

    /// The URL to send the customer, once the gateway has made it.
    pub fn payment_url(&self) -> Option<&str> {
        self.assets().map(|assets| assets.payment_url.as_str())
    }
}

impl From<MultiUsePaymentLink> for PaymentLink {
    fn from(link: MultiUsePaymentLink) -> Self {
        Self::MultiUse(link)
    }
}

impl From<SingleUsePaymentLink> for PaymentLink {
    fn from(link: SingleUsePaymentLink) -> Self {
        Self::SingleUse(link)
    }
}

impl Validate for PaymentLink {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::MultiUse(link) => link.validate_into(v),
            Self::SingleUse(link) => link.validate_into(v),
            Self::Unknown(_) => {
                v.unknown_variant("type", Self::KNOWN_TAGS);
            }
        }
    }
}

open_enum! {
    /// Kind of link, as a list filter (`linkType`).
    pub enum LinkType {
        /// Multi-use links.
        MultiUse = "multiUse",
        /// Single-use links.
        SingleUse = "singleUse",
    }
}

open_enum! {
    /// Kind of charge, as a list filter (`chargeType`).
    pub enum ChargeType {
        /// Fixed amount.
        Preset = "preset",
        /// Customer-entered amount.
        Prompt = "prompt",
    }
}

/// Filters of `GET /processing-terminals/{processingTerminalId}/payment-links`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentLinkListQuery {
    /// Links with this merchant reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_reference: Option<String>,
    /// Multi-use or single-use links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_type: Option<LinkType>,
    /// Preset or prompt charges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_type: Option<ChargeType>,
    /// Links in this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PaymentLinkStatus>,
    /// Links shared with a recipient of this name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_name: Option<String>,
    /// Links shared with this email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_email: Option<String>,
    /// Links created on this date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_on: Option<String>,
    /// Links expiring on this date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<String>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl Validate for PaymentLinkListQuery {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(link_type) = &self.link_type {
            v.known("linkType", link_type);
        }
        if let Some(charge_type) = &self.charge_type {
            v.known("chargeType", charge_type);
        }
        if let Some(status) = &self.status {
            v.known("status", status);
        }
        if let Some(created_on) = &self.created_on {
            v.date_iso("createdOn", created_on);
        }
        if let Some(expires_on) = &self.expires_on {
            v.date_iso("expiresOn", expires_on);
        }
        self.page.validate_into(v);
    }
}

impl ListQuery for PaymentLinkListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let mut push = |key, value: Option<&str>| {
            if let Some(value) = value {
                pairs.push((key, value.to_owned()));
            }
        };
        push("merchantReference", self.merchant_reference.as_deref());
        push("linkType", self.link_type.as_ref().map(LinkType::as_str));
        push(
            "chargeType",
            self.charge_type.as_ref().map(ChargeType::as_str),
        );
        push(
            "status",
            self.status.as_ref().map(PaymentLinkStatus::as_str),
        );
        push("recipientName", self.recipient_name.as_deref());
        push("recipientEmail", self.recipient_email.as_deref());
        push("createdOn", self.created_on.as_deref());
        push("expiresOn", self.expires_on.as_deref());
        self.page.push_pairs(&mut pairs);
        pairs
    }
}

open_enum! {
    /// How a link is shared.
    pub enum SharingMethod {
        /// By email.
        Email = "email",
    }
}

/// Someone a link is emailed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    /// Their name.
    pub name: String,
    /// Their email address.
    pub email: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Recipient {
    /// A recipient.
    pub fn new(name: impl Into<String>, email: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            email: email.into(),
            unknown: Default::default(),
        }
    }
}

impl Validate for Recipient {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("name", &self.name);
        if self.email.trim().is_empty() {
            v.required_str("email", &self.email);
        } else if !looks_like_email(&self.email) {
            v.violation(
                "email",
                "format",
                "must be an email address such as jane@example.com",
            );
        }
    }
}

/// An email sharing a link: the body of `POST /payment-links/{id}/sharing-events` and
/// what the gateway returns (`PaymentLinkEmailShareEvent`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentLinkEmailShareEvent {
    /// Always `email`.
    pub sharing_method: SharingMethod,
    /// Who receives the link.
    pub recipients: Vec<Recipient>,
    /// Text sent with the link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Also email the merchant a copy (gateway default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_copy: Option<bool>,
    /// Gateway id of the event (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharing_event_id: Option<String>,
    /// When it was shared, RFC 3339 (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_time: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl PaymentLinkEmailShareEvent {
    /// An email of the link to `recipients`.
    pub fn email(recipients: Vec<Recipient>) -> Self {
        Self {
            sharing_method: SharingMethod::Email,
            recipients,
            message: None,
            merchant_copy: None,
            sharing_event_id: None,
            date_time: None,
            unknown: Default::default(),
        }
    }
}

impl Validate for PaymentLinkEmailShareEvent {
    fn validate_into(&self, v: &mut Validator) {
        v.known("sharingMethod", &self.sharing_method);
        if self.recipients.is_empty() {
            v.violation("recipients", "required", "must name at least one recipient");
        }
        v.each("recipients", &self.recipients);
    }
}

/// Filters of `GET /payment-links/{paymentLinkId}/sharing-events`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SharingEventListQuery {
    /// Events sent to a recipient of this name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_name: Option<String>,
    /// Events sent to this email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_email: Option<String>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl Validate for SharingEventListQuery {
    fn validate_into(&self, v: &mut Validator) {
        self.page.validate_into(v);
    }
}

impl ListQuery for SharingEventListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(name) = &self.recipient_name {
            pairs.push(("recipientName", name.clone()));
        }
        if let Some(email) = &self.recipient_email {
            pairs.push(("recipientEmail", email.clone()));
        }
        self.page.push_pairs(&mut pairs);
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn paths(err: &crate::ValidationError) -> Vec<&str> {
        err.violations().iter().map(|v| v.path.as_str()).collect()
    }

    fn multi_use_prompt() -> PaymentLink {
        let mut link =
            MultiUsePaymentLink::new("DONATE-2024", PaymentLinkCharge::prompt(Currency::Eur));
        link.order.description = Some("Harbour clean-up fund".into());
        link.custom_labels = vec![CustomLabel::payment_button("Give now")];
        link.expires_on = Some("2025-01-31".into());
        link.credential_on_file = Some(PaymentLinkCredentialOnFile {
            tokenize: Some(true),
            mit_agreement: Some(MitAgreement::Recurring),
            unknown: Default::default(),
        });
        link.into()
    }

    fn single_use_preset() -> PaymentLink {
        let mut link = SingleUsePaymentLink::new(
            "INV-77",
            "ORDER-77",
            PaymentLinkCharge::preset(8450, Currency::Gbp),
            "2026-03-15",
        );
        link.auth_type = AuthType::PreAuthorization;
        link.into()
    }

    #[test]
    fn multi_use_prompt_link_writes_exact_wire_json_and_round_trips() {
        let link = multi_use_prompt();
        let wire = serde_json::to_value(&link).unwrap();
        assert_eq!(
            wire,
            json!({
                "type": "multiUse",
                "merchantReference": "DONATE-2024",
                "order": {
                    "description": "Harbour clean-up fund",
                    "charge": {"type": "prompt", "currency": "EUR"}
                },
                "authType": "sale",
                "paymentMethods": ["card"],
                "customLabels": [{"element": "paymentButton", "label": "Give now"}],
                "expiresOn": "2025-01-31",
                "credentialOnFile": {"tokenize": true, "mitAgreement": "recurring"}
            })
        );
        let back: PaymentLink = serde_json::from_value(wire).unwrap();
        assert_eq!(back, link);
        assert_eq!(link.validate(), Ok(()));
        assert_eq!(link.tag(), "multiUse");
    }

    #[test]
    fn single_use_preset_link_writes_exact_wire_json_and_round_trips() {
        let link = single_use_preset();
        let wire = serde_json::to_value(&link).unwrap();
        assert_eq!(
            wire,
            json!({
                "type": "singleUse",
                "merchantReference": "INV-77",
                "order": {
                    "orderId": "ORDER-77",
                    "charge": {"type": "preset", "amount": 8450, "currency": "GBP"}
                },
                "authType": "preAuthorization",
                "paymentMethods": ["card"],
                "expiresOn": "2026-03-15"
            })
        );
        let back: PaymentLink = serde_json::from_value(wire).unwrap();
        assert_eq!(back, link);
        assert_eq!(link.validate(), Ok(()));
    }

    #[test]
    fn created_link_response_parses_with_accessors() {
        let json = json!({
            "paymentLinkId": "QW7ER5TY3U",
            "merchantReference": "INV-77",
            "order": {
                "orderId": "ORDER-77",
                "description": "Garden design, deposit",
                "charge": {"currency": "GBP", "type": "preset", "amount": 8450}
            },
            "authType": "sale",
            "paymentMethods": ["card", "bankTransfer"],
            "assets": {
                "paymentUrl": "https://pay.example.test/link?token=abc",
                "paymentButton": "<a href=\"https://pay.example.test/link?token=abc\">Pay</a>"
            },
            "status": "active",
            "createdOn": "2026-03-01",
            "expiresOn": "2026-03-15",
            "type": "singleUse"
        });
        let link: PaymentLink = serde_json::from_value(json.clone()).unwrap();
        let PaymentLink::SingleUse(single) = &link else {
            panic!("expected a single-use link, got {link:?}");
        };
        assert_eq!(
            single.order.charge,
            PaymentLinkCharge::preset(8450, Currency::Gbp)
        );
        assert_eq!(link.payment_link_id(), Some("QW7ER5TY3U"));
        assert_eq!(link.merchant_reference(), Some("INV-77"));
        assert_eq!(link.status(), Some(PaymentLinkStatus::Active));
        assert_eq!(
            link.payment_url(),
            Some("https://pay.example.test/link?token=abc")
        );
        assert!(link.assets().unwrap().payment_button.starts_with("<a "));
        // Response-only fields do not make the link invalid.
        assert_eq!(link.validate(), Ok(()));
        assert_eq!(serde_json::to_value(&link).unwrap(), json);
    }

    #[test]
    fn unknown_link_type_parses_into_unknown_and_round_trips() {
        let json = json!({
            "type": "subscriptionLink",
            "paymentLinkId": "ZX9CV8BN7M",
            "merchantReference": "SUB-1",
            "status": "paused",
            "schedule": {"interval": "monthly"}
        });
        let link: PaymentLink = serde_json::from_value(json.clone()).unwrap();
        assert!(matches!(link, PaymentLink::Unknown(_)));
        assert_eq!(link.tag(), "subscriptionLink");
        assert_eq!(link.payment_link_id(), Some("ZX9CV8BN7M"));
        assert_eq!(link.merchant_reference(), Some("SUB-1"));
        assert_eq!(
            link.status(),
            Some(PaymentLinkStatus::Unknown("paused".into()))
        );
        assert_eq!(link.assets(), None);
        assert_eq!(serde_json::to_value(&link).unwrap(), json);
        let err = link.validate().unwrap_err();
        assert_eq!(paths(&err), ["type"]);
    }

    #[test]
    fn unknown_enum_values_and_extra_fields_in_a_response_parse_and_round_trip() {
        let link: PaymentLink = serde_json::from_value(json!({
            "type": "multiUse",
            "paymentLinkId": "AB12CD34EF",
            "merchantReference": "R-9",
            "order": {"charge": {"type": "prompt", "currency": "USD"}, "giftAid": true},
            "authType": "instalments",
            "paymentMethods": ["card", "crypto"],
            "customLabels": [{"element": "header", "label": "Hi"}],
            "status": "archived",
            "theme": "dark"
        }))
        .unwrap();
        let PaymentLink::MultiUse(multi) = &link else {
            panic!("expected a multi-use link");
        };
        assert_eq!(multi.auth_type, AuthType::Unknown("instalments".into()));
        assert_eq!(
            multi.payment_methods[1],
            PaymentLinkPaymentMethod::Unknown("crypto".into())
        );
        assert_eq!(
            link.status(),
            Some(PaymentLinkStatus::Unknown("archived".into()))
        );
        let wire = serde_json::to_value(&link).unwrap();
        assert_eq!(wire["authType"], "instalments");
        assert_eq!(wire["paymentMethods"], json!(["card", "crypto"]));
        assert_eq!(wire["customLabels"][0]["element"], "header");
        assert_eq!(wire["status"], "archived");
        assert_eq!(serde_json::from_value::<PaymentLink>(wire).unwrap(), link);

        let charge: PaymentLinkCharge =
            serde_json::from_value(json!({"type": "tiered", "tiers": [1, 2]})).unwrap();
        assert_eq!(charge.tag(), "tiered");
        assert_eq!(
            serde_json::to_value(&charge).unwrap(),
            json!({"type": "tiered", "tiers": [1, 2]})
        );
    }

    #[test]
    fn multi_use_link_violations_have_exact_paths() {
        let PaymentLink::MultiUse(mut link) = multi_use_prompt() else {
            unreachable!()
        };
        link.merchant_reference = "  ".into();
        link.auth_type = AuthType::from_api("auth");
        link.payment_methods = vec![
            PaymentLinkPaymentMethod::Card,
            PaymentLinkPaymentMethod::from_api("cash"),
        ];
        link.custom_labels = vec![
            CustomLabel::payment_button("ok"),
            CustomLabel {
                element: Some(CustomLabelElement::from_api("banner")),
                label: Some("x".into()),
                unknown: Default::default(),
            },
        ];
        link.credential_on_file = Some(PaymentLinkCredentialOnFile {
            tokenize: None,
            mit_agreement: Some(MitAgreement::from_api("yearly")),
            unknown: Default::default(),
        });
        link.order.charge = PaymentLinkCharge::prompt(Currency::from_api("EURO"));
        link.expires_on = Some("31/01/2025".into());
        let err = PaymentLink::from(link).validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "merchantReference",
                "authType",
                "paymentMethods[1]",
                "customLabels[1].element",
                "credentialOnFile.mitAgreement",
                "order.charge.currency",
                "expiresOn",
            ]
        );
        assert_eq!(err.violations()[2].code, "enum");
    }

    #[test]
    fn payment_methods_must_be_present_and_card_only_for_pre_authorization() {
        let PaymentLink::SingleUse(mut link) = single_use_preset() else {
            unreachable!()
        };
        link.payment_methods.clear();
        let err = link.validate().unwrap_err();
        assert_eq!(paths(&err), ["paymentMethods"]);
        assert_eq!(err.violations()[0].code, "required");

        link.payment_methods = vec![
            PaymentLinkPaymentMethod::Card,
            PaymentLinkPaymentMethod::BankTransfer,
        ];
        let err = link.validate().unwrap_err();
        assert_eq!(paths(&err), ["paymentMethods"]);
        assert_eq!(err.violations()[0].code, "conflict");

        link.auth_type = AuthType::Sale;
        assert_eq!(link.validate(), Ok(()));
    }

    #[test]
    fn single_use_link_violations_have_exact_paths() {
        let PaymentLink::SingleUse(mut link) = single_use_preset() else {
            unreachable!()
        };
        link.order.order_id = String::new();
        link.order.charge = PaymentLinkCharge::preset(0, Currency::from_api("XYZ"));
        link.expires_on = " ".into();
        let err = link.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "order.orderId",
                "order.charge.amount",
                "order.charge.currency",
                "expiresOn",
            ]
        );
        assert_eq!(err.violations()[3].code, "required");

        link.order.order_id = "O-1".into();
        link.order.charge = PaymentLinkCharge::preset(100, Currency::Usd);
        link.expires_on = "2026-02-30".into();
        let err = link.validate().unwrap_err();
        assert_eq!(paths(&err), ["expiresOn"]);
        assert_eq!(err.violations()[0].code, "format");

        link.expires_on = "2026-02-28".into();
        link.order.charge = serde_json::from_value(json!({"type": "free"})).unwrap();
        let err = link.validate().unwrap_err();
        assert_eq!(paths(&err), ["order.charge.type"]);
    }

    #[test]
    fn sharing_event_request_and_response() {
        let mut event =
            PaymentLinkEmailShareEvent::email(vec![Recipient::new("Ada Byron", "ada@example.com")]);
        event.message = Some("Your invoice is ready.".into());
        event.merchant_copy = Some(true);
        let wire = serde_json::to_value(&event).unwrap();
        assert_eq!(
            wire,
            json!({
                "sharingMethod": "email",
                "recipients": [{"name": "Ada Byron", "email": "ada@example.com"}],
                "message": "Your invoice is ready.",
                "merchantCopy": true
            })
        );
        assert_eq!(
            serde_json::from_value::<PaymentLinkEmailShareEvent>(wire).unwrap(),
            event
        );
        assert_eq!(event.validate(), Ok(()));

        let response = json!({
            "sharingMethod": "sms",
            "sharingEventId": "EV3NT5ID7X",
            "dateTime": "2024-07-02T15:30:00Z",
            "recipients": [{"name": "Ada Byron", "email": "ada@example.com", "locale": "en"}],
            "channelId": 7
        });
        let parsed: PaymentLinkEmailShareEvent = serde_json::from_value(response).unwrap();
        assert_eq!(parsed.sharing_method, SharingMethod::Unknown("sms".into()));
        assert_eq!(parsed.sharing_event_id.as_deref(), Some("EV3NT5ID7X"));
        assert_eq!(parsed.date_time.as_deref(), Some("2024-07-02T15:30:00Z"));
        assert_eq!(
            serde_json::to_value(&parsed).unwrap()["sharingMethod"],
            "sms"
        );
    }

    #[test]
    fn sharing_event_violations() {
        let mut event = PaymentLinkEmailShareEvent::email(Vec::new());
        event.sharing_method = SharingMethod::from_api("sms");
        let err = event.validate().unwrap_err();
        assert_eq!(paths(&err), ["sharingMethod", "recipients"]);

        let event = PaymentLinkEmailShareEvent::email(vec![
            Recipient::new(" ", "ok@example.com"),
            Recipient::new("Bo", "bo@example"),
            Recipient::new("Cy", ""),
        ]);
        let err = event.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "recipients[0].name",
                "recipients[1].email",
                "recipients[2].email"
            ]
        );
        assert_eq!(err.violations()[1].code, "format");
        assert_eq!(err.violations()[2].code, "required");
    }

    #[test]
    fn link_list_query_pairs_and_validation() {
        let query = PaymentLinkListQuery {
            merchant_reference: Some("INV-77".into()),
            link_type: Some(LinkType::SingleUse),
            charge_type: Some(ChargeType::Preset),
            status: Some(PaymentLinkStatus::Active),
            recipient_name: Some("Ada Byron".into()),
            recipient_email: Some("ada@example.com".into()),
            created_on: Some("2026-03-01".into()),
            expires_on: Some("2026-03-15".into()),
            page: PageQuery {
                limit: Some(25),
                after: Some("QW7ER5TY3U".into()),
                before: None,
            },
        };
        assert_eq!(query.validate(), Ok(()));
        assert_eq!(
            query.query_pairs(),
            [
                ("merchantReference", "INV-77".to_owned()),
                ("linkType", "singleUse".to_owned()),
                ("chargeType", "preset".to_owned()),
                ("status", "active".to_owned()),
                ("recipientName", "Ada Byron".to_owned()),
                ("recipientEmail", "ada@example.com".to_owned()),
                ("createdOn", "2026-03-01".to_owned()),
                ("expiresOn", "2026-03-15".to_owned()),
                ("after", "QW7ER5TY3U".to_owned()),
                ("limit", "25".to_owned()),
            ]
        );
        assert!(PaymentLinkListQuery::default().query_pairs().is_empty());

        let bad = PaymentLinkListQuery {
            link_type: Some(LinkType::from_api("oneTime")),
            charge_type: Some(ChargeType::from_api("fixed")),
            status: Some(PaymentLinkStatus::from_api("live")),
            created_on: Some("2026-3-1".into()),
            expires_on: Some("tomorrow".into()),
            page: PageQuery {
                limit: Some(0),
                before: Some("A".into()),
                after: Some("B".into()),
            },
            ..PaymentLinkListQuery::default()
        };
        let err = bad.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "linkType",
                "chargeType",
                "status",
                "createdOn",
                "expiresOn",
                "after",
                "limit"
            ]
        );
    }

    #[test]
    fn sharing_event_list_query_pairs_and_validation() {
        let query = SharingEventListQuery {
            recipient_name: Some("Ada".into()),
            recipient_email: Some("ada@example.com".into()),
            page: PageQuery::limit(10),
        };
        assert_eq!(query.validate(), Ok(()));
        assert_eq!(
            query.query_pairs(),
            [
                ("recipientName", "Ada".to_owned()),
                ("recipientEmail", "ada@example.com".to_owned()),
                ("limit", "10".to_owned()),
            ]
        );
        let bad = SharingEventListQuery {
            page: PageQuery {
                limit: Some(0),
                ..PageQuery::default()
            },
            ..SharingEventListQuery::default()
        };
        assert_eq!(paths(&bad.validate().unwrap_err()), ["limit"]);
    }
}
