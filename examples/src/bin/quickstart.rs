//! The quickstart: every main flow of payroc-rs, step by step — a bearer token, a
//! card saved as a secure token, a first and a subsequent repeat payment with
//! standing instructions, a sale on a Payroc Cloud device, a payment link created and
//! shared, Payroc-managed monthly billing (a payment plan and a subscription whose
//! first cycle the gateway collects), and a PayTrace recurrence created, updated and
//! exported.
//!
//! `make quickstart` runs it on the embedded emulator; set `PAYROC_API_KEY` (and the
//! variables listed in the examples crate) to run the same code against UAT.
#![forbid(unsafe_code)]
#![allow(clippy::print_stdout)]

use payroc_core::model::card::CardDetails;
use payroc_core::model::cloud::{PaymentInstructionOrder, PaymentInstructionRequest};
use payroc_core::model::common::Channel;
use payroc_core::model::payment::{
    PaymentMethod, PaymentOrderRequest, PaymentRequest, ProcessingModel,
};
use payroc_core::model::payment_link::{
    PaymentLink, PaymentLinkCharge, PaymentLinkEmailShareEvent, Recipient, SingleUsePaymentLink,
};
use payroc_core::model::payment_plan::{BillingFrequency, PaymentPlan, SubscriptionRequest};
use payroc_core::model::paytrace::{
    CreateRecurrenceRequest, ExportRecurrencesRequest, RecurrenceCreate, RecurrenceFrequency,
    RecurrenceUpdate, TotalCount, UpdateRecurrenceRequest,
};
use payroc_core::model::secure_token::SecureTokenRequest;
use payroc_core::model::Currency;
use payroc_core::{CloudSaleOutcome, WaitOptions};
use payroc_examples::{date_in_days, order_id, setup, us_date_in_days};
use std::error::Error;
use std::time::Duration;

