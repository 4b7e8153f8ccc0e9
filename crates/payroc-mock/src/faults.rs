//! Fault injection: error statuses, latency, dropped connections, and the fault that
//! matters most for money, commit-then-drop (the request takes effect, the client
//! sees only a broken connection). Draws come from a seeded generator, so a run with
//! the same seed and the same request order injects the same faults.
//!
//! Queued faults (for the next matching request only) also include a hostile
//! server's tricks: a committed request answered with unreadable JSON, a redirect,
//! a body that never ends, a 20 MB error, no answer at all, an error that echoes card
//! data, a Cloud instruction that completes just as it is cancelled, and a reply
//! with fields no SDK knows yet.

use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Rates (each 0.0–1.0, drawn once per request, so their sum is the total fault
/// rate) and the added latency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FaultConfig {
    /// Share of requests answered `500 Internal Server Error` without being handled.
    pub error500: f64,
    /// Share answered `503 Service Unavailable` without being handled.
    pub error503: f64,
    /// Share answered `429 Too Many Requests` with `Retry-After`, without being handled.
    pub error429: f64,
    /// `Retry-After` seconds sent with injected 429s.
    pub retry_after_secs: u64,
    /// Share whose connection is closed before the request is handled.
    pub reset: f64,
    /// Share that are handled (and committed), after which the connection is closed
    /// without a response.
    pub commit_then_drop: f64,
    /// Milliseconds added before every request is handled.
    pub latency_ms: u64,
}

impl FaultConfig {
    /// Checks every rate is within 0–1 and their sum at most 1.
    pub fn check(&self) -> Result<(), String> {
        let rates = [
            ("error500", self.error500),
            ("error503", self.error503),
            ("error429", self.error429),
            ("reset", self.reset),
            ("commitThenDrop", self.commit_then_drop),
        ];
        for (name, rate) in rates {
            if !(0.0..=1.0).contains(&rate) {
                return Err(format!("{name} must be between 0 and 1 (got {rate})"));
            }
        }
        let total: f64 = rates.iter().map(|(_, r)| r).sum();
        if total > 1.0 + 1e-9 {
            return Err(format!("the fault rates add up to {total}; at most 1"));
        }
        Ok(())
    }
}

/// What happens to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Fault {
    /// `500`, not handled.
    Error500,
    /// `503`, not handled.
    Error503,
    /// `429` with `Retry-After`, not handled.
    Error429,
    /// Connection closed before handling.
    Reset,
    /// Handled, then the connection closed without a response.
    CommitThenDrop,
    /// Handled and committed, then answered with its real 2xx status and
    /// `content-type: application/json`, but the body `{"paymentId": ` (truncated).
    CommitThenGarble,
    /// Not handled; `307 Temporary Redirect` to the queued fault's `location`. Queued
    /// only (it needs a `location`).
    Redirect,
    /// Not handled; `200 application/json` with a chunked body that never ends (`[`
    /// then `0,` forever), until the client goes away.
    EndlessBody,
    /// Not handled; `400 application/problem+json` whose `detail` is 20 MB long.
    HugeError,
    /// Not handled; no answer at all, the connection held open until the client goes
    /// away.
    Hang,
    /// Not handled; a `400` problem whose `detail` and `errors[0].message` quote a
    /// card number and a CVV, as a careless server might.
    CardEcho,
    /// On a `DELETE` of a payment or refund instruction: the device finishes the
    /// instruction first (the payment or refund is made, the link set), so the
    /// cancel is answered `409` as the gateway answers for an instruction no longer
    /// in progress. On other requests it changes nothing.
    CompleteOnCancel,
    /// Handled normally; a 2xx JSON object reply comes back with fields no SDK knows
    /// yet, as from a server a version ahead: `"futureField": {"since": "v2", "count":
    /// 3}` at the top level and `"futureField": "nested"` in every object directly
    /// below it (`order.futureField`).
    NewFields,
}

/// A fault queued for the next request that matches, for deterministic tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueuedFault {
    /// The fault.
    pub fault: Fault,
    /// Only a request with this method (any if absent).
    #[serde(default)]
    pub method: Option<String>,
    /// Only a request whose path starts with this (any if absent).
    #[serde(default)]
    pub path_prefix: Option<String>,
    /// Where a [`Fault::Redirect`] points (its `Location`); required for it, unused by
    /// the others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

impl QueuedFault {
    /// `fault` for the next request, whatever its method and path.
    pub fn new(fault: Fault) -> Self {
        Self {
            fault,
            method: None,
            path_prefix: None,
            location: None,
        }
    }

    /// Only for a request with `method`.
    #[must_use]
    pub fn method(mut self, method: &str) -> Self {
        self.method = Some(method.to_owned());
        self
    }

    /// Only for a request whose path starts with `prefix`.
    #[must_use]
    pub fn path_prefix(mut self, prefix: &str) -> Self {
        self.path_prefix = Some(prefix.to_owned());
        self
    }

    /// Where a [`Fault::Redirect`] points.
    #[must_use]
    pub fn location(mut self, location: &str) -> Self {
        self.location = Some(location.to_owned());
        self
    }

