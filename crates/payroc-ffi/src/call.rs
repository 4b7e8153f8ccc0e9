//! `payroc_call` and `payroc_paytrace_call`: every JSON-in, JSON-out operation of
//! payroc-core behind one dispatcher each, named `"resource.operation"`. Ids and list
//! filters travel in `params_json`, the request body in `body_json`; the body is read
//! and validated by payroc-model before anything is sent.

use crate::boundary::{
    guard, out_ptr, payroc_result, read_opt_str, read_str, to_c_string, write_out, BoxHandle,
};
use crate::client::{payroc_client, payroc_paytrace_client};
use crate::error::{payroc_error, Failure};
use payroc_core::model::common::{CustomField, PatchDocument};
use payroc_core::model::json::{describe_error, from_json, parse_request};
use payroc_core::model::payment::{Payment, PaymentOrderRequest, ProcessingModel};
use payroc_core::model::{cloud, payment, payment_link, paytrace, refund, secure_token};
use payroc_core::repeat::RepeatPaymentSeries;
use payroc_core::{IdempotencyKey, RequestOptions};
use payroc_model::Validate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::ffi::c_char;

/// The decoded arguments of one call.
pub(crate) struct Input<'a> {
    params: Map<String, Value>,
    body: Option<&'a str>,
}

impl<'a> Input<'a> {
    /// Reads `params_json` (NULL: no parameters) and keeps `body_json` for the
    /// operation to read as its own type.
    pub(crate) fn read(params: Option<&str>, body: Option<&'a str>) -> Result<Self, Failure> {
        let params = match params {
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
        Ok(Self { params, body })
    }

    fn value<T: DeserializeOwned>(&self, name: &str) -> Result<T, Failure> {
        let value = self
            .params
            .get(name)
            .ok_or_else(|| Failure::param(name, "is required"))?;
        // serde quotes the offending value (a card number sent as an id): never shown.
        serde_json::from_value(value.clone()).map_err(|e| Failure::param(name, describe_error(&e)))
    }

    /// A required, non-empty string member (an id).
    pub(crate) fn id(&self, name: &str) -> Result<String, Failure> {
        let id: String = self.value(name)?;
        if id.is_empty() {
            return Err(Failure::param(name, "must not be empty"));
        }
        Ok(id)
    }

    fn int(&self, name: &str) -> Result<i64, Failure> {
        self.value(name)
    }

    /// The list filters in member `query` (absent: none), validated.
    fn query<Q: DeserializeOwned + Validate + Default>(&self) -> Result<Q, Failure> {
        match self.params.get("query") {
            None => Ok(Q::default()),
            Some(value) => Ok(parse_request(value.to_string().as_bytes())?),
        }
    }

    /// The body, read and validated as `T` (field paths as in the API).
    pub(crate) fn body<T: DeserializeOwned + Validate>(&self) -> Result<T, Failure> {
        Ok(parse_request(self.body_text()?.as_bytes())?)
    }

    fn body_text(&self) -> Result<&'a str, Failure> {
        self.body.ok_or_else(|| Failure::null("body_json"))
    }
}

/// The response for C.
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string(value)
        .map_err(|e| Failure::internal(format!("cannot encode the response: {e}")))
}

/// Per-call options from a caller's idempotency key (a UUID v4), or a fresh key made
/// here once and reused by every retry of the call.
pub(crate) fn request_options(key: Option<&str>) -> Result<RequestOptions, Failure> {
    Ok(RequestOptions::idempotency_key(match key {
        Some(key) => IdempotencyKey::parse(key)?,
        None => IdempotencyKey::new(),
    }))
}

/// Runs one async operation of the client on its runtime and encodes the result.
macro_rules! run {
    ($client:expr, $c:ident => $call:expr) => {
        to_json(&$client.run(move |$c| async move { $call.await })?)
    };
}

/// The first payment of a repeat series as C reads it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FirstPaymentJson {
    payment: Payment,
    series: Option<RepeatPaymentSeries>,
    series_error: Option<String>,
}

