//! Secure tokens per processing terminal (§3.1–§3.6) and single-use tokens (§3.7).
//!
//! A secure token has two identifiers: the merchant's `secureTokenId` (in URLs, unique
//! per terminal, never reusable once deleted) and the gateway's `token` (296753…, with
//! a Luhn check digit), which payments send. Saved card numbers are kept masked.

use super::shared::{convert, customer_name, mask_account, reply, resource_link};
use crate::patch;
use crate::problem::bad_request;
use crate::problem::Refusal;
use crate::routes::list::ListParams;
use crate::routes::{json, parse};
use crate::store::ledger::{CardsLedger, DeletedToken, ResolvedCard, SingleUse};
use crate::store::Store;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use payroc_model::common::{
    ContactMethodType, CustomField, Customer, MitAgreement, RetrievedCustomer,
};
use payroc_model::payment::SecureTokenSummary;
use payroc_model::secure_token::{
    secure_token_number, AccountUpdate, AchSource, CardSource, PadSource, RetrievedAchSource,
    RetrievedPadSource, SecureToken, SecureTokenListQuery, SecureTokenPatch, SecureTokenRequest,
    SecureTokenResponseSource, SecureTokenSource, SecureTokenStatus, SecureTokenWithAccountType,
    SingleUseToken, SingleUseTokenRequest, SingleUseTokenRequestSource,
};
use payroc_model::validate::{Validate, Validator};
use payroc_model::SensitiveData;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a single-use token works.
const SINGLE_USE_LIFETIME: Duration = Duration::from_secs(30 * 60);

/// JSON Pointers a secure-token patch may touch. The read-only fields under them
/// (`/source/cardNumber`, …) are refused earlier by the model's `SecureTokenPatch`.
const PATCHABLE: &[&str] = &[
    "/secureTokenId",
    "/mitAgreement",
    "/customer",
    "/source",
    "/customFields",
];

/// The saved details of a tokenization source: what the responses show, the status
/// of the security check, and the card when it is one.
struct Saved {
    /// The details, masked.
    source: SecureTokenResponseSource,
    /// Outcome of the security check.
    status: SecureTokenStatus,
    /// The card, when the details are one.
    card: Option<ResolvedCard>,
}

/// A card source, masked; a CVV earns `cvvValidated`.
fn saved_card(source: &CardSource, fallback_name: Option<String>) -> Saved {
    let card = ResolvedCard::from_details(&source.card_details);
    Saved {
        source: SecureTokenResponseSource::Card(card.source(fallback_name)),
        status: card.token_status(),
        card: Some(card),
    }
}

/// An ACH source with its account number masked.
fn saved_ach(source: &AchSource) -> Saved {
    Saved {
        source: SecureTokenResponseSource::Ach(RetrievedAchSource {
            name_on_account: source.name_on_account.clone(),
            account_number: SensitiveData::new(mask_account(source.account_number.expose_secret())),
            routing_number: source.routing_number.clone(),
            account_type: source.account_type.clone(),
            unknown: Default::default(),
        }),
        status: SecureTokenStatus::NotValidated,
        card: None,
    }
}

/// A PAD source with its account number masked.
fn saved_pad(source: &PadSource) -> Saved {
    Saved {
        source: SecureTokenResponseSource::Pad(RetrievedPadSource {
            name_on_account: source.name_on_account.clone(),
            account_number: SensitiveData::new(mask_account(source.account_number.expose_secret())),
            transit_number: source.transit_number.clone(),
            institution_number: source.institution_number.clone(),
            account_type: source.account_type.clone(),
            unknown: Default::default(),
        }),
        status: SecureTokenStatus::NotValidated,
        card: None,
    }
}

