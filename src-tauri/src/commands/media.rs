//! Pictures picked from disk, fitted to a room slot.

use std::path::PathBuf;

use tauri::State;

use crate::error::IpcError;
use crate::images;
use crate::ipc::{ImageRef, ImageSlot};
use crate::state::AppState;

/// Decodes the file, fits it to the slot's pixels and bytes, keeps it in the app data dir.
#[tauri::command]
pub async fn image_prepare(
    state: State<'_, AppState>,
    slot: ImageSlot,
    path: PathBuf,
) -> Result<ImageRef, IpcError> {
    let dir = state.media_dir.clone();
    // Decoding and re-encoding a large photo takes a while: off the async workers.
    tauri::async_runtime::spawn_blocking(move || images::prepare(&dir, slot, &path))
        .await
        .map_err(|e| state.ipc(crate::error::AppError::Config(format!("image task: {e}"))))?
        .map_err(|e| state.ipc(e))
}
