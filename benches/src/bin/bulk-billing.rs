//! A bulk billing run through one client: `N` payments (the full request of the
//! loopback benchmarks), at most `K` in flight, against a running payroc-mock. Prints
//! the run's throughput; `scripts/bench-bulk.sh` runs it beside the same run from
//! Python (`bindings/python/bench/bench_bulk.py`). A measurement, not a test.
//!
//! Usage: `bulk-billing BASE_URL [N] [K]` (defaults 10000 and 256).
#![forbid(unsafe_code)]
// The figures are this program's output.
#![allow(clippy::print_stdout)]

use payroc_benches::{full_payment_request, secure_token};
use payroc_core::Client;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let base = args.next().expect("usage: bulk-billing BASE_URL [N] [K]");
    let total: u64 = args.next().map_or(10_000, |n| n.parse().expect("N"));
    let in_flight: u64 = args.next().map_or(256, |k| k.parse().expect("K"));
    // Two workers: the machine's two cores, shared with the emulator, as in `in_flight`.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    rt.block_on(async {
        let client = Client::builder()
            .api_key("bench-key-0123456789")
            .base_urls(format!("{base}/v1"), base.clone())
            .build()
            .expect("a client");
        let token: Arc<str> = secure_token(&client).await.into();
        let next = Arc::new(AtomicU64::new(0));
        let run = std::process::id();
        let started = Instant::now();
        let mut workers = tokio::task::JoinSet::new();
        for _ in 0..in_flight {
            let (client, token, next) = (client.clone(), token.clone(), next.clone());
            workers.spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        return;
                    }
                    let request = full_payment_request(&format!("BULK-RS-{run}-{i}"), &token);
                    let payment = client.payments().create(&request).await.expect("a payment");
                    assert!(payment.is_approved());
                }
            });
        }
        while let Some(done) = workers.join_next().await {
            done.expect("a worker ran");
        }
        let secs = started.elapsed().as_secs_f64();
        println!(
            "rust  bulk run: {total} payments, {in_flight} in flight: {secs:.2} s, {:.0} payments/s",
            total as f64 / secs
        );
    });
}
