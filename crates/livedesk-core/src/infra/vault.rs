//! Secrets in the OS keyring (Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows) and nowhere else: an account's AppSecret, the OBS password, a custom RTMP destination's
//! stream key. Callers can ask whether a secret is set; only the core reads one back, to use it.

use std::sync::{Arc, Mutex};

use keyring::Entry;
use wechat_live::Secret;

use crate::base::error::{CoreError, ErrorCode, ErrorDetail, Problem};
use crate::base::locale::Locale;

/// What a keyring entry holds; each kind has its own entry name under the app's service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// A mini program's AppSecret, per account id.
    AppSecret,
    /// The obs-websocket password, per OBS connection profile.
    ObsPassword,
    /// A destination's secret, per destination id: a custom server's stream key, or a Tencent
    /// Cloud stream's push auth key (and, as `<id>:play`, its play auth key).
    DestinationKey,
}

impl SecretKind {
    /// The entry's user name: `<kind>:<id>` (the AppSecret's form is the first slice's).
    fn entry_name(self, id: &str) -> String {
        let kind = match self {
            SecretKind::AppSecret => "appsecret",
            SecretKind::ObsPassword => "obs-password",
            SecretKind::DestinationKey => "destination-key",
        };
        format!("{kind}:{id}")
    }
}

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
}

impl Problem for VaultError {
    fn code(&self) -> ErrorCode {
        match self {
            VaultError::Unavailable(_) => ErrorCode::KeyringUnavailable,
            VaultError::Locked(_) => ErrorCode::KeyringLocked,
        }
    }
    fn message(&self, locale: Locale) -> String {
        match self {
            VaultError::Unavailable(_) => locale.pick(
                "无法连接系统钥匙串（Secret Service），未保存任何内容。请在桌面会话中启动密钥服务\
                 （GNOME 钥匙串 gnome-keyring 或 KWallet），然后重试。",
                "The system keyring (Secret Service) is not reachable, so nothing was saved. \
                 Start a keyring service in your desktop session (GNOME Keyring or KWallet), then try again.",
            ),
            VaultError::Locked(_) => locale.pick(
                "系统钥匙串已锁定，未保存任何内容。请解锁“登录”钥匙串（例如在“密码和密钥”中），然后重试。",
                "The system keyring is locked, so nothing was saved. Unlock your login keyring \
                 (e.g. in Passwords and Keys / Seahorse), then try again.",
            ),
        }
    }
    fn detail(&self) -> Option<ErrorDetail> {
        let (VaultError::Unavailable(c) | VaultError::Locked(c)) = self;
        Some(ErrorDetail {
            cause: Some(c.clone()),
            ..Default::default()
        })
    }
}

impl From<VaultError> for CoreError {
    fn from(e: VaultError) -> Self {
        CoreError::area(e)
    }
}

/// The keyring entries of one app identity (`service`), one per account. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Vault {
    service: String,
    // Secret Service over D-Bus misbehaves with concurrent calls from several threads.
    lock: Arc<Mutex<()>>,
}

