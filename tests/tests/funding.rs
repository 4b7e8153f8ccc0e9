//! Funding through payroc-core against payroc-mock over real HTTP: recipients with their
//! owners and funding accounts, merchants' funding balances, the funding instructions
//! that pay them out as the emulator's clock moves, and the activity that records every
//! movement.

use payroc_core::model::common::{Address, ContactMethod};
use payroc_core::model::funding::{
    ActivityType, CreateFundingRecipient, FundingAccount, FundingActivityListQuery,
    FundingBalanceQuery, FundingInstructionListQuery, FundingPayment, FundingPaymentStatus,
    Identifier, Instruction, InstructionMerchant, InstructionStatus, MerchantBalance, Owner,
    OwnerRelationship, RecipientType,
};
use payroc_core::model::page::PageQuery;
use payroc_core::model::SensitiveData;
use payroc_core::{Client, ErrorKind, IdempotencyKey, RequestOptions};
use payroc_mock::{date_in_days, MockServer};
use payroc_tests::{start, violation_paths};

const MERCHANT: &str = "4525644354";
const ACCOUNT_NUMBER: &str = "99001122334";

fn address() -> Address {
    Address {
        address1: "1 Example Ave.".into(),
        address2: None,
        address3: None,
        city: "Chicago".into(),
        state: "Illinois".into(),
        country: "US".into(),
        postal_code: "60056".into(),
        unknown: Default::default(),
    }
}

fn owner(first_name: &str, control_prong: bool) -> Owner {
    Owner {
        owner_id: None,
        first_name: first_name.into(),
        middle_name: None,
        last_name: "Doe".into(),
        date_of_birth: "1964-03-22".into(),
        address: address(),
        identifiers: vec![Identifier::national_id("123004320")],
        contact_methods: vec![ContactMethod::email("jane.doe@example.com")],
        relationship: OwnerRelationship {
            is_control_prong: control_prong,
            ..OwnerRelationship::default()
        },
        unknown: Default::default(),
    }
}

fn recipient(name: &str) -> CreateFundingRecipient {
    CreateFundingRecipient {
        recipient_type: RecipientType::NonProfit,
        tax_id: SensitiveData::new("987654321"),
        charity_id: Some("CH-1".into()),
        doing_business_as: name.into(),
        address: address(),
        contact_methods: vec![ContactMethod::email("info@example.com")],
        metadata: None,
        owners: vec![owner("Jane", true)],
        funding_accounts: vec![FundingAccount::checking(name, "123456789", ACCOUNT_NUMBER)],
    }
}

/// Creates a recipient with one account; returns the recipient's id and the account's.
async fn recipient_with_account(client: &Client, name: &str) -> (String, i64) {
    let created = client
        .funding_recipients()
        .create(&recipient(name))
        .await
        .unwrap();
    let account = created.funding_accounts.unwrap()[0]
        .funding_account_id
        .unwrap();
    (created.recipient_id.unwrap().to_string(), account)
}

fn pay(payments: Vec<FundingPayment>) -> Instruction {
    Instruction::new(vec![InstructionMerchant::new(MERCHANT, payments)])
}

async fn balance(client: &Client) -> MerchantBalance {
    let query = FundingBalanceQuery {
        merchant_id: Some(MERCHANT.into()),
        page: PageQuery::default(),
    };
    let all = client
        .funding_activity()
        .retrieve_balance(&query)
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    all.into_iter().next().unwrap()
}

/// (funds, pending, available).
async fn amounts(client: &Client) -> (i64, i64, i64) {
    let b = balance(client).await;
    (b.funds.unwrap(), b.pending.unwrap(), b.available.unwrap())
}

fn this_week() -> FundingActivityListQuery {
    FundingActivityListQuery::between(date_in_days(-1), date_in_days(7))
}

/// Moves the emulator's clock; returns the funding instructions it paid out.
fn advance(server: &MockServer, days: u32) -> Vec<i64> {
    server.mock().advance_clock(days).funding_instruction_ids
}

