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
pub fn app_ready<R: Runtime>(app: AppHandle<R>, page_ms: Option<f64>) -> Result<(), IpcError> {
    let elapsed = startup::since_start();
    // page_ms: the page's own navigation-start → DOMContentLoaded, to split the time.
    log::info!(
        "interactive after {} ms (page {:.0} ms)",
        elapsed.as_millis(),
        page_ms.unwrap_or(f64::NAN)
    );
    if BenchMode::from_env().report_ready(elapsed, page_ms) {
        app.exit(0);
    }
    Ok(())
}
