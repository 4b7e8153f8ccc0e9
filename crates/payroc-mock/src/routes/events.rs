//! Event subscriptions and the notifications they bring.
//!
//! - `/event-subscriptions`: create, list (filters `status`, `event`), retrieve,
//!   replace (PUT), JSON Patch (`/enabled`, `/eventTypes`, `/notifications`,
//!   `/metadata`), delete. Replies show a webhook's secret as the API does: its last
//!   16 characters, the first 10 of them masked. `status` is the emulator's to set:
//!   `registered`, or `failed` once a notification could not be delivered; replacing
//!   or patching a `failed` subscription registers it again (its endpoint was fixed).
//! - [`notify`]: what other routes call when something changes status. It queues the
//!   event for every enabled, `registered` subscription to its type; the dispatcher
//!   ([`dispatch`], started with the server) posts it over real HTTP as a CloudEvents
//!   1.0 envelope with the `Payroc-Secret` header, retries a failed delivery (the first
//!   try and up to five retries, backing off from `MockConfig::delivery_backoff`) and then marks the
//!   subscription `failed`. The event's id is the same on every try. Deleting the
//!   subscription stops its deliveries still retrying (`dropped`).
//! - Test controls: `POST /_mock/events` emits an event, `GET /_mock/deliveries` lists
//!   every delivery with its tries.

use crate::patch;
use crate::problem::{bad_parameter, bad_request, not_found, problem};
use crate::routes::list::ListParams;
use crate::routes::{json, parse};
use crate::store::ledger::{Delivery, DeliveryAttempt, DeliveryState};
use crate::store::Store;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use payroc_model::common::PatchDocument;
use payroc_model::event::{Event, EventType, SECRET_HEADER};
use payroc_model::event_subscription::{EventSubscription, EventSubscriptionStatus, Notification};
use payroc_model::page::Paginated;
use payroc_model::validate::Validate;
use payroc_model::OpenEnum;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

/// Tries per event and subscription: the first, then the API's up to five retries.
pub(crate) const DELIVERY_TRIES: u32 = 6;

/// What a JSON Patch may change.
const PATCH_PATHS: &[&str] = &["/enabled", "/eventTypes", "/notifications", "/metadata"];

/// Numbers deliveries across every emulator in the process and every reset.
static DELIVERY_NUMBERS: AtomicU64 = AtomicU64::new(1);

/// Where events say they come from.
const EVENT_SOURCE: &str = "/payroc/notifications";

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route("/v1/event-subscriptions", get(list).post(create))
        .route(
            "/v1/event-subscriptions/{subscriptionId}",
            get(retrieve).put(replace).patch(update).delete(delete),
        )
}

/// Queues `event_type` about `resource_id` (its `subject`) with `data` for every
/// enabled, `registered` subscription to that type, and returns the event's id. Call
/// it with the store locked, where the status changes; the dispatcher delivers the
/// event over HTTP moments later (stamped with the emulator's time then).
pub(crate) fn notify(
    s: &mut Store,
    event_type: EventType,
    resource_id: &str,
    data: serde_json::Value,
) -> String {
    let event_id = format!(
        "{}-{}-4{}-{}-{}",
        s.random_id(8, b"0123456789abcdef"),
        s.random_id(4, b"0123456789abcdef"),
        s.random_id(3, b"0123456789abcdef"),
        s.random_id(4, b"89ab0123456789abcdef"),
        s.random_id(12, b"0123456789abcdef"),
    );
    let event = Event::new(
        event_id.clone(),
        EVENT_SOURCE,
        event_type.clone(),
        resource_id,
        String::new(),
        data,
    );
    let targets: Vec<(i64, String, String)> = s
        .ledger
        .events
        .event_subscriptions
        .iter()
        .filter(|sub| {
            sub.enabled
                && sub.status == Some(EventSubscriptionStatus::Registered)
                && sub.wants(&event_type)
        })
        .flat_map(|sub| {
            sub.notifications.iter().filter_map(move |n| match n {
                Notification::Webhook(w) => Some((
                    sub.id.unwrap_or_default(),
                    w.uri.clone(),
                    w.secret.expose_secret().to_owned(),
                )),
                _ => None,
            })
        })
        .collect();
    for (subscription_id, uri, secret) in targets {
        s.ledger.events.deliveries.push(Delivery {
            number: DELIVERY_NUMBERS.fetch_add(1, Ordering::Relaxed),
            event_id: event_id.clone(),
            event_type: event_type.as_str().to_owned(),
            subscription_id,
            uri,
            state: DeliveryState::Pending,
            attempts: Vec::new(),
            event: event.clone(),
            secret,
            dispatched: false,
        });
    }
    event_id
}

