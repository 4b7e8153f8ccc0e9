//! The native half of the Python module `payroc_rs` (imported as `payroc_rs._payroc`).
//! It is deliberately thin: each call takes the operation's name, its path
//! parameters and a JSON body, runs the payroc-core call with the GIL released, and
//! hands back JSON bytes or raises the matching `payroc_rs` exception. Keyword
//! arguments, typed response objects and the exception classes live in the pure
//! Python package around it.
//!
//! # Layout
//! - `body` — request bodies from Python dicts and lists, as JSON with the API's keys.
//! - `ops` — the operations by name: parse and validate the body, call, serialize.
//! - `errors` — payroc-core errors as `payroc_rs` exceptions.
//! - this file — the classes Python sees: `NativeClient`, `NativePaytrace`,
//!   `NativePager`, `CancelToken`.
#![forbid(unsafe_code)]

mod body;
mod errors;
mod ops;

use errors::{config_error, Failure};
use ops::{Call, Output, PageSource};
use payroc_core::blocking::{BlockingClient, BlockingPaytraceClient, BlockingRuntime};
use payroc_core::retry::RetryPolicy;
use payroc_core::{CancelHandle, Environment, IdempotencyKey, RequestOptions, WaitOptions};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;
use std::time::Duration;

/// Runs `f` with the GIL released, so other Python threads run while this one waits
/// on the network. A panic in the core becomes an error, never a crash.
fn detached<F>(py: Python<'_>, f: F) -> Result<Output, Failure>
where
    F: FnOnce() -> payroc_core::Result<Output> + Send,
{
    py.detach(|| match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(Failure::Core),
        Err(_) => Err(Failure::Panic),
    })
}

fn to_bytes<'py>(py: Python<'py>, output: Output) -> Option<Bound<'py, PyBytes>> {
    output.map(|bytes| PyBytes::new(py, &bytes))
}

fn seconds(what: &str, value: Option<f64>) -> PyResult<Option<Duration>> {
    match value {
        None => Ok(None),
        Some(s) if s.is_finite() && s > 0.0 => Ok(Some(Duration::from_secs_f64(s))),
        Some(s) => Err(config_error(format!(
            "{what} must be a positive number of seconds (got {s})"
        ))),
    }
}

fn retry_policy(max_retries: Option<u32>) -> Option<RetryPolicy> {
    max_retries.map(|n| RetryPolicy {
        max_attempts: n.saturating_add(1),
        ..RetryPolicy::default()
    })
}

fn request_options(
    idempotency_key: Option<&str>,
    timeout: Option<f64>,
) -> PyResult<RequestOptions> {
    let idempotency_key = match idempotency_key {
        Some(key) => Some(IdempotencyKey::parse(key).map_err(|e| Failure::Core(e).into_py())?),
        None => None,
    };
    Ok(RequestOptions {
        idempotency_key,
        timeout: seconds("timeout", timeout)?,
    })
}

/// A cancel switch for a Cloud wait: pass it to `wait` or `run_sale`, call `cancel()`
/// from another thread (e.g. the operator pressed "cancel").
#[pyclass(module = "payroc_rs._payroc", frozen)]
struct CancelToken {
    handle: CancelHandle,
}

#[pymethods]
impl CancelToken {
    #[new]
    fn new() -> Self {
        Self {
            handle: CancelHandle::new(),
        }
    }

    /// Cancels every wait holding this token.
    fn cancel(&self) {
        self.handle.cancel();
    }

    /// Whether `cancel()` was called.
    #[getter]
    fn cancelled(&self) -> bool {
        self.handle.is_cancelled()
    }
}

