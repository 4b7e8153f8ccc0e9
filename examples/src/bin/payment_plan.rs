//! Payroc-managed monthly billing: a payment plan, a customer's card saved as a secure
//! token, a subscription on the plan, one monthly cycle collected by the gateway, then
//! the subscription paused (deactivated) and resumed (reactivated).
//!
//! On the embedded emulator the example moves the emulator's clock a day forward, so
//! the first cycle falls due and is collected; on UAT the gateway collects it on the
//! start date, so that step only shows what is due.
//! Run: `cargo run -p payroc-examples --bin payment_plan`.
#![forbid(unsafe_code)]
#![allow(clippy::print_stdout)]

use payroc_core::model::card::CardDetails;
use payroc_core::model::payment_plan::{
    BillingFrequency, PaymentPlan, PaymentPlanOrder, SubscriptionRequest,
};
use payroc_core::model::secure_token::SecureTokenRequest;
use payroc_core::model::Currency;
use payroc_examples::{date_in_days, order_id, setup};
use std::error::Error;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let s = setup().await?;
    let terminal = &s.terminal_id;

    // The plan: $29.99 a month with no end, a $10 joining fee collected at sign-up.
    let mut plan = PaymentPlan::automatic(
        order_id("GYM"),
        "Gym membership",
        2999,
        Currency::Usd,
        BillingFrequency::Monthly,
    );
    plan.setup_order = Some(PaymentPlanOrder::new(1000, "Joining fee"));
    let plan = s.client.payment_plans().create(terminal, &plan).await?;
    println!("plan {}: $29.99 a month", plan.payment_plan_id);

    let card = CardDetails::keyed("4539858876047062", "1230", Some("123"));
    let saved = s
        .client
        .secure_tokens()
        .create(terminal, &SecureTokenRequest::card(card))
        .await?;
    println!("card saved as secure token {}", saved.secure_token_id);

    let subs = s.client.subscriptions();
    let request = SubscriptionRequest::new(
        order_id("MEMBER"),
        plan.payment_plan_id.clone(),
        saved.token.clone(),
        date_in_days(1),
    );
    let sub = subs.create(terminal, &request).await?;
    let id = sub.subscription_id.clone();
    println!(
        "subscription {id}: {}, first payment due {}",
        sub.current_state.status,
        sub.current_state.next_due_date.as_deref().unwrap_or("-")
    );

    match &s.mock {
        Some(server) => {
            let moved = server.mock().advance_clock(1);
            for payment_id in &moved.payment_ids {
                let payment = s.client.payments().retrieve(payment_id).await?;
                println!(
                    "{}: the gateway collected payment {payment_id} of {} cents",
                    moved.today,
                    payment.order.amount.unwrap_or_default()
                );
            }
        }
        None => println!("the gateway collects the first cycle on the start date"),
    }
    let read = subs.retrieve(terminal, &id).await?;
    println!(
        "paid invoices: {}, next due {}",
        read.current_state.paid_invoices,
        read.current_state.next_due_date.as_deref().unwrap_or("-")
    );

    let paused = subs.deactivate(terminal, &id).await?;
    println!("paused: {}", paused.current_state.status);
    let resumed = subs.reactivate(terminal, &id).await?;
    println!(
        "resumed: {}, next due {}",
        resumed.current_state.status,
        resumed
            .current_state
            .next_due_date
            .as_deref()
            .unwrap_or("-")
    );
    Ok(())
}
