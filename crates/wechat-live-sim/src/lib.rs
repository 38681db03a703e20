//! Simulator of WeChat's Mini Program live (小程序直播) server API.
//!
//! Written from `shared/reference/wechat-live-api.md` only, never from the `wechat-live` client, so a
//! misreading of WeChat in one crate is caught by the other. See the crate README for the contract.

mod config;
mod conn;
mod control;
mod demo;
mod http;
mod images;
mod routes;
mod rtmp;
mod server;
mod state;
#[cfg(feature = "test-support")]
pub mod testing;
mod validate;

pub use config::SimConfig;
pub use server::{start, SimError, SimHandle};
pub use state::pushes::DEFAULT_PUSH_WINDOW_MS;
