//! [`Client`]: one call = validate, then attempts until success or a decision to stop,
//! each with a usable bearer token, the same idempotency key, and a tracing event.

use crate::auth::{FetchedToken, TokenCache};
use crate::config::{check_base_url, ClientBuilder, Environment, Settings};
use crate::error::{ApiError, Error, Result};
use crate::http::{HttpRequest, HttpResponse, HttpTransport, Method};
use crate::idempotency::IdempotencyKey;
use crate::retry::{self, Decision, Outcome, Replay};
use payroc_model::identity::IdentityToken;
use payroc_model::ApiKey;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tracing::Instrument;

/// Per-call options.
#[derive(Debug, Clone, Default)]
pub struct RequestOptions {
    /// The idempotency key to send (a fresh one is made when absent). Persist it with
    /// your order to retry safely after a crash.
    pub idempotency_key: Option<IdempotencyKey>,
    /// Time allowed for one attempt, instead of the client's.
    pub timeout: Option<Duration>,
}

impl RequestOptions {
    /// Options carrying this idempotency key.
    pub fn idempotency_key(key: IdempotencyKey) -> Self {
        Self {
            idempotency_key: Some(key),
            ..Self::default()
        }
    }
}

/// The Payroc API client. Cheap to clone; clones share the connection pool and the
/// token cache. Safe to use from many tasks at once.
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    api_key: ApiKey,
    api_url: String,
    identity_url: String,
    pub(crate) engine: Engine,
    pub(crate) tokens: TokenCache,
}

/// Sends attempts of a call through a transport under a retry policy. Shared by the
/// Payroc and PayTrace clients.
pub(crate) struct Engine {
    pub(crate) transport: Arc<dyn HttpTransport>,
    pub(crate) settings: Settings,
    jitter: AtomicU64,
}

