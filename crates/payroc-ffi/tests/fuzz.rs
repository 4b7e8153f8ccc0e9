//! Property-based fuzzing of the C ABI's string-taking exports, called through their
//! `extern "C"` functions exactly as C calls them: arbitrary bytes (invalid UTF-8,
//! interior NULs, which C truncates at), arbitrary JSON and near-valid JSON, known and
//! unknown operation names, NULL in any pointer position.
//!
//! Every client points at a closed loopback port (`http://127.0.0.1:9`) with one
//! attempt and a short timeout, so nothing leaves the machine. The properties: every
//! call returns a known result code, never `PAYROC_RESULT_PANIC` or `_INTERNAL`;
//! outputs are written exactly on success; an error object comes back exactly on
//! failure (when asked for), carries the returned code and a message that never
//! contains the API key; every error and string is freed.
//!
//! The default 256 cases per property; `PROPTEST_CASES=10000` runs longer.

use payroc::boundary::payroc_result;
use payroc::call::{payroc_call, payroc_paytrace_call};
use payroc::client::{
    payroc_client, payroc_client_free, payroc_client_new, payroc_config, payroc_config_free,
    payroc_config_new, payroc_config_set_api_key, payroc_config_set_base_urls,
    payroc_config_set_paytrace_integrator_id, payroc_config_set_paytrace_url,
    payroc_config_set_request_timeout_ms, payroc_config_set_retries, payroc_config_set_user_agent,
    payroc_paytrace_client, payroc_paytrace_client_free, payroc_paytrace_client_new,
};
use payroc::cloud::{
    payroc_cancel_free, payroc_cancel_new, payroc_cancel_trigger, payroc_cloud_run_refund,
    payroc_cloud_run_sale, payroc_cloud_wait,
};
use payroc::error::{
    payroc_error, payroc_error_code, payroc_error_field_code, payroc_error_field_count,
    payroc_error_field_message, payroc_error_field_path, payroc_error_free, payroc_error_message,
    payroc_error_problem_json, payroc_result_name,
};
use payroc::payroc_string_free;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Map, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ffi::{c_char, CStr};
use std::ptr;

/// The API key every fuzzed client holds: no error may ever show it.
const SECRET: &str = "fuzz-secret-api-key-7f3a";
/// The PayTrace password, likewise.
const PAYTRACE_SECRET: &str = "fuzz-paytrace-password-91c";
/// A closed port on loopback: connections are refused at once.
const CLOSED: &str = "http://127.0.0.1:9";

/// Every operation `payroc_call` and `payroc_paytrace_call` know (the operation
/// table's names), so that most cases get past the name and into parameter and body
/// reading.
fn operations() -> Vec<&'static str> {
    payroc_core::operations::OPERATIONS
        .iter()
        .map(|op| op.name)
        .collect()
}

/// Member names the operations read, so generated objects often hit real fields.
const KEYS: &[&str] = &[
    "processingTerminalId",
    "secureTokenId",
    "paymentId",
    "refundId",
    "paymentLinkId",
    "paymentInstructionId",
    "refundInstructionId",
    "signatureInstructionId",
    "signatureId",
    "serialNumber",
    "href",
    "processingModel",
    "series",
    "customFields",
    "query",
    "processingAccountId",
    "status",
    "fromDateTime",
    "toDateTime",
    "limit",
    "after",
    "before",
    "customerId",
    "recurrenceId",
    "channel",
    "order",
    "orderId",
    "amount",
    "currency",
    "paymentMethod",
    "type",
    "token",
    "cardDetails",
    "source",
];

/// A body that passes validation, so the fuzz also reaches the (refused) network path.
fn valid_payment() -> Value {
    json!({
        "channel": "web",
        "processingTerminalId": "1234001",
        "order": {"orderId": "F-1", "amount": 1000, "currency": "USD"},
        "paymentMethod": {"type": "secureToken", "token": "296753123456"}
    })
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,24}".prop_map(Value::from),
        prop::sample::select(operations()).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            3 => prop::sample::select(KEYS).prop_map(str::to_owned),
            1 => ".{0,12}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A valid body with one member replaced by arbitrary JSON: near-misses of validation.
fn mutated_payment() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(&["channel", "processingTerminalId", "order", "paymentMethod"][..]),
        json_value(),
    )
        .prop_map(|(key, value)| {
            let mut body = valid_payment();
            body[key] = value;
            body
        })
}

