//! Over loopback against payroc-mock, one keep-alive connection: a create-payment
//! call through payroc-core beside a raw reqwest POST of the same bytes (the floor),
//! and the emulator's own throughput with several connections; then the call with the
//! emulator in its own process, async and through the blocking facade.
//! Targets: the SDK adds ≤ 15 % over the floor; the emulator serves ≥ 5,000 req/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use payroc_benches::{full_payment_request, raw_reqwest, secure_token, ChildMock};
use payroc_mock::MockConfig;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn loopback(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let server = rt
        .block_on(payroc_mock::start(MockConfig::default()))
        .unwrap();
    let client = rt.block_on(async {
        payroc_core::Client::builder()
            .api_key("bench")
            .base_urls(server.api_url(), server.base_url())
            .build()
            .unwrap()
    });
    let token = rt.block_on(secure_token(&client));
    let counter = Arc::new(AtomicU64::new(0));
    let next_order = || format!("B-{}", counter.fetch_add(1, Ordering::Relaxed));

    c.bench_function("create payment via payroc-core (loopback)", |b| {
        b.to_async_like(&rt, || {
            let request = full_payment_request(&next_order(), &token);
            let client = client.clone();
            // The request stays the caller's: handed back, it is dropped untimed.
            async move { (client.payments().create(&request).await.unwrap(), request) }
        })
    });

    let raw = raw_reqwest(&rt);
    let bearer = authorize(&rt, &raw, &server.base_url());
    let url = format!("{}/payments", server.api_url());
    c.bench_function("raw reqwest POST of the same bytes (floor)", |b| {
        b.to_async_like(&rt, || {
            let body = serde_json::to_vec(&full_payment_request(&next_order(), &token)).unwrap();
            raw_payment(
                &raw,
                &url,
                &bearer,
                body,
                counter.fetch_add(1, Ordering::Relaxed),
            )
        })
    });

    let transport = rt.block_on(async {
        payroc_core::transport::ReqwestTransport::new(Duration::from_secs(10), "bench").unwrap()
    });
    c.bench_function("payroc-core transport alone, same bytes", |b| {
        b.to_async_like(&rt, || {
            use payroc_core::http::{HttpRequest, HttpTransport, Method};
            let body = serde_json::to_vec(&full_payment_request(&next_order(), &token)).unwrap();
            let key = format!(
                "00000000-0000-4000-8000-{:012x}",
                counter.fetch_add(1, Ordering::Relaxed)
            );
            let request = HttpRequest {
                method: Method::Post,
                url: url.clone(),
                headers: vec![
                    ("authorization", format!("Bearer {bearer}")),
                    ("content-type", "application/json".to_owned()),
                    ("idempotency-key", key),
                ],
                body: Some(body),
                timeout: Duration::from_secs(60),
            };
            let transport = &transport;
            async move {
                let reply = transport.send(request).await.unwrap();
                assert_eq!(reply.status, 201);
                reply
            }
        })
    });

    let mut group = c.benchmark_group("payroc-mock throughput");
    let connections = 8u64;
    let per_connection = 250u64;
    group.throughput(Throughput::Elements(connections * per_connection));
    group.sample_size(10);
    // A fresh emulator: the calls above filled the first one's ledger, which a list
    // scans, and this figure is of the serving, not of the scan.
    let quiet = rt
        .block_on(payroc_mock::start(MockConfig::default()))
        .unwrap();
    let bearer = authorize(&rt, &raw, &quiet.base_url());
    let get_url = format!("{}/payments?limit=1", quiet.api_url());
    group.bench_function("GET /v1/payments, 8 keep-alive connections", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let start = Instant::now();
                for _ in 0..iters {
                    let tasks: Vec<_> = (0..connections)
                        .map(|_| {
                            let http = reqwest::Client::new();
                            let url = get_url.clone();
                            let bearer = bearer.clone();
                            tokio::spawn(async move {
                                for _ in 0..per_connection {
                                    let reply =
                                        http.get(&url).bearer_auth(&bearer).send().await.unwrap();
                                    assert_eq!(reply.status(), 200);
                                    reply.bytes().await.unwrap();
                                }
                            })
                        })
                        .collect();
                    for task in tasks {
                        task.await.unwrap();
                    }
                }
                start.elapsed()
            })
        })
    });
    group.finish();
    drop(server);
}

