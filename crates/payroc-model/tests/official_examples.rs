//! Conformance with Payroc's own wire examples (the official SDK's mock mappings,
//! kept beside the project in `shared/api/payroc-wire-examples.json`): every in-scope
//! response body parses into our type, and writing it back loses no field.
//!
//! The file is not part of the repository; when it is absent (outside the project's
//! workspace) the test says so and checks nothing. Set `PAYROC_WIRE_EXAMPLES` to point
//! at a copy elsewhere.

// Saying that the check was skipped is this test's output.
#![allow(clippy::print_stderr)]

use payroc_model::cloud::{PaymentInstruction, RefundInstruction, Signature, SignatureInstruction};
use payroc_model::identity::IdentityToken;
use payroc_model::page::Paginated;
use payroc_model::payment::Payment;
use payroc_model::payment_link::{PaymentLink, PaymentLinkEmailShareEvent};
use payroc_model::refund::RetrievedRefund;
use payroc_model::secure_token::{SecureToken, SecureTokenWithAccountType, SingleUseToken};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::path::PathBuf;

fn examples_path() -> PathBuf {
    std::env::var_os("PAYROC_WIRE_EXAMPLES").map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/api/payroc-wire-examples.json")
        },
        PathBuf::from,
    )
}

/// Every key and value of `original` is in `written`, numbers compared as numbers
/// (`10` and `10.0` are the same amount of percent).
fn covers(original: &Value, written: &Value, path: &str) -> Result<(), String> {
    match (original, written) {
        (Value::Object(a), Value::Object(b)) => a.iter().try_for_each(|(k, v)| {
            let w = b.get(k).ok_or_else(|| format!("{path}.{k} was dropped"))?;
            covers(v, w, &format!("{path}.{k}"))
        }),
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .try_for_each(|(i, (x, y))| covers(x, y, &format!("{path}[{i}]"))),
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => Ok(()),
        (a, b) if a == b => Ok(()),
        (a, b) => Err(format!("{path}: {a} became {b}")),
    }
}

fn round_trip<T: DeserializeOwned + Serialize>(body: &Value) -> Result<(), String> {
    let parsed: T =
        serde_json::from_value(body.clone()).map_err(|e| format!("does not parse: {e}"))?;
    let written = serde_json::to_value(&parsed).map_err(|e| e.to_string())?;
    covers(body, &written, "")
}

fn check(method: &str, path: &str, body: &Value) -> Option<Result<(), String>> {
    let list = body.get("data").is_some();
    Some(match (method, path) {
        // Deletes and cancels answer with no body (the mappings hold an empty string).
        ("DELETE", _) => return None,
        ("POST", "/authorize") => round_trip::<IdentityToken>(body),
        (_, p) if p.contains("secure-tokens") && list => {
            round_trip::<Paginated<SecureTokenWithAccountType>>(body)
        }
        ("GET", p) if p.contains("secure-tokens") => round_trip::<SecureTokenWithAccountType>(body),
        (_, p) if p.contains("secure-tokens") => round_trip::<SecureToken>(body),
        (_, p) if p.contains("single-use-tokens") => round_trip::<SingleUseToken>(body),
        (_, p) if p.contains("sharing-events") && list => {
            round_trip::<Paginated<PaymentLinkEmailShareEvent>>(body)
        }
        (_, p) if p.contains("sharing-events") => round_trip::<PaymentLinkEmailShareEvent>(body),
        (_, p) if p.contains("payment-links") && list => round_trip::<Paginated<PaymentLink>>(body),
        (_, p) if p.contains("payment-links") => round_trip::<PaymentLink>(body),
        (_, p) if p.starts_with("/payments") && list => round_trip::<Paginated<Payment>>(body),
        (_, p) if p.starts_with("/payments") => round_trip::<Payment>(body),
        (_, p) if p.starts_with("/refunds") && list => {
            round_trip::<Paginated<RetrievedRefund>>(body)
        }
        (_, p) if p.starts_with("/refunds") => round_trip::<RetrievedRefund>(body),
        (_, p) if p.contains("payment-instructions") => round_trip::<PaymentInstruction>(body),
        (_, p) if p.contains("refund-instructions") => round_trip::<RefundInstruction>(body),
        (_, p) if p.contains("signature-instructions") => round_trip::<SignatureInstruction>(body),
        (_, p) if p.starts_with("/signatures") => round_trip::<Signature>(body),
        // Payment plans and subscriptions are outside this SDK's scope.
        _ => return None,
    })
}

#[test]
fn every_official_response_example_parses_and_round_trips() {
    let path = examples_path();
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "{} not found: the official wire examples were not checked",
            path.display()
        );
        return;
    };
    let file: Value = serde_json::from_str(&text).expect("the examples file is JSON");
    let mut checked = 0;
    let mut failures = Vec::new();
    for mapping in file["mappings"].as_array().expect("mappings") {
        let request = &mapping["request"];
        let method = request["method"].as_str().unwrap_or("");
        let route = request["urlPathTemplate"]
            .as_str()
            .or_else(|| request["urlPath"].as_str())
            .unwrap_or("");
        let Some(body) = mapping["response"]["body"]
            .as_str()
            .filter(|b| !b.is_empty())
        else {
            continue;
        };
        let body: Value = serde_json::from_str(body).expect("example bodies are JSON");
        if let Some(result) = check(method, route, &body) {
            checked += 1;
            if let Err(why) = result {
                failures.push(format!("{method} {route}: {why}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 30, "only {checked} examples were recognised");
}
