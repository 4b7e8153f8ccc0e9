//! `payroc-mock`: the emulator as a program, for C and Python tests and for offline
//! development, or as a long-running service. Prints its base URL as the first line on
//! stdout, then serves until SIGTERM or SIGINT (exit status 0), or, with
//! `--exit-with-parent`, until its standard input reaches its end.
#![forbid(unsafe_code)]
// A command-line program: its errors go to stderr.
#![allow(clippy::print_stderr)]

use clap::Parser;
use payroc_mock::{FaultConfig, MockConfig, StopOn, CONTROL_ROUTES};
use std::net::IpAddr;
use std::time::Duration;

/// A local emulator of the Payroc and PayTrace APIs, for tests and offline development.
///
/// Prints its base URL (http://HOST:PORT) as the first line on stdout, then serves:
/// identity at POST /authorize, the Payroc API under /v1, PayTrace under /v3, test
/// controls under /_mock (listed below). The crate README describes every behaviour,
/// test trigger and fault.
#[derive(Debug, Parser)]
#[command(
    name = "payroc-mock",
    version,
    // The last --host or --port wins, so flags added after a container's entrypoint (or
    // a wrapper's) override its own.
    args_override_self = true,
    after_help = "Run with --help for the test-control routes, the lifecycle and the exit statuses.",
    after_long_help = long_help_tail()
)]
struct Args {
    /// Address to listen on; 0.0.0.0 (or ::) for every interface, e.g. in a container.
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    host: IpAddr,
    /// Port to listen on; 0 picks a free one (the URL printed names it).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// The only API key POST /authorize accepts [default: any non-empty key].
    #[arg(long, value_name = "KEY")]
    api_key: Option<String>,
    /// Lifetime of issued bearer tokens (Payroc and PayTrace), in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 3600)]
    token_lifetime: u64,
    /// Time a Cloud device takes to finish an instruction, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 200)]
    instruction_delay_ms: u64,
    /// Time a GET on an inProgress Cloud instruction is held open, in milliseconds (the
    /// gateway holds about 60 s).
    #[arg(long, value_name = "MS", default_value_t = 60_000)]
    long_poll_ms: u64,
    /// The only PayTrace user name POST /v3/token accepts; needs --paytrace-password
    /// [default: any non-empty pair].
    #[arg(long, value_name = "NAME", requires = "paytrace_password")]
    paytrace_username: Option<String>,
    /// The only PayTrace password POST /v3/token accepts; needs --paytrace-username.
    #[arg(long, value_name = "PASSWORD", requires = "paytrace_username")]
    paytrace_password: Option<String>,
    /// Share of requests answered 500 and not handled, from 0 to 1.
    #[arg(long, value_name = "SHARE", default_value_t = 0.0)]
    fault_500: f64,
    /// Share of requests answered 503 and not handled, from 0 to 1.
    #[arg(long, value_name = "SHARE", default_value_t = 0.0)]
    fault_503: f64,
    /// Share of requests answered 429 with Retry-After and not handled, from 0 to 1.
    #[arg(long, value_name = "SHARE", default_value_t = 0.0)]
    fault_429: f64,
    /// Retry-After sent with injected 429s, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 1)]
    retry_after: u64,
    /// Share of connections closed before the request is handled, from 0 to 1.
    #[arg(long, value_name = "SHARE", default_value_t = 0.0)]
    fault_reset: f64,
    /// Share of requests handled and committed, then dropped without a response, from 0
    /// to 1. The fault shares together must not exceed 1.
    #[arg(long, value_name = "SHARE", default_value_t = 0.0)]
    fault_commit_then_drop: f64,
    /// Latency added to every request, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    latency_ms: u64,
    /// Seed for injected faults and generated ids, to reproduce a run (the default is
    /// 0x5eed).
    #[arg(long, default_value_t = 0x5eed)]
    seed: u64,
    /// Time a connection has to send a complete request head, from when it opened or
    /// from its previous response (so also the idle keep-alive timeout), in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 30_000, value_parser = clap::value_parser!(u64).range(1..))]
    header_read_timeout_ms: u64,
    /// Wait before the first retry of an event notification the webhook did not take,
    /// in milliseconds; it doubles before each further retry (up to five retries, six tries in all).
    #[arg(long, value_name = "MS", default_value_t = 200)]
    delivery_backoff_ms: u64,
    /// Also exit when standard input reaches its end, i.e. when the parent process
    /// holding its write end (a pipe or FIFO) exits or closes it. Without it stdin is
    /// never read: closed, /dev/null or a terminal are all fine.
    #[arg(long)]
    exit_with_parent: bool,
}

/// The end of `--help`: the test-control routes, from the table the router serves,
/// then the lifecycle and exit statuses.
fn long_help_tail() -> String {
    let mut text = String::from("Test controls (no authentication, no faults):\n");
    let width = CONTROL_ROUTES
        .iter()
        .map(|r| r.path.len())
        .max()
        .unwrap_or(0);
    for route in CONTROL_ROUTES {
        let (method, path, summary) = (route.method, route.path, route.summary);
        text.push_str(&format!("  {method:<4} {path:<width$}  {summary}\n"));
    }
    text.push_str(
        "\nLifecycle:\n  \
         Serves until SIGTERM or SIGINT (Ctrl-C), then exits with status 0; with\n  \
         --exit-with-parent also when standard input reaches its end.\n\n\
         Exit statuses:\n  \
         0  stopped by a signal or by the end of stdin (--exit-with-parent)\n  \
         1  cannot listen on HOST:PORT, or cannot install the signal handlers\n  \
         2  invalid flags (e.g. fault shares adding up to more than 1)",
    );
    text
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
        delivery_backoff: Duration::from_millis(args.delivery_backoff_ms),
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_flag_has_help_and_a_default() {
        let command = Args::command();
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if ["help", "version"].contains(&id) {
                continue;
            }
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            assert!(!help.is_empty(), "--{id} has no help");
            let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
            // A flag's default is "off"; an option shows clap's [default: …] or says it.
            assert!(
                !takes_value || !arg.get_default_values().is_empty() || help.contains("[default:"),
                "--{id} says no default"
            );
        }
    }

    #[test]
    fn a_later_flag_overrides_an_earlier_one() {
        let args = Args::try_parse_from(
            ["payroc-mock", "--host", "0.0.0.0", "--port", "8080"]
                .into_iter()
                .chain(["--port", "9000", "--host", "127.0.0.1"]),
        )
        .unwrap();
        assert_eq!(args.port, 9000);
        assert_eq!(args.host, IpAddr::from([127, 0, 0, 1]));
    }

    #[test]
    fn the_long_help_lists_every_control_route() {
        let help = Args::command().render_long_help().to_string();
        for route in CONTROL_ROUTES {
            let line = help
                .lines()
                .find(|l| l.split_whitespace().take(2).eq([route.method, route.path]))
                .unwrap_or_else(|| panic!("{} {} missing from:\n{help}", route.method, route.path));
            assert!(line.ends_with(route.summary), "{line}");
        }
    }
}
