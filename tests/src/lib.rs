//! Shared set-up of the integration tests: an emulator on a free loopback port and a
//! client pointed at it, with short backoffs so fault tests run quickly.
#![forbid(unsafe_code)]

use payroc_core::model::card::CardDetails;
use payroc_core::model::common::Channel;
use payroc_core::model::payment::{PaymentMethod, PaymentOrderRequest, PaymentRequest};
use payroc_core::model::Currency;
use payroc_core::paytrace::PaytraceClient;
use payroc_core::retry::RetryPolicy;
use payroc_core::Client;
use payroc_mock::{MockConfig, MockServer};
use std::time::Duration;

/// The processing terminal the tests use.
pub const TERMINAL: &str = "1234001";

/// A retry policy for tests: the default attempts, with millisecond backoffs.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 6,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(50),
        max_elapsed: Duration::from_secs(20),
    }
}

/// An emulator started with `config`, and a client for it.
pub async fn start_with(config: MockConfig) -> (MockServer, Client) {
    let server = payroc_mock::start(config)
        .await
        .expect("the emulator starts");
    let client = Client::builder()
        .api_key("integration-test-key")
        .base_urls(server.api_url(), server.base_url())
        .retry_policy(fast_retries())
        .request_timeout(Duration::from_secs(10))
        .build()
        .expect("client");
    (server, client)
}

/// An emulator with the fast test configuration, and a client for it.
pub async fn start() -> (MockServer, Client) {
    start_with(MockConfig::for_tests()).await
}

/// A PayTrace client for the emulator.
pub fn paytrace(server: &MockServer) -> PaytraceClient {
    PaytraceClient::builder()
        .credentials("api-user", "api-password-secret")
        .base_url(server.base_url())
        .retry_policy(fast_retries())
        .build()
        .expect("PayTrace client")
}

/// A keyed-card sale of `amount` cents under `order_id`.
pub fn card_sale(order_id: &str, amount: i64) -> PaymentRequest {
    PaymentRequest::new(
        Channel::Web,
        TERMINAL,
        PaymentOrderRequest::new(order_id, amount, Currency::Usd),
        PaymentMethod::card(CardDetails::keyed("4539858876047062", "1230", Some("123"))),
    )
}

/// A secure-token sale of `amount` cents under `order_id`.
pub fn token_sale(order_id: &str, amount: i64, token: &str) -> PaymentRequest {
    PaymentRequest::new(
        Channel::Web,
        TERMINAL,
        PaymentOrderRequest::new(order_id, amount, Currency::Usd),
        PaymentMethod::secure_token(token),
    )
}

/// The field paths of a validation error, in order; panics on any other error.
pub fn violation_paths(err: &payroc_core::Error) -> Vec<String> {
    let payroc_core::Error::Validation(violations) = err else {
        panic!("not a validation error: {err}");
    };
    violations
        .violations()
        .iter()
        .map(|v| v.path.clone())
        .collect()
}

/// Whether `text` holds `cvv` as a value of its own, not as three digits inside a
/// random id such as an idempotency key (one in about 140 holds `737`).
pub fn shows_cvv(text: &str, cvv: &str) -> bool {
    text.match_indices(cvv).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + cvv.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::shows_cvv;

    #[test]
    fn a_cvv_shows_only_as_a_value_of_its_own() {
        assert!(shows_cvv("with cvv 737 declined", "737"));
        assert!(shows_cvv("\"cvv\":\"737\"", "737"));
        assert!(!shows_cvv(
            "key 3075a1a1-e9dd-737a-a6b3-dd34df3496db",
            "737"
        ));
        assert!(!shows_cvv("order 17370", "737"));
    }
}