/// A token as create, patch and update-account return it: bank sources there carry
/// no `accountType` (only retrieve and list send it).
fn as_secure_token(token: &SecureTokenWithAccountType) -> SecureToken {
    let source = match token.source.clone() {
        Some(SecureTokenResponseSource::Ach(mut ach)) => {
            ach.account_type = None;
            SecureTokenResponseSource::Ach(ach)
        }
        Some(SecureTokenResponseSource::Pad(mut pad)) => {
            pad.account_type = None;
            SecureTokenResponseSource::Pad(pad)
        }
        Some(other) => other,
        // Unreachable: create always sets a source and a patch may not remove it.
        None => SecureTokenResponseSource::Unknown(payroc_model::UnknownVariant(
            serde_json::Value::Null,
        )),
    };
    SecureToken {
        secure_token_id: token.secure_token_id.clone(),
        processing_terminal_id: token.processing_terminal_id.clone(),
        mit_agreement: token.mit_agreement.clone(),
        customer: token.customer.clone(),
        source,
        token: token.token.clone(),
        status: token.status.clone(),
        custom_fields: token.custom_fields.clone(),
        unknown: Default::default(),
    }
}

/// `409` when `id` is taken on `terminal` by a live or a deleted token.
pub(crate) fn check_id_free(ledger: &CardsLedger, terminal: &str, id: &str) -> Result<(), Refusal> {
    if ledger
        .secure_tokens
        .iter()
        .any(|t| t.processing_terminal_id == terminal && t.secure_token_id == id)
    {
        return Err(Refusal::Conflict(format!(
            "A secure token with secureTokenId `{id}` already exists on processing terminal {terminal}"
        )));
    }
    if ledger
        .deleted_secure_tokens
        .iter()
        .any(|t| t.processing_terminal_id == terminal && t.secure_token_id == id)
    {
        return Err(Refusal::Conflict(format!(
            "secureTokenId `{id}` belonged to a deleted secure token and cannot be reused"
        )));
    }
    Ok(())
}

/// `MREF_` and a UUID-shaped hex string, as the gateway names tokens it names itself.
fn generated_id(s: &mut Store) -> String {
    let h = s.hex_id();
    format!(
        "MREF_{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// What a new secure token is made of, besides its source.
pub(crate) struct NewToken {
    /// Owning terminal.
    pub(crate) terminal: String,
    /// The merchant's id; generated when `None` (already checked to be free).
    pub(crate) id: Option<String>,
    /// Agreement for merchant-initiated charges.
    pub(crate) mit_agreement: Option<MitAgreement>,
    /// The customer.
    pub(crate) customer: Option<RetrievedCustomer>,
    /// Merchant-defined fields.
    pub(crate) custom_fields: Vec<CustomField>,
}

/// Records a new secure token with the next gateway token number.
fn save(s: &mut Store, new: NewToken, saved: Saved) -> SecureTokenWithAccountType {
    let id = match new.id {
        Some(id) => id,
        None => generated_id(s),
    };
    let ledger = &mut s.ledger.cards;
    ledger.token_sequence += 1;
    let token = SecureTokenWithAccountType {
        secure_token_id: id,
        processing_terminal_id: new.terminal,
        mit_agreement: new.mit_agreement,
        customer: new.customer,
        source: Some(saved.source),
        token: secure_token_number(ledger.token_sequence),
        status: saved.status,
        custom_fields: new.custom_fields,
        unknown: Default::default(),
    };
    ledger.secure_tokens.push(token.clone());
    token
}

/// Saves a payment's card as a secure token (`credentialOnFile.tokenize`).
pub(super) fn save_card(
    s: &mut Store,
    new: NewToken,
    card: &ResolvedCard,
) -> SecureTokenWithAccountType {
    let fallback = customer_name(new.customer.as_ref());
    let saved = Saved {
        source: SecureTokenResponseSource::Card(card.source(fallback)),
        status: card.token_status(),
        card: Some(card.clone()),
    };
    save(s, new, saved)
}

/// The summary a payment's `card.secureToken` shows.
pub(super) fn summary(token: &SecureTokenWithAccountType, host: &str) -> SecureTokenSummary {
    let holder = match &token.source {
        Some(SecureTokenResponseSource::Card(card)) if !card.cardholder_name.is_empty() => {
            Some(card.cardholder_name.clone())
        }
        Some(SecureTokenResponseSource::Ach(ach)) => Some(ach.name_on_account.clone()),
        Some(SecureTokenResponseSource::Pad(pad)) => Some(pad.name_on_account.clone()),
        _ => None,
    };
    SecureTokenSummary {
        secure_token_id: token.secure_token_id.clone(),
        customer_name: holder
            .or_else(|| customer_name(token.customer.as_ref()))
            .unwrap_or_default(),
        token: token.token.clone(),
        status: token.status.clone(),
        link: Some(resource_link(
            "secureToken",
            host,
            &format!(
                "/processing-terminals/{}/secure-tokens/{}",
                token.processing_terminal_id, token.secure_token_id
            ),
        )),
        unknown: Default::default(),
    }
}

/// The live secure token with gateway token `number` on `terminal`. Unknown and
/// deleted tokens are a `400` on `parameter`.
fn live_token<'a>(
    ledger: &'a CardsLedger,
    terminal: &str,
    number: &str,
    parameter: &str,
) -> Result<&'a SecureTokenWithAccountType, Refusal> {
    let live = ledger
        .secure_tokens
        .iter()
        .find(|t| t.processing_terminal_id == terminal && t.token == number);
    if let Some(token) = live {
        return Ok(token);
    }
    let deleted = ledger
        .deleted_secure_tokens
        .iter()
        .find(|t| t.processing_terminal_id == terminal && t.token == number);
    let message = match deleted {
        Some(d) => format!(
            "the secure token `{}` holding this token was deleted; save the details again",
            d.secure_token_id
        ),
        None => format!(
            "no secure token with this token exists on processing terminal {terminal}; \
             send the gateway `token` (296753…) of a live secure token"
        ),
    };
    Err(Refusal::bad(parameter, "format", message))
}

