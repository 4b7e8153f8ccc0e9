//! Payroc Cloud: instructions to payment devices, waiting on them with long polls,
//! and one call that runs a whole sale on a device.

use crate::cancel::CancelHandle;
use crate::client::{Client, RequestOptions};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Method;
use payroc_model::cloud::{
    Instruction, InstructionStatus, PaymentInstruction, PaymentInstructionRequest,
    RefundInstruction, RefundInstructionRequest, Signature, SignatureInstruction,
    SignatureInstructionRequest,
};
use payroc_model::payment::RetrievedPayment;
use payroc_model::refund::RetrievedRefund;
use serde::de::DeserializeOwned;
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
    /// Payroc Cloud: payment, refund and signature instructions to devices.
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
    /// Uses these options (e.g. your own idempotency key) for the next call.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends a payment instruction to the device (`202`: accepted, not yet done).
    pub async fn submit_payment(
        &self,
        serial_number: &str,
        request: &PaymentInstructionRequest,
    ) -> Result<PaymentInstruction> {
        let url = self
            .client
            .url(&["devices", serial_number, "payment-instructions"], &[]);
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }

    /// Sends an unreferenced refund instruction to the device.
    pub async fn submit_refund(
        &self,
        serial_number: &str,
        request: &RefundInstructionRequest,
    ) -> Result<RefundInstruction> {
        let url = self
            .client
            .url(&["devices", serial_number, "refund-instructions"], &[]);
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }

    /// Asks the device to capture a signature.
    pub async fn submit_signature(
        &self,
        serial_number: &str,
        request: &SignatureInstructionRequest,
    ) -> Result<SignatureInstruction> {
        let url = self
            .client
            .url(&["devices", serial_number, "signature-instructions"], &[]);
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }

    /// One poll of an instruction (held by the gateway while `inProgress`).
    pub async fn retrieve<I: Instruction>(&self, instruction_id: &str) -> Result<I> {
        let url = self.client.url(&[I::COLLECTION, instruction_id], &[]);
        self.client
            .get_json(url, Some(WaitOptions::default().poll_timeout))
            .await
    }

    /// Cancels an instruction that is still `inProgress` (`409` otherwise).
    pub async fn cancel<I: Instruction>(&self, instruction_id: &str) -> Result<()> {
        let url = self.client.url(&[I::COLLECTION, instruction_id], &[]);
        self.client.delete(url).await
    }

    /// Reads a captured signature.
    pub async fn signature(&self, signature_id: &str) -> Result<Signature> {
        let url = self.client.url(&["signatures", signature_id], &[]);
        self.client.get_json(url, None).await
    }

    /// Polls until the instruction ends, the deadline passes, or the wait is
    /// cancelled. Never two polls at once; each may be held by the gateway.
    pub async fn wait<I: Instruction + Send>(
        &self,
        instruction_id: &str,
        options: &WaitOptions,
    ) -> Result<I> {
        let url = self.client.url(&[I::COLLECTION, instruction_id], &[]);
        let deadline = options.deadline.map(|d| Instant::now() + d);
        let never = CancelHandle::new();
        let cancel = options.cancel.as_ref().unwrap_or(&never);
        loop {
            let started = Instant::now();
            let poll = self
                .client
                .get_json::<I>(url.clone(), Some(options.poll_timeout));
            let expired = async {
                match deadline {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending().await,
                }
            };
            let instruction = tokio::select! {
                polled = poll => polled?,
                () = cancel.cancelled() => {
                    return self.stop::<I>(instruction_id, Error::Cancelled).await;
                }
                () = expired => {
                    let err = Error::Deadline(format!("instruction {instruction_id} still in progress at the deadline"));
                    if options.cancel_on_deadline {
                        return self.stop::<I>(instruction_id, err).await;
                    }
                    return Err(err);
                }
            };
            if instruction.is_terminal() {
                return Ok(instruction);
            }
            if started.elapsed() < QUICK_ANSWER {
                tokio::time::sleep(MIN_POLL_INTERVAL).await;
            }
        }
    }

    /// Cancels the instruction on the gateway. If it had already ended (`409`), its
    /// final state wins over the cancel: a sale that went through must be reported.
    async fn stop<I: Instruction + Send>(&self, instruction_id: &str, reason: Error) -> Result<I> {
        match self.cancel::<I>(instruction_id).await {
            Ok(()) => Err(reason),
            Err(err) if err.kind() == ErrorKind::Conflict => {
                let url = self.client.url(&[I::COLLECTION, instruction_id], &[]);
                let instruction: I = self.client.get_json(url, None).await?;
                if instruction.is_terminal() {
                    Ok(instruction)
                } else {
                    Err(reason)
                }
            }
            Err(err) => Err(err),
        }
    }

    /// Follows a completed instruction's link to what it made. The link must point
    /// into this client's API, so the bearer token never goes anywhere else.
    pub async fn follow<T: DeserializeOwned>(&self, href: &str) -> Result<T> {
        let base = format!("{}/", self.client.api_url());
        if !href.starts_with(&base) {
            return Err(Error::Decode {
                status: 200,
                expected: "a link into the API",
                message: format!("the instruction links outside the API base URL: {href}"),
            });
        }
        self.client.get_json(href.to_owned(), None).await
    }

    /// Runs a sale on a device: submit, wait, follow the link, return the payment
    /// (approved or declined) or how the instruction ended.
    pub async fn run_sale(
        &self,
        serial_number: &str,
        request: &PaymentInstructionRequest,
        options: &WaitOptions,
    ) -> Result<CloudSale> {
        let submitted = self.submit_payment(serial_number, request).await?;
        let id = submitted.id().ok_or_else(|| Error::Decode {
            status: 202,
            expected: "PaymentInstruction",
            message: "the instruction has no paymentInstructionId".into(),
        })?;
        let instruction: PaymentInstruction = if submitted.is_terminal() {
            submitted.clone()
        } else {
            self.wait(id, options).await?
        };
        let outcome = match instruction.status.clone() {
            Some(InstructionStatus::Completed) => {
                let href = instruction.resource_href().ok_or_else(|| Error::Decode {
                    status: 200,
                    expected: "PaymentInstruction",
                    message: "a completed instruction without a link to its payment".into(),
                })?;
                CloudSaleOutcome::Completed(Box::new(self.follow(href).await?))
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

    /// Runs an unreferenced refund on a device: submit, wait, follow the link.
    pub async fn run_refund(
        &self,
        serial_number: &str,
        request: &RefundInstructionRequest,
        options: &WaitOptions,
    ) -> Result<(RefundInstruction, Option<RetrievedRefund>)> {
        let submitted = self.submit_refund(serial_number, request).await?;
        let id = submitted.id().unwrap_or_default().to_owned();
        let instruction: RefundInstruction = if submitted.is_terminal() {
            submitted
        } else {
            self.wait(&id, options).await?
        };
        let refund = match instruction.resource_href() {
            Some(href) => Some(self.follow(href).await?),
            None => None,
        };
        Ok((instruction, refund))
    }
}
