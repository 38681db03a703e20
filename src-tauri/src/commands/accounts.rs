//! Account commands. Secrets go in (add, replace) but never come out.

use livedesk_core::accounts::{self, AccountList, AccountView, NewAccount, VerifyResult};
use livedesk_core::Core;
use tauri::State;
use wechat_live::Secret;

use crate::error::{ipc, IpcError};

/// Sandbox first, always present; `keyring` says whether the secrets could be checked.
#[tauri::command]
pub fn accounts_list(core: State<'_, Core>) -> Result<AccountList, IpcError> {
    accounts::list(&core, core.locale.get()).map_err(|e| ipc(&core, e))
}

/// Adds and verifies an account; its secret goes to the OS keyring.
#[tauri::command]
pub async fn account_add(
    core: State<'_, Core>,
    input: NewAccount,
) -> Result<AccountView, IpcError> {
    accounts::add(&core, input).await.map_err(|e| ipc(&core, e))
}

/// Renames an account.
#[tauri::command]
pub fn account_rename(
    core: State<'_, Core>,
    id: String,
    name: String,
) -> Result<AccountView, IpcError> {
    accounts::rename(&core, &id, &name).map_err(|e| ipc(&core, e))
}

/// Replaces an account's secret (wrapped as it is read: never printed).
#[tauri::command]
pub async fn account_set_secret(
    core: State<'_, Core>,
    id: String,
    secret: Secret,
) -> Result<AccountView, IpcError> {
    accounts::set_secret(&core, &id, &secret)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Removes an account and its keyring entry (not the sandbox).
#[tauri::command]
pub fn account_remove(core: State<'_, Core>, id: String) -> Result<(), IpcError> {
    accounts::remove(&core, &id).map_err(|e| ipc(&core, e))
}

/// Checks an account's credentials.
#[tauri::command]
pub async fn account_verify(core: State<'_, Core>, id: String) -> Result<VerifyResult, IpcError> {
    accounts::verify(&core, &id, core.locale.get())
        .await
        .map_err(|e| ipc(&core, e))
}
