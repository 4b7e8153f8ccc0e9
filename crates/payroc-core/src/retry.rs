//! The retry decision, as a pure function of what happened, so it is tested as a
//! table. Exponential backoff with full jitter, `Retry-After` honoured, bounded by
//! attempts and by total time; nothing that may have taken effect is retried unless
//! the request carries an idempotency key.

use crate::http::TransportErrorKind;
use std::time::Duration;

/// How hard to try.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 = no retries).
    pub max_attempts: u32,
    /// Backoff ceiling of the first retry; doubles per retry.
    pub base_delay: Duration,
    /// Longest single wait, `Retry-After` included.
    pub max_delay: Duration,
    /// No retry starts after this much time since the first attempt.
    pub max_elapsed: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(20),
            max_elapsed: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }
}

/// What an attempt came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The server answered with this status (and maybe `Retry-After`).
    Status {
        /// HTTP status.
        status: u16,
        /// Parsed `Retry-After`.
        retry_after: Option<Duration>,
    },
    /// No response.
    Transport(TransportErrorKind),
}

/// Whether the request can be sent again without risk of doing it twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replay {
    /// Safe to repeat: a read, or a write carrying an idempotency key.
    Safe,
    /// A write without an idempotency key: repeat only if it surely did nothing.
    Unsafe,
}

/// The decision after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Give up and report the outcome.
    Stop,
    /// Wait this long, then try again.
    RetryAfter(Duration),
}

/// Decides what to do after attempt number `attempt` (1-based) came to `outcome`,
/// `elapsed` after the first attempt began. `jitter` is a uniform draw in [0, 1).
pub fn decide(
    policy: &RetryPolicy,
    outcome: Outcome,
    replay: Replay,
    attempt: u32,
    elapsed: Duration,
    jitter: f64,
) -> Decision {
    if attempt >= policy.max_attempts {
        return Decision::Stop;
    }
    let (retryable, retry_after) = match outcome {
        Outcome::Status {
            status,
            retry_after,
        } => {
            let retryable = match status {
                // Throttled: the server refused before doing anything.
                429 => true,
                408 | 500 | 502 | 503 | 504 => replay == Replay::Safe,
                _ => false,
            };
            (retryable, retry_after)
        }
        Outcome::Transport(TransportErrorKind::Connect) => (true, None),
        // The same malformed request would fail the same way.
        Outcome::Transport(TransportErrorKind::InvalidRequest) => (false, None),
        Outcome::Transport(_) => (replay == Replay::Safe, None),
    };
    if !retryable {
        return Decision::Stop;
    }
    let delay = match retry_after {
        Some(wait) => wait.min(policy.max_delay),
        None => {
            let exp = 2u32.saturating_pow(attempt.saturating_sub(1));
            let ceiling = policy.base_delay.saturating_mul(exp).min(policy.max_delay);
            ceiling.mul_f64(jitter.clamp(0.0, 1.0))
        }
    };
    if elapsed + delay > policy.max_elapsed {
        return Decision::Stop;
    }
    Decision::RetryAfter(delay)
}

/// Parses `Retry-After` given in seconds (HTTP dates are treated as absent).
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Decision::*;

    const MS: fn(u64) -> Duration = Duration::from_millis;

    fn status(s: u16) -> Outcome {
        Outcome::Status {
            status: s,
            retry_after: None,
        }
    }

    #[test]
    fn decision_table() {
        let p = RetryPolicy::default();
        let cases: &[(Outcome, Replay, u32, Decision)] = &[
            (status(503), Replay::Safe, 1, RetryAfter(MS(50))),
            (status(500), Replay::Safe, 2, RetryAfter(MS(100))),
            (status(502), Replay::Safe, 3, RetryAfter(MS(200))),
            (status(503), Replay::Safe, 4, Stop),
            (status(408), Replay::Safe, 1, RetryAfter(MS(50))),
            (status(429), Replay::Unsafe, 1, RetryAfter(MS(50))),
            (status(503), Replay::Unsafe, 1, Stop),
            (status(500), Replay::Unsafe, 1, Stop),
            (status(400), Replay::Safe, 1, Stop),
            (status(401), Replay::Safe, 1, Stop),
            (status(404), Replay::Safe, 1, Stop),
            (status(409), Replay::Safe, 1, Stop),
            (status(501), Replay::Safe, 1, Stop),
            (
                Outcome::Transport(TransportErrorKind::Connect),
                Replay::Unsafe,
                1,
                RetryAfter(MS(50)),
            ),
            (
                Outcome::Transport(TransportErrorKind::Io),
                Replay::Safe,
                1,
                RetryAfter(MS(50)),
            ),
            (
                Outcome::Transport(TransportErrorKind::Io),
                Replay::Unsafe,
                1,
                Stop,
            ),
            (
                Outcome::Transport(TransportErrorKind::Timeout),
                Replay::Safe,
                1,
                RetryAfter(MS(50)),
            ),
            (
                Outcome::Transport(TransportErrorKind::Timeout),
                Replay::Unsafe,
                1,
                Stop,
            ),
            (
                Outcome::Transport(TransportErrorKind::InvalidRequest),
                Replay::Safe,
                1,
                Stop,
            ),
        ];
        for (i, (outcome, replay, attempt, want)) in cases.iter().enumerate() {
            let got = decide(&p, *outcome, *replay, *attempt, Duration::ZERO, 0.5);
            assert_eq!(
                got, *want,
                "case {i}: {outcome:?} {replay:?} attempt {attempt}"
            );
        }
    }

    #[test]
    fn full_jitter_spans_zero_to_the_ceiling() {
        let p = RetryPolicy::default();
        let at = |j| decide(&p, status(503), Replay::Safe, 3, Duration::ZERO, j);
        assert_eq!(at(0.0), RetryAfter(Duration::ZERO));
        assert_eq!(at(0.999_999), RetryAfter(MS(400).mul_f64(0.999_999)));
    }

    #[test]
    fn retry_after_is_honoured_and_capped() {
        let p = RetryPolicy::default();
        let throttled = |secs| Outcome::Status {
            status: 429,
            retry_after: Some(Duration::from_secs(secs)),
        };
        assert_eq!(
            decide(&p, throttled(2), Replay::Safe, 1, Duration::ZERO, 0.1),
            RetryAfter(Duration::from_secs(2))
        );
        assert_eq!(
            decide(&p, throttled(600), Replay::Safe, 1, Duration::ZERO, 0.1),
            RetryAfter(p.max_delay)
        );
    }

    #[test]
    fn total_time_bounds_retries() {
        let p = RetryPolicy {
            max_elapsed: Duration::from_secs(1),
            ..RetryPolicy::default()
        };
        assert_eq!(decide(&p, status(503), Replay::Safe, 1, MS(990), 0.9), Stop);
        assert_eq!(
            decide(&p, status(503), Replay::Safe, 1, MS(900), 0.9),
            RetryAfter(MS(90))
        );
        assert_eq!(
            decide(
                &RetryPolicy::none(),
                status(503),
                Replay::Safe,
                1,
                Duration::ZERO,
                0.5
            ),
            Stop
        );
    }

    #[test]
    fn retry_after_parses_seconds_only() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }
}
