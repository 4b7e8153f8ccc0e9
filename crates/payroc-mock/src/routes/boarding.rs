//! Boarding: merchant platforms, their processing accounts and what hangs off them.
//!
//! - Creating a merchant platform creates its processing accounts, each `entered`
//!   with its owners, contacts, funding accounts and a pricing agreement. A platform
//!   takes more accounts later (`create_processing_account`).
//! - Review follows the emulator's clock ([`review_boarding`]): a day after it was
//!   entered an account is `pending`, a day later `approved`. The test control
//!   `POST /_mock/processing-accounts/{id}/status` sets any documented status (e.g.
//!   `rejected`, `subjectTo`); each change notifies `processingAccount.status.changed`.
//! - Terminal orders are taken only for an `approved`, `subjectTo` or
//!   `nonProcessing` account (otherwise `409`). Each ordered terminal becomes a
//!   processing terminal (inactive until delivery) with its TSYS host configuration.
//!   An order is `open`, a day later `dispatched`, a day after that `fulfilled` (its
//!   terminals active); `held` orders wait. `POST /_mock/terminal-orders/{id}/status`
//!   sets any status; each change notifies `terminalOrder.status.changed`.
//! - A processing account's owners cannot be deleted (`409`); a funding recipient's
//!   owner only while the recipient has another (`409`). Contacts can be deleted.
//! - A reminder to sign the pricing agreement is sent only when the signature was
//!   requested by email (`409` otherwise).

use crate::problem::Refusal;
use crate::routes::cards::{host_of, resource_link};
use crate::routes::funding::{next_id, page_of};
use crate::routes::list::ListParams;
use crate::routes::{json, notify, parse};
use crate::store::ledger::{
    StoredBoardingPerson, StoredProcessingAccount, StoredProcessingTerminal, StoredTerminalOrder,
};
use crate::store::Store;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use payroc_model::boarding::{
    Contact, CreateMerchantPlatform, CreateProcessingAccount, CreateTerminalOrder, Funding,
    HostConfiguration, HostProcessorConfiguration, JsonObject, MerchantPlatform, PersonSummary,
    PricingAgreement, PricingLink, ProcessingAccount, ProcessingAccountStatus,
    ProcessingAccountSummary, ProcessingTerminal, ProcessingTerminalStatus,
    ProcessingTerminalSummary, Reminder, TerminalOrder, TerminalOrderStatus, TsysConfiguration,
    TsysMerchant, TsysTerminal,
};
use payroc_model::event::EventType;
use payroc_model::funding::{
    FundingAccountStatus, FundingAccountSummary, FundingPaymentMethod, Owner,
};
use payroc_model::secret::SensitiveData;
use payroc_model::OpenEnum;
use serde::Serialize;
use serde_json::json as value;
use std::sync::Arc;

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route(
            "/v1/merchant-platforms",
            get(list_platforms).post(create_platform),
        )
        .route(
            "/v1/merchant-platforms/{merchantPlatformId}",
            get(retrieve_platform),
        )
        .route(
            "/v1/merchant-platforms/{merchantPlatformId}/processing-accounts",
            get(list_accounts).post(create_account),
        )
        .route(
            "/v1/processing-accounts/{processingAccountId}",
            get(retrieve_account),
        )
        .route(
            "/v1/processing-accounts/{processingAccountId}/contacts",
            get(list_contacts),
        )
        .route(
            "/v1/processing-accounts/{processingAccountId}/owners",
            get(list_owners),
        )
        .route(
            "/v1/processing-accounts/{processingAccountId}/funding-accounts",
            get(list_funding_accounts),
        )
        .route(
            "/v1/processing-accounts/{processingAccountId}/processing-terminals",
            get(list_terminals),
        )
        .route(
            "/v1/processing-accounts/{processingAccountId}/terminal-orders",
            get(list_orders).post(create_order),
        )
        .route(
            "/v1/processing-accounts/{processingAccountId}/pricing",
            get(retrieve_pricing),
        )
        .route(
            "/v1/processing-accounts/{processingAccountId}/reminders",
            post(create_reminder),
        )
        .route(
            "/v1/owners/{ownerId}",
            get(retrieve_owner).put(update_owner).delete(delete_owner),
        )
        .route(
            "/v1/contacts/{contactId}",
            get(retrieve_contact)
                .put(update_contact)
                .delete(delete_contact),
        )
        .route(
            "/v1/processing-terminals/{processingTerminalId}",
            get(retrieve_terminal),
        )
        .route(
            "/v1/processing-terminals/{processingTerminalId}/host-configurations",
            get(retrieve_host_configuration),
        )
        .route("/v1/terminal-orders/{terminalOrderId}", get(retrieve_order))
}

fn reply<T: Serialize>(status: StatusCode, result: Result<T, Refusal>) -> Response {
    match result {
        Ok(body) => json(status, &body),
        Err(refusal) => refusal.into_response(),
    }
}

fn no_content(result: Result<(), Refusal>) -> Response {
    match result {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(refusal) => refusal.into_response(),
    }
}

