//! The payroc-rs client: the Payroc payments API and PayTrace's recurring-payments
//! API from Rust, async with a blocking facade. Every request is validated before it
//! is sent; every POST carries one idempotency key, reused on every retry, so a
//! retried payment is never charged twice.
//!
//! ```no_run
//! use payroc_core::model::{common::Channel, payment::*, Currency};
//! # async fn demo() -> payroc_core::Result<()> {
//! let client = payroc_core::Client::builder()
//!     .api_key(std::env::var("PAYROC_API_KEY").unwrap_or_default())
//!     .environment(payroc_core::Environment::Uat)
//!     .build()?;
//! let request = PaymentRequest::new(
//!     Channel::Web,
//!     "1234001",
//!     PaymentOrderRequest::new("ORD-0001", 4999, Currency::Usd),
//!     PaymentMethod::secure_token("296753123458"),
//! );
//! let payment = client.payments().create(&request).await?;
//! println!("{} approved: {}", payment.payment_id, payment.is_approved());
//! # Ok(()) }
//! ```
//!
//! # Layout
//! - [`http`] — our own request/response types and the pluggable [`HttpTransport`];
//!   [`transport`] — the default reqwest + rustls transport.
//! - [`config`] — environments and [`ClientBuilder`]; [`clock`] — injected time.
//! - [`auth`] — the single-flight, lock-free-read token cache.
//! - [`retry`] — the pure retry decision; [`idempotency`] — keys.
//! - [`error`] — the one [`Error`] type and its [`ErrorKind`]s.
//! - `client` — [`Client`]: validation, attempts, token refresh on 401, tracing.
//! - [`resources`] — the operations: secure tokens, payments and refunds, Payroc
//!   Cloud, payment links; [`pager`] — lists that page on demand.
//! - [`repeat`] — repeat-payment series; [`cancel`] — cancel handles for waits.
//! - [`paytrace`] — the PayTrace recurring-payments client.
//! - [`blocking`] — the blocking facade.
//! - [`webhook`] — checking and reading the event notifications Payroc posts to a
//!   subscriber's webhook.
#![forbid(unsafe_code)]

pub mod auth;
pub mod blocking;
pub mod cancel;
mod client;
pub mod clock;
pub mod config;
pub mod error;
pub mod http;
pub mod idempotency;
mod multipart;
pub mod operations;
pub mod pager;
pub mod paytrace;
pub mod repeat;
pub mod resources;
pub mod retry;
pub mod transport;
pub mod webhook;

pub use cancel::CancelHandle;
pub use client::{Client, RequestOptions};
pub use config::{ClientBuilder, Environment, DEFAULT_MAX_RESPONSE_BYTES};
pub use error::{ApiError, DecodeError, Error, ErrorKind, Result};
pub use http::HttpTransport;
pub use idempotency::IdempotencyKey;
pub use payroc_model as model;
pub use paytrace::PaytraceClient;
pub use resources::cloud::{CloudSale, CloudSaleOutcome, WaitOptions};
#[cfg(test)]
mod unit_tests;
