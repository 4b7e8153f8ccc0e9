//! Card payments (§4.1–§4.10): create with any payment method, list, retrieve, and
//! the follow-on operations, each allowed only in the states the gateway allows it.
//!
//! Lifecycle: an approved sale is `ready` in the open batch (`pending` after a
//! status adjustment); a pre-authorization (`autoCapture: false`) is `pending` until
//! captured; `processAsSale: true` settles at once (`complete`). Reversing takes a
//! payment out of the open batch (`reversal`); a settled payment can only be refunded.

use super::refunds;
use super::shared::{
    approval_code, convert, parse_optional, reply, retrieved_breakdown, shared_filters, ListFacts,
    Outcome,
};
use super::tokens::{self, NewToken};
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
    AdjustmentStatus, ItemizedBreakdown, Payment, PaymentAdjustRequest, PaymentAdjustment,
    PaymentCaptureRequest, PaymentListQuery, PaymentMethod, PaymentOrder, PaymentRefundRequest,
    PaymentRequest, PaymentReverseRequest, RefundStatus, SecureTokenSummary, SettlementState,
    SupportedOperation, Tender, TipMode, TransactionResult, TransactionStatus, TransactionType,
};
use payroc_model::validate::Validate;
use std::sync::Arc;

/// The card brand's reference for the transaction (kept for repeat payments).
fn scheme_reference(s: &mut Store) -> String {
    s.random_id(15, b"0123456789")
}

/// What the amount still allows to refund: authorised minus live refunds.
pub(super) fn refundable(payment: &Payment) -> i64 {
    let refunded: i64 = payment
        .refunds
        .iter()
        .filter(|r| !matches!(r.status, RefundStatus::Reversal | RefundStatus::Declined))
        .map(|r| r.amount)
        .sum();
    payment.transaction_result.authorized_amount.unwrap_or(0) - refunded
}

/// Approved and still in the open batch (`ready` or `pending`).
fn is_open(payment: &Payment) -> bool {
    let result = &payment.transaction_result;
    result.response_code.is_approved()
        && matches!(
            result.status,
            TransactionStatus::Ready | TransactionStatus::Pending
        )
}

/// What the payment's state allows next.
pub(crate) fn operations(payment: &Payment) -> Vec<SupportedOperation> {
    use SupportedOperation as Op;
    let result = &payment.transaction_result;
    if !result.response_code.is_approved() {
        return Vec::new();
    }
    let open_sale = |status_change: Op| {
        let mut ops = vec![Op::FullyReverse, Op::PartiallyReverse, Op::AdjustTip];
        if payment.card.cardholder_signature.is_none() {
            ops.push(Op::AddSignature);
        }
        ops.push(status_change);
        ops.push(Op::Refund);
        ops
    };
    match (&result.status, &result.kind) {
        (TransactionStatus::Pending, Some(TransactionType::PreAuthorization)) => vec![
            Op::Capture,
            Op::FullyReverse,
            Op::PartiallyReverse,
            Op::IncrementAuthorization,
        ],
        (TransactionStatus::Ready, _) => open_sale(Op::SetAsPending),
        (TransactionStatus::Pending, _) => open_sale(Op::SetAsReady),
        (TransactionStatus::Complete, _) if refundable(payment) > 0 => vec![Op::Refund],
        _ => Vec::new(),
    }
}

/// The card a payment method pays with, and the secure token it came from.
fn payment_card(
    s: &mut Store,
    request: &PaymentRequest,
    host: &str,
) -> Result<(ResolvedCard, Option<SecureTokenSummary>), Refusal> {
    let terminal = &request.processing_terminal_id;
    match &request.payment_method {
        PaymentMethod::Card(method) => Ok((ResolvedCard::from_details(&method.card_details), None)),
        PaymentMethod::SecureToken(method) => {
            let (card, summary) = tokens::card_on_file(
                &s.ledger.cards,
                terminal,
                &method.token,
                "paymentMethod.token",
                host,
            )?;
            Ok((card, Some(summary)))
        }
        PaymentMethod::SingleUseToken(method) => {
            tokens::claim_card(&mut s.ledger.cards, &method.token, "paymentMethod.token")
                .map(|card| (card, None))
        }
        PaymentMethod::DigitalWallet(wallet) => {
            Ok((ResolvedCard::wallet(wallet.cardholder_name.clone()), None))
        }
        _ => Err(Refusal::bad(
            "paymentMethod.type",
            "enum",
            "unknown payment method",
        )),
    }
}

