//! Unit tests of the call pipeline (retries, idempotency keys, token refresh,
//! validation) over a scripted fake transport and a manual clock: no network, no
//! sleeping. Integration tests against the real emulator live in `tests/`.

use crate::clock::ManualClock;
use crate::http::{
    BoxFuture, HttpRequest, HttpResponse, HttpTransport, TransportError, TransportErrorKind,
};
use crate::retry::RetryPolicy;
use crate::{Client, ErrorKind, IdempotencyKey, RequestOptions};
use payroc_model::common::Channel;
use payroc_model::payment::{PaymentMethod, PaymentOrderRequest, PaymentRequest};
use payroc_model::Currency;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Scripted = Result<HttpResponse, TransportError>;

/// Answers `/authorize` with a token itself, and every other request from a script.
#[derive(Default)]
struct ScriptedTransport {
    script: Mutex<VecDeque<Scripted>>,
    seen: Mutex<Vec<HttpRequest>>,
    tokens_issued: Mutex<u32>,
    token_lifetime_secs: u64,
    identity_down: std::sync::atomic::AtomicBool,
}

impl ScriptedTransport {
    fn new(script: Vec<Scripted>) -> Arc<Self> {
        Self::with_token_lifetime(script, 3600)
    }

    fn with_token_lifetime(script: Vec<Scripted>, token_lifetime_secs: u64) -> Arc<Self> {
        Arc::new(Self {
            script: Mutex::new(script.into()),
            token_lifetime_secs,
            ..Self::default()
        })
    }

    fn api_authorizations(&self) -> Vec<String> {
        self.api_requests()
            .iter()
            .map(|r| r.header("authorization").unwrap().to_owned())
            .collect()
    }

    fn api_requests(&self) -> Vec<HttpRequest> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .filter(|r| !r.url.ends_with("/authorize"))
            .cloned()
            .collect()
    }

    fn tokens_issued(&self) -> u32 {
        *self.tokens_issued.lock().unwrap()
    }
}

fn response(status: u16, body: &str) -> Scripted {
    Ok(HttpResponse {
        status,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.as_bytes().to_vec(),
    })
}

/// An empty answer with `status` that asks to be retried after `secs` seconds.
fn retry_after(status: u16, secs: u32) -> Scripted {
    Ok(HttpResponse {
        status,
        headers: vec![("retry-after".into(), secs.to_string())],
        body: b"{}".to_vec(),
    })
}

fn dropped() -> Scripted {
    Err(TransportError::new(
        TransportErrorKind::Io,
        "connection closed before message completed",
    ))
}

impl HttpTransport for ScriptedTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        let is_authorize = request.url.ends_with("/authorize");
        self.seen.lock().unwrap().push(request);
        let identity_down = self.identity_down.load(std::sync::atomic::Ordering::SeqCst);
        let answer = if is_authorize && identity_down {
            response(503, r#"{"title":"Service unavailable"}"#)
        } else if is_authorize {
            let mut n = self.tokens_issued.lock().unwrap();
            *n += 1;
            response(
                200,
                &format!(
                    r#"{{"access_token":"tok-{n}","token_type":"Bearer","expires_in":{}}}"#,
                    self.token_lifetime_secs
                ),
            )
        } else {
            self.script
                .lock()
                .unwrap()
                .pop_front()
                .unwrap_or_else(|| response(500, "{}"))
        };
        Box::pin(std::future::ready(answer))
    }
}

const PAYMENT: &str = r#"{"paymentId":"M2MJOG6O2Y","processingTerminalId":"1234001",
 "order":{"orderId":"ORD-1","amount":4999,"currency":"USD"},
 "card":{"type":"Visa","cardNumber":"453985******7062","expiryDate":"1230"},
 "transactionResult":{"status":"ready","responseCode":"A","cardSchemeReferenceId":"X1"}}"#;

fn client(transport: Arc<ScriptedTransport>, clock: &ManualClock) -> Client {
    Client::builder()
        .api_key("sk_test_secret_key_123")
        .base_urls(
            "https://api.example.test/v1",
            "https://identity.example.test",
        )
        .transport(transport)
        .clock(Arc::new(clock.clone()))
        .retry_policy(RetryPolicy::default())
        .build()
        .unwrap()
}