/// The next platform, account or order id: digits, as the API's are.
fn next_boarding_id(s: &mut Store) -> String {
    let boarding = &mut s.ledger.boarding;
    boarding.last_id = boarding.last_id.max(38764) + 1;
    boarding.last_id.to_string()
}

fn masked(value: &SensitiveData) -> SensitiveData {
    let text = value.expose_secret();
    let tail = text.get(text.len().saturating_sub(4)..).unwrap_or("");
    SensitiveData::new(format!("xxxxx{tail}"))
}

fn platform_position(s: &Store, id: &str) -> Result<usize, Refusal> {
    s.ledger
        .boarding
        .merchant_platforms
        .iter()
        .position(|p| p.merchant_platform_id.as_deref() == Some(id))
        .ok_or_else(|| Refusal::not_found("merchant platform", id))
}

fn account_position(s: &Store, id: &str) -> Result<usize, Refusal> {
    s.ledger
        .boarding
        .processing_accounts
        .iter()
        .position(|a| a.account.processing_account_id.as_deref() == Some(id))
        .ok_or_else(|| Refusal::not_found("processing account", id))
}

/// A page of what `list` finds under the parent `id` that `parent` looks up (its
/// refusal, a 404, when there is none).
fn page_under<T: Serialize>(
    mock: &Mock,
    params: &ListParams,
    parent: fn(&Store, &str) -> Result<usize, Refusal>,
    id: &str,
    list: impl FnOnce(&Store) -> Vec<(String, T)>,
) -> Response {
    match mock.with_store(|s| parent(s, id).map(|_| list(s))) {
        Ok(items) => page_of(params, items),
        Err(refusal) => refusal.into_response(),
    }
}

/// A path id read as the API's integer id of an owner or contact.
fn int_id(text: &str, resource: &'static str) -> Result<i64, Refusal> {
    text.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| Refusal::not_found(resource, text))
}

/// The pricing agreement an account gets: the one sent when the request carries an
/// agreement, otherwise the standard US 5.0 schedule an intent stands for.
fn pricing_agreement(pricing: &JsonObject) -> PricingAgreement {
    let sent = (pricing.get("type").and_then(|t| t.as_str()) == Some("agreement"))
        .then(|| {
            serde_json::from_value::<PricingAgreement>(serde_json::Value::Object(pricing.clone()))
                .ok()
        })
        .flatten();
    sent.map(|mut agreement| {
        agreement.unknown = Default::default();
        agreement
    })
    .unwrap_or_else(|| {
        serde_json::from_value(value!({
            "country": "US",
            "version": "5.0",
            "base": {
                "addressVerification": 5,
                "annualFee": {"billInMonth": "december", "amount": 9900},
                "regulatoryAssistanceProgram": 15,
                "pciNonCompliance": 4995,
                "merchantAdvantage": 10,
                "platinumSecurity": {"amount": 1295, "billingFrequency": "monthly"},
                "maintenance": 500,
                "minimum": 100,
                "voiceAuthorization": 95,
                "chargeback": 2500,
                "retrieval": 1500,
                "batch": 5,
                "earlyTermination": 57500
            },
            "processor": {
                "card": {
                    "fees": {
                        "mastercardVisaDiscover": {"volume": 1.25},
                        "amex": {"volume": 1.25, "transaction": 1, "type": "optBlue"}
                    },
                    "planType": "interchangePlus"
                }
            },
            "gateway": {"fees": {"monthly": 0, "setup": 0, "perTransaction": 0, "perDeviceMonthly": 0}},
            "services": [{"enabled": true, "name": "hardwareAdvantagePlan"}]
        }))
        .expect("a fixed agreement parses")
    })
}

