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
    // 3: the goods library as WeChat last answered it (with the audit ids only add and resubmit
    // answer), the sale state LiveDesk set on a room's goods (WeChat has no read for it), the
    // add-goods form's drafts, and the journal of every write. The journal has no foreign key: removing an account keeps its history.
    "CREATE TABLE goods (
        account_id        TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        goods_id          INTEGER NOT NULL,
        audit_id          INTEGER,
        name              TEXT NOT NULL,
        cover_url         TEXT NOT NULL DEFAULT '',
        url               TEXT NOT NULL DEFAULT '',
        price_type        INTEGER NOT NULL,
        price             INTEGER NOT NULL,
        price2            INTEGER,
        third_party_appid TEXT NOT NULL DEFAULT '',
        third_party_tag   INTEGER,
        audit_status      INTEGER NOT NULL,
        seen_at           INTEGER NOT NULL,
        PRIMARY KEY (account_id, goods_id)
     );
     CREATE INDEX goods_by_status ON goods (account_id, audit_status, goods_id);
     CREATE TABLE room_goods_sale (
        account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        room_id     INTEGER NOT NULL,
        goods_id    INTEGER NOT NULL,
        on_sale     INTEGER NOT NULL,
        set_at      INTEGER NOT NULL,
        PRIMARY KEY (account_id, room_id, goods_id)
     );
     CREATE TABLE goods_drafts (
        account_id  TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        form        TEXT NOT NULL,
        updated_at  INTEGER NOT NULL
     );
     CREATE TABLE journal (
        id          INTEGER PRIMARY KEY,
        at_ms       INTEGER NOT NULL,
        os_user     TEXT NOT NULL,
        machine     TEXT NOT NULL,
        account_id  TEXT NOT NULL,
        room_id     INTEGER,
        goods_id    INTEGER,
        subject     TEXT NOT NULL DEFAULT '',
        action      TEXT NOT NULL,
        detail      TEXT NOT NULL DEFAULT '',
        result      TEXT NOT NULL,
        errcode     INTEGER,
        message     TEXT NOT NULL DEFAULT '',
        latency_ms  INTEGER
     );
     CREATE INDEX journal_by_account ON journal (account_id, at_ms);
     CREATE INDEX journal_by_room ON journal (account_id, room_id, at_ms);",
    // 4: a room's rundown (goods items and talk segments in order, with the anchor's script and a
    // planned duration), its cursor (the item on now, since when), and the app's settings (the
    // console's hotkey).
    "CREATE TABLE rundown_items (
        id            INTEGER PRIMARY KEY,
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        room_id       INTEGER NOT NULL,
        position      INTEGER NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('goods', 'talk')),
        goods_id      INTEGER,
        title         TEXT NOT NULL DEFAULT '',
        script        TEXT NOT NULL DEFAULT '',
        planned_secs  INTEGER NOT NULL DEFAULT 0,
        skipped       INTEGER NOT NULL DEFAULT 0
     );
     CREATE INDEX rundown_by_room ON rundown_items (account_id, room_id, position);
     CREATE TABLE rundown_cursor (
        account_id     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        room_id        INTEGER NOT NULL,
        current_item   INTEGER REFERENCES rundown_items(id) ON DELETE SET NULL,
        started_at_ms  INTEGER,
        PRIMARY KEY (account_id, room_id)
     );
     CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
     );",
    // 5: push destinations beside WeChat rooms — a custom RTMP(S) server, or a Tencent Cloud
    // standard live (CSS) stream whose URLs are signed on demand. No secrets: the stream key and
    // the push/play auth keys live in the OS keyring under the row's id, so ids are never reused
    // (AUTOINCREMENT) and a new row can never meet an old row's key.
    "CREATE TABLE destinations (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        kind           TEXT NOT NULL CHECK (kind IN ('custom', 'tencent')),
        name           TEXT NOT NULL,
        server         TEXT,
        push_domain    TEXT,
        app_name       TEXT,
        stream_name    TEXT,
        play_domain    TEXT,
        play_https     INTEGER NOT NULL DEFAULT 1,
        validity_secs  INTEGER NOT NULL DEFAULT 86400,
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL,
        CHECK (kind <> 'custom' OR server IS NOT NULL),
        CHECK (kind <> 'tencent'
               OR (push_domain IS NOT NULL AND app_name IS NOT NULL AND stream_name IS NOT NULL))
     );",
    // 6: which front end made each write — the window ('app') or the command line ('cli'); they
    // share the data dir, so one journal holds both.
    "ALTER TABLE journal ADD COLUMN origin TEXT NOT NULL DEFAULT 'app' CHECK (origin IN ('app', 'cli'));",
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
    use crate::infra::sandbox::SANDBOX_ID;

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
