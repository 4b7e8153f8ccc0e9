//! The bearer-token cache. Reading a valid token is lock-free (an atomic pointer
//! load); a refresh is single-flight: however many tasks find the token missing or
//! due, one fetches while the rest wait for its result. A token is refreshed a margin
//! before it expires (the official SDKs use two minutes).

use crate::clock::Clock;
use crate::error::Result;
use arc_swap::ArcSwapOption;
use payroc_model::BearerToken;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long before expiry a token is refreshed.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(120);

/// The longest a token is kept, whatever lifetime the server gave it.
pub const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// A token and when to stop using it.
#[derive(Debug)]
pub struct CachedToken {
    /// The bearer token.
    pub token: BearerToken,
    /// A refresh token, where the issuer gives one (PayTrace).
    pub refresh_token: Option<BearerToken>,
    /// After this instant the token is refreshed before use.
    pub refresh_at: Instant,
    /// When the issuer said it expires.
    pub expires_at: Instant,
    /// Which fetch made it (1, 2, …), so a refusal can name the token it refused.
    pub generation: u64,
}

/// What a fetch returns: the token, its lifetime and an optional refresh token.
#[derive(Debug)]
pub struct FetchedToken {
    /// The bearer token.
    pub token: BearerToken,
    /// Lifetime from now.
    pub lifetime: Duration,
    /// A refresh token, if issued.
    pub refresh_token: Option<BearerToken>,
}

/// A single-flight, lock-free-read token cache.
pub struct TokenCache {
    current: ArcSwapOption<CachedToken>,
    generations: std::sync::atomic::AtomicU64,
    refresh: tokio::sync::Mutex<()>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for TokenCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenCache")
            .field("cached", &self.current.load().is_some())
            .finish()
    }
}