#[tokio::test]
async fn instructions_move_the_balance_by_exactly_their_amounts_and_activity_lists_every_movement()
{
    let (server, client) = start().await;
    server
        .mock()
        .credit_funding(MERCHANT, Some("Pizza Doe"), 100_000, "sales");
    let (_, first) = recipient_with_account(&client, "Doe Charity").await;
    let (_, second) = recipient_with_account(&client, "Roe Shelter").await;
    assert_eq!(amounts(&client).await, (100_000, 0, 100_000));

    let created = client
        .funding_instructions()
        .create(&pay(vec![
            FundingPayment::ach_usd(first, 30_000),
            FundingPayment::ach_usd(second, 20_001),
        ]))
        .await
        .unwrap();
    assert_eq!(created.status, Some(InstructionStatus::Accepted));
    assert_eq!(amounts(&client).await, (100_000, 50_001, 49_999));
    let id = created.instruction_id.unwrap();

    assert!(advance(&server, 1).is_empty());
    let pending = client
        .funding_instructions()
        .retrieve(&id.to_string())
        .await
        .unwrap();
    assert_eq!(pending.status, Some(InstructionStatus::Pending));
    assert_eq!(amounts(&client).await, (100_000, 50_001, 49_999));

    assert_eq!(advance(&server, 1), [id]);
    let done = client
        .funding_instructions()
        .retrieve(&id.to_string())
        .await
        .unwrap();
    assert_eq!(done.status, Some(InstructionStatus::Completed));
    let statuses: Vec<_> = done.merchants.unwrap()[0]
        .recipients
        .iter()
        .map(|r| r.status.clone().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [FundingPaymentStatus::Funded, FundingPaymentStatus::Funded]
    );
    assert_eq!(amounts(&client).await, (49_999, 0, 49_999));

    let activity = client
        .funding_activity()
        .list(&FundingActivityListQuery::between(
            date_in_days(-1),
            date_in_days(7),
        ))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    let movements: Vec<_> = activity
        .iter()
        .map(|a| (a.kind.clone(), a.amount, a.recipient.clone()))
        .collect();
    assert_eq!(
        movements,
        [
            (ActivityType::Credit, 100_000, None),
            (ActivityType::Debit, 30_000, Some("Doe Charity".to_owned())),
            (ActivityType::Debit, 20_001, Some("Roe Shelter".to_owned())),
        ]
    );
    assert!(activity.iter().all(|a| a.merchant == "Pizza Doe"));
    let net: i64 = activity
        .iter()
        .map(|a| match a.kind {
            ActivityType::Debit => -a.amount,
            _ => a.amount,
        })
        .sum();
    assert_eq!(net, balance(&client).await.funds.unwrap());

    // A range that ends before today lists nothing; another merchant has no activity.
    let old = FundingActivityListQuery::between(date_in_days(-30), date_in_days(-2));
    assert!(client
        .funding_activity()
        .list(&old)
        .unwrap()
        .collect_all()
        .await
        .unwrap()
        .is_empty());
    let mut other = this_week();
    other.merchant_id = Some("9876543219".into());
    assert!(client
        .funding_activity()
        .list(&other)
        .unwrap()
        .collect_all()
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn an_instruction_above_the_available_balance_or_to_no_account_is_refused_and_holds_nothing()
{
    let (server, client) = start().await;
    server
        .mock()
        .credit_funding(MERCHANT, None, 10_000, "sales");
    let (_, account) = recipient_with_account(&client, "Doe Charity").await;
    let instructions = client.funding_instructions();
    let above = instructions
        .create(&pay(vec![
            FundingPayment::ach_usd(account, 6_000),
            FundingPayment::ach_usd(account, 4_001),
        ]))
        .await
        .unwrap_err();
    assert_eq!(above.kind(), ErrorKind::Conflict);
    assert_eq!(above.status(), Some(409));
    assert_eq!(amounts(&client).await, (10_000, 0, 10_000));

    let nowhere = instructions
        .create(&pay(vec![
            FundingPayment::ach_usd(account, 1),
            FundingPayment::ach_usd(424_242, 1),
        ]))
        .await
        .unwrap_err();
    assert_eq!(nowhere.kind(), ErrorKind::BadRequest);
    let problem = nowhere.problem().expect("problem details");
    assert_eq!(
        problem.errors[0].parameter.as_deref(),
        Some("merchants[0].recipients[1].fundingAccountId")
    );
    assert_eq!(amounts(&client).await, (10_000, 0, 10_000));

    // All of it is available: exactly the balance goes through.
    instructions
        .create(&pay(vec![FundingPayment::ach_usd(account, 10_000)]))
        .await
        .unwrap();
    assert_eq!(amounts(&client).await, (10_000, 10_000, 0));
    let more = instructions
        .create(&pay(vec![FundingPayment::ach_usd(account, 1)]))
        .await
        .unwrap_err();
    assert_eq!(more.kind(), ErrorKind::Conflict);
    // Amounts whose sum would overflow are refused like any other excess.
    let huge = pay(vec![
        FundingPayment::ach_usd(account, i64::MAX / 2 + 1),
        FundingPayment::ach_usd(account, i64::MAX / 2 + 1),
    ]);
    assert_eq!(
        instructions.create(&huge).await.unwrap_err().kind(),
        ErrorKind::Conflict
    );
    assert_eq!(amounts(&client).await, (10_000, 10_000, 0));
    // A merchant never credited has nothing available.
    let stranger = Instruction::new(vec![InstructionMerchant::new(
        "1111111111",
        vec![FundingPayment::ach_usd(account, 1)],
    )]);
    assert_eq!(
        instructions.create(&stranger).await.unwrap_err().kind(),
        ErrorKind::Conflict
    );
}

#[tokio::test]
async fn put_replaces_and_delete_releases_only_while_accepted() {
    let (server, client) = start().await;
    server
        .mock()
        .credit_funding(MERCHANT, None, 50_000, "sales");
    let (_, account) = recipient_with_account(&client, "Doe Charity").await;
    let instructions = client.funding_instructions();
    let created = instructions
        .create(&pay(vec![FundingPayment::ach_usd(account, 10_000)]))
        .await
        .unwrap();
    let id = created.instruction_id.unwrap().to_string();

    // PUT replaces the payments: the old amount is released, the new one held.
    let mut replacement = pay(vec![
        FundingPayment::ach_usd(account, 45_000),
        FundingPayment::ach_usd(account, 5_000),
    ]);
    replacement
        .metadata
        .get_or_insert_with(Default::default)
        .insert("ref".into(), "r2".into());
    instructions.update(&id, &replacement).await.unwrap();
    assert_eq!(amounts(&client).await, (50_000, 50_000, 0));
    let read = instructions.retrieve(&id).await.unwrap();
    assert_eq!(read.total_for(MERCHANT), 50_000);
    assert_eq!(read.merchants.as_ref().unwrap()[0].recipients.len(), 2);
    assert_eq!(read.metadata.unwrap()["ref"], "r2");
    assert_eq!(read.created_date, created.created_date);

    // A replacement above what it had plus what is available is refused, nothing moves.
    let too_much = pay(vec![FundingPayment::ach_usd(account, 50_001)]);
    assert_eq!(
        instructions
            .update(&id, &too_much)
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::Conflict
    );
    assert_eq!(amounts(&client).await, (50_000, 50_000, 0));

    instructions.delete(&id).await.unwrap();
    assert_eq!(amounts(&client).await, (50_000, 0, 50_000));
    assert_eq!(
        instructions.retrieve(&id).await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        instructions.delete(&id).await.unwrap_err().kind(),
        ErrorKind::NotFound
    );

    // Once under review it can neither change nor go.
    let reviewed = instructions
        .create(&pay(vec![FundingPayment::ach_usd(account, 1_000)]))
        .await
        .unwrap()
        .instruction_id
        .unwrap()
        .to_string();
    advance(&server, 1);
    let change = instructions
        .update(&reviewed, &pay(vec![FundingPayment::ach_usd(account, 500)]))
        .await
        .unwrap_err();
    assert_eq!(change.kind(), ErrorKind::Conflict);
    assert_eq!(
        instructions.delete(&reviewed).await.unwrap_err().kind(),
        ErrorKind::Conflict
    );
    assert_eq!(amounts(&client).await, (50_000, 1_000, 49_000));

    // The list shows what was created in the range, each with its link.
    let listed = instructions
        .list(&FundingInstructionListQuery::between(
            date_in_days(-1),
            date_in_days(3),
        ))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].link.as_ref().unwrap().href.ends_with(&reviewed));
}

