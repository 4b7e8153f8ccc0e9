//! One error type for every call. Its kinds keep apart what matters for money:
//! "never sent" (validation, connect), "may have been sent" (timeout, broken
//! connection) and "the server answered" (API errors).

use crate::http::{TransportError, TransportErrorKind};
use payroc_model::error::{ErrorItem, ProblemDetails};
use payroc_model::paytrace::PaytraceValidationError;
use payroc_model::ValidationError;
use std::fmt;

/// What a caller can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The request broke a rule and was never sent.
    Validation,
    /// The client is misconfigured (e.g. plain http to a remote host); nothing sent.
    Configuration,
    /// No connection could be made; the request was never sent.
    Transport,
    /// The connection broke during the exchange; the request may have been acted on.
    ConnectionLost,
    /// No response in time; the request may have been acted on.
    Timeout,
    /// The caller cancelled (e.g. a Cloud wait).
    Cancelled,
    /// 400 or 422: the server rejected the request's content.
    BadRequest,
    /// 401 (after one token refresh), or the identity service refused the API key.
    Unauthorized,
    /// 403.
    Forbidden,
    /// 404.
    NotFound,
    /// 409: state conflict or an idempotency key reused with another body.
    Conflict,
    /// 429, after the retries allowed.
    RateLimited,
    /// 5xx, after the retries allowed.
    Server,
    /// Any other non-2xx status.
    Api,
    /// A 2xx whose body could not be read as the documented type.
    Decode,
}

/// An HTTP error answer from the server.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status.
    pub status: u16,
    /// The parsed problem details (empty fields when the body was not problem JSON).
    pub problem: ProblemDetails,
    /// An earlier attempt of the same call may have been processed (its connection
    /// broke, it timed out, or it got a 5xx), whatever this last answer says.
    pub earlier_attempt_ambiguous: bool,
}

impl ApiError {
    /// Parses an error body tolerantly: Payroc's problem details, PayTrace's 422
    /// `{"detail": [{loc, msg, type}]}` (as field errors), or an OAuth
    /// `{"error", "error_description"}`; anything else leaves the fields empty.
    pub fn from_response(status: u16, body: &[u8]) -> Self {
        let problem = serde_json::from_slice::<ProblemDetails>(body)
            .ok()
            .filter(|p| {
                p.kind.is_some() || p.title.is_some() || p.detail.is_some() || !p.errors.is_empty()
            })
            .or_else(|| paytrace_problem(status, body))
            .or_else(|| oauth_problem(status, body))
            .unwrap_or_default();
        Self {
            status,
            problem,
            earlier_attempt_ambiguous: false,
        }
    }
}

fn paytrace_problem(status: u16, body: &[u8]) -> Option<ProblemDetails> {
    let body: PaytraceValidationError = serde_json::from_slice(body).ok()?;
    if body.detail.is_empty() {
        return None;
    }
    let mut problem = ProblemDetails::new(status, "Validation Error", body.summary());
    problem.errors = body
        .detail
        .iter()
        .map(|d| ErrorItem {
            parameter: Some(d.location()),
            detail: Some(d.kind.clone()),
            message: Some(d.msg.clone()),
        })
        .collect();
    Some(problem)
}

fn oauth_problem(status: u16, body: &[u8]) -> Option<ProblemDetails> {
    #[derive(serde::Deserialize)]
    struct OAuthError {
        error: String,
        #[serde(default)]
        error_description: Option<String>,
    }
    let body: OAuthError = serde_json::from_slice(body).ok()?;
    Some(ProblemDetails::new(
        status,
        &body.error,
        body.error_description.unwrap_or_default(),
    ))
}

/// Every way a call can fail.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request broke one or more rules; it was not sent.
    #[error(transparent)]
    Validation(#[from] ValidationError),
    /// The client configuration is unusable.
    #[error("configuration error: {0}")]
    Configuration(String),
    /// The request got no HTTP response.
    #[error("{}", describe_transport(.0))]
    Transport(TransportError),
    /// The server answered with an error status (boxed: problem details are large and
    /// errors travel through every `Result`).
    #[error("{}", describe_api(.0))]
    Api(Box<ApiError>),
    /// A success response that could not be read.
    #[error("could not read the {status} response as {expected}: {message}")]
    Decode {
        /// HTTP status.
        status: u16,
        /// The type expected.
        expected: &'static str,
        /// What was wrong (never the body itself).
        message: String,
    },
    /// The caller cancelled.
    #[error("cancelled")]
    Cancelled,
    /// A deadline passed before the operation finished.
    #[error("timed out: {0}")]
    Deadline(String),
}

