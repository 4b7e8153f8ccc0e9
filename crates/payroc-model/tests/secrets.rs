//! `Debug` and `Display` of every secret-bearing type show no secret: card numbers
//! appear only masked (first six, last four), and CVVs, track and raw data, PINs,
//! account numbers, API keys, passwords and tokens not at all.

use payroc_model::card::CardDetails;
use payroc_model::identity::IdentityToken;
use payroc_model::payment::{PaymentMethod, PaymentRequest};
use payroc_model::paytrace::{PaytraceToken, PaytraceTokenRequest};
use payroc_model::secure_token::{SecureToken, SecureTokenRequest, SingleUseTokenRequest};
use payroc_model::{ApiKey, BearerToken, CardNumber, Password, SensitiveData};
use serde::de::DeserializeOwned;
use serde_json::json;
use std::fmt::Debug;

const PAN: &str = "4539858876047062";
const SECRETS: [&str; 10] = [
    PAN,
    "CVV-731",
    "TRACK-%B4539858876047062^HOPPER",
    "RAW-DEVICE-BLOB",
    "ICC-9F02-TLV",
    "PINBLOCK-77",
    "ENC-BLOCK-55",
    "ACCT-000123456789",
    "apikey-super-secret",
    "bearer-super-secret",
];

fn assert_clean(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} shows `{secret}`: {text}");
    }
}

fn check<T: DeserializeOwned + Debug>(what: &str, value: serde_json::Value) -> T {
    let parsed: T = serde_json::from_value(value).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_clean(what, &format!("{parsed:?}"));
    assert_clean(what, &format!("{parsed:#?}"));
    parsed
}

fn device() -> serde_json::Value {
    json!({"model": "paxA920", "serialNumber": "SN1"})
}

#[test]
fn secret_wrappers_redact() {
    let n = CardNumber::new(PAN);
    assert_eq!(format!("{n}"), "453985******7062");
    assert_eq!(format!("{n:?}"), "CardNumber(453985******7062)");
    assert_eq!(CardNumber::new("4111111111111111").last4(), "1111");
    for (debug, display) in [
        (
            format!("{:?}", SensitiveData::new("CVV-731")),
            SensitiveData::new("CVV-731").to_string(),
        ),
        (
            format!("{:?}", ApiKey::new("apikey-super-secret")),
            ApiKey::new("apikey-super-secret").to_string(),
        ),
        (
            format!("{:?}", BearerToken::new("bearer-super-secret")),
            BearerToken::new("bearer-super-secret").to_string(),
        ),
        (
            format!("{:?}", Password::new("apikey-super-secret")),
            Password::new("apikey-super-secret").to_string(),
        ),
    ] {
        assert_clean("wrapper", &debug);
        assert_clean("wrapper", &display);
        assert!(debug.contains("[REDACTED]") && display == "[REDACTED]");
    }
    // Serialization is how a secret is sent: it must still carry the value.
    assert_eq!(
        serde_json::to_string(&SensitiveData::new("CVV-731")).unwrap(),
        "\"CVV-731\""
    );
}

#[test]
fn every_card_details_variant_redacts() {
    let variants = [
        json!({"entryMethod": "keyed", "keyedData": {"dataFormat": "plainText", "cardNumber": PAN, "expiryDate": "1230", "cvv": "CVV-731"},
               "pinDetails": {"dataFormat": "dukpt", "pin": "PINBLOCK-77", "pinKsn": "ksn"}}),
        json!({"entryMethod": "keyed", "keyedData": {"dataFormat": "partiallyEncrypted", "device": device(), "encryptedPan": "ENC-BLOCK-55",
               "maskedPan": "453985******7062", "expiryDate": "1230", "cvv": "CVV-731", "cvvEncrypted": "ENC-BLOCK-55"}}),
        json!({"entryMethod": "keyed", "keyedData": {"dataFormat": "fullyEncrypted", "device": device(), "encryptedData": "ENC-BLOCK-55"}}),
        json!({"entryMethod": "swiped", "swipedData": {"dataFormat": "plainText", "device": device(), "trackData": "TRACK-%B4539858876047062^HOPPER"}}),
        json!({"entryMethod": "swiped", "swipedData": {"dataFormat": "encrypted", "device": device(), "encryptedData": "ENC-BLOCK-55"}}),
        json!({"entryMethod": "raw", "device": device(), "rawData": "RAW-DEVICE-BLOB"}),
        json!({"entryMethod": "icc", "device": device(), "iccData": "ICC-9F02-TLV"}),
        // An entry method this SDK does not know keeps its body, but shows only names.
        json!({"entryMethod": "contactlessFuture", "cardNumber": PAN, "cvv": "CVV-731"}),
    ];
    for variant in variants {
        let details: CardDetails = check("cardDetails", variant);
        let request = PaymentRequest::new(
            payroc_model::common::Channel::Pos,
            "1234001",
            payroc_model::payment::PaymentOrderRequest::new("O1", 100, payroc_model::Currency::Usd),
            PaymentMethod::card(details),
        );
        assert_clean("payment request", &format!("{request:?}"));
        if let Err(err) = payroc_model::Validate::validate(&request) {
            assert_clean("validation error", &err.to_string());
            assert_clean("validation error", &format!("{err:?}"));
        }
    }
}

