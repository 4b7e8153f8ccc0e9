//! Settlement reporting, consistent with the card ledger: the payments and refunds
//! the emulator holds settle into batches, and the reports read exactly those.
//!
//! - **Cut-off.** Open transactions belong to the emulator's business day. When the
//!   emulator's date passes it (midnight UTC, on the real clock or moved by
//!   `POST /_mock/clock`), every open batch closes, dated that day.
//!   `POST /_mock/batches/close` closes them at once, dated today.
//! - **What settles.** Approved payments still `ready` (and `processAsSale` payments,
//!   settled at once but not yet batched) as `capture` transactions of their
//!   authorised amount, and approved refunds still `ready` as `return` transactions.
//!   They become `complete`. Pending pre-authorizations, payments set `pending`,
//!   reversed and declined ones do not settle.
//! - **Batches** are per merchant (a terminal's processing account: its id without the
//!   last three digits) and currency; `saleAmount` and `returnAmount` are exactly the
//!   sums of their transactions.
//! - **Fees.** Each capture pays [`BASIS_POINTS`] of its amount (rounded half up) as
//!   interchange; each batch pays [`BATCH_FEE`].
//! - **ACH deposits.** One per merchant and currency at each close: `sales` and
//!   `returns` of its batches, `dailyFees` = the sum of its fee lines (listed by
//!   `GET /ach-deposit-fees`), `achAdjustment` = chargebacks opened since the last
//!   deposit, `netAmount` = sales − returns − fees − adjustments.
//! - **Funding.** A deposit's net amount, when positive, is credited to the merchant's
//!   funding balance (`credit_funding`), which funding instructions pay out.
//! - **Authorizations** are read off the payments: every payment the issuer answered,
//!   with its batch and transaction once settled.
//! - **Disputes** are opened on a settled capture by `POST /_mock/disputes`, and move
//!   through statuses by `POST /_mock/disputes/{disputeId}/statuses`.

use crate::clock::{iso_date, parse_iso_date};
use crate::problem::{bad_request, Refusal};
use crate::routes::cards::{payment_operations, resource_link};
use crate::routes::json;
use crate::routes::list::ListParams;
use crate::store::ledger::{PendingAdjustment, SettledTransaction, StoredDispute};
use crate::store::Store;
use crate::Mock;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use payroc_model::date::Date;
use payroc_model::page::ListQuery;
use payroc_model::payment::{
    CardEntryMethod, Payment, RefundStatus, ResponseCode, TransactionStatus,
};
use payroc_model::refund::RetrievedRefund;
use payroc_model::settlement::{
    AchDeposit, AchDepositFee, AchDepositFeeListQuery, AchDepositSummary, Authorization,
    AuthorizationListQuery, AuthorizationResponse, AuthorizationSummary, Batch, BatchListQuery,
    BatchSummary, CardSummary, CardSummaryType, DatedListQuery, Dispute, DisputeStatus,
    DisputeStatusValue, DisputeType, MerchantSummary, SettledSummary, SettlementEntryMethod,
    SettlementTransactionStatus, SettlementTransactionType, Transaction, TransactionInterchange,
    TransactionListQuery, TransactionSummary, TransactionTypeFilter,
};
use payroc_model::Currency;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Interchange on each capture, in basis points (2.00 %).
pub(crate) const BASIS_POINTS: i64 = 200;
/// Fee per closed batch, in minor units.
pub(crate) const BATCH_FEE: i64 = 25;
/// Fee per dispute, in minor units, unless the control says otherwise.
const DISPUTE_FEE: i64 = 1500;
/// Who the reports say settled the transactions.
const SETTLED_BY: &str = "Payroc";
/// First ids of each kind (sequences after them).
const FIRST_BATCH_ID: i64 = 1001;
const FIRST_TRANSACTION_ID: i64 = 440_001;
const FIRST_DEPOSIT_ID: i64 = 9001;
const FIRST_DISPUTE_ID: i64 = 6501;
const FIRST_DISPUTE_STATUS_ID: i64 = 12_001;
/// Authorization ids are this plus the payment's position in the ledger.
const FIRST_AUTHORIZATION_ID: i64 = 300_001;

/// This area's API routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route("/v1/batches", get(list_batches))
        .route("/v1/batches/{batchId}", get(retrieve_batch))
        .route("/v1/transactions", get(list_transactions))
        .route(
            "/v1/transactions/{transactionId}",
            get(retrieve_transaction),
        )
        .route("/v1/authorizations", get(list_authorizations))
        .route(
            "/v1/authorizations/{authorizationId}",
            get(retrieve_authorization),
        )
        .route("/v1/disputes", get(list_disputes))
        .route(
            "/v1/disputes/{disputeId}/statuses",
            get(list_dispute_statuses),
        )
        .route("/v1/ach-deposits", get(list_ach_deposits))
        .route("/v1/ach-deposits/{achDepositId}", get(retrieve_ach_deposit))
        .route("/v1/ach-deposit-fees", get(list_ach_deposit_fees))
}

