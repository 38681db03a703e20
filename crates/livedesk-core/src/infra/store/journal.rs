//! The `journal` table: one row per write LiveDesk sends to WeChat. A row is inserted as `pending`
//! before the request leaves and completed when the answer comes, each in its own transaction, so
//! a crash mid-call leaves a `pending` row ([`Store::journal_interrupt_pending`] marks it at start).

use rusqlite::{params, params_from_iter, types::Value, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Store, StoreError};

/// How a journaled write ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Sent, no answer yet.
    Pending,
    /// WeChat accepted it.
    Ok,
    /// WeChat (or the network before sending) refused it.
    Failed,
    /// Sent, and no answer came: it may have been carried out.
    Unknown,
    /// The app stopped while it was pending.
    Interrupted,
}

impl Outcome {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Ok => "ok",
            Outcome::Failed => "failed",
            Outcome::Unknown => "unknown",
            Outcome::Interrupted => "interrupted",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "ok" => Outcome::Ok,
            "failed" => Outcome::Failed,
            "unknown" => Outcome::Unknown,
            "interrupted" => Outcome::Interrupted,
            _ => Outcome::Pending,
        }
    }
}

/// A write about to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub at_ms: i64,
    pub os_user: String,
    pub machine: String,
    pub account_id: String,
    pub room_id: Option<i64>,
    pub goods_id: Option<i64>,
    /// What the write was about, in words (the goods' or the room's name).
    pub subject: String,
    /// The action's stable name (`goods_push`, …).
    pub action: String,
    /// Parameters worth keeping (`on`, `off`, the new order).
    pub detail: String,
    /// Which front end made it: `app` or `cli`.
    pub origin: String,
}

/// How it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finish {
    pub result: Outcome,
    pub errcode: Option<i64>,
    pub message: String,
    pub latency_ms: i64,
    /// Ids learned from the answer (a new room's or goods' id).
    pub room_id: Option<i64>,
    pub goods_id: Option<i64>,
}

/// A journal row as the UI and the CSV show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    #[ts(type = "number")]
    pub id: i64,
    /// Unix milliseconds when the request left.
    #[ts(type = "number")]
    pub at_ms: i64,
    pub os_user: String,
    pub machine: String,
    pub account_id: String,
    #[ts(type = "number | null")]
    pub room_id: Option<i64>,
    #[ts(type = "number | null")]
    pub goods_id: Option<i64>,
    pub subject: String,
    pub action: String,
    pub detail: String,
    pub result: Outcome,
    #[ts(type = "number | null")]
    pub errcode: Option<i64>,
    pub message: String,
    #[ts(type = "number | null")]
    pub latency_ms: Option<i64>,
    /// Which front end made it: `app` (the window) or `cli`.
    pub origin: String,
}

/// Which rows to list; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct JournalFilter {
    pub account_id: Option<String>,
    #[ts(type = "number | null")]
    pub room_id: Option<i64>,
    pub action: Option<String>,
    pub result: Option<Outcome>,
    /// Unix milliseconds, inclusive.
    #[ts(type = "number | null")]
    pub from_ms: Option<i64>,
    /// Unix milliseconds, exclusive.
    #[ts(type = "number | null")]
    pub to_ms: Option<i64>,
}

const COLUMNS: &str =
    "id, at_ms, os_user, machine, account_id, room_id, goods_id, subject, action, \
                       detail, result, errcode, message, latency_ms, origin";

fn entry(r: &Row<'_>) -> rusqlite::Result<JournalEntry> {
    Ok(JournalEntry {
        id: r.get(0)?,
        at_ms: r.get(1)?,
        os_user: r.get(2)?,
        machine: r.get(3)?,
        account_id: r.get(4)?,
        room_id: r.get(5)?,
        goods_id: r.get(6)?,
        subject: r.get(7)?,
        action: r.get(8)?,
        detail: r.get(9)?,
        result: Outcome::parse(&r.get::<_, String>(10)?),
        errcode: r.get(11)?,
        message: r.get(12)?,
        latency_ms: r.get(13)?,
        origin: r.get(14)?,
    })
}

/// The filter as a WHERE clause and its values.
fn where_clause(f: &JournalFilter) -> (String, Vec<Value>) {
    let mut parts = Vec::new();
    let mut values = Vec::new();
    let mut add = |sql: &str, v: Value| {
        parts.push(sql.to_owned());
        values.push(v);
    };
    if let Some(a) = &f.account_id {
        add("account_id = ?", Value::Text(a.clone()));
    }
    if let Some(r) = f.room_id {
        add("room_id = ?", Value::Integer(r));
    }
    if let Some(a) = &f.action {
        add("action = ?", Value::Text(a.clone()));
    }
    if let Some(r) = f.result {
        add("result = ?", Value::Text(r.as_str().to_owned()));
    }
    if let Some(t) = f.from_ms {
        add("at_ms >= ?", Value::Integer(t));
    }
    if let Some(t) = f.to_ms {
        add("at_ms < ?", Value::Integer(t));
    }
    let sql = if parts.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", parts.join(" AND "))
    };
    (sql, values)
}