/// Creates a payment (also the card side of a Cloud payment instruction): resolves
/// the payment method, decides the outcome from the amount, saves the card when asked
/// to, and records it.
pub(crate) fn create_payment(
    s: &mut Store,
    request: &PaymentRequest,
    host: &str,
) -> Result<Payment, Refusal> {
    let terminal = &request.processing_terminal_id;
    let on_file = request.credential_on_file.as_ref();
    let tokenize = on_file.and_then(|c| c.tokenize).unwrap_or(false);
    let wanted_id = on_file.and_then(|c| c.secure_token_id.clone());
    // Checked before anything is used up (a single-use token, say).
    if tokenize {
        if let Some(id) = &wanted_id {
            tokens::check_id_free(&s.ledger.cards, terminal, id)?;
        }
    }
    Refusal::check_amount("order.amount", request.order.amount)?;
    let (card, existing_token) = payment_card(s, request, host)?;
    let order = &request.order;
    let outcome = Outcome::for_amount(order.amount);
    let settle_now = request.process_as_sale == Some(true);
    let pre_auth = !settle_now && request.auto_capture == Some(false);
    let status = match outcome.code {
        payroc_model::payment::ResponseCode::D => TransactionStatus::Declined,
        payroc_model::payment::ResponseCode::R => TransactionStatus::Referral,
        payroc_model::payment::ResponseCode::E => TransactionStatus::Pending,
        _ if settle_now => TransactionStatus::Complete,
        _ if pre_auth => TransactionStatus::Pending,
        _ => TransactionStatus::Ready,
    };
    let customer = request.customer.as_ref().and_then(convert);
    let secure_token = match existing_token {
        Some(summary) => Some(summary),
        // Only an approved card is worth keeping.
        None if tokenize && outcome.approved() => {
            let new = NewToken {
                terminal: terminal.clone(),
                id: wanted_id,
                mit_agreement: on_file.and_then(|c| c.mit_agreement.clone()),
                customer: customer.clone(),
                custom_fields: Vec::new(),
            };
            let token = tokens::save_card(s, new, &card);
            Some(tokens::summary(&token, host))
        }
        None => None,
    };
    let approved = outcome.approved();
    let payment_id = s.gateway_id();
    let approval = approved.then(|| approval_code(s));
    let reference = approved.then(|| scheme_reference(s));
    let billing = request
        .customer
        .as_ref()
        .is_some_and(|c| c.billing_address.is_some());
    let mut payment = Payment {
        payment_id,
        processing_terminal_id: terminal.clone(),
        operator: request.operator.clone(),
        order: PaymentOrder {
            order_id: Some(order.order_id.clone()),
            date_time: Some(order.date_time.clone().unwrap_or_else(now_rfc3339)),
            description: order.description.clone(),
            amount: Some(order.amount),
            currency: Some(order.currency.clone()),
            dcc_offer: order.dcc_offer.clone(),
            standing_instructions: order.standing_instructions.clone(),
            accept_partial_amount: order.accept_partial_amount,
            breakdown: order.breakdown.as_ref().map(retrieved_breakdown),
            unknown: Default::default(),
        },
        customer,
        card: card.card(secure_token, billing),
        refunds: Vec::new(),
        supported_operations: Vec::new(),
        transaction_result: TransactionResult {
            kind: Some(if pre_auth {
                TransactionType::PreAuthorization
            } else {
                TransactionType::Sale
            }),
            ebt_type: None,
            status,
            approval_code: approval,
            authorized_amount: outcome.authorized,
            currency: Some(order.currency.clone()),
            response_code: outcome.code.clone(),
            response_message: Some(outcome.message.to_owned()),
            processor_response_code: None,
            card_scheme_reference_id: reference,
            healthcare_indicator: None,
            unknown: Default::default(),
        },
        custom_fields: request.custom_fields.clone(),
        unknown: Default::default(),
    };
    payment.supported_operations = operations(&payment);
    s.ledger.cards.payments.push(payment.clone());
    *s.counters
        .payments_per_order_id
        .entry(order.order_id.clone())
        .or_default() += 1;
    Ok(payment)
}

