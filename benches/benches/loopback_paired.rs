//! The SDK's loopback overhead as a ratio, measured in paired blocks: the SDK's call
//! and its floor take turns in blocks of consecutive calls (ABBA order), so that both
//! sides meet the same moments of a noisy machine, and every call is timed on its own.
//! The figure is the median call of each side, beside the spread of the per-block
//! ratios. Criterion's `loopback` benchmark times each side in a run of its own, minutes
//! apart, which on a shared VM moves the ratio more than the SDK does. From a task,
//! two more sides show where the SDK's time goes: the floor that reads its reply as a
//! `Payment`, and payroc-core's transport alone sending the floor's request.
//!
//! `cargo bench -p payroc-benches --bench loopback_paired`; `PAYROC_BENCH_MOCK_URL`
//! points it at a running emulator, `PAYROC_PAIRED_BLOCKS` and `PAYROC_PAIRED_CALLS`
//! set the blocks per side and the calls per block (default 60 × 100).

// The report is this program's output, as criterion's is the other benchmarks'.
#![allow(clippy::print_stdout)]

use payroc_benches::{two_worker_runtime, Calls, FacadeCalls, OwnProcessMock};
use std::future::Future;
use std::hint::black_box;
use std::time::Instant;

/// The first calls of a block follow calls of the other kind: not counted.
const SETTLE: usize = 3;

fn main() {
    // Cargo passes `--bench`; with a filter argument (as `cargo bench <filter>` gives
    // every target) this program is not the one asked for.
    if std::env::args().skip(1).any(|arg| !arg.starts_with("--")) {
        return;
    }
    let blocks = setting("PAYROC_PAIRED_BLOCKS", 60);
    let calls_per_block = setting("PAYROC_PAIRED_CALLS", 100);
    let mock = OwnProcessMock::start(env!("CARGO_BIN_EXE_bench-mock"));
    let rt = two_worker_runtime();
    let calls = Calls::new(&rt, &mock);
    let n = calls_per_block + SETTLE;
    println!(
        "{blocks} blocks × {calls_per_block} calls per side (after {SETTLE} uncounted), \
         one keep-alive connection per client, emulator at {}",
        mock.base_url()
    );

    let on_worker = |side: usize| {
        let calls = calls.clone();
        let task = rt.spawn(async move {
            match side {
                0 => timed(n, || calls.sdk()).await,
                1 => timed(n, || calls.floor()).await,
                2 => timed(n, || calls.floor_read()).await,
                _ => timed(n, || calls.transport()).await,
            }
        });
        rt.block_on(task).expect("the timed task completes")
    };
    report(
        "from a task",
        &[
            "payroc-core async client",
            "raw reqwest POST (floor)",
            "raw POST + reply read as a Payment",
            "payroc-core's transport alone, same request",
        ],
        paired(4, blocks, on_worker),
    );

    let outside = |side: usize| match side {
        0 => rt.block_on(timed(n, || calls.sdk())),
        _ => rt.block_on(timed(n, || calls.floor())),
    };
    report(
        "from outside the runtime",
        &["payroc-core async client", "raw reqwest POST (floor)"],
        paired(2, blocks, outside),
    );

    let facade_calls = FacadeCalls::new(&mock, calls.clone());
    // Timed as the C and Python benchmarks time their calls: building the request and
    // dropping the reply included.
    let facade = |side: usize| {
        (0..n)
            .map(|_| {
                let start = Instant::now();
                if side == 0 {
                    drop(black_box(facade_calls.sdk()));
                } else {
                    drop(black_box(facade_calls.floor()));
                }
                start.elapsed().as_nanos() as u64
            })
            .collect()
    };
    report(
        "blocking facade",
        &[
            "payroc-core blocking facade",
            "raw reqwest POST, current-thread runtime (floor)",
        ],
        paired(2, blocks, facade),
    );
}

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .filter(|&value| value > 0)
        .unwrap_or(default)
}

/// `n` sequential awaits of what `make` makes, each timed until its result is in hand
/// (the result is dropped untimed), in nanoseconds.
async fn timed<F, Fut>(n: usize, mut make: F) -> Vec<u64>
where
    F: FnMut() -> Fut,
    Fut: Future,
{
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let fut = make();
        let start = Instant::now();
        let output = fut.await;
        times.push(start.elapsed().as_nanos() as u64);
        drop(black_box(output));
    }
    times
}

/// `blocks` rounds in which every one of `sides` runs one block (`run(side)`, giving its
/// calls' times), in forward order on even rounds and backward on odd ones. Returns,
/// per side, the counted times of each block.
fn paired(
    sides: usize,
    blocks: usize,
    mut run: impl FnMut(usize) -> Vec<u64>,
) -> Vec<Vec<Vec<u64>>> {
    let mut times = vec![Vec::with_capacity(blocks); sides];
    for round in 0..blocks {
        for turn in 0..sides {
            let side = if round % 2 == 0 {
                turn
            } else {
                sides - 1 - turn
            };
            let block = run(side);
            times[side].push(block[SETTLE..].to_vec());
        }
    }
    times
}

/// Prints each side's median call and each side's ratio to the second side (the
/// floor): of the medians over all calls, and the median and 10th–90th percentiles of
/// the per-block ratios.
fn report(placement: &str, names: &[&str], times: Vec<Vec<Vec<u64>>>) {
    let floor_blocks: Vec<f64> = times[1].iter().map(|block| median(block)).collect();
    let floor_all = median(&times[1].concat());
    println!("\n{placement}:");
    for (name, blocks) in names.iter().zip(&times) {
        let all = blocks.concat();
        let mut ratios: Vec<f64> = blocks
            .iter()
            .zip(&floor_blocks)
            .map(|(block, floor)| median(block) / floor)
            .collect();
        ratios.sort_by(f64::total_cmp);
        println!(
            "  {name:<52} median {:>7.1} µs  p90 {:>7.1} µs  vs floor {:+6.1} %  per block {:+6.1} % ({:+.1} % to {:+.1} %)",
            median(&all) / 1000.0,
            percentile(&all, 0.9) / 1000.0,
            (median(&all) / floor_all - 1.0) * 100.0,
            (percentile_f(&ratios, 0.5) - 1.0) * 100.0,
            (percentile_f(&ratios, 0.1) - 1.0) * 100.0,
            (percentile_f(&ratios, 0.9) - 1.0) * 100.0,
        );
    }
}

fn median(times: &[u64]) -> f64 {
    percentile(times, 0.5)
}

fn percentile(times: &[u64], p: f64) -> f64 {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    sorted[((sorted.len() - 1) as f64 * p).round() as usize] as f64
}

fn percentile_f(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}
