//! Refunds (§4.9, §4.11): unreferenced refunds, the refund records that referenced
//! refunds of settled payments create, and their list, retrieve, adjust and reverse.
//!
//! Every refund is approved (`A`, status `ready`, negative `authorizedAmount`) and
//! stays in the open batch until reversed (`reversal`); a reversed referenced refund
//! gives its amount back to the payment's refundable remainder.

use super::payments;
use super::shared::{approval_code, convert, reply, resource_link, shared_filters, ListFacts};
use super::tokens;
use crate::clock::now_rfc3339;
use crate::problem::bad_request;
use crate::problem::Refusal;
use crate::routes::list::ListParams;
use crate::routes::{json, parse};
use crate::store::ledger::{CardsLedger, ResolvedCard};
use crate::store::Store;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use payroc_model::payment::{
    AdjustmentStatus, Payment, PaymentRefundRequest, RefundStatus, RefundSummary, ResponseCode,
    SettlementState, SupportedOperation, Tender, TransactionResult, TransactionStatus,
    TransactionType,
};
use payroc_model::refund::{
    PaymentSummary, RefundAdjustRequest, RefundAdjustment, RefundListQuery, RefundMethod,
    RefundOrder, RefundRequest, RetrievedRefund,
};
use payroc_model::validate::Validate;
use payroc_model::Currency;
use std::sync::Arc;

/// What a refund's state allows next.
fn operations(refund: &RetrievedRefund) -> Vec<SupportedOperation> {
    use SupportedOperation as Op;
    match refund.transaction_result.status {
        TransactionStatus::Ready => vec![Op::FullyReverse, Op::SetAsPending],
        TransactionStatus::Pending => vec![Op::FullyReverse, Op::SetAsReady],
        _ => Vec::new(),
    }
}

/// An approved refund's result: money goes to the customer, so the amount is negative.
fn approved(s: &mut Store, amount: i64, currency: &Currency) -> TransactionResult {
    TransactionResult {
        kind: Some(TransactionType::Refund),
        ebt_type: None,
        status: TransactionStatus::Ready,
        approval_code: Some(approval_code(s)),
        authorized_amount: Some(-amount),
        currency: Some(currency.clone()),
        response_code: ResponseCode::A,
        response_message: Some("Approved".to_owned()),
        processor_response_code: None,
        card_scheme_reference_id: None,
        healthcare_indicator: None,
        unknown: Default::default(),
    }
}

/// Creates an unreferenced refund (also the card side of a Cloud refund instruction).
pub(crate) fn create_refund(
    s: &mut Store,
    request: &RefundRequest,
    host: &str,
) -> Result<RetrievedRefund, Refusal> {
    Refusal::check_amount("order.amount", request.order.amount)?;
    let (card, secure_token) = match &request.refund_method {
        RefundMethod::Card(method) => (ResolvedCard::from_details(&method.card_details), None),
        RefundMethod::SecureToken(method) => {
            let (card, summary) = tokens::card_on_file(
                &s.ledger.cards,
                &request.processing_terminal_id,
                &method.token,
                "refundMethod.token",
                host,
            )?;
            (card, Some(summary))
        }
        _ => {
            return Err(Refusal::bad(
                "refundMethod.type",
                "enum",
                "unknown refund method",
            ))
        }
    };
    let billing = request
        .customer
        .as_ref()
        .is_some_and(|c| c.billing_address.is_some());
    let mut order = request.order.clone();
    order.date_time = Some(order.date_time.unwrap_or_else(now_rfc3339));
    let refund_id = s.gateway_id();
    let mut refund = RetrievedRefund {
        refund_id,
        processing_terminal_id: request.processing_terminal_id.clone(),
        operator: request.operator.clone(),
        customer: request.customer.as_ref().and_then(convert),
        card: card.card(secure_token, billing),
        payment: None,
        supported_operations: Vec::new(),
        transaction_result: approved(s, order.amount, &order.currency),
        custom_fields: request.custom_fields.clone(),
        order,
        unknown: Default::default(),
    };
    refund.supported_operations = operations(&refund);
    s.ledger.cards.refunds.push(refund.clone());
    Ok(refund)
}

