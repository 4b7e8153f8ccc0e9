//! Bank transfers (ACH and PAD): payments, re-presentment, referenced and unreferenced
//! refunds, reversals and the two lists, each follow-on allowed only in the states the
//! gateway allows it.
//!
//! Lifecycle: a transfer goes into the open batch as `ready`; it can be reversed there
//! (`reversal`), and a refund of all of it reverses it. Closing the batch
//! (`POST /_mock/bank-transfers/settle`) makes it `complete`; a settled payment can be
//! refunded, in parts, up to what remains. A `returned` payment (sent back by the
//! customer's bank) can be re-presented once per return, ACH only: the re-presentment is
//! a new payment in the open batch, linked from the original's `representment`.
//!
//! Outcomes follow the last two digits of the order amount (of the refund amount for a
//! referenced refund), as card payments choose theirs, so tests need no special account:
//! `01` declined, `10` settled at once, `11` (payments only) returned by the customer's
//! bank with return code `R01`; anything else `ready`. No transition waits on a clock.

use super::cards::{
    bank_account_on_file, check_id_free, claim_bank_account, host_of, mask_account, masked_ach,
    masked_pad, parse_optional, reply, resource_link, save_bank_account, NewToken,
};
use crate::clock::{now_rfc3339, today};
use crate::problem::{bad_request, Refusal};
use crate::routes::list::ListParams;
use crate::routes::{json, parse};
use crate::store::ledger::BankLedger;
use crate::store::Store;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use payroc_model::bank_transfer::{
    AchBankAccount, BankAccountMethod, BankTransferBankAccount, BankTransferBreakdown,
    BankTransferPayment, BankTransferPaymentListQuery, BankTransferPaymentMethod,
    BankTransferPaymentOrder, BankTransferPaymentRequest, BankTransferReferencedRefund,
    BankTransferRefund, BankTransferRefundListQuery, BankTransferRefundOrder,
    BankTransferRequestBreakdown, BankTransferResult, BankTransferReturnSummary,
    BankTransferStatus, BankTransferType, BankTransferUnreferencedRefund, PadBankAccount,
    Representment,
};
use payroc_model::common::{Link, SecCode};
use payroc_model::payment::{
    RefundStatus, RefundSummary, ResponseCode, RetrievedTax, SecureTokenSummary, SettlementState,
};
use payroc_model::refund::PaymentSummary;
use payroc_model::secure_token::SecureTokenResponseSource;
use payroc_model::validate::Validate;
use payroc_model::Currency;
use serde::Serialize;
use std::sync::Arc;

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route(
            "/v1/bank-transfer-payments",
            get(list_payments).post(create_payment),
        )
        .route(
            "/v1/bank-transfer-payments/{paymentId}",
            get(retrieve_payment),
        )
        .route(
            "/v1/bank-transfer-payments/{paymentId}/represent",
            post(represent),
        )
        .route(
            "/v1/bank-transfer-payments/{paymentId}/refund",
            post(refund_payment),
        )
        .route(
            "/v1/bank-transfer-payments/{paymentId}/reverse",
            post(reverse_payment),
        )
        .route(
            "/v1/bank-transfer-refunds",
            get(list_refunds).post(create_refund),
        )
        .route("/v1/bank-transfer-refunds/{refundId}", get(retrieve_refund))
        .route(
            "/v1/bank-transfer-refunds/{refundId}/reverse",
            post(reverse_refund),
        )
}

// ---------------------------------------------------------------------------
// Outcomes and shapes
// ---------------------------------------------------------------------------

/// What the amount asks of a new transfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Refused (`01`).
    Declined,
    /// Settled at once (`10`).
    Settled,
    /// Settled, then sent back by the customer's bank (`11`, payments only).
    Returned,
    /// In the open batch.
    Open,
}

impl Outcome {
    fn for_amount(amount: i64, payment: bool) -> Self {
        match amount.rem_euclid(100) {
            1 => Self::Declined,
            10 => Self::Settled,
            11 if payment => Self::Returned,
            _ => Self::Open,
        }
    }

