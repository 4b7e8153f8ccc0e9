//! Payment plans and subscriptions: recurring billing the gateway runs.
//!
//! A plan is a schedule and its amounts; a subscription puts a terminal's secure token
//! on a plan. Every charge is a real card payment in the ledger, which `GET /payments`
//! returns:
//! - a setup fee (the subscription's `setupOrder`, else the plan's) when the
//!   subscription is created;
//! - each cycle of an `active` **automatic** subscription once the emulator's clock
//!   reaches its due date (the clock moves with `POST /_mock/clock`, which collects
//!   what has fallen due, several cycles if the move spans them);
//! - each `pay` of an `active` **manual** subscription (an automatic one is `409`).
//!
//! Cycle `n` falls due `n` periods after `startDate` (months keep the start's day, or
//! the month's last day when shorter); the first `pauseCollectionFor` cycles are not
//! billed, and `endDate`, else `length` (`0`: no end), bounds the rest. A declined
//! charge suspends an automatic subscription. Deactivating stops charges (`cancelled`);
//! reactivating resumes them from the next cycle due today or later, skipping what
//! fell due meanwhile. A plan's `onUpdate: update` carries its changes to the
//! subscriptions that inherited the changed values; `onDelete: complete` completes its
//! subscriptions when it is deleted, `continue` leaves them billing.

use crate::clock::{add_months, iso_date, parse_iso_date};
use crate::patch;
use crate::problem::{bad_parameter, bad_request, Refusal};
use crate::routes::cards::{card_on_file, create_payment, host_of, resource_link};
use crate::routes::list::ListParams;
use crate::routes::{json, parse};
use crate::store::ledger::StoredSubscription;
use crate::store::Store;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use payroc_model::cloud::TaxRate;
use payroc_model::common::{Channel, PatchDocument};
use payroc_model::payment::{
    Payment, PaymentMethod, PaymentOrderRequest, PaymentRequest, RefundStatus, RetrievedTax,
};
use payroc_model::payment_plan::{
    BillingFrequency, CollectionType, PaymentPlan, PaymentPlanOrder, PaymentPlanSummary,
    PlanOnDelete, PlanOnUpdate, Subscription, SubscriptionListQuery, SubscriptionOrderBreakdown,
    SubscriptionOrderBreakdownRequest, SubscriptionPayment, SubscriptionPaymentMethod,
    SubscriptionPaymentOrder, SubscriptionPaymentRequest, SubscriptionRecurringOrder,
    SubscriptionRequest, SubscriptionState, SubscriptionStatus,
};
use payroc_model::refund::PaymentSummary;
use payroc_model::secure_token::SecureTokenResponseSource;
use payroc_model::validate::{Validate, Validator};
use payroc_model::Currency;
use serde::Serialize;
use std::sync::Arc;

/// A terminal's payment plans.
const PLANS: &str = "/v1/processing-terminals/{processingTerminalId}/payment-plans";
/// One payment plan.
const PLAN: &str = "/v1/processing-terminals/{processingTerminalId}/payment-plans/{paymentPlanId}";
/// A terminal's subscriptions.
const SUBSCRIPTIONS: &str = "/v1/processing-terminals/{processingTerminalId}/subscriptions";
/// One subscription.
const SUBSCRIPTION: &str =
    "/v1/processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}";

/// What a plan's JSON Patch may change: everything but its id and terminal.
const PLAN_PATHS: &[&str] = &[
    "/name",
    "/description",
    "/currency",
    "/length",
    "/type",
    "/frequency",
    "/onUpdate",
    "/onDelete",
    "/customFieldNames",
    "/setupOrder",
    "/recurringOrder",
];

/// What a subscription's JSON Patch may change: not its state, type, frequency or
/// plan (the API's list), nor the ids and the token, which the gateway owns.
const SUBSCRIPTION_PATHS: &[&str] = &[
    "/name",
    "/description",
    "/currency",
    "/setupOrder",
    "/recurringOrder",
    "/startDate",
    "/endDate",
    "/length",
    "/pauseCollectionFor",
    "/customFields",
];

/// What a subscription's JSON Patch may change but not remove.
const SUBSCRIPTION_KEPT: &[&str] = &["/name", "/description", "/recurringOrder"];

