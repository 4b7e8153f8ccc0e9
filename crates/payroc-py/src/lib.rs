//! The native half of the Python module `payroc_rs` (imported as `payroc_rs._payroc`).
//! It is deliberately thin: each call takes the operation's name, its path
//! parameters and a JSON body, runs the payroc-core call with the GIL released, and
//! hands back JSON bytes or raises the matching `payroc_rs` exception; replies are
//! read into `PayrocObject`s here too. Keyword arguments, the response classes'
//! behaviour and the exception classes live in the pure Python package around it.
//!
//! # Layout
//! - `body` — request bodies from Python dicts and lists, as JSON with the API's keys.
//! - `objects` — replies as `PayrocObject`s, read straight from the server's JSON.
//! - `errors` — payroc-core errors as `payroc_rs` exceptions.
//! - `bridge` — the async clients' results set on their asyncio futures, by one thread.
//! - `drive` — running a call: blocking (GIL released, Ctrl-C honoured) or as an
//!   asyncio awaitable (Tokio futures bridged by pyo3-async-runtimes).
//! - this file — the classes Python sees: `NativeClient`, `NativeAsyncClient`,
//!   `NativePaytrace`, `NativeAsyncPaytrace`, `NativePager`, `CancelToken`.
#![forbid(unsafe_code)]

mod body;
mod bridge;
mod drive;
mod errors;
mod objects;
mod webhook;

