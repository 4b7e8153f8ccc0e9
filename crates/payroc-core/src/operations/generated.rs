// Generated from the operation table (table.rs) by tests/tests/generated.rs:
// run scripts/regen.sh after changing the table; do not edit.

use super::{JsonCall, JsonPager, JsonReply, NoBody, Operation, OPERATIONS};
use crate::blocking::{BlockingClient, BlockingPager, BlockingPaytraceClient};
use crate::client::{Client, RequestOptions};
use crate::error::Result;
use crate::pager::Pager;
use crate::paytrace::PaytraceClient;

/// The `secure_tokens` operations of a [`Client`]; per-call options with
/// [`options`](SecureTokens::options).
#[derive(Debug)]
pub struct SecureTokens<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `secure_tokens` operations.
    pub fn secure_tokens(&self) -> SecureTokens<'_> {
        SecureTokens {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl SecureTokens<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Saves a customer's payment details as a secure token.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/secure-tokens` (official SDKs: `tokenization.secure_tokens.create`).
    pub async fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::secure_token::SecureTokenRequest,
    ) -> Result<payroc_model::secure_token::SecureToken> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[0],
                &[processing_terminal_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Reads a secure token.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}` (official SDKs: `tokenization.secure_tokens.retrieve`).
    pub async fn retrieve(
        &self,
        processing_terminal_id: &str,
        secure_token_id: &str,
    ) -> Result<payroc_model::secure_token::SecureTokenWithAccountType> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[1],
                &[processing_terminal_id, secure_token_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Lists a terminal's secure tokens, page by page.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/secure-tokens` (official SDKs: `tokenization.secure_tokens.list`).
    pub fn list(
        &self,
        processing_terminal_id: &str,
        query: &payroc_model::secure_token::SecureTokenListQuery,
    ) -> Result<Pager<payroc_model::secure_token::SecureTokenWithAccountType>> {
        self.client
            .list(&OPERATIONS[2], &[processing_terminal_id], query)
    }

    /// Changes a secure token with JSON Patch operations (fields the gateway owns are refused).
    ///
    /// `PATCH /processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}` (official SDKs: `tokenization.secure_tokens.partially_update`).
    pub async fn update(
        &self,
        processing_terminal_id: &str,
        secure_token_id: &str,
        request: &payroc_model::secure_token::SecureTokenPatch,
    ) -> Result<payroc_model::secure_token::SecureToken> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[3],
                &[processing_terminal_id, secure_token_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Deletes a secure token.
    ///
    /// `DELETE /processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}` (official SDKs: `tokenization.secure_tokens.delete`).
    pub async fn delete(&self, processing_terminal_id: &str, secure_token_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(
                &OPERATIONS[4],
                &[processing_terminal_id, secure_token_id],
                None,
                &self.options,
            )
            .await
    }

    /// Replaces the payment details a secure token holds.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}/update-account` (official SDKs: `tokenization.secure_tokens.update_account`).
    pub async fn update_account(
        &self,
        processing_terminal_id: &str,
        secure_token_id: &str,
        request: &payroc_model::secure_token::AccountUpdate,
    ) -> Result<payroc_model::secure_token::SecureToken> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[5],
                &[processing_terminal_id, secure_token_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }
}

/// The `secure_tokens` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingSecureTokens::options).
#[derive(Debug)]
pub struct BlockingSecureTokens<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `secure_tokens` operations.
    pub fn secure_tokens(&self) -> BlockingSecureTokens<'_> {
        BlockingSecureTokens {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingSecureTokens<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> SecureTokens<'_> {
        self.client
            .client()
            .secure_tokens()
            .options(self.options.clone())
    }

    /// Saves a customer's payment details as a secure token.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/secure-tokens` (official SDKs: `tokenization.secure_tokens.create`).
    pub fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::secure_token::SecureTokenRequest,
    ) -> Result<payroc_model::secure_token::SecureToken> {
        self.client
            .runtime()
            .block_on(self.handle().create(processing_terminal_id, request))
    }

    /// Reads a secure token.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}` (official SDKs: `tokenization.secure_tokens.retrieve`).
    pub fn retrieve(
        &self,
        processing_terminal_id: &str,
        secure_token_id: &str,
    ) -> Result<payroc_model::secure_token::SecureTokenWithAccountType> {
        self.client.runtime().block_on(
            self.handle()
                .retrieve(processing_terminal_id, secure_token_id),
        )
    }

    /// Lists a terminal's secure tokens, page by page.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/secure-tokens` (official SDKs: `tokenization.secure_tokens.list`).
    pub fn list(
        &self,
        processing_terminal_id: &str,
        query: &payroc_model::secure_token::SecureTokenListQuery,
    ) -> Result<BlockingPager<payroc_model::secure_token::SecureTokenWithAccountType>> {
        Ok(BlockingPager::new(
            self.handle().list(processing_terminal_id, query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Changes a secure token with JSON Patch operations (fields the gateway owns are refused).
    ///
    /// `PATCH /processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}` (official SDKs: `tokenization.secure_tokens.partially_update`).
    pub fn update(
        &self,
        processing_terminal_id: &str,
        secure_token_id: &str,
        request: &payroc_model::secure_token::SecureTokenPatch,
    ) -> Result<payroc_model::secure_token::SecureToken> {
        self.client.runtime().block_on(self.handle().update(
            processing_terminal_id,
            secure_token_id,
            request,
        ))
    }

    /// Deletes a secure token.
    ///
    /// `DELETE /processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}` (official SDKs: `tokenization.secure_tokens.delete`).
    pub fn delete(&self, processing_terminal_id: &str, secure_token_id: &str) -> Result<()> {
        self.client.runtime().block_on(
            self.handle()
                .delete(processing_terminal_id, secure_token_id),
        )
    }

    /// Replaces the payment details a secure token holds.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}/update-account` (official SDKs: `tokenization.secure_tokens.update_account`).
    pub fn update_account(
        &self,
        processing_terminal_id: &str,
        secure_token_id: &str,
        request: &payroc_model::secure_token::AccountUpdate,
    ) -> Result<payroc_model::secure_token::SecureToken> {
        self.client.runtime().block_on(self.handle().update_account(
            processing_terminal_id,
            secure_token_id,
            request,
        ))
    }
}

/// The `single_use_tokens` operations of a [`Client`]; per-call options with
/// [`options`](SingleUseTokens::options).
#[derive(Debug)]
pub struct SingleUseTokens<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `single_use_tokens` operations.
    pub fn single_use_tokens(&self) -> SingleUseTokens<'_> {
        SingleUseTokens {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl SingleUseTokens<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Makes a single-use token of payment details.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/single-use-tokens` (official SDKs: `tokenization.single_use_tokens.create`).
    pub async fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::secure_token::SingleUseTokenRequest,
    ) -> Result<payroc_model::secure_token::SingleUseToken> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[6],
                &[processing_terminal_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }
}

/// The `single_use_tokens` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingSingleUseTokens::options).
#[derive(Debug)]
pub struct BlockingSingleUseTokens<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `single_use_tokens` operations.
    pub fn single_use_tokens(&self) -> BlockingSingleUseTokens<'_> {
        BlockingSingleUseTokens {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingSingleUseTokens<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> SingleUseTokens<'_> {
        self.client
            .client()
            .single_use_tokens()
            .options(self.options.clone())
    }

    /// Makes a single-use token of payment details.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/single-use-tokens` (official SDKs: `tokenization.single_use_tokens.create`).
    pub fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::secure_token::SingleUseTokenRequest,
    ) -> Result<payroc_model::secure_token::SingleUseToken> {
        self.client
            .runtime()
            .block_on(self.handle().create(processing_terminal_id, request))
    }
}

/// The `payments` operations of a [`Client`]; per-call options with
/// [`options`](Payments::options).
#[derive(Debug)]
pub struct Payments<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `payments` operations.
    pub fn payments(&self) -> Payments<'_> {
        Payments {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Payments<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Runs a sale or pre-authorization. A declined payment is a success here: read its `transactionResult`.
    ///
    /// `POST /payments` (official SDKs: `card_payments.payments.create`).
    pub async fn create(
        &self,
        request: &payroc_model::payment::PaymentRequest,
    ) -> Result<payroc_model::payment::Payment> {
        self.client
            .invoke::<_, _>(&OPERATIONS[7], &[], &[], Some(request), &self.options)
            .await
    }

    /// Reads a payment.
    ///
    /// `GET /payments/{paymentId}` (official SDKs: `card_payments.payments.retrieve`).
    pub async fn retrieve(
        &self,
        payment_id: &str,
    ) -> Result<payroc_model::payment::RetrievedPayment> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[8], &[payment_id], &[], None, &self.options)
            .await
    }

    /// Lists payments, page by page.
    ///
    /// `GET /payments` (official SDKs: `card_payments.payments.list`).
    pub fn list(
        &self,
        query: &payroc_model::payment::PaymentListQuery,
    ) -> Result<Pager<payroc_model::payment::RetrievedPayment>> {
        self.client.list(&OPERATIONS[9], &[], query)
    }

    /// Captures a pre-authorization (all of it, or `amount` of it).
    ///
    /// `POST /payments/{paymentId}/capture` (official SDKs: `card_payments.payments.capture`).
    pub async fn capture(
        &self,
        payment_id: &str,
        request: &payroc_model::payment::PaymentCaptureRequest,
    ) -> Result<payroc_model::payment::Payment> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[10],
                &[payment_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Voids a payment still in an open batch, fully or partly.
    ///
    /// `POST /payments/{paymentId}/reverse` (official SDKs: `card_payments.refunds.reverse`).
    pub async fn reverse(
        &self,
        payment_id: &str,
        request: &payroc_model::payment::PaymentReverseRequest,
    ) -> Result<payroc_model::payment::Payment> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[11],
                &[payment_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Refunds a payment; returns the payment, whose `refunds` now include this one.
    ///
    /// `POST /payments/{paymentId}/refund` (official SDKs: `card_payments.refunds.create_referenced_refund`).
    pub async fn refund(
        &self,
        payment_id: &str,
        request: &payroc_model::payment::PaymentRefundRequest,
    ) -> Result<payroc_model::payment::Payment> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[12],
                &[payment_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Adjusts a payment still in an open batch.
    ///
    /// `POST /payments/{paymentId}/adjust` (official SDKs: `card_payments.payments.adjust`).
    pub async fn adjust(
        &self,
        payment_id: &str,
        request: &payroc_model::payment::PaymentAdjustRequest,
    ) -> Result<payroc_model::payment::Payment> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[13],
                &[payment_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }
}

/// The `payments` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingPayments::options).
#[derive(Debug)]
pub struct BlockingPayments<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `payments` operations.
    pub fn payments(&self) -> BlockingPayments<'_> {
        BlockingPayments {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingPayments<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Payments<'_> {
        self.client
            .client()
            .payments()
            .options(self.options.clone())
    }

    /// Runs a sale or pre-authorization. A declined payment is a success here: read its `transactionResult`.
    ///
    /// `POST /payments` (official SDKs: `card_payments.payments.create`).
    pub fn create(
        &self,
        request: &payroc_model::payment::PaymentRequest,
    ) -> Result<payroc_model::payment::Payment> {
        self.client
            .runtime()
            .block_on(self.handle().create(request))
    }

    /// Reads a payment.
    ///
    /// `GET /payments/{paymentId}` (official SDKs: `card_payments.payments.retrieve`).
    pub fn retrieve(&self, payment_id: &str) -> Result<payroc_model::payment::RetrievedPayment> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(payment_id))
    }

    /// Lists payments, page by page.
    ///
    /// `GET /payments` (official SDKs: `card_payments.payments.list`).
    pub fn list(
        &self,
        query: &payroc_model::payment::PaymentListQuery,
    ) -> Result<BlockingPager<payroc_model::payment::RetrievedPayment>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Captures a pre-authorization (all of it, or `amount` of it).
    ///
    /// `POST /payments/{paymentId}/capture` (official SDKs: `card_payments.payments.capture`).
    pub fn capture(
        &self,
        payment_id: &str,
        request: &payroc_model::payment::PaymentCaptureRequest,
    ) -> Result<payroc_model::payment::Payment> {
        self.client
            .runtime()
            .block_on(self.handle().capture(payment_id, request))
    }

    /// Voids a payment still in an open batch, fully or partly.
    ///
    /// `POST /payments/{paymentId}/reverse` (official SDKs: `card_payments.refunds.reverse`).
    pub fn reverse(
        &self,
        payment_id: &str,
        request: &payroc_model::payment::PaymentReverseRequest,
    ) -> Result<payroc_model::payment::Payment> {
        self.client
            .runtime()
            .block_on(self.handle().reverse(payment_id, request))
    }

    /// Refunds a payment; returns the payment, whose `refunds` now include this one.
    ///
    /// `POST /payments/{paymentId}/refund` (official SDKs: `card_payments.refunds.create_referenced_refund`).
    pub fn refund(
        &self,
        payment_id: &str,
        request: &payroc_model::payment::PaymentRefundRequest,
    ) -> Result<payroc_model::payment::Payment> {
        self.client
            .runtime()
            .block_on(self.handle().refund(payment_id, request))
    }

    /// Adjusts a payment still in an open batch.
    ///
    /// `POST /payments/{paymentId}/adjust` (official SDKs: `card_payments.payments.adjust`).
    pub fn adjust(
        &self,
        payment_id: &str,
        request: &payroc_model::payment::PaymentAdjustRequest,
    ) -> Result<payroc_model::payment::Payment> {
        self.client
            .runtime()
            .block_on(self.handle().adjust(payment_id, request))
    }
}

/// The `refunds` operations of a [`Client`]; per-call options with
/// [`options`](Refunds::options).
#[derive(Debug)]
pub struct Refunds<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `refunds` operations.
    pub fn refunds(&self) -> Refunds<'_> {
        Refunds {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Refunds<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends money back without a linked payment.
    ///
    /// `POST /refunds` (official SDKs: `card_payments.refunds.create_unreferenced_refund`).
    pub async fn create(
        &self,
        request: &payroc_model::refund::RefundRequest,
    ) -> Result<payroc_model::refund::RetrievedRefund> {
        self.client
            .invoke::<_, _>(&OPERATIONS[14], &[], &[], Some(request), &self.options)
            .await
    }

    /// Reads a refund.
    ///
    /// `GET /refunds/{refundId}` (official SDKs: `card_payments.refunds.retrieve`).
    pub async fn retrieve(&self, refund_id: &str) -> Result<payroc_model::refund::RetrievedRefund> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[15], &[refund_id], &[], None, &self.options)
            .await
    }

    /// Lists refunds, page by page.
    ///
    /// `GET /refunds` (official SDKs: `card_payments.refunds.list`).
    pub fn list(
        &self,
        query: &payroc_model::refund::RefundListQuery,
    ) -> Result<Pager<payroc_model::refund::RetrievedRefund>> {
        self.client.list(&OPERATIONS[16], &[], query)
    }

    /// Adjusts a refund still in an open batch.
    ///
    /// `POST /refunds/{refundId}/adjust` (official SDKs: `card_payments.refunds.adjust`).
    pub async fn adjust(
        &self,
        refund_id: &str,
        request: &payroc_model::refund::RefundAdjustRequest,
    ) -> Result<payroc_model::refund::RetrievedRefund> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[17],
                &[refund_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Voids a refund whose batch is still open.
    ///
    /// `POST /refunds/{refundId}/reverse` (official SDKs: `card_payments.refunds.reverse_refund`).
    pub async fn reverse(&self, refund_id: &str) -> Result<payroc_model::refund::RetrievedRefund> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[18], &[refund_id], &[], None, &self.options)
            .await
    }
}

/// The `refunds` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingRefunds::options).
#[derive(Debug)]
pub struct BlockingRefunds<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `refunds` operations.
    pub fn refunds(&self) -> BlockingRefunds<'_> {
        BlockingRefunds {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingRefunds<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Refunds<'_> {
        self.client.client().refunds().options(self.options.clone())
    }

    /// Sends money back without a linked payment.
    ///
    /// `POST /refunds` (official SDKs: `card_payments.refunds.create_unreferenced_refund`).
    pub fn create(
        &self,
        request: &payroc_model::refund::RefundRequest,
    ) -> Result<payroc_model::refund::RetrievedRefund> {
        self.client
            .runtime()
            .block_on(self.handle().create(request))
    }

    /// Reads a refund.
    ///
    /// `GET /refunds/{refundId}` (official SDKs: `card_payments.refunds.retrieve`).
    pub fn retrieve(&self, refund_id: &str) -> Result<payroc_model::refund::RetrievedRefund> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(refund_id))
    }

    /// Lists refunds, page by page.
    ///
    /// `GET /refunds` (official SDKs: `card_payments.refunds.list`).
    pub fn list(
        &self,
        query: &payroc_model::refund::RefundListQuery,
    ) -> Result<BlockingPager<payroc_model::refund::RetrievedRefund>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Adjusts a refund still in an open batch.
    ///
    /// `POST /refunds/{refundId}/adjust` (official SDKs: `card_payments.refunds.adjust`).
    pub fn adjust(
        &self,
        refund_id: &str,
        request: &payroc_model::refund::RefundAdjustRequest,
    ) -> Result<payroc_model::refund::RetrievedRefund> {
        self.client
            .runtime()
            .block_on(self.handle().adjust(refund_id, request))
    }

    /// Voids a refund whose batch is still open.
    ///
    /// `POST /refunds/{refundId}/reverse` (official SDKs: `card_payments.refunds.reverse_refund`).
    pub fn reverse(&self, refund_id: &str) -> Result<payroc_model::refund::RetrievedRefund> {
        self.client
            .runtime()
            .block_on(self.handle().reverse(refund_id))
    }
}

/// The `payment_instructions` operations of a [`Client`]; per-call options with
/// [`options`](PaymentInstructions::options).
#[derive(Debug)]
pub struct PaymentInstructions<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `payment_instructions` operations.
    pub fn payment_instructions(&self) -> PaymentInstructions<'_> {
        PaymentInstructions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl PaymentInstructions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends a payment instruction to a device (`202`: accepted, not yet done).
    ///
    /// `POST /devices/{serialNumber}/payment-instructions` (official SDKs: `payroc_cloud.payment_instructions.submit`).
    pub async fn submit(
        &self,
        serial_number: &str,
        request: &payroc_model::cloud::PaymentInstructionRequest,
    ) -> Result<payroc_model::cloud::PaymentInstruction> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[19],
                &[serial_number],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// One poll of a payment instruction (held by the gateway while `inProgress`).
    ///
    /// `GET /payment-instructions/{paymentInstructionId}` (official SDKs: `payroc_cloud.payment_instructions.retrieve`).
    pub async fn retrieve(
        &self,
        payment_instruction_id: &str,
    ) -> Result<payroc_model::cloud::PaymentInstruction> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[20],
                &[payment_instruction_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Cancels a payment instruction that is still `inProgress` (`409` otherwise).
    ///
    /// `DELETE /payment-instructions/{paymentInstructionId}` (official SDKs: `payroc_cloud.payment_instructions.delete`).
    pub async fn cancel(&self, payment_instruction_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(
                &OPERATIONS[21],
                &[payment_instruction_id],
                None,
                &self.options,
            )
            .await
    }
}

/// The `payment_instructions` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingPaymentInstructions::options).
#[derive(Debug)]
pub struct BlockingPaymentInstructions<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `payment_instructions` operations.
    pub fn payment_instructions(&self) -> BlockingPaymentInstructions<'_> {
        BlockingPaymentInstructions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingPaymentInstructions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> PaymentInstructions<'_> {
        self.client
            .client()
            .payment_instructions()
            .options(self.options.clone())
    }

    /// Sends a payment instruction to a device (`202`: accepted, not yet done).
    ///
    /// `POST /devices/{serialNumber}/payment-instructions` (official SDKs: `payroc_cloud.payment_instructions.submit`).
    pub fn submit(
        &self,
        serial_number: &str,
        request: &payroc_model::cloud::PaymentInstructionRequest,
    ) -> Result<payroc_model::cloud::PaymentInstruction> {
        self.client
            .runtime()
            .block_on(self.handle().submit(serial_number, request))
    }

    /// One poll of a payment instruction (held by the gateway while `inProgress`).
    ///
    /// `GET /payment-instructions/{paymentInstructionId}` (official SDKs: `payroc_cloud.payment_instructions.retrieve`).
    pub fn retrieve(
        &self,
        payment_instruction_id: &str,
    ) -> Result<payroc_model::cloud::PaymentInstruction> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(payment_instruction_id))
    }

    /// Cancels a payment instruction that is still `inProgress` (`409` otherwise).
    ///
    /// `DELETE /payment-instructions/{paymentInstructionId}` (official SDKs: `payroc_cloud.payment_instructions.delete`).
    pub fn cancel(&self, payment_instruction_id: &str) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().cancel(payment_instruction_id))
    }
}