/// Stores a new processing account of `platform_id` with its people; returns it.
fn add_account(
    s: &mut Store,
    platform_id: &str,
    request: CreateProcessingAccount,
    day: i64,
    now: &str,
    host: &str,
) -> ProcessingAccount {
    let id = next_boarding_id(s);
    let mut owners = Vec::new();
    for mut owner in request.owners {
        let owner_id = next_id(s);
        owner.owner_id = Some(owner_id);
        for identifier in &mut owner.identifiers {
            identifier.value = masked(&identifier.value);
        }
        owners.push(PersonSummary {
            owner_id: Some(owner_id),
            first_name: Some(owner.first_name.clone()),
            last_name: Some(owner.last_name.clone()),
            link: Some(resource_link("owner", host, &format!("/owners/{owner_id}"))),
            ..PersonSummary::default()
        });
        s.ledger
            .boarding
            .boarding_owners
            .push(StoredBoardingPerson {
                processing_account_id: id.clone(),
                person: owner,
            });
    }
    let mut contacts = Vec::new();
    for mut contact in request.contacts.unwrap_or_default() {
        let contact_id = next_id(s);
        contact.contact_id = Some(contact_id);
        for identifier in &mut contact.identifiers {
            identifier.value = masked(&identifier.value);
        }
        contacts.push(PersonSummary {
            contact_id: Some(contact_id),
            first_name: Some(contact.first_name.clone()),
            last_name: Some(contact.last_name.clone()),
            link: Some(resource_link(
                "contact",
                host,
                &format!("/contacts/{contact_id}"),
            )),
            ..PersonSummary::default()
        });
        s.ledger.boarding.contacts.push(StoredBoardingPerson {
            processing_account_id: id.clone(),
            person: contact,
        });
    }
    let mut funding_accounts = Vec::new();
    let mut summaries = Vec::new();
    for mut account in request.funding.funding_accounts.unwrap_or_default() {
        let account_id = next_id(s);
        account.funding_account_id = Some(account_id);
        account.created_date = Some(now.to_owned());
        account.last_modified_date = Some(now.to_owned());
        account.status = Some(FundingAccountStatus::Pending);
        account.links = Some(vec![resource_link(
            "parent",
            host,
            &format!("/processing-accounts/{id}"),
        )]);
        for method in &mut account.payment_methods {
            if let FundingPaymentMethod::Ach(ach) = method {
                if let Some(value) = &mut ach.value {
                    value.account_number = masked(&value.account_number);
                }
            }
        }
        summaries.push(FundingAccountSummary {
            funding_account_id: Some(account_id),
            status: account.status.clone(),
            link: Some(resource_link(
                "fundingAccount",
                host,
                &format!("/funding-accounts/{account_id}"),
            )),
            unknown: Default::default(),
        });
        funding_accounts.push(account);
    }
    let pricing = pricing_agreement(&request.pricing);
    let account = ProcessingAccount {
        processing_account_id: Some(id.clone()),
        created_date: Some(now.to_owned()),
        last_modified_date: Some(now.to_owned()),
        status: Some(ProcessingAccountStatus::Entered),
        doing_business_as: request.doing_business_as,
        owners: Some(owners),
        website: request.website,
        business_type: request.business_type,
        category_code: request.category_code,
        merchandise_or_service_sold: request.merchandise_or_service_sold,
        business_start_date: Some(request.business_start_date),
        timezone: request.timezone,
        address: request.address,
        contact_methods: request.contact_methods,
        processing: request.processing,
        funding: Funding {
            status: request.funding.status,
            funding_schedule: request.funding.funding_schedule,
            accelerated_funding_fee: request.funding.accelerated_funding_fee,
            daily_discount: request.funding.daily_discount,
            funding_accounts: Some(summaries),
            unknown: Default::default(),
        },
        pricing: PricingLink {
            link: Some(resource_link(
                "pricing",
                host,
                &format!("/processing-accounts/{id}/pricing"),
            )),
            unknown: Default::default(),
        },
        contacts: Some(contacts),
        signature: request.signature,
        metadata: request.metadata,
        links: Some(vec![resource_link(
            "merchantPlatform",
            host,
            &format!("/merchant-platforms/{platform_id}"),
        )]),
        unknown: Default::default(),
    };
    s.ledger
        .boarding
        .processing_accounts
        .push(StoredProcessingAccount {
            merchant_platform_id: platform_id.to_owned(),
            status_day: day,
            account: account.clone(),
            funding_accounts,
            pricing,
            terminal_count: 0,
        });
    account
}

/// A platform with its accounts' summaries as they stand now.
fn platform_now(s: &Store, index: usize, host: &str) -> MerchantPlatform {
    let mut platform = s.ledger.boarding.merchant_platforms[index].clone();
    let id = platform.merchant_platform_id.clone().unwrap_or_default();
    platform.processing_accounts = Some(
        s.ledger
            .boarding
            .processing_accounts
            .iter()
            .filter(|a| a.merchant_platform_id == id)
            .map(|a| {
                let account_id = a.account.processing_account_id.clone().unwrap_or_default();
                ProcessingAccountSummary {
                    processing_account_id: Some(account_id.clone()),
                    doing_business_as: a.account.doing_business_as.clone(),
                    status: a.account.status.clone(),
                    link: Some(resource_link(
                        "processingAccount",
                        host,
                        &format!("/processing-accounts/{account_id}"),
                    )),
                    signature: Some(a.account.signature.clone()),
                    unknown: Default::default(),
                }
            })
            .collect(),
    );
    platform
}

/// `POST /merchant-platforms` → `201`.
async fn create_platform(
    State(mock): State<Arc<Mock>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: CreateMerchantPlatform = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    let now = mock.clock.now_rfc3339();
    let day = mock.today_number();
    let platform = mock.with_store(|s| {
        let id = next_boarding_id(s);
        let mut business = request.business;
        business.tax_id = masked(&business.tax_id);
        s.ledger.boarding.merchant_platforms.push(MerchantPlatform {
            merchant_platform_id: Some(id.clone()),
            created_date: Some(now.clone()),
            last_modified_date: Some(now.clone()),
            business,
            processing_accounts: None,
            metadata: request.metadata,
            links: None,
            unknown: Default::default(),
        });
        for account in request.processing_accounts {
            add_account(s, &id, account, day, &now, &host);
        }
        let index = s.ledger.boarding.merchant_platforms.len() - 1;
        platform_now(s, index, &host)
    });
    json(StatusCode::CREATED, &platform)
}

