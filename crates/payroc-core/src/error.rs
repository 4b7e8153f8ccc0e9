//! One error type for every call. Its kinds keep apart what matters for money:
//! "never sent" (validation, connect), "may have been sent" (timeout, broken
//! connection) and "the server answered" (API errors).

use crate::http::{TransportError, TransportErrorKind};
use payroc_model::error::{ErrorItem, ProblemDetails};
use payroc_model::paytrace::PaytraceValidationError;
use payroc_model::secret::scrub;
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
    /// The `Idempotency-Key` the call carried, to retry it with.
    pub idempotency_key: Option<String>,
    /// The start of a body that was not problem JSON (scrubbed, at most
    /// [`BODY_SNIPPET_BYTES`]), so an unreadable error still says something.
    pub body_snippet: Option<String>,
}

/// The most of an unreadable error body kept in [`ApiError::body_snippet`].
pub const BODY_SNIPPET_BYTES: usize = 200;

/// The most field errors kept from one problem: a hostile server may send millions.
const MAX_FIELD_ERRORS: usize = 100;

impl ApiError {
    /// Parses an error body tolerantly: Payroc's problem details, PayTrace's 422
    /// `{"detail": [{loc, msg, type}]}` (as field errors), or an OAuth
    /// `{"error", "error_description"}`; anything else leaves the fields empty. The
    /// server's text is scrubbed of card numbers, security codes and bearer tokens,
    /// and capped (see [`payroc_model::secret::scrub`]).
    pub fn from_response(status: u16, body: &[u8]) -> Self {
        let parsed = serde_json::from_slice::<ProblemDetails>(body)
            .ok()
            .filter(|p| {
                p.kind.is_some() || p.title.is_some() || p.detail.is_some() || !p.errors.is_empty()
            })
            .or_else(|| paytrace_problem(status, body))
            .or_else(|| oauth_problem(status, body));
        let body_snippet = match &parsed {
            Some(_) => None,
            None => Some(String::from_utf8_lossy(
                &body[..body.len().min(BODY_SNIPPET_BYTES)],
            ))
            .map(|text| scrub(text.trim()))
            .filter(|text| !text.is_empty()),
        };
        Self {
            status,
            problem: parsed.map(scrub_problem).unwrap_or_default(),
            earlier_attempt_ambiguous: false,
            idempotency_key: None,
            body_snippet,
        }
    }
}

fn scrub_problem(mut problem: ProblemDetails) -> ProblemDetails {
    let text = |field: &mut Option<String>| {
        if let Some(value) = field {
            *value = scrub(value);
        }
    };
    text(&mut problem.kind);
    text(&mut problem.title);
    text(&mut problem.detail);
    text(&mut problem.instance);
    text(&mut problem.resource);
    problem.errors.truncate(MAX_FIELD_ERRORS);
    for item in &mut problem.errors {
        text(&mut item.parameter);
        text(&mut item.detail);
        text(&mut item.message);
    }
    problem
}

/// A success (2xx) answer whose body could not be read.
#[derive(Debug, Clone)]
pub struct DecodeError {
    /// HTTP status.
    pub status: u16,
    /// The type expected.
    pub expected: &'static str,
    /// What was wrong (never the body itself; scrubbed).
    pub message: String,
    /// The call changed something on the server (it was not a read), so its 2xx
    /// means it took effect: look it up, or retry with the same idempotency key.
    pub processed: bool,
    /// What could be read of the body: lossy UTF-8, at most [`RAW_BODY_BYTES`],
    /// with card numbers, security codes and bearer tokens redacted.
    pub raw_body: Option<String>,
    /// The `Idempotency-Key` the call carried.
    pub idempotency_key: Option<String>,
}

/// The most of an unreadable success body kept in [`DecodeError::raw_body`].
pub const RAW_BODY_BYTES: usize = 64 * 1024;

impl DecodeError {
    /// A body that could not be read as `expected`.
    pub fn new(status: u16, expected: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            expected,
            message: scrub(&message.into()),
            processed: false,
            raw_body: None,
            idempotency_key: None,
        }
    }

    /// Keeps what can be read of `body`.
    #[must_use]
    pub fn with_body(mut self, body: &[u8]) -> Self {
        let head = String::from_utf8_lossy(&body[..body.len().min(RAW_BODY_BYTES)]);
        self.raw_body = Some(payroc_model::secret::redact(&head));
        self
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not read the {} response as {}: {}",
            self.status, self.expected, self.message
        )?;
        if self.processed {
            f.write_str(
                " (the request was processed: look it up, or retry with the same idempotency key)",
            )?;
        }
        Ok(())
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
            unknown: Default::default(),
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
    /// A success response that could not be read (boxed, as `Api`).
    #[error("{0}")]
    Decode(Box<DecodeError>),
    /// No bearer token could be had, so the request itself was not sent (on this
    /// attempt: an earlier one may have been, see `earlier_attempt_ambiguous`).
    #[error("{}", describe_identity(source, *earlier_attempt_ambiguous))]
    Identity {
        /// Why the identity service gave no token.
        source: Box<Error>,
        /// An earlier attempt of the same call may have been processed.
        earlier_attempt_ambiguous: bool,
        /// The `Idempotency-Key` the call carried.
        idempotency_key: Option<String>,
    },
    /// The caller cancelled.
    #[error("cancelled")]
    Cancelled,
    /// A deadline passed before the operation finished; what it was doing may have
    /// taken effect.
    #[error("timed out: {message}")]
    Deadline {
        /// What was still going on.
        message: String,
        /// The `Idempotency-Key` of what may have taken effect, to retry with.
        idempotency_key: Option<String>,
    },
}

