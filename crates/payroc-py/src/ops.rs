//! The operations, by name: each reads its JSON body with the model's
//! `parse_request` (so an invalid request fails here, before any I/O), runs the
//! payroc-core call and writes the result as JSON. The Python layer names the
//! operation; nothing else is decided here.

use payroc_core::model::cloud::{
    PaymentInstruction, PaymentInstructionRequest, RefundInstruction, RefundInstructionRequest,
    SignatureInstruction, SignatureInstructionRequest,
};
use payroc_core::model::common::{CustomField, PatchDocument};
use payroc_core::model::json::{from_json, parse_request};
use payroc_core::model::page::ListQuery;
use payroc_core::model::payment::{
    PaymentAdjustRequest, PaymentCaptureRequest, PaymentListQuery, PaymentOrderRequest,
    PaymentRefundRequest, PaymentRequest, PaymentReverseRequest, ProcessingModel,
};
use payroc_core::model::payment_link::{
    PaymentLink, PaymentLinkEmailShareEvent, PaymentLinkListQuery, SharingEventListQuery,
};
use payroc_core::model::paytrace::{
    CreateRecurrenceRequest, DeleteRecurrenceRequest, ExportRecurrencesRequest,
    UpdateRecurrenceRequest,
};
use payroc_core::model::refund::{RefundAdjustRequest, RefundListQuery, RefundRequest};
use payroc_core::model::secure_token::{
    AccountUpdate, SecureTokenListQuery, SecureTokenPatch, SecureTokenRequest,
    SingleUseTokenRequest,
};
use payroc_core::model::validate::{Validate, ValidationError, Validator};
use payroc_core::pager::Pager;
use payroc_core::repeat::RepeatPaymentSeries;
use payroc_core::{
    Client, CloudSaleOutcome, Error, PaytraceClient, RequestOptions, Result, WaitOptions,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::pin::Pin;

/// What a call hands back to Python: JSON, or nothing (a delete).
pub(crate) type Output = Option<Vec<u8>>;

/// The inputs of one call, copied out of Python objects before the GIL is released.
pub(crate) struct Call<'a> {
    pub(crate) op: &'a str,
    pub(crate) ids: &'a [String],
    pub(crate) body: Option<&'a [u8]>,
    pub(crate) options: RequestOptions,
    pub(crate) wait: WaitOptions,
}

impl Call<'_> {
    /// The `i`-th path parameter. The Python layer always passes them; a miss is a
    /// caller error reported like any other invalid input.
    fn id(&self, i: usize) -> Result<&str> {
        self.ids.get(i).map(String::as_str).ok_or_else(|| {
            Error::Validation(ValidationError::single(
                "",
                format!("`{}` needs {} path parameter(s)", self.op, i + 1),
                "required",
            ))
        })
    }

    /// The body read and validated as `T` (an absent body reads as `{}`, so missing
    /// required fields are named).
    fn body<T: DeserializeOwned + Validate>(&self) -> Result<T> {
        Ok(parse_request(self.body.unwrap_or(b"{}"))?)
    }
}

fn json<T: Serialize>(value: &T) -> Result<Output> {
    serde_json::to_vec(value).map(Some).map_err(|e| {
        Error::Decode(Box::new(payroc_core::DecodeError::new(
            200,
            "a JSON-serializable response",
            e.to_string(),
        )))
    })
}

fn unknown_op(op: &str) -> Error {
    Error::Validation(ValidationError::single(
        "",
        format!("unknown operation `{op}`"),
        "unknown",
    ))
}

