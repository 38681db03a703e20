//! Journal commands: the list with filters, CSV export, and a room's summary.

use std::path::PathBuf;

use livedesk_core::journal::{JournalFilter, JournalPage, PageRequest, RoomSummary};
use livedesk_core::App;
use tauri::State;

use crate::error::{IntoIpc, IpcError};

/// Rows matching `filter`, newest first.
#[tauri::command]
pub fn journal_list(
    core: State<'_, App>,
    filter: JournalFilter,
    page: PageRequest,
) -> Result<JournalPage, IpcError> {
    core.journal.list(&filter, page).ipc(&core)
}

/// Writes every row matching `filter` as CSV to `path` (picked in a save dialog); answers how many.
#[tauri::command]
pub fn journal_export(
    core: State<'_, App>,
    filter: JournalFilter,
    path: PathBuf,
) -> Result<usize, IpcError> {
    core.journal.export_csv(&filter, &path).ipc(&core)
}

/// Pushes per goods, failures and the timeline of a room.
#[tauri::command]
pub fn journal_room_summary(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
) -> Result<RoomSummary, IpcError> {
    core.journal.room_summary(&account_id, room_id).ipc(&core)
}