/// Cycles looked at when counting what is left before an end date (a weekly
/// subscription over 100 years stays under it).
const MAX_CYCLES: i64 = 10_000;

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route(PLANS, get(list_plans).post(create_plan))
        .route(
            PLAN,
            get(retrieve_plan).patch(update_plan).delete(delete_plan),
        )
        .route(
            SUBSCRIPTIONS,
            get(list_subscriptions).post(create_subscription),
        )
        .route(
            SUBSCRIPTION,
            get(retrieve_subscription).patch(update_subscription),
        )
        .route(
            "/v1/processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/deactivate",
            post(deactivate),
        )
        .route(
            "/v1/processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/reactivate",
            post(reactivate),
        )
        .route(
            "/v1/processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/pay",
            post(pay),
        )
}

/// The outcome of a handler as a response.
fn reply<T: Serialize>(status: StatusCode, result: Result<T, Refusal>) -> Response {
    match result {
        Ok(body) => json(status, &body),
        Err(refusal) => refusal.into_response(),
    }
}

// ---------------------------------------------------------------------------
// The schedule
// ---------------------------------------------------------------------------

/// The day (since the epoch) cycle `cycle` falls due; `None` for a frequency or
/// start date the emulator cannot read.
fn due_day(sub: &Subscription, cycle: i64) -> Option<i64> {
    let start = parse_iso_date(&sub.start_date)?;
    Some(match sub.frequency {
        BillingFrequency::Weekly => start + 7 * cycle,
        BillingFrequency::Fortnightly => start + 14 * cycle,
        BillingFrequency::Monthly => add_months(start, cycle),
        BillingFrequency::Quarterly => add_months(start, 3 * cycle),
        BillingFrequency::Yearly => add_months(start, 12 * cycle),
        _ => return None,
    })
}

/// Whether cycle `cycle` is still within the subscription's term: on or before its
/// end date when it has one, else within `length` billed cycles (`0`: no end).
fn within_term(sub: &Subscription, cycle: i64) -> bool {
    if let Some(end) = sub.end_date.as_deref().and_then(parse_iso_date) {
        return due_day(sub, cycle).is_some_and(|day| day <= end);
    }
    let pause = sub.pause_collection_for.unwrap_or(0);
    match sub.length {
        Some(length) if length > 0 => cycle - pause < length,
        _ => due_day(sub, cycle).is_some(),
    }
}

/// Cycles left from `next` on, when the subscription has an end.
fn outstanding(sub: &Subscription, next: i64) -> Option<i64> {
    if sub.end_date.is_some() {
        return Some(
            (next..next + MAX_CYCLES)
                .take_while(|&n| within_term(sub, n))
                .count() as i64,
        );
    }
    let pause = sub.pause_collection_for.unwrap_or(0);
    match sub.length {
        Some(length) if length > 0 => Some((pause + length - next).max(0)),
        _ => None,
    }
}

/// Brings `currentState` in line with the schedule: the next due date and what is
/// outstanding; an active subscription with no cycle left is `completed`.
fn refresh(stored: &mut StoredSubscription) {
    let sub = &mut stored.subscription;
    let next = stored.next_cycle;
    let left = within_term(sub, next);
    if !left && sub.current_state.status == SubscriptionStatus::Active {
        sub.current_state.status = SubscriptionStatus::Completed;
    }
    let done = sub.current_state.status == SubscriptionStatus::Completed;
    sub.current_state.next_due_date = (left && !done)
        .then(|| due_day(sub, next).map(iso_date))
        .flatten();
    let bounded = sub.end_date.is_some() || sub.length.is_some_and(|l| l > 0);
    sub.current_state.outstanding_invoices = if done {
        bounded.then_some(0)
    } else {
        outstanding(sub, next)
    };
}

// ---------------------------------------------------------------------------
// Charges
// ---------------------------------------------------------------------------

/// One charge of a subscription: what to take and how to label it.
struct Charge {
    amount: i64,
    order_id: Option<String>,
    description: Option<String>,
    operator: Option<String>,
}

/// Charges the subscription's secure token as a card payment stamped `now`; the
/// payment is in the ledger whatever its outcome.
fn charge(s: &mut Store, index: usize, charge: Charge, now: &str) -> Result<Payment, Refusal> {
    let order_id = match charge.order_id {
        Some(id) => id,
        None => s.gateway_id(),
    };
    let stored = &s.ledger.plans.subscriptions[index];
    let sub = &stored.subscription;
    let host = stored.host.clone();
    let mut order = PaymentOrderRequest::new(order_id, charge.amount, sub.currency.clone());
    order.date_time = Some(now.to_owned());
    order.description = charge.description.or_else(|| sub.description.clone());
    let mut request = PaymentRequest::new(
        Channel::Web,
        sub.processing_terminal_id.clone(),
        order,
        PaymentMethod::secure_token(sub.secure_token.token.clone()),
    );
    request.operator = charge.operator;
    let payment = create_payment(s, &request, &host)?;
    s.ledger.plans.subscriptions[index]
        .payment_ids
        .push(payment.payment_id.clone());
    Ok(payment)
}

