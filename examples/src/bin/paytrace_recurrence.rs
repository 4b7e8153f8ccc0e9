//! PayTrace recurring payments: create a monthly recurrence for a Vault customer,
//! change its amount, export it, then delete it.
//! Run: `cargo run -p payroc-examples --bin paytrace_recurrence`.
#![forbid(unsafe_code)]
#![allow(clippy::print_stdout)]

use payroc_core::model::paytrace::{
    CreateRecurrenceRequest, DeleteRecurrenceRequest, RecurrenceCreate, RecurrenceFrequency,
    RecurrenceUpdate, TotalCount, UpdateRecurrenceRequest,
};
use payroc_examples::{setup, us_date_in_days};
use std::error::Error;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let s = setup().await?;
    let Some(paytrace) = s.paytrace else {
        println!("set PAYTRACE_USERNAME and PAYTRACE_PASSWORD to run against PayTrace");
        return Ok(());
    };
    let mut recurrence = RecurrenceCreate::new(
        "49.95".parse()?,
        RecurrenceFrequency::Monthly,
        us_date_in_days(30),
        TotalCount(24),
    );
    recurrence.description = Some("Monthly service plan".into());
    let created = paytrace
        .recurrences()
        .create(&CreateRecurrenceRequest::new(
            s.paytrace_customer_id,
            recurrence,
        ))
        .await?;
    let id = created.recurrence.map(|r| r.id).unwrap_or_default();
    println!("created recurrence {id}: {}", created.status_message);
    let mut change = RecurrenceUpdate::new(id.clone());
    change.amount = Some("54.95".parse()?);
    paytrace
        .recurrences()
        .update(&UpdateRecurrenceRequest::new(change))
        .await?;
    let exported = paytrace.recurrences().export(id.parse()?).await?;
    if let Some(r) = exported.recurrence {
        println!(
            "now ${} {}",
            r.amount.map(|a| a.to_string()).unwrap_or_default(),
            r.frequency.and_then(|f| f.meaning()).unwrap_or("?")
        );
    }
    let deleted = paytrace
        .recurrences()
        .delete(&DeleteRecurrenceRequest::new(id))
        .await?;
    println!("deleted: {}", deleted.status_message);
    Ok(())
}
