//! The live lock: while a room's show is on (live, paused or with the anchor dropped out),
//! removing its goods, deleting it, or deleting library goods on its shelf needs an explicit
//! unlock first. An unlock lasts [`UNLOCK_MS`] or until locked again, and is journaled; the unlock
//! table is held below (rooms and goods check it before a destructive write).

use super::{Console, LiveEvent};
use crate::base::error::CoreResult;
use crate::journal::{Action, Write};

pub use crate::base::rules::show_on;

/// How long an unlock lasts.
pub const UNLOCK_MS: i64 = 2 * 60 * 1000;

impl Console {
    /// Unlocks destructive actions in a room for [`UNLOCK_MS`]; answers until when.
    pub fn unlock(&self, account_id: &str, room_id: i64) -> CoreResult<i64> {
        let until = self.now_ms() + UNLOCK_MS;
        let w = Write::new(account_id, Action::LiveUnlock).room(room_id);
        self.journal.record_sync(w, || {
            self.unlocks.set(account_id, room_id, Some(until));
            Ok(())
        })?;
        self.emit.emit(LiveEvent::Lock {
            account_id: account_id.to_owned(),
            room_id,
            unlocked_until_ms: Some(until),
        });
        Ok(until)
    }

    /// Locks destructive actions again.
    pub fn relock(&self, account_id: &str, room_id: i64) {
        self.unlocks.set(account_id, room_id, None);
        self.emit.emit(LiveEvent::Lock {
            account_id: account_id.to_owned(),
            room_id,
            unlocked_until_ms: None,
        });
    }

    /// Until when a room is unlocked, if it is now.
    pub fn unlocked_until(&self, account_id: &str, room_id: i64) -> Option<i64> {
        self.unlocks.unlocked_until(account_id, room_id)
    }
}