/// `POST /v1/payments`: 201.
pub(crate) async fn create(
    State(mock): State<Arc<Mock>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: PaymentRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = super::host_of(&headers);
    reply(
        StatusCode::CREATED,
        mock.with_store(|s| create_payment(s, &request, &host)),
    )
}

/// Index of payment `id`, or a `404`.
pub(super) fn position(ledger: &CardsLedger, id: &str) -> Result<usize, Refusal> {
    ledger
        .payments
        .iter()
        .position(|p| p.payment_id == id)
        .ok_or_else(|| Refusal::not_found("payment", id))
}

/// `GET /v1/payments/{paymentId}`.
pub(crate) async fn retrieve(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let ledger = &s.ledger.cards;
        position(ledger, &id).map(|i| ledger.payments[i].clone())
    });
    reply(StatusCode::OK, result)
}

/// The tip mode a payment lists under: `noTip` without a tip.
fn tip_mode(payment: &Payment) -> &str {
    match payment
        .order
        .breakdown
        .as_ref()
        .and_then(|b| b.tip.as_ref())
    {
        None => "noTip",
        Some(tip) => tip.mode.as_ref().map_or("prompted", TipMode::as_str),
    }
}

/// Checks the list filters with the model's rules (digits, dates, enum values): the
/// `400` when one breaks them.
fn check_filters(params: &ListParams) -> Option<Response> {
    let owned = |key: &str| params.get(key).map(str::to_owned);
    let query = PaymentListQuery {
        first6: owned("first6"),
        last4: owned("last4"),
        tender: params.get("tender").map(Tender::from_api),
        tip_mode: params
            .all("tipMode")
            .into_iter()
            .map(TipMode::from_api)
            .collect(),
        kind: params
            .all("type")
            .into_iter()
            .map(TransactionType::from_api)
            .collect(),
        status: params
            .all("status")
            .into_iter()
            .map(TransactionStatus::from_api)
            .collect(),
        date_from: owned("dateFrom"),
        date_to: owned("dateTo"),
        settlement_state: params.get("settlementState").map(SettlementState::from_api),
        settlement_date: owned("settlementDate"),
        ..PaymentListQuery::default()
    };
    query.validate().err().map(|err| bad_request(&err))
}

/// `GET /v1/payments`: filtered (§4.5) and paged, oldest first.
pub(crate) async fn list(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    if let Some(response) = check_filters(&params) {
        return response;
    }
    // The page is written from borrowed entries: a long ledger costs a scan, not a
    // clone of every entry.
    mock.with_store(|s| {
        let items: Vec<&Payment> = s
            .ledger
            .cards
            .payments
            .iter()
            .filter(|p| {
                let result = &p.transaction_result;
                let facts = ListFacts {
                    terminal: &p.processing_terminal_id,
                    order_id: p.order.order_id.as_deref(),
                    operator: p.operator.as_deref(),
                    card: &p.card,
                    status: result.status.as_str(),
                    date_time: p.order.date_time.as_deref(),
                    settled: result.status == TransactionStatus::Complete,
                };
                shared_filters(&params, &facts)
                    && params.matches("type", result.kind.as_ref().map(TransactionType::as_str))
                    && params.matches("tipMode", Some(tip_mode(p)))
                    // No emulator payment is taken through a payment link.
                    && params.get("paymentLinkId").is_none()
            })
            .collect();
        match params.page(items, |p| p.payment_id.as_str()) {
            Ok(page) => json(StatusCode::OK, &page),
            Err(response) => response,
        }
    })
}

