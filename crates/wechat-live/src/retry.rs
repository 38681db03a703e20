//! When to send a failed request again, and how long to wait first.

use std::time::Duration;

use rand::Rng;

use crate::config::RetryPolicy;
use crate::errcode::RetryClass;
use crate::error::Error;

/// Whether a request may be sent twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Safety {
    /// Reads and writes whose repetition changes nothing (switches, onsale, sort, push, delete).
    Idempotent,
    /// Writes that would happen twice (create room, add goods): resent only when provably unsent.
    Once,
}

/// Whether `err` on attempt `attempt` (0-based) should be retried under `policy`.
pub(crate) fn should_retry(
    err: &Error,
    safety: Safety,
    attempt: u32,
    policy: &RetryPolicy,
) -> bool {
    if attempt >= policy.max_retries {
        return false;
    }
    match safety {
        Safety::Idempotent => err.retry_class() == RetryClass::Transient,
        // Only a failure before anything left the machine proves WeChat did not act.
        Safety::Once => matches!(err, Error::Network { sent: false, .. }),
    }
}

/// Full-jitter exponential backoff: a random delay in [d/2, d] with d = base·2^attempt, capped.
pub(crate) fn backoff(policy: &RetryPolicy, attempt: u32) -> Duration {
    let factor = 1u32.checked_shl(attempt.min(16)).unwrap_or(u32::MAX);
    let full = policy
        .base_delay
        .saturating_mul(factor)
        .min(policy.max_delay);
    let half = full / 2;
    let jitter_ms = u64::try_from((full - half).as_millis()).unwrap_or(u64::MAX);
    let extra = if jitter_ms == 0 {
        0
    } else {
        rand::rng().random_range(0..=jitter_ms)
    };
    half + Duration::from_millis(extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_capped_and_grows() {
        let p = RetryPolicy {
            max_retries: 10,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(1),
        };
        for attempt in 0..40 {
            let d = backoff(&p, attempt);
            assert!(d <= p.max_delay, "attempt {attempt}: {d:?}");
        }
        assert!(backoff(&p, 0) <= Duration::from_millis(100));
        assert!(backoff(&p, 3) >= Duration::from_millis(400));
    }

    #[test]
    fn once_calls_retry_only_unsent_failures() {
        let p = RetryPolicy::default();
        let unsent = Error::Network {
            sent: false,
            detail: "connect failed".into(),
        };
        let sent = Error::Timeout { sent: true };
        assert!(should_retry(&unsent, Safety::Once, 0, &p));
        assert!(!should_retry(&sent, Safety::Once, 0, &p));
        assert!(should_retry(&sent, Safety::Idempotent, 0, &p));
        assert!(!should_retry(&sent, Safety::Idempotent, p.max_retries, &p));
    }
}
