//! Pricing intents and attachments.
//!
//! - A pricing intent is `pendingReview` when created and `active` once the emulator's
//!   clock is a day past its creation (`POST /_mock/clock`). Its `key` names it among
//!   yours: a second intent with a key in use is refused (`409`). A PUT replaces all
//!   of it but its id, status and creation date (`204`); a JSON Patch may change
//!   `key`, `metadata`, `base`, `processor`, `gateway` and `services` only. A deleted
//!   intent is gone (`404` after).
//! - An upload is a `multipart/form-data` body with an `attachment` part (JSON: `type`,
//!   `description`, `metadata`) and a `file` part (a file name with an allowed
//!   extension, under 30 MB): a body of another media type is `415`, a missing or
//!   unreadable part `400`, a file of 30 MB or more `413`. An attachment is `pending`
//!   when uploaded and reviewed a day later on the emulator's clock: `accepted`, or
//!   `rejected` when its bytes are not what its media type says (a PDF that does not
//!   start `%PDF`, a PNG without the PNG signature).
//! - An attachment belongs to a processing account boarding holds: an upload for an
//!   unknown account is `404` (after the form is checked, as the gateway reads it first).

use crate::patch;
use crate::problem::{bad_parameter, bad_request, conflict, not_found, problem};
use crate::routes::list::ListParams;
use crate::routes::{json, parse};
use crate::store::ledger::{StoredAttachment, StoredPricingIntent};
use crate::Mock;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use payroc_model::attachment::{
    Attachment, AttachmentDetails, AttachmentEntity, AttachmentEntityType, AttachmentUploadStatus,
    FileUpload, MAX_FILE_BYTES,
};
use payroc_model::common::PatchDocument;
use payroc_model::json::from_json;
use payroc_model::pricing_intent::{PricingIntent, PricingIntentStatus};
use payroc_model::validate::Validator;
use std::sync::Arc;

/// The largest upload body: the file limit and room for the form around it.
pub(crate) const MAX_UPLOAD_BODY: usize = MAX_FILE_BYTES + (64 << 10);

/// What a JSON Patch may change on a pricing intent.
const PATCHABLE: &[&str] = &[
    "/key",
    "/metadata",
    "/base",
    "/processor",
    "/gateway",
    "/services",
];

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route("/v1/pricing-intents", get(list).post(create))
        .route(
            "/v1/pricing-intents/{pricingIntentId}",
            get(retrieve).put(replace).patch(update).delete(delete),
        )
        .route(
            "/v1/processing-accounts/{processingAccountId}/attachments",
            post(upload).layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY)),
        )
        .route("/v1/attachments/{attachmentId}", get(retrieve_attachment))
}

/// The intent as a client reads it: reviewed a day after its creation.
fn intent_view(stored: &StoredPricingIntent, today: i64) -> PricingIntent {
    let mut intent = stored.intent.clone();
    if today > stored.created_day {
        intent.status = Some(PricingIntentStatus::Active);
    }
    intent
}

fn next_id(mock: &Mock) -> u64 {
    mock.with_store(|s| {
        s.ledger.pricing.last_id += 1;
        s.ledger.pricing.last_id
    })
}

/// `POST /pricing-intents` → `201`.
async fn create(State(mock): State<Arc<Mock>>, body: Bytes) -> Response {
    let mut intent: PricingIntent = match parse(&body) {
        Ok(intent) => intent,
        Err(response) => return response,
    };
    let now = mock.clock.now_rfc3339();
    let today = mock.clock.offset_days();
    let id = next_id(&mock);
    mock.with_store(|s| {
        let intents = &mut s.ledger.pricing.pricing_intents;
        if intents.iter().any(|i| i.intent.key == intent.key) {
            return conflict(format!(
                "A pricing intent with key `{}` already exists",
                intent.key
            ));
        }
        intent.id = Some(id.to_string());
        intent.status = Some(PricingIntentStatus::PendingReview);
        intent.created_date = Some(now.clone());
        intent.last_updated_date = Some(now);
        let stored = StoredPricingIntent {
            intent,
            created_day: today,
        };
        let view = intent_view(&stored, today);
        intents.push(stored);
        json(StatusCode::CREATED, &view)
    })
}

