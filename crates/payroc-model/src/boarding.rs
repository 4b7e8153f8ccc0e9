//! Boarding: how a partner signs up merchants.
//!
//! A [`MerchantPlatform`] is a business (its legal entity, [`Business`]) with one or more
//! [`ProcessingAccount`]s, each an outlet that takes payments. A processing account has
//! owners (the funding module's [`Owner`], the same schema), [`Contact`]s, funding
//! accounts, a pricing agreement ([`PricingAgreement`]), processing terminals
//! ([`ProcessingTerminal`], each with its [`HostConfiguration`]) and terminal orders
//! ([`TerminalOrder`]). Payroc reviews a processing account (its [`ProcessingAccountStatus`])
//! and ships terminal orders ([`TerminalOrderStatus`]).
//!
//! The deep settings objects the API documents at length (a processing account's
//! `processing`, `pricing` and `signature`, a terminal's gateway and application
//! settings, an order item's `solutionSetup`, a pricing agreement's fee schedules) are
//! kept as JSON objects ([`JsonObject`]) so every field survives a round trip; none of
//! them holds a secret. Tax ids, national ids, bank account numbers and a terminal's
//! authentication code are [`SensitiveData`]: never in `Debug`, errors or logs.

use crate::common::{Address, ContactMethod, Link, UnknownFields};
use crate::funding::{
    contact_methods, metadata, tax_id, FundingAccount, FundingAccountSummary, FundingPaymentMethod,
    Identifier, Metadata, Owner,
};
use crate::page::{ListQuery, PageQuery};
use crate::payment::{date_time_opt, push_opt};
use crate::secret::SensitiveData;
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};

/// A JSON object kept as received (the API's long settings objects).
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

open_enum! {
    /// Legal structure of a business (`organizationType`).
    pub enum OrganizationType {
        /// Private corporation.
        PrivateCorporation = "privateCorporation",
        /// Public corporation.
        PublicCorporation = "publicCorporation",
        /// Non-profit organisation.
        NonProfit = "nonProfit",
        /// Private limited liability company.
        PrivateLlc = "privateLlc",
        /// Public limited liability company.
        PublicLlc = "publicLlc",
        /// Private partnership.
        PrivatePartnership = "privatePartnership",
        /// Public partnership.
        PublicPartnership = "publicPartnership",
        /// Sole proprietor.
        SoleProprietor = "soleProprietor",
    }
}

open_enum! {
    /// Review status of a processing account (`status`).
    pub enum ProcessingAccountStatus {
        /// Received, not yet reviewed.
        Entered = "entered",
        /// Reviewed, not yet approved.
        Pending = "pending",
        /// Approved for processing and funding.
        Approved = "approved",
        /// Approved, waiting on further information.
        SubjectTo = "subjectTo",
        /// Closed for a period.
        Dormant = "dormant",
        /// Approved; the merchant has not run a transaction yet.
        NonProcessing = "nonProcessing",
        /// Application rejected.
        Rejected = "rejected",
        /// Closed.
        Terminated = "terminated",
        /// Withdrawn by the merchant.
        Cancelled = "cancelled",
        /// Boarding failed (only in a merchant platform's account summaries).
        Failed = "failed",
    }
}

open_enum! {
    /// What a processing account's business is (`businessType`).
    pub enum BusinessType {
        /// Shop.
        Retail = "retail",
        /// Restaurant.
        Restaurant = "restaurant",
        /// Online sales.
        Internet = "internet",
        /// Mail or telephone order.
        Moto = "moto",
        /// Lodging.
        Lodging = "lodging",
        /// Not for profit.
        NotForProfit = "notForProfit",
    }
}

open_enum! {
    /// Time zone of a processing account or terminal (`timezone`).
    pub enum Timezone {
        /// Midway.
        PacificMidway = "Pacific/Midway",
        /// Honolulu.
        PacificHonolulu = "Pacific/Honolulu",
        /// Anchorage.
        AmericaAnchorage = "America/Anchorage",
        /// Los Angeles.
        AmericaLosAngeles = "America/Los_Angeles",
        /// Denver.
        AmericaDenver = "America/Denver",
        /// Phoenix.
        AmericaPhoenix = "America/Phoenix",
        /// Chicago.
        AmericaChicago = "America/Chicago",
        /// Indianapolis.
        AmericaIndianaIndianapolis = "America/Indiana/Indianapolis",
        /// New York.
        AmericaNewYork = "America/New_York",
    }
}