/// The `refund_instructions` operations of a [`Client`]; per-call options with
/// [`options`](RefundInstructions::options).
#[derive(Debug)]
pub struct RefundInstructions<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `refund_instructions` operations.
    pub fn refund_instructions(&self) -> RefundInstructions<'_> {
        RefundInstructions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl RefundInstructions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends an unreferenced refund instruction to a device.
    ///
    /// `POST /devices/{serialNumber}/refund-instructions` (official SDKs: `payroc_cloud.refund_instructions.submit`).
    pub async fn submit(
        &self,
        serial_number: &str,
        request: &payroc_model::cloud::RefundInstructionRequest,
    ) -> Result<payroc_model::cloud::RefundInstruction> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[24],
                &[serial_number],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// One poll of a refund instruction.
    ///
    /// `GET /refund-instructions/{refundInstructionId}` (official SDKs: `payroc_cloud.refund_instructions.retrieve`).
    pub async fn retrieve(
        &self,
        refund_instruction_id: &str,
    ) -> Result<payroc_model::cloud::RefundInstruction> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[25],
                &[refund_instruction_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Cancels a refund instruction that is still `inProgress`.
    ///
    /// `DELETE /refund-instructions/{refundInstructionId}` (official SDKs: `payroc_cloud.refund_instructions.delete`).
    pub async fn cancel(&self, refund_instruction_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(
                &OPERATIONS[26],
                &[refund_instruction_id],
                None,
                &self.options,
            )
            .await
    }
}

/// The `refund_instructions` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingRefundInstructions::options).
#[derive(Debug)]
pub struct BlockingRefundInstructions<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `refund_instructions` operations.
    pub fn refund_instructions(&self) -> BlockingRefundInstructions<'_> {
        BlockingRefundInstructions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingRefundInstructions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> RefundInstructions<'_> {
        self.client
            .client()
            .refund_instructions()
            .options(self.options.clone())
    }

    /// Sends an unreferenced refund instruction to a device.
    ///
    /// `POST /devices/{serialNumber}/refund-instructions` (official SDKs: `payroc_cloud.refund_instructions.submit`).
    pub fn submit(
        &self,
        serial_number: &str,
        request: &payroc_model::cloud::RefundInstructionRequest,
    ) -> Result<payroc_model::cloud::RefundInstruction> {
        self.client
            .runtime()
            .block_on(self.handle().submit(serial_number, request))
    }

    /// One poll of a refund instruction.
    ///
    /// `GET /refund-instructions/{refundInstructionId}` (official SDKs: `payroc_cloud.refund_instructions.retrieve`).
    pub fn retrieve(
        &self,
        refund_instruction_id: &str,
    ) -> Result<payroc_model::cloud::RefundInstruction> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(refund_instruction_id))
    }

    /// Cancels a refund instruction that is still `inProgress`.
    ///
    /// `DELETE /refund-instructions/{refundInstructionId}` (official SDKs: `payroc_cloud.refund_instructions.delete`).
    pub fn cancel(&self, refund_instruction_id: &str) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().cancel(refund_instruction_id))
    }
}

/// The `signature_instructions` operations of a [`Client`]; per-call options with
/// [`options`](SignatureInstructions::options).
#[derive(Debug)]
pub struct SignatureInstructions<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `signature_instructions` operations.
    pub fn signature_instructions(&self) -> SignatureInstructions<'_> {
        SignatureInstructions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl SignatureInstructions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Asks a device to capture the customer's signature.
    ///
    /// `POST /devices/{serialNumber}/signature-instructions` (official SDKs: `payroc_cloud.signature_instructions.submit`).
    pub async fn submit(
        &self,
        serial_number: &str,
        request: &payroc_model::cloud::SignatureInstructionRequest,
    ) -> Result<payroc_model::cloud::SignatureInstruction> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[29],
                &[serial_number],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// One poll of a signature instruction.
    ///
    /// `GET /signature-instructions/{signatureInstructionId}` (official SDKs: `payroc_cloud.signature_instructions.retrieve`).
    pub async fn retrieve(
        &self,
        signature_instruction_id: &str,
    ) -> Result<payroc_model::cloud::SignatureInstruction> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[30],
                &[signature_instruction_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Cancels a signature instruction that is still `inProgress`.
    ///
    /// `DELETE /signature-instructions/{signatureInstructionId}` (official SDKs: `payroc_cloud.signature_instructions.delete`).
    pub async fn cancel(&self, signature_instruction_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(
                &OPERATIONS[31],
                &[signature_instruction_id],
                None,
                &self.options,
            )
            .await
    }
}

/// The `signature_instructions` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingSignatureInstructions::options).
#[derive(Debug)]
pub struct BlockingSignatureInstructions<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `signature_instructions` operations.
    pub fn signature_instructions(&self) -> BlockingSignatureInstructions<'_> {
        BlockingSignatureInstructions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingSignatureInstructions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> SignatureInstructions<'_> {
        self.client
            .client()
            .signature_instructions()
            .options(self.options.clone())
    }

    /// Asks a device to capture the customer's signature.
    ///
    /// `POST /devices/{serialNumber}/signature-instructions` (official SDKs: `payroc_cloud.signature_instructions.submit`).
    pub fn submit(
        &self,
        serial_number: &str,
        request: &payroc_model::cloud::SignatureInstructionRequest,
    ) -> Result<payroc_model::cloud::SignatureInstruction> {
        self.client
            .runtime()
            .block_on(self.handle().submit(serial_number, request))
    }

    /// One poll of a signature instruction.
    ///
    /// `GET /signature-instructions/{signatureInstructionId}` (official SDKs: `payroc_cloud.signature_instructions.retrieve`).
    pub fn retrieve(
        &self,
        signature_instruction_id: &str,
    ) -> Result<payroc_model::cloud::SignatureInstruction> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(signature_instruction_id))
    }

    /// Cancels a signature instruction that is still `inProgress`.
    ///
    /// `DELETE /signature-instructions/{signatureInstructionId}` (official SDKs: `payroc_cloud.signature_instructions.delete`).
    pub fn cancel(&self, signature_instruction_id: &str) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().cancel(signature_instruction_id))
    }
}

/// The `signatures` operations of a [`Client`]; per-call options with
/// [`options`](Signatures::options).
#[derive(Debug)]
pub struct Signatures<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `signatures` operations.
    pub fn signatures(&self) -> Signatures<'_> {
        Signatures {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Signatures<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Reads a captured signature.
    ///
    /// `GET /signatures/{signatureId}` (official SDKs: `payroc_cloud.signatures.retrieve`).
    pub async fn retrieve(&self, signature_id: &str) -> Result<payroc_model::cloud::Signature> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[33], &[signature_id], &[], None, &self.options)
            .await
    }
}

/// The `signatures` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingSignatures::options).
#[derive(Debug)]
pub struct BlockingSignatures<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `signatures` operations.
    pub fn signatures(&self) -> BlockingSignatures<'_> {
        BlockingSignatures {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingSignatures<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Signatures<'_> {
        self.client
            .client()
            .signatures()
            .options(self.options.clone())
    }

    /// Reads a captured signature.
    ///
    /// `GET /signatures/{signatureId}` (official SDKs: `payroc_cloud.signatures.retrieve`).
    pub fn retrieve(&self, signature_id: &str) -> Result<payroc_model::cloud::Signature> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(signature_id))
    }
}