/// `GET /merchant-platforms`: oldest first, paged by id.
async fn list_platforms(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    let host = host_of(&headers);
    let items = mock.with_store(|s| {
        (0..s.ledger.boarding.merchant_platforms.len())
            .map(|i| {
                let platform = platform_now(s, i, &host);
                (
                    platform.merchant_platform_id.clone().unwrap_or_default(),
                    platform,
                )
            })
            .collect()
    });
    page_of(&params, items)
}

/// `GET /merchant-platforms/{merchantPlatformId}`.
async fn retrieve_platform(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let host = host_of(&headers);
    let result = mock.with_store(|s| Ok(platform_now(s, platform_position(s, &id)?, &host)));
    reply(StatusCode::OK, result)
}

/// Statuses of a closed account, listed only with `includeClosed=true`.
fn is_closed(status: &Option<ProcessingAccountStatus>) -> bool {
    matches!(
        status,
        Some(
            ProcessingAccountStatus::Terminated
                | ProcessingAccountStatus::Cancelled
                | ProcessingAccountStatus::Rejected
        )
    )
}

/// `GET /merchant-platforms/{merchantPlatformId}/processing-accounts`.
async fn list_accounts(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    let include_closed = match params.get("includeClosed") {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Refusal::bad("includeClosed", "Invalid format", "must be true or false")
                .into_response()
        }
    };
    page_under(&mock, &params, platform_position, &id, |s| {
        s.ledger
            .boarding
            .processing_accounts
            .iter()
            .filter(|a| a.merchant_platform_id == id)
            .filter(|a| include_closed || !is_closed(&a.account.status))
            .map(|a| {
                (
                    a.account.processing_account_id.clone().unwrap_or_default(),
                    a.account.clone(),
                )
            })
            .collect()
    })
}

/// `POST /merchant-platforms/{merchantPlatformId}/processing-accounts` → `201`.
async fn create_account(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: CreateProcessingAccount = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    let now = mock.clock.now_rfc3339();
    let day = mock.today_number();
    let result = mock.with_store(|s| {
        let index = platform_position(s, &id)?;
        s.ledger.boarding.merchant_platforms[index].last_modified_date = Some(now.clone());
        Ok(add_account(s, &id, request, day, &now, &host))
    });
    reply(StatusCode::CREATED, result)
}

/// `GET /processing-accounts/{processingAccountId}`.
async fn retrieve_account(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let index = account_position(s, &id)?;
        Ok(s.ledger.boarding.processing_accounts[index].account.clone())
    });
    reply(StatusCode::OK, result)
}

/// `GET /processing-accounts/{processingAccountId}/contacts`: paged by contact id.
async fn list_contacts(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    page_under(&mock, &params, account_position, &id, |s| {
        s.ledger
            .boarding
            .contacts
            .iter()
            .filter(|c| c.processing_account_id == id)
            .map(|c| {
                (
                    c.person.contact_id.unwrap_or_default().to_string(),
                    c.person.clone(),
                )
            })
            .collect()
    })
}

/// `GET /processing-accounts/{processingAccountId}/owners`: paged by owner id.
async fn list_owners(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    page_under(&mock, &params, account_position, &id, |s| {
        s.ledger
            .boarding
            .boarding_owners
            .iter()
            .filter(|o| o.processing_account_id == id)
            .map(|o| {
                (
                    o.person.owner_id.unwrap_or_default().to_string(),
                    o.person.clone(),
                )
            })
            .collect()
    })
}

/// `GET /processing-accounts/{processingAccountId}/funding-accounts`: one array.
async fn list_funding_accounts(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let index = account_position(s, &id)?;
        Ok(s.ledger.boarding.processing_accounts[index]
            .funding_accounts
            .clone())
    });
    reply(StatusCode::OK, result)
}

/// `GET /processing-accounts/{processingAccountId}/processing-terminals`.
async fn list_terminals(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    page_under(&mock, &params, account_position, &id, |s| {
        s.ledger
            .boarding
            .processing_terminals
            .iter()
            .filter(|t| t.processing_account_id == id)
            .map(|t| {
                (
                    t.terminal.processing_terminal_id.clone(),
                    t.terminal.clone(),
                )
            })
            .collect()
    })
}

/// `GET /processing-accounts/{processingAccountId}/pricing`.
async fn retrieve_pricing(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let index = account_position(s, &id)?;
        Ok(s.ledger.boarding.processing_accounts[index].pricing.clone())
    });
    reply(StatusCode::OK, result)
}

/// `POST /processing-accounts/{processingAccountId}/reminders` → `201`; only for a
/// signature requested by email (`409`).
async fn create_reminder(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let mut reminder: Reminder = match parse(&body) {
        Ok(reminder) => reminder,
        Err(response) => return response,
    };
    let result = mock.with_store(|s| {
        let index = account_position(s, &id)?;
        let account = &s.ledger.boarding.processing_accounts[index].account;
        if account.signature.get("type").and_then(|t| t.as_str()) != Some("requestedViaEmail") {
            return Err(Refusal::Conflict(
                "a reminder is sent only when the merchant's signature was requested by email"
                    .to_owned(),
            ));
        }
        reminder.reminder_id = Some(format!("{}", 1_234_000 + next_id(s)));
        reminder.unknown = Default::default();
        Ok(reminder)
    });
    reply(StatusCode::CREATED, result)
}