// ---- the cut-off -------------------------------------------------------------------

/// Runs before every API request and after every clock move: gives new payments and
/// refunds their business day, and when `today` is past it closes the open batches,
/// dated that day. `host` (the request's) is where later links point.
pub(crate) fn sweep(s: &mut Store, today: i64, now: &str, host: Option<&str>) {
    if let Some(host) = host {
        s.ledger.settlement.host = host.to_owned();
    }
    let day = *s.ledger.settlement.business_day.get_or_insert(today);
    enter_new(s, day);
    if day < today {
        close(s, day, now);
        s.ledger.settlement.business_day = Some(today);
    }
}

/// Closes every open batch now, dated `today` (the control); returns the batches made.
pub(crate) fn close_now(s: &mut Store, today: i64, now: &str) -> Vec<Batch> {
    sweep(s, today, now, None);
    close(s, today, now)
}

/// Gives each payment and refund made since the last sweep the business day `day`.
fn enter_new(s: &mut Store, day: i64) {
    let cards = &s.ledger.cards;
    let state = &mut s.ledger.settlement;
    let (payments, refunds) = state.entered;
    for payment in &cards.payments[payments.min(cards.payments.len())..] {
        state.entered_on.insert(payment.payment_id.clone(), day);
    }
    for refund in &cards.refunds[refunds.min(cards.refunds.len())..] {
        state.entered_on.insert(refund.refund_id.clone(), day);
    }
    state.entered = (cards.payments.len(), cards.refunds.len());
}

/// A merchant's processing account: the terminal id without its last three digits
/// (terminal `1234001` is account `1234`'s first terminal).
fn account_of(terminal: &str) -> i64 {
    let digits: String = terminal.chars().filter(char::is_ascii_digit).collect();
    let head = &digits[..digits.len().saturating_sub(3)];
    head.parse().unwrap_or(1)
}

fn merchant(account: i64, host: &str) -> MerchantSummary {
    MerchantSummary {
        merchant_id: Some(format!("45{:08}", account % 100_000_000)),
        doing_business_as: Some(format!("Test Merchant {account}")),
        processing_account_id: Some(account),
        link: Some(resource_link(
            "processingAccount",
            host,
            &format!("/processing-accounts/{account}"),
        )),
        unknown: Default::default(),
    }
}

fn date(day: i64) -> Option<Date> {
    iso_date(day).parse().ok()
}

fn card_type(brand: &str) -> CardSummaryType {
    match brand {
        "Visa" => CardSummaryType::Visa,
        "MasterCard" => CardSummaryType::MasterCard,
        "Amex" => CardSummaryType::Amex,
        "Discover" => CardSummaryType::Discover,
        _ => CardSummaryType::Unspecified,
    }
}

fn card_summary(card: &payroc_model::payment::Card) -> CardSummary {
    let checks = card.security_checks.as_ref();
    let avs = checks.and_then(|c| c.avs_result.as_ref());
    CardSummary {
        card_number: Some(card.card_number.clone()),
        kind: Some(card_type(&card.kind)),
        cvv_presence_indicator: Some(checks.is_some_and(|c| c.cvv_result.is_some())),
        avs_request: Some(avs.is_some()),
        avs_response: Some(avs.map(|a| a.as_str().to_owned()).unwrap_or_default()),
        unknown: Default::default(),
    }
}

fn entry_method(card: &payroc_model::payment::Card) -> SettlementEntryMethod {
    match card.entry_method.as_ref() {
        _ if card.secure_token.is_some() => SettlementEntryMethod::CredentialOnFile,
        Some(CardEntryMethod::Icc) => SettlementEntryMethod::SmartChipRead,
        Some(CardEntryMethod::Keyed) => SettlementEntryMethod::Ecommerce,
        Some(CardEntryMethod::Swiped) => SettlementEntryMethod::Swiped,
        Some(CardEntryMethod::SwipedFallback) => SettlementEntryMethod::SwipedFallback,
        Some(CardEntryMethod::ContactlessIcc) => SettlementEntryMethod::ContactlessChip,
        Some(CardEntryMethod::ContactlessMsr) => SettlementEntryMethod::SwipedOriginUnknown,
        _ => SettlementEntryMethod::Unspecified,
    }
}

/// `amount` × [`BASIS_POINTS`], rounded half up.
fn interchange_fee(amount: i64) -> i64 {
    (amount * BASIS_POINTS + 5_000).div_euclid(10_000)
}

fn next_id(first: i64, taken: usize) -> i64 {
    first + taken as i64
}

/// One transaction about to settle, before it has ids.
struct Settling {
    source_id: String,
    account: i64,
    currency: Currency,
    kind: SettlementTransactionType,
    amount: i64,
    payment_index: Option<usize>,
    card: payroc_model::payment::Card,
    approval_code: Option<String>,
    day: i64,
}

