//! The `goods` table (the library as WeChat last answered, with the audit ids only add and
//! resubmit answer) and `room_goods_sale` (the sale state LiveDesk set on a room's goods).

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use super::{Store, StoreError};

/// A library goods row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoodsRow {
    #[ts(type = "number")]
    pub goods_id: i64,
    /// Kept from add/resubmit: withdrawing an audit needs it, and no listing answers it.
    #[ts(type = "number | null")]
    pub audit_id: Option<i64>,
    pub name: String,
    pub cover_url: String,
    pub url: String,
    /// 1 fixed, 2 range, 3 discount.
    pub price_type: u8,
    /// Fen.
    #[ts(type = "number")]
    pub price: i64,
    /// Fen.
    #[ts(type = "number | null")]
    pub price2: Option<i64>,
    pub third_party_appid: String,
    /// 1 or 2: added through the API; anything else: added in WeChat's console (read-only here).
    pub third_party_tag: Option<u8>,
    /// 0 unaudited, 1 under review, 2 approved, 3 rejected.
    pub audit_status: u8,
    /// When WeChat last confirmed it (unix seconds).
    #[ts(type = "number")]
    pub seen_at: i64,
}

const COLUMNS: &str = "goods_id, audit_id, name, cover_url, url, price_type, price, price2, \
                       third_party_appid, third_party_tag, audit_status, seen_at";

fn row(r: &Row<'_>) -> rusqlite::Result<GoodsRow> {
    Ok(GoodsRow {
        goods_id: r.get(0)?,
        audit_id: r.get(1)?,
        name: r.get(2)?,
        cover_url: r.get(3)?,
        url: r.get(4)?,
        price_type: r.get(5)?,
        price: r.get(6)?,
        price2: r.get(7)?,
        third_party_appid: r.get(8)?,
        third_party_tag: r.get(9)?,
        audit_status: r.get(10)?,
        seen_at: r.get(11)?,
    })
}

const UPSERT: &str = "INSERT INTO goods (account_id, goods_id, audit_id, name, cover_url, url,
        price_type, price, price2, third_party_appid, third_party_tag, audit_status, seen_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
     ON CONFLICT(account_id, goods_id) DO UPDATE SET
        audit_id = COALESCE(excluded.audit_id, goods.audit_id),
        name = excluded.name, cover_url = excluded.cover_url, url = excluded.url,
        price_type = excluded.price_type, price = excluded.price, price2 = excluded.price2,
        third_party_appid = excluded.third_party_appid,
        third_party_tag = COALESCE(excluded.third_party_tag, goods.third_party_tag),
        audit_status = excluded.audit_status, seen_at = excluded.seen_at";

fn upsert(conn: &rusqlite::Connection, account_id: &str, g: &GoodsRow) -> rusqlite::Result<()> {
    conn.prepare_cached(UPSERT)?.execute(params![
        account_id,
        g.goods_id,
        g.audit_id,
        g.name,
        g.cover_url,
        g.url,
        g.price_type,
        g.price,
        g.price2,
        g.third_party_appid,
        g.third_party_tag,
        g.audit_status,
        g.seen_at
    ])?;
    Ok(())
}

/// Goods counts per audit status (index = status code).
pub type StatusCounts = [u64; 4];

