//! Payroc-managed recurring billing through payroc-core against payroc-mock over real
//! HTTP: payment plans, their subscriptions, and the charges the emulator's clock and
//! `pay` make, each a payment `GET /payments` returns.

use payroc_core::model::card::CardDetails;
use payroc_core::model::common::PatchDocument;
use payroc_core::model::page::PageQuery;
use payroc_core::model::payment::PaymentListQuery;
use payroc_core::model::payment_link::{
    MultiUsePaymentLink, PaymentLink, PaymentLinkCharge, PaymentLinkStatus,
};
use payroc_core::model::payment_plan::{
    BillingFrequency, PaymentPlan, PaymentPlanOrder, PlanOnDelete, PlanOnUpdate,
    SubscriptionListQuery, SubscriptionPaymentRequest, SubscriptionRecurringOrderRequest,
    SubscriptionRequest, SubscriptionStatus,
};
use payroc_core::model::secure_token::SecureTokenRequest;
use payroc_core::model::Currency;
use payroc_core::{Client, ErrorKind, IdempotencyKey, RequestOptions};
use payroc_mock::{date_in_days, MockServer};
use payroc_tests::{start, TERMINAL};

/// An automatic monthly plan of `amount` cents with no end.
fn monthly(id: &str, amount: i64) -> PaymentPlan {
    PaymentPlan::automatic(
        id,
        "Premium Club",
        amount,
        Currency::Usd,
        BillingFrequency::Monthly,
    )
}

/// Saves a test card on the terminal; returns its gateway token.
async fn saved_card(client: &Client) -> String {
    let card = CardDetails::keyed("4539858876047062", "1230", Some("123"));
    client
        .secure_tokens()
        .create(TERMINAL, &SecureTokenRequest::card(card))
        .await
        .unwrap()
        .token
}

/// How many payments the ledger holds.
async fn payments(client: &Client) -> usize {
    client
        .payments()
        .list(&PaymentListQuery::default())
        .unwrap()
        .collect_all()
        .await
        .unwrap()
        .len()
}

/// Moves the emulator's clock; returns the ids of the payments it collected.
fn advance(server: &MockServer, days: u32) -> Vec<String> {
    server.mock().advance_clock(days).payment_ids
}

#[tokio::test]
async fn the_clock_collects_exactly_the_cycles_that_fall_due() {
    let (server, client) = start().await;
    let mut plan = monthly("PLAN-M", 2500);
    plan.length = Some(3);
    plan.setup_order = Some(PaymentPlanOrder::new(1000, "Joining fee"));
    client
        .payment_plans()
        .create(TERMINAL, &plan)
        .await
        .unwrap();
    let token = saved_card(&client).await;
    let start_date = date_in_days(1);
    let sub = client
        .subscriptions()
        .create(
            TERMINAL,
            &SubscriptionRequest::new("SUB-M", "PLAN-M", &token, &start_date),
        )
        .await
        .unwrap();
    let state = &sub.current_state;
    assert_eq!(state.status, SubscriptionStatus::Active);
    assert_eq!(state.next_due_date.as_deref(), Some(start_date.as_str()));
    assert_eq!(
        (state.paid_invoices, state.outstanding_invoices),
        (0, Some(3))
    );
    assert_eq!(sub.secure_token.token, token);
    assert_eq!(
        payments(&client).await,
        1,
        "the setup fee is charged at once"
    );
    assert!(sub.setup_order.unwrap().order_id.is_some());

    assert!(advance(&server, 0).is_empty(), "nothing is due today");
    let first = advance(&server, 1);
    assert_eq!(first.len(), 1, "the start date's cycle");
    let payment = client.payments().retrieve(&first[0]).await.unwrap();
    assert_eq!(payment.order.amount, Some(2500));
    assert!(payment.order.date_time.unwrap().starts_with(&start_date));
    assert_eq!(payment.card.secure_token.unwrap().token, token);

    // Two more months in one move: both remaining cycles, then nothing.
    assert_eq!(advance(&server, 70).len(), 2);
    let done = client
        .subscriptions()
        .retrieve(TERMINAL, "SUB-M")
        .await
        .unwrap();
    let state = &done.current_state;
    assert_eq!(state.status, SubscriptionStatus::Completed);
    assert_eq!(
        (state.paid_invoices, state.outstanding_invoices),
        (3, Some(0))
    );
    assert_eq!(state.next_due_date, None);
    assert!(advance(&server, 400).is_empty());
    assert_eq!(payments(&client).await, 4);
}

