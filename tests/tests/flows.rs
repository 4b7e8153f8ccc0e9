//! The Payroc Cloud, payment-link and PayTrace flows through payroc-core against
//! payroc-mock over real HTTP.

use payroc_core::model::cloud::{
    InstructionStatus, PaymentInstruction, PaymentInstructionOrder, PaymentInstructionRequest,
    RefundInstructionOrder, RefundInstructionRequest, SignatureInstructionRequest,
};
use payroc_core::model::common::PatchDocument;
use payroc_core::model::payment_link::{
    MultiUsePaymentLink, PaymentLink, PaymentLinkCharge, PaymentLinkEmailShareEvent,
    PaymentLinkListQuery, PaymentLinkStatus, Recipient, SharingEventListQuery,
    SingleUsePaymentLink,
};
use payroc_core::model::paytrace::{
    CreateRecurrenceRequest, DeleteRecurrenceRequest, ExportRecurrencesRequest, RecurrenceCreate,
    RecurrenceFrequency, RecurrenceUpdate, TotalCount, UpdateRecurrenceRequest,
};
use payroc_core::model::Currency;
use payroc_core::{CancelHandle, CloudSaleOutcome, ErrorKind, WaitOptions};
use payroc_tests::{paytrace, start, TERMINAL};
use std::time::{Duration, Instant};

fn instruction(order_id: &str, amount: i64) -> PaymentInstructionRequest {
    PaymentInstructionRequest::new(
        TERMINAL,
        PaymentInstructionOrder::new(order_id, amount, Currency::Usd),
    )
}

#[tokio::test]
async fn a_sale_on_a_device_ends_in_an_approved_or_declined_payment() {
    let (_server, client) = start().await;
    let cloud = client.payroc_cloud();
    let sale = cloud
        .run_sale(
            "PAX-1",
            &instruction("POS-1", 1250),
            &WaitOptions::default(),
        )
        .await
        .unwrap();
    assert!(sale.is_approved());
    let payment = sale.payment().unwrap();
    assert_ne!(
        Some(payment.payment_id.as_str()),
        sale.instruction.id(),
        "instruction id ≠ payment id"
    );
    assert_eq!(sale.instruction.status, Some(InstructionStatus::Completed));

    let declined = cloud
        .run_sale(
            "PAX-1",
            &instruction("POS-2", 1201),
            &WaitOptions::default(),
        )
        .await
        .unwrap();
    assert!(matches!(declined.outcome, CloudSaleOutcome::Completed(_)));
    assert!(
        !declined.is_approved(),
        "completed, yet declined: read the payment"
    );

    let failed = cloud
        .run_sale(
            "PAX-1",
            &instruction("POS-3", 1291),
            &WaitOptions::default(),
        )
        .await
        .unwrap();
    assert!(
        matches!(failed.outcome, CloudSaleOutcome::Failed(Some(_))),
        "{:?}",
        failed.outcome
    );
    let canceled = cloud
        .run_sale(
            "PAX-1",
            &instruction("POS-4", 1292),
            &WaitOptions::default(),
        )
        .await
        .unwrap();
    assert!(matches!(canceled.outcome, CloudSaleOutcome::Canceled));

    let unknown = cloud
        .run_sale(
            "UNKNOWN-9",
            &instruction("POS-5", 1250),
            &WaitOptions::default(),
        )
        .await
        .unwrap_err();
    assert_eq!(unknown.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn a_wait_stops_at_its_deadline_and_cancels_the_instruction() {
    let (_server, client) = start().await;
    let cloud = client.payroc_cloud();
    let submitted = cloud
        .submit_payment("PAX-2", &instruction("POS-STUCK", 1293))
        .await
        .unwrap();
    let id = submitted.id().unwrap().to_owned();
    let started = Instant::now();
    let err = cloud
        .wait::<PaymentInstruction>(&id, &WaitOptions::deadline(Duration::from_millis(700)))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "the deadline cut the long poll short"
    );
    let after: PaymentInstruction = cloud.retrieve(&id).await.unwrap();
    assert_eq!(
        after.status,
        Some(InstructionStatus::Canceled),
        "cancelled at the deadline"
    );
    let again = cloud.cancel::<PaymentInstruction>(&id).await.unwrap_err();
    assert_eq!(again.kind(), ErrorKind::Conflict);
}

#[tokio::test]
async fn a_wait_can_be_cancelled_from_another_task() {
    let (_server, client) = start().await;
    let cloud = client.payroc_cloud();
    let submitted = cloud
        .submit_payment("PAX-3", &instruction("POS-CXL", 1293))
        .await
        .unwrap();
    let id = submitted.id().unwrap().to_owned();
    let cancel = CancelHandle::new();
    let trigger = cancel.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        trigger.cancel();
    });
    let options = WaitOptions {
        cancel: Some(cancel),
        ..WaitOptions::default()
    };
    let err = cloud
        .wait::<PaymentInstruction>(&id, &options)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled);
    let after: PaymentInstruction = cloud.retrieve(&id).await.unwrap();
    assert_eq!(after.status, Some(InstructionStatus::Canceled));
}