/// The `payment_links` operations of a [`Client`]; per-call options with
/// [`options`](PaymentLinks::options).
#[derive(Debug)]
pub struct PaymentLinks<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `payment_links` operations.
    pub fn payment_links(&self) -> PaymentLinks<'_> {
        PaymentLinks {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl PaymentLinks<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Creates a payment link.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/payment-links` (official SDKs: `payment_links.create`).
    pub async fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::payment_link::PaymentLink,
    ) -> Result<payroc_model::payment_link::PaymentLink> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[35],
                &[processing_terminal_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Reads a payment link.
    ///
    /// `GET /payment-links/{paymentLinkId}` (official SDKs: `payment_links.retrieve`).
    pub async fn retrieve(
        &self,
        payment_link_id: &str,
    ) -> Result<payroc_model::payment_link::PaymentLink> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[36],
                &[payment_link_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Lists a terminal's payment links, page by page.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/payment-links` (official SDKs: `payment_links.list`).
    pub fn list(
        &self,
        processing_terminal_id: &str,
        query: &payroc_model::payment_link::PaymentLinkListQuery,
    ) -> Result<Pager<payroc_model::payment_link::PaymentLink>> {
        self.client
            .list(&OPERATIONS[37], &[processing_terminal_id], query)
    }

    /// Changes a payment link with JSON Patch operations.
    ///
    /// `PATCH /payment-links/{paymentLinkId}` (official SDKs: `payment_links.partially_update`).
    pub async fn update(
        &self,
        payment_link_id: &str,
        request: &[payroc_model::common::PatchDocument],
    ) -> Result<payroc_model::payment_link::PaymentLink> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[38],
                &[payment_link_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Deactivates a payment link (not repeated once it may have been received).
    ///
    /// `POST /payment-links/{paymentLinkId}/deactivate` (official SDKs: `payment_links.deactivate`).
    pub async fn deactivate(
        &self,
        payment_link_id: &str,
    ) -> Result<payroc_model::payment_link::PaymentLink> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[39],
                &[payment_link_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Shares a payment link by email.
    ///
    /// `POST /payment-links/{paymentLinkId}/sharing-events` (official SDKs: `payment_links.sharing_events.share`).
    pub async fn share(
        &self,
        payment_link_id: &str,
        request: &payroc_model::payment_link::PaymentLinkEmailShareEvent,
    ) -> Result<payroc_model::payment_link::PaymentLinkEmailShareEvent> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[40],
                &[payment_link_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Lists a payment link's sharing events, page by page.
    ///
    /// `GET /payment-links/{paymentLinkId}/sharing-events` (official SDKs: `payment_links.sharing_events.list`).
    pub fn list_sharing_events(
        &self,
        payment_link_id: &str,
        query: &payroc_model::payment_link::SharingEventListQuery,
    ) -> Result<Pager<payroc_model::payment_link::PaymentLinkEmailShareEvent>> {
        self.client.list(&OPERATIONS[41], &[payment_link_id], query)
    }
}

/// The `payment_links` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingPaymentLinks::options).
#[derive(Debug)]
pub struct BlockingPaymentLinks<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `payment_links` operations.
    pub fn payment_links(&self) -> BlockingPaymentLinks<'_> {
        BlockingPaymentLinks {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingPaymentLinks<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> PaymentLinks<'_> {
        self.client
            .client()
            .payment_links()
            .options(self.options.clone())
    }

    /// Creates a payment link.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/payment-links` (official SDKs: `payment_links.create`).
    pub fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::payment_link::PaymentLink,
    ) -> Result<payroc_model::payment_link::PaymentLink> {
        self.client
            .runtime()
            .block_on(self.handle().create(processing_terminal_id, request))
    }

    /// Reads a payment link.
    ///
    /// `GET /payment-links/{paymentLinkId}` (official SDKs: `payment_links.retrieve`).
    pub fn retrieve(
        &self,
        payment_link_id: &str,
    ) -> Result<payroc_model::payment_link::PaymentLink> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(payment_link_id))
    }

    /// Lists a terminal's payment links, page by page.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/payment-links` (official SDKs: `payment_links.list`).
    pub fn list(
        &self,
        processing_terminal_id: &str,
        query: &payroc_model::payment_link::PaymentLinkListQuery,
    ) -> Result<BlockingPager<payroc_model::payment_link::PaymentLink>> {
        Ok(BlockingPager::new(
            self.handle().list(processing_terminal_id, query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Changes a payment link with JSON Patch operations.
    ///
    /// `PATCH /payment-links/{paymentLinkId}` (official SDKs: `payment_links.partially_update`).
    pub fn update(
        &self,
        payment_link_id: &str,
        request: &[payroc_model::common::PatchDocument],
    ) -> Result<payroc_model::payment_link::PaymentLink> {
        self.client
            .runtime()
            .block_on(self.handle().update(payment_link_id, request))
    }

    /// Deactivates a payment link (not repeated once it may have been received).
    ///
    /// `POST /payment-links/{paymentLinkId}/deactivate` (official SDKs: `payment_links.deactivate`).
    pub fn deactivate(
        &self,
        payment_link_id: &str,
    ) -> Result<payroc_model::payment_link::PaymentLink> {
        self.client
            .runtime()
            .block_on(self.handle().deactivate(payment_link_id))
    }

    /// Shares a payment link by email.
    ///
    /// `POST /payment-links/{paymentLinkId}/sharing-events` (official SDKs: `payment_links.sharing_events.share`).
    pub fn share(
        &self,
        payment_link_id: &str,
        request: &payroc_model::payment_link::PaymentLinkEmailShareEvent,
    ) -> Result<payroc_model::payment_link::PaymentLinkEmailShareEvent> {
        self.client
            .runtime()
            .block_on(self.handle().share(payment_link_id, request))
    }

    /// Lists a payment link's sharing events, page by page.
    ///
    /// `GET /payment-links/{paymentLinkId}/sharing-events` (official SDKs: `payment_links.sharing_events.list`).
    pub fn list_sharing_events(
        &self,
        payment_link_id: &str,
        query: &payroc_model::payment_link::SharingEventListQuery,
    ) -> Result<BlockingPager<payroc_model::payment_link::PaymentLinkEmailShareEvent>> {
        Ok(BlockingPager::new(
            self.handle().list_sharing_events(payment_link_id, query)?,
            self.client.runtime().clone(),
        ))
    }
}

/// The `payment_plans` operations of a [`Client`]; per-call options with
/// [`options`](PaymentPlans::options).
#[derive(Debug)]
pub struct PaymentPlans<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `payment_plans` operations.
    pub fn payment_plans(&self) -> PaymentPlans<'_> {
        PaymentPlans {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl PaymentPlans<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Creates a payment plan: the schedule and amounts subscriptions follow.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/payment-plans` (official SDKs: `repeat_payments.payment_plans.create`).
    pub async fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::payment_plan::PaymentPlan,
    ) -> Result<payroc_model::payment_plan::PaymentPlan> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[42],
                &[processing_terminal_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Lists a terminal's payment plans, page by page.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/payment-plans` (official SDKs: `repeat_payments.payment_plans.list`).
    pub fn list(
        &self,
        processing_terminal_id: &str,
        query: &payroc_model::page::PageQuery,
    ) -> Result<Pager<payroc_model::payment_plan::PaymentPlan>> {
        self.client
            .list(&OPERATIONS[43], &[processing_terminal_id], query)
    }

    /// Reads a payment plan.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/payment-plans/{paymentPlanId}` (official SDKs: `repeat_payments.payment_plans.retrieve`).
    pub async fn retrieve(
        &self,
        processing_terminal_id: &str,
        payment_plan_id: &str,
    ) -> Result<payroc_model::payment_plan::PaymentPlan> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[44],
                &[processing_terminal_id, payment_plan_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Changes a payment plan with JSON Patch operations (its `onUpdate` says whether subscriptions follow).
    ///
    /// `PATCH /processing-terminals/{processingTerminalId}/payment-plans/{paymentPlanId}` (official SDKs: `repeat_payments.payment_plans.partially_update`).
    pub async fn update(
        &self,
        processing_terminal_id: &str,
        payment_plan_id: &str,
        request: &[payroc_model::common::PatchDocument],
    ) -> Result<payroc_model::payment_plan::PaymentPlan> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[45],
                &[processing_terminal_id, payment_plan_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Deletes a payment plan (its `onDelete` says whether subscriptions stop or continue).
    ///
    /// `DELETE /processing-terminals/{processingTerminalId}/payment-plans/{paymentPlanId}` (official SDKs: `repeat_payments.payment_plans.delete`).
    pub async fn delete(&self, processing_terminal_id: &str, payment_plan_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(
                &OPERATIONS[46],
                &[processing_terminal_id, payment_plan_id],
                None,
                &self.options,
            )
            .await
    }
}

/// The `payment_plans` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingPaymentPlans::options).
#[derive(Debug)]
pub struct BlockingPaymentPlans<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `payment_plans` operations.
    pub fn payment_plans(&self) -> BlockingPaymentPlans<'_> {
        BlockingPaymentPlans {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingPaymentPlans<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> PaymentPlans<'_> {
        self.client
            .client()
            .payment_plans()
            .options(self.options.clone())
    }

    /// Creates a payment plan: the schedule and amounts subscriptions follow.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/payment-plans` (official SDKs: `repeat_payments.payment_plans.create`).
    pub fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::payment_plan::PaymentPlan,
    ) -> Result<payroc_model::payment_plan::PaymentPlan> {
        self.client
            .runtime()
            .block_on(self.handle().create(processing_terminal_id, request))
    }

    /// Lists a terminal's payment plans, page by page.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/payment-plans` (official SDKs: `repeat_payments.payment_plans.list`).
    pub fn list(
        &self,
        processing_terminal_id: &str,
        query: &payroc_model::page::PageQuery,
    ) -> Result<BlockingPager<payroc_model::payment_plan::PaymentPlan>> {
        Ok(BlockingPager::new(
            self.handle().list(processing_terminal_id, query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads a payment plan.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/payment-plans/{paymentPlanId}` (official SDKs: `repeat_payments.payment_plans.retrieve`).
    pub fn retrieve(
        &self,
        processing_terminal_id: &str,
        payment_plan_id: &str,
    ) -> Result<payroc_model::payment_plan::PaymentPlan> {
        self.client.runtime().block_on(
            self.handle()
                .retrieve(processing_terminal_id, payment_plan_id),
        )
    }

    /// Changes a payment plan with JSON Patch operations (its `onUpdate` says whether subscriptions follow).
    ///
    /// `PATCH /processing-terminals/{processingTerminalId}/payment-plans/{paymentPlanId}` (official SDKs: `repeat_payments.payment_plans.partially_update`).
    pub fn update(
        &self,
        processing_terminal_id: &str,
        payment_plan_id: &str,
        request: &[payroc_model::common::PatchDocument],
    ) -> Result<payroc_model::payment_plan::PaymentPlan> {
        self.client.runtime().block_on(self.handle().update(
            processing_terminal_id,
            payment_plan_id,
            request,
        ))
    }

    /// Deletes a payment plan (its `onDelete` says whether subscriptions stop or continue).
    ///
    /// `DELETE /processing-terminals/{processingTerminalId}/payment-plans/{paymentPlanId}` (official SDKs: `repeat_payments.payment_plans.delete`).
    pub fn delete(&self, processing_terminal_id: &str, payment_plan_id: &str) -> Result<()> {
        self.client.runtime().block_on(
            self.handle()
                .delete(processing_terminal_id, payment_plan_id),
        )
    }
}

/// The `subscriptions` operations of a [`Client`]; per-call options with
/// [`options`](Subscriptions::options).
#[derive(Debug)]
pub struct Subscriptions<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `subscriptions` operations.
    pub fn subscriptions(&self) -> Subscriptions<'_> {
        Subscriptions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Subscriptions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Subscribes a customer's secure token to a payment plan.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/subscriptions` (official SDKs: `repeat_payments.subscriptions.create`).
    pub async fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::payment_plan::SubscriptionRequest,
    ) -> Result<payroc_model::payment_plan::Subscription> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[47],
                &[processing_terminal_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Lists a terminal's subscriptions, page by page.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/subscriptions` (official SDKs: `repeat_payments.subscriptions.list`).
    pub fn list(
        &self,
        processing_terminal_id: &str,
        query: &payroc_model::payment_plan::SubscriptionListQuery,
    ) -> Result<Pager<payroc_model::payment_plan::Subscription>> {
        self.client
            .list(&OPERATIONS[48], &[processing_terminal_id], query)
    }

    /// Reads a subscription and where it stands.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}` (official SDKs: `repeat_payments.subscriptions.retrieve`).
    pub async fn retrieve(
        &self,
        processing_terminal_id: &str,
        subscription_id: &str,
    ) -> Result<payroc_model::payment_plan::Subscription> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[49],
                &[processing_terminal_id, subscription_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Changes a subscription with JSON Patch operations.
    ///
    /// `PATCH /processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}` (official SDKs: `repeat_payments.subscriptions.partially_update`).
    pub async fn update(
        &self,
        processing_terminal_id: &str,
        subscription_id: &str,
        request: &[payroc_model::common::PatchDocument],
    ) -> Result<payroc_model::payment_plan::Subscription> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[50],
                &[processing_terminal_id, subscription_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Stops taking payments for a subscription (not repeated once it may have been received).
    ///
    /// `POST /processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/deactivate` (official SDKs: `repeat_payments.subscriptions.deactivate`).
    pub async fn deactivate(
        &self,
        processing_terminal_id: &str,
        subscription_id: &str,
    ) -> Result<payroc_model::payment_plan::Subscription> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[51],
                &[processing_terminal_id, subscription_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Starts taking payments for a deactivated subscription again.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/reactivate` (official SDKs: `repeat_payments.subscriptions.reactivate`).
    pub async fn reactivate(
        &self,
        processing_terminal_id: &str,
        subscription_id: &str,
    ) -> Result<payroc_model::payment_plan::Subscription> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[52],
                &[processing_terminal_id, subscription_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Collects one payment of a manual subscription.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/pay` (official SDKs: `repeat_payments.subscriptions.pay`).
    pub async fn pay(
        &self,
        processing_terminal_id: &str,
        subscription_id: &str,
        request: &payroc_model::payment_plan::SubscriptionPaymentRequest,
    ) -> Result<payroc_model::payment_plan::SubscriptionPayment> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[53],
                &[processing_terminal_id, subscription_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }
}

/// The `subscriptions` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingSubscriptions::options).
#[derive(Debug)]
pub struct BlockingSubscriptions<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `subscriptions` operations.
    pub fn subscriptions(&self) -> BlockingSubscriptions<'_> {
        BlockingSubscriptions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingSubscriptions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Subscriptions<'_> {
        self.client
            .client()
            .subscriptions()
            .options(self.options.clone())
    }

    /// Subscribes a customer's secure token to a payment plan.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/subscriptions` (official SDKs: `repeat_payments.subscriptions.create`).
    pub fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::payment_plan::SubscriptionRequest,
    ) -> Result<payroc_model::payment_plan::Subscription> {
        self.client
            .runtime()
            .block_on(self.handle().create(processing_terminal_id, request))
    }

    /// Lists a terminal's subscriptions, page by page.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/subscriptions` (official SDKs: `repeat_payments.subscriptions.list`).
    pub fn list(
        &self,
        processing_terminal_id: &str,
        query: &payroc_model::payment_plan::SubscriptionListQuery,
    ) -> Result<BlockingPager<payroc_model::payment_plan::Subscription>> {
        Ok(BlockingPager::new(
            self.handle().list(processing_terminal_id, query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads a subscription and where it stands.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}` (official SDKs: `repeat_payments.subscriptions.retrieve`).
    pub fn retrieve(
        &self,
        processing_terminal_id: &str,
        subscription_id: &str,
    ) -> Result<payroc_model::payment_plan::Subscription> {
        self.client.runtime().block_on(
            self.handle()
                .retrieve(processing_terminal_id, subscription_id),
        )
    }

    /// Changes a subscription with JSON Patch operations.
    ///
    /// `PATCH /processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}` (official SDKs: `repeat_payments.subscriptions.partially_update`).
    pub fn update(
        &self,
        processing_terminal_id: &str,
        subscription_id: &str,
        request: &[payroc_model::common::PatchDocument],
    ) -> Result<payroc_model::payment_plan::Subscription> {
        self.client.runtime().block_on(self.handle().update(
            processing_terminal_id,
            subscription_id,
            request,
        ))
    }

    /// Stops taking payments for a subscription (not repeated once it may have been received).
    ///
    /// `POST /processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/deactivate` (official SDKs: `repeat_payments.subscriptions.deactivate`).
    pub fn deactivate(
        &self,
        processing_terminal_id: &str,
        subscription_id: &str,
    ) -> Result<payroc_model::payment_plan::Subscription> {
        self.client.runtime().block_on(
            self.handle()
                .deactivate(processing_terminal_id, subscription_id),
        )
    }

    /// Starts taking payments for a deactivated subscription again.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/reactivate` (official SDKs: `repeat_payments.subscriptions.reactivate`).
    pub fn reactivate(
        &self,
        processing_terminal_id: &str,
        subscription_id: &str,
    ) -> Result<payroc_model::payment_plan::Subscription> {
        self.client.runtime().block_on(
            self.handle()
                .reactivate(processing_terminal_id, subscription_id),
        )
    }

    /// Collects one payment of a manual subscription.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/pay` (official SDKs: `repeat_payments.subscriptions.pay`).
    pub fn pay(
        &self,
        processing_terminal_id: &str,
        subscription_id: &str,
        request: &payroc_model::payment_plan::SubscriptionPaymentRequest,
    ) -> Result<payroc_model::payment_plan::SubscriptionPayment> {
        self.client.runtime().block_on(self.handle().pay(
            processing_terminal_id,
            subscription_id,
            request,
        ))
    }
}

/// The `bank_accounts` operations of a [`Client`]; per-call options with
/// [`options`](BankAccounts::options).
#[derive(Debug)]
pub struct BankAccounts<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `bank_accounts` operations.
    pub fn bank_accounts(&self) -> BankAccounts<'_> {
        BankAccounts {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BankAccounts<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Verifies a customer's bank account details (ACH or PAD).
    ///
    /// `POST /bank-accounts/verify` (official SDKs: `payment_features.bank.verify`).
    pub async fn verify(
        &self,
        request: &payroc_model::payment_feature::BankAccountVerificationRequest,
    ) -> Result<payroc_model::payment_feature::BankAccountVerificationResult> {
        self.client
            .invoke::<_, _>(&OPERATIONS[54], &[], &[], Some(request), &self.options)
            .await
    }
}

/// The `bank_accounts` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingBankAccounts::options).
#[derive(Debug)]
pub struct BlockingBankAccounts<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `bank_accounts` operations.
    pub fn bank_accounts(&self) -> BlockingBankAccounts<'_> {
        BlockingBankAccounts {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingBankAccounts<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> BankAccounts<'_> {
        self.client
            .client()
            .bank_accounts()
            .options(self.options.clone())
    }

    /// Verifies a customer's bank account details (ACH or PAD).
    ///
    /// `POST /bank-accounts/verify` (official SDKs: `payment_features.bank.verify`).
    pub fn verify(
        &self,
        request: &payroc_model::payment_feature::BankAccountVerificationRequest,
    ) -> Result<payroc_model::payment_feature::BankAccountVerificationResult> {
        self.client
            .runtime()
            .block_on(self.handle().verify(request))
    }
}

/// The `cards` operations of a [`Client`]; per-call options with
/// [`options`](Cards::options).
#[derive(Debug)]
pub struct Cards<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `cards` operations.
    pub fn cards(&self) -> Cards<'_> {
        Cards {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Cards<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Verifies a customer's card details. A card that fails is a success here: read `verified`.
    ///
    /// `POST /cards/verify` (official SDKs: `payment_features.cards.verify_card`).
    pub async fn verify(
        &self,
        request: &payroc_model::payment_feature::CardVerificationRequest,
    ) -> Result<payroc_model::payment_feature::CardVerificationResult> {
        self.client
            .invoke::<_, _>(&OPERATIONS[55], &[], &[], Some(request), &self.options)
            .await
    }

    /// Reads an EBT card's balance (a lookup: retried without a key).
    ///
    /// `POST /cards/balance` (official SDKs: `payment_features.cards.view_ebt_balance`).
    pub async fn view_ebt_balance(
        &self,
        request: &payroc_model::payment_feature::BalanceInquiry,
    ) -> Result<payroc_model::payment_feature::EbtBalance> {
        self.client
            .invoke::<_, _>(&OPERATIONS[56], &[], &[], Some(request), &self.options)
            .await
    }

    /// Looks up what a card is, and its surcharge terms (a lookup: retried without a key).
    ///
    /// `POST /cards/bin-lookup` (official SDKs: `payment_features.cards.lookup_bin`).
    pub async fn lookup_bin(
        &self,
        request: &payroc_model::payment_feature::BinLookup,
    ) -> Result<payroc_model::payment_feature::CardInfo> {
        self.client
            .invoke::<_, _>(&OPERATIONS[57], &[], &[], Some(request), &self.options)
            .await
    }
}

/// The `cards` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingCards::options).
#[derive(Debug)]
pub struct BlockingCards<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `cards` operations.
    pub fn cards(&self) -> BlockingCards<'_> {
        BlockingCards {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingCards<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Cards<'_> {
        self.client.client().cards().options(self.options.clone())
    }

    /// Verifies a customer's card details. A card that fails is a success here: read `verified`.
    ///
    /// `POST /cards/verify` (official SDKs: `payment_features.cards.verify_card`).
    pub fn verify(
        &self,
        request: &payroc_model::payment_feature::CardVerificationRequest,
    ) -> Result<payroc_model::payment_feature::CardVerificationResult> {
        self.client
            .runtime()
            .block_on(self.handle().verify(request))
    }

    /// Reads an EBT card's balance (a lookup: retried without a key).
    ///
    /// `POST /cards/balance` (official SDKs: `payment_features.cards.view_ebt_balance`).
    pub fn view_ebt_balance(
        &self,
        request: &payroc_model::payment_feature::BalanceInquiry,
    ) -> Result<payroc_model::payment_feature::EbtBalance> {
        self.client
            .runtime()
            .block_on(self.handle().view_ebt_balance(request))
    }

    /// Looks up what a card is, and its surcharge terms (a lookup: retried without a key).
    ///
    /// `POST /cards/bin-lookup` (official SDKs: `payment_features.cards.lookup_bin`).
    pub fn lookup_bin(
        &self,
        request: &payroc_model::payment_feature::BinLookup,
    ) -> Result<payroc_model::payment_feature::CardInfo> {
        self.client
            .runtime()
            .block_on(self.handle().lookup_bin(request))
    }
}

/// The `fx_rates` operations of a [`Client`]; per-call options with
/// [`options`](FxRates::options).
#[derive(Debug)]
pub struct FxRates<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `fx_rates` operations.
    pub fn fx_rates(&self) -> FxRates<'_> {
        FxRates {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl FxRates<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Asks for a dynamic currency conversion rate for an amount (a lookup: retried without a key).
    ///
    /// `POST /fx-rates` (official SDKs: `payment_features.cards.retrieve_fx_rates`).
    pub async fn retrieve(
        &self,
        request: &payroc_model::payment_feature::FxRateInquiry,
    ) -> Result<payroc_model::payment_feature::FxRate> {
        self.client
            .invoke::<_, _>(&OPERATIONS[58], &[], &[], Some(request), &self.options)
            .await
    }
}

/// The `fx_rates` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingFxRates::options).
#[derive(Debug)]
pub struct BlockingFxRates<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `fx_rates` operations.
    pub fn fx_rates(&self) -> BlockingFxRates<'_> {
        BlockingFxRates {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingFxRates<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> FxRates<'_> {
        self.client
            .client()
            .fx_rates()
            .options(self.options.clone())
    }

    /// Asks for a dynamic currency conversion rate for an amount (a lookup: retried without a key).
    ///
    /// `POST /fx-rates` (official SDKs: `payment_features.cards.retrieve_fx_rates`).
    pub fn retrieve(
        &self,
        request: &payroc_model::payment_feature::FxRateInquiry,
    ) -> Result<payroc_model::payment_feature::FxRate> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(request))
    }
}

/// The `hosted_fields_sessions` operations of a [`Client`]; per-call options with
/// [`options`](HostedFieldsSessions::options).
#[derive(Debug)]
pub struct HostedFieldsSessions<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `hosted_fields_sessions` operations.
    pub fn hosted_fields_sessions(&self) -> HostedFieldsSessions<'_> {
        HostedFieldsSessions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl HostedFieldsSessions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Opens a Hosted Fields session: a token for the page, valid ten minutes.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/hosted-fields-sessions` (official SDKs: `hosted_fields.create`).
    pub async fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::session::HostedFieldsSessionRequest,
    ) -> Result<payroc_model::session::HostedFieldsSession> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[59],
                &[processing_terminal_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }
}

/// The `hosted_fields_sessions` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingHostedFieldsSessions::options).
#[derive(Debug)]
pub struct BlockingHostedFieldsSessions<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `hosted_fields_sessions` operations.
    pub fn hosted_fields_sessions(&self) -> BlockingHostedFieldsSessions<'_> {
        BlockingHostedFieldsSessions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingHostedFieldsSessions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> HostedFieldsSessions<'_> {
        self.client
            .client()
            .hosted_fields_sessions()
            .options(self.options.clone())
    }

    /// Opens a Hosted Fields session: a token for the page, valid ten minutes.
    ///
    /// `POST /processing-terminals/{processingTerminalId}/hosted-fields-sessions` (official SDKs: `hosted_fields.create`).
    pub fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::session::HostedFieldsSessionRequest,
    ) -> Result<payroc_model::session::HostedFieldsSession> {
        self.client
            .runtime()
            .block_on(self.handle().create(processing_terminal_id, request))
    }
}

/// The `apple_pay_sessions` operations of a [`Client`]; per-call options with
/// [`options`](ApplePaySessions::options).
#[derive(Debug)]
pub struct ApplePaySessions<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `apple_pay_sessions` operations.
    pub fn apple_pay_sessions(&self) -> ApplePaySessions<'_> {
        ApplePaySessions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl ApplePaySessions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Starts an Apple Pay merchant session (another one is harmless, so retried without a key).
    ///
    /// `POST /processing-terminals/{processingTerminalId}/apple-pay-sessions` (official SDKs: `apple_pay_sessions.create`).
    pub async fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::session::ApplePaySessionRequest,
    ) -> Result<payroc_model::session::ApplePaySession> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[60],
                &[processing_terminal_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }
}

/// The `apple_pay_sessions` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingApplePaySessions::options).
#[derive(Debug)]
pub struct BlockingApplePaySessions<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `apple_pay_sessions` operations.
    pub fn apple_pay_sessions(&self) -> BlockingApplePaySessions<'_> {
        BlockingApplePaySessions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingApplePaySessions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> ApplePaySessions<'_> {
        self.client
            .client()
            .apple_pay_sessions()
            .options(self.options.clone())
    }

    /// Starts an Apple Pay merchant session (another one is harmless, so retried without a key).
    ///
    /// `POST /processing-terminals/{processingTerminalId}/apple-pay-sessions` (official SDKs: `apple_pay_sessions.create`).
    pub fn create(
        &self,
        processing_terminal_id: &str,
        request: &payroc_model::session::ApplePaySessionRequest,
    ) -> Result<payroc_model::session::ApplePaySession> {
        self.client
            .runtime()
            .block_on(self.handle().create(processing_terminal_id, request))
    }
}

/// The `bank_transfer_payments` operations of a [`Client`]; per-call options with
/// [`options`](BankTransferPayments::options).
#[derive(Debug)]
pub struct BankTransferPayments<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `bank_transfer_payments` operations.
    pub fn bank_transfer_payments(&self) -> BankTransferPayments<'_> {
        BankTransferPayments {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BankTransferPayments<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Debits a customer's bank account (ACH or PAD). A declined transfer is a success here: read its `transactionResult`.
    ///
    /// `POST /bank-transfer-payments` (official SDKs: `bank_transfer_payments.payments.create`).
    pub async fn create(
        &self,
        request: &payroc_model::bank_transfer::BankTransferPaymentRequest,
    ) -> Result<payroc_model::bank_transfer::BankTransferPayment> {
        self.client
            .invoke::<_, _>(&OPERATIONS[61], &[], &[], Some(request), &self.options)
            .await
    }

    /// Lists a terminal's bank-transfer payments, page by page.
    ///
    /// `GET /bank-transfer-payments` (official SDKs: `bank_transfer_payments.payments.list`).
    pub fn list(
        &self,
        query: &payroc_model::bank_transfer::BankTransferPaymentListQuery,
    ) -> Result<Pager<payroc_model::bank_transfer::BankTransferPayment>> {
        self.client.list(&OPERATIONS[62], &[], query)
    }

    /// Reads a bank-transfer payment.
    ///
    /// `GET /bank-transfer-payments/{paymentId}` (official SDKs: `bank_transfer_payments.payments.retrieve`).
    pub async fn retrieve(
        &self,
        payment_id: &str,
    ) -> Result<payroc_model::bank_transfer::BankTransferPayment> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[63], &[payment_id], &[], None, &self.options)
            .await
    }

    /// Re-presents a returned payment, to the same account or a new one.
    ///
    /// `POST /bank-transfer-payments/{paymentId}/represent` (official SDKs: `bank_transfer_payments.payments.represent`).
    pub async fn represent(
        &self,
        payment_id: &str,
        request: &payroc_model::bank_transfer::Representment,
    ) -> Result<payroc_model::bank_transfer::BankTransferPayment> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[64],
                &[payment_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Refunds a settled payment (in full or in part); a payment still in the open batch is reversed instead.
    ///
    /// `POST /bank-transfer-payments/{paymentId}/refund` (official SDKs: `bank_transfer_payments.refunds.refund`).
    pub async fn refund(
        &self,
        payment_id: &str,
        request: &payroc_model::bank_transfer::BankTransferReferencedRefund,
    ) -> Result<payroc_model::bank_transfer::BankTransferPayment> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[65],
                &[payment_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Voids a payment still in the open batch.
    ///
    /// `POST /bank-transfer-payments/{paymentId}/reverse` (official SDKs: `bank_transfer_payments.refunds.reverse_payment`).
    pub async fn reverse(
        &self,
        payment_id: &str,
    ) -> Result<payroc_model::bank_transfer::BankTransferPayment> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[66], &[payment_id], &[], None, &self.options)
            .await
    }
}

/// The `bank_transfer_payments` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingBankTransferPayments::options).
#[derive(Debug)]
pub struct BlockingBankTransferPayments<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `bank_transfer_payments` operations.
    pub fn bank_transfer_payments(&self) -> BlockingBankTransferPayments<'_> {
        BlockingBankTransferPayments {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingBankTransferPayments<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> BankTransferPayments<'_> {
        self.client
            .client()
            .bank_transfer_payments()
            .options(self.options.clone())
    }

    /// Debits a customer's bank account (ACH or PAD). A declined transfer is a success here: read its `transactionResult`.
    ///
    /// `POST /bank-transfer-payments` (official SDKs: `bank_transfer_payments.payments.create`).
    pub fn create(
        &self,
        request: &payroc_model::bank_transfer::BankTransferPaymentRequest,
    ) -> Result<payroc_model::bank_transfer::BankTransferPayment> {
        self.client
            .runtime()
            .block_on(self.handle().create(request))
    }

    /// Lists a terminal's bank-transfer payments, page by page.
    ///
    /// `GET /bank-transfer-payments` (official SDKs: `bank_transfer_payments.payments.list`).
    pub fn list(
        &self,
        query: &payroc_model::bank_transfer::BankTransferPaymentListQuery,
    ) -> Result<BlockingPager<payroc_model::bank_transfer::BankTransferPayment>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads a bank-transfer payment.
    ///
    /// `GET /bank-transfer-payments/{paymentId}` (official SDKs: `bank_transfer_payments.payments.retrieve`).
    pub fn retrieve(
        &self,
        payment_id: &str,
    ) -> Result<payroc_model::bank_transfer::BankTransferPayment> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(payment_id))
    }

    /// Re-presents a returned payment, to the same account or a new one.
    ///
    /// `POST /bank-transfer-payments/{paymentId}/represent` (official SDKs: `bank_transfer_payments.payments.represent`).
    pub fn represent(
        &self,
        payment_id: &str,
        request: &payroc_model::bank_transfer::Representment,
    ) -> Result<payroc_model::bank_transfer::BankTransferPayment> {
        self.client
            .runtime()
            .block_on(self.handle().represent(payment_id, request))
    }

    /// Refunds a settled payment (in full or in part); a payment still in the open batch is reversed instead.
    ///
    /// `POST /bank-transfer-payments/{paymentId}/refund` (official SDKs: `bank_transfer_payments.refunds.refund`).
    pub fn refund(
        &self,
        payment_id: &str,
        request: &payroc_model::bank_transfer::BankTransferReferencedRefund,
    ) -> Result<payroc_model::bank_transfer::BankTransferPayment> {
        self.client
            .runtime()
            .block_on(self.handle().refund(payment_id, request))
    }

    /// Voids a payment still in the open batch.
    ///
    /// `POST /bank-transfer-payments/{paymentId}/reverse` (official SDKs: `bank_transfer_payments.refunds.reverse_payment`).
    pub fn reverse(
        &self,
        payment_id: &str,
    ) -> Result<payroc_model::bank_transfer::BankTransferPayment> {
        self.client
            .runtime()
            .block_on(self.handle().reverse(payment_id))
    }
}

/// The `bank_transfer_refunds` operations of a [`Client`]; per-call options with
/// [`options`](BankTransferRefunds::options).
#[derive(Debug)]
pub struct BankTransferRefunds<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `bank_transfer_refunds` operations.
    pub fn bank_transfer_refunds(&self) -> BankTransferRefunds<'_> {
        BankTransferRefunds {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BankTransferRefunds<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends money to a bank account without a linked payment (an unreferenced refund).
    ///
    /// `POST /bank-transfer-refunds` (official SDKs: `bank_transfer_payments.refunds.create`).
    pub async fn create(
        &self,
        request: &payroc_model::bank_transfer::BankTransferUnreferencedRefund,
    ) -> Result<payroc_model::bank_transfer::BankTransferRefund> {
        self.client
            .invoke::<_, _>(&OPERATIONS[67], &[], &[], Some(request), &self.options)
            .await
    }

    /// Lists a terminal's bank-transfer refunds, page by page.
    ///
    /// `GET /bank-transfer-refunds` (official SDKs: `bank_transfer_payments.refunds.list`).
    pub fn list(
        &self,
        query: &payroc_model::bank_transfer::BankTransferRefundListQuery,
    ) -> Result<Pager<payroc_model::bank_transfer::BankTransferRefund>> {
        self.client.list(&OPERATIONS[68], &[], query)
    }

    /// Reads a bank-transfer refund.
    ///
    /// `GET /bank-transfer-refunds/{refundId}` (official SDKs: `bank_transfer_payments.refunds.retrieve`).
    pub async fn retrieve(
        &self,
        refund_id: &str,
    ) -> Result<payroc_model::bank_transfer::BankTransferRefund> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[69], &[refund_id], &[], None, &self.options)
            .await
    }

    /// Voids a refund still in the open batch.
    ///
    /// `POST /bank-transfer-refunds/{refundId}/reverse` (official SDKs: `bank_transfer_payments.refunds.reverse_refund`).
    pub async fn reverse(
        &self,
        refund_id: &str,
    ) -> Result<payroc_model::bank_transfer::BankTransferRefund> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[70], &[refund_id], &[], None, &self.options)
            .await
    }
}

/// The `bank_transfer_refunds` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingBankTransferRefunds::options).
#[derive(Debug)]
pub struct BlockingBankTransferRefunds<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `bank_transfer_refunds` operations.
    pub fn bank_transfer_refunds(&self) -> BlockingBankTransferRefunds<'_> {
        BlockingBankTransferRefunds {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingBankTransferRefunds<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> BankTransferRefunds<'_> {
        self.client
            .client()
            .bank_transfer_refunds()
            .options(self.options.clone())
    }

    /// Sends money to a bank account without a linked payment (an unreferenced refund).
    ///
    /// `POST /bank-transfer-refunds` (official SDKs: `bank_transfer_payments.refunds.create`).
    pub fn create(
        &self,
        request: &payroc_model::bank_transfer::BankTransferUnreferencedRefund,
    ) -> Result<payroc_model::bank_transfer::BankTransferRefund> {
        self.client
            .runtime()
            .block_on(self.handle().create(request))
    }

    /// Lists a terminal's bank-transfer refunds, page by page.
    ///
    /// `GET /bank-transfer-refunds` (official SDKs: `bank_transfer_payments.refunds.list`).
    pub fn list(
        &self,
        query: &payroc_model::bank_transfer::BankTransferRefundListQuery,
    ) -> Result<BlockingPager<payroc_model::bank_transfer::BankTransferRefund>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads a bank-transfer refund.
    ///
    /// `GET /bank-transfer-refunds/{refundId}` (official SDKs: `bank_transfer_payments.refunds.retrieve`).
    pub fn retrieve(
        &self,
        refund_id: &str,
    ) -> Result<payroc_model::bank_transfer::BankTransferRefund> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(refund_id))
    }

    /// Voids a refund still in the open batch.
    ///
    /// `POST /bank-transfer-refunds/{refundId}/reverse` (official SDKs: `bank_transfer_payments.refunds.reverse_refund`).
    pub fn reverse(
        &self,
        refund_id: &str,
    ) -> Result<payroc_model::bank_transfer::BankTransferRefund> {
        self.client
            .runtime()
            .block_on(self.handle().reverse(refund_id))
    }
}

/// The `batches` operations of a [`Client`]; per-call options with
/// [`options`](Batches::options).
#[derive(Debug)]
pub struct Batches<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `batches` operations.
    pub fn batches(&self) -> Batches<'_> {
        Batches {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Batches<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Lists the batches merchants submitted on a date, page by page.
    ///
    /// `GET /batches` (official SDKs: `reporting.settlement.list_batches`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::BatchListQuery,
    ) -> Result<Pager<payroc_model::settlement::Batch>> {
        self.client.list(&OPERATIONS[71], &[], query)
    }

    /// Reads a batch: its sales, returns and number of transactions.
    ///
    /// `GET /batches/{batchId}` (official SDKs: `reporting.settlement.retrieve_batch`).
    pub async fn retrieve(&self, batch_id: &str) -> Result<payroc_model::settlement::Batch> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[72], &[batch_id], &[], None, &self.options)
            .await
    }
}

/// The `batches` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingBatches::options).
#[derive(Debug)]
pub struct BlockingBatches<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `batches` operations.
    pub fn batches(&self) -> BlockingBatches<'_> {
        BlockingBatches {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingBatches<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Batches<'_> {
        self.client.client().batches().options(self.options.clone())
    }

    /// Lists the batches merchants submitted on a date, page by page.
    ///
    /// `GET /batches` (official SDKs: `reporting.settlement.list_batches`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::BatchListQuery,
    ) -> Result<BlockingPager<payroc_model::settlement::Batch>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads a batch: its sales, returns and number of transactions.
    ///
    /// `GET /batches/{batchId}` (official SDKs: `reporting.settlement.retrieve_batch`).
    pub fn retrieve(&self, batch_id: &str) -> Result<payroc_model::settlement::Batch> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(batch_id))
    }
}

/// The `transactions` operations of a [`Client`]; per-call options with
/// [`options`](Transactions::options).
#[derive(Debug)]
pub struct Transactions<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `transactions` operations.
    pub fn transactions(&self) -> Transactions<'_> {
        Transactions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Transactions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Lists settled transactions of a date or a batch, page by page.
    ///
    /// `GET /transactions` (official SDKs: `reporting.settlement.list_transactions`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::TransactionListQuery,
    ) -> Result<Pager<payroc_model::settlement::Transaction>> {
        self.client.list(&OPERATIONS[73], &[], query)
    }

    /// Reads a settled transaction.
    ///
    /// `GET /transactions/{transactionId}` (official SDKs: `reporting.settlement.retrieve_transaction`).
    pub async fn retrieve(
        &self,
        transaction_id: &str,
    ) -> Result<payroc_model::settlement::Transaction> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[74], &[transaction_id], &[], None, &self.options)
            .await
    }
}

/// The `transactions` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingTransactions::options).
#[derive(Debug)]
pub struct BlockingTransactions<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `transactions` operations.
    pub fn transactions(&self) -> BlockingTransactions<'_> {
        BlockingTransactions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingTransactions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Transactions<'_> {
        self.client
            .client()
            .transactions()
            .options(self.options.clone())
    }

    /// Lists settled transactions of a date or a batch, page by page.
    ///
    /// `GET /transactions` (official SDKs: `reporting.settlement.list_transactions`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::TransactionListQuery,
    ) -> Result<BlockingPager<payroc_model::settlement::Transaction>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads a settled transaction.
    ///
    /// `GET /transactions/{transactionId}` (official SDKs: `reporting.settlement.retrieve_transaction`).
    pub fn retrieve(&self, transaction_id: &str) -> Result<payroc_model::settlement::Transaction> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(transaction_id))
    }
}

/// The `authorizations` operations of a [`Client`]; per-call options with
/// [`options`](Authorizations::options).
#[derive(Debug)]
pub struct Authorizations<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `authorizations` operations.
    pub fn authorizations(&self) -> Authorizations<'_> {
        Authorizations {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Authorizations<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Lists the authorizations of a date or a batch, page by page.
    ///
    /// `GET /authorizations` (official SDKs: `reporting.settlement.list_authorizations`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::AuthorizationListQuery,
    ) -> Result<Pager<payroc_model::settlement::Authorization>> {
        self.client.list(&OPERATIONS[75], &[], query)
    }

    /// Reads an authorization.
    ///
    /// `GET /authorizations/{authorizationId}` (official SDKs: `reporting.settlement.retrieve_authorization`).
    pub async fn retrieve(
        &self,
        authorization_id: &str,
    ) -> Result<payroc_model::settlement::Authorization> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[76],
                &[authorization_id],
                &[],
                None,
                &self.options,
            )
            .await
    }
}

/// The `authorizations` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingAuthorizations::options).
#[derive(Debug)]
pub struct BlockingAuthorizations<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `authorizations` operations.
    pub fn authorizations(&self) -> BlockingAuthorizations<'_> {
        BlockingAuthorizations {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingAuthorizations<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Authorizations<'_> {
        self.client
            .client()
            .authorizations()
            .options(self.options.clone())
    }

    /// Lists the authorizations of a date or a batch, page by page.
    ///
    /// `GET /authorizations` (official SDKs: `reporting.settlement.list_authorizations`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::AuthorizationListQuery,
    ) -> Result<BlockingPager<payroc_model::settlement::Authorization>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads an authorization.
    ///
    /// `GET /authorizations/{authorizationId}` (official SDKs: `reporting.settlement.retrieve_authorization`).
    pub fn retrieve(
        &self,
        authorization_id: &str,
    ) -> Result<payroc_model::settlement::Authorization> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(authorization_id))
    }
}

/// The `disputes` operations of a [`Client`]; per-call options with
/// [`options`](Disputes::options).
#[derive(Debug)]
pub struct Disputes<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `disputes` operations.
    pub fn disputes(&self) -> Disputes<'_> {
        Disputes {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Disputes<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Lists the disputes (chargebacks) created on a date, page by page.
    ///
    /// `GET /disputes` (official SDKs: `reporting.settlement.list_disputes`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::DatedListQuery,
    ) -> Result<Pager<payroc_model::settlement::Dispute>> {
        self.client.list(&OPERATIONS[77], &[], query)
    }

    /// Lists every status a dispute has had, oldest first.
    ///
    /// `GET /disputes/{disputeId}/statuses` (official SDKs: `reporting.settlement.list_disputes_statuses`).
    pub async fn list_statuses(
        &self,
        dispute_id: &str,
    ) -> Result<Vec<payroc_model::settlement::DisputeStatus>> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[78], &[dispute_id], &[], None, &self.options)
            .await
    }
}

/// The `disputes` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingDisputes::options).
#[derive(Debug)]
pub struct BlockingDisputes<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `disputes` operations.
    pub fn disputes(&self) -> BlockingDisputes<'_> {
        BlockingDisputes {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingDisputes<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Disputes<'_> {
        self.client
            .client()
            .disputes()
            .options(self.options.clone())
    }

    /// Lists the disputes (chargebacks) created on a date, page by page.
    ///
    /// `GET /disputes` (official SDKs: `reporting.settlement.list_disputes`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::DatedListQuery,
    ) -> Result<BlockingPager<payroc_model::settlement::Dispute>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Lists every status a dispute has had, oldest first.
    ///
    /// `GET /disputes/{disputeId}/statuses` (official SDKs: `reporting.settlement.list_disputes_statuses`).
    pub fn list_statuses(
        &self,
        dispute_id: &str,
    ) -> Result<Vec<payroc_model::settlement::DisputeStatus>> {
        self.client
            .runtime()
            .block_on(self.handle().list_statuses(dispute_id))
    }
}

/// The `ach_deposits` operations of a [`Client`]; per-call options with
/// [`options`](AchDeposits::options).
#[derive(Debug)]
pub struct AchDeposits<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `ach_deposits` operations.
    pub fn ach_deposits(&self) -> AchDeposits<'_> {
        AchDeposits {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl AchDeposits<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Lists the ACH deposits of a date, page by page.
    ///
    /// `GET /ach-deposits` (official SDKs: `reporting.settlement.list_ach_deposits`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::DatedListQuery,
    ) -> Result<Pager<payroc_model::settlement::AchDeposit>> {
        self.client.list(&OPERATIONS[79], &[], query)
    }

    /// Reads an ACH deposit: the batches it pays, less fees.
    ///
    /// `GET /ach-deposits/{achDepositId}` (official SDKs: `reporting.settlement.retrieve_ach_deposit`).
    pub async fn retrieve(
        &self,
        ach_deposit_id: &str,
    ) -> Result<payroc_model::settlement::AchDeposit> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[80], &[ach_deposit_id], &[], None, &self.options)
            .await
    }
}

/// The `ach_deposits` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingAchDeposits::options).
#[derive(Debug)]
pub struct BlockingAchDeposits<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `ach_deposits` operations.
    pub fn ach_deposits(&self) -> BlockingAchDeposits<'_> {
        BlockingAchDeposits {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingAchDeposits<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> AchDeposits<'_> {
        self.client
            .client()
            .ach_deposits()
            .options(self.options.clone())
    }

    /// Lists the ACH deposits of a date, page by page.
    ///
    /// `GET /ach-deposits` (official SDKs: `reporting.settlement.list_ach_deposits`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::DatedListQuery,
    ) -> Result<BlockingPager<payroc_model::settlement::AchDeposit>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads an ACH deposit: the batches it pays, less fees.
    ///
    /// `GET /ach-deposits/{achDepositId}` (official SDKs: `reporting.settlement.retrieve_ach_deposit`).
    pub fn retrieve(&self, ach_deposit_id: &str) -> Result<payroc_model::settlement::AchDeposit> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(ach_deposit_id))
    }
}

/// The `ach_deposit_fees` operations of a [`Client`]; per-call options with
/// [`options`](AchDepositFees::options).
#[derive(Debug)]
pub struct AchDepositFees<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `ach_deposit_fees` operations.
    pub fn ach_deposit_fees(&self) -> AchDepositFees<'_> {
        AchDepositFees {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl AchDepositFees<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Lists the fees taken from ACH deposits of a date or of one deposit, page by page.
    ///
    /// `GET /ach-deposit-fees` (official SDKs: `reporting.settlement.list_ach_deposit_fees`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::AchDepositFeeListQuery,
    ) -> Result<Pager<payroc_model::settlement::AchDepositFee>> {
        self.client.list(&OPERATIONS[81], &[], query)
    }
}

/// The `ach_deposit_fees` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingAchDepositFees::options).
#[derive(Debug)]
pub struct BlockingAchDepositFees<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `ach_deposit_fees` operations.
    pub fn ach_deposit_fees(&self) -> BlockingAchDepositFees<'_> {
        BlockingAchDepositFees {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingAchDepositFees<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> AchDepositFees<'_> {
        self.client
            .client()
            .ach_deposit_fees()
            .options(self.options.clone())
    }

    /// Lists the fees taken from ACH deposits of a date or of one deposit, page by page.
    ///
    /// `GET /ach-deposit-fees` (official SDKs: `reporting.settlement.list_ach_deposit_fees`).
    pub fn list(
        &self,
        query: &payroc_model::settlement::AchDepositFeeListQuery,
    ) -> Result<BlockingPager<payroc_model::settlement::AchDepositFee>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }
}

/// The `funding_recipients` operations of a [`Client`]; per-call options with
/// [`options`](FundingRecipients::options).
#[derive(Debug)]
pub struct FundingRecipients<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `funding_recipients` operations.
    pub fn funding_recipients(&self) -> FundingRecipients<'_> {
        FundingRecipients {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl FundingRecipients<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Creates a funding recipient (a business that receives funds, e.g. a charity) with its owners and funding accounts.
    ///
    /// `POST /funding-recipients` (official SDKs: `funding.funding_recipients.create`).
    pub async fn create(
        &self,
        request: &payroc_model::funding::CreateFundingRecipient,
    ) -> Result<payroc_model::funding::FundingRecipient> {
        self.client
            .invoke::<_, _>(&OPERATIONS[82], &[], &[], Some(request), &self.options)
            .await
    }

    /// Lists funding recipients, page by page.
    ///
    /// `GET /funding-recipients` (official SDKs: `funding.funding_recipients.list`).
    pub fn list(
        &self,
        query: &payroc_model::page::PageQuery,
    ) -> Result<Pager<payroc_model::funding::FundingRecipient>> {
        self.client.list(&OPERATIONS[83], &[], query)
    }

    /// Reads a funding recipient.
    ///
    /// `GET /funding-recipients/{recipientId}` (official SDKs: `funding.funding_recipients.retrieve`).
    pub async fn retrieve(
        &self,
        recipient_id: &str,
    ) -> Result<payroc_model::funding::FundingRecipient> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[84], &[recipient_id], &[], None, &self.options)
            .await
    }

    /// Replaces a funding recipient's details (a PUT: send them all; owners and accounts change through their own operations).
    ///
    /// `PUT /funding-recipients/{recipientId}` (official SDKs: `funding.funding_recipients.update`).
    pub async fn update(
        &self,
        recipient_id: &str,
        request: &payroc_model::funding::FundingRecipient,
    ) -> Result<()> {
        self.client
            .invoke_empty::<_>(
                &OPERATIONS[85],
                &[recipient_id],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Deletes a funding recipient with its owners and funding accounts.
    ///
    /// `DELETE /funding-recipients/{recipientId}` (official SDKs: `funding.funding_recipients.delete`).
    pub async fn delete(&self, recipient_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(&OPERATIONS[86], &[recipient_id], None, &self.options)
            .await
    }

    /// Lists a funding recipient's funding accounts (one array, not paged).
    ///
    /// `GET /funding-recipients/{recipientId}/funding-accounts` (official SDKs: `funding.funding_recipients.list_accounts`).
    pub async fn list_accounts(
        &self,
        recipient_id: &str,
    ) -> Result<Vec<payroc_model::funding::FundingAccount>> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[87], &[recipient_id], &[], None, &self.options)
            .await
    }

    /// Adds a funding account to a funding recipient.
    ///
    /// `POST /funding-recipients/{recipientId}/funding-accounts` (official SDKs: `funding.funding_recipients.create_account`).
    pub async fn create_account(
        &self,
        recipient_id: &str,
        request: &payroc_model::funding::FundingAccount,
    ) -> Result<payroc_model::funding::FundingAccount> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[88],
                &[recipient_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Lists a funding recipient's owners (one array, not paged).
    ///
    /// `GET /funding-recipients/{recipientId}/owners` (official SDKs: `funding.funding_recipients.list_owners`).
    pub async fn list_owners(
        &self,
        recipient_id: &str,
    ) -> Result<Vec<payroc_model::funding::Owner>> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[89], &[recipient_id], &[], None, &self.options)
            .await
    }

    /// Adds an owner to a funding recipient.
    ///
    /// `POST /funding-recipients/{recipientId}/owners` (official SDKs: `funding.funding_recipients.create_owner`).
    pub async fn create_owner(
        &self,
        recipient_id: &str,
        request: &payroc_model::funding::Owner,
    ) -> Result<payroc_model::funding::Owner> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[90],
                &[recipient_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }
}

/// The `funding_recipients` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingFundingRecipients::options).
#[derive(Debug)]
pub struct BlockingFundingRecipients<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `funding_recipients` operations.
    pub fn funding_recipients(&self) -> BlockingFundingRecipients<'_> {
        BlockingFundingRecipients {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingFundingRecipients<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> FundingRecipients<'_> {
        self.client
            .client()
            .funding_recipients()
            .options(self.options.clone())
    }

    /// Creates a funding recipient (a business that receives funds, e.g. a charity) with its owners and funding accounts.
    ///
    /// `POST /funding-recipients` (official SDKs: `funding.funding_recipients.create`).
    pub fn create(
        &self,
        request: &payroc_model::funding::CreateFundingRecipient,
    ) -> Result<payroc_model::funding::FundingRecipient> {
        self.client
            .runtime()
            .block_on(self.handle().create(request))
    }

    /// Lists funding recipients, page by page.
    ///
    /// `GET /funding-recipients` (official SDKs: `funding.funding_recipients.list`).
    pub fn list(
        &self,
        query: &payroc_model::page::PageQuery,
    ) -> Result<BlockingPager<payroc_model::funding::FundingRecipient>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads a funding recipient.
    ///
    /// `GET /funding-recipients/{recipientId}` (official SDKs: `funding.funding_recipients.retrieve`).
    pub fn retrieve(&self, recipient_id: &str) -> Result<payroc_model::funding::FundingRecipient> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(recipient_id))
    }

    /// Replaces a funding recipient's details (a PUT: send them all; owners and accounts change through their own operations).
    ///
    /// `PUT /funding-recipients/{recipientId}` (official SDKs: `funding.funding_recipients.update`).
    pub fn update(
        &self,
        recipient_id: &str,
        request: &payroc_model::funding::FundingRecipient,
    ) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().update(recipient_id, request))
    }

    /// Deletes a funding recipient with its owners and funding accounts.
    ///
    /// `DELETE /funding-recipients/{recipientId}` (official SDKs: `funding.funding_recipients.delete`).
    pub fn delete(&self, recipient_id: &str) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().delete(recipient_id))
    }

    /// Lists a funding recipient's funding accounts (one array, not paged).
    ///
    /// `GET /funding-recipients/{recipientId}/funding-accounts` (official SDKs: `funding.funding_recipients.list_accounts`).
    pub fn list_accounts(
        &self,
        recipient_id: &str,
    ) -> Result<Vec<payroc_model::funding::FundingAccount>> {
        self.client
            .runtime()
            .block_on(self.handle().list_accounts(recipient_id))
    }

    /// Adds a funding account to a funding recipient.
    ///
    /// `POST /funding-recipients/{recipientId}/funding-accounts` (official SDKs: `funding.funding_recipients.create_account`).
    pub fn create_account(
        &self,
        recipient_id: &str,
        request: &payroc_model::funding::FundingAccount,
    ) -> Result<payroc_model::funding::FundingAccount> {
        self.client
            .runtime()
            .block_on(self.handle().create_account(recipient_id, request))
    }

    /// Lists a funding recipient's owners (one array, not paged).
    ///
    /// `GET /funding-recipients/{recipientId}/owners` (official SDKs: `funding.funding_recipients.list_owners`).
    pub fn list_owners(&self, recipient_id: &str) -> Result<Vec<payroc_model::funding::Owner>> {
        self.client
            .runtime()
            .block_on(self.handle().list_owners(recipient_id))
    }

    /// Adds an owner to a funding recipient.
    ///
    /// `POST /funding-recipients/{recipientId}/owners` (official SDKs: `funding.funding_recipients.create_owner`).
    pub fn create_owner(
        &self,
        recipient_id: &str,
        request: &payroc_model::funding::Owner,
    ) -> Result<payroc_model::funding::Owner> {
        self.client
            .runtime()
            .block_on(self.handle().create_owner(recipient_id, request))
    }
}

/// The `funding_accounts` operations of a [`Client`]; per-call options with
/// [`options`](FundingAccounts::options).
#[derive(Debug)]
pub struct FundingAccounts<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `funding_accounts` operations.
    pub fn funding_accounts(&self) -> FundingAccounts<'_> {
        FundingAccounts {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl FundingAccounts<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Lists funding accounts, page by page.
    ///
    /// `GET /funding-accounts` (official SDKs: `funding.funding_accounts.list`).
    pub fn list(
        &self,
        query: &payroc_model::page::PageQuery,
    ) -> Result<Pager<payroc_model::funding::FundingAccount>> {
        self.client.list(&OPERATIONS[91], &[], query)
    }

    /// Reads a funding account.
    ///
    /// `GET /funding-accounts/{fundingAccountId}` (official SDKs: `funding.funding_accounts.retrieve`).
    pub async fn retrieve(
        &self,
        funding_account_id: &str,
    ) -> Result<payroc_model::funding::FundingAccount> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[92],
                &[funding_account_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Replaces a funding recipient's funding account (a PUT: send it all).
    ///
    /// `PUT /funding-accounts/{fundingAccountId}` (official SDKs: `funding.funding_accounts.update`).
    pub async fn update(
        &self,
        funding_account_id: &str,
        request: &payroc_model::funding::FundingAccount,
    ) -> Result<()> {
        self.client
            .invoke_empty::<_>(
                &OPERATIONS[93],
                &[funding_account_id],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Deletes a funding recipient's funding account.
    ///
    /// `DELETE /funding-accounts/{fundingAccountId}` (official SDKs: `funding.funding_accounts.delete`).
    pub async fn delete(&self, funding_account_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(&OPERATIONS[94], &[funding_account_id], None, &self.options)
            .await
    }
}

/// The `funding_accounts` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingFundingAccounts::options).
#[derive(Debug)]
pub struct BlockingFundingAccounts<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `funding_accounts` operations.
    pub fn funding_accounts(&self) -> BlockingFundingAccounts<'_> {
        BlockingFundingAccounts {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingFundingAccounts<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> FundingAccounts<'_> {
        self.client
            .client()
            .funding_accounts()
            .options(self.options.clone())
    }

    /// Lists funding accounts, page by page.
    ///
    /// `GET /funding-accounts` (official SDKs: `funding.funding_accounts.list`).
    pub fn list(
        &self,
        query: &payroc_model::page::PageQuery,
    ) -> Result<BlockingPager<payroc_model::funding::FundingAccount>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads a funding account.
    ///
    /// `GET /funding-accounts/{fundingAccountId}` (official SDKs: `funding.funding_accounts.retrieve`).
    pub fn retrieve(
        &self,
        funding_account_id: &str,
    ) -> Result<payroc_model::funding::FundingAccount> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(funding_account_id))
    }

    /// Replaces a funding recipient's funding account (a PUT: send it all).
    ///
    /// `PUT /funding-accounts/{fundingAccountId}` (official SDKs: `funding.funding_accounts.update`).
    pub fn update(
        &self,
        funding_account_id: &str,
        request: &payroc_model::funding::FundingAccount,
    ) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().update(funding_account_id, request))
    }

    /// Deletes a funding recipient's funding account.
    ///
    /// `DELETE /funding-accounts/{fundingAccountId}` (official SDKs: `funding.funding_accounts.delete`).
    pub fn delete(&self, funding_account_id: &str) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().delete(funding_account_id))
    }
}

/// The `funding_instructions` operations of a [`Client`]; per-call options with
/// [`options`](FundingInstructions::options).
#[derive(Debug)]
pub struct FundingInstructions<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `funding_instructions` operations.
    pub fn funding_instructions(&self) -> FundingInstructions<'_> {
        FundingInstructions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl FundingInstructions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends amounts of merchants' available funding balances to funding accounts.
    ///
    /// `POST /funding-instructions` (official SDKs: `funding.funding_instructions.create`).
    pub async fn create(
        &self,
        request: &payroc_model::funding::Instruction,
    ) -> Result<payroc_model::funding::Instruction> {
        self.client
            .invoke::<_, _>(&OPERATIONS[95], &[], &[], Some(request), &self.options)
            .await
    }

    /// Lists the funding instructions created in a date range, page by page.
    ///
    /// `GET /funding-instructions` (official SDKs: `funding.funding_instructions.list`).
    pub fn list(
        &self,
        query: &payroc_model::funding::FundingInstructionListQuery,
    ) -> Result<Pager<payroc_model::funding::Instruction>> {
        self.client.list(&OPERATIONS[96], &[], query)
    }

    /// Reads a funding instruction and where its payments stand.
    ///
    /// `GET /funding-instructions/{instructionId}` (official SDKs: `funding.funding_instructions.retrieve`).
    pub async fn retrieve(
        &self,
        instruction_id: &str,
    ) -> Result<payroc_model::funding::Instruction> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[97], &[instruction_id], &[], None, &self.options)
            .await
    }

    /// Replaces a funding instruction's payments while it is `accepted` (a PUT: send them all).
    ///
    /// `PUT /funding-instructions/{instructionId}` (official SDKs: `funding.funding_instructions.update`).
    pub async fn update(
        &self,
        instruction_id: &str,
        request: &payroc_model::funding::Instruction,
    ) -> Result<()> {
        self.client
            .invoke_empty::<_>(
                &OPERATIONS[98],
                &[instruction_id],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Deletes a funding instruction while it is `accepted`; its amounts return to the balances.
    ///
    /// `DELETE /funding-instructions/{instructionId}` (official SDKs: `funding.funding_instructions.delete`).
    pub async fn delete(&self, instruction_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(&OPERATIONS[99], &[instruction_id], None, &self.options)
            .await
    }
}

/// The `funding_instructions` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingFundingInstructions::options).
#[derive(Debug)]
pub struct BlockingFundingInstructions<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `funding_instructions` operations.
    pub fn funding_instructions(&self) -> BlockingFundingInstructions<'_> {
        BlockingFundingInstructions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingFundingInstructions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> FundingInstructions<'_> {
        self.client
            .client()
            .funding_instructions()
            .options(self.options.clone())
    }

    /// Sends amounts of merchants' available funding balances to funding accounts.
    ///
    /// `POST /funding-instructions` (official SDKs: `funding.funding_instructions.create`).
    pub fn create(
        &self,
        request: &payroc_model::funding::Instruction,
    ) -> Result<payroc_model::funding::Instruction> {
        self.client
            .runtime()
            .block_on(self.handle().create(request))
    }

    /// Lists the funding instructions created in a date range, page by page.
    ///
    /// `GET /funding-instructions` (official SDKs: `funding.funding_instructions.list`).
    pub fn list(
        &self,
        query: &payroc_model::funding::FundingInstructionListQuery,
    ) -> Result<BlockingPager<payroc_model::funding::Instruction>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads a funding instruction and where its payments stand.
    ///
    /// `GET /funding-instructions/{instructionId}` (official SDKs: `funding.funding_instructions.retrieve`).
    pub fn retrieve(&self, instruction_id: &str) -> Result<payroc_model::funding::Instruction> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(instruction_id))
    }

    /// Replaces a funding instruction's payments while it is `accepted` (a PUT: send them all).
    ///
    /// `PUT /funding-instructions/{instructionId}` (official SDKs: `funding.funding_instructions.update`).
    pub fn update(
        &self,
        instruction_id: &str,
        request: &payroc_model::funding::Instruction,
    ) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().update(instruction_id, request))
    }

    /// Deletes a funding instruction while it is `accepted`; its amounts return to the balances.
    ///
    /// `DELETE /funding-instructions/{instructionId}` (official SDKs: `funding.funding_instructions.delete`).
    pub fn delete(&self, instruction_id: &str) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().delete(instruction_id))
    }
}

/// The `funding_activity` operations of a [`Client`]; per-call options with
/// [`options`](FundingActivity::options).
#[derive(Debug)]
pub struct FundingActivity<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `funding_activity` operations.
    pub fn funding_activity(&self) -> FundingActivity<'_> {
        FundingActivity {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl FundingActivity<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Lists the movements of merchants' funding balances in a date range, page by page.
    ///
    /// `GET /funding-activity` (official SDKs: `funding.funding_activity.list`).
    pub fn list(
        &self,
        query: &payroc_model::funding::FundingActivityListQuery,
    ) -> Result<Pager<payroc_model::funding::ActivityRecord>> {
        self.client.list(&OPERATIONS[100], &[], query)
    }

    /// Lists merchants' funding balances (funds, pending, available), page by page.
    ///
    /// `GET /funding-balance` (official SDKs: `funding.funding_activity.retrieve_balance`).
    pub fn retrieve_balance(
        &self,
        query: &payroc_model::funding::FundingBalanceQuery,
    ) -> Result<Pager<payroc_model::funding::MerchantBalance>> {
        self.client.list(&OPERATIONS[101], &[], query)
    }
}

/// The `funding_activity` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingFundingActivity::options).
#[derive(Debug)]
pub struct BlockingFundingActivity<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `funding_activity` operations.
    pub fn funding_activity(&self) -> BlockingFundingActivity<'_> {
        BlockingFundingActivity {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingFundingActivity<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> FundingActivity<'_> {
        self.client
            .client()
            .funding_activity()
            .options(self.options.clone())
    }

    /// Lists the movements of merchants' funding balances in a date range, page by page.
    ///
    /// `GET /funding-activity` (official SDKs: `funding.funding_activity.list`).
    pub fn list(
        &self,
        query: &payroc_model::funding::FundingActivityListQuery,
    ) -> Result<BlockingPager<payroc_model::funding::ActivityRecord>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Lists merchants' funding balances (funds, pending, available), page by page.
    ///
    /// `GET /funding-balance` (official SDKs: `funding.funding_activity.retrieve_balance`).
    pub fn retrieve_balance(
        &self,
        query: &payroc_model::funding::FundingBalanceQuery,
    ) -> Result<BlockingPager<payroc_model::funding::MerchantBalance>> {
        Ok(BlockingPager::new(
            self.handle().retrieve_balance(query)?,
            self.client.runtime().clone(),
        ))
    }
}

/// The `pricing_intents` operations of a [`Client`]; per-call options with
/// [`options`](PricingIntents::options).
#[derive(Debug)]
pub struct PricingIntents<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `pricing_intents` operations.
    pub fn pricing_intents(&self) -> PricingIntents<'_> {
        PricingIntents {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl PricingIntents<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Creates a pricing intent: the fees (US MPA 5.0) you propose for the merchants you board.
    ///
    /// `POST /pricing-intents` (official SDKs: `boarding.pricing_intents.create`).
    pub async fn create(
        &self,
        request: &payroc_model::pricing_intent::PricingIntent,
    ) -> Result<payroc_model::pricing_intent::PricingIntent> {
        self.client
            .invoke::<_, _>(&OPERATIONS[102], &[], &[], Some(request), &self.options)
            .await
    }

    /// Lists your pricing intents, page by page.
    ///
    /// `GET /pricing-intents` (official SDKs: `boarding.pricing_intents.list`).
    pub fn list(
        &self,
        query: &payroc_model::page::PageQuery,
    ) -> Result<Pager<payroc_model::pricing_intent::PricingIntent>> {
        self.client.list(&OPERATIONS[103], &[], query)
    }

    /// Reads a pricing intent.
    ///
    /// `GET /pricing-intents/{pricingIntentId}` (official SDKs: `boarding.pricing_intents.retrieve`).
    pub async fn retrieve(
        &self,
        pricing_intent_id: &str,
    ) -> Result<payroc_model::pricing_intent::PricingIntent> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[104],
                &[pricing_intent_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Replaces a pricing intent (a PUT: send all of it).
    ///
    /// `PUT /pricing-intents/{pricingIntentId}` (official SDKs: `boarding.pricing_intents.update`).
    pub async fn replace(
        &self,
        pricing_intent_id: &str,
        request: &payroc_model::pricing_intent::PricingIntent,
    ) -> Result<()> {
        self.client
            .invoke_empty::<_>(
                &OPERATIONS[105],
                &[pricing_intent_id],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Changes a pricing intent (its key, metadata, fees and services) with JSON Patch operations.
    ///
    /// `PATCH /pricing-intents/{pricingIntentId}` (official SDKs: `boarding.pricing_intents.partially_update`).
    pub async fn update(
        &self,
        pricing_intent_id: &str,
        request: &[payroc_model::common::PatchDocument],
    ) -> Result<payroc_model::pricing_intent::PricingIntent> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[106],
                &[pricing_intent_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Deletes a pricing intent.
    ///
    /// `DELETE /pricing-intents/{pricingIntentId}` (official SDKs: `boarding.pricing_intents.delete`).
    pub async fn delete(&self, pricing_intent_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(&OPERATIONS[107], &[pricing_intent_id], None, &self.options)
            .await
    }
}

/// The `pricing_intents` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingPricingIntents::options).
#[derive(Debug)]
pub struct BlockingPricingIntents<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `pricing_intents` operations.
    pub fn pricing_intents(&self) -> BlockingPricingIntents<'_> {
        BlockingPricingIntents {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingPricingIntents<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> PricingIntents<'_> {
        self.client
            .client()
            .pricing_intents()
            .options(self.options.clone())
    }

    /// Creates a pricing intent: the fees (US MPA 5.0) you propose for the merchants you board.
    ///
    /// `POST /pricing-intents` (official SDKs: `boarding.pricing_intents.create`).
    pub fn create(
        &self,
        request: &payroc_model::pricing_intent::PricingIntent,
    ) -> Result<payroc_model::pricing_intent::PricingIntent> {
        self.client
            .runtime()
            .block_on(self.handle().create(request))
    }

    /// Lists your pricing intents, page by page.
    ///
    /// `GET /pricing-intents` (official SDKs: `boarding.pricing_intents.list`).
    pub fn list(
        &self,
        query: &payroc_model::page::PageQuery,
    ) -> Result<BlockingPager<payroc_model::pricing_intent::PricingIntent>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads a pricing intent.
    ///
    /// `GET /pricing-intents/{pricingIntentId}` (official SDKs: `boarding.pricing_intents.retrieve`).
    pub fn retrieve(
        &self,
        pricing_intent_id: &str,
    ) -> Result<payroc_model::pricing_intent::PricingIntent> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(pricing_intent_id))
    }

    /// Replaces a pricing intent (a PUT: send all of it).
    ///
    /// `PUT /pricing-intents/{pricingIntentId}` (official SDKs: `boarding.pricing_intents.update`).
    pub fn replace(
        &self,
        pricing_intent_id: &str,
        request: &payroc_model::pricing_intent::PricingIntent,
    ) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().replace(pricing_intent_id, request))
    }

    /// Changes a pricing intent (its key, metadata, fees and services) with JSON Patch operations.
    ///
    /// `PATCH /pricing-intents/{pricingIntentId}` (official SDKs: `boarding.pricing_intents.partially_update`).
    pub fn update(
        &self,
        pricing_intent_id: &str,
        request: &[payroc_model::common::PatchDocument],
    ) -> Result<payroc_model::pricing_intent::PricingIntent> {
        self.client
            .runtime()
            .block_on(self.handle().update(pricing_intent_id, request))
    }

    /// Deletes a pricing intent.
    ///
    /// `DELETE /pricing-intents/{pricingIntentId}` (official SDKs: `boarding.pricing_intents.delete`).
    pub fn delete(&self, pricing_intent_id: &str) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().delete(pricing_intent_id))
    }
}

/// The `attachments` operations of a [`Client`]; per-call options with
/// [`options`](Attachments::options).
#[derive(Debug)]
pub struct Attachments<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `attachments` operations.
    pub fn attachments(&self) -> Attachments<'_> {
        Attachments {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Attachments<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Uploads a document (under 30 MB: PDF, PNG, JPEG, Office, text…) for a processing account's review.
    ///
    /// `POST /processing-accounts/{processingAccountId}/attachments` (official SDKs: `attachments.upload_to_processing_account`).
    pub async fn upload(
        &self,
        processing_account_id: &str,
        request: &payroc_model::attachment::UploadAttachment,
    ) -> Result<payroc_model::attachment::Attachment> {
        self.client
            .upload(
                &OPERATIONS[108],
                &[processing_account_id],
                request,
                &self.options,
            )
            .await
    }

    /// Reads an attachment's details and upload status (never the file).
    ///
    /// `GET /attachments/{attachmentId}` (official SDKs: `attachments.retrieve`).
    pub async fn retrieve(
        &self,
        attachment_id: &str,
    ) -> Result<payroc_model::attachment::Attachment> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[109], &[attachment_id], &[], None, &self.options)
            .await
    }
}

/// The `attachments` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingAttachments::options).
#[derive(Debug)]
pub struct BlockingAttachments<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `attachments` operations.
    pub fn attachments(&self) -> BlockingAttachments<'_> {
        BlockingAttachments {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingAttachments<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Attachments<'_> {
        self.client
            .client()
            .attachments()
            .options(self.options.clone())
    }

    /// Uploads a document (under 30 MB: PDF, PNG, JPEG, Office, text…) for a processing account's review.
    ///
    /// `POST /processing-accounts/{processingAccountId}/attachments` (official SDKs: `attachments.upload_to_processing_account`).
    pub fn upload(
        &self,
        processing_account_id: &str,
        request: &payroc_model::attachment::UploadAttachment,
    ) -> Result<payroc_model::attachment::Attachment> {
        self.client
            .runtime()
            .block_on(self.handle().upload(processing_account_id, request))
    }

    /// Reads an attachment's details and upload status (never the file).
    ///
    /// `GET /attachments/{attachmentId}` (official SDKs: `attachments.retrieve`).
    pub fn retrieve(&self, attachment_id: &str) -> Result<payroc_model::attachment::Attachment> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(attachment_id))
    }
}

/// The `merchant_platforms` operations of a [`Client`]; per-call options with
/// [`options`](MerchantPlatforms::options).
#[derive(Debug)]
pub struct MerchantPlatforms<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `merchant_platforms` operations.
    pub fn merchant_platforms(&self) -> MerchantPlatforms<'_> {
        MerchantPlatforms {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl MerchantPlatforms<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Boards a business (the merchant platform) with its first processing accounts, which Payroc then reviews.
    ///
    /// `POST /merchant-platforms` (official SDKs: `boarding.merchant_platforms.create`).
    pub async fn create(
        &self,
        request: &payroc_model::boarding::CreateMerchantPlatform,
    ) -> Result<payroc_model::boarding::MerchantPlatform> {
        self.client
            .invoke::<_, _>(&OPERATIONS[110], &[], &[], Some(request), &self.options)
            .await
    }

    /// Lists merchant platforms, page by page.
    ///
    /// `GET /merchant-platforms` (official SDKs: `boarding.merchant_platforms.list`).
    pub fn list(
        &self,
        query: &payroc_model::page::PageQuery,
    ) -> Result<Pager<payroc_model::boarding::MerchantPlatform>> {
        self.client.list(&OPERATIONS[111], &[], query)
    }

    /// Reads a merchant platform with its processing accounts' statuses.
    ///
    /// `GET /merchant-platforms/{merchantPlatformId}` (official SDKs: `boarding.merchant_platforms.retrieve`).
    pub async fn retrieve(
        &self,
        merchant_platform_id: &str,
    ) -> Result<payroc_model::boarding::MerchantPlatform> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[112],
                &[merchant_platform_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Lists a merchant platform's processing accounts (closed ones only with `includeClosed`), page by page.
    ///
    /// `GET /merchant-platforms/{merchantPlatformId}/processing-accounts` (official SDKs: `boarding.merchant_platforms.list_processing_accounts`).
    pub fn list_processing_accounts(
        &self,
        merchant_platform_id: &str,
        query: &payroc_model::boarding::ProcessingAccountListQuery,
    ) -> Result<Pager<payroc_model::boarding::ProcessingAccount>> {
        self.client
            .list(&OPERATIONS[113], &[merchant_platform_id], query)
    }

    /// Adds a processing account to a merchant platform; Payroc then reviews it.
    ///
    /// `POST /merchant-platforms/{merchantPlatformId}/processing-accounts` (official SDKs: `boarding.merchant_platforms.create_processing_account`).
    pub async fn create_processing_account(
        &self,
        merchant_platform_id: &str,
        request: &payroc_model::boarding::CreateProcessingAccount,
    ) -> Result<payroc_model::boarding::ProcessingAccount> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[114],
                &[merchant_platform_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }
}

/// The `merchant_platforms` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingMerchantPlatforms::options).
#[derive(Debug)]
pub struct BlockingMerchantPlatforms<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `merchant_platforms` operations.
    pub fn merchant_platforms(&self) -> BlockingMerchantPlatforms<'_> {
        BlockingMerchantPlatforms {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingMerchantPlatforms<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> MerchantPlatforms<'_> {
        self.client
            .client()
            .merchant_platforms()
            .options(self.options.clone())
    }

    /// Boards a business (the merchant platform) with its first processing accounts, which Payroc then reviews.
    ///
    /// `POST /merchant-platforms` (official SDKs: `boarding.merchant_platforms.create`).
    pub fn create(
        &self,
        request: &payroc_model::boarding::CreateMerchantPlatform,
    ) -> Result<payroc_model::boarding::MerchantPlatform> {
        self.client
            .runtime()
            .block_on(self.handle().create(request))
    }

    /// Lists merchant platforms, page by page.
    ///
    /// `GET /merchant-platforms` (official SDKs: `boarding.merchant_platforms.list`).
    pub fn list(
        &self,
        query: &payroc_model::page::PageQuery,
    ) -> Result<BlockingPager<payroc_model::boarding::MerchantPlatform>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads a merchant platform with its processing accounts' statuses.
    ///
    /// `GET /merchant-platforms/{merchantPlatformId}` (official SDKs: `boarding.merchant_platforms.retrieve`).
    pub fn retrieve(
        &self,
        merchant_platform_id: &str,
    ) -> Result<payroc_model::boarding::MerchantPlatform> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(merchant_platform_id))
    }

    /// Lists a merchant platform's processing accounts (closed ones only with `includeClosed`), page by page.
    ///
    /// `GET /merchant-platforms/{merchantPlatformId}/processing-accounts` (official SDKs: `boarding.merchant_platforms.list_processing_accounts`).
    pub fn list_processing_accounts(
        &self,
        merchant_platform_id: &str,
        query: &payroc_model::boarding::ProcessingAccountListQuery,
    ) -> Result<BlockingPager<payroc_model::boarding::ProcessingAccount>> {
        Ok(BlockingPager::new(
            self.handle()
                .list_processing_accounts(merchant_platform_id, query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Adds a processing account to a merchant platform; Payroc then reviews it.
    ///
    /// `POST /merchant-platforms/{merchantPlatformId}/processing-accounts` (official SDKs: `boarding.merchant_platforms.create_processing_account`).
    pub fn create_processing_account(
        &self,
        merchant_platform_id: &str,
        request: &payroc_model::boarding::CreateProcessingAccount,
    ) -> Result<payroc_model::boarding::ProcessingAccount> {
        self.client.runtime().block_on(
            self.handle()
                .create_processing_account(merchant_platform_id, request),
        )
    }
}

/// The `processing_accounts` operations of a [`Client`]; per-call options with
/// [`options`](ProcessingAccounts::options).
#[derive(Debug)]
pub struct ProcessingAccounts<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `processing_accounts` operations.
    pub fn processing_accounts(&self) -> ProcessingAccounts<'_> {
        ProcessingAccounts {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl ProcessingAccounts<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Reads a processing account and its review status.
    ///
    /// `GET /processing-accounts/{processingAccountId}` (official SDKs: `boarding.processing_accounts.retrieve`).
    pub async fn retrieve(
        &self,
        processing_account_id: &str,
    ) -> Result<payroc_model::boarding::ProcessingAccount> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[115],
                &[processing_account_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Lists a processing account's contacts, page by page.
    ///
    /// `GET /processing-accounts/{processingAccountId}/contacts` (official SDKs: `boarding.processing_accounts.list_contacts`).
    pub fn list_contacts(
        &self,
        processing_account_id: &str,
        query: &payroc_model::page::PageQuery,
    ) -> Result<Pager<payroc_model::boarding::Contact>> {
        self.client
            .list(&OPERATIONS[116], &[processing_account_id], query)
    }

    /// Lists a processing account's owners, page by page.
    ///
    /// `GET /processing-accounts/{processingAccountId}/owners` (official SDKs: `boarding.processing_accounts.list_owners`).
    pub fn list_owners(
        &self,
        processing_account_id: &str,
        query: &payroc_model::page::PageQuery,
    ) -> Result<Pager<payroc_model::funding::Owner>> {
        self.client
            .list(&OPERATIONS[117], &[processing_account_id], query)
    }

    /// Lists a processing account's funding accounts (one array, not paged).
    ///
    /// `GET /processing-accounts/{processingAccountId}/funding-accounts` (official SDKs: `boarding.processing_accounts.list_processing_account_funding_accounts`).
    pub async fn list_funding_accounts(
        &self,
        processing_account_id: &str,
    ) -> Result<Vec<payroc_model::funding::FundingAccount>> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[118],
                &[processing_account_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Lists a processing account's processing terminals, page by page.
    ///
    /// `GET /processing-accounts/{processingAccountId}/processing-terminals` (official SDKs: `boarding.processing_accounts.list_processing_terminals`).
    pub fn list_processing_terminals(
        &self,
        processing_account_id: &str,
        query: &payroc_model::page::PageQuery,
    ) -> Result<Pager<payroc_model::boarding::ProcessingTerminal>> {
        self.client
            .list(&OPERATIONS[119], &[processing_account_id], query)
    }

    /// Lists a processing account's terminal orders (one array, not paged), filtered by status and creation time.
    ///
    /// `GET /processing-accounts/{processingAccountId}/terminal-orders` (official SDKs: `boarding.processing_accounts.list_terminal_orders`).
    pub async fn list_terminal_orders(
        &self,
        processing_account_id: &str,
        query: &payroc_model::boarding::TerminalOrderListQuery,
    ) -> Result<Vec<payroc_model::boarding::TerminalOrder>> {
        self.client
            .invoke_query(
                &OPERATIONS[120],
                &[processing_account_id],
                query,
                &self.options,
            )
            .await
    }

    /// Reads a processing account's pricing agreement (US 4.0 or 5.0).
    ///
    /// `GET /processing-accounts/{processingAccountId}/pricing` (official SDKs: `boarding.processing_accounts.get_processing_account_pricing_agreement`).
    pub async fn retrieve_pricing_agreement(
        &self,
        processing_account_id: &str,
    ) -> Result<payroc_model::boarding::PricingAgreement> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[121],
                &[processing_account_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Emails the merchant a reminder to sign their pricing agreement (only when the signature was requested by email).
    ///
    /// `POST /processing-accounts/{processingAccountId}/reminders` (official SDKs: `boarding.processing_accounts.create_reminder`).
    pub async fn create_reminder(
        &self,
        processing_account_id: &str,
        request: &payroc_model::boarding::Reminder,
    ) -> Result<payroc_model::boarding::Reminder> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[122],
                &[processing_account_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Orders terminals for an approved processing account; Payroc then ships them.
    ///
    /// `POST /processing-accounts/{processingAccountId}/terminal-orders` (official SDKs: `boarding.processing_accounts.create_terminal_order`).
    pub async fn create_terminal_order(
        &self,
        processing_account_id: &str,
        request: &payroc_model::boarding::CreateTerminalOrder,
    ) -> Result<payroc_model::boarding::TerminalOrder> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[123],
                &[processing_account_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }
}

/// The `processing_accounts` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingProcessingAccounts::options).
#[derive(Debug)]
pub struct BlockingProcessingAccounts<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `processing_accounts` operations.
    pub fn processing_accounts(&self) -> BlockingProcessingAccounts<'_> {
        BlockingProcessingAccounts {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingProcessingAccounts<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> ProcessingAccounts<'_> {
        self.client
            .client()
            .processing_accounts()
            .options(self.options.clone())
    }

    /// Reads a processing account and its review status.
    ///
    /// `GET /processing-accounts/{processingAccountId}` (official SDKs: `boarding.processing_accounts.retrieve`).
    pub fn retrieve(
        &self,
        processing_account_id: &str,
    ) -> Result<payroc_model::boarding::ProcessingAccount> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(processing_account_id))
    }

    /// Lists a processing account's contacts, page by page.
    ///
    /// `GET /processing-accounts/{processingAccountId}/contacts` (official SDKs: `boarding.processing_accounts.list_contacts`).
    pub fn list_contacts(
        &self,
        processing_account_id: &str,
        query: &payroc_model::page::PageQuery,
    ) -> Result<BlockingPager<payroc_model::boarding::Contact>> {
        Ok(BlockingPager::new(
            self.handle().list_contacts(processing_account_id, query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Lists a processing account's owners, page by page.
    ///
    /// `GET /processing-accounts/{processingAccountId}/owners` (official SDKs: `boarding.processing_accounts.list_owners`).
    pub fn list_owners(
        &self,
        processing_account_id: &str,
        query: &payroc_model::page::PageQuery,
    ) -> Result<BlockingPager<payroc_model::funding::Owner>> {
        Ok(BlockingPager::new(
            self.handle().list_owners(processing_account_id, query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Lists a processing account's funding accounts (one array, not paged).
    ///
    /// `GET /processing-accounts/{processingAccountId}/funding-accounts` (official SDKs: `boarding.processing_accounts.list_processing_account_funding_accounts`).
    pub fn list_funding_accounts(
        &self,
        processing_account_id: &str,
    ) -> Result<Vec<payroc_model::funding::FundingAccount>> {
        self.client
            .runtime()
            .block_on(self.handle().list_funding_accounts(processing_account_id))
    }

    /// Lists a processing account's processing terminals, page by page.
    ///
    /// `GET /processing-accounts/{processingAccountId}/processing-terminals` (official SDKs: `boarding.processing_accounts.list_processing_terminals`).
    pub fn list_processing_terminals(
        &self,
        processing_account_id: &str,
        query: &payroc_model::page::PageQuery,
    ) -> Result<BlockingPager<payroc_model::boarding::ProcessingTerminal>> {
        Ok(BlockingPager::new(
            self.handle()
                .list_processing_terminals(processing_account_id, query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Lists a processing account's terminal orders (one array, not paged), filtered by status and creation time.
    ///
    /// `GET /processing-accounts/{processingAccountId}/terminal-orders` (official SDKs: `boarding.processing_accounts.list_terminal_orders`).
    pub fn list_terminal_orders(
        &self,
        processing_account_id: &str,
        query: &payroc_model::boarding::TerminalOrderListQuery,
    ) -> Result<Vec<payroc_model::boarding::TerminalOrder>> {
        self.client.runtime().block_on(
            self.handle()
                .list_terminal_orders(processing_account_id, query),
        )
    }

    /// Reads a processing account's pricing agreement (US 4.0 or 5.0).
    ///
    /// `GET /processing-accounts/{processingAccountId}/pricing` (official SDKs: `boarding.processing_accounts.get_processing_account_pricing_agreement`).
    pub fn retrieve_pricing_agreement(
        &self,
        processing_account_id: &str,
    ) -> Result<payroc_model::boarding::PricingAgreement> {
        self.client.runtime().block_on(
            self.handle()
                .retrieve_pricing_agreement(processing_account_id),
        )
    }

    /// Emails the merchant a reminder to sign their pricing agreement (only when the signature was requested by email).
    ///
    /// `POST /processing-accounts/{processingAccountId}/reminders` (official SDKs: `boarding.processing_accounts.create_reminder`).
    pub fn create_reminder(
        &self,
        processing_account_id: &str,
        request: &payroc_model::boarding::Reminder,
    ) -> Result<payroc_model::boarding::Reminder> {
        self.client.runtime().block_on(
            self.handle()
                .create_reminder(processing_account_id, request),
        )
    }

    /// Orders terminals for an approved processing account; Payroc then ships them.
    ///
    /// `POST /processing-accounts/{processingAccountId}/terminal-orders` (official SDKs: `boarding.processing_accounts.create_terminal_order`).
    pub fn create_terminal_order(
        &self,
        processing_account_id: &str,
        request: &payroc_model::boarding::CreateTerminalOrder,
    ) -> Result<payroc_model::boarding::TerminalOrder> {
        self.client.runtime().block_on(
            self.handle()
                .create_terminal_order(processing_account_id, request),
        )
    }
}

/// The `owners` operations of a [`Client`]; per-call options with
/// [`options`](Owners::options).
#[derive(Debug)]
pub struct Owners<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `owners` operations.
    pub fn owners(&self) -> Owners<'_> {
        Owners {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Owners<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Reads an owner of a processing account or funding recipient.
    ///
    /// `GET /owners/{ownerId}` (official SDKs: `boarding.owners.retrieve`).
    pub async fn retrieve(&self, owner_id: &str) -> Result<payroc_model::funding::Owner> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[124], &[owner_id], &[], None, &self.options)
            .await
    }

    /// Replaces an owner's details (a PUT: send them all).
    ///
    /// `PUT /owners/{ownerId}` (official SDKs: `boarding.owners.update`).
    pub async fn update(
        &self,
        owner_id: &str,
        request: &payroc_model::funding::Owner,
    ) -> Result<()> {
        self.client
            .invoke_empty::<_>(&OPERATIONS[125], &[owner_id], Some(request), &self.options)
            .await
    }

    /// Deletes a funding recipient's owner while it has another; a processing account's owners cannot be deleted.
    ///
    /// `DELETE /owners/{ownerId}` (official SDKs: `boarding.owners.delete`).
    pub async fn delete(&self, owner_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(&OPERATIONS[126], &[owner_id], None, &self.options)
            .await
    }
}

/// The `owners` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingOwners::options).
#[derive(Debug)]
pub struct BlockingOwners<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `owners` operations.
    pub fn owners(&self) -> BlockingOwners<'_> {
        BlockingOwners {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingOwners<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Owners<'_> {
        self.client.client().owners().options(self.options.clone())
    }

    /// Reads an owner of a processing account or funding recipient.
    ///
    /// `GET /owners/{ownerId}` (official SDKs: `boarding.owners.retrieve`).
    pub fn retrieve(&self, owner_id: &str) -> Result<payroc_model::funding::Owner> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(owner_id))
    }

    /// Replaces an owner's details (a PUT: send them all).
    ///
    /// `PUT /owners/{ownerId}` (official SDKs: `boarding.owners.update`).
    pub fn update(&self, owner_id: &str, request: &payroc_model::funding::Owner) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().update(owner_id, request))
    }

    /// Deletes a funding recipient's owner while it has another; a processing account's owners cannot be deleted.
    ///
    /// `DELETE /owners/{ownerId}` (official SDKs: `boarding.owners.delete`).
    pub fn delete(&self, owner_id: &str) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().delete(owner_id))
    }
}

/// The `contacts` operations of a [`Client`]; per-call options with
/// [`options`](Contacts::options).
#[derive(Debug)]
pub struct Contacts<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `contacts` operations.
    pub fn contacts(&self) -> Contacts<'_> {
        Contacts {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Contacts<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Reads a processing account's contact.
    ///
    /// `GET /contacts/{contactId}` (official SDKs: `boarding.contacts.retrieve`).
    pub async fn retrieve(&self, contact_id: &str) -> Result<payroc_model::boarding::Contact> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[127], &[contact_id], &[], None, &self.options)
            .await
    }

    /// Replaces a contact's details (a PUT: send them all).
    ///
    /// `PUT /contacts/{contactId}` (official SDKs: `boarding.contacts.update`).
    pub async fn update(
        &self,
        contact_id: &str,
        request: &payroc_model::boarding::Contact,
    ) -> Result<()> {
        self.client
            .invoke_empty::<_>(
                &OPERATIONS[128],
                &[contact_id],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Deletes a processing account's contact.
    ///
    /// `DELETE /contacts/{contactId}` (official SDKs: `boarding.contacts.delete`).
    pub async fn delete(&self, contact_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(&OPERATIONS[129], &[contact_id], None, &self.options)
            .await
    }
}

/// The `contacts` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingContacts::options).
#[derive(Debug)]
pub struct BlockingContacts<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `contacts` operations.
    pub fn contacts(&self) -> BlockingContacts<'_> {
        BlockingContacts {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingContacts<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Contacts<'_> {
        self.client
            .client()
            .contacts()
            .options(self.options.clone())
    }

    /// Reads a processing account's contact.
    ///
    /// `GET /contacts/{contactId}` (official SDKs: `boarding.contacts.retrieve`).
    pub fn retrieve(&self, contact_id: &str) -> Result<payroc_model::boarding::Contact> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(contact_id))
    }

    /// Replaces a contact's details (a PUT: send them all).
    ///
    /// `PUT /contacts/{contactId}` (official SDKs: `boarding.contacts.update`).
    pub fn update(
        &self,
        contact_id: &str,
        request: &payroc_model::boarding::Contact,
    ) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().update(contact_id, request))
    }

    /// Deletes a processing account's contact.
    ///
    /// `DELETE /contacts/{contactId}` (official SDKs: `boarding.contacts.delete`).
    pub fn delete(&self, contact_id: &str) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().delete(contact_id))
    }
}

/// The `processing_terminals` operations of a [`Client`]; per-call options with
/// [`options`](ProcessingTerminals::options).
#[derive(Debug)]
pub struct ProcessingTerminals<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `processing_terminals` operations.
    pub fn processing_terminals(&self) -> ProcessingTerminals<'_> {
        ProcessingTerminals {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl ProcessingTerminals<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Reads a processing terminal's settings.
    ///
    /// `GET /processing-terminals/{processingTerminalId}` (official SDKs: `boarding.processing_terminals.retrieve`).
    pub async fn retrieve(
        &self,
        processing_terminal_id: &str,
    ) -> Result<payroc_model::boarding::ProcessingTerminal> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[130],
                &[processing_terminal_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Reads a processing terminal's host processor configuration.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/host-configurations` (official SDKs: `boarding.processing_terminals.retrieve_host_configuration`).
    pub async fn retrieve_host_configuration(
        &self,
        processing_terminal_id: &str,
    ) -> Result<payroc_model::boarding::HostConfiguration> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[131],
                &[processing_terminal_id],
                &[],
                None,
                &self.options,
            )
            .await
    }
}

/// The `processing_terminals` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingProcessingTerminals::options).
#[derive(Debug)]
pub struct BlockingProcessingTerminals<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `processing_terminals` operations.
    pub fn processing_terminals(&self) -> BlockingProcessingTerminals<'_> {
        BlockingProcessingTerminals {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingProcessingTerminals<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> ProcessingTerminals<'_> {
        self.client
            .client()
            .processing_terminals()
            .options(self.options.clone())
    }

    /// Reads a processing terminal's settings.
    ///
    /// `GET /processing-terminals/{processingTerminalId}` (official SDKs: `boarding.processing_terminals.retrieve`).
    pub fn retrieve(
        &self,
        processing_terminal_id: &str,
    ) -> Result<payroc_model::boarding::ProcessingTerminal> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(processing_terminal_id))
    }

    /// Reads a processing terminal's host processor configuration.
    ///
    /// `GET /processing-terminals/{processingTerminalId}/host-configurations` (official SDKs: `boarding.processing_terminals.retrieve_host_configuration`).
    pub fn retrieve_host_configuration(
        &self,
        processing_terminal_id: &str,
    ) -> Result<payroc_model::boarding::HostConfiguration> {
        self.client.runtime().block_on(
            self.handle()
                .retrieve_host_configuration(processing_terminal_id),
        )
    }
}

