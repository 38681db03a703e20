//! TypeScript bindings of the IPC types, generated with ts-rs into `ui/src/api/bindings/`, plus
//! `rules.ts` (the WeChat rules the UI repeats for display, from `livedesk_core::rules`).
//!
//! `cargo test -p livedesk bindings` fails when a committed file is stale, missing or orphaned;
//! `make bindings` rewrites the directory (an ignored test, run on purpose, never by `make test`).

use std::path::Path;

use livedesk_core::accounts::{AccountList, AccountView, KeyringStatus, NewAccount, VerifyResult};
use livedesk_core::goods::*;
use livedesk_core::journal::{
    Action, JournalEntry, JournalFilter, JournalPage, Outcome, PageRequest, RoomSummary,
};
use livedesk_core::live::rundown::{Rundown, Stepped};
use livedesk_core::live::{ActionKind, ActionState, ConsoleState, QueuedAction};
use livedesk_core::media::{ImageRef, ImageSlot};
use livedesk_core::obs::{
    Mismatch, ObsHealth, ObsLink, ObsProblem, ObsSent, ObsSettings, ObsSettingsInput, ObsStatus,
    TargetView,
};
use livedesk_core::probe::{ProbeOutcome, ProbeReport};
use livedesk_core::rooms::*;
use livedesk_core::store::Recovered;
use livedesk_core::store::{GoodsRow, ItemInput, ItemKind, RundownItem};
use livedesk_core::{ConsoleEvent, ErrorCode, ErrorDetail, Locale};
use ts_rs::{Config, ExportError, TS};

use crate::commands::app::AppInfo;
use crate::error::IpcError;
use crate::hotkeys::HotkeyStatus;
use livedesk_core::destinations::{
    DestinationAddress, DestinationAddressView, DestinationInput, DestinationKind, DestinationView,
    PlayUrl, PlayUrlKind, PushUrl, PushUrlKind,
};
use livedesk_core::start::{
    ActivationOutcome, ActivationView, Cause, Requirement, RequirementGroup, RequirementView,
    RoomSnippets, Snippet, SnippetKind, SnippetView, SnippetsView, StartGuide, Verdict,
    VerdictView,
};

/// The generated module of WeChat rules, beside the types.
pub const RULES_FILE: &str = "rules.ts";

