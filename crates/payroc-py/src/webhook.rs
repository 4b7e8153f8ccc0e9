//! `_payroc.webhook_verify`: the native half of `payroc_rs.webhooks.verify`.

use payroc_core::webhook;
use pyo3::prelude::*;
use pyo3::types::PyType;

/// Checks a notification (`secret_header`: the `Payroc-Secret` header's bytes, or
/// `None`) against `secret` in constant time and reads `body` into an object of
/// `cls`. Answers `(None, event)`, or `(code, message)` for a refusal (`code`:
/// `missing_secret`, `wrong_secret`, `malformed_body`, `no_expected_secret`), which
/// the Python side raises as its typed exception. No message holds a secret.
#[pyfunction]
pub(crate) fn webhook_verify<'py>(
    py: Python<'py>,
    secret_header: Option<&[u8]>,
    body: &[u8],
    secret: &str,
    cls: &Bound<'py, PyType>,
) -> PyResult<(Option<&'static str>, Bound<'py, PyAny>)> {
    crate::guard(|| {
        let checked =
            webhook::verify_secret(secret_header, secret).and_then(|()| webhook::parse_event(body));
        match checked {
            Ok(event) => {
                let json = serde_json::to_vec(&event).unwrap_or_default();
                Ok((
                    None,
                    crate::objects::build(py, crate::objects::Reply::new(json), cls)?,
                ))
            }
            Err(err) => Ok((
                Some(err.code()),
                pyo3::types::PyString::new(py, &err.to_string()).into_any(),
            )),
        }
    })
}
