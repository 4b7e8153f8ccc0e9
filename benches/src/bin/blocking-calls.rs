//! The Rust side of the bindings' paired benchmark (`bench_create_payment.py
//! --rust`): create-payment calls through the blocking facade the bindings use,
//! against a running payroc-mock, in blocks the benchmark asks for while it waits.
//! The sides then take turns on the same moments of a noisy machine, call by call.
//!
//! Reads block sizes from standard input, one per line; for each, makes that many
//! calls (building each request included, as the C and Python benchmarks do) and
//! prints on one line `cpu=N` (the CPU time the calling thread used for the block,
//! in nanoseconds: the facade does all of a call's work on it) then each call's time
//! in nanoseconds, space-separated. Ends at the end of its input.
//!
//! Usage: `blocking-calls BASE_URL`.
#![forbid(unsafe_code)]
// The figures are this program's output.
#![allow(clippy::print_stdout)]

use payroc_benches::{two_worker_runtime, Calls, FacadeCalls, OwnProcessMock};
use std::hint::black_box;
use std::io::{BufRead, Write};
use std::time::Instant;

fn main() {
    let base = std::env::args()
        .nth(1)
        .expect("usage: blocking-calls BASE_URL");
    let mock = OwnProcessMock::at(base);
    let rt = two_worker_runtime();
    let facade = FacadeCalls::new(&mock, Calls::new(&rt, &mock));
    let mut out = std::io::stdout().lock();
    for line in std::io::stdin().lock().lines() {
        let n: usize = line.expect("a line").trim().parse().expect("a block size");
        let cpu = thread_cpu_ns();
        let times: Vec<String> = (0..n)
            .map(|_| {
                let start = Instant::now();
                black_box(facade.sdk());
                start.elapsed().as_nanos().to_string()
            })
            .collect();
        let cpu = thread_cpu_ns() - cpu;
        writeln!(out, "cpu={cpu} {}", times.join(" ")).expect("the output is written");
        out.flush().expect("the output is flushed");
    }
}

/// The CPU time this thread has used, in nanoseconds (the scheduler's own count:
/// std has no thread CPU clock, and this program uses no `unsafe`).
fn thread_cpu_ns() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat")
        .expect("/proc/thread-self/schedstat is readable (Linux)");
    stat.split_whitespace()
        .next()
        .and_then(|ns| ns.parse().ok())
        .expect("schedstat starts with the time on CPU")
}
