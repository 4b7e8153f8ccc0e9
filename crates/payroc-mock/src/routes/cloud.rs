//! Payroc Cloud (§5): devices, payment/refund/signature instructions with long polls,
//! signatures.
//!
//! Any serial number is a device, except those starting with `UNKNOWN` (`404`). A
//! submitted instruction is `inProgress`; after `MockConfig::instruction_delay` a
//! simulated device finishes it: a payment instruction makes a payment in the cards
//! ledger (chip read, same amount-driven outcomes as `POST /payments`), a refund
//! instruction an unreferenced refund, a signature instruction a PNG signature. The
//! order amount's last two digits can instead make it fail (`91`), be cancelled at the
//! device (`92`) or never finish (`93`). A `GET` on an `inProgress` instruction is held
//! until its status changes or `MockConfig::long_poll_hold` passes.

use super::cards::{create_payment, create_refund, host_of, resource_link, TEST_ICC_DATA};
use crate::clock::today;
use crate::problem::{conflict, not_found};
use crate::routes::{json, parse};
use crate::store::ledger::{CloudLedger, Kind, StoredInstruction, Work};
use crate::store::Store;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use payroc_model::card::{CardDetails, DeviceModel, EncryptionCapableDevice, IccCardDetails};
use payroc_model::cloud::{
    BreakdownForPaymentInstructions, InstructionStatus, PaymentInstruction,
    PaymentInstructionRequest, RefundInstruction, RefundInstructionRequest, Signature,
    SignatureInstruction, SignatureInstructionRequest,
};
use payroc_model::common::Channel;
use payroc_model::payment::{
    CardPaymentMethod, ItemizedBreakdownRequest, PaymentMethod, PaymentOrderRequest,
    PaymentRequest, RateTax, Tax,
};
use payroc_model::refund::{RefundMethod, RefundOrder, RefundRequest};
use payroc_model::SensitiveData;
use std::sync::Arc;

/// A 1×1 PNG, Base64: what every simulated device "captures" as a signature.
const SIGNATURE_PNG: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

/// What the simulated device reports for the `..91` trigger.
const DEVICE_FAILURE: &str = "The device reported an error: the card could not be read";

impl Kind {
    /// Path segment under `/v1`.
    fn collection(self) -> &'static str {
        match self {
            Self::Payment => "payment-instructions",
            Self::Refund => "refund-instructions",
            Self::Signature => "signature-instructions",
        }
    }

    /// Resource name in a `404`.
    fn resource(self) -> &'static str {
        match self {
            Self::Payment => "paymentInstruction",
            Self::Refund => "refundInstruction",
            Self::Signature => "signatureInstruction",
        }
    }
}

/// The instruction as its kind's response type, with `status`.
fn respond(instruction: &StoredInstruction, status: StatusCode) -> Response {
    let id = Some(instruction.instruction_id.clone());
    let state = Some(instruction.status.clone());
    let error_message = instruction.error_message.clone();
    let link = Some(instruction.link.clone());
    match instruction.kind {
        Kind::Payment => json(
            status,
            &PaymentInstruction {
                payment_instruction_id: id,
                status: state,
                error_message,
                link,
                unknown: Default::default(),
            },
        ),
        Kind::Refund => json(
            status,
            &RefundInstruction {
                refund_instruction_id: id,
                status: state,
                error_message,
                link,
                unknown: Default::default(),
            },
        ),
        Kind::Signature => json(
            status,
            &SignatureInstruction {
                signature_instruction_id: id,
                status: state,
                error_message,
                link,
                unknown: Default::default(),
            },
        ),
    }
}

/// What the simulated device does with an instruction, by the amount's last two
/// digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// Finishes it (`completed`, or `failure` when the gateway refuses the result).
    Complete,
    /// `..91`: reports a failure.
    Fail,
    /// `..92`: the customer cancels on the device.
    Cancel,
    /// `..93`: never answers; the instruction stays `inProgress` until cancelled.
    Hang,
}

impl Trigger {
    /// The trigger of an order amount in minor units.
    fn for_amount(amount: i64) -> Self {
        match amount.rem_euclid(100) {
            91 => Self::Fail,
            92 => Self::Cancel,
            93 => Self::Hang,
            _ => Self::Complete,
        }
    }
}

/// The `404` for serial numbers the emulator treats as unknown devices.
fn unknown_device(serial: &str) -> Option<Response> {
    serial
        .starts_with("UNKNOWN")
        .then(|| not_found("device", serial))
}

/// Where instruction `id` of `kind` sits in the ledger.
fn index(ledger: &CloudLedger, kind: Kind, id: &str) -> Option<usize> {
    ledger
        .instructions
        .iter()
        .position(|i| i.kind == kind && i.instruction_id == id)
}

