//! The room form's draft, saved while it is edited.

use tauri::State;

use crate::error::{AppError, IpcError};
use crate::ipc::RoomForm;
use crate::state::AppState;

/// The account's draft, if any (an unreadable one counts as none).
#[tauri::command]
pub fn draft_load(
    state: State<'_, AppState>,
    account_id: String,
) -> Result<Option<RoomForm>, IpcError> {
    let json = state
        .store
        .draft(&account_id)
        .map_err(|e| state.ipc(e.into()))?;
    Ok(json.and_then(|j| match serde_json::from_str(&j) {
        Ok(form) => Some(form),
        Err(e) => {
            log::warn!("ignoring an unreadable draft: {e}");
            None
        }
    }))
}

/// Saves (replaces) the account's draft.
#[tauri::command]
pub fn draft_save(
    state: State<'_, AppState>,
    account_id: String,
    form: RoomForm,
) -> Result<(), IpcError> {
    crate::room_ops::save_draft(&state, &account_id, &form).map_err(|e| state.ipc(e))
}

/// Drops the account's draft.
#[tauri::command]
pub fn draft_clear(state: State<'_, AppState>, account_id: String) -> Result<(), IpcError> {
    state
        .store
        .clear_draft(&account_id)
        .map_err(|e| state.ipc(AppError::from(e)))?;
    Ok(())
}
