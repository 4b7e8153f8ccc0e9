//! Boarding through payroc-core against payroc-mock over real HTTP: a merchant platform
//! with its processing accounts, Payroc's review of them (by the emulator's clock and
//! its test control), terminal orders only for approved accounts and their shipping,
//! the rules on owners and contacts, lists and paging, validation before the network,
//! and secrets kept out of `Debug`.

use payroc_core::model::boarding::{
    AddressKind, Business, BusinessType, Contact, ContactType, CreateFunding,
    CreateMerchantPlatform, CreateProcessingAccount, CreateTerminalOrder,
    HostProcessorConfiguration, JsonObject, LegalAddress, OrderItem, OrganizationType,
    ProcessingAccountListQuery, ProcessingAccountStatus, ProcessingTerminalStatus, Reminder,
    TerminalOrderListQuery, TerminalOrderStatus, Timezone,
};
use payroc_core::model::common::{Address, ContactMethod};
use payroc_core::model::funding::{FundingAccount, Identifier, Owner, OwnerRelationship};
use payroc_core::model::page::PageQuery;
use payroc_core::model::SensitiveData;
use payroc_core::{Client, ErrorKind};
use payroc_mock::MockServer;
use payroc_tests::{start, violation_paths};
use serde_json::json;

const TAX_ID: &str = "12-3456789";
const NATIONAL_ID: &str = "000004320";
const ACCOUNT_NUMBER: &str = "99001122334";

fn object(value: serde_json::Value) -> JsonObject {
    value.as_object().cloned().expect("an object")
}

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
        identifiers: vec![Identifier::national_id(NATIONAL_ID)],
        contact_methods: vec![ContactMethod::email("jane.doe@example.com")],
        relationship: OwnerRelationship {
            is_control_prong: control_prong,
            is_authorized_signatory: Some(!control_prong),
            ..OwnerRelationship::default()
        },
        unknown: Default::default(),
    }
}

fn contact(first_name: &str) -> Contact {
    Contact {
        contact_id: None,
        kind: ContactType::Manager,
        first_name: first_name.into(),
        middle_name: None,
        last_name: "Hopper".into(),
        identifiers: vec![Identifier::national_id(NATIONAL_ID)],
        contact_methods: vec![ContactMethod::email("manager@example.com")],
        unknown: Default::default(),
    }
}

/// A processing account; `signature` is `requestedViaEmail` or `requestedViaDirectLink`.
fn account(name: &str, signature: &str) -> CreateProcessingAccount {
    CreateProcessingAccount {
        processing_account_id: None,
        doing_business_as: name.into(),
        owners: vec![owner("Jane", true), owner("John", false)],
        website: Some("https://example.com".into()),
        business_type: BusinessType::Restaurant,
        category_code: 5999,
        merchandise_or_service_sold: "Food".into(),
        business_start_date: "2020-01-01".into(),
        timezone: Timezone::AmericaChicago,
        address: address(),
        contact_methods: vec![ContactMethod::email("shop@example.com")],
        processing: object(json!({
            "transactionAmounts": {"average": 5000, "highest": 10000},
            "monthlyAmounts": {"average": 50000, "highest": 100000},
            "volumeBreakdown": {"cardPresent": 77, "mailOrTelephone": 3, "ecommerce": 20}
        })),
        funding: CreateFunding {
            funding_accounts: Some(vec![FundingAccount::checking(
                name,
                "123456789",
                ACCOUNT_NUMBER,
            )]),
            ..CreateFunding::default()
        },
        pricing: object(json!({"type": "intent", "pricingIntentId": "6123"})),
        signature: object(json!({"type": signature})),
        contacts: Some(vec![contact("Grace"), contact("Ada")]),
        metadata: None,
        unknown: Default::default(),
    }
}

fn platform() -> CreateMerchantPlatform {
    CreateMerchantPlatform {
        business: Business {
            name: "Example Corp".into(),
            tax_id: SensitiveData::new(TAX_ID),
            organization_type: OrganizationType::PrivateCorporation,
            country_of_operation: Some("US".into()),
            addresses: vec![LegalAddress {
                kind: AddressKind::LegalAddress,
                address: address(),
            }],
            contact_methods: vec![ContactMethod::email("corp@example.com")],
            unknown: Default::default(),
        },
        processing_accounts: vec![
            account("Pizza Doe", "requestedViaEmail"),
            account("Pasta Doe", "requestedViaDirectLink"),
        ],
        metadata: None,
        unknown: Default::default(),
    }
}