/// The card saved under gateway token `number` on `terminal`, with its summary.
/// Unknown, deleted and bank-account tokens are a `400` on `parameter`.
pub(crate) fn card_on_file(
    ledger: &CardsLedger,
    terminal: &str,
    number: &str,
    parameter: &str,
    host: &str,
) -> Result<(ResolvedCard, SecureTokenSummary), Refusal> {
    let token = live_token(ledger, terminal, number, parameter)?;
    match &token.source {
        Some(SecureTokenResponseSource::Card(card)) => {
            Ok((ResolvedCard::from_source(card), summary(token, host)))
        }
        _ => Err(Refusal::bad(
            parameter,
            "format",
            "this secure token holds bank-account details; card transactions need a card token",
        )),
    }
}

/// The bank account (masked, `ach` or `pad`) saved under gateway token `number` on
/// `terminal`, with its summary. Unknown, deleted and card tokens are a `400` on
/// `parameter`.
pub(crate) fn bank_account_on_file(
    ledger: &CardsLedger,
    terminal: &str,
    number: &str,
    parameter: &str,
    host: &str,
) -> Result<(SecureTokenResponseSource, SecureTokenSummary), Refusal> {
    let token = live_token(ledger, terminal, number, parameter)?;
    match &token.source {
        Some(source @ (SecureTokenResponseSource::Ach(_) | SecureTokenResponseSource::Pad(_))) => {
            Ok((source.clone(), summary(token, host)))
        }
        _ => Err(Refusal::bad(
            parameter,
            "format",
            "this secure token holds a card; bank transfers need a bank-account token",
        )),
    }
}

/// Saves a bank transfer's account (`ach` or `pad` details, or what a single-use token
/// held) as a secure token (`credentialOnFile.tokenize`); returns its summary.
pub(crate) fn save_bank_account(
    s: &mut Store,
    new: NewToken,
    source: SecureTokenResponseSource,
    host: &str,
) -> SecureTokenSummary {
    let saved = Saved {
        source,
        status: SecureTokenStatus::NotValidated,
        card: None,
    };
    summary(&save(s, new, saved), host)
}

/// An ACH account as a secure token keeps it, masked.
pub(crate) fn masked_ach(source: &AchSource) -> SecureTokenResponseSource {
    saved_ach(source).source
}

