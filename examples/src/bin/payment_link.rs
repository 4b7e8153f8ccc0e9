//! Payment links: a single-use invoice link and a multi-use donation link, shared by
//! email, listed, updated and deactivated.
//! Run: `cargo run -p payroc-examples --bin payment_link`.
#![forbid(unsafe_code)]
#![allow(clippy::print_stdout)]

use payroc_core::model::common::PatchDocument;
use payroc_core::model::payment_link::{
    MultiUsePaymentLink, PaymentLink, PaymentLinkCharge, PaymentLinkEmailShareEvent,
    PaymentLinkListQuery, Recipient, SingleUsePaymentLink,
};
use payroc_core::model::Currency;
use payroc_examples::{date_in_days, order_id, setup};
use std::error::Error;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let s = setup().await?;
    let links = s.client.payment_links();
    let invoice = order_id("INV");
    let single = SingleUsePaymentLink::new(
        invoice.clone(),
        invoice,
        PaymentLinkCharge::preset(18_000, Currency::Usd),
        date_in_days(30),
    );
    let link = links
        .create(&s.terminal_id, &PaymentLink::from(single))
        .await?;
    let id = link.payment_link_id().unwrap_or_default().to_owned();
    println!("invoice link {id}: {}", link.payment_url().unwrap_or("?"));
    let event = PaymentLinkEmailShareEvent::email(vec![Recipient::new(
        "Sarah Hopper",
        "sarah.hopper@example.com",
    )]);
    links.share(&id, &event).await?;
    let moved = links
        .update(
            &id,
            &[PatchDocument::replace("/expiresOn", date_in_days(60))],
        )
        .await?;
    println!(
        "new expiry, new URL: {}",
        moved.payment_url().unwrap_or("?")
    );

    let donate = MultiUsePaymentLink::new("DONATIONS", PaymentLinkCharge::prompt(Currency::Usd));
    let donate = links
        .create(&s.terminal_id, &PaymentLink::from(donate))
        .await?;
    println!("donation link: {}", donate.payment_url().unwrap_or("?"));

    let all = links
        .list(&s.terminal_id, &PaymentLinkListQuery::default())?
        .collect_all()
        .await?;
    println!("{} link(s) on the terminal", all.len());
    let closed = links.deactivate(&id).await?;
    println!("invoice link now {:?}", closed.status());
    Ok(())
}