/// A terminal order's account may order terminals: approved for processing.
fn may_order(status: &Option<ProcessingAccountStatus>) -> bool {
    matches!(
        status,
        Some(
            ProcessingAccountStatus::Approved
                | ProcessingAccountStatus::SubjectTo
                | ProcessingAccountStatus::NonProcessing
        )
    )
}

/// A new inactive processing terminal of `account` and its host configuration.
fn add_terminal(s: &mut Store, account_index: usize, host: &str) -> ProcessingTerminalSummary {
    let stored = &mut s.ledger.boarding.processing_accounts[account_index];
    stored.terminal_count += 1;
    let account_id = stored
        .account
        .processing_account_id
        .clone()
        .unwrap_or_default();
    let id = format!("{account_id}{:03}", stored.terminal_count);
    let timezone = stored.account.timezone.clone();
    let terminal = ProcessingTerminal {
        processing_terminal_id: id.clone(),
        status: ProcessingTerminalStatus::Inactive,
        timezone,
        program: Some("Payroc Cloud".to_owned()),
        gateway: object(value!({"gateway": "payroc", "terminalTemplateId": "Roc Services_DX8000"})),
        batch_closure: object(value!({"batchCloseTime": "23:40", "batchCloseType": "automatic"}))
            .unwrap_or_default(),
        application_settings: object(value!({"invoiceNumberPrompt": true, "clerkPrompt": false}))
            .unwrap_or_default(),
        features: object(value!({
            "tips": {"enabled": false},
            "enhancedProcessing": {"enabled": false},
            "ebt": {"enabled": false},
            "pinDebitCashback": false,
            "recurringPayments": true,
            "paymentLinks": {"enabled": false},
            "preAuthorizations": true,
            "offlinePayments": false
        }))
        .unwrap_or_default(),
        taxes: None,
        security: object(
            value!({"tokenization": true, "avsPrompt": true, "avsLevel": "fullAddress", "cvvPrompt": true}),
        ),
        receipt_notifications: object(value!({"emailReceipt": true, "smsReceipt": false})),
        devices: None,
        unknown: Default::default(),
    };
    let number = 1000 + stored.terminal_count;
    let configuration = HostConfiguration {
        processing_terminal_id: id.clone(),
        processing_account_id: Some(account_id),
        configuration: HostProcessorConfiguration::Tsys(Box::new(TsysConfiguration {
            merchant: TsysMerchant {
                pos_mid: format!("8{:011}", stored.account.category_code),
                chain_number: "222222".to_owned(),
                settlement_agent: Some("0001".to_owned()),
                aba_number: None,
                bin_number: "888888".to_owned(),
                agent_bank_number: Some("000001".to_owned()),
                reimbursement_attribute: Some("Z".to_owned()),
                location_number: Some("000001".to_owned()),
                unknown: Default::default(),
            },
            terminal: TsysTerminal {
                terminal_id: format!("V{:06}", number),
                terminal_number: number.to_string(),
                authentication_code: Some(SensitiveData::new(format!("A{number}C"))),
                sharing_groups: None,
                moto_allowed: Some(true),
                internet_allowed: Some(true),
                card_present_allowed: Some(true),
                unknown: Default::default(),
            },
            unknown: Default::default(),
        })),
        unknown: Default::default(),
    };
    s.ledger
        .boarding
        .processing_terminals
        .push(StoredProcessingTerminal {
            processing_account_id: configuration
                .processing_account_id
                .clone()
                .unwrap_or_default(),
            terminal,
            host: configuration,
        });
    ProcessingTerminalSummary {
        processing_terminal_id: id.clone(),
        link: resource_link(
            "processingTerminal",
            host,
            &format!("/processing-terminals/{id}"),
        ),
        unknown: Default::default(),
    }
}

fn object(v: serde_json::Value) -> Option<JsonObject> {
    match v {
        serde_json::Value::Object(map) => Some(map),
        _ => None,
    }
}

/// `POST /processing-accounts/{processingAccountId}/terminal-orders` → `201`; only for
/// an approved account (`409`).
async fn create_order(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: CreateTerminalOrder = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    let now = mock.clock.now_rfc3339();
    let day = mock.today_number();
    let result = mock.with_store(|s| {
        let index = account_position(s, &id)?;
        let status = s.ledger.boarding.processing_accounts[index].account.status.clone();
        if !may_order(&status) {
            return Err(Refusal::Conflict(format!(
                "terminals can be ordered only for an approved processing account; this one is `{}`",
                status.as_ref().map_or("unknown", |s| s.as_str())
            )));
        }
        let mut items = request.order_items;
        for item in &mut items {
            let links = (0..item.solution_quantity.unwrap_or(1))
                .map(|_| add_terminal(s, index, &host))
                .collect();
            item.links = Some(links);
        }
        let order = TerminalOrder {
            terminal_order_id: next_boarding_id(s),
            status: TerminalOrderStatus::Open,
            training_provider: request.training_provider,
            shipping: request.shipping,
            order_items: items,
            created_date: Some(now.clone()),
            last_modified_date: Some(now.clone()),
            unknown: Default::default(),
        };
        s.ledger.boarding.terminal_orders.push(StoredTerminalOrder {
            processing_account_id: id.clone(),
            status_day: day,
            order: order.clone(),
        });
        Ok(order)
    });
    reply(StatusCode::CREATED, result)
}

