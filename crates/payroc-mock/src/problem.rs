//! Error responses in the API's problem-details shape.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use payroc_model::error::{ErrorItem, ProblemDetails};
use payroc_model::ValidationError;

/// A problem-details response.
pub(crate) fn problem(status: StatusCode, title: &str, detail: impl Into<String>) -> Response {
    respond(status, &ProblemDetails::new(status.as_u16(), title, detail))
}

/// Writes a problem body with its status.
pub(crate) fn respond(status: StatusCode, body: &ProblemDetails) -> Response {
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        )],
        bytes,
    )
        .into_response()
}

/// `400` naming each parameter at fault, as the gateway reports validation failures.
pub(crate) fn bad_request(err: &ValidationError) -> Response {
    let mut body = ProblemDetails::new(
        400,
        "Bad request",
        "One or more validation errors occurred, see error section for more info",
    );
    body.errors = err
        .violations()
        .iter()
        .map(|v| ErrorItem {
            parameter: Some(v.path.clone()),
            detail: Some(detail_for(v.code).to_owned()),
            message: Some(v.message.clone()),
            unknown: Default::default(),
        })
        .collect();
    respond(StatusCode::BAD_REQUEST, &body)
}

/// A `400` about one parameter.
pub(crate) fn bad_parameter(parameter: &str, detail: &str, message: &str) -> Response {
    bad_request(&ValidationError::single(
        parameter,
        message,
        code_for(detail),
    ))
}

fn detail_for(code: &str) -> &'static str {
    match code {
        "required" => "Required field not populated",
        "length" => "Invalid length",
        "range" => "Value out of range",
        "enum" => "Invalid value",
        "conflict" => "Conflicting values",
        "json" => "Malformed body",
        _ => "Invalid format",
    }
}

fn code_for(detail: &str) -> &'static str {
    match detail {
        "Required field not populated" => "required",
        _ => "format",
    }
}

/// `404` for an id the emulator does not hold.
pub(crate) fn not_found(resource: &str, id: &str) -> Response {
    let mut body = ProblemDetails::new(
        404,
        "Not found",
        format!("No {resource} with id `{id}` was found"),
    );
    body.resource = Some(resource.to_owned());
    respond(StatusCode::NOT_FOUND, &body)
}

/// `409` for an operation the resource's state does not allow.
pub(crate) fn conflict(detail: impl Into<String>) -> Response {
    problem(StatusCode::CONFLICT, "Conflict", detail)
}