/// Whether a payment settles at this close.
fn payment_settles(payment: &Payment, settled: &std::collections::HashSet<String>) -> bool {
    let result = &payment.transaction_result;
    result.response_code.is_approved()
        && matches!(
            result.status,
            TransactionStatus::Ready | TransactionStatus::Complete
        )
        && !settled.contains(&payment.payment_id)
        && result.authorized_amount.unwrap_or(0) > 0
}

fn refund_settles(refund: &RetrievedRefund, settled: &std::collections::HashSet<String>) -> bool {
    refund.transaction_result.response_code.is_approved()
        && refund.transaction_result.status == TransactionStatus::Ready
        && !settled.contains(&refund.refund_id)
}

/// Settles everything open into batches dated `day`; returns the batches made.
fn close(s: &mut Store, day: i64, now: &str) -> Vec<Batch> {
    let state = &s.ledger.settlement;
    let cards = &s.ledger.cards;
    let mut settling = Vec::new();
    for (i, payment) in cards.payments.iter().enumerate() {
        if payment_settles(payment, &state.settled) {
            settling.push(Settling {
                source_id: payment.payment_id.clone(),
                account: account_of(&payment.processing_terminal_id),
                currency: payment.order.currency.clone().unwrap_or(Currency::Usd),
                kind: SettlementTransactionType::Capture,
                amount: payment.transaction_result.authorized_amount.unwrap_or(0),
                payment_index: Some(i),
                card: payment.card.clone(),
                approval_code: payment.transaction_result.approval_code.clone(),
                day: state
                    .entered_on
                    .get(&payment.payment_id)
                    .copied()
                    .unwrap_or(day),
            });
        }
    }
    for refund in &cards.refunds {
        if refund_settles(refund, &state.settled) {
            let payment_index = refund.payment.as_ref().and_then(|p| {
                cards
                    .payments
                    .iter()
                    .position(|x| x.payment_id == p.payment_id)
            });
            settling.push(Settling {
                source_id: refund.refund_id.clone(),
                account: account_of(&refund.processing_terminal_id),
                currency: refund.order.currency.clone(),
                kind: SettlementTransactionType::Return,
                amount: refund.order.amount,
                payment_index,
                card: refund.card.clone(),
                approval_code: refund.transaction_result.approval_code.clone(),
                day: state
                    .entered_on
                    .get(&refund.refund_id)
                    .copied()
                    .unwrap_or(day),
            });
        }
    }
    // Batches per merchant and currency, in the order their first transaction came.
    let mut groups: BTreeMap<(i64, String), Vec<Settling>> = BTreeMap::new();
    for item in settling {
        groups
            .entry((item.account, item.currency.as_str().to_owned()))
            .or_default()
            .push(item);
    }
    let mut made = Vec::new();
    for ((account, _), items) in groups {
        made.push(close_batch(s, day, now, account, items));
    }
    made
}

