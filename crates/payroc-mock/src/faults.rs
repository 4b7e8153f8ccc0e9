//! Fault injection: error statuses, latency, dropped connections, and the fault that
//! matters most for money, commit-then-drop (the request takes effect, the client
//! sees only a broken connection). Draws come from a seeded generator, so a run with
//! the same seed and the same request order injects the same faults.

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
    pub(crate) fn decide(&self, method: &str, path: &str) -> (Option<Fault>, u64, u64) {
        let config = self.config();
        {
            let mut queue = self.queue.lock().expect("fault queue lock");
            let hit = queue.iter().position(|q| {
                q.method
                    .as_deref()
                    .is_none_or(|m| m.eq_ignore_ascii_case(method))
                    && q.path_prefix.as_deref().is_none_or(|p| path.starts_with(p))
            });
            if let Some(i) = hit {
                let queued = queue.remove(i).map(|q| q.fault);
                return (queued, config.latency_ms, config.retry_after_secs);
            }
        }
        let r = self.draw();
        let mut edge = 0.0;
        let mut fault = None;
        for (rate, kind) in [
            (config.error500, Fault::Error500),
            (config.error503, Fault::Error503),
            (config.error429, Fault::Error429),
            (config.reset, Fault::Reset),
            (config.commit_then_drop, Fault::CommitThenDrop),
        ] {
            edge += rate;
            if r < edge {
                fault = Some(kind);
                break;
            }
        }
        (fault, config.latency_ms, config.retry_after_secs)
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
                .map(|_| f.decide("POST", "/v1/payments").0)
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
        f.enqueue(vec![QueuedFault {
            fault: Fault::CommitThenDrop,
            method: Some("POST".into()),
            path_prefix: Some("/v1/payments".into()),
        }]);
        assert_eq!(f.decide("GET", "/v1/payments").0, None);
        assert_eq!(f.decide("POST", "/v1/refunds").0, None);
        assert_eq!(
            f.decide("POST", "/v1/payments").0,
            Some(Fault::CommitThenDrop)
        );
        assert_eq!(f.decide("POST", "/v1/payments").0, None);
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