impl Engine {
    fn next_jitter(&self) -> f64 {
        let mut z = self
            .jitter
            .fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
            .wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Attempts `call` until success or the retry policy says stop.
    pub(crate) async fn attempts<H, Fut>(
        &self,
        call: &Call,
        extra_headers: H,
    ) -> Result<HttpResponse>
    where
        H: Fn() -> Fut,
        Fut: Future<Output = Result<Vec<(&'static str, String)>>>,
    {
        self.attempts_as(call, "application/json", extra_headers)
            .await
    }

    /// [`attempts`](Self::attempts) with a bearer token from `tokens`, as `headers`
    /// makes them (with the token's generation). The token is read before every
    /// attempt, so retries that outlast it carry its successor. A 401 invalidates the
    /// token it refused, and the call is tried once more with a fresh one.
    pub(crate) async fn attempts_authorized<F, Fut>(
        &self,
        call: &Call,
        tokens: &TokenCache,
        headers: F,
    ) -> Result<HttpResponse>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<(Vec<(&'static str, String)>, u64)>>,
    {
        let mut refreshed = false;
        // Whether an attempt before the refresh may have been acted on: the final error
        // must still say so.
        let mut ambiguous_before_refresh = false;
        // The generation of the token the latest attempt carried.
        let sent_generation = AtomicU64::new(0);
        let key = call.idempotency_key.as_ref().map(IdempotencyKey::as_str);
        loop {
            let result = self
                .attempts(call, || async {
                    // No token: the request is not sent, whatever the identity
                    // service's failure looked like.
                    let (headers, generation) = headers().await.map_err(Error::identity)?;
                    sent_generation.store(generation, Ordering::Relaxed);
                    Ok(headers)
                })
                .await;
            match result {
                Err(Error::Api(api)) if api.status == 401 && !refreshed => {
                    // The token was revoked or expired early: refresh once, try once more.
                    tracing::info!(target: "payroc", "bearer token refused; refreshing once");
                    tokens.invalidate(sent_generation.load(Ordering::Relaxed));
                    refreshed = true;
                    ambiguous_before_refresh = api.earlier_attempt_ambiguous;
                }
                Err(err) => return Err(err.of_call(ambiguous_before_refresh, key)),
                other => return other,
            }
        }
    }

    /// [`attempts`](Self::attempts) with a body of another media type.
    pub(crate) async fn attempts_as<H, Fut>(
        &self,
        call: &Call,
        content_type: &'static str,
        extra_headers: H,
    ) -> Result<HttpResponse>
    where
        H: Fn() -> Fut,
        Fut: Future<Output = Result<Vec<(&'static str, String)>>>,
    {
        let settings = &self.settings;
        let clock = &settings.clock;
        let path = path_of(&call.url);
        let key = call.idempotency_key.as_ref().map(IdempotencyKey::as_str);
        let span = tracing::info_span!(
            target: "payroc",
            "payroc.request",
            method = call.method.as_str(),
            path = path,
            idempotency_key = key.unwrap_or(""),
        );
        async {
            let started = clock.now();
            let mut attempt = 0u32;
            // Whether a failed attempt so far may have been acted on by the server: the
            // final error must say so even if the last answer was a clean refusal.
            let mut ambiguous = false;
            loop {
                attempt += 1;
                let mut headers = match extra_headers().await {
                    Ok(headers) => headers,
                    Err(err) => return Err(err.of_call(ambiguous, key)),
                };
                headers.push(("accept", "application/json".to_owned()));
                if call.body.is_some() {
                    let content_type = call.content_type.as_deref().unwrap_or(content_type);
                    headers.push(("content-type", content_type.to_owned()));
                }
                if let Some(key) = key {
                    headers.push(("idempotency-key", key.to_owned()));
                }
                let request = HttpRequest {
                    method: call.method,
                    url: call.url.clone(),
                    headers,
                    body: call.body.clone(),
                    timeout: call.timeout.unwrap_or(settings.request_timeout),
                    max_response_bytes: settings.max_response_bytes,
                };
                let sent = clock.now();
                let result = self.transport.send(request).await;
                let latency_ms = clock.now().duration_since(sent).as_secs_f64() * 1000.0;
                let outcome = match &result {
                    Ok(response) => {
                        tracing::info!(target: "payroc", attempt, status = response.status, latency_ms, "response");
                        if response.is_success() {
                            if response.body.len() > settings.max_response_bytes {
                                let message = format!("the body is longer than the {} bytes allowed", settings.max_response_bytes);
                                return Err(Error::Decode(Box::new(call.decode_error(response, "a body within the size limit", message))));
                            }
                            return result.map_err(Error::Transport);
                        }
                        Outcome::Status {
                            status: response.status,
                            retry_after: response.header("retry-after").and_then(retry::parse_retry_after),
                        }
                    }
                    Err(err) => {
                        tracing::warn!(target: "payroc", attempt, latency_ms, error = %err.message, "no response");
                        Outcome::Transport(err.kind)
                    }
                };
                let elapsed = clock.now().duration_since(started);
                let decision = retry::decide(&settings.retry, outcome, call.replay, attempt, elapsed, self.next_jitter());
                ambiguous |= match (outcome, &result) {
                    (Outcome::Status { status, .. }, _) => status == 408 || status >= 500,
                    (Outcome::Transport(_), Err(err)) => err.maybe_sent(),
                    (Outcome::Transport(_), Ok(_)) => false,
                };
                match decision {
                    Decision::RetryAfter(delay) => {
                        tracing::info!(target: "payroc", attempt, delay_ms = delay.as_millis() as u64, "retrying");
                        clock.sleep(delay).await;
                    }
                    Decision::Stop => {
                        let err = match result {
                            Ok(response) => Error::Api(Box::new(ApiError::from_response(response.status, &response.body))),
                            Err(err) => Error::Transport(err),
                        };
                        return Err(err.of_call(ambiguous, key));
                    }
                }
            }
        }
        .instrument(span)
        .await
    }

    pub(crate) fn new(settings: Settings) -> Result<Self> {
        let transport = settings.transport()?;
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0x5eed, |d| d.as_nanos() as u64);
        Ok(Self {
            transport,
            settings,
            jitter: AtomicU64::new(seed),
        })
    }
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("api_key", &self.api_key)
            .field("api_url", &self.api_url)
            .field("identity_url", &self.identity_url)
            .field("tokens", &self.tokens)
            .finish_non_exhaustive()
    }
}

/// One logical call, before attempts.
#[derive(Debug)]
pub(crate) struct Call {
    pub(crate) method: Method,
    /// Absolute URL (query included).
    pub(crate) url: String,
    pub(crate) body: Option<Vec<u8>>,
    /// The body's media type when it is not the default of the call's API (a
    /// multipart body names its boundary here).
    pub(crate) content_type: Option<String>,
    pub(crate) idempotency_key: Option<IdempotencyKey>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) replay: Replay,
}

impl Call {
    /// Whether the call changes something on the server: a 2xx to it means it did.
    pub(crate) fn is_write(&self) -> bool {
        self.method != Method::Get
    }

    /// A 2xx answer to this call that could not be read, with what can be.
    pub(crate) fn decode_error(
        &self,
        response: &HttpResponse,
        expected: &'static str,
        message: String,
    ) -> crate::error::DecodeError {
        let mut err = crate::error::DecodeError::new(response.status, expected, message)
            .with_body(&response.body);
        err.processed = self.is_write();
        err.idempotency_key = self.idempotency_key.as_ref().map(|k| k.as_str().to_owned());
        err
    }
}

impl Client {
    /// A builder.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    pub(crate) fn from_builder(builder: ClientBuilder) -> Result<Self> {
        let api_key = builder
            .api_key
            .filter(|k| !k.expose_secret().trim().is_empty())
            .ok_or_else(|| Error::Configuration("an API key is required".into()))?;
        if api_key.expose_secret().chars().any(char::is_control) {
            return Err(Error::Configuration(
                "the API key must not contain control characters (a line break?)".into(),
            ));
        }
        let env: Environment = builder.environment;
        check_base_url("API URL", env.api_url())?;
        check_base_url("identity URL", env.identity_url())?;
        let engine = Engine::new(builder.settings)?;
        Ok(Self {
            inner: Arc::new(Inner {
                api_key,
                api_url: env.api_url().trim_end_matches('/').to_owned(),
                identity_url: env.identity_url().trim_end_matches('/').to_owned(),
                tokens: TokenCache::new(Arc::clone(&engine.settings.clock)),
                engine,
            }),
        })
    }

    /// The API base URL in use.
    pub fn api_url(&self) -> &str {
        &self.inner.api_url
    }

    /// The token cache (exposed for benchmarks and diagnostics).
    pub fn token_cache(&self) -> &TokenCache {
        &self.inner.tokens
    }

    /// Fetches a token now if none is cached (calls do this lazily by themselves).
    pub async fn authenticate(&self) -> Result<()> {
        self.bearer().await.map(drop)
    }

    /// The `Authorization` header value and the generation of the token in it.
    async fn bearer(&self) -> Result<(String, u64)> {
        let header = |t: &crate::auth::CachedToken| {
            (format!("Bearer {}", t.token.expose_secret()), t.generation)
        };
        if let Some(found) = self.inner.tokens.with_valid(header) {
            return Ok(found);
        }
        let token = self.inner.tokens.get(|_| self.fetch_token()).await?;
        Ok(header(&token))
    }

    async fn fetch_token(&self) -> Result<FetchedToken> {
        let call = Call {
            method: Method::Post,
            url: format!("{}/authorize", self.inner.identity_url),
            body: None,
            idempotency_key: None,
            timeout: None,
            // Issuing a token changes nothing: safe to repeat.
            replay: Replay::Safe,
            content_type: None,
        };
        let headers = vec![("x-api-key", self.inner.api_key.expose_secret().to_owned())];
        let response = self
            .inner
            .engine
            .attempts(&call, || std::future::ready(Ok(headers.clone())))
            .await?;
        let token: IdentityToken = decode(&call, &response)?;
        Ok(FetchedToken {
            lifetime: Duration::from_secs(token.lifetime_secs()),
            token: token.access_token,
            refresh_token: None,
        })
    }

    /// Runs one logical API call: bearer token, retries, one 401 refresh.
    pub(crate) async fn execute(&self, call: &Call) -> Result<HttpResponse> {
        self.inner
            .engine
            .attempts_authorized(call, &self.inner.tokens, || async {
                let (auth, generation) = self.bearer().await?;
                Ok((vec![("authorization", auth)], generation))
            })
            .await
    }

    /// Whether `href` leads into this client's API (same scheme, host, port, base path).
    pub(crate) fn inside_api(&self, href: &str) -> bool {
        href.strip_prefix(self.inner.api_url.as_str())
            .is_some_and(|rest| rest.starts_with('/'))
    }

    /// Refuses a link from a reply that leads outside this client's API (another
    /// host, port or scheme), so the bearer token is never sent anywhere else.
    pub(crate) fn check_link(&self, href: &str, what: &str) -> Result<()> {
        if self.inside_api(href) {
            return Ok(());
        }
        let base = &self.inner.api_url;
        Err(Error::Decode(Box::new(crate::error::DecodeError::new(
            200,
            "a link into the API",
            format!("the {what} link leaves the API base URL {base}"),
        ))))
    }

    /// An absolute API URL from path segments (each percent-encoded) and a query.
    pub(crate) fn url(&self, segments: &[&str], query: &[(&'static str, String)]) -> String {
        build_url(&self.inner.api_url, segments, query)
    }
}

impl Client {
    /// `GET` a JSON resource.
    pub(crate) async fn get_json<T: DeserializeOwned>(
        &self,
        url: String,
        timeout: Option<Duration>,
    ) -> Result<T> {
        let call = Call {
            method: Method::Get,
            url,
            body: None,
            idempotency_key: None,
            timeout,
            replay: Replay::Safe,
            content_type: None,
        };
        let response = self.execute(&call).await?;
        decode(&call, &response)
    }

    /// `GET` a page of a list, as it came.
    pub(crate) async fn get_raw(&self, url: String) -> Result<(Call, HttpResponse)> {
        let call = Call {
            method: Method::Get,
            url,
            body: None,
            idempotency_key: None,
            timeout: None,
            replay: Replay::Safe,
            content_type: None,
        };
        let response = self.execute(&call).await?;
        Ok((call, response))
    }

    /// A `DELETE` (no body either way). Not repeated once it may have been received:
    /// a second delete or cancel would report a conflict for work already done.
    pub(crate) async fn delete(&self, url: String) -> Result<()> {
        let call = Call {
            method: Method::Delete,
            url,
            body: None,
            idempotency_key: None,
            timeout: None,
            replay: Replay::Unsafe,
            content_type: None,
        };
        self.execute(&call).await.map(drop)
    }
}

/// A path parameter, refused before anything is sent when it would address another
/// resource: an empty id (`payments/` is the list), or `.` and `..`, which URL
/// parsers take as path steps even percent-encoded (`%2E` is a dot segment to them).
pub(crate) fn path_id<'a>(name: &'static str, value: &'a str) -> Result<&'a str> {
    let refused = |message: &str, code| {
        Err(Error::Validation(payroc_model::ValidationError::single(
            name, message, code,
        )))
    };
    match value.trim() {
        "" => refused("must not be empty", "required"),
        "." | ".." => refused("must not be `.` or `..`", "format"),
        _ => Ok(value),
    }
}

/// `base` + `/seg`… + `?query`, each segment percent-encoded so ids cannot change
/// the path.
pub(crate) fn build_url(base: &str, segments: &[&str], query: &[(&'static str, String)]) -> String {
    let mut url = String::with_capacity(base.len() + 64);
    url.push_str(base);
    for seg in segments {
        url.push('/');
        encode_segment(seg, &mut url);
    }
    if !query.is_empty() {
        url.push('?');
        url.push_str(&serde_urlencoded::to_string(query).unwrap_or_default());
    }
    url
}

fn encode_segment(segment: &str, out: &mut String) {
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

fn path_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(url, |i| &url[i + 3..]);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    path.split('?').next().unwrap_or(path)
}

/// Reads a success body of `call` as `T`. A body that does not read is a decode
/// error that keeps what can be read, and says the call was processed if it was a
/// write: its 2xx means it happened.
pub(crate) fn decode<T: DeserializeOwned>(call: &Call, response: &HttpResponse) -> Result<T> {
    payroc_model::json::from_slice(&response.body).map_err(|err| {
        let expected = std::any::type_name::<T>()
            .rsplit("::")
            .next()
            .unwrap_or("value");
        let message = payroc_model::json::describe_error(&err);
        Error::Decode(Box::new(call.decode_error(response, expected, message)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_encode_segments_and_queries() {
        let url = build_url(
            "http://h/v1",
            &["payments", "a/b c"],
            &[("status", "ready".into()), ("q", "x&y".into())],
        );
        assert_eq!(url, "http://h/v1/payments/a%2Fb%20c?status=ready&q=x%26y");
        assert_eq!(path_of("http://h:1/v1/payments?limit=2"), "/v1/payments");
        assert_eq!(path_of("http://h:1"), "/");
    }
}