/// Delivers queued notifications until the emulator is dropped: every few
/// milliseconds it takes the deliveries not yet started and runs each on a task of
/// its own.
pub(crate) async fn dispatch(mock: Weak<Mock>) {
    loop {
        tokio::time::sleep(Duration::from_millis(10)).await;
        let Some(mock) = mock.upgrade() else {
            return;
        };
        let now = mock.clock.now_rfc3339();
        let started: Vec<u64> = mock.with_store(|s| {
            let mut started = Vec::new();
            for delivery in &mut s.ledger.events.deliveries {
                if !delivery.dispatched {
                    delivery.dispatched = true;
                    if delivery.event.time.as_deref().is_none_or(str::is_empty) {
                        delivery.event.time = Some(now.clone());
                    }
                    started.push(delivery.number);
                }
            }
            started
        });
        for number in started {
            tokio::spawn(deliver(Arc::downgrade(&mock), number));
        }
    }
}

/// What the next try of a delivery sends: the URI, the secret and the body; `None`
/// once the delivery is gone (a reset) or its subscription was deleted (then it is
/// `dropped`).
fn next_try(s: &mut Store, number: u64) -> Option<(String, String, Vec<u8>)> {
    let events = &mut s.ledger.events;
    let subscription_id = events.delivery_mut(number)?.subscription_id;
    let exists = events.find(subscription_id).is_some();
    let delivery = events.delivery_mut(number)?;
    if !exists {
        delivery.state = DeliveryState::Dropped;
        return None;
    }
    Some((
        delivery.uri.clone(),
        delivery.secret.clone(),
        serde_json::to_vec(&delivery.event).unwrap_or_default(),
    ))
}

/// Tries one delivery up to [`DELIVERY_TRIES`] times; after the last failure the
/// subscription is `failed`.
async fn deliver(mock: Weak<Mock>, number: u64) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .redirect(reqwest::redirect::Policy::none())
        .build();
    let Ok(client) = client else {
        return;
    };
    for attempt in 0..DELIVERY_TRIES {
        let Some(target) = mock.upgrade().and_then(|m| {
            m.with_store(|s| next_try(s, number))
                .map(|t| (m.config.delivery_backoff, t))
        }) else {
            return;
        };
        let (backoff, (uri, secret, body)) = target;
        let outcome = client
            .post(&uri)
            .header("content-type", "application/cloudevents+json")
            .header(SECRET_HEADER, secret)
            .body(body)
            .send()
            .await;
        let record = match outcome {
            Ok(reply) => DeliveryAttempt {
                status: Some(reply.status().as_u16()),
                error: None,
            },
            Err(err) => DeliveryAttempt {
                status: None,
                error: Some(if err.is_timeout() {
                    "timed out".to_owned()
                } else {
                    "could not connect".to_owned()
                }),
            },
        };
        let delivered = record.status.is_some_and(|code| (200..300).contains(&code));
        let last = attempt + 1 == DELIVERY_TRIES;
        let Some(mock_now) = mock.upgrade() else {
            return;
        };
        mock_now.with_store(|s| {
            let Some(delivery) = s.ledger.events.delivery_mut(number) else {
                return;
            };
            delivery.attempts.push(record);
            if delivered {
                delivery.state = DeliveryState::Delivered;
            } else if last {
                delivery.state = DeliveryState::Failed;
                let id = delivery.subscription_id;
                if let Some(sub) = s.ledger.events.find_mut(id) {
                    sub.status = Some(EventSubscriptionStatus::Failed);
                }
            }
        });
        if delivered || last {
            return;
        }
        drop(mock_now);
        tokio::time::sleep(backoff * 2u32.pow(attempt)).await;
    }
}

