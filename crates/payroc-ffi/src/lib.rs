//! The C ABI of payroc-rs (`libpayroc`, `payroc.h`) for C and C++ point-of-sale
//! software.
//!
//! This crate holds its place in the workspace; the ABI itself — opaque handles, one
//! status-code enum with error objects, JSON bodies validated by `payroc-model`, a
//! panic guard on every export — is built on `payroc-core`'s blocking facade by the
//! C ABI issue. Until then it exports nothing.
#![forbid(unsafe_code)]

/// The version of the C ABI this crate will expose (bumped on any breaking change).
pub const ABI_VERSION: u32 = 1;
