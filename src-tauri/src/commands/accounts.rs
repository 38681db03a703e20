//! Account commands. Secrets go in (add, replace) but never come out.

use livedesk_core::accounts::{AccountList, AccountView, NewAccount, VerifyResult};
use livedesk_core::App;
use tauri::State;
use wechat_live::Secret;

use crate::error::{IntoIpc, IpcError};

/// Sandbox first, always present; `keyring` says whether the secrets could be checked.
#[tauri::command]
pub fn accounts_list(core: State<'_, App>) -> Result<AccountList, IpcError> {
    core.accounts.list(core.locale.get()).ipc(&core)
}

/// Adds and verifies an account; its secret goes to the OS keyring.
#[tauri::command]
pub async fn account_add(core: State<'_, App>, input: NewAccount) -> Result<AccountView, IpcError> {
    core.accounts.add(input).await.ipc(&core)
}

/// Renames an account.
#[tauri::command]
pub fn account_rename(
    core: State<'_, App>,
    id: String,
    name: String,
) -> Result<AccountView, IpcError> {
    core.accounts.rename(&id, &name).ipc(&core)
}

/// Replaces an account's secret (wrapped as it is read: never printed).
#[tauri::command]
pub async fn account_set_secret(
    core: State<'_, App>,
    id: String,
    secret: Secret,
) -> Result<AccountView, IpcError> {
    core.accounts.set_secret(&id, &secret).await.ipc(&core)
}

/// Removes an account and its keyring entry (not the sandbox).
#[tauri::command]
pub fn account_remove(core: State<'_, App>, id: String) -> Result<(), IpcError> {
    core.accounts.remove(&id).ipc(&core)
}

/// Checks an account's credentials.
#[tauri::command]
pub async fn account_verify(core: State<'_, App>, id: String) -> Result<VerifyResult, IpcError> {
    core.accounts
        .verify(&id, core.locale.get())
        .await
        .ipc(&core)
}
