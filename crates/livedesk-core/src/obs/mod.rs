//! OBS over obs-websocket v5: the link (connect at start and whenever OBS appears, a fixed retry
//! interval with one attempt at a time, a keepalive that notices a dead connection), "Send to
//! OBS" (custom RTMP server and key, only while not streaming, read back), start and stop, and the
//! health read while streaming, cross-checked with the WeChat room it streams to.
//!
//! [`supervise`] runs the link; whoever hosts the core (the window's shell, a CLI) runs it once.
//! Changes are told as [`ConsoleEvent::Obs`] and [`ConsoleEvent::ObsHealth`].

pub mod crosscheck;
pub mod health;
pub mod link;
pub mod problem;
mod settings;
mod supervise;

use std::sync::{Arc, Mutex};

use obws::responses::StatusCode;
use serde::Serialize;
use ts_rs::TS;

pub use crosscheck::Target;
pub use health::{Mismatch, ObsHealth};
pub use problem::ObsProblem;
pub use settings::{load_settings, save_settings, ObsSettings, ObsSettingsInput};
pub use supervise::{supervise, KEEPALIVE_EVERY, RETRY_EVERY};

use crate::live::ConsoleEvent;
use crate::{Core, CoreResult, Locale};

/// The link as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "state",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ObsLink {
    /// Trying to connect.
    Connecting { address: String },
    /// Connected and identified.
    Connected {
        address: String,
        obs_version: String,
        websocket_version: String,
    },
    /// Not connected; retried every [`RETRY_EVERY`] (or now, by [`Obs::reconnect`]).
    Disconnected {
        address: String,
        problem: ObsProblem,
        /// The problem in the user's language, with what to do.
        message: String,
    },
}

impl ObsLink {
    /// The same link with its message in `locale` (the language may have changed since).
    pub fn in_locale(mut self, locale: Locale) -> Self {
        if let ObsLink::Disconnected {
            problem, message, ..
        } = &mut self
        {
            *message = problem.message(locale);
        }
        self
    }
}

/// Everything the OBS panel shows at once.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObsStatus {
    pub settings: ObsSettings,
    pub link: ObsLink,
    pub health: Option<ObsHealth>,
    /// The room last sent to OBS, if any.
    pub target: Option<TargetView>,
}

/// A room sent to OBS, as the window names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TargetView {
    pub account_id: String,
    #[ts(type = "number")]
    pub room_id: i64,
}

/// The OBS panel's state.
pub fn status(core: &Core) -> CoreResult<ObsStatus> {
    Ok(ObsStatus {
        settings: load_settings(core)?,
        link: core.obs.link().in_locale(core.locale.get()),
        health: core.obs.health(),
        target: core.obs.target().map(|t| TargetView {
            account_id: t.account_id,
            room_id: t.room_id,
        }),
    })
}

/// Sends a room's push address to OBS (the cross-check then watches that room).
pub async fn send_room(core: &Core, account_id: &str, room_id: i64) -> CoreResult<ObsSent> {
    let push = crate::rooms::push_address(core, account_id, room_id).await?;
    let target = Target {
        account_id: account_id.to_owned(),
        room_id,
    };
    send(core, &push.server, &push.stream_key, Some(target)).await
}

/// What was set in OBS, as read back from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObsSent {
    pub server: String,
    /// The stream key OBS now holds equals the one sent (the key itself is not repeated).
    pub key_matches: bool,
}

/// The link's shared state; the connection itself lives in [`supervise`].
pub struct Obs {
    link: Mutex<ObsLink>,
    client: tokio::sync::RwLock<Option<Arc<obws::Client>>>,
    wake: tokio::sync::Notify,
    target: Mutex<Option<Target>>,
    health: Mutex<Option<ObsHealth>>,
}

impl Default for Obs {
    fn default() -> Self {
        Self {
            link: Mutex::new(ObsLink::Connecting {
                address: String::new(),
            }),
            client: Default::default(),
            wake: Default::default(),
            target: Default::default(),
            health: Default::default(),
        }
    }
}

impl std::fmt::Debug for Obs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Obs")
            .field("link", &self.link())
            .finish_non_exhaustive()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Obs {
    /// The link now.
    pub fn link(&self) -> ObsLink {
        lock(&self.link).clone()
    }

    /// The last health reading while connected.
    pub fn health(&self) -> Option<ObsHealth> {
        lock(&self.health).clone()
    }

    /// The room last sent to OBS, which the cross-check watches.
    pub fn target(&self) -> Option<Target> {
        lock(&self.target).clone()
    }

    /// Drops the connection (if any) and tries again now: the reconnect button, new settings.
    pub async fn reconnect(&self) {
        self.client.write().await.take();
        self.wake.notify_one();
    }

    fn set_link(&self, core: &Core, link: ObsLink) {
        let mut l = lock(&self.link);
        if *l != link {
            *l = link.clone();
            drop(l);
            core.console.emit(ConsoleEvent::Obs { link });
        }
    }

    fn set_health(&self, core: &Core, health: Option<ObsHealth>) {
        *lock(&self.health) = health.clone();
        if let Some(health) = health {
            core.console.emit(ConsoleEvent::ObsHealth { health });
        }
    }

    async fn connected(&self) -> CoreResult<Arc<obws::Client>> {
        self.client
            .read()
            .await
            .clone()
            .ok_or(ObsProblem::NotConnected.into())
    }
}

/// Sets OBS's stream to a custom RTMP server and key (a room's push address, or any destination),
/// refused while OBS is streaming, and reads it back. `target` is the room it is for, if any: the
/// cross-check then watches that room.
pub async fn send(
    core: &Core,
    server: &str,
    key: &str,
    target: Option<Target>,
) -> CoreResult<ObsSent> {
    let client = core.obs.connected().await?;
    let status = client
        .streaming()
        .status()
        .await
        .map_err(link::request_problem)?;
    if status.active {
        return Err(ObsProblem::Streaming.into());
    }
    let settings = serde_json::json!({ "server": server, "key": key, "use_auth": false });
    client
        .config()
        .set_stream_service_settings("rtmp_custom", &settings)
        .await
        .map_err(link::request_problem)?;
    let back = client
        .config()
        .stream_service_settings::<serde_json::Value>()
        .await
        .map_err(link::request_problem)?;
    let read = |k: &str| back.settings.get(k).and_then(|v| v.as_str()).unwrap_or("");
    if back.r#type != "rtmp_custom" || read("server") != server || read("key") != key {
        return Err(ObsProblem::NotApplied.into());
    }
    *lock(&core.obs.target) = target;
    Ok(ObsSent {
        server: read("server").to_owned(),
        key_matches: true,
    })
}

/// Starts (`on`) or stops OBS's stream; starting or stopping what already is, is no error.
pub async fn stream(core: &Core, on: bool) -> CoreResult<()> {
    let client = core.obs.connected().await?;
    let streaming = client.streaming();
    let r = if on {
        streaming.start().await
    } else {
        streaming.stop().await
    };
    match r {
        Ok(()) => {}
        Err(obws::error::Error::Api {
            code: StatusCode::OutputRunning | StatusCode::OutputNotRunning,
            ..
        }) => {}
        Err(e) => return Err(link::request_problem(e).into()),
    }
    // The next poll shows it at once instead of up to a keepalive later.
    core.obs.wake.notify_one();
    Ok(())
}
