//! Funding: recipients with their owners and funding accounts, the merchants'
//! funding balances, and the funding instructions that pay them out.
//!
//! - A merchant's funding balance holds `funds`, of which `pending` is promised to
//!   funding instructions not yet paid; `available` is the rest. Settled funds are
//!   credited through [`credit_funding`] (settlement calls it; so does the test control
//!   `POST /_mock/funding/credit`), each credit a `credit` movement of funding activity.
//! - Creating a funding instruction moves each payment's amount from `available` to
//!   `pending`; one above the merchant's available balance is refused (`409`), and so
//!   is one naming a funding account the emulator does not hold (`400`). An instruction
//!   is `accepted` on the day it is made: only then can it be replaced (PUT) or deleted
//!   (its amounts return to `available`); otherwise `409`.
//! - Review follows the emulator's clock ([`review_instructions`]): a day after its
//!   creation an instruction is `pending`, two days after it is `completed`: each
//!   payment whose funding account still exists is `funded` and leaves the balance as a
//!   `debit` movement; one whose account was deleted meanwhile `failed` and its amount
//!   returns to `available`.
//! - Deleting a recipient deletes its owners and funding accounts, as the API says.

use crate::clock::parse_iso_date;
use crate::problem::{bad_parameter, Refusal};
use crate::routes::cards::{host_of, resource_link};
use crate::routes::list::ListParams;
use crate::routes::{json, parse};
use crate::store::ledger::{
    FundingBalance, StoredActivity, StoredFundingAccount, StoredFundingInstruction, StoredOwner,
};
use crate::store::Store;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use payroc_model::funding::{
    ActivityRecord, ActivityType, CreateFundingRecipient, FundingAccount, FundingAccountStatus,
    FundingAccountSummary, FundingAccountUse, FundingPaymentStatus, FundingRecipient, Instruction,
    InstructionStatus, MerchantBalance, Owner, OwnerSummary, RecipientStatus,
};
use payroc_model::page::Paginated;
use payroc_model::secret::SensitiveData;
use payroc_model::validate::is_iso_date;
use payroc_model::Currency;
use serde::Serialize;
use std::sync::Arc;

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route(
            "/v1/funding-recipients",
            get(list_recipients).post(create_recipient),
        )
        .route(
            "/v1/funding-recipients/{recipientId}",
            get(retrieve_recipient)
                .put(update_recipient)
                .delete(delete_recipient),
        )
        .route(
            "/v1/funding-recipients/{recipientId}/funding-accounts",
            get(list_recipient_accounts).post(create_account),
        )
        .route(
            "/v1/funding-recipients/{recipientId}/owners",
            get(list_owners).post(create_owner),
        )
        .route("/v1/funding-accounts", get(list_accounts))
        .route(
            "/v1/funding-accounts/{fundingAccountId}",
            get(retrieve_account)
                .put(update_account)
                .delete(delete_account),
        )
        .route(
            "/v1/funding-instructions",
            get(list_instructions).post(create_instruction),
        )
        .route(
            "/v1/funding-instructions/{instructionId}",
            get(retrieve_instruction)
                .put(update_instruction)
                .delete(delete_instruction),
        )
        .route("/v1/funding-activity", get(list_activity))
        .route("/v1/funding-balance", get(list_balances))
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

/// The next id of any funding resource (recipients, owners, accounts, instructions,
/// movements share one sequence, so an id never names two things).
pub(crate) fn next_id(s: &mut Store) -> i64 {
    let funding = &mut s.ledger.funding;
    funding.last_id = funding.last_id.max(1000) + 1;
    funding.last_id
}

/// A path id read as the API's integer id; anything else names nothing (`404`).
fn id_of(text: &str, resource: &'static str) -> Result<i64, Refusal> {
    text.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| Refusal::not_found(resource, text))
}

