//! `payroc_call` and `payroc_paytrace_call`: every operation of payroc-core's
//! operation table by its name (`"payments.create"`), JSON in and JSON out, and
//! `payroc_operations`, the list of those names. Ids, list filters and options travel
//! in `params_json`, the request body in `body_json`; payroc-core reads and validates
//! the body before anything is sent, and hands back the server's JSON unchanged.

use crate::boundary::{
    guard, out_ptr, payroc_result, read_opt_str, read_str, to_c_string, write_out, BoxHandle,
};
use crate::client::{payroc_client, payroc_paytrace_client};
use crate::error::{payroc_error, Failure};
use payroc_core::model::attachment::FileUpload;
use payroc_core::model::json::describe_error;
use payroc_core::operations::{Api, JsonCall, JsonReply};
use payroc_core::{IdempotencyKey, RequestOptions, WaitOptions};
use serde_json::{Map, Value};
use std::ffi::c_char;
use std::time::Duration;

/// Reads `params_json` (NULL: no parameters) into a call's arguments: `query` is the
/// list filters, `timeoutMs` the time allowed for one attempt, `deadlineMs` and
/// `cancelOnDeadline` how a Cloud helper waits; every other member is the
/// operation's own (path parameters by the API's name, a helper's arguments).
pub(crate) fn read_call<'a>(
    params: Option<&str>,
    body: Option<&'a str>,
    query: &'a mut Option<String>,
    key: Option<&str>,
) -> Result<JsonCall<'a>, Failure> {
    let mut args = match params {
        None => Map::new(),
        Some(text) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => map,
            Ok(_) => return Err(Failure::invalid("`params_json` must be a JSON object")),
            Err(e) => {
                return Err(Failure::invalid(format!(
                    "`params_json`: {}",
                    describe_error(&e)
                )))
            }
        },
    };
    *query = args.remove("query").map(|q| q.to_string());
    let mut options = RequestOptions::default();
    if let Some(key) = key {
        options.idempotency_key = Some(IdempotencyKey::parse(key)?);
    }
    options.timeout = millis(&mut args, "timeoutMs")?;
    let mut wait = WaitOptions {
        deadline: millis(&mut args, "deadlineMs")?,
        ..WaitOptions::default()
    };
    match args.remove("cancelOnDeadline") {
        None => {}
        Some(Value::Bool(on)) => wait.cancel_on_deadline = on,
        Some(_) => return Err(Failure::param("cancelOnDeadline", "must be true or false")),
    }
    Ok(JsonCall {
        args,
        query: query.as_deref().map(str::as_bytes),
        body: body.map(str::as_bytes),
        file: None,
        options,
        wait,
    })
}

/// A member of milliseconds (a positive integer), taken out of `args`.
fn millis(args: &mut Map<String, Value>, name: &str) -> Result<Option<Duration>, Failure> {
    match args.remove(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(ms) if ms > 0 => Ok(Some(Duration::from_millis(ms))),
            _ => Err(Failure::param(
                name,
                "must be a positive integer of milliseconds",
            )),
        },
        Some(_) => Err(Failure::param(
            name,
            "must be a positive integer of milliseconds",
        )),
    }
}

/// Refuses an operation name the table does not have for this client, or a NULL body
/// where the operation takes one: a caller's mistake, not a request that failed
/// validation.
fn known(operation: &str, api: Api, body: Option<&str>) -> Result<(), Failure> {
    match payroc_core::operations::find(operation) {
        Some(op) if op.api == api && op.body && body.is_none() => Err(Failure::null("body_json")),
        Some(op) if op.api == api => Ok(()),
        Some(_) => Err(Failure::invalid(format!(
            "`{operation}` belongs to the other client (payroc_call or payroc_paytrace_call)"
        ))),
        None => Err(Failure::invalid(format!(
            "unknown operation `{operation}` (payroc_operations() lists them)"
        ))),
    }
}

/// The reply for C: the JSON, or `null` when there is none. payroc-core has read it
/// as JSON, so it is UTF-8 and holds no NUL byte: it goes to C as it came.
pub(crate) fn reply_json(reply: JsonReply) -> Vec<u8> {
    reply.unwrap_or_else(|| b"null".to_vec())
}