/// A PAD account as a secure token keeps it, masked.
pub(crate) fn masked_pad(source: &PadSource) -> SecureTokenResponseSource {
    saved_pad(source).source
}

/// Single-use token `token`, if it can still be used: unknown, used and expired tokens
/// (and, when `need_card`, bank-account ones) are a `400` on `parameter`.
fn usable<'a>(
    ledger: &'a mut CardsLedger,
    token: &str,
    parameter: &str,
    need_card: bool,
) -> Result<&'a mut SingleUse, Refusal> {
    let refuse = |message: &str| Err(Refusal::bad(parameter, "format", message));
    let Some(entry) = ledger
        .single_use_tokens
        .iter_mut()
        .find(|t| t.token == token)
    else {
        return refuse("no such single-use token; create one first");
    };
    if entry.used {
        return refuse("this single-use token was already used; a single-use token works once");
    }
    if Instant::now() >= entry.expires {
        return refuse("this single-use token has expired; they last 30 minutes");
    }
    if need_card && entry.card.is_none() {
        return refuse(
            "this single-use token holds bank-account details; card transactions need a card",
        );
    }
    Ok(entry)
}

/// Uses up single-use token `token`; one that cannot be used (see [`usable`]) stays
/// as it was.
fn claim(
    ledger: &mut CardsLedger,
    token: &str,
    parameter: &str,
    need_card: bool,
) -> Result<SingleUse, Refusal> {
    let entry = usable(ledger, token, parameter, need_card)?;
    entry.used = true;
    Ok(entry.clone())
}

/// The card behind single-use token `token`, which stays usable: a lookup (a balance
/// inquiry) is not the transaction the token is for.
pub(super) fn peek_card(
    ledger: &mut CardsLedger,
    token: &str,
    parameter: &str,
) -> Result<ResolvedCard, Refusal> {
    let entry = usable(ledger, token, parameter, true)?;
    entry
        .card
        .clone()
        .ok_or_else(|| Refusal::bad(parameter, "format", "the single-use token holds no card"))
}

/// The card behind single-use token `token`, which is then used up.
pub(super) fn claim_card(
    ledger: &mut CardsLedger,
    token: &str,
    parameter: &str,
) -> Result<ResolvedCard, Refusal> {
    let entry = claim(ledger, token, parameter, true)?;
    entry
        .card
        .ok_or_else(|| Refusal::bad(parameter, "format", "the single-use token holds no card"))
}

/// The bank account (masked) behind single-use token `token`, which is then used up;
/// a card token is a `400` on `parameter` and stays unused.
pub(crate) fn claim_bank_account(
    ledger: &mut CardsLedger,
    token: &str,
    parameter: &str,
) -> Result<SecureTokenResponseSource, Refusal> {
    let holds_card = ledger
        .single_use_tokens
        .iter()
        .any(|t| t.token == token && t.card.is_some());
    if holds_card {
        return Err(Refusal::bad(
            parameter,
            "format",
            "this single-use token holds a card; bank transfers need bank-account details",
        ));
    }
    claim(ledger, token, parameter, false).map(|entry| entry.source)
}

/// `POST /v1/processing-terminals/{processingTerminalId}/secure-tokens`: 201.
pub(crate) async fn create(
    State(mock): State<Arc<Mock>>,
    Path(terminal): Path<String>,
    body: Bytes,
) -> Response {
    let request: SecureTokenRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let result = mock.with_store(|s| {
        let ledger = &mut s.ledger.cards;
        if let Some(id) = &request.secure_token_id {
            check_id_free(ledger, &terminal, id)?;
        }
        let customer: Option<RetrievedCustomer> = request.customer.as_ref().and_then(convert);
        let saved = match &request.source {
            SecureTokenSource::Card(card) => saved_card(card, customer_name(customer.as_ref())),
            SecureTokenSource::Ach(ach) => saved_ach(ach),
            SecureTokenSource::Pad(pad) => saved_pad(pad),
            SecureTokenSource::SingleUseToken(single) => {
                let entry = claim(ledger, &single.token, "source.token", false)?;
                Saved {
                    source: entry.source,
                    status: entry.status,
                    card: entry.card,
                }
            }
            _ => return Err(Refusal::bad("source.type", "enum", "unknown source type")),
        };
        let new = NewToken {
            terminal: terminal.clone(),
            id: request.secure_token_id.clone(),
            mit_agreement: request.mit_agreement.clone(),
            customer,
            custom_fields: request.custom_fields.clone(),
        };
        Ok(as_secure_token(&save(s, new, saved)))
    });
    reply(StatusCode::CREATED, result)
}

