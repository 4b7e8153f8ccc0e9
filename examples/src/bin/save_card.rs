//! Save a customer's card as a secure token, read it back, list the terminal's
//! tokens, then delete it. Run: `cargo run -p payroc-examples --bin save_card`.
#![forbid(unsafe_code)]
#![allow(clippy::print_stdout)]

use payroc_core::model::card::CardDetails;
use payroc_core::model::common::{ContactMethod, Customer};
use payroc_core::model::secure_token::{SecureTokenListQuery, SecureTokenRequest};
use payroc_examples::setup;
use std::error::Error;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let s = setup().await?;
    let tokens = s.client.secure_tokens();
    let mut request =
        SecureTokenRequest::card(CardDetails::keyed("5555555555554444", "0830", Some("123")));
    request.customer = Some(Customer {
        first_name: Some("Sarah".into()),
        last_name: Some("Hopper".into()),
        contact_methods: vec![ContactMethod::email("sarah.hopper@example.com")],
        ..Customer::default()
    });
    let saved = tokens.create(&s.terminal_id, &request).await?;
    println!(
        "saved {} as token {} ({})",
        saved.secure_token_id, saved.token, saved.status
    );
    let read = tokens
        .retrieve(&s.terminal_id, &saved.secure_token_id)
        .await?;
    println!("read back: {:?}", read.source);
    let all = tokens
        .list(&s.terminal_id, &SecureTokenListQuery::default())?
        .collect_all()
        .await?;
    println!("the terminal holds {} token(s)", all.len());
    tokens
        .delete(&s.terminal_id, &saved.secure_token_id)
        .await?;
    println!("deleted {}", saved.secure_token_id);
    Ok(())
}