fn recipient_position(s: &Store, text: &str) -> Result<usize, Refusal> {
    let id = id_of(text, "funding recipient")?;
    s.ledger
        .funding
        .funding_recipients
        .iter()
        .position(|r| r.recipient_id == Some(id))
        .ok_or_else(|| Refusal::not_found("funding recipient", text))
}

fn account_position(s: &Store, text: &str) -> Result<usize, Refusal> {
    let id = id_of(text, "funding account")?;
    account_index(s, id).ok_or_else(|| Refusal::not_found("funding account", text))
}

fn account_index(s: &Store, id: i64) -> Option<usize> {
    s.ledger
        .funding
        .funding_accounts
        .iter()
        .position(|a| a.account.funding_account_id == Some(id))
}

fn instruction_position(s: &Store, text: &str) -> Result<usize, Refusal> {
    let id = id_of(text, "funding instruction")?;
    s.ledger
        .funding
        .funding_instructions
        .iter()
        .position(|i| i.instruction.instruction_id == Some(id))
        .ok_or_else(|| Refusal::not_found("funding instruction", text))
}

/// A page of `items` (id, item), oldest first, paged by id.
pub(crate) fn page_of<T: Serialize>(params: &ListParams, items: Vec<(String, T)>) -> Response {
    match params.page(items, |(id, _)| id) {
        Ok(page) => json(
            StatusCode::OK,
            &Paginated {
                limit: page.limit,
                count: page.count,
                has_more: page.has_more,
                links: page.links,
                data: page.data.into_iter().map(|(_, item)| item).collect(),
                unknown: page.unknown,
            },
        ),
        Err(response) => response,
    }
}

// ---------------------------------------------------------------------------
// Recipients, owners and funding accounts
// ---------------------------------------------------------------------------

/// The recipient as read: its owners and accounts listed by id and link.
fn recipient_view(s: &Store, index: usize, host: &str) -> FundingRecipient {
    let funding = &s.ledger.funding;
    let mut out = funding.funding_recipients[index].clone();
    let id = out.recipient_id;
    out.owners = Some(
        funding
            .funding_owners
            .iter()
            .filter(|o| Some(o.recipient_id) == id)
            .map(|o| {
                let owner_id = o.owner.owner_id.unwrap_or_default();
                OwnerSummary {
                    owner_id: o.owner.owner_id,
                    link: Some(resource_link("owner", host, &format!("/owners/{owner_id}"))),
                    unknown: Default::default(),
                }
            })
            .collect(),
    );
    out.funding_accounts = Some(
        funding
            .funding_accounts
            .iter()
            .filter(|a| Some(a.recipient_id) == id)
            .map(|a| {
                let account_id = a.account.funding_account_id.unwrap_or_default();
                FundingAccountSummary {
                    funding_account_id: a.account.funding_account_id,
                    status: a.account.status.clone(),
                    link: Some(resource_link(
                        "fundingAccount",
                        host,
                        &format!("/funding-accounts/{account_id}"),
                    )),
                    unknown: Default::default(),
                }
            })
            .collect(),
    );
    out
}

/// A national id as the API returns it: all but the last four characters hidden.
fn masked(value: &SensitiveData) -> SensitiveData {
    let text = value.expose_secret();
    let keep = text.len().saturating_sub(4);
    let tail = text.get(keep..).unwrap_or("");
    SensitiveData::new(format!("xxxxx{tail}"))
}

fn add_owner(s: &mut Store, recipient_id: i64, mut owner: Owner) -> Owner {
    owner.owner_id = Some(next_id(s));
    for identifier in &mut owner.identifiers {
        identifier.value = masked(&identifier.value);
    }
    s.ledger.funding.funding_owners.push(StoredOwner {
        recipient_id,
        owner: owner.clone(),
    });
    owner
}

/// A recipient's account receives funds only.
fn credit_only(account: &FundingAccount) -> Result<(), Refusal> {
    if account.usage == FundingAccountUse::Credit {
        Ok(())
    } else {
        Err(Refusal::bad(
            "use",
            "enum",
            "a funding recipient's account takes only `credit`",
        ))
    }
}