/// A bearer token from the emulator at `base_url`, fetched with `raw` on `rt`.
fn authorize(rt: &tokio::runtime::Runtime, raw: &reqwest::Client, base_url: &str) -> String {
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
fn raw_payment(
    raw: &reqwest::Client,
    url: &str,
    bearer: &str,
    body: Vec<u8>,
    key: u64,
) -> impl std::future::Future<Output = RawReply> + Send + 'static {
    let request = raw
        .post(url)
        .bearer_auth(bearer)
        .header("content-type", "application/json")
        .header(
            "idempotency-key",
            format!("00000000-0000-4000-8000-{key:012x}"),
        )
        .body(body);
    async move {
        let reply = request.send().await.unwrap();
        assert_eq!(reply.status(), 201);
        RawReply(reply.bytes().await.unwrap())
    }
}

/// The same call with the emulator in a process of its own — the set-up of the C and
/// Python benchmarks. The async calls are made twice: from a task on the runtime's
/// workers, as an async service makes them, and from the thread that blocks on the
/// runtime. Then the blocking facade the bindings use, beside its floor.
/// `PAYROC_BENCH_MOCK_URL` points them at a running emulator (the one the C and Python
/// benchmarks use, for like-for-like figures); otherwise one is started.
fn own_process(c: &mut Criterion) {
    let external = std::env::var("PAYROC_BENCH_MOCK_URL").ok();
    let child = external
        .is_none()
        .then(|| ChildMock::spawn(env!("CARGO_BIN_EXE_bench-mock")));
    let base_url = external.unwrap_or_else(|| child.as_ref().unwrap().base_url().to_owned());
    let builder = || {
        payroc_core::Client::builder()
            .api_key("bench")
            .base_urls(format!("{base_url}/v1"), base_url.clone())
    };
    let blocking = payroc_core::blocking::BlockingClient::new(builder()).unwrap();
    let token: Arc<str> = blocking
        .run(|client| async move { Ok(secure_token(&client).await) })
        .unwrap()
        .into();
    // Order ids and keys unique across runs against one long-lived emulator, which
    // refuses a key reused for another body.
    let run = std::process::id();
    let counter = Arc::new(AtomicU64::new(0));
    let next = move || (u64::from(run) << 24) | counter.fetch_add(1, Ordering::Relaxed);
    let payment = {
        let token = Arc::clone(&token);
        move |n: u64| full_payment_request(&format!("P{n}"), &token)
    };

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let client = rt.block_on(async { builder().build().unwrap() });
    let raw = raw_reqwest(&rt);
    let bearer: Arc<str> = authorize(&rt, &raw, &base_url).into();
    let url: Arc<str> = format!("{base_url}/v1/payments").into();
    let sdk_call = {
        let (client, next, payment) = (client.clone(), next.clone(), payment.clone());
        move || {
            let request = payment(next());
            let client = client.clone();
            // The request stays the caller's: handed back, it is dropped untimed.
            async move { (client.payments().create(&request).await.unwrap(), request) }
        }
    };
    let floor_call = {
        let (raw, url, bearer, next, payment) = (
            raw.clone(),
            url.clone(),
            bearer.clone(),
            next.clone(),
            payment.clone(),
        );
        move || {
            let n = next();
            let body = serde_json::to_vec(&payment(n)).unwrap();
            raw_payment(&raw, &url, &bearer, body, n)
        }
    };
    let floor_read_call = {
        let floor_call = floor_call.clone();
        move || {
            let sent = floor_call();
            async move { sent.await.into_payment() }
        }
    };

    let mut group = c.benchmark_group("emulator in its own process");
    group.bench_function("create payment via payroc-core, from a task", |b| {
        b.to_async_on_worker(&rt, sdk_call.clone())
    });
    group.bench_function(
        "raw reqwest POST of the same bytes, from a task (floor)",
        |b| b.to_async_on_worker(&rt, floor_call.clone()),
    );
    group.bench_function(
        "raw reqwest POST of the same bytes and its reply read as a Payment, from a task",
        |b| b.to_async_on_worker(&rt, floor_read_call.clone()),
    );
    group.bench_function(
        "create payment via payroc-core, from outside the runtime",
        |b| b.to_async_like(&rt, sdk_call.clone()),
    );
    group.bench_function(
        "raw reqwest POST of the same bytes, from outside the runtime (floor)",
        |b| b.to_async_like(&rt, floor_call.clone()),
    );
    // The blocking facade drives its runtime from the calling thread: its floor is a
    // raw POST on a current-thread runtime. Both are timed as the C and Python
    // benchmarks time their calls, building the request and dropping the reply included.
    let current = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let raw_current = raw_reqwest(&current);
    group.bench_function(
        "raw reqwest POST of the same bytes, current-thread runtime (floor)",
        |b| {
            b.iter(|| {
                let n = next();
                let body = serde_json::to_vec(&payment(n)).unwrap();
                current.block_on(raw_payment(&raw_current, &url, &bearer, body, n))
            })
        },
    );
    group.bench_function("create payment via the blocking facade", |b| {
        b.iter(|| {
            let request = payment(next());
            blocking
                .run(|client| async move { client.payments().create(&request).await })
                .unwrap()
        })
    });
    group.finish();
}