/// The `terminal_orders` operations of a [`Client`]; per-call options with
/// [`options`](TerminalOrders::options).
#[derive(Debug)]
pub struct TerminalOrders<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `terminal_orders` operations.
    pub fn terminal_orders(&self) -> TerminalOrders<'_> {
        TerminalOrders {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl TerminalOrders<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Reads a terminal order and where its shipping stands.
    ///
    /// `GET /terminal-orders/{terminalOrderId}` (official SDKs: `boarding.terminal_orders.retrieve`).
    pub async fn retrieve(
        &self,
        terminal_order_id: &str,
    ) -> Result<payroc_model::boarding::TerminalOrder> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[132],
                &[terminal_order_id],
                &[],
                None,
                &self.options,
            )
            .await
    }
}

/// The `terminal_orders` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingTerminalOrders::options).
#[derive(Debug)]
pub struct BlockingTerminalOrders<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `terminal_orders` operations.
    pub fn terminal_orders(&self) -> BlockingTerminalOrders<'_> {
        BlockingTerminalOrders {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingTerminalOrders<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> TerminalOrders<'_> {
        self.client
            .client()
            .terminal_orders()
            .options(self.options.clone())
    }

    /// Reads a terminal order and where its shipping stands.
    ///
    /// `GET /terminal-orders/{terminalOrderId}` (official SDKs: `boarding.terminal_orders.retrieve`).
    pub fn retrieve(
        &self,
        terminal_order_id: &str,
    ) -> Result<payroc_model::boarding::TerminalOrder> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(terminal_order_id))
    }
}