fn dispatch(
    client: &payroc_core::blocking::BlockingClient,
    operation: &str,
    input: &Input<'_>,
    options: RequestOptions,
) -> Result<String, Failure> {
    use cloud::{
        PaymentInstruction, PaymentInstructionRequest, RefundInstruction, RefundInstructionRequest,
        SignatureInstruction, SignatureInstructionRequest,
    };
    let o = options;
    match operation {
        "secure_tokens.create" => {
            let (t, req) = (
                input.id("processingTerminalId")?,
                input.body::<secure_token::SecureTokenRequest>()?,
            );
            run!(client, c => c.secure_tokens().options(o).create(&t, &req))
        }
        "secure_tokens.retrieve" => {
            let (t, id) = (
                input.id("processingTerminalId")?,
                input.id("secureTokenId")?,
            );
            run!(client, c => c.secure_tokens().retrieve(&t, &id))
        }
        "secure_tokens.list" => {
            let (t, q) = (
                input.id("processingTerminalId")?,
                input.query::<secure_token::SecureTokenListQuery>()?,
            );
            run!(client, c => async { c.secure_tokens().list(&t, &q)?.next_page().await })
        }
        "secure_tokens.update" => {
            let (t, id) = (
                input.id("processingTerminalId")?,
                input.id("secureTokenId")?,
            );
            let patch = input.body::<secure_token::SecureTokenPatch>()?;
            run!(client, c => c.secure_tokens().options(o).update(&t, &id, &patch))
        }
        "secure_tokens.delete" => {
            let (t, id) = (
                input.id("processingTerminalId")?,
                input.id("secureTokenId")?,
            );
            run!(client, c => c.secure_tokens().delete(&t, &id))
        }
        "secure_tokens.update_account" => {
            let (t, id) = (
                input.id("processingTerminalId")?,
                input.id("secureTokenId")?,
            );
            let update = input.body::<secure_token::AccountUpdate>()?;
            run!(client, c => c.secure_tokens().options(o).update_account(&t, &id, &update))
        }
        "secure_tokens.create_single_use_token" => {
            let t = input.id("processingTerminalId")?;
            let req = input.body::<secure_token::SingleUseTokenRequest>()?;
            run!(client, c => c.secure_tokens().options(o).create_single_use_token(&t, &req))
        }
        "payments.create" => {
            let req = input.body::<payment::PaymentRequest>()?;
            run!(client, c => c.payments().options(o).create(&req))
        }
        "payments.retrieve" => {
            let id = input.id("paymentId")?;
            run!(client, c => c.payments().retrieve(&id))
        }
        "payments.list" => {
            let q = input.query::<payment::PaymentListQuery>()?;
            run!(client, c => async { c.payments().list(&q)?.next_page().await })
        }
        "payments.capture" => {
            let (id, req) = (
                input.id("paymentId")?,
                input.body::<payment::PaymentCaptureRequest>()?,
            );
            run!(client, c => c.payments().options(o).capture(&id, &req))
        }
        "payments.reverse" => {
            let (id, req) = (
                input.id("paymentId")?,
                input.body::<payment::PaymentReverseRequest>()?,
            );
            run!(client, c => c.payments().options(o).reverse(&id, &req))
        }
        "payments.refund" => {
            let (id, req) = (
                input.id("paymentId")?,
                input.body::<payment::PaymentRefundRequest>()?,
            );
            run!(client, c => c.payments().options(o).refund(&id, &req))
        }
        "payments.adjust" => {
            let (id, req) = (
                input.id("paymentId")?,
                input.body::<payment::PaymentAdjustRequest>()?,
            );
            run!(client, c => c.payments().options(o).adjust(&id, &req))
        }
        "refunds.create" => {
            let req = input.body::<refund::RefundRequest>()?;
            run!(client, c => c.refunds().options(o).create(&req))
        }
        "refunds.retrieve" => {
            let id = input.id("refundId")?;
            run!(client, c => c.refunds().retrieve(&id))
        }
        "refunds.list" => {
            let q = input.query::<refund::RefundListQuery>()?;
            run!(client, c => async { c.refunds().list(&q)?.next_page().await })
        }
        "refunds.adjust" => {
            let (id, req) = (
                input.id("refundId")?,
                input.body::<refund::RefundAdjustRequest>()?,
            );
            run!(client, c => c.refunds().options(o).adjust(&id, &req))
        }
        "refunds.reverse" => {
            let id = input.id("refundId")?;
            run!(client, c => c.refunds().options(o).reverse(&id))
        }
        "cloud.payment_instructions.submit" => {
            let (s, req) = (
                input.id("serialNumber")?,
                input.body::<PaymentInstructionRequest>()?,
            );
            run!(client, c => c.payroc_cloud().options(o).submit_payment(&s, &req))
        }
        "cloud.payment_instructions.retrieve" => {
            let id = input.id("paymentInstructionId")?;
            run!(client, c => c.payroc_cloud().retrieve::<PaymentInstruction>(&id))
        }
        "cloud.payment_instructions.cancel" => {
            let id = input.id("paymentInstructionId")?;
            run!(client, c => c.payroc_cloud().cancel::<PaymentInstruction>(&id))
        }
        "cloud.refund_instructions.submit" => {
            let (s, req) = (
                input.id("serialNumber")?,
                input.body::<RefundInstructionRequest>()?,
            );
            run!(client, c => c.payroc_cloud().options(o).submit_refund(&s, &req))
        }
        "cloud.refund_instructions.retrieve" => {
            let id = input.id("refundInstructionId")?;
            run!(client, c => c.payroc_cloud().retrieve::<RefundInstruction>(&id))
        }
        "cloud.refund_instructions.cancel" => {
            let id = input.id("refundInstructionId")?;
            run!(client, c => c.payroc_cloud().cancel::<RefundInstruction>(&id))
        }
        "cloud.signature_instructions.submit" => {
            let (s, req) = (
                input.id("serialNumber")?,
                input.body::<SignatureInstructionRequest>()?,
            );
            run!(client, c => c.payroc_cloud().options(o).submit_signature(&s, &req))
        }
        "cloud.signature_instructions.retrieve" => {
            let id = input.id("signatureInstructionId")?;
            run!(client, c => c.payroc_cloud().retrieve::<SignatureInstruction>(&id))
        }
        "cloud.signature_instructions.cancel" => {
            let id = input.id("signatureInstructionId")?;
            run!(client, c => c.payroc_cloud().cancel::<SignatureInstruction>(&id))
        }
        "cloud.signatures.retrieve" => {
            let id = input.id("signatureId")?;
            run!(client, c => c.payroc_cloud().signature(&id))
        }
        "cloud.follow" => {
            let href = input.id("href")?;
            run!(client, c => c.payroc_cloud().follow::<Value>(&href))
        }
        "payment_links.create" => {
            let (t, link) = (
                input.id("processingTerminalId")?,
                input.body::<payment_link::PaymentLink>()?,
            );
            run!(client, c => c.payment_links().options(o).create(&t, &link))
        }
        "payment_links.retrieve" => {
            let id = input.id("paymentLinkId")?;
            run!(client, c => c.payment_links().retrieve(&id))
        }
        "payment_links.list" => {
            let (t, q) = (
                input.id("processingTerminalId")?,
                input.query::<payment_link::PaymentLinkListQuery>()?,
            );
            run!(client, c => async { c.payment_links().list(&t, &q)?.next_page().await })
        }
        "payment_links.update" => {
            let id = input.id("paymentLinkId")?;
            // A JSON Patch document is an array: read, then validated as a whole.
            let patch: Vec<PatchDocument> = from_json(input.body_text()?.as_bytes())?;
            patch.as_slice().validate()?;
            run!(client, c => c.payment_links().options(o).update(&id, &patch))
        }
        "payment_links.deactivate" => {
            let id = input.id("paymentLinkId")?;
            run!(client, c => c.payment_links().deactivate(&id))
        }
        "payment_links.share" => {
            let id = input.id("paymentLinkId")?;
            let event = input.body::<payment_link::PaymentLinkEmailShareEvent>()?;
            run!(client, c => c.payment_links().options(o).share(&id, &event))
        }
        "payment_links.list_sharing_events" => {
            let (id, q) = (
                input.id("paymentLinkId")?,
                input.query::<payment_link::SharingEventListQuery>()?,
            );
            run!(client, c => async { c.payment_links().list_sharing_events(&id, &q)?.next_page().await })
        }
        "repeat_payments.start" => {
            let model: ProcessingModel = input.value("processingModel")?;
            let req = input.body::<payment::PaymentRequest>()?;
            let first = client.run(move |c| async move {
                c.repeat_payments().options(o).start(req, model).await
            })?;
            let (series, series_error) = match first.series {
                Ok(series) => (Some(series), None),
                Err(why) => (None, Some(why.to_string())),
            };
            to_json(&FirstPaymentJson {
                payment: first.payment,
                series,
                series_error,
            })
        }
        "repeat_payments.charge" => {
            let series: RepeatPaymentSeries = input.value("series")?;
            let custom: Vec<CustomField> = match input.params.get("customFields") {
                Some(_) => input.value("customFields")?,
                None => Vec::new(),
            };
            let order = input.body::<PaymentOrderRequest>()?;
            // The series comes from the caller's storage: check the request it makes.
            series.next_request(order.clone()).validate()?;
            run!(client, c => c.repeat_payments().options(o).charge(&series, order, custom))
        }
        other => Err(Failure::invalid(format!(
            "unknown operation `{other}` (payroc.h lists them at payroc_call)"
        ))),
    }
}

