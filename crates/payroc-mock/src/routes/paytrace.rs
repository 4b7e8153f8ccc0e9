//! PayTrace v3: the token endpoint and the seven recurrence endpoints.

use crate::Mock;
use axum::Router;
use serde::Serialize;
use std::sync::Arc;

/// What this area keeps.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PaytraceLedger {}

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
}
