//! The console's hotkey: its status, changing it, and which room it drives.

use livedesk_core::Core;
use tauri::{AppHandle, Runtime, State};

use crate::error::{ipc, IpcError};
use crate::hotkeys::{self, HotkeyStatus, Hotkeys};

/// The "push next" hotkey, whether LiveDesk holds it, and why not.
#[tauri::command]
pub fn hotkey_status(core: State<'_, Core>, hotkeys: State<'_, Hotkeys>) -> HotkeyStatus {
    hotkeys.status(&core)
}

/// Changes the "push next" hotkey; refused at the field when it breaks a rule or is taken.
#[tauri::command]
pub fn hotkey_set<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, Core>,
    hotkeys: State<'_, Hotkeys>,
    accelerator: String,
) -> Result<HotkeyStatus, IpcError> {
    hotkeys::set(&app, &accelerator).map_err(|e| ipc(&core, e))?;
    Ok(hotkeys.status(&core))
}

/// The room the hotkey drives (the console open now), or none.
#[tauri::command]
pub fn live_arm(hotkeys: State<'_, Hotkeys>, account_id: Option<String>, room_id: Option<i64>) {
    hotkeys.arm(account_id.zip(room_id));
}
