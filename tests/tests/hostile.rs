//! A hostile server and a hostile caller, over real HTTP against payroc-mock's injected
//! faults: what payroc-core must never do (follow a redirect with card data, read an
//! endless body, show card digits, call a charge "not processed", outlive a deadline,
//! report a never-sent call as "maybe processed").

use payroc_core::model::cloud::{PaymentInstructionOrder, PaymentInstructionRequest};
use payroc_core::model::Currency;
use payroc_core::resources::cloud::CANCEL_GRACE;
use payroc_core::{CancelHandle, Client, ErrorKind, IdempotencyKey, RequestOptions, WaitOptions};
use payroc_mock::{Fault, MockConfig, QueuedFault};
use payroc_tests::{card_sale, shows_cvv, start, start_with, TERMINAL};
use std::time::{Duration, Instant};

fn on_payments(fault: Fault) -> QueuedFault {
    QueuedFault::new(fault)
        .method("POST")
        .path_prefix("/v1/payments")
}

fn instruction(order_id: &str) -> PaymentInstructionRequest {
    PaymentInstructionRequest::new(
        TERMINAL,
        PaymentInstructionOrder::new(order_id, 2450, Currency::Usd),
    )
}

/// The status of every Cloud payment instruction the emulator holds.
fn instruction_statuses(server: &payroc_mock::MockServer) -> Vec<String> {
    server.mock().ledger()["cloudInstructions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| {
            let i = i.get("instruction").unwrap_or(i);
            i["status"].as_str().map(str::to_owned)
        })
        .collect()
}

#[tokio::test]
async fn a_reply_from_a_server_a_version_ahead_keeps_its_new_fields() {
    let (server, client) = start().await;
    server
        .mock()
        .queue_faults(vec![on_payments(Fault::NewFields)]);
    let payment = client
        .payments()
        .create(&card_sale("NEWFIELDS-1", 1500))
        .await
        .unwrap();
    assert!(payment.is_approved());
    let top = payment
        .unknown
        .get("futureField")
        .expect("the new top-level field");
    assert_eq!(top["since"], "v2");
    assert_eq!(top["count"], 3);
    assert_eq!(payment.order.unknown.get("futureField").unwrap(), "nested");
    assert_eq!(
        payment
            .transaction_result
            .unknown
            .get("futureField")
            .unwrap(),
        "nested"
    );
    // Written back, the reply is what the server sent.
    let written = serde_json::to_value(&payment).unwrap();
    assert_eq!(written["futureField"]["since"], "v2");
    assert_eq!(written["order"]["futureField"], "nested");
    // The JSON call the bindings use hands the server's bytes over unchanged.
    server
        .mock()
        .queue_faults(vec![on_payments(Fault::NewFields)]);
    let body = serde_json::to_vec(&card_sale("NEWFIELDS-2", 1500)).unwrap();
    let call = payroc_core::operations::JsonCall {
        body: Some(&body),
        ..Default::default()
    };
    let reply = client
        .call_json("payments.create", &call)
        .await
        .unwrap()
        .unwrap();
    let reply: serde_json::Value = serde_json::from_slice(&reply).unwrap();
    assert_eq!(reply["futureField"]["count"], 3);
    assert_eq!(reply["card"]["futureField"], "nested");
}

#[tokio::test]
async fn a_garbled_201_says_processed_and_its_key_retries_to_one_charge() {
    let (server, client) = start().await;
    server
        .mock()
        .queue_faults(vec![on_payments(Fault::CommitThenGarble)]);
    let err = client
        .payments()
        .create(&card_sale("GARBLE-1", 1500))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.status(), Some(201));
    assert!(err.maybe_processed(), "a 201 to a payment: it happened");
    assert!(err.raw_body().unwrap().starts_with("{\"paymentId\""));
    let key = IdempotencyKey::parse(err.idempotency_key().unwrap()).unwrap();
    let payment = client
        .payments()
        .options(RequestOptions::idempotency_key(key))
        .create(&card_sale("GARBLE-1", 1500))
        .await
        .unwrap();
    assert!(payment.is_approved());
    let counters = server.mock().counters();
    assert_eq!(counters.payments_per_order_id.get("GARBLE-1"), Some(&1));
}

