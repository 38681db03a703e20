//! SQLite (bundled, WAL) for what WeChat does not keep: the account list (never secrets), drafts of
//! the room form, and the last-known room list of each account. Migrations are versioned with
//! `PRAGMA user_version`: each entry of [`MIGRATIONS`] runs once, in order, in a transaction.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use rusqlite::{params, Connection, OptionalExtension};

/// Schema steps; index + 1 is the `user_version` after the step. Append only.
const MIGRATIONS: &[&str] = &[
    // 1: accounts (no secrets: those live in the OS keyring), drafts, cached room lists.
    "CREATE TABLE accounts (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        app_id      TEXT NOT NULL,
        base_url    TEXT,
        verified_at INTEGER,
        created_at  INTEGER NOT NULL
     );
     CREATE TABLE drafts (
        account_id  TEXT PRIMARY KEY,
        form        TEXT NOT NULL,
        updated_at  INTEGER NOT NULL
     );
     CREATE TABLE room_cache (
        account_id  TEXT PRIMARY KEY,
        rooms       TEXT NOT NULL,
        fetched_at  INTEGER NOT NULL
     );",
];

/// Storage failures.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused.
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON value no longer reads.
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The directory could not be created.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The file was written by a newer LiveDesk.
    #[error("database schema {found} is newer than this app knows ({known})")]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Latest version this build knows.
        known: i64,
    },
}

/// An account as stored: no secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRow {
    /// Stable local id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The mini program's AppID.
    pub app_id: String,
    /// API base URL when not WeChat's.
    pub base_url: Option<String>,
    /// Last successful credential check, unix seconds.
    pub verified_at: Option<i64>,
    /// When it was added, unix seconds.
    pub created_at: i64,
}

