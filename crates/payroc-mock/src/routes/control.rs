//! `/_mock`: inspection and control for tests. Not part of the Payroc API, and not
//! subject to faults or authentication.

use crate::faults::{FaultConfig, QueuedFault};
use crate::problem::problem;
use crate::routes::json;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

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