/// Ends instruction `id` as `trigger` says, unless it already ended (cancelled, or
/// completed by a `completeOnCancel` fault). Returns whether it changed.
fn finish(s: &mut Store, kind: Kind, id: &str, trigger: Trigger) -> bool {
    let Some(i) = index(&s.ledger.cloud, kind, id) else {
        return false;
    };
    let Some(work) = s.ledger.cloud.pending.0.remove(id) else {
        return false;
    };
    if s.ledger.cloud.instructions[i].status != InstructionStatus::InProgress {
        return false;
    }
    let (status, error_message, link) = match trigger {
        Trigger::Fail => (
            InstructionStatus::Failure,
            Some(DEVICE_FAILURE.to_owned()),
            None,
        ),
        Trigger::Cancel => (InstructionStatus::Canceled, None, None),
        Trigger::Complete | Trigger::Hang => match work(s) {
            Ok(link) => (InstructionStatus::Completed, None, Some(link)),
            Err(refusal) => (InstructionStatus::Failure, Some(refusal.message()), None),
        },
    };
    let instruction = &mut s.ledger.cloud.instructions[i];
    instruction.status = status;
    instruction.error_message = error_message;
    if let Some(link) = link {
        instruction.link = link;
    }
    true
}

/// What an instruction is for, besides its work.
struct Submission {
    /// Payment, refund or signature.
    kind: Kind,
    /// Device serial number.
    serial: String,
    /// Processing terminal that sent it.
    terminal: String,
    /// `Host` the client used, for absolute links.
    host: String,
    /// What the simulated device will do.
    trigger: Trigger,
}

/// Records an `inProgress` instruction, starts the simulated device, answers `202`.
fn submit(mock: Arc<Mock>, submission: Submission, work: Work) -> Response {
    let Submission {
        kind,
        serial,
        terminal,
        host,
        trigger,
    } = submission;
    let instruction = mock.with_store(|s| {
        let id = s.hex_id();
        let instruction = StoredInstruction {
            kind,
            link: resource_link("self", &host, &format!("/{}/{id}", kind.collection())),
            instruction_id: id,
            serial_number: serial,
            processing_terminal_id: terminal,
            status: InstructionStatus::InProgress,
            error_message: None,
        };
        s.ledger.cloud.instructions.push(instruction.clone());
        s.ledger
            .cloud
            .pending
            .0
            .insert(instruction.instruction_id.clone(), work);
        instruction
    });
    if trigger != Trigger::Hang {
        let id = instruction.instruction_id.clone();
        tokio::spawn(async move {
            tokio::time::sleep(mock.config.instruction_delay).await;
            if mock.with_store(|s| finish(s, kind, &id, trigger)) {
                mock.notify_changed();
            }
        });
    }
    respond(&instruction, StatusCode::ACCEPTED)
}

/// What the simulated device reads: a chip card.
fn chip_read(serial: &str) -> CardDetails {
    CardDetails::Icc(IccCardDetails {
        downgrade_to: None,
        device: EncryptionCapableDevice {
            model: DeviceModel::PaxA920,
            serial_number: serial.to_owned(),
            category: None,
            firmware_version: None,
            config: None,
            data_ksn: None,
            unknown: Default::default(),
        },
        icc_data: SensitiveData::new(TEST_ICC_DATA),
        first_digit_of_pan: None,
        cardholder_signature: None,
        ebt_details: None,
        unknown: Default::default(),
    })
}

/// A Cloud breakdown in the payment request's shape.
fn itemized(breakdown: &BreakdownForPaymentInstructions) -> ItemizedBreakdownRequest {
    ItemizedBreakdownRequest {
        cashback_amount: breakdown.cashback_amount,
        tip: breakdown.tip.clone(),
        surcharge: breakdown.surcharge.clone(),
        dual_pricing: breakdown.dual_pricing.clone(),
        taxes: breakdown
            .taxes
            .iter()
            .map(|t| {
                Tax::Rate(RateTax {
                    rate: t.rate,
                    name: t.name.clone(),
                })
            })
            .collect(),
        ..ItemizedBreakdownRequest::new(breakdown.subtotal)
    }
}

