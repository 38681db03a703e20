//! LiveDesk's services, shared by the desktop window (`src-tauri`) and the command line
//! (`livedesk-cli`): one [`App`] over the data dir and the keyring, whoever opens it. No Tauri here.
//!
//! In layers, each importing only from the layers below it or its own area (`tests/layers.rs`
//! fails on any other `use crate::…`):
//! - [`base`]: clock, locale, paths, the error contract ([`Problem`]), form errors, WeChat's rules as
//!   the UI shows them, the emitter, data several areas share (the unlock table, the shelf book)
//! - [`infra`]: SQLite, the OS keyring, the in-process sandbox, pictures, one WeChat client per
//!   account, the live lock's check, the RTMP probe
//! - [`journal`]: every write recorded before it leaves and completed after; CSV; a room's summary
//! - [`domain`]: accounts, rooms (and their status book), goods (library, shelf), destinations —
//!   siblings never import each other
//! - [`live`], [`obs`], [`start`]: the console (queue, lock, rundown, hotkey), OBS, getting
//!   started — they orchestrate the domain and do not import each other
//! - [`app`]: the composition root, [`App`], and the app's event stream
//!
//! Front ends turn a [`Problem`] into words with [`Problem::message`].

pub mod app;
pub mod base;
pub mod domain;
pub mod infra;
pub mod journal;
pub mod live;
pub mod obs;
pub mod start;

// The areas by their short names, for front ends.
pub use base::{clock, error, locale, paths, rules};
pub use domain::{accounts, destinations, goods, rooms};
pub use infra::{media, probe, sandbox, store, vault};

pub use app::{App, ConsoleEvent, DB_FILE};
pub use base::error::{CoreError, CoreResult, ErrorCode, ErrorDetail, Problem};
pub use base::locale::Locale;
pub use base::paths::APP_ID;
