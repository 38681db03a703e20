//! The room form's draft, saved while it is edited.

use livedesk_core::rooms::{self, RoomForm};
use livedesk_core::Core;
use tauri::State;

use crate::error::{ipc, IpcError};

/// The account's draft, if any (an unreadable one counts as none).
#[tauri::command]
pub fn draft_load(core: State<'_, Core>, account_id: String) -> Result<Option<RoomForm>, IpcError> {
    rooms::load_draft(&core, &account_id).map_err(|e| ipc(&core, e))
}

/// Saves (replaces) the account's draft.
#[tauri::command]
pub fn draft_save(
    core: State<'_, Core>,
    account_id: String,
    form: RoomForm,
) -> Result<(), IpcError> {
    rooms::save_draft(&core, &account_id, &form).map_err(|e| ipc(&core, e))
}

/// Drops the account's draft.
#[tauri::command]
pub fn draft_clear(core: State<'_, Core>, account_id: String) -> Result<(), IpcError> {
    rooms::clear_draft(&core, &account_id).map_err(|e| ipc(&core, e))
}
