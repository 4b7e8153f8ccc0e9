//! What every export goes through: the result codes, the one panic-and-argument guard,
//! the tie between each opaque C type and its ownership, and reading C strings.

use crate::error::{payroc_error, Failure};
use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The largest string (JSON body, id or key) accepted from C, in bytes: a bound on
/// what a corrupted or unterminated buffer can make the library read into memory.
pub const PAYROC_MAX_INPUT_BYTES: usize = 1024 * 1024;

/// The status of every call. Numbers come in blocks of 100 by kind; a number is never
/// reused for another meaning (retired ones stay listed here as comments).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum payroc_result {
    /// Success; outputs were written.
    PAYROC_RESULT_OK = 0,
    /// An argument was unusable: invalid UTF-8, malformed or oversized JSON, an unknown
    /// operation, a missing parameter inside `params_json`, or an unusable configuration.
    /// Nothing was sent.
    PAYROC_RESULT_INVALID_ARGUMENT = 100,
    /// A required pointer argument was NULL. Nothing was sent.
    PAYROC_RESULT_NULL_PARAMETER = 101,
    /// The request broke a documented rule; the error's field list names every one
    /// with its JSON path. Nothing was sent.
    PAYROC_RESULT_VALIDATION = 200,
    /// The server answered with an error status not covered below.
    PAYROC_RESULT_API = 300,
    /// 400 or 422: the server rejected the request's content (field errors attached).
    PAYROC_RESULT_API_BAD_REQUEST = 301,
    /// 403.
    PAYROC_RESULT_API_FORBIDDEN = 302,
    /// 404.
    PAYROC_RESULT_API_NOT_FOUND = 303,
    /// 409: a state conflict, or an idempotency key reused with another body.
    PAYROC_RESULT_API_CONFLICT = 304,
    /// 429 after the retries allowed.
    PAYROC_RESULT_API_RATE_LIMITED = 305,
    /// 5xx after the retries allowed; the request may have been processed.
    PAYROC_RESULT_API_SERVER = 306,
    /// A success response that could not be read.
    PAYROC_RESULT_API_DECODE = 307,
    /// The API key or credentials were refused (401 after one token refresh).
    PAYROC_RESULT_AUTHENTICATION = 400,
    /// No connection could be made; the request was never sent.
    PAYROC_RESULT_TRANSPORT = 500,
    /// The connection broke during the exchange; the request may have been processed:
    /// retry with the same idempotency key.
    PAYROC_RESULT_CONNECTION_LOST = 501,
    /// No answer in time, or a wait's deadline passed; the request may have been
    /// processed: retry with the same idempotency key.
    PAYROC_RESULT_TIMEOUT = 600,
    /// The call was cancelled through a `payroc_cancel` handle.
    PAYROC_RESULT_CANCELLED = 700,
    /// `payroc_webhook_verify`: the notification's `Payroc-Secret` header is missing or
    /// does not hold the expected secret. Answer it 401 and do not act on it.
    PAYROC_RESULT_WEBHOOK_SECRET = 800,
    /// `payroc_webhook_verify`: the secret matched but the body is not a CloudEvents 1.0
    /// JSON event.
    PAYROC_RESULT_WEBHOOK_MALFORMED = 801,
    /// A bug in this library (please report it); the error message says more.
    PAYROC_RESULT_INTERNAL = 900,
    /// A panic inside this library was caught at the boundary (a bug; please report it).
    PAYROC_RESULT_PANIC = 901,
}

/// Every code, for reading a number back into the enum.
const ALL_RESULTS: [payroc_result; 21] = {
    use payroc_result::*;
    [
        PAYROC_RESULT_OK,
        PAYROC_RESULT_INVALID_ARGUMENT,
        PAYROC_RESULT_NULL_PARAMETER,
        PAYROC_RESULT_VALIDATION,
        PAYROC_RESULT_API,
        PAYROC_RESULT_API_BAD_REQUEST,
        PAYROC_RESULT_API_FORBIDDEN,
        PAYROC_RESULT_API_NOT_FOUND,
        PAYROC_RESULT_API_CONFLICT,
        PAYROC_RESULT_API_RATE_LIMITED,
        PAYROC_RESULT_API_SERVER,
        PAYROC_RESULT_API_DECODE,
        PAYROC_RESULT_AUTHENTICATION,
        PAYROC_RESULT_TRANSPORT,
        PAYROC_RESULT_CONNECTION_LOST,
        PAYROC_RESULT_TIMEOUT,
        PAYROC_RESULT_CANCELLED,
        PAYROC_RESULT_WEBHOOK_SECRET,
        PAYROC_RESULT_WEBHOOK_MALFORMED,
        PAYROC_RESULT_INTERNAL,
        PAYROC_RESULT_PANIC,
    ]
};