/// Whether a payment took money.
fn approved(payment: &Payment) -> bool {
    payment.transaction_result.response_code.is_approved()
}

/// Collects every payment of an active automatic subscription due on or before
/// `today` (`YYYY-MM-DD`), each stamped `now`; returns the new payments' ids. A
/// declined charge suspends the subscription; so does a secure token that no longer
/// pays.
pub(crate) fn collect_due_payments(s: &mut Store, today: &str, now: &str) -> Vec<String> {
    let Some(today) = parse_iso_date(today) else {
        return Vec::new();
    };
    let mut made = Vec::new();
    for index in 0..s.ledger.plans.subscriptions.len() {
        loop {
            let stored = &s.ledger.plans.subscriptions[index];
            let sub = &stored.subscription;
            let due = due_day(sub, stored.next_cycle);
            if sub.current_state.status != SubscriptionStatus::Active
                || sub.kind != CollectionType::Automatic
                || !within_term(sub, stored.next_cycle)
                || due.is_none_or(|day| day > today)
            {
                break;
            }
            let order = sub.recurring_order.clone().unwrap_or_default();
            let Some(amount) = order.amount.filter(|a| *a > 0) else {
                break;
            };
            let outcome = charge(
                s,
                index,
                Charge {
                    amount,
                    order_id: None,
                    description: order.description,
                    operator: None,
                },
                now,
            );
            let stored = &mut s.ledger.plans.subscriptions[index];
            match outcome {
                Ok(payment) if approved(&payment) => {
                    made.push(payment.payment_id);
                    stored.next_cycle += 1;
                    stored.subscription.current_state.paid_invoices += 1;
                }
                Ok(payment) => {
                    made.push(payment.payment_id);
                    stored.subscription.current_state.status = SubscriptionStatus::Suspended;
                }
                Err(_) => stored.subscription.current_state.status = SubscriptionStatus::Suspended,
            }
            refresh(stored);
        }
    }
    made
}

/// The summary `subscriptions.pay` returns of the payment it made.
fn payment_summary(payment: &Payment, currency: &Currency, host: &str) -> PaymentSummary {
    let result = &payment.transaction_result;
    PaymentSummary {
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
    }
}

// ---------------------------------------------------------------------------
// Payment plans
// ---------------------------------------------------------------------------

/// Index of the terminal's live plan `id`.
fn plan_position(s: &Store, terminal: &str, id: &str) -> Result<usize, Refusal> {
    s.ledger
        .plans
        .payment_plans
        .iter()
        .position(|p| {
            p.payment_plan_id == id && p.processing_terminal_id.as_deref() == Some(terminal)
        })
        .ok_or_else(|| Refusal::not_found("payment plan", id))
}

/// `POST …/payment-plans` → `201`. A plan id is unique on its terminal, deleted
/// plans included.
async fn create_plan(
    State(mock): State<Arc<Mock>>,
    Path(terminal): Path<String>,
    body: Bytes,
) -> Response {
    let mut plan: PaymentPlan = match parse(&body) {
        Ok(plan) => plan,
        Err(response) => return response,
    };
    plan.processing_terminal_id = Some(terminal.clone());
    let result = mock.with_store(|s| {
        let plans = &s.ledger.plans;
        let taken = plans
            .payment_plans
            .iter()
            .chain(&plans.deleted_payment_plans)
            .any(|p| {
                p.payment_plan_id == plan.payment_plan_id
                    && p.processing_terminal_id.as_deref() == Some(&terminal)
            });
        if taken {
            return Err(Refusal::Conflict(format!(
                "A payment plan with id `{}` already exists on processing terminal {terminal}",
                plan.payment_plan_id
            )));
        }
        s.ledger.plans.payment_plans.push(plan.clone());
        Ok(plan)
    });
    reply(StatusCode::CREATED, result)
}

/// `GET …/payment-plans/{paymentPlanId}`.
async fn retrieve_plan(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
) -> Response {
    let result = mock.with_store(|s| {
        plan_position(s, &terminal, &id).map(|i| s.ledger.plans.payment_plans[i].clone())
    });
    reply(StatusCode::OK, result)
}

/// `GET …/payment-plans`: the terminal's live plans, oldest first, paged by id.
async fn list_plans(
    State(mock): State<Arc<Mock>>,
    Path(terminal): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    let items: Vec<PaymentPlan> = mock.with_store(|s| {
        s.ledger
            .plans
            .payment_plans
            .iter()
            .filter(|p| p.processing_terminal_id.as_deref() == Some(&terminal))
            .cloned()
            .collect()
    });
    match params.page(items, |plan| &plan.payment_plan_id) {
        Ok(page) => json(StatusCode::OK, &page),
        Err(response) => response,
    }
}

