//! Funding: how a payment facilitator pays out its merchants' settled funds.
//!
//! A [`FundingRecipient`] (a charity, say) is a business that receives funds but does
//! not take payments; it has [`Owner`]s and [`FundingAccount`]s. A funding
//! [`Instruction`] sends amounts of a merchant's funding balance to funding accounts;
//! each movement of a balance is an [`ActivityRecord`], and [`MerchantBalance`] says
//! what a merchant has. Recipients are created with a [`CreateFundingRecipient`] and
//! replaced (PUT) with a [`FundingRecipient`]; accounts, owners and instructions are
//! created and replaced with the type the API returns.
//!
//! Bank account numbers, tax ids and owners' national ids are
//! [`SensitiveData`]: never in `Debug`, errors or logs.

use crate::common::{Address, ContactMethod, ContactMethodType, Link, UnknownFields};
use crate::money::Currency;
use crate::page::{ListQuery, PageQuery};
use crate::secret::SensitiveData;
use crate::validate::{is_iso_date, Validate, Validator};
use crate::OpenEnum;
use serde::{Deserialize, Serialize};

/// Custom data sent with a request and returned with the resource (`metadata`):
/// string values by name; kept as JSON so a reply's other values survive too.
pub type Metadata = serde_json::Map<String, serde_json::Value>;

open_enum! {
    /// Legal structure of a funding recipient (`recipientType`).
    pub enum RecipientType {
        /// Private corporation.
        PrivateCorporation = "privateCorporation",
        /// Public corporation.
        PublicCorporation = "publicCorporation",
        /// Non-profit organization.
        NonProfit = "nonProfit",
        /// Government body.
        Government = "government",
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
    /// Whether Payroc approved a funding recipient (`status`).
    pub enum RecipientStatus {
        /// Approved.
        Approved = "approved",
        /// Rejected.
        Rejected = "rejected",
        /// Not yet reviewed.
        Pending = "pending",
    }
}

open_enum! {
    /// Status of a funding account (`status`).
    pub enum FundingAccountStatus {
        /// Approved.
        Approved = "approved",
        /// Rejected.
        Rejected = "rejected",
        /// Not yet approved.
        Pending = "pending",
        /// Held by Payroc's risk team.
        Hold = "hold",
    }
}

open_enum! {
    /// Kind of bank account (`type`).
    pub enum FundingAccountType {
        /// Checking account.
        Checking = "checking",
        /// Savings account.
        Savings = "savings",
        /// General ledger account.
        GeneralLedger = "generalLedger",
    }
}

open_enum! {
    /// Whether funds go to the account, come from it, or both (`use`). A funding
    /// recipient's account takes only `credit`.
    pub enum FundingAccountUse {
        /// Funds are sent to the account.
        Credit = "credit",
        /// Funds are withdrawn from the account.
        Debit = "debit",
        /// Both.
        CreditAndDebit = "creditAndDebit",
    }
}

open_enum! {
    /// Kind of identity document of an owner (`identifiers[].type`).
    pub enum IdentifierType {
        /// Social Security Number or Social Insurance Number.
        NationalId = "nationalId",
    }
}

open_enum! {
    /// Where a funding instruction stands (`status`).
    pub enum InstructionStatus {
        /// Received, not yet reviewed: the only status in which it can be changed or
        /// deleted.
        Accepted = "accepted",
        /// Under review.
        Pending = "pending",
        /// Reviewed and processed.
        Completed = "completed",
    }
}

open_enum! {
    /// Where one payment of a funding instruction stands (`recipients[].status`).
    pub enum FundingPaymentStatus {
        /// Received, not reviewed.
        Accepted = "accepted",
        /// Under review.
        Pending = "pending",
        /// Approved.
        Released = "released",
        /// Sent to the funding account by ACH.
        Funded = "funded",
        /// The ACH payment failed.
        Failed = "failed",
        /// Reviewed and rejected.
        Rejected = "rejected",
        /// On hold.
        OnHold = "onHold",
    }
}

open_enum! {
    /// How funds are sent to a funding account (`paymentMethod`).
    pub enum FundingTransferMethod {
        /// An ACH transfer.
        Ach = "ACH",
    }
}

open_enum! {
    /// Whether funds moved into or out of a funding balance (`type`).
    pub enum ActivityType {
        /// Into the balance.
        Credit = "credit",
        /// Out of the balance.
        Debit = "debit",
    }
}

/// A US bank account's details (`paymentMethods[].value`); the account number is a
/// secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchAccount {
    /// Routing number (nine digits).
    pub routing_number: String,
    /// Account number.
    pub account_number: SensitiveData,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl AchAccount {
    /// An account with this routing and account number.
    pub fn new(routing_number: impl Into<String>, account_number: impl Into<String>) -> Self {
        Self {
            routing_number: routing_number.into(),
            account_number: SensitiveData::new(account_number),
            unknown: UnknownFields::default(),
        }
    }
}

impl Validate for AchAccount {
    fn validate_into(&self, v: &mut Validator) {
        if self.routing_number.len() != 9
            || !self.routing_number.bytes().all(|b| b.is_ascii_digit())
        {
            v.violation("routingNumber", "format", "must be nine digits");
        }
        let number = self.account_number.expose_secret();
        if number.is_empty() {
            v.missing("accountNumber");
        } else if number.len() > 17 || !number.bytes().all(|b| b.is_ascii_digit()) {
            // The message never quotes the number.
            v.violation("accountNumber", "format", "must be 1 to 17 digits");
        }
    }
}

/// The ACH payment method of a funding account (`type: ach`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AchPaymentMethod {
    /// The bank account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AchAccount>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// How a funding account is paid (`paymentMethods[]`, discriminator `type`).
    pub enum FundingPaymentMethod tag "type" {
        /// A US bank account, paid by ACH.
        Ach(AchPaymentMethod) = "ach",
    }
}

