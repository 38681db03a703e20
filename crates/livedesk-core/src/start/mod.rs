//! Getting started: what it takes to go live with 小程序直播, and what LiveDesk can tell about an
//! account by itself. One job per file:
//! - [`verdict()`]: the token works and `getliveinfo` answers → ready; 48001 → not activated; 40164
//!   → the public IP WeChat saw is not whitelisted; anything else → cannot tell, and why
//! - [`checklist()`]: the access requirements as data, with the official pages
//! - [`ActivationOutcome`]: what a third-party platform's activation call (`applyliveinfo`) answered
//! - [`custom_params`]: the plugin's `custom_params`, encoded as the UI's builder does, ≤ 600
//! - [`snippets()`]: the mini program code for a room (app.json, navigateTo, subscribe, live status,
//!   `<live-player>`), with their titles and notes in `snippet_text`
//!
//! Results are typed (serde + ts-rs); [`Start`] hands them to a front end with their words in the
//! user's language ([`views`]).

mod activation;
mod checklist;
pub mod custom_params;
mod snippet_text;
mod snippets;
pub mod verdict;
pub mod views;

pub use activation::ActivationOutcome;
pub use checklist::{checklist, Requirement, RequirementGroup};
pub use custom_params::{EncodedParams, ParamRow};
pub use snippets::{
    snippets, RoomSnippets, Snippet, SnippetKind, SnippetOptions, DEFAULT_PLUGIN_VERSION,
    PLUGIN_NAME, PLUGIN_PROVIDER,
};
pub use verdict::{verdict, Cause, Verdict};
pub use views::{
    ActivationView, RequirementView, SnippetView, SnippetsView, StartGuide, VerdictView,
};

use crate::base::error::{CoreError, CoreResult};
use crate::base::locale::LocaleState;
use crate::domain::rooms::Rooms;
use crate::infra::clients::Clients;

/// Getting started, worded for a front end. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Start {
    clients: Clients,
    rooms: Rooms,
    locale: LocaleState,
}

impl Start {
    pub fn new(clients: Clients, rooms: Rooms, locale: LocaleState) -> Self {
        Self {
            clients,
            rooms,
            locale,
        }
    }

    /// Checks the account (token, then getliveinfo), with the verdict's words.
    pub async fn verdict(&self, account_id: &str) -> CoreResult<VerdictView> {
        let verdict = verdict(&self.clients, account_id).await?;
        Ok(VerdictView::new(verdict, self.locale.get()))
    }

    /// The access checklist and the activation call's outcomes.
    pub fn guide(&self) -> StartGuide {
        StartGuide::new(self.locale.get())
    }

    /// The mini program side for a room: app.json, navigateTo, subscribe, live status,
    /// live-player. `custom_params` comes encoded, as the window's builder makes it; `play_url` is
    /// a Tencent Cloud standard live play URL for the `<live-player>` tag. The room is named as the
    /// room list has it (the cached list first, else WeChat's).
    pub async fn snippets(
        &self,
        account_id: &str,
        room_id: i64,
        custom_params: Option<&str>,
        play_url: Option<String>,
    ) -> CoreResult<SnippetsView> {
        let params = match custom_params {
            Some(encoded) => custom_params::decode(encoded)?,
            None => Vec::new(),
        };
        let options = SnippetOptions {
            params,
            play_url,
            ..Default::default()
        };
        let room = self.room_snippets(account_id, room_id, &options).await?;
        Ok(SnippetsView::new(room, self.locale.get()))
    }

    /// The snippets of an account's room with `options`, the room named as the room list has it
    /// (the cached list first, else WeChat's).
    pub async fn room_snippets(
        &self,
        account_id: &str,
        room_id: i64,
        options: &SnippetOptions,
    ) -> CoreResult<RoomSnippets> {
        let cached = self
            .rooms
            .cached(account_id)?
            .rooms
            .into_iter()
            .find(|r| r.id == room_id)
            .map(|r| r.name);
        let name = match cached {
            Some(n) => n,
            None => self
                .clients
                .get(account_id)?
                .rooms()
                .get(room_id)
                .await?
                .map(|r| r.name)
                .ok_or_else(|| CoreError::not_found(format!("room {room_id}")))?,
        };
        snippets(room_id, &name, options)
    }
}
