//! Receiving event notifications: [`verify`] checks that a notification posted to your
//! webhook comes from Payroc (its `Payroc-Secret` header holds your subscription's
//! secret) and reads it into a typed [`Event`].
//!
//! ```
//! use payroc_core::webhook::{verify, WebhookError};
//! let body = br#"{"specversion":"1.0","id":"e-1","source":"/payroc","type":"processingAccount.status.changed","data":{"status":"approved"}}"#;
//! let event = verify([("Payroc-Secret", "s3cret")], body, "s3cret").unwrap();
//! assert_eq!(event.id, "e-1");
//! assert_eq!(verify([("Payroc-Secret", "guess")], body, "s3cret").unwrap_err(), WebhookError::WrongSecret);
//! ```
//!
//! Payroc retries a delivery it thinks failed, with the same event id: keep the ids you
//! have handled and drop repeats. Answer a 2xx quickly (after five failed retries Payroc
//! marks the subscription `failed`).

use crate::model::event::{Event, SECRET_HEADER, SPEC_VERSION};
use std::fmt;

/// Why a notification was refused. No variant carries the secret, the expected or
/// the one received.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookError {
    /// The expected secret is empty: nothing could be trusted against it.
    NoExpectedSecret,
    /// The notification has no `Payroc-Secret` header.
    MissingSecret,
    /// The `Payroc-Secret` header does not hold the expected secret (or appears more
    /// than once).
    WrongSecret,
    /// The body is not a CloudEvents 1.0 JSON event; says why.
    MalformedBody(String),
}

impl WebhookError {
    /// A stable short name: `no_expected_secret`, `missing_secret`, `wrong_secret`,
    /// `malformed_body` (what the C and Python bindings report).
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoExpectedSecret => "no_expected_secret",
            Self::MissingSecret => "missing_secret",
            Self::WrongSecret => "wrong_secret",
            Self::MalformedBody(_) => "malformed_body",
        }
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoExpectedSecret => f.write_str("the expected webhook secret is empty"),
            Self::MissingSecret => write!(f, "the notification has no {SECRET_HEADER} header"),
            Self::WrongSecret => {
                write!(
                    f,
                    "the {SECRET_HEADER} header does not hold the subscription's secret"
                )
            }
            Self::MalformedBody(why) => write!(f, "the notification's body is not an event: {why}"),
        }
    }
}

impl std::error::Error for WebhookError {}

/// Checks a notification and reads its event: `headers` as received (names in any
/// case), the raw `body`, and the secret you gave the subscription. The secret is
/// compared in constant time; the body is read only once the secret matches.
pub fn verify<I, K, V>(
    headers: I,
    body: &[u8],
    expected_secret: &str,
) -> Result<Event, WebhookError>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<[u8]>,
{
    let mut received: Option<Vec<u8>> = None;
    let mut repeated = false;
    for (name, value) in headers {
        if name.as_ref().trim().eq_ignore_ascii_case(SECRET_HEADER) {
            repeated |= received.is_some();
            received = Some(value.as_ref().to_vec());
        }
    }
    verify_secret(received.as_deref(), expected_secret)?;
    if repeated {
        return Err(WebhookError::WrongSecret);
    }
    parse_event(body)
}

/// Checks only the secret: `received` is the `Payroc-Secret` header's value (`None`
/// when absent). Leading and trailing spaces of the header are not part of it.
pub fn verify_secret(received: Option<&[u8]>, expected_secret: &str) -> Result<(), WebhookError> {
    if expected_secret.is_empty() {
        return Err(WebhookError::NoExpectedSecret);
    }
    let received = received.ok_or(WebhookError::MissingSecret)?;
    if constant_time_eq(received.trim_ascii(), expected_secret.as_bytes()) {
        Ok(())
    } else {
        Err(WebhookError::WrongSecret)
    }
}

/// Reads a notification's body (already trusted) into its event.
pub fn parse_event(body: &[u8]) -> Result<Event, WebhookError> {
    let event: Event =
        serde_json::from_slice(body).map_err(|err| WebhookError::MalformedBody(err.to_string()))?;
    if event.specversion != SPEC_VERSION {
        return Err(WebhookError::MalformedBody(format!(
            "specversion must be {SPEC_VERSION}"
        )));
    }
    if event.id.is_empty() {
        return Err(WebhookError::MalformedBody("the event has no id".into()));
    }
    Ok(event)
}

/// Whether `a` and `b` are equal, in time that depends only on their lengths: every
/// byte is compared (XOR, folded with OR), with no exit at the first difference.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = u8::from(a.len() != b.len());
    for i in 0..a.len().max(b.len()) {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        diff |= x ^ y;
    }
    std::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = br#"{"specversion":"1.0","id":"e-1","source":"/p","type":"terminalOrder.status.changed","data":{"status":"shipped"}}"#;

    #[test]
    fn compares_every_byte() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(!constant_time_eq(b"", b"a"));
        assert!(constant_time_eq(b"", b""));
    }

    #[test]
    fn refusals_are_typed_and_never_show_a_secret() {
        type Case<'a> = (Vec<(&'a str, &'a str)>, &'a [u8], &'a str, WebhookError);
        let cases: Vec<Case> = vec![
            (vec![], BODY, "top-secret", WebhookError::MissingSecret),
            (
                vec![("payroc-secret", "top-secreT")],
                BODY,
                "top-secret",
                WebhookError::WrongSecret,
            ),
            (
                vec![
                    ("PAYROC-SECRET", "top-secret"),
                    ("Payroc-Secret", "top-secret"),
                ],
                BODY,
                "top-secret",
                WebhookError::WrongSecret,
            ),
            (
                vec![("Payroc-Secret", "")],
                BODY,
                "",
                WebhookError::NoExpectedSecret,
            ),
        ];
        for (headers, body, secret, want) in cases {
            let err = verify(headers, body, secret).unwrap_err();
            assert_eq!(err, want);
            assert!(!err.to_string().contains("top-secre"));
        }
        let err = verify([("Payroc-Secret", "k")], b"{not json", "k").unwrap_err();
        assert_eq!(err.code(), "malformed_body");
        let event = verify([("payroc-secret", " k ")], BODY, "k").unwrap();
        assert_eq!(event.id, "e-1");
    }
}
