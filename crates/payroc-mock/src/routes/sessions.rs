//! Sessions a web page opens before it takes card details: Hosted Fields session
//! tokens (ten minutes) and Apple Pay merchant sessions (an hour), each kept in the
//! ledger. The crate README lists what each refuses.

use crate::clock::rfc3339_after;
use crate::problem::Refusal;
use crate::routes::{json, parse};
use crate::store::ledger::{StoredApplePaySession, StoredHostedFieldsSession};
use crate::store::Store;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use payroc_model::session::{
    https_host, ApplePaySession, ApplePaySessionRequest, HostedFieldsSession,
    HostedFieldsSessionRequest,
};
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long a Hosted Fields session token works.
const HOSTED_FIELDS_LIFETIME: Duration = Duration::from_secs(10 * 60);

/// How long an Apple Pay merchant session works, in milliseconds.
const APPLE_PAY_LIFETIME_MS: u64 = 60 * 60 * 1000;

/// The domain every registered Apple Pay domain id stands for in the emulator.
const APPLE_PAY_DOMAIN: &str = "store.example.com";

/// Apple domain ids starting with this are not registered (the refusal's trigger).
const UNREGISTERED_DOMAIN: &str = "unregistered";

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route(
            "/v1/processing-terminals/{processingTerminalId}/hosted-fields-sessions",
            post(create_hosted_fields),
        )
        .route(
            "/v1/processing-terminals/{processingTerminalId}/apple-pay-sessions",
            post(create_apple_pay),
        )
}

/// Whether a Hosted Fields library version has its shape: numbers between dots.
fn lib_version_shape(version: &str) -> bool {
    version.split('.').count() >= 2
        && version
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

fn open_hosted_fields(
    s: &mut Store,
    terminal: String,
    request: HostedFieldsSessionRequest,
) -> Result<HostedFieldsSession, Refusal> {
    if !lib_version_shape(&request.lib_version) {
        return Err(Refusal::bad(
            "libVersion",
            "format",
            "must be a Hosted Fields library version, e.g. 1.6.0.172441",
        ));
    }
    if let Some(id) = &request.secure_token_id {
        let live = s
            .ledger
            .cards
            .secure_tokens
            .iter()
            .any(|t| t.processing_terminal_id == terminal && t.secure_token_id == *id);
        if !live {
            return Err(Refusal::bad(
                "secureTokenId",
                "format",
                format!("no secure token with this id exists on processing terminal {terminal}"),
            ));
        }
    }
    let token = s.hex_id();
    let expires_at = rfc3339_after(HOSTED_FIELDS_LIFETIME);
    s.ledger
        .sessions
        .hosted_fields_sessions
        .push(StoredHostedFieldsSession {
            processing_terminal_id: terminal.clone(),
            token: token.clone(),
            expires_at: expires_at.clone(),
            lib_version: request.lib_version,
            scenario: request.scenario.as_str().to_owned(),
            secure_token_id: request.secure_token_id,
        });
    Ok(HostedFieldsSession {
        processing_terminal_id: terminal,
        token,
        expires_at: Some(expires_at),
        unknown: Default::default(),
    })
}

/// `POST /v1/processing-terminals/{processingTerminalId}/hosted-fields-sessions` → `201`.
async fn create_hosted_fields(
    State(mock): State<Arc<Mock>>,
    Path(terminal): Path<String>,
    body: Bytes,
) -> Response {
    let request: HostedFieldsSessionRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    match mock.with_store(|s| open_hosted_fields(s, terminal, request)) {
        Ok(session) => json(StatusCode::CREATED, &session),
        Err(refusal) => refusal.into_response(),
    }
}

/// `n` upper-case hex characters from the seeded generator.
fn upper_hex(s: &mut Store, n: usize) -> String {
    s.random_id(n, b"0123456789ABCDEF")
}

fn open_apple_pay(
    s: &mut Store,
    terminal: String,
    request: ApplePaySessionRequest,
) -> Result<ApplePaySession, Refusal> {
    let apple = https_host(&request.apple_validation_url)
        .is_some_and(|host| host == "apple.com" || host.ends_with(".apple.com"));
    if !apple {
        return Err(Refusal::bad(
            "appleValidationUrl",
            "format",
            "is not an Apple Pay validation URL (an https URL on apple.com)",
        ));
    }
    if request
        .apple_domain_id
        .to_ascii_lowercase()
        .starts_with(UNREGISTERED_DOMAIN)
    {
        return Err(Refusal::bad(
            "appleDomainId",
            "format",
            "no Apple Pay domain with this id is registered for the merchant",
        ));
    }
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
    let expires_at = now_ms.saturating_add(APPLE_PAY_LIFETIME_MS);
    let session_id = format!("SSH{}_{}", upper_hex(s, 32), upper_hex(s, 64));
    let merchant_id = upper_hex(s, 64);
    let display_name = format!("Mock store {terminal}");
    let session = json!({
        "epochTimestamp": now_ms,
        "expiresAt": expires_at,
        "merchantSessionIdentifier": session_id,
        "nonce": s.random_id(8, b"0123456789abcdef"),
        "merchantIdentifier": merchant_id,
        "domainName": APPLE_PAY_DOMAIN,
        "displayName": display_name,
        "signature": s.random_id(256, b"0123456789abcdef"),
        "operationalAnalyticsIdentifier": format!("{display_name}:{merchant_id}"),
        "retries": 0,
        "pspId": upper_hex(s, 64),
    });
    s.ledger
        .sessions
        .apple_pay_sessions
        .push(StoredApplePaySession {
            processing_terminal_id: terminal,
            apple_domain_id: request.apple_domain_id,
            merchant_session_identifier: session_id,
            expires_at,
        });
    Ok(ApplePaySession {
        start_session_response: session.to_string(),
        unknown: Default::default(),
    })
}

/// `POST /v1/processing-terminals/{processingTerminalId}/apple-pay-sessions` → `200`
/// (no idempotency key).
async fn create_apple_pay(
    State(mock): State<Arc<Mock>>,
    Path(terminal): Path<String>,
    body: Bytes,
) -> Response {
    let request: ApplePaySessionRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    match mock.with_store(|s| open_apple_pay(s, terminal, request)) {
        Ok(session) => json(StatusCode::OK, &session),
        Err(refusal) => refusal.into_response(),
    }
}
