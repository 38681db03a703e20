//! Journal commands: the list with filters, CSV export, and a room's summary.

use std::path::PathBuf;

use livedesk_core::journal::{self, JournalFilter, JournalPage, PageRequest, RoomSummary};
use livedesk_core::Core;
use tauri::State;

use crate::error::{ipc, IpcError};

/// Rows matching `filter`, newest first.
#[tauri::command]
pub fn journal_list(
    core: State<'_, Core>,
    filter: JournalFilter,
    page: PageRequest,
) -> Result<JournalPage, IpcError> {
    journal::list(&core, &filter, page).map_err(|e| ipc(&core, e))
}

/// Writes every row matching `filter` as CSV to `path` (picked in a save dialog); answers how many.
#[tauri::command]
pub fn journal_export(
    core: State<'_, Core>,
    filter: JournalFilter,
    path: PathBuf,
) -> Result<usize, IpcError> {
    journal::export_csv(&core, &filter, &path).map_err(|e| ipc(&core, e))
}

/// Pushes per goods, failures and the timeline of a room.
#[tauri::command]
pub fn journal_room_summary(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
) -> Result<RoomSummary, IpcError> {
    journal::room_summary(&core, &account_id, room_id).map_err(|e| ipc(&core, e))
}
