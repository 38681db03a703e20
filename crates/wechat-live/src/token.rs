//! The access-token cache: one token shared by every call, one fetch in flight however many calls
//! wait, and invalidation that only drops the token that actually failed.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::secret::Secret;

/// A token and when to stop using it.
#[derive(Debug)]
pub(crate) struct AccessToken {
    pub(crate) value: Secret,
    generation: u64,
    refresh_at: Instant,
}

/// What the last fetch ended with, so calls queued behind a failed fetch fail with it instead of
/// each sending their own request.
#[derive(Debug, Default)]
struct LastFetch {
    failure: Option<Error>,
}

#[derive(Debug)]
pub(crate) struct TokenCache {
    current: Mutex<Option<Arc<AccessToken>>>,
    fetching: tokio::sync::Mutex<LastFetch>,
    /// Fetches finished so far; read before queueing to tell whether a fetch ended meanwhile.
    epoch: AtomicU64,
    generations: AtomicU64,
}

impl Default for TokenCache {
    fn default() -> Self {
        Self {
            current: Mutex::new(None),
            fetching: tokio::sync::Mutex::new(LastFetch::default()),
            epoch: AtomicU64::new(0),
            generations: AtomicU64::new(0),
        }
    }
}

/// How long before WeChat's stated expiry the cache refreshes: a minute, or half the lifetime when
/// that is shorter (stable tokens handed out in their last five minutes live only that long).
fn margin(expires_in: u64) -> Duration {
    Duration::from_secs(60.min(expires_in / 2))
}

impl TokenCache {
    fn fresh(&self) -> Option<Arc<AccessToken>> {
        let guard = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        guard
            .as_ref()
            .filter(|t| Instant::now() < t.refresh_at)
            .cloned()
    }

    /// The cached token, or one fetched by `fetch` (at most one fetch runs at a time).
    pub(crate) async fn get<F, Fut>(&self, fetch: F) -> Result<Arc<AccessToken>>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<(Secret, u64)>>,
    {
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        let seen_epoch = self.epoch.load(Ordering::Acquire);
        let mut last = self.fetching.lock().await;
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        if self.epoch.load(Ordering::Acquire) != seen_epoch {
            if let Some(failure) = &last.failure {
                return Err(failure.clone());
            }
        }
        let outcome = fetch().await;
        self.epoch.fetch_add(1, Ordering::AcqRel);
        match outcome {
            Ok((value, expires_in)) => {
                last.failure = None;
                Ok(self.store(value, expires_in))
            }
            Err(e) => {
                last.failure = Some(e.clone());
                Err(e)
            }
        }
    }

    /// Stores a freshly fetched token and returns it.
    pub(crate) fn store(&self, value: Secret, expires_in: u64) -> Arc<AccessToken> {
        let token = Arc::new(AccessToken {
            value,
            generation: self.generations.fetch_add(1, Ordering::Relaxed) + 1,
            refresh_at: Instant::now() + Duration::from_secs(expires_in) - margin(expires_in),
        });
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
        token
    }

    /// Drops `failed` if it is still the cached token; a newer token fetched meanwhile stays.
    pub(crate) fn invalidate(&self, failed: &AccessToken) {
        let mut guard = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        if guard
            .as_ref()
            .is_some_and(|t| t.generation == failed.generation)
        {
            *guard = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[tokio::test]
    async fn many_waiters_one_fetch() {
        let cache = Arc::new(TokenCache::default());
        let fetches = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..100 {
            let cache = cache.clone();
            let fetches = fetches.clone();
            tasks.push(tokio::spawn(async move {
                cache
                    .get(|| async move {
                        fetches.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Ok((Secret::new("t1"), 7200))
                    })
                    .await
                    .map(|t| t.value.expose().to_owned())
            }));
        }
        for t in tasks {
            assert_eq!(t.await.unwrap().unwrap(), "t1");
        }
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn invalidate_only_drops_the_failed_token() {
        let cache = TokenCache::default();
        let old = cache.store(Secret::new("old"), 7200);
        let new = cache.store(Secret::new("new"), 7200);
        cache.invalidate(&old);
        assert_eq!(cache.fresh().unwrap().value.expose(), "new");
        cache.invalidate(&new);
        assert!(cache.fresh().is_none());
    }

    #[tokio::test]
    async fn waiters_behind_a_failed_fetch_share_its_error() {
        let cache = Arc::new(TokenCache::default());
        let fetches = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let cache = cache.clone();
            let fetches = fetches.clone();
            tasks.push(tokio::spawn(async move {
                cache
                    .get(|| async move {
                        fetches.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Err::<(Secret, u64), _>(Error::Config("no"))
                    })
                    .await
                    .is_err()
            }));
        }
        for t in tasks {
            assert!(t.await.unwrap());
        }
        // Calls that queued behind the failing fetch did not fetch again.
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
    }
}
