//! `payroc-mock`: the emulator as a program, for C and Python tests and for offline
//! development, or as a long-running service. Prints its base URL as the first line on
//! stdout, then serves until SIGTERM or SIGINT (exit status 0), or, with
//! `--exit-with-parent`, until its standard input reaches its end.
#![forbid(unsafe_code)]
// A command-line program: its errors go to stderr.
#![allow(clippy::print_stderr)]

use clap::Parser;
use payroc_mock::{FaultConfig, MockConfig, StopOn};
use std::net::IpAddr;
use std::time::Duration;

/// A local emulator of the Payroc and PayTrace APIs.
///
/// Identity at `POST /authorize`, the Payroc API under `/v1`, PayTrace under `/v3`,
/// test controls under `/_mock`. See the crate README for every behaviour and trigger.
#[derive(Debug, Parser)]
#[command(name = "payroc-mock", version)]
struct Args {
    /// Address to listen on (loopback unless you ask for another).
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Port to listen on; 0 picks a free port.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Accept only this API key at /authorize (default: any non-empty key).
    #[arg(long)]
    api_key: Option<String>,
    /// Lifetime of issued bearer tokens, in seconds.
    #[arg(long, default_value_t = 3600)]
    token_lifetime: u64,
    /// Milliseconds a Cloud device takes to finish an instruction.
    #[arg(long, default_value_t = 200)]
    instruction_delay_ms: u64,
    /// Milliseconds a GET on an inProgress instruction is held open (the gateway holds ~60 s).
    #[arg(long, default_value_t = 60_000)]
    long_poll_ms: u64,
    /// PayTrace API user name accepted by /v3/token (default: any non-empty pair; needs --paytrace-password).
    #[arg(long, requires = "paytrace_password")]
    paytrace_username: Option<String>,
    /// PayTrace API password accepted by /v3/token.
    #[arg(long, requires = "paytrace_username")]
    paytrace_password: Option<String>,
    /// Share of requests answered 500 (0–1).
    #[arg(long, default_value_t = 0.0)]
    fault_500: f64,
    /// Share of requests answered 503 (0–1).
    #[arg(long, default_value_t = 0.0)]
    fault_503: f64,
    /// Share of requests answered 429 with Retry-After (0–1).
    #[arg(long, default_value_t = 0.0)]
    fault_429: f64,
    /// Retry-After seconds sent with injected 429s.
    #[arg(long, default_value_t = 1)]
    retry_after: u64,
    /// Share of connections closed before the request is handled (0–1).
    #[arg(long, default_value_t = 0.0)]
    fault_reset: f64,
    /// Share of requests handled and committed, then dropped without a response (0–1).
    #[arg(long, default_value_t = 0.0)]
    fault_commit_then_drop: f64,
    /// Milliseconds of latency added to every request.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Seed for injected faults and generated ids, to reproduce a run.
    #[arg(long, default_value_t = 0x5eed)]
    seed: u64,
    /// Milliseconds a connection has to send a complete request head, from when it
    /// opened or from its previous response (so also the idle keep-alive timeout).
    #[arg(long, default_value_t = 30_000, value_parser = clap::value_parser!(u64).range(1..))]
    header_read_timeout_ms: u64,
    /// Also exit when standard input reaches its end, i.e. when the parent process
    /// holding its write end (a pipe or FIFO) exits. Without it stdin is never read.
    #[arg(long)]
    exit_with_parent: bool,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let faults = FaultConfig {
        error500: args.fault_500,
        error503: args.fault_503,
        error429: args.fault_429,
        retry_after_secs: args.retry_after,
        reset: args.fault_reset,
        commit_then_drop: args.fault_commit_then_drop,
        latency_ms: args.latency_ms,
    };
    if let Err(message) = faults.check() {
        eprintln!("payroc-mock: {message}");
        std::process::exit(2);
    }
    let config = MockConfig {
        host: args.host,
        port: args.port,
        api_key: args.api_key,
        token_lifetime: Duration::from_secs(args.token_lifetime),
        instruction_delay: Duration::from_millis(args.instruction_delay_ms),
        long_poll_hold: Duration::from_millis(args.long_poll_ms),
        paytrace_credentials: args.paytrace_username.zip(args.paytrace_password),
        faults,
        seed: args.seed,
        header_read_timeout: Duration::from_millis(args.header_read_timeout_ms),
    };
    let server = match payroc_mock::start(config).await {
        Ok(server) => server,
        Err(err) => {
            eprintln!("payroc-mock: cannot listen: {err}");
            std::process::exit(1);
        }
    };
    let stop_on = if args.exit_with_parent {
        StopOn::SignalOrStdinEof
    } else {
        StopOn::Signal
    };
    if let Err(err) = payroc_mock::serve_until_stopped(server, stop_on).await {
        eprintln!("payroc-mock: cannot watch for signals or stdin: {err}");
        std::process::exit(1);
    }
}
