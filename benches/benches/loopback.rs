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
            async move { client.payments().create(&request).await.unwrap() }
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
) -> impl std::future::Future<Output = ()> {
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
        reply.bytes().await.unwrap();
    }
}

/// The same call with the emulator in a process of its own — the set-up of the C and
/// Python benchmarks — through the async client and through the blocking facade the
/// bindings use. `PAYROC_BENCH_MOCK_URL` points them at a running emulator (the one the
/// C and Python benchmarks use, for like-for-like figures); otherwise one is started.
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
    let token = blocking
        .run(|client| async move { Ok(secure_token(&client).await) })
        .unwrap();
    // Order ids unique across runs against one long-lived emulator.
    let run = std::process::id();
    let counter = AtomicU64::new(0);
    let next_order = || format!("P{run}-{}", counter.fetch_add(1, Ordering::Relaxed));

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let client = rt.block_on(async { builder().build().unwrap() });
    let mut group = c.benchmark_group("emulator in its own process");
    group.bench_function("create payment via payroc-core", |b| {
        b.to_async_like(&rt, || {
            let request = full_payment_request(&next_order(), &token);
            let client = client.clone();
            async move { client.payments().create(&request).await.unwrap() }
        })
    });
    // The floors: raw reqwest POSTs of the same bytes, on the async client's kind of
    // runtime and on the blocking facade's (driven by the calling thread). The keys
    // carry this process's id: a long-lived emulator refuses a key reused for another body.
    let raw = raw_reqwest(&rt);
    let bearer = authorize(&rt, &raw, &base_url);
    let url = format!("{base_url}/v1/payments");
    let next_key = || (u64::from(run) << 24) | counter.fetch_add(1, Ordering::Relaxed);
    group.bench_function("raw reqwest POST of the same bytes (floor)", |b| {
        b.to_async_like(&rt, || {
            let body = serde_json::to_vec(&full_payment_request(&next_order(), &token)).unwrap();
            raw_payment(&raw, &url, &bearer, body, next_key())
        })
    });
    let current = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let raw_current = raw_reqwest(&current);
    group.bench_function(
        "raw reqwest POST of the same bytes, current-thread runtime (floor)",
        |b| {
            b.iter(|| {
                let body =
                    serde_json::to_vec(&full_payment_request(&next_order(), &token)).unwrap();
                current.block_on(raw_payment(&raw_current, &url, &bearer, body, next_key()))
            })
        },
    );
    group.bench_function("create payment via the blocking facade", |b| {
        b.iter(|| {
            let request = full_payment_request(&next_order(), &token);
            blocking
                .run(|client| async move { client.payments().create(&request).await })
                .unwrap()
        })
    });
    group.finish();
}

/// Criterion's async support without its `async` feature: time `iters` sequential
/// awaits on the given runtime.
trait AsyncLike {
    fn to_async_like<F, Fut>(&mut self, rt: &tokio::runtime::Runtime, make: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future;
}

impl AsyncLike for criterion::Bencher<'_> {
    fn to_async_like<F, Fut>(&mut self, rt: &tokio::runtime::Runtime, mut make: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future,
    {
        self.iter_custom(|iters| {
            rt.block_on(async {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let fut = make();
                    let start = Instant::now();
                    std::hint::black_box(fut.await);
                    total += start.elapsed();
                }
                total
            })
        })
    }
}

criterion_group!(benches, loopback, own_process);
criterion_main!(benches);