/// `GET /pricing-intents`: oldest first, paged by id.
async fn list(State(mock): State<Arc<Mock>>, uri: Uri, headers: HeaderMap) -> Response {
    let params = ListParams::new(&uri, &headers);
    let today = mock.clock.offset_days();
    let items: Vec<PricingIntent> = mock.with_store(|s| {
        s.ledger
            .pricing
            .pricing_intents
            .iter()
            .map(|stored| intent_view(stored, today))
            .collect()
    });
    match params.page(items, |i| i.id.as_deref().unwrap_or("")) {
        Ok(page) => json(StatusCode::OK, &page),
        Err(response) => response,
    }
}

/// `GET /pricing-intents/{pricingIntentId}`.
async fn retrieve(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let today = mock.clock.offset_days();
    mock.with_store(|s| {
        match s
            .ledger
            .pricing
            .pricing_intents
            .iter()
            .find(|i| i.intent.id.as_deref() == Some(&id))
        {
            Some(stored) => json(StatusCode::OK, &intent_view(stored, today)),
            None => not_found("pricing intent", &id),
        }
    })
}

/// A key another intent than `id` holds.
fn key_taken(intents: &[StoredPricingIntent], id: &str, key: &str) -> bool {
    intents
        .iter()
        .any(|i| i.intent.id.as_deref() != Some(id) && i.intent.key == key)
}

/// `PUT /pricing-intents/{pricingIntentId}` → `204`: all of it replaced but its id,
/// status and creation date.
async fn replace(State(mock): State<Arc<Mock>>, Path(id): Path<String>, body: Bytes) -> Response {
    let update: PricingIntent = match parse(&body) {
        Ok(update) => update,
        Err(response) => return response,
    };
    let now = mock.clock.now_rfc3339();
    mock.with_store(|s| {
        let intents = &mut s.ledger.pricing.pricing_intents;
        if key_taken(intents, &id, &update.key) {
            return conflict(format!(
                "A pricing intent with key `{}` already exists",
                update.key
            ));
        }
        let Some(stored) = intents
            .iter_mut()
            .find(|i| i.intent.id.as_deref() == Some(&id))
        else {
            return not_found("pricing intent", &id);
        };
        let old = &stored.intent;
        stored.intent = PricingIntent {
            id: old.id.clone(),
            status: old.status.clone(),
            created_date: old.created_date.clone(),
            last_updated_date: Some(now),
            ..update
        };
        StatusCode::NO_CONTENT.into_response()
    })
}

/// `PATCH /pricing-intents/{pricingIntentId}` → `200` with the changed intent.
async fn update(State(mock): State<Arc<Mock>>, Path(id): Path<String>, body: Bytes) -> Response {
    let ops: Vec<PatchDocument> = match parse(&body) {
        Ok(ops) => ops,
        Err(response) => return response,
    };
    let now = mock.clock.now_rfc3339();
    let today = mock.clock.offset_days();
    mock.with_store(|s| {
        let intents = &mut s.ledger.pricing.pricing_intents;
        let Some(index) = intents
            .iter()
            .position(|i| i.intent.id.as_deref() == Some(&id))
        else {
            return not_found("pricing intent", &id);
        };
        let document = serde_json::to_value(&intents[index].intent).unwrap_or_default();
        let patched = match patch::apply(&document, &ops, PATCHABLE) {
            Ok(patched) => patched,
            Err(err) => {
                return bad_parameter(
                    &format!("[{}].path", err.index),
                    "Invalid format",
                    &format!(
                        "{}; a pricing intent allows changes to {} only",
                        err.message,
                        PATCHABLE.join(", ")
                    ),
                )
            }
        };
        let bytes = serde_json::to_vec(&patched).unwrap_or_default();
        let mut intent: PricingIntent = match payroc_model::json::parse_request(&bytes) {
            Ok(intent) => intent,
            Err(err) => return bad_request(&err),
        };
        if key_taken(intents, &id, &intent.key) {
            return conflict(format!(
                "A pricing intent with key `{}` already exists",
                intent.key
            ));
        }
        intent.last_updated_date = Some(now);
        let stored = &mut intents[index];
        stored.intent = intent;
        json(StatusCode::OK, &intent_view(stored, today))
    })
}

