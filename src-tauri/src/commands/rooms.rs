//! Room commands: list (cached, then refreshed), validate, create, edit, delete, push address, share code.

use std::path::PathBuf;

use tauri::State;

use crate::error::IpcError;
use crate::ipc::{FieldError, PushAddress, RoomCreated, RoomForm, RoomList, ShareCode, ShareImage};
use crate::room_ops;
use crate::state::AppState;

/// The last-known list, instantly (empty with `fetchedAt: null` before the first refresh).
#[tauri::command]
pub fn rooms_cached(state: State<'_, AppState>, account_id: String) -> Result<RoomList, IpcError> {
    room_ops::cached(&state, &account_id).map_err(|e| state.ipc(e))
}

/// Every room of the account (all pages), with cover thumbnails; also cached.
#[tauri::command]
pub async fn rooms_refresh(
    state: State<'_, AppState>,
    account_id: String,
) -> Result<RoomList, IpcError> {
    room_ops::refresh(&state, &account_id)
        .await
        .map_err(|e| state.ipc(e))
}

/// WeChat's rules on the form, per field, in the user's language.
#[tauri::command]
pub async fn room_validate(
    state: State<'_, AppState>,
    account_id: String,
    form: RoomForm,
) -> Result<Vec<FieldError>, IpcError> {
    room_ops::validate(&state, &account_id, &form)
        .await
        .map_err(|e| state.ipc(e))
}

/// Uploads missing or stale images, then creates the room. The draft is kept on failure.
#[tauri::command]
pub async fn room_create(
    state: State<'_, AppState>,
    account_id: String,
    form: RoomForm,
) -> Result<RoomCreated, IpcError> {
    room_ops::create(&state, &account_id, form)
        .await
        .map_err(|e| state.ipc(e))
}

/// A not-started room as a form: anchor WeChat ID empty, pictures to pick again.
#[tauri::command]
pub async fn room_edit_load(
    state: State<'_, AppState>,
    account_id: String,
    room_id: i64,
) -> Result<RoomForm, IpcError> {
    room_ops::edit_load(&state, &account_id, room_id)
        .await
        .map_err(|e| state.ipc(e))
}

/// Uploads the pictures, then edits the room (only before it starts; 300023 otherwise).
#[tauri::command]
pub async fn room_edit(
    state: State<'_, AppState>,
    account_id: String,
    room_id: i64,
    form: RoomForm,
) -> Result<(), IpcError> {
    room_ops::edit(&state, &account_id, room_id, form)
        .await
        .map_err(|e| state.ipc(e))
}

/// Deletes a room.
#[tauri::command]
pub async fn room_delete(
    state: State<'_, AppState>,
    account_id: String,
    room_id: i64,
) -> Result<(), IpcError> {
    room_ops::delete(&state, &account_id, room_id)
        .await
        .map_err(|e| state.ipc(e))
}

/// The push address split for OBS, with a QR code.
#[tauri::command]
pub async fn room_push_address(
    state: State<'_, AppState>,
    account_id: String,
    room_id: i64,
) -> Result<PushAddress, IpcError> {
    room_ops::push_address(&state, &account_id, room_id)
        .await
        .map_err(|e| state.ipc(e))
}

/// The share code: page path, QR code and poster as data URLs.
#[tauri::command]
pub async fn room_share_code(
    state: State<'_, AppState>,
    account_id: String,
    room_id: i64,
    params: Option<String>,
) -> Result<ShareCode, IpcError> {
    room_ops::share_code(&state, &account_id, room_id, params)
        .await
        .map_err(|e| state.ipc(e))
}

/// Saves the QR code or poster as PNG at `path` (chosen with the dialog plugin's save()).
#[tauri::command]
pub async fn share_save(
    state: State<'_, AppState>,
    account_id: String,
    room_id: i64,
    which: ShareImage,
    path: PathBuf,
) -> Result<(), IpcError> {
    room_ops::share_save(&state, &account_id, room_id, which, &path)
        .await
        .map_err(|e| state.ipc(e))
}
