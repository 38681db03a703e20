//! The simulator's clock: every expiry, audit and status rule reads it, never the wall clock directly.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds in the UTC+8 offset WeChat's daily quotas reset at (midnight Beijing time).
const BEIJING_OFFSET: i64 = 8 * 3600;

/// Frozen (tests: stands still until set or advanced) or real (wall clock plus an offset). Atomic,
/// so reading the time never takes the state lock.
#[derive(Debug)]
pub struct Clock {
    frozen: bool,
    /// The frozen instant, or the offset added to the wall clock.
    value: AtomicI64,
}

fn wall() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn wall_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

impl Clock {
    pub fn new(start_time: Option<i64>) -> Self {
        Self {
            frozen: start_time.is_some(),
            value: AtomicI64::new(start_time.unwrap_or(0)),
        }
    }

    pub fn now(&self) -> i64 {
        let v = self.value.load(Ordering::Acquire);
        if self.frozen {
            v
        } else {
            wall().saturating_add(v)
        }
    }

    /// Milliseconds: the frozen instant's whole seconds, or the wall clock's milliseconds plus the
    /// offset (for what lasts less than a second to a few, like a goods card showing).
    pub fn now_ms(&self) -> i64 {
        let v = self.value.load(Ordering::Acquire);
        if self.frozen {
            v.saturating_mul(1000)
        } else {
            wall_ms().saturating_add(v.saturating_mul(1000))
        }
    }

    pub fn set(&self, t: i64) {
        let v = if self.frozen {
            t
        } else {
            t.saturating_sub(wall())
        };
        self.value.store(v, Ordering::Release);
    }

    pub fn advance(&self, secs: i64) {
        self.value.fetch_add(secs, Ordering::AcqRel);
    }
}

/// The quota day (days since the epoch, Beijing time) a timestamp falls in.
pub fn beijing_day(t: i64) -> i64 {
    (t + BEIJING_OFFSET).div_euclid(86_400)
}
