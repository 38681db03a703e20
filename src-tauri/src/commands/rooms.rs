//! Room commands: list (cached, then refreshed), validate, create, edit, delete, push address, share code.

use std::path::PathBuf;

use livedesk_core::rooms::{
    FieldError, PushAddress, RoomCreated, RoomForm, RoomList, ShareCode, ShareImage,
};
use livedesk_core::App;
use tauri::State;

use crate::error::{IntoIpc, IpcError};

/// The last-known list, instantly (empty with `fetchedAt: null` before the first refresh).
#[tauri::command]
pub fn rooms_cached(core: State<'_, App>, account_id: String) -> Result<RoomList, IpcError> {
    core.rooms.cached(&account_id).ipc(&core)
}

/// Every room of the account (all pages), with cover thumbnails; also cached.
#[tauri::command]
pub async fn rooms_refresh(core: State<'_, App>, account_id: String) -> Result<RoomList, IpcError> {
    core.rooms.refresh(&account_id).await.ipc(&core)
}

/// WeChat's rules on the form, per field, in the user's language.
#[tauri::command]
pub async fn room_validate(
    core: State<'_, App>,
    account_id: String,
    form: RoomForm,
) -> Result<Vec<FieldError>, IpcError> {
    core.rooms.validate(&account_id, &form).await.ipc(&core)
}

/// Uploads missing or stale images, then creates the room. The draft is kept on failure.
#[tauri::command]
pub async fn room_create(
    core: State<'_, App>,
    account_id: String,
    form: RoomForm,
) -> Result<RoomCreated, IpcError> {
    core.rooms.create(&account_id, form).await.ipc(&core)
}

/// After a `maybe_sent` create: the room list searched for the room the form describes.
#[tauri::command]
pub async fn room_find_created(
    core: State<'_, App>,
    account_id: String,
    form: RoomForm,
) -> Result<Option<RoomCreated>, IpcError> {
    core.rooms.find_created(&account_id, &form).await.ipc(&core)
}

/// A not-started room as a form: anchor WeChat ID empty, pictures to pick again.
#[tauri::command]
pub async fn room_edit_load(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
) -> Result<RoomForm, IpcError> {
    core.rooms.edit_load(&account_id, room_id).await.ipc(&core)
}

/// Uploads the pictures, then edits the room (only before it starts; 300023 otherwise).
#[tauri::command]
pub async fn room_edit(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    form: RoomForm,
) -> Result<(), IpcError> {
    core.rooms.edit(&account_id, room_id, form).await.ipc(&core)
}

/// Deletes a room.
#[tauri::command]
pub async fn room_delete(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
) -> Result<(), IpcError> {
    core.rooms.delete(&account_id, room_id).await.ipc(&core)
}

/// The push address split for OBS, with a QR code.
#[tauri::command]
pub async fn room_push_address(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
) -> Result<PushAddress, IpcError> {
    core.rooms
        .push_address(&account_id, room_id)
        .await
        .ipc(&core)
}

/// "Test address": probes an RTMP server with a stream key (connect and publish, no media).
#[tauri::command]
pub async fn push_address_test(
    core: State<'_, App>,
    server: String,
    stream_key: String,
) -> Result<livedesk_core::probe::ProbeReport, IpcError> {
    livedesk_core::probe::probe(&server, &stream_key)
        .await
        .ipc(&core)
}

/// The share code: page path, QR code and poster as data URLs.
#[tauri::command]
pub async fn room_share_code(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    params: Option<String>,
) -> Result<ShareCode, IpcError> {
    core.rooms
        .share_code(&account_id, room_id, params)
        .await
        .ipc(&core)
}

/// Saves the QR code or poster as PNG at `path` (chosen with the dialog plugin's save()).
#[tauri::command]
pub async fn share_save(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    which: ShareImage,
    path: PathBuf,
) -> Result<(), IpcError> {
    core.rooms
        .share_save(&account_id, room_id, which, &path)
        .await
        .ipc(&core)
}