/// The subscription as replies show it: the secret cut to its last 16 characters,
/// the first 10 of those masked.
fn view(sub: &EventSubscription) -> EventSubscription {
    let mut out = sub.clone();
    for notification in &mut out.notifications {
        if let Notification::Webhook(w) = notification {
            let secret: Vec<char> = w.secret.expose_secret().chars().collect();
            let tail = &secret[secret.len().saturating_sub(16)..];
            let shown: String = tail
                .iter()
                .enumerate()
                .map(|(i, c)| if i < 10 { '*' } else { *c })
                .collect();
            w.secret = shown.into();
        }
    }
    out
}

/// A `400` for event types the emulator does not know (the API documents its list).
fn unknown_event_types(sub: &EventSubscription) -> Option<Response> {
    let index = sub.event_types.iter().position(|t| !t.is_known())?;
    Some(bad_parameter(
        &format!("eventTypes[{index}]"),
        "Invalid value",
        &format!(
            "unknown event type; one of {}",
            EventType::known_values().join(", ")
        ),
    ))
}

/// Parses a path id; anything but a number names no subscription.
fn subscription_id(text: &str) -> Option<i64> {
    text.parse().ok()
}

/// `POST /event-subscriptions` → `201`, `registered`.
async fn create(State(mock): State<Arc<Mock>>, body: Bytes) -> Response {
    let mut sub: EventSubscription = match parse(&body) {
        Ok(sub) => sub,
        Err(refusal) => return refusal,
    };
    if let Some(refusal) = unknown_event_types(&sub) {
        return refusal;
    }
    mock.with_store(|s| {
        s.ledger.events.subscription_sequence += 1;
        sub.id = Some(2_565_435_189_000 + s.ledger.events.subscription_sequence);
        sub.status = Some(EventSubscriptionStatus::Registered);
        let response = json(StatusCode::CREATED, &view(&sub));
        s.ledger.events.event_subscriptions.push(sub);
        response
    })
}

/// `GET /event-subscriptions` with `status` and `event` filters, paged.
async fn list(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    if let Some(status) = params.get("status") {
        if !EventSubscriptionStatus::from_api(status).is_known() {
            return bad_parameter(
                "status",
                "Invalid value",
                "must be one of registered, suspended, failed",
            );
        }
    }
    let items: Vec<(String, EventSubscription)> = mock.with_store(|s| {
        s.ledger
            .events
            .event_subscriptions
            .iter()
            .filter(|sub| {
                params.matches("status", sub.status.as_ref().map(|st| st.as_str()))
                    && params
                        .get("event")
                        .is_none_or(|e| sub.wants(&EventType::from_api(e)))
            })
            .map(|sub| (sub.id.unwrap_or_default().to_string(), view(sub)))
            .collect()
    });
    match params.page(items, |(id, _)| id) {
        Ok(page) => json(
            StatusCode::OK,
            &Paginated {
                limit: page.limit,
                count: page.count,
                has_more: page.has_more,
                links: page.links,
                data: page.data.into_iter().map(|(_, sub)| sub).collect(),
                unknown: page.unknown,
            },
        ),
        Err(refusal) => refusal,
    }
}

/// `GET /event-subscriptions/{subscriptionId}`.
async fn retrieve(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    mock.with_store(
        |s| match subscription_id(&id).and_then(|n| s.ledger.events.find(n)) {
            Some(sub) => json(StatusCode::OK, &view(sub)),
            None => not_found("event subscription", &id),
        },
    )
}

/// `PUT /event-subscriptions/{subscriptionId}` → `204`: replaces what the subscriber
/// sets; the id stays, and `status` is the emulator's (a `failed` one is registered
/// again).
async fn replace(State(mock): State<Arc<Mock>>, Path(id): Path<String>, body: Bytes) -> Response {
    let mut new: EventSubscription = match parse(&body) {
        Ok(sub) => sub,
        Err(refusal) => return refusal,
    };
    if let Some(refusal) = unknown_event_types(&new) {
        return refusal;
    }
    mock.with_store(|s| {
        let Some(sub) = subscription_id(&id).and_then(|n| s.ledger.events.find_mut(n)) else {
            return not_found("event subscription", &id);
        };
        new.id = sub.id;
        new.status = Some(resumed(sub.status.clone()));
        *sub = new;
        StatusCode::NO_CONTENT.into_response()
    })
}

