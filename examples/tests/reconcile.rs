//! The reconciliation example on the embedded emulator: its report flags nothing, and
//! what it says the merchant was paid is what the day's payments, refunds and
//! chargeback come to, to the cent.

use std::process::Command;

/// `12.34` as 1234 cents (the example writes USD).
fn cents(text: &str) -> i64 {
    let (whole, frac) = text.split_once('.').unwrap_or((text, "0"));
    let sign = if whole.starts_with('-') { -1 } else { 1 };
    whole.parse::<i64>().unwrap() * 100 + sign * frac.parse::<i64>().unwrap()
}

#[test]
fn the_report_balances_to_the_cent() {
    let output = Command::new(env!("CARGO_BIN_EXE_reconcile"))
        .env_remove("PAYROC_API_KEY")
        .output()
        .expect("the example runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("0 row(s) flagged"), "{stderr}");
    let csv = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let of = |record: &str| -> Vec<&Vec<&str>> { rows.iter().filter(|r| r[0] == record).collect() };
    let (batches, deposits) = (of("batch"), of("deposit"));
    assert_eq!((batches.len(), deposits.len()), (2, 2), "{csv}");
    let sum =
        |rows: &[&Vec<&str>], column: usize| -> i64 { rows.iter().map(|r| cents(r[column])).sum() };
    // Columns: sales 6, returns 7, fees 8, adjustments 9, net 10.
    assert_eq!(sum(&batches, 6), 4999 + 1250 + 780 + 15_000 + 3210);
    assert_eq!(sum(&batches, 7), 2500);
    assert_eq!(sum(&deposits, 9), 4999, "the chargeback");
    for deposit in &deposits {
        let amount = |i: usize| cents(deposit[i]);
        assert_eq!(amount(10), amount(6) - amount(7) - amount(8) - amount(9));
    }
    assert_eq!(
        sum(&deposits, 10),
        sum(&batches, 10) - sum(&deposits, 8) - sum(&deposits, 9)
    );
}
