//! The create-payment calls the loopback benchmarks compare, against one emulator:
//! the SDK's, the floor (a raw reqwest POST of the same bytes), the floor that reads
//! its reply as a `Payment`, payroc-core's transport alone, and the blocking facade's
//! call beside its own floor.

use crate::{full_payment_request, raw_reqwest, secure_token, OwnProcessMock};
use payroc_core::http::{HttpRequest, HttpResponse, HttpTransport, Method};
use payroc_model::payment::{Payment, PaymentRequest};
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A bearer token from the emulator at `base_url`, fetched with `raw` on `rt`.
pub fn authorize(rt: &tokio::runtime::Runtime, raw: &reqwest::Client, base_url: &str) -> String {
    rt.block_on(async {
        let reply = raw
            .post(format!("{base_url}/authorize"))
            .header("x-api-key", "bench")
            .send()
            .await
            .unwrap();
        let body: serde_json::Value =
            serde_json::from_slice(&reply.bytes().await.unwrap()).unwrap();
        body["access_token"].as_str().unwrap().to_owned()
    })
}

/// The floor: a raw reqwest POST of a payment body, under idempotency key number `key`.
pub fn raw_payment(
    raw: &reqwest::Client,
    url: &str,
    bearer: &str,
    body: Vec<u8>,
    key: u64,
) -> impl Future<Output = RawReply> + Send + 'static {
    let request = raw
        .post(url)
        .bearer_auth(bearer)
        .header("content-type", "application/json")
        .header("idempotency-key", idempotency_key(key))
        .body(body);
    async move {
        let reply = request.send().await.unwrap();
        assert_eq!(reply.status(), 201);
        RawReply(reply.bytes().await.unwrap())
    }
}

/// Idempotency key number `n`.
fn idempotency_key(n: u64) -> String {
    format!("00000000-0000-4000-8000-{n:012x}")
}

/// A reply's body, held so that a floor may read it as the SDK does.
pub struct RawReply(bytes::Bytes);

impl RawReply {
    /// The body read as a retrieved payment.
    pub fn into_payment(self) -> Payment {
        payroc_model::json::from_slice(&self.0).unwrap()
    }
}

/// The calls against one emulator, each with a fresh order id and idempotency key.
/// Cheap to clone into tasks.
#[derive(Clone)]
pub struct Calls {
    client: payroc_core::Client,
    transport: Arc<payroc_core::transport::ReqwestTransport>,
    raw: reqwest::Client,
    url: Arc<str>,
    bearer: Arc<str>,
    token: Arc<str>,
    run: u64,
    counter: Arc<AtomicU64>,
}

impl Calls {
    /// Calls to `mock` on `rt` (its clients are made inside it: a connection pool
    /// belongs to the runtime that drives it), charging a secure token saved first.
    pub fn new(rt: &tokio::runtime::Runtime, mock: &OwnProcessMock) -> Self {
        let client = rt.block_on(async { mock.client_builder().build().unwrap() });
        let token = rt.block_on(secure_token(&client)).into();
        let raw = raw_reqwest(rt);
        let transport = rt.block_on(async {
            payroc_core::transport::ReqwestTransport::new(Duration::from_secs(10), "bench").unwrap()
        });
        let base_url = mock.base_url();
        let bearer = authorize(rt, &raw, base_url).into();
        Self {
            client,
            transport: Arc::new(transport),
            raw,
            url: format!("{base_url}/v1/payments").into(),
            bearer,
            token,
            // Order ids and keys unique across runs against one long-lived emulator,
            // which refuses a key reused for another body.
            run: u64::from(std::process::id()) << 24,
            counter: Arc::new(AtomicU64::new(0)),
        }
    }

    fn next(&self) -> u64 {
        self.run | self.counter.fetch_add(1, Ordering::Relaxed)
    }

    /// The next full payment request, and its number.
    pub fn request(&self) -> (PaymentRequest, u64) {
        let n = self.next();
        (full_payment_request(&format!("P{n}"), &self.token), n)
    }

    /// The SDK's call. The request stays the caller's: handed back, it is dropped
    /// wherever the caller drops results.
    pub fn sdk(&self) -> impl Future<Output = (Payment, PaymentRequest)> + Send + 'static {
        let (request, _) = self.request();
        let client = self.client.clone();
        async move { (client.payments().create(&request).await.unwrap(), request) }
    }

    /// The floor through `raw` (another client than this one's, e.g. one made on a
    /// current-thread runtime): its body is serialized before the future is made.
    fn floor_with(&self, raw: &reqwest::Client) -> impl Future<Output = RawReply> + Send + 'static {
        let (request, n) = self.request();
        let body = serde_json::to_vec(&request).unwrap();
        raw_payment(raw, &self.url, &self.bearer, body, n)
    }

    /// The floor.
    pub fn floor(&self) -> impl Future<Output = RawReply> + Send + 'static {
        self.floor_with(&self.raw)
    }

    /// payroc-core's transport alone, sending the floor's request (bytes serialized and
    /// headers made before the future is made) as the client would.
    pub fn transport(&self) -> impl Future<Output = HttpResponse> + Send + 'static {
        let (request, n) = self.request();
        let request = HttpRequest {
            method: Method::Post,
            url: self.url.to_string(),
            headers: vec![
                ("authorization", format!("Bearer {}", self.bearer)),
                ("accept", "application/json".to_owned()),
                ("content-type", "application/json".to_owned()),
                ("idempotency-key", idempotency_key(n)),
            ],
            body: Some(serde_json::to_vec(&request).unwrap()),
            timeout: Duration::from_secs(60),
            max_response_bytes: payroc_core::DEFAULT_MAX_RESPONSE_BYTES,
        };
        let transport = Arc::clone(&self.transport);
        async move {
            let reply = transport.send(request).await.unwrap();
            assert_eq!(reply.status, 201);
            reply
        }
    }

    /// The floor, its reply then read as a `Payment`.
    pub fn floor_read(&self) -> impl Future<Output = Payment> + Send + 'static {
        let sent = self.floor();
        async move { sent.await.into_payment() }
    }
}

/// The blocking facade's call and its floor: a raw POST on a current-thread runtime
/// driven from the calling thread, as the facade drives its own. Both build their
/// request when called, as the C and Python benchmarks do.
pub struct FacadeCalls {
    calls: Calls,
    blocking: payroc_core::blocking::BlockingClient,
    current: tokio::runtime::Runtime,
    raw: reqwest::Client,
}

impl FacadeCalls {
    /// The facade's calls to `mock`, with order ids from `calls`.
    pub fn new(mock: &OwnProcessMock, calls: Calls) -> Self {
        let blocking = payroc_core::blocking::BlockingClient::new(mock.client_builder()).unwrap();
        let current = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let raw = raw_reqwest(&current);
        Self {
            calls,
            blocking,
            current,
            raw,
        }
    }

    /// A payment created through the blocking facade.
    pub fn sdk(&self) -> Payment {
        let (request, _) = self.calls.request();
        self.blocking.payments().create(&request).unwrap()
    }

    /// The floor.
    pub fn floor(&self) -> RawReply {
        self.current.block_on(self.calls.floor_with(&self.raw))
    }
}
