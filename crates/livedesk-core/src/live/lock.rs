//! The live lock: while a room's show is on (live, paused or with the anchor dropped out),
//! removing its goods, deleting it, or deleting library goods on its shelf needs an explicit
//! unlock first. An unlock lasts [`UNLOCK_MS`] or until locked again, and is journaled.

use wechat_live::model::LiveStatus;

use super::ConsoleEvent;
use crate::clock::unix_now_ms;
use crate::error::{CoreError, CoreResult};
use crate::journal::{self, Action, Write};
use crate::Core;

/// How long an unlock lasts.
pub const UNLOCK_MS: i64 = 2 * 60 * 1000;

/// Whether a show is on in a room of this status (what the lock guards).
pub fn show_on(status: LiveStatus) -> bool {
    matches!(
        status,
        LiveStatus::Live | LiveStatus::Paused | LiveStatus::Abnormal
    )
}

/// Unlocks destructive actions in a room for [`UNLOCK_MS`]; answers until when.
pub fn unlock(core: &Core, account_id: &str, room_id: i64) -> CoreResult<i64> {
    let until = unix_now_ms() + UNLOCK_MS;
    let w = Write::new(account_id, Action::LiveUnlock).room(room_id);
    journal::record_sync(core, w, || {
        core.console.set_unlock(account_id, room_id, Some(until));
        Ok(())
    })?;
    core.console.emit(ConsoleEvent::Lock {
        account_id: account_id.to_owned(),
        room_id,
        unlocked_until_ms: Some(until),
    });
    Ok(until)
}

/// Locks destructive actions again.
pub fn relock(core: &Core, account_id: &str, room_id: i64) {
    core.console.set_unlock(account_id, room_id, None);
    core.console.emit(ConsoleEvent::Lock {
        account_id: account_id.to_owned(),
        room_id,
        unlocked_until_ms: None,
    });
}

/// Until when a room is unlocked, if it is now.
pub fn unlocked_until(core: &Core, account_id: &str, room_id: i64) -> Option<i64> {
    core.console
        .unlock_of(account_id, room_id)
        .filter(|until| *until > unix_now_ms())
}

/// Refuses a destructive action in a room whose show is on, unless it was unlocked.
pub async fn guard_room(core: &Core, account_id: &str, room_id: i64) -> CoreResult<()> {
    if unlocked_until(core, account_id, room_id).is_some() {
        return Ok(());
    }
    let room = core.client(account_id)?.rooms().get(room_id).await?;
    match room {
        Some(r) if show_on(r.status) => Err(CoreError::LiveLocked { room_id }),
        _ => Ok(()),
    }
}

/// Refuses deleting library goods that are on the shelf of a room whose show is on, unless that
/// room was unlocked.
pub async fn guard_goods(core: &Core, account_id: &str, goods_id: i64) -> CoreResult<()> {
    let rooms = core.client(account_id)?.rooms().list_all().await?;
    let locked = rooms.iter().find(|r| {
        show_on(r.status)
            && r.goods.iter().any(|g| g.goods_id == goods_id)
            && unlocked_until(core, account_id, r.id).is_none()
    });
    match locked {
        Some(r) => Err(CoreError::LiveLocked { room_id: r.id }),
        None => Ok(()),
    }
}
