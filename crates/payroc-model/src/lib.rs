//! Pure types and validation for the Payroc payments API and PayTrace's
//! recurring-payments API. No I/O, no async runtime: every request and response body,
//! with the API's exact JSON names, and `validate()` on every request.
//!
//! ```
//! use payroc_model::json::parse_request;
//! use payroc_model::payment::PaymentRequest;
//!
//! let body = br#"{"channel":"web","processingTerminalId":"1234001",
//!   "order":{"orderId":"ORD-1","amount":4999,"currency":"USD"},
//!   "paymentMethod":{"type":"secureToken","token":"296753123458"}}"#;
//! let request: PaymentRequest = parse_request(body).unwrap();
//! assert_eq!(request.order.amount, 4999);
//!
//! let bad = br#"{"channel":"web","processingTerminalId":"1234001",
//!   "order":{"orderId":"","amount":0,"currency":"USD"},
//!   "paymentMethod":{"type":"secureToken","token":"296753123458"}}"#;
//! let err = parse_request::<PaymentRequest>(bad).unwrap_err();
//! let paths: Vec<_> = err.violations().iter().map(|v| v.path.as_str()).collect();
//! assert_eq!(paths, ["order.orderId", "order.amount"]);
//! ```
//!
//! # Layout
//! - [`macros`](self) — `open_enum!` (string enums that keep unknown values) and
//!   `tagged_union!` (polymorphic bodies tagged exactly as the API tags them).
//! - [`secret`] — card numbers and other secrets, redacted in `Debug`/`Display`.
//! - [`money`] — [`Currency`] with ISO 4217 exponents; [`DecimalAmount`] for PayTrace.
//! - [`validate`] — the [`Validate`] trait, [`Violation`]s with JSON paths, and the
//!   checks (Luhn, `MMYY`, dates, UUID v4).
//! - [`common`] — shared objects: customer, address, links, custom fields, JSON Patch,
//!   and [`UnknownFields`](common::UnknownFields), the reply fields this SDK does not know.
//! - [`card`] — card details for every entry method, devices, PIN and EBT details.
//! - [`error`] — the API's problem-details error envelope.
//! - [`page`] — paginated lists.
//! - [`identity`] — the identity service's token.
//! - [`json`] — reading request bodies from JSON text with field paths in errors.
//! - [`secure_token`] — saved cards and bank accounts (and single-use tokens).
//! - [`payment`] — card payments, capture, reverse, refund, adjust, and the repeat-payment
//!   standing instructions; [`refund`] — refunds.
//! - [`cloud`] — Payroc Cloud payment, refund and signature instructions, signatures.
//! - [`payment_link`] — payment links and their sharing events.
//! - [`payment_feature`] — card and bank-account verification, EBT balances, BIN
//!   look-ups and DCC rates; [`session`] — Hosted Fields and Apple Pay sessions.
//! - [`date`] — [`Date`](date::Date), a typed `YYYY-MM-DD` calendar date.
//! - [`settlement`] — settlement reporting: batches, transactions, authorizations,
//!   disputes, ACH deposits and their fees.
//! - [`funding`] — funding recipients, their owners and funding accounts, funding
//!   instructions, funding activity and balances.
//! - [`paytrace`] — PayTrace v3 token and recurrence bodies.
#![forbid(unsafe_code)]

#[macro_use]
mod macros;

pub mod attachment;
pub mod bank_transfer;
pub mod boarding;
pub mod card;
pub mod cloud;
pub mod common;
pub mod date;
pub mod error;
pub mod event;
pub mod event_subscription;
pub mod funding;
pub mod identity;
pub mod json;
pub mod money;
pub mod page;
pub mod payment;
pub mod payment_feature;
pub mod payment_link;
pub mod payment_plan;
pub mod paytrace;
pub mod pricing_intent;
pub mod refund;
pub mod secret;
pub mod secure_token;
pub mod session;
pub mod settlement;
pub mod validate;

pub use money::{Currency, DecimalAmount};
pub use secret::{ApiKey, BearerToken, CardNumber, Password, SensitiveData};
pub use validate::{Validate, ValidationError, Validator, Violation};

use std::fmt;

/// What every open string enum of the API can tell about itself.
pub trait OpenEnum {
    /// The value as the API spells it.
    fn as_str(&self) -> &str;
    /// Whether this SDK knows the value (false for `Unknown`).
    fn is_known(&self) -> bool;
    /// The values this SDK knows, as the API spells them.
    fn known_values() -> &'static [&'static str];
}

/// The body of a polymorphic object whose discriminator this SDK does not know.
///
/// It keeps the whole JSON object so it is written back unchanged. Its `Debug` shows
/// only the field names, since an unknown payment method may carry card data.
#[derive(Clone, PartialEq, serde::Serialize)]
#[serde(transparent)]
pub struct UnknownVariant(pub serde_json::Value);

impl UnknownVariant {
    /// The discriminator value, read from the given field.
    pub fn tag(&self, field: &str) -> Option<&str> {
        self.0.get(field).and_then(serde_json::Value::as_str)
    }
}

impl fmt::Debug for UnknownVariant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            serde_json::Value::Object(map) => {
                f.debug_set().entries(map.keys()).finish()?;
                Ok(())
            }
            _ => f.write_str("UnknownVariant"),
        }
    }
}