impl FundingPaymentMethod {
    /// An ACH bank account.
    pub fn ach(routing_number: impl Into<String>, account_number: impl Into<String>) -> Self {
        Self::Ach(AchPaymentMethod {
            value: Some(AchAccount::new(routing_number, account_number)),
            unknown: UnknownFields::default(),
        })
    }
}

impl Validate for FundingPaymentMethod {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Ach(ach) => match &ach.value {
                Some(account) => v.nested("value", account),
                None => v.missing("value"),
            },
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

/// A bank account that receives or provides funds (`FundingAccount`): the body of
/// `funding_recipients.create_account` and `funding_accounts.update` (a full replace),
/// and what the API returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingAccount {
    /// Payroc's id of the account (ignored on writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding_account_id: Option<i64>,
    /// When it was created (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// When it last changed (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date: Option<String>,
    /// Approval status (Payroc's to set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FundingAccountStatus>,
    /// Kind of account.
    #[serde(rename = "type")]
    pub kind: FundingAccountType,
    /// Whether funds go to it, come from it, or both.
    #[serde(rename = "use")]
    pub usage: FundingAccountUse,
    /// Account holder's name.
    pub name_on_account: String,
    /// The account's payment details (one ACH account).
    pub payment_methods: Vec<FundingPaymentMethod>,
    /// Custom data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Links to related resources (the recipient or processing account it belongs to).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<Link>>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl FundingAccount {
    /// A checking account that receives funds, paid by ACH.
    pub fn checking(
        name_on_account: impl Into<String>,
        routing_number: impl Into<String>,
        account_number: impl Into<String>,
    ) -> Self {
        Self {
            funding_account_id: None,
            created_date: None,
            last_modified_date: None,
            status: None,
            kind: FundingAccountType::Checking,
            usage: FundingAccountUse::Credit,
            name_on_account: name_on_account.into(),
            payment_methods: vec![FundingPaymentMethod::ach(routing_number, account_number)],
            metadata: None,
            links: None,
            unknown: UnknownFields::default(),
        }
    }
}

impl Validate for FundingAccount {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
        v.known("use", &self.usage);
        v.required_str("nameOnAccount", &self.name_on_account);
        if self.payment_methods.is_empty() {
            v.violation("paymentMethods", "required", "needs one payment method");
        }
        v.each("paymentMethods", &self.payment_methods);
        metadata(v, &self.metadata);
    }
}

