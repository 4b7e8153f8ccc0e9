//! The answers of a hostile server, for the queued faults that test a client's
//! defences: unreadable JSON after a commit, a redirect, a body that never ends, a
//! 20 MB error, and an error that echoes card data.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

/// What a garbled reply holds: the start of a payment, cut off.
pub(crate) const GARBLED_BODY: &str = "{\"paymentId\": ";

/// How long the `detail` of a huge error is.
pub(crate) const HUGE_DETAIL_BYTES: usize = 20 * 1024 * 1024;

/// The card number and CVV text an echoing server quotes.
pub(crate) const ECHOED_CARD: &str = "4111111111111111";

/// `response`'s status with `content-type: application/json` and a truncated body.
pub(crate) fn garble(response: &Response) -> Response {
    (
        response.status(),
        [(header::CONTENT_TYPE, "application/json")],
        GARBLED_BODY,
    )
        .into_response()
}

/// `response` with fields no SDK knows yet added to its JSON object (see
/// [`Fault::NewFields`](crate::faults::Fault::NewFields)); any other body unchanged.
pub(crate) async fn with_new_fields(response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(serde_json::Value::Object(mut top)) = serde_json::from_slice(&bytes) else {
        return Response::from_parts(parts, axum::body::Body::from(bytes));
    };
    for value in top.values_mut() {
        if let serde_json::Value::Object(nested) = value {
            nested.insert("futureField".into(), "nested".into());
        }
    }
    top.insert(
        "futureField".into(),
        serde_json::json!({"since": "v2", "count": 3}),
    );
    let body = serde_json::to_vec(&top).unwrap_or_default();
    let mut parts = parts;
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(body))
}

/// `307 Temporary Redirect` to `location` (checked when the fault was queued).
pub(crate) fn redirect(location: Option<&str>) -> Response {
    let mut response = StatusCode::TEMPORARY_REDIRECT.into_response();
    if let Some(value) = location.and_then(|l| HeaderValue::from_str(l).ok()) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// A JSON array that never ends: `[` then `0,` for as long as the client reads.
/// Hyper asks for the next chunk only once the last was written, so the pace is the
/// client's and nothing piles up in memory.
struct Endless {
    started: bool,
    chunk: Bytes,
}

impl futures_core::Stream for Endless {
    type Item = Result<Bytes, Infallible>;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.started {
            Poll::Ready(Some(Ok(self.chunk.clone())))
        } else {
            self.started = true;
            Poll::Ready(Some(Ok(Bytes::from_static(b"["))))
        }
    }
}

/// `200 application/json`, chunked, never ending.
pub(crate) fn endless_body() -> Response {
    let stream = Endless {
        started: false,
        chunk: Bytes::from("0,".repeat(32 * 1024)),
    };
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        Body::from_stream(stream),
    )
        .into_response()
}

/// A `400 application/problem+json` with `body`, written as it is: the model's
/// problem type is not used, so nothing it may learn to mask or cap changes what a
/// hostile server sends.
fn raw_problem(body: &Value) -> Response {
    (
        StatusCode::BAD_REQUEST,
        [(header::CONTENT_TYPE, "application/problem+json")],
        body.to_string(),
    )
        .into_response()
}

/// `400 application/problem+json` whose `detail` is [`HUGE_DETAIL_BYTES`] long.
pub(crate) fn huge_error() -> Response {
    let line = "The request could not be processed. ";
    let mut detail = line.repeat(HUGE_DETAIL_BYTES / line.len() + 1);
    detail.truncate(HUGE_DETAIL_BYTES);
    raw_problem(&json!({
        "type": "https://docs.payroc.com/api/errors#bad-request",
        "title": "Bad request",
        "status": 400,
        "detail": detail,
    }))
}

/// A `400` problem that quotes a card number and a CVV back.
pub(crate) fn card_echo() -> Response {
    raw_problem(&json!({
        "type": "https://docs.payroc.com/api/errors#bad-request",
        "title": "Bad request",
        "status": 400,
        "detail": format!("Card {ECHOED_CARD} with cvv 737 was declined by the issuer"),
        "errors": [{
            "parameter": "paymentMethod.cardDetails.keyedData.cardNumber",
            "detail": "Invalid value",
            "message": format!("cardNumber {ECHOED_CARD} with cvv 737 is not accepted"),
        }],
    }))
}