impl payroc_result {
    /// The code with this number, if any.
    pub(crate) fn from_u32(number: u32) -> Option<Self> {
        ALL_RESULTS.into_iter().find(|r| *r as u32 == number)
    }

    /// The variant's name, as in the header.
    pub(crate) fn name(self) -> &'static CStr {
        match self {
            Self::PAYROC_RESULT_OK => c"PAYROC_RESULT_OK",
            Self::PAYROC_RESULT_INVALID_ARGUMENT => c"PAYROC_RESULT_INVALID_ARGUMENT",
            Self::PAYROC_RESULT_NULL_PARAMETER => c"PAYROC_RESULT_NULL_PARAMETER",
            Self::PAYROC_RESULT_VALIDATION => c"PAYROC_RESULT_VALIDATION",
            Self::PAYROC_RESULT_API => c"PAYROC_RESULT_API",
            Self::PAYROC_RESULT_API_BAD_REQUEST => c"PAYROC_RESULT_API_BAD_REQUEST",
            Self::PAYROC_RESULT_API_FORBIDDEN => c"PAYROC_RESULT_API_FORBIDDEN",
            Self::PAYROC_RESULT_API_NOT_FOUND => c"PAYROC_RESULT_API_NOT_FOUND",
            Self::PAYROC_RESULT_API_CONFLICT => c"PAYROC_RESULT_API_CONFLICT",
            Self::PAYROC_RESULT_API_RATE_LIMITED => c"PAYROC_RESULT_API_RATE_LIMITED",
            Self::PAYROC_RESULT_API_SERVER => c"PAYROC_RESULT_API_SERVER",
            Self::PAYROC_RESULT_API_DECODE => c"PAYROC_RESULT_API_DECODE",
            Self::PAYROC_RESULT_AUTHENTICATION => c"PAYROC_RESULT_AUTHENTICATION",
            Self::PAYROC_RESULT_TRANSPORT => c"PAYROC_RESULT_TRANSPORT",
            Self::PAYROC_RESULT_CONNECTION_LOST => c"PAYROC_RESULT_CONNECTION_LOST",
            Self::PAYROC_RESULT_TIMEOUT => c"PAYROC_RESULT_TIMEOUT",
            Self::PAYROC_RESULT_CANCELLED => c"PAYROC_RESULT_CANCELLED",
            Self::PAYROC_RESULT_WEBHOOK_SECRET => c"PAYROC_RESULT_WEBHOOK_SECRET",
            Self::PAYROC_RESULT_WEBHOOK_MALFORMED => c"PAYROC_RESULT_WEBHOOK_MALFORMED",
            Self::PAYROC_RESULT_INTERNAL => c"PAYROC_RESULT_INTERNAL",
            Self::PAYROC_RESULT_PANIC => c"PAYROC_RESULT_PANIC",
        }
    }
}

/// The stack a call may use below its entry point, in bytes: when less than this is
/// left on the calling thread's stack, the call runs on a stack of its own of
/// `PAYROC_STACK_SIZE` bytes. A debug build's deepest call (the operation dispatcher's
/// frame, the HTTP stack, serde at its nesting limit) stays well within it.
pub const PAYROC_STACK_RED_ZONE: usize = 1024 * 1024;

/// The size of the stack, in bytes, a call runs on when the caller's has less than
/// `PAYROC_STACK_RED_ZONE` left: mapped for the call and unmapped after it, and only
/// the pages touched are ever backed by memory.
pub const PAYROC_STACK_SIZE: usize = 4 * 1024 * 1024;