impl Store {
    /// Writes (or updates) goods rows; an audit id already kept survives a row without one.
    pub fn upsert_goods(&self, account_id: &str, goods: &[GoodsRow]) -> Result<(), StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for g in goods {
            upsert(&tx, account_id, g)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// After a full sync: the library becomes `goods`; rows WeChat no longer lists are dropped
    /// (goods deleted elsewhere), keeping the audit ids of those that remain.
    pub fn replace_library(
        &self,
        account_id: &str,
        goods: &[GoodsRow],
        synced_at: i64,
    ) -> Result<(), StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for g in goods {
            upsert(&tx, account_id, g)?;
        }
        tx.execute(
            "DELETE FROM goods WHERE account_id = ?1 AND seen_at < ?2",
            params![account_id, synced_at],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// One goods row.
    pub fn goods_row(
        &self,
        account_id: &str,
        goods_id: i64,
    ) -> Result<Option<GoodsRow>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM goods WHERE account_id = ?1 AND goods_id = ?2"),
                params![account_id, goods_id],
                row,
            )
            .optional()?)
    }

    /// A page of goods in one status, newest first, names containing `search` (any case).
    pub fn goods_page(
        &self,
        account_id: &str,
        status: u8,
        search: &str,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<GoodsRow>, u64), StoreError> {
        let like = format!("%{}%", escape_like(search.trim()));
        let conn = self.conn();
        let total: i64 = conn.query_row(
            "SELECT COUNT(*) FROM goods WHERE account_id = ?1 AND audit_status = ?2
                AND name LIKE ?3 ESCAPE '\\'",
            params![account_id, status, like],
            |r| r.get(0),
        )?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM goods WHERE account_id = ?1 AND audit_status = ?2
                AND name LIKE ?3 ESCAPE '\\' ORDER BY goods_id DESC LIMIT ?4 OFFSET ?5"
        ))?;
        let rows = stmt
            .query_map(params![account_id, status, like, limit, offset], row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((rows, total as u64))
    }

    /// How many goods of the account are in each status.
    pub fn goods_counts(&self, account_id: &str) -> Result<StatusCounts, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT audit_status, COUNT(*) FROM goods WHERE account_id = ?1 GROUP BY audit_status",
        )?;
        let mut counts = [0u64; 4];
        for r in stmt.query_map([account_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })? {
            let (status, n) = r?;
            if let Some(c) = usize::try_from(status).ok().and_then(|s| counts.get_mut(s)) {
                *c = n as u64;
            }
        }
        Ok(counts)
    }

    /// Ids of the account's goods in one status.
    pub fn goods_ids_in(&self, account_id: &str, status: u8) -> Result<Vec<i64>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT goods_id FROM goods WHERE account_id = ?1 AND audit_status = ?2 ORDER BY goods_id",
        )?;
        let ids = stmt
            .query_map(params![account_id, status], |r| r.get(0))?
            .collect::<Result<Vec<i64>, _>>()?;
        Ok(ids)
    }

    /// Sets a goods' audit state (and its new audit id, when one came).
    pub fn set_goods_audit(
        &self,
        account_id: &str,
        goods_id: i64,
        audit_status: u8,
        audit_id: Option<i64>,
        at: i64,
    ) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE goods SET audit_status = ?3, audit_id = COALESCE(?4, audit_id), seen_at = ?5
             WHERE account_id = ?1 AND goods_id = ?2",
            params![account_id, goods_id, audit_status, audit_id, at],
        )?;
        Ok(())
    }

    /// Forgets library goods (deleted in WeChat).
    pub fn delete_goods(&self, account_id: &str, goods_id: i64) -> Result<(), StoreError> {
        let conn = self.conn();
        conn.execute(
            "DELETE FROM goods WHERE account_id = ?1 AND goods_id = ?2",
            params![account_id, goods_id],
        )?;
        conn.execute(
            "DELETE FROM room_goods_sale WHERE account_id = ?1 AND goods_id = ?2",
            params![account_id, goods_id],
        )?;
        Ok(())
    }

    /// Remembers the sale state LiveDesk set.
    pub fn set_sale(
        &self,
        account_id: &str,
        room_id: i64,
        goods_id: i64,
        on_sale: bool,
        at: i64,
    ) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO room_goods_sale (account_id, room_id, goods_id, on_sale, set_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(account_id, room_id, goods_id) DO UPDATE SET
                on_sale = excluded.on_sale, set_at = excluded.set_at",
            params![account_id, room_id, goods_id, on_sale, at],
        )?;
        Ok(())
    }

    /// The sale states LiveDesk set in a room: goods id → (on sale, when).
    pub fn sales(
        &self,
        account_id: &str,
        room_id: i64,
    ) -> Result<HashMap<i64, (bool, i64)>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT goods_id, on_sale, set_at FROM room_goods_sale WHERE account_id = ?1 AND room_id = ?2",
        )?;
        let map = stmt
            .query_map(params![account_id, room_id], |r| {
                Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
            })?
            .collect::<Result<HashMap<_, _>, _>>()?;
        Ok(map)
    }

    /// Forgets a room goods' sale state (the goods left the room).
    pub fn clear_sale(
        &self,
        account_id: &str,
        room_id: i64,
        goods_id: i64,
    ) -> Result<(), StoreError> {
        self.conn().execute(
            "DELETE FROM room_goods_sale WHERE account_id = ?1 AND room_id = ?2 AND goods_id = ?3",
            params![account_id, room_id, goods_id],
        )?;
        Ok(())
    }
}

