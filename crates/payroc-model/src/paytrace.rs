//! PayTrace B2B API v3: the OAuth token grants and the recurring-payment
//! ("recurrence") bodies.
//!
//! Unlike Payroc, PayTrace names fields in snake_case and writes money as decimal major
//! units (`"amount": 24.95` is $24.95), held exactly by [`DecimalAmount`]. Its response
//! bodies are not published; the response types here are lenient designs.

use crate::common::UnknownFields;
use crate::money::{DecimalAmount, MAX_SIGNIFICANT_DIGITS};
use crate::secret::{BearerToken, Password};
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Body of `POST /v3/token` (form-encoded): one of the two OAuth grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaytraceTokenRequest {
    /// Trade the API user's name and password for a token.
    ClientCredentials {
        /// The API user name.
        client_id: String,
        /// The API password; redacted in `Debug`.
        client_secret: Password,
    },
    /// Trade a refresh token for a new access token.
    RefreshToken {
        /// The refresh token; redacted in `Debug`.
        refresh_token: BearerToken,
    },
}

impl PaytraceTokenRequest {
    /// The client-credentials grant for an API user.
    pub fn client_credentials(user: impl Into<String>, password: impl Into<Password>) -> Self {
        Self::ClientCredentials {
            client_id: user.into(),
            client_secret: password.into(),
        }
    }

    /// The refresh grant.
    pub fn refresh(refresh_token: impl Into<BearerToken>) -> Self {
        Self::RefreshToken {
            refresh_token: refresh_token.into(),
        }
    }

    /// The form fields to send, `grant_type` first. The values include the secret, so
    /// the result must go only into the request body.
    pub fn form_pairs(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::ClientCredentials {
                client_id,
                client_secret,
            } => vec![
                ("grant_type", "client_credentials".to_owned()),
                ("client_id", client_id.clone()),
                ("client_secret", client_secret.expose_secret().to_owned()),
            ],
            Self::RefreshToken { refresh_token } => vec![
                ("grant_type", "refresh_token".to_owned()),
                ("refresh_token", refresh_token.expose_secret().to_owned()),
            ],
        }
    }
}

impl Validate for PaytraceTokenRequest {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::ClientCredentials {
                client_id,
                client_secret,
            } => {
                v.required_str("client_id", client_id);
                v.required_str("client_secret", client_secret.expose_secret());
            }
            Self::RefreshToken { refresh_token } => {
                v.required_str("refresh_token", refresh_token.expose_secret());
            }
        }
    }
}

/// The token endpoint's answer (OAuth2 style).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaytraceToken {
    /// The token to send as `Authorization: Bearer …`.
    pub access_token: BearerToken,
    /// `Bearer`.
    pub token_type: String,
    /// Lifetime in seconds.
    pub expires_in: i64,
    /// Token for the refresh grant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<BearerToken>,
    /// Granted scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// When the token was issued, in Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl PaytraceToken {
    /// Lifetime to plan with: `expires_in`, or 3600 s when it is not positive.
    pub fn lifetime_secs(&self) -> u64 {
        u64::try_from(self.expires_in)
            .ok()
            .filter(|s| *s > 0)
            .unwrap_or(3600)
    }
}

open_enum! {
    /// How often a recurrence runs: PayTrace's legacy frequency codes. (PayTrace's
    /// own v3 example pairs `8` with a monthly fee; in this table `8` is
    /// semi-annually and `3` is monthly.)
    pub enum RecurrenceFrequency {
        /// Once a year.
        Annually = "1",
        /// Twice a year.
        SemiAnnually = "8",
        /// Three times a year.
        Trimesterly = "A",
        /// Four times a year.
        Quarterly = "2",
        /// Every two months.
        BiMonthly = "9",
        /// Every month.
        Monthly = "3",
        /// Every two weeks.
        BiWeekly = "4",
        /// On the 1st and the 15th of each month.
        FirstAndFifteenth = "7",
        /// Every week.
        Weekly = "5",
        /// Every day.
        Daily = "6",
    }
}

impl RecurrenceFrequency {
    /// What the code means, in the words of PayTrace's table; `None` when unknown.
    pub fn meaning(&self) -> Option<&'static str> {
        Some(match self {
            Self::Annually => "Annually",
            Self::SemiAnnually => "Semi-annually",
            Self::Trimesterly => "Trimesterly",
            Self::Quarterly => "Quarterly",
            Self::BiMonthly => "Bi-monthly",
            Self::Monthly => "Monthly",
            Self::BiWeekly => "Bi-weekly",
            Self::FirstAndFifteenth => "1st and 15th of the month",
            Self::Weekly => "Weekly",
            Self::Daily => "Daily",
            Self::Unknown(_) => return None,
        })
    }
}