/// Index of secure token `id` of `terminal`, or a `404`.
fn position(ledger: &CardsLedger, terminal: &str, id: &str) -> Result<usize, Refusal> {
    ledger
        .secure_tokens
        .iter()
        .position(|t| t.processing_terminal_id == terminal && t.secure_token_id == id)
        .ok_or_else(|| Refusal::not_found("secureToken", id))
}

/// `GET …/secure-tokens/{secureTokenId}`.
pub(crate) async fn retrieve(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
) -> Response {
    let result = mock.with_store(|s| {
        let ledger = &s.ledger.cards;
        position(ledger, &terminal, &id).map(|i| ledger.secure_tokens[i].clone())
    });
    reply(StatusCode::OK, result)
}

/// Whether a token passes the list filters of §3.4.
fn token_matches(token: &SecureTokenWithAccountType, params: &ListParams) -> bool {
    let contacts = token
        .customer
        .as_ref()
        .map(|c| c.contact_methods.as_slice())
        .unwrap_or_default();
    let contact = |kinds: &[ContactMethodType], wanted: &str| {
        contacts
            .iter()
            .any(|c| kinds.contains(&c.kind) && c.value.eq_ignore_ascii_case(wanted))
    };
    let (number, holder) = match &token.source {
        Some(SecureTokenResponseSource::Card(card)) => (
            card.card_number.expose_secret().to_owned(),
            Some(card.cardholder_name.clone()),
        ),
        Some(SecureTokenResponseSource::Ach(ach)) => (
            ach.account_number.expose_secret().to_owned(),
            Some(ach.name_on_account.clone()),
        ),
        Some(SecureTokenResponseSource::Pad(pad)) => (
            pad.account_number.expose_secret().to_owned(),
            Some(pad.name_on_account.clone()),
        ),
        _ => (String::new(), None),
    };
    let names = [customer_name(token.customer.as_ref()), holder];
    params.matches("secureTokenId", Some(&token.secure_token_id))
        && params.matches("token", Some(&token.token))
        && params.get("customerName").is_none_or(|wanted| {
            let wanted = wanted.to_lowercase();
            names
                .iter()
                .flatten()
                .any(|n| n.to_lowercase().contains(&wanted))
        })
        && params
            .get("phone")
            .is_none_or(|p| contact(&[ContactMethodType::Phone, ContactMethodType::Mobile], p))
        && params
            .get("email")
            .is_none_or(|e| contact(&[ContactMethodType::Email], e))
        && params.get("first6").is_none_or(|f| number.starts_with(f))
        && params.get("last4").is_none_or(|l| number.ends_with(l))
}

/// `GET …/secure-tokens`: the terminal's tokens, filtered and paged.
pub(crate) async fn list(
    State(mock): State<Arc<Mock>>,
    Path(terminal): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = ListParams::new(&uri, &headers);
    let query = SecureTokenListQuery {
        first6: params.get("first6").map(str::to_owned),
        last4: params.get("last4").map(str::to_owned),
        ..SecureTokenListQuery::default()
    };
    if let Err(err) = query.validate() {
        return bad_request(&err);
    }
    // The page is written from borrowed entries: a long ledger costs a scan, not a
    // clone of every entry.
    mock.with_store(|s| {
        let items: Vec<&SecureTokenWithAccountType> = s
            .ledger
            .cards
            .secure_tokens
            .iter()
            .filter(|t| t.processing_terminal_id == terminal && token_matches(t, &params))
            .collect();
        match params.page(items, |t| t.secure_token_id.as_str()) {
            Ok(page) => json(StatusCode::OK, &page),
            Err(response) => response,
        }
    })
}

