//! Payroc Cloud: instructions to payment devices, waiting on them with long polls,
//! and one call that runs a whole sale on a device.

use crate::cancel::CancelHandle;
use crate::client::{path_id, Client, RequestOptions};
use crate::error::{DecodeError, Error, ErrorKind, Result};
use payroc_model::cloud::{
    Instruction, InstructionStatus, PaymentInstruction, PaymentInstructionRequest,
    RefundInstruction, RefundInstructionRequest, SignatureInstruction,
};
use payroc_model::payment::RetrievedPayment;
use payroc_model::refund::RetrievedRefund;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::time::Duration;
use tokio::time::Instant;

/// The gateway holds a poll on an `inProgress` instruction for up to about 60 s.
pub const GATEWAY_HOLD: Duration = Duration::from_secs(60);

/// A poll that comes back sooner than this while still `inProgress` means the server
/// did not hold it; the next poll then waits [`MIN_POLL_INTERVAL`] first.
const QUICK_ANSWER: Duration = Duration::from_millis(500);

/// Pause between polls of a server that does not hold long polls.
pub const MIN_POLL_INTERVAL: Duration = Duration::from_millis(250);

/// How to wait on an instruction.
#[derive(Debug, Clone)]
pub struct WaitOptions {
    /// Give up after this long (from the start of the wait). `None`: wait until the
    /// instruction ends.
    pub deadline: Option<Duration>,
    /// At the deadline, cancel the instruction on the gateway too, so the device stops
    /// asking for the card.
    pub cancel_on_deadline: bool,
    /// Stops the wait (and cancels the instruction) when triggered.
    pub cancel: Option<CancelHandle>,
    /// Time allowed for one long poll; above the gateway's hold time.
    pub poll_timeout: Duration,
}

impl Default for WaitOptions {
    fn default() -> Self {
        Self {
            deadline: None,
            cancel_on_deadline: true,
            cancel: None,
            poll_timeout: GATEWAY_HOLD + Duration::from_secs(30),
        }
    }
}

impl WaitOptions {
    /// Waits at most `deadline`, cancelling the instruction then.
    pub fn deadline(deadline: Duration) -> Self {
        Self {
            deadline: Some(deadline),
            ..Self::default()
        }
    }
}

/// Payroc Cloud operations of one client.
#[derive(Debug)]
pub struct PayrocCloud<'a> {
    client: &'a Client,
    options: RequestOptions,
}

impl Client {
    /// Payroc Cloud's link following; instructions are in
    /// [`payment_instructions`](Client::payment_instructions) and its siblings.
    pub fn payroc_cloud(&self) -> PayrocCloud<'_> {
        PayrocCloud {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

/// How a sale on a device ended.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum CloudSaleOutcome {
    /// The device finished; the payment may still be declined: check
    /// [`RetrievedPayment`]'s `transactionResult`.
    Completed(Box<RetrievedPayment>),
    /// The instruction failed on the device (`errorMessage` says why).
    Failed(Option<String>),
    /// The instruction was cancelled.
    Canceled,
    /// The gateway reported a status this SDK does not know.
    Other(InstructionStatus),
}

/// A sale run on a device: the final instruction and what it came to.
#[derive(Debug, Clone)]
pub struct CloudSale {
    /// The instruction as it ended.
    pub instruction: PaymentInstruction,
    /// The outcome.
    pub outcome: CloudSaleOutcome,
}

impl CloudSale {
    /// The payment, if the device completed the instruction.
    pub fn payment(&self) -> Option<&RetrievedPayment> {
        match &self.outcome {
            CloudSaleOutcome::Completed(payment) => Some(payment),
            _ => None,
        }
    }

