//! The API's routes, one module per area. What they create and change is kept in
//! the store's ledger.

mod bank;
pub(crate) mod boarding;
mod cards;
mod cloud;
mod control;
mod events;
mod funding;
mod identity;
mod links;
mod list;
mod paytrace;
mod plans;
mod pricing;
mod sessions;
pub(crate) mod settlement;

pub use bank::SettledTransfers;
pub(crate) use control::CONTROL_PREFIX;
pub use control::{ControlRoute, CONTROL_ROUTES};

use crate::gateway::gateway;
use crate::problem::{bad_request, problem};
use crate::Mock;
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use payroc_model::validate::Validate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::Arc;

/// All routes, wrapped in the gateway middleware.
pub(crate) fn router(mock: Arc<Mock>) -> Router {
    Router::new()
        .route("/authorize", post(identity::authorize))
        .merge(control::routes())
        .merge(cards::routes())
        .merge(cloud::routes())
        .merge(links::routes())
        .merge(paytrace::routes())
        .merge(sessions::routes())
        .merge(plans::routes())
        .merge(bank::routes())
        .merge(settlement::routes())
        .merge(funding::routes())
        .merge(pricing::routes())
        .merge(boarding::routes())
        .merge(events::routes())
        .fallback(fallback)
        .layer(axum::middleware::from_fn_with_state(mock.clone(), gateway))
        .with_state(mock)
}

async fn fallback() -> Response {
    problem(StatusCode::NOT_FOUND, "Not found", "No such endpoint")
}

pub(crate) use bank::settle_batch as settle_bank_transfers;
pub(crate) use boarding::review_boarding;
pub(crate) use cloud::complete_now as complete_instruction_now;
pub(crate) use events::{dispatch as dispatch_notifications, notify};
pub(crate) use funding::{credit_funding, merchant_balance, review_instructions};
pub(crate) use plans::collect_due_payments;
pub(crate) use pricing::{boundary as form_boundary, without_boundary, MAX_UPLOAD_BODY};
pub(crate) use settlement::sweep as settle_due;

/// A JSON response with a status.
pub(crate) fn json<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => (
            status,
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            bytes,
        )
            .into_response(),
        Err(err) => problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal server error",
            err.to_string(),
        ),
    }
}

/// Reads and validates a request body as the gateway does: a body that does not read
/// or breaks a rule is a `400` naming each parameter.
pub(crate) fn parse<T: DeserializeOwned + Validate>(body: &Bytes) -> Result<T, Response> {
    payroc_model::json::parse_request(body).map_err(|err| bad_request(&err))
}
