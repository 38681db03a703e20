//! A room's show in numbers, from its journal rows: pushes per goods, failures, and the timeline.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use super::{Action, Journal, JournalEntry, JournalFilter, Outcome};
use crate::base::error::CoreResult;

/// Pushes of one goods in a room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoodsPushes {
    #[ts(type = "number")]
    pub goods_id: i64,
    /// The goods' name at its last push.
    pub name: String,
    pub ok: u32,
    pub failed: u32,
    /// When it was last pushed successfully (unix ms).
    #[ts(type = "number | null")]
    pub last_ok_ms: Option<i64>,
}

/// A room's journal, summed up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomSummary {
    #[ts(type = "number")]
    pub room_id: i64,
    /// Pushes per goods, most pushed first.
    pub pushes: Vec<GoodsPushes>,
    /// Writes that failed or may not have happened.
    pub failures: u32,
    pub writes: u32,
    /// Every write on the room, oldest first.
    pub timeline: Vec<JournalEntry>,
}

impl Journal {
    /// The summary of `room_id` on `account_id`.
    pub fn room_summary(&self, account_id: &str, room_id: i64) -> CoreResult<RoomSummary> {
        let timeline = self.store.journal_all(&JournalFilter {
            account_id: Some(account_id.to_owned()),
            room_id: Some(room_id),
            ..Default::default()
        })?;
        Ok(summarize(room_id, timeline))
    }
}

fn summarize(room_id: i64, timeline: Vec<JournalEntry>) -> RoomSummary {
    let mut per_goods: BTreeMap<i64, GoodsPushes> = BTreeMap::new();
    let mut failures = 0;
    for e in &timeline {
        let failed = matches!(
            e.result,
            Outcome::Failed | Outcome::Unknown | Outcome::Interrupted
        );
        failures += u32::from(failed);
        let Some(goods_id) = e.goods_id else { continue };
        if e.action != Action::RoomGoodsPush.as_str() {
            continue;
        }
        let p = per_goods.entry(goods_id).or_insert_with(|| GoodsPushes {
            goods_id,
            name: String::new(),
            ok: 0,
            failed: 0,
            last_ok_ms: None,
        });
        if !e.subject.is_empty() {
            p.name = e.subject.clone();
        }
        if e.result == Outcome::Ok {
            p.ok += 1;
            p.last_ok_ms = Some(e.at_ms);
        } else if failed {
            p.failed += 1;
        }
    }
    let mut pushes: Vec<GoodsPushes> = per_goods.into_values().collect();
    pushes.sort_by(|a, b| b.ok.cmp(&a.ok).then(a.goods_id.cmp(&b.goods_id)));
    RoomSummary {
        room_id,
        pushes,
        failures,
        writes: timeline.len() as u32,
        timeline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, action: Action, goods: Option<i64>, result: Outcome) -> JournalEntry {
        JournalEntry {
            id,
            at_ms: id * 1000,
            os_user: "u".into(),
            machine: "m".into(),
            account_id: "sandbox".into(),
            room_id: Some(3),
            goods_id: goods,
            subject: goods.map(|g| format!("goods {g}")).unwrap_or_default(),
            action: action.as_str().into(),
            detail: String::new(),
            result,
            errcode: None,
            message: String::new(),
            latency_ms: Some(5),
            origin: "app".into(),
        }
    }

    #[test]
    fn counts_pushes_per_goods_and_failures() {
        let s = summarize(
            3,
            vec![
                row(1, Action::RoomGoodsImport, None, Outcome::Ok),
                row(2, Action::RoomGoodsPush, Some(7), Outcome::Ok),
                row(3, Action::RoomGoodsPush, Some(8), Outcome::Failed),
                row(4, Action::RoomGoodsPush, Some(8), Outcome::Ok),
                row(5, Action::RoomGoodsPush, Some(8), Outcome::Ok),
                row(6, Action::RoomGoodsSale, Some(7), Outcome::Unknown),
            ],
        );
        assert_eq!((s.writes, s.failures), (6, 2));
        let got: Vec<_> = s
            .pushes
            .iter()
            .map(|p| (p.goods_id, p.ok, p.failed, p.last_ok_ms))
            .collect();
        assert_eq!(got, [(8, 2, 1, Some(5000)), (7, 1, 0, Some(2000))]);
        assert_eq!(s.pushes[0].name, "goods 8");
    }
}
