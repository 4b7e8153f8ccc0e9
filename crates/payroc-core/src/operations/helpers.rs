//! The helpers of the table (calls made of several requests) with JSON arguments,
//! and the JSON they return to the bindings.

use super::{JsonCall, JsonReply};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::repeat::RepeatPaymentSeries;
use crate::resources::cloud::CloudSaleOutcome;
use payroc_model::cloud::{
    PaymentInstruction, PaymentInstructionRequest, RefundInstruction, RefundInstructionRequest,
};
use payroc_model::common::CustomField;
use payroc_model::payment::{PaymentOrderRequest, PaymentRequest, ProcessingModel};
use payroc_model::validate::{Validate, Validator};
use payroc_model::ValidationError;
use serde::{Deserialize, Serialize};

fn json<T: Serialize>(value: &T) -> Result<JsonReply> {
    serde_json::to_vec(value)
        .map(Some)
        .map_err(|e| Error::Configuration(format!("cannot encode the result: {e}")))
}

pub(super) async fn payment_instructions_wait(
    client: &Client,
    call: &JsonCall<'_>,
) -> Result<JsonReply> {
    let id: String = call.arg("paymentInstructionId")?;
    json(&client.payment_instructions().wait(&id, &call.wait).await?)
}

pub(super) async fn refund_instructions_wait(
    client: &Client,
    call: &JsonCall<'_>,
) -> Result<JsonReply> {
    let id: String = call.arg("refundInstructionId")?;
    json(&client.refund_instructions().wait(&id, &call.wait).await?)
}

pub(super) async fn signature_instructions_wait(
    client: &Client,
    call: &JsonCall<'_>,
) -> Result<JsonReply> {
    let id: String = call.arg("signatureInstructionId")?;
    json(
        &client
            .signature_instructions()
            .wait(&id, &call.wait)
            .await?,
    )
}

/// A Cloud sale as the bindings see it. `outcome` uses the API's words
/// (`completed`, `failure`, `canceled`, or the status the gateway sent).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CloudSaleJson<'a> {
    instruction: &'a PaymentInstruction,
    outcome: String,
    error_message: Option<&'a str>,
    payment: Option<&'a payroc_model::payment::RetrievedPayment>,
    approved: bool,
}

pub(super) async fn payment_instructions_run_sale(
    client: &Client,
    call: &JsonCall<'_>,
) -> Result<JsonReply> {
    let serial: String = call.arg("serialNumber")?;
    let request: PaymentInstructionRequest = call.body()?;
    let sale = client
        .payment_instructions()
        .options(call.options.clone())
        .run_sale(&serial, &request, &call.wait)
        .await?;
    let (outcome, error_message) = match &sale.outcome {
        CloudSaleOutcome::Completed(_) => ("completed".to_owned(), None),
        CloudSaleOutcome::Failed(message) => ("failure".to_owned(), message.as_deref()),
        CloudSaleOutcome::Canceled => ("canceled".to_owned(), None),
        CloudSaleOutcome::Other(status) => (status.to_string(), None),
    };
    json(&CloudSaleJson {
        instruction: &sale.instruction,
        outcome,
        error_message,
        payment: sale.payment(),
        approved: sale.is_approved(),
    })
}

pub(super) async fn refund_instructions_run_refund(
    client: &Client,
    call: &JsonCall<'_>,
) -> Result<JsonReply> {
    let serial: String = call.arg("serialNumber")?;
    let request: RefundInstructionRequest = call.body()?;
    let (instruction, refund): (RefundInstruction, _) = client
        .refund_instructions()
        .options(call.options.clone())
        .run_refund(&serial, &request, &call.wait)
        .await?;
    json(&serde_json::json!({ "instruction": instruction, "refund": refund }))
}

pub(super) async fn payroc_cloud_follow(client: &Client, call: &JsonCall<'_>) -> Result<JsonReply> {
    let href: String = call.arg("href")?;
    // The caller's link: refused as input (nothing sent), not as a reply.
    if !client.inside_api(&href) {
        return Err(Error::Validation(ValidationError::single(
            "href",
            "must be a link into this client's API (an instruction's `link.href`)",
            "format",
        )));
    }
    let reply: serde_json::Value = client
        .payroc_cloud()
        .options(call.options.clone())
        .follow(&href)
        .await?;
    json(&reply)
}

pub(super) async fn repeat_payments_start(
    client: &Client,
    call: &JsonCall<'_>,
) -> Result<JsonReply> {
    let model: ProcessingModel = call.arg("processingModel")?;
    if !payroc_model::OpenEnum::is_known(&model) {
        return Err(Error::Validation(ValidationError::single(
            "processingModel",
            "must be one of unscheduled, recurring, installment",
            "enum",
        )));
    }
    let request: PaymentRequest = call.body()?;
    let first = client
        .repeat_payments()
        .options(call.options.clone())
        .start(request, model)
        .await?;
    let (series, series_error) = match &first.series {
        Ok(series) => (Some(series), None),
        Err(why) => (None, Some(why.to_string())),
    };
    json(&serde_json::json!({
        "payment": first.payment,
        "series": series,
        "seriesError": series_error,
    }))
}

/// The body of `repeat_payments.charge`: the stored series and the next order.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChargeBody {
    series: RepeatPaymentSeries,
    order: PaymentOrderRequest,
    #[serde(default)]
    custom_fields: Vec<CustomField>,
}

impl Validate for ChargeBody {
    fn validate_into(&self, v: &mut Validator) {
        // The series comes from the caller's storage: check the request it makes.
        self.series
            .next_request(self.order.clone())
            .validate_into(v);
        v.each("customFields", &self.custom_fields);
    }
}

pub(super) async fn repeat_payments_charge(
    client: &Client,
    call: &JsonCall<'_>,
) -> Result<JsonReply> {
    let body: ChargeBody = call.body()?;
    json(
        &client
            .repeat_payments()
            .options(call.options.clone())
            .charge(&body.series, body.order, body.custom_fields)
            .await?,
    )
}
