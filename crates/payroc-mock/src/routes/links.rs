//! Payment links and their sharing events (§6): create, retrieve, list with every
//! filter, JSON Patch updates with the per-type allowed paths, permanent deactivation,
//! and email sharing events (recorded, never sent).
//!
//! A link's `expired` status is not stored: an `active` link whose `expiresOn` is
//! before today (UTC, by the emulator's clock) reads back as `expired`, and moving `expiresOn` forward again
//! makes it `active` (the "pause a link" pattern the docs describe).

use crate::patch;
use crate::problem::{bad_parameter, bad_request, conflict, not_found};
use crate::routes::list::ListParams;
use crate::routes::{json, parse};
use crate::store::ledger::{LinksLedger, StoredLink};
use crate::store::Store;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use payroc_model::common::{MitAgreement, PatchDocument};
use payroc_model::payment_link::{
    ChargeType, LinkType, PaymentLink, PaymentLinkAssets, PaymentLinkCredentialOnFile,
    PaymentLinkEmailShareEvent, PaymentLinkListQuery, PaymentLinkStatus,
};
use payroc_model::validate::{Validate, ValidationError};
use std::sync::Arc;

/// Where hosted payment pages live (the host MOCK's `paymentUrl`s use).
const PAY_BY_LINK_URL: &str = "https://payments.payroc.com/merchant/pay-by-link";

/// What a multi-use link lets a JSON Patch change (§6.3).
const MULTI_USE_PATHS: &[&str] = &["/expiresOn", "/customLabels", "/credentialOnFile"];

/// What a single-use link lets a JSON Patch change (§6.3): the multi-use set plus the
/// auth type, amount, currency and description.
const SINGLE_USE_PATHS: &[&str] = &[
    "/expiresOn",
    "/customLabels",
    "/credentialOnFile",
    "/authType",
    "/order/charge/amount",
    "/order/charge/currency",
    "/order/description",
];

impl LinksLedger {
    /// The link with this id.
    fn find(&self, id: &str) -> Option<&StoredLink> {
        self.payment_links
            .iter()
            .find(|stored| stored.link.payment_link_id() == Some(id))
    }

    /// The link with this id, to change it.
    fn find_mut(&mut self, id: &str) -> Option<&mut StoredLink> {
        self.payment_links
            .iter_mut()
            .find(|stored| stored.link.payment_link_id() == Some(id))
    }
}

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route(
            "/v1/processing-terminals/{processingTerminalId}/payment-links",
            get(list).post(create),
        )
        .route(
            "/v1/payment-links/{paymentLinkId}",
            get(retrieve).patch(update),
        )
        .route(
            "/v1/payment-links/{paymentLinkId}/deactivate",
            post(deactivate),
        )
        .route(
            "/v1/payment-links/{paymentLinkId}/sharing-events",
            get(list_sharing_events).post(share),
        )
}

/// The fields only the gateway writes, borrowed from either kind of link.
struct GatewayFields<'a> {
    payment_link_id: &'a mut Option<String>,
    assets: &'a mut Option<PaymentLinkAssets>,
    status: &'a mut Option<PaymentLinkStatus>,
    created_on: &'a mut Option<String>,
    credential_on_file: &'a mut Option<PaymentLinkCredentialOnFile>,
}

/// `None` for a link type the model does not know, which validation never lets in.
fn gateway_fields(link: &mut PaymentLink) -> Option<GatewayFields<'_>> {
    match link {
        PaymentLink::MultiUse(l) => Some(GatewayFields {
            payment_link_id: &mut l.payment_link_id,
            assets: &mut l.assets,
            status: &mut l.status,
            created_on: &mut l.created_on,
            credential_on_file: &mut l.credential_on_file,
        }),
        PaymentLink::SingleUse(l) => Some(GatewayFields {
            payment_link_id: &mut l.payment_link_id,
            assets: &mut l.assets,
            status: &mut l.status,
            created_on: &mut l.created_on,
            credential_on_file: &mut l.credential_on_file,
        }),
        _ => None,
    }
}

/// The link's last day, `YYYY-MM-DD`, if it has one.
fn expires_on(link: &PaymentLink) -> Option<&str> {
    match link {
        PaymentLink::MultiUse(l) => l.expires_on.as_deref(),
        PaymentLink::SingleUse(l) => Some(&l.expires_on),
        _ => None,
    }
}

