//! Secure tokens: a customer's card or bank account saved on a processing terminal, and
//! the single-use tokens (from Hosted Fields or the API) that can become one.
//!
//! Two identifiers that must not be mixed up: `secureTokenId` is chosen by the merchant
//! and goes in URLs; `token` is assigned by the gateway (296753…, Luhn-checked) and is
//! what a payment later sends as its `secureToken` payment method.

use crate::card::{CardDetails, EbtDetailsWithVoucher, Eci, PinDetails};
use crate::common::{
    AccountType, Channel, CustomField, Customer, IpAddress, MitAgreement, PatchDocument,
    RetrievedCustomer, SecCode, UnknownFields,
};
use crate::money::Currency;
use crate::page::{ListQuery, PageQuery};
use crate::secret::{CardNumber, SensitiveData};
use crate::validate::{luhn_check_digit, luhn_valid, Validate, Validator};
use serde::{Deserialize, Serialize};

/// The six digits every gateway-assigned secure token starts with.
pub const GATEWAY_TOKEN_PREFIX: &str = "296753";

/// The most digits a gateway-assigned secure token has.
pub const GATEWAY_TOKEN_MAX_LEN: usize = 12;

/// Whether `token` has the shape of a gateway-assigned secure token: digits only,
/// starting with 296753, at most 12 digits, ending in a Luhn check digit.
pub fn is_secure_token_number(token: &str) -> bool {
    // The prefix plus a check digit is the shortest possible token.
    (GATEWAY_TOKEN_PREFIX.len() + 1..=GATEWAY_TOKEN_MAX_LEN).contains(&token.len())
        && token.starts_with(GATEWAY_TOKEN_PREFIX)
        && luhn_valid(token)
}

/// A well-formed 12-digit secure token for a sequence number: 296753, the sequence as
/// five zero-padded digits, and a Luhn check digit. Deterministic, so a mock gateway
/// can mint tokens that tests can predict. Sequences wrap every 100 000.
pub fn secure_token_number(sequence: u64) -> String {
    let payload = format!("{GATEWAY_TOKEN_PREFIX}{:05}", sequence % 100_000);
    let check = luhn_check_digit(&payload).expect("the payload is all digits");
    format!("{payload}{check}")
}

/// A required string of exactly `len` ASCII digits; a blank value is reported once, as
/// missing.
fn exact_digits(v: &mut Validator, field: &'static str, value: &str, len: usize) {
    if value.trim().is_empty() {
        v.required_str(field, value);
    } else if value.len() != len || !value.bytes().all(|b| b.is_ascii_digit()) {
        v.violation(field, "format", format!("must be exactly {len} digits"));
    }
}

/// A saved card: card details as captured (`source.type: card`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CardSource {
    /// The card details, in any entry method.
    pub card_details: CardDetails,
    /// Account type; only meaningful for bank details, accepted here by the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<AccountType>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for CardSource {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("cardDetails", &self.card_details);
        v.known_opt("accountType", &self.account_type);
    }
}

/// A US bank account for ACH debits (`source.type: ach`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchSource {
    /// Name of the account holder.
    pub name_on_account: String,
    /// Account number; redacted in `Debug`.
    pub account_number: SensitiveData,
    /// Nine-digit ABA routing number.
    pub routing_number: String,
    /// Checking or savings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<AccountType>,
    /// How the account holder authorised the debit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sec_code: Option<SecCode>,
}

impl Validate for AchSource {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("nameOnAccount", &self.name_on_account);
        v.required_str("accountNumber", self.account_number.expose_secret());
        exact_digits(v, "routingNumber", &self.routing_number, 9);
        v.known_opt("accountType", &self.account_type);
        v.known_opt("secCode", &self.sec_code);
    }
}

/// A Canadian bank account for pre-authorized debits (`source.type: pad`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PadSource {
    /// Name of the account holder.
    pub name_on_account: String,
    /// Account number; redacted in `Debug`.
    pub account_number: SensitiveData,
    /// Five-digit branch transit number.
    pub transit_number: String,
    /// Three-digit financial institution number.
    pub institution_number: String,
    /// Checking or savings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<AccountType>,
}

impl Validate for PadSource {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("nameOnAccount", &self.name_on_account);
        v.required_str("accountNumber", self.account_number.expose_secret());
        exact_digits(v, "transitNumber", &self.transit_number, 5);
        exact_digits(v, "institutionNumber", &self.institution_number, 3);
        v.known_opt("accountType", &self.account_type);
    }
}

/// Details already captured as a single-use token (`source.type: singleUseToken`),
/// e.g. by Hosted Fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SingleUseTokenSource {
    /// The single-use token.
    pub token: String,
    /// Checking or savings (bank details).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<AccountType>,
    /// PIN details; a `raw` PIN is allowed here, unlike anywhere else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_details: Option<PinDetails>,
    /// EBT details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebt_details: Option<EbtDetailsWithVoucher>,
    /// How the account holder authorised the debit (bank details).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sec_code: Option<SecCode>,
}

impl SingleUseTokenSource {
    /// A source holding just the token.
    pub fn new(token: impl Into<String>) -> Self {
        Self {
            token: token.into(),
            account_type: None,
            pin_details: None,
            ebt_details: None,
            sec_code: None,
        }
    }
}

impl Validate for SingleUseTokenSource {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("token", &self.token);
        v.known_opt("accountType", &self.account_type);
        if let Some(pin) = &self.pin_details {
            v.at("pinDetails", |v| pin.validate_with(v, true));
        }
        v.nested_opt("ebtDetails", &self.ebt_details);
        v.known_opt("secCode", &self.sec_code);
    }
}

