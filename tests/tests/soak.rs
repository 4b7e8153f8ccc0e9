//! The fault soak: 1,000 repeat payments (50 customers × 20 months) through
//! payroc-core against payroc-mock injecting 30 % faults of every kind,
//! commit-then-drop included, with tokens that expire every second.
//! Afterwards: exactly one payment per `orderId`; every call reported as succeeded is
//! in the ledger with the amount asked; every call reported as failed is absent, or
//! is found by retrying it with the same idempotency key; never two token refreshes
//! in flight at once; peak memory reported.
//!
//! With five attempts a call almost never fails, so the same-key retry phase would
//! test nothing: every fifth customer is billed by a client that does not retry,
//! and the test asserts that calls did fail, some of them after the gateway had
//! charged (commit-then-drop), so the retries both replay and create.

use payroc_core::http::{BoxFuture, HttpRequest, HttpResponse, HttpTransport, TransportError};
use payroc_core::model::payment::{Payment, PaymentOrderRequest, ProcessingModel};
use payroc_core::model::Currency;
use payroc_core::repeat::RepeatPaymentSeries;
use payroc_core::retry::RetryPolicy;
use payroc_core::transport::ReqwestTransport;
use payroc_core::{Client, IdempotencyKey, RequestOptions};
use payroc_mock::{FaultConfig, MockConfig};
use payroc_tests::card_sale;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CUSTOMERS: usize = 50;
const MONTHS: usize = 20;
const WORKERS: usize = 8;
/// Every this-many-th customer is billed by the client that does not retry.
const ONE_SHOT_EVERY: usize = 5;

/// The default transport, counting identity requests in flight at once.
struct CountingTransport {
    inner: ReqwestTransport,
    in_flight: AtomicU64,
    max_in_flight: AtomicU64,
}

impl HttpTransport for CountingTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        let identity = request.url.ends_with("/authorize");
        Box::pin(async move {
            if identity {
                let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                self.max_in_flight.fetch_max(now, Ordering::SeqCst);
            }
            let result = self.inner.send(request).await;
            if identity {
                self.in_flight.fetch_sub(1, Ordering::SeqCst);
            }
            result
        })
    }
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// One logical call's outcome, with the key it used and how to make it again.
struct Call {
    /// Made by the client that does not retry.
    one_shot: bool,
    order_id: String,
    amount: i64,
    key: IdempotencyKey,
    again: Again,
    outcome: Result<Payment, payroc_core::Error>,
}

/// The same logical call, to repeat under the same key.
enum Again {
    First,
    Subsequent(RepeatPaymentSeries),
}

async fn repeat(client: &Client, call: &Call) -> Result<Payment, payroc_core::Error> {
    let options = RequestOptions::idempotency_key(call.key.clone());
    match &call.again {
        Again::First => client
            .repeat_payments()
            .options(options)
            .start(
                card_sale(&call.order_id, call.amount),
                ProcessingModel::Recurring,
            )
            .await
            .map(|s| s.payment),
        Again::Subsequent(series) => {
            let order = PaymentOrderRequest::new(call.order_id.clone(), call.amount, Currency::Usd);
            client
                .repeat_payments()
                .options(options)
                .charge(series, order, Vec::new())
                .await
        }
    }
}