// The sizes payroc-core's `with_enough_stack` uses, written out here for cbindgen to
// put them in payroc.h; the build fails if they ever differ.
const _: () = assert!(
    PAYROC_STACK_RED_ZONE == payroc_core::blocking::MIN_FREE_STACK
        && PAYROC_STACK_SIZE == payroc_core::blocking::CALL_STACK
);

/// Runs `body` where the stack is known to be big enough: in place when the calling
/// thread has [`PAYROC_STACK_RED_ZONE`] left, otherwise on a fresh stack of
/// [`PAYROC_STACK_SIZE`]. So C may call from threads with small stacks (64 KiB; musl's
/// default is 128 KiB) without the library overflowing them. A panic inside `body`
/// must already be caught by it: none unwinds across the stack switch.
pub(crate) fn on_enough_stack<T>(body: impl FnOnce() -> T) -> T {
    // payroc-core's switch, the one its blocking runtime uses: one mechanism for both.
    payroc_core::blocking::with_enough_stack(body)
}

/// `catch_unwind` on a stack big enough for `body` (a failure to map one is caught too).
fn catch_on_enough_stack<T>(body: impl FnOnce() -> T) -> std::thread::Result<T> {
    catch_unwind(AssertUnwindSafe(|| {
        on_enough_stack(|| catch_unwind(AssertUnwindSafe(body)))
    }))
    .and_then(|inner| inner)
}

/// Runs an export's body: a panic becomes `PAYROC_RESULT_PANIC`, a failure becomes its
/// code plus an error object in `*error_out` (when `error_out` is not NULL), and on
/// failure nothing else is written. `*error_out` is set to NULL first, so a caller may
/// free it unconditionally afterwards. The body runs on a stack big enough for it.
pub(crate) fn guard(
    error_out: *mut *mut payroc_error,
    body: impl FnOnce() -> Result<(), Failure>,
) -> payroc_result {
    if !error_out.is_null() {
        // SAFETY: the caller passes NULL or a pointer to writable storage for one pointer.
        unsafe { error_out.write(std::ptr::null_mut()) };
    }
    let failure = match catch_on_enough_stack(body) {
        Ok(Ok(())) => return payroc_result::PAYROC_RESULT_OK,
        Ok(Err(failure)) => failure,
        Err(panic) => Failure::panic(panic.as_ref()),
    };
    let code = failure.code;
    if !error_out.is_null() {
        // Building the error object allocates; a panic there must not escape either.
        if let Ok(error) = catch_unwind(AssertUnwindSafe(|| payroc_error::boxed(failure))) {
            // SAFETY: as above.
            unsafe { error_out.write(error) };
        }
    }
    code
}

/// Runs an export that reports no error object: a panic becomes `fallback`. The body
/// runs on a stack big enough for it (freeing a client closes its connections).
pub(crate) fn guard_value<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch_on_enough_stack(body).unwrap_or(fallback)
}

/// Ties an opaque C type to the Rust value it holds, always in a `Box` made by this
/// library: the only way to make one is [`into_raw`](Self::into_raw) and the only
/// way to free one is [`free_raw`](Self::free_raw).
pub(crate) trait BoxHandle: Sized {
    /// Moves the value to the heap and hands the pointer to C.
    fn into_raw(self) -> *mut Self {
        Box::into_raw(Box::new(self))
    }

    /// Borrows the value behind a handle for the duration of a call.
    ///
    /// # Safety
    /// `ptr` is NULL or a live handle of this type made by [`into_raw`](Self::into_raw).
    unsafe fn borrow<'a>(ptr: *const Self, name: &'static str) -> Result<&'a Self, Failure> {
        // SAFETY: guaranteed by the caller (see above); NULL gives None.
        unsafe { ptr.as_ref() }.ok_or_else(|| Failure::null(name))
    }

    /// Borrows the value behind a handle mutably for the duration of a call.
    ///
    /// # Safety
    /// As [`borrow`](Self::borrow), and no other thread uses the handle meanwhile.
    unsafe fn borrow_mut<'a>(ptr: *mut Self, name: &'static str) -> Result<&'a mut Self, Failure> {
        // SAFETY: guaranteed by the caller (see above); NULL gives None.
        unsafe { ptr.as_mut() }.ok_or_else(|| Failure::null(name))
    }

    /// Frees a handle; NULL is a no-op.
    ///
    /// # Safety
    /// `ptr` is NULL or a live handle of this type, not used again afterwards.
    unsafe fn free_raw(ptr: *mut Self) {
        if !ptr.is_null() {
            // SAFETY: guaranteed by the caller: made by `into_raw`, freed exactly once.
            drop(unsafe { Box::from_raw(ptr) });
        }
    }
}