/// A payment create through `transport` that is meant to succeed: the payment.
async fn paid_payment(
    transport: Arc<ScriptedTransport>,
    clock: &ManualClock,
) -> payroc_model::payment::Payment {
    client(transport, clock)
        .payments()
        .create(&payment_request())
        .await
        .unwrap()
}

/// A payment create through `transport` that is meant to fail: its error.
async fn failed_payment(transport: Arc<ScriptedTransport>, clock: &ManualClock) -> crate::Error {
    client(transport, clock)
        .payments()
        .create(&payment_request())
        .await
        .unwrap_err()
}

fn payment_request() -> PaymentRequest {
    PaymentRequest::new(
        Channel::Web,
        "1234001",
        PaymentOrderRequest::new("ORD-1", 4999, Currency::Usd),
        PaymentMethod::secure_token("296753123458"),
    )
}

#[tokio::test]
async fn a_retried_payment_reuses_one_idempotency_key() {
    let transport = ScriptedTransport::new(vec![
        response(503, r#"{"title":"Service unavailable"}"#),
        dropped(),
        response(201, PAYMENT),
    ]);
    let clock = ManualClock::new();
    let payment = paid_payment(transport.clone(), &clock).await;
    assert_eq!(payment.payment_id, "M2MJOG6O2Y");
    let sent = transport.api_requests();
    assert_eq!(sent.len(), 3);
    let keys: Vec<_> = sent
        .iter()
        .map(|r| r.header("idempotency-key").unwrap().to_owned())
        .collect();
    assert!(
        keys.iter().all(|k| *k == keys[0]),
        "one key for every attempt: {keys:?}"
    );
    assert!(payroc_model::validate::is_uuid_v4(&keys[0]));
    assert!(
        clock.elapsed() <= Duration::from_millis(300),
        "backoff waited on the manual clock only"
    );
    assert_eq!(transport.tokens_issued(), 1);
}

#[tokio::test]
async fn a_caller_chosen_key_is_sent_and_separate_calls_get_separate_keys() {
    let transport = ScriptedTransport::new(vec![
        response(201, PAYMENT),
        response(201, PAYMENT),
        response(201, PAYMENT),
    ]);
    let clock = ManualClock::new();
    let client = client(transport.clone(), &clock);
    let key = IdempotencyKey::new();
    client
        .payments()
        .options(RequestOptions::idempotency_key(key.clone()))
        .create(&payment_request())
        .await
        .unwrap();
    client.payments().create(&payment_request()).await.unwrap();
    client.payments().create(&payment_request()).await.unwrap();
    let keys: Vec<_> = transport
        .api_requests()
        .iter()
        .map(|r| r.header("idempotency-key").unwrap().to_owned())
        .collect();
    assert_eq!(keys[0], key.as_str());
    assert_ne!(keys[1], keys[2], "each logical call has its own key");
}

#[tokio::test]
async fn an_invalid_request_never_reaches_the_network() {
    let transport = ScriptedTransport::new(vec![]);
    let clock = ManualClock::new();
    let mut request = payment_request();
    request.order.order_id = "this-order-id-is-far-too-long-for-payroc".into();
    request.order.amount = 0;
    let err = client(transport.clone(), &clock)
        .payments()
        .create(&request)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let paths: Vec<_> = err
        .field_errors()
        .into_iter()
        .filter_map(|e| e.parameter)
        .collect();
    assert_eq!(paths, ["order.orderId", "order.amount"]);
    assert!(
        transport.seen.lock().unwrap().is_empty(),
        "not even a token was fetched"
    );
}

#[tokio::test]
async fn a_retry_that_outlasts_its_token_carries_a_fresh_one() {
    // 10 s tokens are refreshed after 5 s; each 503 asks for 3 s, so the third attempt
    // would carry a token past its refresh point. The one refresh a 401 earns is
    // then still unspent, for a token the server revokes.
    let busy = || retry_after(503, 3);
    let transport = ScriptedTransport::with_token_lifetime(
        vec![busy(), busy(), response(401, "{}"), response(201, PAYMENT)],
        10,
    );
    let clock = ManualClock::new();
    paid_payment(transport.clone(), &clock).await;
    assert_eq!(
        transport.api_authorizations(),
        [
            "Bearer tok-1",
            "Bearer tok-1",
            "Bearer tok-2",
            "Bearer tok-3"
        ]
    );
    let keys: Vec<_> = transport
        .api_requests()
        .iter()
        .map(|r| r.header("idempotency-key").unwrap().to_owned())
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0] == w[1]),
        "one key across the refreshes: {keys:?}"
    );
}

