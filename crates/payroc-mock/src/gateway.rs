//! What every API request passes through before its handler, in the gateway's order:
//! counting, injected faults, authentication, media type, and idempotency.

use crate::faults::Fault;
use crate::hostile;
use crate::problem::{bad_parameter, conflict, problem};
use crate::server::ConnectionControl;
use crate::{Mock, Store};
use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use payroc_model::validate::is_uuid_v4;
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;

/// Largest request body the emulator reads.
const MAX_BODY: usize = 1 << 20;

/// One request as the emulator saw it, for tests to inspect.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedRequest {
    /// HTTP method.
    pub method: String,
    /// Path as sent.
    pub path: String,
    /// Route template, e.g. `/v1/payments/{paymentId}`.
    pub route: String,
    /// The `Idempotency-Key` header, if any.
    pub idempotency_key: Option<String>,
    /// The fault injected into it, if any.
    pub fault: Option<Fault>,
    /// Whether it was answered from the idempotency store.
    pub replayed: bool,
}

/// A stored outcome of an idempotent request.
#[derive(Debug, Clone)]
pub(crate) enum Idempotent {
    /// Still being handled.
    InFlight,
    /// Handled; replay this.
    Done {
        fingerprint: u64,
        status: StatusCode,
        content_type: Option<HeaderValue>,
        body: Bytes,
    },
}

/// The API's writes that take no `Idempotency-Key` (the official SDKs send none):
/// lookups and switches that are harmless to repeat.
const UNKEYED_POSTS: &[&str] = &[
    "/v1/payment-links/{paymentLinkId}/deactivate",
    "/v1/processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/deactivate",
    "/v1/processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/reactivate",
    "/v1/processing-terminals/{processingTerminalId}/apple-pay-sessions",
    "/v1/cards/balance",
    "/v1/cards/bin-lookup",
    "/v1/fx-rates",
];

/// The routes whose body is a `multipart/form-data` upload: they take a larger body,
/// and their route reads and checks the form.
const UPLOAD_ROUTES: &[&str] = &["/v1/processing-accounts/{processingAccountId}/attachments"];

fn requires_idempotency_key(method: &Method, route: &str) -> bool {
    (method == Method::POST || method == Method::PATCH)
        && route.starts_with("/v1/")
        && !UNKEYED_POSTS.contains(&route)
}

fn fingerprint(method: &Method, path: &str, body: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    method.as_str().hash(&mut h);
    path.hash(&mut h);
    body.hash(&mut h);
    h.finish()
}

/// Never answers: the connection is being closed under the request.
async fn drop_connection(control: Option<ConnectionControl>) -> Response {
    match control {
        Some(control) => {
            control.kill();
            std::future::pending::<Response>().await
        }
        // Only in-process callers without a connection (none today) land here.
        None => problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal server error",
            "connection dropped",
        ),
    }
}

/// The middleware: every request but `/_mock` goes through it.
pub(crate) async fn gateway(
    State(mock): State<Arc<Mock>>,
    matched: Option<MatchedPath>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    if path.starts_with(crate::routes::CONTROL_PREFIX) {
        return next.run(request).await;
    }
    let method = request.method().clone();
    let route = matched.map_or_else(|| path.clone(), |m| m.as_str().to_owned());
    let idempotency_key = request
        .headers()
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if path.starts_with("/v1/") {
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok());
        mock.settle_due(host);
    }
    let decision = mock.faults.decide(method.as_str(), &path);
    let fault = decision.fault;
    let log_index = mock.with_store(|s| {
        s.count_request(&method, &route);
        s.log_request(LoggedRequest {
            method: method.to_string(),
            path: path.clone(),
            route: route.clone(),
            idempotency_key: idempotency_key.clone(),
            fault,
            replayed: false,
        })
    });
    if decision.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(decision.latency_ms)).await;
    }
    let control = request.extensions().get::<ConnectionControl>().cloned();
    match fault {
        Some(Fault::Error500) => {
            return problem(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal server error",
                "injected fault",
            )
        }
        Some(Fault::Error503) => {
            return problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "Service unavailable",
                "injected fault",
            )
        }
        Some(Fault::Error429) => {
            let mut response = problem(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many requests",
                "injected fault",
            );
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(decision.retry_after_secs),
            );
            return response;
        }
        Some(Fault::Reset) => return drop_connection(control).await,
        Some(Fault::Redirect) => return hostile::redirect(decision.location.as_deref()),
        Some(Fault::EndlessBody) => return hostile::endless_body(),
        Some(Fault::HugeError) => return hostile::huge_error(),
        Some(Fault::CardEcho) => return hostile::card_echo(),
        // Hyper drops this future (and the connection) once the client goes away.
        Some(Fault::Hang) => return std::future::pending().await,
        Some(Fault::CompleteOnCancel) => {
            if method == Method::DELETE {
                crate::routes::complete_instruction_now(&mock, &route, &path);
            }
        }
        Some(Fault::CommitThenDrop | Fault::CommitThenGarble | Fault::NewFields) | None => {}
    }
    let response = handle(
        &mock,
        &method,
        &route,
        idempotency_key,
        log_index,
        request,
        next,
    )
    .await;
    match fault {
        Some(Fault::CommitThenDrop) => drop_connection(control).await,
        // Only a success is garbled: the point is a change the client cannot read.
        Some(Fault::CommitThenGarble) if response.status().is_success() => {
            hostile::garble(&response)
        }
        Some(Fault::NewFields) if response.status().is_success() => {
            hostile::with_new_fields(response).await
        }
        _ => response,
    }
}

