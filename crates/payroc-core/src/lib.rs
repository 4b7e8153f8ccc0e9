//! The payroc-rs client: the Payroc payments API and PayTrace's recurring-payments
//! API from Rust, async with a blocking facade. Every request is validated before it
//! is sent; every POST carries one idempotency key reused on every retry.
//!
//! # Layout
//! - [`http`] — our own request/response types and the pluggable [`HttpTransport`];
//!   [`transport`] — the default reqwest + rustls transport.
//! - [`config`] — environments and [`ClientBuilder`]; [`clock`] — injected time.
//! - [`auth`] — the single-flight, lock-free-read token cache.
//! - [`retry`] — the pure retry decision; [`idempotency`] — keys.
//! - [`error`] — the one [`Error`] type and its [`ErrorKind`]s.
//! - `client` — [`Client`]: validation, attempts, token refresh on 401, tracing.
#![forbid(unsafe_code)]

pub mod auth;
mod client;
pub mod clock;
pub mod config;
pub mod error;
pub mod http;
pub mod idempotency;
pub mod retry;
pub mod transport;

pub use client::{Client, RequestOptions};
pub use config::{ClientBuilder, Environment};
pub use error::{ApiError, Error, ErrorKind, Result};
pub use http::HttpTransport;
pub use idempotency::IdempotencyKey;
pub use payroc_model as model;