/// Makes one batch of `items`, its transactions and its deposit, and credits the
/// deposit's net amount to the merchant's funding balance.
fn close_batch(s: &mut Store, day: i64, now: &str, account: i64, items: Vec<Settling>) -> Batch {
    let host = s.ledger.settlement.host.clone();
    let state = &mut s.ledger.settlement;
    let currency = items[0].currency.clone();
    let batch_id = next_id(FIRST_BATCH_ID, state.batches.len());
    let deposit_id = next_id(FIRST_DEPOSIT_ID, state.ach_deposits.len());
    let ach_day = day + 1;
    let merchant = merchant(account, &host);
    let batch_summary = BatchSummary {
        batch_id: Some(batch_id),
        date: date(day),
        cycle: Some("am".to_owned()),
        link: Some(resource_link(
            "batch",
            &host,
            &format!("/batches/{batch_id}"),
        )),
        unknown: Default::default(),
    };
    let (mut sales, mut returns, mut interchange) = (0, 0, 0);
    for item in &items {
        let transaction_id = next_id(FIRST_TRANSACTION_ID, state.settlement_transactions.len());
        let capture = item.kind == SettlementTransactionType::Capture;
        let fee = if capture {
            interchange_fee(item.amount)
        } else {
            0
        };
        if capture {
            sales += item.amount;
        } else {
            returns += item.amount;
        }
        interchange += fee;
        let authorization = item.payment_index.filter(|_| capture).map(|i| {
            let id = FIRST_AUTHORIZATION_ID + i as i64;
            AuthorizationSummary {
                authorization_id: Some(id),
                code: item.approval_code.clone(),
                amount: Some(item.amount),
                avs_response_code: Some(String::new()),
                link: Some(resource_link(
                    "authorization",
                    &host,
                    &format!("/authorizations/{id}"),
                )),
                unknown: Default::default(),
            }
        });
        let transaction = Transaction {
            transaction_id: Some(transaction_id),
            kind: Some(item.kind.clone()),
            date: date(item.day),
            amount: Some(item.amount),
            entry_method: Some(entry_method(&item.card)),
            created_date: date(day),
            last_modified_date: date(day),
            status: Some(SettlementTransactionStatus::Paid),
            cashback_amount: Some(0),
            interchange: Some(TransactionInterchange {
                basis_point: Some(if capture { BASIS_POINTS } else { 0 }),
                transaction_fee: Some(fee),
                unknown: Default::default(),
            }),
            currency: Some(currency.clone()),
            merchant: Some(merchant.clone()),
            settled: Some(SettledSummary {
                settled_by: Some(SETTLED_BY.to_owned()),
                ach_date: date(ach_day),
                ach_deposit_id: Some(deposit_id),
                link: Some(resource_link(
                    "achDeposit",
                    &host,
                    &format!("/ach-deposits/{deposit_id}"),
                )),
                unknown: Default::default(),
            }),
            batch: Some(batch_summary.clone()),
            card: Some(card_summary(&item.card)),
            authorization,
            unknown: Default::default(),
        };
        state.settled.insert(item.source_id.clone());
        state.settlement_transactions.push(SettledTransaction {
            source_id: item.source_id.clone(),
            transaction,
        });
    }
    // Held: approved pre-authorizations of this merchant not captured at the close.
    let held: i64 = s
        .ledger
        .cards
        .payments
        .iter()
        .filter(|p| {
            account_of(&p.processing_terminal_id) == account
                && p.transaction_result.response_code.is_approved()
                && p.transaction_result.status == TransactionStatus::Pending
                && p.order.currency.as_ref() == Some(&currency)
        })
        .filter_map(|p| p.transaction_result.authorized_amount)
        .sum();
    let state = &mut s.ledger.settlement;
    let batch = Batch {
        batch_id: Some(batch_id),
        date: date(day),
        created_date: date(day),
        last_modified_date: date(day),
        sale_amount: Some(sales),
        held_amount: Some(held),
        return_amount: Some(returns),
        transaction_count: Some(items.len() as i64),
        currency: Some(currency.clone()),
        merchant: Some(merchant.clone()),
        links: vec![
            resource_link(
                "transactions",
                &host,
                &format!("/transactions?batchId={batch_id}"),
            ),
            resource_link(
                "authorizations",
                &host,
                &format!("/authorizations?batchId={batch_id}"),
            ),
        ],
        unknown: Default::default(),
    };
    state.batches.push(batch.clone());

    // The deposit: this batch, less its fees and the merchant's pending chargebacks.
    let deposit_summary = AchDepositSummary {
        ach_deposit_id: Some(deposit_id),
        link: Some(resource_link(
            "achDeposit",
            &host,
            &format!("/ach-deposits/{deposit_id}"),
        )),
        unknown: Default::default(),
    };
    let fee_line = |description: String, amount: i64| AchDepositFee {
        association_date: date(day),
        adjustment_date: date(ach_day),
        description: Some(description),
        amount: Some(amount),
        merchant: Some(merchant.clone()),
        ach_deposit: Some(deposit_summary.clone()),
        unknown: Default::default(),
    };
    let mut fees = vec![
        fee_line(
            format!("Interchange and processing ({BASIS_POINTS} basis points of sales)"),
            interchange,
        ),
        fee_line(format!("Batch fee (batch {batch_id})"), BATCH_FEE),
    ];
    let (chargebacks, pending): (Vec<PendingAdjustment>, Vec<PendingAdjustment>) = state
        .pending_adjustments
        .drain(..)
        .partition(|a| a.account == account && a.currency == currency);
    state.pending_adjustments = pending;
    let adjustment: i64 = chargebacks.iter().map(|a| a.amount).sum();
    for chargeback in &chargebacks {
        fees.push(fee_line(
            format!("Dispute fee (dispute {})", chargeback.dispute_id),
            chargeback.fee,
        ));
    }
    let daily_fees: i64 = fees.iter().filter_map(|f| f.amount).sum();
    let deposit = AchDeposit {
        ach_deposit_id: Some(deposit_id),
        association_date: date(day),
        ach_date: date(ach_day),
        payment_date: date(ach_day),
        transactions: Some(items.len() as i64),
        sales: Some(sales),
        returns: Some(returns),
        daily_fees: Some(daily_fees),
        held_sales: Some(0),
        ach_adjustment: Some(adjustment),
        holdback: Some(0),
        reserve_release: Some(0),
        net_amount: Some(sales - returns - daily_fees - adjustment),
        merchant: Some(merchant.clone()),
        links: vec![resource_link(
            "achDepositFees",
            &host,
            &format!(
                "/ach-deposit-fees?achDepositId={deposit_id}&merchantId={}",
                merchant.merchant_id.clone().unwrap_or_default()
            ),
        )],
        unknown: Default::default(),
    };
    let net = deposit.net_amount.unwrap_or(0);
    state.ach_deposits.push(deposit);
    state.ach_deposit_fees.extend(fees);

    // What settled is `complete` now, in the card ledger too.
    let settled = state.settled.clone();
    let cards = &mut s.ledger.cards;
    for payment in &mut cards.payments {
        if settled.contains(&payment.payment_id)
            && payment.transaction_result.status == TransactionStatus::Ready
        {
            payment.transaction_result.status = TransactionStatus::Complete;
            payment.supported_operations = payment_operations(payment);
        }
        for summary in &mut payment.refunds {
            if settled.contains(&summary.refund_id) && summary.status == RefundStatus::Ready {
                summary.status = RefundStatus::from_api("complete");
            }
        }
    }
    for refund in &mut cards.refunds {
        if settled.contains(&refund.refund_id)
            && refund.transaction_result.status == TransactionStatus::Ready
        {
            refund.transaction_result.status = TransactionStatus::Complete;
            refund.supported_operations.clear();
        }
    }
    // What the deposit pays is the merchant's to fund out; a deposit that takes money
    // back (more returns and chargebacks than sales) credits nothing.
    if net > 0 {
        crate::routes::credit_funding(
            s,
            merchant.merchant_id.as_deref().unwrap_or_default(),
            merchant.doing_business_as.as_deref(),
            net,
            &format!("ACH deposit {deposit_id} (batch {batch_id})"),
            now,
        );
    }
    batch
}

