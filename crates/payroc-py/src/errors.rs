//! payroc-core errors as `payroc_rs` exceptions. The classes are defined in Python
//! (`payroc_rs/_errors.py`, so they can also subclass `ValueError`,
//! `ConnectionError` and the builtin `TimeoutError`); this module hands their
//! factory the kind, the message and the structured details.

use payroc_core::{Error, ErrorKind};
use pyo3::exceptions::{PyException, PyRuntimeError};
use pyo3::prelude::*;

/// Why a native call failed.
pub(crate) enum Failure {
    /// The core reported an error.
    Core(Error),
    /// The core panicked (a bug): reported as `PayrocError`, never as a crash or a
    /// Rust panic message.
    Panic,
    /// A Python exception to raise as it is (e.g. `KeyboardInterrupt` from a
    /// signal handler run during the call).
    Python(PyErr),
}

/// The `kind` string the Python factory maps to a class.
fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Validation => "validation",
        ErrorKind::Configuration => "configuration",
        ErrorKind::Transport => "transport",
        ErrorKind::ConnectionLost => "connection_lost",
        ErrorKind::Timeout => "timeout",
        ErrorKind::Cancelled => "cancelled",
        ErrorKind::BadRequest => "bad_request",
        ErrorKind::Unauthorized => "unauthorized",
        ErrorKind::Forbidden => "forbidden",
        ErrorKind::NotFound => "not_found",
        ErrorKind::Conflict => "conflict",
        ErrorKind::RateLimited => "rate_limited",
        ErrorKind::Server => "server",
        ErrorKind::Decode => "decode",
        _ => "api",
    }
}

/// The structured details handed to `payroc_rs._errors._from_native`.
struct Details {
    kind: &'static str,
    message: String,
    status: Option<u16>,
    problem: Option<String>,
    field_errors: Vec<(String, String, String)>,
    maybe_processed: bool,
    retryable: bool,
    idempotency_key: Option<String>,
    raw_body: Option<String>,
}

impl Failure {
    fn details(self) -> Result<Details, PyErr> {
        Ok(match self {
            Self::Core(err) => Details {
                kind: kind_name(err.kind()),
                message: err.to_string(),
                status: err.status(),
                problem: err.problem().and_then(|p| serde_json::to_string(p).ok()),
                field_errors: err
                    .field_errors()
                    .into_iter()
                    .map(|e| {
                        (
                            e.parameter.unwrap_or_default(),
                            e.message.unwrap_or_default(),
                            e.detail.unwrap_or_default(),
                        )
                    })
                    .collect(),
                maybe_processed: err.maybe_processed(),
                retryable: err.is_retryable(),
                idempotency_key: err.idempotency_key().map(str::to_owned),
                raw_body: err.raw_body().map(str::to_owned),
            },
            Self::Panic => Details {
                kind: "internal",
                message: "internal error in payroc-rs (please report it); the request may \
                          have been sent"
                    .into(),
                status: None,
                problem: None,
                field_errors: Vec::new(),
                maybe_processed: true,
                retryable: false,
                idempotency_key: None,
                raw_body: None,
            },
            Self::Python(err) => return Err(err),
        })
    }

    /// The matching `payroc_rs` exception.
    pub(crate) fn into_py(self) -> PyErr {
        let d = match self.details() {
            Ok(d) => d,
            Err(err) => return err,
        };
        Python::attach(|py| {
            let made = py
                .import("payroc_rs._errors")
                .and_then(|m| m.getattr("_from_native"))
                .and_then(|factory| {
                    factory.call1((
                        d.kind,
                        d.message.as_str(),
                        d.status,
                        d.problem,
                        d.field_errors,
                        d.maybe_processed,
                        d.retryable,
                        d.idempotency_key,
                        d.raw_body,
                    ))
                });
            match made {
                Ok(exception) => PyErr::from_value(exception),
                // A signal handler ran while the exception was being made (Ctrl-C):
                // that one wins, as it would in Python code.
                Err(err) if !err.is_instance_of::<PyException>(py) => err,
                // Only if the package itself is broken (the native module imported
                // without its Python half).
                Err(err) => PyRuntimeError::new_err(format!(
                    "payroc_rs._errors is unavailable ({err}); original error: {}",
                    d.message
                )),
            }
        })
    }
}

/// A `ConfigurationError` (bad client settings; nothing was sent).
pub(crate) fn config_error(message: String) -> PyErr {
    Failure::Core(Error::Configuration(message)).into_py()
}

/// A `ValidationError` naming one field.
pub(crate) fn validation(field: &str, message: &str, code: &'static str) -> PyErr {
    let err = payroc_core::model::ValidationError::single(field, message, code);
    Failure::Core(Error::Validation(err)).into_py()
}
