//! Getting started: what it takes to go live with 小程序直播, and what LiveDesk can tell about an
//! account by itself. One job per file:
//! - [`verdict()`]: the token works and `getliveinfo` answers → ready; 48001 → not activated; 40164
//!   → the public IP WeChat saw is not whitelisted; anything else → cannot tell, and why
//! - [`ip`]: the caller's address read from WeChat's 40164 errmsg
//! - [`checklist()`]: the access requirements as data, with the official pages
//! - [`ActivationOutcome`]: what a third-party platform's activation call (`applyliveinfo`) answered
//! - [`custom_params`]: the plugin's `custom_params`, encoded as the UI's builder does, ≤ 600
//! - [`snippets()`]: the mini program code for a room (app.json, navigateTo, subscribe, live status,
//!   `<live-player>`), with their titles and notes in `snippet_text`
//!
//! Results are typed (serde + ts-rs); their words come at the edge, in the user's language, from
//! each type's `title`/`message` methods with a [`crate::Locale`].

mod activation;
mod checklist;
pub mod custom_params;
pub mod ip;
mod snippet_text;
mod snippets;
pub(crate) mod verdict;

pub use activation::ActivationOutcome;
pub use checklist::{checklist, Requirement, RequirementGroup};
pub use custom_params::{EncodedParams, ParamRow};
pub use snippets::{
    room_snippets, snippets, RoomSnippets, Snippet, SnippetKind, SnippetOptions,
    DEFAULT_PLUGIN_VERSION, PLUGIN_NAME, PLUGIN_PROVIDER,
};
pub use verdict::{verdict, Cause, Verdict};
