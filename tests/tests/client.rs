//! payroc-core against payroc-mock over real HTTP: tokens, validation, payments and
//! their follow-ups, secure tokens, refunds, lists.

use payroc_core::model::card::CardDetails;
use payroc_core::model::common::PatchDocument;
use payroc_core::model::page::PageQuery;
use payroc_core::model::payment::{
    PaymentCaptureRequest, PaymentListQuery, PaymentRefundRequest, PaymentReverseRequest,
    ProcessingModel, Sequence, SupportedOperation, TransactionStatus,
};
use payroc_core::model::secure_token::{
    SecureTokenListQuery, SecureTokenPatch, SecureTokenRequest,
};
use payroc_core::ErrorKind;
use payroc_tests::{card_sale, start, token_sale, TERMINAL};
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_concurrent_calls_fetch_one_token() {
    let (server, client) = start().await;
    let mut tasks = Vec::new();
    for i in 0..64 {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            client
                .payments()
                .create(&card_sale(&format!("CONC-{i}"), 1000))
                .await
        }));
    }
    for task in tasks {
        assert!(task.await.unwrap().unwrap().is_approved());
    }
    let counters = server.mock().counters();
    assert_eq!(
        counters.authorize, 1,
        "exactly one /authorize for 64 concurrent calls"
    );
    assert_eq!(counters.payments_per_order_id.len(), 64);
}

#[tokio::test]
async fn an_expired_token_is_refreshed_and_the_call_retried_once() {
    let (server, client) = start().await;
    client
        .payments()
        .create(&card_sale("EXP-1", 1000))
        .await
        .unwrap();
    server.mock().expire_tokens();
    let payment = client
        .payments()
        .create(&card_sale("EXP-2", 1000))
        .await
        .unwrap();
    assert!(payment.is_approved());
    assert_eq!(server.mock().counters().authorize, 2);
    let ledger = server.mock().ledger();
    assert_eq!(
        ledger["payments"].as_array().unwrap().len(),
        2,
        "the refused attempt created nothing"
    );
}

#[tokio::test]
async fn a_refused_api_key_is_an_authentication_error_without_the_key() {
    let config = payroc_mock::MockConfig {
        api_key: Some("the-right-key".into()),
        ..payroc_mock::MockConfig::for_tests()
    };
    let (server, client) = payroc_tests::start_with(config).await;
    let err = client.payments().retrieve("NOPE").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(err.status(), Some(401));
    assert!(!format!("{err} {err:?}").contains("integration-test-key"));
    let requests = server.mock().counters().requests;
    assert_eq!(requests.get("GET /v1/payments/{paymentId}"), None);
    assert_eq!(
        requests.get("POST /authorize"),
        Some(&1),
        "a refused key is asked once, not refreshed"
    );
}

#[tokio::test]
async fn invalid_requests_never_reach_the_network() {
    let (server, client) = start().await;
    let mut request = card_sale("", -5);
    request.payment_method = payroc_core::model::payment::PaymentMethod::card(CardDetails::keyed(
        "4111111111111112",
        "1330",
        None,
    ));
    let err = client.payments().create(&request).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let paths: Vec<_> = err
        .field_errors()
        .into_iter()
        .filter_map(|e| e.parameter)
        .collect();
    assert_eq!(
        paths,
        [
            "order.orderId",
            "order.amount",
            "paymentMethod.cardDetails.keyedData.cardNumber",
            "paymentMethod.cardDetails.keyedData.expiryDate"
        ]
    );
    let counters = server.mock().counters();
    assert!(
        counters.requests.is_empty(),
        "nothing was sent: {:?}",
        counters.requests
    );
    assert_eq!(counters.authorize, 0);
}

#[tokio::test]
async fn a_sale_is_approved_declined_or_partly_approved_by_amount() {
    let (_server, client) = start().await;
    let approved = client
        .payments()
        .create(&card_sale("AMT-OK", 4999))
        .await
        .unwrap();
    assert!(approved.is_approved() && !approved.is_partial_approval());
    assert_eq!(approved.card.card_number.to_string(), "453985******7062");
    let declined = client
        .payments()
        .create(&card_sale("AMT-DECL", 1001))
        .await
        .unwrap();
    assert!(declined.is_declined() && !declined.is_approved());
    assert_eq!(
        declined.transaction_result.status,
        TransactionStatus::Declined
    );
    let partial = client
        .payments()
        .create(&card_sale("AMT-PART", 1002))
        .await
        .unwrap();
    assert!(partial.is_partial_approval());
    assert_eq!(partial.transaction_result.authorized_amount, Some(501));
}