/// Refunds settled payment number `index` (amount already checked): records the
/// refund, lists it on the payment, and returns the payment.
pub(super) fn refund_payment(
    s: &mut Store,
    index: usize,
    request: &PaymentRefundRequest,
    host: &str,
) -> Payment {
    let refund_id = s.gateway_id();
    let payment = s.ledger.cards.payments[index].clone();
    let currency = payment.order.currency.clone().unwrap_or(Currency::Usd);
    let now = now_rfc3339();
    let result = &payment.transaction_result;
    let mut refund = RetrievedRefund {
        refund_id: refund_id.clone(),
        processing_terminal_id: payment.processing_terminal_id.clone(),
        operator: request.operator.clone(),
        order: RefundOrder {
            order_id: payment.order.order_id.clone().unwrap_or_default(),
            date_time: Some(now.clone()),
            description: Some(request.description.clone()),
            amount: request.amount,
            currency: currency.clone(),
            dcc_offer: None,
            unknown: Default::default(),
        },
        customer: payment.customer.clone(),
        card: payment.card.clone(),
        payment: Some(PaymentSummary {
            payment_id: payment.payment_id.clone(),
            date_time: payment.order.date_time.clone().unwrap_or_default(),
            currency: currency.clone(),
            amount: payment.order.amount.unwrap_or_default(),
            status: RefundStatus::from_api(result.status.as_str()),
            response_code: result.response_code.clone(),
            response_message: result.response_message.clone(),
            link: Some(resource_link(
                "payment",
                host,
                &format!("/payments/{}", payment.payment_id),
            )),
            unknown: Default::default(),
        }),
        supported_operations: Vec::new(),
        transaction_result: approved(s, request.amount, &currency),
        custom_fields: Vec::new(),
        unknown: Default::default(),
    };
    refund.supported_operations = operations(&refund);
    let summary = RefundSummary {
        refund_id: refund_id.clone(),
        date_time: now,
        currency,
        amount: request.amount,
        status: RefundStatus::Ready,
        response_code: ResponseCode::A,
        response_message: "Approved".to_owned(),
        link: Some(resource_link(
            "refund",
            host,
            &format!("/refunds/{refund_id}"),
        )),
        unknown: Default::default(),
    };
    let ledger = &mut s.ledger.cards;
    ledger.refunds.push(refund);
    let payment = &mut ledger.payments[index];
    payment.refunds.push(summary);
    payment.supported_operations = payments::operations(payment);
    payment.clone()
}

/// Mirrors a referenced refund's new status in its payment's `refunds` list.
fn sync_payment(ledger: &mut CardsLedger, refund: &RetrievedRefund) {
    let Some(summary) = &refund.payment else {
        return;
    };
    let Ok(i) = payments::position(ledger, &summary.payment_id) else {
        return;
    };
    let payment = &mut ledger.payments[i];
    for listed in &mut payment.refunds {
        if listed.refund_id == refund.refund_id {
            listed.status = RefundStatus::from_api(refund.transaction_result.status.as_str());
        }
    }
    payment.supported_operations = payments::operations(payment);
}

/// `POST /v1/refunds`: 201 (`web` is refused by the model's rules).
pub(crate) async fn create(
    State(mock): State<Arc<Mock>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: RefundRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = super::host_of(&headers);
    reply(
        StatusCode::CREATED,
        mock.with_store(|s| create_refund(s, &request, &host)),
    )
}

/// Index of refund `id`, or a `404`.
fn position(ledger: &CardsLedger, id: &str) -> Result<usize, Refusal> {
    ledger
        .refunds
        .iter()
        .position(|r| r.refund_id == id)
        .ok_or_else(|| Refusal::not_found("refund", id))
}

/// `GET /v1/refunds/{refundId}`.
pub(crate) async fn retrieve(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let ledger = &s.ledger.cards;
        position(ledger, &id).map(|i| ledger.refunds[i].clone())
    });
    reply(StatusCode::OK, result)
}