/// A plan's order as a subscription carries it.
fn recurring_from_plan(order: &PaymentPlanOrder) -> SubscriptionRecurringOrder {
    SubscriptionRecurringOrder {
        amount: order.amount,
        description: order.description.clone(),
        breakdown: order
            .breakdown
            .as_ref()
            .map(|b| SubscriptionOrderBreakdown {
                subtotal: b.subtotal,
                convenience_fee: None,
                surcharge: None,
                taxes: b.taxes.clone(),
                unknown: Default::default(),
            }),
        unknown: Default::default(),
    }
}

/// `PATCH …/payment-plans/{paymentPlanId}`: a JSON Patch of anything but the id and
/// terminal; the result must be a valid plan. With `onUpdate: update` the change
/// reaches every subscription that still had the plan's old value; every subscription
/// shows the plan's new name in its `paymentPlan`.
async fn update_plan(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let ops: Vec<PatchDocument> = match payroc_model::json::from_json(&body) {
        Ok(ops) => ops,
        Err(err) => return bad_request(&err),
    };
    if let Err(err) = ops.as_slice().validate() {
        return bad_request(&err);
    }
    mock.with_store(|s| {
        let index = match plan_position(s, &terminal, &id) {
            Ok(index) => index,
            Err(refusal) => return refusal.into_response(),
        };
        let old = s.ledger.plans.payment_plans[index].clone();
        let document = serde_json::to_value(&old).unwrap_or_default();
        let patched = match patch::apply(&document, &ops, PLAN_PATHS) {
            Ok(patched) => patched,
            Err(err) => {
                return bad_parameter(
                    &format!("[{}].path", err.index),
                    "Invalid format",
                    &format!(
                        "{}; a payment plan allows changes to {} only",
                        err.message,
                        PLAN_PATHS.join(", ")
                    ),
                )
            }
        };
        let bytes = serde_json::to_vec(&patched).unwrap_or_default();
        let plan: PaymentPlan = match payroc_model::json::parse_request(&bytes) {
            Ok(plan) => plan,
            Err(err) => return bad_request(&err),
        };
        let follow = old.on_update == PlanOnUpdate::Update;
        for stored in s.ledger.plans.subscriptions.iter_mut().filter(|stored| {
            let sub = &stored.subscription;
            sub.payment_plan.payment_plan_id == id && sub.processing_terminal_id == terminal
        }) {
            let sub = &mut stored.subscription;
            sub.payment_plan.name = plan.name.clone();
            if follow {
                if sub.name == old.name {
                    sub.name = plan.name.clone();
                }
                if sub.description == old.description {
                    sub.description = plan.description.clone();
                }
                if sub.length == old.length {
                    sub.length = plan.length;
                }
                if sub.recurring_order == old.recurring_order.as_ref().map(recurring_from_plan) {
                    sub.recurring_order = plan.recurring_order.as_ref().map(recurring_from_plan);
                }
                refresh(stored);
            }
        }
        s.ledger.plans.payment_plans[index] = plan.clone();
        json(StatusCode::OK, &plan)
    })
}

/// `DELETE …/payment-plans/{paymentPlanId}` → `204`. The plan takes no new
/// subscriptions; with `onDelete: complete` its subscriptions are completed (no more
/// payments), with `continue` they go on billing.
async fn delete_plan(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
) -> Response {
    let result: Result<(), Refusal> = mock.with_store(|s| {
        let index = plan_position(s, &terminal, &id)?;
        let plan = s.ledger.plans.payment_plans.remove(index);
        if plan.on_delete == PlanOnDelete::Complete {
            for stored in s.ledger.plans.subscriptions.iter_mut().filter(|stored| {
                let sub = &stored.subscription;
                sub.payment_plan.payment_plan_id == id && sub.processing_terminal_id == terminal
            }) {
                stored.subscription.current_state.status = SubscriptionStatus::Completed;
                refresh(stored);
            }
        }
        s.ledger.plans.deleted_payment_plans.push(plan);
        Ok(())
    });
    match result {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(refusal) => refusal.into_response(),
    }
}

// ---------------------------------------------------------------------------
// Subscriptions
// ---------------------------------------------------------------------------

