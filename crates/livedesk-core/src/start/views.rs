//! Getting started's results with their words in the user's language, as a front end shows them.

use serde::Serialize;
use ts_rs::TS;

use super::{checklist, ActivationOutcome, Requirement, RoomSnippets, Snippet, Verdict};
use crate::base::locale::Locale;

/// The verdict with its words.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VerdictView {
    pub verdict: Verdict,
    pub title: String,
    pub message: String,
}

impl VerdictView {
    pub fn new(verdict: Verdict, locale: Locale) -> Self {
        Self {
            title: verdict.title(locale),
            message: verdict.message(locale),
            verdict,
        }
    }
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

impl StartGuide {
    pub fn new(locale: Locale) -> Self {
        Self {
            checklist: checklist()
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

impl SnippetsView {
    pub fn new(room: RoomSnippets, locale: Locale) -> Self {
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
        Self { room, snippets }
    }
}
