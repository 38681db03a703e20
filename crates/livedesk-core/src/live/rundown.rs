//! The show's rundown: goods items and talk segments in order, each with the anchor's script and
//! a planned duration, edited before and during the show (add, insert, edit, skip, reorder,
//! remove), and the cursor that "push next" moves. Each step is journaled and told to every
//! window following the room (the console and the anchor view).

use serde::Serialize;
use ts_rs::TS;

use super::{ActionKind, Console, LiveEvent, QueuedAction};
use crate::base::clock::unix_now_ms;
use crate::base::error::{CoreError, CoreResult};
use crate::base::events::Emitter;
use crate::base::locale::LocaleState;
use crate::infra::store::{Cursor, ItemInput, ItemKind, RundownItem, Store};
use crate::journal::{Action, Journal, Write};

/// Each room's rundown, and push next through the room's queue. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Rundowns {
    store: Store,
    journal: Journal,
    console: Console,
    emit: Emitter<LiveEvent>,
    locale: LocaleState,
}

/// The longest title, in characters.
pub const TITLE_MAX: usize = 60;
/// The longest script, in characters.
pub const SCRIPT_MAX: usize = 20_000;
/// The longest planned duration: a whole day.
pub const PLANNED_MAX_SECS: u32 = 24 * 3600;

/// A room's rundown as the console and the anchor view show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Rundown {
    pub account_id: String,
    #[ts(type = "number")]
    pub room_id: i64,
    pub items: Vec<RundownItem>,
    /// The item on now.
    #[ts(type = "number | null")]
    pub current_id: Option<i64>,
    /// When it came on (unix ms): the segment's elapsed time counts from here.
    #[ts(type = "number | null")]
    pub started_at_ms: Option<i64>,
    /// What "push next" brings on: the first item after the current one that is not skipped.
    #[ts(type = "number | null")]
    pub next_id: Option<i64>,
}

/// What "push next" did: the rundown after the step, and the push it sent for a goods item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Stepped {
    pub rundown: Rundown,
    pub push: Option<QueuedAction>,
}

fn next_after(items: &[RundownItem], current: Option<i64>) -> Option<i64> {
    let start = match current.and_then(|c| items.iter().position(|i| i.id == c)) {
        Some(i) => i + 1,
        None => 0,
    };
    items[start.min(items.len())..]
        .iter()
        .find(|i| !i.skipped)
        .map(|i| i.id)
}

impl Rundowns {
    /// The rundowns in `store`; push next goes through `console`.
    pub fn new(
        store: Store,
        journal: Journal,
        console: Console,
        emit: Emitter<LiveEvent>,
        locale: LocaleState,
    ) -> Self {
        Self {
            store,
            journal,
            console,
            emit,
            locale,
        }
    }

    /// The room's rundown.
    pub fn get(&self, account_id: &str, room_id: i64) -> CoreResult<Rundown> {
        let items = self.store.rundown_items(account_id, room_id)?;
        let Cursor {
            current,
            started_at_ms,
        } = self.store.rundown_cursor(account_id, room_id)?;
        // An item removed while on leaves nothing on (the foreign key cleared it).
        let current = current.filter(|c| items.iter().any(|i| i.id == *c));
        Ok(Rundown {
            account_id: account_id.to_owned(),
            room_id,
            next_id: next_after(&items, current),
            started_at_ms: current.and(started_at_ms),
            current_id: current,
            items,
        })
    }

    /// Journals a local rundown step, then tells every window following the room.
    fn step<T>(
        &self,
        account_id: &str,
        room_id: i64,
        w: Write,
        write: impl FnOnce() -> CoreResult<T>,
    ) -> CoreResult<T> {
        let out = self.journal.record_sync(w.room(room_id), write)?;
        self.emit.emit(LiveEvent::Rundown {
            account_id: account_id.to_owned(),
            room_id,
        });
        Ok(out)
    }

