//! PayTrace v3 (§8): the OAuth token endpoint and the seven recurrence endpoints.
//!
//! PayTrace differs from Payroc on the wire: snake_case names, decimal dollar amounts,
//! a form-encoded token endpoint, and FastAPI-style `422` validation errors
//! (`{"detail": [{"loc": [...], "msg": ..., "type": ...}]}`) instead of problem
//! details. There is no Vault here, so any positive `customer_id` is a customer, and
//! the emulator remembers recurrences per customer.
//!
//! Runs are simulated: a new recurrence runs once at once, approved (so
//! `current_count` is 1 and `next_date` is one period after `start_date`), and that
//! run is what "export approved" reports. Nothing runs afterwards.

use crate::clock::now_rfc3339;
use crate::routes::json;
use crate::store::ledger::{PaytraceLedger, StoredRecurrence};
use crate::store::PaytraceGrant;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, patch, post};
use axum::Router;
use payroc_model::paytrace::{
    CreateRecurrenceRequest, DeleteRecurrenceRequest, ExportRecurrencesRequest,
    PaytraceErrorDetail, PaytraceHeaders, PaytraceToken, PaytraceTokenRequest,
    PaytraceValidationError, Recurrence, RecurrenceExportResponse, RecurrenceFrequency,
    RecurrenceResponse, TotalCount, UpdateRecurrenceRequest,
};
use payroc_model::validate::{Validate, ValidationError};
use payroc_model::BearerToken;
use payroc_model::DecimalAmount;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{json as json_value, Value};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// PayTrace's code for a request that did what was asked.
const SUCCESS_CODE: i32 = 101;
/// PayTrace's code for "One or more errors has occurred."
const ERROR_CODE: i32 = 1;
/// Default and largest page of the export-by-customer call (§8.5).
const MAX_EXPORT_LIMIT: u32 = 50;
/// Status of a recurrence that still has runs to go.
const ACTIVE: &str = "Active";
/// Status of a recurrence that has run `total_count` times.
const COMPLETED: &str = "Completed";

impl PaytraceLedger {
    /// Where the recurrence with this id is held.
    fn position(&self, id: &str) -> Option<usize> {
        self.paytrace_recurrences
            .iter()
            .position(|r| r.recurrence.id == id)
    }

    /// The customer's recurrences, oldest first.
    fn of_customer(&self, customer_id: i64) -> impl Iterator<Item = &StoredRecurrence> {
        self.paytrace_recurrences
            .iter()
            .filter(move |r| r.recurrence.customer_id == Some(customer_id))
    }
}

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route("/v3/token", post(token))
        .route("/v3/recurrence/create", post(create))
        .route("/v3/recurrence", patch(update).delete(delete))
        .route(
            "/v3/recurrence/export/by-customer/{customer_id}",
            get(export_by_customer).post(export_by_customer_paged),
        )
        .route(
            "/v3/recurrence/export/by-id/{recurrence_id}",
            get(export_by_id),
        )
        .route(
            "/v3/recurrence/export/approved/by-customer/{customer_id}",
            post(export_approved),
        )
}

// ---- errors in PayTrace's shapes ------------------------------------------------

/// One FastAPI-style error item.
fn detail(loc: Vec<Value>, msg: impl Into<String>, kind: &str) -> PaytraceErrorDetail {
    PaytraceErrorDetail {
        loc,
        msg: msg.into(),
        kind: kind.to_owned(),
        unknown: Default::default(),
    }
}

/// `422 Unprocessable Entity` with every problem found.
fn unprocessable(detail: Vec<PaytraceErrorDetail>) -> Response {
    json(
        StatusCode::UNPROCESSABLE_ENTITY,
        &PaytraceValidationError {
            detail,
            unknown: Default::default(),
        },
    )
}

/// A model path (`recurrence.amount`, `recipients[0].name`) as `loc` segments after
/// `root`: names as strings, indexes as numbers.
fn loc(root: &str, path: &str) -> Vec<Value> {
    let mut out = vec![Value::from(root)];
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(name) = pieces.next().filter(|n| !n.is_empty()) {
            out.push(Value::from(name));
        }
        for index in pieces {
            let index = index.trim_end_matches(']');
            out.push(
                index
                    .parse::<u64>()
                    .map_or_else(|_| Value::from(index), Value::from),
            );
        }
    }
    out
}