fn add_account(
    s: &mut Store,
    recipient_id: i64,
    mut account: FundingAccount,
    now: &str,
    host: &str,
) -> FundingAccount {
    account.funding_account_id = Some(next_id(s));
    account.created_date = Some(now.to_owned());
    account.last_modified_date = Some(now.to_owned());
    account.status = Some(FundingAccountStatus::Approved);
    account.links = Some(vec![resource_link(
        "parent",
        host,
        &format!("/funding-recipients/{recipient_id}"),
    )]);
    s.ledger
        .funding
        .funding_accounts
        .push(StoredFundingAccount {
            recipient_id,
            account: account.clone(),
        });
    account
}

/// `POST /funding-recipients` → `201`: the recipient with its owners and accounts.
async fn create_recipient(
    State(mock): State<Arc<Mock>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request: CreateFundingRecipient = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    let now = mock.clock.now_rfc3339();
    let view = mock.with_store(|s| {
        let id = next_id(s);
        s.ledger.funding.funding_recipients.push(FundingRecipient {
            recipient_id: Some(id),
            status: Some(RecipientStatus::Approved),
            created_date: Some(now.clone()),
            last_modified_date: Some(now.clone()),
            recipient_type: request.recipient_type,
            tax_id: request.tax_id,
            charity_id: request.charity_id,
            doing_business_as: request.doing_business_as,
            address: request.address,
            contact_methods: request.contact_methods,
            metadata: request.metadata,
            owners: None,
            funding_accounts: None,
            unknown: Default::default(),
        });
        for owner in request.owners {
            add_owner(s, id, owner);
        }
        for account in request.funding_accounts {
            add_account(s, id, account, &now, &host);
        }
        recipient_view(s, s.ledger.funding.funding_recipients.len() - 1, &host)
    });
    json(StatusCode::CREATED, &view)
}

/// `GET /funding-recipients`: every recipient, oldest first, paged by id.
async fn list_recipients(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    let host = host_of(&headers);
    let items = mock.with_store(|s| {
        (0..s.ledger.funding.funding_recipients.len())
            .map(|i| {
                let view = recipient_view(s, i, &host);
                (view.recipient_id.unwrap_or_default().to_string(), view)
            })
            .collect()
    });
    page_of(&params, items)
}

/// `GET /funding-recipients/{recipientId}`.
async fn retrieve_recipient(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let host = host_of(&headers);
    let result = mock.with_store(|s| Ok(recipient_view(s, recipient_position(s, &id)?, &host)));
    reply(StatusCode::OK, result)
}

/// `PUT /funding-recipients/{recipientId}` → `204`: the recipient's details replaced;
/// its id, status, dates, owners and accounts are the gateway's.
async fn update_recipient(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let update: FundingRecipient = match parse(&body) {
        Ok(update) => update,
        Err(response) => return response,
    };
    let now = mock.clock.now_rfc3339();
    no_content(mock.with_store(|s| {
        let index = recipient_position(s, &id)?;
        let stored = &mut s.ledger.funding.funding_recipients[index];
        *stored = FundingRecipient {
            recipient_id: stored.recipient_id,
            status: stored.status.clone(),
            created_date: stored.created_date.clone(),
            last_modified_date: Some(now),
            owners: None,
            funding_accounts: None,
            ..update
        };
        Ok(())
    }))
}

/// `DELETE /funding-recipients/{recipientId}` → `204`, with its owners and accounts.
async fn delete_recipient(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    no_content(mock.with_store(|s| {
        let index = recipient_position(s, &id)?;
        let funding = &mut s.ledger.funding;
        let recipient = funding.funding_recipients.remove(index);
        let id = recipient.recipient_id.unwrap_or_default();
        funding.funding_owners.retain(|o| o.recipient_id != id);
        funding.funding_accounts.retain(|a| a.recipient_id != id);
        Ok(())
    }))
}

