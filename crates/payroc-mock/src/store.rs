//! The emulator's state. One mutex guards it; handlers hold it only between awaits.

pub(crate) mod ledger;

use crate::gateway::{Idempotent, LoggedRequest};
use axum::http::Method;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::time::{Duration, Instant};

/// How many requests the log keeps.
const LOG_CAPACITY: usize = 20_000;

/// Request counters for tests.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counters {
    /// Requests per `METHOD /route/{template}`.
    pub requests: BTreeMap<String, u64>,
    /// Tokens issued by `POST /authorize`.
    pub authorize: u64,
    /// Tokens issued by PayTrace's `POST /v3/token`.
    pub paytrace_token: u64,
    /// Payments created per `order.orderId`.
    pub payments_per_order_id: BTreeMap<String, u64>,
    /// Requests answered from the idempotency store.
    pub idempotent_replays: u64,
    /// Every PayTrace `POST /v3/token` request, oldest first: which grant it asked for
    /// and how it was answered.
    pub paytrace_grants: Vec<PaytraceGrant>,
}

/// One PayTrace token request, as `/_mock/counters` lists it in `paytraceGrants`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaytraceGrant {
    /// The `grant_type` sent (`client_credentials`, `refresh_token`), if any.
    pub grant_type: Option<String>,
    /// Whether a non-empty `refresh_token` was sent.
    pub refresh_token_sent: bool,
    /// Whether a non-empty `client_secret` (the API password) was sent.
    pub client_secret_sent: bool,
    /// The status answered: `201` when a token was issued, so a `refresh_token` grant
    /// with `201` redeemed a refresh token this emulator issued and had not seen used.
    pub status: u16,
}

/// Everything the emulator remembers.
#[derive(Debug)]
pub(crate) struct Store {
    rng: u64,
    tokens: HashMap<String, Instant>,
    paytrace_tokens: HashMap<String, Instant>,
    pub(crate) paytrace_refresh_tokens: HashSet<String>,
    pub(crate) idempotency: HashMap<String, Idempotent>,
    pub(crate) counters: Counters,
    pub(crate) request_log: VecDeque<LoggedRequest>,
    log_start: u64,
    pub(crate) ledger: ledger::Ledger,
}

impl Store {
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            rng: seed,
            tokens: HashMap::new(),
            paytrace_tokens: HashMap::new(),
            paytrace_refresh_tokens: HashSet::new(),
            idempotency: HashMap::new(),
            counters: Counters::default(),
            request_log: VecDeque::new(),
            log_start: 0,
            ledger: ledger::Ledger::default(),
        }
    }

    /// The next number of a seeded splitmix64 sequence.
    pub(crate) fn next_random(&mut self) -> u64 {
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A random id of `len` characters from `alphabet`.
    pub(crate) fn random_id(&mut self, len: usize, alphabet: &[u8]) -> String {
        (0..len)
            .map(|_| {
                let n = alphabet.len() as u64;
                alphabet[(self.next_random() % n) as usize] as char
            })
            .collect()
    }

    /// A 10-character gateway id such as `M2MJOG6O2Y`.
    pub(crate) fn gateway_id(&mut self) -> String {
        self.random_id(10, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    }

    /// A 32-hex-character id, as Cloud instructions have.
    pub(crate) fn hex_id(&mut self) -> String {
        self.random_id(32, b"0123456789abcdef")
    }

    pub(crate) fn issue_token(&mut self, lifetime: Duration, paytrace: bool) -> String {
        let token = format!(
            "mock_{}",
            self.random_id(40, b"abcdefghijklmnopqrstuvwxyz0123456789")
        );
        let expiry = Instant::now() + lifetime;
        if paytrace {
            self.paytrace_tokens.insert(token.clone(), expiry);
            self.counters.paytrace_token += 1;
        } else {
            self.tokens.insert(token.clone(), expiry);
            self.counters.authorize += 1;
        }
        token
    }

    pub(crate) fn token_valid(&mut self, token: &str, paytrace: bool) -> bool {
        let tokens = if paytrace {
            &self.paytrace_tokens
        } else {
            &self.tokens
        };
        tokens
            .get(token)
            .is_some_and(|expiry| *expiry > Instant::now())
    }

    pub(crate) fn expire_tokens(&mut self) {
        let past = Instant::now();
        for expiry in self
            .tokens
            .values_mut()
            .chain(self.paytrace_tokens.values_mut())
        {
            *expiry = past;
        }
    }

    pub(crate) fn count_request(&mut self, method: &Method, route: &str) {
        *self
            .counters
            .requests
            .entry(format!("{method} {route}"))
            .or_default() += 1;
    }

    /// Appends to the bounded log; returns the entry's sequence number.
    pub(crate) fn log_request(&mut self, entry: LoggedRequest) -> u64 {
        if self.request_log.len() == LOG_CAPACITY {
            self.request_log.pop_front();
            self.log_start += 1;
        }
        self.request_log.push_back(entry);
        self.log_start + self.request_log.len() as u64 - 1
    }

    pub(crate) fn mark_replayed(&mut self, index: u64) {
        self.counters.idempotent_replays += 1;
        if let Some(entry) = index
            .checked_sub(self.log_start)
            .and_then(|i| self.request_log.get_mut(i as usize))
        {
            entry.replayed = true;
        }
    }

    pub(crate) fn ledger_json(&self) -> serde_json::Value {
        serde_json::to_value(&self.ledger).unwrap_or_default()
    }
}