/// The model's violations as FastAPI error items under `root` (`body`, `header`).
/// A field serde found missing is reported where FastAPI reports it: at the field,
/// as `field required`.
fn details(root: &str, err: &ValidationError) -> Vec<PaytraceErrorDetail> {
    err.violations()
        .iter()
        .map(|v| {
            // The model names a missing field in the violation's path already.
            let missing = v.message.starts_with("missing field `");
            match (missing, v.code) {
                (true, _) => detail(loc(root, &v.path), "field required", "value_error.missing"),
                (false, "required") => {
                    detail(loc(root, &v.path), "field required", "value_error.missing")
                }
                (false, code) => {
                    let kind = match code {
                        "json" => "value_error.jsondecode".to_owned(),
                        "type" => "type_error".to_owned(),
                        "length" => "value_error.any_str.max_length".to_owned(),
                        other => format!("value_error.{other}"),
                    };
                    detail(loc(root, &v.path), v.message.clone(), &kind)
                }
            }
        })
        .collect()
}

/// Problems with the optional `X-Integrator-Id` (≤ 12) and `X-Permalinks` (≤ 4)
/// headers every v3 call takes.
fn header_errors(headers: &HeaderMap) -> Vec<PaytraceErrorDetail> {
    let text = |name: &str| {
        headers
            .get(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    };
    let checked = PaytraceHeaders {
        integrator_id: text("x-integrator-id"),
        permalinks: text("x-permalinks"),
    };
    checked
        .validate()
        .err()
        .map(|err| details("header", &err))
        .unwrap_or_default()
}

/// Reads and validates a JSON body; header problems and body problems are reported
/// together, and a missing body is `field required` at `["body"]`, as FastAPI does.
fn read<T: DeserializeOwned + Validate>(
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, Vec<PaytraceErrorDetail>> {
    let mut problems = header_errors(headers);
    if body.iter().all(u8::is_ascii_whitespace) {
        problems.push(detail(
            loc("body", ""),
            "field required",
            "value_error.missing",
        ));
        return Err(problems);
    }
    match payroc_model::json::parse_request::<T>(body) {
        Ok(request) if problems.is_empty() => Ok(request),
        Ok(_) => Err(problems),
        Err(err) => {
            problems.extend(details("body", &err));
            Err(problems)
        }
    }
}

/// An integer path parameter, or the `422` FastAPI gives for one that is not.
fn path_int(headers: &HeaderMap, name: &str, value: &str) -> Result<i64, Vec<PaytraceErrorDetail>> {
    let mut problems = header_errors(headers);
    let parsed = value.parse::<i64>();
    if parsed.is_err() {
        problems.push(detail(
            vec![Value::from("path"), Value::from(name)],
            "value is not a valid integer",
            "type_error.integer",
        ));
    }
    match parsed {
        Ok(n) if problems.is_empty() => Ok(n),
        _ => Err(problems),
    }
}

/// A recurrence the emulator does not hold: `404` with PayTrace's envelope
/// (`success: false`), so the body reads as the endpoint's usual response.
fn recurrence_not_found(message: String) -> Response {
    json(
        StatusCode::NOT_FOUND,
        &RecurrenceResponse {
            success: false,
            response_code: ERROR_CODE,
            status_message: message,
            recurrence: None,
            unknown: Default::default(),
        },
    )
}

/// A recurrence as the wire shows it: every field as the model writes it, but
/// `amount` as it was sent (`10.00` stays `10.00`; the model would write `10`), as a
/// JSON number like every PayTrace amount.
#[derive(Serialize)]
struct WireRecurrence {
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<Box<RawValue>>,
    #[serde(flatten)]
    fields: serde_json::Map<String, Value>,
}

impl WireRecurrence {
    fn new(recurrence: &Recurrence) -> Self {
        let mut fields = match serde_json::to_value(recurrence) {
            Ok(Value::Object(fields)) => fields,
            _ => serde_json::Map::new(),
        };
        let normalized = fields.remove("amount");
        // Display keeps the scale; it is always a valid JSON number.
        let amount = recurrence
            .amount
            .and_then(|a| RawValue::from_string(a.to_string()).ok())
            .or_else(|| normalized.and_then(|v| RawValue::from_string(v.to_string()).ok()));
        Self { amount, fields }
    }
}

/// A response envelope with its recurrence(s) written by [`WireRecurrence`].
#[derive(Serialize)]
struct WireEnvelope {
    #[serde(flatten)]
    fields: serde_json::Map<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recurrence: Option<WireRecurrence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recurrences: Option<Vec<WireRecurrence>>,
}

/// `envelope` as the model writes it, with `recurrence` / `recurrences` replaced.
fn envelope(
    status: StatusCode,
    envelope: &impl Serialize,
    recurrence: Option<&Recurrence>,
    recurrences: Option<&[Recurrence]>,
) -> Response {
    let mut fields = match serde_json::to_value(envelope) {
        Ok(Value::Object(fields)) => fields,
        _ => serde_json::Map::new(),
    };
    fields.remove("recurrence");
    fields.remove("recurrences");
    json(
        status,
        &WireEnvelope {
            fields,
            recurrence: recurrence.map(WireRecurrence::new),
            recurrences: recurrences.map(|all| all.iter().map(WireRecurrence::new).collect()),
        },
    )
}

/// `200` with one recurrence and PayTrace's success code.
fn ok(message: &str, recurrence: Recurrence) -> Response {
    envelope(
        StatusCode::OK,
        &RecurrenceResponse {
            success: true,
            response_code: SUCCESS_CODE,
            status_message: message.to_owned(),
            recurrence: None,
            unknown: Default::default(),
        },
        Some(&recurrence),
        None,
    )
}

/// `200` with a page of recurrences and how many there are in all.
fn export(recurrences: Vec<Recurrence>, total: usize, message: &str) -> Response {
    envelope(
        StatusCode::OK,
        &RecurrenceExportResponse {
            success: true,
            response_code: SUCCESS_CODE,
            status_message: message.to_owned(),
            recurrences: Vec::new(),
            total: Some(u32::try_from(total).unwrap_or(u32::MAX)),
            unknown: Default::default(),
        },
        None,
        Some(&recurrences),
    )
}

/// The amount at `recurrence.amount` with the digits it was sent with: the model
/// reads a JSON number through a double, which keeps its value but not its scale
/// (`10.00` reads as `10`). A numeric string (`"10.00"`) is taken the same way.
/// `parsed` (the model's reading) is kept when the text cannot be read exactly.
fn amount_as_sent(body: &[u8], parsed: DecimalAmount) -> DecimalAmount {
    #[derive(serde::Deserialize)]
    struct Body<'a> {
        #[serde(borrow)]
        recurrence: Option<Amount<'a>>,
    }
    #[derive(serde::Deserialize)]
    struct Amount<'a> {
        #[serde(borrow)]
        amount: Option<&'a RawValue>,
    }
    let Ok(Body {
        recurrence: Some(Amount {
            amount: Some(raw), ..
        }),
    }) = serde_json::from_slice::<Body<'_>>(body)
    else {
        return parsed;
    };
    let text = match serde_json::from_str::<String>(raw.get()) {
        Ok(string) => string.trim().to_owned(),
        Err(_) => raw.get().to_owned(),
    };
    match text.parse::<DecimalAmount>() {
        // Only a different spelling of the same value: never a different amount.
        Ok(sent) if sent == parsed => sent,
        _ => parsed,
    }
}

