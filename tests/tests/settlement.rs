//! Settlement reporting through payroc-core against payroc-mock over real HTTP: the
//! payments and refunds made through the emulator settle into batches, and batches,
//! transactions, authorizations, ACH deposits, their fees and disputes report exactly
//! those amounts, to the cent.

use payroc_core::model::card::CardDetails;
use payroc_core::model::common::Channel;
use payroc_core::model::date::Date;
use payroc_core::model::page::PageQuery;
use payroc_core::model::payment::{
    CardPaymentMethod, PaymentRefundRequest, PaymentReverseRequest, TransactionStatus,
};
use payroc_core::model::refund::{RefundMethod, RefundOrder, RefundRequest};
use payroc_core::model::settlement::{
    AchDepositFeeListQuery, AuthorizationListQuery, AuthorizationResponse, BatchListQuery,
    DatedListQuery, DisputeStatusValue, SettlementTransactionType, Transaction,
    TransactionListQuery, TransactionTypeFilter,
};
use payroc_core::model::Currency;
use payroc_core::{Client, ErrorKind};
use payroc_mock::{date_in_days, MockServer};
use payroc_tests::{card_sale, start, TERMINAL};

/// The emulator's date `days` from today, as a [`Date`].
fn day(days: i64) -> Date {
    date_in_days(days).parse().unwrap()
}

/// Makes an approved sale; returns its id.
async fn sale(client: &Client, order_id: &str, amount: i64) -> String {
    let payment = client
        .payments()
        .create(&card_sale(order_id, amount))
        .await
        .unwrap();
    payment.payment_id
}

/// An unreferenced refund of `amount` to the test card.
async fn unreferenced_refund(client: &Client, amount: i64) -> String {
    let method = RefundMethod::Card(CardPaymentMethod {
        card_details: CardDetails::keyed("4539858876047062", "1230", None),
        account_type: None,
    });
    let request = RefundRequest::new(
        Channel::Moto,
        TERMINAL,
        RefundOrder::new("RFD-1", amount, Currency::Usd),
        method,
    );
    client.refunds().create(&request).await.unwrap().refund_id
}

async fn transactions(client: &Client, query: &TransactionListQuery) -> Vec<Transaction> {
    client
        .transactions()
        .list(query)
        .unwrap()
        .collect_all()
        .await
        .unwrap()
}

fn sum(items: &[Transaction], kind: SettlementTransactionType) -> i64 {
    items
        .iter()
        .filter(|t| t.kind.as_ref() == Some(&kind))
        .filter_map(|t| t.amount)
        .sum()
}

