//! A faithful, stateful local emulator of the Payroc API (identity, secure tokens,
//! card payments and refunds, Payroc Cloud, payment links, payment plans and
//! subscriptions) and PayTrace's recurring-payments API, over real HTTP on loopback.
//! Tests in every language, the quickstart and the benchmarks run against it; users
//! develop offline against it.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let server = payroc_mock::start(payroc_mock::MockConfig::default()).await?;
//! println!("identity: {}/authorize, API: {}", server.base_url(), server.api_url());
//! # Ok(()) }
//! ```
//!
//! # Layout
//! - `clock` — dates in the API's formats ([`date_in_days`], [`us_date_in_days`] for
//!   tests and examples), and the emulator's own clock, which tests move forward
//!   ([`Mock::advance_clock`], `POST /_mock/clock`): subscriptions charge and links
//!   expire by it.
//! - `config` — [`MockConfig`]: address, credentials, token lifetime, Cloud timing.
//! - `server` — the accept loop, with a per-connection kill switch for dropped
//!   connections and a header-read (and idle keep-alive) timeout.
//! - `gateway` — what every request passes first: counters, faults, authentication,
//!   media type, idempotency (replay and conflict).
//! - `faults` — seeded fault injection, including commit-then-drop.
//! - `hostile` — the answers of a hostile server (garbled, redirect, endless,
//!   huge, card-echoing) for queued faults.
//! - `store` — the state: tokens, idempotency keys, counters, request log, and the
//!   ledger (`store::ledger`: every resource held, as data; the routes hold the rules).
//! - `routes` — one module per API area, plus `control` (`/_mock`, one table:
//!   [`CONTROL_ROUTES`]) for tests.
//! - `problem` — problem-details error responses, and the refusals handlers answer with.
#![forbid(unsafe_code)]
// Handlers answer errors with a ready `Response`; boxing it in every `Result` would only
// add noise to code that returns it straight to axum.
#![allow(clippy::result_large_err)]

mod clock;
mod config;
mod faults;
mod gateway;
mod hostile;
mod patch;
mod problem;
mod routes;
mod server;
mod store;

pub use clock::{date_in_days, us_date_in_days};
pub use config::MockConfig;
pub use faults::{Fault, FaultConfig, QueuedFault};
pub use gateway::LoggedRequest;
pub use routes::{ControlRoute, SettledTransfers, CONTROL_ROUTES};
pub use store::{Counters, PaytraceGrant};

use std::future::Future;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use store::Store;
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};

/// The emulator's shared state: configuration, faults and the store.
#[derive(Debug)]
pub struct Mock {
    config: MockConfig,
    faults: faults::Faults,
    store: Mutex<Store>,
    /// The emulator's clock (tests move it forward).
    clock: clock::Clock,
    /// Bumped whenever an instruction changes, to wake long polls.
    changes: watch::Sender<u64>,
}

impl Mock {
    fn new(config: MockConfig) -> Arc<Self> {
        let faults = faults::Faults::new(config.faults.clone(), config.seed);
        let store = Store::new(config.seed);
        Arc::new(Self {
            config,
            faults,
            store: Mutex::new(store),
            clock: clock::Clock::default(),
            changes: watch::channel(0).0,
        })
    }

