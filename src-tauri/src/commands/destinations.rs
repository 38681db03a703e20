//! Destinations beside WeChat rooms: a custom RTMP server and key (e.g. a 视频号 push address) and
//! Tencent Cloud standard live (signed push and play URLs). Keys go to the keyring through the
//! core; each destination can be copied, shown as QR, tested (the push address card's probe)
//! and sent to OBS like a room.

use livedesk_core::destinations::{self, DestinationAddress, DestinationInput, DestinationView};
use livedesk_core::obs::{self, ObsSent};
use livedesk_core::{rooms, Core};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{ipc, IpcError};

/// A destination's address with its QR code (for phone encoders). Its `Debug` is the address's,
/// which hides the key.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DestinationAddressView {
    pub address: DestinationAddress,
    /// SVG of the full push URL.
    pub qr_svg: String,
}

/// Every destination, newest first as the core lists them.
#[tauri::command]
pub fn destinations_list(core: State<'_, Core>) -> Result<Vec<DestinationView>, IpcError> {
    destinations::list(&core).map_err(|e| ipc(&core, e))
}

/// Adds (`id` null) or changes a destination; its keys go to the keyring.
#[tauri::command]
pub fn destination_save(
    core: State<'_, Core>,
    id: Option<i64>,
    input: DestinationInput,
) -> Result<DestinationView, IpcError> {
    destinations::save(&core, id, input).map_err(|e| ipc(&core, e))
}

/// Removes a destination and its keys.
#[tauri::command]
pub fn destination_delete(core: State<'_, Core>, id: i64) -> Result<(), IpcError> {
    destinations::delete(&core, id).map_err(|e| ipc(&core, e))
}

/// The push address (signed now, for Tencent Cloud) and play URLs.
#[tauri::command]
pub fn destination_address(
    core: State<'_, Core>,
    id: i64,
) -> Result<DestinationAddressView, IpcError> {
    let address = destinations::address(&core, id).map_err(|e| ipc(&core, e))?;
    let qr_svg = rooms::qr_svg(&address.full_url).map_err(|e| ipc(&core, e))?;
    Ok(DestinationAddressView { address, qr_svg })
}

/// Sets OBS's stream to the destination and reads it back.
#[tauri::command]
pub async fn destination_send_obs(core: State<'_, Core>, id: i64) -> Result<ObsSent, IpcError> {
    let a = destinations::address(&core, id).map_err(|e| ipc(&core, e))?;
    obs::send(&core, &a.server, &a.stream_key, None)
        .await
        .map_err(|e| ipc(&core, e))
}