/// A `422` at `loc` for a date whose year is `0000`, which no calendar date has
/// (the model checks only the `MM/DD/YYYY` shape and the day of the month).
fn year_zero(date: &str, loc: Vec<Value>) -> Option<PaytraceErrorDetail> {
    (parse_us(date)?.0 == 0).then(|| {
        detail(
            loc,
            "must be a date as MM/DD/YYYY with a year from 0001",
            "value_error.date",
        )
    })
}

// ---- POST /v3/token ----------------------------------------------------------------

/// An OAuth error (`{"error": ..., "error_description": ...}`), as token endpoints
/// answer bad grants.
fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    json(
        status,
        &json_value!({"error": error, "error_description": description}),
    )
}

/// `POST /v3/token` (form-encoded): the client-credentials or the refresh grant →
/// `201` with an access token and a single-use refresh token. Every request is
/// recorded in the counters' `paytraceGrants`, so tests can tell a refresh from a
/// new login.
async fn token(State(mock): State<Arc<Mock>>, headers: HeaderMap, body: Bytes) -> Response {
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let sent = |name: &str| {
        form.iter()
            .any(|(key, value)| key == name && !value.is_empty())
    };
    let grant_type = form
        .iter()
        .find(|(key, _)| key == "grant_type")
        .map(|(_, value)| value.clone());
    let refresh_token_sent = sent("refresh_token");
    let client_secret_sent = sent("client_secret");
    let response = grant(&mock, &headers, form);
    let status = response.status().as_u16();
    mock.with_store(|s| {
        s.counters.paytrace_grants.push(PaytraceGrant {
            grant_type,
            refresh_token_sent,
            client_secret_sent,
            status,
        });
    });
    response
}