#[tokio::test]
async fn payment_links_expire_by_the_emulators_clock_too() {
    let (server, client) = start().await;
    let mut link = MultiUsePaymentLink::new("CLOCK", PaymentLinkCharge::prompt(Currency::Usd));
    link.expires_on = Some(date_in_days(5));
    let link = client
        .payment_links()
        .create(TERMINAL, &PaymentLink::from(link))
        .await
        .unwrap();
    let id = link.payment_link_id().unwrap();
    advance(&server, 5);
    let read = client.payment_links().retrieve(id).await.unwrap();
    assert_eq!(
        read.status(),
        Some(PaymentLinkStatus::Active),
        "its last day"
    );
    advance(&server, 1);
    let read = client.payment_links().retrieve(id).await.unwrap();
    assert_eq!(read.status(), Some(PaymentLinkStatus::Expired));
    server.mock().reset();
    assert_eq!(
        server.mock().clock().offset_days,
        0,
        "a reset puts the clock back"
    );
}

#[tokio::test]
async fn a_deactivated_subscription_is_not_charged_until_reactivated() {
    let (server, client) = start().await;
    let plan = PaymentPlan::automatic(
        "PLAN-W",
        "Veg box",
        1500,
        Currency::Usd,
        BillingFrequency::Weekly,
    );
    client
        .payment_plans()
        .create(TERMINAL, &plan)
        .await
        .unwrap();
    let token = saved_card(&client).await;
    let subs = client.subscriptions();
    subs.create(
        TERMINAL,
        &SubscriptionRequest::new("SUB-W", "PLAN-W", &token, date_in_days(1)),
    )
    .await
    .unwrap();

    let off = subs.deactivate(TERMINAL, "SUB-W").await.unwrap();
    assert_eq!(off.current_state.status, SubscriptionStatus::Cancelled);
    let read = subs.retrieve(TERMINAL, "SUB-W").await.unwrap();
    assert_eq!(read.current_state.status, SubscriptionStatus::Cancelled);
    assert_eq!(
        subs.deactivate(TERMINAL, "SUB-W").await.unwrap_err().kind(),
        ErrorKind::Conflict
    );
    assert!(
        advance(&server, 16).is_empty(),
        "a cancelled subscription is not charged"
    );

    let on = subs.reactivate(TERMINAL, "SUB-W").await.unwrap();
    assert_eq!(on.current_state.status, SubscriptionStatus::Active);
    assert_eq!(on.current_state.paid_invoices, 0);
    // Missed cycles are skipped: the next one is due on or after the emulator's today.
    let next = on.current_state.next_due_date.unwrap();
    assert!(
        next >= date_in_days(15) && next <= date_in_days(22),
        "{next}"
    );
    assert_eq!(
        subs.reactivate(TERMINAL, "SUB-W").await.unwrap_err().kind(),
        ErrorKind::Conflict
    );
    assert_eq!(advance(&server, 7).len(), 1, "charges resume, one a week");
    assert_eq!(
        subs.retrieve(TERMINAL, "SUB-W")
            .await
            .unwrap()
            .current_state
            .paid_invoices,
        1
    );
}