    /// Adds an item after `after` (at the end when `None`); a goods item's title defaults to the
    /// goods' name. Answers the rundown.
    pub fn add(
        &self,
        account_id: &str,
        room_id: i64,
        mut input: ItemInput,
        after: Option<i64>,
    ) -> CoreResult<Rundown> {
        let kind = input.kind.unwrap_or(ItemKind::Talk);
        check(&input, kind)?;
        if let Some(a) = after {
            if !self
                .store
                .rundown_items(account_id, room_id)?
                .iter()
                .any(|i| i.id == a)
            {
                return Err(missing(a));
            }
        }
        if let (ItemKind::Goods, Some(g), true) =
            (kind, input.goods_id, input.title.trim().is_empty())
        {
            input.title = self.console.goods_name(account_id, room_id, g);
        }
        let mut w = Write::new(account_id, Action::RundownAdd).subject(&input.title);
        if let Some(g) = input.goods_id {
            w = w.goods(g);
        }
        self.step(account_id, room_id, w, || {
            Ok(self
                .store
                .insert_rundown_item(account_id, room_id, after, kind, &input)?)
        })?;
        self.get(account_id, room_id)
    }

    /// Changes an item's title, script and planned duration.
    pub fn edit(
        &self,
        account_id: &str,
        room_id: i64,
        id: i64,
        input: ItemInput,
    ) -> CoreResult<Rundown> {
        let current = self.item(account_id, room_id, id)?;
        check(
            &ItemInput {
                goods_id: current.goods_id,
                ..input.clone()
            },
            current.kind,
        )?;
        let w = Write::new(account_id, Action::RundownEdit).subject(&input.title);
        self.step(account_id, room_id, w, || {
            self.store
                .update_rundown_item(account_id, room_id, id, &input)?
                .then_some(())
                .ok_or_else(|| missing(id))
        })?;
        self.get(account_id, room_id)
    }

    fn item(&self, account_id: &str, room_id: i64, id: i64) -> CoreResult<RundownItem> {
        self.store
            .rundown_items(account_id, room_id)?
            .into_iter()
            .find(|i| i.id == id)
            .ok_or_else(|| missing(id))
    }

    /// Skips an item (push next passes over it) or takes it back.
    pub fn set_skipped(
        &self,
        account_id: &str,
        room_id: i64,
        id: i64,
        skipped: bool,
    ) -> CoreResult<Rundown> {
        let it = self.item(account_id, room_id, id)?;
        let w = Write::new(account_id, Action::RundownEdit)
            .subject(&it.title)
            .detail(if skipped { "skip" } else { "unskip" });
        self.step(account_id, room_id, w, || {
            self.store
                .set_rundown_skipped(account_id, room_id, id, skipped)?
                .then_some(())
                .ok_or_else(|| missing(id))
        })?;
        self.get(account_id, room_id)
    }

    /// Removes an item.
    pub fn remove(&self, account_id: &str, room_id: i64, id: i64) -> CoreResult<Rundown> {
        let it = self.item(account_id, room_id, id)?;
        let w = Write::new(account_id, Action::RundownRemove).subject(&it.title);
        self.step(account_id, room_id, w, || {
            self.store
                .delete_rundown_item(account_id, room_id, id)?
                .then_some(())
                .ok_or_else(|| missing(id))
        })?;
        self.get(account_id, room_id)
    }

    /// Orders the items as `ids` (every item of the room, once).
    pub fn reorder(&self, account_id: &str, room_id: i64, ids: &[i64]) -> CoreResult<Rundown> {
        let mut have: Vec<i64> = self
            .store
            .rundown_items(account_id, room_id)?
            .iter()
            .map(|i| i.id)
            .collect();
        let mut want = ids.to_vec();
        have.sort_unstable();
        want.sort_unstable();
        let not_all = || {
            CoreError::invalid(
                "ids",
                "排序须包含这场直播流程的每一项，且每项一次",
                "The order must name every item of the rundown, each once",
            )
        };
        if have != want {
            return Err(not_all());
        }
        let detail = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let w = Write::new(account_id, Action::RundownReorder).detail(detail);
        self.step(account_id, room_id, w, || {
            self.store
                .reorder_rundown(account_id, room_id, ids)?
                .then_some(())
                .ok_or_else(not_all)
        })?;
        self.get(account_id, room_id)
    }

    /// Puts `id` on now (or nothing, with `None`), its timer from zero.
    pub fn go_to(&self, account_id: &str, room_id: i64, id: Option<i64>) -> CoreResult<Rundown> {
        let subject = match id {
            Some(i) => self.item(account_id, room_id, i)?.title,
            None => String::new(),
        };
        self.set_current(account_id, room_id, id, subject)?;
        self.get(account_id, room_id)
    }

