//! Destinations beside WeChat rooms: a custom RTMP server and key (e.g. a 视频号 push address) and
//! Tencent Cloud standard live (signed push and play URLs). Keys go to the keyring through the
//! core; each destination can be copied, shown as QR, tested (the push address card's probe)
//! and sent to OBS like a room.

use livedesk_core::destinations::{DestinationAddressView, DestinationInput, DestinationView};
use livedesk_core::obs::ObsSent;
use livedesk_core::App;
use tauri::State;

use crate::error::{IntoIpc, IpcError};

/// Every destination, newest first as the core lists them.
#[tauri::command]
pub fn destinations_list(core: State<'_, App>) -> Result<Vec<DestinationView>, IpcError> {
    core.destinations.list().ipc(&core)
}

/// Adds (`id` null) or changes a destination; its keys go to the keyring.
#[tauri::command]
pub fn destination_save(
    core: State<'_, App>,
    id: Option<i64>,
    input: DestinationInput,
) -> Result<DestinationView, IpcError> {
    core.destinations.save(id, input).ipc(&core)
}

/// Removes a destination and its keys.
#[tauri::command]
pub fn destination_delete(core: State<'_, App>, id: i64) -> Result<(), IpcError> {
    core.destinations.delete(id).ipc(&core)
}

/// The push address (signed now, for Tencent Cloud) and play URLs, with a QR code.
#[tauri::command]
pub fn destination_address(
    core: State<'_, App>,
    id: i64,
) -> Result<DestinationAddressView, IpcError> {
    core.destinations.address_view(id).ipc(&core)
}

/// Sets OBS's stream to the destination and reads it back.
#[tauri::command]
pub async fn destination_send_obs(core: State<'_, App>, id: i64) -> Result<ObsSent, IpcError> {
    core.obs.send_destination(id).await.ipc(&core)
}
