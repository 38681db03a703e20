//! A database file that cannot be read (garbage, truncated, corrupt) must not keep the app from
//! opening: it is moved aside — kept, named with the time — and a fresh store takes its place.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::{Store, StoreError};

/// A bad database file that was moved aside at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Recovered {
    /// Where the bad file now is (beside the new one).
    pub moved_to: String,
    /// What SQLite said about it.
    pub reason: String,
}

/// Fails when the file is not a database SQLite can read (the first read of a garbage file fails,
/// and `quick_check` finds damaged pages).
pub(super) fn check_readable(conn: &Connection) -> Result<(), StoreError> {
    let verdict: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(StoreError::Corrupt(verdict));
    }
    Ok(())
}

impl Store {
    /// Opens the store at `path`; if the file is not a readable database, moves it (and its WAL
    /// and shared-memory files) aside as `<name>.corrupt-<UTC time>` and opens a fresh one. A file
    /// written by a newer LiveDesk is not moved: that is an error to show, not damage.
    pub fn open_or_recover(
        path: &Path,
        now_unix: i64,
    ) -> Result<(Store, Option<Recovered>), StoreError> {
        match Store::open(path) {
            Ok(store) => Ok((store, None)),
            Err(e @ (StoreError::Sqlite(_) | StoreError::Corrupt(_))) => {
                let moved_to = aside_name(path, now_unix);
                for suffix in ["", "-wal", "-shm"] {
                    let from = with_suffix(path, suffix);
                    if from.exists() {
                        std::fs::rename(&from, with_suffix(&moved_to, suffix))?;
                    }
                }
                log::warn!(
                    "the database could not be read ({e}); moved it to {} and started a fresh one",
                    moved_to.display()
                );
                let store = Store::open(path)?;
                Ok((
                    store,
                    Some(Recovered {
                        moved_to: moved_to.display().to_string(),
                        reason: e.to_string(),
                    }),
                ))
            }
            Err(e) => Err(e),
        }
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// `livedesk.sqlite3.corrupt-20261204T011917Z` (a counter is added if that exists already).
fn aside_name(path: &Path, now_unix: i64) -> PathBuf {
    let stamp = utc_stamp(now_unix);
    let base = with_suffix(path, &format!(".corrupt-{stamp}"));
    let mut candidate = base.clone();
    let mut n = 1;
    while candidate.exists() {
        candidate = with_suffix(&base, &format!("-{n}"));
        n += 1;
    }
    candidate
}

/// `YYYYMMDDTHHMMSSZ` of unix seconds.
fn utc_stamp(unix: i64) -> String {
    let (days, secs) = (unix.div_euclid(86_400), unix.rem_euclid(86_400));
    let (year, month, day) = wechat_live::validate::civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_utc() {
        assert_eq!(utc_stamp(0), "19700101T000000Z");
        assert_eq!(utc_stamp(951_782_400), "20000229T000000Z");
        assert_eq!(utc_stamp(1_796_347_157), "20261204T011917Z");
    }

    #[test]
    fn a_garbage_file_is_moved_aside_and_a_fresh_store_opens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("livedesk.sqlite3");
        let garbage = b"this is not a database, just some bytes that happen to be here".repeat(100);
        std::fs::write(&path, &garbage).unwrap();
        let (store, recovered) = Store::open_or_recover(&path, 1_796_347_157).unwrap();
        let recovered = recovered.expect("the bad file was noticed");
        assert!(recovered
            .moved_to
            .ends_with("livedesk.sqlite3.corrupt-20261204T011917Z"));
        assert_eq!(
            std::fs::read(&recovered.moved_to).unwrap(),
            garbage,
            "kept as it was"
        );
        assert!(store.accounts().unwrap().is_empty());
        drop(store);
        // The next start finds a good file and moves nothing.
        let (_, again) = Store::open_or_recover(&path, 1_796_347_200).unwrap();
        assert_eq!(again, None);
    }

    #[test]
    fn a_second_bad_file_in_the_same_second_gets_its_own_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        std::fs::write(&path, b"x".repeat(4096)).unwrap();
        let (_s, first) = Store::open_or_recover(&path, 10).unwrap();
        drop(_s);
        std::fs::remove_file(&path).unwrap();
        for s in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(with_suffix(&path, s));
        }
        std::fs::write(&path, b"y".repeat(4096)).unwrap();
        let (_, second) = Store::open_or_recover(&path, 10).unwrap();
        assert_ne!(first.unwrap().moved_to, second.unwrap().moved_to);
    }

    #[test]
    fn a_newer_schema_is_an_error_not_damage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        drop(Store::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        assert!(matches!(
            Store::open_or_recover(&path, 0),
            Err(StoreError::TooNew { found: 99, .. })
        ));
        assert!(path.exists(), "not moved");
    }
}
