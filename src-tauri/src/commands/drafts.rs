//! The room form's draft, saved while it is edited.

use livedesk_core::rooms::RoomForm;
use livedesk_core::App;
use tauri::State;

use crate::error::{IntoIpc, IpcError};

/// The account's draft, if any (an unreadable one counts as none).
#[tauri::command]
pub fn draft_load(core: State<'_, App>, account_id: String) -> Result<Option<RoomForm>, IpcError> {
    core.rooms.load_draft(&account_id).ipc(&core)
}

/// Saves (replaces) the account's draft.
#[tauri::command]
pub fn draft_save(
    core: State<'_, App>,
    account_id: String,
    form: RoomForm,
) -> Result<(), IpcError> {
    core.rooms.save_draft(&account_id, &form).ipc(&core)
}

/// Drops the account's draft.
#[tauri::command]
pub fn draft_clear(core: State<'_, App>, account_id: String) -> Result<(), IpcError> {
    core.rooms.clear_draft(&account_id).ipc(&core)
}