fn describe_transport(err: &TransportError) -> String {
    match err.kind {
        TransportErrorKind::Connect => {
            format!("could not connect (request not sent): {}", err.message)
        }
        TransportErrorKind::Timeout => format!(
            "timed out waiting for a response (the request may have been processed): {}",
            err.message
        ),
        TransportErrorKind::Io => format!(
            "connection lost (the request may have been processed): {}",
            err.message
        ),
        #[allow(unreachable_patterns)]
        _ => err.message.clone(),
    }
}

fn describe_api(err: &ApiError) -> String {
    let summary = err.problem.summary();
    if summary.is_empty() {
        format!("HTTP {}", err.status)
    } else {
        format!("HTTP {}: {summary}", err.status)
    }
}

impl Error {
    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Validation(_) => ErrorKind::Validation,
            Self::Configuration(_) => ErrorKind::Configuration,
            Self::Transport(t) => match t.kind {
                TransportErrorKind::Connect => ErrorKind::Transport,
                TransportErrorKind::Timeout => ErrorKind::Timeout,
                _ => ErrorKind::ConnectionLost,
            },
            Self::Api(api) => match api.status {
                400 | 422 => ErrorKind::BadRequest,
                401 => ErrorKind::Unauthorized,
                403 => ErrorKind::Forbidden,
                404 => ErrorKind::NotFound,
                409 => ErrorKind::Conflict,
                429 => ErrorKind::RateLimited,
                500..=599 => ErrorKind::Server,
                _ => ErrorKind::Api,
            },
            Self::Decode { .. } => ErrorKind::Decode,
            Self::Cancelled => ErrorKind::Cancelled,
            Self::Deadline(_) => ErrorKind::Timeout,
        }
    }

    /// Whether trying the same call again (with the same idempotency key) may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::Transport
                | ErrorKind::ConnectionLost
                | ErrorKind::Timeout
                | ErrorKind::RateLimited
                | ErrorKind::Server
        )
    }

    /// Whether the request may have reached the server and taken effect — on any of
    /// its attempts, not only the last. A payment call that fails this way must be
    /// retried with the same idempotency key, or looked up, before it is charged again
    /// under a new key.
    pub fn maybe_processed(&self) -> bool {
        match self {
            Self::Transport(t) => t.maybe_sent() || t.earlier_attempt_ambiguous,
            Self::Api(api) => api.status >= 500 || api.earlier_attempt_ambiguous,
            Self::Deadline(_) => true,
            _ => false,
        }
    }

    /// This error, as the end of a call an earlier attempt of which may have been
    /// acted on by the server.
    pub(crate) fn after_ambiguous_attempt(mut self) -> Self {
        match &mut self {
            Self::Transport(t) => t.earlier_attempt_ambiguous = true,
            Self::Api(api) => api.earlier_attempt_ambiguous = true,
            _ => {}
        }
        self
    }

    /// The HTTP status, for API errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api(api) => Some(api.status),
            Self::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The server's problem details, for API errors.
    pub fn problem(&self) -> Option<&ProblemDetails> {
        match self {
            Self::Api(api) => Some(&api.problem),
            _ => None,
        }
    }

    /// Field errors: the server's `errors[]`, or the validation violations as the same
    /// shape, so every caller reads them one way.
    pub fn field_errors(&self) -> Vec<ErrorItem> {
        match self {
            Self::Api(api) => api.problem.errors.clone(),
            Self::Validation(v) => v
                .violations()
                .iter()
                .map(|v| ErrorItem {
                    parameter: Some(v.path.clone()),
                    detail: Some(v.code.to_owned()),
                    message: Some(v.message.clone()),
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