/// The payment the device runs for a payment instruction.
fn payment_request(request: &PaymentInstructionRequest, serial: &str) -> PaymentRequest {
    let order = &request.order;
    let mut payment_order =
        PaymentOrderRequest::new(order.order_id.clone(), order.amount, order.currency.clone());
    payment_order.date_time = order.date_time.clone();
    payment_order.description = order.description.clone();
    payment_order.accept_partial_amount = order.accept_partial_amount;
    payment_order.breakdown = order.breakdown.as_ref().map(itemized);
    let mut payment = PaymentRequest::new(
        Channel::Pos,
        request.processing_terminal_id.clone(),
        payment_order,
        PaymentMethod::card(chip_read(serial)),
    );
    payment.operator = request.operator.clone();
    payment.customer = request.customer.clone();
    payment.ip_address = request.ip_address.clone();
    payment.credential_on_file = request.credential_on_file.clone();
    payment.auto_capture = request.auto_capture;
    payment.process_as_sale = request.process_as_sale;
    payment
}

/// The refund the device runs for a refund instruction.
fn refund_request(request: &RefundInstructionRequest, serial: &str) -> RefundRequest {
    let order = &request.order;
    let mut refund = RefundRequest::new(
        Channel::Pos,
        request.processing_terminal_id.clone(),
        RefundOrder {
            order_id: order.order_id.clone(),
            date_time: order.date_time.clone(),
            description: Some(order.description.clone()),
            amount: order.amount,
            currency: order.currency.clone(),
            dcc_offer: None,
            unknown: Default::default(),
        },
        RefundMethod::Card(CardPaymentMethod {
            card_details: chip_read(serial),
            account_type: None,
        }),
    );
    refund.operator = request.operator.clone();
    refund.customer = request.customer.clone();
    refund.ip_address = request.ip_address.clone();
    refund
}