fn dispatch_paytrace(
    client: &payroc_core::blocking::BlockingPaytraceClient,
    operation: &str,
    input: &Input<'_>,
) -> Result<String, Failure> {
    match operation {
        "paytrace.create_recurrence" => {
            let req = input.body::<paytrace::CreateRecurrenceRequest>()?;
            run!(client, c => c.create_recurrence(&req))
        }
        "paytrace.update_recurrence" => {
            let req = input.body::<paytrace::UpdateRecurrenceRequest>()?;
            run!(client, c => c.update_recurrence(&req))
        }
        "paytrace.delete_recurrence" => {
            let req = input.body::<paytrace::DeleteRecurrenceRequest>()?;
            run!(client, c => c.delete_recurrence(&req))
        }
        "paytrace.list_customer_recurrences" => {
            let id = input.int("customerId")?;
            run!(client, c => c.list_customer_recurrences(id))
        }
        "paytrace.export_customer_recurrences" => {
            let id = input.int("customerId")?;
            let req = input.body::<paytrace::ExportRecurrencesRequest>()?;
            run!(client, c => c.export_customer_recurrences(id, &req))
        }
        "paytrace.export_recurrence" => {
            let id = input.int("recurrenceId")?;
            run!(client, c => c.export_recurrence(id))
        }
        "paytrace.export_approved" => {
            let id = input.int("customerId")?;
            run!(client, c => c.export_approved(id))
        }
        other => Err(Failure::invalid(format!(
            "unknown operation `{other}` (payroc.h lists them at payroc_paytrace_call)"
        ))),
    }
}

