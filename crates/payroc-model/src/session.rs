//! Sessions a web page opens before it takes card details: a Hosted Fields session
//! token, and an Apple Pay merchant session.

use crate::common::UnknownFields;
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};

open_enum! {
    /// What the Hosted Fields page is for (`scenario`).
    pub enum HostedFieldsScenario {
        /// A sale, or a sale that also saves the card.
        Payment = "payment",
        /// Save payment details, or update saved ones (with `secureTokenId`).
        Tokenization = "tokenization",
    }
}

/// Body of `POST /processing-terminals/{id}/hosted-fields-sessions`
/// (`HostedFieldsCreateSessionRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HostedFieldsSessionRequest {
    /// Version of the Hosted Fields JavaScript library the page loads.
    pub lib_version: String,
    /// A payment or a tokenization.
    pub scenario: HostedFieldsScenario,
    /// The secure token whose details the page updates (`tokenization` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure_token_id: Option<String>,
}

impl Validate for HostedFieldsSessionRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("libVersion", &self.lib_version);
        v.known("scenario", &self.scenario);
        if let Some(id) = &self.secure_token_id {
            v.required_str("secureTokenId", id);
            if self.scenario == HostedFieldsScenario::Payment {
                v.violation(
                    "secureTokenId",
                    "conflict",
                    "updates a saved token, so it goes with scenario `tokenization`",
                );
            }
        }
    }
}

/// A Hosted Fields session (`HostedFieldsCreateSessionResponse`): put `token` in the
/// page's Hosted Fields configuration before `expiresAt` (ten minutes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HostedFieldsSession {
    /// The terminal it is for.
    pub processing_terminal_id: String,
    /// The session token.
    pub token: String,
    /// When the token expires (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Body of `POST /processing-terminals/{id}/apple-pay-sessions` (`ApplePaySessions`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplePaySessionRequest {
    /// The id Payroc gave the merchant's domain when it was registered for Apple Pay.
    pub apple_domain_id: String,
    /// The validation URL Apple Pay JS passed to `onvalidatemerchant`.
    pub apple_validation_url: String,
}

impl Validate for ApplePaySessionRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("appleDomainId", &self.apple_domain_id);
        let url = &self.apple_validation_url;
        if url.trim().is_empty() {
            v.required_str("appleValidationUrl", url);
        } else if https_host(url).is_none_or(|host| host.is_empty()) {
            v.violation(
                "appleValidationUrl",
                "format",
                "must be the https URL Apple Pay JS gives `onvalidatemerchant`",
            );
        }
    }
}

/// The host of an `https://` URL, lower-cased, without port or credentials; `None`
/// for anything else.
pub fn https_host(url: &str) -> Option<String> {
    let scheme = url
        .get(..8)
        .filter(|s| s.eq_ignore_ascii_case("https://"))?;
    let after = &url[scheme.len()..];
    let authority = after.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') || authority.chars().any(char::is_whitespace) {
        return None;
    }
    let host = authority.split(':').next().unwrap_or("");
    Some(host.to_ascii_lowercase())
}

/// An Apple Pay merchant session (`ApplePayResponseSession`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplePaySession {
    /// Apple's merchant session object, as JSON text: hand it to
    /// `completeMerchantValidation` unchanged.
    pub start_session_response: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_request;

    #[test]
    fn a_validation_url_must_be_https() {
        assert_eq!(
            https_host("https://apple-pay-gateway.apple.com/paymentservices/startSession")
                .as_deref(),
            Some("apple-pay-gateway.apple.com")
        );
        assert_eq!(https_host("http://apple-pay-gateway.apple.com/x"), None);
        assert_eq!(https_host("https://user@evil.example/x"), None);
        let err = parse_request::<ApplePaySessionRequest>(
            br#"{"appleDomainId":" ","appleValidationUrl":"ftp://x"}"#,
        )
        .unwrap_err();
        let paths: Vec<_> = err.violations().iter().map(|v| v.path.as_str()).collect();
        assert_eq!(paths, ["appleDomainId", "appleValidationUrl"]);
    }

    #[test]
    fn a_secure_token_goes_with_tokenization_only() {
        let err = parse_request::<HostedFieldsSessionRequest>(
            br#"{"libVersion":"","scenario":"payment","secureTokenId":"MREF_1"}"#,
        )
        .unwrap_err();
        let paths: Vec<_> = err.violations().iter().map(|v| v.path.as_str()).collect();
        assert_eq!(paths, ["libVersion", "secureTokenId"]);
        parse_request::<HostedFieldsSessionRequest>(
            br#"{"libVersion":"1.6.0.172441","scenario":"tokenization","secureTokenId":"MREF_1"}"#,
        )
        .unwrap();
    }
}