#[test]
fn tokenization_bodies_redact() {
    check::<SecureTokenRequest>(
        "ach source",
        json!({"source": {"type": "ach", "nameOnAccount": "Sarah", "accountNumber": "ACCT-000123456789", "routingNumber": "123456789"}}),
    );
    check::<SecureTokenRequest>(
        "pad source",
        json!({"source": {"type": "pad", "nameOnAccount": "Sarah", "accountNumber": "ACCT-000123456789", "transitNumber": "12345", "institutionNumber": "123"}}),
    );
    check::<SecureTokenRequest>(
        "single-use token source with a raw PIN",
        json!({"source": {"type": "singleUseToken", "token": "abc", "pinDetails": {"dataFormat": "raw", "pin": "PINBLOCK-77"}}}),
    );
    check::<SingleUseTokenRequest>(
        "single-use token request",
        json!({"channel": "web", "source": {"type": "card", "cardDetails": {"entryMethod": "keyed", "keyedData": {"dataFormat": "plainText", "cardNumber": PAN, "cvv": "CVV-731"}}}}),
    );
    let token = check::<SecureToken>(
        "secure token response (the API may send a full PAN)",
        json!({"secureTokenId": "MREF_1", "processingTerminalId": "1234001", "token": "296753123458", "status": "notValidated",
               "source": {"type": "card", "cardholderName": "Sarah", "cardNumber": PAN, "expiryDate": "1230"}}),
    );
    assert!(format!("{token:?}").contains("453985******7062"));
    check::<SecureToken>(
        "secure token with ach source",
        json!({"secureTokenId": "MREF_2", "processingTerminalId": "1234001", "token": "296753123458", "status": "notValidated",
               "source": {"type": "ach", "nameOnAccount": "Sarah", "accountNumber": "ACCT-000123456789", "routingNumber": "123456789"}}),
    );
}

/// A field this SDK does not know may hold anything, a card number included: `Debug`
/// names unknown fields and never shows their values, at any depth.
#[test]
fn unknown_fields_show_only_their_names() {
    const VISA_TEST_PAN: &str = "4111111111111111";
    let token: SecureToken = serde_json::from_value(json!({
        "secureTokenId": "MREF_1", "processingTerminalId": "1234001", "token": "296753123458",
        "status": "notValidated", "newCardNumber": VISA_TEST_PAN,
        "source": {"type": "card", "cardholderName": "Sarah", "cardNumber": PAN,
                   "newNested": {"pan": VISA_TEST_PAN, "n": 4111111111111111_u64}}
    }))
    .unwrap();
    assert_eq!(
        token.unknown.get("newCardNumber"),
        Some(&json!(VISA_TEST_PAN))
    );
    for shown in [format!("{token:?}"), format!("{token:#?}")] {
        assert!(!shown.contains(VISA_TEST_PAN), "{shown}");
        assert!(
            shown.contains("newCardNumber") && shown.contains("newNested"),
            "{shown}"
        );
        assert_clean("secure token with unknown fields", &shown);
    }
}

#[test]
fn credentials_and_tokens_redact() {
    check::<IdentityToken>(
        "identity token",
        json!({"access_token": "bearer-super-secret", "token_type": "Bearer", "expires_in": 3600}),
    );
    check::<PaytraceToken>(
        "PayTrace token",
        json!({"access_token": "bearer-super-secret", "token_type": "Bearer", "expires_in": 7200, "refresh_token": "bearer-super-secret"}),
    );
    let grant = PaytraceTokenRequest::client_credentials("api-user", "apikey-super-secret");
    assert_clean("PayTrace grant", &format!("{grant:?}"));
    let refresh = PaytraceTokenRequest::refresh("bearer-super-secret");
    assert_clean("PayTrace refresh grant", &format!("{refresh:?}"));
    // The secret reaches only the form body.
    assert!(grant
        .form_pairs()
        .iter()
        .any(|(k, v)| *k == "client_secret" && v == "apikey-super-secret"));
}