use drive::{Shape, Switches};
use errors::{config_error, Failure};
use payroc_core::blocking::BlockingRuntime;
use payroc_core::operations::{JsonCall, JsonPager, JsonReply};
use payroc_core::retry::RetryPolicy;
use payroc_core::{
    CancelHandle, Client, Environment, IdempotencyKey, PaytraceClient, RequestOptions, WaitOptions,
};
use payroc_model::attachment::FileUpload;
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyString, PyType};
use serde_json::{Map, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::Duration;

/// The module's allocations come from mimalloc, not from the malloc CPython shares
/// (BENCHMARKS.md: the same call allocated several times slower there).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A reply read as one object of `cls`; without a class, as a plain `PayrocObject`.
fn shape(py: Python<'_>, cls: Option<Bound<'_, PyType>>) -> PyResult<Shape> {
    let class = match cls {
        Some(cls) => cls.unbind(),
        None => py.get_type::<objects::PayrocObject>().unbind(),
    };
    Ok(Shape::Object(class))
}

/// A call's path parameters and helper arguments, by the API's names: strings,
/// integers (PayTrace's ids) and booleans.
fn call_args(args: Option<&Bound<'_, PyDict>>) -> PyResult<Map<String, Value>> {
    let mut out = Map::new();
    for (key, value) in args.into_iter().flat_map(|d| d.iter()) {
        let key: String = key.extract()?;
        let value = if value.is_none() {
            Value::Null
        } else if let Ok(s) = value.cast::<PyString>() {
            Value::String(s.to_cow()?.into_owned())
        } else if let Ok(b) = value.cast::<PyBool>() {
            Value::Bool(b.is_true())
        } else if value.is_instance_of::<PyInt>() {
            match value.extract::<i64>() {
                Ok(n) => Value::from(n),
                Err(_) => return Err(errors::validation(&key, "is out of range", "range")),
            }
        } else {
            return Err(errors::validation(&key, "must be a string", "type"));
        };
        out.insert(key, value);
    }
    Ok(out)
}

/// Whether `op` waits on a Payroc Cloud device (so abandoning it must cancel the
/// instruction there).
fn waits_on_device(op: &str) -> bool {
    matches!(
        op,
        "payment_instructions.wait"
            | "payment_instructions.run_sale"
            | "refund_instructions.wait"
            | "refund_instructions.run_refund"
            | "signature_instructions.wait"
    )
}

/// The longest timeout or deadline accepted: a year. Longer ones are surely
/// mistakes, and far longer ones overflow clocks.
const MAX_SECONDS: f64 = 365.0 * 86_400.0;

/// The most retries accepted (each waits a backoff; more is surely a mistake).
const MAX_RETRIES: u32 = 100;

/// `value` (a number of seconds) as a duration; out of range is a
/// `ConfigurationError`, never a panic or an `OverflowError`.
fn seconds(what: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Duration>> {
    let Some(value) = value else {
        return Ok(None);
    };
    let s = match value.extract::<f64>() {
        Ok(s) => s,
        Err(err) if err.is_instance_of::<PyOverflowError>(value.py()) => f64::INFINITY,
        Err(err) => return Err(err),
    };
    if s.is_finite() && s > 0.0 && s <= MAX_SECONDS {
        Ok(Some(Duration::from_secs_f64(s)))
    } else {
        Err(config_error(format!(
            "{what} must be a positive number of seconds, at most {MAX_SECONDS} (got {value})"
        )))
    }
}

fn retry_policy(max_retries: Option<&Bound<'_, PyAny>>) -> PyResult<Option<RetryPolicy>> {
    let Some(value) = max_retries else {
        return Ok(None);
    };
    let n = match value.extract::<i64>() {
        Ok(n) => u32::try_from(n).ok().filter(|n| *n <= MAX_RETRIES),
        Err(err) if err.is_instance_of::<PyOverflowError>(value.py()) => None,
        Err(err) => return Err(err),
    };
    let n = n.ok_or_else(|| {
        config_error(format!(
            "max_retries must be an integer from 0 to {MAX_RETRIES} (got {value})"
        ))
    })?;
    Ok(Some(RetryPolicy {
        max_attempts: n + 1,
        ..RetryPolicy::default()
    }))
}

/// The cap on reply bodies: a positive whole number of bytes.
fn byte_cap(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(value) = value else {
        return Ok(None);
    };
    let cap = match value.extract::<i64>() {
        Ok(n) => usize::try_from(n).ok().filter(|n| *n > 0),
        Err(err) if err.is_instance_of::<PyOverflowError>(value.py()) => None,
        Err(err) => return Err(err),
    };
    cap.map(Some).ok_or_else(|| {
        config_error(format!(
            "max_response_bytes must be a positive number of bytes (got {value})"
        ))
    })
}

fn request_options(
    idempotency_key: Option<&str>,
    timeout: Option<&Bound<'_, PyAny>>,
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

/// Runs the body of a method exposed to Python: a panic (a bug) becomes a
/// `PayrocError`, never pyo3's `PanicException`, a `BaseException` that
/// `except Exception` would miss; and on a thread with less than a megabyte of
/// stack left (`threading.stack_size(64 * 1024)`) the body runs on a stack from the
/// heap instead of overflowing (a debug build's call needs a few hundred KiB).
fn guard<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    payroc_core::blocking::with_enough_stack(|| {
        catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| Err(Failure::Panic.into_py()))
    })
}

/// Panics inside the guard; the test that proves no panic escapes calls it.
#[pyfunction]
fn _panic_for_tests() -> PyResult<()> {
    guard(|| panic!("a panic raised on purpose by payroc_rs' tests"))
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

/// The settings shared by `NativeClient` and `NativeAsyncClient`, read into a
/// payroc-core builder.
#[allow(clippy::too_many_arguments)]
fn client_builder(
    api_key: String,
    environment: Option<&str>,
    api_url: Option<String>,
    identity_url: Option<String>,
    timeout: Option<&Bound<'_, PyAny>>,
    max_retries: Option<&Bound<'_, PyAny>>,
    max_response_bytes: Option<&Bound<'_, PyAny>>,
) -> PyResult<payroc_core::ClientBuilder> {
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
    let mut builder = Client::builder().api_key(api_key).environment(environment);
    if let Some(t) = seconds("timeout", timeout)? {
        builder = builder.request_timeout(t);
    }
    if let Some(policy) = retry_policy(max_retries)? {
        builder = builder.retry_policy(policy);
    }
    if let Some(cap) = byte_cap(max_response_bytes)? {
        builder = builder.max_response_bytes(cap);
    }
    Ok(builder)
}

/// The settings of `NativePaytrace` and `NativeAsyncPaytrace`.
#[allow(clippy::too_many_arguments)]
fn paytrace_builder(
    username: String,
    password: String,
    base_url: Option<String>,
    integrator_id: Option<String>,
    permalinks: Option<String>,
    timeout: Option<&Bound<'_, PyAny>>,
    max_retries: Option<&Bound<'_, PyAny>>,
    max_response_bytes: Option<&Bound<'_, PyAny>>,
) -> PyResult<payroc_core::paytrace::PaytraceClientBuilder> {
    let mut builder = PaytraceClient::builder().credentials(username, password);
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
    if let Some(policy) = retry_policy(max_retries)? {
        builder = builder.retry_policy(policy);
    }
    if let Some(cap) = byte_cap(max_response_bytes)? {
        builder = builder.max_response_bytes(cap);
    }
    Ok(builder)
}

/// One call's inputs, owned (an awaitable outlives the Python arguments).
struct Owned {
    op: String,
    args: Map<String, Value>,
    body: Option<Vec<u8>>,
    /// A list's filters, as JSON (for a list that comes as one array).
    query: Option<Vec<u8>>,
    /// An upload's file.
    file: Option<FileUpload>,
    options: RequestOptions,
    wait: WaitOptions,
}

impl Owned {
    #[allow(clippy::too_many_arguments)]
    fn new(
        op: &str,
        args: Option<&Bound<'_, PyDict>>,
        body: Option<&[u8]>,
        query: Option<&[u8]>,
        file: Option<(String, String, Vec<u8>)>,
        idempotency_key: Option<&str>,
        timeout: Option<&Bound<'_, PyAny>>,
        deadline: Option<&Bound<'_, PyAny>>,
        cancel_on_deadline: bool,
        cancel: Option<PyRef<'_, CancelToken>>,
    ) -> PyResult<(Self, Switches)> {
        let switches = Switches::new(cancel.map(|c| c.handle.clone()), waits_on_device(op));
        let owned = Self {
            op: op.to_owned(),
            args: call_args(args)?,
            body: body.map(<[u8]>::to_vec),
            query: query.map(<[u8]>::to_vec),
            file: file
                .map(|(name, content_type, bytes)| FileUpload::new(name, content_type, bytes)),
            options: request_options(idempotency_key, timeout)?,
            wait: WaitOptions {
                deadline: seconds("deadline", deadline)?,
                cancel_on_deadline,
                cancel: Some(switches.ours.clone()),
                ..WaitOptions::default()
            },
        };
        Ok((owned, switches))
    }

    /// A call with no filters, file or Cloud wait (a PayTrace call).
    fn plain(
        op: &str,
        args: Option<&Bound<'_, PyDict>>,
        body: Option<&[u8]>,
        idempotency_key: Option<&str>,
        timeout: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let (owned, _) = Self::new(
            op,
            args,
            body,
            None,
            None,
            idempotency_key,
            timeout,
            None,
            true,
            None,
        )?;
        Ok(owned)
    }

    /// The call, its inputs moved in (nothing copied per call); its body and
    /// filters are read from the two buffers returned beside it.
    fn into_call(self) -> (String, Texts, JsonCall<'static>) {
        let call = JsonCall {
            args: self.args,
            query: None,
            body: None,
            file: self.file,
            options: self.options,
            wait: self.wait,
        };
        (self.op, (self.body, self.query), call)
    }

    async fn payroc(self, client: Client) -> payroc_core::Result<JsonReply> {
        let (op, texts, call) = self.into_call();
        client.call_json(&op, &with_texts(call, &texts)).await
    }

    async fn paytrace(self, client: PaytraceClient) -> payroc_core::Result<JsonReply> {
        let (op, texts, call) = self.into_call();
        client.call_json(&op, &with_texts(call, &texts)).await
    }
}

/// A call's JSON body and filters.
type Texts = (Option<Vec<u8>>, Option<Vec<u8>>);

/// `call` reading its body and filters from `texts`.
fn with_texts<'a>(call: JsonCall<'static>, texts: &'a Texts) -> JsonCall<'a> {
    JsonCall {
        body: texts.0.as_deref(),
        query: texts.1.as_deref(),
        ..call
    }
}

/// Starts list `op` on `client`: the filters are validated now.
fn pager(
    client: &Client,
    runtime: Option<BlockingRuntime>,
    op: &str,
    cls: Bound<'_, PyType>,
    args: Option<&Bound<'_, PyDict>>,
    query: Option<&[u8]>,
    timeout: Option<&Bound<'_, PyAny>>,
) -> PyResult<NativePager> {
    let call = JsonCall {
        args: call_args(args)?,
        query,
        options: request_options(None, timeout)?,
        ..JsonCall::default()
    };
    let source = client
        .pages_json(op, &call)
        .map_err(|e| Failure::Core(e).into_py())?;
    Ok(NativePager {
        runtime,
        shape: Shape::Page(cls.unbind()),
        source: Arc::new(tokio::sync::Mutex::new(source)),
    })
}

/// The Payroc client: one connection pool and token cache, safe to share between
/// threads. Each call blocks its thread (not the others: the GIL is released).
#[pyclass(module = "payroc_rs._payroc", frozen)]
struct NativeClient {
    client: Client,
    runtime: BlockingRuntime,
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (api_key, environment=None, api_url=None, identity_url=None, timeout=None, max_retries=None, max_response_bytes=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: String,
        environment: Option<&str>,
        api_url: Option<String>,
        identity_url: Option<String>,
        timeout: Option<&Bound<'_, PyAny>>,
        max_retries: Option<&Bound<'_, PyAny>>,
        max_response_bytes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        guard(|| {
            let builder = client_builder(
                api_key,
                environment,
                api_url,
                identity_url,
                timeout,
                max_retries,
                max_response_bytes,
            )?;
            py.detach(|| {
                let runtime = BlockingRuntime::new()?;
                // reqwest's pool must be created inside the runtime that drives it.
                let client = runtime.block_on(async { builder.build() })?;
                Ok(Self { client, runtime })
            })
            .map_err(|e| Failure::Core(e).into_py())
        })
    }

    /// The API base URL in use.
    #[getter]
    fn api_url(&self) -> String {
        self.client.api_url().to_owned()
    }

    /// Runs operation `op` with `args` (path parameters by the API's names), JSON
    /// `body` and `query` (a one-array list's filters); returns the reply as objects of
    /// `cls` (`None` for calls without a body, like deletes).
    #[pyo3(signature = (op, cls, args=None, body=None, idempotency_key=None, timeout=None, deadline=None, cancel_on_deadline=true, cancel=None, file=None, query=None))]
    #[allow(clippy::too_many_arguments)]
    fn call<'py>(
        &self,
        py: Python<'py>,
        op: &str,
        cls: Option<Bound<'_, PyType>>,
        args: Option<&Bound<'_, PyDict>>,
        body: Option<&[u8]>,
        idempotency_key: Option<&str>,
        timeout: Option<&Bound<'_, PyAny>>,
        deadline: Option<&Bound<'_, PyAny>>,
        cancel_on_deadline: bool,
        cancel: Option<PyRef<'_, CancelToken>>,
        file: Option<(String, String, Vec<u8>)>,
        query: Option<&[u8]>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let shape = shape(py, cls)?;
            let (owned, switches) = Owned::new(
                op,
                args,
                body,
                query,
                file,
                idempotency_key,
                timeout,
                deadline,
                cancel_on_deadline,
                cancel,
            )?;
            let fut = owned.payroc(self.client.clone());
            let output =
                drive::blocking(py, &self.runtime, switches, fut).map_err(Failure::into_py)?;
            shape.build(py, output)
        })
    }

    /// Starts list `op`: the filters are validated now, pages are fetched as the
    /// returned pager is read.
    #[pyo3(signature = (op, cls, args=None, query=None, timeout=None))]
    fn list(
        &self,
        op: &str,
        cls: Bound<'_, PyType>,
        args: Option<&Bound<'_, PyDict>>,
        query: Option<&[u8]>,
        timeout: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativePager> {
        guard(|| {
            let runtime = Some(self.runtime.clone());
            pager(&self.client, runtime, op, cls, args, query, timeout)
        })
    }
}