#[tokio::test]
async fn a_token_that_cannot_be_renewed_mid_retry_ends_the_call_as_maybe_processed() {
    // The first attempt's 503 may have been acted on; its Retry-After outlasts the
    // token, and the identity service is down by then.
    let transport = ScriptedTransport::with_token_lifetime(vec![retry_after(503, 6)], 10);
    let clock = ManualClock::new();
    let client = client(transport.clone(), &clock);
    client.authenticate().await.unwrap();
    transport
        .identity_down
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let err = client
        .payments()
        .create(&payment_request())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(transport.api_requests().len(), 1);
    assert!(
        err.maybe_processed(),
        "the first attempt may have charged: {err:?}"
    );
}

#[tokio::test]
async fn a_401_refreshes_the_token_once_and_retries_once() {
    let transport = ScriptedTransport::new(vec![
        response(401, r#"{"title":"Unauthorized"}"#),
        response(201, PAYMENT),
    ]);
    let clock = ManualClock::new();
    paid_payment(transport.clone(), &clock).await;
    assert_eq!(transport.tokens_issued(), 2);
    assert_eq!(
        transport.api_authorizations(),
        ["Bearer tok-1", "Bearer tok-2"]
    );

    let transport = ScriptedTransport::new(vec![
        response(401, "{}"),
        response(401, r#"{"title":"Unauthorized","detail":"bad token"}"#),
    ]);
    let err = failed_payment(transport.clone(), &clock).await;
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(
        transport.api_requests().len(),
        2,
        "one refresh, one retry, then give up"
    );
}

#[tokio::test]
async fn writes_without_a_key_are_not_repeated_after_an_ambiguous_failure() {
    let transport = ScriptedTransport::new(vec![dropped()]);
    let clock = ManualClock::new();
    let err = client(transport.clone(), &clock)
        .payment_links()
        .deactivate("JZURRJBUPS")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ConnectionLost);
    assert!(err.maybe_processed());
    assert_eq!(transport.api_requests().len(), 1);
    assert!(transport.api_requests()[0]
        .header("idempotency-key")
        .is_none());
}

#[tokio::test]
async fn retry_after_is_waited_and_attempts_are_bounded() {
    let throttled = || retry_after(429, 2);
    let transport = ScriptedTransport::new(vec![
        throttled(),
        throttled(),
        throttled(),
        throttled(),
        throttled(),
    ]);
    let clock = ManualClock::new();
    let err = client(transport.clone(), &clock)
        .payments()
        .retrieve("M2MJOG6O2Y")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(transport.api_requests().len(), 4, "max_attempts");
    assert_eq!(
        clock.elapsed(),
        Duration::from_secs(6),
        "three waits of Retry-After: 2"
    );
}

#[tokio::test]
async fn errors_and_debug_output_carry_no_secrets() {
    let transport = ScriptedTransport::new(vec![response(
        400,
        r#"{"title":"Bad request","errors":[{"parameter":"order.amount","message":"bad"}]}"#,
    )]);
    let clock = ManualClock::new();
    let client = client(transport.clone(), &clock);
    let mut request = payment_request();
    request.payment_method = PaymentMethod::card(payroc_model::card::CardDetails::keyed(
        "4539858876047062",
        "1230",
        Some("987"),
    ));
    let err = client.payments().create(&request).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    assert_eq!(
        err.field_errors()[0].parameter.as_deref(),
        Some("order.amount")
    );
    let printed = format!(
        "{err} {err:?} {client:?} {request:?} {:?}",
        transport.seen.lock().unwrap()
    );
    for secret in [
        "sk_test_secret_key_123",
        "tok-1",
        "4539858876047062",
        "987\"",
    ] {
        assert!(!printed.contains(secret), "`{secret}` leaked: {printed}");
    }
    assert!(printed.contains("453985******7062"));
}

#[test]
fn plain_http_is_refused_except_on_loopback() {
    let build = |api: &str| {
        Client::builder()
            .api_key("k")
            .base_urls(api, "https://identity.example.test")
            .build()
    };
    assert_eq!(
        build("http://api.example.test/v1").unwrap_err().kind(),
        ErrorKind::Configuration
    );
    assert!(build("http://127.0.0.1:9999/v1").is_ok());
    assert!(build("http://localhost:9999/v1").is_ok());
    assert!(build("http://[::1]:9999/v1").is_ok());
    assert!(build("https://api.example.test/v1").is_ok());
    assert_eq!(
        Client::builder().build().unwrap_err().kind(),
        ErrorKind::Configuration,
        "no API key"
    );
}

#[tokio::test]
async fn pagers_follow_links_only_into_the_api() {
    let page = r#"{"limit":1,"count":1,"hasMore":true,"data":[],
        "links":[{"rel":"next","method":"get","href":"https://evil.example.test/v1/payments?after=X"}]}"#;
    let transport = ScriptedTransport::new(vec![response(200, page)]);
    let clock = ManualClock::new();
    let client = client(transport.clone(), &clock);
    let mut pager = client
        .payments()
        .list(&payroc_model::payment::PaymentListQuery::default())
        .unwrap();
    assert!(pager.next_page().await.unwrap().is_some());
    let err = pager.next_page().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(
        transport.api_requests().len(),
        1,
        "the foreign link was not requested"
    );
}

