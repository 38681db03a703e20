//! `settings`: the app's own preferences as text by key (the console's hotkey). Not secrets.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

impl Store {
    /// The value of `key`, if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets `key` to `value`.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setting_is_replaced_and_survives_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.setting("hotkey.push_next").unwrap(), None);
        store.set_setting("hotkey.push_next", "Ctrl+Alt+N").unwrap();
        store.set_setting("hotkey.push_next", "F9").unwrap();
        drop(store);
        let again = Store::open(&path).unwrap();
        assert_eq!(
            again.setting("hotkey.push_next").unwrap().as_deref(),
            Some("F9")
        );
    }
}
