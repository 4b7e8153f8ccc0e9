//! Over loopback against payroc-mock, one keep-alive connection: a create-payment
//! call through payroc-core beside a raw reqwest POST of the same bytes (the floor),
//! and the emulator's own throughput with several connections; then the call with the
//! emulator in its own process, async and through the blocking facade.
//! Targets: the SDK adds ≤ 15 % over the floor; the emulator serves ≥ 5,000 req/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use payroc_benches::{
    authorize, full_payment_request, raw_payment, raw_reqwest, secure_token, two_worker_runtime,
    Calls, FacadeCalls, OwnProcessMock,
};
use payroc_mock::MockConfig;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn loopback(c: &mut Criterion) {
    let rt = two_worker_runtime();
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
                max_response_bytes: payroc_core::DEFAULT_MAX_RESPONSE_BYTES,
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

/// The same call with the emulator in a process of its own — the set-up of the C and
/// Python benchmarks. The async calls are made twice: from a task on the runtime's
/// workers, as an async service makes them, and from the thread that blocks on the
/// runtime. Then the blocking facade the bindings use, beside its floor.
/// `PAYROC_BENCH_MOCK_URL` points them at a running emulator (the one the C and Python
/// benchmarks use, for like-for-like figures); otherwise one is started.
fn own_process(c: &mut Criterion) {
    let mock = OwnProcessMock::start(env!("CARGO_BIN_EXE_bench-mock"));
    let rt = two_worker_runtime();
    let calls = Calls::new(&rt, &mock);
    let sdk_call = {
        let calls = calls.clone();
        move || calls.sdk()
    };
    let floor_call = {
        let calls = calls.clone();
        move || calls.floor()
    };
    let floor_read_call = {
        let calls = calls.clone();
        move || calls.floor_read()
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
    let facade = FacadeCalls::new(&mock, calls.clone());
    group.bench_function(
        "raw reqwest POST of the same bytes, current-thread runtime (floor)",
        |b| b.iter(|| facade.floor()),
    );
    group.bench_function("create payment via the blocking facade", |b| {
        b.iter(|| facade.sdk())
    });
    group.finish();
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
