//! Settlement reconciliation for a bookkeeper: for every day of a date range, walk the
//! batches, the transactions in each and the ACH deposits that paid them, and write a
//! CSV with one row per batch and per deposit, flagging (`CHECK`) anything that does
//! not add up: a batch whose totals differ from its transactions', a deposit whose
//! sales and returns differ from its batches', whose fees differ from its fee lines, or
//! whose net amount is not sales − returns − fees − adjustments.
//!
//! `cargo run -p payroc-examples --bin reconcile [FROM TO [OUT.csv]]` (dates
//! `YYYY-MM-DD`; the CSV goes to stdout without `OUT.csv`). On the embedded emulator it
//! first makes a day of payments, refunds and a chargeback and lets the day's batches
//! close, then reports on today. Exits with status 1 when a row is flagged.
#![forbid(unsafe_code)]
#![allow(clippy::print_stdout, clippy::print_stderr)]

use payroc_core::model::card::CardDetails;
use payroc_core::model::common::Channel;
use payroc_core::model::date::Date;
use payroc_core::model::payment::{
    PaymentMethod, PaymentOrderRequest, PaymentRefundRequest, PaymentRequest,
};
use payroc_core::model::settlement::{
    AchDepositFeeListQuery, BatchListQuery, SettlementTransactionType, TransactionListQuery,
};
use payroc_core::model::Currency;
use payroc_core::Client;
use payroc_examples::{date_in_days, order_id, setup, Setup};
use std::collections::BTreeMap;
use std::error::Error;
use std::io::Write;

/// The CSV's columns.
const COLUMNS: [&str; 13] = [
    "record",
    "date",
    "merchant_id",
    "id",
    "currency",
    "transactions",
    "sales",
    "returns",
    "fees",
    "adjustments",
    "net",
    "status",
    "note",
];

/// What the batches a deposit paid add up to.
#[derive(Default)]
struct Paid {
    currency: Option<Currency>,
    sales: i64,
    returns: i64,
    batch_ids: Vec<i64>,
}

/// The day after `date`.
fn next_day(date: Date) -> Date {
    Date::new(date.year(), date.month(), date.day() + 1)
        .or_else(|| Date::new(date.year(), date.month() + 1, 1))
        .or_else(|| Date::new(date.year() + 1, 1, 1))
        .expect("a date after the year 9999")
}

/// Minor units in the major unit (`1234` USD is `12.34`), exactly.
fn money(minor: i64, currency: &Option<Currency>) -> String {
    currency
        .as_ref()
        .and_then(|c| c.format_minor(minor))
        .unwrap_or_else(|| minor.to_string())
}

/// One CSV field, quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn row(out: &mut impl Write, fields: &[String]) -> std::io::Result<()> {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    writeln!(out, "{}", line.join(","))
}