open_enum! {
    /// What a recurrence charges.
    pub enum RecurrenceType {
        /// A credit card (PayTrace's default).
        Card = "C",
        /// A bank account, by ACH / check.
        Ach = "A",
    }
}

/// How many times a recurrence runs. PayTrace's example sends it as a string (`"12"`);
/// both strings and integers are read, and it is written as a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TotalCount(pub u32);

impl TotalCount {
    /// Runs until cancelled (PayTrace's `999`).
    pub const UNTIL_CANCELLED: Self = Self(999);

    /// A count of runs.
    pub const fn new(count: u32) -> Self {
        Self(count)
    }

    /// The count.
    pub const fn get(self) -> u32 {
        self.0
    }

    /// Whether this means "until cancelled".
    pub fn is_until_cancelled(self) -> bool {
        self == Self::UNTIL_CANCELLED
    }
}

impl fmt::Display for TotalCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for TotalCount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for TotalCount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = TotalCount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a count as a whole number or a string of digits, e.g. \"12\"")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<TotalCount, E> {
                u32::try_from(v)
                    .map(TotalCount)
                    .map_err(|_| E::custom("count too large"))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<TotalCount, E> {
                u32::try_from(v)
                    .map(TotalCount)
                    .map_err(|_| E::custom("count must be a whole number from 0"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<TotalCount, E> {
                v.trim()
                    .parse()
                    .map(TotalCount)
                    .map_err(|_| E::custom(format!("`{v}` is not a count")))
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

/// Surcharge options of a recurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurchargeInfo {
    /// Do not add the merchant's surcharge to these charges.
    pub omit_surcharge: bool,
}

/// A recurrence as `POST /v3/recurrence/create` takes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecurrenceCreate {
    /// Amount of each charge, in dollars (`24.95`).
    pub amount: DecimalAmount,
    /// How often it runs.
    pub frequency: RecurrenceFrequency,
    /// First run, `MM/DD/YYYY`.
    pub start_date: String,
    /// How many times it runs.
    pub total_count: TotalCount,
    /// Kind of transaction, typically `Sale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_type: Option<String>,
    /// Card or ACH.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RecurrenceType>,
    /// Description of the charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// ACH standard entry class (e.g. `CCD`); meaningful with type `A`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sec_code: Option<String>,
    /// Weekend handling flag (semantics not published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekend: Option<bool>,
    /// Repeat setting (semantics not published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<i64>,
}

impl RecurrenceCreate {
    /// A recurrence with the required fields only.
    pub fn new(
        amount: DecimalAmount,
        frequency: RecurrenceFrequency,
        start_date: impl Into<String>,
        total_count: TotalCount,
    ) -> Self {
        Self {
            amount,
            frequency,
            start_date: start_date.into(),
            total_count,
            transaction_type: None,
            kind: None,
            description: None,
            sec_code: None,
            weekend: None,
            repeat: None,
        }
    }
}

/// An amount in dollars: positive, whole cents, and few enough digits to travel
/// exactly as a JSON number.
fn check_amount(v: &mut Validator, field: &'static str, amount: &DecimalAmount) {
    if amount.units() <= 0 {
        v.violation(
            field,
            "range",
            format!("must be a positive amount in dollars, e.g. 24.95 (got {amount})"),
        );
    }
    if amount.normalized().scale() > 2 {
        v.violation(
            field,
            "format",
            format!("must have at most 2 decimal places (got {amount})"),
        );
    }
    if amount.significant_digits() > MAX_SIGNIFICANT_DIGITS {
        v.violation(
            field,
            "range",
            format!("must have at most {MAX_SIGNIFICANT_DIGITS} significant digits"),
        );
    }
}

fn check_total_count(v: &mut Validator, field: &'static str, count: TotalCount) {
    if count.get() < 1 {
        v.violation(
            field,
            "range",
            "must be at least 1 (999 runs until cancelled)",
        );
    }
}

fn positive_id(v: &mut Validator, field: &'static str, id: i64) {
    if id <= 0 {
        v.violation(field, "range", format!("must be a positive id (got {id})"));
    }
}

impl Validate for RecurrenceCreate {
    fn validate_into(&self, v: &mut Validator) {
        check_amount(v, "amount", &self.amount);
        v.known("frequency", &self.frequency);
        v.date_us("start_date", &self.start_date);
        check_total_count(v, "total_count", self.total_count);
        v.known_opt("type", &self.kind);
    }
}

/// Body of `POST /v3/recurrence/create`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateRecurrenceRequest {
    /// Merchant, for integrators acting for several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<i64>,
    /// The Vault customer to charge.
    pub customer_id: i64,
    /// The schedule and charge.
    pub recurrence: RecurrenceCreate,
    /// Surcharge options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surcharge_info: Option<SurchargeInfo>,
}

impl CreateRecurrenceRequest {
    /// A recurrence for a Vault customer.
    pub fn new(customer_id: i64, recurrence: RecurrenceCreate) -> Self {
        Self {
            merchant_id: None,
            customer_id,
            recurrence,
            surcharge_info: None,
        }
    }
}

impl Validate for CreateRecurrenceRequest {
    fn validate_into(&self, v: &mut Validator) {
        positive_id(v, "customer_id", self.customer_id);
        v.nested("recurrence", &self.recurrence);
    }
}

/// A recurrence as `PATCH /v3/recurrence` takes it: the id, and whatever changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecurrenceUpdate {
    /// The recurrence to change.
    pub id: String,
    /// New amount, in dollars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<DecimalAmount>,
    /// New frequency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<RecurrenceFrequency>,
    /// New number of runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<TotalCount>,
    /// Kind of transaction, typically `Sale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_type: Option<String>,
    /// Card or ACH.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RecurrenceType>,
    /// Description of the charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// ACH standard entry class; meaningful with type `A`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sec_code: Option<String>,
    /// Weekend handling flag (semantics not published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekend: Option<bool>,
    /// Repeat setting (semantics not published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<i64>,
}

impl RecurrenceUpdate {
    /// An update of recurrence `id` that changes nothing yet.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            amount: None,
            frequency: None,
            total_count: None,
            transaction_type: None,
            kind: None,
            description: None,
            sec_code: None,
            weekend: None,
            repeat: None,
        }
    }
}