/// `GET /funding-recipients/{recipientId}/funding-accounts`: a plain array.
async fn list_recipient_accounts(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
) -> Response {
    let result = mock.with_store(|s| {
        let index = recipient_position(s, &id)?;
        let recipient = s.ledger.funding.funding_recipients[index].recipient_id;
        Ok(s.ledger
            .funding
            .funding_accounts
            .iter()
            .filter(|a| Some(a.recipient_id) == recipient)
            .map(|a| a.account.clone())
            .collect::<Vec<_>>())
    });
    reply(StatusCode::OK, result)
}

/// `POST /funding-recipients/{recipientId}/funding-accounts` → `201`.
async fn create_account(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let account: FundingAccount = match parse(&body) {
        Ok(account) => account,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    let now = mock.clock.now_rfc3339();
    let result = mock.with_store(|s| {
        let index = recipient_position(s, &id)?;
        credit_only(&account)?;
        let recipient = s.ledger.funding.funding_recipients[index]
            .recipient_id
            .unwrap_or_default();
        Ok(add_account(s, recipient, account, &now, &host))
    });
    reply(StatusCode::CREATED, result)
}

/// `GET /funding-recipients/{recipientId}/owners`: a plain array.
async fn list_owners(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let index = recipient_position(s, &id)?;
        let recipient = s.ledger.funding.funding_recipients[index].recipient_id;
        Ok(s.ledger
            .funding
            .funding_owners
            .iter()
            .filter(|o| Some(o.recipient_id) == recipient)
            .map(|o| o.owner.clone())
            .collect::<Vec<_>>())
    });
    reply(StatusCode::OK, result)
}

/// `POST /funding-recipients/{recipientId}/owners` → `201`; one control prong per
/// business (`409` for a second).
async fn create_owner(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let owner: Owner = match parse(&body) {
        Ok(owner) => owner,
        Err(response) => return response,
    };
    let result = mock.with_store(|s| {
        let index = recipient_position(s, &id)?;
        let recipient = s.ledger.funding.funding_recipients[index]
            .recipient_id
            .unwrap_or_default();
        let has_prong = s
            .ledger
            .funding
            .funding_owners
            .iter()
            .any(|o| o.recipient_id == recipient && o.owner.relationship.is_control_prong);
        if owner.relationship.is_control_prong && has_prong {
            return Err(Refusal::Conflict(
                "the funding recipient already has a control prong; a business has only one"
                    .to_owned(),
            ));
        }
        Ok(add_owner(s, recipient, owner))
    });
    reply(StatusCode::CREATED, result)
}

/// `GET /funding-accounts`: every funding account, oldest first, paged by id.
async fn list_accounts(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    let items = mock.with_store(|s| {
        s.ledger
            .funding
            .funding_accounts
            .iter()
            .map(|a| {
                let id = a.account.funding_account_id.unwrap_or_default();
                (id.to_string(), a.account.clone())
            })
            .collect()
    });
    page_of(&params, items)
}

/// `GET /funding-accounts/{fundingAccountId}`.
async fn retrieve_account(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let index = account_position(s, &id)?;
        Ok(s.ledger.funding.funding_accounts[index].account.clone())
    });
    reply(StatusCode::OK, result)
}

/// `PUT /funding-accounts/{fundingAccountId}` → `204`: type, use, holder, bank details
/// and metadata replaced; its id, status, dates and links are the gateway's.
async fn update_account(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let update: FundingAccount = match parse(&body) {
        Ok(update) => update,
        Err(response) => return response,
    };
    let now = mock.clock.now_rfc3339();
    no_content(mock.with_store(|s| {
        let index = account_position(s, &id)?;
        credit_only(&update)?;
        let stored = &mut s.ledger.funding.funding_accounts[index].account;
        *stored = FundingAccount {
            funding_account_id: stored.funding_account_id,
            created_date: stored.created_date.clone(),
            last_modified_date: Some(now),
            status: stored.status.clone(),
            links: stored.links.clone(),
            ..update
        };
        Ok(())
    }))
}