/// Index of the terminal's subscription `id`.
fn subscription_position(s: &Store, terminal: &str, id: &str) -> Result<usize, Refusal> {
    s.ledger
        .plans
        .subscriptions
        .iter()
        .position(|stored| {
            let sub = &stored.subscription;
            sub.subscription_id == id && sub.processing_terminal_id == terminal
        })
        .ok_or_else(|| Refusal::not_found("subscription", id))
}

/// Taxes asked for by name and rate, as returned: with the amount of `subtotal`.
fn retrieved_taxes(taxes: &[TaxRate], subtotal: i64) -> Vec<RetrievedTax> {
    taxes
        .iter()
        .map(|tax| RetrievedTax {
            name: tax.name.clone(),
            rate: tax.rate,
            amount: Some((subtotal as f64 * tax.rate / 100.0).round() as i64),
            unknown: Default::default(),
        })
        .collect()
}

/// A requested breakdown as returned.
fn breakdown(request: &SubscriptionOrderBreakdownRequest) -> SubscriptionOrderBreakdown {
    SubscriptionOrderBreakdown {
        subtotal: request.subtotal,
        convenience_fee: request.convenience_fee.clone(),
        surcharge: None,
        taxes: retrieved_taxes(&request.taxes, request.subtotal),
        unknown: Default::default(),
    }
}

/// The subscription a create request makes on `plan`, before its setup fee.
fn new_subscription(
    request: SubscriptionRequest,
    plan: &PaymentPlan,
    terminal: &str,
    secure_token: payroc_model::payment::SecureTokenSummary,
    host: &str,
) -> Subscription {
    let setup_order = match request.setup_order {
        Some(order) => Some(SubscriptionPaymentOrder {
            order_id: order.order_id,
            amount: order.amount,
            description: order.description,
            breakdown: order.breakdown.as_ref().map(breakdown),
            unknown: Default::default(),
        }),
        None => plan.setup_order.as_ref().map(|order| {
            let recurring = recurring_from_plan(order);
            SubscriptionPaymentOrder {
                order_id: None,
                amount: recurring.amount,
                description: recurring.description,
                breakdown: recurring.breakdown,
                unknown: Default::default(),
            }
        }),
    };
    let recurring_order = match request.recurring_order {
        Some(order) => Some(SubscriptionRecurringOrder {
            amount: order.amount,
            description: order.description,
            breakdown: order.breakdown.as_ref().map(breakdown),
            unknown: Default::default(),
        }),
        None => plan.recurring_order.as_ref().map(recurring_from_plan),
    };
    Subscription {
        subscription_id: request.subscription_id,
        processing_terminal_id: terminal.to_owned(),
        payment_plan: PaymentPlanSummary {
            payment_plan_id: plan.payment_plan_id.clone(),
            name: plan.name.clone(),
            link: Some(resource_link(
                "self",
                host,
                &format!(
                    "/processing-terminals/{terminal}/payment-plans/{}",
                    plan.payment_plan_id
                ),
            )),
            unknown: Default::default(),
        },
        secure_token,
        name: request.name.unwrap_or_else(|| plan.name.clone()),
        description: request.description.or_else(|| plan.description.clone()),
        currency: plan.currency.clone(),
        setup_order,
        recurring_order,
        current_state: SubscriptionState {
            status: SubscriptionStatus::Active,
            next_due_date: None,
            paid_invoices: 0,
            outstanding_invoices: None,
            unknown: Default::default(),
        },
        start_date: request.start_date,
        end_date: request.end_date,
        length: request.length.or(plan.length),
        kind: plan.kind.clone(),
        frequency: plan.frequency.clone(),
        pause_collection_for: Some(request.pause_collection_for.unwrap_or(0)),
        custom_fields: request.custom_fields,
        unknown: Default::default(),
    }
}

/// The rules a create request meets against its plan and today's date.
fn check_against_plan(
    request: &SubscriptionRequest,
    plan: &PaymentPlan,
    today: &str,
) -> Result<(), Refusal> {
    if request.start_date.as_str() < today {
        return Err(Refusal::bad(
            "startDate",
            "range",
            format!("must be today ({today}) or later"),
        ));
    }
    if plan.kind == CollectionType::Manual && request.recurring_order.is_some() {
        return Err(Refusal::bad(
            "recurringOrder",
            "conflict",
            "send recurringOrder only for a plan of type automatic; a manual \
             subscription's amounts are given when each payment is collected",
        ));
    }
    let amount = match &request.recurring_order {
        Some(order) => order.amount,
        None => plan.recurring_order.as_ref().and_then(|o| o.amount),
    };
    if plan.kind == CollectionType::Automatic && amount.is_none_or(|a| a <= 0) {
        return Err(Refusal::bad(
            "recurringOrder.amount",
            "required",
            "an automatic subscription needs the amount of each payment: the plan has \
             none, so send recurringOrder.amount",
        ));
    }
    for (i, field) in request.custom_fields.iter().enumerate() {
        if !plan.custom_field_names.contains(&field.name) {
            return Err(Refusal::bad(
                format!("customFields[{i}].name"),
                "enum",
                format!(
                    "the payment plan's customFieldNames do not include `{}`",
                    field.name
                ),
            ));
        }
    }
    Ok(())
}