/// Writes the report of `first..=last` to `out`; returns how many rows are flagged.
async fn reconcile(
    client: &Client,
    first: Date,
    last: Date,
    out: &mut impl Write,
) -> Result<usize, Box<dyn Error>> {
    row(out, &COLUMNS.map(str::to_owned))?;
    let mut flagged = 0;
    let mut deposits: BTreeMap<i64, Paid> = BTreeMap::new();
    let mut day = first;
    while day <= last {
        let batches = client
            .batches()
            .list(&BatchListQuery::on(day))?
            .collect_all()
            .await?;
        for batch in batches {
            let batch_id = batch.batch_id.ok_or("a batch without an id")?;
            let currency = batch.currency.clone();
            let transactions = client
                .transactions()
                .list(&TransactionListQuery::in_batch(batch_id))?
                .collect_all()
                .await?;
            let total = |kind: SettlementTransactionType| -> i64 {
                transactions
                    .iter()
                    .filter(|t| t.kind.as_ref() == Some(&kind))
                    .filter_map(|t| t.amount)
                    .sum()
            };
            let (sales, returns) = (
                total(SettlementTransactionType::Capture),
                total(SettlementTransactionType::Return),
            );
            let count = transactions.len() as i64;
            let mut problems = Vec::new();
            if batch.sale_amount != Some(sales) {
                problems.push(format!(
                    "sales {} but transactions {}",
                    money(batch.sale_amount.unwrap_or(0), &currency),
                    money(sales, &currency)
                ));
            }
            if batch.return_amount != Some(returns) {
                problems.push(format!(
                    "returns {} but transactions {}",
                    money(batch.return_amount.unwrap_or(0), &currency),
                    money(returns, &currency)
                ));
            }
            if batch.transaction_count != Some(count) {
                problems.push(format!(
                    "{} transactions reported, {count} listed",
                    batch.transaction_count.unwrap_or(0)
                ));
            }
            let mut paid_by: Vec<i64> = transactions
                .iter()
                .filter_map(|t| t.settled.as_ref()?.ach_deposit_id)
                .collect();
            paid_by.sort_unstable();
            paid_by.dedup();
            if paid_by.len() > 1 {
                problems.push(format!("paid by several deposits {paid_by:?}"));
            }
            for deposit_id in paid_by {
                let paid = deposits.entry(deposit_id).or_default();
                paid.currency = currency.clone();
                paid.sales += sales;
                paid.returns += returns;
                paid.batch_ids.push(batch_id);
            }
            flagged += usize::from(!problems.is_empty());
            let merchant_id = batch
                .merchant
                .as_ref()
                .and_then(|m| m.merchant_id.clone())
                .unwrap_or_default();
            row(
                out,
                &[
                    "batch".into(),
                    batch.date.map(|d| d.to_string()).unwrap_or_default(),
                    merchant_id,
                    batch_id.to_string(),
                    currency.as_ref().map(|c| c.to_string()).unwrap_or_default(),
                    count.to_string(),
                    money(sales, &currency),
                    money(returns, &currency),
                    String::new(),
                    String::new(),
                    money(sales - returns, &currency),
                    if problems.is_empty() { "OK" } else { "CHECK" }.into(),
                    problems.join("; "),
                ],
            )?;
        }
        day = next_day(day);
    }
    for (deposit_id, paid) in deposits {
        let deposit = client
            .ach_deposits()
            .retrieve(&deposit_id.to_string())
            .await?;
        let fee_lines: i64 = client
            .ach_deposit_fees()
            .list(&AchDepositFeeListQuery::of_deposit(deposit_id))?
            .collect_all()
            .await?
            .iter()
            .filter_map(|f| f.amount)
            .sum();
        let n = |v: Option<i64>| v.unwrap_or(0);
        let (sales, returns, fees) = (n(deposit.sales), n(deposit.returns), n(deposit.daily_fees));
        let adjustments = n(deposit.ach_adjustment) + n(deposit.held_sales) + n(deposit.holdback)
            - n(deposit.reserve_release);
        let net = n(deposit.net_amount);
        let currency = &paid.currency;
        let mut problems = Vec::new();
        if (sales, returns) != (paid.sales, paid.returns) {
            problems.push(format!(
                "pays sales {} / returns {}, its batches hold {} / {}",
                money(sales, currency),
                money(returns, currency),
                money(paid.sales, currency),
                money(paid.returns, currency)
            ));
        }
        if fees != fee_lines {
            problems.push(format!(
                "fees {} but fee lines {}",
                money(fees, currency),
                money(fee_lines, currency)
            ));
        }
        if net != deposit.expected_net_amount() {
            problems.push(format!(
                "net {} is not sales - returns - fees - adjustments ({})",
                money(net, currency),
                money(deposit.expected_net_amount(), currency)
            ));
        }
        flagged += usize::from(!problems.is_empty());
        let batches: Vec<String> = paid.batch_ids.iter().map(i64::to_string).collect();
        row(
            out,
            &[
                "deposit".into(),
                deposit.ach_date.map(|d| d.to_string()).unwrap_or_default(),
                deposit
                    .merchant
                    .as_ref()
                    .and_then(|m| m.merchant_id.clone())
                    .unwrap_or_default(),
                deposit_id.to_string(),
                currency.as_ref().map(|c| c.to_string()).unwrap_or_default(),
                n(deposit.transactions).to_string(),
                money(sales, currency),
                money(returns, currency),
                money(fees, currency),
                money(adjustments, currency),
                money(net, currency),
                if problems.is_empty() { "OK" } else { "CHECK" }.into(),
                if problems.is_empty() {
                    format!("batches {}", batches.join(", "))
                } else {
                    problems.join("; ")
                },
            ],
        )?;
    }
    Ok(flagged)
}

/// On the emulator: a day of sales, refunds and a chargeback, settled. The first
/// batch closes now; the chargeback and the later sales close at the cut-off, which
/// the emulator's clock is moved past.
async fn a_day_of_payments(s: &Setup) -> Result<(), Box<dyn Error>> {
    let Some(mock) = &s.mock else {
        return Ok(());
    };
    let sale = |amount: i64| {
        PaymentRequest::new(
            Channel::Web,
            &s.terminal_id,
            PaymentOrderRequest::new(order_id("REC"), amount, Currency::Usd),
            PaymentMethod::card(CardDetails::keyed("4539858876047062", "1230", Some("123"))),
        )
    };
    let mut ids = Vec::new();
    for amount in [4999, 1250, 780, 15_000] {
        ids.push(s.client.payments().create(&sale(amount)).await?.payment_id);
    }
    mock.mock().close_batches();
    s.client
        .payments()
        .refund(&ids[3], &PaymentRefundRequest::new(2500, "returned item"))
        .await?;
    mock.mock().open_dispute(&ids[0], None)?;
    s.client.payments().create(&sale(3210)).await?;
    mock.mock().advance_clock(1);
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let s = setup().await?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (first, last) = match args.as_slice() {
        [first, last, ..] => (first.parse::<Date>()?, last.parse::<Date>()?),
        [] => {
            let today: Date = date_in_days(0).parse()?;
            (today, today)
        }
        _ => return Err("usage: reconcile [FROM TO [OUT.csv]]".into()),
    };
    a_day_of_payments(&s).await?;
    let flagged = match args.get(2) {
        Some(path) => {
            let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
            let flagged = reconcile(&s.client, first, last, &mut file).await?;
            file.flush()?;
            flagged
        }
        None => reconcile(&s.client, first, last, &mut std::io::stdout().lock()).await?,
    };
    eprintln!(
        "{flagged} row(s) flagged, reconciling {first} to {last} on {}",
        s.target
    );
    if flagged > 0 {
        std::process::exit(1);
    }
    Ok(())
}
