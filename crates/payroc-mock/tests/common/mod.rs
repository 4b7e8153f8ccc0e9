//! Shared by the emulator's HTTP-level tests: start an emulator on a free port and
//! talk to it with a plain HTTP client (not the SDK).
#![allow(dead_code, unreachable_pub)]

use payroc_mock::{MockConfig, MockServer};
use serde_json::Value;

/// A started emulator and a plain client holding a bearer token.
pub struct Harness {
    pub server: MockServer,
    pub http: reqwest::Client,
    pub token: String,
}

/// A parsed response.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Harness {
    /// Starts an emulator with `config` and fetches a token.
    pub async fn start(config: MockConfig) -> Self {
        let server = payroc_mock::start(config).await.expect("emulator starts");
        let http = reqwest::Client::new();
        let reply = http
            .post(format!("{}/authorize", server.base_url()))
            .header("x-api-key", "test-key")
            .send()
            .await
            .expect("authorize");
        assert_eq!(reply.status(), 200);
        let body: Value = serde_json::from_slice(&reply.bytes().await.unwrap()).unwrap();
        let token = body["access_token"].as_str().unwrap().to_owned();
        Self {
            server,
            http,
            token,
        }
    }

    /// Starts an emulator with the fast test configuration.
    pub async fn new() -> Self {
        Self::start(MockConfig::for_tests()).await
    }

    /// `base_url + path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.server.base_url(), path)
    }

    async fn finish(response: reqwest::Response) -> Reply {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("body");
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        Reply {
            status,
            headers,
            body,
        }
    }

    /// An authenticated request with an optional JSON body and idempotency key.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        key: Option<&str>,
    ) -> Reply {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self
            .http
            .request(method, self.url(path))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(serde_json::to_vec(body).unwrap());
        }
        if let Some(key) = key {
            request = request.header("idempotency-key", key);
        }
        Self::finish(request.send().await.expect("request")).await
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Reply {
        self.send("GET", path, None, None).await
    }

    /// `POST path` with a JSON body and a fresh idempotency key.
    pub async fn post(&self, path: &str, body: &Value) -> Reply {
        self.send("POST", path, Some(body), Some(&new_key())).await
    }

    /// An unauthenticated request to a `/_mock` control endpoint.
    pub async fn control(&self, method: &str, path: &str, body: Option<&Value>) -> Reply {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self.http.request(method, self.url(path));
        if let Some(body) = body {
            request = request.body(serde_json::to_vec(body).unwrap());
        }
        Self::finish(request.send().await.expect("control request")).await
    }
}

/// A fresh UUID v4 idempotency key.
pub fn new_key() -> String {
    uuid_v4()
}

fn uuid_v4() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let a = nanos ^ n.rotate_left(17);
    let b = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ nanos.rotate_left(29);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        (a >> 32) as u32,
        (a >> 16) as u16,
        (a & 0xfff) as u16,
        0x8000 | ((b >> 48) as u16 & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

/// Where the gateway and hostile-fault tests create links: an idempotent POST.
pub const LINKS: &str = "/v1/processing-terminals/1001/payment-links";

/// A valid multi-use payment link body.
pub fn link_body(reference: &str) -> Value {
    serde_json::json!({
        "type": "multiUse",
        "merchantReference": reference,
        "order": {"charge": {"type": "prompt", "currency": "USD"}},
        "authType": "sale",
        "paymentMethods": ["card"]
    })
}
