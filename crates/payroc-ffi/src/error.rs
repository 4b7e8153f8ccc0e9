//! `payroc_error`: what a failed call hands back besides its code — a message, the
//! HTTP status, the problem JSON and every field error with its path.

use crate::boundary::{guard_value, payroc_result, BoxHandle};
use payroc_core::{Error, ErrorKind};
use payroc_model::error::ProblemDetails;
use std::any::Any;
use std::ffi::{c_char, CString};

/// One field error: the JSON path, a sentence, and a short code.
#[derive(Debug)]
struct FieldError {
    path: CString,
    message: CString,
    code: CString,
}

/// Why a call failed, before it becomes a `payroc_error` for C. Small (the details are
/// boxed): it travels in every `Result` of the exports.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) code: payroc_result,
    message: String,
    details: Box<Details>,
}

/// What a failure may carry besides its code and message.
#[derive(Debug, Default)]
struct Details {
    status: u16,
    problem_json: Option<String>,
    fields: Vec<(String, String, String)>,
    maybe_processed: bool,
    retryable: bool,
    raw_body: Option<String>,
    idempotency_key: Option<String>,
}

impl Failure {
    fn new(code: payroc_result, message: String) -> Self {
        Self {
            code,
            message,
            details: Box::default(),
        }
    }

    /// An unusable argument (nothing sent).
    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::new(
            payroc_result::PAYROC_RESULT_INVALID_ARGUMENT,
            message.into(),
        )
    }

    /// A NULL pointer where one was required.
    pub(crate) fn null(name: &str) -> Self {
        Self::new(
            payroc_result::PAYROC_RESULT_NULL_PARAMETER,
            format!("`{name}` must not be NULL"),
        )
    }

    /// A missing or ill-typed member of `params_json`, named at its path like a
    /// validation error so the caller reads it the same way.
    pub(crate) fn param(path: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut failure = Self::invalid(format!("params_json.{path}: {message}"));
        failure
            .details
            .fields
            .push((path.to_owned(), message, "param".to_owned()));
        failure
    }

    /// A webhook notification refused by `payroc_webhook_verify`; the message never
    /// holds a secret.
    pub(crate) fn webhook(err: &payroc_core::webhook::WebhookError) -> Self {
        use payroc_core::webhook::WebhookError;
        let code = match err {
            WebhookError::MissingSecret | WebhookError::WrongSecret => {
                payroc_result::PAYROC_RESULT_WEBHOOK_SECRET
            }
            WebhookError::MalformedBody(_) => payroc_result::PAYROC_RESULT_WEBHOOK_MALFORMED,
            _ => payroc_result::PAYROC_RESULT_INVALID_ARGUMENT,
        };
        let mut failure = Self::new(code, err.to_string());
        failure
            .details
            .fields
            .push(("webhook".to_owned(), err.to_string(), err.code().to_owned()));
        failure
    }

    /// A caught panic.
    pub(crate) fn panic(payload: &(dyn Any + Send)) -> Self {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_owned());
        Self::new(
            payroc_result::PAYROC_RESULT_PANIC,
            format!("internal error (a panic was caught at the C boundary): {what}"),
        )
    }
}

fn code_of(err: &Error) -> payroc_result {
    use payroc_result::*;
    match err.kind() {
        // Unreadable JSON is the caller's malformed argument; everything else about a
        // body that reads is a validation failure.
        ErrorKind::Validation => match err {
            Error::Validation(v) if v.violations().iter().any(|v| v.code == "json") => {
                PAYROC_RESULT_INVALID_ARGUMENT
            }
            _ => PAYROC_RESULT_VALIDATION,
        },
        ErrorKind::Configuration => PAYROC_RESULT_INVALID_ARGUMENT,
        ErrorKind::Transport => PAYROC_RESULT_TRANSPORT,
        ErrorKind::ConnectionLost => PAYROC_RESULT_CONNECTION_LOST,
        ErrorKind::Timeout => PAYROC_RESULT_TIMEOUT,
        ErrorKind::Cancelled => PAYROC_RESULT_CANCELLED,
        ErrorKind::BadRequest => PAYROC_RESULT_API_BAD_REQUEST,
        ErrorKind::Unauthorized => PAYROC_RESULT_AUTHENTICATION,
        ErrorKind::Forbidden => PAYROC_RESULT_API_FORBIDDEN,
        ErrorKind::NotFound => PAYROC_RESULT_API_NOT_FOUND,
        ErrorKind::Conflict => PAYROC_RESULT_API_CONFLICT,
        ErrorKind::RateLimited => PAYROC_RESULT_API_RATE_LIMITED,
        ErrorKind::Server => PAYROC_RESULT_API_SERVER,
        ErrorKind::Api => PAYROC_RESULT_API,
        ErrorKind::Decode => PAYROC_RESULT_API_DECODE,
        // A kind added to payroc-core later: still an error, never a crash.
        _ => PAYROC_RESULT_API,
    }
}