/// A subscriber's change registers a `failed` subscription again; Payroc's
/// suspension stays.
fn resumed(status: Option<EventSubscriptionStatus>) -> EventSubscriptionStatus {
    match status {
        Some(EventSubscriptionStatus::Suspended) => EventSubscriptionStatus::Suspended,
        _ => EventSubscriptionStatus::Registered,
    }
}

/// `PATCH /event-subscriptions/{subscriptionId}` (JSON Patch) → `200` with the result.
async fn update(State(mock): State<Arc<Mock>>, Path(id): Path<String>, body: Bytes) -> Response {
    let ops: Vec<PatchDocument> = match payroc_model::json::from_json(&body) {
        Ok(ops) => ops,
        Err(err) => return bad_request(&err),
    };
    if let Err(err) = ops.as_slice().validate() {
        return bad_request(&err);
    }
    mock.with_store(|s| {
        let Some(sub) = subscription_id(&id).and_then(|n| s.ledger.events.find_mut(n)) else {
            return not_found("event subscription", &id);
        };
        let document = serde_json::to_value(&*sub).unwrap_or_default();
        let patched = match patch::apply(&document, &ops, PATCH_PATHS) {
            Ok(patched) => patched,
            Err(err) => {
                return bad_parameter(
                    &format!("[{}].path", err.index),
                    "Invalid format",
                    &format!("{}; allowed: {}", err.message, PATCH_PATHS.join(", ")),
                )
            }
        };
        let bytes = serde_json::to_vec(&patched).unwrap_or_default();
        let mut new: EventSubscription = match payroc_model::json::parse_request(&bytes) {
            Ok(new) => new,
            Err(err) => return bad_request(&err),
        };
        if let Some(refusal) = unknown_event_types(&new) {
            return refusal;
        }
        new.status = Some(resumed(sub.status.clone()));
        *sub = new;
        json(StatusCode::OK, &view(sub))
    })
}

/// `DELETE /event-subscriptions/{subscriptionId}` → `204`; its deliveries not yet made
/// stop (`dropped`).
async fn delete(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    mock.with_store(|s| {
        let subs = &mut s.ledger.events.event_subscriptions;
        match subscription_id(&id).and_then(|n| subs.iter().position(|sub| sub.id == Some(n))) {
            Some(index) => {
                subs.remove(index);
                StatusCode::NO_CONTENT.into_response()
            }
            None => not_found("event subscription", &id),
        }
    })
}

/// The body of `POST /_mock/events`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct EmitRequest {
    #[serde(rename = "type")]
    event_type: String,
    subject: String,
    #[serde(default)]
    data: serde_json::Value,
}

/// `POST /_mock/events`: emits an event `{"type", "subject", "data"?}` as if the
/// resource had changed; answers the event's id and how many deliveries it queued.
pub(crate) async fn emit(State(mock): State<Arc<Mock>>, body: Bytes) -> Response {
    let request: EmitRequest = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(err) => {
            return problem(
                StatusCode::BAD_REQUEST,
                "Bad request",
                format!("expected {{\"type\", \"subject\", \"data\"?}}: {err}"),
            )
        }
    };
    let before = mock.with_store(|s| s.ledger.events.deliveries.len());
    let event_id = mock.emit_event(&request.event_type, &request.subject, request.data);
    let deliveries = mock.with_store(|s| s.ledger.events.deliveries.len()) - before;
    json(
        StatusCode::OK,
        &serde_json::json!({"eventId": event_id, "deliveries": deliveries}),
    )
}

/// `GET /_mock/deliveries`: every delivery, oldest first, with its tries.
pub(crate) async fn deliveries(State(mock): State<Arc<Mock>>) -> Response {
    json(StatusCode::OK, &mock.deliveries())
}
