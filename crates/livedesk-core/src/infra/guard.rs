//! The live lock's check: while a room's show is on (live, paused or with the anchor dropped
//! out), removing its goods, deleting it, or deleting library goods on its shelf is refused unless
//! the console unlocked that room ([`UnlockTable`]). Rooms and goods both ask here before a
//! destructive write.

use crate::base::error::{CoreError, CoreResult};
use crate::base::rules::show_on;
use crate::base::tables::UnlockTable;

use super::clients::Clients;

/// Asks WeChat for the room's status and the console's unlocks.
#[derive(Debug, Clone)]
pub struct LiveGuard {
    clients: Clients,
    unlocks: UnlockTable,
}

impl LiveGuard {
    pub fn new(clients: Clients, unlocks: UnlockTable) -> Self {
        Self { clients, unlocks }
    }

    /// Refuses a destructive action in a room whose show is on, unless it was unlocked.
    pub async fn room(&self, account_id: &str, room_id: i64) -> CoreResult<()> {
        if self.unlocks.unlocked_until(account_id, room_id).is_some() {
            return Ok(());
        }
        let room = self.clients.get(account_id)?.rooms().get(room_id).await?;
        match room {
            Some(r) if show_on(r.status) => Err(CoreError::LiveLocked { room_id }),
            _ => Ok(()),
        }
    }

    /// Refuses deleting library goods that are on the shelf of a room whose show is on, unless
    /// that room was unlocked.
    pub async fn goods(&self, account_id: &str, goods_id: i64) -> CoreResult<()> {
        let rooms = self.clients.get(account_id)?.rooms().list_all().await?;
        let locked = rooms.iter().find(|r| {
            show_on(r.status)
                && r.goods.iter().any(|g| g.goods_id == goods_id)
                && self.unlocks.unlocked_until(account_id, r.id).is_none()
        });
        match locked {
            Some(r) => Err(CoreError::LiveLocked { room_id: r.id }),
            None => Ok(()),
        }
    }
}
