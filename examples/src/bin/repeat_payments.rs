//! A year of monthly payments from your own scheduler: the first payment saves the
//! card and starts the series; each later one carries `subsequent` standing
//! instructions that refer to the first. The series is plain data a scheduler can
//! store between runs. Run: `cargo run -p payroc-examples --bin repeat_payments`.
#![forbid(unsafe_code)]
#![allow(clippy::print_stdout)]

use payroc_core::model::card::CardDetails;
use payroc_core::model::common::Channel;
use payroc_core::model::payment::{
    PaymentMethod, PaymentOrderRequest, PaymentRequest, ProcessingModel,
};
use payroc_core::model::Currency;
use payroc_core::repeat::RepeatPaymentSeries;
use payroc_examples::{order_id, setup};
use std::error::Error;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let s = setup().await?;
    let first = PaymentRequest::new(
        Channel::Web,
        s.terminal_id.clone(),
        PaymentOrderRequest::new(order_id("GYM-01"), 3900, Currency::Usd),
        PaymentMethod::card(CardDetails::keyed("4111111111111111", "1229", Some("321"))),
    );
    let started = s
        .client
        .repeat_payments()
        .start(first, ProcessingModel::Recurring)
        .await?;
    println!(
        "month 1: {} approved {}",
        started.payment.payment_id,
        started.payment.is_approved()
    );
    let stored = serde_json::to_string(&started.series?)?;
    println!("series to store: {stored}");

    for month in 2..=12 {
        let series: RepeatPaymentSeries = serde_json::from_str(&stored)?;
        let order =
            PaymentOrderRequest::new(order_id(&format!("GYM-{month:02}")), 3900, Currency::Usd);
        let payment = s
            .client
            .repeat_payments()
            .charge(&series, order, Vec::new())
            .await?;
        println!(
            "month {month}: {} approved {}",
            payment.payment_id,
            payment.is_approved()
        );
    }
    Ok(())
}
