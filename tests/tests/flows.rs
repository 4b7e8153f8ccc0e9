//! The Payroc Cloud, payment-link and PayTrace flows through payroc-core against
//! payroc-mock over real HTTP.

use payroc_core::model::cloud::{
    InstructionStatus, PaymentInstructionOrder, PaymentInstructionRequest, RefundInstructionOrder,
    RefundInstructionRequest, SignatureInstructionRequest,
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
use payroc_mock::{Fault, QueuedFault};
use payroc_tests::{paytrace, start, TERMINAL};
use std::time::{Duration, Instant};

/// What every Cloud wait here is given when the test is not about deadlines: long
/// enough never to be reached, so a regression that never ends fails instead of
/// hanging the test run.
fn bounded() -> WaitOptions {
    WaitOptions::deadline(Duration::from_secs(30))
}

/// Makes the next cancel of a `kind` (`payment` or `refund`) instruction meet an
/// instruction the device has just completed: the gateway answers the DELETE `409`.
fn complete_on_cancel(server: &payroc_mock::MockServer, kind: &str) {
    server
        .mock()
        .queue_faults(vec![QueuedFault::new(Fault::CompleteOnCancel)
            .method("DELETE")
            .path_prefix(&format!("/v1/{kind}-instructions/"))]);
}

fn instruction(order_id: &str, amount: i64) -> PaymentInstructionRequest {
    PaymentInstructionRequest::new(
        TERMINAL,
        PaymentInstructionOrder::new(order_id, amount, Currency::Usd),
    )
}

#[tokio::test]
async fn a_sale_on_a_device_ends_in_an_approved_or_declined_payment() {
    let (_server, client) = start().await;
    let sale = client
        .payment_instructions()
        .run_sale("PAX-1", &instruction("POS-1", 1250), &bounded())
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

    let declined = client
        .payment_instructions()
        .run_sale("PAX-1", &instruction("POS-2", 1201), &bounded())
        .await
        .unwrap();
    assert!(matches!(declined.outcome, CloudSaleOutcome::Completed(_)));
    assert!(
        !declined.is_approved(),
        "completed, yet declined: read the payment"
    );

    let failed = client
        .payment_instructions()
        .run_sale("PAX-1", &instruction("POS-3", 1291), &bounded())
        .await
        .unwrap();
    assert!(
        matches!(failed.outcome, CloudSaleOutcome::Failed(Some(_))),
        "{:?}",
        failed.outcome
    );
    let canceled = client
        .payment_instructions()
        .run_sale("PAX-1", &instruction("POS-4", 1292), &bounded())
        .await
        .unwrap();
    assert!(matches!(canceled.outcome, CloudSaleOutcome::Canceled));

    let unknown = client
        .payment_instructions()
        .run_sale("UNKNOWN-9", &instruction("POS-5", 1250), &bounded())
        .await
        .unwrap_err();
    assert_eq!(unknown.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn a_wait_stops_at_its_deadline_and_cancels_the_instruction() {
    // Polls held for a minute: a wait that ends within seconds was cut short by its
    // deadline, not by the hold, however loaded the machine is.
    let (_server, client) = payroc_tests::start_with(payroc_mock::MockConfig {
        long_poll_hold: Duration::from_secs(60),
        ..payroc_mock::MockConfig::for_tests()
    })
    .await;
    let submitted = client
        .payment_instructions()
        .submit("PAX-2", &instruction("POS-STUCK", 1293))
        .await
        .unwrap();
    let id = submitted.id().unwrap().to_owned();
    let started = Instant::now();
    let err = client
        .payment_instructions()
        .wait(&id, &WaitOptions::deadline(Duration::from_millis(700)))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "the deadline cut the minute-long poll short: {:?}",
        started.elapsed()
    );
    let after = client.payment_instructions().retrieve(&id).await.unwrap();
    assert_eq!(
        after.status,
        Some(InstructionStatus::Canceled),
        "cancelled at the deadline"
    );
    let again = client.payment_instructions().cancel(&id).await.unwrap_err();
    assert_eq!(again.kind(), ErrorKind::Conflict);
}

#[tokio::test]
async fn a_wait_can_be_cancelled_from_another_task() {
    let (_server, client) = start().await;
    let submitted = client
        .payment_instructions()
        .submit("PAX-3", &instruction("POS-CXL", 1293))
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
        ..bounded()
    };
    let err = client
        .payment_instructions()
        .wait(&id, &options)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled);
    let after = client.payment_instructions().retrieve(&id).await.unwrap();
    assert_eq!(after.status, Some(InstructionStatus::Canceled));
}

