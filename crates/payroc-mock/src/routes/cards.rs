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
//! - `features` — card and bank-account verification, EBT balances, BIN look-ups, DCC
//!   rates.

/// Verifications, EBT balances, BIN look-ups and DCC rates.
mod features;
/// Card payments and their follow-on operations.
mod payments;
/// Refunds, referenced and unreferenced.
mod refunds;
/// What the card areas and Cloud share.
mod shared;
/// Secure tokens and single-use tokens.
mod tokens;

pub(crate) use payments::{create_payment, operations as payment_operations};
pub(crate) use refunds::create_refund;
pub(crate) use shared::{
    host_of, mask_account, parse_optional, reply, resource_link, TEST_ICC_DATA,
};
pub(crate) use tokens::{
    bank_account_on_file, card_on_file, check_id_free, claim_bank_account, masked_ach, masked_pad,
    save_bank_account, NewToken,
};

use crate::Mock;
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;

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
        .merge(features::routes())
}