/// Creates the platform; returns its id and its two processing accounts' ids.
async fn boarded(client: &Client) -> (String, String, String) {
    let created = client
        .merchant_platforms()
        .create(&platform())
        .await
        .unwrap();
    let accounts = created.processing_accounts.unwrap();
    assert_eq!(accounts.len(), 2);
    assert!(accounts
        .iter()
        .all(|a| a.status == Some(ProcessingAccountStatus::Entered)));
    (
        created.merchant_platform_id.unwrap(),
        accounts[0].processing_account_id.clone().unwrap(),
        accounts[1].processing_account_id.clone().unwrap(),
    )
}

async fn status(client: &Client, account: &str) -> ProcessingAccountStatus {
    client
        .processing_accounts()
        .retrieve(account)
        .await
        .unwrap()
        .status
        .unwrap()
}

fn approve(server: &MockServer, account: &str) {
    server
        .mock()
        .set_processing_account_status(account, ProcessingAccountStatus::Approved)
        .unwrap();
}

fn one_terminal() -> CreateTerminalOrder {
    CreateTerminalOrder::of(vec![OrderItem::solution("Roc Services_DX8000", 2)])
}

#[tokio::test]
async fn accounts_are_reviewed_a_day_at_a_time_and_the_control_sets_any_status() {
    let (server, client) = start().await;
    let (platform_id, first, second) = boarded(&client).await;
    server.mock().advance_clock(1);
    assert_eq!(
        status(&client, &first).await,
        ProcessingAccountStatus::Pending
    );
    server.mock().advance_clock(1);
    assert_eq!(
        status(&client, &first).await,
        ProcessingAccountStatus::Approved
    );
    // The platform shows where its accounts stand.
    let read = client
        .merchant_platforms()
        .retrieve(&platform_id)
        .await
        .unwrap();
    assert!(read
        .processing_accounts
        .unwrap()
        .iter()
        .all(|a| a.status == Some(ProcessingAccountStatus::Approved)));

    // Rejected: closed, so the list leaves it out unless asked.
    server
        .mock()
        .set_processing_account_status(&second, ProcessingAccountStatus::Rejected)
        .unwrap();
    let open = client
        .merchant_platforms()
        .list_processing_accounts(&platform_id, &ProcessingAccountListQuery::default())
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(
        open[0].processing_account_id.as_deref(),
        Some(first.as_str())
    );
    let all = client
        .merchant_platforms()
        .list_processing_accounts(
            &platform_id,
            &ProcessingAccountListQuery {
                include_closed: Some(true),
                page: PageQuery::limit(1),
            },
        )
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    // A rejected account stays rejected as days pass.
    server.mock().advance_clock(3);
    assert_eq!(
        status(&client, &second).await,
        ProcessingAccountStatus::Rejected
    );
    assert!(server
        .mock()
        .set_processing_account_status("999", ProcessingAccountStatus::Approved)
        .is_err());
}