    /// Whether money was authorised (fully or in part), read from the payment's
    /// `transactionResult.responseCode`.
    pub fn is_approved(&self) -> bool {
        self.payment()
            .is_some_and(|p| p.transaction_result.is_approved())
    }
}

impl PayrocCloud<'_> {
    /// Uses these options (e.g. a timeout) for calls made through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    fn instruction_url<I: Instruction>(&self, instruction_id: &str) -> Result<String> {
        let id = path_id("instructionId", instruction_id)?;
        Ok(self.client.url(&[I::COLLECTION, id], &[]))
    }

    /// Polls until the instruction ends, the deadline passes, or the wait is
    /// cancelled. Never two polls at once; each may be held by the gateway. The call
    /// returns at most [`CANCEL_GRACE`] after the deadline. If the wait is dropped
    /// before it ends (e.g. its task is cancelled), the instruction is cancelled on
    /// the gateway in the background.
    async fn wait<I: Instruction + Send>(
        &self,
        instruction_id: &str,
        options: &WaitOptions,
    ) -> Result<I> {
        let deadline = Deadline::after(options.deadline);
        let url = self.instruction_url::<I>(instruction_id)?;
        deadline
            .with_grace(self.wait_until::<I>(url, options, deadline, None), None)
            .await
    }

    async fn wait_until<I: Instruction + Send>(
        &self,
        url: String,
        options: &WaitOptions,
        deadline: Deadline,
        key: Option<&str>,
    ) -> Result<I> {
        let mut guard = CancelOnDrop {
            client: self.client.clone(),
            url: Some(url.clone()),
        };
        let never = CancelHandle::new();
        let cancel = options.cancel.as_ref().unwrap_or(&never);
        let result = loop {
            let started = Instant::now();
            let poll = self
                .client
                .get_json::<I>(url.clone(), Some(options.poll_timeout));
            let instruction = tokio::select! {
                polled = poll => match polled {
                    Ok(instruction) => instruction,
                    Err(err) => break Err(err),
                },
                () = cancel.cancelled() => {
                    break self.stop::<I>(&url, Error::Cancelled, key).await;
                }
                () = deadline.expired() => {
                    let err = Error::deadline("the instruction was still in progress at the deadline", key);
                    if options.cancel_on_deadline {
                        break self.stop::<I>(&url, err, key).await;
                    }
                    break Err(err);
                }
            };
            if instruction.is_terminal() {
                break Ok(instruction);
            }
            if started.elapsed() < QUICK_ANSWER {
                tokio::time::sleep(MIN_POLL_INTERVAL).await;
            }
        };
        guard.url = None;
        result
    }

    /// Cancels the instruction on the gateway. If it had already ended (`409`), its
    /// final state wins over the cancel: a sale that went through must be reported.
    /// A cancel that gets no answer within [`CANCEL_GRACE`] is not confirmed: the
    /// instruction may still complete, and the error says so.
    async fn stop<I: Instruction + Send>(
        &self,
        url: &str,
        reason: Error,
        key: Option<&str>,
    ) -> Result<I> {
        let stopped = async {
            match self.client.delete(url.to_owned()).await {
                Ok(()) => Err(reason),
                Err(err) if err.kind() == ErrorKind::Conflict => {
                    let instruction: I = self.client.get_json(url.to_owned(), None).await?;
                    if instruction.is_terminal() {
                        Ok(instruction)
                    } else {
                        Err(reason)
                    }
                }
                Err(err) => Err(err),
            }
        };
        match tokio::time::timeout(CANCEL_GRACE, stopped).await {
            Ok(result) => result,
            Err(_) => Err(Error::deadline(
                "the instruction's cancel was not confirmed in time; it may still complete",
                key,
            )),
        }
    }

    /// Follows a completed instruction's link to what it made. The link must point
    /// into this client's API, so the bearer token never goes anywhere else.
    pub async fn follow<T: DeserializeOwned>(&self, href: &str) -> Result<T> {
        self.client.check_link(href, "instruction's")?;
        self.client
            .get_json(href.to_owned(), self.options.timeout)
            .await
    }

    /// What a whole Cloud run settles before its submit: a cancel switch already
    /// triggered ends it with nothing submitted, its deadline starts, and the
    /// submit's idempotency key is fixed now so every error after it can name it.
    fn begin_run(&self, options: &WaitOptions) -> Result<(Deadline, PayrocCloud<'_>)> {
        if options
            .cancel
            .as_ref()
            .is_some_and(CancelHandle::is_cancelled)
        {
            return Err(Error::Cancelled);
        }
        let keyed = PayrocCloud {
            client: self.client,
            options: RequestOptions {
                idempotency_key: Some(self.options.idempotency_key.clone().unwrap_or_default()),
                ..self.options.clone()
            },
        };
        Ok((Deadline::after(options.deadline), keyed))
    }

    /// The idempotency key these options carry.
    fn key(&self) -> Option<&str> {
        self.options.idempotency_key.as_ref().map(|k| k.as_str())
    }

    /// Runs a sale on a device: submit, wait, follow the link, return the payment
    /// (approved or declined) or how the instruction ended. `options.deadline`
    /// bounds the whole call (submit included); it returns at most [`CANCEL_GRACE`]
    /// later. A cancel switch already triggered submits nothing.
    async fn run_sale(
        &self,
        serial_number: &str,
        request: &PaymentInstructionRequest,
        options: &WaitOptions,
    ) -> Result<CloudSale> {
        let (deadline, keyed) = self.begin_run(options)?;
        let key = keyed.key();
        let submitted = deadline
            .bound(
                self.client
                    .payment_instructions()
                    .options(keyed.options.clone())
                    .submit(serial_number, request),
                key,
            )
            .await?;
        deadline
            .with_grace(self.finish_sale(submitted, options, deadline, key), key)
            .await
    }

    /// A submitted sale's rest: wait for the device, follow the link to the payment.
    async fn finish_sale(
        &self,
        submitted: PaymentInstruction,
        options: &WaitOptions,
        deadline: Deadline,
        key: Option<&str>,
    ) -> Result<CloudSale> {
        let instruction: PaymentInstruction = if submitted.is_terminal() {
            submitted
        } else {
            let id = submitted.id().ok_or_else(|| {
                processed(
                    &submitted,
                    "the instruction has no paymentInstructionId",
                    key,
                )
            })?;
            let url = self.instruction_url::<PaymentInstruction>(id)?;
            self.wait_until(url, options, deadline, key).await?
        };
        let outcome = match instruction.status.clone() {
            Some(InstructionStatus::Completed) => {
                let Some(href) = instruction.resource_href() else {
                    let message = "the sale completed without a link to its payment";
                    return Err(processed(&instruction, message, key));
                };
                let payment = self.follow(href).await.map_err(|err| {
                    let message =
                        format!("the sale completed, but its payment could not be read: {err}");
                    processed(&instruction, &message, key)
                })?;
                CloudSaleOutcome::Completed(Box::new(payment))
            }
            Some(InstructionStatus::Failure) => {
                CloudSaleOutcome::Failed(instruction.error_message.clone())
            }
            Some(InstructionStatus::Canceled) => CloudSaleOutcome::Canceled,
            Some(other) => CloudSaleOutcome::Other(other),
            None => CloudSaleOutcome::Other(InstructionStatus::Unknown(String::new())),
        };
        Ok(CloudSale {
            instruction,
            outcome,
        })
    }

    /// Runs an unreferenced refund on a device: submit, wait, follow the link. The
    /// deadline bounds it as it bounds [`run_sale`](Self::run_sale).
    async fn run_refund(
        &self,
        serial_number: &str,
        request: &RefundInstructionRequest,
        options: &WaitOptions,
    ) -> Result<(RefundInstruction, Option<RetrievedRefund>)> {
        let (deadline, keyed) = self.begin_run(options)?;
        let key = keyed.key();
        let submitted = deadline
            .bound(
                self.client
                    .refund_instructions()
                    .options(keyed.options.clone())
                    .submit(serial_number, request),
                key,
            )
            .await?;
        deadline
            .with_grace(
                async {
                    let instruction: RefundInstruction = match submitted.id() {
                        Some(id) if !submitted.is_terminal() => {
                            let url = self.instruction_url::<RefundInstruction>(id)?;
                            self.wait_until(url, options, deadline, key).await?
                        }
                        _ => submitted.clone(),
                    };
                    let refund = match instruction.resource_href() {
                        Some(href) => Some(self.follow(href).await.map_err(|err| {
                            processed(
                                &instruction,
                                &format!("the refund completed, but it could not be read: {err}"),
                                key,
                            )
                        })?),
                        None => None,
                    };
                    Ok((instruction, refund))
                },
                key,
            )
            .await
    }
}

