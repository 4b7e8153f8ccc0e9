//! The transport boundary: our own small request and response types and the
//! [`HttpTransport`] trait, so a caller can plug in any HTTP stack and no HTTP
//! library's types leak into the public API.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// A boxed, sendable future, as the object-safe transport returns.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The HTTP methods the APIs use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PATCH`
    Patch,
    /// `PUT`: a full replace.
    Put,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Patch => "PATCH",
            Self::Put => "PUT",
            Self::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Headers whose values are secrets and never printed.
const SECRET_HEADERS: [&str; 3] = ["authorization", "x-api-key", "cookie"];

/// One HTTP request, fully formed (absolute URL, every header).
#[derive(Clone)]
pub struct HttpRequest {
    /// Method.
    pub method: Method,
    /// Absolute URL, query included.
    pub url: String,
    /// Header names (lower case) and values.
    pub headers: Vec<(&'static str, String)>,
    /// Body bytes, if any.
    pub body: Option<Vec<u8>>,
    /// How long this one attempt may take in all.
    pub timeout: Duration,
    /// Read at most this many bytes of the response body plus one, then stop: a body
    /// longer than this is refused by the client, and a server that never ends its
    /// body must not fill memory.
    pub max_response_bytes: usize,
}

impl HttpRequest {
    /// The value of a header, by lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Headers<'a>(&'a [(&'static str, String)]);
        impl fmt::Debug for Headers<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut map = f.debug_map();
                for (name, value) in self.0 {
                    if SECRET_HEADERS.contains(name) {
                        map.entry(name, &payroc_model::secret::REDACTED);
                    } else {
                        map.entry(name, value);
                    }
                }
                map.finish()
            }
        }
        // The body may hold card data: only its size is shown.
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &Headers(&self.headers))
            .field("body_len", &self.body.as_ref().map(Vec::len))
            .field("timeout", &self.timeout)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish()
    }
}

/// One HTTP response.
#[derive(Clone)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Header names (lower case) and values.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The value of a header, by name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// How a request failed to get a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be made: the request was never sent.
    Connect,
    /// No complete response in time: the request may have been sent and acted on.
    Timeout,
    /// The connection broke during the exchange: the request may have been acted on.
    Io,
    /// The request could not be formed (a header value with a line break, a URL
    /// too long or unparsable): it was never sent, and trying again will not help.
    InvalidRequest,
}

/// A request that got no HTTP response.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct TransportError {
    /// What kind of failure.
    pub kind: TransportErrorKind,
    /// A description without secrets.
    pub message: String,
    /// An earlier attempt of the same call may have been processed (set by the
    /// client's retry loop; transports leave it false).
    pub earlier_attempt_ambiguous: bool,
    /// The `Idempotency-Key` the call carried (set by the client; transports leave
    /// it `None`).
    pub idempotency_key: Option<String>,
}

impl TransportError {
    /// A failure of the given kind.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            earlier_attempt_ambiguous: false,
            idempotency_key: None,
        }
    }

    /// Whether the server may have received and acted on the request.
    pub fn maybe_sent(&self) -> bool {
        !matches!(
            self.kind,
            TransportErrorKind::Connect | TransportErrorKind::InvalidRequest
        )
    }
}

/// Sends requests. Implement it to use your own HTTP stack; the default is
/// [`ReqwestTransport`](crate::transport::ReqwestTransport).
pub trait HttpTransport: Send + Sync + 'static {
    /// Sends one request and returns its response, whatever its status.
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>>;
}