/// The bytes of one C string argument (without its terminating NUL), or None for NULL.
fn c_text() -> impl Strategy<Value = Option<Vec<u8>>> {
    prop_oneof![
        1 => Just(None),
        2 => prop::collection::vec(any::<u8>(), 0..200).prop_map(Some),
        3 => json_value().prop_map(|v| Some(v.to_string().into_bytes())),
        2 => mutated_payment().prop_map(|v| Some(v.to_string().into_bytes())),
        1 => Just(Some(valid_payment().to_string().into_bytes())),
        // Well-formed JSON cut short, or with one byte swapped for arbitrary (often
        // invalid UTF-8, sometimes NUL) bytes.
        2 => (json_value(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(v, at, byte)| {
            let mut bytes = v.to_string().into_bytes();
            let i = at.index(bytes.len());
            if byte % 2 == 0 {
                bytes.truncate(i);
            } else {
                bytes[i] = byte;
            }
            Some(bytes)
        }),
    ]
}

/// Calls that are well-formed as they stand (so they get as far as the refused
/// connection), or with one member of the parameters swapped for arbitrary JSON.
fn well_formed_call() -> impl Strategy<Value = CallArgs> {
    let templates = vec![
        ("payments.create", Value::Null, valid_payment()),
        (
            "repeat_payments.start",
            json!({"processingModel": "recurring"}),
            valid_payment(),
        ),
        (
            "payments.retrieve",
            json!({"paymentId": "M2MJOG6O2Y"}),
            Value::Null,
        ),
        (
            "payments.list",
            json!({"query": {"limit": 5, "orderId": "F-1"}}),
            Value::Null,
        ),
        (
            "secure_tokens.retrieve",
            json!({"processingTerminalId": "1234001", "secureTokenId": "MREF_1"}),
            Value::Null,
        ),
        (
            "payroc_cloud.follow",
            json!({"href": format!("{CLOSED}/v1/payments/M2MJOG6O2Y")}),
            Value::Null,
        ),
        (
            "payment_instructions.retrieve",
            json!({"paymentInstructionId": "e743a9165d134678a9100ebba3b29597"}),
            Value::Null,
        ),
    ];
    (
        prop::sample::select(templates),
        prop::option::weighted(0.5, (prop::sample::select(KEYS), json_value())),
    )
        .prop_map(|((op, mut params, body), swap)| {
            if let (Some((key, value)), Value::Object(members)) = (swap, &mut params) {
                members.insert(key.to_owned(), value);
            }
            let text = |v: Value| (!v.is_null()).then(|| v.to_string().into_bytes());
            (Some(op.as_bytes().to_vec()), text(params), text(body))
        })
}

fn operation() -> impl Strategy<Value = Option<Vec<u8>>> {
    prop_oneof![
        6 => prop::sample::select(operations()).prop_map(|s| Some(s.as_bytes().to_vec())),
        2 => c_text(),
        1 => ".{0,40}".prop_map(|s: String| Some(s.into_bytes())),
    ]
}

fn idempotency_key() -> impl Strategy<Value = Option<Vec<u8>>> {
    prop_oneof![
        3 => Just(None),
        1 => Just(Some(b"6f1c4a3e-2b7d-4c9e-8a51-0d2e3f4a5b6c".to_vec())),
        1 => "[0-9a-f-]{0,40}".prop_map(|s: String| Some(s.into_bytes())),
        1 => prop::collection::vec(any::<u8>(), 0..48).prop_map(Some),
    ]
}

/// An operation name, `params_json` and `body_json`, each None for NULL.
type CallArgs = (Option<Vec<u8>>, Option<Vec<u8>>, Option<Vec<u8>>);

/// One owned C string argument: the bytes and a terminating NUL (an interior NUL ends
/// the string early, as it would in C).
struct CArg(Option<Vec<u8>>);

impl CArg {
    fn new(bytes: &Option<Vec<u8>>) -> Self {
        Self(bytes.as_ref().map(|b| {
            let mut v = b.clone();
            v.push(0);
            v
        }))
    }

    fn ptr(&self) -> *const c_char {
        self.0
            .as_ref()
            .map_or(ptr::null(), |v| v.as_ptr().cast::<c_char>())
    }
}

/// Reads a borrowed string of an error: valid UTF-8, never showing a secret.
fn checked_text(text: *const c_char, what: &str) -> Result<(), TestCaseError> {
    if text.is_null() {
        return Ok(());
    }
    // SAFETY: a string borrowed from a live error, NUL-terminated by the library.
    let text = unsafe { CStr::from_ptr(text) }.to_str();
    prop_assert!(text.is_ok(), "{what} is not UTF-8");
    let text = text.unwrap_or_default();
    prop_assert!(
        !text.contains(SECRET) && !text.contains(PAYTRACE_SECRET),
        "{what} shows a secret: {text}"
    );
    Ok(())
}

/// The checks every call shares; frees the output and the error. `out` is None for
/// exports without a string output.
fn check_outcome(
    r: payroc_result,
    out: Option<*mut c_char>,
    err: *mut payroc_error,
    error_wanted: bool,
) -> Result<(), TestCaseError> {
    let (has_output, out) = (out.is_some(), out.unwrap_or(ptr::null_mut()));
    let code = r as u32;
    // SAFETY: a static string from the library.
    let name = unsafe { CStr::from_ptr(payroc_result_name(code)) }.to_string_lossy();
    let result = (|| {
        prop_assert_ne!(name.as_ref(), "PAYROC_RESULT_UNKNOWN", "code {}", code);
        prop_assert!(
            r != payroc_result::PAYROC_RESULT_PANIC && r != payroc_result::PAYROC_RESULT_INTERNAL,
            "{name}"
        );
        if r == payroc_result::PAYROC_RESULT_OK {
            prop_assert!(!has_output || !out.is_null(), "success without an output");
            prop_assert!(err.is_null(), "success with an error");
            return Ok(());
        }
        prop_assert!(out.is_null(), "{name}: output written on failure");
        if !error_wanted {
            return Ok(());
        }
        prop_assert!(!err.is_null(), "{name}: no error object");
        // SAFETY: err is a live error from the library (checked not NULL).
        unsafe {
            prop_assert_eq!(payroc_error_code(err), r);
            let message = payroc_error_message(err);
            prop_assert!(!message.is_null(), "{name}: no message");
            checked_text(message, "message")?;
            checked_text(payroc_error_problem_json(err), "problem")?;
            let fields = payroc_error_field_count(err);
            for i in 0..fields {
                prop_assert!(!payroc_error_field_path(err, i).is_null());
                checked_text(payroc_error_field_message(err, i), "field message")?;
                checked_text(payroc_error_field_code(err, i), "field code")?;
            }
            prop_assert!(payroc_error_field_path(err, fields).is_null());
        }
        Ok(())
    })();
    // SAFETY: each is NULL or owned by us, freed exactly once here.
    unsafe {
        payroc_string_free(out);
        payroc_error_free(err);
    }
    result
}

/// A config for the closed port: one attempt, 300 ms per attempt.
fn closed_config() -> *mut payroc_config {
    let config = payroc_config_new();
    let api = format!("{CLOSED}/v1\0");
    let identity = format!("{CLOSED}\0");
    let key = format!("{SECRET}\0");
    let paytrace = format!("{CLOSED}\0");
    // SAFETY: a live config and NUL-terminated strings; NULL error pointers are allowed.
    unsafe {
        for r in [
            payroc_config_set_base_urls(
                config,
                api.as_ptr().cast(),
                identity.as_ptr().cast(),
                ptr::null_mut(),
            ),
            payroc_config_set_api_key(config, key.as_ptr().cast(), ptr::null_mut()),
            payroc_config_set_request_timeout_ms(config, 300, ptr::null_mut()),
            payroc_config_set_retries(config, 1, 0, ptr::null_mut()),
            payroc_config_set_paytrace_url(config, paytrace.as_ptr().cast(), ptr::null_mut()),
        ] {
            assert_eq!(r, payroc_result::PAYROC_RESULT_OK);
        }
    }
    config
}

/// A client for the closed port, freed on drop.
struct Client(*mut payroc_client);

impl Client {
    fn new() -> Self {
        let config = closed_config();
        let mut client = ptr::null_mut();
        // SAFETY: a live config; writable out pointer.
        let r = unsafe { payroc_client_new(config, &mut client, ptr::null_mut()) };
        // SAFETY: made above, freed once.
        unsafe { payroc_config_free(config) };
        assert_eq!(r, payroc_result::PAYROC_RESULT_OK);
        Self(client)
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // SAFETY: made by `Client::new`, freed once; no call is running.
        unsafe { payroc_client_free(self.0) };
    }
}

fn runner() -> TestRunner {
    // Config::default() reads PROPTEST_CASES; no regression files from a manual runner.
    TestRunner::new(Config {
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn payroc_call_returns_a_code_for_any_input() {
    let client = Client::new();
    let seen = RefCell::new(BTreeMap::new());
    let args = prop_oneof![
        3 => (operation(), c_text(), c_text()),
        1 => well_formed_call(),
    ];
    let case = (
        prop::bool::weighted(0.97),
        args,
        idempotency_key(),
        prop::bool::weighted(0.95),
        prop::bool::weighted(0.9),
    );
    runner()
        .run(
            &case,
            |(with_client, (op, params, body), key, with_out, with_err)| {
                let (op, params, body, key) = (
                    CArg::new(&op),
                    CArg::new(&params),
                    CArg::new(&body),
                    CArg::new(&key),
                );
                let mut out: *mut c_char = ptr::null_mut();
                let mut err: *mut payroc_error = ptr::null_mut();
                let handle = if with_client {
                    client.0
                } else {
                    ptr::null_mut()
                };
                // SAFETY: a live client or NULL; NUL-terminated strings or NULL;
                // writable out pointers or NULL.
                let r = unsafe {
                    payroc_call(
                        handle,
                        op.ptr(),
                        params.ptr(),
                        body.ptr(),
                        key.ptr(),
                        if with_out { &mut out } else { ptr::null_mut() },
                        if with_err { &mut err } else { ptr::null_mut() },
                    )
                };
                *seen.borrow_mut().entry(r as u32).or_insert(0u32) += 1;
                check_outcome(r, Some(out), err, with_err)
            },
        )
        .unwrap();
    let seen = seen.into_inner();
    // The generators must reach every layer: the NULL checks, JSON reading, the
    // validation rules, and past them the (refused) connection to the closed port.
    for layer in [
        payroc_result::PAYROC_RESULT_NULL_PARAMETER,
        payroc_result::PAYROC_RESULT_INVALID_ARGUMENT,
        payroc_result::PAYROC_RESULT_VALIDATION,
        payroc_result::PAYROC_RESULT_TRANSPORT,
    ] {
        assert!(
            seen.contains_key(&(layer as u32)),
            "never reached {layer:?}: {seen:?}"
        );
    }
}

#[test]
fn payroc_paytrace_call_returns_a_code_for_any_input() {
    let config = closed_config();
    let (user, password) = ("fuzz-user\0", format!("{PAYTRACE_SECRET}\0"));
    let mut client: *mut payroc_paytrace_client = ptr::null_mut();
    // SAFETY: a live config, NUL-terminated credentials, a writable out pointer.
    let r = unsafe {
        payroc_paytrace_client_new(
            config,
            user.as_ptr().cast(),
            password.as_ptr().cast(),
            &mut client,
            ptr::null_mut(),
        )
    };
    // SAFETY: made above, freed once.
    unsafe { payroc_config_free(config) };
    assert_eq!(r, payroc_result::PAYROC_RESULT_OK);
    let case = (operation(), c_text(), c_text(), prop::bool::weighted(0.9));
    runner()
        .run(&case, |(op, params, body, with_err)| {
            let (op, params, body) = (CArg::new(&op), CArg::new(&params), CArg::new(&body));
            let mut out: *mut c_char = ptr::null_mut();
            let mut err: *mut payroc_error = ptr::null_mut();
            // SAFETY: a live client; NUL-terminated strings or NULL; writable outputs.
            let r = unsafe {
                payroc_paytrace_call(
                    client,
                    op.ptr(),
                    params.ptr(),
                    body.ptr(),
                    &mut out,
                    if with_err { &mut err } else { ptr::null_mut() },
                )
            };
            check_outcome(r, Some(out), err, with_err)
        })
        .unwrap();
    // SAFETY: made above, freed once; no call is running.
    unsafe { payroc_paytrace_client_free(client) };
}

#[test]
fn cloud_exports_return_a_code_for_any_input() {
    let client = Client::new();
    let cancel = payroc_cancel_new();
    let triggered = payroc_cancel_new();
    // SAFETY: a live switch.
    unsafe { payroc_cancel_trigger(triggered) };
    let case = (
        0u8..3,
        c_text(),
        c_text(),
        idempotency_key(),
        0u64..40,
        0u8..3,
        any::<u32>(),
    );
    runner()
        .run(
            &case,
            |(which, serial, request, key, deadline_ms, switch, kind)| {
                let (serial, request, key) =
                    (CArg::new(&serial), CArg::new(&request), CArg::new(&key));
                let switch =
                    [ptr::null(), cancel.cast_const(), triggered.cast_const()][usize::from(switch)];
                // Never 0 (wait without end) in a fuzz; at most 40 ms.
                let deadline = deadline_ms + 1;
                let mut out: *mut c_char = ptr::null_mut();
                let mut err: *mut payroc_error = ptr::null_mut();
                // SAFETY: a live client; NUL-terminated strings or NULL; live switches
                // or NULL; writable outputs.
                let r = unsafe {
                    match which {
                        0 => payroc_cloud_run_sale(
                            client.0,
                            serial.ptr(),
                            request.ptr(),
                            key.ptr(),
                            deadline,
                            switch,
                            &mut out,
                            &mut err,
                        ),
                        1 => payroc_cloud_run_refund(
                            client.0,
                            serial.ptr(),
                            request.ptr(),
                            key.ptr(),
                            deadline,
                            switch,
                            &mut out,
                            &mut err,
                        ),
                        _ => payroc_cloud_wait(
                            client.0,
                            kind % 4,
                            serial.ptr(),
                            deadline,
                            switch,
                            &mut out,
                            &mut err,
                        ),
                    }
                };
                check_outcome(r, Some(out), err, true)
            },
        )
        .unwrap();
    // SAFETY: made above, freed once; no wait uses them any more.
    unsafe {
        payroc_cancel_free(cancel);
        payroc_cancel_free(triggered);
    }
}

#[test]
fn config_setters_and_client_new_return_a_code_for_any_input() {
    let case = (
        c_text(),
        c_text(),
        c_text(),
        c_text(),
        c_text(),
        c_text(),
        prop::bool::weighted(0.5),
    );
    runner()
        .run(
            &case,
            |(api_key, api_url, identity_url, user_agent, paytrace_url, integrator, make)| {
                let args = [
                    CArg::new(&api_key),
                    CArg::new(&api_url),
                    CArg::new(&identity_url),
                    CArg::new(&user_agent),
                    CArg::new(&paytrace_url),
                    CArg::new(&integrator),
                ];
                let config = payroc_config_new();
                let mut results = Vec::new();
                // SAFETY: a live config; NUL-terminated strings or NULL; each error
                // pointer is checked and freed by `check_outcome`.
                unsafe {
                    let mut err = ptr::null_mut();
                    let r = payroc_config_set_api_key(config, args[0].ptr(), &mut err);
                    results.push((r, err));
                    let mut err = ptr::null_mut();
                    let r =
                        payroc_config_set_base_urls(config, args[1].ptr(), args[2].ptr(), &mut err);
                    results.push((r, err));
                    let mut err = ptr::null_mut();
                    let r = payroc_config_set_user_agent(config, args[3].ptr(), &mut err);
                    results.push((r, err));
                    let mut err = ptr::null_mut();
                    let r = payroc_config_set_paytrace_url(config, args[4].ptr(), &mut err);
                    results.push((r, err));
                    let mut err = ptr::null_mut();
                    let r =
                        payroc_config_set_paytrace_integrator_id(config, args[5].ptr(), &mut err);
                    results.push((r, err));
                }
                let mut outcome = Ok(());
                for (r, err) in results {
                    if outcome.is_ok() {
                        outcome = check_outcome(r, None, err, true);
                    } else {
                        // SAFETY: NULL or an error owned by us, freed once.
                        unsafe { payroc_error_free(err) };
                    }
                }
                if make && outcome.is_ok() {
                    let mut client = ptr::null_mut();
                    let mut err = ptr::null_mut();
                    // SAFETY: a live config; writable outputs. Nothing is sent by `_new`.
                    let r = unsafe { payroc_client_new(config, &mut client, &mut err) };
                    let made = client;
                    outcome = check_outcome(r, None, err, true);
                    if r == payroc_result::PAYROC_RESULT_OK {
                        prop_assert!(!made.is_null(), "client_new succeeded without a client");
                    } else {
                        prop_assert!(made.is_null(), "client written on failure");
                    }
                    // SAFETY: NULL or a client made above, freed once.
                    unsafe { payroc_client_free(made) };
                }
                // SAFETY: made above, freed once.
                unsafe { payroc_config_free(config) };
                outcome
            },
        )
        .unwrap();
}
