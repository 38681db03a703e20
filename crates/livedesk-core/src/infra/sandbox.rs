//! The sandbox account: the WeChat simulator started in-process on 127.0.0.1 with demo data. It is
//! how a newcomer sees the app work without credentials, and what the e2e tests drive.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use wechat_live::{Config, Secret};
use wechat_live_sim::{SimConfig, SimHandle};

use crate::base::clock::unix_now;
use crate::base::error::{CoreError, CoreResult};

/// The sandbox account's fixed id (it is never stored: it exists whenever the app runs).
pub const SANDBOX_ID: &str = "sandbox";

/// The running simulator and how to reach it. Cheap to clone; [`Sandbox::shutdown`] stops it for
/// every clone.
#[derive(Clone)]
pub struct Sandbox {
    handle: Arc<tokio::sync::Mutex<Option<SimHandle>>>,
    base_url: String,
    app_id: String,
    secret: Secret,
    /// Simulator clock minus system clock, seconds (0 unless the simulator's clock was moved).
    offset: Arc<AtomicI64>,
}

impl std::fmt::Debug for Sandbox {
    // The simulator's handle prints its secret in Debug: leave it out.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox")
            .field("base_url", &self.base_url)
            .field("app_id", &self.app_id)
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Starts the simulator with demo data on 127.0.0.1, on a free port unless
    /// `LIVEDESK_SANDBOX_PORT` names one (the e2e tests pick it, to reach the control plane), and
    /// its RTMP ingest on another free port: the sandbox's push addresses point there, so pushing
    /// one (OBS, ffmpeg) makes the room live.
    pub async fn start() -> CoreResult<Self> {
        let mut cfg = SimConfig::demo();
        cfg.rtmp_port = Some(0);
        if let Some(port) = std::env::var("LIVEDESK_SANDBOX_PORT")
            .ok()
            .and_then(|p| p.parse().ok())
        {
            cfg.port = port;
        }
        let sim = wechat_live_sim::start(cfg)
            .await
            .map_err(|e| CoreError::Config(format!("sandbox simulator: {e}")))?;
        let sandbox = Self {
            base_url: sim.base_url().to_owned(),
            app_id: sim.app_id().to_owned(),
            secret: Secret::new(sim.secret()),
            handle: Arc::new(tokio::sync::Mutex::new(Some(sim))),
            offset: Arc::new(AtomicI64::new(0)),
        };
        sandbox.sync_clock().await;
        Ok(sandbox)
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The port, for tests that talk to the simulator's control plane.
    pub fn port(&self) -> u16 {
        self.base_url
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0)
    }

    /// The sandbox's AppID.
    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    /// A client config for the sandbox, validating with the simulator's clock.
    pub fn config(&self) -> Config {
        let offset = self.offset.clone();
        Config::new(self.app_id.clone(), self.secret.clone())
            .with_base_url(self.base_url.clone())
            .with_clock(Arc::new(move || {
                unix_now() + offset.load(Ordering::Relaxed)
            }))
    }

    /// Reads the simulator's clock (`GET /__sim/clock`) so that validation agrees with it.
    pub async fn sync_clock(&self) {
        #[derive(serde::Deserialize)]
        struct Clock {
            now: i64,
        }
        let url = format!("{}/__sim/clock", self.base_url);
        let read = async {
            let c: Clock = reqwest::get(&url).await.ok()?.json().await.ok()?;
            Some(c.now)
        };
        if let Some(now) = read.await {
            self.offset.store(now - unix_now(), Ordering::Relaxed);
        }
    }

    /// Stops the simulator (at app exit).
    pub async fn shutdown(&self) {
        if let Some(sim) = self.handle.lock().await.take() {
            sim.shutdown().await;
        }
    }
}