/// `POST …/subscriptions` → `201`: the plan must be live, the id unused on the
/// terminal, the secure token a live card token of the terminal, and the start date
/// today or later. A setup fee is charged at once; a declined one leaves the
/// subscription `suspended`.
async fn create_subscription(
    State(mock): State<Arc<Mock>>,
    Path(terminal): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: SubscriptionRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    let today = mock.clock.today();
    let now = mock.clock.now_rfc3339();
    let result = mock.with_store(|s| {
        let plan =
            &s.ledger.plans.payment_plans[plan_position(s, &terminal, &request.payment_plan_id)?];
        check_against_plan(&request, plan, &today)?;
        if subscription_position(s, &terminal, &request.subscription_id).is_ok() {
            return Err(Refusal::Conflict(format!(
                "A subscription with id `{}` already exists on processing terminal {terminal}",
                request.subscription_id
            )));
        }
        let SubscriptionPaymentMethod::SecureToken(method) = &request.payment_method else {
            return Err(Refusal::bad(
                "paymentMethod.type",
                "enum",
                "a subscription pays with a secureToken",
            ));
        };
        let (_, summary) = card_on_file(
            &s.ledger.cards,
            &terminal,
            &method.token,
            "paymentMethod.token",
            &host,
        )?;
        let subscription = new_subscription(request.clone(), plan, &terminal, summary, &host);
        let pause = subscription.pause_collection_for.unwrap_or(0);
        s.ledger.plans.subscriptions.push(StoredSubscription {
            subscription,
            next_cycle: pause,
            payment_ids: Vec::new(),
            host: host.clone(),
        });
        let index = s.ledger.plans.subscriptions.len() - 1;
        let setup = s.ledger.plans.subscriptions[index]
            .subscription
            .setup_order
            .clone()
            .filter(|order| order.amount.is_some_and(|a| a > 0));
        if let Some(order) = setup {
            let order_id = match order.order_id {
                Some(id) => id,
                None => s.gateway_id(),
            };
            let payment = charge(
                s,
                index,
                Charge {
                    amount: order.amount.unwrap_or_default(),
                    order_id: Some(order_id.clone()),
                    description: order.description,
                    operator: None,
                },
                &now,
            )?;
            let sub = &mut s.ledger.plans.subscriptions[index].subscription;
            if let Some(setup) = &mut sub.setup_order {
                setup.order_id = Some(order_id);
            }
            if !approved(&payment) {
                sub.current_state.status = SubscriptionStatus::Suspended;
            }
        }
        let stored = &mut s.ledger.plans.subscriptions[index];
        refresh(stored);
        Ok(stored.subscription.clone())
    });
    reply(StatusCode::CREATED, result)
}

/// `GET …/subscriptions/{subscriptionId}`.
async fn retrieve_subscription(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
) -> Response {
    let result = mock.with_store(|s| {
        subscription_position(s, &terminal, &id)
            .map(|i| s.ledger.plans.subscriptions[i].subscription.clone())
    });
    reply(StatusCode::OK, result)
}

/// Checks the list filters with the model's rules (known enum values, dates, last4).
fn check_filters(params: &ListParams) -> Result<(), payroc_model::ValidationError> {
    let owned = |key| params.get(key).map(str::to_owned);
    SubscriptionListQuery {
        last4: owned("last4"),
        frequency: params.get("frequency").map(BillingFrequency::from_api),
        status: params.get("status").map(SubscriptionStatus::from_api),
        end_date: owned("endDate"),
        next_due_date: owned("nextDueDate"),
        ..SubscriptionListQuery::default()
    }
    .validate()
}

/// The last four digits of the card behind a subscription's secure token.
fn last4(s: &Store, sub: &Subscription) -> Option<String> {
    let token = s
        .ledger
        .cards
        .secure_tokens
        .iter()
        .find(|t| t.token == sub.secure_token.token)?;
    let Some(SecureTokenResponseSource::Card(card)) = &token.source else {
        return None;
    };
    let number = card.card_number.expose_secret();
    number
        .get(number.len().checked_sub(4)?..)
        .map(str::to_owned)
}

