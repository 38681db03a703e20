//! OBS over obs-websocket v5: the link (connect at start and whenever OBS appears, a fixed retry
//! interval with one attempt at a time, a keepalive that notices a dead connection), "Send to
//! OBS" (custom RTMP server and key, only while not streaming, read back), start and stop, and the
//! health read while streaming, cross-checked with the WeChat room it streams to.
//!
//! [`Obs::supervise`] runs the link; whoever hosts the app (the window's shell, a CLI) runs it
//! once. Changes are told as [`ObsEvent`]s.

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
pub use settings::{ObsSettings, ObsSettingsInput};
pub use supervise::{KEEPALIVE_EVERY, RETRY_EVERY};

use crate::base::error::{CoreError, CoreResult};
use crate::base::events::Emitter;
use crate::base::locale::{Locale, LocaleState};
use crate::domain::destinations::Destinations;
use crate::domain::rooms::{Rooms, StatusBook};
use crate::infra::store::Store;
use crate::infra::vault::Vault;

/// What OBS's link tells the windows.
#[derive(Debug, Clone, PartialEq)]
pub enum ObsEvent {
    /// The link changed.
    Link(ObsLink),
    /// OBS's health, read every keepalive while connected.
    Health(ObsHealth),
}

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

/// What was set in OBS, as read back from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObsSent {
    pub server: String,
    /// The stream key OBS now holds equals the one sent (the key itself is not repeated).
    pub key_matches: bool,
}

/// The link's shared state; the connection itself lives in [`Obs::supervise`].
struct LinkState {
    link: Mutex<ObsLink>,
    client: tokio::sync::RwLock<Option<Arc<obws::Client>>>,
    wake: tokio::sync::Notify,
    target: Mutex<Option<Target>>,
    health: Mutex<Option<ObsHealth>>,
}

impl Default for LinkState {
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

/// OBS: its settings, the link, Send to OBS, start/stop, health. Cheap to clone (clones share
/// the link).
#[derive(Clone)]
pub struct Obs {
    state: Arc<LinkState>,
    store: Store,
    vault: Vault,
    rooms: Rooms,
    destinations: Destinations,
    status: StatusBook,
    emit: Emitter<ObsEvent>,
    locale: LocaleState,
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

/// What the OBS service is built over.
#[derive(Debug, Clone)]
pub struct ObsHandles {
    pub store: Store,
    pub vault: Vault,
    pub rooms: Rooms,
    pub destinations: Destinations,
    pub status: StatusBook,
    pub emit: Emitter<ObsEvent>,
    pub locale: LocaleState,
}

impl Obs {
    /// Not connected yet: [`Obs::supervise`] connects.
    pub fn new(h: ObsHandles) -> Self {
        Self {
            state: Arc::default(),
            store: h.store,
            vault: h.vault,
            rooms: h.rooms,
            destinations: h.destinations,
            status: h.status,
            emit: h.emit,
            locale: h.locale,
        }
    }

    /// The link now.
    pub fn link(&self) -> ObsLink {
        lock(&self.state.link).clone()
    }

    /// The last health reading while connected.
    pub fn health(&self) -> Option<ObsHealth> {
        lock(&self.state.health).clone()
    }

    /// The room last sent to OBS, which the cross-check watches.
    pub fn target(&self) -> Option<Target> {
        lock(&self.state.target).clone()
    }

    /// Drops the connection (if any) and tries again now: the reconnect button, new settings.
    pub async fn reconnect(&self) {
        self.state.client.write().await.take();
        self.state.wake.notify_one();
    }

    fn set_link(&self, link: ObsLink) {
        let mut l = lock(&self.state.link);
        if *l != link {
            *l = link.clone();
            drop(l);
            self.emit.emit(ObsEvent::Link(link));
        }
    }

    fn set_health(&self, health: Option<ObsHealth>) {
        *lock(&self.state.health) = health.clone();
        if let Some(health) = health {
            self.emit.emit(ObsEvent::Health(health));
        }
    }

    async fn connected(&self) -> CoreResult<Arc<obws::Client>> {
        self.state
            .client
            .read()
            .await
            .clone()
            .ok_or(CoreError::from(ObsProblem::NotConnected))
    }

    /// The OBS panel's state.
    pub fn status(&self) -> CoreResult<ObsStatus> {
        Ok(ObsStatus {
            settings: self.load_settings()?,
            link: self.link().in_locale(self.locale.get()),
            health: self.health(),
            target: self.target().map(|t| TargetView {
                account_id: t.account_id,
                room_id: t.room_id,
            }),
        })
    }

    /// Sends a room's push address to OBS (the cross-check then watches that room).
    pub async fn send_room(&self, account_id: &str, room_id: i64) -> CoreResult<ObsSent> {
        let push = self.rooms.push_address(account_id, room_id).await?;
        let target = Target {
            account_id: account_id.to_owned(),
            room_id,
        };
        self.send(&push.server, &push.stream_key, Some(target))
            .await
    }

    /// Sends a destination's push address (signed now, for Tencent Cloud) to OBS.
    pub async fn send_destination(&self, id: i64) -> CoreResult<ObsSent> {
        let a = self.destinations.address(id)?;
        self.send(&a.server, &a.stream_key, None).await
    }

    /// Sets OBS's stream to a custom RTMP server and key, refused while OBS is streaming, and
    /// reads it back. `target` is the room it is for, if any: the cross-check then watches it.
    pub async fn send(
        &self,
        server: &str,
        key: &str,
        target: Option<Target>,
    ) -> CoreResult<ObsSent> {
        let client = self.connected().await?;
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
        *lock(&self.state.target) = target;
        Ok(ObsSent {
            server: read("server").to_owned(),
            key_matches: true,
        })
    }

    /// Starts (`on`) or stops OBS's stream; starting or stopping what already is, is no error.
    pub async fn stream(&self, on: bool) -> CoreResult<()> {
        let client = self.connected().await?;
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
        self.state.wake.notify_one();
        Ok(())
    }
}