/// `DELETE /pricing-intents/{pricingIntentId}` → `204`.
async fn delete(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    mock.with_store(|s| {
        let intents = &mut s.ledger.pricing.pricing_intents;
        match intents
            .iter()
            .position(|i| i.intent.id.as_deref() == Some(&id))
        {
            Some(index) => {
                intents.remove(index);
                StatusCode::NO_CONTENT.into_response()
            }
            None => not_found("pricing intent", &id),
        }
    })
}

/// One part of a form: its headers' facts and its bytes.
struct FormPart<'a> {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    bytes: &'a [u8],
}

/// The boundary of a `multipart/form-data` media type, if it is one.
pub(crate) fn boundary(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let mut params = value.split(';');
    if !params
        .next()?
        .trim()
        .eq_ignore_ascii_case("multipart/form-data")
    {
        return None;
    }
    params.find_map(|p| {
        let (name, value) = p.trim().split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_owned())
            .filter(|b| !b.is_empty() && b.len() <= 70)
    })
}

/// A parameter of a `Content-Disposition` header (`name="file"`).
fn disposition_param(disposition: &str, wanted: &str) -> Option<String> {
    disposition.split(';').skip(1).find_map(|p| {
        let (name, value) = p.trim().split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case(wanted)
            .then(|| value.trim().trim_matches('"').to_owned())
    })
}

/// `body` with every occurrence of `boundary` taken out: what an upload is, whatever
/// boundary its encoder chose.
pub(crate) fn without_boundary(body: &[u8], boundary: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = find(rest, boundary.as_bytes()) {
        out.extend_from_slice(&rest[..at]);
        rest = &rest[at + boundary.len()..];
    }
    out.extend_from_slice(rest);
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Splits a form body (RFC 7578) into its parts; `Err` says what is malformed.
fn parse_form<'a>(body: &'a [u8], boundary: &str) -> Result<Vec<FormPart<'a>>, String> {
    let delimiter = format!("--{boundary}");
    let start = find(body, delimiter.as_bytes()).ok_or("the body holds no boundary")?;
    let mut rest = &body[start + delimiter.len()..];
    let next = format!("\r\n--{boundary}");
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        rest = rest
            .strip_prefix(b"\r\n")
            .ok_or("a boundary line must end in CRLF")?;
        let head_end = find(rest, b"\r\n\r\n").ok_or("a part has no end of headers")?;
        let head =
            std::str::from_utf8(&rest[..head_end]).map_err(|_| "a part's headers are not text")?;
        let after_head = &rest[head_end + 4..];
        let end = find(after_head, next.as_bytes()).ok_or("the body has no closing boundary")?;
        let (mut name, mut file_name, mut content_type) = (None, None, None);
        for line in head.split("\r\n") {
            let Some((field, value)) = line.split_once(':') else {
                return Err(format!("malformed part header `{line}`"));
            };
            if field.trim().eq_ignore_ascii_case("content-disposition") {
                if !value.trim().to_ascii_lowercase().starts_with("form-data") {
                    return Err("a part's Content-Disposition must be form-data".into());
                }
                name = disposition_param(value, "name");
                file_name = disposition_param(value, "filename");
            } else if field.trim().eq_ignore_ascii_case("content-type") {
                content_type = Some(value.trim().to_owned());
            }
        }
        parts.push(FormPart {
            name: name.ok_or("a part has no name")?,
            file_name,
            content_type,
            bytes: &after_head[..end],
        });
        rest = &after_head[end + next.len()..];
    }
}

/// Whether the bytes are what the media type says, as review checks them.
fn looks_like(content_type: &str, bytes: &[u8]) -> bool {
    match content_type.to_ascii_lowercase().as_str() {
        "application/pdf" => bytes.starts_with(b"%PDF"),
        "image/png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        _ => true,
    }
}