tagged_union! {
    /// What to save, in a tokenization request (`source`, discriminator `type`).
    pub enum SecureTokenSource tag "type" {
        /// A US bank account.
        Ach(AchSource) = "ach",
        /// A Canadian bank account.
        Pad(PadSource) = "pad",
        /// A card (boxed: card details dwarf the other variants).
        Card(Box<CardSource>) = "card",
        /// Details behind a single-use token.
        SingleUseToken(SingleUseTokenSource) = "singleUseToken",
    }
}

impl Validate for SecureTokenSource {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Ach(s) => s.validate_into(v),
            Self::Pad(s) => s.validate_into(v),
            Self::Card(s) => s.validate_into(v),
            Self::SingleUseToken(s) => s.validate_into(v),
            Self::Unknown(_) => {
                v.unknown_variant("type", Self::KNOWN_TAGS);
            }
        }
    }
}

/// 3-D Secure authenticated by the gateway's own MPI (`type: gatewayThreeDSecure`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GatewayThreeDSecure {
    /// Reference of the gateway's MPI authentication.
    pub mpi_reference: String,
}

/// 3-D Secure authenticated by a third party (`type: thirdPartyThreeDSecure`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ThirdPartyThreeDSecure {
    /// Electronic commerce indicator: the outcome of the authentication.
    pub eci: Eci,
    /// Transaction id of the authentication (3-D Secure 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xid: Option<String>,
    /// Cardholder authentication verification value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cavv: Option<String>,
    /// Directory server transaction id (3-D Secure 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ds_transaction_id: Option<String>,
}

tagged_union! {
    /// 3-D Secure result of a tokenization request. Unlike payments, whose
    /// `threeDSecure` is tagged by `serviceProvider`, this one is tagged by `type`.
    pub enum SecureTokenThreeDSecure tag "type" {
        /// Authenticated by the gateway.
        Gateway(GatewayThreeDSecure) = "gatewayThreeDSecure",
        /// Authenticated by a third party.
        ThirdParty(ThirdPartyThreeDSecure) = "thirdPartyThreeDSecure",
    }
}

impl Validate for SecureTokenThreeDSecure {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Gateway(g) => v.required_str("mpiReference", &g.mpi_reference),
            Self::ThirdParty(t) => v.known("eci", &t.eci),
            Self::Unknown(_) => {
                v.unknown_variant("type", Self::KNOWN_TAGS);
            }
        }
    }
}

/// Body of `POST /processing-terminals/{id}/secure-tokens`: save a card or bank account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecureTokenRequest {
    /// What to save.
    pub source: SecureTokenSource,
    /// The merchant's own id for the token; the gateway makes one when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure_token_id: Option<String>,
    /// Who saved the details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The agreement for later merchant-initiated charges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mit_agreement: Option<MitAgreement>,
    /// The customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// Address of the client machine making the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<IpAddress>,
    /// 3-D Secure result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub three_d_secure: Option<SecureTokenThreeDSecure>,
    /// Merchant-defined fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
}

impl SecureTokenRequest {
    /// A request saving `source`, with every optional field left out.
    pub fn new(source: SecureTokenSource) -> Self {
        Self {
            source,
            secure_token_id: None,
            operator: None,
            mit_agreement: None,
            customer: None,
            ip_address: None,
            three_d_secure: None,
            custom_fields: Vec::new(),
        }
    }

    /// A request saving a card.
    pub fn card(card_details: CardDetails) -> Self {
        Self::new(SecureTokenSource::Card(Box::new(CardSource {
            card_details,
            account_type: None,
            unknown: Default::default(),
        })))
    }
}

impl Validate for SecureTokenRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("source", &self.source);
        if let Some(id) = &self.secure_token_id {
            v.required_str("secureTokenId", id);
        }
        v.known_opt("mitAgreement", &self.mit_agreement);
        v.nested_opt("customer", &self.customer);
        v.nested_opt("ipAddress", &self.ip_address);
        v.nested_opt("threeDSecure", &self.three_d_secure);
        v.each("customFields", &self.custom_fields);
    }
}

/// Surcharge terms for a saved card; returned only when the merchant surcharges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Surcharging {
    /// Whether the merchant may surcharge this card.
    pub allowed: bool,
    /// Surcharge in minor units (only when an amount was supplied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Surcharge rate, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentage: Option<f64>,
    /// Text to show the cardholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A saved card as returned (`source.type: card`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RetrievedCardSource {
    /// Cardholder's name.
    pub cardholder_name: String,
    /// Card number; shown masked in `Debug` since the API may send the full PAN.
    pub card_number: CardNumber,
    /// Expiry date, `MMYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<String>,
    /// Card brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_type: Option<String>,
    /// Currency of the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Whether it is a debit card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debit: Option<bool>,
    /// Surcharge terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surcharging: Option<Surcharging>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A saved US bank account as returned (`source.type: ach`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RetrievedAchSource {
    /// Name of the account holder.
    pub name_on_account: String,
    /// Account number; redacted in `Debug`.
    pub account_number: SensitiveData,
    /// ABA routing number.
    pub routing_number: String,
    /// Checking or savings; sent by retrieve and list only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<AccountType>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A saved Canadian bank account as returned (`source.type: pad`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RetrievedPadSource {
    /// Name of the account holder.
    pub name_on_account: String,
    /// Account number; redacted in `Debug`.
    pub account_number: SensitiveData,
    /// Branch transit number.
    pub transit_number: String,
    /// Financial institution number.
    pub institution_number: String,
    /// Checking or savings; sent by retrieve and list only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<AccountType>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// The saved details as returned (`source`, discriminator `type`).
    pub enum SecureTokenResponseSource tag "type" {
        /// A US bank account.
        Ach(RetrievedAchSource) = "ach",
        /// A Canadian bank account.
        Pad(RetrievedPadSource) = "pad",
        /// A card.
        Card(RetrievedCardSource) = "card",
    }
}