impl From<Error> for Failure {
    fn from(err: Error) -> Self {
        let mut failure = Self::new(code_of(&err), err.to_string());
        failure.details.status = err.status().unwrap_or(0);
        // An error status with no problem body (or one that did not read) has an empty
        // problem in payroc-core: C gets NULL for it, never "{}".
        failure.details.problem_json = err
            .problem()
            .filter(|p| **p != ProblemDetails::default())
            .and_then(|p| serde_json::to_string(p).ok());
        failure.details.fields = err
            .field_errors()
            .into_iter()
            .map(|item| {
                (
                    item.parameter.unwrap_or_default(),
                    item.message.unwrap_or_default(),
                    item.detail.unwrap_or_default(),
                )
            })
            .collect();
        failure.details.maybe_processed = err.maybe_processed();
        failure.details.retryable = err.is_retryable();
        failure.details.raw_body = err.raw_body().map(str::to_owned);
        failure.details.idempotency_key = err.idempotency_key().map(str::to_owned);
        failure
    }
}

impl From<payroc_model::ValidationError> for Failure {
    fn from(err: payroc_model::ValidationError) -> Self {
        Error::from(err).into()
    }
}

/// Text for C: an interior NUL (never produced by us) is replaced, not truncated at.
fn c_text(text: String) -> CString {
    CString::new(text.replace('\0', "\u{fffd}")).unwrap_or_default()
}

/// The details of a failed call. Made by the library (written to a
/// `payroc_error **error_out` on failure); owned by the caller, who frees it once
/// with `payroc_error_free`. The strings it returns are borrowed from it and live
/// until it is freed. Read-only after creation: safe to read from any thread.
#[derive(Debug)]
pub struct payroc_error {
    code: payroc_result,
    message: CString,
    status: u16,
    problem_json: Option<CString>,
    fields: Vec<FieldError>,
    maybe_processed: bool,
    retryable: bool,
    raw_body: Option<CString>,
    idempotency_key: Option<CString>,
}

impl BoxHandle for payroc_error {}

impl payroc_error {
    pub(crate) fn boxed(failure: Failure) -> *mut Self {
        Self {
            code: failure.code,
            message: c_text(failure.message),
            status: failure.details.status,
            problem_json: failure.details.problem_json.map(c_text),
            fields: failure
                .details
                .fields
                .into_iter()
                .map(|(path, message, code)| FieldError {
                    path: c_text(path),
                    message: c_text(message),
                    code: c_text(code),
                })
                .collect(),
            maybe_processed: failure.details.maybe_processed,
            retryable: failure.details.retryable,
            raw_body: failure.details.raw_body.map(c_text),
            idempotency_key: failure.details.idempotency_key.map(c_text),
        }
        .into_raw()
    }

    /// Reads a field of the error behind `error`, or `fallback` for NULL.
    fn read<T: Copy>(error: *const Self, fallback: T, read: impl FnOnce(&Self) -> T) -> T {
        guard_value(fallback, || {
            // SAFETY: `error` is NULL or a live error handle (the functions' contract).
            match unsafe { Self::borrow(error, "error") } {
                Ok(e) => read(e),
                Err(_) => fallback,
            }
        })
    }

    fn field(&self, index: usize) -> Option<&FieldError> {
        self.fields.get(index)
    }
}

/// Frees an error. NULL is a no-op. Call once per error; the error's strings die with it.
///
/// Thread safety: do not free an error another thread is still reading.
///
/// # Safety
/// `error` is NULL or an error from this library not yet freed.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_free(error: *mut payroc_error) {
    guard_value((), || {
        // SAFETY: guaranteed by the caller.
        unsafe { payroc_error::free_raw(error) }
    })
}

/// The error's result code (`PAYROC_RESULT_INTERNAL` for NULL).
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_code(error: *const payroc_error) -> payroc_result {
    payroc_error::read(error, payroc_result::PAYROC_RESULT_INTERNAL, |e| e.code)
}

/// A sentence describing the failure, never containing a secret. Borrowed from
/// `error`: valid until `payroc_error_free(error)`; never NULL for a non-NULL error.
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_message(error: *const payroc_error) -> *const c_char {
    payroc_error::read(error, std::ptr::null(), |e| e.message.as_ptr())
}