#[tokio::test]
async fn an_idempotent_replay_moves_money_once() {
    let (server, client) = start().await;
    server
        .mock()
        .credit_funding(MERCHANT, None, 20_000, "sales");
    let (_, account) = recipient_with_account(&client, "Doe Charity").await;
    let keyed = client
        .funding_instructions()
        .options(RequestOptions::idempotency_key(IdempotencyKey::new()));
    let instruction = pay(vec![FundingPayment::ach_usd(account, 15_000)]);
    let first = keyed.create(&instruction).await.unwrap();
    let again = keyed.create(&instruction).await.unwrap();
    assert_eq!(first.instruction_id, again.instruction_id);
    assert_eq!(server.mock().counters().idempotent_replays, 1);
    assert_eq!(amounts(&client).await, (20_000, 15_000, 5_000));
    advance(&server, 2);
    assert_eq!(amounts(&client).await, (5_000, 0, 5_000));
    let debits = client
        .funding_activity()
        .list(&this_week())
        .unwrap()
        .collect_all()
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.kind == ActivityType::Debit)
        .count();
    assert_eq!(debits, 1);
}

#[tokio::test]
async fn deleting_an_account_before_payout_fails_its_payment_and_frees_the_funds() {
    let (server, client) = start().await;
    server.mock().credit_funding(MERCHANT, None, 9_000, "sales");
    let (_, kept) = recipient_with_account(&client, "Doe Charity").await;
    let (_, gone) = recipient_with_account(&client, "Roe Shelter").await;
    let id = client
        .funding_instructions()
        .create(&pay(vec![
            FundingPayment::ach_usd(kept, 2_000),
            FundingPayment::ach_usd(gone, 3_000),
        ]))
        .await
        .unwrap()
        .instruction_id
        .unwrap();
    client
        .funding_accounts()
        .delete(&gone.to_string())
        .await
        .unwrap();
    advance(&server, 2);
    let done = client
        .funding_instructions()
        .retrieve(&id.to_string())
        .await
        .unwrap();
    let statuses: Vec<_> = done.merchants.unwrap()[0]
        .recipients
        .iter()
        .map(|r| r.status.clone().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [FundingPaymentStatus::Funded, FundingPaymentStatus::Failed]
    );
    assert_eq!(amounts(&client).await, (7_000, 0, 7_000));
}