/// A cancel switch that fires after `after`.
fn cancel_after(after: Duration) -> CancelHandle {
    let cancel = CancelHandle::new();
    let trigger = cancel.clone();
    tokio::spawn(async move {
        tokio::time::sleep(after).await;
        trigger.cancel();
    });
    cancel
}

/// How a wait is stopped in the race tests: at its deadline, or by its cancel switch.
#[derive(Debug, Clone, Copy)]
enum Stop {
    Deadline,
    Switch,
}

impl Stop {
    /// Options that stop a wait on an instruction that never ends by itself after
    /// about 300 ms, and bound it anyway.
    fn options(self) -> WaitOptions {
        match self {
            Self::Deadline => WaitOptions::deadline(Duration::from_millis(300)),
            Self::Switch => WaitOptions {
                cancel: Some(cancel_after(Duration::from_millis(300))),
                ..bounded()
            },
        }
    }
}

// The race a POS must never lose: the wait gives up (deadline or cancel switch) just
// as the device completes the sale, so the gateway answers the cancel with 409. The
// completed instruction, and its payment, must be returned: a Cancelled or Timeout
// error would make the till charge the customer again.

#[tokio::test]
async fn a_wait_stopped_as_the_instruction_completes_returns_the_completed_instruction() {
    for stop in [Stop::Deadline, Stop::Switch] {
        let (server, client) = start().await;
        // `..93`: the device never finishes by itself; only the cancel's race does.
        let submitted = client
            .payment_instructions()
            .submit("PAX-RACE", &instruction("POS-RACE-W", 1293))
            .await
            .unwrap();
        let id = submitted.id().unwrap().to_owned();
        complete_on_cancel(&server, "payment");
        let done = client
            .payment_instructions()
            .wait(&id, &stop.options())
            .await
            .unwrap_or_else(|err| panic!("{stop:?}: the completed sale was reported as {err}"));
        assert_eq!(done.status, Some(InstructionStatus::Completed), "{stop:?}");
        let payment: payroc_core::model::payment::Payment = client
            .payroc_cloud()
            .follow(done.resource_href().unwrap())
            .await
            .unwrap();
        assert!(payment.is_approved(), "{stop:?}");
        let deletes = server
            .mock()
            .requests_on("/v1/payment-instructions/{paymentInstructionId}")
            .into_iter()
            .filter(|r| r.method == "DELETE")
            .count();
        assert_eq!(deletes, 1, "{stop:?}: the wait did try to cancel");
    }
}

#[tokio::test]
async fn a_sale_stopped_as_it_completes_returns_the_sale_and_its_payment() {
    for stop in [Stop::Deadline, Stop::Switch] {
        let (server, client) = start().await;
        complete_on_cancel(&server, "payment");
        let sale = client
            .payment_instructions()
            .run_sale(
                "PAX-RACE",
                &instruction("POS-RACE-S", 1293),
                &stop.options(),
            )
            .await
            .unwrap_or_else(|err| panic!("{stop:?}: the completed sale was reported as {err}"));
        assert!(
            matches!(sale.outcome, CloudSaleOutcome::Completed(_)),
            "{stop:?}: {:?}",
            sale.outcome
        );
        assert!(sale.is_approved(), "{stop:?}");
        assert_eq!(
            server
                .mock()
                .counters()
                .payments_per_order_id
                .get("POS-RACE-S"),
            Some(&1),
            "{stop:?}: exactly the one payment the device made"
        );
    }
}

