//! Getting started: the account's verdict (can it go live through LiveDesk, and if not, why),
//! the access checklist and third-party activation outcomes, and the mini program side's
//! snippets for a room — worded in the user's language by the core.

use livedesk_core::start::{SnippetsView, StartGuide, VerdictView};
use livedesk_core::App;
use tauri::State;

use crate::error::{IntoIpc, IpcError};

/// Checks the account: token, then getliveinfo.
#[tauri::command]
pub async fn start_verdict(
    core: State<'_, App>,
    account_id: String,
) -> Result<VerdictView, IpcError> {
    core.start.verdict(&account_id).await.ipc(&core)
}

/// The access checklist and the activation call's outcomes.
#[tauri::command]
pub fn start_guide(core: State<'_, App>) -> StartGuide {
    core.start.guide()
}

/// The mini program side for a room: app.json, navigateTo, subscribe, live status, live-player.
/// `custom_params` comes encoded, as the window's builder makes it; `play_url` is a Tencent Cloud
/// standard live play URL for the `<live-player>` tag.
#[tauri::command]
pub async fn start_snippets(
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
    custom_params: Option<String>,
    play_url: Option<String>,
) -> Result<SnippetsView, IpcError> {
    core.start
        .snippets(&account_id, room_id, custom_params.as_deref(), play_url)
        .await
        .ipc(&core)
}
