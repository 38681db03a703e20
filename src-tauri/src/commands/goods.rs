//! Goods commands: the library (sync with progress, tabs, add, update, delete, audit) and a room's
//! shelf (import, sort, explanation video with progress; sale, push and removal go through the
//! live console's queue, `commands::live`). Long work reports
//! through a Tauri channel.

use std::path::PathBuf;

use livedesk_core::goods::{
    library, shelf, DownloadProgress, GoodsChange, GoodsForm, GoodsView, LibraryPage, Shelf,
    SyncDone, SyncProgress, VideoSaved,
};
use livedesk_core::rooms::FieldError;
use livedesk_core::store::GoodsRow;
use livedesk_core::Core;
use tauri::ipc::Channel;
use tauri::State;

use crate::error::{ipc, IpcError};

/// Reads the whole library from WeChat into the store; `progress` gets each page.
#[tauri::command]
pub async fn goods_sync(
    core: State<'_, Core>,
    account_id: String,
    progress: Channel<SyncProgress>,
) -> Result<SyncDone, IpcError> {
    library::sync(&core, &account_id, |p| {
        let _ = progress.send(p);
    })
    .await
    .map_err(|e| ipc(&core, e))
}

/// One page of a library tab (audit status 0–3), searched by name.
#[tauri::command]
pub async fn goods_page(
    core: State<'_, Core>,
    account_id: String,
    status: u8,
    search: String,
    offset: u32,
    limit: u32,
) -> Result<LibraryPage, IpcError> {
    library::page(&core, &account_id, status, &search, offset, limit)
        .await
        .map_err(|e| ipc(&core, e))
}

/// WeChat's rules on the add form, per field.
#[tauri::command]
pub fn goods_validate(core: State<'_, Core>, form: GoodsForm) -> Vec<FieldError> {
    library::validate(&core, &form)
}

/// The add form's draft, if any.
#[tauri::command]
pub fn goods_draft_load(
    core: State<'_, Core>,
    account_id: String,
) -> Result<Option<GoodsForm>, IpcError> {
    library::load_draft(&core, &account_id).map_err(|e| ipc(&core, e))
}

/// Saves the add form as typed.
#[tauri::command]
pub fn goods_draft_save(
    core: State<'_, Core>,
    account_id: String,
    form: GoodsForm,
) -> Result<(), IpcError> {
    library::save_draft(&core, &account_id, &form).map_err(|e| ipc(&core, e))
}

/// Drops the add form's draft (the user cleared the form).
#[tauri::command]
pub fn goods_draft_clear(core: State<'_, Core>, account_id: String) -> Result<(), IpcError> {
    library::clear_draft(&core, &account_id).map_err(|e| ipc(&core, e))
}

/// Uploads the cover, adds the goods and submits them for audit; both ids are kept at once.
#[tauri::command]
pub async fn goods_add(
    core: State<'_, Core>,
    account_id: String,
    form: GoodsForm,
) -> Result<GoodsView, IpcError> {
    library::add(&core, &account_id, form)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Changes goods within WeChat's state rules.
#[tauri::command]
pub async fn goods_update(
    core: State<'_, Core>,
    account_id: String,
    change: GoodsChange,
) -> Result<GoodsView, IpcError> {
    library::update(&core, &account_id, change)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Deletes goods from the library and every room.
#[tauri::command]
pub async fn goods_delete(
    core: State<'_, Core>,
    account_id: String,
    goods_id: i64,
) -> Result<(), IpcError> {
    library::delete(&core, &account_id, goods_id)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Withdraws goods from audit.
#[tauri::command]
pub async fn goods_reset_audit(
    core: State<'_, Core>,
    account_id: String,
    goods_id: i64,
) -> Result<GoodsView, IpcError> {
    library::reset_audit(&core, &account_id, goods_id)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Submits withdrawn or rejected goods for audit again.
#[tauri::command]
pub async fn goods_resubmit(
    core: State<'_, Core>,
    account_id: String,
    goods_id: i64,
) -> Result<GoodsView, IpcError> {
    library::resubmit(&core, &account_id, goods_id)
        .await
        .map_err(|e| ipc(&core, e))
}

/// The audit state of `goodsIds` (none: the goods under review), stored and answered.
#[tauri::command]
pub async fn goods_refresh_audit(
    core: State<'_, Core>,
    account_id: String,
    goods_ids: Vec<i64>,
) -> Result<Vec<GoodsRow>, IpcError> {
    library::refresh_audit(&core, &account_id, &goods_ids)
        .await
        .map_err(|e| ipc(&core, e))
}

/// A room's goods in shelf order, with the sale state LiveDesk set.
#[tauri::command]
pub async fn shelf_list(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
) -> Result<Shelf, IpcError> {
    shelf::shelf(&core, &account_id, room_id)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Imports approved goods into the room.
#[tauri::command]
pub async fn shelf_import(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    goods_ids: Vec<i64>,
) -> Result<(), IpcError> {
    shelf::import(&core, &account_id, room_id, &goods_ids)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Orders the shelf, first to last.
#[tauri::command]
pub async fn shelf_sort(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    goods_ids: Vec<i64>,
) -> Result<(), IpcError> {
    shelf::sort(&core, &account_id, room_id, &goods_ids)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Saves the goods' explanation video to `path` (picked in a save dialog); `progress` gets bytes.
#[tauri::command]
pub async fn shelf_save_video(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    goods_id: i64,
    path: PathBuf,
    progress: Channel<DownloadProgress>,
) -> Result<VideoSaved, IpcError> {
    shelf::save_video(&core, &account_id, room_id, goods_id, &path, |p| {
        let _ = progress.send(p);
    })
    .await
    .map_err(|e| ipc(&core, e))
}
