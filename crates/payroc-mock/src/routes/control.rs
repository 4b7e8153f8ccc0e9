//! `/_mock`: inspection and control for tests. Not part of the Payroc API, and not
//! subject to faults or authentication. The routes are one table, [`CONTROL_ROUTES`]:
//! the router registers it and the program's `--help` prints it, so neither can miss a
//! route.

use crate::faults::{FaultConfig, QueuedFault};
use crate::problem::problem;
use crate::routes::{json, settlement};
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{on, MethodFilter};
use axum::Router;
use std::sync::Arc;

/// Where the test controls live. Every path under it is registered from
/// [`CONTROL_ROUTES`] and skips the gateway (no authentication, no faults).
pub(crate) const CONTROL_PREFIX: &str = "/_mock";

/// One test-control route, as `payroc-mock --help` and the README list it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ControlRoute {
    /// `GET`, `PUT` or `POST`.
    pub method: &'static str,
    /// The full path, e.g. `/_mock/ledger`.
    pub path: &'static str,
    /// What it does, in one line.
    pub summary: &'static str,
}

/// Declares [`CONTROL_ROUTES`] and the router that serves exactly them.
macro_rules! control_routes {
    ($($method:ident $path:literal => $handler:path, $summary:literal;)*) => {
        /// Every test-control route (`/_mock/…`), in the order `--help` lists them.
        pub const CONTROL_ROUTES: &[ControlRoute] = &[$(ControlRoute {
            method: stringify!($method),
            path: $path,
            summary: $summary,
        }),*];

        /// The router of [`CONTROL_ROUTES`]; no other `/_mock` route exists.
        pub(crate) fn routes() -> Router<Arc<Mock>> {
            Router::new()$(.route($path, on(MethodFilter::$method, $handler)))*
        }
    };
}

control_routes! {
    GET "/_mock/ledger" => ledger,
        "every resource held: payments, refunds, tokens, Cloud instructions, signatures, links, recurrences, bank transfers";
    GET "/_mock/counters" => counters,
        "request counts per route, token grants, payments per order id, idempotent replays";
    GET "/_mock/requests" => requests,
        "every request seen: method, path, route, idempotency key, injected fault, replayed";
    POST "/_mock/reset" => reset,
        "forget everything: ledger, counters, request log, faults, issued tokens";
    GET "/_mock/faults" => get_faults,
        "the fault rates now in force";
    PUT "/_mock/faults" => set_faults,
        "set the fault rates: {error500, error503, error429, retryAfterSecs, reset, commitThenDrop, latencyMs}";
    POST "/_mock/faults/next" => queue_faults,
        "queue faults for the next matching requests: [{\"fault\", \"method\"?, \"pathPrefix\"?, \"location\"?}]";
    POST "/_mock/tokens/expire" => expire_tokens,
        "expire every issued bearer token";
    GET "/_mock/clock" => get_clock,
        "the emulator's date and how many days it runs ahead of real time";
    POST "/_mock/clock" => advance_clock,
        "move the emulator's date forward {\"days\": n} (0 to 3660): the open batches close at the cut-off, then the subscription payments that fall due are collected and funding instructions reviewed";
    POST "/_mock/bank-transfers/settle" => crate::routes::bank::settle,
        "close the bank-transfer batch: every `ready`/`pending` bank-transfer payment and refund becomes `complete`";
    POST "/_mock/batches/close" => close_batches,
        "close every open batch now, dated today: settle its payments and refunds, make its ACH deposit and fees; answers the batches";
    POST "/_mock/disputes" => open_dispute,
        "open a dispute on a settled sale {\"paymentId\" | \"transactionId\", \"amount\"?, \"feeAmount\"?, \"disputeType\"?, \"description\"?}; the next deposit takes it";
    POST "/_mock/disputes/{disputeId}/statuses" => change_dispute_status,
        "move a dispute to a new status {\"status\": \"representmentInProgress\"} (appended to its history)";
    POST "/_mock/processing-accounts/{processingAccountId}/status" => crate::routes::boarding::control_account_status,
        "set a processing account's review status {\"status\": \"approved\"} (any documented status; notifies processingAccount.status.changed); the clock also moves entered → pending → approved a day at a time";
    POST "/_mock/terminal-orders/{terminalOrderId}/status" => crate::routes::boarding::control_order_status,
        "set a terminal order's status {\"status\": \"dispatched\"} (notifies terminalOrder.status.changed; `fulfilled` activates its terminals); the clock also moves open → dispatched → fulfilled a day at a time";
    POST "/_mock/funding/credit" => credit_funding,
        "credit settled funds to a merchant's funding balance: {\"merchantId\", \"amount\" (minor units, USD), \"description\"?, \"merchantName\"?}";
    POST "/_mock/events" => crate::routes::events::emit,
        "emit an event {\"type\": \"processingAccount.status.changed\", \"subject\": id, \"data\"?}: delivered to every enabled, registered subscription to it";
    GET "/_mock/deliveries" => crate::routes::events::deliveries,
        "every event delivery to a webhook, oldest first: eventId, eventType, subscriptionId, uri, state (pending, delivered, failed), attempts, event";
}