#[tokio::test]
async fn a_platform_takes_more_accounts_and_lists_page_by_cursor() {
    let (_server, client) = start().await;
    let (platform_id, _, _) = boarded(&client).await;
    let added = client
        .merchant_platforms()
        .create_processing_account(&platform_id, &account("Bakery Doe", "requestedViaEmail"))
        .await
        .unwrap();
    assert_eq!(added.status, Some(ProcessingAccountStatus::Entered));
    let accounts = client
        .merchant_platforms()
        .list_processing_accounts(
            &platform_id,
            &ProcessingAccountListQuery {
                include_closed: None,
                page: PageQuery::limit(2),
            },
        )
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(accounts.len(), 3);
    boarded(&client).await;
    let platforms = client
        .merchant_platforms()
        .list(&PageQuery::limit(1))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(platforms.len(), 2);
    let err = client
        .merchant_platforms()
        .create_processing_account("404404", &account("Nowhere", "requestedViaEmail"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn terminals_are_ordered_only_for_approved_accounts_and_ship_by_the_clock() {
    let (server, client) = start().await;
    let (_, account_id, _) = boarded(&client).await;
    let refused = client
        .processing_accounts()
        .create_terminal_order(&account_id, &one_terminal())
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Conflict);
    approve(&server, &account_id);

    let order = client
        .processing_accounts()
        .create_terminal_order(&account_id, &one_terminal())
        .await
        .unwrap();
    assert_eq!(order.status, TerminalOrderStatus::Open);
    let terminals = order.order_items[0].links.clone().unwrap();
    assert_eq!(terminals.len(), 2);
    let terminal_id = &terminals[0].processing_terminal_id;
    let terminal = client
        .processing_terminals()
        .retrieve(terminal_id)
        .await
        .unwrap();
    assert_eq!(terminal.status, ProcessingTerminalStatus::Inactive);
    let host = client
        .processing_terminals()
        .retrieve_host_configuration(terminal_id)
        .await
        .unwrap();
    assert_eq!(
        host.processing_account_id.as_deref(),
        Some(account_id.as_str())
    );
    let HostProcessorConfiguration::Tsys(tsys) = &host.configuration else {
        panic!("a TSYS configuration");
    };
    let code = tsys.terminal.authentication_code.clone().unwrap();
    assert!(!format!("{host:?}").contains(code.expose_secret()));

    let held = client
        .processing_accounts()
        .create_terminal_order(&account_id, &one_terminal())
        .await
        .unwrap();
    server
        .mock()
        .set_terminal_order_status(&held.terminal_order_id, TerminalOrderStatus::Held)
        .unwrap();

    server.mock().advance_clock(1);
    let read = client
        .terminal_orders()
        .retrieve(&order.terminal_order_id)
        .await
        .unwrap();
    assert_eq!(read.status, TerminalOrderStatus::Dispatched);
    server.mock().advance_clock(1);
    let read = client
        .terminal_orders()
        .retrieve(&order.terminal_order_id)
        .await
        .unwrap();
    assert_eq!(read.status, TerminalOrderStatus::Fulfilled);
    let terminal = client
        .processing_terminals()
        .retrieve(terminal_id)
        .await
        .unwrap();
    assert_eq!(terminal.status, ProcessingTerminalStatus::Active);
    let held = client
        .terminal_orders()
        .retrieve(&held.terminal_order_id)
        .await
        .unwrap();
    assert_eq!(held.status, TerminalOrderStatus::Held);

    let orders = client
        .processing_accounts()
        .list_terminal_orders(&account_id, &TerminalOrderListQuery::default())
        .await
        .unwrap();
    assert_eq!(orders.len(), 2);
    let ids_of = |query: TerminalOrderListQuery| {
        let client = &client;
        let account_id = &account_id;
        async move {
            let orders = client
                .processing_accounts()
                .list_terminal_orders(account_id, &query)
                .await
                .unwrap();
            orders
                .into_iter()
                .map(|o| o.terminal_order_id)
                .collect::<Vec<_>>()
        }
    };
    let status = |status| TerminalOrderListQuery {
        status: Some(status),
        ..TerminalOrderListQuery::default()
    };
    assert_eq!(
        ids_of(status(TerminalOrderStatus::Held)).await,
        std::slice::from_ref(&held.terminal_order_id)
    );
    assert_eq!(
        ids_of(status(TerminalOrderStatus::Fulfilled)).await,
        std::slice::from_ref(&order.terminal_order_id)
    );
    assert!(ids_of(status(TerminalOrderStatus::Cancelled))
        .await
        .is_empty());
    let created = order.created_date.clone().unwrap();
    let window = |from: &str, to: &str| TerminalOrderListQuery {
        from_date_time: Some(from.to_owned()),
        to_date_time: Some(to.to_owned()),
        ..TerminalOrderListQuery::default()
    };
    assert_eq!(
        ids_of(window(&created, "2999-01-01T00:00:00Z")).await.len(),
        2
    );
    assert!(
        ids_of(window("2000-01-01T00:00:00Z", "2000-01-02T00:00:00Z"))
            .await
            .is_empty()
    );
    // The same instant with a fraction and an offset, as the official SDKs write one:
    // the emulator compares instants, not text (by text this end would come first).
    let to_created = TerminalOrderListQuery {
        to_date_time: Some(created.replace('Z', ".000000-00:00")),
        ..TerminalOrderListQuery::default()
    };
    assert!(ids_of(to_created).await.contains(&order.terminal_order_id));
    let bad = TerminalOrderListQuery {
        status: Some(TerminalOrderStatus::from_api("lost")),
        from_date_time: Some("yesterday".into()),
        to_date_time: None,
    };
    let sent = server.mock().requests().len();
    let err = client
        .processing_accounts()
        .list_terminal_orders(&account_id, &bad)
        .await
        .unwrap_err();
    assert_eq!(violation_paths(&err), ["status", "fromDateTime"]);
    assert_eq!(server.mock().requests().len(), sent);
    let all_terminals = client
        .processing_accounts()
        .list_processing_terminals(&account_id, &PageQuery::limit(3))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all_terminals.len(), 4);
    for missing in [
        client.terminal_orders().retrieve("1").await.unwrap_err(),
        client
            .processing_terminals()
            .retrieve("nope")
            .await
            .unwrap_err(),
    ] {
        assert_eq!(missing.kind(), ErrorKind::NotFound);
    }
}

#[tokio::test]
async fn owners_and_contacts_are_read_replaced_and_deleted_by_the_apis_rules() {
    let (_server, client) = start().await;
    let (_, account_id, _) = boarded(&client).await;
    let owners = client
        .processing_accounts()
        .list_owners(&account_id, &PageQuery::limit(1))
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(owners.len(), 2);
    let prong = owners[0].owner_id.unwrap().to_string();
    let signer = owners[1].owner_id.unwrap().to_string();

    let mut renamed = owner("Janet", true);
    renamed.identifiers = vec![Identifier::national_id("000009999")];
    client.owners().update(&prong, &renamed).await.unwrap();
    let read = client.owners().retrieve(&prong).await.unwrap();
    assert_eq!(read.first_name, "Janet");
    assert_eq!(read.identifiers[0].value.expose_secret(), "xxxxx9999");
    let account = client
        .processing_accounts()
        .retrieve(&account_id)
        .await
        .unwrap();
    assert!(account
        .owners
        .unwrap()
        .iter()
        .any(|o| o.first_name.as_deref() == Some("Janet")));
    // A second control prong is refused.
    let second_prong = client
        .owners()
        .update(&signer, &owner("John", true))
        .await
        .unwrap_err();
    assert_eq!(second_prong.kind(), ErrorKind::Conflict);
    // A processing account's owner is never deleted.
    let kept = client.owners().delete(&prong).await.unwrap_err();
    assert_eq!(kept.kind(), ErrorKind::Conflict);

    let contacts = client
        .processing_accounts()
        .list_contacts(&account_id, &PageQuery::default())
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(contacts.len(), 2);
    let contact_id = contacts[0].contact_id.unwrap().to_string();
    client
        .contacts()
        .update(&contact_id, &contact("Margaret"))
        .await
        .unwrap();
    assert_eq!(
        client
            .contacts()
            .retrieve(&contact_id)
            .await
            .unwrap()
            .first_name,
        "Margaret"
    );
    client.contacts().delete(&contact_id).await.unwrap();
    let gone = client.contacts().retrieve(&contact_id).await.unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
    let left = client
        .processing_accounts()
        .retrieve(&account_id)
        .await
        .unwrap()
        .contacts
        .unwrap();
    assert_eq!(left.len(), 1);
    let missing = client.owners().retrieve("12").await.unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn reminders_funding_accounts_and_pricing_belong_to_the_account() {
    let (_server, client) = start().await;
    let (_, by_email, by_link) = boarded(&client).await;
    let sent = client
        .processing_accounts()
        .create_reminder(&by_email, &Reminder::pricing_agreement())
        .await
        .unwrap();
    assert!(sent.reminder_id.is_some());
    let refused = client
        .processing_accounts()
        .create_reminder(&by_link, &Reminder::pricing_agreement())
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Conflict);

    let accounts = client
        .processing_accounts()
        .list_funding_accounts(&by_email)
        .await
        .unwrap();
    assert_eq!(accounts.len(), 1);
    let pricing = client
        .processing_accounts()
        .retrieve_pricing_agreement(&by_email)
        .await
        .unwrap();
    assert_eq!(pricing.version, "5.0");
    let missing = client
        .processing_accounts()
        .retrieve_pricing_agreement("404")
        .await
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn invalid_requests_are_refused_before_the_network_with_their_paths() {
    let (server, client) = start().await;
    let before = server.mock().requests().len();
    let mut bad = platform();
    bad.business.tax_id = SensitiveData::new("12");
    bad.processing_accounts[0].owners[0]
        .relationship
        .is_control_prong = false;
    bad.processing_accounts[0].owners[0]
        .relationship
        .is_authorized_signatory = Some(false);
    bad.processing_accounts[0].owners[1]
        .relationship
        .is_authorized_signatory = Some(false);
    bad.processing_accounts[1].category_code = 0;
    bad.processing_accounts[1].pricing = object(json!({"pricingIntentId": "1"}));
    let err = client.merchant_platforms().create(&bad).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let paths = violation_paths(&err);
    assert_eq!(
        paths,
        [
            "business.taxId",
            "processingAccounts[0].owners",
            "processingAccounts[1].categoryCode",
            "processingAccounts[1].pricing.type",
        ]
    );
    assert!(!format!("{err} {err:?}").contains(NATIONAL_ID));

    let empty = client
        .processing_accounts()
        .create_terminal_order("1", &CreateTerminalOrder::of(Vec::new()))
        .await
        .unwrap_err();
    let payroc_core::Error::Validation(violations) = &empty else {
        panic!("{empty}");
    };
    assert!(violations.has_path("orderItems"));
    let mut nameless = contact("");
    nameless.contact_methods.clear();
    let err = client.contacts().update("1", &nameless).await.unwrap_err();
    let payroc_core::Error::Validation(violations) = &err else {
        panic!("{err}");
    };
    assert!(violations.has_path("firstName"));
    assert!(violations.has_path("contactMethods"));
    assert_eq!(server.mock().requests().len(), before);
}

#[tokio::test]
async fn tax_ids_national_ids_and_account_numbers_stay_out_of_debug_output() {
    let request = platform();
    let shown = format!("{request:?}");
    for secret in [TAX_ID, NATIONAL_ID, ACCOUNT_NUMBER] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
    let (_server, client) = start().await;
    let created = client.merchant_platforms().create(&request).await.unwrap();
    // The API answers them masked.
    assert_eq!(created.business.tax_id.expose_secret(), "xxxxx6789");
    let account_id = created.processing_accounts.unwrap()[0]
        .processing_account_id
        .clone()
        .unwrap();
    let accounts = client
        .processing_accounts()
        .list_funding_accounts(&account_id)
        .await
        .unwrap();
    let owners = client
        .processing_accounts()
        .list_owners(&account_id, &PageQuery::default())
        .unwrap()
        .collect_all()
        .await
        .unwrap();
    let shown = format!("{accounts:?} {owners:?}");
    assert!(!shown.contains("2334"), "{shown}");
    assert!(!shown.contains("4320"), "{shown}");
}

#[tokio::test]
async fn lists_under_an_unknown_parent_are_not_found() {
    let (_server, client) = start().await;
    let page = PageQuery::default();
    let accounts = client
        .merchant_platforms()
        .list_processing_accounts("4040404", &ProcessingAccountListQuery::default())
        .unwrap()
        .collect_all()
        .await
        .unwrap_err();
    let contacts = client
        .processing_accounts()
        .list_contacts("4040404", &page)
        .unwrap()
        .collect_all()
        .await
        .unwrap_err();
    let owners = client
        .processing_accounts()
        .list_owners("4040404", &page)
        .unwrap()
        .collect_all()
        .await
        .unwrap_err();
    let terminals = client
        .processing_accounts()
        .list_processing_terminals("4040404", &page)
        .unwrap()
        .collect_all()
        .await
        .unwrap_err();
    for err in [accounts, contacts, owners, terminals] {
        assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    }
}