/// `%` and `_` typed in a search are literal.
fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goods(id: i64, name: &str, status: u8, audit: Option<i64>, at: i64) -> GoodsRow {
        GoodsRow {
            goods_id: id,
            audit_id: audit,
            name: name.into(),
            cover_url: String::new(),
            url: "pages/g".into(),
            price_type: 1,
            price: 990,
            price2: None,
            third_party_appid: String::new(),
            third_party_tag: Some(2),
            audit_status: status,
            seen_at: at,
        }
    }

    #[test]
    fn audit_ids_survive_a_sync_and_vanished_goods_go() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store
            .upsert_goods(
                "sandbox",
                &[
                    goods(1, "保温杯", 1, Some(501), 10),
                    goods(2, "茶具_礼盒", 2, None, 10),
                ],
            )
            .unwrap();
        // The sync lists goods 1 (now approved, no audit id in listings) but not goods 2.
        store
            .replace_library("sandbox", &[goods(1, "保温杯", 2, None, 20)], 20)
            .unwrap();
        let one = store.goods_row("sandbox", 1).unwrap().unwrap();
        assert_eq!((one.audit_id, one.audit_status), (Some(501), 2));
        assert!(store.goods_row("sandbox", 2).unwrap().is_none());
        assert_eq!(store.goods_counts("sandbox").unwrap(), [0, 0, 1, 0]);
    }

    #[test]
    fn pages_search_literally_and_count() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let rows: Vec<_> = (1..=25)
            .map(|i| goods(i, &format!("商品{i}"), 2, None, 1))
            .chain([goods(99, "100%_纯棉", 2, None, 1)])
            .collect();
        store.upsert_goods("sandbox", &rows).unwrap();
        let (page, total) = store.goods_page("sandbox", 2, "", 10, 10).unwrap();
        assert_eq!(total, 26);
        assert_eq!(
            page.first().map(|g| g.goods_id),
            Some(16),
            "newest first: 99, 25, 24, …"
        );
        let (hits, n) = store.goods_page("sandbox", 2, "商品2", 0, 50).unwrap();
        assert_eq!(n, 7, "商品2 and 商品20–25");
        assert_eq!(hits.len(), 7);
        let (lit, n) = store.goods_page("sandbox", 2, "%_", 0, 50).unwrap();
        assert_eq!((n, lit[0].goods_id), (1, 99));
        assert_eq!(store.goods_page("sandbox", 1, "", 0, 50).unwrap().1, 0);
    }

    #[test]
    fn sale_states_are_kept_per_room_and_go_with_the_goods() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store
            .upsert_goods("sandbox", &[goods(1, "a", 2, None, 1)])
            .unwrap();
        store.set_sale("sandbox", 7, 1, false, 100).unwrap();
        store.set_sale("sandbox", 8, 1, true, 101).unwrap();
        assert_eq!(store.sales("sandbox", 7).unwrap()[&1], (false, 100));
        store.clear_sale("sandbox", 8, 1).unwrap();
        assert!(store.sales("sandbox", 8).unwrap().is_empty());
        store.delete_goods("sandbox", 1).unwrap();
        assert!(store.sales("sandbox", 7).unwrap().is_empty());
    }
}
