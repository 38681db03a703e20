//! Data several areas share, held below them so none calls up: the live lock's unlocks (the
//! console writes them; rooms and goods read them before a destructive action) and what is known of
//! each room's shelf (goods read it from WeChat; the console's queue checks a push against it).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use super::clock::unix_now_ms;

/// (account id, room id).
pub type RoomKey = (String, i64);

/// The room key of `account_id`'s room `room_id`.
pub fn room_key(account_id: &str, room_id: i64) -> RoomKey {
    (account_id.to_owned(), room_id)
}

fn locked<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Until when each room's destructive actions are unlocked (unix ms).
#[derive(Debug, Clone, Default)]
pub struct UnlockTable {
    until: Arc<Mutex<HashMap<RoomKey, i64>>>,
}

impl UnlockTable {
    /// Unlocks until `until`, or locks again (`None`).
    pub fn set(&self, account_id: &str, room_id: i64, until: Option<i64>) {
        let mut u = locked(&self.until);
        match until {
            Some(t) => u.insert(room_key(account_id, room_id), t),
            None => u.remove(&room_key(account_id, room_id)),
        };
    }

    /// Until when the room is unlocked, if it is now.
    pub fn unlocked_until(&self, account_id: &str, room_id: i64) -> Option<i64> {
        locked(&self.until)
            .get(&room_key(account_id, room_id))
            .copied()
            .filter(|until| *until > unix_now_ms())
    }
}

#[derive(Debug, Default)]
struct ShelfKnown {
    /// The goods on the shelf when last read (`None`: not read, or changed since).
    ids: Option<HashSet<i64>>,
    /// Names of goods seen on the shelf (goods not synced into the library have no other).
    names: HashMap<i64, String>,
}

/// What is known of each room's shelf.
#[derive(Debug, Clone, Default)]
pub struct ShelfBook {
    rooms: Arc<Mutex<HashMap<RoomKey, ShelfKnown>>>,
}

impl ShelfBook {
    /// The shelf was read: these goods (id, name) are in the room.
    pub fn read(&self, account_id: &str, room_id: i64, goods: Vec<(i64, String)>) {
        let mut rooms = locked(&self.rooms);
        let known = rooms.entry(room_key(account_id, room_id)).or_default();
        known.ids = Some(goods.iter().map(|(id, _)| *id).collect());
        known.names.extend(goods);
    }

    /// The shelf changed in a way not tracked: read it again before refusing a push.
    pub fn forget(&self, account_id: &str, room_id: i64) {
        if let Some(k) = locked(&self.rooms).get_mut(&room_key(account_id, room_id)) {
            k.ids = None;
        }
    }

    /// Goods taken out of the room.
    pub fn removed(&self, account_id: &str, room_id: i64, goods_id: i64) {
        if let Some(ids) = locked(&self.rooms)
            .get_mut(&room_key(account_id, room_id))
            .and_then(|k| k.ids.as_mut())
        {
            ids.remove(&goods_id);
        }
    }

    /// Whether the goods are on the shelf, when the shelf is known.
    pub fn has(&self, account_id: &str, room_id: i64, goods_id: i64) -> Option<bool> {
        locked(&self.rooms)
            .get(&room_key(account_id, room_id))?
            .ids
            .as_ref()
            .map(|ids| ids.contains(&goods_id))
    }

    /// The goods' name as last seen on the room's shelf.
    pub fn name(&self, account_id: &str, room_id: i64, goods_id: i64) -> Option<String> {
        locked(&self.rooms)
            .get(&room_key(account_id, room_id))?
            .names
            .get(&goods_id)
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unlock_lasts_until_its_time() {
        let t = UnlockTable::default();
        t.set("a", 1, Some(unix_now_ms() + 60_000));
        t.set("a", 2, Some(unix_now_ms() - 1));
        assert!(t.unlocked_until("a", 1).is_some());
        assert_eq!(t.unlocked_until("a", 2), None, "expired");
        assert_eq!(t.unlocked_until("b", 1), None, "another account's room");
        t.set("a", 1, None);
        assert_eq!(t.unlocked_until("a", 1), None);
    }

    #[test]
    fn the_shelf_is_known_until_forgotten() {
        let b = ShelfBook::default();
        assert_eq!(b.has("a", 1, 5), None);
        b.read("a", 1, vec![(5, "Tea".into()), (6, "Cup".into())]);
        assert_eq!(b.has("a", 1, 5), Some(true));
        b.removed("a", 1, 5);
        assert_eq!(b.has("a", 1, 5), Some(false));
        b.forget("a", 1);
        assert_eq!(b.has("a", 1, 6), None);
        assert_eq!(
            b.name("a", 1, 5).as_deref(),
            Some("Tea"),
            "names outlive the shelf"
        );
    }
}
