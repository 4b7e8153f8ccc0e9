//! Bank transfers (ACH and PAD) through payroc-core against payroc-mock over real HTTP:
//! the states a payment and a refund move through, what each state refuses, how much
//! can be refunded, re-presentment of a returned payment, idempotent replays,
//! validation before the network, and account numbers kept out of sight.
//!
//! Outcomes come from the order amount's last two digits (`01` declined, `10` settled,
//! `11` returned) and the batch is closed with the emulator's settle control.

use payroc_core::model::bank_transfer::{
    BankAccountMethod, BankTransferBankAccount, BankTransferPayment, BankTransferPaymentListQuery,
    BankTransferPaymentMethod, BankTransferPaymentRequest, BankTransferPaymentRequestOrder,
    BankTransferReferencedRefund, BankTransferRefundListQuery, BankTransferRefundOrder,
    BankTransferStatus, BankTransferType, BankTransferUnreferencedRefund, Representment,
};
use payroc_core::model::common::{Channel, CredentialOnFile, SecCode};
use payroc_core::model::payment::{RefundStatus, SecureTokenPaymentMethod};
use payroc_core::model::secure_token::{
    AchSource, PadSource, SecureTokenRequest, SecureTokenSource, SingleUseTokenRequest,
    SingleUseTokenRequestSource, SingleUseTokenSource,
};
use payroc_core::model::{Currency, SensitiveData};
use payroc_core::{Client, Error, ErrorKind, IdempotencyKey, RequestOptions};
use payroc_tests::{start, TERMINAL};

const ACCOUNT: &str = "1234567890";

fn ach_source(account: &str) -> AchSource {
    AchSource {
        name_on_account: "Sarah Hopper".into(),
        account_number: SensitiveData::new(account),
        routing_number: "123456789".into(),
        account_type: None,
        sec_code: Some(SecCode::Web),
    }
}

fn pad_source() -> PadSource {
    PadSource {
        name_on_account: "Jean Tremblay".into(),
        account_number: SensitiveData::new("7654321"),
        transit_number: "76543".into(),
        institution_number: "543".into(),
        account_type: None,
    }
}

fn ach_payment(order_id: &str, amount: i64) -> BankTransferPaymentRequest {
    BankTransferPaymentRequest::new(
        TERMINAL,
        BankTransferPaymentRequestOrder::new(order_id, amount, Currency::Usd),
        BankTransferPaymentMethod::Ach(ach_source(ACCOUNT)),
    )
}

async fn pay(client: &Client, order_id: &str, amount: i64) -> BankTransferPayment {
    client
        .bank_transfer_payments()
        .create(&ach_payment(order_id, amount))
        .await
        .unwrap()
}

fn status(payment: &BankTransferPayment) -> &BankTransferStatus {
    &payment.transaction_result.status
}

fn refund_of(amount: i64) -> BankTransferReferencedRefund {
    BankTransferReferencedRefund::new(amount, "Customer returned the goods")
}

/// The field paths of an error's violations or problem details.
fn paths(err: &Error) -> Vec<String> {
    err.field_errors()
        .into_iter()
        .filter_map(|e| e.parameter)
        .collect()
}

