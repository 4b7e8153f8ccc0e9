//! Money under a misbehaving network: with the emulator injecting every kind of
//! fault, each payment is charged exactly once, and every attempt of one logical call
//! carries the same Idempotency-Key.

use payroc_core::ErrorKind;
use payroc_mock::{Fault, FaultConfig, MockConfig, QueuedFault};
use payroc_tests::{card_sale, start, start_with};
use std::collections::HashMap;

fn attempts_by_key(server: &payroc_mock::MockServer) -> HashMap<String, Vec<String>> {
    // Map each payment attempt's idempotency key; every attempt of a call must share one.
    let mut keys: HashMap<String, Vec<String>> = HashMap::new();
    for request in server.mock().requests() {
        if request.method == "POST" && request.route == "/v1/payments" {
            let key = request
                .idempotency_key
                .expect("every payment attempt carries a key");
            keys.entry(key.clone()).or_default().push(key);
        }
    }
    keys
}

#[tokio::test]
async fn each_fault_kind_is_survived_with_one_charge() {
    for fault in [
        Fault::Error500,
        Fault::Error503,
        Fault::Error429,
        Fault::Reset,
        Fault::CommitThenDrop,
    ] {
        let (server, client) = start().await;
        client.authenticate().await.unwrap();
        server.mock().queue_faults(vec![QueuedFault {
            fault,
            method: Some("POST".into()),
            path_prefix: Some("/v1/payments".into()),
        }]);
        let payment = client.payments().create(&card_sale("FAULT-1", 1500)).await;
        let payment = payment.unwrap_or_else(|e| panic!("{fault:?}: {e}"));
        assert!(payment.is_approved(), "{fault:?}");
        let counters = server.mock().counters();
        assert_eq!(
            counters.payments_per_order_id.get("FAULT-1"),
            Some(&1),
            "{fault:?}: charged once"
        );
        let requests: Vec<_> = server
            .mock()
            .requests()
            .into_iter()
            .filter(|r| r.route == "/v1/payments")
            .collect();
        assert_eq!(
            requests.len(),
            2,
            "{fault:?}: one failed attempt, one retry"
        );
        assert_eq!(
            requests[0].idempotency_key, requests[1].idempotency_key,
            "{fault:?}"
        );
        if fault == Fault::CommitThenDrop {
            assert!(
                requests[1].replayed,
                "the retry is answered from the first, committed attempt"
            );
        }
    }
}

#[tokio::test]
async fn a_fault_storm_charges_every_order_exactly_once() {
    let config = MockConfig {
        faults: FaultConfig {
            error500: 0.06,
            error503: 0.06,
            error429: 0.06,
            retry_after_secs: 0,
            reset: 0.06,
            commit_then_drop: 0.06,
            latency_ms: 0,
        },
        seed: 42,
        ..MockConfig::for_tests()
    };
    let (server, client) = start_with(config).await;
    let mut succeeded = Vec::new();
    let mut failed = Vec::new();
    for i in 0..120 {
        let order = format!("STORM-{i}");
        match client.payments().create(&card_sale(&order, 1000 + i)).await {
            Ok(payment) => succeeded.push((order, payment)),
            Err(err) => {
                assert!(
                    err.is_retryable() || err.kind() == ErrorKind::Unauthorized,
                    "{err}"
                );
                failed.push(order);
            }
        }
    }
    let counters = server.mock().counters();
    for (order, payment) in &succeeded {
        assert_eq!(
            counters.payments_per_order_id.get(order),
            Some(&1),
            "{order} charged once"
        );
        assert_eq!(payment.order.order_id.as_deref(), Some(order.as_str()));
    }
    for order in &failed {
        assert!(
            counters
                .payments_per_order_id
                .get(order)
                .copied()
                .unwrap_or(0)
                <= 1,
            "{order}"
        );
    }
    assert!(
        counters.payments_per_order_id.values().all(|n| *n == 1),
        "no order charged twice"
    );
    assert!(
        succeeded.len() >= 110,
        "with 6 attempts almost all succeed: {} of 120",
        succeeded.len()
    );
    let keys = attempts_by_key(&server);
    let retried = keys.values().filter(|attempts| attempts.len() > 1).count();
    assert!(retried > 10, "the storm forced retries ({retried})");
    assert_eq!(keys.len(), 120, "one key per logical call");
}
