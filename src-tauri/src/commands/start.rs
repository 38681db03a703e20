//! Getting started: the account's verdict (can it go live through LiveDesk, and if not, why),
//! the access checklist and third-party activation outcomes, and the mini program side's
//! snippets for a room — each worded in the user's language here, at the edge.

use livedesk_core::start::{
    self, ActivationOutcome, Requirement, RoomSnippets, Snippet, SnippetOptions, Verdict,
};
use livedesk_core::Core;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{ipc, IpcError};

/// The verdict with its words.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VerdictView {
    pub verdict: Verdict,
    pub title: String,
    pub message: String,
}

/// A checklist item with its text.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequirementView {
    pub requirement: Requirement,
    pub text: String,
}

/// A documented outcome of the third-party activation call.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActivationView {
    pub outcome: ActivationOutcome,
    #[ts(type = "number")]
    pub errcode: i64,
    pub message: String,
}

/// What the getting-started view shows before checking anything.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartGuide {
    pub checklist: Vec<RequirementView>,
    pub activation: Vec<ActivationView>,
}

/// A snippet with its title, label and note.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SnippetView {
    pub snippet: Snippet,
    pub title: String,
    pub label: String,
    pub note: String,
}

/// A room's snippets, each with its words.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SnippetsView {
    pub room: RoomSnippets,
    pub snippets: Vec<SnippetView>,
}

/// Checks the account: token, then getliveinfo.
#[tauri::command]
pub async fn start_verdict(
    core: State<'_, Core>,
    account_id: String,
) -> Result<VerdictView, IpcError> {
    let verdict = start::verdict(&core, &account_id)
        .await
        .map_err(|e| ipc(&core, e))?;
    let locale = core.locale.get();
    Ok(VerdictView {
        title: verdict.title(locale),
        message: verdict.message(locale),
        verdict,
    })
}

/// The access checklist and the activation call's outcomes.
#[tauri::command]
pub fn start_guide(core: State<'_, Core>) -> StartGuide {
    let locale = core.locale.get();
    StartGuide {
        checklist: start::checklist()
            .into_iter()
            .map(|r| RequirementView {
                text: r.text(locale),
                requirement: r,
            })
            .collect(),
        activation: ActivationOutcome::DOCUMENTED
            .into_iter()
            .map(|o| ActivationView {
                errcode: o.errcode(),
                message: o.message(locale),
                outcome: o,
            })
            .collect(),
    }
}

/// The mini program side for a room: app.json, navigateTo, subscribe, live status, live-player.
/// `custom_params` comes encoded, as the window's builder makes it; `play_url` is a Tencent Cloud
/// standard live play URL for the `<live-player>` tag.
#[tauri::command]
pub async fn start_snippets(
    core: State<'_, Core>,
    account_id: String,
    room_id: i64,
    custom_params: Option<String>,
    play_url: Option<String>,
) -> Result<SnippetsView, IpcError> {
    let params = match custom_params.as_deref() {
        Some(encoded) => start::custom_params::decode(encoded).map_err(|e| ipc(&core, e))?,
        None => Vec::new(),
    };
    let options = SnippetOptions {
        params,
        play_url,
        ..Default::default()
    };
    let room = start::room_snippets(&core, &account_id, room_id, &options)
        .await
        .map_err(|e| ipc(&core, e))?;
    let locale = core.locale.get();
    let snippets = room
        .snippets
        .iter()
        .map(|s| SnippetView {
            title: s.title(locale),
            label: s.kind.label(locale),
            note: s.kind.note(locale),
            snippet: s.clone(),
        })
        .collect();
    Ok(SnippetsView { room, snippets })
}
