//! A room's action queue: actions are sent one at a time in the order they were asked for (a
//! fair lock), each journaled. WeChat refuses goods writes that overlap a showing card: a push
//! while one shows (300047) and a sale change during one (300049) wait and are sent again, with
//! the wait shown; pushing goods LiveDesk took off sale (300052) or that are not in the room
//! (300053) is refused before sending. The same action asked for twice while the first is still
//! queued or on its way, or within [`REPEAT_GUARD_MS`] of it succeeding, is that first action: a
//! double click never sends twice, however quickly WeChat answered the first.

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use wechat_live::{ErrCode, RetryClass};

use super::types::{ActionKind, ActionState, QueuedAction};
use super::{Console, LiveEvent};
use crate::base::error::{CoreError, CoreResult};
use crate::journal::{Action, Write};

/// How many finished actions a room keeps for the console's list.
const KEEP: usize = 100;

/// The same action done this recently is taken for the second click of a double click.
pub const REPEAT_GUARD_MS: i64 = 600;

/// How the queue waits for a showing card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitPolicy {
    /// The first wait; it doubles up to `max`.
    pub first: Duration,
    pub max: Duration,
    /// After this long of refusals the action fails (and can be retried).
    pub give_up_after: Duration,
}

impl Default for WaitPolicy {
    fn default() -> Self {
        Self {
            first: Duration::from_millis(250),
            max: Duration::from_secs(1),
            give_up_after: Duration::from_secs(30),
        }
    }
}

/// One room's queue.
#[derive(Debug, Default)]
pub(crate) struct RoomQueue {
    /// Whose turn it is to send: tokio's mutex is fair, so actions go in the order asked.
    turn: tokio::sync::Mutex<()>,
    state: Mutex<RoomState>,
}

#[derive(Debug, Default)]
struct RoomState {
    actions: VecDeque<QueuedAction>,
    comment_banned: Option<bool>,
}

/// An action asked for: a new one to send, or the same one still active.
pub(crate) enum Admitted {
    New(QueuedAction),
    Active(QueuedAction),
}

impl RoomQueue {
    fn lock(&self) -> std::sync::MutexGuard<'_, RoomState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Adds `fresh` unless the same action is still active in the room, or has just succeeded.
    pub(crate) fn admit(&self, fresh: QueuedAction) -> Admitted {
        let mut st = self.lock();
        let same = |a: &&QueuedAction| {
            a.action == fresh.action
                && (a.state.is_active()
                    || matches!(a.state, ActionState::Done { .. })
                        && fresh.queued_at_ms - a.updated_at_ms < REPEAT_GUARD_MS)
        };
        if let Some(a) = st.actions.iter().rev().find(same) {
            return Admitted::Active(a.clone());
        }
        st.actions.push_back(fresh.clone());
        while st.actions.len() > KEEP {
            match st.actions.iter().position(|a| !a.state.is_active()) {
                Some(i) => {
                    st.actions.remove(i);
                }
                None => break,
            }
        }
        Admitted::New(fresh)
    }

    /// Puts a failed action back in the queue; `None` if it is not failed (or not known).
    pub(crate) fn readmit(&self, id: u64, now_ms: i64) -> Option<QueuedAction> {
        let mut st = self.lock();
        let a = st.actions.iter_mut().find(|a| a.id == id)?;
        if !matches!(a.state, ActionState::Failed { .. }) {
            return None;
        }
        a.state = ActionState::Queued;
        a.updated_at_ms = now_ms;
        Some(a.clone())
    }

    fn update(
        &self,
        id: u64,
        now_ms: i64,
        f: impl FnOnce(&mut QueuedAction),
    ) -> Option<QueuedAction> {
        let mut st = self.lock();
        let a = st.actions.iter_mut().find(|a| a.id == id)?;
        f(a);
        a.updated_at_ms = now_ms;
        Some(a.clone())
    }

    pub(crate) fn actions(&self) -> Vec<QueuedAction> {
        self.lock().actions.iter().cloned().collect()
    }

    pub(crate) fn comment_banned(&self) -> Option<bool> {
        self.lock().comment_banned
    }

    fn after_success(&self, kind: ActionKind) {
        if let ActionKind::CommentBan { banned } = kind {
            self.lock().comment_banned = Some(banned);
        }
    }
}