open_enum! {
    /// Role of a processing account's contact (`type`).
    pub enum ContactType {
        /// Manager.
        Manager = "manager",
        /// Representative.
        Representative = "representative",
        /// Anyone else.
        Others = "others",
    }
}

open_enum! {
    /// Where a terminal order stands (`status`).
    pub enum TerminalOrderStatus {
        /// Received, not yet dispatched.
        Open = "open",
        /// On hold.
        Held = "held",
        /// Shipped.
        Dispatched = "dispatched",
        /// Delivered.
        Fulfilled = "fulfilled",
        /// Cancelled.
        Cancelled = "cancelled",
    }
}

open_enum! {
    /// Who trains the merchant on a terminal order's solution (`trainingProvider`).
    pub enum TrainingProvider {
        /// The partner.
        Partner = "partner",
        /// Payroc.
        Payroc = "payroc",
    }
}

open_enum! {
    /// Kind of a terminal order's item (`type`).
    pub enum OrderItemType {
        /// A solution (a terminal with its setup).
        Solution = "solution",
    }
}

open_enum! {
    /// New or refurbished device (`deviceCondition`).
    pub enum DeviceCondition {
        /// New.
        New = "new",
        /// Refurbished.
        Refurbished = "refurbished",
    }
}

open_enum! {
    /// Shipping speed of a terminal order (`method`).
    pub enum ShippingMethod {
        /// Next day.
        NextDay = "nextDay",
        /// Ground.
        Ground = "ground",
    }
}

open_enum! {
    /// Whether a processing terminal is active (`status`).
    pub enum ProcessingTerminalStatus {
        /// Active.
        Active = "active",
        /// Inactive.
        Inactive = "inactive",
    }
}

open_enum! {
    /// Kind of a business address (`type`).
    pub enum AddressKind {
        /// The legal address.
        LegalAddress = "legalAddress",
    }
}

open_enum! {
    /// Kind of a reminder (`type`).
    pub enum ReminderType {
        /// A reminder to sign the pricing agreement.
        PricingAgreement = "pricingAgreement",
    }
}

/// A business's legal address (`LegalAddress`): an address with `type: legalAddress`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegalAddress {
    /// Kind of address.
    #[serde(rename = "type")]
    pub kind: AddressKind,
    /// The address.
    #[serde(flatten)]
    pub address: Address,
}

impl Validate for LegalAddress {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
        self.address.validate_into(v);
    }
}

/// The legal entity of a merchant platform (`business`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Business {
    /// Legal name.
    pub name: String,
    /// EIN or SSN.
    pub tax_id: SensitiveData,
    /// Legal structure.
    pub organization_type: OrganizationType,
    /// ISO 3166 country it operates in (`US`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_operation: Option<String>,
    /// Its addresses (the legal address).
    pub addresses: Vec<LegalAddress>,
    /// How to reach it: at least an email address.
    pub contact_methods: Vec<ContactMethod>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for Business {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("name", &self.name);
        tax_id(v, &self.tax_id);
        v.known("organizationType", &self.organization_type);
        if self.addresses.is_empty() {
            v.violation("addresses", "required", "needs the legal address");
        }
        v.each("addresses", &self.addresses);
        contact_methods(v, &self.contact_methods, true);
    }
}

/// A processing account's funding settings as sent on creation (`CreateFunding`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateFunding {
    /// `enabled` or `disabled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `standard`, `nextday` or `sameday`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding_schedule: Option<String>,
    /// Fee for accelerated funding, in cents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accelerated_funding_fee: Option<i64>,
    /// Whether fees are taken daily.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_discount: Option<bool>,
    /// The accounts that receive the funds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding_accounts: Option<Vec<FundingAccount>>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for CreateFunding {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(fee) = self.accelerated_funding_fee {
            v.non_negative("acceleratedFundingFee", fee);
        }
        // The API lets a processing account's ACH method leave out its `value` (the
        // official example does); a funding recipient's account must carry it.
        for (i, account) in self.funding_accounts.iter().flatten().enumerate() {
            v.at("fundingAccounts", |v| {
                v.index(i, |v| {
                    v.known("type", &account.kind);
                    v.known("use", &account.usage);
                    v.required_str("nameOnAccount", &account.name_on_account);
                    if account.payment_methods.is_empty() {
                        v.violation("paymentMethods", "required", "needs one payment method");
                    }
                    for (j, method) in account.payment_methods.iter().enumerate() {
                        v.at("paymentMethods", |v| {
                            v.index(j, |v| match method {
                                FundingPaymentMethod::Ach(ach) => v.nested_opt("value", &ach.value),
                                _ => v.unknown_variant("type", FundingPaymentMethod::KNOWN_TAGS),
                            })
                        });
                    }
                    metadata(v, &account.metadata);
                })
            });
        }
    }
}

