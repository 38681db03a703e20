//! What runs in the background for the window: the console's hotkey (its status, changing it,
//! the room it drives) and the live-status poll (the account it watches).

use livedesk_core::App;
use tauri::{AppHandle, Runtime, State};

use crate::error::{IntoIpc, IpcError};
use crate::hotkeys::{self, HotkeyStatus, Hotkeys};
use livedesk_core::rooms::Watched;

/// The "push next" hotkey, whether LiveDesk holds it, and why not.
#[tauri::command]
pub fn hotkey_status(core: State<'_, App>, hotkeys: State<'_, Hotkeys>) -> HotkeyStatus {
    hotkeys.status(&core)
}

/// Changes the "push next" hotkey; refused at the field when it breaks a rule or is taken.
#[tauri::command]
pub fn hotkey_set<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, App>,
    hotkeys: State<'_, Hotkeys>,
    accelerator: String,
) -> Result<HotkeyStatus, IpcError> {
    hotkeys::set(&app, &accelerator).ipc(&core)?;
    Ok(hotkeys.status(&core))
}

/// The room the hotkey drives (the console open now), or none.
#[tauri::command]
pub fn live_arm(hotkeys: State<'_, Hotkeys>, account_id: Option<String>, room_id: Option<i64>) {
    hotkeys.arm(account_id.zip(room_id));
}

/// The account whose rooms' live status is polled (the one the window shows), or none.
#[tauri::command]
pub fn monitor_watch(watched: State<'_, Watched>, account_id: Option<String>) {
    watched.set(account_id);
}