/// `DELETE /funding-accounts/{fundingAccountId}` → `204`. A payment of a funding
/// instruction to it that is not yet paid fails at review.
async fn delete_account(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    no_content(mock.with_store(|s| {
        let index = account_position(s, &id)?;
        s.ledger.funding.funding_accounts.remove(index);
        Ok(())
    }))
}

// ---------------------------------------------------------------------------
// Balances, activity and instructions
// ---------------------------------------------------------------------------

/// Credits `amount` (minor units of USD) of settled funds to `merchant_id`'s funding
/// balance, recorded as a `credit` movement of funding activity dated `now`, and
/// returns the movement's id. Settlement (a batch closing) calls it, as does the test
/// control `POST /_mock/funding/credit`. `merchant_name` (the DBA that activity
/// shows) names a merchant the emulator has not seen; `None` keeps the name it has.
pub(crate) fn credit_funding(
    s: &mut Store,
    merchant_id: &str,
    merchant_name: Option<&str>,
    amount: i64,
    description: &str,
    now: &str,
) -> i64 {
    let id = next_id(s);
    let balance = s
        .ledger
        .funding
        .funding_balances
        .entry(merchant_id.to_owned())
        .or_insert_with(|| FundingBalance {
            merchant_name: format!("Merchant {merchant_id}"),
            ..FundingBalance::default()
        });
    if let Some(name) = merchant_name {
        balance.merchant_name = name.to_owned();
    }
    balance.funds = balance.funds.saturating_add(amount);
    let merchant = balance.merchant_name.clone();
    let credit = movement(
        id,
        merchant,
        None,
        description.to_owned(),
        amount,
        ActivityType::Credit,
        now,
    );
    record(s, merchant_id, credit);
    id
}

/// A movement of `merchant`'s funding balance dated `now`, in USD.
fn movement(
    id: i64,
    merchant: String,
    recipient: Option<String>,
    description: String,
    amount: i64,
    kind: ActivityType,
    now: &str,
) -> ActivityRecord {
    ActivityRecord {
        id,
        date: now.to_owned(),
        merchant,
        recipient,
        description,
        amount,
        kind,
        currency: Currency::Usd,
        unknown: Default::default(),
    }
}

/// Appends one movement of `merchant_id`'s balance to funding activity.
fn record(s: &mut Store, merchant_id: &str, record: ActivityRecord) {
    s.ledger.funding.funding_activity.push(StoredActivity {
        merchant_id: merchant_id.to_owned(),
        record,
    });
}

/// The balance of `merchant_id` as the API shows it.
fn balance_view(merchant_id: &str, balance: &FundingBalance) -> MerchantBalance {
    MerchantBalance {
        merchant_id: Some(merchant_id.to_owned()),
        funds: Some(balance.funds),
        pending: Some(balance.pending),
        available: Some(balance.funds.saturating_sub(balance.pending)),
        currency: Some(Currency::Usd),
        unknown: Default::default(),
    }
}

/// The merchant's balance now (zero for one the emulator has not credited).
pub(crate) fn merchant_balance(s: &Store, merchant_id: &str) -> MerchantBalance {
    let zero = FundingBalance::default();
    let balance = s
        .ledger
        .funding
        .funding_balances
        .get(merchant_id)
        .unwrap_or(&zero);
    balance_view(merchant_id, balance)
}

/// The merchants an instruction pays out of, each once, in order.
fn merchants_of(instruction: &Instruction) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in instruction.merchants.iter().flatten() {
        if !out.contains(&m.merchant_id) {
            out.push(m.merchant_id.clone());
        }
    }
    out
}

