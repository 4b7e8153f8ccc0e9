//! Reading a valid bearer token from the cache, from 1, 2, 4 and 8 threads at once.
//! Target: < 50 ns per read and no per-read slowdown as threads are added.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use payroc_core::auth::{FetchedToken, TokenCache};
use payroc_core::clock::SystemClock;
use payroc_model::BearerToken;
use std::hint::black_box;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

fn cache() -> Arc<TokenCache> {
    let cache = Arc::new(TokenCache::new(Arc::new(SystemClock)));
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(cache.get(|_| async {
        Ok(FetchedToken {
            token: BearerToken::new("bench-token"),
            lifetime: Duration::from_secs(3600),
            refresh_token: None,
        })
    }))
    .unwrap();
    cache
}

fn token_cache(c: &mut Criterion) {
    let cache = cache();
    let mut group = c.benchmark_group("token cache read (per read)");
    for threads in [1usize, 2, 4, 8] {
        group.bench_with_input(
            BenchmarkId::from_parameter(threads),
            &threads,
            |b, &threads| {
                b.iter_custom(|iters| {
                    // Each thread does `iters` reads; the figure is wall time per read per thread.
                    let barrier = Arc::new(Barrier::new(threads));
                    let handles: Vec<_> = (0..threads)
                        .map(|_| {
                            let cache = cache.clone();
                            let barrier = barrier.clone();
                            std::thread::spawn(move || {
                                barrier.wait();
                                let start = Instant::now();
                                for _ in 0..iters {
                                    black_box(
                                        cache.with_valid(|t| t.generation).expect("valid token"),
                                    );
                                }
                                start.elapsed()
                            })
                        })
                        .collect();
                    let total: Duration = handles.into_iter().map(|h| h.join().unwrap()).sum();
                    total / threads as u32
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, token_cache);
criterion_main!(benches);