#[tokio::test]
async fn a_closed_batch_reports_exactly_the_payments_and_refunds_made() {
    let (server, client) = start().await;
    let kept = sale(&client, "S-1", 1000).await;
    sale(&client, "S-2", 2550).await;
    sale(&client, "S-3", 999).await;
    // Declined, partly approved (half of 2002), a pre-authorization never captured,
    // and a sale reversed in the open batch.
    sale(&client, "S-4", 1001).await;
    sale(&client, "S-5", 2002).await;
    let mut pre_auth = card_sale("S-6", 3000);
    pre_auth.auto_capture = Some(false);
    client.payments().create(&pre_auth).await.unwrap();
    let reversed = sale(&client, "S-7", 500).await;
    client
        .payments()
        .reverse(&reversed, &PaymentReverseRequest::default())
        .await
        .unwrap();
    // A refund asked for in the open batch reverses part of the sale instead.
    let part = sale(&client, "S-8", 800).await;
    client
        .payments()
        .refund(&part, &PaymentRefundRequest::new(300, "one item"))
        .await
        .unwrap();
    unreferenced_refund(&client, 700).await;

    assert!(
        client
            .batches()
            .list(&BatchListQuery::on(day(0)))
            .unwrap()
            .collect_all()
            .await
            .unwrap()
            .is_empty(),
        "nothing is reported before the batch closes"
    );
    let closed = server.mock().close_batches();
    assert_eq!(closed.len(), 1);

    let batches = client
        .batches()
        .list(&BatchListQuery::on(day(0)))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(batches.len(), 1);
    let batch = &batches[0];
    let sales = 1000 + 2550 + 999 + 1001 + 500;
    assert_eq!(batch.sale_amount, Some(sales));
    assert_eq!(batch.return_amount, Some(700));
    assert_eq!(batch.held_amount, Some(3000));
    assert_eq!(batch.transaction_count, Some(6));
    assert_eq!(batch.currency, Some(Currency::Usd));
    assert_eq!(batch.date, Some(day(0)));
    let batch_id = batch.batch_id.unwrap();
    assert_eq!(
        client
            .batches()
            .retrieve(&batch_id.to_string())
            .await
            .unwrap(),
        *batch
    );

    let settled = transactions(&client, &TransactionListQuery::in_batch(batch_id)).await;
    assert_eq!(settled.len(), 6);
    assert_eq!(sum(&settled, SettlementTransactionType::Capture), sales);
    assert_eq!(sum(&settled, SettlementTransactionType::Return), 700);
    let mut returns = TransactionListQuery::on(day(0));
    returns.transaction_type = Some(TransactionTypeFilter::Return);
    assert_eq!(transactions(&client, &returns).await.len(), 1);

    // Each capture's authorization, read back, is the payment's.
    for t in settled
        .iter()
        .filter(|t| t.kind == Some(SettlementTransactionType::Capture))
    {
        let summary = t.authorization.as_ref().unwrap();
        let authorization = client
            .authorizations()
            .retrieve(&summary.authorization_id.unwrap().to_string())
            .await
            .unwrap();
        assert_eq!(authorization.batch.unwrap().batch_id, Some(batch_id));
        assert_eq!(
            authorization.transaction.unwrap().transaction_id,
            t.transaction_id
        );
        assert_eq!(summary.amount, t.amount);
    }
    let authorizations = client
        .authorizations()
        .list(&AuthorizationListQuery::on(day(0)))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    // Every payment the issuer answered: the declined one, the unsettled pre-auth and
    // the reversed sale too.
    assert_eq!(authorizations.len(), 8);
    assert!(authorizations
        .iter()
        .any(|a| a.authorization_response == Some(AuthorizationResponse::DoNotHonor)));
    assert!(authorizations
        .iter()
        .any(|a| a.authorization_response == Some(AuthorizationResponse::PartialApproval)));
    let in_batch = client
        .authorizations()
        .list(&AuthorizationListQuery::in_batch(batch_id))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(in_batch.len(), 5);

    // The deposit pays the batch less its fees, and its fees are listed.
    let deposit_id = settled[0].settled.as_ref().unwrap().ach_deposit_id.unwrap();
    assert!(settled
        .iter()
        .all(|t| t.settled.as_ref().unwrap().ach_deposit_id == Some(deposit_id)));
    let deposit = client
        .ach_deposits()
        .retrieve(&deposit_id.to_string())
        .await
        .unwrap();
    assert_eq!(deposit.sales, Some(sales));
    assert_eq!(deposit.returns, Some(700));
    assert_eq!(deposit.transactions, Some(6));
    assert_eq!(deposit.net_amount, Some(deposit.expected_net_amount()));
    let fees = client
        .ach_deposit_fees()
        .list(&AchDepositFeeListQuery::of_deposit(deposit_id))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    let fee_total: i64 = fees.iter().filter_map(|f| f.amount).sum();
    assert_eq!(deposit.daily_fees, Some(fee_total));
    let interchange: i64 = settled
        .iter()
        .filter_map(|t| t.interchange.as_ref()?.transaction_fee)
        .sum();
    assert_eq!(fees[0].amount, Some(interchange));
    assert_eq!(interchange, 20 + 51 + 20 + 20 + 10, "2 % of each capture");
    assert_eq!(deposit.net_amount, Some(sales - 700 - fee_total));
    let listed = client
        .ach_deposits()
        .list(&DatedListQuery::on(day(0)))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(listed, vec![deposit.clone()]);
    // The deposit's net amount is the merchant's funding balance now.
    let merchant_id = deposit
        .merchant
        .as_ref()
        .unwrap()
        .merchant_id
        .clone()
        .unwrap();
    let ledger = server.mock().ledger();
    assert_eq!(
        ledger["fundingBalances"][&merchant_id]["funds"].as_i64(),
        deposit.net_amount
    );

    // Settled payments are `complete` now: a refund makes a record, settled next time.
    let payment = client.payments().retrieve(&kept).await.unwrap();
    assert_eq!(
        payment.transaction_result.status,
        TransactionStatus::Complete
    );
    client
        .payments()
        .refund(&kept, &PaymentRefundRequest::new(400, "returned"))
        .await
        .unwrap();
    assert!(
        server.mock().close_batches().len() == 1,
        "the refund is the next batch"
    );
    let later = transactions(&client, &TransactionListQuery::on(day(0))).await;
    assert_eq!(sum(&later, SettlementTransactionType::Return), 700 + 400);
    assert_eq!(later.len(), 7, "nothing settles twice");
}

#[tokio::test]
async fn the_open_batch_closes_when_the_clock_passes_the_cut_off() {
    let (server, client) = start().await;
    sale(&client, "D-1", 1200).await;
    sale(&client, "D-2", 1300).await;
    server.mock().advance_clock(1);
    let yesterday = client
        .batches()
        .list(&BatchListQuery::on(day(0)))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(yesterday.len(), 1);
    assert_eq!(yesterday[0].sale_amount, Some(2500));
    let deposit = client
        .ach_deposits()
        .list(&DatedListQuery::on(day(0)))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(deposit[0].ach_date, Some(day(1)));

    // What is made on the new day waits for the next cut-off.
    sale(&client, "D-3", 4000).await;
    let today = BatchListQuery::on(day(1));
    assert!(client
        .batches()
        .list(&today)
        .unwrap()
        .collect_all()
        .await
        .unwrap()
        .is_empty());
    server.mock().advance_clock(1);
    let batches = client
        .batches()
        .list(&today)
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(batches.len(), 1);
    assert_eq!(batches[0].sale_amount, Some(4000));
    assert!(server.mock().close_batches().is_empty(), "nothing is open");
}