/// The most days one clock move may span (ten years), so a typo cannot make the
/// emulator bill a century of weekly cycles in one request.
const MAX_CLOCK_DAYS: u32 = 3660;

/// The body of `POST /_mock/clock`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockMove {
    days: u32,
}

/// The body of `POST /_mock/funding/credit`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct FundingCreditRequest {
    merchant_id: String,
    amount: i64,
    description: Option<String>,
    merchant_name: Option<String>,
}

pub(crate) async fn credit_funding(State(mock): State<Arc<Mock>>, body: Bytes) -> Response {
    match serde_json::from_slice::<FundingCreditRequest>(&body) {
        Ok(credit) if credit.amount > 0 && !credit.merchant_id.trim().is_empty() => json(
            StatusCode::OK,
            &mock.credit_funding(
                &credit.merchant_id,
                credit.merchant_name.as_deref(),
                credit.amount,
                credit.description.as_deref().unwrap_or("sales"),
            ),
        ),
        Ok(_) => problem(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "merchantId must not be blank and amount must be above zero",
        ),
        Err(err) => problem(
            StatusCode::BAD_REQUEST,
            "Bad request",
            format!("send {{\"merchantId\": \"…\", \"amount\": n}}: {err}"),
        ),
    }
}

pub(crate) async fn ledger(State(mock): State<Arc<Mock>>) -> Response {
    json(StatusCode::OK, &mock.ledger())
}

pub(crate) async fn counters(State(mock): State<Arc<Mock>>) -> Response {
    json(StatusCode::OK, &mock.counters())
}

pub(crate) async fn requests(State(mock): State<Arc<Mock>>) -> Response {
    json(StatusCode::OK, &mock.requests())
}

pub(crate) async fn reset(State(mock): State<Arc<Mock>>) -> Response {
    mock.reset();
    StatusCode::NO_CONTENT.into_response()
}

pub(crate) async fn expire_tokens(State(mock): State<Arc<Mock>>) -> Response {
    mock.expire_tokens();
    StatusCode::NO_CONTENT.into_response()
}

pub(crate) async fn get_clock(State(mock): State<Arc<Mock>>) -> Response {
    json(StatusCode::OK, &mock.clock())
}

pub(crate) async fn advance_clock(State(mock): State<Arc<Mock>>, body: Bytes) -> Response {
    match serde_json::from_slice::<ClockMove>(&body) {
        Ok(ClockMove { days }) if days <= MAX_CLOCK_DAYS => {
            json(StatusCode::OK, &mock.advance_clock(days))
        }
        Ok(_) => problem(
            StatusCode::BAD_REQUEST,
            "Bad request",
            format!("days must be from 0 to {MAX_CLOCK_DAYS}"),
        ),
        Err(err) => problem(
            StatusCode::BAD_REQUEST,
            "Bad request",
            format!("send {{\"days\": n}}, a whole number of days to move forward: {err}"),
        ),
    }
}

pub(crate) async fn close_batches(State(mock): State<Arc<Mock>>) -> Response {
    json(StatusCode::OK, &mock.close_batches())
}