#[tokio::test]
async fn pay_collects_a_manual_subscription_once_per_idempotency_key() {
    let (server, client) = start().await;
    let mut plan = PaymentPlan::manual(
        "PLAN-MAN",
        "Tuition",
        Currency::Usd,
        BillingFrequency::Monthly,
    );
    plan.length = Some(2);
    client
        .payment_plans()
        .create(TERMINAL, &plan)
        .await
        .unwrap();
    client
        .payment_plans()
        .create(TERMINAL, &monthly("PLAN-AUTO", 900))
        .await
        .unwrap();
    let token = saved_card(&client).await;
    let subs = client.subscriptions();
    subs.create(
        TERMINAL,
        &SubscriptionRequest::new("SUB-MAN", "PLAN-MAN", &token, date_in_days(0)),
    )
    .await
    .unwrap();
    assert!(
        advance(&server, 40).is_empty(),
        "the gateway never collects a manual one"
    );

    let key = IdempotencyKey::new();
    let keyed = client
        .subscriptions()
        .options(RequestOptions::idempotency_key(key));
    let request = SubscriptionPaymentRequest::new("TUITION-1", 12_000);
    let paid = keyed.pay(TERMINAL, "SUB-MAN", &request).await.unwrap();
    assert_eq!(paid.payment.amount, 12_000);
    assert!(paid.payment.response_code.is_approved());
    assert_eq!(paid.current_state.paid_invoices, 1);
    assert_eq!(paid.current_state.outstanding_invoices, Some(1));
    let again = keyed.pay(TERMINAL, "SUB-MAN", &request).await.unwrap();
    assert_eq!(again.payment.payment_id, paid.payment.payment_id);
    assert_eq!(payments(&client).await, 1, "the replay charged nothing");
    assert_eq!(server.mock().counters().idempotent_replays, 1);
    let payment = client
        .payments()
        .retrieve(&paid.payment.payment_id)
        .await
        .unwrap();
    assert_eq!(payment.order.order_id.as_deref(), Some("TUITION-1"));

    let last = subs
        .pay(
            TERMINAL,
            "SUB-MAN",
            &SubscriptionPaymentRequest::new("TUITION-2", 12_000),
        )
        .await
        .unwrap();
    assert_eq!(last.current_state.status, SubscriptionStatus::Completed);
    let refused = subs
        .pay(
            TERMINAL,
            "SUB-MAN",
            &SubscriptionPaymentRequest::new("TUITION-3", 12_000),
        )
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Conflict);
    assert_eq!(refused.status(), Some(409));

    // An automatic subscription is collected by the gateway, not by `pay`.
    subs.create(
        TERMINAL,
        // Dates are the emulator's: 40 days ahead of real time by now.
        &SubscriptionRequest::new("SUB-AUTO", "PLAN-AUTO", &token, date_in_days(41)),
    )
    .await
    .unwrap();
    let auto = subs
        .pay(
            TERMINAL,
            "SUB-AUTO",
            &SubscriptionPaymentRequest::new("X-1", 900),
        )
        .await
        .unwrap_err();
    assert_eq!(auto.kind(), ErrorKind::Conflict);

    // The body is checked before it is sent.
    let before = server.mock().requests().len();
    let mut invalid = SubscriptionPaymentRequest::new("T-4", 0);
    invalid.order.amount = None;
    let err = subs.pay(TERMINAL, "SUB-MAN", &invalid).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(server.mock().requests().len(), before);
    let missing = subs
        .pay(
            TERMINAL,
            "NO-SUCH",
            &SubscriptionPaymentRequest::new("T-5", 100),
        )
        .await
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn pay_on_a_deactivated_subscription_is_refused() {
    let (_server, client) = start().await;
    let plan = PaymentPlan::manual("PLAN-P", "Lessons", Currency::Usd, BillingFrequency::Weekly);
    client
        .payment_plans()
        .create(TERMINAL, &plan)
        .await
        .unwrap();
    let token = saved_card(&client).await;
    let subs = client.subscriptions();
    subs.create(
        TERMINAL,
        &SubscriptionRequest::new("SUB-P", "PLAN-P", &token, date_in_days(0)),
    )
    .await
    .unwrap();
    subs.deactivate(TERMINAL, "SUB-P").await.unwrap();
    let err = subs
        .pay(
            TERMINAL,
            "SUB-P",
            &SubscriptionPaymentRequest::new("L-1", 3000),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(payments(&client).await, 0);
    subs.reactivate(TERMINAL, "SUB-P").await.unwrap();
    subs.pay(
        TERMINAL,
        "SUB-P",
        &SubscriptionPaymentRequest::new("L-2", 3000),
    )
    .await
    .unwrap();
    assert_eq!(payments(&client).await, 1);
}

#[tokio::test]
async fn a_deleted_secure_token_stops_the_charges_of_its_subscriptions() {
    let (server, client) = start().await;
    let plans = client.payment_plans();
    plans
        .create(TERMINAL, &monthly("PLAN-T", 700))
        .await
        .unwrap();
    let manual = PaymentPlan::manual(
        "PLAN-TM",
        "Lessons",
        Currency::Usd,
        BillingFrequency::Weekly,
    );
    plans.create(TERMINAL, &manual).await.unwrap();
    let card = CardDetails::keyed("4539858876047062", "1230", Some("123"));
    let saved = client
        .secure_tokens()
        .create(TERMINAL, &SecureTokenRequest::card(card))
        .await
        .unwrap();
    let subs = client.subscriptions();
    for (sub, plan) in [("SUB-T", "PLAN-T"), ("SUB-TM", "PLAN-TM")] {
        subs.create(
            TERMINAL,
            &SubscriptionRequest::new(sub, plan, &saved.token, date_in_days(1)),
        )
        .await
        .unwrap();
    }
    client
        .secure_tokens()
        .delete(TERMINAL, &saved.secure_token_id)
        .await
        .unwrap();
    let refused = subs
        .pay(
            TERMINAL,
            "SUB-TM",
            &SubscriptionPaymentRequest::new("L-1", 3000),
        )
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Conflict);
    assert!(advance(&server, 1).is_empty());
    let suspended = subs.retrieve(TERMINAL, "SUB-T").await.unwrap();
    assert_eq!(
        suspended.current_state.status,
        SubscriptionStatus::Suspended
    );
    assert_eq!(payments(&client).await, 0);
}

