//! Account commands. Secrets go in (add, replace) but never come out.

use tauri::State;

use crate::accounts;
use crate::error::IpcError;
use crate::ipc::{AccountView, NewAccount, VerifyResult};
use crate::state::AppState;

/// Sandbox first, always present.
#[tauri::command]
pub fn accounts_list(state: State<'_, AppState>) -> Result<Vec<AccountView>, IpcError> {
    accounts::list(&state).map_err(|e| state.ipc(e))
}

/// Adds and verifies an account; its secret goes to the OS keyring.
#[tauri::command]
pub async fn account_add(
    state: State<'_, AppState>,
    input: NewAccount,
) -> Result<AccountView, IpcError> {
    accounts::add(&state, input).await.map_err(|e| state.ipc(e))
}

/// Renames an account.
#[tauri::command]
pub fn account_rename(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<AccountView, IpcError> {
    accounts::rename(&state, &id, &name).map_err(|e| state.ipc(e))
}

/// Replaces an account's secret.
#[tauri::command]
pub async fn account_set_secret(
    state: State<'_, AppState>,
    id: String,
    secret: String,
) -> Result<AccountView, IpcError> {
    accounts::set_secret(&state, &id, &secret)
        .await
        .map_err(|e| state.ipc(e))
}

/// Removes an account and its keyring entry (not the sandbox).
#[tauri::command]
pub fn account_remove(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    accounts::remove(&state, &id).map_err(|e| state.ipc(e))
}

/// Checks an account's credentials.
#[tauri::command]
pub async fn account_verify(
    state: State<'_, AppState>,
    id: String,
) -> Result<VerifyResult, IpcError> {
    let locale = state.locale.get();
    accounts::verify(&state, &id, locale)
        .await
        .map_err(|e| state.ipc(e))
}