/// The Payroc client: one connection pool and token cache, safe to share between
/// threads.
#[pyclass(module = "payroc_rs._payroc", frozen)]
struct NativeClient {
    inner: BlockingClient,
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (api_key, environment=None, api_url=None, identity_url=None, timeout=None, max_retries=None))]
    fn new(
        py: Python<'_>,
        api_key: String,
        environment: Option<&str>,
        api_url: Option<String>,
        identity_url: Option<String>,
        timeout: Option<f64>,
        max_retries: Option<u32>,
    ) -> PyResult<Self> {
        if api_key.trim().is_empty() {
            return Err(config_error("api_key must not be empty".into()));
        }
        let environment = match (api_url, identity_url) {
            (Some(api_url), Some(identity_url)) => Environment::Custom {
                api_url,
                identity_url,
            },
            (None, None) => {
                let name = environment.unwrap_or("uat");
                Environment::from_name(name).ok_or_else(|| {
                    config_error(format!(
                        "environment must be \"uat\" or \"production\" (got {name:?})"
                    ))
                })?
            }
            _ => {
                return Err(config_error(
                    "api_url and identity_url go together: give both or neither".into(),
                ))
            }
        };
        let mut builder = payroc_core::Client::builder()
            .api_key(api_key)
            .environment(environment);
        if let Some(t) = seconds("timeout", timeout)? {
            builder = builder.request_timeout(t);
        }
        if let Some(policy) = retry_policy(max_retries) {
            builder = builder.retry_policy(policy);
        }
        let inner = py
            .detach(|| BlockingClient::new(builder))
            .map_err(|e| Failure::Core(e).into_py())?;
        Ok(Self { inner })
    }

    /// The API base URL in use.
    #[getter]
    fn api_url(&self) -> String {
        self.inner.client().api_url().to_owned()
    }

    /// Runs operation `op` with path parameters `ids` and JSON `body`; returns the
    /// response as JSON bytes (`None` for calls without a body, like deletes).
    #[pyo3(signature = (op, ids, body=None, idempotency_key=None, timeout=None, deadline=None, cancel_on_deadline=true, cancel=None))]
    #[allow(clippy::too_many_arguments)]
    fn call<'py>(
        &self,
        py: Python<'py>,
        op: &str,
        ids: Vec<String>,
        body: Option<&[u8]>,
        idempotency_key: Option<&str>,
        timeout: Option<f64>,
        deadline: Option<f64>,
        cancel_on_deadline: bool,
        cancel: Option<PyRef<'_, CancelToken>>,
    ) -> PyResult<Option<Bound<'py, PyBytes>>> {
        let call = Call {
            op,
            ids: &ids,
            body,
            options: request_options(idempotency_key, timeout)?,
            wait: WaitOptions {
                deadline: seconds("deadline", deadline)?,
                cancel_on_deadline,
                cancel: cancel.map(|c| c.handle.clone()),
                ..WaitOptions::default()
            },
        };
        let client = &self.inner;
        let output =
            detached(py, move || client.run(|c| ops::payroc(c, call))).map_err(Failure::into_py)?;
        Ok(to_bytes(py, output))
    }

    /// Starts list `op`: the filters are validated now, pages are fetched as the
    /// returned pager is read.
    #[pyo3(signature = (op, ids, query=None))]
    fn list(&self, op: &str, ids: Vec<String>, query: Option<&[u8]>) -> PyResult<NativePager> {
        let call = Call {
            op,
            ids: &ids,
            body: query,
            options: RequestOptions::default(),
            wait: WaitOptions::default(),
        };
        let source =
            ops::list(self.inner.client(), &call).map_err(|e| Failure::Core(e).into_py())?;
        Ok(NativePager {
            runtime: self.inner.runtime().clone(),
            source: Mutex::new(source),
        })
    }
}

/// One list being read, page by page.
#[pyclass(module = "payroc_rs._payroc", frozen)]
struct NativePager {
    runtime: BlockingRuntime,
    source: Mutex<Box<dyn PageSource>>,
}

#[pymethods]
impl NativePager {
    /// The next page as JSON bytes, or `None` after the last.
    fn next_page<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyBytes>>> {
        let output = detached(py, || {
            // A poisoned lock means an earlier page panicked; the pager then holds
            // no half-made state worth protecting, so reading on is safe.
            let mut source = self.source.lock().unwrap_or_else(|p| p.into_inner());
            self.runtime.block_on(source.next_page())
        })
        .map_err(Failure::into_py)?;
        Ok(to_bytes(py, output))
    }
}

/// The PayTrace recurring-payments client.
#[pyclass(module = "payroc_rs._payroc", frozen)]
struct NativePaytrace {
    inner: BlockingPaytraceClient,
}

#[pymethods]
impl NativePaytrace {
    #[new]
    #[pyo3(signature = (username, password, base_url=None, integrator_id=None, permalinks=None, timeout=None, max_retries=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        username: String,
        password: String,
        base_url: Option<String>,
        integrator_id: Option<String>,
        permalinks: Option<String>,
        timeout: Option<f64>,
        max_retries: Option<u32>,
    ) -> PyResult<Self> {
        let mut builder = payroc_core::PaytraceClient::builder().credentials(username, password);
        if let Some(url) = base_url {
            builder = builder.base_url(url);
        }
        if let Some(id) = integrator_id {
            builder = builder.integrator_id(id);
        }
        if let Some(p) = permalinks {
            builder = builder.permalinks(p);
        }
        if let Some(t) = seconds("timeout", timeout)? {
            builder = builder.request_timeout(t);
        }
        if let Some(policy) = retry_policy(max_retries) {
            builder = builder.retry_policy(policy);
        }
        let inner = py
            .detach(|| BlockingPaytraceClient::new(builder, BlockingRuntime::new()?))
            .map_err(|e| Failure::Core(e).into_py())?;
        Ok(Self { inner })
    }

    /// Runs PayTrace operation `op`; returns the response as JSON bytes.
    #[pyo3(signature = (op, ids, body=None))]
    fn call<'py>(
        &self,
        py: Python<'py>,
        op: &str,
        ids: Vec<String>,
        body: Option<&[u8]>,
    ) -> PyResult<Option<Bound<'py, PyBytes>>> {
        let call = Call {
            op,
            ids: &ids,
            body,
            options: RequestOptions::default(),
            wait: WaitOptions::default(),
        };
        let client = &self.inner;
        let output = detached(py, move || client.run(|c| ops::paytrace(c, call)))
            .map_err(Failure::into_py)?;
        Ok(to_bytes(py, output))
    }
}

/// The native module.
#[pymodule]
fn _payroc(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<NativeClient>()?;
    m.add_class::<NativePaytrace>()?;
    m.add_class::<NativePager>()?;
    m.add_class::<CancelToken>()?;
    m.add_function(wrap_pyfunction!(body::request_body, m)?)?;
    Ok(())
}