/// A funding recipient's account as its recipient lists it (`fundingAccounts[]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingAccountSummary {
    /// Id of the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding_account_id: Option<i64>,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FundingAccountStatus>,
    /// Link to the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A funding recipient's owner as its recipient lists them (`owners[]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerSummary {
    /// Id of the owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<i64>,
    /// Link to the owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// An identity document of an owner (`identifiers[]`); its value is a secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Identifier {
    /// Kind of document.
    #[serde(rename = "type")]
    pub kind: IdentifierType,
    /// The SSN or SIN (returned masked by the API).
    pub value: SensitiveData,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Identifier {
    /// A national id (SSN or SIN).
    pub fn national_id(value: impl Into<String>) -> Self {
        Self {
            kind: IdentifierType::NationalId,
            value: SensitiveData::new(value),
            unknown: UnknownFields::default(),
        }
    }
}

impl Validate for Identifier {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
        v.required_str("value", self.value.expose_secret());
    }
}

/// An owner's part in the business (`relationship`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerRelationship {
    /// Percentage of the business the owner holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equity_percentage: Option<f64>,
    /// Job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The owner is the business's control prong (one per business).
    pub is_control_prong: bool,
    /// The owner may sign for the business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_authorized_signatory: Option<bool>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for OwnerRelationship {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(p) = self.equity_percentage {
            if !(0.0..=100.0).contains(&p) {
                v.violation("equityPercentage", "range", "must be between 0 and 100");
            }
        }
    }
}

/// An owner of a business (`Owner`): the body of `funding_recipients.create_owner`
/// and what the API returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Owner {
    /// Payroc's id of the owner (ignored on writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<i64>,
    /// First name.
    pub first_name: String,
    /// Middle name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Date of birth, `YYYY-MM-DD`.
    pub date_of_birth: String,
    /// Home address.
    pub address: Address,
    /// Identity documents.
    pub identifiers: Vec<Identifier>,
    /// How to reach the owner: at least an email address.
    pub contact_methods: Vec<ContactMethod>,
    /// Their part in the business.
    pub relationship: OwnerRelationship,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for Owner {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("firstName", &self.first_name);
        v.required_str("lastName", &self.last_name);
        v.date_iso("dateOfBirth", &self.date_of_birth);
        v.nested("address", &self.address);
        if self.identifiers.is_empty() {
            v.violation("identifiers", "required", "needs at least one identifier");
        }
        v.each("identifiers", &self.identifiers);
        contact_methods(v, &self.contact_methods, true);
        v.nested("relationship", &self.relationship);
    }
}

/// Checks `contactMethods`: at least one, each valid, an email among them when
/// `email_required` (an owner's).
pub(crate) fn contact_methods(v: &mut Validator, methods: &[ContactMethod], email_required: bool) {
    if methods.is_empty() {
        v.violation(
            "contactMethods",
            "required",
            "needs at least one contact method",
        );
    } else if email_required && !methods.iter().any(|m| m.kind == ContactMethodType::Email) {
        v.violation("contactMethods", "required", "needs an email address");
    }
    v.each("contactMethods", methods);
}

/// A tax id: an EIN or SSN, nine digits (dashes allowed between them). The message
/// never quotes it.
pub(crate) fn tax_id(v: &mut Validator, value: &SensitiveData) {
    let id = value.expose_secret();
    let digits = id.bytes().filter(u8::is_ascii_digit).count();
    if id.trim().is_empty() {
        v.missing("taxId");
    } else if digits != 9 || !id.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        v.violation("taxId", "format", "must be an EIN or SSN of nine digits");
    }
}

/// The body of `funding_recipients.create` (`CreateFundingRecipient`): the recipient
/// with its owners and funding accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateFundingRecipient {
    /// Legal structure.
    pub recipient_type: RecipientType,
    /// EIN or SSN.
    pub tax_id: SensitiveData,
    /// The charity's government id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charity_id: Option<String>,
    /// Legal (doing-business-as) name.
    pub doing_business_as: String,
    /// Address.
    pub address: Address,
    /// How to reach the recipient.
    pub contact_methods: Vec<ContactMethod>,
    /// Custom data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Its owners.
    pub owners: Vec<Owner>,
    /// Its funding accounts.
    pub funding_accounts: Vec<FundingAccount>,
}