#[tokio::test]
async fn deleting_a_plan_completes_or_continues_its_subscriptions_as_on_delete_says() {
    let (server, client) = start().await;
    let plans = client.payment_plans();
    let mut stopping = monthly("PLAN-STOP", 1100);
    stopping.on_delete = PlanOnDelete::Complete;
    plans.create(TERMINAL, &stopping).await.unwrap();
    plans
        .create(TERMINAL, &monthly("PLAN-GO", 1200))
        .await
        .unwrap();
    let token = saved_card(&client).await;
    let subs = client.subscriptions();
    for (sub, plan) in [("SUB-STOP", "PLAN-STOP"), ("SUB-GO", "PLAN-GO")] {
        subs.create(
            TERMINAL,
            &SubscriptionRequest::new(sub, plan, &token, date_in_days(1)),
        )
        .await
        .unwrap();
    }
    plans.delete(TERMINAL, "PLAN-STOP").await.unwrap();
    plans.delete(TERMINAL, "PLAN-GO").await.unwrap();
    let stopped = subs.retrieve(TERMINAL, "SUB-STOP").await.unwrap();
    assert_eq!(stopped.current_state.status, SubscriptionStatus::Completed);
    assert_eq!(stopped.current_state.next_due_date, None);
    let going = subs.retrieve(TERMINAL, "SUB-GO").await.unwrap();
    assert_eq!(going.current_state.status, SubscriptionStatus::Active);

    let charged = advance(&server, 1);
    assert_eq!(
        charged.len(),
        1,
        "only the continuing subscription is charged"
    );
    let payment = client.payments().retrieve(&charged[0]).await.unwrap();
    assert_eq!(payment.order.amount, Some(1200));

    assert_eq!(
        plans
            .retrieve(TERMINAL, "PLAN-GO")
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        plans.delete(TERMINAL, "PLAN-GO").await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
    let late = subs
        .create(
            TERMINAL,
            &SubscriptionRequest::new("SUB-LATE", "PLAN-GO", &token, date_in_days(2)),
        )
        .await
        .unwrap_err();
    assert_eq!(
        late.kind(),
        ErrorKind::NotFound,
        "a deleted plan takes no subscriptions"
    );
    let reused = plans
        .create(TERMINAL, &monthly("PLAN-GO", 1))
        .await
        .unwrap_err();
    assert_eq!(reused.kind(), ErrorKind::Conflict);
    assert_eq!(
        subs.reactivate(TERMINAL, "SUB-STOP")
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::Conflict,
        "a completed subscription stays completed"
    );
}

#[tokio::test]
async fn a_plan_update_reaches_the_subscriptions_that_inherited_it_when_on_update_says_so() {
    let (server, client) = start().await;
    let plans = client.payment_plans();
    let mut following = monthly("PLAN-UPD", 2000);
    following.on_update = PlanOnUpdate::Update;
    plans.create(TERMINAL, &following).await.unwrap();
    plans
        .create(TERMINAL, &monthly("PLAN-KEEP", 2000))
        .await
        .unwrap();
    let token = saved_card(&client).await;
    let subs = client.subscriptions();
    subs.create(
        TERMINAL,
        &SubscriptionRequest::new("SUB-INHERIT", "PLAN-UPD", &token, date_in_days(1)),
    )
    .await
    .unwrap();
    let mut own = SubscriptionRequest::new("SUB-OWN", "PLAN-UPD", &token, date_in_days(1));
    own.recurring_order = Some(SubscriptionRecurringOrderRequest {
        amount: Some(1500),
        ..Default::default()
    });
    subs.create(TERMINAL, &own).await.unwrap();
    subs.create(
        TERMINAL,
        &SubscriptionRequest::new("SUB-KEEP", "PLAN-KEEP", &token, date_in_days(1)),
    )
    .await
    .unwrap();

    let raise = [
        PatchDocument::replace("/recurringOrder/amount", 2600),
        PatchDocument::replace("/name", "Premium Club Plus"),
    ];
    let updated = plans.update(TERMINAL, "PLAN-UPD", &raise).await.unwrap();
    assert_eq!(updated.recurring_order.unwrap().amount, Some(2600));
    plans.update(TERMINAL, "PLAN-KEEP", &raise).await.unwrap();

    let amount = |sub: &payroc_core::model::payment_plan::Subscription| {
        sub.recurring_order.as_ref().and_then(|o| o.amount)
    };
    let inherit = subs.retrieve(TERMINAL, "SUB-INHERIT").await.unwrap();
    assert_eq!(amount(&inherit), Some(2600));
    assert_eq!(inherit.name, "Premium Club Plus");
    assert_eq!(inherit.payment_plan.name, "Premium Club Plus");
    let own = subs.retrieve(TERMINAL, "SUB-OWN").await.unwrap();
    assert_eq!(amount(&own), Some(1500), "its own amount stays");
    let keep = subs.retrieve(TERMINAL, "SUB-KEEP").await.unwrap();
    assert_eq!(amount(&keep), Some(2000), "onUpdate continue");
    assert_eq!(keep.payment_plan.name, "Premium Club Plus");

    let charged = advance(&server, 1);
    let mut amounts = Vec::new();
    for id in &charged {
        amounts.push(client.payments().retrieve(id).await.unwrap().order.amount);
    }
    amounts.sort();
    assert_eq!(amounts, [Some(1500), Some(2000), Some(2600)]);

    let refused = plans
        .update(
            TERMINAL,
            "PLAN-UPD",
            &[PatchDocument::replace("/paymentPlanId", "X")],
        )
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::BadRequest);
    let invalid = plans
        .update(
            TERMINAL,
            "PLAN-UPD",
            &[PatchDocument::replace("/frequency", "daily")],
        )
        .await
        .unwrap_err();
    assert_eq!(invalid.kind(), ErrorKind::BadRequest);
}

