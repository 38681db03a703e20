//! App-wide commands: the user's language and what the UI needs to know at start.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{IpcError, Locale};
use crate::sandbox::SANDBOX_ID;
use crate::state::AppState;

/// What the UI learns at start.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// The app's version.
    pub version: String,
    /// The sandbox account's id (always present, always first).
    pub sandbox_account_id: String,
}

/// Sets the language of messages (errors, validation).
#[tauri::command]
pub fn set_locale(state: State<'_, AppState>, locale: Locale) -> Result<(), IpcError> {
    state.locale.set(locale);
    Ok(())
}

/// Version and sandbox id.
#[tauri::command]
pub fn app_info() -> Result<AppInfo, IpcError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        sandbox_account_id: SANDBOX_ID.to_owned(),
    })
}
