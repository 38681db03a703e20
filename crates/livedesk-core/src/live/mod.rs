//! The live console: a room's action queue ([`Console::act`], [`Console::retry`]), the live lock
//! ([`Console::unlock`]), the show's rundown ([`Rundowns`]) and the push-next hotkey's setting
//! ([`Hotkeys`]). What changes is told as [`LiveEvent`]s; the window's commands and the CLI call
//! these alike.

pub mod hotkey;
pub mod lock;
mod queue;
pub mod rundown;
mod types;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

pub use hotkey::Hotkeys;
pub use queue::{WaitPolicy, REPEAT_GUARD_MS};
pub use rundown::Rundowns;
pub use types::{ActionKind, ActionState, ConsoleState, LiveEvent, QueuedAction};

use crate::base::clock::Clock;
use crate::base::error::{CoreError, CoreResult};
use crate::base::events::Emitter;
use crate::base::locale::LocaleState;
use crate::base::tables::{room_key, RoomKey, ShelfBook, UnlockTable};
use crate::domain::goods::Shelves;
use crate::infra::clients::Clients;
use crate::infra::store::Store;
use crate::journal::{Action, Journal, Write};
use queue::{Admitted, RoomQueue};

/// The queues of every room, and what numbers their actions.
#[derive(Debug)]
struct Queues {
    rooms: Mutex<HashMap<RoomKey, Arc<RoomQueue>>>,
    next_id: AtomicU64,
    wait: Mutex<WaitPolicy>,
    /// What the queues' times (and the double-click guard) read.
    clock: Mutex<Clock>,
}

/// The console. Cheap to clone (clones share the queues).
#[derive(Debug, Clone)]
pub struct Console {
    queues: Arc<Queues>,
    store: Store,
    clients: Clients,
    journal: Journal,
    shelf: Shelves,
    book: ShelfBook,
    unlocks: UnlockTable,
    emit: Emitter<LiveEvent>,
    locale: LocaleState,
}

fn locked<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// What the console is built over.
#[derive(Debug, Clone)]
pub struct ConsoleHandles {
    pub store: Store,
    pub clients: Clients,
    pub journal: Journal,
    pub shelf: Shelves,
    pub book: ShelfBook,
    pub unlocks: UnlockTable,
    pub emit: Emitter<LiveEvent>,
    pub locale: LocaleState,
}

impl Console {
    /// A console with no queue yet, reading the system clock.
    pub fn new(h: ConsoleHandles) -> Self {
        Self {
            queues: Arc::new(Queues {
                rooms: Mutex::default(),
                next_id: AtomicU64::new(1),
                wait: Mutex::default(),
                clock: Mutex::default(),
            }),
            store: h.store,
            clients: h.clients,
            journal: h.journal,
            shelf: h.shelf,
            book: h.book,
            unlocks: h.unlocks,
            emit: h.emit,
            locale: h.locale,
        }
    }

    /// Reads `clock` from now on (a test moves time instead of waiting for it).
    pub fn set_clock(&self, clock: Clock) {
        *locked(&self.queues.clock) = clock;
    }

    /// Unix milliseconds on the console's clock.
    fn now_ms(&self) -> i64 {
        locked(&self.queues.clock).now_ms()
    }

    /// How the queues wait for a showing card.
    pub fn wait_policy(&self) -> WaitPolicy {
        *locked(&self.queues.wait)
    }

    /// Changes how the queues wait (tests make it short).
    pub fn set_wait_policy(&self, p: WaitPolicy) {
        *locked(&self.queues.wait) = p;
    }

    fn room(&self, account_id: &str, room_id: i64) -> Arc<RoomQueue> {
        locked(&self.queues.rooms)
            .entry(room_key(account_id, room_id))
            .or_default()
            .clone()
    }

    fn existing(&self, account_id: &str, room_id: i64) -> Option<Arc<RoomQueue>> {
        locked(&self.queues.rooms)
            .get(&room_key(account_id, room_id))
            .cloned()
    }

    /// Queues `action` in the room and answers how it ended (done, or failed with the reason).
    /// The same action still queued or on its way is answered as it stands, not sent again.
    pub async fn act(
        &self,
        account_id: &str,
        room_id: i64,
        action: ActionKind,
    ) -> CoreResult<QueuedAction> {
        self.clients.get(account_id)?;
        let subject = match action.goods_id() {
            Some(g) => self.goods_name(account_id, room_id, g),
            None => String::new(),
        };
        let now = self.now_ms();
        let fresh = QueuedAction {
            id: self.queues.next_id.fetch_add(1, Ordering::Relaxed),
            account_id: account_id.to_owned(),
            room_id,
            action,
            subject,
            state: ActionState::Queued,
            attempts: 0,
            queued_at_ms: now,
            updated_at_ms: now,
        };
        let q = self.room(account_id, room_id);
        match q.admit(fresh) {
            Admitted::Active(a) => Ok(a),
            Admitted::New(a) => {
                self.emit.emit(LiveEvent::Action { action: a.clone() });
                Ok(self.run(&q, a).await)
            }
        }
    }

    /// The goods' name: from the library, else as last seen on the room's shelf.
    pub fn goods_name(&self, account_id: &str, room_id: i64, goods_id: i64) -> String {
        let known = self.shelf.goods_name(account_id, goods_id);
        if !known.is_empty() {
            return known;
        }
        self.book
            .name(account_id, room_id, goods_id)
            .unwrap_or_default()
    }

    /// Sends a failed action again, in its place at the back of the queue.
    pub async fn retry(&self, account_id: &str, room_id: i64, id: u64) -> CoreResult<QueuedAction> {
        let q = self.room(account_id, room_id);
        let a = q.readmit(id, self.now_ms()).ok_or_else(|| {
            CoreError::invalid(
                "action",
                "只有失败的操作可以重试",
                "Only a failed action can be retried",
            )
        })?;
        self.emit.emit(LiveEvent::Action { action: a.clone() });
        Ok(self.run(&q, a).await)
    }

    /// The room's recent actions, the comment ban LiveDesk set, and the unlock.
    pub fn state(&self, account_id: &str, room_id: i64) -> ConsoleState {
        let q = self.existing(account_id, room_id);
        ConsoleState {
            actions: q.as_ref().map(|q| q.actions()).unwrap_or_default(),
            comment_banned: q.and_then(|q| q.comment_banned()),
            unlocked_until_ms: self.unlocked_until(account_id, room_id),
        }
    }

    /// Mutes or unmutes every viewer's comments (journaled as a room switch).
    async fn comment_ban(&self, account_id: &str, room_id: i64, banned: bool) -> CoreResult<()> {
        let client = self.clients.get(account_id)?;
        let w = Write::new(account_id, Action::RoomSwitch)
            .room(room_id)
            .detail(if banned { "comment off" } else { "comment on" });
        self.journal
            .record(w, client.rooms().set_comment_ban(room_id, banned))
            .await??;
        Ok(())
    }
}