/// `GET …/subscriptions`: the terminal's subscriptions, oldest first, filtered by
/// customer name and plan name (case-insensitive), last four digits, frequency,
/// status, end date and next due date, paged by id.
async fn list_subscriptions(
    State(mock): State<Arc<Mock>>,
    Path(terminal): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    if let Err(err) = check_filters(&params) {
        return bad_request(&err);
    }
    let same = |key, value: &str| {
        params
            .get(key)
            .is_none_or(|f| f.eq_ignore_ascii_case(value))
    };
    let items: Vec<Subscription> = mock.with_store(|s| {
        s.ledger
            .plans
            .subscriptions
            .iter()
            .map(|stored| &stored.subscription)
            .filter(|sub| sub.processing_terminal_id == terminal)
            .filter(|sub| {
                let state = &sub.current_state;
                same("customerName", &sub.secure_token.customer_name)
                    && same("paymentPlan", &sub.payment_plan.name)
                    && params.matches("frequency", Some(sub.frequency.as_str()))
                    && params.matches("status", Some(state.status.as_str()))
                    && params.matches("endDate", sub.end_date.as_deref())
                    && params.matches("nextDueDate", state.next_due_date.as_deref())
                    && params
                        .get("last4")
                        .is_none_or(|want| last4(s, sub).as_deref() == Some(want))
            })
            .cloned()
            .collect()
    });
    match params.page(items, |sub| &sub.subscription_id) {
        Ok(page) => json(StatusCode::OK, &page),
        Err(response) => response,
    }
}

/// The rules a patched subscription meets, with field paths.
fn check_patched(sub: &Subscription) -> Result<(), payroc_model::ValidationError> {
    let mut v = Validator::new();
    v.required_str("name", &sub.name);
    v.known("currency", &sub.currency);
    v.date_iso("startDate", &sub.start_date);
    if let Some(end_date) = &sub.end_date {
        v.date_iso("endDate", end_date);
        if end_date < &sub.start_date {
            v.violation("endDate", "range", "must not be before startDate");
        }
    }
    if let Some(length) = sub.length {
        v.non_negative("length", length);
    }
    if let Some(pause) = sub.pause_collection_for {
        v.non_negative("pauseCollectionFor", pause);
    }
    if let Some(amount) = sub.recurring_order.as_ref().and_then(|o| o.amount) {
        v.at("recurringOrder", |v| v.positive_amount("amount", amount));
    }
    v.each("customFields", &sub.custom_fields);
    v.finish()
}

/// `PATCH …/subscriptions/{subscriptionId}`: a JSON Patch of what the API lets change
/// (not `currentState`, `type`, `frequency` or `paymentPlan`; `name`, `description`
/// and `recurringOrder` may change but not go); the schedule follows the new values.
async fn update_subscription(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let ops: Vec<PatchDocument> = match payroc_model::json::from_json(&body) {
        Ok(ops) => ops,
        Err(err) => return bad_request(&err),
    };
    if let Err(err) = ops.as_slice().validate() {
        return bad_request(&err);
    }
    if let Some((i, op)) = ops.iter().enumerate().find(|(_, op)| {
        matches!(op, PatchDocument::Remove(_))
            && op.path().is_some_and(|p| SUBSCRIPTION_KEPT.contains(&p))
    }) {
        return bad_parameter(
            &format!("[{i}].path"),
            "Invalid format",
            &format!(
                "`{}` can be replaced but not removed",
                op.path().unwrap_or_default()
            ),
        );
    }
    mock.with_store(|s| {
        let index = match subscription_position(s, &terminal, &id) {
            Ok(index) => index,
            Err(refusal) => return refusal.into_response(),
        };
        let stored = &s.ledger.plans.subscriptions[index];
        let document = serde_json::to_value(&stored.subscription).unwrap_or_default();
        let patched = match patch::apply(&document, &ops, SUBSCRIPTION_PATHS) {
            Ok(patched) => patched,
            Err(err) => {
                return bad_parameter(
                    &format!("[{}].path", err.index),
                    "Invalid format",
                    &format!(
                        "{}; a subscription allows changes to {} only",
                        err.message,
                        SUBSCRIPTION_PATHS.join(", ")
                    ),
                )
            }
        };
        let bytes = serde_json::to_vec(&patched).unwrap_or_default();
        let sub: Subscription = match payroc_model::json::from_json(&bytes) {
            Ok(sub) => sub,
            Err(err) => return bad_request(&err),
        };
        if let Err(err) = check_patched(&sub) {
            return bad_request(&err);
        }
        let stored = &mut s.ledger.plans.subscriptions[index];
        stored.subscription = sub;
        refresh(stored);
        json(StatusCode::OK, &stored.subscription)
    })
}

