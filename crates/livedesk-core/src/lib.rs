//! LiveDesk's services, shared by the desktop window (`src-tauri`) and the command line: one
//! [`Core`] over the data dir and the keyring, whoever opens it. No Tauri here.
//!
//! One module per area, each owning its flow from input to WeChat and back:
//! - [`vault`]: the OS keyring (AppSecrets, the OBS password, destination stream keys)
//! - [`store`]: SQLite, one module per table, versioned migrations, corrupt files moved aside
//! - [`accounts`]: the sandbox and the mini programs added, verified with a stable token
//! - [`sandbox`]: the WeChat simulator started in-process
//! - [`rooms`]: list, validate, upload, draft, create, edit, delete, push address, share code
//! - [`goods`]: the library (sync, tabs, add, update, delete, audit) and a room's shelf
//! - [`journal`]: every write, appended in the one place writes go through ([`journal::record`])
//! - [`live`]: the live console (a room's action queue, the live lock, the rundown, events)
//! - [`monitor`]: live status — each listing compared with the last, changes told as events
//! - [`destinations`]: any RTMP destination besides rooms — a custom server and key, or a signed Tencent Cloud CSS stream
//! - [`probe`]: "test address", an RTMP probe of a push destination before going live
//! - [`start`]: getting started — the account's verdict (activated, not, IP not whitelisted),
//!   the access checklist, activation outcomes, and the mini program snippets for a room
//!
//! - [`obs`]: OBS over obs-websocket (the link, Send to OBS, start/stop, health, cross-check)
//!
//! Services return [`CoreError`]; an edge turns it into words with [`CoreError::message`].

pub mod accounts;
pub mod clock;
mod core;
pub mod destinations;
pub mod endpoint;
pub mod error;
pub mod goods;
pub mod images;
pub mod journal;
pub mod live;
pub mod locale;
pub mod monitor;
pub mod obs;
pub mod paths;
pub mod probe;
pub mod rooms;
pub mod rules;
pub mod sandbox;
pub mod start;
pub mod store;
pub mod vault;

pub use crate::core::{Core, DB_FILE};
pub use error::{CoreError, CoreResult, ErrorCode, ErrorDetail};
pub use locale::Locale;
pub use paths::APP_ID;