#[tokio::test]
async fn a_subscription_patch_changes_what_the_api_allows_and_nothing_else() {
    let (server, client) = start().await;
    client
        .payment_plans()
        .create(TERMINAL, &monthly("PLAN-S", 1000))
        .await
        .unwrap();
    let token = saved_card(&client).await;
    let subs = client.subscriptions();
    subs.create(
        TERMINAL,
        &SubscriptionRequest::new("SUB-S", "PLAN-S", &token, date_in_days(1)),
    )
    .await
    .unwrap();
    let changed = subs
        .update(
            TERMINAL,
            "SUB-S",
            &[
                PatchDocument::replace("/recurringOrder/amount", 1250),
                PatchDocument::add("/length", 2),
            ],
        )
        .await
        .unwrap();
    assert_eq!(changed.recurring_order.unwrap().amount, Some(1250));
    assert_eq!(changed.current_state.outstanding_invoices, Some(2));
    let charged = advance(&server, 1);
    let payment = client.payments().retrieve(&charged[0]).await.unwrap();
    assert_eq!(payment.order.amount, Some(1250));

    for ops in [
        vec![PatchDocument::remove("/name")],
        vec![PatchDocument::replace("/frequency", "weekly")],
        vec![PatchDocument::replace("/currentState/status", "active")],
        vec![PatchDocument::replace("/recurringOrder/amount", -5)],
    ] {
        let err = subs.update(TERMINAL, "SUB-S", &ops).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadRequest, "{ops:?}");
    }
}