open_enum! {
    /// Outcome of the security check made when the details were saved; may be
    /// unavailable depending on the merchant's settings.
    pub enum SecureTokenStatus {
        /// Not validated.
        NotValidated = "notValidated",
        /// The CVV was validated.
        CvvValidated = "cvvValidated",
        /// Validation failed.
        ValidationFailed = "validationFailed",
        /// The issue number was validated.
        IssueNumberValidated = "issueNumberValidated",
        /// The card number was validated.
        CardNumberValidated = "cardNumberValidated",
        /// The bank account was validated.
        BankAccountValidated = "bankAccountValidated",
    }
}

/// A secure token as create, partial update and update-account return it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecureToken {
    /// The merchant's id for the token (used in URLs).
    pub secure_token_id: String,
    /// The terminal that owns the token.
    pub processing_terminal_id: String,
    /// The agreement for merchant-initiated charges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mit_agreement: Option<MitAgreement>,
    /// The customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<RetrievedCustomer>,
    /// The saved details.
    pub source: SecureTokenResponseSource,
    /// The gateway's token, to send as a payment's `secureToken` payment method.
    pub token: String,
    /// Outcome of the security check.
    pub status: SecureTokenStatus,
    /// Merchant-defined fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl SecureToken {
    /// Whether `token` has the shape of a gateway-assigned token (see
    /// [`is_secure_token_number`]).
    pub fn is_gateway_token(token: &str) -> bool {
        is_secure_token_number(token)
    }
}

/// A secure token as retrieve and list return it: `source` may be absent, and its bank
/// variants carry `accountType`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecureTokenWithAccountType {
    /// The merchant's id for the token (used in URLs).
    pub secure_token_id: String,
    /// The terminal that owns the token.
    pub processing_terminal_id: String,
    /// The agreement for merchant-initiated charges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mit_agreement: Option<MitAgreement>,
    /// The customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<RetrievedCustomer>,
    /// The saved details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SecureTokenResponseSource>,
    /// The gateway's token.
    pub token: String,
    /// Outcome of the security check.
    pub status: SecureTokenStatus,
    /// Merchant-defined fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Filters of `GET /processing-terminals/{id}/secure-tokens`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecureTokenListQuery {
    /// The merchant's id for a token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure_token_id: Option<String>,
    /// Customer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_name: Option<String>,
    /// Customer's phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Customer's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The gateway's token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// First six digits of the card or account number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first6: Option<String>,
    /// Last four digits of the card or account number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last4: Option<String>,
    /// Cursor and page size.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl Validate for SecureTokenListQuery {
    fn validate_into(&self, v: &mut Validator) {
        // The parameter names fix the digit counts: anything else can match nothing.
        if let Some(first6) = &self.first6 {
            exact_digits(v, "first6", first6, 6);
        }
        if let Some(last4) = &self.last4 {
            exact_digits(v, "last4", last4, 4);
        }
        self.page.validate_into(v);
    }
}

impl ListQuery for SecureTokenListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let fields = [
            ("secureTokenId", &self.secure_token_id),
            ("customerName", &self.customer_name),
            ("phone", &self.phone),
            ("email", &self.email),
            ("token", &self.token),
            ("first6", &self.first6),
            ("last4", &self.last4),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                pairs.push((key, value.clone()));
            }
        }
        self.page.push_pairs(&mut pairs);
        pairs
    }
}

/// Body of `PATCH …/secure-tokens/{secureTokenId}`: JSON Patch operations that may not
/// touch the fields the gateway owns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecureTokenPatch(pub Vec<PatchDocument>);

impl SecureTokenPatch {
    /// JSON Pointers the API refuses to patch (and everything below them).
    pub const READ_ONLY_PATHS: &'static [&'static str] = &[
        "/processingTerminalId",
        "/token",
        "/status",
        "/source/type",
        "/source/cardNumber",
        "/source/cardType",
        "/source/currency",
        "/source/debit",
        "/source/surcharging",
        "/source/accountNumber",
        "/source/routingNumber",
        "/source/transitNumber",
        "/type",
    ];

    /// A patch of these operations.
    pub fn new(operations: Vec<PatchDocument>) -> Self {
        Self(operations)
    }

    /// Whether a JSON Pointer is, or lies under, a read-only field.
    pub fn is_read_only(pointer: &str) -> bool {
        Self::READ_ONLY_PATHS.iter().any(|ro| {
            pointer
                .strip_prefix(ro)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    }
}

impl From<Vec<PatchDocument>> for SecureTokenPatch {
    fn from(operations: Vec<PatchDocument>) -> Self {
        Self(operations)
    }
}

impl Validate for SecureTokenPatch {
    fn validate_into(&self, v: &mut Validator) {
        self.0.as_slice().validate_into(v);
        let read_only = |v: &mut Validator, field: &'static str, pointer: &str| {
            if Self::is_read_only(pointer) {
                v.violation(
                    field,
                    "conflict",
                    format!("`{pointer}` is set by the gateway and cannot be changed; patch another field"),
                );
            }
        };
        for (i, op) in self.0.iter().enumerate() {
            v.index(i, |v| match op {
                PatchDocument::Add(p) | PatchDocument::Replace(p) => read_only(v, "path", &p.path),
                PatchDocument::Remove(p) => read_only(v, "path", &p.path),
                // A move removes its source, so both ends must be writable.
                PatchDocument::Move(p) => {
                    read_only(v, "from", &p.from);
                    read_only(v, "path", &p.path);
                }
                PatchDocument::Copy(p) => read_only(v, "path", &p.path),
                // `test` only reads; unknown operations were reported above.
                PatchDocument::Test(_) | PatchDocument::Unknown(_) => {}
            });
        }
    }
}