/// A processing account's funding settings as returned (`Funding`): accounts by summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Funding {
    /// `enabled` or `disabled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `standard`, `nextday` or `sameday`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding_schedule: Option<String>,
    /// Fee for accelerated funding, in cents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accelerated_funding_fee: Option<i64>,
    /// Whether fees are taken daily.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_discount: Option<bool>,
    /// The accounts that receive the funds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding_accounts: Option<Vec<FundingAccountSummary>>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A contact of a processing account (`Contact`): part of its creation, the body of
/// `contacts.update` (a PUT) and what the API returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    /// Payroc's id of the contact (ignored on writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<i64>,
    /// Role.
    #[serde(rename = "type")]
    pub kind: ContactType,
    /// First name.
    pub first_name: String,
    /// Middle name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Identity documents.
    pub identifiers: Vec<Identifier>,
    /// How to reach them: at least one.
    pub contact_methods: Vec<ContactMethod>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for Contact {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
        v.required_str("firstName", &self.first_name);
        v.required_str("lastName", &self.last_name);
        v.each("identifiers", &self.identifiers);
        contact_methods(v, &self.contact_methods, false);
    }
}

/// The body of `merchant_platforms.create_processing_account` and each of a new
/// platform's `processingAccounts[]` (`CreateProcessingAccount`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateProcessingAccount {
    /// Payroc's id (ignored on writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_account_id: Option<String>,
    /// Trading name.
    pub doing_business_as: String,
    /// Owners: at least one, a control prong or an authorised signatory.
    pub owners: Vec<Owner>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// What the business is.
    pub business_type: BusinessType,
    /// Merchant category code (MCC).
    pub category_code: i64,
    /// What it sells.
    pub merchandise_or_service_sold: String,
    /// When the business started, `YYYY-MM-DD`.
    pub business_start_date: String,
    /// Time zone.
    pub timezone: Timezone,
    /// Address of the outlet.
    pub address: Address,
    /// How to reach it: at least an email address.
    pub contact_methods: Vec<ContactMethod>,
    /// Expected volumes, card acceptance and ACH settings (`Processing`, kept whole).
    pub processing: JsonObject,
    /// Funding settings.
    pub funding: CreateFunding,
    /// Pricing: an intent or an agreement (`Pricing`, kept whole; discriminator `type`).
    pub pricing: JsonObject,
    /// How the merchant signs (`Signature`, kept whole; discriminator `type`:
    /// `requestedViaDirectLink` or `requestedViaEmail`).
    pub signature: JsonObject,
    /// Contacts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Vec<Contact>>,
    /// Custom data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Checks that a kept-whole object names its variant in `type` (`pricing`, `signature`).
fn typed_object(v: &mut Validator, field: &'static str, object: &JsonObject, known: &[&str]) {
    match object.get("type").and_then(serde_json::Value::as_str) {
        None => v.at(field, |v| v.missing("type")),
        Some(kind) if !known.contains(&kind) => {
            v.at(field, |v| v.unknown_variant("type", known));
        }
        Some(_) => {}
    }
}

impl Validate for CreateProcessingAccount {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("doingBusinessAs", &self.doing_business_as);
        if self.owners.is_empty() {
            v.violation("owners", "required", "needs at least one owner");
        } else if !self.owners.iter().any(|o| {
            o.relationship.is_control_prong || o.relationship.is_authorized_signatory == Some(true)
        }) {
            v.violation(
                "owners",
                "required",
                "one owner must be the control prong or an authorized signatory",
            );
        } else if self
            .owners
            .iter()
            .filter(|o| o.relationship.is_control_prong)
            .count()
            > 1
        {
            v.violation(
                "owners",
                "conflict",
                "only one owner may be the control prong",
            );
        }
        v.each("owners", &self.owners);
        v.known("businessType", &self.business_type);
        if !(1..=9999).contains(&self.category_code) {
            v.violation("categoryCode", "range", "must be a four-digit MCC");
        }
        v.required_str(
            "merchandiseOrServiceSold",
            &self.merchandise_or_service_sold,
        );
        v.date_iso("businessStartDate", &self.business_start_date);
        v.known("timezone", &self.timezone);
        v.nested("address", &self.address);
        contact_methods(v, &self.contact_methods, true);
        v.nested("funding", &self.funding);
        typed_object(v, "pricing", &self.pricing, &["intent", "agreement"]);
        typed_object(
            v,
            "signature",
            &self.signature,
            &["requestedViaDirectLink", "requestedViaEmail"],
        );
        if let Some(contacts) = &self.contacts {
            v.each("contacts", contacts);
        }
        metadata(v, &self.metadata);
    }
}