#[tokio::test]
async fn secure_tokens_round_trip_and_a_deleted_token_fails_a_payment() {
    let (_server, client) = start().await;
    let tokens = client.secure_tokens();
    let card = CardDetails::keyed("4539858876047062", "1230", Some("123"));
    let saved = tokens
        .create(TERMINAL, &SecureTokenRequest::card(card))
        .await
        .unwrap();
    assert!(
        payroc_core::model::secure_token::is_secure_token_number(&saved.token),
        "{}",
        saved.token
    );
    let read = tokens
        .retrieve(TERMINAL, &saved.secure_token_id)
        .await
        .unwrap();
    assert_eq!(read.token, saved.token);
    let updated = tokens
        .update(
            TERMINAL,
            &saved.secure_token_id,
            &SecureTokenPatch::new(vec![PatchDocument::add("/mitAgreement", "recurring")]),
        )
        .await
        .unwrap();
    assert_eq!(
        updated.mit_agreement,
        Some(payroc_core::model::common::MitAgreement::Recurring)
    );
    let read_only = tokens
        .update(
            TERMINAL,
            &saved.secure_token_id,
            &SecureTokenPatch::new(vec![PatchDocument::replace("/token", "296753000000")]),
        )
        .await
        .unwrap_err();
    assert_eq!(
        read_only.kind(),
        ErrorKind::Validation,
        "refused before sending"
    );
    let listed = tokens
        .list(TERMINAL, &SecureTokenListQuery::default())
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert!(listed
        .iter()
        .any(|t| t.secure_token_id == saved.secure_token_id));

    let paid = client
        .payments()
        .create(&token_sale("TOK-1", 2500, &saved.token))
        .await
        .unwrap();
    assert!(paid.is_approved());
    tokens
        .delete(TERMINAL, &saved.secure_token_id)
        .await
        .unwrap();
    let err = tokens
        .retrieve(TERMINAL, &saved.secure_token_id)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = client
        .payments()
        .create(&token_sale("TOK-2", 2500, &saved.token))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    assert_eq!(
        err.field_errors()[0].parameter.as_deref(),
        Some("paymentMethod.token")
    );
}

#[tokio::test]
async fn a_repeat_series_tokenizes_then_charges_with_subsequent_standing_instructions() {
    let (_server, client) = start().await;
    let started = client
        .repeat_payments()
        .start(card_sale("SER-1", 2999), ProcessingModel::Recurring)
        .await
        .unwrap();
    assert!(started.payment.is_approved());
    let series = started
        .series
        .expect("an approved, tokenized first payment starts a series");
    assert_eq!(series.standing_instructions.sequence, Sequence::Subsequent);
    let reference = series
        .standing_instructions
        .reference_data_of_first_txn
        .clone()
        .unwrap();
    assert_eq!(
        reference.payment_id.as_deref(),
        Some(started.payment.payment_id.as_str())
    );
    assert_eq!(
        reference.card_scheme_reference_id,
        started.payment.transaction_result.card_scheme_reference_id
    );
    for month in 2..=4 {
        let order = payroc_core::model::payment::PaymentOrderRequest::new(
            format!("SER-{month}"),
            2999,
            payroc_core::model::Currency::Usd,
        );
        let next = client
            .repeat_payments()
            .charge(&series, order, Vec::new())
            .await
            .unwrap();
        assert!(next.is_approved());
        let si = next.order.standing_instructions.unwrap();
        assert_eq!(si.sequence, Sequence::Subsequent);
        assert_eq!(si.processing_model, ProcessingModel::Recurring);
    }
    let declined = client
        .repeat_payments()
        .start(card_sale("SER-DECL", 1001), ProcessingModel::Installment)
        .await
        .unwrap();
    assert!(
        declined.series.is_err(),
        "a declined first payment starts no series"
    );
}

