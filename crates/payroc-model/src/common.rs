//! Objects shared by many endpoints: customers and addresses, contact methods, IP
//! addresses, custom fields, HATEOAS links, credential-on-file settings, JSON Patch,
//! and [`UnknownFields`], which keeps the fields of a reply this SDK does not know.

use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// The fields of a reply object that this version of the SDK does not know: Payroc
/// adds fields, and a caller must still be able to read them, and to pass the object
/// on without losing them.
///
/// Every response object carries one as `#[serde(flatten)] unknown`, so those fields
/// are read into it and written back out beside the known ones. Its `Debug` shows only
/// the field names: a field nobody documented may hold a card number.
#[derive(Clone, Default, PartialEq, Eq)]
// Boxed, and absent when empty (the usual case): a payment holds some twenty of these
// inline, and a map's 24 bytes each made parsing one measurably slower (BENCHMARKS.md).
pub struct UnknownFields(Option<Box<Map<String, Value>>>);

impl UnknownFields {
    /// The value of the field with this JSON name, if the server sent one.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.as_ref()?.get(name)
    }

    /// Every unknown field, as JSON name and value.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().flat_map(|map| map.iter())
    }

    /// Whether the server sent no field this SDK does not know.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// How many unknown fields there are.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |map| map.len())
    }

    /// Sets a field, returning its previous value. A name the model knows must not be
    /// set here: it would be written twice.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<Value>) -> Option<Value> {
        self.0
            .get_or_insert_with(Box::default)
            .insert(name.into(), value.into())
    }
}

impl Serialize for UnknownFields {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(map) => map.serialize(serializer),
            None => serializer.collect_map(std::iter::empty::<(&str, &Value)>()),
        }
    }
}

impl<'de> Deserialize<'de> for UnknownFields {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = Map::deserialize(deserializer)?;
        Ok(Self((!map.is_empty()).then(|| Box::new(map))))
    }
}

impl fmt::Debug for UnknownFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.iter().map(|(name, _)| name))
            .finish()
    }
}

open_enum! {
    /// How the merchant got the card details.
    pub enum Channel {
        /// In person, at a point of sale.
        Pos = "pos",
        /// Online.
        Web = "web",
        /// Mail order or telephone order.
        Moto = "moto",
    }
}

open_enum! {
    /// Language for notifications sent to the customer (ISO 639-1).
    pub enum NotificationLanguage {
        /// English.
        En = "en",
        /// French.
        Fr = "fr",
    }
}

open_enum! {
    /// Kind of a customer contact method.
    pub enum ContactMethodType {
        /// An email address.
        Email = "email",
        /// A landline number.
        Phone = "phone",
        /// A mobile number.
        Mobile = "mobile",
        /// A fax number.
        Fax = "fax",
    }
}

open_enum! {
    /// IP address family.
    pub enum IpAddressType {
        /// IPv4.
        Ipv4 = "ipv4",
        /// IPv6.
        Ipv6 = "ipv6",
    }
}

open_enum! {
    /// Bank account type (meaningful for bank details only).
    pub enum AccountType {
        /// Checking account.
        Checking = "checking",
        /// Savings account.
        Savings = "savings",
    }
}

open_enum! {
    /// ACH standard entry class: how the account holder authorised the debit.
    pub enum SecCode {
        /// Authorised online.
        Web = "web",
        /// Authorised by telephone.
        Tel = "tel",
        /// Corporate credit or debit.
        Ccd = "ccd",
        /// Prearranged payment and deposit.
        Ppd = "ppd",
    }
}

open_enum! {
    /// The agreement under which a merchant-initiated transaction charges a stored card.
    pub enum MitAgreement {
        /// Fixed or variable amount charged when a defined event happens.
        Unscheduled = "unscheduled",
        /// Fixed amount at regular intervals, no end date.
        Recurring = "recurring",
        /// Fixed amount at regular intervals for a fixed duration.
        Installment = "installment",
    }
}

/// A postal address, as sent in requests (`Address`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// First line.
    pub address1: String,
    /// Second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address2: Option<String>,
    /// Third line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address3: Option<String>,
    /// City.
    pub city: String,
    /// State or province, by name or abbreviation.
    pub state: String,
    /// ISO 3166-1 alpha-2 country code, e.g. `US`.
    pub country: String,
    /// Postal or ZIP code.
    pub postal_code: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged
    /// (an address is also part of replies: a funding recipient's, an owner's).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for Address {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("address1", &self.address1);
        v.required_str("city", &self.city);
        v.required_str("state", &self.state);
        if self.country.len() != 2 || !self.country.bytes().all(|b| b.is_ascii_uppercase()) {
            v.violation(
                "country",
                "format",
                "must be a two-letter ISO 3166-1 country code in capitals, e.g. US",
            );
        }
        v.required_str("postalCode", &self.postal_code);
    }
}

