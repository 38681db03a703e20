//! Accounts: the sandbox (always first, a built-in row never listed as stored) and mini programs
//! the user added, whose secrets live in the OS keyring only. Adding or replacing a secret writes
//! the keyring first, so a keyring failure leaves nothing half-saved.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use wechat_live::Secret;

pub mod ip;

use crate::base::clock::unix_now;
use crate::base::error::{CoreError, CoreResult, Problem};
use crate::base::locale::Locale;
use crate::infra::clients::{client_from, Clients};
use crate::infra::endpoint;
use crate::infra::sandbox::{Sandbox, SANDBOX_ID};
use crate::infra::store::{AccountRow, Store};
use crate::infra::vault::{SecretKind, Vault, VaultError};
use crate::journal::{Action, Journal, Write};

/// The accounts. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Accounts {
    store: Store,
    vault: Vault,
    clients: Clients,
    journal: Journal,
    sandbox: Sandbox,
}

/// An account as the window and the CLI see it: never a secret, only whether one is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountView {
    pub id: String,
    pub name: String,
    pub app_id: String,
    pub base_url: Option<String>,
    /// The in-process simulator; always first.
    pub sandbox: bool,
    /// Whether the keyring holds its secret; `null` when the keyring could not be asked.
    pub secret_set: Option<bool>,
    /// Last successful credential check, unix seconds.
    #[ts(type = "number | null")]
    pub verified_at: Option<i64>,
}

/// Whether the keyring answered while the accounts were listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KeyringStatus {
    /// It answered (or there was nothing to ask).
    Ok,
    /// No keyring service is reachable.
    Unavailable,
    /// The keyring is locked.
    Locked,
}

/// Every account, and whether their secrets could be checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountList {
    /// Sandbox first, then the stored accounts oldest first.
    pub accounts: Vec<AccountView>,
    pub keyring: KeyringStatus,
}

/// The add-account form. The secret is wrapped as it is read: its `Debug` prints `<redacted>`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewAccount {
    pub name: String,
    pub app_id: String,
    /// Goes to the OS keyring and nowhere else.
    #[ts(type = "string")]
    pub secret: Secret,
    /// API base URL (advanced: the simulator or a proxy); `null` for WeChat.
    pub base_url: Option<String>,
}

/// Outcome of a credential check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VerifyResult {
    pub ok: bool,
    pub message: String,
    /// The public IP WeChat saw, when it refused it (40164/61004): to add to the whitelist.
    pub ip: Option<String>,
    #[ts(type = "number")]
    pub checked_at: i64,
}

impl Accounts {
    /// The accounts over their handles.
    pub fn new(
        store: Store,
        vault: Vault,
        clients: Clients,
        journal: Journal,
        sandbox: Sandbox,
    ) -> Self {
        Self {
            store,
            vault,
            clients,
            journal,
            sandbox,
        }
    }

    /// The sandbox as the window sees it, named in `locale`.
    pub fn sandbox_view(&self, locale: Locale) -> AccountView {
        AccountView {
            id: SANDBOX_ID.to_owned(),
            name: locale.pick("沙盒（内置模拟器）", "Sandbox (built-in simulator)"),
            app_id: self.sandbox.app_id().to_owned(),
            base_url: Some(self.sandbox.base_url().to_owned()),
            sandbox: true,
            secret_set: Some(true),
            verified_at: None,
        }
    }

    /// The account after a change that succeeded: a keyring that cannot be asked now leaves
    /// `secretSet` unknown rather than failing what was done.
    fn view_checked(&self, row: AccountRow) -> CoreResult<AccountView> {
        let set = match self.vault.has(SecretKind::AppSecret, &row.id) {
            Ok(set) => Some(set),
            Err(e) => {
                log::warn!("keyring check after an account change failed: {e}");
                None
            }
        };
        Ok(view(row, set))
    }

