//! Results of the async clients' calls, set on their asyncio futures by one
//! deliverer thread.
//!
//! pyo3-async-runtimes' `future_into_py` takes the GIL on a thread of Tokio's
//! blocking pool for every result. With hundreds of calls in flight those threads
//! queue for the GIL one by one (a bulk run from Python reached 0.25× the Rust
//! client's throughput), and at interpreter exit one of them could still be taking
//! it while CPython finalizes, which aborts the process. Here one thread takes the
//! GIL once for every result that is ready, reads each reply into objects, and
//! hands each event loop its batch in one `call_soon_threadsafe`; after the
//! interpreter's `atexit` it never takes the GIL again ([`stop`]).

use crate::drive::{log_finished, Listed, Shape};
use crate::errors::Failure;
use crate::objects::Reply;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyTuple};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Where a call's result goes.
pub(crate) struct Target {
    pub(crate) event_loop: Py<PyAny>,
    pub(crate) future: Py<PyAny>,
    pub(crate) shape: Shape,
    /// A device wait: a result nobody awaits any more is logged, not dropped.
    pub(crate) device: bool,
}

struct Delivery {
    target: Target,
    result: Result<Option<Reply>, Failure>,
    /// Held until the result is delivered or logged.
    _listed: Option<Listed>,
}

/// Set once the interpreter is exiting: no more deliveries.
static STOPPED: AtomicBool = AtomicBool::new(false);
/// Set while the deliverer holds (or is taking) the GIL.
static ATTACHED: AtomicBool = AtomicBool::new(false);

fn queue() -> &'static Mutex<Sender<Delivery>> {
    static QUEUE: OnceLock<Mutex<Sender<Delivery>>> = OnceLock::new();
    QUEUE.get_or_init(|| {
        let (tx, rx) = channel();
        std::thread::Builder::new()
            .name("payroc-rs-deliver".into())
            .spawn(move || run(rx))
            .expect("the deliverer thread starts");
        Mutex::new(tx)
    })
}

/// Queues a call's result for its future (from any thread, without the GIL).
pub(crate) fn deliver(
    target: Target,
    result: Result<Option<Reply>, Failure>,
    listed: Option<Listed>,
) {
    let delivery = Delivery {
        target,
        result,
        _listed: listed,
    };
    // A send fails only if the deliverer is gone (it never returns): then the
    // delivery is dropped, as after the interpreter's exit.
    let _ = queue()
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .send(delivery);
}

fn run(rx: Receiver<Delivery>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        batch.extend(rx.try_iter().take(1023));
        // Announce the attach, then look: with `stop` doing the same in the other
        // order, one of the two always sees the other.
        ATTACHED.store(true, Ordering::SeqCst);
        if !STOPPED.load(Ordering::SeqCst) {
            Python::attach(|py| settle_all(py, batch));
        }
        ATTACHED.store(false, Ordering::SeqCst);
    }
}

/// Reads each reply into objects and hands each event loop its results at once.
fn settle_all(py: Python<'_>, batch: Vec<Delivery>) {
    let mut loops: Vec<(Py<PyAny>, Vec<Bound<'_, PyTuple>>)> = Vec::new();
    for Delivery { target, result, .. } in batch {
        let future = target.future.bind(py);
        if future
            .call_method0("done")
            .and_then(|d| d.is_truthy())
            .unwrap_or(true)
        {
            // Cancelled: nobody waits for it. A device that finished anyway made
            // the sale, which must not go unseen.
            if let (true, Ok(Some(reply))) = (target.device, &result) {
                log_finished(py, reply.bytes());
            }
            continue;
        }
        let (value, failed) = match result.map_err(Failure::into_py) {
            Ok(reply) => match target.shape.build(py, reply) {
                Ok(value) => (value, false),
                Err(err) => (err.into_value(py).into_bound(py).into_any(), true),
            },
            Err(err) => (err.into_value(py).into_bound(py).into_any(), true),
        };
        let Ok(item) = PyTuple::new(
            py,
            [
                future.clone(),
                value,
                failed.into_pyobject(py).unwrap().to_owned().into_any(),
            ],
        ) else {
            continue;
        };
        match loops.iter_mut().find(|(l, _)| l.is(&target.event_loop)) {
            Some((_, items)) => items.push(item),
            None => loops.push((target.event_loop, vec![item])),
        }
    }
    for (event_loop, items) in loops {
        let Ok(items) = PyList::new(py, items) else {
            continue;
        };
        let settle = match settler(py) {
            Ok(settle) => settle,
            Err(err) => return err.write_unraisable(py, None),
        };
        // A closed loop refuses: its futures are gone with it.
        let _ = event_loop
            .bind(py)
            .call_method1("call_soon_threadsafe", (settle, items));
    }
}

/// `_settle`, as the callable handed to event loops.
fn settler(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static SETTLE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    SETTLE
        .get_or_try_init(py, || {
            Ok(wrap_pyfunction!(_settle, py)?.into_any().unbind())
        })
        .map(|f| f.bind(py))
}

/// On the event loop's thread: sets each `(future, value, failed)` that is still
/// pending (a future cancelled meanwhile keeps its cancellation).
#[pyfunction]
fn _settle(items: &Bound<'_, PyList>) -> PyResult<()> {
    for item in items.iter() {
        let (future, value, failed): (Bound<'_, PyAny>, Bound<'_, PyAny>, bool) = item.extract()?;
        if future.call_method0("done")?.is_truthy()? {
            continue;
        }
        let method = if failed {
            "set_exception"
        } else {
            "set_result"
        };
        future.call_method1(method, (value,))?;
    }
    Ok(())
}

/// The event loop running on this thread (`asyncio.get_running_loop()`).
pub(crate) fn running_loop(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    static GET: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let get = GET.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import("asyncio")?.getattr("get_running_loop")?.unbind())
    })?;
    get.bind(py).call0()
}

/// At the interpreter's exit (its `atexit`, while it is still whole): no delivery
/// takes the GIL from now on, and one under way is waited for (at most `bound`;
/// the GIL is released meanwhile so that it can finish).
pub(crate) fn stop(py: Python<'_>, bound: Duration) {
    STOPPED.store(true, Ordering::SeqCst);
    py.detach(|| {
        let until = Instant::now() + bound;
        while ATTACHED.load(Ordering::SeqCst) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}