#[tokio::test]
async fn pre_authorization_capture_reverse_and_refund_follow_the_payment_state() {
    let (_server, client) = start().await;
    let payments = client.payments();
    let mut preauth = card_sale("PRE-1", 5000);
    preauth.auto_capture = Some(false);
    let auth = payments.create(&preauth).await.unwrap();
    assert!(auth.supports(&SupportedOperation::Capture));
    let captured = payments
        .capture(
            &auth.payment_id,
            &PaymentCaptureRequest {
                amount: Some(4000),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(!captured.supports(&SupportedOperation::Capture));
    let again = payments
        .capture(&auth.payment_id, &PaymentCaptureRequest::default())
        .await
        .unwrap_err();
    assert_eq!(again.kind(), ErrorKind::Conflict);

    let sale = payments.create(&card_sale("REV-1", 3000)).await.unwrap();
    let reversed = payments
        .reverse(&sale.payment_id, &PaymentReverseRequest::default())
        .await
        .unwrap();
    assert_eq!(
        reversed.transaction_result.status,
        TransactionStatus::Reversal
    );
    let twice = payments
        .reverse(&sale.payment_id, &PaymentReverseRequest::default())
        .await
        .unwrap_err();
    assert_eq!(twice.kind(), ErrorKind::Conflict);

    let mut settled = card_sale("REF-1", 3000);
    settled.process_as_sale = Some(true);
    let settled = payments.create(&settled).await.unwrap();
    let refunded = payments
        .refund(
            &settled.payment_id,
            &PaymentRefundRequest::new(1000, "damaged box"),
        )
        .await
        .unwrap();
    assert_eq!(refunded.refunds.len(), 1);
    let refund = client
        .refunds()
        .retrieve(&refunded.refunds[0].refund_id)
        .await
        .unwrap();
    assert_eq!(refund.transaction_result.authorized_amount, Some(-1000));

    let missing = payments.retrieve("NOSUCHPAY1").await.unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
    assert!(missing.problem().is_some());
}

#[tokio::test]
async fn lists_follow_the_next_links() {
    let (_server, client) = start().await;
    for i in 0..7 {
        client
            .payments()
            .create(&card_sale(&format!("LIST-{i}"), 1000 + i * 100))
            .await
            .unwrap();
    }
    let query = PaymentListQuery {
        page: PageQuery::limit(3),
        ..PaymentListQuery::default()
    };
    let mut pager = client.payments().list(&query).unwrap();
    let mut sizes = Vec::new();
    while let Some(page) = pager.next_page().await.unwrap() {
        sizes.push(page.data.len());
    }
    assert_eq!(sizes, [3, 3, 1]);
    let all = client
        .payments()
        .list(&query)
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    let ids: std::collections::HashSet<_> = all.iter().map(|p| p.payment_id.clone()).collect();
    assert_eq!(ids.len(), 7);

    use futures_core::Stream;
    let mut stream = Box::pin(client.payments().list(&query).unwrap());
    let mut n = 0;
    while let Some(item) = std::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
        item.unwrap();
        n += 1;
    }
    assert_eq!(n, 7);
    let bad = PaymentListQuery {
        page: PageQuery {
            limit: Some(0),
            ..PageQuery::default()
        },
        ..PaymentListQuery::default()
    };
    assert_eq!(
        client.payments().list(&bad).unwrap_err().kind(),
        ErrorKind::Validation
    );
}

#[test]
fn the_blocking_facade_works_from_many_threads() {
    // The emulator runs on a runtime of its own; the blocking client brings another.
    let emulator = tokio::runtime::Runtime::new().unwrap();
    let server = emulator
        .block_on(payroc_mock::start(payroc_mock::MockConfig::for_tests()))
        .unwrap();
    let client = Arc::new(
        payroc_core::blocking::BlockingClient::new(
            payroc_core::Client::builder()
                .api_key("k")
                .base_urls(server.api_url(), server.base_url()),
        )
        .unwrap(),
    );
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let client = client.clone();
            std::thread::spawn(move || {
                let request = card_sale(&format!("BLK-{i}"), 1000);
                client.payments().create(&request)
            })
        })
        .collect();
    for thread in threads {
        assert!(thread.join().unwrap().unwrap().is_approved());
    }
    assert_eq!(server.mock().counters().authorize, 1);
    assert_eq!(server.mock().counters().payments_per_order_id.len(), 8);
}

