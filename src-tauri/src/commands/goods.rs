//! Goods commands: the library (sync with progress, tabs, add, update, delete, audit) and a room's
//! shelf (import, sort, explanation video with progress; sale, push and removal go through the
//! live console's queue, `commands::live`). Long work reports
//! through a Tauri channel.

use std::path::PathBuf;

use livedesk_core::goods::{
    DownloadProgress, GoodsChange, GoodsForm, GoodsView, LibraryPage, Shelf, SyncDone,
    SyncProgress, VideoSaved,
};
use livedesk_core::rooms::FieldError;
use livedesk_core::store::GoodsRow;
use livedesk_core::App;
use tauri::ipc::Channel;
use tauri::State;

use crate::error::{IntoIpc, IpcError};

/// Reads the whole library from WeChat into the store; `progress` gets each page.
#[tauri::command]
pub async fn goods_sync(
    core: State<'_, App>,
    account_id: String,
    progress: Channel<SyncProgress>,
) -> Result<SyncDone, IpcError> {
    core.library
        .sync(&account_id, |p| {
            let _ = progress.send(p);
        })
        .await
        .ipc(&core)
}

/// One page of a library tab (audit status 0–3), searched by name.
#[tauri::command]
pub async fn goods_page(
    core: State<'_, App>,
    account_id: String,
    status: u8,
    search: String,
    offset: u32,
    limit: u32,
) -> Result<LibraryPage, IpcError> {
    core.library
        .page(&account_id, status, &search, offset, limit)
        .await
        .ipc(&core)
}

/// WeChat's rules on the add form, per field.
#[tauri::command]
pub fn goods_validate(core: State<'_, App>, form: GoodsForm) -> Vec<FieldError> {
    core.library.validate(&form)
}

/// The add form's draft, if any.
#[tauri::command]
pub fn goods_draft_load(
    core: State<'_, App>,
    account_id: String,
) -> Result<Option<GoodsForm>, IpcError> {
    core.library.load_draft(&account_id).ipc(&core)
}

/// Saves the add form as typed.
#[tauri::command]
pub fn goods_draft_save(
    core: State<'_, App>,
    account_id: String,
    form: GoodsForm,
) -> Result<(), IpcError> {
    core.library.save_draft(&account_id, &form).ipc(&core)
}

/// Drops the add form's draft (the user cleared the form).
#[tauri::command]
pub fn goods_draft_clear(core: State<'_, App>, account_id: String) -> Result<(), IpcError> {
    core.library.clear_draft(&account_id).ipc(&core)
}

/// Uploads the cover, adds the goods and submits them for audit; both ids are kept at once.
#[tauri::command]
pub async fn goods_add(
    core: State<'_, App>,
    account_id: String,
    form: GoodsForm,
) -> Result<GoodsView, IpcError> {
    core.library.add(&account_id, form).await.ipc(&core)
}

/// Changes goods within WeChat's state rules.
#[tauri::command]
pub async fn goods_update(
    core: State<'_, App>,
    account_id: String,
    change: GoodsChange,
) -> Result<GoodsView, IpcError> {
    core.library.update(&account_id, change).await.ipc(&core)
}

/// Deletes goods from the library and every room.
#[tauri::command]
pub async fn goods_delete(
    core: State<'_, App>,
    account_id: String,
    goods_id: i64,
) -> Result<(), IpcError> {
    core.library.delete(&account_id, goods_id).await.ipc(&core)
}

/// Withdraws goods from audit.
#[tauri::command]
pub async fn goods_reset_audit(
    core: State<'_, App>,
    account_id: String,
    goods_id: i64,
) -> Result<GoodsView, IpcError> {
    core.library
        .reset_audit(&account_id, goods_id)
        .await
        .ipc(&core)
}

/// Submits withdrawn or rejected goods for audit again.
#[tauri::command]
pub async fn goods_resubmit(
    core: State<'_, App>,
    account_id: String,
    goods_id: i64,
) -> Result<GoodsView, IpcError> {
    core.library
        .resubmit(&account_id, goods_id)
        .await
        .ipc(&core)
}

/// The audit state of `goodsIds` (none: the goods under review), stored and answered.
#[tauri::command]
pub async fn goods_refresh_audit(
    core: State<'_, App>,
    account_id: String,
    goods_ids: Vec<i64>,
) -> Result<Vec<GoodsRow>, IpcError> {
    core.library
        .refresh_audit(&account_id, &goods_ids)
        .await
        .ipc(&core)
}

/// A room's goods in shelf order, with the sale state LiveDesk set.
#[tauri::command]
pub async fn shelf_list(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
) -> Result<Shelf, IpcError> {
    core.shelf.shelf(&account_id, room_id).await.ipc(&core)
}

/// Imports approved goods into the room.
#[tauri::command]
pub async fn shelf_import(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    goods_ids: Vec<i64>,
) -> Result<(), IpcError> {
    core.shelf
        .import(&account_id, room_id, &goods_ids)
        .await
        .ipc(&core)
}

/// Orders the shelf, first to last.
#[tauri::command]
pub async fn shelf_sort(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    goods_ids: Vec<i64>,
) -> Result<(), IpcError> {
    core.shelf
        .sort(&account_id, room_id, &goods_ids)
        .await
        .ipc(&core)
}

/// Saves the goods' explanation video to `path` (picked in a save dialog); `progress` gets bytes.
#[tauri::command]
pub async fn shelf_save_video(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    goods_id: i64,
    path: PathBuf,
    progress: Channel<DownloadProgress>,
) -> Result<VideoSaved, IpcError> {
    core.shelf
        .save_video(&account_id, room_id, goods_id, &path, |p| {
            let _ = progress.send(p);
        })
        .await
        .ipc(&core)
}
