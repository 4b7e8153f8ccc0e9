//! Secure tokens, single-use tokens, card payments and refunds.

use crate::Mock;
use axum::Router;
use serde::Serialize;
use std::sync::Arc;

/// What this area keeps.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CardsLedger {}

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
}