    fn status(self) -> BankTransferStatus {
        match self {
            Self::Declined => BankTransferStatus::Declined,
            Self::Settled => BankTransferStatus::Complete,
            Self::Returned => BankTransferStatus::Returned,
            Self::Open => BankTransferStatus::Ready,
        }
    }
}

/// The transaction result of a new transfer; `amount` is negative for a refund.
fn transaction_result(
    kind: BankTransferType,
    outcome: Outcome,
    amount: i64,
    currency: &Currency,
) -> BankTransferResult {
    let declined = outcome == Outcome::Declined;
    BankTransferResult {
        kind,
        status: outcome.status(),
        authorized_amount: Some(if declined { 0 } else { amount }),
        currency: currency.clone(),
        response_code: if declined { "D" } else { "A" }.to_owned(),
        response_message: Some(if declined { "Declined" } else { "Approved" }.to_owned()),
        processor_response_code: Some(if declined { "05" } else { "0" }.to_owned()),
        unknown: Default::default(),
    }
}

/// In the open batch: `ready` or `pending`.
fn is_open(result: &BankTransferResult) -> bool {
    matches!(
        result.status,
        BankTransferStatus::Ready | BankTransferStatus::Pending
    )
}

/// Out of the open batch and processed: settled, or settled then returned.
fn is_settled(result: &BankTransferResult) -> bool {
    matches!(
        result.status,
        BankTransferStatus::Complete | BankTransferStatus::Returned
    )
}

/// The account a request names, resolved: its masked details, how the debit was
/// authorised, and the secure token it came from or was saved as.
struct Account {
    source: SecureTokenResponseSource,
    sec_code: Option<SecCode>,
    token: Option<SecureTokenSummary>,
}

impl Account {
    /// The account as a transfer's `bankAccount` shows it, numbers masked.
    fn shown(&self) -> Result<BankTransferBankAccount, Refusal> {
        let token = self.token.clone();
        match &self.source {
            SecureTokenResponseSource::Ach(ach) => {
                Ok(BankTransferBankAccount::Ach(AchBankAccount {
                    sec_code: self.sec_code.clone(),
                    name_on_account: ach.name_on_account.clone(),
                    account_number: ach.account_number.clone(),
                    routing_number: mask_account(&ach.routing_number),
                    secure_token: token,
                    unknown: Default::default(),
                }))
            }
            SecureTokenResponseSource::Pad(pad) => {
                Ok(BankTransferBankAccount::Pad(PadBankAccount {
                    name_on_account: pad.name_on_account.clone(),
                    account_number: pad.account_number.clone(),
                    transit_number: pad.transit_number.clone(),
                    institution_number: pad.institution_number.clone(),
                    secure_token: token,
                    unknown: Default::default(),
                }))
            }
            _ => Err(Refusal::bad(
                "paymentMethod",
                "format",
                "bank transfers need bank-account details",
            )),
        }
    }
}

/// The secure token behind the gateway `token` of a payment method, holding a bank
/// account of the terminal.
fn on_file(
    s: &Store,
    terminal: &str,
    token: &str,
    sec_code: &Option<SecCode>,
    parameter: &str,
    host: &str,
) -> Result<Account, Refusal> {
    let (source, summary) = bank_account_on_file(
        &s.ledger.cards,
        terminal,
        token,
        &format!("{parameter}.token"),
        host,
    )?;
    Ok(Account {
        source,
        sec_code: sec_code.clone(),
        token: Some(summary),
    })
}

/// The account a payment's `paymentMethod` debits. A single-use token is used up,
/// so this runs after every other check.
fn payment_account(
    s: &mut Store,
    terminal: &str,
    method: &BankTransferPaymentMethod,
    host: &str,
) -> Result<Account, Refusal> {
    match method {
        BankTransferPaymentMethod::Ach(ach) => Ok(Account {
            source: masked_ach(ach),
            sec_code: ach.sec_code.clone(),
            token: None,
        }),
        BankTransferPaymentMethod::Pad(pad) => Ok(Account {
            source: masked_pad(pad),
            sec_code: None,
            token: None,
        }),
        BankTransferPaymentMethod::SecureToken(method) => on_file(
            s,
            terminal,
            &method.token,
            &method.sec_code,
            "paymentMethod",
            host,
        ),
        BankTransferPaymentMethod::SingleUseToken(method) => Ok(Account {
            source: claim_bank_account(&mut s.ledger.cards, &method.token, "paymentMethod.token")?,
            sec_code: method.sec_code.clone(),
            token: None,
        }),
        _ => Err(Refusal::bad(
            "paymentMethod.type",
            "enum",
            "unknown payment method",
        )),
    }
}