/// The Payroc client for asyncio: each call is a Tokio future on a multi-thread
/// runtime, awaited by asyncio (no Python thread waits on it).
#[pyclass(module = "payroc_rs._payroc", frozen)]
struct NativeAsyncClient {
    client: Client,
}

#[pymethods]
impl NativeAsyncClient {
    #[new]
    #[pyo3(signature = (api_key, environment=None, api_url=None, identity_url=None, timeout=None, max_retries=None, max_response_bytes=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: String,
        environment: Option<&str>,
        api_url: Option<String>,
        identity_url: Option<String>,
        timeout: Option<&Bound<'_, PyAny>>,
        max_retries: Option<&Bound<'_, PyAny>>,
        max_response_bytes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        guard(|| {
            let builder = client_builder(
                api_key,
                environment,
                api_url,
                identity_url,
                timeout,
                max_retries,
                max_response_bytes,
            )?;
            let client = py
                .detach(|| {
                    // Built inside the runtime whose threads drive its connections.
                    let _inside = pyo3_async_runtimes::tokio::get_runtime().enter();
                    builder.build()
                })
                .map_err(|e| Failure::Core(e).into_py())?;
            Ok(Self { client })
        })
    }

    /// The API base URL in use.
    #[getter]
    fn api_url(&self) -> String {
        self.client.api_url().to_owned()
    }

    /// Operation `op` as an awaitable of its reply's objects (or `None`). Must be
    /// called from a coroutine; the request starts at once.
    #[pyo3(signature = (op, cls, args=None, body=None, idempotency_key=None, timeout=None, deadline=None, cancel_on_deadline=true, cancel=None, file=None, query=None))]
    #[allow(clippy::too_many_arguments)]
    fn call<'py>(
        &self,
        py: Python<'py>,
        op: &str,
        cls: Option<Bound<'_, PyType>>,
        args: Option<&Bound<'_, PyDict>>,
        body: Option<&[u8]>,
        idempotency_key: Option<&str>,
        timeout: Option<&Bound<'_, PyAny>>,
        deadline: Option<&Bound<'_, PyAny>>,
        cancel_on_deadline: bool,
        cancel: Option<PyRef<'_, CancelToken>>,
        file: Option<(String, String, Vec<u8>)>,
        query: Option<&[u8]>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let shape = shape(py, cls)?;
            let (owned, switches) = Owned::new(
                op,
                args,
                body,
                query,
                file,
                idempotency_key,
                timeout,
                deadline,
                cancel_on_deadline,
                cancel,
            )?;
            drive::awaitable(py, switches, shape, owned.payroc(self.client.clone()))
        })
    }

    /// Starts list `op`; read its pages with `next_page_async`.
    #[pyo3(signature = (op, cls, args=None, query=None, timeout=None))]
    fn list(
        &self,
        op: &str,
        cls: Bound<'_, PyType>,
        args: Option<&Bound<'_, PyDict>>,
        query: Option<&[u8]>,
        timeout: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativePager> {
        guard(|| pager(&self.client, None, op, cls, args, query, timeout))
    }
}

