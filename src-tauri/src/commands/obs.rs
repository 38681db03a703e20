//! OBS commands: its settings (the password goes to the keyring), the panel's state, reconnect,
//! Send to OBS, start and stop. The link itself runs in the background (started at setup).

use livedesk_core::obs::{self, ObsSent, ObsSettings, ObsSettingsInput, ObsStatus};
use livedesk_core::Core;
use tauri::State;

use crate::error::{ipc, IpcError};

/// The OBS panel's state: settings, link, health, the room sent to OBS.
#[tauri::command]
pub fn obs_status(core: State<'_, Core>) -> Result<ObsStatus, IpcError> {
    obs::status(&core).map_err(|e| ipc(&core, e))
}

/// Saves where OBS is (and its password, into the keyring), then reconnects.
#[tauri::command]
pub async fn obs_settings_set(
    core: State<'_, Core>,
    input: ObsSettingsInput,
) -> Result<ObsSettings, IpcError> {
    obs::save_settings(&core, input)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Tries to connect now instead of at the next retry.
#[tauri::command]
pub async fn obs_reconnect(core: State<'_, Core>) -> Result<(), IpcError> {
    core.obs.reconnect().await;
    Ok(())
}

/// Sets OBS's stream to the room's push address and reads it back.
#[tauri::command]
pub async fn obs_send_room(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
) -> Result<ObsSent, IpcError> {
    obs::send_room(&core, &account_id, room_id)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Starts (`on`) or stops OBS's stream.
#[tauri::command]
pub async fn obs_stream(core: State<'_, Core>, on: bool) -> Result<(), IpcError> {
    obs::stream(&core, on).await.map_err(|e| ipc(&core, e))
}