/// The account an ACH-or-secure-token method (`refundMethod`, a re-presentment's
/// `paymentMethod`) names.
fn method_account(
    s: &Store,
    terminal: &str,
    method: &BankAccountMethod,
    parameter: &str,
    host: &str,
) -> Result<Account, Refusal> {
    match method {
        BankAccountMethod::Ach(ach) => Ok(Account {
            source: masked_ach(ach),
            sec_code: ach.sec_code.clone(),
            token: None,
        }),
        BankAccountMethod::SecureToken(method) => on_file(
            s,
            terminal,
            &method.token,
            &method.sec_code,
            parameter,
            host,
        ),
        _ => Err(Refusal::bad(
            format!("{parameter}.type"),
            "enum",
            "unknown payment method",
        )),
    }
}

/// A request breakdown as the response shows it, each tax's amount worked out.
fn breakdown(request: &BankTransferRequestBreakdown) -> BankTransferBreakdown {
    BankTransferBreakdown {
        subtotal: request.subtotal,
        tip: request.tip.clone(),
        taxes: request
            .taxes
            .iter()
            .map(|tax| RetrievedTax {
                name: tax.name.clone(),
                rate: tax.rate,
                amount: Some((request.subtotal as f64 * tax.rate / 100.0).round() as i64),
                unknown: Default::default(),
            })
            .collect(),
        unknown: Default::default(),
    }
}

fn payment_link(host: &str, id: &str) -> Link {
    resource_link("payment", host, &format!("/bank-transfer-payments/{id}"))
}

fn refund_link(host: &str, id: &str) -> Link {
    resource_link("refund", host, &format!("/bank-transfer-refunds/{id}"))
}

/// The summary a refund shows of its payment, and a re-presented payment of its
/// re-presentment.
fn payment_summary(payment: &BankTransferPayment, host: &str) -> PaymentSummary {
    let result = &payment.transaction_result;
    PaymentSummary {
        payment_id: payment.payment_id.clone(),
        date_time: payment.order.date_time.clone().unwrap_or_default(),
        currency: result.currency.clone(),
        amount: payment.order.amount.unwrap_or(0),
        status: RefundStatus::from_api(result.status.as_str()),
        response_code: ResponseCode::from_api(&result.response_code),
        response_message: result.response_message.clone(),
        link: Some(payment_link(host, &payment.payment_id)),
        unknown: Default::default(),
    }
}

/// The summary a payment shows of one of its refunds.
fn refund_summary(refund: &BankTransferRefund, host: &str) -> RefundSummary {
    let result = &refund.transaction_result;
    RefundSummary {
        refund_id: refund.refund_id.clone(),
        date_time: refund.order.date_time.clone().unwrap_or_default(),
        currency: result.currency.clone(),
        amount: refund.order.amount.unwrap_or(0),
        status: RefundStatus::from_api(result.status.as_str()),
        response_code: ResponseCode::from_api(&result.response_code),
        response_message: result.response_message.clone().unwrap_or_default(),
        link: Some(refund_link(host, &refund.refund_id)),
        unknown: Default::default(),
    }
}

/// `409` naming the transfer's state and what it would need.
fn not_now(what: &str, id: &str, result: &BankTransferResult, needs: &str) -> Refusal {
    Refusal::Conflict(format!(
        "Bank transfer {what} {id} cannot be {needs}: its status is `{}`",
        result.status
    ))
}

fn payment_index(ledger: &BankLedger, id: &str) -> Result<usize, Refusal> {
    ledger
        .bank_transfer_payments
        .iter()
        .position(|p| p.payment_id == id)
        .ok_or_else(|| Refusal::not_found("bank transfer payment", id))
}

