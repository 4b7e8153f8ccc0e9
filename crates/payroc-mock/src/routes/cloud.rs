//! Payroc Cloud: devices, payment/refund/signature instructions with long polls, signatures.

use crate::Mock;
use axum::Router;
use serde::Serialize;
use std::sync::Arc;

/// What this area keeps.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CloudLedger {}

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
}
