//! Every attempt of a call is traced — method, path, status, attempt, latency and the
//! Idempotency-Key — and no secret is. This is the only test in its binary on purpose:
//! `tracing` caches each callsite's interest process-wide, so a subscriber installed
//! with `set_default` can miss callsites another test thread is registering at the same
//! moment.

use payroc_mock::{Fault, QueuedFault};
use payroc_tests::{card_sale, start};
use std::sync::{Arc, Mutex};

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test]
async fn every_attempt_is_traced_without_secrets() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(captured.clone())
        .with_ansi(false)
        .without_time()
        .finish();
    // Installed before anything runs, so every callsite registers with it in place.
    let _guard = tracing::subscriber::set_default(subscriber);
    let (server, client) = start().await;
    server
        .mock()
        .queue_faults(vec![QueuedFault::new(Fault::Error503)
            .method("POST")
            .path_prefix("/v1/payments")]);
    let payment = client
        .payments()
        .create(&card_sale("TRACED-1", 1500))
        .await
        .unwrap();
    assert!(payment.is_approved());
    let requests = server.mock().requests_on("/v1/payments");
    assert_eq!(requests.len(), 2, "one 503, one retry");
    let key = requests[0].idempotency_key.clone().expect("a key was sent");

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("payroc.request"), "{log}");
    assert!(
        log.contains("method=\"POST\"") || log.contains("method=POST"),
        "{log}"
    );
    assert!(log.contains("/v1/payments"), "{log}");
    assert!(log.contains(&key), "the idempotency key is logged: {log}");
    assert!(
        log.contains("status=503") && log.contains("status=201"),
        "{log}"
    );
    assert!(log.contains("attempt=2"), "{log}");
    assert!(log.contains("latency_ms"), "{log}");
    // The CVV is checked in quoted form: bare digits could occur in a latency figure.
    for secret in ["integration-test-key", "4539858876047062", "\"123\""] {
        assert!(
            !log.contains(secret),
            "`{secret}` leaked into the log: {log}"
        );
    }
    assert!(
        !contains_bearer_token(&log),
        "the emulator's bearer token leaked into the log: {log}"
    );
}

/// Whether `log` holds a token as the emulator issues them: `mock_` and 40 characters
/// of `[a-z0-9]`.
fn contains_bearer_token(log: &str) -> bool {
    log.match_indices("mock_").any(|(at, _)| {
        let rest = &log.as_bytes()[at + "mock_".len()..];
        rest.len() >= 40
            && rest[..40]
                .iter()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}