/// The `event_subscriptions` operations of a [`Client`]; per-call options with
/// [`options`](EventSubscriptions::options).
#[derive(Debug)]
pub struct EventSubscriptions<'a> {
    pub(crate) client: &'a Client,
    pub(crate) options: RequestOptions,
}

impl Client {
    /// The `event_subscriptions` operations.
    pub fn event_subscriptions(&self) -> EventSubscriptions<'_> {
        EventSubscriptions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl EventSubscriptions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Subscribes to events (a processing account's status changing…), delivered to a webhook with a shared secret.
    ///
    /// `POST /event-subscriptions` (official SDKs: `notifications.event_subscriptions.create`).
    pub async fn create(
        &self,
        request: &payroc_model::event_subscription::EventSubscription,
    ) -> Result<payroc_model::event_subscription::EventSubscription> {
        self.client
            .invoke::<_, _>(&OPERATIONS[133], &[], &[], Some(request), &self.options)
            .await
    }

    /// Lists event subscriptions, by status and event type, page by page.
    ///
    /// `GET /event-subscriptions` (official SDKs: `notifications.event_subscriptions.list`).
    pub fn list(
        &self,
        query: &payroc_model::event_subscription::EventSubscriptionListQuery,
    ) -> Result<Pager<payroc_model::event_subscription::EventSubscription>> {
        self.client.list(&OPERATIONS[134], &[], query)
    }

    /// Reads an event subscription (its webhook secret masked).
    ///
    /// `GET /event-subscriptions/{subscriptionId}` (official SDKs: `notifications.event_subscriptions.retrieve`).
    pub async fn retrieve(
        &self,
        subscription_id: &str,
    ) -> Result<payroc_model::event_subscription::EventSubscription> {
        self.client
            .invoke::<NoBody, _>(
                &OPERATIONS[135],
                &[subscription_id],
                &[],
                None,
                &self.options,
            )
            .await
    }

    /// Replaces an event subscription (a PUT: send it all).
    ///
    /// `PUT /event-subscriptions/{subscriptionId}` (official SDKs: `notifications.event_subscriptions.update`).
    pub async fn replace(
        &self,
        subscription_id: &str,
        request: &payroc_model::event_subscription::EventSubscription,
    ) -> Result<()> {
        self.client
            .invoke_empty::<_>(
                &OPERATIONS[136],
                &[subscription_id],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Changes an event subscription with JSON Patch operations.
    ///
    /// `PATCH /event-subscriptions/{subscriptionId}` (official SDKs: `notifications.event_subscriptions.partially_update`).
    pub async fn update(
        &self,
        subscription_id: &str,
        request: &[payroc_model::common::PatchDocument],
    ) -> Result<payroc_model::event_subscription::EventSubscription> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[137],
                &[subscription_id],
                &[],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Deletes an event subscription: no more notifications.
    ///
    /// `DELETE /event-subscriptions/{subscriptionId}` (official SDKs: `notifications.event_subscriptions.delete`).
    pub async fn delete(&self, subscription_id: &str) -> Result<()> {
        self.client
            .invoke_empty::<NoBody>(&OPERATIONS[138], &[subscription_id], None, &self.options)
            .await
    }
}

/// The `event_subscriptions` operations of a [`BlockingClient`]; per-call options with
/// [`options`](BlockingEventSubscriptions::options).
#[derive(Debug)]
pub struct BlockingEventSubscriptions<'a> {
    pub(crate) client: &'a BlockingClient,
    pub(crate) options: RequestOptions,
}

impl BlockingClient {
    /// The `event_subscriptions` operations.
    pub fn event_subscriptions(&self) -> BlockingEventSubscriptions<'_> {
        BlockingEventSubscriptions {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingEventSubscriptions<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> EventSubscriptions<'_> {
        self.client
            .client()
            .event_subscriptions()
            .options(self.options.clone())
    }

    /// Subscribes to events (a processing account's status changing…), delivered to a webhook with a shared secret.
    ///
    /// `POST /event-subscriptions` (official SDKs: `notifications.event_subscriptions.create`).
    pub fn create(
        &self,
        request: &payroc_model::event_subscription::EventSubscription,
    ) -> Result<payroc_model::event_subscription::EventSubscription> {
        self.client
            .runtime()
            .block_on(self.handle().create(request))
    }

    /// Lists event subscriptions, by status and event type, page by page.
    ///
    /// `GET /event-subscriptions` (official SDKs: `notifications.event_subscriptions.list`).
    pub fn list(
        &self,
        query: &payroc_model::event_subscription::EventSubscriptionListQuery,
    ) -> Result<BlockingPager<payroc_model::event_subscription::EventSubscription>> {
        Ok(BlockingPager::new(
            self.handle().list(query)?,
            self.client.runtime().clone(),
        ))
    }

    /// Reads an event subscription (its webhook secret masked).
    ///
    /// `GET /event-subscriptions/{subscriptionId}` (official SDKs: `notifications.event_subscriptions.retrieve`).
    pub fn retrieve(
        &self,
        subscription_id: &str,
    ) -> Result<payroc_model::event_subscription::EventSubscription> {
        self.client
            .runtime()
            .block_on(self.handle().retrieve(subscription_id))
    }

    /// Replaces an event subscription (a PUT: send it all).
    ///
    /// `PUT /event-subscriptions/{subscriptionId}` (official SDKs: `notifications.event_subscriptions.update`).
    pub fn replace(
        &self,
        subscription_id: &str,
        request: &payroc_model::event_subscription::EventSubscription,
    ) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().replace(subscription_id, request))
    }