    fn set_current(
        &self,
        account_id: &str,
        room_id: i64,
        id: Option<i64>,
        subject: String,
    ) -> CoreResult<()> {
        let w = Write::new(account_id, Action::RundownStep).subject(subject);
        let cursor = Cursor {
            current: id,
            started_at_ms: id.map(|_| unix_now_ms()),
        };
        self.step(account_id, room_id, w, || {
            Ok(self.store.set_rundown_cursor(account_id, room_id, cursor)?)
        })
    }

    /// "Push next": the next item that is not skipped comes on, and a goods item's card is pushed
    /// through the room's queue. At the end of the rundown nothing changes.
    pub async fn push_next(&self, account_id: &str, room_id: i64) -> CoreResult<Stepped> {
        let before = self.get(account_id, room_id)?;
        let Some(next) = before.next_id else {
            return Err(CoreError::invalid(
                "rundown",
                "流程已到最后一项",
                "The rundown is at its last item",
            ));
        };
        let it = before
            .items
            .iter()
            .find(|i| i.id == next)
            .cloned()
            .ok_or_else(|| missing(next))?;
        self.set_current(account_id, room_id, Some(next), it.title.clone())?;
        let push = match (it.kind, it.goods_id) {
            (ItemKind::Goods, Some(goods_id)) => Some(
                self.console
                    .act(account_id, room_id, ActionKind::Push { goods_id })
                    .await?,
            ),
            _ => None,
        };
        Ok(Stepped {
            rundown: self.get(account_id, room_id)?,
            push,
        })
    }

    /// [`push_next`] for a caller with no window waiting on its answer (the global hotkey): a
    /// failure before the queue (the end of the rundown, the store) reaches the windows as a notice;
    /// the push itself reports through its action events.
    pub async fn push_next_reporting(&self, account_id: &str, room_id: i64) {
        if let Err(e) = self.push_next(account_id, room_id).await {
            self.emit.emit(LiveEvent::Notice {
                account_id: account_id.to_owned(),
                room_id,
                message: e.message(self.locale.get()),
            });
        }
    }
}

fn check(input: &ItemInput, kind: ItemKind) -> CoreResult<()> {
    if kind == ItemKind::Goods && input.goods_id.is_none() {
        return Err(CoreError::invalid(
            "goodsId",
            "请选择这一项要讲解的商品",
            "Pick the goods this item presents",
        ));
    }
    if kind == ItemKind::Talk && input.title.trim().is_empty() {
        return Err(CoreError::invalid(
            "title",
            "请填写这一段的标题，例如：开场福利",
            "Give the segment a title, e.g. Opening giveaway",
        ));
    }
    if input.title.chars().count() > TITLE_MAX {
        return Err(CoreError::invalid(
            "title",
            format!("标题最多 {TITLE_MAX} 个字"),
            format!("The title is at most {TITLE_MAX} characters"),
        ));
    }
    if input.script.chars().count() > SCRIPT_MAX {
        return Err(CoreError::invalid(
            "script",
            format!("话术最多 {SCRIPT_MAX} 个字"),
            format!("The script is at most {SCRIPT_MAX} characters"),
        ));
    }
    if input.planned_secs > PLANNED_MAX_SECS {
        return Err(CoreError::invalid(
            "plannedSecs",
            "计划时长不能超过 24 小时",
            "The planned duration is at most 24 hours",
        ));
    }
    Ok(())
}

fn missing(id: i64) -> CoreError {
    CoreError::not_found(format!("rundown item {id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn it(id: i64, skipped: bool) -> RundownItem {
        RundownItem {
            id,
            kind: ItemKind::Talk,
            goods_id: None,
            title: String::new(),
            script: String::new(),
            planned_secs: 0,
            skipped,
        }
    }

    #[test]
    fn next_passes_over_skipped_items_and_stops_at_the_end() {
        let items = [it(1, false), it(2, true), it(3, false)];
        assert_eq!(next_after(&items, None), Some(1));
        assert_eq!(next_after(&items, Some(1)), Some(3));
        assert_eq!(next_after(&items, Some(3)), None);
        assert_eq!(
            next_after(&items, Some(99)),
            Some(1),
            "unknown: from the top"
        );
        assert_eq!(next_after(&[], None), None);
    }
}