/// Runs one Payroc operation.
pub(crate) async fn payroc(c: Client, call: Call<'_>) -> Result<Output> {
    let o = call.options.clone();
    match call.op {
        "secure_tokens.create" => {
            let r: SecureTokenRequest = call.body()?;
            json(&c.secure_tokens().options(o).create(call.id(0)?, &r).await?)
        }
        "secure_tokens.retrieve" => {
            json(&c.secure_tokens().retrieve(call.id(0)?, call.id(1)?).await?)
        }
        "secure_tokens.update" => {
            let patch: Vec<PatchDocument> = from_json(call.body.unwrap_or(b"[]"))?;
            let patch = SecureTokenPatch::from(patch);
            patch.validate()?;
            json(
                &c.secure_tokens()
                    .options(o)
                    .update(call.id(0)?, call.id(1)?, &patch)
                    .await?,
            )
        }
        "secure_tokens.delete" => {
            c.secure_tokens().delete(call.id(0)?, call.id(1)?).await?;
            Ok(None)
        }
        "secure_tokens.update_account" => {
            let r: AccountUpdate = call.body()?;
            json(
                &c.secure_tokens()
                    .options(o)
                    .update_account(call.id(0)?, call.id(1)?, &r)
                    .await?,
            )
        }
        "secure_tokens.create_single_use_token" => {
            let r: SingleUseTokenRequest = call.body()?;
            json(
                &c.secure_tokens()
                    .options(o)
                    .create_single_use_token(call.id(0)?, &r)
                    .await?,
            )
        }
        "payments.create" => {
            let r: PaymentRequest = call.body()?;
            json(&c.payments().options(o).create(&r).await?)
        }
        "payments.retrieve" => json(&c.payments().retrieve(call.id(0)?).await?),
        "payments.capture" => {
            let r: PaymentCaptureRequest = call.body()?;
            json(&c.payments().options(o).capture(call.id(0)?, &r).await?)
        }
        "payments.reverse" => {
            let r: PaymentReverseRequest = call.body()?;
            json(&c.payments().options(o).reverse(call.id(0)?, &r).await?)
        }
        "payments.refund" => {
            let r: PaymentRefundRequest = call.body()?;
            json(&c.payments().options(o).refund(call.id(0)?, &r).await?)
        }
        "payments.adjust" => {
            let r: PaymentAdjustRequest = call.body()?;
            json(&c.payments().options(o).adjust(call.id(0)?, &r).await?)
        }
        "refunds.create" => {
            let r: RefundRequest = call.body()?;
            json(&c.refunds().options(o).create(&r).await?)
        }
        "refunds.retrieve" => json(&c.refunds().retrieve(call.id(0)?).await?),
        "refunds.adjust" => {
            let r: RefundAdjustRequest = call.body()?;
            json(&c.refunds().options(o).adjust(call.id(0)?, &r).await?)
        }
        "refunds.reverse" => json(&c.refunds().options(o).reverse(call.id(0)?).await?),
        "payment_instructions.submit" => {
            let r: PaymentInstructionRequest = call.body()?;
            json(
                &c.payroc_cloud()
                    .options(o)
                    .submit_payment(call.id(0)?, &r)
                    .await?,
            )
        }
        "payment_instructions.retrieve" => json(
            &c.payroc_cloud()
                .retrieve::<PaymentInstruction>(call.id(0)?)
                .await?,
        ),
        "payment_instructions.cancel" => {
            c.payroc_cloud()
                .cancel::<PaymentInstruction>(call.id(0)?)
                .await?;
            Ok(None)
        }
        "payment_instructions.wait" => json(
            &c.payroc_cloud()
                .wait::<PaymentInstruction>(call.id(0)?, &call.wait)
                .await?,
        ),
        "payment_instructions.run_sale" => {
            let r: PaymentInstructionRequest = call.body()?;
            let sale = c
                .payroc_cloud()
                .options(o)
                .run_sale(call.id(0)?, &r, &call.wait)
                .await?;
            let (outcome, error_message) = match &sale.outcome {
                CloudSaleOutcome::Completed(_) => ("completed".to_owned(), None),
                CloudSaleOutcome::Failed(message) => ("failure".to_owned(), message.clone()),
                CloudSaleOutcome::Canceled => ("canceled".to_owned(), None),
                CloudSaleOutcome::Other(status) => (status.to_string(), None),
                _ => ("unknown".to_owned(), None),
            };
            json(&serde_json::json!({
                "instruction": sale.instruction,
                "outcome": outcome,
                "errorMessage": error_message,
                "payment": sale.payment(),
                "approved": sale.is_approved(),
            }))
        }
        "refund_instructions.submit" => {
            let r: RefundInstructionRequest = call.body()?;
            json(
                &c.payroc_cloud()
                    .options(o)
                    .submit_refund(call.id(0)?, &r)
                    .await?,
            )
        }
        "refund_instructions.retrieve" => json(
            &c.payroc_cloud()
                .retrieve::<RefundInstruction>(call.id(0)?)
                .await?,
        ),
        "refund_instructions.cancel" => {
            c.payroc_cloud()
                .cancel::<RefundInstruction>(call.id(0)?)
                .await?;
            Ok(None)
        }
        "refund_instructions.wait" => json(
            &c.payroc_cloud()
                .wait::<RefundInstruction>(call.id(0)?, &call.wait)
                .await?,
        ),
        "refund_instructions.run_refund" => {
            let r: RefundInstructionRequest = call.body()?;
            let (instruction, refund) = c
                .payroc_cloud()
                .options(o)
                .run_refund(call.id(0)?, &r, &call.wait)
                .await?;
            json(&serde_json::json!({ "instruction": instruction, "refund": refund }))
        }
        "signature_instructions.submit" => {
            let r: SignatureInstructionRequest = call.body()?;
            json(
                &c.payroc_cloud()
                    .options(o)
                    .submit_signature(call.id(0)?, &r)
                    .await?,
            )
        }
        "signature_instructions.retrieve" => json(
            &c.payroc_cloud()
                .retrieve::<SignatureInstruction>(call.id(0)?)
                .await?,
        ),
        "signature_instructions.cancel" => {
            c.payroc_cloud()
                .cancel::<SignatureInstruction>(call.id(0)?)
                .await?;
            Ok(None)
        }
        "signatures.retrieve" => json(&c.payroc_cloud().signature(call.id(0)?).await?),
        "payment_links.create" => {
            let r: PaymentLink = call.body()?;
            json(&c.payment_links().options(o).create(call.id(0)?, &r).await?)
        }
        "payment_links.retrieve" => json(&c.payment_links().retrieve(call.id(0)?).await?),
        "payment_links.update" => {
            let patch: Vec<PatchDocument> = from_json(call.body.unwrap_or(b"[]"))?;
            patch.as_slice().validate()?;
            json(
                &c.payment_links()
                    .options(o)
                    .update(call.id(0)?, &patch)
                    .await?,
            )
        }
        "payment_links.deactivate" => {
            json(&c.payment_links().options(o).deactivate(call.id(0)?).await?)
        }
        "payment_links.share" => {
            let r: PaymentLinkEmailShareEvent = call.body()?;
            json(&c.payment_links().options(o).share(call.id(0)?, &r).await?)
        }
        "repeat_payments.start" => {
            let model = processing_model(call.id(0)?)?;
            let r: PaymentRequest = call.body()?;
            let first = c.repeat_payments().options(o).start(r, model).await?;
            let (series, error) = match &first.series {
                Ok(series) => (Some(series), None),
                Err(e) => (None, Some(e.to_string())),
            };
            json(&serde_json::json!({
                "payment": first.payment,
                "series": series,
                "seriesError": error,
            }))
        }
        "repeat_payments.charge" => {
            let r: ChargeBody = call.body()?;
            json(
                &c.repeat_payments()
                    .options(o)
                    .charge(&r.series, r.order, r.custom_fields)
                    .await?,
            )
        }
        other => Err(unknown_op(other)),
    }
}