#[tokio::test]
async fn subscription_requests_are_validated_and_refused_as_the_api_documents() {
    let (server, client) = start().await;
    client
        .payment_plans()
        .create(TERMINAL, &monthly("PLAN-V", 1000))
        .await
        .unwrap();
    let token = saved_card(&client).await;
    let subs = client.subscriptions();

    // Before the network: the merchant's secureTokenId is not the gateway token.
    let before = server.mock().requests().len();
    let mut wrong = SubscriptionRequest::new("SUB-V", "PLAN-V", "MREF_abc", date_in_days(1));
    wrong.start_date = "tomorrow".into();
    let err = subs.create(TERMINAL, &wrong).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let paths: Vec<_> = err
        .field_errors()
        .into_iter()
        .filter_map(|e| e.parameter)
        .collect();
    assert_eq!(paths, ["paymentMethod.token", "startDate"]);
    assert_eq!(server.mock().requests().len(), before);

    let refusal = |req: SubscriptionRequest| {
        let subs = client.subscriptions();
        async move { subs.create(TERMINAL, &req).await.unwrap_err() }
    };
    let unknown_token = refusal(SubscriptionRequest::new(
        "SUB-V",
        "PLAN-V",
        "296753999999",
        date_in_days(1),
    ))
    .await;
    assert_eq!(unknown_token.kind(), ErrorKind::BadRequest);
    assert_eq!(
        unknown_token.field_errors()[0].parameter.as_deref(),
        Some("paymentMethod.token")
    );
    let past = refusal(SubscriptionRequest::new(
        "SUB-V",
        "PLAN-V",
        &token,
        date_in_days(-1),
    ))
    .await;
    assert_eq!(past.kind(), ErrorKind::BadRequest);
    let no_plan = refusal(SubscriptionRequest::new(
        "SUB-V",
        "NO-PLAN",
        &token,
        date_in_days(1),
    ))
    .await;
    assert_eq!(no_plan.kind(), ErrorKind::NotFound);

    subs.create(
        TERMINAL,
        &SubscriptionRequest::new("SUB-V", "PLAN-V", &token, date_in_days(1)),
    )
    .await
    .unwrap();
    let duplicate = refusal(SubscriptionRequest::new(
        "SUB-V",
        "PLAN-V",
        &token,
        date_in_days(1),
    ))
    .await;
    assert_eq!(duplicate.kind(), ErrorKind::Conflict);
    assert_eq!(
        subs.retrieve(TERMINAL, "NOPE").await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
    let invalid_plan = PaymentPlan {
        name: String::new(),
        ..monthly("PLAN-X", 1000)
    };
    assert_eq!(
        client
            .payment_plans()
            .create(TERMINAL, &invalid_plan)
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::Validation
    );
}

#[tokio::test]
async fn plans_and_subscriptions_list_page_by_page_with_filters() {
    let (_server, client) = start().await;
    let plans = client.payment_plans();
    for i in 0..3 {
        plans
            .create(TERMINAL, &monthly(&format!("PLAN-{i}"), 1000 + i))
            .await
            .unwrap();
    }
    let mut weekly = monthly("PLAN-WK", 500);
    weekly.name = "Weekly".into();
    weekly.frequency = BillingFrequency::Weekly;
    plans.create(TERMINAL, &weekly).await.unwrap();
    let pager = plans.list(TERMINAL, &PageQuery::limit(2)).unwrap();
    let all = pager.collect_all().await.unwrap();
    assert_eq!(all.len(), 4);

    let token = saved_card(&client).await;
    let subs = client.subscriptions();
    for (id, plan) in [("S-1", "PLAN-0"), ("S-2", "PLAN-1"), ("S-3", "PLAN-WK")] {
        subs.create(
            TERMINAL,
            &SubscriptionRequest::new(id, plan, &token, date_in_days(1)),
        )
        .await
        .unwrap();
    }
    subs.deactivate(TERMINAL, "S-2").await.unwrap();
    let list = |query: SubscriptionListQuery| {
        let subs = client.subscriptions();
        async move {
            subs.list(TERMINAL, &query)
                .unwrap()
                .collect_all()
                .await
                .unwrap()
                .into_iter()
                .map(|s| s.subscription_id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        list(SubscriptionListQuery {
            page: PageQuery::limit(1),
            ..Default::default()
        })
        .await,
        ["S-1", "S-2", "S-3"]
    );
    assert_eq!(
        list(SubscriptionListQuery {
            status: Some(SubscriptionStatus::Cancelled),
            ..Default::default()
        })
        .await,
        ["S-2"]
    );
    assert_eq!(
        list(SubscriptionListQuery {
            frequency: Some(BillingFrequency::Weekly),
            ..Default::default()
        })
        .await,
        ["S-3"]
    );
    assert_eq!(
        list(SubscriptionListQuery {
            payment_plan: Some("weekly".into()),
            last4: Some("7062".into()),
            next_due_date: Some(date_in_days(1)),
            ..Default::default()
        })
        .await,
        ["S-3"]
    );
    assert!(list(SubscriptionListQuery {
        last4: Some("0000".into()),
        ..Default::default()
    })
    .await
    .is_empty());
}