/// What `POST /v3/token` answers to `form`.
fn grant(mock: &Mock, headers: &HeaderMap, form: Vec<(String, String)>) -> Response {
    let field = |name: &str| {
        form.iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    let mut problems = header_errors(headers);
    let grant_type = field("grant_type");
    let request = match grant_type.as_str() {
        "client_credentials" => {
            PaytraceTokenRequest::client_credentials(field("client_id"), field("client_secret"))
        }
        "refresh_token" => PaytraceTokenRequest::refresh(field("refresh_token")),
        "" => {
            problems.push(detail(
                loc("body", "grant_type"),
                "field required",
                "value_error.missing",
            ));
            return unprocessable(problems);
        }
        _ if problems.is_empty() => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "grant_type must be client_credentials or refresh_token",
            )
        }
        _ => return unprocessable(problems),
    };
    if let Err(err) = request.validate() {
        problems.extend(details("body", &err));
    }
    if !problems.is_empty() {
        return unprocessable(problems);
    }
    if let PaytraceTokenRequest::ClientCredentials {
        client_id,
        client_secret,
    } = &request
    {
        let accepted = mock
            .config
            .paytrace_credentials
            .as_ref()
            .is_none_or(|(user, password)| {
                user == client_id && password == client_secret.expose_secret()
            });
        if !accepted {
            return oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "The API user name or password is not valid",
            );
        }
    }
    let lifetime = mock.config.token_lifetime;
    let issued = mock.with_store(|s| {
        if let PaytraceTokenRequest::RefreshToken { refresh_token } = &request {
            // Single use: redeeming it forgets it.
            if !s
                .paytrace_refresh_tokens
                .remove(refresh_token.expose_secret())
            {
                return None;
            }
        }
        let access = s.issue_token(lifetime, true);
        let refresh = format!(
            "mock_rt_{}",
            s.random_id(40, b"abcdefghijklmnopqrstuvwxyz0123456789")
        );
        s.paytrace_refresh_tokens.insert(refresh.clone());
        Some((access, refresh))
    });
    let Some((access, refresh)) = issued else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "The refresh token is unknown or has already been used",
        );
    };
    let created_at = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    json(
        StatusCode::CREATED,
        &PaytraceToken {
            access_token: BearerToken::new(access),
            token_type: "Bearer".to_owned(),
            expires_in: i64::try_from(lifetime.as_secs()).unwrap_or(i64::MAX),
            refresh_token: Some(BearerToken::new(refresh)),
            scope: Some("recurrence".to_owned()),
            created_at: Some(created_at),
            unknown: Default::default(),
        },
    )
}

// ---- schedule arithmetic --------------------------------------------------------------

/// Days in a month of the Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `MM/DD/YYYY` as (year, month, day); the model has already checked the format.
fn parse_us(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date.split('/').map(str::parse::<u32>);
    let (month, day, year) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    Some((year, month, day))
}

/// The same day `months` later, or the month's last day when it is shorter.
fn add_months((year, month, day): (u32, u32, u32), months: u32) -> (u32, u32, u32) {
    let zero_based = month - 1 + months;
    let (year, month) = (year + zero_based / 12, zero_based % 12 + 1);
    (year, month, day.min(days_in_month(year, month)))
}

/// The date `days` later (at most a fortnight here, so a loop is enough).
fn add_days((mut year, mut month, mut day): (u32, u32, u32), days: u32) -> (u32, u32, u32) {
    for _ in 0..days {
        day += 1;
        if day > days_in_month(year, month) {
            day = 1;
            month += 1;
            if month > 12 {
                month = 1;
                year += 1;
            }
        }
    }
    (year, month, day)
}