/// Checks a new or replacing instruction against the accounts and balances (`old`:
/// the instruction it replaces, whose amounts are available to it again), and
/// stamps what the gateway writes: statuses, currencies, links.
fn check_and_stamp(
    s: &Store,
    instruction: &mut Instruction,
    old: Option<&Instruction>,
    host: &str,
) -> Result<(), Refusal> {
    for (i, merchant) in instruction.merchants.iter_mut().flatten().enumerate() {
        for (j, payment) in merchant.recipients.iter_mut().enumerate() {
            let Some(index) = account_index(s, payment.funding_account_id) else {
                return Err(Refusal::bad(
                    format!("merchants[{i}].recipients[{j}].fundingAccountId"),
                    "format",
                    "no funding account has this id",
                ));
            };
            if s.ledger.funding.funding_accounts[index].account.usage == FundingAccountUse::Debit {
                return Err(Refusal::bad(
                    format!("merchants[{i}].recipients[{j}].fundingAccountId"),
                    "format",
                    "this funding account does not receive funds",
                ));
            }
            payment.status = Some(FundingPaymentStatus::Accepted);
            payment.amount.currency.get_or_insert(Currency::Usd);
            payment.link = Some(resource_link(
                "fundingAccount",
                host,
                &format!("/funding-accounts/{}", payment.funding_account_id),
            ));
        }
        merchant.link = Some(resource_link(
            "merchant",
            host,
            &format!("/processing-accounts/{}", merchant.merchant_id),
        ));
    }
    for merchant in merchants_of(instruction) {
        let wanted = instruction.total_for(&merchant);
        let released = old.map_or(0, |old| old.total_for(&merchant));
        let available = merchant_balance(s, &merchant)
            .available
            .unwrap_or(0)
            .saturating_add(released);
        if wanted > available {
            return Err(Refusal::Conflict(format!(
                "the instruction sends {wanted} from merchant {merchant}'s funding balance, \
                 which has {available} available"
            )));
        }
    }
    Ok(())
}

/// Moves `sign` × the instruction's amounts into (1) or out of (-1) `pending`.
fn hold(s: &mut Store, instruction: &Instruction, sign: i64) {
    for merchant in merchants_of(instruction) {
        let total = instruction.total_for(&merchant);
        let balance = s
            .ledger
            .funding
            .funding_balances
            .entry(merchant.clone())
            .or_insert_with(|| FundingBalance {
                merchant_name: format!("Merchant {merchant}"),
                ..FundingBalance::default()
            });
        balance.pending = balance.pending.saturating_add(sign.saturating_mul(total));
    }
}

