//! The C ABI of payroc-rs: `libpayroc` (shared and static) and `payroc.h`, for C and
//! C++ point-of-sale software that must never crash at the till.
//!
//! Calling convention (stated once, as `payroc.h` does): every call returns a
//! `payroc_result`; outputs are written only on success; on failure an error object is
//! written to `payroc_error **error_out` when that is not NULL. `const` inputs are
//! borrowed for the call only. `_new` allocates and `_free` frees exactly once;
//! `_free(NULL)` is a no-op. Strings handed to C are owned `char *` freed with
//! `payroc_string_free`, except those borrowed from an error (freed with it) and the
//! static ones (`payroc_version`, `payroc_result_name`). No panic crosses the
//! boundary: every export runs inside one guard that turns it into
//! `PAYROC_RESULT_PANIC`, and on a stack big enough for it (a thread with 64 KiB of
//! stack may call: see `boundary::on_enough_stack`).
//!
//! # Layout
//! - [`boundary`] — result codes, the panic-and-argument guard (which also moves a call
//!   to a stack of its own when the caller's is small), handle ownership, reading C
//!   strings.
//! - [`error`] — `payroc_error` and its accessors.
//! - [`client`] — `payroc_config` and its setters; `payroc_client`,
//!   `payroc_paytrace_client`.
//! - [`call`] — `payroc_call` and `payroc_paytrace_call`: every JSON operation.
//! - [`cloud`] — `payroc_cancel`, `payroc_cloud_wait`, `payroc_cloud_run_sale`,
//!   `payroc_cloud_run_refund`.
//! - [`webhook`] — `payroc_webhook_verify`: checking an event notification Payroc
//!   posted to your webhook.
#![allow(non_camel_case_types)]

pub mod boundary;
pub mod call;
pub mod client;
pub mod cloud;
pub mod error;
pub mod webhook;

use std::ffi::c_char;

/// The version of the C ABI: bumped on any change that breaks a program compiled
/// against an older `payroc.h`. Compare with `payroc_abi_version()` at start-up.
pub const PAYROC_ABI_VERSION: u32 = 1;

/// The library's version (`"0.1.0"`), a static string: never freed.
///
/// Thread safety: safe from any thread.
#[no_mangle]
pub extern "C" fn payroc_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The ABI version of the loaded library (`PAYROC_ABI_VERSION` it was built with).
///
/// Thread safety: safe from any thread.
#[no_mangle]
pub extern "C" fn payroc_abi_version() -> u32 {
    PAYROC_ABI_VERSION
}

/// Frees a string this library returned as `char *` (a response). NULL is a no-op.
///
/// # Safety
/// `text` is NULL or a string from this library not yet freed, and not one borrowed
/// from an error or a static one.
#[no_mangle]
pub unsafe extern "C" fn payroc_string_free(text: *mut c_char) {
    boundary::guard_value((), || {
        if !text.is_null() {
            // SAFETY: guaranteed by the caller: made by `CString::into_raw` here.
            drop(unsafe { std::ffi::CString::from_raw(text) });
        }
    })
}