/// A postal address as the API returns it: every field optional (`RetrievedAddress`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RetrievedAddress {
    /// First line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address1: Option<String>,
    /// Second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address2: Option<String>,
    /// Third line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address3: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State or province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postal or ZIP code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Where to ship an order (`Shipping`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Shipping {
    /// Who receives the shipment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_name: Option<String>,
    /// Shipping address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

impl Validate for Shipping {
    fn validate_into(&self, v: &mut Validator) {
        v.nested_opt("address", &self.address);
    }
}

/// Where an order was shipped, as returned (`RetrievedShipping`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RetrievedShipping {
    /// Who receives the shipment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_name: Option<String>,
    /// Shipping address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<RetrievedAddress>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A way to reach the customer (`{type, value}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactMethod {
    /// Kind of contact method.
    #[serde(rename = "type")]
    pub kind: ContactMethodType,
    /// The address or number.
    pub value: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl ContactMethod {
    /// An email contact method.
    pub fn email(address: impl Into<String>) -> Self {
        Self {
            kind: ContactMethodType::Email,
            value: address.into(),
            unknown: Default::default(),
        }
    }
}

impl Validate for ContactMethod {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
        v.required_str("value", &self.value);
        if self.kind == ContactMethodType::Email && !looks_like_email(&self.value) {
            v.violation(
                "value",
                "format",
                "must be an email address such as jane@example.com",
            );
        }
    }
}

/// A minimal email shape check: something, `@`, a domain with a dot, no spaces.
pub fn looks_like_email(value: &str) -> bool {
    match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.chars().any(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

/// The customer, as sent in requests (`Customer`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Date of birth, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// The customer's own reference or code; send it whenever they supply one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<String>,
    /// The card's billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
    /// Where to ship.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<Shipping>,
    /// Ways to reach the customer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact_methods: Vec<ContactMethod>,
    /// Language for notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_language: Option<NotificationLanguage>,
}

impl Validate for Customer {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(dob) = &self.date_of_birth {
            v.date_iso("dateOfBirth", dob);
        }
        v.nested_opt("billingAddress", &self.billing_address);
        v.nested_opt("shippingAddress", &self.shipping_address);
        v.each("contactMethods", &self.contact_methods);
        if let Some(lang) = &self.notification_language {
            v.known("notificationLanguage", lang);
        }
    }
}

/// The customer as the API returns it (`RetrievedCustomer`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RetrievedCustomer {
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Date of birth, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// The customer's reference or code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<String>,
    /// Billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<RetrievedAddress>,
    /// Shipping details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<RetrievedShipping>,
    /// Ways to reach the customer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact_methods: Vec<ContactMethod>,
    /// Language for notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_language: Option<NotificationLanguage>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Address of the client machine making the request (`IpAddress`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IpAddress {
    /// Address family.
    #[serde(rename = "type")]
    pub kind: IpAddressType,
    /// The address.
    pub value: String,
}

impl Validate for IpAddress {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
        let ok = match self.kind {
            IpAddressType::Ipv4 => self.value.parse::<std::net::Ipv4Addr>().is_ok(),
            IpAddressType::Ipv6 => self.value.parse::<std::net::Ipv6Addr>().is_ok(),
            IpAddressType::Unknown(_) => true,
        };
        if !ok {
            v.violation(
                "value",
                "format",
                format!("must be a valid {} address", self.kind),
            );
        }
    }
}

/// A merchant-defined name/value pair (`CustomField`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomField {
    /// Name of the field.
    pub name: String,
    /// Value, always a string.
    pub value: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl CustomField {
    /// A custom field.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            value: value.into(),
            unknown: Default::default(),
        }
    }
}

impl Validate for CustomField {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("name", &self.name);
    }
}

/// A HATEOAS link to a related resource (`Link`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// Relation: `next`, `previous`, `self`, `payment`, `refund`, `signature`, ….
    pub rel: String,
    /// HTTP method for the target; its case varies, so compare case-insensitively.
    pub method: String,
    /// Absolute URL of the target.
    pub href: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Credential-on-file settings of a payment or Cloud instruction (`credentialOnFile`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialOnFile {
    /// The merchant keeps the card in a third-party vault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_vault: Option<bool>,
    /// Save the card as a secure token during this payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokenize: Option<bool>,
    /// The merchant's id for that secure token (the gateway makes one if omitted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure_token_id: Option<String>,
    /// The agreement for later merchant-initiated charges; needs standing instructions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mit_agreement: Option<MitAgreement>,
}

impl Validate for CredentialOnFile {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(id) = &self.secure_token_id {
            v.required_str("secureTokenId", id);
        }
        if let Some(agreement) = &self.mit_agreement {
            v.known("mitAgreement", agreement);
        }
    }
}