    /// Changes an event subscription with JSON Patch operations.
    ///
    /// `PATCH /event-subscriptions/{subscriptionId}` (official SDKs: `notifications.event_subscriptions.partially_update`).
    pub fn update(
        &self,
        subscription_id: &str,
        request: &[payroc_model::common::PatchDocument],
    ) -> Result<payroc_model::event_subscription::EventSubscription> {
        self.client
            .runtime()
            .block_on(self.handle().update(subscription_id, request))
    }

    /// Deletes an event subscription: no more notifications.
    ///
    /// `DELETE /event-subscriptions/{subscriptionId}` (official SDKs: `notifications.event_subscriptions.delete`).
    pub fn delete(&self, subscription_id: &str) -> Result<()> {
        self.client
            .runtime()
            .block_on(self.handle().delete(subscription_id))
    }
}

/// The `recurrences` operations of a [`PaytraceClient`]; per-call options with
/// [`options`](Recurrences::options).
#[derive(Debug)]
pub struct Recurrences<'a> {
    pub(crate) client: &'a PaytraceClient,
    pub(crate) options: RequestOptions,
}

impl PaytraceClient {
    /// The `recurrences` operations.
    pub fn recurrences(&self) -> Recurrences<'_> {
        Recurrences {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Recurrences<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Creates a recurrence for a Vault customer (no idempotency key exists: never repeated once it may have landed).
    ///
    /// `POST /v3/recurrence/create`.
    pub async fn create(
        &self,
        request: &payroc_model::paytrace::CreateRecurrenceRequest,
    ) -> Result<payroc_model::paytrace::RecurrenceResponse> {
        self.client
            .invoke::<_, _>(&OPERATIONS[141], &[], Some(request), &self.options)
            .await
    }

    /// Updates a recurrence (setting the same values twice is harmless, so retried).
    ///
    /// `PATCH /v3/recurrence`.
    pub async fn update(
        &self,
        request: &payroc_model::paytrace::UpdateRecurrenceRequest,
    ) -> Result<payroc_model::paytrace::RecurrenceResponse> {
        self.client
            .invoke::<_, _>(&OPERATIONS[142], &[], Some(request), &self.options)
            .await
    }

    /// Deletes a recurrence for good.
    ///
    /// `DELETE /v3/recurrence`.
    pub async fn delete(
        &self,
        request: &payroc_model::paytrace::DeleteRecurrenceRequest,
    ) -> Result<payroc_model::paytrace::RecurrenceResponse> {
        self.client
            .invoke::<_, _>(&OPERATIONS[143], &[], Some(request), &self.options)
            .await
    }

    /// Lists a customer's recurrences.
    ///
    /// `GET /v3/recurrence/export/by-customer/{customerId}`.
    pub async fn list_by_customer(
        &self,
        customer_id: i64,
    ) -> Result<payroc_model::paytrace::RecurrenceExportResponse> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[144], &[customer_id], None, &self.options)
            .await
    }

    /// Exports one or all of a customer's recurrences, with paging.
    ///
    /// `POST /v3/recurrence/export/by-customer/{customerId}`.
    pub async fn export_by_customer(
        &self,
        customer_id: i64,
        request: &payroc_model::paytrace::ExportRecurrencesRequest,
    ) -> Result<payroc_model::paytrace::RecurrenceExportResponse> {
        self.client
            .invoke::<_, _>(
                &OPERATIONS[145],
                &[customer_id],
                Some(request),
                &self.options,
            )
            .await
    }

    /// Exports one recurrence.
    ///
    /// `GET /v3/recurrence/export/by-id/{recurrenceId}`.
    pub async fn export(
        &self,
        recurrence_id: i64,
    ) -> Result<payroc_model::paytrace::RecurrenceResponse> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[146], &[recurrence_id], None, &self.options)
            .await
    }

    /// Exports the customer's most recent approved recurring transaction.
    ///
    /// `POST /v3/recurrence/export/approved/by-customer/{customerId}`.
    pub async fn export_approved(
        &self,
        customer_id: i64,
    ) -> Result<payroc_model::paytrace::RecurrenceExportResponse> {
        self.client
            .invoke::<NoBody, _>(&OPERATIONS[147], &[customer_id], None, &self.options)
            .await
    }
}