#[tokio::test]
async fn refund_and_signature_instructions_complete() {
    let (_server, client) = start().await;
    let cloud = client.payroc_cloud();
    let request = RefundInstructionRequest::new(
        TERMINAL,
        RefundInstructionOrder::new("RFD-1", 700, Currency::Usd, "returned goods"),
    );
    let (instruction, refund) = cloud
        .run_refund("PAX-4", &request, &WaitOptions::default())
        .await
        .unwrap();
    assert_eq!(instruction.status, Some(InstructionStatus::Completed));
    assert!(refund.unwrap().is_approved());
    let signature = cloud
        .submit_signature("PAX-4", &SignatureInstructionRequest::new(TERMINAL))
        .await
        .unwrap();
    let done: payroc_core::model::cloud::SignatureInstruction = cloud
        .wait(signature.id().unwrap(), &WaitOptions::default())
        .await
        .unwrap();
    let href = done.resource_href().unwrap().to_owned();
    let captured: payroc_core::model::cloud::Signature = cloud.follow(&href).await.unwrap();
    assert_eq!(captured.content_type.as_deref(), Some("image/png"));
}

#[tokio::test]
async fn payment_links_are_created_shared_listed_updated_and_deactivated() {
    let (_server, client) = start().await;
    let links = client.payment_links();
    let single = SingleUsePaymentLink::new(
        "INV-1",
        "INV-1",
        PaymentLinkCharge::preset(12_500, Currency::Usd),
        "2030-12-31",
    );
    let created = links
        .create(TERMINAL, &PaymentLink::from(single))
        .await
        .unwrap();
    let id = created.payment_link_id().unwrap().to_owned();
    assert_eq!(created.status(), Some(PaymentLinkStatus::Active));
    let url = created.payment_url().unwrap().to_owned();

    let multi = MultiUsePaymentLink::new("DONATE", PaymentLinkCharge::prompt(Currency::Usd));
    links
        .create(TERMINAL, &PaymentLink::from(multi))
        .await
        .unwrap();

    let shared = links
        .share(
            &id,
            &PaymentLinkEmailShareEvent::email(vec![Recipient::new(
                "Sarah Hopper",
                "sarah@example.com",
            )]),
        )
        .await
        .unwrap();
    assert!(shared.sharing_event_id.is_some());
    let events = links
        .list_sharing_events(&id, &SharingEventListQuery::default())
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(events.len(), 1);

    let all = links
        .list(TERMINAL, &PaymentLinkListQuery::default())
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);

    let updated = links
        .update(&id, &[PatchDocument::replace("/expiresOn", "2031-01-31")])
        .await
        .unwrap();
    assert_ne!(
        updated.payment_url(),
        Some(url.as_str()),
        "a single-use update issues a new URL"
    );
    let refused = links
        .update(&id, &[PatchDocument::replace("/merchantReference", "X")])
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::BadRequest);

    let deactivated = links.deactivate(&id).await.unwrap();
    assert_eq!(deactivated.status(), Some(PaymentLinkStatus::Deactivated));
    let again = links.deactivate(&id).await.unwrap_err();
    assert_eq!(again.kind(), ErrorKind::Conflict);
    let invalid = PaymentLinkEmailShareEvent::email(vec![Recipient::new("", "not-an-email")]);
    assert_eq!(
        links.share(&id, &invalid).await.unwrap_err().kind(),
        ErrorKind::Validation
    );
}