#[tokio::test]
async fn a_dispute_has_a_status_history_and_the_next_deposit_takes_it() {
    let (server, client) = start().await;
    let disputed = sale(&client, "C-1", 5000).await;
    let err = server.mock().open_dispute(&disputed, None).unwrap_err();
    assert!(err.contains("has not settled"), "{err}");
    assert!(server.mock().open_dispute("NOSUCHPAY1", None).is_err());
    server.mock().close_batches();
    assert!(server.mock().open_dispute(&disputed, Some(5001)).is_err());

    let dispute = server.mock().open_dispute(&disputed, Some(2000)).unwrap();
    let dispute_id = dispute.dispute_id.unwrap();
    let listed = client
        .disputes()
        .list(&DatedListQuery::on(day(0)))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(listed, vec![dispute.clone()]);
    assert_eq!(listed[0].dispute_amount, Some(2000));
    assert_eq!(listed[0].first_dispute, Some(true));
    let statuses = client
        .disputes()
        .list_statuses(&dispute_id.to_string())
        .await
        .unwrap();
    assert_eq!(statuses.len(), 1);
    assert_eq!(statuses[0].status, Some(DisputeStatusValue::New));
    server
        .mock()
        .change_dispute_status(dispute_id, DisputeStatusValue::RepresentmentInProgress)
        .unwrap();
    let statuses = client
        .disputes()
        .list_statuses(&dispute_id.to_string())
        .await
        .unwrap();
    let history: Vec<_> = statuses.iter().filter_map(|s| s.status.clone()).collect();
    assert_eq!(
        history,
        [
            DisputeStatusValue::New,
            DisputeStatusValue::RepresentmentInProgress
        ]
    );
    let err = client.disputes().list_statuses("999999").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    // The next deposit takes the chargeback and its fee.
    sale(&client, "C-2", 10_000).await;
    server.mock().close_batches();
    let deposits = client
        .ach_deposits()
        .list(&DatedListQuery::on(day(0)))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    let second = &deposits[1];
    assert_eq!(second.ach_adjustment, Some(2000));
    let fees = client
        .ach_deposit_fees()
        .list(&AchDepositFeeListQuery::of_deposit(
            second.ach_deposit_id.unwrap(),
        ))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(fees.len(), 3, "interchange, batch and dispute fees");
    let fee_total: i64 = fees.iter().filter_map(|f| f.amount).sum();
    assert_eq!(second.daily_fees, Some(fee_total));
    assert_eq!(second.net_amount, Some(10_000 - fee_total - 2000));
}

#[tokio::test]
async fn lists_page_lazily_and_bad_filters_never_reach_the_network() {
    let (server, client): (MockServer, Client) = start().await;
    for i in 0..23 {
        sale(&client, &format!("P-{i}"), 1100 + i * 10).await;
    }
    server.mock().close_batches();
    let mut query = TransactionListQuery::on(day(0));
    query.page = PageQuery::limit(10);
    let mut pager = client.transactions().list(&query).unwrap();
    assert!(server.mock().requests_on("/v1/transactions").is_empty());
    let first = pager.next_page().await.unwrap().unwrap();
    assert_eq!(first.data.len(), 10);
    assert_eq!(server.mock().requests_on("/v1/transactions").len(), 1);
    let mut total = first.data.len();
    while let Some(page) = pager.next_page().await.unwrap() {
        total += page.data.len();
    }
    assert_eq!(total, 23);
    assert_eq!(server.mock().requests_on("/v1/transactions").len(), 3);

    let before = server.mock().requests().len();
    let err = client
        .transactions()
        .list(&TransactionListQuery::default())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(err.field_errors()[0].parameter.as_deref(), Some("date"));
    let err = client
        .ach_deposit_fees()
        .list(&AchDepositFeeListQuery::of_deposit(0))
        .unwrap_err();
    assert_eq!(
        err.field_errors()[0].parameter.as_deref(),
        Some("achDepositId")
    );
    assert_eq!(server.mock().requests().len(), before, "nothing was sent");

    for err in [
        client.batches().retrieve("999999").await.unwrap_err(),
        client.transactions().retrieve("abc").await.unwrap_err(),
        client.authorizations().retrieve("1").await.unwrap_err(),
        client.ach_deposits().retrieve("42").await.unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    }
}
