//! Live console commands: a room's action queue, the live lock, the rundown, and following a
//! room's show (events over a channel, for the console and the anchor view).

use livedesk_core::live::rundown::{Rundown, Stepped};
use livedesk_core::live::{ActionKind, ConsoleState, QueuedAction};
use livedesk_core::store::ItemInput;
use livedesk_core::App;
use livedesk_core::ConsoleEvent;
use tauri::ipc::Channel;
use tauri::{Runtime, State, Webview};

use crate::error::{IntoIpc, IpcError};
use crate::follow::Follows;

/// Queues an action in the room; answers how it ended (a double click answers the first).
#[tauri::command]
pub async fn live_act(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    action: ActionKind,
) -> Result<QueuedAction, IpcError> {
    core.console
        .act(&account_id, room_id, action)
        .await
        .ipc(&core)
}

/// Sends a failed action again.
#[tauri::command]
pub async fn live_retry(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    id: u64,
) -> Result<QueuedAction, IpcError> {
    core.console
        .retry(&account_id, room_id, id)
        .await
        .ipc(&core)
}

/// The room's recent actions, comment ban and unlock.
#[tauri::command]
pub fn live_state(core: State<'_, App>, account_id: String, room_id: i64) -> ConsoleState {
    core.console.state(&account_id, room_id)
}

/// Unlocks removing and deleting in a live room for two minutes; answers until when (unix ms).
#[tauri::command]
pub fn live_unlock(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
) -> Result<i64, IpcError> {
    core.console.unlock(&account_id, room_id).ipc(&core)
}

/// Locks removing and deleting again.
#[tauri::command]
pub fn live_relock(core: State<'_, App>, account_id: String, room_id: i64) {
    core.console.relock(&account_id, room_id);
}

/// Sends every console event to this window's `channel` (replacing its earlier one).
#[tauri::command]
pub fn live_follow<R: Runtime>(
    core: State<'_, App>,
    follows: State<'_, Follows>,
    webview: Webview<R>,
    channel: Channel<ConsoleEvent>,
) {
    follows.follow(webview.label(), core.subscribe(), channel);
}

/// The room's rundown.
#[tauri::command]
pub fn rundown_get(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
) -> Result<Rundown, IpcError> {
    core.rundowns.get(&account_id, room_id).ipc(&core)
}

/// Adds an item after `after` (at the end when absent).
#[tauri::command]
pub fn rundown_add(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    item: ItemInput,
    after: Option<i64>,
) -> Result<Rundown, IpcError> {
    core.rundowns
        .add(&account_id, room_id, item, after)
        .ipc(&core)
}

/// Changes an item's title, script and planned duration.
#[tauri::command]
pub fn rundown_edit(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    id: i64,
    item: ItemInput,
) -> Result<Rundown, IpcError> {
    core.rundowns
        .edit(&account_id, room_id, id, item)
        .ipc(&core)
}

/// Skips an item or takes it back.
#[tauri::command]
pub fn rundown_skip(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    id: i64,
    skipped: bool,
) -> Result<Rundown, IpcError> {
    core.rundowns
        .set_skipped(&account_id, room_id, id, skipped)
        .ipc(&core)
}

/// Removes an item.
#[tauri::command]
pub fn rundown_remove(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    id: i64,
) -> Result<Rundown, IpcError> {
    core.rundowns.remove(&account_id, room_id, id).ipc(&core)
}

/// Orders the items.
#[tauri::command]
pub fn rundown_reorder(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    ids: Vec<i64>,
) -> Result<Rundown, IpcError> {
    core.rundowns.reorder(&account_id, room_id, &ids).ipc(&core)
}

/// Puts an item on now (or nothing).
#[tauri::command]
pub fn rundown_go_to(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    id: Option<i64>,
) -> Result<Rundown, IpcError> {
    core.rundowns.go_to(&account_id, room_id, id).ipc(&core)
}

/// "Push next": the next item comes on; a goods item's card is pushed.
#[tauri::command]
pub async fn rundown_push_next(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
) -> Result<Stepped, IpcError> {
    core.rundowns
        .push_next(&account_id, room_id)
        .await
        .ipc(&core)
}