impl Vault {
    /// Entries under `service` (the app identifier; tests use their own).
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
            lock: Arc::new(Mutex::new(())),
        }
    }

    fn entry(&self, kind: SecretKind, id: &str) -> Result<Entry, VaultError> {
        Entry::new(&self.service, &kind.entry_name(id)).map_err(VaultError::from_keyring)
    }

    fn guard(&self) -> std::sync::MutexGuard<'_, ()> {
        self.lock.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Stores (or replaces) a secret.
    pub fn set(&self, kind: SecretKind, id: &str, secret: &Secret) -> Result<(), VaultError> {
        let _g = self.guard();
        self.entry(kind, id)?
            .set_password(secret.expose())
            .map_err(VaultError::from_keyring)
    }

    /// Whether a secret is stored. Reads the entry's attributes, never its secret: listing
    /// accounts decrypts nothing.
    pub fn has(&self, kind: SecretKind, id: &str) -> Result<bool, VaultError> {
        let _g = self.guard();
        match self.entry(kind, id)?.get_attributes() {
            Ok(_) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(VaultError::from_keyring(e)),
        }
    }

    /// The secret, for building a client. Never leaves the core.
    pub(crate) fn get(&self, kind: SecretKind, id: &str) -> Result<Option<Secret>, VaultError> {
        let _g = self.guard();
        match self.entry(kind, id)?.get_password() {
            Ok(s) => Ok(Some(Secret::new(s))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(VaultError::from_keyring(e)),
        }
    }

    /// Removes a secret; removing a missing one is fine.
    pub fn delete(&self, kind: SecretKind, id: &str) -> Result<(), VaultError> {
        let _g = self.guard();
        match self.entry(kind, id)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(VaultError::from_keyring(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    //! Against a real Secret Service: run through `scripts/with-keyring.sh` (as `make test` does).
    use super::*;
    use SecretKind::*;

    fn vault() -> Vault {
        Vault::new(format!("app.livedesk.test.{}", rand::random::<u64>()))
    }

    #[test]
    fn set_has_get_delete_on_the_real_keyring() {
        let v = vault();
        assert!(!v.has(AppSecret, "acc1").unwrap());
        v.set(AppSecret, "acc1", &Secret::new("s3cret-one"))
            .unwrap();
        assert!(v.has(AppSecret, "acc1").unwrap());
        assert_eq!(
            v.get(AppSecret, "acc1").unwrap().unwrap().expose(),
            "s3cret-one"
        );
        // A new Vault (like a restarted app, or the CLI) reads the same entry: not an in-memory mock.
        let again = Vault::new(v.service.clone());
        assert_eq!(
            again.get(AppSecret, "acc1").unwrap().unwrap().expose(),
            "s3cret-one"
        );
        v.set(AppSecret, "acc1", &Secret::new("s3cret-two"))
            .unwrap();
        assert_eq!(
            again.get(AppSecret, "acc1").unwrap().unwrap().expose(),
            "s3cret-two"
        );
        assert!(!v.has(AppSecret, "acc2").unwrap());
        v.delete(AppSecret, "acc1").unwrap();
        assert!(!again.has(AppSecret, "acc1").unwrap());
        v.delete(AppSecret, "acc1").unwrap();
    }

    #[test]
    fn each_kind_has_its_own_entry() {
        let v = vault();
        v.set(ObsPassword, "default", &Secret::new("obs-pw"))
            .unwrap();
        v.set(DestinationKey, "default", &Secret::new("stream-key"))
            .unwrap();
        assert!(!v.has(AppSecret, "default").unwrap());
        assert_eq!(
            v.get(ObsPassword, "default").unwrap().unwrap().expose(),
            "obs-pw"
        );
        assert_eq!(
            v.get(DestinationKey, "default").unwrap().unwrap().expose(),
            "stream-key"
        );
        v.delete(ObsPassword, "default").unwrap();
        assert!(v.has(DestinationKey, "default").unwrap());
        v.delete(DestinationKey, "default").unwrap();
    }

    #[test]
    fn entry_names_keep_the_first_slices_form() {
        assert_eq!(AppSecret.entry_name("acc-1"), "appsecret:acc-1");
        assert_eq!(ObsPassword.entry_name("p"), "obs-password:p");
        assert_eq!(DestinationKey.entry_name("d"), "destination-key:d");
    }

    #[test]
    fn keyring_errors_say_what_to_do() {
        let e = CoreError::from(VaultError::Unavailable("no bus".into()));
        assert_eq!(e.code(), ErrorCode::KeyringUnavailable);
        let m = e.message(Locale::En);
        assert!(
            m.contains("nothing was saved") && m.contains("Start"),
            "{m}"
        );
        assert_eq!(e.detail().unwrap().cause.as_deref(), Some("no bus"));
        let e = CoreError::from(VaultError::Locked("locked".into()));
        assert_eq!(e.code(), ErrorCode::KeyringLocked);
        assert!(e.message(Locale::ZhCn).contains("解锁"));
        assert_eq!(
            e.area_problem::<VaultError>(),
            Some(&VaultError::Locked("locked".into()))
        );
    }
}
