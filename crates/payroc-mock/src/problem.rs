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

/// Why the gateway refuses a request whose body was valid: the state or the ids it
/// names do not allow it.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// `400` naming one parameter (`code` is the validation code: `format`, `range`…).
    BadParameter {
        /// JSON path of the parameter.
        parameter: String,
        /// Validation code, which picks the item's `detail`.
        code: &'static str,
        /// What to do about it.
        message: String,
    },
    /// `404` for an id the emulator does not hold.
    NotFound {
        /// Resource name, e.g. `payment`.
        resource: &'static str,
        /// The id asked for.
        id: String,
    },
    /// `409`: the resource's state does not allow the operation.
    Conflict(String),
}

impl Refusal {
    /// A `400` about one parameter.
    pub(crate) fn bad(
        parameter: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Self::BadParameter {
            parameter: parameter.into(),
            code,
            message: message.into(),
        }
    }

    /// A `404` for `id`.
    pub(crate) fn not_found(resource: &'static str, id: &str) -> Self {
        Self::NotFound {
            resource,
            id: id.to_owned(),
        }
    }

    /// The human-readable reason, for a Cloud instruction's `errorMessage`.
    pub(crate) fn message(&self) -> String {
        match self {
            Self::BadParameter {
                parameter, message, ..
            } => format!("{parameter}: {message}"),
            Self::NotFound { resource, id } => format!("no {resource} with id `{id}`"),
            Self::Conflict(message) => message.clone(),
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Self::BadParameter {
                parameter,
                code,
                message,
            } => bad_request(&ValidationError::single(parameter, message, code)),
            Self::NotFound { resource, id } => not_found(resource, &id),
            Self::Conflict(detail) => conflict(detail),
        }
    }
}