/// `GET /processing-accounts/{processingAccountId}/terminal-orders`: one array,
/// filtered by `status` and the creation window (`fromDateTime`, `toDateTime`).
async fn list_orders(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    let result = mock.with_store(|s| {
        account_position(s, &id)?;
        Ok(s.ledger
            .boarding
            .terminal_orders
            .iter()
            .filter(|o| o.processing_account_id == id)
            .filter(|o| params.matches("status", Some(o.order.status.as_str())))
            .filter(|o| {
                let created = o.order.created_date.as_deref().unwrap_or("");
                params.within("fromDateTime", "toDateTime", created)
            })
            .map(|o| o.order.clone())
            .collect::<Vec<_>>())
    });
    reply(StatusCode::OK, result)
}

/// `GET /terminal-orders/{terminalOrderId}`.
async fn retrieve_order(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        s.ledger
            .boarding
            .terminal_orders
            .iter()
            .find(|o| o.order.terminal_order_id == id)
            .map(|o| o.order.clone())
            .ok_or_else(|| Refusal::not_found("terminal order", &id))
    });
    reply(StatusCode::OK, result)
}

fn terminal_of<'a>(s: &'a Store, id: &str) -> Result<&'a StoredProcessingTerminal, Refusal> {
    s.ledger
        .boarding
        .processing_terminals
        .iter()
        .find(|t| t.terminal.processing_terminal_id == id)
        .ok_or_else(|| Refusal::not_found("processing terminal", id))
}

/// `GET /processing-terminals/{processingTerminalId}`.
async fn retrieve_terminal(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| terminal_of(s, &id).map(|t| t.terminal.clone()));
    reply(StatusCode::OK, result)
}

/// `GET /processing-terminals/{processingTerminalId}/host-configurations`.
async fn retrieve_host_configuration(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
) -> Response {
    let result = mock.with_store(|s| terminal_of(s, &id).map(|t| t.host.clone()));
    reply(StatusCode::OK, result)
}

/// Where an owner is: a processing account's (`Ok(Ok(i))`) or a funding
/// recipient's (`Ok(Err(i))`).
fn owner_position(s: &Store, text: &str) -> Result<Result<usize, usize>, Refusal> {
    let id = Some(int_id(text, "owner")?);
    if let Some(i) = s
        .ledger
        .boarding
        .boarding_owners
        .iter()
        .position(|o| o.person.owner_id == id)
    {
        return Ok(Ok(i));
    }
    s.ledger
        .funding
        .funding_owners
        .iter()
        .position(|o| o.owner.owner_id == id)
        .map(Err)
        .ok_or_else(|| Refusal::not_found("owner", text))
}

/// `GET /owners/{ownerId}`: a processing account's owner or a funding recipient's.
async fn retrieve_owner(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        Ok(match owner_position(s, &id)? {
            Ok(i) => s.ledger.boarding.boarding_owners[i].person.clone(),
            Err(i) => s.ledger.funding.funding_owners[i].owner.clone(),
        })
    });
    reply(StatusCode::OK, result)
}

/// `PUT /owners/{ownerId}` → `204`: replaces the owner (one control prong per business).
async fn update_owner(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let mut owner: Owner = match parse(&body) {
        Ok(owner) => owner,
        Err(response) => return response,
    };
    let result = mock.with_store(|s| {
        let position = owner_position(s, &id)?;
        let owner_id = int_id(&id, "owner")?;
        owner.owner_id = Some(owner_id);
        for identifier in &mut owner.identifiers {
            identifier.value = masked(&identifier.value);
        }
        let other_prong = match position {
            Ok(i) => {
                let account = s.ledger.boarding.boarding_owners[i]
                    .processing_account_id
                    .clone();
                s.ledger.boarding.boarding_owners.iter().any(|o| {
                    o.processing_account_id == account
                        && o.person.owner_id != Some(owner_id)
                        && o.person.relationship.is_control_prong
                })
            }
            Err(i) => {
                let recipient = s.ledger.funding.funding_owners[i].recipient_id;
                s.ledger.funding.funding_owners.iter().any(|o| {
                    o.recipient_id == recipient
                        && o.owner.owner_id != Some(owner_id)
                        && o.owner.relationship.is_control_prong
                })
            }
        };
        if owner.relationship.is_control_prong && other_prong {
            return Err(Refusal::Conflict(
                "the business already has a control prong; it has only one".to_owned(),
            ));
        }
        match position {
            Ok(i) => {
                let stored = &mut s.ledger.boarding.boarding_owners[i];
                stored.person = owner;
                let (account_id, first, last) = (
                    stored.processing_account_id.clone(),
                    stored.person.first_name.clone(),
                    stored.person.last_name.clone(),
                );
                let index = account_position(s, &account_id)?;
                for summary in s.ledger.boarding.processing_accounts[index]
                    .account
                    .owners
                    .iter_mut()
                    .flatten()
                    .filter(|o| o.owner_id == Some(owner_id))
                {
                    summary.first_name = Some(first.clone());
                    summary.last_name = Some(last.clone());
                }
            }
            Err(i) => s.ledger.funding.funding_owners[i].owner = owner,
        }
        Ok(())
    });
    no_content(result)
}