/// The HTTP status of an API error (0 when the server did not answer with one).
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_http_status(error: *const payroc_error) -> u16 {
    payroc_error::read(error, 0, |e| e.status)
}

/// The server's problem details as JSON (`type`, `title`, `status`, `detail`,
/// `errors[]`), or NULL when there are none: the call was not answered with an error
/// status, or the server's error reply had no problem body (an empty body, an HTML
/// page, JSON that is not a problem). Borrowed from `error`: valid until
/// `payroc_error_free(error)`.
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_problem_json(error: *const payroc_error) -> *const c_char {
    payroc_error::read(error, std::ptr::null(), |e| {
        e.problem_json
            .as_ref()
            .map_or(std::ptr::null(), |p| p.as_ptr())
    })
}

/// How many field errors the error holds (validation violations, the server's
/// `errors[]`, or a bad member of `params_json`).
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_field_count(error: *const payroc_error) -> usize {
    payroc_error::read(error, 0, |e| e.fields.len())
}

/// The JSON path of field error `index` (`order.amount`; empty for the whole body),
/// or NULL when `index` is out of range. Borrowed from `error`.
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_field_path(
    error: *const payroc_error,
    index: usize,
) -> *const c_char {
    payroc_error::read(error, std::ptr::null(), |e| {
        e.field(index).map_or(std::ptr::null(), |f| f.path.as_ptr())
    })
}

/// The message of field error `index`, or NULL when out of range. Borrowed from `error`.
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_field_message(
    error: *const payroc_error,
    index: usize,
) -> *const c_char {
    payroc_error::read(error, std::ptr::null(), |e| {
        e.field(index)
            .map_or(std::ptr::null(), |f| f.message.as_ptr())
    })
}

/// The short code of field error `index` (`required`, `length`, `json`, or the
/// server's `detail`), or NULL when out of range. Borrowed from `error`.
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_field_code(
    error: *const payroc_error,
    index: usize,
) -> *const c_char {
    payroc_error::read(error, std::ptr::null(), |e| {
        e.field(index).map_or(std::ptr::null(), |f| f.code.as_ptr())
    })
}

/// Whether the request may have reached the server and taken effect (1) or surely
/// did not (0). When 1, retry with the same idempotency key (see
/// `payroc_error_idempotency_key`), or look the payment up, before charging again
/// under a new key. Any success status to a call that changes something counts as
/// taken effect, also when its body could not be read (`PAYROC_RESULT_API_DECODE`).
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_maybe_processed(error: *const payroc_error) -> bool {
    payroc_error::read(error, false, |e| e.maybe_processed)
}

/// The `Idempotency-Key` the failed call carried (the caller's, or the one the
/// library made for it), or NULL when it carried none (reads, and calls that were
/// never sent). Pass it as `idempotency_key` to retry the call when
/// `payroc_error_maybe_processed` is 1: a payment that was made is then returned
/// instead of being made again. Borrowed from `error`: valid until
/// `payroc_error_free(error)`.
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_idempotency_key(error: *const payroc_error) -> *const c_char {
    payroc_error::read(error, std::ptr::null(), |e| {
        e.idempotency_key
            .as_ref()
            .map_or(std::ptr::null(), |k| k.as_ptr())
    })
}

/// For `PAYROC_RESULT_API_DECODE`: what could be read of the success body that did
/// not parse (at most 64 KiB, as UTF-8 with invalid bytes replaced, digit runs that
/// may be card numbers masked), so a POS can log it or find the payment's id in it.
/// NULL for other errors. Borrowed from `error`: valid until `payroc_error_free(error)`.
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_raw_body(error: *const payroc_error) -> *const c_char {
    payroc_error::read(error, std::ptr::null(), |e| {
        e.raw_body.as_ref().map_or(std::ptr::null(), |b| b.as_ptr())
    })
}

/// Whether the same call (same idempotency key) may succeed if tried again.
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `error` is NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn payroc_error_retryable(error: *const payroc_error) -> bool {
    payroc_error::read(error, false, |e| e.retryable)
}

/// The name of a result code (`"PAYROC_RESULT_TIMEOUT"`), or `"PAYROC_RESULT_UNKNOWN"`
/// for a number that is none. A static string, never freed. Takes the code as a plain
/// integer so that any number a C caller passes is defined behaviour.
///
/// Thread safety: safe from any thread.
#[no_mangle]
pub extern "C" fn payroc_result_name(result: u32) -> *const c_char {
    payroc_result::from_u32(result)
        .map_or(c"PAYROC_RESULT_UNKNOWN", payroc_result::name)
        .as_ptr()
}