/// `GET /v1/refunds`: filtered (§4.11) and paged, oldest first.
pub(crate) async fn list(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    let owned = |key: &str| params.get(key).map(str::to_owned);
    let query = RefundListQuery {
        first6: owned("first6"),
        last4: owned("last4"),
        tender: params.get("tender").map(Tender::from_api),
        status: params
            .all("status")
            .into_iter()
            .map(TransactionStatus::from_api)
            .collect(),
        date_from: owned("dateFrom"),
        date_to: owned("dateTo"),
        settlement_state: params.get("settlementState").map(SettlementState::from_api),
        settlement_date: owned("settlementDate"),
        ..RefundListQuery::default()
    };
    if let Err(err) = query.validate() {
        return bad_request(&err);
    }
    // The page is written from borrowed entries: a long ledger costs a scan, not a
    // clone of every entry.
    mock.with_store(|s| {
        let items: Vec<&RetrievedRefund> = s
            .ledger
            .cards
            .refunds
            .iter()
            .filter(|r| {
                let status = &r.transaction_result.status;
                shared_filters(
                    &params,
                    &ListFacts {
                        terminal: &r.processing_terminal_id,
                        order_id: Some(&r.order.order_id),
                        operator: r.operator.as_deref(),
                        card: &r.card,
                        status: status.as_str(),
                        date_time: r.order.date_time.as_deref(),
                        settled: *status == TransactionStatus::Complete,
                    },
                )
            })
            .collect();
        match params.page(items, |r| r.refund_id.as_str()) {
            Ok(page) => json(StatusCode::OK, &page),
            Err(response) => response,
        }
    })
}

/// `409` naming what the refund's state allows instead.
fn not_now(refund: &RetrievedRefund, what: &str) -> Refusal {
    Refusal::Conflict(format!(
        "Refund {} cannot be {what}: its status is `{}`",
        refund.refund_id, refund.transaction_result.status
    ))
}

/// `POST /v1/refunds/{refundId}/adjust`: status (`ready` ↔ `pending`) and customer
/// changes while the refund is in the open batch; all or nothing.
pub(crate) async fn adjust(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let request: RefundAdjustRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let result = mock.with_store(|s| {
        let ledger = &mut s.ledger.cards;
        let i = position(ledger, &id)?;
        let mut refund = ledger.refunds[i].clone();
        for adjustment in &request.adjustments {
            match adjustment {
                RefundAdjustment::Status(change) => {
                    let (needed, status) = match change.to_status {
                        AdjustmentStatus::Ready => {
                            (SupportedOperation::SetAsReady, TransactionStatus::Ready)
                        }
                        _ => (SupportedOperation::SetAsPending, TransactionStatus::Pending),
                    };
                    if !refund.supported_operations.contains(&needed) {
                        return Err(not_now(&refund, &format!("set to `{}`", change.to_status)));
                    }
                    refund.transaction_result.status = status;
                }
                RefundAdjustment::Customer(change) => {
                    if refund.supported_operations.is_empty() {
                        return Err(not_now(&refund, "adjusted (customer)"));
                    }
                    let customer = refund.customer.get_or_insert_with(Default::default);
                    if let Some(shipping) = &change.shipping_address {
                        customer.shipping_address = convert(shipping);
                    }
                    if !change.contact_methods.is_empty() {
                        customer.contact_methods = change.contact_methods.clone();
                    }
                }
                _ => {
                    return Err(Refusal::bad(
                        "adjustments.type",
                        "enum",
                        "unknown adjustment type",
                    ))
                }
            }
            refund.supported_operations = operations(&refund);
        }
        ledger.refunds[i] = refund.clone();
        sync_payment(ledger, &refund);
        Ok(refund)
    });
    reply(StatusCode::OK, result)
}

/// `POST /v1/refunds/{refundId}/reverse` (no body): voids a refund still in the open
/// batch (`reversal`); again → `409`.
pub(crate) async fn reverse(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let ledger = &mut s.ledger.cards;
        let i = position(ledger, &id)?;
        let refund = &mut ledger.refunds[i];
        if !refund
            .supported_operations
            .contains(&SupportedOperation::FullyReverse)
        {
            return Err(not_now(refund, "reversed"));
        }
        refund.transaction_result.status = TransactionStatus::Reversal;
        refund.supported_operations = operations(refund);
        let refund = refund.clone();
        sync_payment(ledger, &refund);
        Ok(refund)
    });
    reply(StatusCode::OK, result)
}