/// Writes `value` through an output pointer already checked not NULL.
///
/// # Safety
/// `out` is a pointer to writable storage for one `T`.
pub(crate) unsafe fn write_out<T>(out: *mut T, value: T) {
    // SAFETY: guaranteed by the caller.
    unsafe { out.write(value) };
}

/// Checks an output pointer, so that it is known usable before any work is done.
pub(crate) fn out_ptr<T>(out: *mut T, name: &'static str) -> Result<*mut T, Failure> {
    if out.is_null() {
        Err(Failure::null(name))
    } else {
        Ok(out)
    }
}

/// Reads a required C string argument: NULL, oversized or invalid UTF-8 are failures.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that lives for the call.
pub(crate) unsafe fn read_str<'a>(
    ptr: *const c_char,
    name: &'static str,
) -> Result<&'a str, Failure> {
    // SAFETY: guaranteed by the caller.
    unsafe { read_opt_str(ptr, name) }?.ok_or_else(|| Failure::null(name))
}

/// Reads an optional C string argument (NULL gives `None`).
///
/// # Safety
/// As [`read_str`].
pub(crate) unsafe fn read_opt_str<'a>(
    ptr: *const c_char,
    name: &'static str,
) -> Result<Option<&'a str>, Failure> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: guaranteed by the caller: a NUL-terminated string alive for the call.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    if bytes.len() > PAYROC_MAX_INPUT_BYTES {
        return Err(Failure::invalid(format!(
            "`{name}` is {} bytes long; at most {PAYROC_MAX_INPUT_BYTES} are accepted",
            bytes.len()
        )));
    }
    std::str::from_utf8(bytes)
        .map(Some)
        .map_err(|e| Failure::invalid(format!("`{name}` is not valid UTF-8: {e}")))
}