impl Validate for RecurrenceUpdate {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("id", &self.id);
        if let Some(amount) = &self.amount {
            check_amount(v, "amount", amount);
        }
        v.known_opt("frequency", &self.frequency);
        if let Some(count) = self.total_count {
            check_total_count(v, "total_count", count);
        }
        v.known_opt("type", &self.kind);
    }
}

/// Body of `PATCH /v3/recurrence`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateRecurrenceRequest {
    /// Merchant, for integrators acting for several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<i64>,
    /// What to change.
    pub recurrence: RecurrenceUpdate,
    /// Date of the next run, `MM/DD/YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_date: Option<String>,
    /// Surcharge options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surcharge_info: Option<SurchargeInfo>,
    /// The Vault customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<i64>,
}

impl UpdateRecurrenceRequest {
    /// An update with nothing but the recurrence part.
    pub fn new(recurrence: RecurrenceUpdate) -> Self {
        Self {
            merchant_id: None,
            recurrence,
            next_date: None,
            surcharge_info: None,
            customer_id: None,
        }
    }
}

impl Validate for UpdateRecurrenceRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("recurrence", &self.recurrence);
        if let Some(next) = &self.next_date {
            v.date_us("next_date", next);
        }
        if let Some(id) = self.customer_id {
            positive_id(v, "customer_id", id);
        }
    }
}

/// A reference to one recurrence (`{"id": "123456"}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecurrenceId {
    /// The recurrence id.
    pub id: String,
}

impl RecurrenceId {
    /// A reference to recurrence `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self { id: id.into() }
    }
}

impl Validate for RecurrenceId {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("id", &self.id);
    }
}

/// Body of `DELETE /v3/recurrence` (a DELETE with a body).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeleteRecurrenceRequest {
    /// Merchant, for integrators acting for several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<i64>,
    /// The recurrence to delete.
    pub recurrence: RecurrenceId,
}

impl DeleteRecurrenceRequest {
    /// Deletes recurrence `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            merchant_id: None,
            recurrence: RecurrenceId::new(id),
        }
    }
}

impl Validate for DeleteRecurrenceRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("recurrence", &self.recurrence);
    }
}