    /// Runs `f` with the store locked. Never held across an await.
    fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        let mut store = self
            .store
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut store)
    }

    /// Wakes every long poll to look at its instruction again.
    fn notify_changed(&self) {
        self.changes.send_modify(|v| *v += 1);
    }

    /// Request counters (also at `GET /_mock/counters`).
    pub fn counters(&self) -> Counters {
        self.with_store(|s| s.counters.clone())
    }

    /// The request log, oldest first (also at `GET /_mock/requests`).
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.with_store(|s| s.request_log.iter().cloned().collect())
    }

    /// The requests on one route template (`/v1/payments`), oldest first.
    pub fn requests_on(&self, route: &str) -> Vec<LoggedRequest> {
        self.with_store(|s| {
            s.request_log
                .iter()
                .filter(|r| r.route == route)
                .cloned()
                .collect()
        })
    }

    /// Closes the bank-transfer batch (also `POST /_mock/bank-transfers/settle`): every
    /// bank-transfer payment and refund in the open batch settles (`complete`).
    pub fn settle_bank_transfers(&self) -> SettledTransfers {
        self.with_store(routes::settle_bank_transfers)
    }

    /// The whole ledger as JSON (also at `GET /_mock/ledger`).
    pub fn ledger(&self) -> serde_json::Value {
        self.with_store(|s| s.ledger_json())
    }

    /// Sets the fault rates (also `PUT /_mock/faults`).
    pub fn set_faults(&self, faults: FaultConfig) {
        self.faults.set_config(faults);
    }

    /// Queues faults for the next matching requests (also `POST /_mock/faults/next`).
    pub fn queue_faults(&self, faults: Vec<QueuedFault>) {
        self.faults.enqueue(faults);
    }

    /// Forgets every state and fault (also `POST /_mock/reset`).
    pub fn reset(&self) {
        self.faults.clear();
        self.with_store(|s| *s = Store::new(self.config.seed));
        self.clock.reset();
        self.notify_changed();
    }

    /// Moves the emulator's clock `days` forward (also `POST /_mock/clock`) and
    /// collects every automatic subscription payment that has fallen due; returns
    /// the new date and the payments made.
    pub fn advance_clock(&self, days: u32) -> ClockAdvance {
        self.clock.advance_days(i64::from(days));
        let today = self.clock.today();
        let now = self.clock.now_rfc3339();
        // The batches of the day just left close before the day's subscription
        // payments are taken (those belong to the new day) and before funding
        // instructions are reviewed (a deposit credits the funding balance).
        let day = self.today_number();
        let (payment_ids, funding_instruction_ids) = self.with_store(|s| {
            routes::settle_due(s, day, &now, None);
            (
                routes::collect_due_payments(s, &today, &now),
                routes::review_instructions(s, &today, &now),
            )
        });
        // Payroc's review of processing accounts and the shipping of terminal orders
        // follow the same days.
        self.with_store(|s| routes::review_boarding(s, day, &now));
        ClockAdvance {
            today,
            offset_days: self.clock.offset_days(),
            payment_ids,
            funding_instruction_ids,
        }
    }

    /// The emulator's date as days since the epoch.
    pub(crate) fn today_number(&self) -> i64 {
        clock::parse_iso_date(&self.clock.today()).unwrap_or_default()
    }

    /// Closes the open batches if the emulator's date has passed their day (every
    /// API request passes here first); `host` is where the reports' links point.
    fn settle_due(&self, host: Option<&str>) {
        let day = self.today_number();
        let now = self.clock.now_rfc3339();
        self.with_store(|s| routes::settle_due(s, day, &now, host));
    }

    /// Credits `amount` (minor units of USD) of settled funds to `merchant_id`'s
    /// funding balance, as one `credit` movement of funding activity (also
    /// `POST /_mock/funding/credit`); `merchant_name` sets the merchant's DBA name
    /// that activity shows. Returns the movement and the balance after it.
    pub fn credit_funding(
        &self,
        merchant_id: &str,
        merchant_name: Option<&str>,
        amount: i64,
        description: &str,
    ) -> FundingCredit {
        let now = self.clock.now_rfc3339();
        self.with_store(|s| {
            let activity_id =
                routes::credit_funding(s, merchant_id, merchant_name, amount, description, &now);
            FundingCredit {
                activity_id,
                balance: routes::merchant_balance(s, merchant_id),
            }
        })
    }

    /// The emulator's date and how far it runs ahead of real time (also
    /// `GET /_mock/clock`).
    pub fn clock(&self) -> ClockAdvance {
        ClockAdvance {
            today: self.clock.today(),
            offset_days: self.clock.offset_days(),
            payment_ids: Vec::new(),
            funding_instruction_ids: Vec::new(),
        }
    }

    /// Closes every open batch now, dated today (also `POST /_mock/batches/close`):
    /// settles its payments and refunds and makes its ACH deposit; returns the batches.
    pub fn close_batches(&self) -> Vec<payroc_model::settlement::Batch> {
        let day = self.today_number();
        let now = self.clock.now_rfc3339();
        self.with_store(|s| routes::settlement::close_now(s, day, &now))
    }

    /// Opens a dispute of `amount` (all of it when `None`) on the settled sale
    /// `payment_id` (also `POST /_mock/disputes`); the merchant's next deposit takes it.
    /// `Err` says why not (unknown or unsettled payment, amount out of range).
    pub fn open_dispute(
        &self,
        payment_id: &str,
        amount: Option<i64>,
    ) -> Result<payroc_model::settlement::Dispute, String> {
        let day = self.today_number();
        let request = routes::settlement::OpenDispute::for_payment(payment_id, amount);
        self.with_store(|s| routes::settlement::open_dispute(s, day, request))
            .map_err(|refusal| refusal.message())
    }

    /// Moves dispute `dispute_id` to `status` (also
    /// `POST /_mock/disputes/{disputeId}/statuses`).
    pub fn change_dispute_status(
        &self,
        dispute_id: i64,
        status: payroc_model::settlement::DisputeStatusValue,
    ) -> Result<payroc_model::settlement::Dispute, String> {
        let day = self.today_number();
        let request = routes::settlement::NewDisputeStatus { status };
        self.with_store(|s| {
            routes::settlement::change_dispute_status(s, day, &dispute_id.to_string(), request)
        })
        .map_err(|refusal| refusal.message())
    }

    /// Makes every issued bearer token expired (also `POST /_mock/tokens/expire`).
    pub fn expire_tokens(&self) {
        self.with_store(Store::expire_tokens);
    }
}

/// The emulator's clock after a move (`POST /_mock/clock`) or as it stands
/// (`GET /_mock/clock`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ClockAdvance {
    /// The emulator's date, `YYYY-MM-DD`.
    pub today: String,
    /// Whole days it runs ahead of real time.
    pub offset_days: i64,
    /// The payments the move collected (subscription payments that fell due), oldest
    /// first; empty when only reading the clock.
    pub payment_ids: Vec<String>,
    /// The funding instructions the move completed (paid out), oldest first.
    pub funding_instruction_ids: Vec<i64>,
}

