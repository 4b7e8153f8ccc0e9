//! The blocking facade, for callers without an async runtime (the C and Python
//! bindings use it). Its Tokio runtime has no threads of its own: a call drives the
//! network and timers on the thread that makes it, so a call hands nothing to
//! another thread and back. Any number of threads may block on calls at once: one of
//! them drives the I/O for all while the others' calls progress on their own threads.
//!
//! ```no_run
//! use payroc_core::blocking::BlockingClient;
//! # fn demo(request: payroc_core::model::payment::PaymentRequest) -> payroc_core::Result<()> {
//! let client = BlockingClient::new(payroc_core::Client::builder().api_key("key"))?;
//! let payment = client.run(|c| async move { c.payments().create(&request).await })?;
//! # Ok(()) }
//! ```

use crate::client::Client;
use crate::config::ClientBuilder;
use crate::error::{Error, Result};
use crate::paytrace::PaytraceClient;
use std::future::Future;
use std::sync::Arc;

/// The stack a blocking call may need, with room to spare: a debug build's deepest
/// call (a Cloud sale, a payment's reply parsed) used about 256 KiB.
pub const MIN_FREE_STACK: usize = 1024 * 1024;

/// The stack a blocking call gets when its thread has less than [`MIN_FREE_STACK`] left.
pub const CALL_STACK: usize = 4 * 1024 * 1024;

/// Runs `f` on this thread's stack when at least [`MIN_FREE_STACK`] of it is left,
/// else on a stack of [`CALL_STACK`] from the heap: for work entered from threads
/// whose stack size the library does not choose (C callers).
pub fn with_enough_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(MIN_FREE_STACK, CALL_STACK, f)
}

/// A runtime of its own, shared by the blocking clients made from it.
#[derive(Debug, Clone)]
pub struct BlockingRuntime {
    runtime: Arc<tokio::runtime::Runtime>,
}

impl BlockingRuntime {
    /// A runtime driven by the threads that block on it (Tokio's current-thread
    /// scheduler; several threads may block on it at once).
    pub fn new() -> Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Configuration(format!("cannot start the I/O runtime: {e}")))?;
        Ok(Self {
            runtime: Arc::new(runtime),
        })
    }

    /// Runs `future` to completion on the calling thread. When less than
    /// [`MIN_FREE_STACK`] of the thread's stack is left (a C thread made with a small
    /// stack), the call runs on a stack of [`CALL_STACK`] taken from the heap instead,
    /// so the caller's stack size does not matter.
    ///
    /// Must not be called from inside an async task (Tokio refuses to block there).
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        with_enough_stack(|| self.runtime.block_on(future))
    }
}

/// The Payroc client, blocking.
#[derive(Debug, Clone)]
pub struct BlockingClient {
    client: Client,
    runtime: BlockingRuntime,
}

impl BlockingClient {
    /// Builds the client with a runtime of its own.
    pub fn new(builder: ClientBuilder) -> Result<Self> {
        Self::with_runtime(builder, BlockingRuntime::new()?)
    }

    /// Builds the client on a shared runtime.
    pub fn with_runtime(builder: ClientBuilder, runtime: BlockingRuntime) -> Result<Self> {
        // reqwest's pool must be created inside the runtime that drives it.
        let client = runtime.block_on(async { builder.build() })?;
        Ok(Self { client, runtime })
    }

    /// The async client underneath.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The runtime.
    pub fn runtime(&self) -> &BlockingRuntime {
        &self.runtime
    }

    /// Runs one operation of the async client and waits for it:
    /// `client.run(|c| async move { c.payments().retrieve("M2MJOG6O2Y").await })`.
    pub fn run<T, F, Fut>(&self, operation: F) -> Result<T>
    where
        F: FnOnce(Client) -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let client = self.client.clone();
        self.runtime.block_on(operation(client))
    }
}

/// The PayTrace client, blocking.
#[derive(Debug, Clone)]
pub struct BlockingPaytraceClient {
    client: PaytraceClient,
    runtime: BlockingRuntime,
}

impl BlockingPaytraceClient {
    /// Wraps a built PayTrace client with a runtime.
    pub fn new(
        builder: crate::paytrace::PaytraceClientBuilder,
        runtime: BlockingRuntime,
    ) -> Result<Self> {
        let client = runtime.block_on(async { builder.build() })?;
        Ok(Self { client, runtime })
    }

    /// Runs one operation of the async client and waits for it.
    pub fn run<T, F, Fut>(&self, operation: F) -> Result<T>
    where
        F: FnOnce(PaytraceClient) -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let client = self.client.clone();
        self.runtime.block_on(operation(client))
    }
}
