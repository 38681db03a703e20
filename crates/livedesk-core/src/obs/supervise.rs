//! The link's one loop: connect, poll (the keepalive doubles as the health reading), and on any
//! failure wait a fixed interval and try again — one attempt at a time, so retries never pile up.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::crosscheck::{mismatch, GRACE};
use super::health::Meter;
use super::link::{self, Versions};
use super::{Obs, ObsLink, ObsProblem};
use crate::base::error::{CoreError, ErrorCode};
use crate::base::locale::Locale;

/// The wait between connection attempts.
pub const RETRY_EVERY: Duration = Duration::from_secs(3);
/// The poll while connected: a missed answer means the connection is dead.
pub const KEEPALIVE_EVERY: Duration = Duration::from_secs(2);
/// How long a poll may take before the connection counts as lost.
const ANSWER_WITHIN: Duration = Duration::from_secs(4);
/// After OBS starts or stops, the room list is read this soon (and again at the cross-check's
/// grace period) instead of waiting for the minute's poll: the user asked for it by starting.
const FIRST_LOOK: Duration = Duration::from_secs(5);

impl Obs {
    /// Runs the link for as long as the core lives. Call once.
    pub async fn supervise(&self) {
        let clock = Instant::now();
        loop {
            let now_too = match self.attempt().await {
                Ok((client, versions, address)) => {
                    let client = Arc::new(client);
                    *self.state.client.write().await = Some(client.clone());
                    self.set_link(ObsLink::Connected {
                        address,
                        obs_version: versions.obs,
                        websocket_version: versions.websocket,
                    });
                    let asked = self.poll(&client, clock).await;
                    self.state.client.write().await.take();
                    self.set_health(None);
                    asked
                }
                Err((address, problem)) => {
                    self.disconnected(address, problem);
                    false
                }
            };
            if !now_too {
                tokio::select! {
                    _ = tokio::time::sleep(RETRY_EVERY) => {}
                    _ = self.state.wake.notified() => {}
                }
            }
        }
    }

    async fn attempt(&self) -> Result<(obws::Client, Versions, String), (String, ObsProblem)> {
        let settings = self
            .load_settings()
            .map_err(|e| (String::new(), keyring(e)))?;
        let address = format!("{}:{}", settings.host, settings.port);
        let secret = self.password().map_err(|e| (address.clone(), keyring(e)))?;
        // Retries while OBS is away keep saying why (no flicker to "connecting" every few seconds);
        // new settings say "connecting" themselves.
        if !matches!(self.link(), ObsLink::Disconnected { .. }) {
            self.set_link(ObsLink::Connecting {
                address: address.clone(),
            });
        }
        link::connect(
            &settings.host,
            settings.port,
            secret.as_ref().map(|s| s.expose()),
        )
        .await
        .map(|(c, v)| (c, v, address.clone()))
        .map_err(|p| (address, p))
    }

    /// Tells the link is down and why, in the language of the moment.
    fn disconnected(&self, address: String, problem: ObsProblem) {
        let message = problem.message(self.locale.get());
        self.set_link(ObsLink::Disconnected {
            address,
            problem,
            message,
        });
    }

    /// Polls until the connection dies (false) or a reconnect is asked for (true).
    async fn poll(&self, client: &obws::Client, clock: Instant) -> bool {
        let mut meter = Meter::default();
        // OBS's output state and since when (ms on `clock`), and the room reads due after a change.
        let mut state: Option<(bool, u64)> = None;
        let mut looks: Vec<u64> = Vec::new();
        loop {
            let sample =
                match tokio::time::timeout(ANSWER_WITHIN, link::sample(client, clock)).await {
                    Ok(Ok(s)) => s,
                    _ => {
                        let address = match self.link() {
                            ObsLink::Connected { address, .. } => address,
                            _ => String::new(),
                        };
                        self.disconnected(address, ObsProblem::Lost);
                        return false;
                    }
                };
            let target = self.target();
            if state.map(|(a, _)| a) != Some(sample.active) {
                // The first reading only sets what is known; a change schedules the room reads.
                if state.is_some() && target.is_some() {
                    looks = vec![
                        sample.at_ms + FIRST_LOOK.as_millis() as u64,
                        sample.at_ms + GRACE.as_millis() as u64,
                    ];
                }
                state = Some((sample.active, sample.at_ms));
            }
            let mut health = meter.read(sample);
            if let Some(t) = &target {
                let now = clock.elapsed().as_millis() as u64;
                if looks.first().is_some_and(|due| now >= *due) {
                    looks.remove(0);
                    if let Err(e) = self.rooms.refresh(&t.account_id).await {
                        log::info!(
                            "cross-check: rooms of {}: {}",
                            t.account_id,
                            e.message(Locale::En)
                        );
                    }
                }
                let since = state.map(|(_, s)| s).unwrap_or(0);
                let status = self.status.status(&t.account_id, t.room_id);
                health.mismatch = mismatch(t, sample.active, since, status, now);
            }
            self.set_health(Some(health));
            tokio::select! {
                _ = tokio::time::sleep(KEEPALIVE_EVERY) => {}
                _ = self.state.wake.notified() => {}
            }
            if self.state.client.read().await.is_none() {
                return true;
            }
        }
    }
}

fn keyring(e: CoreError) -> ObsProblem {
    let cause = e
        .detail()
        .and_then(|d| d.cause)
        .unwrap_or_else(|| e.to_string());
    ObsProblem::Keyring {
        locked: e.code() == ErrorCode::KeyringLocked,
        cause,
    }
}