/// `POST /funding-instructions` → `201`, `accepted`.
async fn create_instruction(
    State(mock): State<Arc<Mock>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut instruction: Instruction = match parse(&body) {
        Ok(instruction) => instruction,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    let now = mock.clock.now_rfc3339();
    let today = parse_iso_date(&mock.clock.today()).unwrap_or_default();
    let result = mock.with_store(|s| {
        check_and_stamp(s, &mut instruction, None, &host)?;
        instruction.instruction_id = Some(next_id(s));
        instruction.created_date = Some(now.clone());
        instruction.last_modified_date = Some(now);
        instruction.status = Some(InstructionStatus::Accepted);
        instruction.link = None;
        hold(s, &instruction, 1);
        s.ledger
            .funding
            .funding_instructions
            .push(StoredFundingInstruction {
                created_day: today,
                instruction: instruction.clone(),
            });
        Ok(instruction)
    });
    reply(StatusCode::CREATED, result)
}

/// The instruction at `index` unless its status no longer allows a change (`409`).
fn still_accepted(s: &Store, index: usize, what: &str) -> Result<Instruction, Refusal> {
    let instruction = &s.ledger.funding.funding_instructions[index].instruction;
    match &instruction.status {
        Some(InstructionStatus::Accepted) => Ok(instruction.clone()),
        status => Err(Refusal::Conflict(format!(
            "a funding instruction can be {what} only while it is `accepted`; this one is `{}`",
            status.as_ref().map_or("unknown", |s| s.as_str())
        ))),
    }
}

/// `PUT /funding-instructions/{instructionId}` → `204`: its payments and metadata
/// replaced while it is `accepted`.
async fn update_instruction(
    State(mock): State<Arc<Mock>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut update: Instruction = match parse(&body) {
        Ok(update) => update,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    let now = mock.clock.now_rfc3339();
    no_content(mock.with_store(|s| {
        let index = instruction_position(s, &id)?;
        let old = still_accepted(s, index, "changed")?;
        check_and_stamp(s, &mut update, Some(&old), &host)?;
        hold(s, &old, -1);
        hold(s, &update, 1);
        let stored = &mut s.ledger.funding.funding_instructions[index].instruction;
        *stored = Instruction {
            instruction_id: old.instruction_id,
            created_date: old.created_date,
            last_modified_date: Some(now),
            status: old.status,
            link: None,
            ..update
        };
        Ok(())
    }))
}

/// `DELETE /funding-instructions/{instructionId}` → `204` while it is `accepted`; its
/// amounts return to the balances' `available`.
async fn delete_instruction(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    no_content(mock.with_store(|s| {
        let index = instruction_position(s, &id)?;
        let old = still_accepted(s, index, "deleted")?;
        hold(s, &old, -1);
        s.ledger.funding.funding_instructions.remove(index);
        Ok(())
    }))
}

/// `GET /funding-instructions/{instructionId}`.
async fn retrieve_instruction(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let result = mock.with_store(|s| {
        let index = instruction_position(s, &id)?;
        Ok(s.ledger.funding.funding_instructions[index]
            .instruction
            .clone())
    });
    reply(StatusCode::OK, result)
}

/// The required `dateFrom`/`dateTo` of a list, or its `400`.
fn date_range(params: &ListParams) -> Result<(String, String), Response> {
    let mut dates = Vec::new();
    for name in ["dateFrom", "dateTo"] {
        match params.get(name) {
            None => {
                return Err(bad_parameter(
                    name,
                    "Required field not populated",
                    "is required, as YYYY-MM-DD",
                ))
            }
            Some(date) if !is_iso_date(date) => {
                return Err(bad_parameter(
                    name,
                    "Invalid format",
                    "must be a date as YYYY-MM-DD",
                ))
            }
            Some(date) => dates.push(date.to_owned()),
        }
    }
    let to = dates.pop().unwrap_or_default();
    let from = dates.pop().unwrap_or_default();
    Ok((from, to))
}

/// Whether RFC 3339 `stamp` falls on a day from `from` to `to`.
fn within(stamp: &str, (from, to): &(String, String)) -> bool {
    let day = stamp.get(..10).unwrap_or("");
    day >= from.as_str() && day <= to.as_str()
}

/// `GET /funding-instructions?dateFrom&dateTo`: those created in the range, oldest
/// first, paged by id, each with its link.
async fn list_instructions(
    State(mock): State<Arc<Mock>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    let range = match date_range(&params) {
        Ok(range) => range,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    let items = mock.with_store(|s| {
        s.ledger
            .funding
            .funding_instructions
            .iter()
            .filter(|i| within(i.instruction.created_date.as_deref().unwrap_or(""), &range))
            .map(|i| {
                let id = i.instruction.instruction_id.unwrap_or_default();
                let mut item = i.instruction.clone();
                item.link = Some(resource_link(
                    "fundingInstruction",
                    &host,
                    &format!("/funding-instructions/{id}"),
                ));
                (id.to_string(), item)
            })
            .collect()
    });
    page_of(&params, items)
}

/// `GET /funding-activity?dateFrom&dateTo[&merchantId]`: movements in the range,
/// oldest first, paged by id.
async fn list_activity(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    let range = match date_range(&params) {
        Ok(range) => range,
        Err(response) => return response,
    };
    let items = mock.with_store(|s| {
        s.ledger
            .funding
            .funding_activity
            .iter()
            .filter(|a| params.matches("merchantId", Some(&a.merchant_id)))
            .filter(|a| within(&a.record.date, &range))
            .map(|a| (a.record.id.to_string(), a.record.clone()))
            .collect()
    });
    page_of(&params, items)
}

/// `GET /funding-balance[?merchantId]`: each merchant's balance, paged by merchant id.
async fn list_balances(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    let items = mock.with_store(|s| {
        s.ledger
            .funding
            .funding_balances
            .iter()
            .filter(|(merchant, _)| params.matches("merchantId", Some(merchant)))
            .map(|(merchant, balance)| (merchant.clone(), balance_view(merchant, balance)))
            .collect()
    });
    page_of(&params, items)
}

/// Moves funding instructions on as of `today` (`YYYY-MM-DD`), stamping `now`: a day
/// after creation an `accepted` one is `pending`; two days after, a `pending` one is
/// `completed`, each payment `funded` (a `debit` movement out of the balance) or, its
/// funding account gone, `failed` (its amount available again). Returns the ids of
/// the instructions completed.
pub(crate) fn review_instructions(s: &mut Store, today: &str, now: &str) -> Vec<i64> {
    let Some(today) = parse_iso_date(today) else {
        return Vec::new();
    };
    let mut completed = Vec::new();
    for index in 0..s.ledger.funding.funding_instructions.len() {
        let stored = &mut s.ledger.funding.funding_instructions[index];
        let age = today - stored.created_day;
        let instruction = &mut stored.instruction;
        if age >= 1 && instruction.status == Some(InstructionStatus::Accepted) {
            instruction.status = Some(InstructionStatus::Pending);
            instruction.last_modified_date = Some(now.to_owned());
            for payment in instruction
                .merchants
                .iter_mut()
                .flatten()
                .flat_map(|m| &mut m.recipients)
            {
                payment.status = Some(FundingPaymentStatus::Pending);
            }
        }
        let due = age >= 2 && instruction.status == Some(InstructionStatus::Pending);
        if due {
            completed.push(complete(s, index, now));
        }
    }
    completed
}

/// Pays out the instruction at `index`; returns its id.
fn complete(s: &mut Store, index: usize, now: &str) -> i64 {
    let mut instruction = s.ledger.funding.funding_instructions[index]
        .instruction
        .clone();
    let id = instruction.instruction_id.unwrap_or_default();
    for merchant in instruction.merchants.iter_mut().flatten() {
        for payment in &mut merchant.recipients {
            let amount = payment.amount.value;
            let holder = account_index(s, payment.funding_account_id).map(|i| {
                s.ledger.funding.funding_accounts[i]
                    .account
                    .name_on_account
                    .clone()
            });
            let movement_id = holder.as_ref().map(|_| next_id(s));
            let balance = s
                .ledger
                .funding
                .funding_balances
                .entry(merchant.merchant_id.clone())
                .or_default();
            balance.pending = balance.pending.saturating_sub(amount);
            let name = balance.merchant_name.clone();
            match (holder, movement_id) {
                (Some(holder), Some(id_of_movement)) => {
                    balance.funds = balance.funds.saturating_sub(amount);
                    payment.status = Some(FundingPaymentStatus::Funded);
                    let debit = movement(
                        id_of_movement,
                        name,
                        Some(holder),
                        format!("Funding instruction {id}"),
                        amount,
                        ActivityType::Debit,
                        now,
                    );
                    record(s, &merchant.merchant_id, debit);
                }
                _ => payment.status = Some(FundingPaymentStatus::Failed),
            }
        }
    }
    instruction.status = Some(InstructionStatus::Completed);
    instruction.last_modified_date = Some(now.to_owned());
    s.ledger.funding.funding_instructions[index].instruction = instruction;
    id
}