/// A reply's body, held so that a floor may read it as the SDK does.
struct RawReply(bytes::Bytes);

impl RawReply {
    /// The body read as a retrieved payment.
    fn into_payment(self) -> payroc_model::payment::Payment {
        payroc_model::json::from_slice(&self.0).unwrap()
    }
}

/// Criterion's async support without its `async` feature: time `iters` sequential
/// awaits on the given runtime.
trait AsyncLike {
    /// From the thread that blocks on the runtime (`Runtime::block_on`).
    fn to_async_like<F, Fut>(&mut self, rt: &tokio::runtime::Runtime, make: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future;

    /// From a task spawned on the runtime's workers.
    fn to_async_on_worker<F, Fut>(&mut self, rt: &tokio::runtime::Runtime, make: F)
    where
        F: FnMut() -> Fut + Clone + Send + 'static,
        Fut: std::future::Future + Send + 'static,
        Fut::Output: Send;
}

/// `iters` sequential awaits of what `make` makes, each timed until its result is in
/// hand (dropping the result is the caller's business, and untimed on every side).
async fn timed<F, Fut>(iters: u64, mut make: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future,
{
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let fut = make();
        let start = Instant::now();
        let output = fut.await;
        total += start.elapsed();
        drop(std::hint::black_box(output));
    }
    total
}

impl AsyncLike for criterion::Bencher<'_> {
    fn to_async_like<F, Fut>(&mut self, rt: &tokio::runtime::Runtime, mut make: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future,
    {
        self.iter_custom(|iters| rt.block_on(timed(iters, &mut make)))
    }

    fn to_async_on_worker<F, Fut>(&mut self, rt: &tokio::runtime::Runtime, make: F)
    where
        F: FnMut() -> Fut + Clone + Send + 'static,
        Fut: std::future::Future + Send + 'static,
        Fut::Output: Send,
    {
        self.iter_custom(|iters| {
            rt.block_on(rt.spawn(timed(iters, make.clone())))
                .expect("the timed task completes")
        })
    }
}

criterion_group!(benches, loopback, own_process);
criterion_main!(benches);