/// `POST …/deactivate` (no body, no idempotency key): an active or suspended
/// subscription is `cancelled` and charged no more; anything else is a `409`.
async fn deactivate(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
) -> Response {
    let result = mock.with_store(|s| {
        let index = subscription_position(s, &terminal, &id)?;
        let state = &mut s.ledger.plans.subscriptions[index]
            .subscription
            .current_state;
        match state.status {
            SubscriptionStatus::Active | SubscriptionStatus::Suspended => {
                state.status = SubscriptionStatus::Cancelled;
                Ok(s.ledger.plans.subscriptions[index].subscription.clone())
            }
            _ => Err(Refusal::Conflict(format!(
                "Subscription `{id}` is {}; only an active or suspended subscription can be \
                 deactivated",
                state.status
            ))),
        }
    });
    reply(StatusCode::OK, result)
}

/// `POST …/reactivate` (no body, no idempotency key): a cancelled or suspended
/// subscription is `active` again from its next cycle due today or later (cycles
/// that fell due meanwhile are skipped, not charged); anything else is a `409`.
async fn reactivate(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
) -> Response {
    let today = parse_iso_date(&mock.clock.today()).unwrap_or_default();
    let result = mock.with_store(|s| {
        let index = subscription_position(s, &terminal, &id)?;
        let stored = &mut s.ledger.plans.subscriptions[index];
        let status = &stored.subscription.current_state.status;
        if !matches!(
            status,
            SubscriptionStatus::Cancelled | SubscriptionStatus::Suspended
        ) {
            return Err(Refusal::Conflict(format!(
                "Subscription `{id}` is {status}; only a cancelled or suspended subscription \
                 can be reactivated"
            )));
        }
        let sub = &stored.subscription;
        while within_term(sub, stored.next_cycle)
            && due_day(sub, stored.next_cycle).is_some_and(|day| day < today)
        {
            stored.next_cycle += 1;
        }
        stored.subscription.current_state.status = SubscriptionStatus::Active;
        refresh(stored);
        Ok(stored.subscription.clone())
    });
    reply(StatusCode::OK, result)
}

/// `POST …/pay` → `201`: collects one payment of an active manual subscription
/// (`409` for an automatic one, which the gateway collects, for one that is not
/// active, and for one whose secure token was deleted). An approved payment counts as the next cycle's; a declined one is in the
/// ledger and changes nothing else.
async fn pay(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let request: SubscriptionPaymentRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let now = mock.clock.now_rfc3339();
    let result = mock.with_store(|s| {
        let index = subscription_position(s, &terminal, &id)?;
        let stored = &s.ledger.plans.subscriptions[index];
        let sub = &stored.subscription;
        if sub.kind != CollectionType::Manual {
            return Err(Refusal::Conflict(format!(
                "Subscription `{id}` is {}: the gateway collects its payments; only a manual \
                 subscription can be paid",
                sub.kind
            )));
        }
        if sub.current_state.status != SubscriptionStatus::Active {
            return Err(Refusal::Conflict(format!(
                "Subscription `{id}` is {}; only an active subscription can be paid",
                sub.current_state.status
            )));
        }
        let host = stored.host.clone();
        let payment = charge(
            s,
            index,
            Charge {
                amount: request.order.amount.unwrap_or_default(),
                order_id: request.order.order_id.clone(),
                description: request.order.description.clone(),
                operator: request.operator.clone(),
            },
            &now,
        )
        .map_err(|refusal| match refusal {
            // The body named no token: the subscription's own one no longer pays.
            Refusal::BadParameter { message, .. } => {
                Refusal::Conflict(format!("Subscription `{id}` cannot be charged: {message}"))
            }
            other => other,
        })?;
        let stored = &mut s.ledger.plans.subscriptions[index];
        if approved(&payment) {
            stored.next_cycle += 1;
            stored.subscription.current_state.paid_invoices += 1;
            refresh(stored);
        }
        let sub = &stored.subscription;
        Ok(SubscriptionPayment {
            subscription_id: sub.subscription_id.clone(),
            processing_terminal_id: sub.processing_terminal_id.clone(),
            payment: payment_summary(&payment, &sub.currency, &host),
            secure_token: sub.secure_token.clone(),
            current_state: sub.current_state.clone(),
            custom_fields: request.custom_fields.clone(),
            unknown: Default::default(),
        })
    });
    reply(StatusCode::CREATED, result)
}
