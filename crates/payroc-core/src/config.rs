//! Where the client talks to and how: environments, timeouts, retry policy, user
//! agent and transport, gathered by [`ClientBuilder`].

use crate::clock::{Clock, SystemClock};
use crate::error::{Error, Result};
use crate::http::HttpTransport;
use crate::retry::RetryPolicy;
use crate::transport::ReqwestTransport;
use payroc_model::ApiKey;
use std::sync::Arc;
use std::time::Duration;

/// Which Payroc system to use.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Environment {
    /// Live: `https://api.payroc.com/v1`, identity at `https://identity.payroc.com`.
    Production,
    /// Test: `https://api.uat.payroc.com/v1`, identity at `https://identity.uat.payroc.com`.
    Uat,
    /// Any other pair of base URLs, such as `payroc-mock`'s.
    Custom {
        /// API base URL, ending in `/v1`.
        api_url: String,
        /// Identity base URL (`/authorize` is appended).
        identity_url: String,
    },
}

impl Environment {
    /// The API base URL.
    pub fn api_url(&self) -> &str {
        match self {
            Self::Production => "https://api.payroc.com/v1",
            Self::Uat => "https://api.uat.payroc.com/v1",
            Self::Custom { api_url, .. } => api_url,
        }
    }

    /// The identity base URL.
    pub fn identity_url(&self) -> &str {
        match self {
            Self::Production => "https://identity.payroc.com",
            Self::Uat => "https://identity.uat.payroc.com",
            Self::Custom { identity_url, .. } => identity_url,
        }
    }

    /// Reads `production`, `uat` (case-insensitive).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "production" | "prod" | "live" => Some(Self::Production),
            "uat" | "test" | "sandbox" => Some(Self::Uat),
            _ => None,
        }
    }
}

/// The user agent sent unless another is set.
pub const DEFAULT_USER_AGENT: &str = concat!("payroc-rs/", env!("CARGO_PKG_VERSION"));

/// Refuses plain http to anything but loopback, so a key or card never crosses a
/// network in clear.
pub(crate) fn check_base_url(what: &str, url: &str) -> Result<()> {
    // The URL parser forgives surrounding spaces and encodes inner ones, but the
    // text itself is what requests are built from.
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::Configuration(format!(
            "{what} must not contain spaces or control characters"
        )));
    }
    let parsed = reqwest::Url::parse(url)
        .map_err(|e| Error::Configuration(format!("{what} `{url}` is not a URL: {e}")))?;
    match parsed.scheme() {
        "https" => Ok(()),
        "http" => {
            let host = parsed.host_str().unwrap_or("");
            let host = host.trim_start_matches('[').trim_end_matches(']');
            let loopback = host.eq_ignore_ascii_case("localhost")
                || host
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback());
            if loopback {
                Ok(())
            } else {
                Err(Error::Configuration(format!(
                    "{what} `{url}` uses plain http to a host that is not loopback; use https"
                )))
            }
        }
        other => Err(Error::Configuration(format!(
            "{what} has unsupported scheme `{other}`"
        ))),
    }
}

/// Settings shared by the Payroc and PayTrace clients.
#[derive(Clone)]
pub(crate) struct Settings {
    pub(crate) connect_timeout: Duration,
    pub(crate) request_timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) user_agent: String,
    pub(crate) transport: Option<Arc<dyn HttpTransport>>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) max_response_bytes: usize,
}

/// The largest response body a client reads by default (16 MiB): far above any page
/// the APIs send, far below what would hurt a POS. A longer body is refused.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

impl Default for Settings {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(60),
            retry: RetryPolicy::default(),
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            transport: None,
            clock: Arc::new(SystemClock),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

impl Settings {
    pub(crate) fn transport(&self) -> Result<Arc<dyn HttpTransport>> {
        match &self.transport {
            Some(t) => Ok(Arc::clone(t)),
            None => ReqwestTransport::new(self.connect_timeout, &self.user_agent)
                .map(|t| Arc::new(t) as Arc<dyn HttpTransport>)
                .map_err(|e| Error::Configuration(e.message)),
        }
    }
}

/// Builds a [`Client`](crate::Client).
#[must_use]
pub struct ClientBuilder {
    pub(crate) api_key: Option<ApiKey>,
    pub(crate) environment: Environment,
    pub(crate) settings: Settings,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &self.api_key)
            .field("environment", &self.environment)
            .finish_non_exhaustive()
    }
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            api_key: None,
            environment: Environment::Uat,
            settings: Settings::default(),
        }
    }
}

impl ClientBuilder {
    /// The API key traded for bearer tokens.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(ApiKey::new(key));
        self
    }

    /// The environment (default: UAT, so nothing is charged by accident).
    pub fn environment(mut self, environment: Environment) -> Self {
        self.environment = environment;
        self
    }

    /// Custom base URLs (e.g. `payroc-mock`'s).
    pub fn base_urls(self, api_url: impl Into<String>, identity_url: impl Into<String>) -> Self {
        self.environment(Environment::Custom {
            api_url: api_url.into(),
            identity_url: identity_url.into(),
        })
    }

    /// Time allowed to open a connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.settings.connect_timeout = timeout;
        self
    }

    /// Time allowed for one attempt of an ordinary call (default 60 s). Long polls of
    /// Cloud instructions get the gateway's hold time plus a margin instead.
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.settings.request_timeout = timeout;
        self
    }

    /// The retry policy.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.settings.retry = policy;
        self
    }

    /// The largest response body to read (default [`DEFAULT_MAX_RESPONSE_BYTES`]). A
    /// longer success body is a decode error (which, for a call that changes
    /// something, says the call was processed); a longer error body keeps its status.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.settings.max_response_bytes = bytes;
        self
    }

    /// The user agent.
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.settings.user_agent = agent.into();
        self
    }

    /// Your own HTTP stack instead of the default reqwest one.
    pub fn transport(mut self, transport: Arc<dyn HttpTransport>) -> Self {
        self.settings.transport = Some(transport);
        self
    }

    /// The clock (tests use [`ManualClock`](crate::clock::ManualClock)).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.settings.clock = clock;
        self
    }

    /// Checks the settings and builds the client. Nothing is sent yet: the first
    /// call fetches the token.
    pub fn build(self) -> Result<crate::Client> {
        crate::Client::from_builder(self)
    }
}
