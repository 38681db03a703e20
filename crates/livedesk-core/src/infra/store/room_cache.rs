//! The `room_cache` table: the last-known room list of each account (JSON), shown at once while a
//! fresh one is fetched, and when WeChat cannot be reached.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

impl Store {
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