// ---- authorizations, read off the payments ------------------------------------------

/// The issuer's answer to a payment, as the report spells it; `None` while deferred.
fn authorization_response(code: &ResponseCode) -> Option<AuthorizationResponse> {
    Some(match code {
        ResponseCode::A => AuthorizationResponse::Approved,
        ResponseCode::P => AuthorizationResponse::PartialApproval,
        ResponseCode::D => AuthorizationResponse::DoNotHonor,
        ResponseCode::R => AuthorizationResponse::ReferToCardIssuer,
        ResponseCode::E => return None,
        _ => AuthorizationResponse::Deny,
    })
}

/// The settled transaction of a payment or refund, if it has settled.
fn transaction_of<'a>(s: &'a Store, source_id: &str) -> Option<&'a Transaction> {
    s.ledger
        .settlement
        .settlement_transactions
        .iter()
        .find(|t| t.source_id == source_id)
        .map(|t| &t.transaction)
}

/// The authorization of the payment at `index`, if the issuer answered it.
fn authorization(s: &Store, index: usize, today: i64) -> Option<Authorization> {
    let payment = s.ledger.cards.payments.get(index)?;
    let result = &payment.transaction_result;
    let response = authorization_response(&result.response_code)?;
    let host = &s.ledger.settlement.host;
    let day = s
        .ledger
        .settlement
        .entered_on
        .get(&payment.payment_id)
        .copied()
        .unwrap_or(today);
    let transaction = transaction_of(s, &payment.payment_id);
    Some(Authorization {
        authorization_id: Some(FIRST_AUTHORIZATION_ID + index as i64),
        created_date: date(day),
        last_modified_date: transaction
            .and_then(|t| t.last_modified_date)
            .or_else(|| date(day)),
        authorization_response: Some(response),
        preauthorization_request_amount: payment.order.amount,
        currency: payment.order.currency.clone(),
        batch: transaction.and_then(|t| t.batch.clone()),
        card: Some(card_summary(&payment.card)),
        merchant: Some(merchant(account_of(&payment.processing_terminal_id), host)),
        transaction: transaction.map(|t| TransactionSummary {
            transaction_id: t.transaction_id,
            kind: t.kind.clone(),
            date: t.date,
            entry_method: t.entry_method.clone(),
            amount: t.amount,
            link: t
                .transaction_id
                .map(|id| resource_link("transaction", host, &format!("/transactions/{id}"))),
            unknown: Default::default(),
        }),
        unknown: Default::default(),
    })
}

// ---- reading --------------------------------------------------------------------------

/// A list item with the id its cursor is.
struct Keyed<'a, T> {
    id: String,
    item: &'a T,
}

impl<T: Serialize> Serialize for Keyed<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.item.serialize(serializer)
    }
}

/// Reads the filters into the model's query type (integers where the API has them),
/// with its rules: a `400` naming each parameter that breaks them.
fn filters<Q: DeserializeOwned + ListQuery>(
    params: &ListParams,
    keys: &[&str],
) -> Result<Q, Response> {
    let mut object = serde_json::Map::new();
    for key in keys {
        if let Some(value) = params.get(key) {
            let value = match value.parse::<i64>() {
                Ok(n) if matches!(*key, "batchId" | "achDepositId" | "limit") => n.into(),
                _ => value.into(),
            };
            object.insert((*key).to_owned(), value);
        }
    }
    let text = serde_json::Value::Object(object).to_string();
    payroc_model::json::parse_request::<Q>(text.as_bytes()).map_err(|err| bad_request(&err))
}

/// `merchantId` filter.
fn merchant_matches(wanted: &Option<String>, merchant: &Option<MerchantSummary>) -> bool {
    wanted
        .as_ref()
        .is_none_or(|id| merchant.as_ref().and_then(|m| m.merchant_id.as_ref()) == Some(id))
}

fn page<T: Serialize>(params: &ListParams, items: Vec<Keyed<'_, T>>) -> Response {
    match params.page(items, |k| k.id.as_str()) {
        Ok(page) => json(StatusCode::OK, &page),
        Err(response) => response,
    }
}