/// Every operation's name, as a JSON array (`["secure_tokens.create", …]`): the
/// operations of `payroc_call` and `payroc_paytrace_call`, the same names as the
/// Python package's attribute paths. The caller owns the string: free it with
/// `payroc_string_free`. Never NULL.
///
/// Thread safety: safe from any thread.
#[no_mangle]
pub extern "C" fn payroc_operations() -> *mut c_char {
    crate::boundary::guard_value(std::ptr::null_mut(), || {
        to_c_string(payroc_core::operations::names_json())
    })
}

/// Runs one operation of the Payroc API and returns its response as JSON.
///
/// - `operation` names it (below). Path parameters go in `params_json`, a JSON
///   object (NULL when the operation takes none), by the API's names
///   (`{"paymentId": "M2MJOG6O2Y"}`); list filters go in its member `"query"` (e.g.
///   `{"query": {"orderId": "A1", "limit": 20}}`) and a list returns one page
///   (`{"limit", "count", "hasMore", "links", "data": [...]}`): pass `"after"` in the
///   query for the next. `"timeoutMs"` bounds each attempt of this call; the Cloud
///   helpers also read `"deadlineMs"` and `"cancelOnDeadline"`.
/// - `body_json` is the request body (NULL when the operation takes none), read and
///   validated by payroc-model first: a malformed body gives
///   `PAYROC_RESULT_INVALID_ARGUMENT`, a body that breaks a rule
///   `PAYROC_RESULT_VALIDATION` with every field path, and nothing is sent.
/// - `idempotency_key` (a UUID v4, or NULL for a fresh one) is sent on every attempt
///   of a POST/PATCH: persist it with your order to retry safely after a crash.
/// - On success `*response_json_out` owns the response: the server's JSON as it
///   came, fields this SDK does not know included (`null` for operations that return
///   nothing; a helper's result is described below): free it with `payroc_string_free`. On failure
///   it is not written and `*error_out` (when not NULL) owns an error to free with
///   `payroc_error_free`.
///
/// Operations (generated from the operation table; `payroc_operations()` lists them):
/// Operations of `payroc_call` (params → body → response):
/// - `secure_tokens.create` (processingTerminalId) → SecureTokenRequest → SecureToken, idempotency key
/// - `secure_tokens.retrieve` (processingTerminalId, secureTokenId) → - → SecureToken
/// - `secure_tokens.list` (processingTerminalId, query) → - → page of SecureToken
/// - `secure_tokens.update` (processingTerminalId, secureTokenId) → `[PatchDocument]` → SecureToken, idempotency key
/// - `secure_tokens.delete` (processingTerminalId, secureTokenId) → - → null
/// - `secure_tokens.update_account` (processingTerminalId, secureTokenId) → AccountUpdate → SecureToken, idempotency key
/// - `single_use_tokens.create` (processingTerminalId) → SingleUseTokenRequest → SingleUseToken, idempotency key
/// - `payments.create` () → PaymentRequest → Payment, idempotency key
/// - `payments.retrieve` (paymentId) → - → Payment
/// - `payments.list` (query) → - → page of Payment
/// - `payments.capture` (paymentId) → PaymentCaptureRequest → Payment, idempotency key
/// - `payments.reverse` (paymentId) → PaymentReverseRequest → Payment, idempotency key
/// - `payments.refund` (paymentId) → PaymentRefundRequest → Payment, idempotency key
/// - `payments.adjust` (paymentId) → PaymentAdjustRequest → Payment, idempotency key
/// - `refunds.create` () → RefundRequest → Refund, idempotency key
/// - `refunds.retrieve` (refundId) → - → Refund
/// - `refunds.list` (query) → - → page of Refund
/// - `refunds.adjust` (refundId) → RefundAdjustRequest → Refund, idempotency key
/// - `refunds.reverse` (refundId) → - → Refund, idempotency key
/// - `payment_instructions.submit` (serialNumber) → PaymentInstructionRequest → PaymentInstruction, idempotency key
/// - `payment_instructions.retrieve` (paymentInstructionId) → - → PaymentInstruction
/// - `payment_instructions.cancel` (paymentInstructionId) → - → null
/// - `payment_instructions.wait` (paymentInstructionId, deadlineMs, cancelOnDeadline) → - → PaymentInstruction
/// - `payment_instructions.run_sale` (serialNumber, deadlineMs) → PaymentInstructionRequest → CloudSale, idempotency key
/// - `refund_instructions.submit` (serialNumber) → RefundInstructionRequest → RefundInstruction, idempotency key
/// - `refund_instructions.retrieve` (refundInstructionId) → - → RefundInstruction
/// - `refund_instructions.cancel` (refundInstructionId) → - → null
/// - `refund_instructions.wait` (refundInstructionId, deadlineMs, cancelOnDeadline) → - → RefundInstruction
/// - `refund_instructions.run_refund` (serialNumber, deadlineMs) → RefundInstructionRequest → CloudRefund, idempotency key
/// - `signature_instructions.submit` (serialNumber) → SignatureInstructionRequest → SignatureInstruction, idempotency key
/// - `signature_instructions.retrieve` (signatureInstructionId) → - → SignatureInstruction
/// - `signature_instructions.cancel` (signatureInstructionId) → - → null
/// - `signature_instructions.wait` (signatureInstructionId, deadlineMs, cancelOnDeadline) → - → SignatureInstruction
/// - `signatures.retrieve` (signatureId) → - → Signature
/// - `payroc_cloud.follow` (href) → - → PayrocObject
/// - `payment_links.create` (processingTerminalId) → PaymentLink → PaymentLink, idempotency key
/// - `payment_links.retrieve` (paymentLinkId) → - → PaymentLink
/// - `payment_links.list` (processingTerminalId, query) → - → page of PaymentLink
/// - `payment_links.update` (paymentLinkId) → `[PatchDocument]` → PaymentLink, idempotency key
/// - `payment_links.deactivate` (paymentLinkId) → - → PaymentLink
/// - `payment_links.share` (paymentLinkId) → PaymentLinkEmailShareEvent → SharingEvent, idempotency key
/// - `payment_links.list_sharing_events` (paymentLinkId, query) → - → page of SharingEvent
/// - `payment_plans.create` (processingTerminalId) → PaymentPlan → PaymentPlan, idempotency key
/// - `payment_plans.list` (processingTerminalId, query) → - → page of PaymentPlan
/// - `payment_plans.retrieve` (processingTerminalId, paymentPlanId) → - → PaymentPlan
/// - `payment_plans.update` (processingTerminalId, paymentPlanId) → `[PatchDocument]` → PaymentPlan, idempotency key
/// - `payment_plans.delete` (processingTerminalId, paymentPlanId) → - → null
/// - `subscriptions.create` (processingTerminalId) → SubscriptionRequest → Subscription, idempotency key
/// - `subscriptions.list` (processingTerminalId, query) → - → page of Subscription
/// - `subscriptions.retrieve` (processingTerminalId, subscriptionId) → - → Subscription
/// - `subscriptions.update` (processingTerminalId, subscriptionId) → `[PatchDocument]` → Subscription, idempotency key
/// - `subscriptions.deactivate` (processingTerminalId, subscriptionId) → - → Subscription
/// - `subscriptions.reactivate` (processingTerminalId, subscriptionId) → - → Subscription
/// - `subscriptions.pay` (processingTerminalId, subscriptionId) → SubscriptionPaymentRequest → SubscriptionPayment, idempotency key
/// - `bank_accounts.verify` () → BankAccountVerificationRequest → BankAccountVerification, idempotency key
/// - `cards.verify` () → CardVerificationRequest → CardVerification, idempotency key
/// - `cards.view_ebt_balance` () → BalanceInquiry → EbtBalance
/// - `cards.lookup_bin` () → BinLookup → CardInfo
/// - `fx_rates.retrieve` () → FxRateInquiry → FxRate
/// - `hosted_fields_sessions.create` (processingTerminalId) → HostedFieldsSessionRequest → HostedFieldsSession, idempotency key
/// - `apple_pay_sessions.create` (processingTerminalId) → ApplePaySessionRequest → ApplePaySession
/// - `bank_transfer_payments.create` () → BankTransferPaymentRequest → BankTransferPayment, idempotency key
/// - `bank_transfer_payments.list` (query) → - → page of BankTransferPayment
/// - `bank_transfer_payments.retrieve` (paymentId) → - → BankTransferPayment
/// - `bank_transfer_payments.represent` (paymentId) → Representment → BankTransferPayment, idempotency key
/// - `bank_transfer_payments.refund` (paymentId) → BankTransferReferencedRefund → BankTransferPayment, idempotency key
/// - `bank_transfer_payments.reverse` (paymentId) → - → BankTransferPayment, idempotency key
/// - `bank_transfer_refunds.create` () → BankTransferUnreferencedRefund → BankTransferRefund, idempotency key
/// - `bank_transfer_refunds.list` (query) → - → page of BankTransferRefund
/// - `bank_transfer_refunds.retrieve` (refundId) → - → BankTransferRefund
/// - `bank_transfer_refunds.reverse` (refundId) → - → BankTransferRefund, idempotency key
/// - `batches.list` (query) → - → page of Batch
/// - `batches.retrieve` (batchId) → - → Batch
/// - `transactions.list` (query) → - → page of Transaction
/// - `transactions.retrieve` (transactionId) → - → Transaction
/// - `authorizations.list` (query) → - → page of Authorization
/// - `authorizations.retrieve` (authorizationId) → - → Authorization
/// - `disputes.list` (query) → - → page of Dispute
/// - `disputes.list_statuses` (disputeId) → - → array of DisputeStatus
/// - `ach_deposits.list` (query) → - → page of AchDeposit
/// - `ach_deposits.retrieve` (achDepositId) → - → AchDeposit
/// - `ach_deposit_fees.list` (query) → - → page of AchDepositFee
/// - `funding_recipients.create` () → CreateFundingRecipient → FundingRecipient, idempotency key
/// - `funding_recipients.list` (query) → - → page of FundingRecipient
/// - `funding_recipients.retrieve` (recipientId) → - → FundingRecipient
/// - `funding_recipients.update` (recipientId) → FundingRecipient → null
/// - `funding_recipients.delete` (recipientId) → - → null
/// - `funding_recipients.list_accounts` (recipientId) → - → array of FundingAccount
/// - `funding_recipients.create_account` (recipientId) → FundingAccount → FundingAccount, idempotency key
/// - `funding_recipients.list_owners` (recipientId) → - → array of Owner
/// - `funding_recipients.create_owner` (recipientId) → Owner → Owner, idempotency key
/// - `funding_accounts.list` (query) → - → page of FundingAccount
/// - `funding_accounts.retrieve` (fundingAccountId) → - → FundingAccount
/// - `funding_accounts.update` (fundingAccountId) → FundingAccount → null
/// - `funding_accounts.delete` (fundingAccountId) → - → null
/// - `funding_instructions.create` () → Instruction → FundingInstruction, idempotency key
/// - `funding_instructions.list` (query) → - → page of FundingInstruction
/// - `funding_instructions.retrieve` (instructionId) → - → FundingInstruction
/// - `funding_instructions.update` (instructionId) → Instruction → null
/// - `funding_instructions.delete` (instructionId) → - → null
/// - `funding_activity.list` (query) → - → page of ActivityRecord
/// - `funding_activity.retrieve_balance` (query) → - → page of MerchantBalance
/// - `pricing_intents.create` () → PricingIntent → PricingIntent, idempotency key
/// - `pricing_intents.list` (query) → - → page of PricingIntent
/// - `pricing_intents.retrieve` (pricingIntentId) → - → PricingIntent
/// - `pricing_intents.replace` (pricingIntentId) → PricingIntent → null
/// - `pricing_intents.update` (pricingIntentId) → `[PatchDocument]` → PricingIntent, idempotency key
/// - `pricing_intents.delete` (pricingIntentId) → - → null
/// - `attachments.upload` (processingAccountId) → UploadAttachment + a file (`payroc_upload`) → Attachment, idempotency key
/// - `attachments.retrieve` (attachmentId) → - → Attachment
/// - `merchant_platforms.create` () → CreateMerchantPlatform → MerchantPlatform, idempotency key
/// - `merchant_platforms.list` (query) → - → page of MerchantPlatform
/// - `merchant_platforms.retrieve` (merchantPlatformId) → - → MerchantPlatform
/// - `merchant_platforms.list_processing_accounts` (merchantPlatformId, query) → - → page of ProcessingAccount
/// - `merchant_platforms.create_processing_account` (merchantPlatformId) → CreateProcessingAccount → ProcessingAccount, idempotency key
/// - `processing_accounts.retrieve` (processingAccountId) → - → ProcessingAccount
/// - `processing_accounts.list_contacts` (processingAccountId, query) → - → page of Contact
/// - `processing_accounts.list_owners` (processingAccountId, query) → - → page of Owner
/// - `processing_accounts.list_funding_accounts` (processingAccountId) → - → array of FundingAccount
/// - `processing_accounts.list_processing_terminals` (processingAccountId, query) → - → page of ProcessingTerminal
/// - `processing_accounts.list_terminal_orders` (processingAccountId, query) → - → array of TerminalOrder
/// - `processing_accounts.retrieve_pricing_agreement` (processingAccountId) → - → PricingAgreement
/// - `processing_accounts.create_reminder` (processingAccountId) → Reminder → Reminder, idempotency key
/// - `processing_accounts.create_terminal_order` (processingAccountId) → CreateTerminalOrder → TerminalOrder, idempotency key
/// - `owners.retrieve` (ownerId) → - → Owner
/// - `owners.update` (ownerId) → Owner → null
/// - `owners.delete` (ownerId) → - → null
/// - `contacts.retrieve` (contactId) → - → Contact
/// - `contacts.update` (contactId) → Contact → null
/// - `contacts.delete` (contactId) → - → null
/// - `processing_terminals.retrieve` (processingTerminalId) → - → ProcessingTerminal
/// - `processing_terminals.retrieve_host_configuration` (processingTerminalId) → - → HostConfiguration
/// - `terminal_orders.retrieve` (terminalOrderId) → - → TerminalOrder
/// - `event_subscriptions.create` () → EventSubscription → EventSubscription, idempotency key
/// - `event_subscriptions.list` (query) → - → page of EventSubscription
/// - `event_subscriptions.retrieve` (subscriptionId) → - → EventSubscription
/// - `event_subscriptions.replace` (subscriptionId) → EventSubscription → null
/// - `event_subscriptions.update` (subscriptionId) → `[PatchDocument]` → EventSubscription, idempotency key
/// - `event_subscriptions.delete` (subscriptionId) → - → null
/// - `repeat_payments.start` (processingModel) → PaymentRequest → FirstPayment, idempotency key
/// - `repeat_payments.charge` () → {series, order, customFields} → Payment, idempotency key
///
/// Operations of `payroc_paytrace_call` (params → body → response):
/// - `recurrences.create` () → CreateRecurrenceRequest → RecurrenceResponse
/// - `recurrences.update` () → UpdateRecurrenceRequest → RecurrenceResponse
/// - `recurrences.delete` () → DeleteRecurrenceRequest → RecurrenceResponse
/// - `recurrences.list_by_customer` (customerId) → - → RecurrenceExport
/// - `recurrences.export_by_customer` (customerId) → ExportRecurrencesRequest → RecurrenceExport
/// - `recurrences.export` (recurrenceId) → - → RecurrenceResponse
/// - `recurrences.export_approved` (customerId) → - → RecurrenceExport
///
/// (end of the generated list)
///
/// Thread safety: safe to call from many threads at once on the same client.
///
/// # Safety
/// `client` is NULL or a live client; the strings are NULL or NUL-terminated;
/// `response_json_out` and `error_out` are NULL or point to writable storage for one
/// pointer.
#[no_mangle]
pub unsafe extern "C" fn payroc_call(
    client: *const payroc_client,
    operation: *const c_char,
    params_json: *const c_char,
    body_json: *const c_char,
    idempotency_key: *const c_char,
    response_json_out: *mut *mut c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    guard(error_out, || {
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let client = unsafe { payroc_client::borrow(client, "client") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let operation = unsafe { read_str(operation, "operation") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let params = unsafe { read_opt_str(params_json, "params_json") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let body = unsafe { read_opt_str(body_json, "body_json") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let key = unsafe { read_opt_str(idempotency_key, "idempotency_key") }?;
        let out = out_ptr(response_json_out, "response_json_out")?;
        known(operation, Api::Payroc, body)?;
        let mut query = None;
        let call = read_call(params, body, &mut query, key)?;
        let response = reply_json(client.inner.call_json(operation, &call)?);
        // SAFETY: checked not NULL; writable by contract.
        unsafe { write_out(out, to_c_string(response)) };
        Ok(())
    })
}

/// Runs an operation that uploads a file (`attachments.upload`): as `payroc_call`,
/// plus the file. `body_json` holds the other form fields
/// (`{"attachment": {"type": "bankingEvidence", "description": "…"}}`), and the file
/// is `file_len` bytes at `file_bytes` (copied before the call returns; NULL only with
/// a length of 0, which is refused as an empty file), named `file_name` with its
/// extension (`statement.pdf`) and of media type `content_type` (`application/pdf`).
/// The API takes files under 30 MB ending in .bmp, .csv, .doc, .docx, .gif, .htm,
/// .html, .jpg, .jpeg, .msg, .pdf, .png, .ppt, .pptx, .tif, .tiff, .txt, .xls or
/// .xlsx; anything else is refused before it is sent, each problem with its field
/// path (`file.content`, `file.fileName`, `attachment.type`). The upload carries an
/// idempotency key (`idempotency_key`, or a fresh one), the same on every retry.
///
/// Thread safety: safe to call from many threads at once on the same client.
///
/// # Safety
/// As `payroc_call`; `file_bytes` is NULL or points to `file_len` readable bytes.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn payroc_upload(
    client: *const payroc_client,
    operation: *const c_char,
    params_json: *const c_char,
    body_json: *const c_char,
    file_bytes: *const u8,
    file_len: usize,
    file_name: *const c_char,
    content_type: *const c_char,
    idempotency_key: *const c_char,
    response_json_out: *mut *mut c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    guard(error_out, || {
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let client = unsafe { payroc_client::borrow(client, "client") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let operation = unsafe { read_str(operation, "operation") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let params = unsafe { read_opt_str(params_json, "params_json") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let body = unsafe { read_opt_str(body_json, "body_json") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let file_name = unsafe { read_str(file_name, "file_name") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let content_type = unsafe { read_str(content_type, "content_type") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let key = unsafe { read_opt_str(idempotency_key, "idempotency_key") }?;
        let out = out_ptr(response_json_out, "response_json_out")?;
        known(operation, Api::Payroc, body)?;
        if !payroc_core::operations::find(operation).is_some_and(|op| op.multipart) {
            return Err(Failure::invalid(format!(
                "`{operation}` uploads no file: use payroc_call"
            )));
        }
        let bytes: &[u8] = if file_len == 0 {
            &[]
        } else if file_bytes.is_null() {
            return Err(Failure::null("file_bytes"));
        } else if file_len > isize::MAX as usize {
            return Err(Failure::invalid("`file_len` is larger than any file"));
        } else {
            // SAFETY: not NULL, and `file_len` readable bytes by contract.
            unsafe { std::slice::from_raw_parts(file_bytes, file_len) }
        };
        let mut query = None;
        let mut call = read_call(params, body, &mut query, key)?;
        call.file = Some(FileUpload::new(file_name, content_type, bytes));
        let response = reply_json(client.inner.call_json(operation, &call)?);
        // SAFETY: checked not NULL; writable by contract.
        unsafe { write_out(out, to_c_string(response)) };
        Ok(())
    })
}

/// Runs one operation of PayTrace's recurring-payments API (`recurrences.*`, listed
/// at `payroc_call`); the conventions are `payroc_call`'s. PayTrace takes no
/// idempotency key, and its ids are JSON integers (`{"customerId": 1001}`).
///
/// Thread safety: safe to call from many threads at once on the same client.
///
/// # Safety
/// As `payroc_call`.
#[no_mangle]
pub unsafe extern "C" fn payroc_paytrace_call(
    client: *const payroc_paytrace_client,
    operation: *const c_char,
    params_json: *const c_char,
    body_json: *const c_char,
    response_json_out: *mut *mut c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    guard(error_out, || {
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let client = unsafe { payroc_paytrace_client::borrow(client, "client") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let operation = unsafe { read_str(operation, "operation") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let params = unsafe { read_opt_str(params_json, "params_json") }?;
        // SAFETY: guaranteed by the caller (see `# Safety`).
        let body = unsafe { read_opt_str(body_json, "body_json") }?;
        let out = out_ptr(response_json_out, "response_json_out")?;
        known(operation, Api::Paytrace, body)?;
        let mut query = None;
        let call = read_call(params, body, &mut query, None)?;
        let response = reply_json(client.inner.call_json(operation, &call)?);
        // SAFETY: checked not NULL; writable by contract.
        unsafe { write_out(out, to_c_string(response)) };
        Ok(())
    })
}