impl TokenCache {
    /// An empty cache on `clock`.
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self {
            current: ArcSwapOption::empty(),
            generations: std::sync::atomic::AtomicU64::new(0),
            refresh: tokio::sync::Mutex::new(()),
            clock,
        }
    }

    /// Runs `f` on the cached token if it is still good to use: the hot path. No lock,
    /// and no reference count touched, so readers on many threads share nothing they
    /// write to.
    pub fn with_valid<R>(&self, f: impl FnOnce(&CachedToken) -> R) -> Option<R> {
        let guard = self.current.load();
        match &*guard {
            Some(token) if self.clock.now() < token.refresh_at => Some(f(token)),
            _ => None,
        }
    }

    /// The cached token if it is still good to use (a shared handle to it).
    pub fn peek(&self) -> Option<Arc<CachedToken>> {
        let guard = self.current.load();
        match &*guard {
            Some(token) if self.clock.now() < token.refresh_at => Some(Arc::clone(token)),
            _ => None,
        }
    }

    /// A usable token: the cached one, or one fetched by `fetch` (which gets the
    /// previous token, for refresh-token grants). Concurrent callers share one fetch.
    pub async fn get<F, Fut>(&self, fetch: F) -> Result<Arc<CachedToken>>
    where
        F: FnOnce(Option<Arc<CachedToken>>) -> Fut,
        Fut: Future<Output = Result<FetchedToken>>,
    {
        if let Some(token) = self.peek() {
            return Ok(token);
        }
        let _flight = self.refresh.lock().await;
        // Whoever held the lock before us may have refreshed already.
        if let Some(token) = self.peek() {
            return Ok(token);
        }
        let previous = self.current.load_full();
        let fetched = fetch(previous).await?;
        let now = self.clock.now();
        // A server may claim any lifetime (`expires_in` = i64::MAX): past a day the
        // token is refreshed anyway, and the clock's arithmetic cannot overflow.
        let lifetime = fetched.lifetime.min(MAX_TOKEN_LIFETIME);
        let margin = REFRESH_MARGIN.min(lifetime / 2);
        let generation = self
            .generations
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1;
        let token = Arc::new(CachedToken {
            token: fetched.token,
            refresh_token: fetched.refresh_token,
            refresh_at: now + lifetime - margin,
            expires_at: now + lifetime,
            generation,
        });
        self.current.store(Some(Arc::clone(&token)));
        Ok(token)
    }

    /// Marks the token of `generation` as due for refresh after the server refused it,
    /// unless it was already replaced, so a burst of 401s on one old token costs one
    /// refresh. Its refresh token (if any) stays available to the next fetch.
    pub fn invalidate(&self, generation: u64) {
        let current = self.current.load();
        if let Some(stale) = current.as_ref().filter(|c| c.generation == generation) {
            let now = self.clock.now();
            let due = Arc::new(CachedToken {
                token: stale.token.clone(),
                refresh_token: stale.refresh_token.clone(),
                refresh_at: now,
                expires_at: now,
                generation,
            });
            self.current.compare_and_swap(&*current, Some(due));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;
    use std::sync::atomic::{AtomicU32, Ordering};

    fn fetched(n: u32, lifetime: Duration) -> FetchedToken {
        FetchedToken {
            token: BearerToken::new(format!("token-{n}")),
            lifetime,
            refresh_token: None,
        }
    }

    #[tokio::test]
    async fn fetches_once_then_reuses_until_the_margin() {
        let clock = ManualClock::new();
        let cache = TokenCache::new(Arc::new(clock.clone()));
        let calls = AtomicU32::new(0);
        let fetch = |_prev| {
            let n = calls.fetch_add(1, Ordering::SeqCst) + 1;
            async move { Ok(fetched(n, Duration::from_secs(3600))) }
        };
        let a = cache.get(fetch).await.unwrap();
        let b = cache.get(fetch).await.unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert_eq!(a.token.expose_secret(), b.token.expose_secret());
        clock.advance(Duration::from_secs(3600 - 121));
        assert!(cache.peek().is_some(), "still outside the refresh margin");
        clock.advance(Duration::from_secs(2));
        assert!(cache.peek().is_none(), "inside the two-minute margin");
        let c = cache.get(fetch).await.unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert_eq!(c.token.expose_secret(), "token-2");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_callers_share_one_fetch() {
        let cache = Arc::new(TokenCache::new(Arc::new(ManualClock::new())));
        let calls = Arc::new(AtomicU32::new(0));
        let mut tasks = Vec::new();
        for _ in 0..64 {
            let cache = cache.clone();
            let calls = calls.clone();
            tasks.push(tokio::spawn(async move {
                cache
                    .get(|_| async move {
                        let n = calls.fetch_add(1, Ordering::SeqCst) + 1;
                        tokio::task::yield_now().await;
                        Ok(fetched(n, Duration::from_secs(60)))
                    })
                    .await
                    .unwrap()
                    .token
                    .expose_secret()
                    .to_owned()
            }));
        }
        for task in tasks {
            assert_eq!(task.await.unwrap(), "token-1");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn invalidate_drops_only_the_stale_token() {
        let cache = TokenCache::new(Arc::new(ManualClock::new()));
        let first = cache
            .get(|_| async { Ok(fetched(1, Duration::from_secs(600))) })
            .await
            .unwrap();
        cache.invalidate(first.generation);
        assert!(cache.peek().is_none());
        let second = cache
            .get(|prev| async move {
                assert!(prev.is_some(), "the previous token is handed to the fetch");
                Ok(fetched(2, Duration::from_secs(600)))
            })
            .await
            .unwrap();
        cache.invalidate(first.generation);
        assert!(
            cache.peek().is_some_and(|t| Arc::ptr_eq(&t, &second)),
            "a late 401 on the old token must not drop the new one"
        );
    }

    #[tokio::test]
    async fn a_failed_fetch_leaves_the_cache_empty() {
        let cache = TokenCache::new(Arc::new(ManualClock::new()));
        let err = cache
            .get(|_| async { Err(crate::Error::Configuration("no".into())) })
            .await
            .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Configuration);
        assert!(cache.peek().is_none());
    }
}
