//! What every example shares: where to run. With no `PAYROC_API_KEY` in the
//! environment the examples start `payroc-mock` in-process and run against it; with
//! `PAYROC_API_KEY` (and `PAYROC_ENV=uat`, the default) the same code runs against
//! Payroc's UAT.
//!
//! Variables read in UAT mode: `PAYROC_API_KEY`, `PAYROC_ENV` (`uat` or `production`),
//! `PAYROC_TERMINAL_ID`, `PAYROC_DEVICE_SERIAL`, and for PayTrace `PAYTRACE_USERNAME`,
//! `PAYTRACE_PASSWORD`, `PAYTRACE_URL`, `PAYTRACE_CUSTOMER_ID`.
#![forbid(unsafe_code)]

use payroc_core::paytrace::PaytraceClient;
use payroc_core::{Client, Environment};
use payroc_mock::{MockConfig, MockServer};
use std::error::Error;

/// Where the examples run, and the ids they need there.
pub struct Setup {
    /// The Payroc client.
    pub client: Client,
    /// The PayTrace client, when credentials are known (always on the emulator).
    pub paytrace: Option<PaytraceClient>,
    /// The processing terminal to use.
    pub terminal_id: String,
    /// The Payroc Cloud device serial number to use.
    pub device_serial: String,
    /// The PayTrace Vault customer to attach recurrences to.
    pub paytrace_customer_id: i64,
    /// A description of where this runs, for printing.
    pub target: String,
    /// The emulator, when running on it (kept alive for the run).
    pub mock: Option<MockServer>,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Sends `tracing` output to stderr when `PAYROC_LOG` names a level or filter
/// (`PAYROC_LOG=trace`, `PAYROC_LOG=payroc=debug`).
fn init_logging() {
    if let Some(filter) = var("PAYROC_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_writer(std::io::stderr)
            .try_init();
    }
}

/// Connects to UAT when `PAYROC_API_KEY` is set, else to an in-process emulator.
/// Also turns on logging when `PAYROC_LOG` is set.
pub async fn setup() -> Result<Setup, Box<dyn Error>> {
    init_logging();
    if let Some(api_key) = var("PAYROC_API_KEY") {
        let env_name = var("PAYROC_ENV").unwrap_or_else(|| "uat".into());
        let environment = Environment::from_name(&env_name)
            .ok_or_else(|| format!("PAYROC_ENV must be uat or production, not `{env_name}`"))?;
        let client = Client::builder()
            .api_key(api_key)
            .environment(environment)
            .build()?;
        let paytrace = match (var("PAYTRACE_USERNAME"), var("PAYTRACE_PASSWORD")) {
            (Some(user), Some(password)) => {
                let mut builder = PaytraceClient::builder().credentials(user, password);
                if let Some(url) = var("PAYTRACE_URL") {
                    builder = builder.base_url(url);
                }
                Some(builder.build()?)
            }
            _ => None,
        };
        return Ok(Setup {
            client,
            paytrace,
            terminal_id: var("PAYROC_TERMINAL_ID").ok_or("set PAYROC_TERMINAL_ID")?,
            device_serial: var("PAYROC_DEVICE_SERIAL").unwrap_or_default(),
            paytrace_customer_id: var("PAYTRACE_CUSTOMER_ID")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
            target: format!("Payroc {env_name}"),
            mock: None,
        });
    }
    let mock = payroc_mock::start(MockConfig::default()).await?;
    let client = Client::builder()
        .api_key("quickstart-key")
        .base_urls(mock.api_url(), mock.base_url())
        .build()?;
    let paytrace = PaytraceClient::builder()
        .credentials("quickstart-user", "quickstart-password")
        .base_url(mock.base_url())
        .integrator_id("payroc-rs")
        .build()?;
    Ok(Setup {
        client,
        paytrace: Some(paytrace),
        terminal_id: "1234001".into(),
        device_serial: "PAX-A920-0001".into(),
        paytrace_customer_id: 123_456_789,
        target: format!("the embedded payroc-mock at {}", mock.base_url()),
        mock: Some(mock),
    })
}

/// A fresh order id within Payroc's 24-character limit.
pub fn order_id(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let id = format!("{prefix}-{:x}", nanos % 0xffff_ffff_ffff);
    id.chars().take(24).collect()
}

/// The UTC date `days` from today as the Payroc API writes it (`2025-06-30`): a
/// link's `expiresOn` taken from today never lies in the past, whenever this runs.
pub fn date_in_days(days: i64) -> String {
    payroc_mock::date_in_days(days)
}

/// The UTC date `days` from today as PayTrace writes it (`06/30/2025`).
pub fn us_date_in_days(days: i64) -> String {
    payroc_mock::us_date_in_days(days)
}