/// The rules a patched token must still meet, as create would check them.
fn check_patched(token: &SecureTokenWithAccountType) -> Result<(), Refusal> {
    let mut v = Validator::new();
    v.required_str("secureTokenId", &token.secure_token_id);
    if let Some(agreement) = &token.mit_agreement {
        v.known("mitAgreement", agreement);
    }
    match &token.source {
        None => v.missing("source"),
        Some(SecureTokenResponseSource::Card(card)) => {
            if let Some(expiry) = &card.expiry_date {
                v.at("source", |v| v.expiry_mmyy("expiryDate", expiry));
            }
        }
        Some(_) => {}
    }
    if let Some(customer) = &token.customer {
        match convert::<_, Customer>(customer) {
            Some(customer) => v.nested("customer", &customer),
            None => v.violation(
                "customer",
                "format",
                "the patched customer is not a valid customer",
            ),
        }
    }
    v.each("customFields", &token.custom_fields);
    v.finish().map_err(|err| {
        let first = &err.violations()[0];
        Refusal::bad(first.path.clone(), first.code, first.message.clone())
    })
}

/// `PATCH …/secure-tokens/{secureTokenId}`: JSON Patch on the stored token; read-only
/// paths are a `400` (from the model's rules), the result must still be a valid token.
pub(crate) async fn patch(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let operations: SecureTokenPatch = match parse(&body) {
        Ok(ops) => ops,
        Err(response) => return response,
    };
    let result = mock.with_store(|s| {
        let ledger = &mut s.ledger.cards;
        let i = position(ledger, &terminal, &id)?;
        let current = serde_json::to_value(&ledger.secure_tokens[i]).unwrap_or_default();
        let patched = patch::apply(&current, &operations.0, PATCHABLE)
            .map_err(|err| Refusal::bad(format!("[{}].path", err.index), "format", err.message))?;
        let token: SecureTokenWithAccountType = serde_json::from_value(patched).map_err(|err| {
            Refusal::bad(
                "",
                "format",
                format!("the patched token does not read: {err}"),
            )
        })?;
        check_patched(&token)?;
        if token.secure_token_id != id {
            check_id_free(ledger, &terminal, &token.secure_token_id)?;
        }
        ledger.secure_tokens[i] = token.clone();
        Ok(as_secure_token(&token))
    });
    reply(StatusCode::OK, result)
}

/// `DELETE …/secure-tokens/{secureTokenId}`: 204; the id is never reusable and the
/// token no longer pays.
pub(crate) async fn delete(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
) -> Response {
    let result: Result<(), Refusal> = mock.with_store(|s| {
        let ledger = &mut s.ledger.cards;
        let i = position(ledger, &terminal, &id)?;
        let token = ledger.secure_tokens.remove(i);
        ledger.deleted_secure_tokens.push(DeletedToken {
            processing_terminal_id: token.processing_terminal_id,
            secure_token_id: token.secure_token_id,
            token: token.token,
        });
        Ok(())
    });
    match result {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(refusal) => refusal.into_response(),
    }
}