    /// Checks the fault has what it needs: a redirect needs a `location` that can be
    /// a header value.
    pub fn check(&self) -> Result<(), String> {
        if self.fault == Fault::Redirect {
            match self.location.as_deref() {
                None | Some("") => return Err("a redirect fault needs a `location`".to_owned()),
                Some(location) if http::HeaderValue::from_str(location).is_err() => {
                    return Err("the redirect `location` cannot be sent as a header".to_owned())
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

/// What happens to one request: the fault, if any, and the delays.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Decision {
    /// The fault to inject.
    pub(crate) fault: Option<Fault>,
    /// A redirect's `Location`.
    pub(crate) location: Option<String>,
    /// Milliseconds to wait before handling.
    pub(crate) latency_ms: u64,
    /// `Retry-After` seconds of an injected 429.
    pub(crate) retry_after_secs: u64,
}

/// The live fault settings and the seeded generator.
#[derive(Debug)]
pub(crate) struct Faults {
    config: Mutex<FaultConfig>,
    queue: Mutex<VecDeque<QueuedFault>>,
    rng: AtomicU64,
}

impl Faults {
    pub(crate) fn new(config: FaultConfig, seed: u64) -> Self {
        Self {
            config: Mutex::new(config),
            queue: Mutex::new(VecDeque::new()),
            rng: AtomicU64::new(seed),
        }
    }

    pub(crate) fn config(&self) -> FaultConfig {
        self.config.lock().expect("fault config lock").clone()
    }

    pub(crate) fn set_config(&self, config: FaultConfig) {
        *self.config.lock().expect("fault config lock") = config;
    }

    pub(crate) fn enqueue(&self, faults: Vec<QueuedFault>) {
        self.queue.lock().expect("fault queue lock").extend(faults);
    }

    pub(crate) fn clear(&self) {
        self.queue.lock().expect("fault queue lock").clear();
        self.set_config(FaultConfig::default());
    }

    /// A uniform draw in [0, 1) from a splitmix64 sequence.
    fn draw(&self) -> f64 {
        let mut z = self
            .rng
            .fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
            .wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }

    /// The fault for this request (a queued one first), and the latency to add.
    pub(crate) fn decide(&self, method: &str, path: &str) -> Decision {
        let config = self.config();
        let mut decision = Decision {
            fault: None,
            location: None,
            latency_ms: config.latency_ms,
            retry_after_secs: config.retry_after_secs,
        };
        {
            let mut queue = self.queue.lock().expect("fault queue lock");
            let hit = queue.iter().position(|q| {
                q.method
                    .as_deref()
                    .is_none_or(|m| m.eq_ignore_ascii_case(method))
                    && q.path_prefix.as_deref().is_none_or(|p| path.starts_with(p))
            });
            if let Some(queued) = hit.and_then(|i| queue.remove(i)) {
                decision.fault = Some(queued.fault);
                decision.location = queued.location;
                return decision;
            }
        }
        let r = self.draw();
        let mut edge = 0.0;
        for (rate, kind) in [
            (config.error500, Fault::Error500),
            (config.error503, Fault::Error503),
            (config.error429, Fault::Error429),
            (config.reset, Fault::Reset),
            (config.commit_then_drop, Fault::CommitThenDrop),
        ] {
            edge += rate;
            if r < edge {
                decision.fault = Some(kind);
                break;
            }
        }
        decision
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_faults() {
        let config = FaultConfig {
            error500: 0.1,
            error503: 0.1,
            error429: 0.1,
            reset: 0.1,
            commit_then_drop: 0.1,
            ..FaultConfig::default()
        };
        let run = |seed| {
            let f = Faults::new(config.clone(), seed);
            (0..500)
                .map(|_| f.decide("POST", "/v1/payments").fault)
                .collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
        let faults = run(7);
        let hit = faults.iter().filter(|f| f.is_some()).count();
        assert!(
            (150..350).contains(&hit),
            "about half of 500 draws should fault, got {hit}"
        );
        for kind in [
            Fault::Error500,
            Fault::Error503,
            Fault::Error429,
            Fault::Reset,
            Fault::CommitThenDrop,
        ] {
            assert!(faults.contains(&Some(kind)), "{kind:?} never drawn");
        }
    }

    #[test]
    fn queued_faults_match_method_and_path_once() {
        let f = Faults::new(FaultConfig::default(), 1);
        f.enqueue(vec![QueuedFault::new(Fault::CommitThenDrop)
            .method("POST")
            .path_prefix("/v1/payments")]);
        assert_eq!(f.decide("GET", "/v1/payments").fault, None);
        assert_eq!(f.decide("POST", "/v1/refunds").fault, None);
        assert_eq!(
            f.decide("POST", "/v1/payments").fault,
            Some(Fault::CommitThenDrop)
        );
        assert_eq!(f.decide("POST", "/v1/payments").fault, None);
    }

    #[test]
    fn a_redirect_needs_a_location() {
        let redirect = QueuedFault::new(Fault::Redirect);
        assert!(redirect.check().is_err());
        assert!(redirect.clone().location("").check().is_err());
        assert!(redirect.clone().location("http://a/\r\nx").check().is_err());
        assert!(redirect
            .location("http://elsewhere.test/v1")
            .check()
            .is_ok());
        assert!(QueuedFault::new(Fault::Hang).check().is_ok());
        let f = Faults::new(FaultConfig::default(), 1);
        f.enqueue(vec![
            QueuedFault::new(Fault::Redirect).location("http://x.test/")
        ]);
        let decision = f.decide("POST", "/v1/payments");
        assert_eq!(decision.fault, Some(Fault::Redirect));
        assert_eq!(decision.location.as_deref(), Some("http://x.test/"));
    }

    #[test]
    fn rates_are_checked() {
        assert!(FaultConfig {
            error500: 1.5,
            ..FaultConfig::default()
        }
        .check()
        .is_err());
        assert!(FaultConfig {
            error500: 0.6,
            reset: 0.6,
            ..FaultConfig::default()
        }
        .check()
        .is_err());
        assert!(FaultConfig {
            error500: 0.3,
            ..FaultConfig::default()
        }
        .check()
        .is_ok());
    }
}