#[tokio::test]
async fn a_redirect_is_never_followed_with_the_card_data() {
    let (server, client) = start().await;
    let (elsewhere, _) = start().await;
    server.mock().queue_faults(vec![
        on_payments(Fault::Redirect).location(&format!("{}/payments", elsewhere.api_url()))
    ]);
    let err = client
        .payments()
        .create(&card_sale("REDIRECT-1", 1500))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(307));
    assert_eq!(err.kind(), ErrorKind::Api);
    assert!(!err.maybe_processed());
    assert!(
        elsewhere.mock().requests().is_empty(),
        "the other host saw nothing"
    );
}

#[tokio::test]
async fn an_endless_body_is_cut_at_the_cap() {
    let (server, _) = start().await;
    let client = Client::builder()
        .api_key("integration-test-key")
        .base_urls(server.api_url(), server.base_url())
        .max_response_bytes(256 * 1024)
        .build()
        .unwrap();
    server
        .mock()
        .queue_faults(vec![on_payments(Fault::EndlessBody)]);
    let started = Instant::now();
    let err = client
        .payments()
        .create(&card_sale("ENDLESS-1", 1500))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
    assert!(
        err.maybe_processed(),
        "a 200 to a charge is never 'not processed'"
    );
    assert!(err.raw_body().unwrap().len() <= 64 * 1024);
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn server_text_never_shows_card_data_and_is_capped() {
    let (server, client) = start().await;
    server.mock().queue_faults(vec![
        on_payments(Fault::CardEcho),
        on_payments(Fault::HugeError),
    ]);
    for _ in 0..2 {
        let err = client
            .payments()
            .create(&card_sale("ECHO-1", 1500))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadRequest);
        let shown = format!("{err} {err:?} {:?}", err.field_errors());
        assert!(!shown.contains("4111111111111111"), "{shown:.300}");
        assert!(!shows_cvv(&shown, "737"), "{shown:.300}");
        assert!(shown.len() < 32 * 1024, "{}", shown.len());
    }
}

#[tokio::test]
async fn never_sent_is_never_maybe_processed() {
    let (server, client) = start().await;
    let long_id = "A".repeat(70_000);
    let err = client.payments().retrieve(&long_id).await.unwrap_err();
    assert!(!err.maybe_processed(), "{err}");
    assert_eq!(err.kind(), ErrorKind::Configuration, "{err}");

    for (api_url, key) in [
        (format!(" {}", server.api_url()), "k"),
        (format!("{}/ v1", server.base_url()), "k"),
        (server.api_url(), "key\r\nx-injected: 1"),
    ] {
        let built = Client::builder()
            .api_key(key)
            .base_urls(api_url.as_str(), server.base_url())
            .build();
        assert_eq!(
            built.unwrap_err().kind(),
            ErrorKind::Configuration,
            "{api_url:?}"
        );
    }

    // The identity service never answers: the payment itself was never sent.
    let client = Client::builder()
        .api_key("integration-test-key")
        .base_urls(server.api_url(), server.base_url())
        .request_timeout(Duration::from_millis(300))
        .retry_policy(payroc_core::retry::RetryPolicy::none())
        .build()
        .unwrap();
    server
        .mock()
        .queue_faults(vec![QueuedFault::new(Fault::Hang)
            .method("POST")
            .path_prefix("/authorize")]);
    let err = client
        .payments()
        .create(&card_sale("NOTOKEN-1", 1500))
        .await
        .unwrap_err();
    assert!(!err.maybe_processed(), "{err}");
    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
    assert!(server.mock().requests_on("/v1/payments").is_empty());
}