impl Validate for CreateFundingRecipient {
    fn validate_into(&self, v: &mut Validator) {
        v.known("recipientType", &self.recipient_type);
        tax_id(v, &self.tax_id);
        v.required_str("doingBusinessAs", &self.doing_business_as);
        v.nested("address", &self.address);
        contact_methods(v, &self.contact_methods, false);
        if self.owners.is_empty() {
            v.violation("owners", "required", "needs at least one owner");
        }
        if self
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
        if self.funding_accounts.is_empty() {
            v.violation(
                "fundingAccounts",
                "required",
                "needs at least one funding account",
            );
        }
        v.each("fundingAccounts", &self.funding_accounts);
        recipient_accounts_credit_only(v, &self.funding_accounts);
        metadata(v, &self.metadata);
    }
}

/// A funding recipient's accounts only receive funds (`use: credit`).
fn recipient_accounts_credit_only(v: &mut Validator, accounts: &[FundingAccount]) {
    v.at("fundingAccounts", |v| {
        for (i, account) in accounts.iter().enumerate() {
            if account.usage.is_known() && account.usage != FundingAccountUse::Credit {
                v.index(i, |v| {
                    v.violation(
                        "use",
                        "value",
                        "a funding recipient's account takes only `credit`",
                    )
                });
            }
        }
    });
}

/// A funding recipient (`FundingRecipient`): what the API returns, and the body of
/// `funding_recipients.update` (a full replace; its owners and accounts are changed
/// through their own operations).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingRecipient {
    /// Payroc's id of the recipient (ignored on writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_id: Option<i64>,
    /// Approval status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RecipientStatus>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date: Option<String>,
    /// Legal structure.
    pub recipient_type: RecipientType,
    /// EIN or SSN.
    pub tax_id: SensitiveData,
    /// The charity's government id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charity_id: Option<String>,
    /// Legal (doing-business-as) name.
    pub doing_business_as: String,
    /// Address.
    pub address: Address,
    /// How to reach the recipient.
    pub contact_methods: Vec<ContactMethod>,
    /// Custom data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Its owners, by id and link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owners: Option<Vec<OwnerSummary>>,
    /// Its funding accounts, by id, status and link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding_accounts: Option<Vec<FundingAccountSummary>>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for FundingRecipient {
    fn validate_into(&self, v: &mut Validator) {
        v.known("recipientType", &self.recipient_type);
        tax_id(v, &self.tax_id);
        v.required_str("doingBusinessAs", &self.doing_business_as);
        v.nested("address", &self.address);
        contact_methods(v, &self.contact_methods, false);
        metadata(v, &self.metadata);
    }
}

/// An amount of a funding payment (`amount`), in the currency's minor unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundingAmount {
    /// Minor units (cents).
    pub value: i64,
    /// Currency (USD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for FundingAmount {
    fn validate_into(&self, v: &mut Validator) {
        v.positive_amount("value", self.value);
        if let Some(currency) = &self.currency {
            if *currency != Currency::Usd {
                v.violation("currency", "value", "funding is paid in USD only");
            }
        }
    }
}

/// One payment of a funding instruction: an amount to a funding account
/// (`merchants[].recipients[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingPayment {
    /// The funding account that receives the funds.
    pub funding_account_id: i64,
    /// How the funds are sent.
    pub payment_method: FundingTransferMethod,
    /// How much.
    pub amount: FundingAmount,
    /// Where this payment stands (Payroc's to set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FundingPaymentStatus>,
    /// Custom data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Link to the funding account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl FundingPayment {
    /// `value` minor units of USD to funding account `funding_account_id`, by ACH.
    pub fn ach_usd(funding_account_id: i64, value: i64) -> Self {
        Self {
            funding_account_id,
            payment_method: FundingTransferMethod::Ach,
            amount: FundingAmount {
                value,
                currency: Some(Currency::Usd),
                unknown: UnknownFields::default(),
            },
            status: None,
            metadata: None,
            link: None,
            unknown: UnknownFields::default(),
        }
    }
}

impl Validate for FundingPayment {
    fn validate_into(&self, v: &mut Validator) {
        if self.funding_account_id <= 0 {
            v.violation(
                "fundingAccountId",
                "range",
                "must be a funding account's id",
            );
        }
        v.known("paymentMethod", &self.payment_method);
        v.nested("amount", &self.amount);
        metadata(v, &self.metadata);
    }
}

