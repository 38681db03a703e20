//! The `drafts` table: the room form of each account as it was last edited (JSON), so a failed
//! submit or a closed window never loses it.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

impl Store {
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
}
