//! Room commands: list (cached, then refreshed), validate, create, edit, delete, push address, share code.

use std::path::PathBuf;

use livedesk_core::rooms::{
    self, FieldError, PushAddress, RoomCreated, RoomForm, RoomList, ShareCode, ShareImage,
};
use livedesk_core::Core;
use tauri::State;

use crate::error::{ipc, IpcError};

/// The last-known list, instantly (empty with `fetchedAt: null` before the first refresh).
#[tauri::command]
pub fn rooms_cached(core: State<'_, Core>, account_id: String) -> Result<RoomList, IpcError> {
    rooms::cached(&core, &account_id).map_err(|e| ipc(&core, e))
}

/// Every room of the account (all pages), with cover thumbnails; also cached.
#[tauri::command]
pub async fn rooms_refresh(
    core: State<'_, Core>,
    account_id: String,
) -> Result<RoomList, IpcError> {
    rooms::refresh(&core, &account_id)
        .await
        .map_err(|e| ipc(&core, e))
}

/// WeChat's rules on the form, per field, in the user's language.
#[tauri::command]
pub async fn room_validate(
    core: State<'_, Core>,
    account_id: String,
    form: RoomForm,
) -> Result<Vec<FieldError>, IpcError> {
    rooms::validate(&core, &account_id, &form)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Uploads missing or stale images, then creates the room. The draft is kept on failure.
#[tauri::command]
pub async fn room_create(
    core: State<'_, Core>,
    account_id: String,
    form: RoomForm,
) -> Result<RoomCreated, IpcError> {
    rooms::create(&core, &account_id, form)
        .await
        .map_err(|e| ipc(&core, e))
}

/// After a `maybe_sent` create: the room list searched for the room the form describes.
#[tauri::command]
pub async fn room_find_created(
    core: State<'_, Core>,
    account_id: String,
    form: RoomForm,
) -> Result<Option<RoomCreated>, IpcError> {
    rooms::find_created(&core, &account_id, &form)
        .await
        .map_err(|e| ipc(&core, e))
}

/// A not-started room as a form: anchor WeChat ID empty, pictures to pick again.
#[tauri::command]
pub async fn room_edit_load(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
) -> Result<RoomForm, IpcError> {
    rooms::edit_load(&core, &account_id, room_id)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Uploads the pictures, then edits the room (only before it starts; 300023 otherwise).
#[tauri::command]
pub async fn room_edit(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    form: RoomForm,
) -> Result<(), IpcError> {
    rooms::edit(&core, &account_id, room_id, form)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Deletes a room.
#[tauri::command]
pub async fn room_delete(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
) -> Result<(), IpcError> {
    rooms::delete(&core, &account_id, room_id)
        .await
        .map_err(|e| ipc(&core, e))
}

/// The push address split for OBS, with a QR code.
#[tauri::command]
pub async fn room_push_address(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
) -> Result<PushAddress, IpcError> {
    rooms::push_address(&core, &account_id, room_id)
        .await
        .map_err(|e| ipc(&core, e))
}

/// "Test address": probes an RTMP server with a stream key (connect and publish, no media).
#[tauri::command]
pub async fn push_address_test(
    core: State<'_, Core>,
    server: String,
    stream_key: String,
) -> Result<livedesk_core::probe::ProbeReport, IpcError> {
    livedesk_core::probe::probe(&server, &stream_key)
        .await
        .map_err(|e| ipc(&core, e))
}

/// The share code: page path, QR code and poster as data URLs.
#[tauri::command]
pub async fn room_share_code(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    params: Option<String>,
) -> Result<ShareCode, IpcError> {
    rooms::share_code(&core, &account_id, room_id, params)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Saves the QR code or poster as PNG at `path` (chosen with the dialog plugin's save()).
#[tauri::command]
pub async fn share_save(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    which: ShareImage,
    path: PathBuf,
) -> Result<(), IpcError> {
    rooms::share_save(&core, &account_id, room_id, which, &path)
        .await
        .map_err(|e| ipc(&core, e))
}