/// Which merchant's balance pays which payments (`merchants[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstructionMerchant {
    /// The merchant (MID) whose funding balance pays.
    pub merchant_id: String,
    /// The payments.
    pub recipients: Vec<FundingPayment>,
    /// Link to the merchant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl InstructionMerchant {
    /// Payments out of `merchant_id`'s balance.
    pub fn new(merchant_id: impl Into<String>, recipients: Vec<FundingPayment>) -> Self {
        Self {
            merchant_id: merchant_id.into(),
            recipients,
            link: None,
            unknown: UnknownFields::default(),
        }
    }
}

impl Validate for InstructionMerchant {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("merchantId", &self.merchant_id);
        if self.recipients.is_empty() {
            v.violation("recipients", "required", "needs at least one payment");
        }
        v.each("recipients", &self.recipients);
    }
}

/// A funding instruction (`Instruction`): the body of `funding_instructions.create`
/// and `funding_instructions.update` (a full replace, while it is `accepted`), and
/// what the API returns (a list item also carries its `link`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Instruction {
    /// Payroc's id of the instruction (ignored on writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instruction_id: Option<i64>,
    /// When it was created (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// When it last changed (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date: Option<String>,
    /// Where it stands (Payroc's to set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<InstructionStatus>,
    /// Whose balances pay, and to whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchants: Option<Vec<InstructionMerchant>>,
    /// Custom data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Link to the instruction (list items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Instruction {
    /// An instruction paying out of these merchants' balances.
    pub fn new(merchants: Vec<InstructionMerchant>) -> Self {
        Self {
            merchants: Some(merchants),
            ..Self::default()
        }
    }

    /// The sum of its payments out of `merchant_id`'s balance, in minor units (at most
    /// `i64::MAX`).
    pub fn total_for(&self, merchant_id: &str) -> i64 {
        self.merchants
            .iter()
            .flatten()
            .filter(|m| m.merchant_id == merchant_id)
            .flat_map(|m| &m.recipients)
            .map(|r| r.amount.value)
            .fold(0, i64::saturating_add)
    }
}

impl Validate for Instruction {
    fn validate_into(&self, v: &mut Validator) {
        match &self.merchants {
            Some(merchants) if !merchants.is_empty() => v.each("merchants", merchants),
            _ => v.violation("merchants", "required", "needs at least one merchant"),
        }
        metadata(v, &self.metadata);
    }
}

/// One movement of a merchant's funding balance (`ActivityRecord`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityRecord {
    /// Id of the movement.
    pub id: i64,
    /// When the funds moved.
    pub date: String,
    /// Doing-business-as name of the merchant whose balance it is.
    pub merchant: String,
    /// Account holder who received the funds (debits only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// What it was.
    pub description: String,
    /// How much moved, in minor units.
    pub amount: i64,
    /// Into (`credit`) or out of (`debit`) the balance.
    #[serde(rename = "type")]
    pub kind: ActivityType,
    /// Currency (USD).
    pub currency: Currency,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A merchant's funding balance (`MerchantBalance`), in minor units.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MerchantBalance {
    /// The merchant (MID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    /// All funds, pending ones included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funds: Option<i64>,
    /// Funds promised to funding instructions and not yet sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<i64>,
    /// Funds that new funding instructions can use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<i64>,
    /// Currency (USD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// `metadata` in a request: text values only, as the API takes them.
pub(crate) fn metadata(v: &mut Validator, metadata: &Option<Metadata>) {
    let Some(metadata) = metadata else {
        return;
    };
    if metadata.values().any(|value| !value.is_string()) {
        v.violation("metadata", "type", "values must be strings");
    }
}

/// A date range filter, both ends required (`dateFrom`, `dateTo`, `YYYY-MM-DD`).
fn date_range(v: &mut Validator, from: &str, to: &str) {
    if from.is_empty() {
        v.missing("dateFrom");
    } else {
        v.date_iso("dateFrom", from);
    }
    if to.is_empty() {
        v.missing("dateTo");
    } else {
        v.date_iso("dateTo", to);
    }
    if is_iso_date(from) && is_iso_date(to) && to < from {
        v.violation("dateTo", "range", "must not be before dateFrom");
    }
}

/// Filters of `GET /funding-instructions`: a date range (required) and a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingInstructionListQuery {
    /// Instructions created on or after this date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date_from: String,
    /// Instructions created on or before this date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date_to: String,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl FundingInstructionListQuery {
    /// Instructions created from `date_from` to `date_to` (`YYYY-MM-DD`).
    pub fn between(date_from: impl Into<String>, date_to: impl Into<String>) -> Self {
        Self {
            date_from: date_from.into(),
            date_to: date_to.into(),
            page: PageQuery::default(),
        }
    }
}

