//! Live status: every listing of an account's rooms (the periodic poll and the user's own refresh)
//! is compared with the last one in the [`StatusBook`], and each room whose status changed is told
//! as a [`StatusChange`] — the app turns the ones people care about (live, paused, abnormal,
//! ended) into desktop notifications. The poll keeps within WeChat's quotas: once a minute per
//! account at most, backing off when listing fails ([`Schedule`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::RoomView;
use crate::base::events::Emitter;

/// The poll's pace when all is well.
pub const POLL_EVERY: Duration = Duration::from_secs(60);
/// The longest wait after failures.
pub const BACKOFF_MAX: Duration = Duration::from_secs(600);

/// A room's live status changed between two listings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub account_id: String,
    pub room_id: i64,
    pub name: String,
    pub from: u16,
    pub to: u16,
}

/// Last seen status of each room, per account; each change is told through the emitter.
#[derive(Debug, Clone)]
pub struct StatusBook {
    last: Arc<Mutex<HashMap<String, HashMap<i64, u16>>>>,
    emit: Emitter<StatusChange>,
}

/// Statuses worth a desktop notification: the show started, paused, dropped out or ended.
pub fn notable(status: u16) -> bool {
    matches!(status, 101 | 103 | 105 | 106)
}

impl StatusBook {
    /// An empty book telling changes to `emit`.
    pub fn new(emit: Emitter<StatusChange>) -> Self {
        Self {
            last: Arc::default(),
            emit,
        }
    }

    /// Compares `rooms` with the account's last listing and tells each change; the first listing
    /// of an account only sets what is known.
    pub fn observe(&self, account_id: &str, rooms: &[RoomView]) {
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        let now: HashMap<i64, u16> = rooms.iter().map(|r| (r.id, r.status)).collect();
        if let Some(before) = last.get(account_id) {
            for r in rooms {
                match before.get(&r.id) {
                    Some(&from) if from != r.status => self.emit.emit(StatusChange {
                        account_id: account_id.to_owned(),
                        room_id: r.id,
                        name: r.name.clone(),
                        from,
                        to: r.status,
                    }),
                    _ => {}
                }
            }
        }
        last.insert(account_id.to_owned(), now);
    }

    /// The room's status as last listed, if it was.
    pub fn status(&self, account_id: &str, room_id: i64) -> Option<u16> {
        let last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        last.get(account_id)?.get(&room_id).copied()
    }
}

/// When the next poll is due: [`POLL_EVERY`] after a good one, doubling after each failure up
/// to [`BACKOFF_MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    failures: u32,
}

impl Default for Schedule {
    fn default() -> Self {
        Self::new()
    }
}

impl Schedule {
    pub fn new() -> Self {
        Self { failures: 0 }
    }

    /// The wait before the next poll, after one that succeeded (`ok`) or failed.
    pub fn after(&mut self, ok: bool) -> Duration {
        if ok {
            self.failures = 0;
            return POLL_EVERY;
        }
        self.failures = self.failures.saturating_add(1);
        let factor = 1u32.checked_shl(self.failures.min(16)).unwrap_or(u32::MAX);
        POLL_EVERY.saturating_mul(factor).min(BACKOFF_MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polls_once_a_minute_and_back_off_to_ten_minutes() {
        let mut s = Schedule::new();
        assert_eq!(s.after(true), POLL_EVERY);
        assert_eq!(s.after(false), Duration::from_secs(120));
        assert_eq!(s.after(false), Duration::from_secs(240));
        assert_eq!(s.after(false), Duration::from_secs(480));
        assert_eq!(s.after(false), BACKOFF_MAX);
        assert_eq!(s.after(false), BACKOFF_MAX);
        assert_eq!(s.after(true), POLL_EVERY, "one good poll resets the pace");
        assert!([101, 103, 105, 106].iter().all(|s| notable(*s)));
        assert!(!notable(102) && !notable(107));
    }
}