fn refund_index(ledger: &BankLedger, id: &str) -> Result<usize, Refusal> {
    ledger
        .bank_transfer_refunds
        .iter()
        .position(|r| r.refund_id == id)
        .ok_or_else(|| Refusal::not_found("bank transfer refund", id))
}

/// Changes refund `refund_id`'s status, and the summary its payment shows of it.
fn set_refund_status(ledger: &mut BankLedger, index: usize, status: BankTransferStatus) {
    let refund = &mut ledger.bank_transfer_refunds[index];
    refund.transaction_result.status = status.clone();
    let (refund_id, payment_id) = (
        refund.refund_id.clone(),
        refund.payment.as_ref().map(|p| p.payment_id.clone()),
    );
    let Some(payment_id) = payment_id else {
        return;
    };
    if let Some(payment) = ledger
        .bank_transfer_payments
        .iter_mut()
        .find(|p| p.payment_id == payment_id)
    {
        for summary in payment
            .refunds
            .iter_mut()
            .filter(|r| r.refund_id == refund_id)
        {
            summary.status = RefundStatus::from_api(status.as_str());
        }
    }
}

// ---------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------

/// Creates a payment: checks the amount and the token id to save under, resolves the
/// account, decides the outcome from the amount, saves the account when asked to.
fn new_payment(
    s: &mut Store,
    request: &BankTransferPaymentRequest,
    host: &str,
) -> Result<BankTransferPayment, Refusal> {
    let terminal = &request.processing_terminal_id;
    let order = &request.order;
    // Validation has made sure these are present.
    let amount = order.amount.unwrap_or_default();
    let currency = order.currency.clone().unwrap_or(Currency::Usd);
    Refusal::check_amount("order.amount", amount)?;
    let on_file = request.credential_on_file.as_ref();
    let tokenize = on_file.and_then(|c| c.tokenize).unwrap_or(false)
        && !matches!(
            request.payment_method,
            BankTransferPaymentMethod::SecureToken(_)
        );
    let wanted_id = on_file.and_then(|c| c.secure_token_id.clone());
    if tokenize {
        if let Some(id) = &wanted_id {
            check_id_free(&s.ledger.cards, terminal, id)?;
        }
    }
    let mut account = payment_account(s, terminal, &request.payment_method, host)?;
    let outcome = Outcome::for_amount(amount, true);
    // Only an account that paid is worth keeping.
    if tokenize && outcome != Outcome::Declined {
        let new = NewToken {
            terminal: terminal.clone(),
            id: wanted_id,
            mit_agreement: on_file.and_then(|c| c.mit_agreement.clone()),
            customer: None,
            custom_fields: Vec::new(),
        };
        account.token = Some(save_bank_account(s, new, account.source.clone(), host));
    }
    let payment_id = s.gateway_id();
    let mut payment = BankTransferPayment {
        payment_id: payment_id.clone(),
        processing_terminal_id: terminal.clone(),
        order: BankTransferPaymentOrder {
            order_id: order.order_id.clone(),
            date_time: Some(order.date_time.clone().unwrap_or_else(now_rfc3339)),
            description: order.description.clone(),
            amount: Some(amount),
            currency: Some(currency.clone()),
            breakdown: order.breakdown.as_ref().map(breakdown),
            unknown: Default::default(),
        },
        customer: request.customer.clone(),
        bank_account: account.shown()?,
        refunds: Vec::new(),
        returns: Vec::new(),
        representment: None,
        transaction_result: transaction_result(
            BankTransferType::Payment,
            outcome,
            amount,
            &currency,
        ),
        custom_fields: request.custom_fields.clone(),
        unknown: Default::default(),
    };
    if outcome == Outcome::Returned {
        payment.returns.push(BankTransferReturnSummary {
            payment_id: payment_id.clone(),
            date: today(),
            return_code: "R01".to_owned(),
            return_reason: "Insufficient funds".to_owned(),
            represented: false,
            link: Some(payment_link(host, &payment_id)),
            unknown: Default::default(),
        });
    }
    s.ledger.bank.bank_transfer_payments.push(payment.clone());
    if let Some(order_id) = &order.order_id {
        *s.counters
            .payments_per_order_id
            .entry(order_id.clone())
            .or_default() += 1;
    }
    Ok(payment)
}