/// `POST …/secure-tokens/{secureTokenId}/update-account`: the saved details become
/// those behind a single-use token (which is used up); id and token stay.
pub(crate) async fn update_account(
    State(mock): State<Arc<Mock>>,
    Path((terminal, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let update: AccountUpdate = match parse(&body) {
        Ok(update) => update,
        Err(response) => return response,
    };
    let AccountUpdate::SingleUseToken(update) = update else {
        return Refusal::bad("type", "enum", "only `singleUseToken` updates exist").into_response();
    };
    let result = mock.with_store(|s| {
        let ledger = &mut s.ledger.cards;
        let i = position(ledger, &terminal, &id)?;
        let entry = claim(ledger, &update.token, "token", false)?;
        let token = &mut ledger.secure_tokens[i];
        token.source = Some(entry.source);
        token.status = entry.status;
        Ok(as_secure_token(token))
    });
    reply(StatusCode::OK, result)
}

/// `POST /v1/processing-terminals/{processingTerminalId}/single-use-tokens`: 201, a
/// 128-hex-character token valid for 30 minutes and usable once.
pub(crate) async fn create_single_use(
    State(mock): State<Arc<Mock>>,
    Path(terminal): Path<String>,
    body: Bytes,
) -> Response {
    let request: SingleUseTokenRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let saved = match &request.source {
        SingleUseTokenRequestSource::Card(card) => saved_card(card, None),
        SingleUseTokenRequestSource::Ach(ach) => saved_ach(ach),
        SingleUseTokenRequestSource::Pad(pad) => saved_pad(pad),
        _ => return Refusal::bad("source.type", "enum", "unknown source type").into_response(),
    };
    let entry = mock.with_store(|s| {
        let token: String = (0..4).map(|_| s.hex_id()).collect();
        let entry = SingleUse {
            token,
            processing_terminal_id: terminal.clone(),
            expires_at: crate::clock::rfc3339_after(SINGLE_USE_LIFETIME),
            used: false,
            source: saved.source,
            status: saved.status,
            expires: Instant::now() + SINGLE_USE_LIFETIME,
            card: saved.card,
        };
        s.ledger.cards.single_use_tokens.push(entry.clone());
        entry
    });
    // The card details themselves are not echoed (`paymentMethod` is optional): the
    // emulator never sends card data back.
    let body = SingleUseToken {
        processing_terminal_id: Some(entry.processing_terminal_id),
        operator: request.operator,
        payment_method: None,
        token: Some(entry.token),
        expires_at: Some(entry.expires_at),
        source: entry.source,
        unknown: Default::default(),
    };
    json(StatusCode::CREATED, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use payroc_model::card::CardDetails;

    fn ledger_with(expires: Instant, card: bool) -> CardsLedger {
        let saved = saved_card(
            &CardSource {
                card_details: CardDetails::keyed("4111111111111111", "1230", None),
                account_type: None,
                unknown: Default::default(),
            },
            None,
        );
        let mut ledger = CardsLedger::default();
        ledger.single_use_tokens.push(SingleUse {
            token: "t".into(),
            processing_terminal_id: "1".into(),
            expires_at: String::new(),
            used: false,
            source: saved.source,
            status: saved.status,
            expires,
            card: if card { saved.card } else { None },
        });
        ledger
    }

    fn message(result: Result<SingleUse, Refusal>) -> String {
        result.expect_err("refused").message()
    }

    #[test]
    fn an_expired_single_use_token_is_refused_and_stays_unused() {
        let mut ledger = ledger_with(Instant::now(), true);
        let text = message(claim(&mut ledger, "t", "paymentMethod.token", true));
        assert!(text.starts_with("paymentMethod.token:"), "{text}");
        assert!(text.contains("expired"), "{text}");
        assert!(!ledger.single_use_tokens[0].used);
    }

    #[test]
    fn a_single_use_token_works_once() {
        let mut ledger = ledger_with(Instant::now() + SINGLE_USE_LIFETIME, true);
        assert!(claim(&mut ledger, "t", "p", true).is_ok());
        assert!(message(claim(&mut ledger, "t", "p", true)).contains("already used"));
        assert!(message(claim(&mut ledger, "nope", "p", true)).contains("no such"));
    }

    #[test]
    fn a_bank_single_use_token_does_not_pay_by_card() {
        let mut ledger = ledger_with(Instant::now() + SINGLE_USE_LIFETIME, false);
        assert!(message(claim(&mut ledger, "t", "p", true)).contains("bank-account"));
        assert!(!ledger.single_use_tokens[0].used);
        assert!(claim(&mut ledger, "t", "p", false).is_ok());
    }
}