/// The run after the one on `date`, by PayTrace's frequency table (§8.6).
fn next_run(date: &str, frequency: &RecurrenceFrequency) -> Option<String> {
    let date = parse_us(date)?;
    let (year, month, day) = match frequency {
        RecurrenceFrequency::Annually => add_months(date, 12),
        RecurrenceFrequency::SemiAnnually => add_months(date, 6),
        RecurrenceFrequency::Trimesterly => add_months(date, 4),
        RecurrenceFrequency::Quarterly => add_months(date, 3),
        RecurrenceFrequency::BiMonthly => add_months(date, 2),
        RecurrenceFrequency::Monthly => add_months(date, 1),
        RecurrenceFrequency::BiWeekly => add_days(date, 14),
        RecurrenceFrequency::Weekly => add_days(date, 7),
        RecurrenceFrequency::Daily => add_days(date, 1),
        RecurrenceFrequency::FirstAndFifteenth if date.2 < 15 => (date.0, date.1, 15),
        RecurrenceFrequency::FirstAndFifteenth => {
            let (year, month, _) = add_months((date.0, date.1, 1), 1);
            (year, month, 1)
        }
        _ => return None,
    };
    Some(format!("{month:02}/{day:02}/{year:04}"))
}

/// Brings `status` and `next_date` in line with the counts: a recurrence that has run
/// `total_count` times is completed and has no next run.
fn settle(recurrence: &mut Recurrence) {
    let done = recurrence.current_count.unwrap_or(0);
    let total = recurrence.total_count.map_or(u32::MAX, TotalCount::get);
    if done >= total {
        recurrence.status = Some(COMPLETED.to_owned());
        recurrence.next_date = None;
    } else {
        recurrence.status = Some(ACTIVE.to_owned());
    }
}

// ---- the seven recurrence endpoints -------------------------------------------------

/// `POST /v3/recurrence/create`: a recurrence for a customer, which runs (approved)
/// once straight away.
async fn create(State(mock): State<Arc<Mock>>, headers: HeaderMap, body: Bytes) -> Response {
    let request: CreateRecurrenceRequest = match read(&headers, &body) {
        Ok(request) => request,
        Err(problems) => return unprocessable(problems),
    };
    let start = loc("body", "recurrence.start_date");
    if let Some(problem) = year_zero(&request.recurrence.start_date, start) {
        return unprocessable(vec![problem]);
    }
    let mut r = request.recurrence;
    r.amount = amount_as_sent(&body, r.amount);
    let stored = mock.with_store(|s| {
        let id = loop {
            let candidate = (100_000_000 + s.next_random() % 900_000_000).to_string();
            if s.ledger.paytrace.position(&candidate).is_none() {
                break candidate;
            }
        };
        let mut recurrence = Recurrence {
            id,
            customer_id: Some(request.customer_id),
            amount: Some(r.amount),
            next_date: next_run(&r.start_date, &r.frequency),
            frequency: Some(r.frequency),
            start_date: Some(r.start_date),
            total_count: Some(r.total_count),
            current_count: Some(1),
            transaction_type: Some(r.transaction_type.unwrap_or_else(|| "Sale".to_owned())),
            kind: r.kind,
            description: r.description,
            status: None,
            unknown: Default::default(),
        };
        settle(&mut recurrence);
        s.ledger
            .paytrace
            .paytrace_recurrences
            .push(StoredRecurrence {
                merchant_id: request.merchant_id,
                recurrence: recurrence.clone(),
                sec_code: r.sec_code,
                weekend: r.weekend,
                repeat: r.repeat,
                surcharge_info: request.surcharge_info,
                approved_at: now_rfc3339(),
            });
        recurrence
    });
    ok("The recurring payment was successfully created.", stored)
}