/// `POST /v1/bank-transfer-payments`: 201.
async fn create_payment(
    State(mock): State<Arc<Mock>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: BankTransferPaymentRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    reply(
        StatusCode::CREATED,
        mock.with_store(|s| new_payment(s, &request, &host)),
    )
}

/// `GET /v1/bank-transfer-payments/{paymentId}`.
async fn retrieve_payment(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let ledger = &s.ledger.bank;
        payment_index(ledger, &id).map(|i| ledger.bank_transfer_payments[i].clone())
    });
    reply(StatusCode::OK, result)
}

/// `POST /v1/bank-transfer-payments/{paymentId}/reverse`: only in the open batch.
async fn reverse_payment(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let ledger = &mut s.ledger.bank;
        let i = payment_index(ledger, &id)?;
        let payment = &mut ledger.bank_transfer_payments[i];
        if !is_open(&payment.transaction_result) {
            return Err(not_now(
                "payment",
                &id,
                &payment.transaction_result,
                "reversed (only a payment in the open batch can be; refund a settled one)",
            ));
        }
        payment.transaction_result.status = BankTransferStatus::Reversal;
        Ok(payment.clone())
    });
    reply(StatusCode::OK, result)
}

/// What a settled payment still allows to refund: its amount less live refunds.
fn refundable(payment: &BankTransferPayment) -> i64 {
    let refunded: i64 = payment
        .refunds
        .iter()
        .filter(|r| !matches!(r.status, RefundStatus::Reversal | RefundStatus::Declined))
        .map(|r| r.amount)
        .sum();
    payment.order.amount.unwrap_or(0) - refunded
}

/// Refunds a payment: in the open batch, all of it is reversed instead; settled
/// (`complete`), a refund of up to what remains is recorded and listed on it.
fn refund(
    s: &mut Store,
    id: &str,
    request: &BankTransferReferencedRefund,
    host: &str,
) -> Result<BankTransferPayment, Refusal> {
    Refusal::check_amount("amount", request.amount)?;
    let i = payment_index(&s.ledger.bank, id)?;
    let payment = &mut s.ledger.bank.bank_transfer_payments[i];
    let result = &payment.transaction_result;
    let total = payment.order.amount.unwrap_or(0);
    if is_open(result) {
        if request.amount > total {
            return Err(Refusal::bad(
                "amount",
                "range",
                format!("cannot refund more than the payment's {total}"),
            ));
        }
        if request.amount < total {
            return Err(not_now(
                "payment",
                id,
                result,
                "refunded in part while in the open batch (refund all of it to reverse it, \
                 or refund part once it has settled)",
            ));
        }
        payment.transaction_result.status = BankTransferStatus::Reversal;
        return Ok(payment.clone());
    }
    if result.status != BankTransferStatus::Complete {
        return Err(not_now(
            "payment",
            id,
            result,
            "refunded (only a settled payment, status `complete`, can be)",
        ));
    }
    let remaining = refundable(payment);
    if request.amount > remaining {
        return Err(Refusal::bad(
            "amount",
            "range",
            format!("cannot refund more than the remaining {remaining}"),
        ));
    }
    let summary = payment_summary(payment, host);
    let terminal = payment.processing_terminal_id.clone();
    let bank_account = payment.bank_account.clone();
    let customer = payment.customer.clone();
    let order_id = payment.order.order_id.clone();
    let currency = result.currency.clone();
    let outcome = Outcome::for_amount(request.amount, false);
    let refund = BankTransferRefund {
        refund_id: s.gateway_id(),
        processing_terminal_id: terminal,
        order: BankTransferRefundOrder {
            order_id,
            date_time: Some(now_rfc3339()),
            description: Some(request.description.clone()),
            amount: Some(request.amount),
            currency: Some(currency.clone()),
            unknown: Default::default(),
        },
        customer,
        bank_account,
        payment: Some(summary),
        transaction_result: transaction_result(
            BankTransferType::Refund,
            outcome,
            -request.amount,
            &currency,
        ),
        custom_fields: Vec::new(),
        unknown: Default::default(),
    };
    let ledger = &mut s.ledger.bank;
    let payment = &mut ledger.bank_transfer_payments[i];
    payment.refunds.push(refund_summary(&refund, host));
    let payment = payment.clone();
    ledger.bank_transfer_refunds.push(refund);
    Ok(payment)
}