impl Validate for FundingInstructionListQuery {
    fn validate_into(&self, v: &mut Validator) {
        date_range(v, &self.date_from, &self.date_to);
        self.page.validate_into(v);
    }
}

impl ListQuery for FundingInstructionListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![
            ("dateFrom", self.date_from.clone()),
            ("dateTo", self.date_to.clone()),
        ];
        self.page.push_pairs(&mut pairs);
        pairs
    }
}

/// Filters of `GET /funding-activity`: a date range (required), a merchant, a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingActivityListQuery {
    /// Movements on or after this date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date_from: String,
    /// Movements on or before this date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date_to: String,
    /// Only this merchant's balance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl FundingActivityListQuery {
    /// Movements from `date_from` to `date_to` (`YYYY-MM-DD`).
    pub fn between(date_from: impl Into<String>, date_to: impl Into<String>) -> Self {
        Self {
            date_from: date_from.into(),
            date_to: date_to.into(),
            ..Self::default()
        }
    }
}

impl Validate for FundingActivityListQuery {
    fn validate_into(&self, v: &mut Validator) {
        date_range(v, &self.date_from, &self.date_to);
        self.page.validate_into(v);
    }
}

impl ListQuery for FundingActivityListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![
            ("dateFrom", self.date_from.clone()),
            ("dateTo", self.date_to.clone()),
        ];
        if let Some(merchant) = &self.merchant_id {
            pairs.push(("merchantId", merchant.clone()));
        }
        self.page.push_pairs(&mut pairs);
        pairs
    }
}

/// Filters of `GET /funding-balance`: a merchant, a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingBalanceQuery {
    /// Only this merchant's balance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl Validate for FundingBalanceQuery {
    fn validate_into(&self, v: &mut Validator) {
        self.page.validate_into(v);
    }
}

impl ListQuery for FundingBalanceQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(merchant) = &self.merchant_id {
            pairs.push(("merchantId", merchant.clone()));
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

    fn address() -> Address {
        serde_json::from_value(json!({"address1": "1 Example Ave.", "city": "Chicago",
            "state": "Illinois", "country": "US", "postalCode": "60056"}))
        .unwrap()
    }

    fn owner() -> Owner {
        Owner {
            owner_id: None,
            first_name: "Jane".into(),
            middle_name: None,
            last_name: "Doe".into(),
            date_of_birth: "1964-03-22".into(),
            address: address(),
            identifiers: vec![Identifier::national_id("000004320")],
            contact_methods: vec![ContactMethod::email("jane.doe@example.com")],
            relationship: OwnerRelationship {
                is_control_prong: true,
                ..OwnerRelationship::default()
            },
            unknown: UnknownFields::default(),
        }
    }

    fn recipient() -> CreateFundingRecipient {
        CreateFundingRecipient {
            recipient_type: RecipientType::NonProfit,
            tax_id: SensitiveData::new("123456789"),
            charity_id: None,
            doing_business_as: "Doe Charity".into(),
            address: address(),
            contact_methods: vec![ContactMethod::email("info@example.com")],
            metadata: None,
            owners: vec![owner()],
            funding_accounts: vec![FundingAccount::checking(
                "Doe Charity",
                "123456789",
                "1234567890",
            )],
        }
    }

    #[test]
    fn a_valid_recipient_writes_the_wire_names() {
        let r = recipient();
        assert_eq!(r.validate(), Ok(()));
        let wire = serde_json::to_value(&r).unwrap();
        assert_eq!(wire["taxId"], "123456789");
        assert_eq!(wire["fundingAccounts"][0]["use"], "credit");
        assert_eq!(
            wire["fundingAccounts"][0]["paymentMethods"][0],
            json!({"type": "ach", "value": {"routingNumber": "123456789", "accountNumber": "1234567890"}})
        );
        assert_eq!(
            wire["owners"][0]["identifiers"][0],
            json!({"type": "nationalId", "value": "000004320"})
        );
    }