/// The database. One connection behind a mutex: the app's writes are few and small.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut conn = Connection::open(path)?;
        // journal_mode answers the mode it set: read it back rather than execute blindly.
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut conn)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent (statements are atomic).
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Every stored account, oldest first.
    pub fn accounts(&self) -> Result<Vec<AccountRow>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, name, app_id, base_url, verified_at, created_at
             FROM accounts ORDER BY created_at, rowid",
        )?;
        let rows = stmt.query_map([], row_to_account)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One account.
    pub fn account(&self, id: &str) -> Result<Option<AccountRow>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, name, app_id, base_url, verified_at, created_at
                 FROM accounts WHERE id = ?1",
                [id],
                row_to_account,
            )
            .optional()?)
    }

    /// Adds an account.
    pub fn insert_account(&self, a: &AccountRow) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO accounts (id, name, app_id, base_url, verified_at, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                a.id,
                a.name,
                a.app_id,
                a.base_url,
                a.verified_at,
                a.created_at
            ],
        )?;
        Ok(())
    }

    /// Renames an account; false when there is none with that id.
    pub fn rename_account(&self, id: &str, name: &str) -> Result<bool, StoreError> {
        let n = self.conn().execute(
            "UPDATE accounts SET name = ?2 WHERE id = ?1",
            params![id, name],
        )?;
        Ok(n == 1)
    }

    /// Records the last credential check (`None`: the check failed).
    pub fn set_verified(&self, id: &str, at: Option<i64>) -> Result<(), StoreError> {
        self.conn().execute(
            "UPDATE accounts SET verified_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    }

    /// Removes an account with its draft and cached rooms.
    pub fn remove_account(&self, id: &str) -> Result<bool, StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM drafts WHERE account_id = ?1", [id])?;
        tx.execute("DELETE FROM room_cache WHERE account_id = ?1", [id])?;
        let n = tx.execute("DELETE FROM accounts WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(n == 1)
    }

    /// The account's draft room form (JSON), if any.
    pub fn draft(&self, account_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT form FROM drafts WHERE account_id = ?1",
                [account_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Saves (replaces) the account's draft.
    pub fn save_draft(
        &self,
        account_id: &str,
        form_json: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO drafts (account_id, form, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(account_id) DO UPDATE SET form = excluded.form, updated_at = excluded.updated_at",
            params![account_id, form_json, now],
        )?;
        Ok(())
    }

    /// Drops the account's draft.
    pub fn clear_draft(&self, account_id: &str) -> Result<(), StoreError> {
        self.conn()
            .execute("DELETE FROM drafts WHERE account_id = ?1", [account_id])?;
        Ok(())
    }

    /// The last-known room list (JSON) and when it was fetched.
    pub fn cached_rooms(&self, account_id: &str) -> Result<Option<(String, i64)>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT rooms, fetched_at FROM room_cache WHERE account_id = ?1",
                [account_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Replaces the last-known room list.
    pub fn save_rooms(
        &self,
        account_id: &str,
        rooms_json: &str,
        at: i64,
    ) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO room_cache (account_id, rooms, fetched_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(account_id) DO UPDATE SET rooms = excluded.rooms, fetched_at = excluded.fetched_at",
            params![account_id, rooms_json, at],
        )?;
        Ok(())
    }
}

fn row_to_account(r: &rusqlite::Row<'_>) -> rusqlite::Result<AccountRow> {
    Ok(AccountRow {
        id: r.get(0)?,
        name: r.get(1)?,
        app_id: r.get(2)?,
        base_url: r.get(3)?,
        verified_at: r.get(4)?,
        created_at: r.get(5)?,
    })
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let known = MIGRATIONS.len() as i64;
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > known {
        return Err(StoreError::TooNew { found, known });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: &str, at: i64) -> AccountRow {
        AccountRow {
            id: id.into(),
            name: format!("name {id}"),
            app_id: "wx0123456789".into(),
            base_url: None,
            verified_at: None,
            created_at: at,
        }
    }

    #[test]
    fn migrates_once_in_wal_and_survives_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/livedesk.sqlite3");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
        let mode: String = store
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        store.insert_account(&account("a", 2)).unwrap();
        drop(store);
        let again = Store::open(&path).unwrap();
        assert_eq!(again.accounts().unwrap(), vec![account("a", 2)]);
    }

    #[test]
    fn refuses_a_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        drop(Store::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::TooNew { found: 99, .. })
        ));
    }

    #[test]
    fn accounts_rename_verify_remove() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store.insert_account(&account("b", 5)).unwrap();
        store.insert_account(&account("a", 1)).unwrap();
        let ids: Vec<_> = store
            .accounts()
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert!(store.rename_account("a", "新名字").unwrap());
        assert!(!store.rename_account("zzz", "x").unwrap());
        store.set_verified("a", Some(42)).unwrap();
        let a = store.account("a").unwrap().unwrap();
        assert_eq!((a.name.as_str(), a.verified_at), ("新名字", Some(42)));
        store.save_draft("a", "{}", 1).unwrap();
        store.save_rooms("a", "[]", 1).unwrap();
        assert!(store.remove_account("a").unwrap());
        assert!(store.account("a").unwrap().is_none());
        assert!(store.draft("a").unwrap().is_none());
        assert!(store.cached_rooms("a").unwrap().is_none());
    }

    #[test]
    fn drafts_and_room_cache_replace() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        assert_eq!(store.draft("x").unwrap(), None);
        store.save_draft("x", r#"{"name":"a"}"#, 1).unwrap();
        store.save_draft("x", r#"{"name":"b"}"#, 2).unwrap();
        assert_eq!(
            store.draft("x").unwrap().as_deref(),
            Some(r#"{"name":"b"}"#)
        );
        store.clear_draft("x").unwrap();
        assert_eq!(store.draft("x").unwrap(), None);
        store.save_rooms("x", "[1]", 10).unwrap();
        store.save_rooms("x", "[2]", 20).unwrap();
        assert_eq!(store.cached_rooms("x").unwrap(), Some(("[2]".into(), 20)));
    }
}