/// What every submit does first: the device must exist and the body must read and
/// validate; the `Host` the client used is kept for absolute links.
fn accept<T: serde::de::DeserializeOwned + payroc_model::Validate>(
    serial: &str,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<(T, String), Response> {
    if let Some(response) = unknown_device(serial) {
        return Err(response);
    }
    let request = parse(body)?;
    Ok((request, host_of(headers)))
}

/// `POST /v1/devices/{serialNumber}/payment-instructions`: 202.
async fn submit_payment(
    State(mock): State<Arc<Mock>>,
    Path(serial): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (request, host) = match accept::<PaymentInstructionRequest>(&serial, &headers, &body) {
        Ok(accepted) => accepted,
        Err(response) => return response,
    };
    let submission = Submission {
        kind: Kind::Payment,
        serial: serial.clone(),
        terminal: request.processing_terminal_id.clone(),
        host: host.clone(),
        trigger: Trigger::for_amount(request.order.amount),
    };
    let work: Work = Box::new(move |s| {
        let payment = create_payment(s, &payment_request(&request, &serial), &host)?;
        Ok(resource_link(
            "payment",
            &host,
            &format!("/payments/{}", payment.payment_id),
        ))
    });
    submit(mock, submission, work)
}

/// `POST /v1/devices/{serialNumber}/refund-instructions`: 202.
async fn submit_refund(
    State(mock): State<Arc<Mock>>,
    Path(serial): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (request, host) = match accept::<RefundInstructionRequest>(&serial, &headers, &body) {
        Ok(accepted) => accepted,
        Err(response) => return response,
    };
    let submission = Submission {
        kind: Kind::Refund,
        serial: serial.clone(),
        terminal: request.processing_terminal_id.clone(),
        host: host.clone(),
        trigger: Trigger::for_amount(request.order.amount),
    };
    let work: Work = Box::new(move |s| {
        let refund = create_refund(s, &refund_request(&request, &serial), &host)?;
        Ok(resource_link(
            "refund",
            &host,
            &format!("/refunds/{}", refund.refund_id),
        ))
    });
    submit(mock, submission, work)
}

/// `POST /v1/devices/{serialNumber}/signature-instructions`: 202; always completes.
async fn submit_signature(
    State(mock): State<Arc<Mock>>,
    Path(serial): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (request, host) = match accept::<SignatureInstructionRequest>(&serial, &headers, &body) {
        Ok(accepted) => accepted,
        Err(response) => return response,
    };
    let terminal = request.processing_terminal_id;
    let submission = Submission {
        kind: Kind::Signature,
        serial,
        terminal: terminal.clone(),
        host: host.clone(),
        trigger: Trigger::Complete,
    };
    let work: Work = Box::new(move |s| {
        let id = s.gateway_id();
        s.ledger.cloud.signatures.push(Signature {
            signature_id: Some(id.clone()),
            processing_terminal_id: Some(terminal),
            created_on: Some(today()),
            content_type: Some("image/png".to_owned()),
            signature: Some(SIGNATURE_PNG.to_owned()),
            unknown: Default::default(),
        });
        Ok(resource_link(
            "signature",
            &host,
            &format!("/signatures/{id}"),
        ))
    });
    submit(mock, submission, work)
}

/// `GET` on an instruction: a long poll. While `inProgress` the answer is held until
/// the status changes or the hold time passes; then the instruction as it stands.
async fn poll(mock: Arc<Mock>, kind: Kind, id: String) -> Response {
    // Subscribed before the first read, so a change between the read and the wait
    // still wakes this poll.
    let mut changes = mock.changes.subscribe();
    let deadline = tokio::time::Instant::now() + mock.config.long_poll_hold;
    loop {
        let current = mock.with_store(|s| {
            let cloud = &s.ledger.cloud;
            index(cloud, kind, &id).map(|i| cloud.instructions[i].clone())
        });
        let Some(instruction) = current else {
            return not_found(kind.resource(), &id);
        };
        if instruction.status != InstructionStatus::InProgress {
            return respond(&instruction, StatusCode::OK);
        }
        match tokio::time::timeout_at(deadline, changes.changed()).await {
            Ok(Ok(())) => continue,
            _ => return respond(&instruction, StatusCode::OK),
        }
    }
}

/// `DELETE` on an instruction: cancels it while `inProgress` (`204`); `409` after.
async fn cancel(mock: Arc<Mock>, kind: Kind, id: String) -> Response {
    let outcome = mock.with_store(|s| {
        let cloud = &mut s.ledger.cloud;
        let i = index(cloud, kind, &id).ok_or(None)?;
        let instruction = &mut cloud.instructions[i];
        if instruction.status != InstructionStatus::InProgress {
            return Err(Some(instruction.status.clone()));
        }
        instruction.status = InstructionStatus::Canceled;
        cloud.pending.0.remove(&id);
        Ok(())
    });
    match outcome {
        Ok(()) => {
            mock.notify_changed();
            StatusCode::NO_CONTENT.into_response()
        }
        Err(None) => not_found(kind.resource(), &id),
        Err(Some(status)) => conflict(format!(
            "The instruction is `{status}`; only an instruction in progress can be cancelled"
        )),
    }
}

/// The `completeOnCancel` fault: the device of the instruction a `DELETE` on
/// `route` (`/v1/payment-instructions/{paymentInstructionId}` or the refund or
/// signature one) names finishes it now, successfully, before the cancel is
/// handled. Returns whether an instruction was completed.
pub(crate) fn complete_now(mock: &Mock, route: &str, path: &str) -> bool {
    let kind = [Kind::Payment, Kind::Refund, Kind::Signature]
        .into_iter()
        .find(|kind| route.starts_with(&format!("/v1/{}/{{", kind.collection())));
    let (Some(kind), Some(id)) = (kind, path.rsplit('/').next()) else {
        return false;
    };
    let changed = mock.with_store(|s| finish(s, kind, id, Trigger::Complete));
    if changed {
        mock.notify_changed();
    }
    changed
}

/// `GET /v1/signatures/{signatureId}`.
async fn signature(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let found = mock.with_store(|s| {
        s.ledger
            .cloud
            .signatures
            .iter()
            .find(|sig| sig.signature_id.as_deref() == Some(id.as_str()))
            .cloned()
    });
    match found {
        Some(signature) => json(StatusCode::OK, &signature),
        None => not_found("signature", &id),
    }
}

/// Poll and cancel of one kind of instruction.
fn instruction_routes(kind: Kind) -> MethodRouter<Arc<Mock>> {
    get(move |State(mock): State<Arc<Mock>>, Path(id): Path<String>| poll(mock, kind, id))
        .delete(move |State(mock): State<Arc<Mock>>, Path(id): Path<String>| cancel(mock, kind, id))
}

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route(
            "/v1/devices/{serialNumber}/payment-instructions",
            post(submit_payment),
        )
        .route(
            "/v1/devices/{serialNumber}/refund-instructions",
            post(submit_refund),
        )
        .route(
            "/v1/devices/{serialNumber}/signature-instructions",
            post(submit_signature),
        )
        .route(
            "/v1/payment-instructions/{paymentInstructionId}",
            instruction_routes(Kind::Payment),
        )
        .route(
            "/v1/refund-instructions/{refundInstructionId}",
            instruction_routes(Kind::Refund),
        )
        .route(
            "/v1/signature-instructions/{signatureInstructionId}",
            instruction_routes(Kind::Signature),
        )
        .route("/v1/signatures/{signatureId}", get(signature))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_follow_the_last_two_digits() {
        assert_eq!(Trigger::for_amount(1091), Trigger::Fail);
        assert_eq!(Trigger::for_amount(92), Trigger::Cancel);
        assert_eq!(Trigger::for_amount(4993), Trigger::Hang);
        assert_eq!(Trigger::for_amount(4999), Trigger::Complete);
    }
}
