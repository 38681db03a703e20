//! The live console's services: a room's action queue ([`act`], [`retry`]), the live lock
//! ([`lock`]), the show's rundown ([`rundown`]), and the events every window following a room's
//! show listens to ([`Console::subscribe`]). The window's commands and the CLI call these alike.

pub mod hotkey;
pub mod lock;
mod queue;
pub mod rundown;
mod types;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::broadcast;

pub use queue::{WaitPolicy, REPEAT_GUARD_MS};
pub use types::{ActionKind, ActionState, ConsoleEvent, ConsoleState, QueuedAction};

use crate::clock::unix_now_ms;
use crate::core::RoomKey;
use crate::error::{CoreError, CoreResult};
use crate::journal::{self, Action, Write};
use crate::Core;
use queue::{Admitted, RoomQueue};

/// Events kept for a window that reads them late; a slower one is told it lagged.
const EVENT_BUFFER: usize = 256;

/// The console's shared state: one queue per room, the unlocks, and the event channel.
#[derive(Debug)]
pub struct Console {
    rooms: Mutex<HashMap<RoomKey, Arc<RoomQueue>>>,
    unlocks: Mutex<HashMap<RoomKey, i64>>,
    events: broadcast::Sender<ConsoleEvent>,
    next_id: AtomicU64,
    wait: Mutex<WaitPolicy>,
}

impl Default for Console {
    fn default() -> Self {
        Self {
            rooms: Mutex::default(),
            unlocks: Mutex::default(),
            events: broadcast::channel(EVENT_BUFFER).0,
            next_id: AtomicU64::new(1),
            wait: Mutex::default(),
        }
    }
}

fn locked<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn key(account_id: &str, room_id: i64) -> RoomKey {
    (account_id.to_owned(), room_id)
}

impl Console {
    /// Every change to any room's show from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<ConsoleEvent> {
        self.events.subscribe()
    }

    pub(crate) fn emit(&self, e: ConsoleEvent) {
        // No window listening is fine.
        let _ = self.events.send(e);
    }

    /// How the queues wait for a showing card.
    pub fn wait_policy(&self) -> WaitPolicy {
        *locked(&self.wait)
    }

    /// Changes how the queues wait (tests make it short).
    pub fn set_wait_policy(&self, p: WaitPolicy) {
        *locked(&self.wait) = p;
    }

    fn room(&self, account_id: &str, room_id: i64) -> Arc<RoomQueue> {
        locked(&self.rooms)
            .entry(key(account_id, room_id))
            .or_default()
            .clone()
    }

    fn existing(&self, account_id: &str, room_id: i64) -> Option<Arc<RoomQueue>> {
        locked(&self.rooms).get(&key(account_id, room_id)).cloned()
    }

    pub(crate) fn set_unlock(&self, account_id: &str, room_id: i64, until: Option<i64>) {
        let mut u = locked(&self.unlocks);
        match until {
            Some(t) => u.insert(key(account_id, room_id), t),
            None => u.remove(&key(account_id, room_id)),
        };
    }

    pub(crate) fn unlock_of(&self, account_id: &str, room_id: i64) -> Option<i64> {
        locked(&self.unlocks)
            .get(&key(account_id, room_id))
            .copied()
    }

    /// The shelf was read: these goods (id, name) are in the room.
    pub(crate) fn note_shelf(&self, account_id: &str, room_id: i64, goods: Vec<(i64, String)>) {
        let q = self.room(account_id, room_id);
        q.set_shelf(Some(
            goods.iter().map(|(id, _)| *id).collect::<HashSet<_>>(),
        ));
        q.note_names(goods);
    }

    /// The shelf changed in a way not tracked here: read it again before refusing a push.
    pub(crate) fn forget_shelf(&self, account_id: &str, room_id: i64) {
        if let Some(q) = self.existing(account_id, room_id) {
            q.set_shelf(None);
        }
    }
}

/// Queues `action` in the room and answers how it ended (done, or failed with the reason). The
/// same action still queued or on its way is answered as it stands, not sent again.
pub async fn act(
    core: &Core,
    account_id: &str,
    room_id: i64,
    action: ActionKind,
) -> CoreResult<QueuedAction> {
    core.client(account_id)?;
    let subject = match action.goods_id() {
        Some(g) => goods_name(core, account_id, room_id, g),
        None => String::new(),
    };
    let now = unix_now_ms();
    let fresh = QueuedAction {
        id: core.console.next_id.fetch_add(1, Ordering::Relaxed),
        account_id: account_id.to_owned(),
        room_id,
        action,
        subject,
        state: ActionState::Queued,
        attempts: 0,
        queued_at_ms: now,
        updated_at_ms: now,
    };
    let q = core.console.room(account_id, room_id);
    match q.admit(fresh) {
        Admitted::Active(a) => Ok(a),
        Admitted::New(a) => {
            core.console
                .emit(ConsoleEvent::Action { action: a.clone() });
            Ok(queue::run(core, &q, a).await)
        }
    }
}

/// The goods' name: from the library, else as last seen on the room's shelf.
pub(crate) fn goods_name(core: &Core, account_id: &str, room_id: i64, goods_id: i64) -> String {
    let known = crate::goods::shelf::goods_name(core, account_id, goods_id);
    if !known.is_empty() {
        return known;
    }
    core.console
        .existing(account_id, room_id)
        .and_then(|q| q.name(goods_id))
        .unwrap_or_default()
}

/// Sends a failed action again, in its place at the back of the queue.
pub async fn retry(
    core: &Core,
    account_id: &str,
    room_id: i64,
    id: u64,
) -> CoreResult<QueuedAction> {
    let q = core.console.room(account_id, room_id);
    let a = q.readmit(id).ok_or_else(|| {
        CoreError::invalid(
            "action",
            "只有失败的操作可以重试",
            "Only a failed action can be retried",
        )
    })?;
    core.console
        .emit(ConsoleEvent::Action { action: a.clone() });
    Ok(queue::run(core, &q, a).await)
}

/// The room's recent actions, the comment ban LiveDesk set, and the unlock.
pub fn state(core: &Core, account_id: &str, room_id: i64) -> ConsoleState {
    let q = core.console.existing(account_id, room_id);
    ConsoleState {
        actions: q.as_ref().map(|q| q.actions()).unwrap_or_default(),
        comment_banned: q.and_then(|q| q.comment_banned()),
        unlocked_until_ms: lock::unlocked_until(core, account_id, room_id),
    }
}

/// Mutes or unmutes every viewer's comments (journaled as a room switch).
pub(crate) async fn comment_ban(
    core: &Core,
    account_id: &str,
    room_id: i64,
    banned: bool,
) -> CoreResult<()> {
    let client = core.client(account_id)?;
    let w = Write::new(account_id, Action::RoomSwitch)
        .room(room_id)
        .detail(if banned { "comment off" } else { "comment on" });
    journal::record(core, w, client.rooms().set_comment_ban(room_id, banned)).await??;
    Ok(())
}
