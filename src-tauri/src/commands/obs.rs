//! OBS commands: its settings (the password goes to the keyring), the panel's state, reconnect,
//! Send to OBS, start and stop. The link itself runs in the background (started at setup).

use livedesk_core::obs::{ObsSent, ObsSettings, ObsSettingsInput, ObsStatus};
use livedesk_core::App;
use tauri::State;

use crate::error::{IntoIpc, IpcError};

/// The OBS panel's state: settings, link, health, the room sent to OBS.
#[tauri::command]
pub fn obs_status(core: State<'_, App>) -> Result<ObsStatus, IpcError> {
    core.obs.status().ipc(&core)
}

/// Saves where OBS is (and its password, into the keyring), then reconnects.
#[tauri::command]
pub async fn obs_settings_set(
    core: State<'_, App>,
    input: ObsSettingsInput,
) -> Result<ObsSettings, IpcError> {
    core.obs.save_settings(input).await.ipc(&core)
}

/// Tries to connect now instead of at the next retry.
#[tauri::command]
pub async fn obs_reconnect(core: State<'_, App>) -> Result<(), IpcError> {
    core.obs.reconnect().await;
    Ok(())
}

/// Sets OBS's stream to the room's push address and reads it back.
#[tauri::command]
pub async fn obs_send_room(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
) -> Result<ObsSent, IpcError> {
    core.obs.send_room(&account_id, room_id).await.ipc(&core)
}

/// Starts (`on`) or stops OBS's stream.
#[tauri::command]
pub async fn obs_stream(core: State<'_, App>, on: bool) -> Result<(), IpcError> {
    core.obs.stream(on).await.ipc(&core)
}
