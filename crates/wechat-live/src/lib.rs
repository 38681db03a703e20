//! Typed client of WeChat's Mini Program live (小程序直播) server API.
//!
//! No Tauri, no UI, no disk: usable by the desktop shell, a CLI or a server unchanged.
//! Every per-endpoint quirk of WeChat (key casing, `id` vs `roomId`, price units, `9410000` meaning
//! "empty list", 300036 carrying `qrcode_url`) is absorbed here; callers see one consistent model.

// --- transport, auth and errors (one owner) ---
pub mod api;
mod client;
mod config;
mod errcode;
mod error;
pub mod model;
mod retry;
mod secret;
mod token;
mod transport;

// --- pure rules (another owner): validation, money, push URLs, signing ---
pub mod money;
pub mod push_url;
pub mod signer;
pub mod validate;

pub use client::Client;
pub use config::{Config, HttpConfig, RetryPolicy};
pub use errcode::{ErrCode, RetryClass};
pub use error::{Error, Result};
pub use money::Fen;
pub use secret::Secret;
pub use validate::{Rule, Violation};