/// Writes every IPC type (one `<Type>.ts` each) and `rules.ts` into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    Locale::export_all(&cfg)?;
    ErrorCode::export_all(&cfg)?;
    ErrorDetail::export_all(&cfg)?;
    IpcError::export_all(&cfg)?;
    AppInfo::export_all(&cfg)?;
    Recovered::export_all(&cfg)?;
    AccountView::export_all(&cfg)?;
    AccountList::export_all(&cfg)?;
    KeyringStatus::export_all(&cfg)?;
    NewAccount::export_all(&cfg)?;
    VerifyResult::export_all(&cfg)?;
    RoomView::export_all(&cfg)?;
    RoomList::export_all(&cfg)?;
    RoomForm::export_all(&cfg)?;
    ImageSlot::export_all(&cfg)?;
    ImageRef::export_all(&cfg)?;
    FieldError::export_all(&cfg)?;
    RoomCreated::export_all(&cfg)?;
    PushAddress::export_all(&cfg)?;
    ShareCode::export_all(&cfg)?;
    ShareImage::export_all(&cfg)?;
    GoodsRow::export_all(&cfg)?;
    GoodsForm::export_all(&cfg)?;
    GoodsChange::export_all(&cfg)?;
    GoodsEditable::export_all(&cfg)?;
    GoodsView::export_all(&cfg)?;
    LibraryPage::export_all(&cfg)?;
    SyncProgress::export_all(&cfg)?;
    SyncDone::export_all(&cfg)?;
    ShelfGoods::export_all(&cfg)?;
    Shelf::export_all(&cfg)?;
    VideoSaved::export_all(&cfg)?;
    DownloadProgress::export_all(&cfg)?;
    Action::export_all(&cfg)?;
    Outcome::export_all(&cfg)?;
    JournalEntry::export_all(&cfg)?;
    JournalFilter::export_all(&cfg)?;
    JournalPage::export_all(&cfg)?;
    PageRequest::export_all(&cfg)?;
    RoomSummary::export_all(&cfg)?;
    ActionKind::export_all(&cfg)?;
    ActionState::export_all(&cfg)?;
    QueuedAction::export_all(&cfg)?;
    ConsoleEvent::export_all(&cfg)?;
    ConsoleState::export_all(&cfg)?;
    ItemKind::export_all(&cfg)?;
    ItemInput::export_all(&cfg)?;
    RundownItem::export_all(&cfg)?;
    Rundown::export_all(&cfg)?;
    Stepped::export_all(&cfg)?;
    HotkeyStatus::export_all(&cfg)?;
    ProbeOutcome::export_all(&cfg)?;
    ProbeReport::export_all(&cfg)?;
    ObsProblem::export_all(&cfg)?;
    ObsLink::export_all(&cfg)?;
    ObsHealth::export_all(&cfg)?;
    Mismatch::export_all(&cfg)?;
    ObsSettings::export_all(&cfg)?;
    ObsSettingsInput::export_all(&cfg)?;
    ObsSent::export_all(&cfg)?;
    ObsStatus::export_all(&cfg)?;
    TargetView::export_all(&cfg)?;
    DestinationKind::export_all(&cfg)?;
    DestinationInput::export_all(&cfg)?;
    DestinationView::export_all(&cfg)?;
    DestinationAddress::export_all(&cfg)?;
    DestinationAddressView::export_all(&cfg)?;
    PushUrl::export_all(&cfg)?;
    PushUrlKind::export_all(&cfg)?;
    PlayUrl::export_all(&cfg)?;
    PlayUrlKind::export_all(&cfg)?;
    Verdict::export_all(&cfg)?;
    Cause::export_all(&cfg)?;
    Requirement::export_all(&cfg)?;
    RequirementGroup::export_all(&cfg)?;
    ActivationOutcome::export_all(&cfg)?;
    Snippet::export_all(&cfg)?;
    SnippetKind::export_all(&cfg)?;
    RoomSnippets::export_all(&cfg)?;
    VerdictView::export_all(&cfg)?;
    RequirementView::export_all(&cfg)?;
    ActivationView::export_all(&cfg)?;
    StartGuide::export_all(&cfg)?;
    SnippetView::export_all(&cfg)?;
    SnippetsView::export_all(&cfg)?;
    std::fs::write(dir.join(RULES_FILE), livedesk_core::app::rules_typescript())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    fn committed_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/bindings")
    }

    /// Every file of `dir` by name (the directory holds generated files only).
    fn read_dir(dir: &std::path::Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter(|e| e.path().is_file())
                    .map(|e| {
                        (
                            e.file_name().to_string_lossy().into_owned(),
                            std::fs::read_to_string(e.path()).unwrap_or_default(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn fresh() -> BTreeMap<String, String> {
        let tmp = tempfile::tempdir().unwrap();
        super::export_all(tmp.path()).unwrap();
        read_dir(tmp.path())
    }

    #[test]
    fn bindings_have_not_drifted() {
        let fresh = fresh();
        assert!(fresh.contains_key("RoomForm.ts") && fresh.contains_key("ErrorCode.ts"));
        let committed = read_dir(&committed_dir());
        let hint = "run `make bindings` and commit ui/src/api/bindings/";
        for (name, text) in &fresh {
            assert_eq!(
                committed.get(name),
                Some(text),
                "ui/src/api/bindings/{name} is missing or stale: {hint}"
            );
        }
        let orphans: Vec<_> = committed
            .keys()
            .filter(|k| !fresh.contains_key(*k))
            .collect();
        assert!(
            orphans.is_empty(),
            "ui/src/api/bindings/ holds files no Rust type generates: {orphans:?}: {hint}"
        );
    }

    /// `make bindings`: rewrites the committed directory (stale and orphaned files removed).
    #[test]
    #[ignore = "writes ui/src/api/bindings/: run through `make bindings`"]
    fn write_bindings() {
        let dir = committed_dir();
        if dir.exists() {
            std::fs::remove_dir_all(&dir).unwrap();
        }
        std::fs::create_dir_all(&dir).unwrap();
        super::export_all(&dir).unwrap();
    }

    /// The command names `ui/src/api/commands.ts` calls (`call<T>('name', …)`).
    fn ui_calls() -> Vec<String> {
        let src = std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/commands.ts"),
        )
        .unwrap();
        let mut out = Vec::new();
        let mut rest = src.as_str();
        while let Some(i) = rest.find("call<") {
            rest = &rest[i + 5..];
            let Some(open) = rest.find("('") else { break };
            let name_start = &rest[open + 2..];
            let end = name_start.find('\'').unwrap();
            out.push(name_start[..end].to_owned());
            rest = &name_start[end..];
        }
        out.sort();
        out
    }

    #[test]
    fn the_ui_calls_exactly_the_registered_commands() {
        let mut registered: Vec<String> = crate::COMMANDS.iter().map(|s| (*s).to_owned()).collect();
        registered.sort();
        let calls = ui_calls();
        let missing: Vec<_> = calls.iter().filter(|c| !registered.contains(c)).collect();
        let unused: Vec<_> = registered.iter().filter(|c| !calls.contains(c)).collect();
        assert!(
            missing.is_empty(),
            "the UI calls unregistered commands: {missing:?}"
        );
        assert!(
            unused.is_empty(),
            "registered commands the UI never calls: {unused:?}"
        );
        let mut dedup = calls.clone();
        dedup.dedup();
        assert_eq!(dedup, calls, "a command is wrapped twice in commands.ts");
    }
}