fn keyed<T>(id: Option<i64>, item: &T) -> Keyed<'_, T> {
    Keyed {
        id: id.unwrap_or_default().to_string(),
        item,
    }
}

/// The emulator's date, as days since the epoch.
fn today(mock: &Mock) -> i64 {
    parse_iso_date(&mock.clock.today()).unwrap_or_default()
}

/// `404` for an id that is not a positive integer or names nothing.
fn find<'a, T>(
    items: impl IntoIterator<Item = &'a T>,
    id: &str,
    id_of: impl Fn(&T) -> Option<i64>,
    resource: &'static str,
) -> Result<&'a T, Refusal>
where
    T: 'a,
{
    let wanted = id.parse::<i64>().ok();
    items
        .into_iter()
        .find(|item| wanted.is_some() && id_of(item) == wanted)
        .ok_or_else(|| Refusal::not_found(resource, id))
}

fn reply<T: Serialize>(result: Result<T, Refusal>) -> Response {
    match result {
        Ok(body) => json(StatusCode::OK, &body),
        Err(refusal) => refusal.into_response(),
    }
}

const PAGE_KEYS: [&str; 3] = ["before", "after", "limit"];

fn keys(own: &[&'static str]) -> Vec<&'static str> {
    own.iter().chain(PAGE_KEYS.iter()).copied().collect()
}

/// `GET /v1/batches`: the batches of a date (required).
async fn list_batches(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    let query: BatchListQuery = match filters(&params, &keys(&["date", "merchantId"])) {
        Ok(query) => query,
        Err(response) => return response,
    };
    mock.with_store(|s| {
        let items = s
            .ledger
            .settlement
            .batches
            .iter()
            .filter(|b| {
                b.date == Some(query.date) && merchant_matches(&query.merchant_id, &b.merchant)
            })
            .map(|b| keyed(b.batch_id, b))
            .collect();
        page(&params, items)
    })
}

async fn retrieve_batch(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    mock.with_store(|s| {
        reply(find(&s.ledger.settlement.batches, &id, |b| b.batch_id, "batch").cloned())
    })
}

/// `GET /v1/transactions`: a date's or a batch's settled transactions.
async fn list_transactions(
    State(mock): State<Arc<Mock>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    let query: TransactionListQuery = match filters(
        &params,
        &keys(&["date", "batchId", "merchantId", "transactionType"]),
    ) {
        Ok(query) => query,
        Err(response) => return response,
    };
    mock.with_store(|s| {
        let items = s
            .ledger
            .settlement
            .settlement_transactions
            .iter()
            .map(|t| &t.transaction)
            .filter(|t| {
                let batch = t.batch.as_ref();
                query
                    .date
                    .is_none_or(|d| batch.and_then(|b| b.date) == Some(d))
                    && query
                        .batch_id
                        .is_none_or(|id| batch.and_then(|b| b.batch_id) == Some(id))
                    && merchant_matches(&query.merchant_id, &t.merchant)
                    && query.transaction_type.as_ref().is_none_or(|kind| {
                        let wanted = match kind {
                            TransactionTypeFilter::Capture => SettlementTransactionType::Capture,
                            _ => SettlementTransactionType::Return,
                        };
                        t.kind.as_ref() == Some(&wanted)
                    })
            })
            .map(|t| keyed(t.transaction_id, t))
            .collect();
        page(&params, items)
    })
}

async fn retrieve_transaction(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    mock.with_store(|s| {
        let transactions = s
            .ledger
            .settlement
            .settlement_transactions
            .iter()
            .map(|t| &t.transaction);
        reply(find(transactions, &id, |t| t.transaction_id, "transaction").cloned())
    })
}

/// `GET /v1/authorizations`: a date's or a batch's authorizations.
async fn list_authorizations(
    State(mock): State<Arc<Mock>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    let query: AuthorizationListQuery =
        match filters(&params, &keys(&["date", "batchId", "merchantId"])) {
            Ok(query) => query,
            Err(response) => return response,
        };
    let today = today(&mock);
    mock.with_store(|s| {
        let all: Vec<Authorization> = (0..s.ledger.cards.payments.len())
            .filter_map(|i| authorization(s, i, today))
            .filter(|a| {
                query.date.is_none_or(|d| a.created_date == Some(d))
                    && query
                        .batch_id
                        .is_none_or(|id| a.batch.as_ref().and_then(|b| b.batch_id) == Some(id))
                    && merchant_matches(&query.merchant_id, &a.merchant)
            })
            .collect();
        let items = all.iter().map(|a| keyed(a.authorization_id, a)).collect();
        page(&params, items)
    })
}

async fn retrieve_authorization(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let today = today(&mock);
    mock.with_store(|s| {
        let found = id
            .parse::<i64>()
            .ok()
            .and_then(|n| usize::try_from(n - FIRST_AUTHORIZATION_ID).ok())
            .and_then(|i| authorization(s, i, today))
            .ok_or_else(|| Refusal::not_found("authorization", &id));
        reply(found)
    })
}

/// `GET /v1/disputes`: the disputes created on a date.
async fn list_disputes(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    let query: DatedListQuery = match filters(&params, &keys(&["date", "merchantId"])) {
        Ok(query) => query,
        Err(response) => return response,
    };
    mock.with_store(|s| {
        let items = s
            .ledger
            .settlement
            .disputes
            .iter()
            .map(|d| &d.dispute)
            .filter(|d| {
                d.created_date == Some(query.date)
                    && merchant_matches(&query.merchant_id, &d.merchant)
            })
            .map(|d| keyed(d.dispute_id, d))
            .collect();
        page(&params, items)
    })
}

/// `GET /v1/disputes/{disputeId}/statuses`: the whole history, a plain array.
async fn list_dispute_statuses(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    mock.with_store(|s| {
        let found = find(
            &s.ledger.settlement.disputes,
            &id,
            |d| d.dispute.dispute_id,
            "dispute",
        );
        reply(found.map(|d| d.statuses.clone()))
    })
}

/// `GET /v1/ach-deposits`: the deposits of a date (their association date).
async fn list_ach_deposits(
    State(mock): State<Arc<Mock>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    let query: DatedListQuery = match filters(&params, &keys(&["date", "merchantId"])) {
        Ok(query) => query,
        Err(response) => return response,
    };
    mock.with_store(|s| {
        let items = s
            .ledger
            .settlement
            .ach_deposits
            .iter()
            .filter(|d| {
                d.association_date == Some(query.date)
                    && merchant_matches(&query.merchant_id, &d.merchant)
            })
            .map(|d| keyed(d.ach_deposit_id, d))
            .collect();
        page(&params, items)
    })
}

async fn retrieve_ach_deposit(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    mock.with_store(|s| {
        let found = find(
            &s.ledger.settlement.ach_deposits,
            &id,
            |d| d.ach_deposit_id,
            "ACH deposit",
        );
        reply(found.cloned())
    })
}

/// `GET /v1/ach-deposit-fees`: a date's or a deposit's fees. Fees have no id of their
/// own; their cursor is their position in the ledger.
async fn list_ach_deposit_fees(
    State(mock): State<Arc<Mock>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    let query: AchDepositFeeListQuery =
        match filters(&params, &keys(&["date", "achDepositId", "merchantId"])) {
            Ok(query) => query,
            Err(response) => return response,
        };
    mock.with_store(|s| {
        let items = s
            .ledger
            .settlement
            .ach_deposit_fees
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                query.date.is_none_or(|d| f.association_date == Some(d))
                    && query.ach_deposit_id.is_none_or(|id| {
                        f.ach_deposit.as_ref().and_then(|a| a.ach_deposit_id) == Some(id)
                    })
                    && merchant_matches(&query.merchant_id, &f.merchant)
            })
            .map(|(i, f)| keyed(Some(i as i64 + 1), f))
            .collect();
        page(&params, items)
    })
}