/// The new details of `POST …/{secureTokenId}/update-account`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SingleUseTokenAccountUpdate {
    /// The single-use token holding the new details.
    pub token: String,
}

tagged_union! {
    /// Body of `POST …/secure-tokens/{secureTokenId}/update-account`: replace the saved
    /// details with those behind a single-use token.
    pub enum AccountUpdate tag "type" {
        /// Details captured as a single-use token (e.g. by Hosted Fields).
        SingleUseToken(SingleUseTokenAccountUpdate) = "singleUseToken",
    }
}

impl AccountUpdate {
    /// An update to the details behind `token`.
    pub fn single_use_token(token: impl Into<String>) -> Self {
        Self::SingleUseToken(SingleUseTokenAccountUpdate {
            token: token.into(),
        })
    }
}

impl Validate for AccountUpdate {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::SingleUseToken(u) => v.required_str("token", &u.token),
            Self::Unknown(_) => {
                v.unknown_variant("type", Self::KNOWN_TAGS);
            }
        }
    }
}

tagged_union! {
    /// What a single-use token is made from (`source`, discriminator `type`): the
    /// tokenization sources without `singleUseToken`.
    pub enum SingleUseTokenRequestSource tag "type" {
        /// A US bank account.
        Ach(AchSource) = "ach",
        /// A Canadian bank account.
        Pad(PadSource) = "pad",
        /// A card (boxed: card details dwarf the other variants).
        Card(Box<CardSource>) = "card",
    }
}

impl Validate for SingleUseTokenRequestSource {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Ach(s) => s.validate_into(v),
            Self::Pad(s) => s.validate_into(v),
            Self::Card(s) => s.validate_into(v),
            Self::Unknown(_) => {
                v.unknown_variant("type", Self::KNOWN_TAGS);
            }
        }
    }
}

/// Body of `POST /processing-terminals/{id}/single-use-tokens`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SingleUseTokenRequest {
    /// How the merchant got the details.
    pub channel: Channel,
    /// The details to tokenize.
    pub source: SingleUseTokenRequestSource,
    /// Who captured the details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
}

impl Validate for SingleUseTokenRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.known("channel", &self.channel);
        v.nested("source", &self.source);
    }
}

tagged_union! {
    /// The payment method a single-use token stands for (discriminator `type`).
    pub enum SingleUseTokenPaymentMethod tag "type" {
        /// A card (boxed: card details dwarf the other variants).
        Card(Box<CardSource>) = "card",
    }
}

