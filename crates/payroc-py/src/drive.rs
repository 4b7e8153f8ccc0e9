//! Running a payroc-core future for Python, two ways.
//!
//! - Blocking (`Client`): on the facade's current-thread runtime, on the calling
//!   thread, with the GIL released. Every [`SIGNAL_POLL`] the wait takes the GIL for a
//!   moment to run Python's signal handlers, so Ctrl-C raises `KeyboardInterrupt`
//!   during a call instead of after it.
//! - Awaitable (`AsyncClient`): spawned on the multi-thread runtime that
//!   pyo3-async-runtimes drives, as an asyncio future of the caller's event loop
//!   that [`crate::bridge`] resolves. No Python thread waits; cancelling the
//!   asyncio task drops the call.
//!
//! Either way, a Cloud wait (`wait`, `run_sale`, `run_refund`) that is abandoned —
//! Ctrl-C, or the asyncio task cancelled — is first cancelled on the device: its own
//! cancel switch is triggered and the core's cancel path runs (bounded), so the
//! device stops asking for a card. Any other call is simply dropped.

use crate::errors::Failure;
use crate::objects::Reply;
use payroc_core::blocking::BlockingRuntime;
use payroc_core::model::secret::redact;
use payroc_core::operations::JsonReply as Output;
use payroc_core::CancelHandle;
use pyo3::prelude::*;
use pyo3::types::PyType;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;
use tokio::task::AbortHandle;
use tokio::time::MissedTickBehavior;

/// How often a blocking call looks for pending signals (Ctrl-C).
pub(crate) const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// How long an interrupted Cloud wait may take to cancel its instruction before
/// the interrupt is raised anyway (the core bounds the cancel request itself).
pub(crate) const CANCEL_BOUND: Duration = Duration::from_secs(3);

/// The cancel switches of one call: ours (triggered when the caller abandons the
/// call) and, when given, the caller's `CancelToken`, relayed to ours.
pub(crate) struct Switches {
    pub(crate) ours: CancelHandle,
    pub(crate) theirs: Option<CancelHandle>,
    /// Whether the call waits on a device, so abandoning it cancels the instruction.
    pub(crate) device: bool,
}

impl Switches {
    pub(crate) fn new(theirs: Option<CancelHandle>, device: bool) -> Self {
        Self {
            ours: CancelHandle::new(),
            theirs,
            device,
        }
    }
}

/// `fut`, with the caller's cancel switch relayed to ours.
async fn relayed<F: Future>(fut: F, ours: CancelHandle, theirs: Option<CancelHandle>) -> F::Output {
    let Some(theirs) = theirs else {
        return fut.await;
    };
    if theirs.is_cancelled() {
        ours.cancel(); // before the first poll: nothing is submitted
        return fut.await;
    }
    let mut fut = pin!(fut);
    tokio::select! {
        biased;
        () = theirs.cancelled() => ours.cancel(),
        out = &mut fut => return out,
    }
    fut.await
}

/// Set by an `atexit` hook: the interpreter is shutting down. A daemon thread still
/// waiting in a call must not take the GIL then (CPython ends such a thread from
/// inside the attach, through our frames), so the waits stop looking for signals.
static EXITING: AtomicBool = AtomicBool::new(false);

/// Registered with `atexit` by the module: stops the signal checks, and cancels
/// the device waits of async calls still running (abandoned ones are cancelling
/// already), waiting at most [`CANCEL_BOUND`] for them to cancel their instruction:
/// a script that ends right after abandoning a sale does not leave the device
/// asking for a card.
#[pyfunction]
pub(crate) fn _interpreter_exiting(py: Python<'_>) {
    EXITING.store(true, Ordering::SeqCst);
    for (_, ours) in device_waits().iter() {
        ours.cancel();
    }
    py.detach(|| {
        let until = std::time::Instant::now() + CANCEL_BOUND;
        while !device_waits().is_empty() && std::time::Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
    });
    crate::bridge::stop(py, CANCEL_BOUND);
}

/// Pending signals' handlers, run with the GIL; `Err` is what one raised.
fn signals() -> PyResult<()> {
    if EXITING.load(Ordering::SeqCst) {
        return Ok(());
    }
    Python::try_attach(|py| py.check_signals()).unwrap_or(Ok(()))
}