/// One list being read, page by page.
#[pyclass(module = "payroc_rs._payroc", frozen)]
struct NativePager {
    /// The blocking client's runtime; `None` for the async client's pagers.
    runtime: Option<BlockingRuntime>,
    /// Each page's items as objects of the list's class.
    shape: Shape,
    source: Arc<tokio::sync::Mutex<JsonPager>>,
}

#[pymethods]
impl NativePager {
    /// The next page's items, or `None` after the last (blocking client).
    fn next_page<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let Some(runtime) = &self.runtime else {
                return Err(config_error(
                    "this pager belongs to an AsyncClient: read it with `async for`".into(),
                ));
            };
            let source = self.source.clone();
            let fut = async move { source.lock().await.next_page().await };
            let output = drive::blocking(py, runtime, Switches::new(None, false), fut)
                .map_err(Failure::into_py)?;
            self.shape.build(py, output)
        })
    }

    /// The next page's items as an awaitable (async client).
    fn next_page_async<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            if self.runtime.is_some() {
                return Err(config_error(
                    "this pager belongs to a blocking Client: read it with `for`".into(),
                ));
            }
            let source = self.source.clone();
            let fut = async move { source.lock().await.next_page().await };
            drive::awaitable(
                py,
                Switches::new(None, false),
                self.shape.clone_ref(py),
                fut,
            )
        })
    }
}