/// The body of `merchant_platforms.create` (`CreateMerchantAccount`): the business and
/// its first processing accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateMerchantPlatform {
    /// The legal entity.
    pub business: Business,
    /// Its processing accounts: at least one.
    pub processing_accounts: Vec<CreateProcessingAccount>,
    /// Custom data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for CreateMerchantPlatform {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("business", &self.business);
        if self.processing_accounts.is_empty() {
            v.violation(
                "processingAccounts",
                "required",
                "needs at least one processing account",
            );
        }
        v.each("processingAccounts", &self.processing_accounts);
        metadata(v, &self.metadata);
    }
}

/// A processing account as its merchant platform lists it (`processingAccounts[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessingAccountSummary {
    /// Id of the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_account_id: Option<String>,
    /// Trading name.
    pub doing_business_as: String,
    /// Review status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ProcessingAccountStatus>,
    /// Link to the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// How the merchant signs (kept whole).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<JsonObject>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A merchant platform (`MerchantPlatform`), as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MerchantPlatform {
    /// Payroc's id of the platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_platform_id: Option<String>,
    /// When it was created (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// When it last changed (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date: Option<String>,
    /// The legal entity.
    pub business: Business,
    /// Its processing accounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_accounts: Option<Vec<ProcessingAccountSummary>>,
    /// Custom data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Links to related resources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<Link>>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// An owner or contact as its processing account lists them (`owners[]`, `contacts[]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonSummary {
    /// Id of the owner (owners only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<i64>,
    /// Id of the contact (contacts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<i64>,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Link to them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Where a processing account's pricing is (`pricing`: a link).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PricingLink {
    /// Link to the pricing agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A processing account (`ProcessingAccount`), as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessingAccount {
    /// Payroc's id of the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_account_id: Option<String>,
    /// When the request to create it was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date: Option<String>,
    /// Review status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ProcessingAccountStatus>,
    /// Trading name.
    pub doing_business_as: String,
    /// Its owners, by id and link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owners: Option<Vec<PersonSummary>>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// What the business is.
    pub business_type: BusinessType,
    /// Merchant category code.
    pub category_code: i64,
    /// What it sells.
    pub merchandise_or_service_sold: String,
    /// When the business started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_start_date: Option<String>,
    /// Time zone.
    pub timezone: Timezone,
    /// Address.
    pub address: Address,
    /// How to reach it.
    pub contact_methods: Vec<ContactMethod>,
    /// Processing settings (kept whole).
    pub processing: JsonObject,
    /// Funding settings.
    pub funding: Funding,
    /// Link to the pricing agreement.
    pub pricing: PricingLink,
    /// Its contacts, by id and link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Vec<PersonSummary>>,
    /// How the merchant signs (kept whole).
    pub signature: JsonObject,
    /// Custom data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Links to related resources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<Link>>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Filters of `GET /merchant-platforms/{id}/processing-accounts`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessingAccountListQuery {
    /// Include closed (terminated, cancelled, rejected) accounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_closed: Option<bool>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl Validate for ProcessingAccountListQuery {
    fn validate_into(&self, v: &mut Validator) {
        self.page.validate_into(v);
    }
}

impl ListQuery for ProcessingAccountListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        self.page.push_pairs(&mut pairs);
        if let Some(include) = self.include_closed {
            pairs.push(("includeClosed", include.to_string()));
        }
        pairs
    }
}

/// Filters of `GET /processing-accounts/{id}/terminal-orders` (one array, not paged):
/// a status, and a window of creation times.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TerminalOrderListQuery {
    /// Only orders in this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TerminalOrderStatus>,
    /// Only orders created at or after this time (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_date_time: Option<String>,
    /// Only orders created at or before this time (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_date_time: Option<String>,
}