    /// Sandbox first, then stored accounts oldest first. A keyring that cannot be asked does not hide
    /// the accounts: their `secretSet` is unknown and `keyring` says why.
    pub fn list(&self, locale: Locale) -> CoreResult<AccountList> {
        let mut accounts = vec![self.sandbox_view(locale)];
        let mut keyring = KeyringStatus::Ok;
        for row in self.store.accounts()? {
            let set = if keyring == KeyringStatus::Ok {
                match self.vault.has(SecretKind::AppSecret, &row.id) {
                    Ok(set) => Some(set),
                    Err(e) => {
                        log::warn!("keyring check while listing accounts failed: {e}");
                        keyring = match e {
                            VaultError::Unavailable(_) => KeyringStatus::Unavailable,
                            VaultError::Locked(_) => KeyringStatus::Locked,
                        };
                        None
                    }
                }
            } else {
                // One failure says enough: the others would wait on the same dead keyring.
                None
            };
            accounts.push(view(row, set));
        }
        Ok(AccountList { accounts, keyring })
    }

    /// Adds an account: keyring first, then the row, then a credential check. If the check fails the
    /// account is taken back out (keyring entry and row), so a typo leaves nothing behind.
    pub async fn add(&self, input: NewAccount) -> CoreResult<AccountView> {
        let base_url = input
            .base_url
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.trim_end_matches('/').to_owned());
        check_input(&input.name, &input.app_id, base_url.as_deref())?;
        let secret = trimmed(&input.secret)?;
        let id = format!("acc-{:016x}", rand::random::<u64>());
        let w = Write::new(&id, Action::AccountAdd).subject(input.name.trim());
        self.journal
            .record(w, self.add_checked(id.clone(), input, secret, base_url))
            .await?
    }

    async fn add_checked(
        &self,
        id: String,
        input: NewAccount,
        secret: Secret,
        base_url: Option<String>,
    ) -> CoreResult<AccountView> {
        let row = AccountRow {
            id: id.clone(),
            name: input.name.trim().to_owned(),
            app_id: input.app_id.trim().to_owned(),
            base_url,
            verified_at: None,
            created_at: unix_now(),
        };
        // A client from the form's values: fails on a bad config before anything is stored.
        let client = client_from(&row.app_id, secret.clone(), row.base_url.as_deref())?;

        self.vault.set(SecretKind::AppSecret, &id, &secret)?;
        if let Err(e) = self.store.insert_account(&row) {
            let _ = self.vault.delete(SecretKind::AppSecret, &id);
            return Err(e.into());
        }
        if let Err(e) = client.verify_credentials().await {
            let _ = self.store.remove_account(&id);
            let _ = self.vault.delete(SecretKind::AppSecret, &id);
            return Err(e.into());
        }
        self.store.set_verified(&id, Some(unix_now()))?;
        self.view_checked(self.clients.account(&id)?)
    }

    /// Renames an account.
    pub fn rename(&self, id: &str, name: &str) -> CoreResult<AccountView> {
        not_sandbox(id)?;
        if name.trim().is_empty() {
            return Err(CoreError::invalid(
                "name",
                "请填写显示名称",
                "Enter a display name",
            ));
        }
        let w = Write::new(id, Action::AccountUpdate)
            .subject(name.trim())
            .detail("name");
        self.journal.record_sync(w, || {
            if !self.store.rename_account(id, name.trim())? {
                return Err(CoreError::not_found(format!("account {id}")));
            }
            self.view_checked(self.clients.account(id)?)
        })
    }

    /// Replaces the secret (keyring first), then checks it.
    pub async fn set_secret(&self, id: &str, secret: &Secret) -> CoreResult<AccountView> {
        not_sandbox(id)?;
        let row = self.clients.account(id)?;
        let secret = trimmed(secret)?;
        let w = Write::new(id, Action::AccountUpdate)
            .subject(&row.name)
            .detail("secret");
        self.journal.record_sync(w, || {
            Ok(self.vault.set(SecretKind::AppSecret, id, &secret)?)
        })?;
        self.clients.forget(id);
        let ok = self.clients.get(id)?.verify_credentials().await.is_ok();
        self.store.set_verified(id, ok.then(unix_now))?;
        self.view_checked(self.clients.account(id)?)
    }

    /// Removes an account: keyring entry first (if that fails, nothing is removed), then its rows.
    pub fn remove(&self, id: &str) -> CoreResult<()> {
        not_sandbox(id)?;
        let row = self.clients.account(id)?;
        let w = Write::new(id, Action::AccountRemove).subject(&row.name);
        self.journal.record_sync(w, || {
            self.vault.delete(SecretKind::AppSecret, id)?;
            self.store.remove_account(id)?;
            self.clients.forget(id);
            Ok(())
        })
    }

    /// Checks an account's credentials by getting a stable token; the message is in `locale`.
    pub async fn verify(&self, id: &str, locale: Locale) -> CoreResult<VerifyResult> {
        Ok(self.verify_with_cause(id, locale).await?.0)
    }

    /// [`Accounts::verify`], with the client's error kept beside a failed result: the CLI's exit
    /// status is classified from it ([`Problem`]), not from the message's words.
    pub async fn verify_with_cause(
        &self,
        id: &str,
        locale: Locale,
    ) -> CoreResult<(VerifyResult, Option<wechat_live::Error>)> {
        let client = self.clients.get(id)?;
        let checked_at = unix_now();
        let result = client.verify_credentials().await;
        if id != SANDBOX_ID {
            self.store
                .set_verified(id, result.is_ok().then_some(checked_at))?;
        }
        let view = match &result {
            Ok(()) => VerifyResult {
                ok: true,
                message: locale.pick(
                    "已通过验证：AppID 与 AppSecret 可用",
                    "Verified: the AppID and AppSecret work",
                ),
                ip: None,
                checked_at,
            },
            Err(e)
                if e.code()
                    .is_some_and(|c| c.code() == 40164 || c.code() == 61004) =>
            {
                // The IP whitelist is what a desktop tool meets first: say where, with the address.
                let errcode = e.code().map(|c| c.code()).unwrap_or_default();
                let ip = match e {
                    wechat_live::Error::Api { errmsg, .. } => {
                        ip::from_errmsg(errmsg).map(|a| a.to_string())
                    }
                    _ => None,
                };
                VerifyResult {
                    ok: false,
                    message: ip::refusal_message(locale, errcode, ip.as_deref()),
                    ip,
                    checked_at,
                }
            }
            Err(e) => VerifyResult {
                ok: false,
                message: Problem::message(e, locale),
                ip: None,
                checked_at,
            },
        };
        Ok((view, result.err()))
    }
}