/// Settled funds credited to a merchant's funding balance ([`Mock::credit_funding`],
/// `POST /_mock/funding/credit`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FundingCredit {
    /// The `credit` movement of funding activity.
    pub activity_id: i64,
    /// The merchant's balance after it.
    pub balance: payroc_model::funding::MerchantBalance,
}

/// A running emulator. Dropping it stops the server.
#[derive(Debug)]
pub struct MockServer {
    addr: SocketAddr,
    mock: Arc<Mock>,
    shutdown: Option<oneshot::Sender<()>>,
}

impl MockServer {
    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`: the identity base URL (`/authorize`) and PayTrace's (`/v3`).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The Payroc API base URL (`…/v1`).
    pub fn api_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// The emulator's state, for in-process tests.
    pub fn mock(&self) -> &Arc<Mock> {
        &self.mock
    }

    /// Stops accepting connections.
    pub fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Binds `config.host:config.port` and serves in the background on the current
/// Tokio runtime.
pub async fn start(config: MockConfig) -> std::io::Result<MockServer> {
    let listener = TcpListener::bind((config.host, config.port)).await?;
    let addr = listener.local_addr()?;
    let header_read_timeout = config.header_read_timeout;
    let mock = Mock::new(config);
    let (tx, rx) = oneshot::channel();
    let app = routes::router(mock.clone());
    tokio::spawn(routes::dispatch_notifications(Arc::downgrade(&mock)));
    tokio::spawn(server::serve(listener, app, header_read_timeout, async {
        let _ = rx.await;
    }));
    Ok(MockServer {
        addr,
        mock,
        shutdown: Some(tx),
    })
}

/// What ends [`serve_until_stopped`] besides SIGTERM and SIGINT (Ctrl-C).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum StopOn {
    /// Only a signal. Standard input is never read, so it may be anything: closed,
    /// `/dev/null`, a terminal the program runs on in the background, a service
    /// manager's or a container's.
    #[default]
    Signal,
    /// A signal, or the end of standard input: the parent process that holds its write
    /// end has exited (or closed it). The program's `--exit-with-parent`, for a test
    /// script that must not leave an emulator behind when it dies.
    SignalOrStdinEof,
}

/// What the `payroc-mock` program does once started, for any program that hosts the
/// emulator: prints the base URL as the first line on stdout, then serves until SIGTERM
/// or SIGINT (Ctrl-C) arrives or, with [`StopOn::SignalOrStdinEof`], standard input
/// reaches its end; then stops accepting connections and returns.
///
/// The signal handlers are in place before the URL is printed, so a parent that has
/// read the URL may send SIGTERM at once. Fails, before printing anything, only if
/// they cannot be installed (or the stdin watcher thread cannot be started).
pub async fn serve_until_stopped(server: MockServer, stop_on: StopOn) -> std::io::Result<()> {
    let signalled = stop_signal()?;
    let stdin_eof = match stop_on {
        StopOn::Signal => None,
        StopOn::SignalOrStdinEof => Some(stdin_eof()?),
    };
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "{}", server.base_url());
    let _ = stdout.flush();
    tokio::select! {
        () = signalled => {}
        () = async {
            match stdin_eof {
                Some(eof) => { let _ = eof.await; }
                None => std::future::pending().await,
            }
        } => {}
    }
    server.shutdown();
    Ok(())
}

/// Completes at the first SIGTERM or SIGINT (elsewhere than Unix: Ctrl-C). Both are
/// handled, not left to their default action, so the program exits with status 0, and
/// so that it stops at all as PID 1 in a container, where unhandled signals are ignored.
#[cfg(unix)]
fn stop_signal() -> std::io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    Ok(async move {
        tokio::select! {
            _ = terminate.recv() => {}
            _ = interrupt.recv() => {}
        }
    })
}

#[cfg(not(unix))]
fn stop_signal() -> std::io::Result<impl Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

/// Reads standard input to its end on a thread of its own, discarding it. A detached
/// thread rather than `spawn_blocking`: the runtime waits for blocking tasks when it
/// shuts down, and this one may never return.
fn stdin_eof() -> std::io::Result<oneshot::Receiver<()>> {
    let (tx, rx) = oneshot::channel();
    std::thread::Builder::new()
        .name("payroc-mock-stdin".into())
        .spawn(move || {
            let _ = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink());
            let _ = tx.send(());
        })?;
    Ok(rx)
}

/// Serves on an already-bound listener until `shutdown` completes.
pub async fn run(listener: TcpListener, config: MockConfig, shutdown: impl Future<Output = ()>) {
    let header_read_timeout = config.header_read_timeout;
    let mock = Mock::new(config);
    tokio::spawn(routes::dispatch_notifications(Arc::downgrade(&mock)));
    let app = routes::router(mock);
    server::serve(listener, app, header_read_timeout, shutdown).await;
}