/// The day the gateway created the link.
fn created_on(link: &PaymentLink) -> Option<&str> {
    match link {
        PaymentLink::MultiUse(l) => l.created_on.as_deref(),
        PaymentLink::SingleUse(l) => l.created_on.as_deref(),
        _ => None,
    }
}

/// `preset` or `prompt`, the `chargeType` list filter's values.
fn charge_type(link: &PaymentLink) -> Option<&str> {
    match link {
        PaymentLink::MultiUse(l) => Some(l.order.charge.tag()),
        PaymentLink::SingleUse(l) => Some(l.order.charge.tag()),
        _ => None,
    }
}

/// The link as a client reads it: an `active` link past its last day is `expired`.
fn view(link: &PaymentLink, today: &str) -> PaymentLink {
    let mut out = link.clone();
    let past = expires_on(link).is_some_and(|date| date < today);
    if let Some(fields) = gateway_fields(&mut out) {
        if past && *fields.status == Some(PaymentLinkStatus::Active) {
            *fields.status = Some(PaymentLinkStatus::Expired);
        }
    }
    out
}

/// A UUID-v4-shaped token for a hosted page URL, from the seeded generator.
fn page_token(s: &mut Store) -> String {
    let (a, b) = (s.next_random(), s.next_random());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | ((b >> 48) & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

/// A fresh page URL and the pay button that opens it (styled as the gateway's).
fn new_assets(s: &mut Store) -> PaymentLinkAssets {
    let url = format!("{PAY_BY_LINK_URL}?token={}", page_token(s));
    let button = format!(
        "<a href=\"{url}\" \ntarget=\"_blank\" style=\"color: #ffffff; background-color: #6C7A89; \
         font-size: 18px; font-family: Helvetica, Arial, sans-serif; \ntext-decoration: none; \
         border-radius: 30px; padding: 14px 28px; display: inline-block;\">Pay Now</a>\n"
    );
    PaymentLinkAssets {
        payment_url: url,
        payment_button: button,
        unknown: Default::default(),
    }
}

/// A gateway id no link (or, for events, no sharing event) holds yet.
fn unused_id(s: &mut Store, taken: impl Fn(&Store, &str) -> bool) -> String {
    loop {
        let id = s.gateway_id();
        if !taken(s, &id) {
            return id;
        }
    }
}

/// The gateway's default agreement when a link saves the card but names none.
fn default_agreement(credential_on_file: &mut Option<PaymentLinkCredentialOnFile>) {
    if let Some(cof) = credential_on_file {
        cof.mit_agreement.get_or_insert(MitAgreement::Unscheduled);
    }
}

/// `POST /processing-terminals/{processingTerminalId}/payment-links` → `201`.
async fn create(
    State(mock): State<Arc<Mock>>,
    Path(terminal): Path<String>,
    body: Bytes,
) -> Response {
    let mut link: PaymentLink = match parse(&body) {
        Ok(link) => link,
        Err(response) => return response,
    };
    let today = mock.clock.today();
    let created = mock.with_store(|s| {
        let id = unused_id(s, |s, id| s.ledger.links.find(id).is_some());
        let assets = new_assets(s);
        if let Some(fields) = gateway_fields(&mut link) {
            *fields.payment_link_id = Some(id);
            *fields.assets = Some(assets);
            *fields.status = Some(PaymentLinkStatus::Active);
            *fields.created_on = Some(today.clone());
            default_agreement(fields.credential_on_file);
        }
        s.ledger.links.payment_links.push(StoredLink {
            processing_terminal_id: terminal,
            link: link.clone(),
            sharing_events: Vec::new(),
        });
        link
    });
    json(StatusCode::CREATED, &view(&created, &today))
}

/// `GET /payment-links/{paymentLinkId}`.
async fn retrieve(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let today = mock.clock.today();
    match mock.with_store(|s| s.ledger.links.find(&id).map(|l| view(&l.link, &today))) {
        Some(link) => json(StatusCode::OK, &link),
        None => not_found("payment link", &id),
    }
}

/// Checks the list filters with the model's rules (known enum values, dates).
fn check_filters(params: &ListParams) -> Result<(), ValidationError> {
    let owned = |key| params.get(key).map(str::to_owned);
    let query = PaymentLinkListQuery {
        link_type: params.get("linkType").map(LinkType::from_api),
        charge_type: params.get("chargeType").map(ChargeType::from_api),
        status: params.get("status").map(PaymentLinkStatus::from_api),
        created_on: owned("createdOn"),
        expires_on: owned("expiresOn"),
        ..PaymentLinkListQuery::default()
    };
    query.validate()
}

/// Whether a value equals a filter, ignoring case (names and email addresses).
fn same_text(filter: Option<&str>, value: &str) -> bool {
    filter.is_none_or(|f| f.eq_ignore_ascii_case(value))
}

/// Whether one of the link's sharing events went to a matching recipient.
fn shared_with(stored: &StoredLink, name: Option<&str>, email: Option<&str>) -> bool {
    if name.is_none() && email.is_none() {
        return true;
    }
    stored
        .sharing_events
        .iter()
        .flat_map(|event| &event.recipients)
        .any(|r| same_text(name, &r.name) && same_text(email, &r.email))
}

/// `GET /processing-terminals/{processingTerminalId}/payment-links`: the terminal's
/// links, oldest first, filtered and paged. A terminal without links has an empty list.
async fn list(
    State(mock): State<Arc<Mock>>,
    Path(terminal): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    if let Err(err) = check_filters(&params) {
        return bad_request(&err);
    }
    let today = mock.clock.today();
    let items: Vec<PaymentLink> = mock.with_store(|s| {
        s.ledger
            .links
            .payment_links
            .iter()
            .filter(|stored| stored.processing_terminal_id == terminal)
            .filter(|stored| {
                shared_with(
                    stored,
                    params.get("recipientName"),
                    params.get("recipientEmail"),
                )
            })
            .map(|stored| view(&stored.link, &today))
            .filter(|link| {
                let status = link.status();
                params.matches("merchantReference", link.merchant_reference())
                    && params.matches("linkType", Some(link.tag()))
                    && params.matches("chargeType", charge_type(link))
                    && params.matches("status", status.as_ref().map(PaymentLinkStatus::as_str))
                    && params.matches("createdOn", created_on(link))
                    && params.matches("expiresOn", expires_on(link))
            })
            .collect()
    });
    match params.page(items, |link| link.payment_link_id().unwrap_or("")) {
        Ok(page) => json(StatusCode::OK, &page),
        Err(response) => response,
    }
}

/// Whether a link in this status still takes changes and shares (deactivation is
/// permanent; a paid single-use link is done).
fn closed(status: Option<&PaymentLinkStatus>) -> bool {
    matches!(
        status,
        Some(PaymentLinkStatus::Deactivated | PaymentLinkStatus::Completed)
    )
}

/// `PATCH /payment-links/{paymentLinkId}`: a JSON Patch limited to the paths §6.3
/// allows for the link's type; the result must still be a valid link. Changing a
/// single-use link issues new assets, so the old URL stops working.
async fn update(State(mock): State<Arc<Mock>>, Path(id): Path<String>, body: Bytes) -> Response {
    let ops: Vec<PatchDocument> = match payroc_model::json::from_json(&body) {
        Ok(ops) => ops,
        Err(err) => return bad_request(&err),
    };
    if let Err(err) = ops.as_slice().validate() {
        return bad_request(&err);
    }
    let today = mock.clock.today();
    mock.with_store(|s| {
        let Some(stored) = s.ledger.links.find(&id) else {
            return not_found("payment link", &id);
        };
        let current = stored.link.clone();
        let status = current.status();
        if closed(status.as_ref()) {
            let status = status.as_ref().map_or("", PaymentLinkStatus::as_str);
            return conflict(format!(
                "Payment link `{id}` is {status} and can no longer be changed"
            ));
        }
        let (allowed, single_use) = match &current {
            PaymentLink::SingleUse(_) => (SINGLE_USE_PATHS, true),
            _ => (MULTI_USE_PATHS, false),
        };
        let document = serde_json::to_value(&current).unwrap_or_default();
        let patched = match patch::apply(&document, &ops, allowed) {
            Ok(patched) => patched,
            Err(err) => {
                return bad_parameter(
                    &format!("[{}].path", err.index),
                    "Invalid format",
                    &format!(
                        "{}; a {} link allows changes to {} only",
                        err.message,
                        current.tag(),
                        allowed.join(", ")
                    ),
                )
            }
        };
        let bytes = serde_json::to_vec(&patched).unwrap_or_default();
        let mut link: PaymentLink = match payroc_model::json::parse_request(&bytes) {
            Ok(link) => link,
            Err(err) => return bad_request(&err),
        };
        let assets = single_use.then(|| new_assets(s));
        if let Some(fields) = gateway_fields(&mut link) {
            default_agreement(fields.credential_on_file);
            if let Some(assets) = assets {
                *fields.assets = Some(assets);
            }
        }
        let response = json(StatusCode::OK, &view(&link, &today));
        if let Some(stored) = s.ledger.links.find_mut(&id) {
            stored.link = link;
        }
        response
    })
}

/// `POST /payment-links/{paymentLinkId}/deactivate` (no body, no idempotency key):
/// permanent; a second call is a `409`.
async fn deactivate(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let today = mock.clock.today();
    mock.with_store(|s| {
        let Some(stored) = s.ledger.links.find_mut(&id) else {
            return not_found("payment link", &id);
        };
        let Some(fields) = gateway_fields(&mut stored.link) else {
            return not_found("payment link", &id);
        };
        if closed(fields.status.as_ref()) {
            let status = fields.status.as_ref().map_or("", PaymentLinkStatus::as_str);
            return conflict(format!("Payment link `{id}` is already {status}"));
        }
        *fields.status = Some(PaymentLinkStatus::Deactivated);
        json(StatusCode::OK, &view(&stored.link, &today))
    })
}

/// `POST /payment-links/{paymentLinkId}/sharing-events` → `201`. The recipients are
/// recorded (and become list filters); no email is sent. Only an `active` link (not
/// expired, deactivated or completed) can be shared.
async fn share(State(mock): State<Arc<Mock>>, Path(id): Path<String>, body: Bytes) -> Response {
    let mut event: PaymentLinkEmailShareEvent = match parse(&body) {
        Ok(event) => event,
        Err(response) => return response,
    };
    let today = mock.clock.today();
    mock.with_store(|s| {
        let Some(stored) = s.ledger.links.find(&id) else {
            return not_found("payment link", &id);
        };
        let status = view(&stored.link, &today).status();
        if status != Some(PaymentLinkStatus::Active) {
            let status = status.as_ref().map_or("", PaymentLinkStatus::as_str);
            return conflict(format!(
                "Payment link `{id}` is {status}; only an active link can be shared"
            ));
        }
        let event_id = unused_id(s, |s, candidate| {
            s.ledger
                .links
                .payment_links
                .iter()
                .flat_map(|l| &l.sharing_events)
                .any(|e| e.sharing_event_id.as_deref() == Some(candidate))
        });
        event.sharing_event_id = Some(event_id);
        event.date_time = Some(mock.clock.now_rfc3339());
        event.merchant_copy.get_or_insert(false);
        let response = json(StatusCode::CREATED, &event);
        if let Some(stored) = s.ledger.links.find_mut(&id) {
            stored.sharing_events.push(event);
        }
        response
    })
}

/// `GET /payment-links/{paymentLinkId}/sharing-events`: oldest first, filtered by
/// recipient name and email (case-insensitive), paged by `sharingEventId`.
async fn list_sharing_events(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    let (name, email) = (params.get("recipientName"), params.get("recipientEmail"));
    let events = mock.with_store(|s| {
        s.ledger.links.find(&id).map(|stored| {
            stored
                .sharing_events
                .iter()
                .filter(|event| {
                    event
                        .recipients
                        .iter()
                        .any(|r| same_text(name, &r.name) && same_text(email, &r.email))
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let Some(events) = events else {
        return not_found("payment link", &id);
    };
    match params.page(events, |event| {
        event.sharing_event_id.as_deref().unwrap_or("")
    }) {
        Ok(page) => json(StatusCode::OK, &page),
        Err(response) => response,
    }
}