/// `POST /v1/bank-transfer-payments/{paymentId}/refund`.
async fn refund_payment(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: BankTransferReferencedRefund = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    reply(
        StatusCode::OK,
        mock.with_store(|s| refund(s, &id, &request, &host)),
    )
}

/// Re-presents returned payment `id`: a new payment in the open batch, from the
/// original account or the one sent; the return is marked re-presented.
fn represent_payment(
    s: &mut Store,
    id: &str,
    request: &Representment,
    host: &str,
) -> Result<BankTransferPayment, Refusal> {
    let i = payment_index(&s.ledger.bank, id)?;
    let original = &s.ledger.bank.bank_transfer_payments[i];
    let result = &original.transaction_result;
    let pending_return = original.returns.iter().any(|r| !r.represented);
    if result.status != BankTransferStatus::Returned || !pending_return {
        return Err(not_now(
            "payment",
            id,
            result,
            "re-presented (only a returned payment not yet re-presented can be)",
        ));
    }
    if !matches!(original.bank_account, BankTransferBankAccount::Ach(_)) {
        return Err(Refusal::Conflict(format!(
            "Bank transfer payment {id} cannot be re-presented: only ACH payments can be, \
             and it debited a PAD account"
        )));
    }
    let terminal = original.processing_terminal_id.clone();
    let new_id = s.gateway_id();
    let bank_account = match &request.payment_method {
        Some(method) => {
            let account = method_account(s, &terminal, method, "paymentMethod", host)?;
            account.shown()?
        }
        None => s.ledger.bank.bank_transfer_payments[i].bank_account.clone(),
    };
    let original = &s.ledger.bank.bank_transfer_payments[i];
    let amount = original.order.amount.unwrap_or(0);
    let currency = original.transaction_result.currency.clone();
    let mut order = original.order.clone();
    order.date_time = Some(now_rfc3339());
    let new = BankTransferPayment {
        payment_id: new_id,
        processing_terminal_id: terminal,
        order,
        customer: original.customer.clone(),
        bank_account,
        refunds: Vec::new(),
        returns: Vec::new(),
        representment: None,
        transaction_result: transaction_result(
            BankTransferType::Payment,
            Outcome::Open,
            amount,
            &currency,
        ),
        custom_fields: original.custom_fields.clone(),
        unknown: Default::default(),
    };
    let ledger = &mut s.ledger.bank;
    let original = &mut ledger.bank_transfer_payments[i];
    for entry in original.returns.iter_mut() {
        entry.represented = true;
    }
    original.representment = Some(payment_summary(&new, host));
    let original = original.clone();
    ledger.bank_transfer_payments.push(new);
    Ok(original)
}

/// `POST /v1/bank-transfer-payments/{paymentId}/represent`: an empty body re-presents
/// to the original account.
async fn represent(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: Representment = match parse_optional(&body) {
        Ok(request) => request,
        Err(response) => return *response,
    };
    let host = host_of(&headers);
    reply(
        StatusCode::OK,
        mock.with_store(|s| represent_payment(s, &id, &request, &host)),
    )
}

// ---------------------------------------------------------------------------
// Refunds
// ---------------------------------------------------------------------------

/// Creates an unreferenced refund to the account `refundMethod` names.
fn new_refund(
    s: &mut Store,
    request: &BankTransferUnreferencedRefund,
    host: &str,
) -> Result<BankTransferRefund, Refusal> {
    let terminal = &request.processing_terminal_id;
    let order = &request.order;
    // Validation has made sure these are present.
    let amount = order.amount.unwrap_or_default();
    let currency = order.currency.clone().unwrap_or(Currency::Usd);
    Refusal::check_amount("order.amount", amount)?;
    let account = method_account(s, terminal, &request.refund_method, "refundMethod", host)?;
    let outcome = Outcome::for_amount(amount, false);
    let refund = BankTransferRefund {
        refund_id: s.gateway_id(),
        processing_terminal_id: terminal.clone(),
        order: BankTransferRefundOrder {
            date_time: Some(order.date_time.clone().unwrap_or_else(now_rfc3339)),
            ..order.clone()
        },
        customer: request.customer.clone(),
        bank_account: account.shown()?,
        payment: None,
        transaction_result: transaction_result(
            BankTransferType::UnreferencedRefund,
            outcome,
            -amount,
            &currency,
        ),
        custom_fields: request.custom_fields.clone(),
        unknown: Default::default(),
    };
    s.ledger.bank.bank_transfer_refunds.push(refund.clone());
    Ok(refund)
}