/// `PATCH /v3/recurrence`: changes what the body names. An unknown id, or a
/// `customer_id` that is not the recurrence's, is a `404`.
async fn update(State(mock): State<Arc<Mock>>, headers: HeaderMap, body: Bytes) -> Response {
    let request: UpdateRecurrenceRequest = match read(&headers, &body) {
        Ok(request) => request,
        Err(problems) => return unprocessable(problems),
    };
    let next = request.next_date.as_deref().unwrap_or_default();
    if let Some(problem) = year_zero(next, loc("body", "next_date")) {
        return unprocessable(vec![problem]);
    }
    let mut u = request.recurrence;
    u.amount = u.amount.map(|parsed| amount_as_sent(&body, parsed));
    mock.with_store(|s| {
        let ledger = &mut s.ledger.paytrace;
        let found = ledger.position(&u.id).filter(|&i| {
            request.customer_id.is_none()
                || ledger.paytrace_recurrences[i].recurrence.customer_id == request.customer_id
        });
        let Some(i) = found else {
            return recurrence_not_found(format!("Recurrence `{}` was not found", u.id));
        };
        let stored = &mut ledger.paytrace_recurrences[i];
        let r = &mut stored.recurrence;
        if let Some(amount) = u.amount {
            r.amount = Some(amount);
        }
        if let Some(frequency) = u.frequency {
            r.frequency = Some(frequency);
        }
        if let Some(count) = u.total_count {
            r.total_count = Some(count);
        }
        if let Some(kind) = u.kind {
            r.kind = Some(kind);
        }
        r.transaction_type = u.transaction_type.or(r.transaction_type.take());
        r.description = u.description.or(r.description.take());
        r.next_date = request.next_date.or(r.next_date.take());
        settle(r);
        stored.merchant_id = request.merchant_id.or(stored.merchant_id);
        stored.sec_code = u.sec_code.or(stored.sec_code.take());
        stored.weekend = u.weekend.or(stored.weekend);
        stored.repeat = u.repeat.or(stored.repeat);
        stored.surcharge_info = request.surcharge_info.or(stored.surcharge_info.take());
        ok(
            "The recurring payment was successfully updated.",
            stored.recurrence.clone(),
        )
    })
}

/// `DELETE /v3/recurrence` (a DELETE with a JSON body): forgets the recurrence and
/// returns it as it was.
async fn delete(State(mock): State<Arc<Mock>>, headers: HeaderMap, body: Bytes) -> Response {
    let request: DeleteRecurrenceRequest = match read(&headers, &body) {
        Ok(request) => request,
        Err(problems) => return unprocessable(problems),
    };
    let id = request.recurrence.id;
    let removed = mock.with_store(|s| {
        let ledger = &mut s.ledger.paytrace;
        ledger
            .position(&id)
            .map(|i| ledger.paytrace_recurrences.remove(i).recurrence)
    });
    match removed {
        Some(recurrence) => ok(
            "The recurring payment was successfully deleted.",
            recurrence,
        ),
        None => recurrence_not_found(format!("Recurrence `{id}` was not found")),
    }
}

