//! Pictures picked from disk, fitted to a room slot.

use std::path::PathBuf;

use livedesk_core::media::{ImageRef, ImageSlot};
use livedesk_core::App;
use tauri::State;

use crate::error::{IntoIpc, IpcError, ShellError};

/// Decodes the file, fits it to the slot's pixels and bytes, keeps it in the app data dir.
#[tauri::command]
pub async fn image_prepare(
    core: State<'_, App>,
    slot: ImageSlot,
    path: PathBuf,
) -> Result<ImageRef, IpcError> {
    let media = core.media.clone();
    // Decoding and re-encoding a large photo takes a while: off the async workers.
    tauri::async_runtime::spawn_blocking(move || media.prepare(slot, &path))
        .await
        .map_err(|e| ShellError::Task(e.to_string()))
        .ipc(&core)?
        .ipc(&core)
}
