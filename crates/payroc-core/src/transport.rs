//! The default transport: reqwest with rustls, one connection pool per client so
//! keep-alive connections are reused across calls.

use crate::http::{
    BoxFuture, HttpRequest, HttpResponse, HttpTransport, Method, TransportError, TransportErrorKind,
};
use std::time::Duration;

/// [`HttpTransport`] over reqwest (rustls, HTTP/1.1 keep-alive).
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport with the given connect timeout and user agent.
    pub fn new(connect_timeout: Duration, user_agent: &str) -> Result<Self, TransportError> {
        let client = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .user_agent(user_agent)
            .tcp_nodelay(true)
            .pool_idle_timeout(Duration::from_secs(90))
            // A redirect would re-send the body (card data) and the credentials to
            // wherever the server says; a 3xx is reported as the answer instead.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|err| TransportError::new(TransportErrorKind::Connect, err.to_string()))?;
        Ok(Self { client })
    }
}

fn classify(err: &reqwest::Error) -> TransportErrorKind {
    if err.is_builder() {
        TransportErrorKind::InvalidRequest
    } else if err.is_connect() {
        TransportErrorKind::Connect
    } else if err.is_timeout() {
        TransportErrorKind::Timeout
    } else {
        TransportErrorKind::Io
    }
}

fn describe(err: &reqwest::Error) -> String {
    use std::error::Error as _;
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

impl HttpTransport for ReqwestTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let method = match request.method {
                Method::Get => reqwest::Method::GET,
                Method::Post => reqwest::Method::POST,
                Method::Patch => reqwest::Method::PATCH,
                Method::Put => reqwest::Method::PUT,
                Method::Delete => reqwest::Method::DELETE,
            };
            let mut builder = self
                .client
                .request(method, &request.url)
                .timeout(request.timeout);
            for (name, value) in &request.headers {
                builder = builder.header(*name, value);
            }
            if let Some(body) = request.body {
                builder = builder.body(body);
            }
            let max_response_bytes = request.max_response_bytes;
            let fail = |err: reqwest::Error| TransportError::new(classify(&err), describe(&err));
            let response = builder.send().await.map_err(fail)?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .filter_map(|(n, v)| Some((n.as_str().to_owned(), v.to_str().ok()?.to_owned())))
                .collect();
            let body = read_capped(response, max_response_bytes)
                .await
                .map_err(fail)?;
            Ok(HttpResponse {
                status,
                headers,
                body,
            })
        })
    }
}

/// The body, read chunk by chunk until it ends or passes `max` bytes (then `max + 1`
/// bytes are kept, so the client can tell it was cut).
async fn read_capped(
    mut response: reqwest::Response,
    max: usize,
) -> Result<Vec<u8>, reqwest::Error> {
    let limit = max.saturating_add(1);
    let expected = response.content_length().unwrap_or(0);
    let mut body = Vec::with_capacity(usize::try_from(expected).unwrap_or(limit).min(limit));
    while let Some(chunk) = response.chunk().await? {
        let room = limit - body.len();
        if chunk.len() >= room {
            body.extend_from_slice(&chunk[..room]);
            break;
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