/// `POST /v1/bank-transfer-refunds`: 201.
async fn create_refund(State(mock): State<Arc<Mock>>, headers: HeaderMap, body: Bytes) -> Response {
    let request: BankTransferUnreferencedRefund = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    reply(
        StatusCode::CREATED,
        mock.with_store(|s| new_refund(s, &request, &host)),
    )
}

/// `GET /v1/bank-transfer-refunds/{refundId}`.
async fn retrieve_refund(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let ledger = &s.ledger.bank;
        refund_index(ledger, &id).map(|i| ledger.bank_transfer_refunds[i].clone())
    });
    reply(StatusCode::OK, result)
}

/// `POST /v1/bank-transfer-refunds/{refundId}/reverse`: only in the open batch; the
/// refunded amount becomes refundable again.
async fn reverse_refund(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let ledger = &mut s.ledger.bank;
        let i = refund_index(ledger, &id)?;
        let refund = &ledger.bank_transfer_refunds[i];
        if !is_open(&refund.transaction_result) {
            return Err(not_now(
                "refund",
                &id,
                &refund.transaction_result,
                "reversed (only a refund in the open batch can be)",
            ));
        }
        set_refund_status(ledger, i, BankTransferStatus::Reversal);
        Ok(ledger.bank_transfer_refunds[i].clone())
    });
    reply(StatusCode::OK, result)
}

// ---------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------

/// Facts about a transfer that the lists filter on.
struct Facts<'a> {
    terminal: &'a str,
    order_id: Option<&'a str>,
    date_time: Option<&'a str>,
    account: &'a BankTransferBankAccount,
    result: &'a BankTransferResult,
}

/// The filters both lists share; a transfer settles on the day it was processed.
fn matches(params: &ListParams, facts: &Facts<'_>) -> bool {
    let date = facts.date_time.unwrap_or("");
    let settled = is_settled(facts.result);
    params.matches("processingTerminalId", Some(facts.terminal))
        && params.matches("orderId", facts.order_id)
        && params.matches("nameOnAccount", facts.account.name_on_account())
        && params.get("last4").is_none_or(|last4| {
            facts
                .account
                .account_number()
                .is_some_and(|n| n.expose_secret().ends_with(last4))
        })
        && params.matches("type", Some(facts.result.kind.as_str()))
        && params.matches("status", Some(facts.result.status.as_str()))
        && params.within("dateFrom", "dateTo", date)
        && params
            .get("settlementState")
            .is_none_or(|state| (state == "settled") == settled)
        && params
            .get("settlementDate")
            .is_none_or(|day| settled && date.starts_with(day))
}

/// The list filters read as the model's query, so the model's rules (terminal
/// required, digits, dates, enum values) give the `400`.
fn checked<Q: Validate>(query: Q) -> Option<Response> {
    query.validate().err().map(|err| bad_request(&err))
}

fn owned(params: &ListParams, key: &str) -> Option<String> {
    params.get(key).map(str::to_owned)
}

fn each<E>(params: &ListParams, key: &str, parse: fn(&str) -> E) -> Vec<E> {
    params.all(key).into_iter().map(parse).collect()
}

/// One page, or the `400` of a bad cursor or limit.
fn page<T: Serialize>(params: &ListParams, items: Vec<&T>, id_of: fn(&T) -> &str) -> Response {
    match params.page(items, |item| id_of(item)) {
        Ok(page) => json(StatusCode::OK, &page),
        Err(response) => response,
    }
}

