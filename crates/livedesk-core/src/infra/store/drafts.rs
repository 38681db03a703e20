//! The `drafts` and `goods_drafts` tables: the room form and the add-goods form of each account as
//! last edited (JSON), so a failed submit or a closed window never loses them.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// Which form a draft is of (the table holding it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKind {
    Room,
    Goods,
}

impl DraftKind {
    fn table(self) -> &'static str {
        match self {
            DraftKind::Room => "drafts",
            DraftKind::Goods => "goods_drafts",
        }
    }
}

impl Store {
    /// The account's draft of `kind` (JSON), if any.
    pub fn draft_of(
        &self,
        kind: DraftKind,
        account_id: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT form FROM {} WHERE account_id = ?1", kind.table()),
                [account_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Saves (replaces) the account's draft of `kind`.
    pub fn save_draft_of(
        &self,
        kind: DraftKind,
        account_id: &str,
        form_json: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        self.conn().execute(
            &format!(
                "INSERT INTO {} (account_id, form, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(account_id) DO UPDATE SET form = excluded.form, updated_at = excluded.updated_at",
                kind.table()
            ),
            params![account_id, form_json, now],
        )?;
        Ok(())
    }

    /// Drops the account's draft of `kind`.
    pub fn clear_draft_of(&self, kind: DraftKind, account_id: &str) -> Result<(), StoreError> {
        self.conn().execute(
            &format!("DELETE FROM {} WHERE account_id = ?1", kind.table()),
            [account_id],
        )?;
        Ok(())
    }

    /// The account's draft room form (JSON), if any.
    pub fn draft(&self, account_id: &str) -> Result<Option<String>, StoreError> {
        self.draft_of(DraftKind::Room, account_id)
    }

    /// Saves (replaces) the account's draft room form.
    pub fn save_draft(
        &self,
        account_id: &str,
        form_json: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        self.save_draft_of(DraftKind::Room, account_id, form_json, now)
    }

    /// Drops the account's draft room form.
    pub fn clear_draft(&self, account_id: &str) -> Result<(), StoreError> {
        self.clear_draft_of(DraftKind::Room, account_id)
    }
}