fn step(n: u32, title: &str) {
    println!("\n{n}. {title}");
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let s = setup().await?;
    let client = &s.client;
    println!("payroc-rs quickstart, running against {}", s.target);

    step(1, "Bearer token from the identity service");
    client.authenticate().await?;
    println!("   token fetched and cached (it is never printed)");

    step(2, "Save a customer's card as a secure token");
    let card = CardDetails::keyed("4539858876047062", "1230", Some("123"));
    let saved = client
        .secure_tokens()
        .create(&s.terminal_id, &SecureTokenRequest::card(card))
        .await?;
    println!(
        "   secureTokenId {} -> gateway token {} ({:?})",
        saved.secure_token_id, saved.token, saved.status
    );

    step(
        3,
        "First payment of a monthly series (standing instructions: first, recurring)",
    );
    let first = PaymentRequest::new(
        Channel::Web,
        s.terminal_id.clone(),
        PaymentOrderRequest::new(order_id("SUB-1"), 2999, Currency::Usd),
        PaymentMethod::secure_token(saved.token.clone()),
    );
    let started = client
        .repeat_payments()
        .start(first, ProcessingModel::Recurring)
        .await?;
    let result = &started.payment.transaction_result;
    println!(
        "   payment {}: responseCode {} (approved: {}), cardSchemeReferenceId {}",
        started.payment.payment_id,
        result.response_code,
        started.payment.is_approved(),
        result.card_scheme_reference_id.as_deref().unwrap_or("-")
    );
    let series = started.series?;

    step(4, "Next month: a subsequent payment referring to the first");
    let next = client
        .repeat_payments()
        .charge(
            &series,
            PaymentOrderRequest::new(order_id("SUB-2"), 2999, Currency::Usd),
            Vec::new(),
        )
        .await?;
    let instructions = next.order.standing_instructions.as_ref();
    println!(
        "   payment {}: approved {}, sequence {}, first payment {}",
        next.payment_id,
        next.is_approved(),
        instructions.map_or("-".to_owned(), |i| i.sequence.to_string()),
        instructions
            .and_then(|i| i.reference_data_of_first_txn.as_ref())
            .and_then(|r| r.payment_id.as_deref())
            .unwrap_or("-")
    );

    if s.device_serial.is_empty() {
        step(5, "Payroc Cloud sale: skipped (set PAYROC_DEVICE_SERIAL)");
    } else {
        step(
            5,
            "A sale on a Payroc Cloud device: submit, long-poll, follow the link",
        );
        let request = PaymentInstructionRequest::new(
            s.terminal_id.clone(),
            PaymentInstructionOrder::new(order_id("POS"), 1250, Currency::Usd),
        );
        let sale = client
            .payment_instructions()
            .run_sale(
                &s.device_serial,
                &request,
                &WaitOptions::deadline(Duration::from_secs(120)),
            )
            .await?;
        match &sale.outcome {
            CloudSaleOutcome::Completed(payment) => println!(
                "   instruction {} completed -> payment {}: responseCode {} (approved: {})",
                sale.instruction.id().unwrap_or("?"),
                payment.payment_id,
                payment.transaction_result.response_code,
                sale.is_approved()
            ),
            other => println!("   the device did not complete the sale: {other:?}"),
        }
    }

    step(6, "A payment link, created and shared by email");
    let link = SingleUsePaymentLink::new(
        order_id("INV"),
        order_id("INV"),
        PaymentLinkCharge::preset(12_500, Currency::Usd),
        date_in_days(30),
    );
    let link = client
        .payment_links()
        .create(&s.terminal_id, &PaymentLink::from(link))
        .await?;
    let link_id = link.payment_link_id().unwrap_or_default().to_owned();
    println!("   link {link_id}: {}", link.payment_url().unwrap_or("?"));
    let shared = client
        .payment_links()
        .share(
            &link_id,
            &PaymentLinkEmailShareEvent::email(vec![Recipient::new(
                "Sarah Hopper",
                "sarah.hopper@example.com",
            )]),
        )
        .await?;
    println!(
        "   shared as event {} with {} recipient(s)",
        shared.sharing_event_id.unwrap_or_default(),
        shared.recipients.len()
    );

    step(
        7,
        "Payroc-managed monthly billing: a plan, a subscription, one cycle collected",
    );
    let plan = PaymentPlan::automatic(
        order_id("PLAN"),
        "Monthly box",
        1999,
        Currency::Usd,
        BillingFrequency::Monthly,
    );
    let plan = client.payment_plans().create(&s.terminal_id, &plan).await?;
    let subscription = SubscriptionRequest::new(
        order_id("SUB"),
        plan.payment_plan_id.clone(),
        saved.token.clone(),
        date_in_days(1),
    );
    let subscription = client
        .subscriptions()
        .create(&s.terminal_id, &subscription)
        .await?;
    println!(
        "   subscription {} on plan {}: first payment due {}",
        subscription.subscription_id,
        plan.payment_plan_id,
        subscription
            .current_state
            .next_due_date
            .as_deref()
            .unwrap_or("-")
    );
    if let Some(server) = &s.mock {
        // The emulator's clock moves a day: the first cycle falls due and is collected.
        let moved = server.mock().advance_clock(1);
        println!(
            "   {}: the gateway collected {} payment(s)",
            moved.today,
            moved.payment_ids.len()
        );
    }

    match &s.paytrace {
        None => step(
            8,
            "PayTrace recurrence: skipped (set PAYTRACE_USERNAME and PAYTRACE_PASSWORD)",
        ),
        Some(paytrace) => {
            step(8, "A PayTrace recurring payment: create, update, export");
            let recurrence = RecurrenceCreate::new(
                "24.95".parse()?,
                RecurrenceFrequency::Monthly,
                us_date_in_days(30),
                TotalCount(12),
            );
            let created = paytrace
                .recurrences()
                .create(&CreateRecurrenceRequest::new(
                    s.paytrace_customer_id,
                    recurrence,
                ))
                .await?;
            let id = created
                .recurrence
                .as_ref()
                .map(|r| r.id.clone())
                .unwrap_or_default();
            println!("   created recurrence {id}: {}", created.status_message);
            let mut update = RecurrenceUpdate::new(id.clone());
            update.amount = Some("29.95".parse()?);
            let updated = paytrace
                .recurrences()
                .update(&UpdateRecurrenceRequest::new(update))
                .await?;
            println!("   updated: {}", updated.status_message);
            let exported = paytrace
                .recurrences()
                .export_by_customer(s.paytrace_customer_id, &ExportRecurrencesRequest::default())
                .await?;
            for r in &exported.recurrences {
                let frequency = r.frequency.as_ref();
                println!(
                    "   exported {}: ${} {} (frequency code {}), next run {}",
                    r.id,
                    r.amount.map(|a| a.to_string()).unwrap_or_default(),
                    frequency.and_then(|f| f.meaning()).unwrap_or("?"),
                    frequency.map(|f| f.to_string()).unwrap_or_default(),
                    r.next_date.as_deref().unwrap_or("-")
                );
            }
        }
    }

    println!("\nDone.");
    Ok(())
}