impl Console {
    /// Sends `action` when its turn comes, waiting out showing cards; answers how it ended.
    pub(crate) async fn run(&self, q: &RoomQueue, action: QueuedAction) -> QueuedAction {
        let _turn = q.turn.lock().await;
        let id = action.id;
        let now = || self.now_ms();
        let emit = |a: Option<QueuedAction>| {
            if let Some(a) = a.clone() {
                self.emit.emit(LiveEvent::Action { action: a });
            }
            a
        };
        let fail = |e: &CoreError, sent: bool| {
            let failed = ActionState::Failed {
                errcode: e.detail().and_then(|d| d.errcode),
                message: e.message(self.locale.get()),
                sent,
                maybe_sent: matches!(e, CoreError::Wechat(w) if w.is_ambiguous()),
            };
            emit(q.update(id, now(), |a| a.state = failed)).unwrap_or_else(|| action.clone())
        };

        match self.refusal(&action).await {
            Ok(None) => {}
            Ok(Some(code)) => {
                self.journal_refusal(&action, code);
                return fail(&CoreError::Refused(code), false);
            }
            Err(e) => return fail(&e, false),
        }

        let policy = self.wait_policy();
        let mut delay = policy.first;
        let mut first_busy: Option<Instant> = None;
        loop {
            emit(q.update(id, now(), |a| {
                a.state = ActionState::Sending;
                a.attempts += 1;
            }));
            let started = Instant::now();
            match self.send(&action).await {
                Ok(()) => {
                    q.after_success(action.action);
                    if let ActionKind::Remove { goods_id } = action.action {
                        self.book
                            .removed(&action.account_id, action.room_id, goods_id);
                    }
                    let latency_ms = started.elapsed().as_millis() as i64;
                    return emit(
                        q.update(id, now(), |a| a.state = ActionState::Done { latency_ms }),
                    )
                    .unwrap_or_else(|| action.clone());
                }
                Err(e) if busy(&e) => {
                    let since = *first_busy.get_or_insert_with(Instant::now);
                    if since.elapsed() + delay > policy.give_up_after {
                        return fail(&e, true);
                    }
                    let errcode = e.detail().and_then(|d| d.errcode).unwrap_or_default();
                    let retry_at_ms = now() + delay.as_millis() as i64;
                    emit(q.update(id, now(), |a| {
                        a.state = ActionState::Waiting {
                            errcode,
                            retry_at_ms,
                        }
                    }));
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(policy.max);
                }
                Err(e) => return fail(&e, reached_wechat(&e)),
            }
        }
    }
}

/// Whether the request left (WeChat answered, or may have acted without answering); a lock, a
/// local check or a network failure before sending did not.
fn reached_wechat(e: &CoreError) -> bool {
    matches!(e, CoreError::Wechat(w) if w.code().is_some() || w.is_ambiguous())
}

/// WeChat said a card is showing.
fn busy(e: &CoreError) -> bool {
    matches!(e, CoreError::Wechat(w) if w.retry_class() == RetryClass::Busy)
}

/// The errcode WeChat would answer, when LiveDesk knows it before sending.
impl Console {
    async fn refusal(&self, a: &QueuedAction) -> CoreResult<Option<ErrCode>> {
        let ActionKind::Push { goods_id } = a.action else {
            return Ok(None);
        };
        let sales = self.store.sales(&a.account_id, a.room_id)?;
        if sales.get(&goods_id).is_some_and(|(on, _)| !on) {
            return Ok(Some(ErrCode::OffShelfCannotPush));
        }
        if self.book.has(&a.account_id, a.room_id, goods_id) == Some(true) {
            return Ok(None);
        }
        // Not known to be there: read the shelf (it may have changed elsewhere) before refusing.
        let goods = self
            .clients
            .get(&a.account_id)?
            .room_goods()
            .list(a.room_id)
            .await?
            .ok_or_else(|| CoreError::not_found(format!("room {}", a.room_id)))?;
        let ids: HashSet<i64> = goods.iter().map(|g| g.goods_id).collect();
        let there = ids.contains(&goods_id);
        self.book.read(
            &a.account_id,
            a.room_id,
            goods.into_iter().map(|g| (g.goods_id, g.name)).collect(),
        );
        Ok((!there).then_some(ErrCode::GoodsNotInRoom))
    }

    /// One request for the action, journaled by the service that sends it.
    async fn send(&self, a: &QueuedAction) -> CoreResult<()> {
        let (account, room) = (a.account_id.as_str(), a.room_id);
        // The name the console already looked up goes into the journal row as it is.
        let name = Some(a.subject.as_str());
        match a.action {
            ActionKind::Push { goods_id } => self.shelf.push(account, room, goods_id, name).await,
            ActionKind::Sale { goods_id, on_sale } => {
                self.shelf
                    .set_on_sale(account, room, goods_id, on_sale, name)
                    .await
            }
            ActionKind::Remove { goods_id } => {
                self.shelf.remove(account, room, goods_id, name).await
            }
            ActionKind::CommentBan { banned } => self.comment_ban(account, room, banned).await,
        }
    }

    /// A refusal goes in the journal too: the console's log reads from it. Only pushes are refused.
    fn journal_refusal(&self, a: &QueuedAction, code: ErrCode) {
        let mut w = Write::new(&a.account_id, Action::RoomGoodsPush)
            .room(a.room_id)
            .subject(&a.subject)
            .detail("not sent");
        if let Some(g) = a.action.goods_id() {
            w = w.goods(g);
        }
        match self
            .journal
            .record_sync(w, || Err::<(), _>(CoreError::Refused(code)))
        {
            Ok(()) | Err(CoreError::Refused(_)) => {}
            Err(e) => log::warn!("journal: {e}"),
        }
    }
}
