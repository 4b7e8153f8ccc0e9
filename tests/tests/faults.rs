//! Money under a misbehaving network, one fault at a time: each kind of injected
//! fault is survived with one charge, every attempt carrying the same Idempotency-Key.
//! (`soak.rs` runs them all together at scale.)

use payroc_mock::{Fault, QueuedFault};
use payroc_tests::{card_sale, start};

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
        server.mock().queue_faults(vec![QueuedFault::new(fault)
            .method("POST")
            .path_prefix("/v1/payments")]);
        let payment = client.payments().create(&card_sale("FAULT-1", 1500)).await;
        let payment = payment.unwrap_or_else(|e| panic!("{fault:?}: {e}"));
        assert!(payment.is_approved(), "{fault:?}");
        let counters = server.mock().counters();
        assert_eq!(
            counters.payments_per_order_id.get("FAULT-1"),
            Some(&1),
            "{fault:?}: charged once"
        );
        let requests = server.mock().requests_on("/v1/payments");
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
