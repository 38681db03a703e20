//! One connection attempt to OBS and the requests on it, each failure told apart as an
//! [`ObsProblem`].

use std::time::{Duration, Instant};

use obws::client::{ConnectConfig, DangerousConnectConfig, HandshakeError};
use obws::requests::EventSubscription;
use obws::Client;
use tokio::net::TcpStream;

use super::health::Sample;
use super::problem::ObsProblem;

/// How long one attempt (TCP, then the WebSocket handshake) may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// obs-websocket's close code for a failed authentication.
const AUTH_FAILED: u16 = 4009;

/// The versions a connected OBS reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versions {
    pub obs: String,
    pub websocket: String,
}

/// Connects and identifies. OBS 28 and 29 are accepted although obws checks for newer ones by
/// default: their obs-websocket 5.0/5.1 speaks the same protocol for what LiveDesk asks.
pub async fn connect(
    host: &str,
    port: u16,
    password: Option<&str>,
) -> Result<(Client, Versions), ObsProblem> {
    let address = format!("{host}:{port}");
    // A plain TCP connect first tells "nothing listens" from "something else listens".
    match tokio::time::timeout(CONNECT_TIMEOUT, TcpStream::connect((host, port))).await {
        Err(_) => {
            return Err(ObsProblem::Unreachable {
                address,
                cause: "timeout".into(),
            })
        }
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            return Err(ObsProblem::NotRunning { address })
        }
        Ok(Err(e)) => {
            return Err(ObsProblem::Unreachable {
                address,
                cause: e.to_string(),
            })
        }
        Ok(Ok(_probe)) => {}
    }
    let config = ConnectConfig {
        host,
        port,
        password,
        // Requests only: LiveDesk polls, so OBS need not send events.
        event_subscriptions: Some(EventSubscription::NONE),
        broadcast_capacity: obws::client::DEFAULT_BROADCAST_CAPACITY,
        connect_timeout: CONNECT_TIMEOUT,
        dangerous: Some(DangerousConnectConfig {
            skip_studio_version_check: true,
            skip_websocket_version_check: true,
        }),
    };
    let client = Client::connect_with_config(config)
        .await
        .map_err(|e| connect_problem(e, &address, password.is_some()))?;
    let v = client
        .general()
        .version()
        .await
        .map_err(|_| ObsProblem::NotObsWebsocket {
            address: address.clone(),
        })?;
    let versions = Versions {
        obs: v.obs_studio_version.to_string(),
        websocket: v.obs_web_socket_version.to_string(),
    };
    if v.obs_studio_version.major < 28 || v.obs_web_socket_version.major < 5 {
        return Err(ObsProblem::TooOld {
            obs_version: versions.obs,
            websocket_version: versions.websocket,
        });
    }
    Ok((client, versions))
}

fn connect_problem(e: obws::error::Error, address: &str, had_password: bool) -> ObsProblem {
    match e {
        obws::error::Error::Handshake(HandshakeError::ConnectionClosed(Some(d)))
            if u16::from(d.code) == AUTH_FAILED =>
        {
            if had_password {
                ObsProblem::WrongPassword
            } else {
                ObsProblem::PasswordNeeded
            }
        }
        obws::error::Error::Timeout => ObsProblem::Unreachable {
            address: address.to_owned(),
            cause: "timeout".into(),
        },
        obws::error::Error::ObsStudioVersion(v, _) => ObsProblem::TooOld {
            obs_version: v.to_string(),
            websocket_version: String::new(),
        },
        _ => ObsProblem::NotObsWebsocket {
            address: address.to_owned(),
        },
    }
}

/// An error of a request on a working connection.
pub fn request_problem(e: obws::error::Error) -> ObsProblem {
    match e {
        obws::error::Error::Api { code, message } => ObsProblem::Refused {
            code: code as u16,
            message: message.unwrap_or_default(),
        },
        _ => ObsProblem::Lost,
    }
}

/// Reads the stream output's status and OBS's stats.
pub async fn sample(client: &Client, clock: Instant) -> Result<Sample, obws::error::Error> {
    let status = client.streaming().status().await?;
    let stats = client.general().stats().await?;
    Ok(Sample {
        at_ms: clock.elapsed().as_millis() as u64,
        active: status.active,
        reconnecting: status.reconnecting,
        bytes: status.bytes,
        congestion: status.congestion,
        dropped_frames: status.skipped_frames,
        total_frames: status.total_frames,
        encoder_skipped: stats.output_skipped_frames,
        render_skipped: stats.render_skipped_frames,
        cpu_percent: stats.cpu_usage,
        fps: stats.active_fps,
        timecode_ms: status.timecode.whole_milliseconds().max(0) as u64,
    })
}