#[tokio::test]
async fn recipients_owners_and_accounts_are_kept_replaced_and_deleted() {
    let (_server, client) = start().await;
    let recipients = client.funding_recipients();
    let created = recipients.create(&recipient("Doe Charity")).await.unwrap();
    let id = created.recipient_id.unwrap().to_string();
    assert_eq!(created.owners.as_ref().unwrap().len(), 1);
    assert_eq!(created.funding_accounts.as_ref().unwrap().len(), 1);

    // Accounts and owners: plain arrays.
    let extra = recipients
        .create_account(
            &id,
            &FundingAccount::checking("Doe Charity Savings", "021000021", "5550001"),
        )
        .await
        .unwrap();
    let accounts = recipients.list_accounts(&id).await.unwrap();
    assert_eq!(accounts.len(), 2);
    assert_eq!(accounts[1], extra);
    let mut debit = FundingAccount::checking("Doe", "021000021", "5550002");
    debit.usage = payroc_core::model::funding::FundingAccountUse::Debit;
    assert_eq!(
        recipients
            .create_account(&id, &debit)
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::BadRequest
    );
    let second_prong = recipients
        .create_owner(&id, &owner("John", true))
        .await
        .unwrap_err();
    assert_eq!(second_prong.kind(), ErrorKind::Conflict);
    let john = recipients
        .create_owner(&id, &owner("John", false))
        .await
        .unwrap();
    let owners = recipients.list_owners(&id).await.unwrap();
    assert_eq!(owners.len(), 2);
    assert_eq!(owners[1], john);
    // The national id comes back masked.
    assert_eq!(owners[0].identifiers[0].value.expose_secret(), "xxxxx4320");

    // PUT replaces the recipient's details; what the gateway owns stays.
    let mut replaced = recipients.retrieve(&id).await.unwrap();
    replaced.doing_business_as = "Doe Foundation".into();
    replaced
        .unknown
        .insert("zzNewField", serde_json::json!({"kept": true}));
    recipients.update(&id, &replaced).await.unwrap();
    let read = recipients.retrieve(&id).await.unwrap();
    assert_eq!(read.doing_business_as, "Doe Foundation");
    assert_eq!(
        read.unknown.get("zzNewField"),
        Some(&serde_json::json!({"kept": true}))
    );
    assert_eq!(read.created_date, created.created_date);
    assert_eq!(read.funding_accounts.unwrap().len(), 2);

    // An account's PUT.
    let account_id = extra.funding_account_id.unwrap().to_string();
    let mut account = client
        .funding_accounts()
        .retrieve(&account_id)
        .await
        .unwrap();
    account.name_on_account = "Doe Foundation Savings".into();
    client
        .funding_accounts()
        .update(&account_id, &account)
        .await
        .unwrap();
    let account = client
        .funding_accounts()
        .retrieve(&account_id)
        .await
        .unwrap();
    assert_eq!(account.name_on_account, "Doe Foundation Savings");
    assert_eq!(account.funding_account_id, extra.funding_account_id);

    // Lists page.
    recipients.create(&recipient("Roe Shelter")).await.unwrap();
    let pages: Vec<_> = client
        .funding_accounts()
        .list(&PageQuery::limit(2))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(pages.len(), 3);
    let listed = recipients
        .list(&PageQuery::limit(1))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(listed.len(), 2);

    // Deleting the recipient takes its owners and accounts with it.
    recipients.delete(&id).await.unwrap();
    assert_eq!(
        recipients.retrieve(&id).await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        client
            .funding_accounts()
            .retrieve(&account_id)
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        recipients.list_owners(&id).await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        client
            .funding_accounts()
            .list(&PageQuery::default())
            .unwrap()
            .collect_all()
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn invalid_requests_are_refused_before_the_network_with_their_paths() {
    let (server, client) = start().await;
    let before = server.mock().requests().len();
    let mut bad = recipient("Doe Charity");
    bad.tax_id = SensitiveData::new("12");
    bad.owners[0].date_of_birth = "1964-13-40".into();
    bad.funding_accounts[0] = FundingAccount::checking("Doe", "1234", "12ab");
    let err = client.funding_recipients().create(&bad).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let paths = violation_paths(&err);
    assert_eq!(
        paths,
        [
            "taxId",
            "owners[0].dateOfBirth",
            "fundingAccounts[0].paymentMethods[0].value.routingNumber",
            "fundingAccounts[0].paymentMethods[0].value.accountNumber",
        ]
    );
    // No secret in what the caller or a log sees.
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("12ab"), "{shown}");

    let empty = client
        .funding_instructions()
        .create(&Instruction::new(Vec::new()))
        .await
        .unwrap_err();
    assert_eq!(empty.kind(), ErrorKind::Validation);
    let zero = client
        .funding_instructions()
        .create(&pay(vec![FundingPayment::ach_usd(1, 0)]))
        .await
        .unwrap_err();
    let payroc_core::Error::Validation(violations) = &zero else {
        panic!("{zero}");
    };
    assert!(violations.has_path("merchants[0].recipients[0].amount.value"));
    let no_dates = client
        .funding_activity()
        .list(&FundingActivityListQuery::default())
        .unwrap_err();
    assert_eq!(no_dates.kind(), ErrorKind::Validation);
    assert_eq!(server.mock().requests().len(), before);
}

#[tokio::test]
async fn bank_account_numbers_and_tax_ids_stay_out_of_debug_output() {
    let (_server, client) = start().await;
    let created = client
        .funding_recipients()
        .create(&recipient("Doe Charity"))
        .await
        .unwrap();
    let id = created.recipient_id.unwrap().to_string();
    let accounts = client
        .funding_recipients()
        .list_accounts(&id)
        .await
        .unwrap();
    let shown = format!("{created:?} {accounts:?}");
    assert!(!shown.contains(ACCOUNT_NUMBER), "{shown}");
    assert!(!shown.contains("987654321"), "{shown}");
    // The server has them, and the caller can read them on purpose.
    let payroc_core::model::funding::FundingPaymentMethod::Ach(ach) =
        &accounts[0].payment_methods[0]
    else {
        panic!("an ACH account");
    };
    assert_eq!(
        ach.value.as_ref().unwrap().account_number.expose_secret(),
        ACCOUNT_NUMBER
    );
}
