//! Secure tokens, single-use tokens, card payments and refunds (§3, §4 of the API
//! reference), with real state: a payment moves through capture, adjust, reverse and
//! refund as the gateway moves it, and every follow-on call checks that state.
//!
//! Outcomes are chosen by the last two digits of the order amount (see
//! [`shared::Outcome`]), so tests can ask for a decline, a partial approval, a referral
//! or a deferred answer without a special card.
//!
//! # Layout
//! - `shared` — masking, brands, resolved cards, links, outcomes, conversions.
//! - `tokens` — secure tokens per processing terminal, and single-use tokens.
//! - `payments` — create, list, retrieve, capture, reverse, referenced refund, adjust.
//! - `refunds` — unreferenced refunds, list, retrieve, adjust, reverse.

/// Card payments and their follow-on operations.
mod payments;
/// Refunds, referenced and unreferenced.
mod refunds;
/// What the card areas and Cloud share.
mod shared;
/// Secure tokens and single-use tokens.
mod tokens;

pub(crate) use payments::create_payment;
pub(crate) use refunds::create_refund;
pub(crate) use shared::{host_of, resource_link, Refusal, TEST_ICC_DATA};

use crate::Mock;
use axum::routing::{get, post};
use axum::Router;
use payroc_model::payment::Payment;
use payroc_model::refund::RetrievedRefund;
use payroc_model::secure_token::SecureTokenWithAccountType;
use serde::Serialize;
use std::sync::Arc;

/// What this area keeps, oldest first. Shown at `GET /_mock/ledger` as
/// `secureTokens`, `deletedSecureTokens`, `singleUseTokens`, `payments`, `refunds`.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CardsLedger {
    /// Live secure tokens, as retrieve returns them.
    secure_tokens: Vec<SecureTokenWithAccountType>,
    /// Deleted secure tokens: their ids may not be reused and their tokens no longer pay.
    deleted_secure_tokens: Vec<tokens::DeletedToken>,
    /// Single-use tokens, used or not.
    single_use_tokens: Vec<tokens::SingleUse>,
    /// Every payment, whatever its outcome.
    payments: Vec<Payment>,
    /// Every refund, referenced or not.
    refunds: Vec<RetrievedRefund>,
    /// Sequence behind the next gateway token number (296753…).
    #[serde(skip)]
    token_sequence: u64,
}

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    /// A terminal's secure tokens.
    const TOKENS: &str = "/v1/processing-terminals/{processingTerminalId}/secure-tokens";
    /// One secure token.
    const TOKEN: &str =
        "/v1/processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}";
    Router::new()
        .route(TOKENS, get(tokens::list).post(tokens::create))
        .route(
            TOKEN,
            get(tokens::retrieve)
                .patch(tokens::patch)
                .delete(tokens::delete),
        )
        .route(
            "/v1/processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}/update-account",
            post(tokens::update_account),
        )
        .route(
            "/v1/processing-terminals/{processingTerminalId}/single-use-tokens",
            post(tokens::create_single_use),
        )
        .route("/v1/payments", get(payments::list).post(payments::create))
        .route("/v1/payments/{paymentId}", get(payments::retrieve))
        .route("/v1/payments/{paymentId}/capture", post(payments::capture))
        .route("/v1/payments/{paymentId}/reverse", post(payments::reverse))
        .route("/v1/payments/{paymentId}/refund", post(payments::refund))
        .route("/v1/payments/{paymentId}/adjust", post(payments::adjust))
        .route("/v1/refunds", get(refunds::list).post(refunds::create))
        .route("/v1/refunds/{refundId}", get(refunds::retrieve))
        .route("/v1/refunds/{refundId}/adjust", post(refunds::adjust))
        .route("/v1/refunds/{refundId}/reverse", post(refunds::reverse))
}