/// Runs one operation of the Payroc API and returns its response as JSON.
///
/// - `operation` names it (below). Ids and list filters go in `params_json`, a JSON
///   object (NULL when the operation takes none); list filters go in its member
///   `"query"` (e.g. `{"query": {"orderId": "A1", "limit": 20}}`) and a list returns
///   one page (`{"limit", "count", "hasMore", "links", "data": [...]}`): pass
///   `"after"` in the query for the next.
/// - `body_json` is the request body (NULL when the operation takes none), read and
///   validated by payroc-model first: a malformed body gives
///   `PAYROC_RESULT_INVALID_ARGUMENT`, a body that breaks a rule
///   `PAYROC_RESULT_VALIDATION` with every field path, and nothing is sent.
/// - `idempotency_key` (a UUID v4, or NULL for a fresh one) is sent on every attempt
///   of a POST/PATCH: persist it with your order to retry safely after a crash.
/// - On success `*response_json_out` owns the response (UTF-8 JSON; `null` for
///   operations that return nothing): free it with `payroc_string_free`. On failure
///   it is not written and `*error_out` (when not NULL) owns an error to free with
///   `payroc_error_free`.
///
/// Operations (params → body):
/// - `secure_tokens.create` (processingTerminalId → SecureTokenRequest),
///   `.retrieve` / `.delete` (processingTerminalId, secureTokenId), `.list`
///   (processingTerminalId, query), `.update` (… → JSON Patch array),
///   `.update_account` (… → AccountUpdate), `.create_single_use_token`
///   (processingTerminalId → SingleUseTokenRequest)
/// - `payments.create` (→ PaymentRequest), `.retrieve` (paymentId), `.list` (query),
///   `.capture` / `.reverse` / `.refund` / `.adjust` (paymentId → request)
/// - `refunds.create` (→ RefundRequest), `.retrieve` / `.reverse` (refundId),
///   `.list` (query), `.adjust` (refundId → RefundAdjustRequest)
/// - `cloud.payment_instructions.submit` (serialNumber → PaymentInstructionRequest),
///   `.retrieve` / `.cancel` (paymentInstructionId); likewise
///   `cloud.refund_instructions.*` (refundInstructionId) and
///   `cloud.signature_instructions.*` (signatureInstructionId);
///   `cloud.signatures.retrieve` (signatureId); `cloud.follow` (href: a link of a
///   completed instruction). To wait, see `payroc_cloud_wait`.
/// - `payment_links.create` (processingTerminalId → PaymentLink), `.retrieve` /
///   `.deactivate` (paymentLinkId), `.list` (processingTerminalId, query), `.update`
///   (paymentLinkId → JSON Patch array), `.share` (paymentLinkId →
///   PaymentLinkEmailShareEvent), `.list_sharing_events` (paymentLinkId, query)
/// - `repeat_payments.start` (processingModel: `"recurring"`, `"installment"` or
///   `"unscheduled"` → PaymentRequest) returns `{"payment", "series", "seriesError"}`:
///   store `series` to charge later; `repeat_payments.charge` (series, optional
///   customFields → PaymentOrderRequest with a new orderId) returns the payment.
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
        let options = request_options(key)?;
        let response = dispatch(
            &client.inner,
            operation,
            &Input::read(params, body)?,
            options,
        )?;
        // SAFETY: checked not NULL; writable by contract.
        unsafe { write_out(out, to_c_string(response)) };
        Ok(())
    })
}

/// Runs one operation of PayTrace's recurring-payments API; the conventions are
/// `payroc_call`'s (PayTrace takes no idempotency key).
///
/// Operations (params → body): `paytrace.create_recurrence` (→
/// CreateRecurrenceRequest), `paytrace.update_recurrence` (→ UpdateRecurrenceRequest),
/// `paytrace.delete_recurrence` (→ DeleteRecurrenceRequest),
/// `paytrace.list_customer_recurrences` (customerId), `paytrace.export_customer_recurrences`
/// (customerId → ExportRecurrencesRequest), `paytrace.export_recurrence`
/// (recurrenceId), `paytrace.export_approved` (customerId). Ids are JSON integers.
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
        let response = dispatch_paytrace(&client.inner, operation, &Input::read(params, body)?)?;
        // SAFETY: checked not NULL; writable by contract.
        unsafe { write_out(out, to_c_string(response)) };
        Ok(())
    })
}