/// The `recurrences` operations of a [`BlockingPaytraceClient`]; per-call options with
/// [`options`](BlockingRecurrences::options).
#[derive(Debug)]
pub struct BlockingRecurrences<'a> {
    pub(crate) client: &'a BlockingPaytraceClient,
    pub(crate) options: RequestOptions,
}

impl BlockingPaytraceClient {
    /// The `recurrences` operations.
    pub fn recurrences(&self) -> BlockingRecurrences<'_> {
        BlockingRecurrences {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl BlockingRecurrences<'_> {
    /// Uses these options (your idempotency key, a timeout) for calls made
    /// through this handle.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    pub(crate) fn handle(&self) -> Recurrences<'_> {
        self.client
            .client()
            .recurrences()
            .options(self.options.clone())
    }

    /// Creates a recurrence for a Vault customer (no idempotency key exists: never repeated once it may have landed).
    ///
    /// `POST /v3/recurrence/create`.
    pub fn create(
        &self,
        request: &payroc_model::paytrace::CreateRecurrenceRequest,
    ) -> Result<payroc_model::paytrace::RecurrenceResponse> {
        self.client
            .runtime()
            .block_on(self.handle().create(request))
    }

    /// Updates a recurrence (setting the same values twice is harmless, so retried).
    ///
    /// `PATCH /v3/recurrence`.
    pub fn update(
        &self,
        request: &payroc_model::paytrace::UpdateRecurrenceRequest,
    ) -> Result<payroc_model::paytrace::RecurrenceResponse> {
        self.client
            .runtime()
            .block_on(self.handle().update(request))
    }

    /// Deletes a recurrence for good.
    ///
    /// `DELETE /v3/recurrence`.
    pub fn delete(
        &self,
        request: &payroc_model::paytrace::DeleteRecurrenceRequest,
    ) -> Result<payroc_model::paytrace::RecurrenceResponse> {
        self.client
            .runtime()
            .block_on(self.handle().delete(request))
    }

    /// Lists a customer's recurrences.
    ///
    /// `GET /v3/recurrence/export/by-customer/{customerId}`.
    pub fn list_by_customer(
        &self,
        customer_id: i64,
    ) -> Result<payroc_model::paytrace::RecurrenceExportResponse> {
        self.client
            .runtime()
            .block_on(self.handle().list_by_customer(customer_id))
    }

    /// Exports one or all of a customer's recurrences, with paging.
    ///
    /// `POST /v3/recurrence/export/by-customer/{customerId}`.
    pub fn export_by_customer(
        &self,
        customer_id: i64,
        request: &payroc_model::paytrace::ExportRecurrencesRequest,
    ) -> Result<payroc_model::paytrace::RecurrenceExportResponse> {
        self.client
            .runtime()
            .block_on(self.handle().export_by_customer(customer_id, request))
    }

    /// Exports one recurrence.
    ///
    /// `GET /v3/recurrence/export/by-id/{recurrenceId}`.
    pub fn export(&self, recurrence_id: i64) -> Result<payroc_model::paytrace::RecurrenceResponse> {
        self.client
            .runtime()
            .block_on(self.handle().export(recurrence_id))
    }

    /// Exports the customer's most recent approved recurring transaction.
    ///
    /// `POST /v3/recurrence/export/approved/by-customer/{customerId}`.
    pub fn export_approved(
        &self,
        customer_id: i64,
    ) -> Result<payroc_model::paytrace::RecurrenceExportResponse> {
        self.client
            .runtime()
            .block_on(self.handle().export_approved(customer_id))
    }
}

