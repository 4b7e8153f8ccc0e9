//! How the emulator is set up: where it listens, which credentials it accepts, how
//! long tokens live, how fast Cloud devices answer, and which faults it injects.

use crate::faults::FaultConfig;
use std::net::IpAddr;
use std::time::Duration;

/// Everything the emulator can be told at start. `Default` is what the binary uses
/// with no flags: loopback, a free port, any API key, one-hour tokens.
#[derive(Debug, Clone)]
pub struct MockConfig {
    /// Address to listen on; loopback unless asked otherwise.
    pub host: IpAddr,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// The only API key `/authorize` accepts; `None` accepts any non-empty key.
    pub api_key: Option<String>,
    /// Lifetime of the bearer tokens it issues (Payroc and PayTrace).
    pub token_lifetime: Duration,
    /// How long a Cloud device takes to finish an instruction.
    pub instruction_delay: Duration,
    /// How long a `GET` on an `inProgress` instruction is held open (the gateway holds
    /// about 60 s).
    pub long_poll_hold: Duration,
    /// PayTrace API user name and password accepted by `/v3/token`; `None` accepts
    /// any non-empty pair.
    pub paytrace_credentials: Option<(String, String)>,
    /// Faults injected from the start.
    pub faults: FaultConfig,
    /// Seed for every random choice (faults, ids), so a run can be reproduced.
    pub seed: u64,
    /// How long a connection may take to send a complete request head, counted from
    /// when it opened or, on a kept-alive connection, from the end of its previous
    /// response. So it is also the idle keep-alive timeout: a client that sends half
    /// a request line (slowloris), or nothing at all, is disconnected after it.
    pub header_read_timeout: Duration,
    /// The wait before the first retry of an event notification the webhook did not
    /// take; it doubles before each further retry (up to five retries, six tries in all).
    pub delivery_backoff: Duration,
}

impl Default for MockConfig {
    fn default() -> Self {
        Self {
            host: IpAddr::from([127, 0, 0, 1]),
            port: 0,
            api_key: None,
            token_lifetime: Duration::from_secs(3600),
            instruction_delay: Duration::from_millis(200),
            long_poll_hold: Duration::from_secs(60),
            paytrace_credentials: None,
            faults: FaultConfig::default(),
            seed: 0x5eed,
            header_read_timeout: Duration::from_secs(30),
            delivery_backoff: Duration::from_millis(200),
        }
    }
}

impl MockConfig {
    /// A configuration for fast tests: instructions finish after 50 ms, long polls
    /// are held for at most 2 s, and notifications are retried from 20 ms on.
    pub fn for_tests() -> Self {
        Self {
            instruction_delay: Duration::from_millis(50),
            long_poll_hold: Duration::from_secs(2),
            delivery_backoff: Duration::from_millis(20),
            ..Self::default()
        }
    }
}