/// Adds to `interrupt` (Python 3.11+ shows notes with the traceback) the result of
/// a Cloud call that finished on the device although it was interrupted (the cancel
/// was answered 409), so a charge is never hidden behind a `KeyboardInterrupt`.
fn note(interrupt: &PyErr, json: &[u8]) {
    let text = format!(
        "payroc_rs: the interrupted call finished on the device before it could be \
         cancelled (it was not cancelled); its result: {}",
        redact(&String::from_utf8_lossy(json))
    );
    Python::attach(|py| {
        // Python < 3.11 has no notes: the interrupt is raised without one.
        let _ = interrupt.value(py).call_method1("add_note", (text,));
    });
}

/// Runs `fut` to completion on `runtime` with the GIL released, raising what a
/// signal handler raises (`KeyboardInterrupt`) within [`SIGNAL_POLL`]. A panic in
/// the core becomes an error, never a crash. The reply is indexed for reading
/// before the GIL is taken back.
pub(crate) fn blocking<F>(
    py: Python<'_>,
    runtime: &BlockingRuntime,
    switches: Switches,
    fut: F,
) -> Result<Option<Reply>, Failure>
where
    F: Future<Output = payroc_core::Result<Output>> + Send,
{
    let Switches {
        ours,
        theirs,
        device,
    } = switches;
    // On the heap once: the core's futures are kilobytes, copied at every wrapping.
    let fut = Box::pin(fut);
    let work = async move {
        let mut fut = pin!(relayed(fut, ours.clone(), theirs));
        // The first check one period in. (Not `interval`'s immediate first tick:
        // Tokio rounds a deadline up to its next millisecond, so awaiting it would
        // add ~1 ms to every call.)
        let first = tokio::time::Instant::now() + SIGNAL_POLL;
        let mut tick = tokio::time::interval_at(first, SIGNAL_POLL);
        tick.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let interrupt = loop {
            tokio::select! {
                biased;
                out = &mut fut => return out.map_err(Failure::Core),
                _ = tick.tick() => if let Err(err) = signals() {
                    break err;
                },
            }
        };
        if device {
            // Cancel the instruction on the device before raising; a second
            // interrupt stops waiting for that too.
            ours.cancel();
            let finished = tokio::time::timeout(CANCEL_BOUND, async {
                loop {
                    tokio::select! {
                        biased;
                        out = &mut fut => return Some(out),
                        _ = tick.tick() => if signals().is_err() {
                            return None;
                        },
                    }
                }
            })
            .await;
            if let Ok(Some(Ok(Some(json)))) = finished {
                // The device finished before the cancel reached it (the cancel was
                // answered 409): the sale happened. Say so on the interrupt.
                note(&interrupt, &json);
            }
        }
        Err(Failure::Python(interrupt))
    };
    py.detach(
        || match catch_unwind(AssertUnwindSafe(|| runtime.block_on(work))) {
            Ok(result) => result.map(|reply| reply.map(Reply::new)),
            Err(_) => Err(Failure::Panic),
        },
    )
}

/// How a reply becomes Python objects: one object of a class, or a page's items.
pub(crate) enum Shape {
    /// The reply is one `PayrocObject` of this class (or a list of them).
    Object(Py<PyType>),
    /// The reply is a page: its `data` items as objects of this class.
    Page(Py<PyType>),
}

impl Shape {
    /// Another handle on the same class.
    pub(crate) fn clone_ref(&self, py: Python<'_>) -> Self {
        match self {
            Self::Object(class) => Self::Object(class.clone_ref(py)),
            Self::Page(class) => Self::Page(class.clone_ref(py)),
        }
    }

    /// The reply's objects; `None` (no content, or no page after the last) as `None`.
    pub(crate) fn build<'py>(
        &self,
        py: Python<'py>,
        reply: Option<Reply>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let Some(json) = reply else {
            return Ok(py.None().into_bound(py));
        };
        match self {
            Self::Object(class) => crate::objects::build(py, json, class.bind(py)),
            Self::Page(class) => {
                Ok(crate::objects::build_page(py, json, class.bind(py))?.into_any())
            }
        }
    }
}

/// The device waits of async calls still running, by id, with their cancel
/// switches: the interpreter's exit cancels them and waits for them (at most
/// [`CANCEL_BOUND`]).
static DEVICE_WAITS: Mutex<Vec<(u64, CancelHandle)>> = Mutex::new(Vec::new());
static NEXT_WAIT: AtomicU64 = AtomicU64::new(0);