/// Runs `op` (not a list) with JSON arguments. A helper's future is boxed: it
/// runs several requests and is several times the size of one request's, which
/// every call would otherwise carry (and move) with it.
pub(crate) async fn dispatch(
    client: &Client,
    op: &'static Operation,
    call: &JsonCall<'_>,
) -> Result<JsonReply> {
    match op.name {
        "secure_tokens.create" => {
            client
                .rest_json::<payroc_model::secure_token::SecureTokenRequest, payroc_model::secure_token::SecureToken>(op, call)
                .await
        }
        "secure_tokens.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::secure_token::SecureTokenWithAccountType>(op, call)
                .await
        }
        "secure_tokens.update" => {
            client
                .rest_json::<payroc_model::secure_token::SecureTokenPatch, payroc_model::secure_token::SecureToken>(op, call)
                .await
        }
        "secure_tokens.delete" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "secure_tokens.update_account" => {
            client
                .rest_json::<payroc_model::secure_token::AccountUpdate, payroc_model::secure_token::SecureToken>(op, call)
                .await
        }
        "single_use_tokens.create" => {
            client
                .rest_json::<payroc_model::secure_token::SingleUseTokenRequest, payroc_model::secure_token::SingleUseToken>(op, call)
                .await
        }
        "payments.create" => {
            client
                .rest_json::<payroc_model::payment::PaymentRequest, payroc_model::payment::Payment>(op, call)
                .await
        }
        "payments.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::payment::RetrievedPayment>(op, call)
                .await
        }
        "payments.capture" => {
            client
                .rest_json::<payroc_model::payment::PaymentCaptureRequest, payroc_model::payment::Payment>(op, call)
                .await
        }
        "payments.reverse" => {
            client
                .rest_json::<payroc_model::payment::PaymentReverseRequest, payroc_model::payment::Payment>(op, call)
                .await
        }
        "payments.refund" => {
            client
                .rest_json::<payroc_model::payment::PaymentRefundRequest, payroc_model::payment::Payment>(op, call)
                .await
        }
        "payments.adjust" => {
            client
                .rest_json::<payroc_model::payment::PaymentAdjustRequest, payroc_model::payment::Payment>(op, call)
                .await
        }
        "refunds.create" => {
            client
                .rest_json::<payroc_model::refund::RefundRequest, payroc_model::refund::RetrievedRefund>(op, call)
                .await
        }
        "refunds.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::refund::RetrievedRefund>(op, call)
                .await
        }
        "refunds.adjust" => {
            client
                .rest_json::<payroc_model::refund::RefundAdjustRequest, payroc_model::refund::RetrievedRefund>(op, call)
                .await
        }
        "refunds.reverse" => {
            client
                .rest_json::<NoBody, payroc_model::refund::RetrievedRefund>(op, call)
                .await
        }
        "payment_instructions.submit" => {
            client
                .rest_json::<payroc_model::cloud::PaymentInstructionRequest, payroc_model::cloud::PaymentInstruction>(op, call)
                .await
        }
        "payment_instructions.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::cloud::PaymentInstruction>(op, call)
                .await
        }
        "payment_instructions.cancel" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "payment_instructions.wait" => Box::pin(super::helpers::payment_instructions_wait(client, call)).await,
        "payment_instructions.run_sale" => Box::pin(super::helpers::payment_instructions_run_sale(client, call)).await,
        "refund_instructions.submit" => {
            client
                .rest_json::<payroc_model::cloud::RefundInstructionRequest, payroc_model::cloud::RefundInstruction>(op, call)
                .await
        }
        "refund_instructions.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::cloud::RefundInstruction>(op, call)
                .await
        }
        "refund_instructions.cancel" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "refund_instructions.wait" => Box::pin(super::helpers::refund_instructions_wait(client, call)).await,
        "refund_instructions.run_refund" => Box::pin(super::helpers::refund_instructions_run_refund(client, call)).await,
        "signature_instructions.submit" => {
            client
                .rest_json::<payroc_model::cloud::SignatureInstructionRequest, payroc_model::cloud::SignatureInstruction>(op, call)
                .await
        }
        "signature_instructions.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::cloud::SignatureInstruction>(op, call)
                .await
        }
        "signature_instructions.cancel" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "signature_instructions.wait" => Box::pin(super::helpers::signature_instructions_wait(client, call)).await,
        "signatures.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::cloud::Signature>(op, call)
                .await
        }
        "payroc_cloud.follow" => Box::pin(super::helpers::payroc_cloud_follow(client, call)).await,
        "payment_links.create" => {
            client
                .rest_json::<payroc_model::payment_link::PaymentLink, payroc_model::payment_link::PaymentLink>(op, call)
                .await
        }
        "payment_links.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::payment_link::PaymentLink>(op, call)
                .await
        }
        "payment_links.update" => {
            client
                .rest_json::<payroc_model::common::PatchRequest, payroc_model::payment_link::PaymentLink>(op, call)
                .await
        }
        "payment_links.deactivate" => {
            client
                .rest_json::<NoBody, payroc_model::payment_link::PaymentLink>(op, call)
                .await
        }
        "payment_links.share" => {
            client
                .rest_json::<payroc_model::payment_link::PaymentLinkEmailShareEvent, payroc_model::payment_link::PaymentLinkEmailShareEvent>(op, call)
                .await
        }
        "payment_plans.create" => {
            client
                .rest_json::<payroc_model::payment_plan::PaymentPlan, payroc_model::payment_plan::PaymentPlan>(op, call)
                .await
        }
        "payment_plans.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::payment_plan::PaymentPlan>(op, call)
                .await
        }
        "payment_plans.update" => {
            client
                .rest_json::<payroc_model::common::PatchRequest, payroc_model::payment_plan::PaymentPlan>(op, call)
                .await
        }
        "payment_plans.delete" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "subscriptions.create" => {
            client
                .rest_json::<payroc_model::payment_plan::SubscriptionRequest, payroc_model::payment_plan::Subscription>(op, call)
                .await
        }
        "subscriptions.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::payment_plan::Subscription>(op, call)
                .await
        }
        "subscriptions.update" => {
            client
                .rest_json::<payroc_model::common::PatchRequest, payroc_model::payment_plan::Subscription>(op, call)
                .await
        }
        "subscriptions.deactivate" => {
            client
                .rest_json::<NoBody, payroc_model::payment_plan::Subscription>(op, call)
                .await
        }
        "subscriptions.reactivate" => {
            client
                .rest_json::<NoBody, payroc_model::payment_plan::Subscription>(op, call)
                .await
        }
        "subscriptions.pay" => {
            client
                .rest_json::<payroc_model::payment_plan::SubscriptionPaymentRequest, payroc_model::payment_plan::SubscriptionPayment>(op, call)
                .await
        }
        "bank_accounts.verify" => {
            client
                .rest_json::<payroc_model::payment_feature::BankAccountVerificationRequest, payroc_model::payment_feature::BankAccountVerificationResult>(op, call)
                .await
        }
        "cards.verify" => {
            client
                .rest_json::<payroc_model::payment_feature::CardVerificationRequest, payroc_model::payment_feature::CardVerificationResult>(op, call)
                .await
        }
        "cards.view_ebt_balance" => {
            client
                .rest_json::<payroc_model::payment_feature::BalanceInquiry, payroc_model::payment_feature::EbtBalance>(op, call)
                .await
        }
        "cards.lookup_bin" => {
            client
                .rest_json::<payroc_model::payment_feature::BinLookup, payroc_model::payment_feature::CardInfo>(op, call)
                .await
        }
        "fx_rates.retrieve" => {
            client
                .rest_json::<payroc_model::payment_feature::FxRateInquiry, payroc_model::payment_feature::FxRate>(op, call)
                .await
        }
        "hosted_fields_sessions.create" => {
            client
                .rest_json::<payroc_model::session::HostedFieldsSessionRequest, payroc_model::session::HostedFieldsSession>(op, call)
                .await
        }
        "apple_pay_sessions.create" => {
            client
                .rest_json::<payroc_model::session::ApplePaySessionRequest, payroc_model::session::ApplePaySession>(op, call)
                .await
        }
        "bank_transfer_payments.create" => {
            client
                .rest_json::<payroc_model::bank_transfer::BankTransferPaymentRequest, payroc_model::bank_transfer::BankTransferPayment>(op, call)
                .await
        }
        "bank_transfer_payments.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::bank_transfer::BankTransferPayment>(op, call)
                .await
        }
        "bank_transfer_payments.represent" => {
            client
                .rest_json::<payroc_model::bank_transfer::Representment, payroc_model::bank_transfer::BankTransferPayment>(op, call)
                .await
        }
        "bank_transfer_payments.refund" => {
            client
                .rest_json::<payroc_model::bank_transfer::BankTransferReferencedRefund, payroc_model::bank_transfer::BankTransferPayment>(op, call)
                .await
        }
        "bank_transfer_payments.reverse" => {
            client
                .rest_json::<NoBody, payroc_model::bank_transfer::BankTransferPayment>(op, call)
                .await
        }
        "bank_transfer_refunds.create" => {
            client
                .rest_json::<payroc_model::bank_transfer::BankTransferUnreferencedRefund, payroc_model::bank_transfer::BankTransferRefund>(op, call)
                .await
        }
        "bank_transfer_refunds.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::bank_transfer::BankTransferRefund>(op, call)
                .await
        }
        "bank_transfer_refunds.reverse" => {
            client
                .rest_json::<NoBody, payroc_model::bank_transfer::BankTransferRefund>(op, call)
                .await
        }
        "batches.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::settlement::Batch>(op, call)
                .await
        }
        "transactions.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::settlement::Transaction>(op, call)
                .await
        }
        "authorizations.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::settlement::Authorization>(op, call)
                .await
        }
        "disputes.list_statuses" => {
            client
                .rest_json::<NoBody, Vec<payroc_model::settlement::DisputeStatus>>(op, call)
                .await
        }
        "ach_deposits.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::settlement::AchDeposit>(op, call)
                .await
        }
        "funding_recipients.create" => {
            client
                .rest_json::<payroc_model::funding::CreateFundingRecipient, payroc_model::funding::FundingRecipient>(op, call)
                .await
        }
        "funding_recipients.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::funding::FundingRecipient>(op, call)
                .await
        }
        "funding_recipients.update" => {
            client
                .rest_json::<payroc_model::funding::FundingRecipient, NoBody>(op, call)
                .await
        }
        "funding_recipients.delete" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "funding_recipients.list_accounts" => {
            client
                .rest_json::<NoBody, Vec<payroc_model::funding::FundingAccount>>(op, call)
                .await
        }
        "funding_recipients.create_account" => {
            client
                .rest_json::<payroc_model::funding::FundingAccount, payroc_model::funding::FundingAccount>(op, call)
                .await
        }
        "funding_recipients.list_owners" => {
            client
                .rest_json::<NoBody, Vec<payroc_model::funding::Owner>>(op, call)
                .await
        }
        "funding_recipients.create_owner" => {
            client
                .rest_json::<payroc_model::funding::Owner, payroc_model::funding::Owner>(op, call)
                .await
        }
        "funding_accounts.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::funding::FundingAccount>(op, call)
                .await
        }
        "funding_accounts.update" => {
            client
                .rest_json::<payroc_model::funding::FundingAccount, NoBody>(op, call)
                .await
        }
        "funding_accounts.delete" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "funding_instructions.create" => {
            client
                .rest_json::<payroc_model::funding::Instruction, payroc_model::funding::Instruction>(op, call)
                .await
        }
        "funding_instructions.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::funding::Instruction>(op, call)
                .await
        }
        "funding_instructions.update" => {
            client
                .rest_json::<payroc_model::funding::Instruction, NoBody>(op, call)
                .await
        }
        "funding_instructions.delete" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "pricing_intents.create" => {
            client
                .rest_json::<payroc_model::pricing_intent::PricingIntent, payroc_model::pricing_intent::PricingIntent>(op, call)
                .await
        }
        "pricing_intents.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::pricing_intent::PricingIntent>(op, call)
                .await
        }
        "pricing_intents.replace" => {
            client
                .rest_json::<payroc_model::pricing_intent::PricingIntent, NoBody>(op, call)
                .await
        }
        "pricing_intents.update" => {
            client
                .rest_json::<payroc_model::common::PatchRequest, payroc_model::pricing_intent::PricingIntent>(op, call)
                .await
        }
        "pricing_intents.delete" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "attachments.upload" => {
            client
                .upload_json::<payroc_model::attachment::UploadAttachment, payroc_model::attachment::Attachment>(op, call)
                .await
        }
        "attachments.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::attachment::Attachment>(op, call)
                .await
        }
        "merchant_platforms.create" => {
            client
                .rest_json::<payroc_model::boarding::CreateMerchantPlatform, payroc_model::boarding::MerchantPlatform>(op, call)
                .await
        }
        "merchant_platforms.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::boarding::MerchantPlatform>(op, call)
                .await
        }
        "merchant_platforms.create_processing_account" => {
            client
                .rest_json::<payroc_model::boarding::CreateProcessingAccount, payroc_model::boarding::ProcessingAccount>(op, call)
                .await
        }
        "processing_accounts.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::boarding::ProcessingAccount>(op, call)
                .await
        }
        "processing_accounts.list_funding_accounts" => {
            client
                .rest_json::<NoBody, Vec<payroc_model::funding::FundingAccount>>(op, call)
                .await
        }
        "processing_accounts.list_terminal_orders" => {
            client
                .query_json::<payroc_model::boarding::TerminalOrderListQuery, Vec<payroc_model::boarding::TerminalOrder>>(op, call)
                .await
        }
        "processing_accounts.retrieve_pricing_agreement" => {
            client
                .rest_json::<NoBody, payroc_model::boarding::PricingAgreement>(op, call)
                .await
        }
        "processing_accounts.create_reminder" => {
            client
                .rest_json::<payroc_model::boarding::Reminder, payroc_model::boarding::Reminder>(op, call)
                .await
        }
        "processing_accounts.create_terminal_order" => {
            client
                .rest_json::<payroc_model::boarding::CreateTerminalOrder, payroc_model::boarding::TerminalOrder>(op, call)
                .await
        }
        "owners.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::funding::Owner>(op, call)
                .await
        }
        "owners.update" => {
            client
                .rest_json::<payroc_model::funding::Owner, NoBody>(op, call)
                .await
        }
        "owners.delete" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "contacts.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::boarding::Contact>(op, call)
                .await
        }
        "contacts.update" => {
            client
                .rest_json::<payroc_model::boarding::Contact, NoBody>(op, call)
                .await
        }
        "contacts.delete" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "processing_terminals.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::boarding::ProcessingTerminal>(op, call)
                .await
        }
        "processing_terminals.retrieve_host_configuration" => {
            client
                .rest_json::<NoBody, payroc_model::boarding::HostConfiguration>(op, call)
                .await
        }
        "terminal_orders.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::boarding::TerminalOrder>(op, call)
                .await
        }
        "event_subscriptions.create" => {
            client
                .rest_json::<payroc_model::event_subscription::EventSubscription, payroc_model::event_subscription::EventSubscription>(op, call)
                .await
        }
        "event_subscriptions.retrieve" => {
            client
                .rest_json::<NoBody, payroc_model::event_subscription::EventSubscription>(op, call)
                .await
        }
        "event_subscriptions.replace" => {
            client
                .rest_json::<payroc_model::event_subscription::EventSubscription, NoBody>(op, call)
                .await
        }
        "event_subscriptions.update" => {
            client
                .rest_json::<payroc_model::common::PatchRequest, payroc_model::event_subscription::EventSubscription>(op, call)
                .await
        }
        "event_subscriptions.delete" => {
            client
                .rest_json::<NoBody, NoBody>(op, call)
                .await
        }
        "repeat_payments.start" => Box::pin(super::helpers::repeat_payments_start(client, call)).await,
        "repeat_payments.charge" => Box::pin(super::helpers::repeat_payments_charge(client, call)).await,
        _ => Err(super::unknown(op.name, "is a list: page it")),
    }
}

/// Runs `op` (not a list) with JSON arguments. A helper's future is boxed: it
/// runs several requests and is several times the size of one request's, which
/// every call would otherwise carry (and move) with it.
pub(crate) async fn dispatch_paytrace(
    client: &PaytraceClient,
    op: &'static Operation,
    call: &JsonCall<'_>,
) -> Result<JsonReply> {
    match op.name {
        "recurrences.create" => {
            client
                .rest_json::<payroc_model::paytrace::CreateRecurrenceRequest, payroc_model::paytrace::RecurrenceResponse>(op, call)
                .await
        }
        "recurrences.update" => {
            client
                .rest_json::<payroc_model::paytrace::UpdateRecurrenceRequest, payroc_model::paytrace::RecurrenceResponse>(op, call)
                .await
        }
        "recurrences.delete" => {
            client
                .rest_json::<payroc_model::paytrace::DeleteRecurrenceRequest, payroc_model::paytrace::RecurrenceResponse>(op, call)
                .await
        }
        "recurrences.list_by_customer" => {
            client
                .rest_json::<NoBody, payroc_model::paytrace::RecurrenceExportResponse>(op, call)
                .await
        }
        "recurrences.export_by_customer" => {
            client
                .rest_json::<payroc_model::paytrace::ExportRecurrencesRequest, payroc_model::paytrace::RecurrenceExportResponse>(op, call)
                .await
        }
        "recurrences.export" => {
            client
                .rest_json::<NoBody, payroc_model::paytrace::RecurrenceResponse>(op, call)
                .await
        }
        "recurrences.export_approved" => {
            client
                .rest_json::<NoBody, payroc_model::paytrace::RecurrenceExportResponse>(op, call)
                .await
        }
        _ => Err(super::unknown(op.name, "is a list: page it")),
    }
}

/// A pager over the list `op` with JSON arguments.
pub(crate) fn pager(
    client: &Client,
    op: &'static Operation,
    call: &JsonCall<'_>,
) -> Result<JsonPager> {
    match op.name {
        "secure_tokens.list" => client.pager_json::<payroc_model::secure_token::SecureTokenListQuery, payroc_model::secure_token::SecureTokenWithAccountType>(op, call),
        "payments.list" => client.pager_json::<payroc_model::payment::PaymentListQuery, payroc_model::payment::RetrievedPayment>(op, call),
        "refunds.list" => client.pager_json::<payroc_model::refund::RefundListQuery, payroc_model::refund::RetrievedRefund>(op, call),
        "payment_links.list" => client.pager_json::<payroc_model::payment_link::PaymentLinkListQuery, payroc_model::payment_link::PaymentLink>(op, call),
        "payment_links.list_sharing_events" => client.pager_json::<payroc_model::payment_link::SharingEventListQuery, payroc_model::payment_link::PaymentLinkEmailShareEvent>(op, call),
        "payment_plans.list" => client.pager_json::<payroc_model::page::PageQuery, payroc_model::payment_plan::PaymentPlan>(op, call),
        "subscriptions.list" => client.pager_json::<payroc_model::payment_plan::SubscriptionListQuery, payroc_model::payment_plan::Subscription>(op, call),
        "bank_transfer_payments.list" => client.pager_json::<payroc_model::bank_transfer::BankTransferPaymentListQuery, payroc_model::bank_transfer::BankTransferPayment>(op, call),
        "bank_transfer_refunds.list" => client.pager_json::<payroc_model::bank_transfer::BankTransferRefundListQuery, payroc_model::bank_transfer::BankTransferRefund>(op, call),
        "batches.list" => client.pager_json::<payroc_model::settlement::BatchListQuery, payroc_model::settlement::Batch>(op, call),
        "transactions.list" => client.pager_json::<payroc_model::settlement::TransactionListQuery, payroc_model::settlement::Transaction>(op, call),
        "authorizations.list" => client.pager_json::<payroc_model::settlement::AuthorizationListQuery, payroc_model::settlement::Authorization>(op, call),
        "disputes.list" => client.pager_json::<payroc_model::settlement::DatedListQuery, payroc_model::settlement::Dispute>(op, call),
        "ach_deposits.list" => client.pager_json::<payroc_model::settlement::DatedListQuery, payroc_model::settlement::AchDeposit>(op, call),
        "ach_deposit_fees.list" => client.pager_json::<payroc_model::settlement::AchDepositFeeListQuery, payroc_model::settlement::AchDepositFee>(op, call),
        "funding_recipients.list" => client.pager_json::<payroc_model::page::PageQuery, payroc_model::funding::FundingRecipient>(op, call),
        "funding_accounts.list" => client.pager_json::<payroc_model::page::PageQuery, payroc_model::funding::FundingAccount>(op, call),
        "funding_instructions.list" => client.pager_json::<payroc_model::funding::FundingInstructionListQuery, payroc_model::funding::Instruction>(op, call),
        "funding_activity.list" => client.pager_json::<payroc_model::funding::FundingActivityListQuery, payroc_model::funding::ActivityRecord>(op, call),
        "funding_activity.retrieve_balance" => client.pager_json::<payroc_model::funding::FundingBalanceQuery, payroc_model::funding::MerchantBalance>(op, call),
        "pricing_intents.list" => client.pager_json::<payroc_model::page::PageQuery, payroc_model::pricing_intent::PricingIntent>(op, call),
        "merchant_platforms.list" => client.pager_json::<payroc_model::page::PageQuery, payroc_model::boarding::MerchantPlatform>(op, call),
        "merchant_platforms.list_processing_accounts" => client.pager_json::<payroc_model::boarding::ProcessingAccountListQuery, payroc_model::boarding::ProcessingAccount>(op, call),
        "processing_accounts.list_contacts" => client.pager_json::<payroc_model::page::PageQuery, payroc_model::boarding::Contact>(op, call),
        "processing_accounts.list_owners" => client.pager_json::<payroc_model::page::PageQuery, payroc_model::funding::Owner>(op, call),
        "processing_accounts.list_processing_terminals" => client.pager_json::<payroc_model::page::PageQuery, payroc_model::boarding::ProcessingTerminal>(op, call),
        "event_subscriptions.list" => client.pager_json::<payroc_model::event_subscription::EventSubscriptionListQuery, payroc_model::event_subscription::EventSubscription>(op, call),
        _ => Err(super::unknown(op.name, "is not a list")),
    }
}

/// The table's positions in the order of the operations' names: every binding call
/// finds its operation by name, in a few comparisons.
pub(crate) static BY_NAME: [u16; 148] = [
    81, 79, 80, 60, 109, 108, 75, 76, 54, 61, 62, 65, 64, 63, 66, 67, 68, 69, 70, 71, 72, 57, 55,
    56, 129, 127, 128, 77, 78, 133, 138, 134, 136, 135, 137, 94, 91, 92, 93, 100, 101, 95, 99, 96,
    97, 98, 82, 88, 90, 86, 83, 87, 89, 84, 85, 58, 59, 110, 114, 111, 113, 112, 126, 124, 125, 21,
    20, 23, 19, 22, 35, 39, 37, 41, 36, 40, 38, 42, 46, 43, 44, 45, 13, 10, 7, 9, 12, 8, 11, 34,
    102, 107, 103, 105, 104, 106, 122, 123, 116, 118, 117, 119, 120, 115, 121, 130, 131, 141, 143,
    146, 147, 145, 144, 142, 26, 25, 28, 24, 27, 17, 14, 16, 15, 18, 140, 139, 0, 4, 2, 1, 3, 5,
    31, 30, 29, 32, 33, 6, 47, 51, 48, 53, 52, 49, 50, 132, 73, 74,
];