impl Store {
    /// Records a write about to be sent; answers its row id.
    pub fn journal_begin(&self, e: &NewEntry) -> Result<i64, StoreError> {
        let conn = self.conn();
        conn.execute(
            "INSERT INTO journal (at_ms, os_user, machine, account_id, room_id, goods_id, subject,
                                  action, detail, result, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'pending', ?10)",
            params![
                e.at_ms,
                e.os_user,
                e.machine,
                e.account_id,
                e.room_id,
                e.goods_id,
                e.subject,
                e.action,
                e.detail,
                e.origin
            ],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// Completes a pending row.
    pub fn journal_finish(&self, id: i64, f: &Finish) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE journal SET result = ?2, errcode = ?3, message = ?4, latency_ms = ?5,
                    room_id = COALESCE(?6, room_id), goods_id = COALESCE(?7, goods_id)
             WHERE id = ?1",
            params![
                id,
                f.result.as_str(),
                f.errcode,
                f.message,
                f.latency_ms,
                f.room_id,
                f.goods_id
            ],
        )?;
        Ok(())
    }

    /// Rows pending since before `before_ms` become `interrupted`: no request waits that long, so
    /// the app that sent them stopped. (Another process sharing the file may have rows pending
    /// right now: only old ones are touched.) Answers how many.
    pub fn journal_interrupt_pending(&self, before_ms: i64) -> Result<usize, StoreError> {
        Ok(self.conn().execute(
            "UPDATE journal SET result = 'interrupted' WHERE result = 'pending' AND at_ms < ?1",
            [before_ms],
        )?)
    }

    /// Rows matching `f`, newest first, `limit` from `offset`, and how many match in all.
    pub fn journal_page(
        &self,
        f: &JournalFilter,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<JournalEntry>, u64), StoreError> {
        let (clause, mut values) = where_clause(f);
        let conn = self.conn();
        let total: i64 = conn.query_row(
            &format!("SELECT COUNT(*) FROM journal {clause}"),
            params_from_iter(values.iter()),
            |r| r.get(0),
        )?;
        values.push(Value::Integer(i64::from(limit)));
        values.push(Value::Integer(i64::from(offset)));
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM journal {clause} ORDER BY at_ms DESC, id DESC LIMIT ? OFFSET ?"
        ))?;
        let rows = stmt
            .query_map(params_from_iter(values.iter()), entry)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((rows, total as u64))
    }

    /// Every row matching `f`, oldest first (for export and summaries).
    pub fn journal_all(&self, f: &JournalFilter) -> Result<Vec<JournalEntry>, StoreError> {
        let (clause, values) = where_clause(f);
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM journal {clause} ORDER BY at_ms, id"
        ))?;
        let rows = stmt
            .query_map(params_from_iter(values.iter()), entry)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(at: i64, account: &str, room: Option<i64>, action: &str) -> NewEntry {
        NewEntry {
            at_ms: at,
            os_user: "ann".into(),
            machine: "laptop".into(),
            account_id: account.into(),
            room_id: room,
            goods_id: None,
            subject: String::new(),
            action: action.into(),
            detail: String::new(),
            origin: "app".into(),
        }
    }

    fn done(result: Outcome, goods: Option<i64>) -> Finish {
        Finish {
            result,
            errcode: None,
            message: String::new(),
            latency_ms: 12,
            room_id: None,
            goods_id: goods,
        }
    }

    #[test]
    fn rows_begin_pending_finish_and_filter() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let a = store
            .journal_begin(&new(10, "sandbox", Some(1), "goods_push"))
            .unwrap();
        let b = store
            .journal_begin(&new(20, "sandbox", Some(2), "goods_add"))
            .unwrap();
        let c = store
            .journal_begin(&new(30, "other", Some(1), "goods_push"))
            .unwrap();
        store.journal_finish(a, &done(Outcome::Ok, None)).unwrap();
        store
            .journal_finish(b, &done(Outcome::Failed, Some(77)))
            .unwrap();

        let (all, total) = store
            .journal_page(&JournalFilter::default(), 0, 10)
            .unwrap();
        assert_eq!(total, 3);
        assert_eq!(all.iter().map(|e| e.id).collect::<Vec<_>>(), [c, b, a]);
        assert_eq!(all[0].result, Outcome::Pending);
        assert_eq!(all[1].goods_id, Some(77), "an id learned from the answer");
        assert_eq!(all[2].latency_ms, Some(12));

        let pushes = JournalFilter {
            account_id: Some("sandbox".into()),
            action: Some("goods_push".into()),
            ..Default::default()
        };
        let (rows, n) = store.journal_page(&pushes, 0, 10).unwrap();
        assert_eq!((n, rows[0].id), (1, a));
        let window = JournalFilter {
            from_ms: Some(20),
            to_ms: Some(30),
            ..Default::default()
        };
        assert_eq!(store.journal_all(&window).unwrap()[0].id, b);
        let failed = JournalFilter {
            result: Some(Outcome::Failed),
            ..Default::default()
        };
        assert_eq!(store.journal_all(&failed).unwrap().len(), 1);

        assert_eq!(
            store.journal_interrupt_pending(30).unwrap(),
            0,
            "too recent"
        );
        assert_eq!(store.journal_interrupt_pending(31).unwrap(), 1);
        let (rows, _) = store.journal_page(&JournalFilter::default(), 0, 1).unwrap();
        assert_eq!(rows[0].result, Outcome::Interrupted);
    }

    #[test]
    fn the_journal_outlives_its_account() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store
            .insert_account(&super::super::AccountRow {
                id: "gone".into(),
                name: "n".into(),
                app_id: "wx1".into(),
                base_url: None,
                verified_at: None,
                created_at: 1,
            })
            .unwrap();
        store
            .journal_begin(&new(1, "gone", None, "account_add"))
            .unwrap();
        assert!(store.remove_account("gone").unwrap());
        assert_eq!(
            store.journal_all(&JournalFilter::default()).unwrap().len(),
            1
        );
    }
}