#[tokio::test]
async fn an_error_after_an_ambiguous_attempt_says_the_call_may_have_been_processed() {
    // Attempt 1's connection broke after sending (it may have been charged); the
    // retries were throttled until the attempts ran out. The final 429 alone would
    // say "not processed": the error must remember attempt 1.
    let throttled = || retry_after(429, 0);
    let transport = ScriptedTransport::new(vec![dropped(), throttled(), throttled(), throttled()]);
    let clock = ManualClock::new();
    let err = failed_payment(transport.clone(), &clock).await;
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert!(err.maybe_processed(), "an earlier attempt may have charged");

    // The same across the one token refresh a 401 earns: attempt 1 broke after
    // sending, attempt 2 was refused for its token, and after the refresh every retry
    // was throttled.
    let mut script = vec![dropped(), response(401, "{}")];
    script.extend((0..10).map(|_| throttled()));
    let transport = ScriptedTransport::new(script);
    let err = failed_payment(transport.clone(), &clock).await;
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(transport.tokens_issued(), 2, "the token was refreshed");
    assert!(
        err.maybe_processed(),
        "the attempt before the refresh may have charged"
    );

    let transport =
        ScriptedTransport::new(vec![throttled(), throttled(), throttled(), throttled()]);
    let err = failed_payment(transport, &clock).await;
    assert!(
        !err.maybe_processed(),
        "every attempt was refused before processing"
    );
}

#[test]
fn paytrace_and_oauth_error_bodies_become_problem_details() {
    let fastapi = br#"{"detail":[{"loc":["body","recurrence","amount"],"msg":"must be positive","type":"value_error.range"}]}"#;
    let err = crate::ApiError::from_response(422, fastapi);
    assert_eq!(
        err.problem.errors[0].parameter.as_deref(),
        Some("body.recurrence.amount")
    );
    assert_eq!(
        err.problem.errors[0].message.as_deref(),
        Some("must be positive")
    );
    let oauth = br#"{"error":"invalid_client","error_description":"bad credentials"}"#;
    let err = crate::ApiError::from_response(401, oauth);
    assert_eq!(err.problem.title.as_deref(), Some("invalid_client"));
    assert_eq!(err.problem.detail.as_deref(), Some("bad credentials"));
    assert!(crate::ApiError::from_response(500, b"<html>")
        .problem
        .title
        .is_none());
}