#[tokio::test]
async fn a_per_call_timeout_bounds_a_read_too() {
    let (server, client) = start().await;
    client.authenticate().await.unwrap();
    let payment = client
        .payments()
        .create(&card_sale("TIMEOUT-1", 1500))
        .await
        .unwrap();
    server
        .mock()
        .queue_faults(vec![QueuedFault::new(Fault::Hang)
            .method("GET")
            .path_prefix("/v1/payments/")]);
    let options = RequestOptions {
        timeout: Some(Duration::from_millis(200)),
        ..RequestOptions::default()
    };
    let started = Instant::now();
    // Retried once the hung attempt times out; the retry (the fault was for one
    // request only) is answered.
    let read = client
        .payments()
        .options(options)
        .retrieve(&payment.payment_id)
        .await
        .unwrap();
    assert_eq!(read.payment_id, payment.payment_id);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the 200 ms timeout was not kept: {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_cloud_deadline_bounds_the_whole_sale_when_the_gateway_stops_answering() {
    let (server, client) = start_with(MockConfig {
        instruction_delay: Duration::from_secs(30),
        ..MockConfig::for_tests()
    })
    .await;
    client.authenticate().await.unwrap();
    server.mock().queue_faults(vec![
        QueuedFault::new(Fault::Hang)
            .method("GET")
            .path_prefix("/v1/payment-instructions"),
        QueuedFault::new(Fault::Hang)
            .method("DELETE")
            .path_prefix("/v1/payment-instructions"),
    ]);
    let deadline = Duration::from_secs(1);
    let started = Instant::now();
    let err = client
        .payment_instructions()
        .run_sale(
            "PAX-1",
            &instruction("HANG-1"),
            &WaitOptions::deadline(deadline),
        )
        .await
        .unwrap_err();
    let took = started.elapsed();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    assert!(err.maybe_processed());
    assert!(err.idempotency_key().is_some());
    assert!(
        took < deadline + CANCEL_GRACE + Duration::from_millis(500),
        "{took:?}"
    );

    // A submit that never gets an answer is bounded by the deadline too.
    server
        .mock()
        .queue_faults(vec![QueuedFault::new(Fault::Hang)
            .method("POST")
            .path_prefix("/v1/devices")]);
    let started = Instant::now();
    let err = client
        .payment_instructions()
        .run_sale(
            "PAX-1",
            &instruction("HANG-2"),
            &WaitOptions::deadline(deadline),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    assert!(started.elapsed() < deadline + Duration::from_millis(500));
}

#[tokio::test]
async fn a_triggered_cancel_switch_submits_nothing_and_an_empty_serial_is_refused() {
    let (server, client) = start().await;
    let cancel = CancelHandle::new();
    cancel.cancel();
    let options = WaitOptions {
        cancel: Some(cancel),
        ..WaitOptions::deadline(Duration::from_secs(5))
    };
    let err = client
        .payment_instructions()
        .run_sale("PAX-1", &instruction("CANCELLED-1"), &options)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled);
    let err = client
        .payment_instructions()
        .run_sale("", &instruction("NOSERIAL-1"), &WaitOptions::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(
        err.field_errors()[0].parameter.as_deref(),
        Some("serialNumber")
    );
    assert!(server.mock().requests_on("/v1/devices").is_empty());
}

#[tokio::test]
async fn a_sale_dropped_mid_wait_is_cancelled_on_the_device() {
    let (server, client) = start_with(MockConfig {
        instruction_delay: Duration::from_secs(30),
        ..MockConfig::for_tests()
    })
    .await;
    let request = instruction("DROPPED-1");
    let options = WaitOptions::deadline(Duration::from_secs(20));
    let instructions = client.payment_instructions();
    let sale = instructions.run_sale("PAX-1", &request, &options);
    assert!(tokio::time::timeout(Duration::from_millis(500), sale)
        .await
        .is_err());
    let until = Instant::now() + Duration::from_secs(5);
    while instruction_statuses(&server) != ["canceled"] && Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(instruction_statuses(&server), ["canceled"]);
}

#[tokio::test]
async fn a_timeout_or_deadline_beyond_any_clock_is_kept_without_a_panic() {
    let (_server, client) = start().await;
    let forever = Duration::from_millis(u64::MAX);
    let options = RequestOptions {
        timeout: Some(forever),
        ..RequestOptions::default()
    };
    let payment = client
        .payments()
        .options(options.clone())
        .create(&card_sale("FOREVER-1", 1500))
        .await
        .unwrap();
    let body = serde_json::to_vec(&card_sale("FOREVER-2", 1500)).unwrap();
    let call = payroc_core::operations::JsonCall {
        body: Some(&body),
        options,
        wait: WaitOptions::deadline(forever),
        ..Default::default()
    };
    client.call_json("payments.create", &call).await.unwrap();
    assert!(payment.is_approved());
}
