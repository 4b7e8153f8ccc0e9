//! The blocking facade, for callers without an async runtime (the C and Python
//! bindings use it). Its Tokio runtime has no threads of its own: a call drives the
//! network and timers on the thread that makes it, so a call hands nothing to
//! another thread and back. Any number of threads may block on calls at once: one of
//! them drives the I/O for all while the others' calls progress on their own threads.
//!
//! It has the async client's resources and methods, each call blocking:
//!
//! ```no_run
//! use payroc_core::blocking::BlockingClient;
//! # fn demo(request: payroc_core::model::payment::PaymentRequest) -> payroc_core::Result<()> {
//! let client = BlockingClient::new(payroc_core::Client::builder().api_key("key"))?;
//! let payment = client.payments().create(&request)?;
//! # Ok(()) }
//! ```

use crate::client::{Client, RequestOptions};
use crate::config::ClientBuilder;
use crate::error::{Error, Result};
use crate::operations::{
    BlockingPaymentInstructions, BlockingRefundInstructions, BlockingSignatureInstructions,
    JsonCall, JsonReply,
};
use crate::pager::Pager;
use crate::paytrace::PaytraceClient;
use crate::repeat::{FirstPayment, RepeatPaymentSeries};
use crate::resources::cloud::{CloudSale, WaitOptions};
use payroc_model::cloud::{
    PaymentInstruction, PaymentInstructionRequest, RefundInstruction, RefundInstructionRequest,
    SignatureInstruction,
};
use payroc_model::common::CustomField;
use payroc_model::page::Paginated;
use payroc_model::payment::{Payment, PaymentOrderRequest, PaymentRequest, ProcessingModel};
use payroc_model::refund::RetrievedRefund;
use serde::de::DeserializeOwned;
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

    /// Fetches a token now if none is cached (calls do this lazily by themselves).
    pub fn authenticate(&self) -> Result<()> {
        self.runtime.block_on(self.client.authenticate())
    }

    /// Runs the operation named `name` with JSON arguments and waits for it (see
    /// [`Client::call_json`]).
    pub fn call_json(&self, name: &str, call: &JsonCall<'_>) -> Result<JsonReply> {
        self.runtime.block_on(self.client.call_json(name, call))
    }

    /// Repeat payments scheduled by your own software (standing instructions).
    pub fn repeat_payments(&self) -> BlockingRepeatPayments<'_> {
        BlockingRepeatPayments {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

/// [`RepeatPayments`](crate::repeat::RepeatPayments), blocking.
#[derive(Debug)]
pub struct BlockingRepeatPayments<'a> {
    client: &'a BlockingClient,
    options: RequestOptions,
}

impl BlockingRepeatPayments<'_> {
    /// Uses these options (your idempotency key, a timeout) for the next call.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// See [`RepeatPayments::start`](crate::repeat::RepeatPayments::start).
    pub fn start(
        &self,
        request: PaymentRequest,
        processing_model: ProcessingModel,
    ) -> Result<FirstPayment> {
        let client = self.client.client();
        let handle = client.repeat_payments().options(self.options.clone());
        self.client
            .runtime
            .block_on(handle.start(request, processing_model))
    }

    /// See [`RepeatPayments::charge`](crate::repeat::RepeatPayments::charge).
    pub fn charge(
        &self,
        series: &RepeatPaymentSeries,
        order: PaymentOrderRequest,
        custom_fields: Vec<CustomField>,
    ) -> Result<Payment> {
        let client = self.client.client();
        let handle = client.repeat_payments().options(self.options.clone());
        self.client
            .runtime
            .block_on(handle.charge(series, order, custom_fields))
    }
}

impl BlockingPaymentInstructions<'_> {
    /// See [`PaymentInstructions::wait`](crate::operations::PaymentInstructions::wait).
    pub fn wait(
        &self,
        payment_instruction_id: &str,
        options: &WaitOptions,
    ) -> Result<PaymentInstruction> {
        let handle = self.handle();
        self.client
            .runtime
            .block_on(handle.wait(payment_instruction_id, options))
    }

    /// See [`PaymentInstructions::run_sale`](crate::operations::PaymentInstructions::run_sale).
    pub fn run_sale(
        &self,
        serial_number: &str,
        request: &PaymentInstructionRequest,
        options: &WaitOptions,
    ) -> Result<CloudSale> {
        let handle = self.handle();
        self.client
            .runtime
            .block_on(handle.run_sale(serial_number, request, options))
    }
}

impl BlockingRefundInstructions<'_> {
    /// See [`RefundInstructions::wait`](crate::operations::RefundInstructions::wait).
    pub fn wait(
        &self,
        refund_instruction_id: &str,
        options: &WaitOptions,
    ) -> Result<RefundInstruction> {
        let handle = self.handle();
        self.client
            .runtime
            .block_on(handle.wait(refund_instruction_id, options))
    }

    /// See [`RefundInstructions::run_refund`](crate::operations::RefundInstructions::run_refund).
    pub fn run_refund(
        &self,
        serial_number: &str,
        request: &RefundInstructionRequest,
        options: &WaitOptions,
    ) -> Result<(RefundInstruction, Option<RetrievedRefund>)> {
        let handle = self.handle();
        self.client
            .runtime
            .block_on(handle.run_refund(serial_number, request, options))
    }
}

impl BlockingSignatureInstructions<'_> {
    /// See [`SignatureInstructions::wait`](crate::operations::SignatureInstructions::wait).
    pub fn wait(
        &self,
        signature_instruction_id: &str,
        options: &WaitOptions,
    ) -> Result<SignatureInstruction> {
        let handle = self.handle();
        self.client
            .runtime
            .block_on(handle.wait(signature_instruction_id, options))
    }
}

/// A [`Pager`] read by blocking: an iterator of items, or page by page.
#[derive(Debug)]
pub struct BlockingPager<T> {
    pager: Pager<T>,
    runtime: BlockingRuntime,
}

impl<T: DeserializeOwned + Send + 'static> BlockingPager<T> {
    pub(crate) fn new(pager: Pager<T>, runtime: BlockingRuntime) -> Self {
        Self { pager, runtime }
    }

    /// The next page, or `None` after the last.
    pub fn next_page(&mut self) -> Result<Option<Paginated<T>>> {
        self.runtime.block_on(self.pager.next_page())
    }
}

impl<T: DeserializeOwned + Send + 'static> Iterator for BlockingPager<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        self.runtime.block_on(self.pager.next_item()).transpose()
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

    /// The async client underneath.
    pub fn client(&self) -> &PaytraceClient {
        &self.client
    }

    /// The runtime.
    pub fn runtime(&self) -> &BlockingRuntime {
        &self.runtime
    }

    /// Runs the PayTrace operation named `name` with JSON arguments and waits for it.
    pub fn call_json(&self, name: &str, call: &JsonCall<'_>) -> Result<JsonReply> {
        self.runtime.block_on(self.client.call_json(name, call))
    }
}