/// Body of `POST /v3/recurrence/export/by-customer/{customer_id}`: one or all of a
/// customer's recurrences, a page at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRecurrencesRequest {
    /// Merchant, for integrators acting for several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<i64>,
    /// The customer's label (at most 50 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_label: Option<String>,
    /// Export just this recurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<RecurrenceId>,
    /// Page size, 1 to 50 (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Items to skip (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
}

impl Validate for ExportRecurrencesRequest {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(label) = &self.customer_label {
            v.length("customer_label", label, 0, 50);
        }
        v.nested_opt("recurrence", &self.recurrence);
        if let Some(limit) = self.limit {
            if !(1..=50).contains(&limit) {
                v.violation(
                    "limit",
                    "range",
                    format!("must be from 1 to 50 (got {limit})"),
                );
            }
        }
    }
}

/// Reads an id PayTrace may write as a string or as a number.
fn string_or_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        _ => Err(serde::de::Error::custom(
            "expected an id as a string or number",
        )),
    }
}

/// A stored recurrence, as the recurrence and export calls return it. PayTrace does not
/// publish this shape, so everything but the id is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recurrence {
    /// The recurrence id (read from a string or a number).
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The Vault customer it charges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<i64>,
    /// Amount of each charge, in dollars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<DecimalAmount>,
    /// How often it runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<RecurrenceFrequency>,
    /// First run, `MM/DD/YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Next run, `MM/DD/YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_date: Option<String>,
    /// How many times it runs in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<TotalCount>,
    /// How many times it has run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_count: Option<u32>,
    /// Kind of transaction, typically `Sale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_type: Option<String>,
    /// Card or ACH.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RecurrenceType>,
    /// Description of the charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Status as PayTrace words it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Answer of create, update, delete and export-by-id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecurrenceResponse {
    /// Whether the call did what was asked.
    pub success: bool,
    /// PayTrace's response code.
    pub response_code: i32,
    /// PayTrace's message.
    pub status_message: String,
    /// The recurrence concerned, when returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Recurrence>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Answer of the export-by-customer calls.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecurrenceExportResponse {
    /// Whether the call did what was asked.
    pub success: bool,
    /// PayTrace's response code.
    pub response_code: i32,
    /// PayTrace's message.
    pub status_message: String,
    /// The recurrences on this page.
    #[serde(default)]
    pub recurrences: Vec<Recurrence>,
    /// How many recurrences match in all, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// One item of a 422 "Validation Error" body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaytraceErrorDetail {
    /// Where: a path of names and indexes, e.g. `["body", "recurrence", "amount"]`.
    #[serde(default)]
    pub loc: Vec<serde_json::Value>,
    /// What is wrong.
    #[serde(default)]
    pub msg: String,
    /// Machine-readable kind of error.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl PaytraceErrorDetail {
    /// The location joined with dots (`body.recurrence.amount`).
    pub fn location(&self) -> String {
        let parts: Vec<String> = self
            .loc
            .iter()
            .map(|part| match part {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        parts.join(".")
    }
}

/// PayTrace's 422 body: `{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaytraceValidationError {
    /// Each problem.
    #[serde(default)]
    pub detail: Vec<PaytraceErrorDetail>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl PaytraceValidationError {
    /// One line for error messages: `location: msg` for each problem.
    pub fn summary(&self) -> String {
        let items: Vec<String> = self
            .detail
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.msg))
            .collect();
        items.join("; ")
    }
}

/// Optional headers every PayTrace v3 call accepts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaytraceHeaders {
    /// `X-Integrator-Id`, at most 12 characters.
    pub integrator_id: Option<String>,
    /// `X-Permalinks`, at most 4 characters (meaning not published).
    pub permalinks: Option<String>,
}

impl PaytraceHeaders {
    /// The header names and values to send.
    pub fn header_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(id) = &self.integrator_id {
            pairs.push(("X-Integrator-Id", id.clone()));
        }
        if let Some(links) = &self.permalinks {
            pairs.push(("X-Permalinks", links.clone()));
        }
        pairs
    }
}