impl Validate for TerminalOrderListQuery {
    fn validate_into(&self, v: &mut Validator) {
        v.known_opt("status", &self.status);
        date_time_opt(v, "fromDateTime", &self.from_date_time);
        date_time_opt(v, "toDateTime", &self.to_date_time);
    }
}

impl ListQuery for TerminalOrderListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(status) = &self.status {
            pairs.push(("status", status.as_str().to_owned()));
        }
        push_opt(&mut pairs, "fromDateTime", &self.from_date_time);
        push_opt(&mut pairs, "toDateTime", &self.to_date_time);
        pairs
    }
}

/// A processing account's pricing agreement (`PricingAgreementUs40` or
/// `PricingAgreementUs50`, told apart by `version`): the fee schedules kept whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PricingAgreement {
    /// Country of the agreement (`US`).
    pub country: String,
    /// Version of the agreement: `4.0` or `5.0`.
    pub version: String,
    /// Base fees.
    pub base: JsonObject,
    /// Card processing fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<JsonObject>,
    /// Gateway fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<JsonObject>,
    /// Extra services (version 5.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<serde_json::Value>>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The body of `processing_accounts.create_reminder` and its reply
/// (`CreateReminderProcessingAccountsRequestBody`, `…Response`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    /// Kind of reminder.
    #[serde(rename = "type")]
    pub kind: ReminderType,
    /// Payroc's id of the reminder (ignored on writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder_id: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Reminder {
    /// A reminder to sign the pricing agreement.
    pub fn pricing_agreement() -> Self {
        Self {
            kind: ReminderType::PricingAgreement,
            reminder_id: None,
            unknown: UnknownFields::default(),
        }
    }
}

impl Validate for Reminder {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
    }
}

/// Where a terminal order goes (`shipping.address`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShippingAddress {
    /// Who receives it.
    pub recipient_name: String,
    /// Business name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    /// First line.
    pub address_line1: String,
    /// Second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// City.
    pub city: String,
    /// State.
    pub state: String,
    /// ZIP code.
    pub postal_code: String,
    /// Email of the recipient.
    pub email: String,
    /// Phone of the recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for ShippingAddress {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("recipientName", &self.recipient_name);
        v.required_str("addressLine1", &self.address_line1);
        v.required_str("city", &self.city);
        v.required_str("state", &self.state);
        v.required_str("postalCode", &self.postal_code);
        if !crate::common::looks_like_email(&self.email) {
            v.violation("email", "format", "must be an email address");
        }
    }
}

/// How a terminal order ships (`shipping.preferences`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShippingPreferences {
    /// Speed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<ShippingMethod>,
    /// Deliver on Saturday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saturday_delivery: Option<bool>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Shipping of a terminal order (`shipping`); without an address, the account's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TerminalOrderShipping {
    /// Preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferences: Option<ShippingPreferences>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<ShippingAddress>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for TerminalOrderShipping {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(preferences) = &self.preferences {
            v.at("preferences", |v| {
                v.known_opt("method", &preferences.method);
            });
        }
        v.nested_opt("address", &self.address);
    }
}

/// A processing terminal an order item made (`links[]` of an order item).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessingTerminalSummary {
    /// Id of the terminal.
    pub processing_terminal_id: String,
    /// Link to it.
    pub link: Link,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// One item of a terminal order (`OrderItem`; in replies, with `links` to the
/// terminals it made).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderItem {
    /// Kind of item.
    #[serde(rename = "type")]
    pub kind: OrderItemType,
    /// Id of the solution template.
    pub solution_template_id: String,
    /// How many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solution_quantity: Option<i64>,
    /// New or refurbished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_condition: Option<DeviceCondition>,
    /// Gateway, application, device and batch settings (kept whole).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solution_setup: Option<JsonObject>,
    /// The processing terminals made for it (replies only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<ProcessingTerminalSummary>>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl OrderItem {
    /// `quantity` terminals of a solution template.
    pub fn solution(template_id: impl Into<String>, quantity: i64) -> Self {
        Self {
            kind: OrderItemType::Solution,
            solution_template_id: template_id.into(),
            solution_quantity: Some(quantity),
            device_condition: None,
            solution_setup: None,
            links: None,
            unknown: UnknownFields::default(),
        }
    }
}

impl Validate for OrderItem {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
        v.required_str("solutionTemplateId", &self.solution_template_id);
        if let Some(quantity) = self.solution_quantity {
            if quantity < 1 {
                v.violation("solutionQuantity", "range", "must be at least 1");
            }
        }
        v.known_opt("deviceCondition", &self.device_condition);
    }
}