/// The PayTrace recurring-payments client, blocking.
#[pyclass(module = "payroc_rs._payroc", frozen)]
struct NativePaytrace {
    client: PaytraceClient,
    runtime: BlockingRuntime,
}

#[pymethods]
impl NativePaytrace {
    #[new]
    #[pyo3(signature = (username, password, base_url=None, integrator_id=None, permalinks=None, timeout=None, max_retries=None, max_response_bytes=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        username: String,
        password: String,
        base_url: Option<String>,
        integrator_id: Option<String>,
        permalinks: Option<String>,
        timeout: Option<&Bound<'_, PyAny>>,
        max_retries: Option<&Bound<'_, PyAny>>,
        max_response_bytes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        guard(|| {
            let builder = paytrace_builder(
                username,
                password,
                base_url,
                integrator_id,
                permalinks,
                timeout,
                max_retries,
                max_response_bytes,
            )?;
            py.detach(|| {
                let runtime = BlockingRuntime::new()?;
                let client = runtime.block_on(async { builder.build() })?;
                Ok(Self { client, runtime })
            })
            .map_err(|e| Failure::Core(e).into_py())
        })
    }

    /// Runs PayTrace operation `op`; returns the response as JSON bytes.
    #[pyo3(signature = (op, cls, args=None, body=None, idempotency_key=None, timeout=None))]
    #[allow(clippy::too_many_arguments)]
    fn call<'py>(
        &self,
        py: Python<'py>,
        op: &str,
        cls: Option<Bound<'_, PyType>>,
        args: Option<&Bound<'_, PyDict>>,
        body: Option<&[u8]>,
        idempotency_key: Option<&str>,
        timeout: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let shape = shape(py, cls)?;
            let owned = Owned::plain(op, args, body, idempotency_key, timeout)?;
            let fut = owned.paytrace(self.client.clone());
            let output = drive::blocking(py, &self.runtime, Switches::new(None, false), fut)
                .map_err(Failure::into_py)?;
            shape.build(py, output)
        })
    }
}