/// The key a scripted request carried.
fn sent_key(transport: &ScriptedTransport) -> String {
    transport.api_requests()[0]
        .header("idempotency-key")
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_2xx_to_a_payment_that_does_not_read_says_it_was_processed() {
    let transport = ScriptedTransport::new(vec![response(201, r#"{"paymentId": "#)]);
    let err = failed_payment(transport.clone(), &ManualClock::new()).await;
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(err.maybe_processed(), "a 201 to a charge means it happened");
    assert_eq!(err.status(), Some(201));
    assert_eq!(err.raw_body(), Some(r#"{"paymentId": "#));
    assert_eq!(err.idempotency_key(), Some(sent_key(&transport).as_str()));
    assert!(err.to_string().contains("was processed"), "{err}");
    assert_eq!(transport.api_requests().len(), 1, "a 2xx is never retried");
}

#[tokio::test]
async fn a_read_that_does_not_parse_is_not_called_processed() {
    let transport = ScriptedTransport::new(vec![response(200, "not json")]);
    let err = client(transport, &ManualClock::new())
        .payments()
        .retrieve("M2MJOG6O2Y")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(!err.maybe_processed());
}

#[tokio::test]
async fn a_reply_longer_than_the_cap_is_refused_and_a_charge_still_said_processed() {
    let transport = ScriptedTransport::new(vec![response(201, PAYMENT)]);
    let err = Client::builder()
        .api_key("sk_test_secret_key_123")
        .base_urls("https://api.example.test/v1", "https://id.example.test")
        .transport(transport.clone())
        .clock(Arc::new(ManualClock::new()))
        .max_response_bytes(64)
        .build()
        .unwrap()
        .payments()
        .create(&payment_request())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(err.maybe_processed());
    assert!(
        err.to_string().contains("longer than the 64 bytes"),
        "{err}"
    );
    assert_eq!(transport.api_requests()[0].max_response_bytes, 64);
}

#[tokio::test]
async fn error_bodies_are_scrubbed_capped_and_quoted_when_not_problem_json() {
    let huge = format!(
        r#"{{"title":"Bad request","detail":"card 4111111111111111 cvv 737 {}"}}"#,
        "x".repeat(1 << 20)
    );
    let transport = ScriptedTransport::new(vec![
        response(400, &huge),
        response(400, "<html>no 4111111111111111 here</html>"),
    ]);
    let clock = ManualClock::new();
    for _ in 0..2 {
        let err = failed_payment(transport.clone(), &clock).await;
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("4111111111111111"), "{shown:.200}");
        // The call's random idempotency key may hold any three digits.
        let key = err.idempotency_key().expect("a payment's key");
        assert!(!shown.replace(key, "").contains("737"), "{shown:.200}");
        assert!(err.to_string().len() < 5000, "{}", err.to_string().len());
        assert!(!err.maybe_processed());
    }
    let err = failed_payment(
        ScriptedTransport::new(vec![response(400, "<html>oops</html>")]),
        &clock,
    )
    .await;
    assert_eq!(
        err.to_string(),
        "HTTP 400 (not problem JSON): <html>oops</html>"
    );
}

#[tokio::test]
async fn a_token_lifetime_of_i64_max_is_capped_not_a_panic() {
    let transport = ScriptedTransport::with_token_lifetime(
        vec![response(201, PAYMENT), response(201, PAYMENT)],
        i64::MAX as u64,
    );
    let clock = ManualClock::new();
    let client = client(transport.clone(), &clock);
    client.payments().create(&payment_request()).await.unwrap();
    clock.advance(crate::auth::MAX_TOKEN_LIFETIME);
    client.payments().create(&payment_request()).await.unwrap();
    assert_eq!(
        transport.tokens_issued(),
        2,
        "refreshed after a day at most"
    );
}

#[tokio::test]
async fn a_failed_token_fetch_says_the_payment_was_not_sent() {
    let transport = ScriptedTransport::new(vec![]);
    transport
        .identity_down
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let err = failed_payment(transport.clone(), &ManualClock::new()).await;
    assert!(matches!(err, crate::Error::Identity { .. }), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::Transport);
    assert!(!err.maybe_processed(), "{err}");
    assert!(err.to_string().contains("not sent"), "{err}");
    assert!(err.idempotency_key().is_some());
    assert!(transport.api_requests().is_empty());
}

#[tokio::test]
async fn ids_that_would_address_another_resource_are_refused_before_sending() {
    let transport = ScriptedTransport::new(vec![response(404, "{}")]);
    let client = client(transport.clone(), &ManualClock::new());
    for id in ["", "  ", ".", ".."] {
        let err = client.payments().retrieve(id).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{id:?}");
        assert_eq!(
            err.field_errors()[0].parameter.as_deref(),
            Some("paymentId")
        );
    }
    assert!(transport.api_requests().is_empty());
    let err = client.payments().retrieve("..x").await.unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::NotFound,
        "a dotted id that is no path step is sent"
    );
}

#[tokio::test]
async fn a_pager_whose_next_link_points_back_ends_with_an_error() {
    let first = "https://api.example.test/v1/payments?limit=1";
    let page = format!(
        r#"{{"limit":1,"count":0,"hasMore":true,"links":[{{"rel":"next","method":"get","href":"{first}"}}],"data":[]}}"#
    );
    let transport = ScriptedTransport::new(vec![response(200, &page), response(200, &page)]);
    let client = client(transport.clone(), &ManualClock::new());
    let query = payroc_model::payment::PaymentListQuery {
        page: payroc_model::page::PageQuery::limit(1),
        ..Default::default()
    };
    let err = client
        .payments()
        .list(&query)
        .unwrap()
        .collect_all()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(err.to_string().contains("already read"), "{err}");
    assert_eq!(transport.api_requests().len(), 1);
}

#[tokio::test]
async fn links_to_the_same_host_on_another_port_or_scheme_are_not_followed() {
    let transport = ScriptedTransport::new(vec![]);
    let client = client(transport.clone(), &ManualClock::new());
    for href in [
        "https://api.example.test:8443/v1/payments/X",
        "http://api.example.test/v1/payments/X",
        "https://api.example.test/v1evil/payments/X",
        "https://api.example.test.evil/v1/payments/X",
    ] {
        let err = client
            .payroc_cloud()
            .follow::<payroc_model::payment::RetrievedPayment>(href)
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{href}");
    }
    assert!(transport.api_requests().is_empty());
}

#[tokio::test]
async fn a_2xx_nested_too_deep_for_the_bindings_is_a_processed_decode_error() {
    // The payment, with a field no SDK knows nested 200 deep.
    let deep = format!(
        "{},\"futureField\":{}1{}}}",
        PAYMENT.trim_end().strip_suffix('}').unwrap(),
        "[".repeat(200),
        "]".repeat(200)
    );
    let transport = ScriptedTransport::new(vec![response(201, &deep)]);
    let clock = ManualClock::new();
    let body = serde_json::to_vec(&payment_request()).unwrap();
    let call = crate::operations::JsonCall {
        body: Some(&body),
        ..Default::default()
    };
    let err = client(transport, &clock)
        .call_json("payments.create", &call)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(
        err.maybe_processed(),
        "a 2xx to a payment means it was made"
    );
    assert!(err.idempotency_key().is_some());
}

/// Every call moves its future into the runtime, so a JSON call of one request must
/// not carry the far larger futures of the helpers that run several (they were
/// 4.9 times a typed call's before they were boxed).
#[test]
fn a_json_call_carries_a_future_the_size_of_one_request() {
    let clock = ManualClock::new();
    let client = client(ScriptedTransport::new(vec![]), &clock);
    let call = crate::operations::JsonCall::default();
    let json = client.call_json("payments.create", &call);
    let request = payment_request();
    let payments = client.payments();
    let typed = payments.create(&request);
    let (json, typed) = (std::mem::size_of_val(&json), std::mem::size_of_val(&typed));
    assert!(
        json <= 2 * typed,
        "call_json: {json} bytes, typed: {typed} bytes"
    );
}
