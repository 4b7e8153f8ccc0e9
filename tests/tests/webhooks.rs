//! Event subscriptions and webhooks through payroc-core against payroc-mock over real
//! HTTP: the subscriptions' state rules, the emulator's deliveries to a receiver on
//! loopback (the secret header, retries with one event id, the `failed` state), and
//! the receiver helper (constant-time secret check, typed refusals, unknown event
//! types kept whole).

use payroc_core::model::common::PatchDocument;
use payroc_core::model::event::{Event, EventPayload, EventType};
use payroc_core::model::event_subscription::{
    EventSubscription, EventSubscriptionListQuery, EventSubscriptionStatus, Notification,
};
use payroc_core::webhook::{self, WebhookError};
use payroc_core::{Client, ErrorKind};
use payroc_mock::MockServer;
use payroc_tests::start;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const SECRET: &str = "whsec-0123456789-abcdefghij-XYZ";

/// One request the receiver took: its headers (names lowercased) and body.
#[derive(Debug, Clone)]
struct Received {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A webhook on loopback that answers the statuses of `script` in turn (the last one
/// from then on) and records every request.
struct Receiver {
    url: String,
    seen: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    async fn start(script: Vec<u16>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = seen.clone();
        tokio::spawn(async move {
            let mut turn = 0usize;
            loop {
                let Ok((mut stream, _)) = listener.accept().await else {
                    return;
                };
                let status = script[turn.min(script.len() - 1)];
                turn += 1;
                let mut raw = Vec::new();
                let mut buf = [0u8; 4096];
                let (head_end, length) = loop {
                    let n = stream.read(&mut buf).await.unwrap_or(0);
                    if n == 0 {
                        break (raw.len(), 0);
                    }
                    raw.extend_from_slice(&buf[..n]);
                    if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&raw[..end]).to_lowercase();
                        let length = head
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length:"))
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .unwrap_or(0);
                        break (end + 4, length);
                    }
                };
                while raw.len() < head_end + length {
                    let n = stream.read(&mut buf).await.unwrap_or(0);
                    if n == 0 {
                        break;
                    }
                    raw.extend_from_slice(&buf[..n]);
                }
                let head = String::from_utf8_lossy(&raw[..head_end]).to_string();
                let headers = head
                    .lines()
                    .skip(1)
                    .filter_map(|l| l.split_once(':'))
                    .map(|(n, v)| (n.trim().to_lowercase(), v.trim().to_owned()))
                    .collect();
                let body = raw[head_end.min(raw.len())..].to_vec();
                record.lock().unwrap().push(Received { headers, body });
                let reply = format!(
                    "HTTP/1.1 {status} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                );
                let _ = stream.write_all(reply.as_bytes()).await;
            }
        });
        Self { url, seen }
    }

    fn received(&self) -> Vec<Received> {
        self.seen.lock().unwrap().clone()
    }
}

fn subscription(event_types: Vec<EventType>, uri: &str) -> EventSubscription {
    EventSubscription::webhook(
        event_types,
        Notification::webhook(uri, SECRET, "ops@example.com"),
    )
}

/// Polls `/_mock/deliveries` until `done` holds for it (at most 10 s).
async fn deliveries_until(server: &MockServer, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    for _ in 0..500 {
        let all = server.mock().deliveries();
        let list = all.as_array().cloned().unwrap_or_default();
        if done(&list) {
            return list;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("deliveries never settled: {}", server.mock().deliveries());
}

async fn create(client: &Client, sub: &EventSubscription) -> i64 {
    let made = client.event_subscriptions().create(sub).await.unwrap();
    made.id.expect("an id")
}

#[tokio::test]
async fn subscriptions_are_created_read_listed_replaced_patched_and_deleted() {
    let (_server, client) = start().await;
    let subs = client.event_subscriptions();
    let made = subs
        .create(&subscription(
            vec![EventType::ProcessingAccountStatusChanged],
            "https://example.com/a",
        ))
        .await
        .unwrap();
    let id = made.id.unwrap().to_string();
    assert_eq!(made.status, Some(EventSubscriptionStatus::Registered));
    // The secret comes back cut to its last 16 characters, the first 10 masked.
    let Notification::Webhook(hook) = &made.notifications[0] else {
        panic!("a webhook");
    };
    assert_eq!(hook.secret.expose_secret(), "**********ij-XYZ");

    let other = create(
        &client,
        &subscription(
            vec![EventType::TerminalOrderStatusChanged],
            "https://example.com/b",
        ),
    )
    .await;
    let by_event = subs
        .list(&EventSubscriptionListQuery {
            event: Some(EventType::TerminalOrderStatusChanged),
            ..Default::default()
        })
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(
        by_event.iter().map(|s| s.id).collect::<Vec<_>>(),
        [Some(other)]
    );
    let failed = subs
        .list(&EventSubscriptionListQuery {
            status: Some(EventSubscriptionStatus::Failed),
            ..Default::default()
        })
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert!(failed.is_empty());

    // PUT replaces what the subscriber sets; the id and status stay the emulator's.
    let mut new = subscription(
        vec![
            EventType::ProcessingAccountStatusChanged,
            EventType::TerminalOrderStatusChanged,
        ],
        "https://example.com/c",
    );
    new.status = Some(EventSubscriptionStatus::Suspended);
    subs.replace(&id, &new).await.unwrap();
    let read = subs.retrieve(&id).await.unwrap();
    assert_eq!(read.event_types.len(), 2);
    assert_eq!(read.status, Some(EventSubscriptionStatus::Registered));

    let patched = subs
        .update(&id, &[PatchDocument::replace("/enabled", false)])
        .await
        .unwrap();
    assert!(!patched.enabled);
    let err = subs
        .update(&id, &[PatchDocument::replace("/status", "failed")])
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);

    subs.delete(&id).await.unwrap();
    assert_eq!(
        subs.retrieve(&id).await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        subs.delete(&id).await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[tokio::test]
async fn bad_subscriptions_are_refused() {
    let (server, client) = start().await;
    let before = server.mock().requests().len();
    let mut bad = subscription(vec![], "ftp://example.com");
    bad.notifications = vec![Notification::webhook("ftp://x", "", "nobody")];
    let err = client.event_subscriptions().create(&bad).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let text = err.to_string();
    for path in [
        "eventTypes",
        "notifications[0].uri",
        "notifications[0].secret",
    ] {
        assert!(text.contains(path), "{path}: {text}");
    }
    assert_eq!(
        server.mock().requests().len(),
        before,
        "refused before the network"
    );
    // A type the API does not document is the emulator's 400.
    let err = client
        .event_subscriptions()
        .create(&subscription(
            vec![EventType::from_api("merchant.made.up")],
            "https://example.com/a",
        ))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
}

#[tokio::test]
async fn an_event_reaches_every_enabled_subscription_to_it_with_the_secret() {
    let (server, client) = start().await;
    let hook = Receiver::start(vec![204]).await;
    let elsewhere = Receiver::start(vec![204]).await;
    create(
        &client,
        &subscription(vec![EventType::ProcessingAccountStatusChanged], &hook.url),
    )
    .await;
    let off = create(
        &client,
        &subscription(
            vec![EventType::ProcessingAccountStatusChanged],
            &elsewhere.url,
        ),
    )
    .await;
    client
        .event_subscriptions()
        .update(
            &off.to_string(),
            &[PatchDocument::replace("/enabled", false)],
        )
        .await
        .unwrap();
    create(
        &client,
        &subscription(vec![EventType::TerminalOrderStatusChanged], &elsewhere.url),
    )
    .await;

    let data =
        json!({"processingAccountId": "38765", "status": "approved", "previousStatus": "pending"});
    let id = server
        .mock()
        .emit_event("processingAccount.status.changed", "38765", data.clone());
    let list = deliveries_until(&server, |d| d.len() == 1 && d[0]["state"] == "delivered").await;
    assert_eq!(list[0]["attempts"].as_array().unwrap().len(), 1);

    let got = hook.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].header("payroc-secret"), Some(SECRET));
    assert_eq!(
        got[0].header("content-type"),
        Some("application/cloudevents+json")
    );
    let event = webhook::verify(got[0].headers.clone(), &got[0].body, SECRET).unwrap();
    assert_eq!(event.id, id);
    assert_eq!(event.specversion, "1.0");
    assert_eq!(event.subject.as_deref(), Some("38765"));
    assert!(event.time.as_deref().is_some_and(|t| !t.is_empty()));
    let EventPayload::ProcessingAccountStatus(change) = event.payload() else {
        panic!("typed payload");
    };
    assert_eq!(
        (change.status.as_str(), change.previous_status.as_deref()),
        ("approved", Some("pending"))
    );
    assert!(
        elsewhere.received().is_empty(),
        "disabled or other-type subscriptions get nothing"
    );
}

#[tokio::test]
async fn a_failed_delivery_is_retried_with_the_same_event_id() {
    let (server, client) = start().await;
    let hook = Receiver::start(vec![500, 503, 204]).await;
    let sub = create(
        &client,
        &subscription(vec![EventType::TerminalOrderStatusChanged], &hook.url),
    )
    .await;
    let id = server.mock().emit_event(
        "terminalOrder.status.changed",
        "12345",
        json!({"terminalOrderId": "12345", "status": "shipped"}),
    );
    let list = deliveries_until(&server, |d| d.len() == 1 && d[0]["state"] == "delivered").await;
    let statuses: Vec<u64> = list[0]["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [500, 503, 204]);
    let ids: Vec<String> = hook
        .received()
        .iter()
        .map(|r| {
            webhook::verify(r.headers.clone(), &r.body, SECRET)
                .unwrap()
                .id
        })
        .collect();
    assert_eq!(
        ids,
        [id.clone(), id.clone(), id],
        "one event id across the retries"
    );
    let read = client
        .event_subscriptions()
        .retrieve(&sub.to_string())
        .await
        .unwrap();
    assert_eq!(read.status, Some(EventSubscriptionStatus::Registered));
}

#[tokio::test]
async fn a_first_try_and_five_failed_retries_make_the_subscription_failed_until_it_is_replaced() {
    let (server, client) = start().await;
    let hook = Receiver::start(vec![500]).await;
    let sub = create(
        &client,
        &subscription(vec![EventType::ProcessingAccountStatusChanged], &hook.url),
    )
    .await;
    server.mock().emit_event(
        "processingAccount.status.changed",
        "1",
        json!({"status": "pending"}),
    );
    let list = deliveries_until(&server, |d| d.len() == 1 && d[0]["state"] == "failed").await;
    assert_eq!(list[0]["attempts"].as_array().unwrap().len(), 6);
    assert_eq!(hook.received().len(), 6);
    let subs = client.event_subscriptions();
    let read = subs.retrieve(&sub.to_string()).await.unwrap();
    assert_eq!(read.status, Some(EventSubscriptionStatus::Failed));
    let failed = subs
        .list(&EventSubscriptionListQuery {
            status: Some(EventSubscriptionStatus::Failed),
            ..Default::default()
        })
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(failed.len(), 1);

    // A failed subscription is sent nothing more...
    server.mock().emit_event(
        "processingAccount.status.changed",
        "1",
        json!({"status": "approved"}),
    );
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(server.mock().deliveries().as_array().unwrap().len(), 1);

    // ...until the subscriber fixes its endpoint: a replace registers it again.
    let fixed = Receiver::start(vec![204]).await;
    subs.replace(
        &sub.to_string(),
        &subscription(vec![EventType::ProcessingAccountStatusChanged], &fixed.url),
    )
    .await
    .unwrap();
    assert_eq!(
        subs.retrieve(&sub.to_string()).await.unwrap().status,
        Some(EventSubscriptionStatus::Registered)
    );
    server.mock().emit_event(
        "processingAccount.status.changed",
        "1",
        json!({"status": "approved"}),
    );
    deliveries_until(&server, |d| d.len() == 2 && d[1]["state"] == "delivered").await;
    assert_eq!(fixed.received().len(), 1);
}

#[test]
fn the_receiver_refuses_with_typed_errors_and_keeps_unknown_types() {
    let body = br#"{"specversion":"1.0","id":"evt-9","source":"/payroc","type":"merchant.brandNew.thing","data":{"x":[1,2]},"ext":"kept"}"#;
    let event = webhook::verify([("Payroc-Secret", SECRET)], body, SECRET).unwrap();
    assert_eq!(
        event.event_type,
        EventType::Unknown("merchant.brandNew.thing".into())
    );
    assert_eq!(event.payload(), EventPayload::Other(json!({"x": [1, 2]})));
    let back: Value = serde_json::to_value(&event).unwrap();
    assert_eq!(back, serde_json::from_slice::<Value>(body).unwrap());

    type Case<'a> = (Vec<(&'a str, &'a str)>, &'a [u8], WebhookError);
    let cases: Vec<Case> = vec![
        (vec![], body, WebhookError::MissingSecret),
        (
            vec![("payroc-secret", "whsec-0123456789-abcdefghij-XYz")],
            body,
            WebhookError::WrongSecret,
        ),
        (
            vec![("Payroc-Secret", "whsec")],
            body,
            WebhookError::WrongSecret,
        ),
        (vec![("Other", SECRET)], body, WebhookError::MissingSecret),
    ];
    for (headers, body, want) in cases {
        let err = webhook::verify(headers, body, SECRET).unwrap_err();
        assert_eq!(err, want);
        assert!(!err.to_string().contains("whsec") && !format!("{err:?}").contains("whsec"));
    }
    for bad in [
        &b"[]"[..],
        b"{}",
        br#"{"specversion":"0.3","id":"x","source":"s","type":"t"}"#,
    ] {
        let err = webhook::verify([("Payroc-Secret", SECRET)], bad, SECRET).unwrap_err();
        assert_eq!(err.code(), "malformed_body", "{err}");
    }
    // A wrong secret is refused before the body is read.
    assert_eq!(
        webhook::verify([("Payroc-Secret", "nope")], b"not json", SECRET).unwrap_err(),
        WebhookError::WrongSecret
    );
    let typed: Event = webhook::parse_event(
        br#"{"specversion":"1.0","id":"e","source":"s","type":"terminalOrder.status.changed","data":{"terminalOrderId":"7","status":"shipped"}}"#,
    )
    .unwrap();
    assert!(
        matches!(typed.payload(), EventPayload::TerminalOrderStatus(c) if c.status == "shipped")
    );
}

#[test]
fn the_secret_check_takes_the_same_path_whatever_byte_differs() {
    // No early exit: a difference in the first byte and in the last are both found,
    // and equal lengths compare every byte (checked by result; timing is not asserted
    // on a shared machine).
    let expected = SECRET.as_bytes();
    for i in 0..expected.len() {
        let mut guess = expected.to_vec();
        guess[i] ^= 1;
        assert!(!webhook::constant_time_eq(&guess, expected), "byte {i}");
    }
    assert!(webhook::constant_time_eq(expected, expected));
    assert!(!webhook::constant_time_eq(
        &expected[..expected.len() - 1],
        expected
    ));
}

#[tokio::test]
async fn deleting_a_subscription_stops_its_retries() {
    let mut config = payroc_mock::MockConfig::for_tests();
    config.delivery_backoff = Duration::from_millis(200);
    let (server, client) = payroc_tests::start_with(config).await;
    let hook = Receiver::start(vec![500]).await;
    let sub = create(
        &client,
        &subscription(vec![EventType::ProcessingAccountStatusChanged], &hook.url),
    )
    .await;
    server.mock().emit_event(
        "processingAccount.status.changed",
        "1",
        json!({"status": "pending"}),
    );
    deliveries_until(&server, |d| {
        d.len() == 1 && !d[0]["attempts"].as_array().unwrap().is_empty()
    })
    .await;
    client
        .event_subscriptions()
        .delete(&sub.to_string())
        .await
        .unwrap();
    let list = deliveries_until(&server, |d| d[0]["state"] == "dropped").await;
    assert!(list[0]["attempts"].as_array().unwrap().len() < 6);
    assert!(hook.received().len() < 5);
}
