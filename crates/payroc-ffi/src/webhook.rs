//! `payroc_webhook_verify`: checks an event notification Payroc posted to your webhook
//! and hands back its event as JSON.

use crate::boundary::{
    guard, out_ptr, payroc_result, read_opt_str, read_str, to_c_string, write_out,
};
use crate::error::{payroc_error, Failure};
use payroc_core::webhook;
use std::ffi::c_char;

/// Checks a notification posted to your webhook and reads its event.
///
/// `secret_header` is the value of the request's `Payroc-Secret` header (NULL when it
/// has none); `body` and `body_len` the raw request body (`body` may be NULL only when
/// `body_len` is 0); `expected_secret` the secret you gave the subscription. The secret
/// is compared in constant time. On success `*event_json_out` receives the event as
/// JSON (`specversion`, `id`, `source`, `type`, `subject`, `time`, `data`; an event type
/// this library does not know is kept as sent), freed with `payroc_string_free`. Drop
/// events whose `id` you have already handled: Payroc retries with the same id.
///
/// Refusals: `PAYROC_RESULT_WEBHOOK_SECRET` (header missing or wrong: answer 401),
/// `PAYROC_RESULT_WEBHOOK_MALFORMED` (not a CloudEvents 1.0 JSON event: answer 400),
/// `PAYROC_RESULT_INVALID_ARGUMENT` (an empty `expected_secret`, a body over the size
/// limit). The error's one field error has path `webhook` and code `missing_secret`,
/// `wrong_secret`, `malformed_body` or `no_expected_secret`. No message ever holds a
/// secret.
///
/// Thread safety: safe from any thread; it touches no client.
///
/// # Safety
/// The strings are NULL or NUL-terminated; `body` is NULL or points to `body_len`
/// readable bytes; `event_json_out` and `error_out` are NULL or point to writable
/// storage for one pointer.
#[no_mangle]
pub unsafe extern "C" fn payroc_webhook_verify(
    secret_header: *const c_char,
    body: *const u8,
    body_len: usize,
    expected_secret: *const c_char,
    event_json_out: *mut *mut c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    guard(error_out, || {
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let header = unsafe { read_opt_str(secret_header, "secret_header") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let expected = unsafe { read_str(expected_secret, "expected_secret") }?;
        let out = out_ptr(event_json_out, "event_json_out")?;
        if body_len > crate::boundary::PAYROC_MAX_INPUT_BYTES {
            return Err(Failure::invalid(format!(
                "`body` is {body_len} bytes long; at most {} are accepted",
                crate::boundary::PAYROC_MAX_INPUT_BYTES
            )));
        }
        let body: &[u8] = if body_len == 0 {
            &[]
        } else if body.is_null() {
            return Err(Failure::null("body"));
        } else {
            // SAFETY: not NULL, and `body_len` readable bytes by the caller's contract.
            unsafe { std::slice::from_raw_parts(body, body_len) }
        };
        webhook::verify_secret(header.map(str::as_bytes), expected)
            .map_err(|err| Failure::webhook(&err))?;
        let event = webhook::parse_event(body).map_err(|err| Failure::webhook(&err))?;
        let json = serde_json::to_string(&event)
            .map_err(|err| Failure::invalid(format!("the event could not be written: {err}")))?;
        // SAFETY: checked not NULL; writable by contract.
        unsafe { write_out(out, to_c_string(json)) };
        Ok(())
    })
}