/// `DELETE /owners/{ownerId}` → `204`: a funding recipient's owner while it has
/// another; a processing account's owners stay (`409`).
async fn delete_owner(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| match owner_position(s, &id)? {
        Ok(_) => Err(Refusal::Conflict(
            "an owner of a processing account cannot be deleted".to_owned(),
        )),
        Err(i) => {
            let recipient = s.ledger.funding.funding_owners[i].recipient_id;
            let owners = s
                .ledger
                .funding
                .funding_owners
                .iter()
                .filter(|o| o.recipient_id == recipient)
                .count();
            if owners < 2 {
                return Err(Refusal::Conflict(
                    "a funding recipient's only owner cannot be deleted".to_owned(),
                ));
            }
            let owner_id = s.ledger.funding.funding_owners[i].owner.owner_id;
            s.ledger.funding.funding_owners.remove(i);
            for r in &mut s.ledger.funding.funding_recipients {
                if let Some(list) = &mut r.owners {
                    list.retain(|o| o.owner_id != owner_id);
                }
            }
            Ok(())
        }
    });
    no_content(result)
}

fn contact_position(s: &Store, text: &str) -> Result<usize, Refusal> {
    let id = Some(int_id(text, "contact")?);
    s.ledger
        .boarding
        .contacts
        .iter()
        .position(|c| c.person.contact_id == id)
        .ok_or_else(|| Refusal::not_found("contact", text))
}

/// `GET /contacts/{contactId}`.
async fn retrieve_contact(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let i = contact_position(s, &id)?;
        Ok(s.ledger.boarding.contacts[i].person.clone())
    });
    reply(StatusCode::OK, result)
}

/// `PUT /contacts/{contactId}` → `204`: replaces the contact.
async fn update_contact(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let mut contact: Contact = match parse(&body) {
        Ok(contact) => contact,
        Err(response) => return response,
    };
    let result = mock.with_store(|s| {
        let i = contact_position(s, &id)?;
        let contact_id = int_id(&id, "contact")?;
        contact.contact_id = Some(contact_id);
        for identifier in &mut contact.identifiers {
            identifier.value = masked(&identifier.value);
        }
        let (first, last) = (contact.first_name.clone(), contact.last_name.clone());
        s.ledger.boarding.contacts[i].person = contact;
        let account_id = s.ledger.boarding.contacts[i].processing_account_id.clone();
        let index = account_position(s, &account_id)?;
        for summary in s.ledger.boarding.processing_accounts[index]
            .account
            .contacts
            .iter_mut()
            .flatten()
            .filter(|c| c.contact_id == Some(contact_id))
        {
            summary.first_name = Some(first.clone());
            summary.last_name = Some(last.clone());
        }
        Ok(())
    });
    no_content(result)
}

/// `DELETE /contacts/{contactId}` → `204`; it leaves its account's list too.
async fn delete_contact(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let i = contact_position(s, &id)?;
        let stored = s.ledger.boarding.contacts.remove(i);
        let index = account_position(s, &stored.processing_account_id)?;
        if let Some(list) = &mut s.ledger.boarding.processing_accounts[index]
            .account
            .contacts
        {
            list.retain(|c| c.contact_id != stored.person.contact_id);
        }
        Ok(())
    });
    no_content(result)
}

/// Moves processing account `index` to `status`, notifying subscribers.
fn set_account_status(
    s: &mut Store,
    index: usize,
    status: ProcessingAccountStatus,
    day: i64,
    now: &str,
) {
    let stored = &mut s.ledger.boarding.processing_accounts[index];
    let previous = stored.account.status.replace(status.clone());
    stored.status_day = day;
    stored.account.last_modified_date = Some(now.to_owned());
    let id = stored
        .account
        .processing_account_id
        .clone()
        .unwrap_or_default();
    notify(
        s,
        EventType::ProcessingAccountStatusChanged,
        &id,
        value!({
            "processingAccountId": id,
            "status": status.as_str(),
            "previousStatus": previous.as_ref().map(|p| p.as_str()),
        }),
    );
}