fn view(row: AccountRow, secret_set: Option<bool>) -> AccountView {
    AccountView {
        id: row.id,
        name: row.name,
        app_id: row.app_id,
        base_url: row.base_url,
        sandbox: false,
        secret_set,
        verified_at: row.verified_at,
    }
}

fn check_input(name: &str, app_id: &str, base_url: Option<&str>) -> CoreResult<()> {
    if name.trim().is_empty() {
        return Err(CoreError::invalid(
            "name",
            "请填写显示名称",
            "Enter a display name",
        ));
    }
    let app_id = app_id.trim();
    if app_id.is_empty() || app_id.chars().any(|c| !c.is_ascii_alphanumeric()) {
        return Err(CoreError::invalid(
            "appId",
            "AppID 只能包含字母和数字（例如 wx1234567890abcdef）",
            "The AppID has letters and digits only (e.g. wx1234567890abcdef)",
        ));
    }
    if let Some(url) = base_url {
        endpoint::check_base_url(url)?;
    }
    Ok(())
}

fn not_sandbox(id: &str) -> CoreResult<()> {
    if id == SANDBOX_ID {
        return Err(CoreError::SandboxFixed);
    }
    Ok(())
}

/// The secret without surrounding blanks (a paste often brings a newline); empty is an error.
fn trimmed(secret: &Secret) -> CoreResult<Secret> {
    let s = secret.expose().trim();
    if s.is_empty() {
        return Err(CoreError::invalid(
            "secret",
            "请填写 AppSecret",
            "Enter the AppSecret",
        ));
    }
    Ok(Secret::new(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_deserializes_its_secret_redacted() {
        let f: NewAccount = serde_json::from_str(
            r#"{"name":"n","appId":"wx1","secret":"hunter2-secret","baseUrl":null}"#,
        )
        .unwrap();
        assert_eq!(f.secret.expose(), "hunter2-secret");
        assert!(!format!("{f:?}").contains("hunter2"), "{f:?}");
    }

    #[test]
    fn blank_secrets_and_bad_ids_are_field_errors() {
        let e = trimmed(&Secret::new("  \n")).unwrap_err();
        assert_eq!(e.field().as_deref(), Some("secret"));
        assert_eq!(trimmed(&Secret::new(" s \n")).unwrap().expose(), "s");
        let e = check_input("x", "wx 1", None).unwrap_err();
        assert_eq!(e.field().as_deref(), Some("appId"));
        let e = check_input("", "wx1", None).unwrap_err();
        assert_eq!(e.field().as_deref(), Some("name"));
    }
}