#[tokio::test]
async fn adjustments_unreferenced_refunds_and_single_use_tokens() {
    use payroc_core::model::common::Channel;
    use payroc_core::model::payment::{
        AdjustmentStatus, CardPaymentMethod, OrderAdjustment, PaymentAdjustRequest,
        PaymentAdjustment, PaymentMethod, SignatureAdjustment, StatusAdjustment,
    };
    use payroc_core::model::refund::{
        RefundAdjustRequest, RefundAdjustment, RefundListQuery, RefundMethod, RefundOrder,
        RefundRequest,
    };
    use payroc_core::model::secure_token::{
        AccountUpdate, CardSource, SingleUseTokenRequest, SingleUseTokenRequestSource,
    };
    use payroc_core::model::Currency;

    let (_server, client) = start().await;
    let payments = client.payments();
    let sale = payments.create(&card_sale("ADJ-1", 2000)).await.unwrap();
    let signed = payments
        .adjust(
            &sale.payment_id,
            &PaymentAdjustRequest {
                adjustments: vec![PaymentAdjustment::Signature(SignatureAdjustment {
                    cardholder_signature: "a1b1c0".into(),
                })],
                operator: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(signed.card.cardholder_signature.as_deref(), Some("a1b1c0"));
    let twice = payments
        .adjust(
            &sale.payment_id,
            &PaymentAdjustRequest {
                adjustments: vec![PaymentAdjustment::Signature(SignatureAdjustment {
                    cardholder_signature: "zz".into(),
                })],
                operator: None,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(
        twice.kind(),
        ErrorKind::Conflict,
        "a signature cannot be replaced"
    );
    let pending = payments
        .adjust(
            &sale.payment_id,
            &PaymentAdjustRequest {
                adjustments: vec![PaymentAdjustment::Status(StatusAdjustment {
                    to_status: AdjustmentStatus::Pending,
                })],
                operator: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        pending.transaction_result.status,
        TransactionStatus::Pending
    );
    let empty = payments
        .adjust(
            &sale.payment_id,
            &PaymentAdjustRequest {
                adjustments: vec![],
                operator: None,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(empty.kind(), ErrorKind::Validation);
    let bad_amount = PaymentAdjustment::Order(OrderAdjustment {
        amount: -1,
        breakdown: None,
    });
    let err = payments
        .adjust(
            &sale.payment_id,
            &PaymentAdjustRequest {
                adjustments: vec![bad_amount],
                operator: None,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.field_errors()[0].parameter.as_deref(),
        Some("adjustments[0].amount")
    );

    let refunds = client.refunds();
    let method = RefundMethod::Card(CardPaymentMethod {
        card_details: CardDetails::keyed("4539858876047062", "1230", None),
        account_type: None,
    });
    let mut request = RefundRequest::new(
        Channel::Moto,
        TERMINAL,
        RefundOrder::new("RFD-1", 1500, Currency::Usd),
        method,
    );
    let refund = refunds.create(&request).await.unwrap();
    assert!(refund.is_approved());
    assert_eq!(refund.transaction_result.authorized_amount, Some(-1500));
    let listed = refunds
        .list(&RefundListQuery::default())
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    let adjusted = refunds
        .adjust(
            &refund.refund_id,
            &RefundAdjustRequest {
                adjustments: vec![RefundAdjustment::Status(StatusAdjustment {
                    to_status: AdjustmentStatus::Pending,
                })],
                operator: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        adjusted.transaction_result.status,
        TransactionStatus::Pending
    );
    let reversed = refunds.reverse(&refund.refund_id).await.unwrap();
    assert_eq!(
        reversed.transaction_result.status,
        TransactionStatus::Reversal
    );
    assert_eq!(
        refunds.reverse(&refund.refund_id).await.unwrap_err().kind(),
        ErrorKind::Conflict
    );
    request.channel = Channel::Web;
    assert_eq!(
        refunds.create(&request).await.unwrap_err().kind(),
        ErrorKind::Validation,
        "no web refunds"
    );

    let tokens = client.secure_tokens();
    let single_use = || SingleUseTokenRequest {
        channel: Channel::Web,
        source: SingleUseTokenRequestSource::Card(Box::new(CardSource {
            card_details: CardDetails::keyed("5555555555554444", "0931", Some("321")),
            account_type: None,
            unknown: Default::default(),
        })),
        operator: None,
    };
    let once = client
        .single_use_tokens()
        .create(TERMINAL, &single_use())
        .await
        .unwrap();
    let once_token = once.token.clone().unwrap();
    let paid = payments
        .create(&payroc_core::model::payment::PaymentRequest::new(
            Channel::Web,
            TERMINAL,
            payroc_core::model::payment::PaymentOrderRequest::new("SUT-1", 700, Currency::Usd),
            PaymentMethod::SingleUseToken(
                payroc_core::model::payment::SingleUseTokenPaymentMethod {
                    token: once_token.clone(),
                    pin_details: None,
                    ebt_details: None,
                    sec_code: None,
                    account_type: None,
                },
            ),
        ))
        .await
        .unwrap();
    assert!(paid.is_approved());
    let reused = payments
        .create(&payroc_core::model::payment::PaymentRequest::new(
            Channel::Web,
            TERMINAL,
            payroc_core::model::payment::PaymentOrderRequest::new("SUT-2", 700, Currency::Usd),
            PaymentMethod::SingleUseToken(
                payroc_core::model::payment::SingleUseTokenPaymentMethod {
                    token: once_token,
                    pin_details: None,
                    ebt_details: None,
                    sec_code: None,
                    account_type: None,
                },
            ),
        ))
        .await
        .unwrap_err();
    assert_eq!(
        reused.kind(),
        ErrorKind::BadRequest,
        "a single-use token works once"
    );

    let saved = tokens
        .create(
            TERMINAL,
            &SecureTokenRequest::card(CardDetails::keyed("4539858876047062", "1230", None)),
        )
        .await
        .unwrap();
    let fresh = client
        .single_use_tokens()
        .create(TERMINAL, &single_use())
        .await
        .unwrap();
    let updated = tokens
        .update_account(
            TERMINAL,
            &saved.secure_token_id,
            &AccountUpdate::single_use_token(fresh.token.unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(updated.token, saved.token, "the gateway token stays");
    let shown = format!("{:?}", updated.source);
    assert!(shown.contains("555555******4444"), "{shown}");
}