pub(crate) async fn open_dispute(State(mock): State<Arc<Mock>>, body: Bytes) -> Response {
    let request = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(err) => return problem(StatusCode::BAD_REQUEST, "Bad request", err.to_string()),
    };
    let day = mock.today_number();
    match mock.with_store(|s| settlement::open_dispute(s, day, request)) {
        Ok(dispute) => json(StatusCode::CREATED, &dispute),
        Err(refusal) => refusal.into_response(),
    }
}

pub(crate) async fn change_dispute_status(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let request = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(err) => return problem(StatusCode::BAD_REQUEST, "Bad request", err.to_string()),
    };
    let day = mock.today_number();
    match mock.with_store(|s| settlement::change_dispute_status(s, day, &id, request)) {
        Ok(dispute) => json(StatusCode::OK, &dispute),
        Err(refusal) => refusal.into_response(),
    }
}

pub(crate) async fn get_faults(State(mock): State<Arc<Mock>>) -> Response {
    json(StatusCode::OK, &mock.faults.config())
}

pub(crate) async fn set_faults(State(mock): State<Arc<Mock>>, body: Bytes) -> Response {
    let config: FaultConfig = match serde_json::from_slice(&body) {
        Ok(config) => config,
        Err(err) => return problem(StatusCode::BAD_REQUEST, "Bad request", err.to_string()),
    };
    if let Err(message) = config.check() {
        return problem(StatusCode::BAD_REQUEST, "Bad request", message);
    }
    mock.set_faults(config.clone());
    json(StatusCode::OK, &config)
}

pub(crate) async fn queue_faults(State(mock): State<Arc<Mock>>, body: Bytes) -> Response {
    match serde_json::from_slice::<Vec<QueuedFault>>(&body) {
        Ok(faults) => {
            if let Some(message) = faults.iter().find_map(|f| f.check().err()) {
                return problem(StatusCode::BAD_REQUEST, "Bad request", message);
            }
            mock.queue_faults(faults);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(err) => problem(StatusCode::BAD_REQUEST, "Bad request", err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MockConfig;
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    async fn status(method: &str, path: &str) -> StatusCode {
        let router = crate::routes::router(Mock::new(MockConfig::default()));
        let request = Request::builder()
            .method(method)
            .uri(path)
            .body(Body::empty())
            .unwrap();
        router.oneshot(request).await.unwrap().status()
    }

    #[tokio::test]
    async fn the_router_serves_exactly_the_table_under_the_prefix() {
        for route in CONTROL_ROUTES {
            assert!(route.path.starts_with(CONTROL_PREFIX), "{route:?}");
            let got = status(route.method, route.path).await;
            assert!(
                got != StatusCode::NOT_FOUND && got != StatusCode::METHOD_NOT_ALLOWED,
                "{} {} answered {got}",
                route.method,
                route.path
            );
            for method in ["GET", "PUT", "POST", "PATCH", "DELETE"] {
                let listed = CONTROL_ROUTES
                    .iter()
                    .any(|r| r.path == route.path && r.method == method);
                if !listed {
                    let got = status(method, route.path).await;
                    assert_eq!(
                        got,
                        StatusCode::METHOD_NOT_ALLOWED,
                        "{method} {}",
                        route.path
                    );
                }
            }
        }
        assert_eq!(
            status("GET", "/_mock/unlisted").await,
            StatusCode::NOT_FOUND
        );
    }

    /// The router cannot list its routes, so this keeps every `/_mock` route in the
    /// table: no other source file may spell a path under the prefix.
    #[test]
    fn no_control_route_is_registered_outside_the_table() {
        fn visit(dir: &std::path::Path, offenders: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    visit(&path, offenders);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("routes/control.rs")
                    && std::fs::read_to_string(&path).unwrap().contains("\"/_mock")
                {
                    offenders.push(path.display().to_string());
                }
            }
        }
        let mut offenders = Vec::new();
        visit(
            std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
            &mut offenders,
        );
        assert!(
            offenders.is_empty(),
            "a /_mock path outside CONTROL_ROUTES: {offenders:?}"
        );
    }
}