// ---- test controls ----------------------------------------------------------------------

/// The body of `POST /_mock/disputes`: the settled capture to dispute, by its payment
/// or transaction id, and optionally the amount, fee, type and description.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct OpenDispute {
    payment_id: Option<String>,
    transaction_id: Option<i64>,
    amount: Option<i64>,
    fee_amount: Option<i64>,
    dispute_type: Option<DisputeType>,
    description: Option<String>,
}

impl OpenDispute {
    /// A dispute of `amount` (all when `None`) on the sale `payment_id`.
    pub(crate) fn for_payment(payment_id: &str, amount: Option<i64>) -> Self {
        Self {
            payment_id: Some(payment_id.to_owned()),
            transaction_id: None,
            amount,
            fee_amount: None,
            dispute_type: None,
            description: None,
        }
    }
}

/// Opens a dispute on a settled capture (`POST /_mock/disputes`); its amount and fee
/// are taken from the merchant's next deposit.
pub(crate) fn open_dispute(
    s: &mut Store,
    today: i64,
    request: OpenDispute,
) -> Result<Dispute, Refusal> {
    let found = s
        .ledger
        .settlement
        .settlement_transactions
        .iter()
        .find(|t| {
            request
                .payment_id
                .as_ref()
                .is_some_and(|id| *id == t.source_id)
                || request.transaction_id.is_some()
                    && t.transaction.transaction_id == request.transaction_id
        });
    let Some(settled) = found.cloned() else {
        let payment = request.payment_id.as_deref();
        return Err(match payment {
            Some(id) if s.ledger.cards.payments.iter().any(|p| p.payment_id == id) => {
                Refusal::Conflict(format!(
                    "payment {id} has not settled; only a settled sale can be disputed"
                ))
            }
            Some(id) => Refusal::not_found("payment", id),
            None => Refusal::not_found(
                "transaction",
                &request
                    .transaction_id
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ),
        });
    };
    let transaction = settled.transaction;
    if transaction.kind != Some(SettlementTransactionType::Capture) {
        return Err(Refusal::Conflict("a refund cannot be disputed".to_owned()));
    }
    let settled_amount = transaction.amount.unwrap_or(0);
    let amount = request.amount.unwrap_or(settled_amount);
    if !(1..=settled_amount).contains(&amount) {
        return Err(Refusal::bad(
            "amount",
            "range",
            format!("must be from 1 to the transaction's {settled_amount}"),
        ));
    }
    let fee = request.fee_amount.unwrap_or(DISPUTE_FEE);
    if fee < 0 {
        return Err(Refusal::bad("feeAmount", "range", "must not be negative"));
    }
    let host = s.ledger.settlement.host.clone();
    let state = &mut s.ledger.settlement;
    let dispute_id = next_id(FIRST_DISPUTE_ID, state.disputes.len());
    let first = !state.disputes.iter().any(|d| {
        d.dispute
            .transaction
            .as_ref()
            .and_then(|t| t.transaction_id)
            == transaction.transaction_id
    });
    let status = DisputeStatus {
        dispute_status_id: Some(next_status_id(state)),
        status: Some(DisputeStatusValue::New),
        status_date: date(today),
        link: None,
        unknown: Default::default(),
    };
    let account = transaction
        .merchant
        .as_ref()
        .and_then(|m| m.processing_account_id)
        .unwrap_or(1);
    let currency = transaction.currency.clone().unwrap_or(Currency::Usd);
    let dispute = Dispute {
        dispute_id: Some(dispute_id),
        dispute_type: Some(request.dispute_type.unwrap_or(DisputeType::FirstDispute)),
        current_status: Some(current(&status, dispute_id, &host)),
        created_date: date(today),
        last_modified_date: date(today),
        received_date: date(today),
        description: Some(
            request
                .description
                .unwrap_or_else(|| "Cardholder dispute".to_owned()),
        ),
        reference_number: Some(format!("{:08}", 35_435_000 + dispute_id)),
        dispute_amount: Some(amount),
        fee_amount: Some(fee),
        first_dispute: Some(first),
        authorization_code: transaction
            .authorization
            .as_ref()
            .and_then(|a| a.code.clone()),
        currency: Some(currency.clone()),
        card: transaction.card.clone(),
        merchant: transaction.merchant.clone(),
        transaction: Some(TransactionSummary {
            transaction_id: transaction.transaction_id,
            kind: transaction.kind.clone(),
            date: transaction.date,
            entry_method: transaction.entry_method.clone(),
            amount: transaction.amount,
            link: transaction
                .transaction_id
                .map(|id| resource_link("transaction", &host, &format!("/transactions/{id}"))),
            unknown: Default::default(),
        }),
        unknown: Default::default(),
    };
    state.pending_adjustments.push(PendingAdjustment {
        account,
        currency,
        dispute_id,
        amount,
        fee,
    });
    state.disputes.push(StoredDispute {
        dispute: dispute.clone(),
        statuses: vec![status],
    });
    Ok(dispute)
}