/// Fields of a JSON Patch operation that takes a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatchValue {
    /// JSON Pointer of the target, e.g. `/description`.
    pub path: String,
    /// The value.
    pub value: serde_json::Value,
}

/// Fields of a JSON Patch `remove`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatchPath {
    /// JSON Pointer of the target.
    pub path: String,
}

/// Fields of a JSON Patch `move` or `copy`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatchFrom {
    /// JSON Pointer of the source.
    pub from: String,
    /// JSON Pointer of the target.
    pub path: String,
}

tagged_union! {
    /// One RFC 6902 operation of a partial update; the body is an array of these.
    pub enum PatchDocument tag "op" {
        /// Add a value.
        Add(PatchValue) = "add",
        /// Remove a value.
        Remove(PatchPath) = "remove",
        /// Replace a value.
        Replace(PatchValue) = "replace",
        /// Move a value.
        Move(PatchFrom) = "move",
        /// Copy a value.
        Copy(PatchFrom) = "copy",
        /// Test a value before applying the rest.
        Test(PatchValue) = "test",
    }
}

impl PatchDocument {
    /// `replace` the value at `path`.
    pub fn replace(path: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        Self::Replace(PatchValue {
            path: path.into(),
            value: value.into(),
        })
    }

    /// `add` a value at `path`.
    pub fn add(path: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        Self::Add(PatchValue {
            path: path.into(),
            value: value.into(),
        })
    }

    /// `remove` the value at `path`.
    pub fn remove(path: impl Into<String>) -> Self {
        Self::Remove(PatchPath { path: path.into() })
    }

    /// The JSON Pointer this operation targets.
    pub fn path(&self) -> Option<&str> {
        match self {
            Self::Add(p) | Self::Replace(p) | Self::Test(p) => Some(&p.path),
            Self::Remove(p) => Some(&p.path),
            Self::Move(p) | Self::Copy(p) => Some(&p.path),
            Self::Unknown(u) => u.tag("path"),
        }
    }
}

fn valid_pointer(path: &str) -> bool {
    path.is_empty() || path.starts_with('/')
}

impl Validate for PatchDocument {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Unknown(_) => {
                v.unknown_variant("op", Self::KNOWN_TAGS);
            }
            Self::Move(p) | Self::Copy(p) if !valid_pointer(&p.from) => {
                v.violation("from", "format", "must be a JSON Pointer starting with /");
            }
            _ => {}
        }
        if let Some(path) = self.path() {
            if !path.starts_with('/') {
                v.violation(
                    "path",
                    "format",
                    "must be a JSON Pointer starting with /, e.g. /description",
                );
            }
        }
    }
}

/// A partial-update body: RFC 6902 operations, applied in order.
pub type PatchRequest = Vec<PatchDocument>;

impl Validate for [PatchDocument] {
    fn validate_into(&self, v: &mut Validator) {
        if self.is_empty() {
            v.violation_here("required", "must hold at least one patch operation");
        }
        for (i, op) in self.iter().enumerate() {
            v.index(i, |v| op.validate_into(v));
        }
    }
}

impl Validate for PatchRequest {
    fn validate_into(&self, v: &mut Validator) {
        self.as_slice().validate_into(v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_fields_are_read_set_and_written_beside_the_known_ones() {
        let mut link: Link = serde_json::from_value(json!({
            "rel": "self", "method": "get", "href": "https://x/1", "hint": {"a": 1}
        }))
        .unwrap();
        assert_eq!(link.unknown.len(), 1);
        assert_eq!(link.unknown.get("hint"), Some(&json!({"a": 1})));
        assert_eq!(link.unknown.insert("hint", 2), Some(json!({"a": 1})));
        link.unknown.insert("more", "x");
        let names: Vec<_> = link.unknown.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["hint", "more"]);
        assert_eq!(format!("{:?}", link.unknown), r#"{"hint", "more"}"#);
        assert_eq!(
            serde_json::to_value(&link).unwrap(),
            json!({"rel": "self", "method": "get", "href": "https://x/1", "hint": 2, "more": "x"})
        );
        assert!(CustomField::new("a", "b").unknown.is_empty());
    }
}
