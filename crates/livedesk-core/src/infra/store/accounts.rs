//! The `accounts` table: the mini programs the user added (the sandbox is a built-in row that the
//! others' foreign keys can point at, never listed). No secrets: those live in the OS keyring.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

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

impl Store {
    /// Every stored account, oldest first.
    pub fn accounts(&self) -> Result<Vec<AccountRow>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, name, app_id, base_url, verified_at, created_at
             FROM accounts WHERE builtin = 0 ORDER BY created_at, rowid",
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
                 FROM accounts WHERE id = ?1 AND builtin = 0",
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

    /// Removes an account; its draft and cached rooms go with it (foreign keys cascade).
    pub fn remove_account(&self, id: &str) -> Result<bool, StoreError> {
        let n = self
            .conn()
            .execute("DELETE FROM accounts WHERE id = ?1 AND builtin = 0", [id])?;
        Ok(n == 1)
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
