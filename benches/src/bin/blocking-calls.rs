//! The Rust side of the bindings' paired benchmark (`bench_create_payment.py
//! --rust`): create-payment calls through the blocking facade the bindings use,
//! against a running payroc-mock, in blocks the benchmark asks for while it waits.
//! The sides then take turns on the same moments of a noisy machine, call by call.
//!
//! Reads block sizes from standard input, one per line; for each, makes that many
//! calls (building each request included, as the C and Python benchmarks do) and
//! prints each call's time in nanoseconds, space-separated, on one line. Ends at the
//! end of its input.
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
        let times: Vec<String> = (0..n)
            .map(|_| {
                let start = Instant::now();
                black_box(facade.sdk());
                start.elapsed().as_nanos().to_string()
            })
            .collect();
        writeln!(out, "{}", times.join(" ")).expect("the output is written");
        out.flush().expect("the output is flushed");
    }
}