/// The PayTrace client for asyncio.
#[pyclass(module = "payroc_rs._payroc", frozen)]
struct NativeAsyncPaytrace {
    client: PaytraceClient,
}

#[pymethods]
impl NativeAsyncPaytrace {
    #[new]
    #[pyo3(signature = (username, password, base_url=None, integrator_id=None, permalinks=None, timeout=None, max_retries=None, max_response_bytes=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        username: String,
        password: String,
        base_url: Option<String>,
        integrator_id: Option<String>,
        permalinks: Option<String>,
        timeout: Option<&Bound<'_, PyAny>>,
        max_retries: Option<&Bound<'_, PyAny>>,
        max_response_bytes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        guard(|| {
            let builder = paytrace_builder(
                username,
                password,
                base_url,
                integrator_id,
                permalinks,
                timeout,
                max_retries,
                max_response_bytes,
            )?;
            let client = py
                .detach(|| {
                    let _inside = pyo3_async_runtimes::tokio::get_runtime().enter();
                    builder.build()
                })
                .map_err(|e| Failure::Core(e).into_py())?;
            Ok(Self { client })
        })
    }

    /// PayTrace operation `op` as an awaitable of its JSON bytes.
    #[pyo3(signature = (op, cls, args=None, body=None, idempotency_key=None, timeout=None))]
    #[allow(clippy::too_many_arguments)]
    fn call<'py>(
        &self,
        py: Python<'py>,
        op: &str,
        cls: Option<Bound<'_, PyType>>,
        args: Option<&Bound<'_, PyDict>>,
        body: Option<&[u8]>,
        idempotency_key: Option<&str>,
        timeout: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let shape = shape(py, cls)?;
            let owned = Owned::plain(op, args, body, idempotency_key, timeout)?;
            let fut = owned.paytrace(self.client.clone());
            drive::awaitable(py, Switches::new(None, false), shape, fut)
        })
    }
}

/// Every operation's name, in the table's order: the attribute paths of `Client`
/// (and `PaytraceClient`, for `recurrences.*`), the same names as C's.
#[pyfunction]
fn operations() -> Vec<&'static str> {
    payroc_core::operations::OPERATIONS
        .iter()
        .map(|op| op.name)
        .collect()
}

/// The native module.
#[pymodule]
fn _payroc(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // The runtime of the async clients: Tokio's multi-thread scheduler, its threads
    // named so they are recognisable in a process listing. Built on first use.
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    runtime.enable_all().thread_name("payroc-rs-io");
    pyo3_async_runtimes::tokio::init(runtime);
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<NativeClient>()?;
    m.add_class::<NativeAsyncClient>()?;
    m.add_class::<NativePaytrace>()?;
    m.add_class::<NativeAsyncPaytrace>()?;
    m.add_class::<NativePager>()?;
    m.add_class::<CancelToken>()?;
    m.add_class::<objects::PayrocObject>()?;
    m.add_function(wrap_pyfunction!(objects::build_py, m)?)?;
    m.add_function(wrap_pyfunction!(objects::build_page_py, m)?)?;
    m.add_function(wrap_pyfunction!(body::request_body, m)?)?;
    m.add_function(wrap_pyfunction!(operations, m)?)?;
    m.add_function(wrap_pyfunction!(webhook::webhook_verify, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    let exiting = wrap_pyfunction!(drive::_interpreter_exiting, m)?;
    m.py()
        .import("atexit")?
        .call_method1("register", (exiting,))?;
    Ok(())
}