async fn run_customer(client: Client, customer: usize, one_shot: bool) -> Vec<Call> {
    let mut calls = Vec::new();
    let amount = 1000 + customer as i64 * 10;
    let order_id = format!("C{customer:02}-M01");
    let key = IdempotencyKey::new();
    let started = client
        .repeat_payments()
        .options(RequestOptions::idempotency_key(key.clone()))
        .start(card_sale(&order_id, amount), ProcessingModel::Recurring)
        .await;
    // A customer whose first payment failed is not dropped: the same logical call is
    // repeated under the same key (safe by design) until it yields the series, so every
    // customer makes all of its calls. The call's outcome is where that ends: the
    // ledger is read afterwards, so a failure a repeat made good is no failure.
    let mut outcome = started;
    for _ in 0..20 {
        if outcome.is_ok() {
            break;
        }
        outcome = client
            .repeat_payments()
            .options(RequestOptions::idempotency_key(key.clone()))
            .start(card_sale(&order_id, amount), ProcessingModel::Recurring)
            .await;
    }
    let series = outcome.as_ref().ok().and_then(|s| s.series.clone().ok());
    calls.push(Call {
        one_shot,
        order_id: order_id.clone(),
        amount,
        key: key.clone(),
        again: Again::First,
        outcome: outcome.map(|s| s.payment),
    });
    let Some(series) = series else {
        return calls;
    };
    for month in 2..=MONTHS {
        let order_id = format!("C{customer:02}-M{month:02}");
        let key = IdempotencyKey::new();
        let outcome = client
            .repeat_payments()
            .options(RequestOptions::idempotency_key(key.clone()))
            .charge(
                &series,
                PaymentOrderRequest::new(order_id.clone(), amount, Currency::Usd),
                Vec::new(),
            )
            .await;
        calls.push(Call {
            one_shot,
            order_id,
            amount,
            key,
            again: Again::Subsequent(series.clone()),
            outcome,
        });
    }
    calls
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[allow(clippy::print_stderr)]
async fn a_thousand_repeat_payments_under_thirty_percent_faults() {
    let config = MockConfig {
        faults: FaultConfig {
            error500: 0.06,
            error503: 0.06,
            error429: 0.06,
            retry_after_secs: 0,
            reset: 0.06,
            commit_then_drop: 0.06,
            latency_ms: 5,
        },
        token_lifetime: Duration::from_secs(1),
        seed: 2026,
        ..MockConfig::for_tests()
    };
    let server = payroc_mock::start(config).await.unwrap();
    let transport = Arc::new(CountingTransport {
        inner: ReqwestTransport::new(Duration::from_secs(5), "soak").unwrap(),
        in_flight: AtomicU64::new(0),
        max_in_flight: AtomicU64::new(0),
    });
    let client = Client::builder()
        .api_key("soak-key")
        .base_urls(server.api_url(), server.base_url())
        .transport(transport.clone())
        .retry_policy(RetryPolicy {
            max_attempts: 5,
            base_delay: Duration::from_millis(2),
            max_delay: Duration::from_millis(20),
            max_elapsed: Duration::from_secs(10),
        })
        .build()
        .unwrap();
    // Its own transport: its token fetches are not the single-flight under test.
    let one_shot = Client::builder()
        .api_key("soak-key")
        .base_urls(server.api_url(), server.base_url())
        .retry_policy(RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();

    let rss_start = peak_rss_kib();
    let started = Instant::now();
    // Eight billing workers, each running its share of the customers in turn.
    let tasks: Vec<_> = (0..WORKERS)
        .map(|worker| {
            let (client, one_shot) = (client.clone(), one_shot.clone());
            tokio::spawn(async move {
                let mut calls = Vec::new();
                for customer in (worker..CUSTOMERS).step_by(WORKERS) {
                    let plain = customer % ONE_SHOT_EVERY == 0;
                    let billing = if plain { &one_shot } else { &client };
                    calls.extend(run_customer(billing.clone(), customer, plain).await);
                }
                calls
            })
        })
        .collect();
    let mut calls = Vec::new();
    for task in tasks {
        calls.extend(task.await.unwrap());
    }
    let elapsed = started.elapsed();
    let rss_end = peak_rss_kib();

    let counters = server.mock().counters();
    let ledger = server.mock().ledger();
    let ledger_amounts: HashMap<String, i64> = ledger["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let payment = if p.get("payment").is_some() {
                &p["payment"]
            } else {
                p
            };
            (
                payment["order"]["orderId"].as_str().unwrap().to_owned(),
                payment["order"]["amount"].as_i64().unwrap(),
            )
        })
        .collect();
    assert!(
        counters.payments_per_order_id.values().all(|n| *n == 1),
        "an order was charged twice: {:?}",
        counters
            .payments_per_order_id
            .iter()
            .filter(|(_, n)| **n > 1)
            .collect::<Vec<_>>()
    );

    let (mut succeeded, mut failed) = (0, Vec::new());
    for call in &calls {
        match &call.outcome {
            Ok(payment) => {
                succeeded += 1;
                assert_eq!(
                    ledger_amounts.get(&call.order_id),
                    Some(&call.amount),
                    "{}",
                    call.order_id
                );
                assert_eq!(
                    payment.order.order_id.as_deref(),
                    Some(call.order_id.as_str())
                );
            }
            Err(err) => {
                assert!(err.is_retryable(), "{}: {err}", call.order_id);
                if ledger_amounts.contains_key(&call.order_id) {
                    assert!(
                        err.maybe_processed(),
                        "{} was charged but reported unprocessed: {err}",
                        call.order_id
                    );
                }
                failed.push(call);
            }
        }
    }
    // The faults did make calls fail, some after the gateway had charged: the
    // retries below have both kinds to get right.
    let charged_before_retry = failed
        .iter()
        .filter(|c| ledger_amounts.contains_key(&c.order_id))
        .count();
    assert!(
        failed.len() >= 10,
        "only {} calls failed: the same-key retry phase would test little",
        failed.len()
    );
    assert!(
        charged_before_retry > 0,
        "no failed call had been charged (commit-then-drop): replays untested"
    );
    assert!(
        charged_before_retry < failed.len(),
        "every failed call had been charged: creation on retry untested"
    );
    let replays_before = server.mock().counters().idempotent_replays;

    // A failed call is either absent, or (when it reached the gateway before the
    // failure) found again under its own key: retrying never charges a second time.
    server.mock().set_faults(FaultConfig::default());
    for call in &failed {
        let payment = repeat(&client, call)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", call.order_id));
        assert_eq!(
            payment.order.order_id.as_deref(),
            Some(call.order_id.as_str())
        );
    }
    let counters_after = server.mock().counters();
    assert!(
        counters_after.idempotent_replays >= replays_before + charged_before_retry as u64,
        "each charged-but-failed call was answered from its first attempt"
    );
    assert!(
        failed
            .iter()
            .all(|c| counters_after.payments_per_order_id.get(&c.order_id) == Some(&1)),
        "every failed call exists exactly once after its retry"
    );
    assert!(
        counters_after
            .payments_per_order_id
            .values()
            .all(|n| *n == 1),
        "a retry charged twice"
    );

    let authorize = counters.authorize;
    let max_refreshes = transport.max_in_flight.load(Ordering::SeqCst);
    eprintln!(
        "soak: {} calls ({} succeeded, {} failed) in {:.1?}; {} faults retried; {} token fetches, \
         at most {} in flight; peak RSS {} KiB -> {} KiB",
        calls.len(),
        succeeded,
        failed.len(),
        elapsed,
        server
            .mock()
            .requests()
            .iter()
            .filter(|r| r.fault.is_some())
            .count(),
        authorize,
        max_refreshes,
        rss_start,
        rss_end
    );
    assert_eq!(calls.len(), CUSTOMERS * MONTHS);
    assert_eq!(
        max_refreshes, 1,
        "never two token refreshes in flight at once"
    );
    assert!(
        authorize >= 2,
        "tokens expired and were refreshed during the soak"
    );
    let retried: Vec<_> = calls.iter().filter(|c| !c.one_shot).collect();
    let retried_ok = retried.iter().filter(|c| c.outcome.is_ok()).count();
    assert!(
        retried_ok >= retried.len() * 95 / 100,
        "with retries, {retried_ok} of {} succeeded",
        retried.len()
    );
    assert!(succeeded > 0);
    assert!(
        rss_end.saturating_sub(rss_start) < 128 * 1024,
        "peak memory grew by more than 128 MiB"
    );
}
