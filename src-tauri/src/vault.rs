//! AppSecrets in the OS keyring (Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows) and nowhere else. The UI can ask whether a secret is set; nothing hands one back to it:
//! [`Vault::get`] is crate-private and only feeds the WeChat client.

use std::sync::Mutex;

use keyring::Entry;
use serde_json::json;
use wechat_live::Secret;

use crate::error::{IpcError, Locale};

/// Keyring failures, sorted by what the user can do about them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// No keyring service to talk to (no D-Bus session, no Secret Service provider).
    #[error("keyring unavailable: {0}")]
    Unavailable(String),
    /// The service is there but locked, or refused (a prompt was dismissed).
    #[error("keyring locked: {0}")]
    Locked(String),
}

impl VaultError {
    fn from_keyring(e: keyring::Error) -> Self {
        match e {
            keyring::Error::NoStorageAccess(inner) => VaultError::Locked(inner.to_string()),
            other => VaultError::Unavailable(other.to_string()),
        }
    }

    /// The error in the user's language, saying what to do.
    pub fn to_ipc(&self, locale: Locale) -> IpcError {
        let (code, message, detail) = match self {
            VaultError::Unavailable(detail) => (
                "keyring_unavailable",
                locale.pick(
                    "无法连接系统钥匙串（Secret Service），未保存任何内容。请在桌面会话中启动密钥服务\
                     （GNOME 钥匙串 gnome-keyring 或 KWallet），然后重试。",
                    "The system keyring (Secret Service) is not reachable, so nothing was saved. \
                     Start a keyring service in your desktop session (GNOME Keyring or KWallet), then try again.",
                ),
                detail,
            ),
            VaultError::Locked(detail) => (
                "keyring_locked",
                locale.pick(
                    "系统钥匙串已锁定，未保存任何内容。请解锁“登录”钥匙串（例如在“密码和密钥”中），然后重试。",
                    "The system keyring is locked, so nothing was saved. Unlock your login keyring \
                     (e.g. in Passwords and Keys / Seahorse), then try again.",
                ),
                detail,
            ),
        };
        IpcError {
            code: code.into(),
            message,
            field: None,
            detail: Some(json!({ "cause": detail })),
        }
    }
}

/// The keyring entries of one app identity (`service`), one per account.
#[derive(Debug)]
pub struct Vault {
    service: String,
    // Secret Service over D-Bus misbehaves with concurrent calls from several threads.
    lock: Mutex<()>,
}

impl Vault {
    /// Entries under `service` (the app identifier; tests use their own).
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
            lock: Mutex::new(()),
        }
    }

    fn entry(&self, account_id: &str) -> Result<Entry, VaultError> {
        Entry::new(&self.service, &format!("appsecret:{account_id}"))
            .map_err(VaultError::from_keyring)
    }

    fn guard(&self) -> std::sync::MutexGuard<'_, ()> {
        self.lock.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Stores (or replaces) the account's secret.
    pub fn set(&self, account_id: &str, secret: &Secret) -> Result<(), VaultError> {
        let _g = self.guard();
        self.entry(account_id)?
            .set_password(secret.expose())
            .map_err(VaultError::from_keyring)
    }

    /// Whether the account has a secret stored.
    pub fn has(&self, account_id: &str) -> Result<bool, VaultError> {
        Ok(self.get(account_id)?.is_some())
    }

    /// The secret, for building a client. Never crosses IPC.
    pub(crate) fn get(&self, account_id: &str) -> Result<Option<Secret>, VaultError> {
        let _g = self.guard();
        match self.entry(account_id)?.get_password() {
            Ok(s) => Ok(Some(Secret::new(s))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(VaultError::from_keyring(e)),
        }
    }

    /// Removes the account's secret; removing a missing one is fine.
    pub fn delete(&self, account_id: &str) -> Result<(), VaultError> {
        let _g = self.guard();
        match self.entry(account_id)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(VaultError::from_keyring(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    //! Against a real Secret Service: run through `scripts/with-keyring.sh` (as `make test` does).
    use super::*;

    fn vault() -> Vault {
        Vault::new(format!("app.livedesk.test.{}", rand::random::<u64>()))
    }

    #[test]
    fn set_has_get_delete_on_the_real_keyring() {
        let v = vault();
        assert!(!v.has("acc1").unwrap());
        v.set("acc1", &Secret::new("s3cret-one")).unwrap();
        assert!(v.has("acc1").unwrap());
        assert_eq!(v.get("acc1").unwrap().unwrap().expose(), "s3cret-one");
        // A new Vault (like a restarted app) reads the same entry: not an in-memory mock.
        let again = Vault::new(v.service.clone());
        assert_eq!(again.get("acc1").unwrap().unwrap().expose(), "s3cret-one");
        v.set("acc1", &Secret::new("s3cret-two")).unwrap();
        assert_eq!(again.get("acc1").unwrap().unwrap().expose(), "s3cret-two");
        assert!(!v.has("acc2").unwrap());
        v.delete("acc1").unwrap();
        assert!(!again.has("acc1").unwrap());
        v.delete("acc1").unwrap();
    }

    #[test]
    fn errors_say_what_to_do() {
        let e = VaultError::Unavailable("no bus".into()).to_ipc(Locale::En);
        assert_eq!(e.code, "keyring_unavailable");
        assert!(e.message.contains("nothing was saved") && e.message.contains("Start"));
        let e = VaultError::Locked("locked".into()).to_ipc(Locale::ZhCn);
        assert_eq!(e.code, "keyring_locked");
        assert!(e.message.contains("解锁"));
    }
}
