//! A sale on a Payroc Cloud payment device: submit the instruction, long-poll it
//! until the device is done (or a deadline passes, which cancels it), follow its link
//! to the payment, and tell an approval from a decline.
//! Run: `cargo run -p payroc-examples --bin cloud_sale`.
#![forbid(unsafe_code)]
#![allow(clippy::print_stdout)]

use payroc_core::model::cloud::{PaymentInstructionOrder, PaymentInstructionRequest};
use payroc_core::model::Currency;
use payroc_core::{CloudSaleOutcome, WaitOptions};
use payroc_examples::{order_id, setup};
use std::error::Error;
use std::time::Duration;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let s = setup().await?;
    if s.device_serial.is_empty() {
        println!("set PAYROC_DEVICE_SERIAL to run a sale on a device");
        return Ok(());
    }
    // On the emulator, an amount ending in 01 is declined: the instruction still completes.
    for amount in [2450, 2401] {
        let request = PaymentInstructionRequest::new(
            s.terminal_id.clone(),
            PaymentInstructionOrder::new(order_id("POS"), amount, Currency::Usd),
        );
        let wait = WaitOptions::deadline(Duration::from_secs(120));
        let sale = s
            .client
            .payment_instructions()
            .run_sale(&s.device_serial, &request, &wait)
            .await?;
        match &sale.outcome {
            CloudSaleOutcome::Completed(payment) => println!(
                "{amount}: payment {} {} ({})",
                payment.payment_id,
                if payment.is_approved() {
                    "APPROVED"
                } else {
                    "DECLINED"
                },
                payment
                    .transaction_result
                    .response_message
                    .as_deref()
                    .unwrap_or("")
            ),
            other => println!("{amount}: the device did not complete the sale: {other:?}"),
        }
    }
    Ok(())
}
