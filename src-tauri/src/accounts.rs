//! Accounts: the sandbox (always first, never stored) and mini programs the user added, whose
//! secrets live in the OS keyring only. Adding or replacing a secret writes the keyring first, so a
//! keyring failure leaves nothing half-saved.

use wechat_live::{Client, Config, Secret};

use crate::error::{AppError, AppResult, Locale};
use crate::ipc::{AccountView, NewAccount, VerifyResult};
use crate::sandbox::SANDBOX_ID;
use crate::state::{unix_now, AppState};
use crate::store::AccountRow;

/// The sandbox as the UI sees it.
pub fn sandbox_view(state: &AppState) -> AccountView {
    AccountView {
        id: SANDBOX_ID.to_owned(),
        name: state
            .locale
            .get()
            .pick("沙盒（内置模拟器）", "Sandbox (built-in simulator)"),
        app_id: state.sandbox.app_id().to_owned(),
        base_url: Some(state.sandbox.base_url().to_owned()),
        sandbox: true,
        secret_set: true,
        verified_at: None,
    }
}

fn view(state: &AppState, row: AccountRow) -> AccountView {
    // A keyring that cannot be read shows as "no secret" here; using the account says why.
    let secret_set = state.vault.has(&row.id).unwrap_or_else(|e| {
        log::warn!("keyring check for an account failed: {e}");
        false
    });
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

/// Sandbox first, then stored accounts oldest first.
pub fn list(state: &AppState) -> AppResult<Vec<AccountView>> {
    let mut out = vec![sandbox_view(state)];
    for row in state.store.accounts()? {
        out.push(view(state, row));
    }
    Ok(out)
}

fn check_input(name: &str, app_id: &str, base_url: Option<&str>) -> AppResult<()> {
    if name.trim().is_empty() {
        return Err(AppError::invalid(
            "name",
            "请填写显示名称",
            "Enter a display name",
        ));
    }
    let app_id = app_id.trim();
    if app_id.is_empty() || app_id.chars().any(|c| !c.is_ascii_alphanumeric()) {
        return Err(AppError::invalid(
            "appId",
            "AppID 只能包含字母和数字（例如 wx1234567890abcdef）",
            "The AppID has letters and digits only (e.g. wx1234567890abcdef)",
        ));
    }
    if let Some(url) = base_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(AppError::invalid(
                "baseUrl",
                "API 地址需以 https:// 或 http:// 开头",
                "The API base URL must start with https:// or http://",
            ));
        }
    }
    Ok(())
}

fn not_sandbox(id: &str) -> AppResult<()> {
    if id == SANDBOX_ID {
        return Err(AppError::Config(
            "the sandbox account cannot be changed or removed".into(),
        ));
    }
    Ok(())
}

/// Adds an account: keyring first, then the row, then a credential check. If the check fails the
/// account is taken back out (keyring entry and row), so a typo leaves nothing behind.
pub async fn add(state: &AppState, input: NewAccount) -> AppResult<AccountView> {
    let base_url = input
        .base_url
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.trim_end_matches('/').to_owned());
    check_input(&input.name, &input.app_id, base_url.as_deref())?;
    if input.secret.trim().is_empty() {
        return Err(AppError::invalid(
            "secret",
            "请填写 AppSecret",
            "Enter the AppSecret",
        ));
    }
    let secret = Secret::new(input.secret.trim());
    let id = format!("acc-{:016x}", rand::random::<u64>());
    let row = AccountRow {
        id: id.clone(),
        name: input.name.trim().to_owned(),
        app_id: input.app_id.trim().to_owned(),
        base_url,
        verified_at: None,
        created_at: unix_now(),
    };
    // A client from the form's values: fails on a bad config before anything is stored.
    let mut cfg = Config::new(row.app_id.clone(), secret.clone());
    if let Some(b) = &row.base_url {
        cfg = cfg.with_base_url(b.clone());
    }
    let client = Client::new(cfg)?;

    state.vault.set(&id, &secret)?;
    if let Err(e) = state.store.insert_account(&row) {
        let _ = state.vault.delete(&id);
        return Err(e.into());
    }
    if let Err(e) = client.verify_credentials().await {
        let _ = state.store.remove_account(&id);
        let _ = state.vault.delete(&id);
        return Err(e.into());
    }
    let now = unix_now();
    state.store.set_verified(&id, Some(now))?;
    let row = state.account(&id)?;
    Ok(view(state, row))
}

/// Renames an account.
pub fn rename(state: &AppState, id: &str, name: &str) -> AppResult<AccountView> {
    not_sandbox(id)?;
    if name.trim().is_empty() {
        return Err(AppError::invalid(
            "name",
            "请填写显示名称",
            "Enter a display name",
        ));
    }
    if !state.store.rename_account(id, name.trim())? {
        return Err(AppError::not_found(format!("account {id}")));
    }
    Ok(view(state, state.account(id)?))
}

/// Replaces the secret (keyring first), then checks it.
pub async fn set_secret(state: &AppState, id: &str, secret: &str) -> AppResult<AccountView> {
    not_sandbox(id)?;
    let _ = state.account(id)?;
    if secret.trim().is_empty() {
        return Err(AppError::invalid(
            "secret",
            "请填写 AppSecret",
            "Enter the AppSecret",
        ));
    }
    state.vault.set(id, &Secret::new(secret.trim()))?;
    state.drop_client(id);
    let ok = state.client(id)?.verify_credentials().await.is_ok();
    state.store.set_verified(id, ok.then(unix_now))?;
    Ok(view(state, state.account(id)?))
}

/// Removes an account: keyring entry first (if that fails, nothing is removed), then its rows.
pub fn remove(state: &AppState, id: &str) -> AppResult<()> {
    not_sandbox(id)?;
    let _ = state.account(id)?;
    state.vault.delete(id)?;
    state.store.remove_account(id)?;
    state.drop_client(id);
    Ok(())
}

/// Checks an account's credentials by getting a stable token.
pub async fn verify(state: &AppState, id: &str, locale: Locale) -> AppResult<VerifyResult> {
    let client = state.client(id)?;
    let checked_at = unix_now();
    let result = client.verify_credentials().await;
    if id != SANDBOX_ID {
        state
            .store
            .set_verified(id, result.is_ok().then_some(checked_at))?;
    }
    Ok(match result {
        Ok(()) => VerifyResult {
            ok: true,
            message: locale.pick(
                "已通过验证：AppID 与 AppSecret 可用",
                "Verified: the AppID and AppSecret work",
            ),
            checked_at,
        },
        Err(e) => VerifyResult {
            ok: false,
            message: AppError::from(e).to_ipc(locale).message,
            checked_at,
        },
    })
}