/// Runs one PayTrace operation.
pub(crate) async fn paytrace(c: PaytraceClient, call: Call<'_>) -> Result<Output> {
    let customer = |i| -> Result<i64> {
        let text = call.id(i)?;
        text.parse().map_err(|_| {
            Error::Validation(ValidationError::single(
                "customer_id",
                format!("must be an integer id (got `{text}`)"),
                "type",
            ))
        })
    };
    match call.op {
        "create_recurrence" => {
            let r: CreateRecurrenceRequest = call.body()?;
            json(&c.create_recurrence(&r).await?)
        }
        "update_recurrence" => {
            let r: UpdateRecurrenceRequest = call.body()?;
            json(&c.update_recurrence(&r).await?)
        }
        "delete_recurrence" => {
            let r: DeleteRecurrenceRequest = call.body()?;
            json(&c.delete_recurrence(&r).await?)
        }
        "list_customer_recurrences" => json(&c.list_customer_recurrences(customer(0)?).await?),
        "export_customer_recurrences" => {
            let r: ExportRecurrencesRequest = call.body()?;
            json(&c.export_customer_recurrences(customer(0)?, &r).await?)
        }
        "export_recurrence" => {
            let text = call.id(0)?;
            let id = text.parse().map_err(|_| {
                Error::Validation(ValidationError::single(
                    "recurrence_id",
                    format!("must be an integer id (got `{text}`)"),
                    "type",
                ))
            })?;
            json(&c.export_recurrence(id).await?)
        }
        "export_approved" => json(&c.export_approved(customer(0)?).await?),
        other => Err(unknown_op(other)),
    }
}