/// `409` naming what the payment's state allows instead.
fn not_now(payment: &Payment, what: &str) -> Refusal {
    let ops: Vec<&str> = payment
        .supported_operations
        .iter()
        .map(SupportedOperation::as_str)
        .collect();
    Refusal::Conflict(format!(
        "Payment {} cannot be {what}: its status is `{}` (supported operations: [{}])",
        payment.payment_id,
        payment.transaction_result.status,
        ops.join(", ")
    ))
}

/// `POST /v1/payments/{paymentId}/capture`: only an approved pre-authorization that
/// is still `pending`; up to the authorised amount (less captures part of it).
pub(crate) async fn capture(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let request: PaymentCaptureRequest = match parse_optional(&body) {
        Ok(request) => request,
        Err(response) => return *response,
    };
    let result = mock.with_store(|s| {
        let ledger = &mut s.ledger.cards;
        let i = position(ledger, &id)?;
        let payment = &mut ledger.payments[i];
        if request
            .processing_terminal_id
            .as_ref()
            .is_some_and(|t| *t != payment.processing_terminal_id)
        {
            return Err(Refusal::bad(
                "processingTerminalId",
                "format",
                "is not the terminal that took the payment",
            ));
        }
        if !payment
            .supported_operations
            .contains(&SupportedOperation::Capture)
        {
            return Err(not_now(payment, "captured"));
        }
        let authorized = payment.transaction_result.authorized_amount.unwrap_or(0);
        let amount = request.amount.unwrap_or(authorized);
        if amount > authorized {
            return Err(Refusal::bad(
                "amount",
                "range",
                format!(
                    "cannot capture more than the authorized {authorized}; adjust the order first"
                ),
            ));
        }
        let result = &mut payment.transaction_result;
        result.kind = Some(TransactionType::PreAuthorizationCompletion);
        result.status = TransactionStatus::Ready;
        result.authorized_amount = Some(amount);
        payment.order.amount = Some(amount);
        if let Some(breakdown) = &request.breakdown {
            payment.order.breakdown = Some(retrieved_breakdown(breakdown));
        }
        payment.supported_operations = operations(payment);
        Ok(payment.clone())
    });
    reply(StatusCode::OK, result)
}

/// Voids all of an open payment, or part of it (`amount` less than authorised).
fn reverse_in_batch(payment: &mut Payment, amount: Option<i64>) -> Result<(), Refusal> {
    if !is_open(payment) {
        return Err(not_now(payment, "reversed"));
    }
    let authorized = payment.transaction_result.authorized_amount.unwrap_or(0);
    let amount = amount.unwrap_or(authorized);
    if amount > authorized {
        return Err(Refusal::bad(
            "amount",
            "range",
            format!("cannot reverse more than the authorized {authorized}"),
        ));
    }
    let result = &mut payment.transaction_result;
    if amount == authorized {
        result.status = TransactionStatus::Reversal;
    } else {
        result.authorized_amount = Some(authorized - amount);
    }
    payment.supported_operations = operations(payment);
    Ok(())
}

/// `POST /v1/payments/{paymentId}/reverse`: only in the open batch; in full →
/// `reversal`, in part → lower `authorizedAmount`.
pub(crate) async fn reverse(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let request: PaymentReverseRequest = match parse_optional(&body) {
        Ok(request) => request,
        Err(response) => return *response,
    };
    let result = mock.with_store(|s| {
        let ledger = &mut s.ledger.cards;
        let i = position(ledger, &id)?;
        let payment = &mut ledger.payments[i];
        reverse_in_batch(payment, request.amount)?;
        Ok(payment.clone())
    });
    reply(StatusCode::OK, result)
}

/// `POST /v1/payments/{paymentId}/refund`: a payment still in the open batch is
/// reversed instead; a settled one gets a refund (listed in its `refunds`).
pub(crate) async fn refund(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: PaymentRefundRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = super::host_of(&headers);
    let result = mock.with_store(|s| {
        let i = position(&s.ledger.cards, &id)?;
        let payment = &mut s.ledger.cards.payments[i];
        if is_open(payment) {
            reverse_in_batch(payment, Some(request.amount))?;
            return Ok(payment.clone());
        }
        if !payment
            .supported_operations
            .contains(&SupportedOperation::Refund)
        {
            return Err(not_now(payment, "refunded"));
        }
        let remaining = refundable(payment);
        if request.amount > remaining {
            return Err(Refusal::bad(
                "amount",
                "range",
                format!("cannot refund more than the remaining {remaining}"),
            ));
        }
        Ok(refunds::refund_payment(s, i, &request, &host))
    });
    reply(StatusCode::OK, result)
}

