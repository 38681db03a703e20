//! The second layer: what talks to the machine and the network on the areas' behalf — SQLite, the
//! OS keyring, the in-process sandbox, pictures, one WeChat client per account, the live lock's
//! check, and the RTMP probe. Imports only `base`.

pub mod clients;
pub mod endpoint;
pub mod guard;
pub mod media;
pub mod probe;
pub mod sandbox;
pub mod store;
pub mod vault;
