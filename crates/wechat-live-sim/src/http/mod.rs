//! WeChat-side HTTP layer: envelope, parameters, the dispatcher and its per-request checks.

pub mod dispatch;
pub mod envelope;
pub mod params;