/// `409` unless the payment supports one of `needed`.
fn require(payment: &Payment, needed: &[SupportedOperation], what: &str) -> Result<(), Refusal> {
    if needed
        .iter()
        .any(|op| payment.supported_operations.contains(op))
    {
        Ok(())
    } else {
        Err(not_now(payment, what))
    }
}

/// Applies one adjustment to `payment`, or says why its state refuses it.
fn adjust_one(
    payment: &mut Payment,
    index: usize,
    adjustment: &PaymentAdjustment,
) -> Result<(), Refusal> {
    use SupportedOperation as Op;
    match adjustment {
        PaymentAdjustment::Order(order) => {
            Refusal::check_amount(format!("adjustments[{index}].amount"), order.amount)?;
            require(
                payment,
                &[Op::AdjustTip, Op::IncrementAuthorization],
                "adjusted (order)",
            )?;
            let previous = payment.order.amount.unwrap_or(order.amount);
            if let Some(change) = &order.breakdown {
                let breakdown = payment
                    .order
                    .breakdown
                    .get_or_insert_with(|| ItemizedBreakdown {
                        subtotal: previous,
                        cashback_amount: None,
                        tip: None,
                        surcharge: None,
                        dual_pricing: None,
                        taxes: Vec::new(),
                        duty_amount: None,
                        freight_amount: None,
                        convenience_fee: None,
                        items: Vec::new(),
                        healthcare_expenses: Vec::new(),
                        unknown: Default::default(),
                    });
                breakdown.tip = Some(change.tip.clone());
            }
            payment.order.amount = Some(order.amount);
            payment.transaction_result.authorized_amount = Some(order.amount);
        }
        PaymentAdjustment::Status(change) => {
            let (needed, status) = match change.to_status {
                AdjustmentStatus::Ready => (Op::SetAsReady, TransactionStatus::Ready),
                _ => (Op::SetAsPending, TransactionStatus::Pending),
            };
            require(
                payment,
                &[needed],
                &format!("set to `{}`", change.to_status),
            )?;
            payment.transaction_result.status = status;
        }
        PaymentAdjustment::Customer(change) => {
            if !is_open(payment) {
                return Err(not_now(payment, "adjusted (customer)"));
            }
            let customer = payment.customer.get_or_insert_with(Default::default);
            if let Some(shipping) = &change.shipping_address {
                customer.shipping_address = convert(shipping);
            }
            if !change.contact_methods.is_empty() {
                customer.contact_methods = change.contact_methods.clone();
            }
        }
        PaymentAdjustment::Signature(change) => {
            if payment.card.cardholder_signature.is_some() {
                return Err(Refusal::Conflict(format!(
                    "Payment {} already has a cardholder signature; it cannot be changed or removed",
                    payment.payment_id
                )));
            }
            require(payment, &[Op::AddSignature], "signed")?;
            payment.card.cardholder_signature = Some(change.cardholder_signature.clone());
        }
        _ => {
            return Err(Refusal::bad(
                "adjustments.type",
                "enum",
                "unknown adjustment type",
            ))
        }
    }
    payment.supported_operations = operations(payment);
    Ok(())
}

/// `POST /v1/payments/{paymentId}/adjust`: all adjustments or none, in order, each
/// checked against the state the previous ones left.
pub(crate) async fn adjust(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let request: PaymentAdjustRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let result = mock.with_store(|s| {
        let ledger = &mut s.ledger.cards;
        let i = position(ledger, &id)?;
        let mut payment = ledger.payments[i].clone();
        for (index, adjustment) in request.adjustments.iter().enumerate() {
            adjust_one(&mut payment, index, adjustment)?;
        }
        ledger.payments[i] = payment.clone();
        Ok(payment)
    });
    reply(StatusCode::OK, result)
}
