//! The schema, versioned with `PRAGMA user_version`: each entry of [`MIGRATIONS`] runs once, in
//! order, in a transaction. Append only: a released step is never edited.

use rusqlite::Connection;

use super::StoreError;

/// Schema steps; index + 1 is the `user_version` after the step.
pub const MIGRATIONS: &[&str] = &[
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
    // 2: an account's rows go with it. The sandbox becomes a built-in row (never listed) so its
    // drafts and cache can reference it too; SQLite cannot add a foreign key in place, so the two
    // tables are rebuilt, keeping rows whose account exists.
    "ALTER TABLE accounts ADD COLUMN builtin INTEGER NOT NULL DEFAULT 0;
     INSERT OR IGNORE INTO accounts (id, name, app_id, created_at, builtin)
        VALUES ('sandbox', 'sandbox', '', 0, 1);
     CREATE TABLE drafts_v2 (
        account_id  TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        form        TEXT NOT NULL,
        updated_at  INTEGER NOT NULL
     );
     INSERT INTO drafts_v2 SELECT account_id, form, updated_at FROM drafts
        WHERE account_id IN (SELECT id FROM accounts);
     DROP TABLE drafts;
     ALTER TABLE drafts_v2 RENAME TO drafts;
     CREATE TABLE room_cache_v2 (
        account_id  TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        rooms       TEXT NOT NULL,
        fetched_at  INTEGER NOT NULL
     );
     INSERT INTO room_cache_v2 SELECT account_id, rooms, fetched_at FROM room_cache
        WHERE account_id IN (SELECT id FROM accounts);
     DROP TABLE room_cache;
     ALTER TABLE room_cache_v2 RENAME TO room_cache;",
];

/// The built-in account row migration 2 inserts; it must be the sandbox's id.
pub const BUILTIN_SANDBOX_ROW: &str = "'sandbox'";

/// Brings the schema of `conn` up to date.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
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
    use crate::sandbox::SANDBOX_ID;

    #[test]
    fn the_built_in_row_is_the_sandbox() {
        assert_eq!(BUILTIN_SANDBOX_ROW.trim_matches('\''), SANDBOX_ID);
        assert!(MIGRATIONS[1].contains(&format!("VALUES ({BUILTIN_SANDBOX_ROW},")));
    }

    #[test]
    fn a_version_1_file_keeps_its_rows_and_gains_the_cascade() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO accounts VALUES ('a', 'A', 'wx1', NULL, NULL, 1);
             INSERT INTO drafts VALUES ('a', '{}', 1), ('sandbox', '{\"name\":\"s\"}', 1),
                                       ('gone', '{}', 1);
             INSERT INTO room_cache VALUES ('a', '[]', 1);",
        )
        .unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrate(&mut conn).unwrap();
        let drafts: Vec<String> = conn
            .prepare("SELECT account_id FROM drafts ORDER BY account_id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        // The sandbox's draft is kept; a draft of an account that no longer exists is not.
        assert_eq!(drafts, ["a", "sandbox"]);
        conn.execute("DELETE FROM accounts WHERE id = 'a'", [])
            .unwrap();
        let left: i64 = conn
            .query_row(
                "SELECT (SELECT COUNT(*) FROM drafts WHERE account_id = 'a')
                      + (SELECT COUNT(*) FROM room_cache WHERE account_id = 'a')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0, "deleting the account cascaded");
    }
}
