//! App-wide commands: the user's language and what the UI needs to know at start.

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::error::{IpcError, Locale};
use crate::sandbox::SANDBOX_ID;
use crate::startup::{self, BenchMode};
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

/// The page calls this on `DOMContentLoaded`: logs the time to interactive and, under
/// `LIVEDESK_BENCH`, reports it (and exits in `startup` mode).
#[tauri::command]
pub fn app_ready<R: Runtime>(app: AppHandle<R>) -> Result<(), IpcError> {
    let elapsed = startup::since_start();
    log::info!("interactive after {} ms", elapsed.as_millis());
    if BenchMode::from_env().report_ready(elapsed) {
        app.exit(0);
    }
    Ok(())
}
