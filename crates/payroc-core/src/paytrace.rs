//! [`PaytraceClient`]: PayTrace's v3 recurring payments, with its own credentials
//! (API user name and password), OAuth token and refresh-token flow, and the seven
//! recurrence operations.

use crate::auth::{FetchedToken, TokenCache};
use crate::client::{decode, Call, Engine};
use crate::config::{check_base_url, Settings};
use crate::error::{Error, Result};
use crate::http::{HttpResponse, Method};
use crate::retry::Replay;
use payroc_model::paytrace::{PaytraceHeaders, PaytraceToken, PaytraceTokenRequest};
use payroc_model::{Password, Validate};
use std::sync::Arc;
use std::time::Duration;

/// PayTrace's production API.
pub const PRODUCTION_URL: &str = "https://api.paytrace.com";
/// PayTrace's sandbox API.
pub const SANDBOX_URL: &str = "https://api.sandbox.paytrace.com";

/// Builds a [`PaytraceClient`].
#[must_use]
#[derive(Default)]
pub struct PaytraceClientBuilder {
    base_url: Option<String>,
    username: Option<String>,
    password: Option<Password>,
    headers: PaytraceHeaders,
    settings: Settings,
}

impl std::fmt::Debug for PaytraceClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PaytraceClientBuilder")
            .field("base_url", &self.base_url)
            .field("username", &self.username)
            .field("password", &self.password)
            .finish_non_exhaustive()
    }
}

impl PaytraceClientBuilder {
    /// The API user's name and password.
    pub fn credentials(mut self, username: impl Into<String>, password: impl Into<String>) -> Self {
        self.username = Some(username.into());
        self.password = Some(Password::new(password));
        self
    }

    /// The base URL (default: the sandbox, so nothing is charged by accident).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// `X-Integrator-Id` sent on every call (at most 12 characters).
    pub fn integrator_id(mut self, id: impl Into<String>) -> Self {
        self.headers.integrator_id = Some(id.into());
        self
    }

    /// `X-Permalinks` sent on every call (at most 4 characters).
    pub fn permalinks(mut self, value: impl Into<String>) -> Self {
        self.headers.permalinks = Some(value.into());
        self
    }

    /// Time allowed for one attempt.
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.settings.request_timeout = timeout;
        self
    }

    /// The retry policy.
    pub fn retry_policy(mut self, policy: crate::retry::RetryPolicy) -> Self {
        self.settings.retry = policy;
        self
    }

    /// The largest response body to read (default
    /// [`DEFAULT_MAX_RESPONSE_BYTES`](crate::DEFAULT_MAX_RESPONSE_BYTES)).
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.settings.max_response_bytes = bytes;
        self
    }

    /// Your own HTTP stack.
    pub fn transport(mut self, transport: Arc<dyn crate::HttpTransport>) -> Self {
        self.settings.transport = Some(transport);
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<PaytraceClient> {
        let username = self
            .username
            .filter(|u| !u.trim().is_empty())
            .ok_or_else(|| Error::Configuration("PayTrace credentials are required".into()))?;
        let password = self
            .password
            .filter(|p| !p.is_empty())
            .ok_or_else(|| Error::Configuration("PayTrace credentials are required".into()))?;
        self.headers.validate()?;
        let base_url = self.base_url.unwrap_or_else(|| SANDBOX_URL.to_owned());
        check_base_url("PayTrace URL", &base_url)?;
        let engine = Engine::new(self.settings)?;
        Ok(PaytraceClient {
            inner: Arc::new(Inner {
                base_url: base_url.trim_end_matches('/').to_owned(),
                username,
                password,
                headers: self.headers.header_pairs(),
                tokens: TokenCache::new(Arc::clone(&engine.settings.clock)),
                engine,
            }),
        })
    }
}

/// The PayTrace recurring-payments client. Cheap to clone; safe to share.
#[derive(Clone)]
pub struct PaytraceClient {
    inner: Arc<Inner>,
}

struct Inner {
    base_url: String,
    username: String,
    password: Password,
    headers: Vec<(&'static str, String)>,
    tokens: TokenCache,
    engine: Engine,
}

impl std::fmt::Debug for PaytraceClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PaytraceClient")
            .field("base_url", &self.inner.base_url)
            .field("username", &self.inner.username)
            .field("password", &self.inner.password)
            .finish_non_exhaustive()
    }
}

impl PaytraceClient {
    /// A builder.
    pub fn builder() -> PaytraceClientBuilder {
        PaytraceClientBuilder::default()
    }

    async fn grant(&self, request: PaytraceTokenRequest) -> Result<FetchedToken> {
        let body = serde_urlencoded::to_string(request.form_pairs())
            .map_err(|e| Error::Configuration(e.to_string()))?;
        let call = Call {
            method: Method::Post,
            url: format!("{}/v3/token", self.inner.base_url),
            body: Some(body.into_bytes()),
            idempotency_key: None,
            timeout: None,
            replay: Replay::Safe,
            content_type: None,
        };
        let response = self
            .inner
            .engine
            .attempts_as(&call, "application/x-www-form-urlencoded", || {
                std::future::ready(Ok(Vec::new()))
            })
            .await?;
        let token: PaytraceToken = decode(&call, &response)?;
        Ok(FetchedToken {
            lifetime: Duration::from_secs(token.lifetime_secs()),
            token: token.access_token,
            refresh_token: token.refresh_token,
        })
    }

    async fn fetch_token(
        &self,
        previous: Option<Arc<crate::auth::CachedToken>>,
    ) -> Result<FetchedToken> {
        if let Some(refresh) = previous.as_ref().and_then(|t| t.refresh_token.clone()) {
            match self.grant(PaytraceTokenRequest::refresh(refresh)).await {
                Ok(token) => return Ok(token),
                // A refused refresh token: start over with the credentials.
                Err(err) if err.status().is_some_and(|s| (400..500).contains(&s)) => {
                    tracing::info!(target: "payroc", "PayTrace refresh token refused; using credentials");
                }
                Err(err) => return Err(err),
            }
        }
        self.grant(PaytraceTokenRequest::client_credentials(
            self.inner.username.clone(),
            self.inner.password.clone(),
        ))
        .await
    }

    /// Fetches a token now if none is cached.
    pub async fn authenticate(&self) -> Result<()> {
        self.token().await.map(drop)
    }

    async fn token(&self) -> Result<Arc<crate::auth::CachedToken>> {
        self.inner.tokens.get(|prev| self.fetch_token(prev)).await
    }

    /// Runs one logical call: bearer token, retries, one 401 refresh.
    pub(crate) async fn execute(&self, call: &Call) -> Result<HttpResponse> {
        self.inner
            .engine
            .attempts_authorized(call, &self.inner.tokens, || async {
                let token = self.token().await?;
                let mut headers = self.inner.headers.clone();
                headers.push((
                    "authorization",
                    format!("Bearer {}", token.token.expose_secret()),
                ));
                Ok((headers, token.generation))
            })
            .await
    }

    /// The base URL in use.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }
}
