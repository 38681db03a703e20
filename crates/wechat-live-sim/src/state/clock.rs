//! The simulator's clock: every expiry, audit and status rule reads it, never the wall clock directly.

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds in the UTC+8 offset WeChat's daily quotas reset at (midnight Beijing time).
const BEIJING_OFFSET: i64 = 8 * 3600;

#[derive(Debug, Clone)]
pub enum Clock {
    /// Stands still until set or advanced (tests).
    Frozen(i64),
    /// Wall clock plus an offset (sandbox use).
    Real { offset: i64 },
}

fn wall() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Clock {
    pub fn new(start_time: Option<i64>) -> Self {
        match start_time {
            Some(t) => Clock::Frozen(t),
            None => Clock::Real { offset: 0 },
        }
    }

    pub fn now(&self) -> i64 {
        match self {
            Clock::Frozen(t) => *t,
            Clock::Real { offset } => wall().saturating_add(*offset),
        }
    }

    pub fn set(&mut self, t: i64) {
        match self {
            Clock::Frozen(now) => *now = t,
            Clock::Real { offset } => *offset = t.saturating_sub(wall()),
        }
    }

    pub fn advance(&mut self, secs: i64) {
        match self {
            Clock::Frozen(now) => *now = now.saturating_add(secs),
            Clock::Real { offset } => *offset = offset.saturating_add(secs),
        }
    }
}

/// The quota day (days since the epoch, Beijing time) a timestamp falls in.
pub fn beijing_day(t: i64) -> i64 {
    (t + BEIJING_OFFSET).div_euclid(86_400)
}