/// `GET /v3/recurrence/export/by-customer/{customer_id}`: all of the customer's
/// recurrences, oldest first (none is an empty list).
async fn export_by_customer(
    State(mock): State<Arc<Mock>>,
    Path(customer_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let customer_id = match path_int(&headers, "customer_id", &customer_id) {
        Ok(id) => id,
        Err(problems) => return unprocessable(problems),
    };
    let all: Vec<Recurrence> = mock.with_store(|s| {
        s.ledger
            .paytrace
            .of_customer(customer_id)
            .map(|r| r.recurrence.clone())
            .collect()
    });
    let total = all.len();
    export(all, total, "Recurring payments exported.")
}

/// `POST /v3/recurrence/export/by-customer/{customer_id}`: one recurrence
/// (`recurrence.id`, `404` if the customer has no such recurrence) or a page of them
/// (`limit` 1–50, default 50; `offset`, default 0). `customer_label` is accepted and
/// checked (≤ 50 characters) but filters nothing: there is no Vault to hold labels.
async fn export_by_customer_paged(
    State(mock): State<Arc<Mock>>,
    Path(customer_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let customer_id = match path_int(&headers, "customer_id", &customer_id) {
        Ok(id) => id,
        Err(problems) => return unprocessable(problems),
    };
    // An absent body is the same as `{}`: every field is optional.
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        &body
    };
    let request: ExportRecurrencesRequest = match read(&headers, body) {
        Ok(request) => request,
        Err(problems) => return unprocessable(problems),
    };
    let all: Vec<Recurrence> = mock.with_store(|s| {
        s.ledger
            .paytrace
            .of_customer(customer_id)
            .map(|r| r.recurrence.clone())
            .collect()
    });
    if let Some(wanted) = &request.recurrence {
        return match all.into_iter().find(|r| r.id == wanted.id) {
            Some(one) => export(vec![one], 1, "Recurring payment exported."),
            None => recurrence_not_found(format!(
                "Recurrence `{}` was not found for customer {customer_id}",
                wanted.id
            )),
        };
    }
    let total = all.len();
    let limit = request.limit.unwrap_or(MAX_EXPORT_LIMIT) as usize;
    let offset = request.offset.unwrap_or(0) as usize;
    let page = all.into_iter().skip(offset).take(limit).collect();
    export(page, total, "Recurring payments exported.")
}

/// `GET /v3/recurrence/export/by-id/{recurrence_id}`.
async fn export_by_id(
    State(mock): State<Arc<Mock>>,
    Path(recurrence_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let id = match path_int(&headers, "recurrence_id", &recurrence_id) {
        Ok(id) => id.to_string(),
        Err(problems) => return unprocessable(problems),
    };
    let found = mock.with_store(|s| {
        let ledger = &s.ledger.paytrace;
        ledger
            .position(&id)
            .map(|i| ledger.paytrace_recurrences[i].recurrence.clone())
    });
    match found {
        Some(recurrence) => ok("Recurring payment exported.", recurrence),
        None => recurrence_not_found(format!("Recurrence `{id}` was not found")),
    }
}

/// `POST /v3/recurrence/export/approved/by-customer/{customer_id}`: the recurrence
/// whose (simulated) approved run is the customer's most recent. The body, for which
/// PayTrace publishes no schema, may be empty or any JSON object and is ignored.
async fn export_approved(
    State(mock): State<Arc<Mock>>,
    Path(customer_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let customer_id = match path_int(&headers, "customer_id", &customer_id) {
        Ok(id) => id,
        Err(problems) => return unprocessable(problems),
    };
    if !body.iter().all(u8::is_ascii_whitespace)
        && serde_json::from_slice::<serde_json::Map<String, Value>>(&body).is_err()
    {
        return unprocessable(vec![detail(
            loc("body", ""),
            "value is not a valid dict",
            "type_error.dict",
        )]);
    }
    let latest = mock.with_store(|s| {
        s.ledger
            .paytrace
            .of_customer(customer_id)
            .max_by(|a, b| a.approved_at.cmp(&b.approved_at))
            .map(|r| r.recurrence.clone())
    });
    match latest {
        Some(recurrence) => export(vec![recurrence], 1, "Approved recurring payment exported."),
        None => json(
            StatusCode::NOT_FOUND,
            &RecurrenceExportResponse {
                success: false,
                response_code: ERROR_CODE,
                status_message: format!("Customer {customer_id} has no approved recurring payment"),
                recurrences: Vec::new(),
                total: Some(0),
                unknown: Default::default(),
            },
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_runs_follow_the_frequency_table() {
        let next = |date, f| next_run(date, &f).unwrap();
        assert_eq!(
            next("01/31/2024", RecurrenceFrequency::Monthly),
            "02/29/2024"
        );
        assert_eq!(
            next("01/31/2023", RecurrenceFrequency::Monthly),
            "02/28/2023"
        );
        assert_eq!(
            next("11/15/2024", RecurrenceFrequency::Quarterly),
            "02/15/2025"
        );
        assert_eq!(
            next("10/01/2024", RecurrenceFrequency::SemiAnnually),
            "04/01/2025"
        );
        assert_eq!(
            next("02/29/2024", RecurrenceFrequency::Annually),
            "02/28/2025"
        );
        assert_eq!(
            next("12/25/2024", RecurrenceFrequency::Weekly),
            "01/01/2025"
        );
        assert_eq!(next("12/31/2024", RecurrenceFrequency::Daily), "01/01/2025");
        assert_eq!(
            next("02/20/2024", RecurrenceFrequency::BiWeekly),
            "03/05/2024"
        );
        assert_eq!(
            next("12/01/2024", RecurrenceFrequency::BiMonthly),
            "02/01/2025"
        );
        assert_eq!(
            next("10/01/2024", RecurrenceFrequency::Trimesterly),
            "02/01/2025"
        );
        assert_eq!(
            next("03/02/2024", RecurrenceFrequency::FirstAndFifteenth),
            "03/15/2024"
        );
        assert_eq!(
            next("12/15/2024", RecurrenceFrequency::FirstAndFifteenth),
            "01/01/2025"
        );
        assert_eq!(
            next_run("10/01/2024", &RecurrenceFrequency::from_api("Z")),
            None
        );
    }

    #[test]
    fn model_paths_become_fastapi_locations() {
        assert_eq!(
            loc("body", "recurrence.amount"),
            vec![Value::from("body"), "recurrence".into(), "amount".into()]
        );
        assert_eq!(
            loc("body", "items[2].name"),
            vec![Value::from("body"), "items".into(), 2.into(), "name".into()]
        );
        assert_eq!(loc("body", ""), vec![Value::from("body")]);
    }
}