impl Validate for PaytraceHeaders {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(id) = &self.integrator_id {
            v.length("X-Integrator-Id", id, 0, 12);
        }
        if let Some(links) = &self.permalinks {
            v.length("X-Permalinks", links, 0, 4);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::ValidationError;
    use serde_json::json;

    fn paths(err: &ValidationError) -> Vec<&str> {
        err.violations().iter().map(|v| v.path.as_str()).collect()
    }

    fn dollars(text: &str) -> DecimalAmount {
        text.parse().unwrap()
    }

    fn create_body() -> serde_json::Value {
        json!({
            "merchant_id": 1001,
            "customer_id": 123456789,
            "recurrence": {
                "amount": 24.95,
                "frequency": "3",
                "start_date": "10/01/2024",
                "total_count": "12",
                "transaction_type": "Sale",
                "type": "A",
                "description": "Monthly fee for service.",
                "sec_code": "CCD",
                "weekend": true,
                "repeat": 1
            },
            "surcharge_info": {"omit_surcharge": true}
        })
    }

    #[test]
    fn token_grants_make_the_documented_form() {
        let cc = PaytraceTokenRequest::client_credentials("apiuser", "s3cr3t-pass");
        assert_eq!(
            cc.form_pairs(),
            [
                ("grant_type", "client_credentials".to_owned()),
                ("client_id", "apiuser".to_owned()),
                ("client_secret", "s3cr3t-pass".to_owned()),
            ]
        );
        let refresh = PaytraceTokenRequest::refresh("rt-9f8e7d");
        assert_eq!(
            refresh.form_pairs(),
            [
                ("grant_type", "refresh_token".to_owned()),
                ("refresh_token", "rt-9f8e7d".to_owned()),
            ]
        );
        assert!(cc.validate().is_ok() && refresh.validate().is_ok());
        let shown = format!("{cc:?} {refresh:?}");
        assert!(!shown.contains("s3cr3t-pass"), "{shown}");
        assert!(!shown.contains("rt-9f8e7d"), "{shown}");
        assert!(shown.contains("apiuser"));
    }

    #[test]
    fn token_grant_rules() {
        let blank = PaytraceTokenRequest::client_credentials(" ", "");
        assert_eq!(
            paths(&blank.validate().unwrap_err()),
            ["client_id", "client_secret"]
        );
        let blank = PaytraceTokenRequest::refresh("");
        assert_eq!(paths(&blank.validate().unwrap_err()), ["refresh_token"]);
    }

    #[test]
    fn token_response_parses_and_hides_secrets() {
        let body = json!({
            "access_token": "at-123abc",
            "token_type": "Bearer",
            "expires_in": 7200,
            "refresh_token": "rt-456def",
            "scope": "all",
            "created_at": 1714000000,
            "extra": "kept"
        });
        let token: PaytraceToken = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(token.access_token.expose_secret(), "at-123abc");
        assert_eq!(
            token.refresh_token.as_ref().map(BearerToken::expose_secret),
            Some("rt-456def")
        );
        assert_eq!(token.created_at, Some(1_714_000_000));
        assert_eq!(token.lifetime_secs(), 7200);
        let shown = format!("{token:?}");
        assert!(
            !shown.contains("at-123abc") && !shown.contains("rt-456def"),
            "{shown}"
        );
        assert_eq!(token.unknown.get("extra"), Some(&json!("kept")));
        assert_eq!(serde_json::to_value(&token).unwrap(), body);

        let minimal: PaytraceToken = serde_json::from_value(
            json!({"access_token": "a", "token_type": "Bearer", "expires_in": 0}),
        )
        .unwrap();
        assert_eq!(minimal.refresh_token, None);
        assert_eq!(minimal.lifetime_secs(), 3600);
    }

    #[test]
    fn frequency_codes_round_trip_and_unknown_is_kept() {
        let expected = [
            (RecurrenceFrequency::Annually, "1", "Annually"),
            (RecurrenceFrequency::SemiAnnually, "8", "Semi-annually"),
            (RecurrenceFrequency::Trimesterly, "A", "Trimesterly"),
            (RecurrenceFrequency::Quarterly, "2", "Quarterly"),
            (RecurrenceFrequency::BiMonthly, "9", "Bi-monthly"),
            (RecurrenceFrequency::Monthly, "3", "Monthly"),
            (RecurrenceFrequency::BiWeekly, "4", "Bi-weekly"),
            (
                RecurrenceFrequency::FirstAndFifteenth,
                "7",
                "1st and 15th of the month",
            ),
            (RecurrenceFrequency::Weekly, "5", "Weekly"),
            (RecurrenceFrequency::Daily, "6", "Daily"),
        ];
        assert_eq!(RecurrenceFrequency::KNOWN.len(), expected.len());
        for (freq, code, meaning) in expected {
            let json = serde_json::to_string(&freq).unwrap();
            assert_eq!(json, format!("\"{code}\""));
            let back: RecurrenceFrequency = serde_json::from_str(&json).unwrap();
            assert_eq!(back, freq);
            assert_eq!(freq.meaning(), Some(meaning));
        }
        let unknown: RecurrenceFrequency = serde_json::from_str("\"B\"").unwrap();
        assert_eq!(unknown, RecurrenceFrequency::Unknown("B".into()));
        assert_eq!(unknown.meaning(), None);
        assert_eq!(serde_json::to_string(&unknown).unwrap(), "\"B\"");
        assert_eq!(RecurrenceType::from_api("C"), RecurrenceType::Card);
        assert_eq!(RecurrenceType::Ach.as_str(), "A");
    }

    #[test]
    fn total_count_reads_strings_and_integers() {
        let from_str: TotalCount = serde_json::from_str("\"12\"").unwrap();
        let from_int: TotalCount = serde_json::from_str("12").unwrap();
        assert_eq!(from_str, TotalCount::new(12));
        assert_eq!(from_int, from_str);
        assert_eq!(serde_json::to_string(&from_int).unwrap(), "\"12\"");
        let forever: TotalCount = serde_json::from_str("999").unwrap();
        assert!(forever.is_until_cancelled());
        assert_eq!(TotalCount::UNTIL_CANCELLED.get(), 999);
        assert!(!from_int.is_until_cancelled());
        for bad in ["-1", "\"twelve\"", "1.5", "4294967296", "null"] {
            assert!(serde_json::from_str::<TotalCount>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn create_body_parses_exactly_and_round_trips() {
        let req: CreateRecurrenceRequest = serde_json::from_value(create_body()).unwrap();
        assert_eq!(req.customer_id, 123_456_789);
        assert_eq!(req.recurrence.amount, dollars("24.95"));
        assert_eq!(req.recurrence.amount.units(), 2495);
        assert_eq!(req.recurrence.amount.scale(), 2);
        assert_eq!(req.recurrence.total_count, TotalCount::new(12));
        assert_eq!(req.recurrence.frequency, RecurrenceFrequency::Monthly);
        assert_eq!(req.recurrence.kind, Some(RecurrenceType::Ach));
        assert_eq!(req.recurrence.sec_code.as_deref(), Some("CCD"));
        assert_eq!(
            req.surcharge_info,
            Some(SurchargeInfo {
                omit_surcharge: true
            })
        );
        assert!(req.validate().is_ok(), "{:?}", req.validate());

        let text = serde_json::to_string(&req).unwrap();
        assert!(text.contains("\"amount\":24.95"), "{text}");
        assert!(text.contains("\"total_count\":\"12\""), "{text}");
        assert_eq!(serde_json::to_value(&req).unwrap(), create_body());
        let back: CreateRecurrenceRequest = serde_json::from_str(&text).unwrap();
        assert_eq!(back, req);

        let minimal = CreateRecurrenceRequest::new(
            42,
            RecurrenceCreate::new(
                dollars("80.05"),
                RecurrenceFrequency::Weekly,
                "02/29/2024",
                TotalCount::UNTIL_CANCELLED,
            ),
        );
        assert!(minimal.validate().is_ok());
        assert_eq!(
            serde_json::to_value(&minimal).unwrap(),
            json!({"customer_id": 42, "recurrence": {"amount": 80.05, "frequency": "5",
                "start_date": "02/29/2024", "total_count": "999"}})
        );
    }

    #[test]
    fn create_rules_report_exact_paths() {
        let mut req: CreateRecurrenceRequest = serde_json::from_value(create_body()).unwrap();
        req.customer_id = 0;
        req.recurrence.amount = dollars("-1.00");
        req.recurrence.frequency = RecurrenceFrequency::from_api("Z");
        req.recurrence.start_date = "2024-10-01".into();
        req.recurrence.total_count = TotalCount::new(0);
        req.recurrence.kind = Some(RecurrenceType::from_api("X"));
        let err = req.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "customer_id",
                "recurrence.amount",
                "recurrence.frequency",
                "recurrence.start_date",
                "recurrence.total_count",
                "recurrence.type"
            ]
        );

        let mut r = req.recurrence.clone();
        r.frequency = RecurrenceFrequency::Monthly;
        r.start_date = "02/30/2024".into();
        r.total_count = TotalCount::new(1);
        r.kind = None;
        r.amount = dollars("0");
        assert_eq!(paths(&r.validate().unwrap_err()), ["amount", "start_date"]);
        r.start_date = "10/01/2024".into();
        r.amount = dollars("24.955");
        let err = r.validate().unwrap_err();
        assert_eq!(err.violations()[0].code, "format");
        assert_eq!(paths(&err), ["amount"]);
        r.amount = dollars("1234567890123456");
        let err = r.validate().unwrap_err();
        assert_eq!(paths(&err), ["amount"]);
        assert!(err.violations()[0].message.contains("15"));
        r.amount = dollars("24.950");
        assert!(r.validate().is_ok(), "trailing zeros are fine");
        // sec_code with a card recurrence is left to PayTrace.
        r.kind = Some(RecurrenceType::Card);
        assert!(r.validate().is_ok());
    }

    #[test]
    fn update_body_round_trips_and_rules() {
        let body = json!({
            "merchant_id": 1,
            "recurrence": {"id": "123456", "amount": 80.05, "frequency": "2",
                "total_count": 6, "description": "Quarterly fee"},
            "next_date": "05/01/2024",
            "surcharge_info": {"omit_surcharge": false},
            "customer_id": 234585761
        });
        let req: UpdateRecurrenceRequest = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(req.recurrence.id, "123456");
        assert_eq!(req.recurrence.amount, Some(dollars("80.05")));
        assert_eq!(req.recurrence.total_count, Some(TotalCount::new(6)));
        assert!(req.validate().is_ok());
        let mut expected = body;
        expected["recurrence"]["total_count"] = json!("6");
        assert_eq!(serde_json::to_value(&req).unwrap(), expected);

        let only_id = UpdateRecurrenceRequest::new(RecurrenceUpdate::new("77"));
        assert_eq!(
            serde_json::to_value(&only_id).unwrap(),
            json!({"recurrence": {"id": "77"}})
        );
        assert!(only_id.validate().is_ok());

        let mut bad = UpdateRecurrenceRequest::new(RecurrenceUpdate::new(" "));
        bad.recurrence.amount = Some(dollars("0.001"));
        bad.recurrence.frequency = Some(RecurrenceFrequency::from_api("0"));
        bad.recurrence.total_count = Some(TotalCount::new(0));
        bad.recurrence.kind = Some(RecurrenceType::from_api("Q"));
        bad.next_date = Some("5/1/2024".into());
        bad.customer_id = Some(-3);
        assert_eq!(
            paths(&bad.validate().unwrap_err()),
            [
                "recurrence.id",
                "recurrence.amount",
                "recurrence.frequency",
                "recurrence.total_count",
                "recurrence.type",
                "next_date",
                "customer_id"
            ]
        );
    }

    #[test]
    fn delete_and_export_bodies() {
        let delete = DeleteRecurrenceRequest::new("123456");
        assert_eq!(
            serde_json::to_value(&delete).unwrap(),
            json!({"recurrence": {"id": "123456"}})
        );
        assert!(delete.validate().is_ok());
        let back: DeleteRecurrenceRequest =
            serde_json::from_value(json!({"merchant_id": 5, "recurrence": {"id": "9"}})).unwrap();
        assert_eq!(back.merchant_id, Some(5));
        assert_eq!(
            paths(&DeleteRecurrenceRequest::new("").validate().unwrap_err()),
            ["recurrence.id"]
        );

        let body = json!({"merchant_id": 1, "customer_label": "customer_label21New",
            "recurrence": {"id": "123456"}, "limit": 50, "offset": 0});
        let export: ExportRecurrencesRequest = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(export.limit, Some(50));
        assert!(export.validate().is_ok());
        assert_eq!(serde_json::to_value(&export).unwrap(), body);
        assert_eq!(
            serde_json::to_value(ExportRecurrencesRequest::default()).unwrap(),
            json!({})
        );
        assert!(ExportRecurrencesRequest {
            customer_label: Some("x".repeat(50)),
            limit: Some(1),
            ..ExportRecurrencesRequest::default()
        }
        .validate()
        .is_ok());

        let bad = ExportRecurrencesRequest {
            merchant_id: None,
            customer_label: Some("x".repeat(51)),
            recurrence: Some(RecurrenceId::new(" ")),
            limit: Some(51),
            offset: Some(10),
        };
        assert_eq!(
            paths(&bad.validate().unwrap_err()),
            ["customer_label", "recurrence.id", "limit"]
        );
        let zero = ExportRecurrencesRequest {
            limit: Some(0),
            ..ExportRecurrencesRequest::default()
        };
        assert_eq!(paths(&zero.validate().unwrap_err()), ["limit"]);
        assert!(serde_json::from_value::<ExportRecurrencesRequest>(json!({"offset": -1})).is_err());
    }

    #[test]
    fn responses_are_lenient() {
        let body = json!({
            "success": true,
            "response_code": 1,
            "status_message": "Your request has been successfully completed.",
            "recurrence": {
                "id": 123456,
                "customer_id": 123456789,
                "amount": 24.95,
                "frequency": "3",
                "start_date": "10/01/2024",
                "next_date": "11/01/2024",
                "total_count": "12",
                "current_count": 1,
                "transaction_type": "Sale",
                "type": "C",
                "description": "Monthly fee",
                "status": "active",
                "brand_new": [1, 2]
            },
            "unknown_top": "x"
        });
        let resp: RecurrenceResponse = serde_json::from_value(body).unwrap();
        let rec = resp.recurrence.as_ref().unwrap();
        assert_eq!(rec.id, "123456");
        assert_eq!(rec.amount, Some(dollars("24.95")));
        assert_eq!(rec.total_count, Some(TotalCount::new(12)));
        assert_eq!(rec.kind, Some(RecurrenceType::Card));
        let out = serde_json::to_value(&resp).unwrap();
        assert_eq!(out["recurrence"]["id"], "123456");
        assert_eq!(out["recurrence"]["amount"], json!(24.95));
        let again: RecurrenceResponse = serde_json::from_value(out).unwrap();
        assert_eq!(again, resp);

        let export: RecurrenceExportResponse = serde_json::from_value(json!({
            "success": true, "response_code": 1, "status_message": "ok",
            "recurrences": [{"id": "1", "frequency": "Q", "type": "Z"}, {"id": "2"}],
            "total": 2
        }))
        .unwrap();
        assert_eq!(export.recurrences.len(), 2);
        assert_eq!(
            export.recurrences[0].frequency,
            Some(RecurrenceFrequency::Unknown("Q".into()))
        );
        let out = serde_json::to_value(&export).unwrap();
        assert_eq!(out["recurrences"][0]["frequency"], "Q");
        assert_eq!(out["recurrences"][0]["type"], "Z");

        let empty: RecurrenceExportResponse = serde_json::from_value(
            json!({"success": false, "response_code": 1001, "status_message": "none"}),
        )
        .unwrap();
        assert!(empty.recurrences.is_empty() && empty.total.is_none());
        assert!(
            serde_json::from_value::<Recurrence>(json!({"id": true})).is_err(),
            "an id must be a string or number"
        );
    }

    #[test]
    fn validation_error_body_parses() {
        let body = json!({"detail": [
            {"loc": ["body", "recurrence", "amount"], "msg": "field required",
                "type": "value_error.missing"},
            {"loc": ["body", "recurrences", 0, "id"], "msg": "bad", "type": "type_error"}
        ]});
        let err: PaytraceValidationError = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(err.detail.len(), 2);
        assert_eq!(err.detail[0].kind, "value_error.missing");
        assert_eq!(err.detail[0].location(), "body.recurrence.amount");
        assert_eq!(
            err.summary(),
            "body.recurrence.amount: field required; body.recurrences.0.id: bad"
        );
        assert_eq!(serde_json::to_value(&err).unwrap(), body);
    }

    #[test]
    fn header_limits() {
        let ok = PaytraceHeaders {
            integrator_id: Some("abcdefghijkl".into()),
            permalinks: Some("abcd".into()),
        };
        assert!(ok.validate().is_ok());
        assert_eq!(
            ok.header_pairs(),
            [
                ("X-Integrator-Id", "abcdefghijkl".to_owned()),
                ("X-Permalinks", "abcd".to_owned())
            ]
        );
        assert!(PaytraceHeaders::default().header_pairs().is_empty());
        let bad = PaytraceHeaders {
            integrator_id: Some("abcdefghijklm".into()),
            permalinks: Some("abcde".into()),
        };
        assert_eq!(
            paths(&bad.validate().unwrap_err()),
            ["X-Integrator-Id", "X-Permalinks"]
        );
    }
}