async fn handle(
    mock: &Arc<Mock>,
    method: &Method,
    route: &str,
    idempotency_key: Option<String>,
    log_index: u64,
    request: Request,
    next: Next,
) -> Response {
    if let Some(name) = repeated_header(request.headers()) {
        return bad_parameter(
            name,
            "Invalid format",
            &format!("the {name} header was sent more than once; send it once"),
        );
    }
    if let Err(response) = authenticate(mock, route, request.headers()) {
        return response;
    }
    // A PUT (a full replace) sends a body too: its media type is checked, though it
    // takes no Idempotency-Key.
    let writes = (method == Method::POST || method == Method::PATCH || method == Method::PUT)
        && route.starts_with("/v1/");
    if !writes {
        return next.run(request).await;
    }
    // Read here, whatever the framing (length or chunked), so "no body" means no bytes.
    let (parts, body) = request.into_parts();
    let upload = UPLOAD_ROUTES.contains(&route);
    let limit = if upload {
        crate::routes::MAX_UPLOAD_BODY
    } else {
        MAX_BODY
    };
    let Ok(body) = axum::body::to_bytes(body, limit).await else {
        return problem(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Content too large",
            if upload {
                "the upload exceeds 30 MB"
            } else {
                "the body exceeds 1 MiB"
            },
        );
    };
    if !upload && !body.is_empty() && !is_json(parts.headers.get(header::CONTENT_TYPE)) {
        return problem(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Unsupported media type",
            "a request body must be sent with `Content-Type: application/json`",
        );
    }
    if !requires_idempotency_key(method, route) {
        return next.run(Request::from_parts(parts, Body::from(body))).await;
    }
    let Some(key) = idempotency_key else {
        return bad_parameter(
            "Idempotency-Key",
            "Required field not populated",
            "this request needs an Idempotency-Key header holding a UUID v4 (idempotencyKeyMissing)",
        );
    };
    if !is_uuid_v4(&key) {
        return bad_parameter(
            "Idempotency-Key",
            "Invalid format",
            "the Idempotency-Key header must be a UUID v4",
        );
    }
    // A form's boundary is chosen afresh by each encoding: the same upload sent again
    // is the same request whatever its boundary.
    let print = match upload
        .then(|| crate::routes::form_boundary(&parts.headers))
        .flatten()
    {
        Some(boundary) => fingerprint(
            method,
            parts.uri.path(),
            &crate::routes::without_boundary(&body, &boundary),
        ),
        None => fingerprint(method, parts.uri.path(), &body),
    };
    let prior = mock.with_store(|s| match s.idempotency.get(&key) {
        None => {
            s.idempotency.insert(key.clone(), Idempotent::InFlight);
            None
        }
        Some(entry) => Some(entry.clone()),
    });
    match prior {
        None => {}
        Some(Idempotent::InFlight) => {
            return conflict("A request with this Idempotency-Key is still being processed");
        }
        Some(Idempotent::Done {
            fingerprint,
            status,
            content_type,
            body: stored,
        }) => {
            if fingerprint != print {
                return conflict(
                    "This Idempotency-Key was already used with a different request (idempotencyKeyInUse)",
                );
            }
            mock.with_store(|s| s.mark_replayed(log_index));
            let mut response = (status, stored).into_response();
            if let Some(ct) = content_type {
                response.headers_mut().insert(header::CONTENT_TYPE, ct);
            }
            response
                .headers_mut()
                .insert("idempotent-replayed", HeaderValue::from_static("true"));
            return response;
        }
    }
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let status = response.status();
    // A 400 created nothing and the key may be reused; server-side failures are not
    // outcomes to replay either.
    let keep = !(status == StatusCode::BAD_REQUEST
        || status == StatusCode::UNAUTHORIZED
        || status == StatusCode::TOO_MANY_REQUESTS
        || status.is_server_error());
    if !keep {
        mock.with_store(|s| s.idempotency.remove(&key));
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    mock.with_store(|s| {
        s.idempotency.insert(
            key,
            Idempotent::Done {
                fingerprint: print,
                status,
                content_type: parts.headers.get(header::CONTENT_TYPE).cloned(),
                body: bytes.clone(),
            },
        )
    });
    Response::from_parts(parts, Body::from(bytes))
}

/// Headers that must come once: the first sent more than once, if any. Two
/// `Idempotency-Key`s or two `Authorization`s leave it open which one counts.
fn repeated_header(headers: &HeaderMap) -> Option<&'static str> {
    ["Idempotency-Key", "Authorization"]
        .into_iter()
        .find(|name| headers.get_all(*name).iter().nth(1).is_some())
}

/// Whether a `Content-Type` is JSON: `application/json`, with parameters such as
/// `charset` allowed, in any case.
fn is_json(content_type: Option<&HeaderValue>) -> bool {
    content_type
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
}

fn authenticate(mock: &Mock, route: &str, headers: &HeaderMap) -> Result<(), Response> {
    let paytrace = route.starts_with("/v3/") && route != "/v3/token";
    if !(route.starts_with("/v1/") || paytrace) {
        return Ok(());
    }
    let Some(token) = bearer(headers) else {
        return Err(problem(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "Send `Authorization: Bearer <token>`; get a token from the identity service first",
        ));
    };
    let valid = mock.with_store(|s: &mut Store| s.token_valid(token, paytrace));
    if valid {
        Ok(())
    } else {
        Err(problem(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "The bearer token is invalid or has expired",
        ))
    }
}