fn describe_transport(err: &TransportError) -> String {
    match err.kind {
        TransportErrorKind::Connect => {
            format!("could not connect (request not sent): {}", err.message)
        }
        TransportErrorKind::InvalidRequest => {
            format!(
                "the request could not be formed (not sent): {}",
                err.message
            )
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
    match (&err.body_snippet, summary.is_empty()) {
        (_, false) => format!("HTTP {}: {summary}", err.status),
        (Some(body), true) => format!("HTTP {} (not problem JSON): {body}", err.status),
        (None, true) => format!("HTTP {} with no body", err.status),
    }
}

fn describe_identity(source: &Error, earlier_attempt_ambiguous: bool) -> String {
    if earlier_attempt_ambiguous {
        format!("could not get a bearer token to retry (an earlier attempt may have been processed): {source}")
    } else {
        format!("could not get a bearer token, so the request was not sent: {source}")
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
                TransportErrorKind::InvalidRequest => ErrorKind::Configuration,
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
            Self::Decode(_) => ErrorKind::Decode,
            // A refused key is the caller's to fix; anything else kept the request
            // from being sent at all.
            Self::Identity { source, .. } => match source.kind() {
                kind @ (ErrorKind::Unauthorized
                | ErrorKind::Forbidden
                | ErrorKind::Configuration
                | ErrorKind::Validation) => kind,
                _ => ErrorKind::Transport,
            },
            Self::Cancelled => ErrorKind::Cancelled,
            Self::Deadline { .. } => ErrorKind::Timeout,
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
            Self::Decode(d) => d.processed,
            Self::Identity {
                earlier_attempt_ambiguous,
                ..
            } => *earlier_attempt_ambiguous,
            Self::Deadline { .. } => true,
            _ => false,
        }
    }

    /// The `Idempotency-Key` the call carried: retry with it after an error that
    /// [`maybe_processed`](Self::maybe_processed), so nothing is done twice.
    pub fn idempotency_key(&self) -> Option<&str> {
        match self {
            Self::Transport(t) => t.idempotency_key.as_deref(),
            Self::Api(api) => api.idempotency_key.as_deref(),
            Self::Decode(d) => d.idempotency_key.as_deref(),
            Self::Deadline {
                idempotency_key, ..
            } => idempotency_key.as_deref(),
            Self::Identity {
                idempotency_key, ..
            } => idempotency_key.as_deref(),
            _ => None,
        }
    }

    /// What could be read of a success body that did not parse (scrubbed, capped).
    pub fn raw_body(&self) -> Option<&str> {
        match self {
            Self::Decode(d) => d.raw_body.as_deref(),
            _ => None,
        }
    }

    /// A deadline that passed while `message` was going on.
    pub(crate) fn deadline(message: &str, key: Option<&str>) -> Self {
        Self::Deadline {
            message: message.to_owned(),
            idempotency_key: key.map(str::to_owned),
        }
    }

    /// A token fetch that failed, as the error of the call that needed the token.
    pub(crate) fn identity(self) -> Self {
        match self {
            already @ Self::Identity { .. } => already,
            source => Self::Identity {
                source: Box::new(source),
                earlier_attempt_ambiguous: false,
                idempotency_key: None,
            },
        }
    }

    /// This error as the end of one logical call: whether an earlier attempt may
    /// have been acted on by the server, and the idempotency key the call carried.
    pub(crate) fn of_call(mut self, ambiguous: bool, key: Option<&str>) -> Self {
        let key = key.map(str::to_owned);
        match &mut self {
            Self::Transport(t) => {
                t.earlier_attempt_ambiguous |= ambiguous;
                t.idempotency_key = key;
            }
            Self::Api(api) => {
                api.earlier_attempt_ambiguous |= ambiguous;
                api.idempotency_key = key;
            }
            Self::Decode(d) => d.idempotency_key = key,
            Self::Identity {
                earlier_attempt_ambiguous,
                idempotency_key,
                ..
            } => {
                *earlier_attempt_ambiguous |= ambiguous;
                *idempotency_key = key;
            }
            _ => {}
        }
        self
    }

    /// The HTTP status, for API errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api(api) => Some(api.status),
            Self::Decode(d) => Some(d.status),
            Self::Identity { source, .. } => source.status(),
            _ => None,
        }
    }

    /// The server's problem details, for API errors.
    pub fn problem(&self) -> Option<&ProblemDetails> {
        match self {
            Self::Api(api) => Some(&api.problem),
            Self::Identity { source, .. } => source.problem(),
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
                    unknown: Default::default(),
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
