//! Tauri commands, one module per area. Each stays thin: typed arguments in, a call into the
//! shell's services or the core, the error mapped to [`crate::error::IpcError`].

pub mod accounts;
pub mod app;
pub mod background;
pub mod destinations;
pub mod drafts;
pub mod goods;
pub mod journal;
pub mod live;
pub mod media;
pub mod obs;
pub mod rooms;
pub mod start;
pub mod windows;