    #[test]
    fn every_violation_has_its_path() {
        let mut r = recipient();
        r.tax_id = SensitiveData::new("12345");
        r.owners.push(owner());
        r.doing_business_as = " ".into();
        r.contact_methods.clear();
        r.owners[0].contact_methods = vec![ContactMethod {
            kind: ContactMethodType::Phone,
            value: "2025550164".into(),
            unknown: UnknownFields::default(),
        }];
        r.owners[0].date_of_birth = "22/03/1964".into();
        r.owners[0].relationship.equity_percentage = Some(120.0);
        r.funding_accounts[0].usage = FundingAccountUse::Debit;
        r.funding_accounts[0].payment_methods = vec![FundingPaymentMethod::ach("12", "12ab")];
        let err = r.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "taxId",
                "doingBusinessAs",
                "contactMethods",
                "owners",
                "owners[0].dateOfBirth",
                "owners[0].contactMethods",
                "owners[0].relationship.equityPercentage",
                "fundingAccounts[0].paymentMethods[0].value.routingNumber",
                "fundingAccounts[0].paymentMethods[0].value.accountNumber",
                "fundingAccounts[0].use",
            ]
        );
    }

    #[test]
    fn secrets_stay_out_of_debug_and_errors() {
        let mut r = recipient();
        r.funding_accounts[0] = FundingAccount::checking("Doe", "123456789", "99887766554433x");
        r.tax_id = SensitiveData::new("98-7654321");
        let debug = format!("{r:?}");
        assert!(!debug.contains("7654321"), "{debug}");
        assert!(!debug.contains("99887766554433"), "{debug}");
        assert!(!debug.contains("000004320"), "{debug}");
        let err = r.validate().unwrap_err();
        assert!(!format!("{err:?} {err}").contains("99887766554433"));
    }

    #[test]
    fn instructions_need_merchants_and_positive_amounts() {
        let mut instruction = Instruction::new(vec![InstructionMerchant::new(
            "4525644354",
            vec![
                FundingPayment::ach_usd(123, 120_000),
                FundingPayment::ach_usd(0, 0),
            ],
        )]);
        let err = instruction.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "merchants[0].recipients[1].fundingAccountId",
                "merchants[0].recipients[1].amount.value"
            ]
        );
        assert_eq!(instruction.total_for("4525644354"), 120_000);
        instruction.merchants = Some(Vec::new());
        instruction
            .metadata
            .get_or_insert_with(Metadata::new)
            .insert("count".into(), json!(3));
        assert_eq!(
            paths(&instruction.validate().unwrap_err()),
            ["merchants", "metadata"]
        );
        let wire = serde_json::to_value(Instruction::new(vec![InstructionMerchant::new(
            "4525644354",
            vec![FundingPayment::ach_usd(123, 5)],
        )]))
        .unwrap();
        assert_eq!(
            wire,
            json!({"merchants": [{"merchantId": "4525644354", "recipients": [{"fundingAccountId": 123,
                "paymentMethod": "ACH", "amount": {"value": 5, "currency": "USD"}}]}]})
        );
    }

    #[test]
    fn list_filters_need_a_date_range() {
        let query = FundingActivityListQuery::default();
        assert_eq!(
            paths(&query.validate().unwrap_err()),
            ["dateFrom", "dateTo"]
        );
        let query = FundingInstructionListQuery::between("2024-07-03", "2024-07-01");
        assert_eq!(paths(&query.validate().unwrap_err()), ["dateTo"]);
        let mut query = FundingActivityListQuery::between("2024-07-01", "2024-07-03");
        query.merchant_id = Some("4525644354".into());
        query.page.limit = Some(2);
        assert_eq!(query.validate(), Ok(()));
        assert_eq!(
            query.query_pairs(),
            [
                ("dateFrom", "2024-07-01".to_owned()),
                ("dateTo", "2024-07-03".to_owned()),
                ("merchantId", "4525644354".to_owned()),
                ("limit", "2".to_owned()),
            ]
        );
    }

    #[test]
    fn replies_keep_unknown_fields_and_values() {
        let body = json!({"fundingAccountId": 1, "status": "frozen", "type": "brokerage", "use": "credit",
            "nameOnAccount": "J", "paymentMethods": [{"type": "wire", "iban": "x"}], "zz": 1});
        let account: FundingAccount = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(serde_json::to_value(&account).unwrap(), body);
        assert_eq!(account.unknown.get("zz"), Some(&json!(1)));
    }
}