fn next_status_id(state: &crate::store::ledger::SettlementLedger) -> i64 {
    let taken: usize = state.disputes.iter().map(|d| d.statuses.len()).sum();
    next_id(FIRST_DISPUTE_STATUS_ID, taken)
}

/// A status as a dispute's `currentStatus`: with the link to the history.
fn current(status: &DisputeStatus, dispute_id: i64, host: &str) -> DisputeStatus {
    DisputeStatus {
        link: Some(resource_link(
            "statuses",
            host,
            &format!("/disputes/{dispute_id}/statuses"),
        )),
        ..status.clone()
    }
}

/// The body of `POST /_mock/disputes/{disputeId}/statuses`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewDisputeStatus {
    pub(crate) status: DisputeStatusValue,
}

/// Moves a dispute to a new status (`POST /_mock/disputes/{disputeId}/statuses`).
pub(crate) fn change_dispute_status(
    s: &mut Store,
    today: i64,
    id: &str,
    request: NewDisputeStatus,
) -> Result<Dispute, Refusal> {
    use payroc_model::OpenEnum;
    if !request.status.is_known() {
        return Err(Refusal::bad(
            "status",
            "enum",
            "not a dispute status the API knows",
        ));
    }
    let host = s.ledger.settlement.host.clone();
    let state = &mut s.ledger.settlement;
    let status_id = next_status_id(state);
    let wanted = id.parse::<i64>().ok();
    let stored = state
        .disputes
        .iter_mut()
        .find(|d| wanted.is_some() && d.dispute.dispute_id == wanted)
        .ok_or_else(|| Refusal::not_found("dispute", id))?;
    let status = DisputeStatus {
        dispute_status_id: Some(status_id),
        status: Some(request.status),
        status_date: date(today),
        link: None,
        unknown: Default::default(),
    };
    let dispute_id = stored.dispute.dispute_id.unwrap_or_default();
    stored.dispute.current_status = Some(current(&status, dispute_id, &host));
    stored.dispute.last_modified_date = date(today);
    stored.statuses.push(status);
    Ok(stored.dispute.clone())
}