/// How long a cancel at the deadline (or from a cancel switch), and what follows it,
/// may take: a call with a deadline returns at most this much after it.
pub const CANCEL_GRACE: Duration = Duration::from_secs(2);

/// When a Cloud call must end; `None` waits as long as the instruction does.
#[derive(Debug, Clone, Copy)]
struct Deadline(Option<Instant>);

impl Deadline {
    /// `after` from now; a duration too large for the clock is no deadline.
    fn after(after: Option<Duration>) -> Self {
        Self(after.and_then(|d| Instant::now().checked_add(d)))
    }

    async fn expired(self) {
        match self.0 {
            Some(at) => tokio::time::sleep_until(at).await,
            None => std::future::pending().await,
        }
    }

    /// Runs `work` until the deadline; past it, the work is dropped and the call
    /// may or may not have reached the gateway.
    async fn bound<T>(self, work: impl Future<Output = Result<T>>, key: Option<&str>) -> Result<T> {
        match self.0 {
            Some(at) => tokio::time::timeout_at(at, work).await.unwrap_or_else(|_| {
                Err(Error::deadline(
                    "no answer from the gateway before the deadline",
                    key,
                ))
            }),
            None => work.await,
        }
    }

    /// Runs `work`, which handles the deadline itself, for at most [`CANCEL_GRACE`]
    /// past it.
    async fn with_grace<T>(
        self,
        work: impl Future<Output = Result<T>>,
        key: Option<&str>,
    ) -> Result<T> {
        match self.0.and_then(|at| at.checked_add(CANCEL_GRACE)) {
            Some(at) => tokio::time::timeout_at(at, work).await.unwrap_or_else(|_| {
                Err(Error::deadline(
                    "no answer from the gateway in time after the deadline",
                    key,
                ))
            }),
            None => work.await,
        }
    }
}