/// UTF-8 text as an owned C string for the caller to free with `payroc_string_free`.
/// An interior NUL (impossible in JSON) is escaped rather than truncating the text.
pub(crate) fn to_c_string(text: impl Into<Vec<u8>>) -> *mut c_char {
    match CString::new(text) {
        Ok(s) => s.into_raw(),
        Err(e) => {
            let escaped = String::from_utf8_lossy(&e.into_vec()).replace('\0', "\\u0000");
            CString::new(escaped).unwrap_or_default().into_raw()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{
        payroc_error_code, payroc_error_field_count, payroc_error_free, payroc_error_message,
    };
    use std::ffi::CStr;

    fn message(error: *const payroc_error) -> String {
        // SAFETY: a live error from `guard`; its message lives until it is freed.
        unsafe { CStr::from_ptr(payroc_error_message(error)) }
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn a_panic_becomes_a_code_and_an_error_object() {
        let mut error = std::ptr::null_mut();
        let code = guard(&mut error, || panic!("boom at the till"));
        assert_eq!(code, payroc_result::PAYROC_RESULT_PANIC);
        assert!(!error.is_null());
        // SAFETY: `error` is live until freed below.
        assert_eq!(unsafe { payroc_error_code(error) }, code);
        assert!(message(error).contains("boom at the till"));
        // SAFETY: freed once.
        unsafe { payroc_error_free(error) };
        // Without an error pointer the code alone comes back.
        assert_eq!(
            guard(std::ptr::null_mut(), || panic!("again")),
            payroc_result::PAYROC_RESULT_PANIC
        );
    }

    #[test]
    fn success_clears_the_error_pointer() {
        let mut error = std::ptr::dangling_mut::<payroc_error>();
        assert_eq!(
            guard(&mut error, || Ok(())),
            payroc_result::PAYROC_RESULT_OK
        );
        assert!(error.is_null());
    }

    #[test]
    fn strings_from_c_are_checked() {
        let bad = c"caf\xc3";
        // SAFETY: NUL-terminated literals.
        let err = unsafe { read_str(bad.as_ptr(), "name") }.unwrap_err();
        assert_eq!(err.code, payroc_result::PAYROC_RESULT_INVALID_ARGUMENT);
        // SAFETY: NULL is allowed.
        let err = unsafe { read_str(std::ptr::null(), "name") }.unwrap_err();
        assert_eq!(err.code, payroc_result::PAYROC_RESULT_NULL_PARAMETER);
        // SAFETY: NULL is allowed.
        assert!(unsafe { read_opt_str(std::ptr::null(), "name") }
            .unwrap()
            .is_none());
        let big = CString::new(vec![b'x'; PAYROC_MAX_INPUT_BYTES + 1]).unwrap();
        // SAFETY: NUL-terminated.
        let err = unsafe { read_str(big.as_ptr(), "body_json") }.unwrap_err();
        assert_eq!(err.code, payroc_result::PAYROC_RESULT_INVALID_ARGUMENT);
    }

    #[test]
    fn every_code_reads_back_and_has_its_name() {
        for code in ALL_RESULTS {
            assert_eq!(payroc_result::from_u32(code as u32), Some(code));
            assert!(code.name().to_str().unwrap().starts_with("PAYROC_RESULT_"));
        }
        assert_eq!(payroc_result::from_u32(4242), None);
        let numbers: std::collections::BTreeSet<u32> =
            ALL_RESULTS.iter().map(|c| *c as u32).collect();
        assert_eq!(numbers.len(), ALL_RESULTS.len(), "no number used twice");
    }

    #[test]
    fn exports_run_from_a_thread_with_a_small_stack() {
        use crate::call::payroc_call;
        use crate::client::{
            payroc_client_free, payroc_client_new, payroc_config_free, payroc_config_new,
            payroc_config_set_api_key,
        };
        // A debug build's call overflows 64 KiB: this one reaches payroc-core's dispatch
        // (a missing path parameter fails inside it, before anything is sent).
        let worker = std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(|| {
                let config = payroc_config_new();
                let mut client = std::ptr::null_mut();
                let mut out = std::ptr::null_mut();
                let mut error = std::ptr::null_mut();
                // SAFETY: live handles and NUL-terminated literals; everything freed once.
                unsafe {
                    payroc_config_set_api_key(config, c"key".as_ptr(), std::ptr::null_mut());
                    let made = payroc_client_new(config, &mut client, std::ptr::null_mut());
                    let code = payroc_call(
                        client,
                        c"payments.retrieve".as_ptr(),
                        c"{}".as_ptr(),
                        std::ptr::null(),
                        std::ptr::null(),
                        &mut out,
                        &mut error,
                    );
                    payroc_error_free(error);
                    payroc_client_free(client);
                    payroc_config_free(config);
                    (made, code)
                }
            })
            .expect("a thread starts");
        assert_eq!(
            worker.join().expect("no overflow"),
            (
                payroc_result::PAYROC_RESULT_OK,
                payroc_result::PAYROC_RESULT_VALIDATION
            )
        );
    }

    #[test]
    fn an_interior_nul_is_escaped_not_truncated() {
        let text = to_c_string("a\0b".to_owned());
        // SAFETY: made just above, freed below.
        let back = unsafe { CString::from_raw(text) };
        assert_eq!(back.to_str().unwrap(), "a\\u0000b");
    }

    #[test]
    fn core_errors_keep_their_fields_and_kind() {
        let violation =
            payroc_model::ValidationError::single("order.amount", "must be above 0", "range");
        let mut error = std::ptr::null_mut();
        let code = guard(&mut error, || Err(violation.into()));
        assert_eq!(code, payroc_result::PAYROC_RESULT_VALIDATION);
        // SAFETY: live until freed below.
        assert_eq!(unsafe { payroc_error_field_count(error) }, 1);
        // SAFETY: freed once.
        unsafe { payroc_error_free(error) };
        let malformed = payroc_model::json::from_json::<serde_json::Value>(b"{").unwrap_err();
        let code = guard(&mut error, || Err(malformed.into()));
        assert_eq!(code, payroc_result::PAYROC_RESULT_INVALID_ARGUMENT);
        // SAFETY: freed once.
        unsafe { payroc_error_free(error) };
    }
}