#[tokio::test]
async fn paytrace_recurrences_are_created_updated_exported_and_deleted() {
    let (server, _client) = start().await;
    let paytrace = paytrace(&server);
    let recurrence = RecurrenceCreate::new(
        "24.95".parse().unwrap(),
        RecurrenceFrequency::Monthly,
        "01/01/2031",
        TotalCount(12),
    );
    let created = paytrace
        .create_recurrence(&CreateRecurrenceRequest::new(4242, recurrence))
        .await
        .unwrap();
    assert!(created.success);
    let id = created.recurrence.unwrap().id;
    let mut update = RecurrenceUpdate::new(id.clone());
    update.amount = Some("80.05".parse().unwrap());
    assert!(
        paytrace
            .update_recurrence(&UpdateRecurrenceRequest::new(update))
            .await
            .unwrap()
            .success
    );
    let exported = paytrace
        .export_customer_recurrences(4242, &ExportRecurrencesRequest::default())
        .await
        .unwrap();
    assert_eq!(exported.recurrences.len(), 1);
    assert_eq!(exported.recurrences[0].amount.unwrap().to_string(), "80.05");
    let by_id = paytrace
        .export_recurrence(id.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        by_id.recurrence.unwrap().frequency,
        Some(RecurrenceFrequency::Monthly)
    );
    assert!(
        paytrace
            .list_customer_recurrences(4242)
            .await
            .unwrap()
            .success
    );
    assert!(paytrace.export_approved(4242).await.unwrap().success);
    assert!(
        paytrace
            .delete_recurrence(&DeleteRecurrenceRequest::new(id))
            .await
            .unwrap()
            .success
    );
    let gone = paytrace
        .export_customer_recurrences(4242, &ExportRecurrencesRequest::default())
        .await
        .unwrap();
    assert!(gone.recurrences.is_empty());

    let invalid = RecurrenceCreate::new(
        "-1.00".parse().unwrap(),
        RecurrenceFrequency::Monthly,
        "2031-01-01",
        TotalCount(0),
    );
    let err = paytrace
        .create_recurrence(&CreateRecurrenceRequest::new(4242, invalid))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(
        server.mock().counters().paytrace_token,
        1,
        "validation failed before any request"
    );
}

#[tokio::test]
async fn paytrace_tokens_refresh_with_the_refresh_token() {
    let config = payroc_mock::MockConfig {
        token_lifetime: Duration::from_secs(1),
        ..payroc_mock::MockConfig::for_tests()
    };
    let (server, _client) = payroc_tests::start_with(config).await;
    let paytrace = paytrace(&server);
    paytrace.list_customer_recurrences(1).await.unwrap();
    server.mock().expire_tokens();
    paytrace.list_customer_recurrences(1).await.unwrap();
    let grants: Vec<_> = server
        .mock()
        .counters()
        .paytrace_grants
        .iter()
        .map(|g| {
            (
                g.grant_type.clone().unwrap_or_default(),
                g.refresh_token_sent,
                g.client_secret_sent,
                g.status,
            )
        })
        .collect();
    assert_eq!(
        grants,
        [
            ("client_credentials".to_owned(), false, true, 201),
            // The refresh token the first grant issued, redeemed (201): not the
            // password sent again.
            ("refresh_token".to_owned(), true, false, 201),
        ],
        "one client-credentials grant, then one refresh with the refresh token"
    );
    assert_eq!(server.mock().counters().paytrace_token, 2);
}
