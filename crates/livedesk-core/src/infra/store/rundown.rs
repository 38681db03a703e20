//! `rundown_items` (a room's planned show: goods items and talk segments in order, each with the
//! anchor's script and a planned duration) and `rundown_cursor` (the item on now, since when).
//! Every change is one transaction; rows are always addressed with their account and room.

use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Store, StoreError};

/// What a rundown item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Goods to present and push.
    Goods,
    /// A talk segment (opening, a story, a lucky draw…).
    Talk,
}

impl ItemKind {
    fn as_str(self) -> &'static str {
        match self {
            ItemKind::Goods => "goods",
            ItemKind::Talk => "talk",
        }
    }

    fn parse(s: &str) -> Self {
        if s == "goods" {
            ItemKind::Goods
        } else {
            ItemKind::Talk
        }
    }
}

/// One item of a rundown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RundownItem {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: ItemKind,
    #[ts(type = "number | null")]
    pub goods_id: Option<i64>,
    pub title: String,
    /// The anchor's script (话术).
    pub script: String,
    pub planned_secs: u32,
    pub skipped: bool,
}

/// An item as added or edited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ItemInput {
    pub kind: Option<ItemKind>,
    #[ts(type = "number | null")]
    pub goods_id: Option<i64>,
    pub title: String,
    pub script: String,
    pub planned_secs: u32,
}

/// The item on now and since when (unix ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub current: Option<i64>,
    pub started_at_ms: Option<i64>,
}

fn item(r: &Row<'_>) -> rusqlite::Result<RundownItem> {
    Ok(RundownItem {
        id: r.get(0)?,
        kind: ItemKind::parse(&r.get::<_, String>(1)?),
        goods_id: r.get(2)?,
        title: r.get(3)?,
        script: r.get(4)?,
        planned_secs: r.get(5)?,
        skipped: r.get(6)?,
    })
}

/// Where `after` sits (or -1 for the top), moving everything below down one place.
fn open_gap(
    tx: &Transaction<'_>,
    account_id: &str,
    room_id: i64,
    after: Option<i64>,
) -> Result<i64, StoreError> {
    let pos: i64 = match after {
        Some(id) => tx
            .query_row(
                "SELECT position FROM rundown_items WHERE id = ?1 AND account_id = ?2 AND room_id = ?3",
                params![id, account_id, room_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows))?,
        None => tx.query_row(
            "SELECT COALESCE(MAX(position), -1) FROM rundown_items WHERE account_id = ?1 AND room_id = ?2",
            params![account_id, room_id],
            |r| r.get(0),
        )?,
    };
    tx.execute(
        "UPDATE rundown_items SET position = position + 1
         WHERE account_id = ?1 AND room_id = ?2 AND position > ?3",
        params![account_id, room_id, pos],
    )?;
    Ok(pos + 1)
}

impl Store {
    /// A room's rundown in order.
    pub fn rundown_items(
        &self,
        account_id: &str,
        room_id: i64,
    ) -> Result<Vec<RundownItem>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, kind, goods_id, title, script, planned_secs, skipped FROM rundown_items
             WHERE account_id = ?1 AND room_id = ?2 ORDER BY position, id",
        )?;
        let rows = stmt
            .query_map(params![account_id, room_id], item)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Adds an item after `after` (at the end when `None`); answers its id.
    pub fn insert_rundown_item(
        &self,
        account_id: &str,
        room_id: i64,
        after: Option<i64>,
        kind: ItemKind,
        input: &ItemInput,
    ) -> Result<i64, StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let pos = open_gap(&tx, account_id, room_id, after)?;
        tx.execute(
            "INSERT INTO rundown_items (account_id, room_id, position, kind, goods_id, title, script,
                                        planned_secs, skipped)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)",
            params![
                account_id,
                room_id,
                pos,
                kind.as_str(),
                input.goods_id,
                input.title,
                input.script,
                input.planned_secs
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Changes an item's title, script and planned duration; false when it is not there.
    pub fn update_rundown_item(
        &self,
        account_id: &str,
        room_id: i64,
        id: i64,
        input: &ItemInput,
    ) -> Result<bool, StoreError> {
        Ok(self.conn().execute(
            "UPDATE rundown_items SET title = ?4, script = ?5, planned_secs = ?6
             WHERE id = ?3 AND account_id = ?1 AND room_id = ?2",
            params![
                account_id,
                room_id,
                id,
                input.title,
                input.script,
                input.planned_secs
            ],
        )? == 1)
    }

    /// Marks an item skipped or not; false when it is not there.
    pub fn set_rundown_skipped(
        &self,
        account_id: &str,
        room_id: i64,
        id: i64,
        skipped: bool,
    ) -> Result<bool, StoreError> {
        Ok(self.conn().execute(
            "UPDATE rundown_items SET skipped = ?4 WHERE id = ?3 AND account_id = ?1 AND room_id = ?2",
            params![account_id, room_id, id, skipped],
        )? == 1)
    }

    /// Removes an item; false when it is not there.
    pub fn delete_rundown_item(
        &self,
        account_id: &str,
        room_id: i64,
        id: i64,
    ) -> Result<bool, StoreError> {
        Ok(self.conn().execute(
            "DELETE FROM rundown_items WHERE id = ?3 AND account_id = ?1 AND room_id = ?2",
            params![account_id, room_id, id],
        )? == 1)
    }

    /// Puts the items in the order of `ids`, which must be exactly the room's items; false when
    /// they are not (nothing changes then).
    pub fn reorder_rundown(
        &self,
        account_id: &str,
        room_id: i64,
        ids: &[i64],
    ) -> Result<bool, StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let mut have: Vec<i64> = {
            let mut stmt = tx.prepare_cached(
                "SELECT id FROM rundown_items WHERE account_id = ?1 AND room_id = ?2",
            )?;
            let rows = stmt.query_map(params![account_id, room_id], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut want = ids.to_vec();
        have.sort_unstable();
        want.sort_unstable();
        if have != want {
            return Ok(false);
        }
        for (pos, id) in ids.iter().enumerate() {
            tx.execute(
                "UPDATE rundown_items SET position = ?2 WHERE id = ?1",
                params![id, pos as i64],
            )?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// The room's cursor (nothing on yet when never set).
    pub fn rundown_cursor(&self, account_id: &str, room_id: i64) -> Result<Cursor, StoreError> {
        let got = self
            .conn()
            .query_row(
                "SELECT current_item, started_at_ms FROM rundown_cursor
                 WHERE account_id = ?1 AND room_id = ?2",
                params![account_id, room_id],
                |r| {
                    Ok(Cursor {
                        current: r.get(0)?,
                        started_at_ms: r.get(1)?,
                    })
                },
            )
            .optional()?;
        Ok(got.unwrap_or(Cursor {
            current: None,
            started_at_ms: None,
        }))
    }

    /// Sets the item on now.
    pub fn set_rundown_cursor(
        &self,
        account_id: &str,
        room_id: i64,
        c: Cursor,
    ) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO rundown_cursor (account_id, room_id, current_item, started_at_ms)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(account_id, room_id) DO UPDATE SET
                current_item = excluded.current_item, started_at_ms = excluded.started_at_ms",
            params![account_id, room_id, c.current, c.started_at_ms],
        )?;
        Ok(())
    }
}