/// Cancels the instruction at `url` in the background if the wait holding it is
/// dropped before it ends (an async task cancelled, a timeout around the call). The
/// cancel is a task on the runtime the wait ran on: on a multi-thread runtime it goes
/// out at once; the blocking facade's runtime runs it during that client's next call.
struct CancelOnDrop {
    client: Client,
    url: Option<String>,
}

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        let (Some(url), Ok(runtime)) = (self.url.take(), tokio::runtime::Handle::try_current())
        else {
            return;
        };
        let client = self.client.clone();
        runtime.spawn(async move {
            if let Err(err) = client.delete(url).await {
                tracing::warn!(target: "payroc", error = %err, "cancelling an abandoned instruction failed");
            }
        });
    }
}

/// An error after the gateway accepted the instruction and it went on: the money
/// may have moved, so it says the call was processed and keeps the instruction.
fn processed<I: serde::Serialize>(instruction: &I, message: &str, key: Option<&str>) -> Error {
    let body = serde_json::to_vec(instruction).unwrap_or_default();
    let mut err =
        DecodeError::new(200, "a completed instruction's result", message).with_body(&body);
    err.processed = true;
    err.idempotency_key = key.map(str::to_owned);
    Error::Decode(Box::new(err))
}

impl crate::operations::PaymentInstructions<'_> {
    fn cloud(&self) -> PayrocCloud<'_> {
        self.client.payroc_cloud().options(self.options.clone())
    }

    /// Polls until the instruction ends, the deadline passes, or the wait is
    /// cancelled. Never two polls at once; each may be held by the gateway. The call
    /// returns at most [`CANCEL_GRACE`] after the deadline. If the wait is dropped
    /// before it ends (e.g. its task is cancelled), the instruction is cancelled on
    /// the gateway in the background.
    pub async fn wait(
        &self,
        payment_instruction_id: &str,
        options: &WaitOptions,
    ) -> Result<PaymentInstruction> {
        path_id("paymentInstructionId", payment_instruction_id)?;
        self.cloud().wait(payment_instruction_id, options).await
    }

    /// Runs a sale on a device: submit, wait, follow the link, return the payment
    /// (approved or declined) or how the instruction ended. `options.deadline`
    /// bounds the whole call (submit included); it returns at most [`CANCEL_GRACE`]
    /// later. A cancel switch already triggered submits nothing.
    pub async fn run_sale(
        &self,
        serial_number: &str,
        request: &PaymentInstructionRequest,
        options: &WaitOptions,
    ) -> Result<CloudSale> {
        self.cloud().run_sale(serial_number, request, options).await
    }
}

impl crate::operations::RefundInstructions<'_> {
    fn cloud(&self) -> PayrocCloud<'_> {
        self.client.payroc_cloud().options(self.options.clone())
    }

    /// Polls a refund instruction as
    /// [`PaymentInstructions::wait`](crate::operations::PaymentInstructions::wait) does.
    pub async fn wait(
        &self,
        refund_instruction_id: &str,
        options: &WaitOptions,
    ) -> Result<RefundInstruction> {
        path_id("refundInstructionId", refund_instruction_id)?;
        self.cloud().wait(refund_instruction_id, options).await
    }

    /// Runs an unreferenced refund on a device: submit, wait, follow the link. The
    /// deadline bounds it as it bounds a sale.
    pub async fn run_refund(
        &self,
        serial_number: &str,
        request: &RefundInstructionRequest,
        options: &WaitOptions,
    ) -> Result<(RefundInstruction, Option<RetrievedRefund>)> {
        self.cloud()
            .run_refund(serial_number, request, options)
            .await
    }
}

impl crate::operations::SignatureInstructions<'_> {
    /// Polls a signature instruction as
    /// [`PaymentInstructions::wait`](crate::operations::PaymentInstructions::wait) does.
    pub async fn wait(
        &self,
        signature_instruction_id: &str,
        options: &WaitOptions,
    ) -> Result<SignatureInstruction> {
        path_id("signatureInstructionId", signature_instruction_id)?;
        let cloud = self.client.payroc_cloud().options(self.options.clone());
        cloud.wait(signature_instruction_id, options).await
    }
}