fn device_waits() -> std::sync::MutexGuard<'static, Vec<(u64, CancelHandle)>> {
    // The list stays consistent whatever panicked while holding it.
    DEVICE_WAITS.lock().unwrap_or_else(|p| p.into_inner())
}

/// A device wait listed in [`DEVICE_WAITS`] while it runs (removed however it ends).
pub(crate) struct Listed(u64);

impl Listed {
    fn new(ours: &CancelHandle) -> Self {
        let id = NEXT_WAIT.fetch_add(1, Ordering::SeqCst);
        device_waits().push((id, ours.clone()));
        Self(id)
    }
}

impl Drop for Listed {
    fn drop(&mut self) {
        device_waits().retain(|(id, _)| *id != self.0);
    }
}

/// An awaitable call's task, stopped when its asyncio future is cancelled: a device
/// wait is cancelled through its switch and left to cancel the instruction (its
/// result, if the device finished first, is logged when delivered), anything else is
/// aborted.
struct Running {
    abort: AbortHandle,
    ours: CancelHandle,
    device: bool,
}

/// The done-callback of an awaitable's asyncio future: stops the call when the
/// future was cancelled (its task cancelled, `asyncio.wait_for` timed out).
#[pyclass(module = "payroc_rs._payroc", frozen)]
pub(crate) struct OnDone {
    running: Mutex<Option<Running>>,
}

#[pymethods]
impl OnDone {
    fn __call__(&self, future: &Bound<'_, PyAny>) -> PyResult<()> {
        let running = self
            .running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        let Some(running) = running else {
            return Ok(());
        };
        if future.call_method0("cancelled")?.is_truthy()? {
            if running.device {
                running.ours.cancel();
            } else {
                running.abort.abort();
            }
        }
        Ok(())
    }
}

/// An abandoned device wait that finished on the device anyway (its cancel was
/// answered 409: the sale was made): nobody awaits the result any more, so it is
/// logged as a warning on the `payroc_rs` logger rather than lost.
pub(crate) fn log_finished(py: Python<'_>, json: &[u8]) {
    let message = format!(
        "an abandoned Cloud call finished on the device before it could be cancelled \
         (it was not cancelled); its result: {}",
        redact(&String::from_utf8_lossy(json))
    );
    py.import("logging")
        .and_then(|logging| logging.call_method1("getLogger", ("payroc_rs",)))
        .and_then(|logger| logger.call_method1("warning", (message,)))
        .map(drop)
        .unwrap_or_else(|err| err.write_unraisable(py, None));
}

/// `fut` as an asyncio future of the running event loop, run on the
/// pyo3-async-runtimes Tokio runtime; its reply is read into objects as `shape` says
/// and set on the future by [`crate::bridge`]. Must be called from a coroutine.
pub(crate) fn awaitable<'py, F>(
    py: Python<'py>,
    switches: Switches,
    shape: Shape,
    fut: F,
) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = payroc_core::Result<Output>> + Send + 'static,
{
    let event_loop = crate::bridge::running_loop(py)?;
    let future = event_loop.call_method0("create_future")?;
    let Switches {
        ours,
        theirs,
        device,
    } = switches;
    let listed = device.then(|| Listed::new(&ours));
    let runtime = pyo3_async_runtimes::tokio::get_runtime();
    let task = runtime.spawn(relayed(fut, ours.clone(), theirs));
    let on_done = OnDone {
        running: Mutex::new(Some(Running {
            abort: task.abort_handle(),
            ours,
            device,
        })),
    };
    future.call_method1("add_done_callback", (on_done,))?;
    let target = crate::bridge::Target {
        event_loop: event_loop.unbind(),
        future: future.clone().unbind(),
        shape,
        device,
    };
    // Awaited apart from the call, so that a panic in it becomes an exception
    // rather than a future that never resolves.
    runtime.spawn(async move {
        let result = match task.await {
            Ok(result) => result
                .map(|reply| reply.map(Reply::new))
                .map_err(Failure::Core),
            Err(_) => Err(Failure::Panic),
        };
        crate::bridge::deliver(target, result, listed);
    });
    Ok(future)
}
