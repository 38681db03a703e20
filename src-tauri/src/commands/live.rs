//! Live console commands: a room's action queue, the live lock, the rundown, and following a
//! room's show (events over a channel, for the console and the anchor view).

use livedesk_core::live::rundown::{self, Rundown, Stepped};
use livedesk_core::live::{self, lock, ActionKind, ConsoleEvent, ConsoleState, QueuedAction};
use livedesk_core::store::ItemInput;
use livedesk_core::Core;
use tauri::ipc::Channel;
use tauri::{Runtime, State, Webview};

use crate::error::{ipc, IpcError};
use crate::follow::Follows;

/// Queues an action in the room; answers how it ended (a double click answers the first).
#[tauri::command]
pub async fn live_act(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    action: ActionKind,
) -> Result<QueuedAction, IpcError> {
    live::act(&core, &account_id, room_id, action)
        .await
        .map_err(|e| ipc(&core, e))
}

/// Sends a failed action again.
#[tauri::command]
pub async fn live_retry(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    id: u64,
) -> Result<QueuedAction, IpcError> {
    live::retry(&core, &account_id, room_id, id)
        .await
        .map_err(|e| ipc(&core, e))
}

/// The room's recent actions, comment ban and unlock.
#[tauri::command]
pub fn live_state(core: State<'_, Core>, account_id: String, room_id: i64) -> ConsoleState {
    live::state(&core, &account_id, room_id)
}

/// Unlocks removing and deleting in a live room for two minutes; answers until when (unix ms).
#[tauri::command]
pub fn live_unlock(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
) -> Result<i64, IpcError> {
    lock::unlock(&core, &account_id, room_id).map_err(|e| ipc(&core, e))
}

/// Locks removing and deleting again.
#[tauri::command]
pub fn live_relock(core: State<'_, Core>, account_id: String, room_id: i64) {
    lock::relock(&core, &account_id, room_id);
}

/// Sends every console event to this window's `channel` (replacing its earlier one).
#[tauri::command]
pub fn live_follow<R: Runtime>(
    core: State<'_, Core>,
    follows: State<'_, Follows>,
    webview: Webview<R>,
    channel: Channel<ConsoleEvent>,
) {
    follows.follow(webview.label(), core.console.subscribe(), channel);
}

/// The room's rundown.
#[tauri::command]
pub fn rundown_get(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
) -> Result<Rundown, IpcError> {
    rundown::get(&core, &account_id, room_id).map_err(|e| ipc(&core, e))
}

/// Adds an item after `after` (at the end when absent).
#[tauri::command]
pub fn rundown_add(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    item: ItemInput,
    after: Option<i64>,
) -> Result<Rundown, IpcError> {
    rundown::add(&core, &account_id, room_id, item, after).map_err(|e| ipc(&core, e))
}

/// Changes an item's title, script and planned duration.
#[tauri::command]
pub fn rundown_edit(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    id: i64,
    item: ItemInput,
) -> Result<Rundown, IpcError> {
    rundown::edit(&core, &account_id, room_id, id, item).map_err(|e| ipc(&core, e))
}

/// Skips an item or takes it back.
#[tauri::command]
pub fn rundown_skip(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    id: i64,
    skipped: bool,
) -> Result<Rundown, IpcError> {
    rundown::set_skipped(&core, &account_id, room_id, id, skipped).map_err(|e| ipc(&core, e))
}

/// Removes an item.
#[tauri::command]
pub fn rundown_remove(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    id: i64,
) -> Result<Rundown, IpcError> {
    rundown::remove(&core, &account_id, room_id, id).map_err(|e| ipc(&core, e))
}

/// Orders the items.
#[tauri::command]
pub fn rundown_reorder(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    ids: Vec<i64>,
) -> Result<Rundown, IpcError> {
    rundown::reorder(&core, &account_id, room_id, &ids).map_err(|e| ipc(&core, e))
}

/// Puts an item on now (or nothing).
#[tauri::command]
pub fn rundown_go_to(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    id: Option<i64>,
) -> Result<Rundown, IpcError> {
    rundown::go_to(&core, &account_id, room_id, id).map_err(|e| ipc(&core, e))
}

/// "Push next": the next item comes on; a goods item's card is pushed.
#[tauri::command]
pub async fn rundown_push_next(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
) -> Result<Stepped, IpcError> {
    rundown::push_next(&core, &account_id, room_id)
        .await
        .map_err(|e| ipc(&core, e))
}