/// `GET /v1/bank-transfer-payments`: a terminal's payments, filtered and paged,
/// oldest first.
async fn list_payments(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    let query = BankTransferPaymentListQuery {
        processing_terminal_id: owned(&params, "processingTerminalId").unwrap_or_default(),
        last4: owned(&params, "last4"),
        kind: each(&params, "type", BankTransferType::from_api),
        status: each(&params, "status", BankTransferStatus::from_api),
        date_from: owned(&params, "dateFrom"),
        date_to: owned(&params, "dateTo"),
        settlement_state: params.get("settlementState").map(SettlementState::from_api),
        settlement_date: owned(&params, "settlementDate"),
        ..Default::default()
    };
    if let Some(response) = checked(query) {
        return response;
    }
    mock.with_store(|s| {
        let items = s
            .ledger
            .bank
            .bank_transfer_payments
            .iter()
            .filter(|p| {
                matches(
                    &params,
                    &Facts {
                        terminal: &p.processing_terminal_id,
                        order_id: p.order.order_id.as_deref(),
                        date_time: p.order.date_time.as_deref(),
                        account: &p.bank_account,
                        result: &p.transaction_result,
                    },
                )
                // No emulator transfer is taken through a payment link.
                && params.get("paymentLinkId").is_none()
            })
            .collect();
        page(&params, items, |p: &BankTransferPayment| {
            p.payment_id.as_str()
        })
    })
}

/// `GET /v1/bank-transfer-refunds`: a terminal's refunds, filtered and paged, oldest
/// first.
async fn list_refunds(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    let query = BankTransferRefundListQuery {
        processing_terminal_id: owned(&params, "processingTerminalId").unwrap_or_default(),
        last4: owned(&params, "last4"),
        kind: each(&params, "type", BankTransferType::from_api),
        status: each(&params, "status", BankTransferStatus::from_api),
        date_from: owned(&params, "dateFrom"),
        date_to: owned(&params, "dateTo"),
        settlement_state: params.get("settlementState").map(SettlementState::from_api),
        settlement_date: owned(&params, "settlementDate"),
        ..Default::default()
    };
    if let Some(response) = checked(query) {
        return response;
    }
    mock.with_store(|s| {
        let items = s
            .ledger
            .bank
            .bank_transfer_refunds
            .iter()
            .filter(|r| {
                matches(
                    &params,
                    &Facts {
                        terminal: &r.processing_terminal_id,
                        order_id: r.order.order_id.as_deref(),
                        date_time: r.order.date_time.as_deref(),
                        account: &r.bank_account,
                        result: &r.transaction_result,
                    },
                )
            })
            .collect();
        page(&params, items, |r: &BankTransferRefund| {
            r.refund_id.as_str()
        })
    })
}

// ---------------------------------------------------------------------------
// Test control
// ---------------------------------------------------------------------------

/// How many transfers a batch close settled (`POST /_mock/bank-transfers/settle`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SettledTransfers {
    /// Bank-transfer payments that settled.
    pub payments: usize,
    /// Bank-transfer refunds that settled.
    pub refunds: usize,
}

/// Closes the bank-transfer batch: every payment and refund in the open batch becomes
/// `complete`, and the summaries that show them follow.
pub(crate) fn settle_batch(s: &mut Store) -> SettledTransfers {
    let ledger = &mut s.ledger.bank;
    let mut payments = 0;
    for payment in &mut ledger.bank_transfer_payments {
        if is_open(&payment.transaction_result) {
            payment.transaction_result.status = BankTransferStatus::Complete;
            payments += 1;
        }
    }
    let open: Vec<usize> = (0..ledger.bank_transfer_refunds.len())
        .filter(|&i| is_open(&ledger.bank_transfer_refunds[i].transaction_result))
        .collect();
    for &i in &open {
        set_refund_status(ledger, i, BankTransferStatus::Complete);
    }
    SettledTransfers {
        payments,
        refunds: open.len(),
    }
}

/// The test control that closes the batch; answers what settled.
pub(crate) async fn settle(State(mock): State<Arc<Mock>>) -> Response {
    json(StatusCode::OK, &mock.settle_bank_transfers())
}
