//! The bottom layer: what every area shares and nothing above it is imported by — the clock, the
//! locale, the app's paths, the error contract, form errors, WeChat's rules as the UI shows them,
//! the emitter areas tell events through, and data several areas share (the unlock table, what is
//! known of each shelf).

pub mod clock;
pub mod error;
pub mod events;
pub mod field;
pub mod locale;
pub mod paths;
pub mod rules;
pub mod tables;
pub mod wechat;