/// The body of `processing_accounts.create_terminal_order` (`CreateTerminalOrder`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateTerminalOrder {
    /// Who trains the merchant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_provider: Option<TrainingProvider>,
    /// Shipping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping: Option<TerminalOrderShipping>,
    /// What to order: 1 to 10 items.
    pub order_items: Vec<OrderItem>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl CreateTerminalOrder {
    /// An order of these items, shipped to the account's address.
    pub fn of(order_items: Vec<OrderItem>) -> Self {
        Self {
            training_provider: None,
            shipping: None,
            order_items,
            unknown: UnknownFields::default(),
        }
    }
}

impl Validate for CreateTerminalOrder {
    fn validate_into(&self, v: &mut Validator) {
        v.known_opt("trainingProvider", &self.training_provider);
        v.nested_opt("shipping", &self.shipping);
        if !(1..=10).contains(&self.order_items.len()) {
            v.violation("orderItems", "range", "needs from 1 to 10 order items");
        }
        v.each("orderItems", &self.order_items);
    }
}

/// A terminal order (`TerminalOrder`), as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TerminalOrder {
    /// Payroc's id of the order.
    pub terminal_order_id: String,
    /// Where it stands.
    pub status: TerminalOrderStatus,
    /// Who trains the merchant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_provider: Option<TrainingProvider>,
    /// Shipping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping: Option<TerminalOrderShipping>,
    /// What was ordered.
    pub order_items: Vec<OrderItem>,
    /// When it was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A processing terminal (`ProcessingTerminal`): its settings kept whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessingTerminal {
    /// Payroc's id of the terminal.
    pub processing_terminal_id: String,
    /// Active or not.
    pub status: ProcessingTerminalStatus,
    /// Time zone.
    pub timezone: Timezone,
    /// Name of the product and its setup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    /// Gateway settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<JsonObject>,
    /// When and how the batch closes (discriminator `batchCloseType`).
    pub batch_closure: JsonObject,
    /// Application settings.
    pub application_settings: JsonObject,
    /// Feature settings (tips, EBT, payment links, …).
    pub features: JsonObject,
    /// Taxes applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxes: Option<Vec<serde_json::Value>>,
    /// Tokenization and AVS settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security: Option<JsonObject>,
    /// Email and text receipts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_notifications: Option<JsonObject>,
    /// Devices using the terminal's configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub devices: Option<Vec<serde_json::Value>>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The TSYS merchant settings of a host configuration (`TsysMerchant`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TsysMerchant {
    /// Merchant id at the point of sale.
    pub pos_mid: String,
    /// Chain number.
    pub chain_number: String,
    /// Settlement agent number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement_agent: Option<String>,
    /// ABA routing number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aba_number: Option<String>,
    /// Acquirer BIN.
    pub bin_number: String,
    /// Agent bank number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_bank_number: Option<String>,
    /// Reimbursement attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reimbursement_attribute: Option<String>,
    /// Location number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_number: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The TSYS terminal settings of a host configuration (`TsysTerminal`); its
/// authentication code is a secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TsysTerminal {
    /// Terminal id (TID).
    pub terminal_id: String,
    /// Terminal number.
    pub terminal_number: String,
    /// Authentication code the terminal signs on with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_code: Option<SensitiveData>,
    /// Sharing groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharing_groups: Option<String>,
    /// Mail and telephone orders allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moto_allowed: Option<bool>,
    /// Online sales allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internet_allowed: Option<bool>,
    /// Card-present sales allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_present_allowed: Option<bool>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The TSYS host configuration (`processor: tsys`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TsysConfiguration {
    /// Merchant settings.
    pub merchant: TsysMerchant,
    /// Terminal settings.
    pub terminal: TsysTerminal,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// A terminal's host processor configuration (`configuration`, discriminator
    /// `processor`).
    pub enum HostProcessorConfiguration tag "processor" {
        /// TSYS.
        Tsys(Box<TsysConfiguration>) = "tsys",
    }
}

/// A processing terminal's host configuration (`HostConfiguration`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HostConfiguration {
    /// Id of the terminal.
    pub processing_terminal_id: String,
    /// Id of its processing account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_account_id: Option<String>,
    /// The host processor's settings.
    pub configuration: HostProcessorConfiguration,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}
