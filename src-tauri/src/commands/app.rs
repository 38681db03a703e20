//! App-wide commands: the user's language and what the UI needs to know at start.

use livedesk_core::sandbox::SANDBOX_ID;
use livedesk_core::store::Recovered;
use livedesk_core::{App, Locale};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::error::IpcError;
use crate::startup::{self, BenchMode};

/// What the UI learns at start.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// The app's version.
    pub version: String,
    /// The sandbox account's id (always present, always first).
    pub sandbox_account_id: String,
    /// Set when the database could not be read at start: it was moved aside and a fresh one used.
    pub store_recovered: Option<Recovered>,
}

/// Sets the language of messages (errors, validation).
#[tauri::command]
pub fn set_locale(core: State<'_, App>, locale: Locale) -> Result<(), IpcError> {
    core.locale.set(locale);
    Ok(())
}

/// Version, sandbox id, and whether the store had to be started afresh.
#[tauri::command]
pub fn app_info(core: State<'_, App>) -> Result<AppInfo, IpcError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        sandbox_account_id: SANDBOX_ID.to_owned(),
        store_recovered: core.store_recovered.clone(),
    })
}

/// The page calls this on `DOMContentLoaded` (`data_ms` absent) and again once the start view's
/// data is on screen: logs both and, under `LIVEDESK_BENCH`, reports them (exiting after the second
/// in `startup` mode). `marks` are the page's own milestones on the way (name, page ms), logged to
/// show where a start's time went.
#[tauri::command]
pub fn app_ready<R: Runtime>(
    app: AppHandle<R>,
    page_ms: Option<f64>,
    data_ms: Option<f64>,
    marks: Option<Vec<(String, f64)>>,
) -> Result<(), IpcError> {
    let elapsed = startup::since_start();
    let mode = BenchMode::from_env();
    match data_ms {
        None => {
            // page_ms: the page's own navigation-start → DOMContentLoaded, to split the time.
            log::info!(
                "interactive after {} ms (page {:.0} ms)",
                elapsed.as_millis(),
                page_ms.unwrap_or(f64::NAN)
            );
            mode.report_dom(elapsed, page_ms);
        }
        Some(data) => {
            let marks: Vec<String> = marks
                .unwrap_or_default()
                .iter()
                .map(|(name, ms)| format!("{name} {ms:.0}"))
                .collect();
            log::info!(
                "start view's data on screen after {} ms (page {data:.0} ms; {})",
                elapsed.as_millis(),
                marks.join(", ")
            );
            if mode.report_ready(elapsed, page_ms, data_ms) {
                app.exit(0);
            }
        }
    }
    Ok(())
}