/// Moves terminal order `index` to `status` (its terminals active once `fulfilled`),
/// notifying subscribers.
fn set_order_status(s: &mut Store, index: usize, status: TerminalOrderStatus, day: i64, now: &str) {
    let stored = &mut s.ledger.boarding.terminal_orders[index];
    let previous = std::mem::replace(&mut stored.order.status, status.clone());
    stored.status_day = day;
    stored.order.last_modified_date = Some(now.to_owned());
    let (id, account) = (
        stored.order.terminal_order_id.clone(),
        stored.processing_account_id.clone(),
    );
    let terminals: Vec<String> = stored
        .order
        .order_items
        .iter()
        .flat_map(|item| item.links.iter().flatten())
        .map(|l| l.processing_terminal_id.clone())
        .collect();
    if status == TerminalOrderStatus::Fulfilled {
        for t in &mut s.ledger.boarding.processing_terminals {
            if terminals.contains(&t.terminal.processing_terminal_id) {
                t.terminal.status = ProcessingTerminalStatus::Active;
            }
        }
    }
    notify(
        s,
        EventType::TerminalOrderStatusChanged,
        &id,
        value!({
            "terminalOrderId": id,
            "processingAccountId": account,
            "status": status.as_str(),
            "previousStatus": previous.as_str(),
        }),
    );
}

/// Review and shipping by the emulator's clock (`day`: days since the epoch): an
/// account entered a day ago is `pending`, pending a day `approved`; an order open a
/// day is `dispatched`, dispatched a day `fulfilled`.
pub(crate) fn review_boarding(s: &mut Store, day: i64, now: &str) {
    for index in 0..s.ledger.boarding.processing_accounts.len() {
        // Each step waits a day after the last change, so one long clock move still
        // walks through every status (and notifies each).
        loop {
            let stored = &s.ledger.boarding.processing_accounts[index];
            let next = match stored.account.status {
                Some(ProcessingAccountStatus::Entered) => ProcessingAccountStatus::Pending,
                Some(ProcessingAccountStatus::Pending) => ProcessingAccountStatus::Approved,
                _ => break,
            };
            if day - stored.status_day < 1 {
                break;
            }
            let at = stored.status_day + 1;
            set_account_status(s, index, next, at, now);
        }
    }
    for index in 0..s.ledger.boarding.terminal_orders.len() {
        loop {
            let stored = &s.ledger.boarding.terminal_orders[index];
            let next = match stored.order.status {
                TerminalOrderStatus::Open => TerminalOrderStatus::Dispatched,
                TerminalOrderStatus::Dispatched => TerminalOrderStatus::Fulfilled,
                _ => break,
            };
            if day - stored.status_day < 1 {
                break;
            }
            let at = stored.status_day + 1;
            set_order_status(s, index, next, at, now);
        }
    }
}

/// Sets processing account `id`'s status (the test control and [`Mock`]'s method).
pub(crate) fn change_account_status(
    s: &mut Store,
    id: &str,
    status: ProcessingAccountStatus,
    day: i64,
    now: &str,
) -> Result<ProcessingAccount, Refusal> {
    let index = account_position(s, id)?;
    set_account_status(s, index, status, day, now);
    Ok(s.ledger.boarding.processing_accounts[index].account.clone())
}

/// Sets terminal order `id`'s status (the test control and [`Mock`]'s method).
pub(crate) fn change_order_status(
    s: &mut Store,
    id: &str,
    status: TerminalOrderStatus,
    day: i64,
    now: &str,
) -> Result<TerminalOrder, Refusal> {
    let index = s
        .ledger
        .boarding
        .terminal_orders
        .iter()
        .position(|o| o.order.terminal_order_id == id)
        .ok_or_else(|| Refusal::not_found("terminal order", id))?;
    set_order_status(s, index, status, day, now);
    Ok(s.ledger.boarding.terminal_orders[index].order.clone())
}

/// The body of the status test controls: `{"status": "…"}`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusChange {
    status: String,
}

fn status_of<E: OpenEnum + serde::de::DeserializeOwned>(body: &Bytes) -> Result<E, Refusal> {
    let change: StatusChange = serde_json::from_slice(body).map_err(|err| {
        Refusal::bad(
            "status",
            "required",
            format!("send {{\"status\": \"…\"}}: {err}"),
        )
    })?;
    match serde_json::from_value::<E>(serde_json::Value::String(change.status)) {
        Ok(status) if status.is_known() => Ok(status),
        _ => Err(Refusal::bad(
            "status",
            "enum",
            format!("must be one of {}", E::known_values().join(", ")),
        )),
    }
}

/// `POST /_mock/processing-accounts/{processingAccountId}/status`: sets the account's
/// review status; answers the account.
pub(crate) async fn control_account_status(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let now = mock.clock.now_rfc3339();
    let day = mock.today_number();
    let result = status_of::<ProcessingAccountStatus>(&body)
        .and_then(|status| mock.with_store(|s| change_account_status(s, &id, status, day, &now)));
    reply(StatusCode::OK, result)
}

/// `POST /_mock/terminal-orders/{terminalOrderId}/status`: sets the order's status;
/// answers the order.
pub(crate) async fn control_order_status(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let now = mock.clock.now_rfc3339();
    let day = mock.today_number();
    let result = status_of::<TerminalOrderStatus>(&body)
        .and_then(|status| mock.with_store(|s| change_order_status(s, &id, status, day, &now)));
    reply(StatusCode::OK, result)
}
