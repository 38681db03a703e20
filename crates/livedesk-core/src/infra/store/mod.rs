//! SQLite (bundled, WAL) for what WeChat does not keep, one module per table: the account list
//! (never secrets), drafts of the room form, the last-known room list of each account, the goods
//! library with its audit ids, the sale states LiveDesk set, the journal of writes, and each room's rundown. The
//! schema is versioned ([`migrations`]); foreign keys are on, and an account's rows go with it
//! (`ON DELETE CASCADE`). A file that is not a readable database is moved aside ([`recover`]).

mod accounts;
mod destinations;
mod drafts;
mod goods;
mod journal;
pub mod migrations;
pub mod recover;
mod room_cache;
mod rundown;
mod settings;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::Connection;

pub use accounts::AccountRow;
pub use destinations::{DestinationKind, DestinationRow, Target, TencentTarget};
pub use drafts::DraftKind;
pub use goods::{GoodsRow, StatusCounts};
pub use journal::{Finish, JournalEntry, JournalFilter, NewEntry, Outcome};
pub use recover::Recovered;
pub use rundown::{Cursor, ItemInput, ItemKind, RundownItem};

use crate::base::error::{CoreError, ErrorCode, Problem};
use crate::base::locale::Locale;

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
    /// `quick_check` found the file damaged.
    #[error("the database file is damaged: {0}")]
    Corrupt(String),
    /// The file was written by a newer LiveDesk.
    #[error("database schema {found} is newer than this app knows ({known})")]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Latest version this build knows.
        known: i64,
    },
}

impl Problem for StoreError {
    fn code(&self) -> ErrorCode {
        ErrorCode::Storage
    }
    fn message(&self, locale: Locale) -> String {
        locale.pick(
            format!("本地数据库出错：{self}"),
            format!("Local database error: {self}"),
        )
    }
}

impl From<StoreError> for CoreError {
    fn from(e: StoreError) -> Self {
        CoreError::area(e)
    }
}

/// The database. One connection behind a mutex: the app's writes are few and small. Cheap to
/// clone: every service that keeps something holds one.
#[derive(Debug, Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut conn = Connection::open(path)?;
        // A garbage file only fails at the first statement: check it before anything else.
        recover::check_readable(&conn)?;
        // journal_mode answers the mode it set: read it back rather than execute blindly.
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrations::migrate(&mut conn)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent (statements are atomic).
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// `PRAGMA integrity_check`: "ok", or what is damaged.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn()
            .pragma_query_value(None, "integrity_check", |r| r.get(0))?)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
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
        assert_eq!(
            store.schema_version().unwrap(),
            migrations::MIGRATIONS.len() as i64
        );
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
    fn foreign_keys_are_on() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let on: i64 = store
            .conn()
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(on, 1);
        // A draft of an account that does not exist is refused.
        assert!(store.save_draft("nobody", "{}", 1).is_err());
        // The sandbox is a built-in row: its draft is accepted, and it is never listed.
        store.save_draft("sandbox", "{}", 1).unwrap();
        assert!(store.accounts().unwrap().is_empty());
        assert!(store.account("sandbox").unwrap().is_none());
        assert!(!store.remove_account("sandbox").unwrap());
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
        store.insert_account(&account("x", 1)).unwrap();
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