/// A single-use token: valid for 30 minutes, usable once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SingleUseToken {
    /// The terminal that made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_terminal_id: Option<String>,
    /// Who captured the details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The payment method it stands for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<SingleUseTokenPaymentMethod>,
    /// The token (not in the 296753 format; other terminals of the merchant may use it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// When it stops working (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// The tokenized details.
    pub source: SecureTokenResponseSource,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{DukptPin, RawPin};
    use crate::common::IpAddressType;
    use crate::validate::ValidationError;
    use serde_json::json;

    const PAN: &str = "4539858876047062";

    fn paths(err: &ValidationError) -> Vec<&str> {
        err.violations().iter().map(|v| v.path.as_str()).collect()
    }

    fn ach() -> AchSource {
        AchSource {
            name_on_account: "Shara Hazel Hopper".into(),
            account_number: SensitiveData::new("1234567890"),
            routing_number: "123456789".into(),
            account_type: Some(AccountType::Checking),
            sec_code: Some(SecCode::Web),
        }
    }

    fn pad() -> PadSource {
        PadSource {
            name_on_account: "Shara Hazel Hopper".into(),
            account_number: SensitiveData::new("987654321"),
            transit_number: "76543".into(),
            institution_number: "543".into(),
            account_type: None,
        }
    }

    fn full_request() -> SecureTokenRequest {
        let mut req = SecureTokenRequest::card(CardDetails::keyed(PAN, "1230", Some("123")));
        req.secure_token_id = Some("MREF_1".into());
        req.operator = Some("Jane".into());
        req.mit_agreement = Some(MitAgreement::Unscheduled);
        req.customer = Some(Customer {
            first_name: Some("Sarah".into()),
            ..Customer::default()
        });
        req.ip_address = Some(IpAddress {
            kind: IpAddressType::Ipv4,
            value: "198.51.100.7".into(),
        });
        req.three_d_secure = Some(SecureTokenThreeDSecure::Gateway(GatewayThreeDSecure {
            mpi_reference: "314159".into(),
        }));
        req.custom_fields = vec![CustomField::new("yourCustomField", "abc123")];
        req
    }

    #[test]
    fn minted_tokens_are_well_formed_and_deterministic() {
        for seq in [0u64, 1, 7, 42, 12_345, 99_999, 100_000, u64::MAX] {
            let token = secure_token_number(seq);
            assert_eq!(token.len(), 12, "{token}");
            assert!(token.starts_with("296753"), "{token}");
            assert!(token.bytes().all(|b| b.is_ascii_digit()));
            assert!(luhn_valid(&token), "{token}");
            assert!(is_secure_token_number(&token), "{token}");
            assert!(SecureToken::is_gateway_token(&token));
            assert_eq!(token, secure_token_number(seq));
        }
        assert_eq!(secure_token_number(12_345), "296753123458");
        assert_eq!(&secure_token_number(7)[6..11], "00007");
        assert_ne!(secure_token_number(1), secure_token_number(2));
        assert_eq!(secure_token_number(100_001), secure_token_number(1));
    }

    #[test]
    fn token_shape_check_rejects_near_misses() {
        assert!(is_secure_token_number("296753123458"));
        assert!(!is_secure_token_number("296753123456"), "check digit fails");
        assert!(!is_secure_token_number("307864234567"), "wrong prefix");
        assert!(!is_secure_token_number("2967531234580"), "13 digits");
        assert!(!is_secure_token_number("296753"), "no payload");
        assert!(!is_secure_token_number("29675312345a"));
        assert!(!is_secure_token_number(""));
        // Shorter tokens are allowed as long as the check digit holds.
        let short = format!("2967531{}", luhn_check_digit("2967531").unwrap());
        assert!(is_secure_token_number(&short));
    }

    #[test]
    fn request_round_trips_with_wire_names() {
        let req = full_request();
        let text = serde_json::to_string(&req).unwrap();
        let back: SecureTokenRequest = serde_json::from_str(&text).unwrap();
        assert_eq!(back, req);
        let value = serde_json::to_value(&req).unwrap();
        assert_eq!(value["source"]["type"], "card");
        assert_eq!(value["source"]["cardDetails"]["entryMethod"], "keyed");
        assert_eq!(
            value["source"]["cardDetails"]["keyedData"]["cardNumber"],
            PAN
        );
        assert_eq!(value["secureTokenId"], "MREF_1");
        assert_eq!(value["mitAgreement"], "unscheduled");
        assert_eq!(value["ipAddress"]["type"], "ipv4");
        assert_eq!(value["threeDSecure"]["type"], "gatewayThreeDSecure");
        assert_eq!(value["threeDSecure"]["mpiReference"], "314159");
        assert_eq!(value["customFields"][0]["name"], "yourCustomField");
        assert!(req.validate().is_ok(), "{:?}", req.validate());
    }

    #[test]
    fn every_request_source_parses_from_documented_shape() {
        let body = json!({
            "source": {
                "type": "ach",
                "nameOnAccount": "Shara Hazel Hopper",
                "accountNumber": "1234567890",
                "routingNumber": "123456789",
                "accountType": "checking",
                "secCode": "web"
            },
            "threeDSecure": {
                "type": "thirdPartyThreeDSecure",
                "eci": "fullyAuthenticated",
                "xid": "x1",
                "cavv": "c1",
                "dsTransactionId": "d1"
            }
        });
        let req: SecureTokenRequest = serde_json::from_value(body.clone()).unwrap();
        let SecureTokenSource::Ach(source) = &req.source else {
            panic!("expected ach: {:?}", req.source)
        };
        assert_eq!(source.account_number.expose_secret(), "1234567890");
        assert_eq!(source.sec_code, Some(SecCode::Web));
        let Some(SecureTokenThreeDSecure::ThirdParty(tds)) = &req.three_d_secure else {
            panic!("expected third party")
        };
        assert_eq!(tds.eci, Eci::FullyAuthenticated);
        assert_eq!(tds.ds_transaction_id.as_deref(), Some("d1"));
        assert_eq!(serde_json::to_value(&req).unwrap(), body);
        assert!(req.validate().is_ok());

        let pad_body = json!({"type": "pad", "nameOnAccount": "N", "accountNumber": "1",
            "transitNumber": "76543", "institutionNumber": "543"});
        let pad: SecureTokenSource = serde_json::from_value(pad_body.clone()).unwrap();
        assert!(matches!(&pad, SecureTokenSource::Pad(p) if p.transit_number == "76543"));
        assert_eq!(serde_json::to_value(&pad).unwrap(), pad_body);

        let sut_body = json!({"type": "singleUseToken", "token": "abc",
            "pinDetails": {"dataFormat": "raw", "pin": "1234"}});
        let sut: SecureTokenSource = serde_json::from_value(sut_body.clone()).unwrap();
        assert!(matches!(&sut, SecureTokenSource::SingleUseToken(s)
            if matches!(s.pin_details, Some(PinDetails::Raw(_)))));
        assert_eq!(serde_json::to_value(&sut).unwrap(), sut_body);
        assert!(SecureTokenRequest::new(sut).validate().is_ok());
    }

    #[test]
    fn source_rules_report_exact_paths() {
        let bad_ach = AchSource {
            name_on_account: " ".into(),
            account_number: SensitiveData::new(""),
            routing_number: "12345678".into(),
            account_type: Some(AccountType::from_api("brokerage")),
            sec_code: Some(SecCode::from_api("xyz")),
        };
        let err = SecureTokenRequest::new(SecureTokenSource::Ach(bad_ach))
            .validate()
            .unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "source.nameOnAccount",
                "source.accountNumber",
                "source.routingNumber",
                "source.accountType",
                "source.secCode"
            ]
        );
        let mut blank_routing = ach();
        blank_routing.routing_number = String::new();
        let err = blank_routing.validate().unwrap_err();
        assert_eq!(err.violations()[0].code, "required");
        assert_eq!(paths(&err), ["routingNumber"]);
        let mut letters = ach();
        letters.routing_number = "12345678a".into();
        assert!(letters.validate().unwrap_err().has_path("routingNumber"));
        assert!(ach().validate().is_ok());

        let bad_pad = PadSource {
            name_on_account: String::new(),
            account_number: SensitiveData::new(" "),
            transit_number: "7654".into(),
            institution_number: "5430".into(),
            account_type: Some(AccountType::from_api("other")),
        };
        let err = SecureTokenRequest::new(SecureTokenSource::Pad(bad_pad))
            .validate()
            .unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "source.nameOnAccount",
                "source.accountNumber",
                "source.transitNumber",
                "source.institutionNumber",
                "source.accountType"
            ]
        );
        assert!(pad().validate().is_ok());

        let bad_card = CardSource {
            card_details: CardDetails::keyed("4539858876047063", "1330", None),
            account_type: Some(AccountType::from_api("x")),
            unknown: Default::default(),
        };
        let err = SecureTokenRequest::new(SecureTokenSource::Card(Box::new(bad_card)))
            .validate()
            .unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "source.cardDetails.keyedData.cardNumber",
                "source.cardDetails.keyedData.expiryDate",
                "source.accountType"
            ]
        );

        let bad_sut = SingleUseTokenSource {
            token: "  ".into(),
            account_type: Some(AccountType::from_api("x")),
            pin_details: Some(PinDetails::Dukpt(DukptPin {
                pin: SensitiveData::new(""),
                pin_ksn: "ksn".into(),
                unknown: Default::default(),
            })),
            ebt_details: Some(EbtDetailsWithVoucher {
                benefit_category: crate::card::BenefitCategory::from_api("x"),
                withdrawal: None,
                voucher: None,
                unknown: Default::default(),
            }),
            sec_code: Some(SecCode::from_api("x")),
        };
        let err = SecureTokenRequest::new(SecureTokenSource::SingleUseToken(bad_sut))
            .validate()
            .unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "source.token",
                "source.accountType",
                "source.pinDetails.pin",
                "source.ebtDetails.benefitCategory",
                "source.secCode"
            ]
        );
        // A raw PIN is fine here (and only here).
        let mut raw = SingleUseTokenSource::new("tok");
        raw.pin_details = Some(PinDetails::Raw(RawPin {
            pin: SensitiveData::new("1234"),
            unknown: Default::default(),
        }));
        assert!(raw.validate().is_ok());
    }

    #[test]
    fn request_level_rules_report_exact_paths() {
        let mut req = full_request();
        req.secure_token_id = Some(" ".into());
        req.mit_agreement = Some(MitAgreement::from_api("forever"));
        req.customer = Some(Customer {
            date_of_birth: Some("15/07/1990".into()),
            ..Customer::default()
        });
        req.ip_address = Some(IpAddress {
            kind: IpAddressType::Ipv4,
            value: "not-an-ip".into(),
        });
        req.three_d_secure = Some(SecureTokenThreeDSecure::Gateway(GatewayThreeDSecure {
            mpi_reference: String::new(),
        }));
        req.custom_fields = vec![CustomField::new("", "v")];
        let err = req.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "secureTokenId",
                "mitAgreement",
                "customer.dateOfBirth",
                "ipAddress.value",
                "threeDSecure.mpiReference",
                "customFields[0].name"
            ]
        );

        let mut req = full_request();
        req.three_d_secure = Some(SecureTokenThreeDSecure::ThirdParty(
            ThirdPartyThreeDSecure {
                eci: Eci::from_api("maybe"),
                xid: None,
                cavv: None,
                ds_transaction_id: None,
            },
        ));
        assert_eq!(paths(&req.validate().unwrap_err()), ["threeDSecure.eci"]);

        // Payments' discriminator is not this one's: an unknown tag is a violation.
        let mut req = full_request();
        req.three_d_secure = Some(
            serde_json::from_value(json!({"serviceProvider": "gateway", "type": "gateway"}))
                .unwrap(),
        );
        assert_eq!(paths(&req.validate().unwrap_err()), ["threeDSecure.type"]);

        let unknown: SecureTokenSource =
            serde_json::from_value(json!({"type": "wallet", "x": 1})).unwrap();
        assert_eq!(unknown.tag(), "wallet");
        let err = SecureTokenRequest::new(unknown).validate().unwrap_err();
        assert_eq!(paths(&err), ["source.type"]);
    }

    #[test]
    fn secrets_stay_out_of_debug() {
        let card = SecureTokenSource::Card(Box::new(CardSource {
            card_details: CardDetails::keyed(PAN, "1230", Some("987")),
            account_type: None,
            unknown: Default::default(),
        }));
        let shown = format!("{card:?}");
        assert!(!shown.contains(PAN), "{shown}");
        assert!(!shown.contains("987"), "{shown}");
        assert!(shown.contains("453985******7062"), "{shown}");

        let shown = format!(
            "{:?}",
            SecureTokenRequest::new(SecureTokenSource::Ach(ach()))
        );
        assert!(!shown.contains("1234567890"), "{shown}");
        assert!(shown.contains("[REDACTED]"), "{shown}");

        let shown = format!("{:?}", pad());
        assert!(!shown.contains("987654321"), "{shown}");

        let response: SecureTokenResponseSource = serde_json::from_value(json!({
            "type": "ach", "nameOnAccount": "N", "accountNumber": "5550001111",
            "routingNumber": "123456789"
        }))
        .unwrap();
        assert!(!format!("{response:?}").contains("5550001111"));
    }

    fn token_body() -> serde_json::Value {
        json!({
            "secureTokenId": "MREF_x1",
            "processingTerminalId": "1234001",
            "mitAgreement": "recurring",
            "customer": {"firstName": "Sarah", "notificationLanguage": "en"},
            "source": {
                "type": "card",
                "cardholderName": "Sarah Hopper",
                "cardNumber": PAN,
                "expiryDate": "1230",
                "cardType": "visa",
                "currency": "USD",
                "debit": false,
                "surcharging": {"allowed": true, "amount": 87, "percentage": 3.5,
                    "disclosure": "3.5% surcharge."}
            },
            "token": "296753123458",
            "status": "cvvValidated",
            "customFields": [{"name": "n", "value": "v"}]
        })
    }

    #[test]
    fn secure_token_response_parses_and_round_trips() {
        let token: SecureToken = serde_json::from_value(token_body()).unwrap();
        assert_eq!(token.status, SecureTokenStatus::CvvValidated);
        assert_eq!(token.mit_agreement, Some(MitAgreement::Recurring));
        assert!(SecureToken::is_gateway_token(&token.token));
        let SecureTokenResponseSource::Card(card) = &token.source else {
            panic!("expected card")
        };
        assert_eq!(card.card_number.expose_secret(), PAN);
        assert_eq!(card.currency, Some(Currency::Usd));
        let surcharging = card.surcharging.as_ref().unwrap();
        assert_eq!(surcharging.amount, Some(87));
        assert_eq!(surcharging.percentage, Some(3.5));
        assert!(!format!("{token:?}").contains(PAN));
        assert_eq!(serde_json::to_value(&token).unwrap(), token_body());
    }

    #[test]
    fn responses_tolerate_unknown_values_and_fields() {
        let mut body = token_body();
        body["status"] = json!("biometricValidated");
        body["mitAgreement"] = json!("subscription");
        body["brandNewField"] = json!({"nested": true});
        body["source"]["currency"] = json!("XTS");
        let token: SecureToken = serde_json::from_value(body).unwrap();
        assert_eq!(
            token.status,
            SecureTokenStatus::Unknown("biometricValidated".into())
        );
        let out = serde_json::to_value(&token).unwrap();
        assert_eq!(out["status"], "biometricValidated");
        assert_eq!(out["mitAgreement"], "subscription");
        assert_eq!(out["source"]["currency"], "XTS");

        let mut body = token_body();
        body["source"] = json!({"type": "crypto", "wallet": "w"});
        let token: SecureToken = serde_json::from_value(body).unwrap();
        assert_eq!(token.source.tag(), "crypto");
        assert_eq!(
            serde_json::to_value(&token).unwrap()["source"],
            json!({"type": "crypto", "wallet": "w"})
        );
    }

    #[test]
    fn token_with_account_type_has_optional_source() {
        let mut body = token_body();
        body.as_object_mut().unwrap().remove("source");
        let item: SecureTokenWithAccountType = serde_json::from_value(body.clone()).unwrap();
        assert!(item.source.is_none());
        assert_eq!(serde_json::to_value(&item).unwrap(), body);

        body["source"] = json!({"type": "pad", "nameOnAccount": "N", "accountNumber": "****4321",
            "transitNumber": "76543", "institutionNumber": "543", "accountType": "savings"});
        let item: SecureTokenWithAccountType = serde_json::from_value(body.clone()).unwrap();
        let Some(SecureTokenResponseSource::Pad(pad)) = &item.source else {
            panic!("expected pad")
        };
        assert_eq!(pad.account_type, Some(AccountType::Savings));
        assert_eq!(serde_json::to_value(&item).unwrap(), body);

        body["source"] = json!({"type": "ach", "nameOnAccount": "N", "accountNumber": "****4321",
            "routingNumber": "123456789", "accountType": "checking"});
        let item: SecureTokenWithAccountType = serde_json::from_value(body.clone()).unwrap();
        assert!(
            matches!(&item.source, Some(SecureTokenResponseSource::Ach(a))
            if a.account_type == Some(AccountType::Checking))
        );
        let page: crate::page::Paginated<SecureTokenWithAccountType> = serde_json::from_value(
            json!({"limit": 1, "count": 1, "hasMore": false, "data": [body]}),
        )
        .unwrap();
        assert_eq!(page.data.len(), 1);
    }

    #[test]
    fn list_query_pairs_and_rules() {
        let query = SecureTokenListQuery {
            secure_token_id: Some("MREF_1".into()),
            customer_name: Some("Sarah Hopper".into()),
            phone: Some("555".into()),
            email: Some("s@example.com".into()),
            token: Some("296753123458".into()),
            first6: Some("453985".into()),
            last4: Some("7062".into()),
            page: PageQuery {
                limit: Some(2),
                after: Some("MREF_0".into()),
                before: None,
            },
        };
        assert!(query.validate().is_ok());
        let keys: Vec<&str> = query.query_pairs().iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            [
                "secureTokenId",
                "customerName",
                "phone",
                "email",
                "token",
                "first6",
                "last4",
                "after",
                "limit"
            ]
        );
        assert!(query.query_pairs().contains(&("last4", "7062".to_owned())));
        assert!(SecureTokenListQuery::default().query_pairs().is_empty());
        let json = serde_json::to_value(&query).unwrap();
        assert_eq!(json["first6"], "453985");
        assert_eq!(json["limit"], 2);

        let bad = SecureTokenListQuery {
            first6: Some("45398".into()),
            last4: Some("70a2".into()),
            page: PageQuery {
                limit: Some(0),
                before: Some("a".into()),
                after: Some("b".into()),
            },
            ..SecureTokenListQuery::default()
        };
        assert_eq!(
            paths(&bad.validate().unwrap_err()),
            ["first6", "last4", "after", "limit"]
        );
    }

    #[test]
    fn patch_refuses_read_only_paths() {
        let ok = SecureTokenPatch::new(vec![
            PatchDocument::replace("/mitAgreement", "recurring"),
            PatchDocument::replace("/source/expiryDate", "1231"),
            PatchDocument::add("/customer/firstName", "Sam"),
            PatchDocument::remove("/customFields/0"),
            PatchDocument::Test(crate::common::PatchValue {
                path: "/token".into(),
                value: json!("296753123458"),
            }),
        ]);
        assert!(ok.validate().is_ok(), "{:?}", ok.validate());
        assert_eq!(
            serde_json::to_value(&ok).unwrap()[0],
            json!({"op": "replace", "path": "/mitAgreement", "value": "recurring"})
        );
        let back: SecureTokenPatch =
            serde_json::from_value(serde_json::to_value(&ok).unwrap()).unwrap();
        assert_eq!(back, ok);

        // The reference's list, spelled out so a dropped entry fails here.
        let documented = [
            "/processingTerminalId",
            "/token",
            "/status",
            "/source/type",
            "/source/cardNumber",
            "/source/cardType",
            "/source/currency",
            "/source/debit",
            "/source/surcharging",
            "/source/accountNumber",
            "/source/routingNumber",
            "/source/transitNumber",
            "/type",
        ];
        assert_eq!(SecureTokenPatch::READ_ONLY_PATHS.len(), documented.len());
        for ro in documented {
            let patch = SecureTokenPatch::new(vec![PatchDocument::replace(ro, "x")]);
            assert_eq!(paths(&patch.validate().unwrap_err()), ["[0].path"], "{ro}");
        }
        let patch = SecureTokenPatch::new(vec![
            PatchDocument::replace("/customer/lastName", "H"),
            PatchDocument::remove("/token"),
            PatchDocument::add("/source/surcharging/allowed", false),
            PatchDocument::Move(crate::common::PatchFrom {
                from: "/status".into(),
                path: "/customFields/0/value".into(),
            }),
            PatchDocument::Copy(crate::common::PatchFrom {
                from: "/token".into(),
                path: "/source/routingNumber".into(),
            }),
        ]);
        let err = patch.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            ["[1].path", "[2].path", "[3].from", "[4].path"]
        );
        assert!(!err.violations()[0].message.is_empty());
        // Prefix matches only whole segments.
        assert!(!SecureTokenPatch::is_read_only("/tokenLabel"));
        assert!(SecureTokenPatch::is_read_only("/source/cardNumber"));
        // The shared JSON Patch rules still apply.
        let empty = SecureTokenPatch::new(Vec::new());
        assert_eq!(paths(&empty.validate().unwrap_err()), [""]);
    }

    #[test]
    fn account_update_shape_and_rules() {
        let update = AccountUpdate::single_use_token("abc123");
        let value = serde_json::to_value(&update).unwrap();
        assert_eq!(value, json!({"type": "singleUseToken", "token": "abc123"}));
        let back: AccountUpdate = serde_json::from_value(value).unwrap();
        assert_eq!(back, update);
        assert!(update.validate().is_ok());
        assert_eq!(
            paths(&AccountUpdate::single_use_token(" ").validate().unwrap_err()),
            ["token"]
        );
        let unknown: AccountUpdate =
            serde_json::from_value(json!({"type": "card", "token": "x"})).unwrap();
        assert_eq!(paths(&unknown.validate().unwrap_err()), ["type"]);
    }

    #[test]
    fn single_use_token_request_and_response() {
        let req = SingleUseTokenRequest {
            channel: Channel::Web,
            source: SingleUseTokenRequestSource::Ach(ach()),
            operator: Some("Jane".into()),
        };
        let value = serde_json::to_value(&req).unwrap();
        assert_eq!(value["channel"], "web");
        assert_eq!(value["source"]["type"], "ach");
        assert_eq!(value["source"]["routingNumber"], "123456789");
        let back: SingleUseTokenRequest = serde_json::from_value(value).unwrap();
        assert_eq!(back, req);
        assert!(req.validate().is_ok());

        let mut bad = req.clone();
        bad.channel = Channel::from_api("kiosk");
        let mut source = pad();
        source.transit_number = "1".into();
        bad.source = SingleUseTokenRequestSource::Pad(source);
        assert_eq!(
            paths(&bad.validate().unwrap_err()),
            ["channel", "source.transitNumber"]
        );
        let mut card = req.clone();
        card.source = SingleUseTokenRequestSource::Card(Box::new(CardSource {
            card_details: CardDetails::keyed("123", "1230", None),
            account_type: None,
            unknown: Default::default(),
        }));
        assert_eq!(
            paths(&card.validate().unwrap_err()),
            ["source.cardDetails.keyedData.cardNumber"]
        );
        // singleUseToken is not a source of a single-use token.
        let mut nested = req;
        nested.source =
            serde_json::from_value(json!({"type": "singleUseToken", "token": "t"})).unwrap();
        assert_eq!(paths(&nested.validate().unwrap_err()), ["source.type"]);

        let body = json!({
            "processingTerminalId": "1234001",
            "operator": "Jane",
            "paymentMethod": {
                "type": "card",
                "accountType": "checking",
                "cardDetails": {
                    "entryMethod": "raw",
                    "device": {"model": "bbposChp", "serialNumber": "1850010868"},
                    "rawData": "A1B2C3"
                }
            },
            "token": "fa2e9e51",
            "expiresAt": "2024-08-05T17:50:05Z",
            "source": {"type": "card", "cardholderName": "S H", "cardNumber": PAN},
            "somethingNew": 1
        });
        let token: SingleUseToken = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(token.expires_at.as_deref(), Some("2024-08-05T17:50:05Z"));
        assert!(matches!(
            token.payment_method,
            Some(SingleUseTokenPaymentMethod::Card(_))
        ));
        let shown = format!("{token:?}");
        assert!(!shown.contains(PAN) && !shown.contains("A1B2C3"), "{shown}");
        assert_eq!(token.unknown.get("somethingNew"), Some(&json!(1)));
        assert_eq!(serde_json::to_value(&token).unwrap(), body);
    }
}