#[tokio::test]
async fn a_payment_waits_in_the_open_batch_until_the_batch_closes() {
    let (server, client) = start().await;
    let payments = client.bank_transfer_payments();
    let payment = pay(&client, "BT-1", 4999).await;
    assert_eq!(*status(&payment), BankTransferStatus::Ready);
    assert_eq!(payment.transaction_result.kind, BankTransferType::Payment);
    assert_eq!(payment.transaction_result.authorized_amount, Some(4999));
    assert_eq!(payment.order.amount, Some(4999));
    assert_eq!(
        payments.retrieve(&payment.payment_id).await.unwrap(),
        payment
    );

    let settled = server.mock().settle_bank_transfers();
    assert_eq!((settled.payments, settled.refunds), (1, 0));
    let read = payments.retrieve(&payment.payment_id).await.unwrap();
    assert_eq!(*status(&read), BankTransferStatus::Complete);
    // Settled: too late to reverse.
    let err = payments.reverse(&payment.payment_id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");

    let declined = pay(&client, "BT-2", 2001).await;
    assert_eq!(*status(&declined), BankTransferStatus::Declined);
    assert_eq!(declined.transaction_result.response_code, "D");
    assert_eq!(declined.transaction_result.authorized_amount, Some(0));
    for err in [
        payments.reverse(&declined.payment_id).await.unwrap_err(),
        payments
            .refund(&declined.payment_id, &refund_of(100))
            .await
            .unwrap_err(),
        payments
            .represent(&declined.payment_id, &Representment::default())
            .await
            .unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    }
    let missing = payments.retrieve("NOSUCHPAY1").await.unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn a_payment_is_reversed_only_while_its_batch_is_open() {
    let (_server, client) = start().await;
    let payments = client.bank_transfer_payments();
    let payment = pay(&client, "BT-REV", 2500).await;
    let reversed = payments.reverse(&payment.payment_id).await.unwrap();
    assert_eq!(*status(&reversed), BankTransferStatus::Reversal);
    let again = payments.reverse(&payment.payment_id).await.unwrap_err();
    assert_eq!(again.kind(), ErrorKind::Conflict);
    // A reversed payment cannot be refunded either.
    let err = payments
        .refund(&payment.payment_id, &refund_of(2500))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    // In the open batch a refund of everything is a reversal; part of it is refused.
    let open = pay(&client, "BT-REV2", 5000).await;
    let part = payments
        .refund(&open.payment_id, &refund_of(2000))
        .await
        .unwrap_err();
    assert_eq!(part.kind(), ErrorKind::Conflict, "{part}");
    let all = payments
        .refund(&open.payment_id, &refund_of(5000))
        .await
        .unwrap();
    assert_eq!(*status(&all), BankTransferStatus::Reversal);
    assert!(all.refunds.is_empty(), "a reversal makes no refund record");
}

#[tokio::test]
async fn a_settled_payment_is_refunded_in_parts_up_to_its_amount() {
    let (server, client) = start().await;
    let payments = client.bank_transfer_payments();
    let refunds = client.bank_transfer_refunds();
    // `10`: settled at once.
    let payment = pay(&client, "BT-REF", 5010).await;
    assert_eq!(*status(&payment), BankTransferStatus::Complete);

    let after_first = payments
        .refund(&payment.payment_id, &refund_of(2000))
        .await
        .unwrap();
    assert_eq!(after_first.refunds.len(), 1);
    let first = &after_first.refunds[0];
    assert_eq!((first.amount, &first.status), (2000, &RefundStatus::Ready));
    let record = refunds.retrieve(&first.refund_id).await.unwrap();
    assert_eq!(record.transaction_result.kind, BankTransferType::Refund);
    assert_eq!(record.transaction_result.authorized_amount, Some(-2000));
    assert_eq!(
        record.payment.as_ref().map(|p| p.payment_id.as_str()),
        Some(payment.payment_id.as_str())
    );

    // 3010 remain: one cent more is refused at `amount`, and nothing changes.
    let err = payments
        .refund(&payment.payment_id, &refund_of(3011))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    assert_eq!(paths(&err), ["amount"]);
    let read = payments.retrieve(&payment.payment_id).await.unwrap();
    assert_eq!(read.refunds.len(), 1);

    // Reversing the open refund gives its amount back.
    let reversed = refunds.reverse(&first.refund_id).await.unwrap();
    assert_eq!(
        reversed.transaction_result.status,
        BankTransferStatus::Reversal
    );
    let read = payments.retrieve(&payment.payment_id).await.unwrap();
    assert_eq!(read.refunds[0].status, RefundStatus::Reversal);
    let again = refunds.reverse(&first.refund_id).await.unwrap_err();
    assert_eq!(again.kind(), ErrorKind::Conflict);

    // All 5010 can go back now: 5000 (settles with the batch), then the last 10.
    let refunded = payments
        .refund(&payment.payment_id, &refund_of(5000))
        .await
        .unwrap();
    assert_eq!(refunded.refunds.len(), 2);
    server.mock().settle_bank_transfers();
    let settled = refunds
        .retrieve(&refunded.refunds[1].refund_id)
        .await
        .unwrap();
    assert_eq!(
        settled.transaction_result.status,
        BankTransferStatus::Complete
    );
    let late = refunds.reverse(&settled.refund_id).await.unwrap_err();
    assert_eq!(late.kind(), ErrorKind::Conflict, "a settled refund stays");
    payments
        .refund(&payment.payment_id, &refund_of(10))
        .await
        .unwrap();
    let nothing_left = payments
        .refund(&payment.payment_id, &refund_of(1))
        .await
        .unwrap_err();
    assert_eq!(paths(&nothing_left), ["amount"]);
}

#[tokio::test]
async fn a_returned_ach_payment_is_represented_once() {
    let (_server, client) = start().await;
    let payments = client.bank_transfer_payments();
    // `11`: settled, then returned by the customer's bank.
    let returned = pay(&client, "BT-RET", 6011).await;
    assert_eq!(*status(&returned), BankTransferStatus::Returned);
    let ret = &returned.returns[0];
    assert_eq!(ret.return_code, "R01");
    assert!(!ret.represented);
    // Money that never arrived is not refunded.
    let err = payments
        .refund(&returned.payment_id, &refund_of(100))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    let new_account = Representment {
        payment_method: Some(BankAccountMethod::Ach(ach_source("5550009876"))),
    };
    let represented = payments
        .represent(&ret.payment_id, &new_account)
        .await
        .unwrap();
    assert!(represented.returns[0].represented);
    let summary = represented.representment.expect("the re-presentment");
    assert_eq!(summary.amount, 6011);
    let again = payments
        .represent(&ret.payment_id, &Representment::default())
        .await
        .unwrap_err();
    assert_eq!(
        again.kind(),
        ErrorKind::Conflict,
        "one re-presentment per return"
    );

    let new = payments.retrieve(&summary.payment_id).await.unwrap();
    assert_eq!(*status(&new), BankTransferStatus::Ready);
    let account = new.bank_account.account_number().unwrap().expose_secret();
    assert!(account.ends_with("9876"), "the new account: {account}");
    // Only a returned payment is re-presented.
    let err = payments
        .represent(&new.payment_id, &Representment::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    // PAD debits are not re-presented.
    let mut pad = ach_payment("BT-PAD", 7011);
    pad.payment_method = BankTransferPaymentMethod::Pad(pad_source());
    pad.order.currency = Some(Currency::Cad);
    let pad = payments.create(&pad).await.unwrap();
    assert!(matches!(pad.bank_account, BankTransferBankAccount::Pad(_)));
    assert_eq!(*status(&pad), BankTransferStatus::Returned);
    let err = payments
        .represent(&pad.payment_id, &Representment::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
}

#[tokio::test]
async fn saved_and_single_use_bank_tokens_pay_and_cards_do_not() {
    let (_server, client) = start().await;
    let payments = client.bank_transfer_payments();
    let saved = client
        .secure_tokens()
        .create(
            TERMINAL,
            &SecureTokenRequest::new(SecureTokenSource::Ach(ach_source(ACCOUNT))),
        )
        .await
        .unwrap();
    let by_token = |token: &str| {
        let mut request = ach_payment("BT-TOK", 1500);
        request.payment_method = BankTransferPaymentMethod::SecureToken(SecureTokenPaymentMethod {
            token: token.to_owned(),
            account_type: None,
            sec_code: None,
        });
        request
    };
    let paid = payments.create(&by_token(&saved.token)).await.unwrap();
    let BankTransferBankAccount::Ach(account) = &paid.bank_account else {
        panic!("an ACH account: {:?}", paid.bank_account);
    };
    assert_eq!(
        account.secure_token.as_ref().map(|t| t.token.as_str()),
        Some(saved.token.as_str())
    );
    let unknown = payments
        .create(&by_token("296753999995"))
        .await
        .unwrap_err();
    assert_eq!(paths(&unknown), ["paymentMethod.token"]);
    let card = client
        .secure_tokens()
        .create(
            TERMINAL,
            &SecureTokenRequest::card(payroc_core::model::card::CardDetails::keyed(
                "4539858876047062",
                "1230",
                Some("123"),
            )),
        )
        .await
        .unwrap();
    let err = payments.create(&by_token(&card.token)).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    assert_eq!(paths(&err), ["paymentMethod.token"]);

    let single = client
        .single_use_tokens()
        .create(
            TERMINAL,
            &SingleUseTokenRequest {
                channel: Channel::Web,
                source: SingleUseTokenRequestSource::Pad(pad_source()),
                operator: None,
            },
        )
        .await
        .unwrap();
    let mut request = ach_payment("BT-SUT", 1500);
    request.payment_method = BankTransferPaymentMethod::SingleUseToken(SingleUseTokenSource::new(
        single.token.clone().expect("a token"),
    ));
    let paid = payments.create(&request).await.unwrap();
    assert!(matches!(paid.bank_account, BankTransferBankAccount::Pad(_)));
    let used = payments.create(&request).await.unwrap_err();
    assert_eq!(
        paths(&used),
        ["paymentMethod.token"],
        "a single-use token works once"
    );

    // `tokenize` saves the account; the token then pays an unreferenced refund.
    let mut request = ach_payment("BT-SAVE", 1500);
    request.credential_on_file = Some(CredentialOnFile {
        tokenize: Some(true),
        secure_token_id: Some("bank-account-1".into()),
        ..CredentialOnFile::default()
    });
    let paid = payments.create(&request).await.unwrap();
    let BankTransferBankAccount::Ach(account) = &paid.bank_account else {
        panic!("an ACH account");
    };
    let token = account.secure_token.clone().expect("saved");
    assert_eq!(token.secure_token_id, "bank-account-1");
    let taken = payments.create(&request).await.unwrap_err();
    assert_eq!(taken.kind(), ErrorKind::Conflict, "the id is taken");
    let refund = client
        .bank_transfer_refunds()
        .create(&BankTransferUnreferencedRefund::new(
            TERMINAL,
            BankTransferRefundOrder::new("BT-UNREF", 700, Currency::Usd),
            BankAccountMethod::SecureToken(SecureTokenPaymentMethod {
                token: token.token.clone(),
                account_type: None,
                sec_code: None,
            }),
        ))
        .await
        .unwrap();
    assert_eq!(
        refund.transaction_result.kind,
        BankTransferType::UnreferencedRefund
    );
    assert_eq!(refund.transaction_result.authorized_amount, Some(-700));
    assert!(refund.payment.is_none());
}

#[tokio::test]
async fn a_replayed_request_moves_money_once() {
    let (server, client) = start().await;
    let key = IdempotencyKey::new();
    let payments = client
        .bank_transfer_payments()
        .options(RequestOptions::idempotency_key(key.clone()));
    let request = ach_payment("BT-ONCE", 4010);
    let first = payments.create(&request).await.unwrap();
    let second = payments.create(&request).await.unwrap();
    assert_eq!(first, second);
    let counters = server.mock().counters();
    assert_eq!(counters.payments_per_order_id.get("BT-ONCE"), Some(&1));
    assert_eq!(counters.idempotent_replays, 1);

    let refund_key = IdempotencyKey::new();
    let refunding = client
        .bank_transfer_payments()
        .options(RequestOptions::idempotency_key(refund_key));
    refunding
        .refund(&first.payment_id, &refund_of(1000))
        .await
        .unwrap();
    let replayed = refunding
        .refund(&first.payment_id, &refund_of(1000))
        .await
        .unwrap();
    assert_eq!(replayed.refunds.len(), 1, "one refund, not two");
    let read = client
        .bank_transfer_payments()
        .retrieve(&first.payment_id)
        .await
        .unwrap();
    assert_eq!(read.refunds.len(), 1);
    // The same key with another body is refused, not replayed.
    let err = refunding
        .refund(&first.payment_id, &refund_of(999))
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Conflict | ErrorKind::BadRequest),
        "{err}"
    );
}

#[tokio::test]
async fn an_invalid_request_is_refused_before_the_network_with_every_path() {
    let (server, client) = start().await;
    let mut request = BankTransferPaymentRequest::new(
        TERMINAL,
        BankTransferPaymentRequestOrder {
            order_id: Some("BT-BAD".into()),
            currency: Some(Currency::Usd),
            ..Default::default()
        },
        BankTransferPaymentMethod::Ach(AchSource {
            routing_number: "12345".into(),
            ..ach_source("9988776655")
        }),
    );
    let err = client
        .bank_transfer_payments()
        .create(&request)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(paths(&err), ["order.amount", "paymentMethod.routingNumber"]);
    // The account number shows nowhere: not in the error, not in Debug.
    assert!(!err.to_string().contains("9988776655"));
    assert!(!format!("{err:?}").contains("9988776655"));
    assert!(!format!("{request:?}").contains("9988776655"));

    request.order.amount = Some(100);
    request.payment_method = BankTransferPaymentMethod::Pad(PadSource {
        transit_number: "7654".into(),
        institution_number: "5430".into(),
        ..pad_source()
    });
    let err = client
        .bank_transfer_payments()
        .create(&request)
        .await
        .unwrap_err();
    assert_eq!(
        paths(&err),
        [
            "paymentMethod.transitNumber",
            "paymentMethod.institutionNumber"
        ]
    );
    let refund = client
        .bank_transfer_payments()
        .refund("ANY", &refund_of(0))
        .await
        .unwrap_err();
    assert_eq!(paths(&refund), ["amount"]);
    let unreferenced = client
        .bank_transfer_refunds()
        .create(&BankTransferUnreferencedRefund::new(
            "",
            BankTransferRefundOrder::default(),
            BankAccountMethod::Ach(ach_source("")),
        ))
        .await
        .unwrap_err();
    assert_eq!(
        paths(&unreferenced),
        [
            "processingTerminalId",
            "order.orderId",
            "order.amount",
            "order.currency",
            "refundMethod.accountNumber"
        ]
    );
    let requests = server.mock().counters().requests;
    assert!(
        !requests.keys().any(|k| k.contains("bank-transfer")),
        "nothing was sent: {requests:?}"
    );
}

#[tokio::test]
async fn the_emulator_masks_account_numbers_and_debug_hides_them() {
    let (_server, client) = start().await;
    let payment = pay(&client, "BT-MASK", 1234).await;
    let BankTransferBankAccount::Ach(account) = &payment.bank_account else {
        panic!("an ACH account");
    };
    assert_eq!(account.account_number.expose_secret(), "******7890");
    assert_eq!(account.routing_number, "*****6789");
    let shown = format!("{payment:?}");
    assert!(!shown.contains("7890"), "{shown}");
}

#[tokio::test]
async fn the_lists_filter_and_page() {
    let (server, client) = start().await;
    let payments = client.bank_transfer_payments();
    for (i, amount) in [1000, 2010, 3011, 4001, 5000].into_iter().enumerate() {
        pay(&client, &format!("BT-L{i}"), amount).await;
    }
    let mut pad = ach_payment("BT-LPAD", 6000);
    pad.payment_method = BankTransferPaymentMethod::Pad(pad_source());
    payments.create(&pad).await.unwrap();
    let everything = payments
        .list(&BankTransferPaymentListQuery::terminal(TERMINAL))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(everything.len(), 6);

    let mut query = BankTransferPaymentListQuery::terminal(TERMINAL);
    query.page.limit = Some(2);
    let all = payments.list(&query).unwrap().collect_all().await.unwrap();
    let ids: Vec<&str> = all.iter().map(|p| p.payment_id.as_str()).collect();
    let expected: Vec<&str> = everything.iter().map(|p| p.payment_id.as_str()).collect();
    assert_eq!(
        ids, expected,
        "pages of two add up to the whole list, in order"
    );

    let count = |query: BankTransferPaymentListQuery| {
        let payments = client.bank_transfer_payments();
        async move {
            payments
                .list(&query)
                .unwrap()
                .collect_all()
                .await
                .unwrap()
                .len()
        }
    };
    let mut q = BankTransferPaymentListQuery::terminal(TERMINAL);
    q.status = vec![BankTransferStatus::Returned, BankTransferStatus::Declined];
    assert_eq!(count(q).await, 2);
    let mut q = BankTransferPaymentListQuery::terminal(TERMINAL);
    q.settlement_state = Some(payroc_core::model::payment::SettlementState::Settled);
    assert_eq!(
        count(q).await,
        2,
        "2010 settled, 3011 settled then returned"
    );
    let mut q = BankTransferPaymentListQuery::terminal(TERMINAL);
    q.last4 = Some("4321".into());
    assert_eq!(count(q).await, 1, "the PAD account");
    let mut q = BankTransferPaymentListQuery::terminal(TERMINAL);
    q.name_on_account = Some("Sarah Hopper".into());
    q.order_id = Some("BT-L4".into());
    assert_eq!(count(q).await, 1);
    assert_eq!(
        count(BankTransferPaymentListQuery::terminal("9999001")).await,
        0
    );
    server.mock().settle_bank_transfers();
    let mut q = BankTransferPaymentListQuery::terminal(TERMINAL);
    q.status = vec![BankTransferStatus::Complete];
    assert_eq!(count(q).await, 4);

    // Refused before the network: no terminal, a refund type on the payment list.
    let err = payments
        .list(&BankTransferPaymentListQuery::default())
        .unwrap_err();
    assert_eq!(paths(&err), ["processingTerminalId"]);
    let mut q = BankTransferPaymentListQuery::terminal(TERMINAL);
    q.kind = vec![BankTransferType::Refund];
    assert_eq!(paths(&payments.list(&q).unwrap_err()), ["type"]);

    // Refunds: one referenced, one unreferenced (reversed).
    let refunds = client.bank_transfer_refunds();
    let settled_payment = &everything[1];
    payments
        .refund(&settled_payment.payment_id, &refund_of(500))
        .await
        .unwrap();
    let unreferenced = refunds
        .create(&BankTransferUnreferencedRefund::new(
            TERMINAL,
            BankTransferRefundOrder::new("BT-LU", 300, Currency::Usd),
            BankAccountMethod::Ach(ach_source(ACCOUNT)),
        ))
        .await
        .unwrap();
    refunds.reverse(&unreferenced.refund_id).await.unwrap();
    let mut q = BankTransferRefundListQuery::terminal(TERMINAL);
    q.page.limit = Some(1);
    assert_eq!(
        refunds.list(&q).unwrap().collect_all().await.unwrap().len(),
        2
    );
    let mut q = BankTransferRefundListQuery::terminal(TERMINAL);
    q.kind = vec![BankTransferType::UnreferencedRefund];
    q.status = vec![BankTransferStatus::Reversal];
    let listed = refunds.list(&q).unwrap().collect_all().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].refund_id, unreferenced.refund_id);
    let missing = refunds.retrieve("NOSUCHREF1").await.unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
    let missing = refunds.reverse("NOSUCHREF1").await.unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
}