#[tokio::test]
async fn a_refund_stopped_as_it_completes_returns_the_refund() {
    for stop in [Stop::Deadline, Stop::Switch] {
        let (server, client) = start().await;
        complete_on_cancel(&server, "refund");
        let request = RefundInstructionRequest::new(
            TERMINAL,
            RefundInstructionOrder::new("RFD-RACE", 793, Currency::Usd, "returned goods"),
        );
        let (instruction, refund) = client
            .refund_instructions()
            .run_refund("PAX-RACE", &request, &stop.options())
            .await
            .unwrap_or_else(|err| panic!("{stop:?}: the completed refund was reported as {err}"));
        assert_eq!(
            instruction.status,
            Some(InstructionStatus::Completed),
            "{stop:?}"
        );
        assert!(refund.expect("the refund made").is_approved(), "{stop:?}");
    }
}

#[tokio::test]
async fn refund_and_signature_instructions_complete() {
    let (_server, client) = start().await;
    let request = RefundInstructionRequest::new(
        TERMINAL,
        RefundInstructionOrder::new("RFD-1", 700, Currency::Usd, "returned goods"),
    );
    let (instruction, refund) = client
        .refund_instructions()
        .run_refund("PAX-4", &request, &bounded())
        .await
        .unwrap();
    assert_eq!(instruction.status, Some(InstructionStatus::Completed));
    assert!(refund.unwrap().is_approved());
    let signature = client
        .signature_instructions()
        .submit("PAX-4", &SignatureInstructionRequest::new(TERMINAL))
        .await
        .unwrap();
    let done = client
        .signature_instructions()
        .wait(signature.id().unwrap(), &bounded())
        .await
        .unwrap();
    let href = done.resource_href().unwrap().to_owned();
    let captured: payroc_core::model::cloud::Signature =
        client.payroc_cloud().follow(&href).await.unwrap();
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
        // Links expire by the emulator's clock: a date relative to today, never past.
        payroc_mock::date_in_days(90),
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
        .update(
            &id,
            &[PatchDocument::replace(
                "/expiresOn",
                payroc_mock::date_in_days(120),
            )],
        )
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
        payroc_mock::us_date_in_days(30),
        TotalCount(12),
    );
    let created = paytrace
        .recurrences()
        .create(&CreateRecurrenceRequest::new(4242, recurrence))
        .await
        .unwrap();
    assert!(created.success);
    let id = created.recurrence.unwrap().id;
    let mut update = RecurrenceUpdate::new(id.clone());
    update.amount = Some("80.05".parse().unwrap());
    assert!(
        paytrace
            .recurrences()
            .update(&UpdateRecurrenceRequest::new(update))
            .await
            .unwrap()
            .success
    );
    let exported = paytrace
        .recurrences()
        .export_by_customer(4242, &ExportRecurrencesRequest::default())
        .await
        .unwrap();
    assert_eq!(exported.recurrences.len(), 1);
    assert_eq!(exported.recurrences[0].amount.unwrap().to_string(), "80.05");
    let by_id = paytrace
        .recurrences()
        .export(id.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        by_id.recurrence.unwrap().frequency,
        Some(RecurrenceFrequency::Monthly)
    );
    assert!(
        paytrace
            .recurrences()
            .list_by_customer(4242)
            .await
            .unwrap()
            .success
    );
    assert!(
        paytrace
            .recurrences()
            .export_approved(4242)
            .await
            .unwrap()
            .success
    );
    assert!(
        paytrace
            .recurrences()
            .delete(&DeleteRecurrenceRequest::new(id))
            .await
            .unwrap()
            .success
    );
    let gone = paytrace
        .recurrences()
        .export_by_customer(4242, &ExportRecurrencesRequest::default())
        .await
        .unwrap();
    assert!(gone.recurrences.is_empty());

    let invalid = RecurrenceCreate::new(
        "-1.00".parse().unwrap(),
        RecurrenceFrequency::Monthly,
        // Invalid twice over: an ISO date where PayTrace takes MM/DD/YYYY.
        payroc_mock::date_in_days(30),
        TotalCount(0),
    );
    let err = paytrace
        .recurrences()
        .create(&CreateRecurrenceRequest::new(4242, invalid))
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
    paytrace.recurrences().list_by_customer(1).await.unwrap();
    server.mock().expire_tokens();
    paytrace.recurrences().list_by_customer(1).await.unwrap();
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
