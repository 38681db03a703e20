//! Pictures picked from disk, fitted to a room slot.

use std::path::PathBuf;

use livedesk_core::rooms::{ImageRef, ImageSlot};
use livedesk_core::{images, Core, CoreError};
use tauri::State;

use crate::error::{ipc, IpcError};

/// Decodes the file, fits it to the slot's pixels and bytes, keeps it in the app data dir.
#[tauri::command]
pub async fn image_prepare(
    core: State<'_, Core>,
    slot: ImageSlot,
    path: PathBuf,
) -> Result<ImageRef, IpcError> {
    let dir = core.media_dir.clone();
    // Decoding and re-encoding a large photo takes a while: off the async workers.
    tauri::async_runtime::spawn_blocking(move || images::prepare(&dir, slot, &path))
        .await
        .map_err(|e| ipc(&core, CoreError::Config(format!("image task: {e}"))))?
        .map_err(|e| ipc(&core, e))
}
