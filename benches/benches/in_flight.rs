//! 1,000 payments in flight at once through one client, against payroc-mock in its own
//! process: the throughput (criterion), and this process's peak memory during a burst
//! and its resident size after many (printed before the criterion figures; Linux).

// The memory figures are a report, printed for the reader of the benchmark's output.
#![allow(clippy::print_stderr)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use payroc_benches::{
    full_payment_request, memory_kib, reset_peak_memory, secure_token, ChildMock,
};
use payroc_core::Client;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

const IN_FLIGHT: u64 = 1_000;

/// Starts `IN_FLIGHT` payments at once through `client` and waits for every one.
async fn burst(client: &Client, token: &str, next_order: &AtomicU64) {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..IN_FLIGHT {
        let order_id = format!("F-{}", next_order.fetch_add(1, Ordering::Relaxed));
        let request = full_payment_request(&order_id, token);
        let client = client.clone();
        tasks.spawn(async move { client.payments().create(&request).await });
    }
    while let Some(result) = tasks.join_next().await {
        let payment = result
            .expect("the task ran")
            .expect("the payment succeeded");
        assert!(payment.is_approved());
    }
}

fn in_flight(c: &mut Criterion) {
    let mock = ChildMock::spawn(env!("CARGO_BIN_EXE_bench-mock"));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let client = rt.block_on(async {
        Client::builder()
            .api_key("bench")
            .base_urls(mock.api_url(), mock.base_url())
            .build()
            .unwrap()
    });
    let token = rt.block_on(secure_token(&client));
    let next_order = AtomicU64::new(0);

    // The first burst opens the connections; the memory figures are of bursts after it.
    rt.block_on(burst(&client, &token, &next_order));
    report("after a first burst (the connections open)");
    reset_peak_memory();
    let started = Instant::now();
    rt.block_on(burst(&client, &token, &next_order));
    report(&format!("one more burst ({:?})", started.elapsed()));
    for round in 1..=5 {
        for _ in 0..40 {
            rt.block_on(burst(&client, &token, &next_order));
        }
        report(&format!("after {} more bursts", round * 40));
    }

    let mut group = c.benchmark_group("in flight");
    group.throughput(Throughput::Elements(IN_FLIGHT));
    group.sample_size(10);
    group.bench_function("1,000 payments at once through one client", |b| {
        b.iter_custom(|iters| {
            let started = Instant::now();
            for _ in 0..iters {
                rt.block_on(burst(&client, &token, &next_order));
            }
            started.elapsed()
        })
    });
    group.finish();
}

/// Prints this process's resident and peak memory, and its open files (the sockets,
/// mostly).
fn report(when: &str) {
    let kib = |field| memory_kib(field).map_or("n/a".to_owned(), |k| format!("{k} KiB"));
    let open_files = std::fs::read_dir("/proc/self/fd").map_or(0, |dir| dir.count());
    eprintln!(
        "{when}: resident {}, peak {}, {open_files} open files",
        kib("VmRSS"),
        kib("VmHWM")
    );
}

criterion_group!(benches, in_flight);
criterion_main!(benches);