fn processing_model(name: &str) -> Result<ProcessingModel> {
    let model: ProcessingModel = serde_json::from_value(serde_json::Value::String(name.into()))
        .map_err(|e| Error::Configuration(e.to_string()))?;
    if matches!(model, ProcessingModel::Unknown(_)) {
        return Err(Error::Validation(ValidationError::single(
            "processingModel",
            format!("must be one of unscheduled, recurring, installment (got `{name}`)"),
            "enum",
        )));
    }
    Ok(model)
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
        v.nested("order", &self.order);
        v.each("customFields", &self.custom_fields);
    }
}

/// A list that pages on demand, whatever its item type, each page as JSON.
pub(crate) trait PageSource: Send {
    /// The next page, or `None` after the last.
    fn next_page(&mut self) -> Pin<Box<dyn Future<Output = Result<Output>> + Send + '_>>;
}

impl<T> PageSource for Pager<T>
where
    T: Serialize + DeserializeOwned + Send + 'static,
{
    fn next_page(&mut self) -> Pin<Box<dyn Future<Output = Result<Output>> + Send + '_>> {
        Box::pin(async move {
            match Pager::next_page(self).await? {
                Some(page) => json(&page),
                None => Ok(None),
            }
        })
    }
}

fn query<Q: ListQuery + DeserializeOwned>(body: Option<&[u8]>) -> Result<Q> {
    Ok(parse_request(body.unwrap_or(b"{}"))?)
}

/// Starts a list (validating its filters; nothing is fetched yet).
pub(crate) fn list(c: &Client, call: &Call<'_>) -> Result<Box<dyn PageSource>> {
    let body = call.body;
    Ok(match call.op {
        "secure_tokens.list" => Box::new(
            c.secure_tokens()
                .list(call.id(0)?, &query::<SecureTokenListQuery>(body)?)?,
        ),
        "payments.list" => Box::new(c.payments().list(&query::<PaymentListQuery>(body)?)?),
        "refunds.list" => Box::new(c.refunds().list(&query::<RefundListQuery>(body)?)?),
        "payment_links.list" => Box::new(
            c.payment_links()
                .list(call.id(0)?, &query::<PaymentLinkListQuery>(body)?)?,
        ),
        "payment_links.list_sharing_events" => Box::new(
            c.payment_links()
                .list_sharing_events(call.id(0)?, &query::<SharingEventListQuery>(body)?)?,
        ),
        other => return Err(unknown_op(other)),
    })
}