/// The attachment as a client reads it: reviewed a day after its upload.
fn attachment_view(stored: &StoredAttachment, today: i64) -> Attachment {
    let mut attachment = stored.attachment.clone();
    if today > stored.uploaded_day {
        attachment.upload_status = if stored.genuine {
            AttachmentUploadStatus::Accepted
        } else {
            AttachmentUploadStatus::Rejected
        };
    }
    attachment
}

/// `POST /processing-accounts/{processingAccountId}/attachments` → `201`.
async fn upload(
    State(mock): State<Arc<Mock>>,
    Path(account): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(boundary) = boundary(&headers) else {
        return problem(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Unsupported media type",
            "an upload must be sent as `multipart/form-data` with a boundary",
        );
    };
    let parts = match parse_form(&body, &boundary) {
        Ok(parts) => parts,
        Err(message) => {
            return bad_parameter(
                "body",
                "Invalid format",
                &format!("malformed multipart body: {message}"),
            )
        }
    };
    let part = |name: &str| parts.iter().find(|p| p.name == name);
    let details = match part("attachment").map(|p| from_json::<AttachmentDetails>(p.bytes)) {
        Some(Err(err)) => {
            let why: Vec<String> = err
                .violations()
                .iter()
                .map(|v| format!("{}: {}", v.path, v.message))
                .collect();
            return bad_parameter("attachment", "Invalid format", &why.join("; "));
        }
        Some(Ok(details)) => Some(details),
        None => None,
    };
    let file = part("file").map(|p| {
        FileUpload::new(
            p.file_name.clone().unwrap_or_default(),
            p.content_type
                .clone()
                .unwrap_or_else(|| "application/octet-stream".to_owned()),
            p.bytes.to_vec(),
        )
    });
    if file
        .as_ref()
        .is_some_and(|f| f.bytes.len() >= MAX_FILE_BYTES)
    {
        return problem(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Content too large",
            "the file must be under 30 MB",
        );
    }
    let mut v = Validator::new();
    match &details {
        Some(details) => v.nested("attachment", details),
        None => v.missing("attachment"),
    }
    match &file {
        Some(file) => v.nested("file", file),
        None => v.missing("file"),
    }
    if let Err(err) = v.finish() {
        return bad_request(&err);
    }
    let (Some(details), Some(file)) = (details, file) else {
        return bad_parameter(
            "body",
            "Required field not populated",
            "the upload is incomplete",
        );
    };
    let known = mock.with_store(|s| {
        s.ledger
            .boarding
            .processing_accounts
            .iter()
            .any(|a| a.account.processing_account_id.as_deref() == Some(account.as_str()))
    });
    if !known {
        return not_found("processing account", &account);
    }
    let now = mock.clock.now_rfc3339();
    let today = mock.clock.offset_days();
    let id = next_id(&mock);
    let stored = StoredAttachment {
        attachment: Attachment {
            attachment_id: id.to_string(),
            kind: details.kind,
            upload_status: AttachmentUploadStatus::Pending,
            file_name: file.file_name.clone(),
            content_type: file.content_type.clone(),
            description: details.description,
            entity: AttachmentEntity {
                kind: AttachmentEntityType::ProcessingAccount,
                id: account,
                unknown: Default::default(),
            },
            created_date: now.clone(),
            last_modified_date: now,
            metadata: details.metadata,
            unknown: Default::default(),
        },
        size: file.bytes.len(),
        genuine: looks_like(&file.content_type, &file.bytes),
        uploaded_day: today,
    };
    let view = attachment_view(&stored, today);
    mock.with_store(|s| s.ledger.pricing.attachments.push(stored));
    json(StatusCode::CREATED, &view)
}

/// `GET /attachments/{attachmentId}`: never the file.
async fn retrieve_attachment(State(mock): State<Arc<Mock>>, Path(id): Path<String>) -> Response {
    let today = mock.clock.offset_days();
    mock.with_store(|s| {
        match s
            .ledger
            .pricing
            .attachments
            .iter()
            .find(|a| a.attachment.attachment_id == id)
        {
            Some(stored) => json(StatusCode::OK, &attachment_view(stored, today)),
            None => not_found("attachment", &id),
        }
    })
}
