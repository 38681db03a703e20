//! One publisher's connection: the RTMP handshake, `connect` to app `live`, `publish` checked by
//! [`super::auth`]; the room goes live (101) when media flows — a publish that sends none (an
//! address test) changes nothing — and abnormal (106) when a live publisher leaves (103 follows
//! after 15 minutes of simulator time, the room's own rule). Packets go out in
//! the order the session made them: each batch is written before its events are acted on.

use std::sync::Arc;
use std::time::Duration;

use rml_rtmp::handshake::{Handshake, HandshakeProcessResult, PeerType};
use rml_rtmp::sessions::{
    ServerSession, ServerSessionConfig, ServerSessionEvent as Ev, ServerSessionResult,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

use super::auth::{self, Refusal};
use crate::state::rooms::{LIVE, PAUSED};
use crate::state::Sim;

type BoxErr = Box<dyn std::error::Error + Send + Sync>;

/// A client that says nothing for this long is dropped (publishers send media continuously).
const IDLE: Duration = Duration::from_secs(30);

/// Serves one connection until the publisher leaves.
pub async fn serve(sim: Arc<Sim>, mut sock: TcpStream) -> Result<(), BoxErr> {
    let leftover = timeout(Duration::from_secs(10), handshake(&mut sock)).await??;
    let (mut session, first) = ServerSession::new(ServerSessionConfig::new())?;
    let mut pending = first;
    pending.extend(session.handle_input(&leftover)?);
    let mut app = String::new();
    let mut room: Option<u64> = None;
    let mut close = false;
    let mut buf = vec![0u8; 64 * 1024];
    let result = async {
        loop {
            let mut out = Vec::new();
            let mut events = Vec::new();
            for r in pending.drain(..) {
                match r {
                    ServerSessionResult::OutboundResponse(p) => out.extend_from_slice(&p.bytes),
                    ServerSessionResult::RaisedEvent(e) => events.push(e),
                    ServerSessionResult::UnhandleableMessageReceived(_) => {}
                }
            }
            if !out.is_empty() {
                sock.write_all(&out).await?;
            }
            if close {
                let _ = sock.shutdown().await;
                return Ok(());
            }
            for ev in events {
                match ev {
                    Ev::ConnectionRequested {
                        request_id,
                        app_name,
                    } => {
                        if app_name.split('?').next() == Some("live") {
                            app = app_name;
                            pending.extend(session.accept_request(request_id)?);
                        } else {
                            let why = Refusal::App(app_name).to_string();
                            pending.extend(session.reject_request(
                                request_id,
                                "NetConnection.Connect.Rejected",
                                &why,
                            )?);
                            close = true;
                        }
                    }
                    Ev::PublishStreamRequested {
                        request_id,
                        stream_key,
                        ..
                    } => match start(&sim, &app, &stream_key) {
                        Ok(id) => {
                            room = Some(id);
                            pending.extend(session.accept_request(request_id)?);
                        }
                        Err(why) => {
                            tracing::info!(%why, "rtmp publish refused");
                            pending.extend(session.reject_request(
                                request_id,
                                "NetStream.Publish.BadName",
                                &why.to_string(),
                            )?);
                            close = true;
                        }
                    },
                    Ev::AudioDataReceived { data, .. } | Ev::VideoDataReceived { data, .. } => {
                        if let Some(id) = room {
                            media(&sim, id, data.len() as u64);
                        }
                    }
                    Ev::PublishStreamFinished { .. } => return Ok(()),
                    Ev::UnhandleableAmf0Command { command_name, .. }
                        if command_name == "FCUnpublish" && room.is_some() =>
                    {
                        return Ok(())
                    }
                    _ => {}
                }
            }
            if !pending.is_empty() || close {
                continue;
            }
            let n = match timeout(IDLE, sock.read(&mut buf)).await {
                Err(_) | Ok(Ok(0)) => return Ok(()),
                Ok(Ok(n)) => n,
                Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionReset => return Ok(()),
                Ok(Err(e)) => return Err(BoxErr::from(e)),
            };
            pending = session.handle_input(&buf[..n])?;
        }
    }
    .await;
    if let Some(id) = room {
        leave(&sim, id);
    }
    result
}

/// The server's side of the handshake; answers the bytes that came after it.
async fn handshake(sock: &mut TcpStream) -> Result<Vec<u8>, BoxErr> {
    let mut hs = Handshake::new(PeerType::Server);
    let mut buf = [0u8; 4096];
    loop {
        let n = sock.read(&mut buf).await?;
        if n == 0 {
            return Err("closed during the handshake".into());
        }
        match hs.process_bytes(&buf[..n])? {
            HandshakeProcessResult::InProgress { response_bytes } => {
                sock.write_all(&response_bytes).await?;
            }
            HandshakeProcessResult::Completed {
                response_bytes,
                remaining_bytes,
            } => {
                sock.write_all(&response_bytes).await?;
                return Ok(remaining_bytes);
            }
        }
    }
}

/// A publish checked and taken (one publisher per room).
fn start(sim: &Sim, app: &str, stream_key: &str) -> Result<u64, Refusal> {
    let now = sim.clock.now();
    let id = auth::check(sim, app, stream_key, now)?;
    let mut st = sim.state();
    if st.publishing.contains_key(&id) {
        return Err(Refusal::Busy(id));
    }
    st.publishing.insert(id, 0);
    tracing::info!(room = id, "rtmp publisher started");
    Ok(id)
}

/// Media arrived: the first of it makes the room live (a paused room stays paused).
fn media(sim: &Sim, id: u64, bytes: u64) {
    let now = sim.clock.now();
    let mut st = sim.state();
    let total = st.publishing.entry(id).or_default();
    let first = *total == 0;
    *total += bytes;
    if first {
        if let Some(room) = st.rooms.get_mut(id, now) {
            if room.status != PAUSED && room.status != LIVE {
                room.force_status(LIVE, now);
                tracing::info!(room = id, "media flowing: room live");
            }
        }
    }
}

/// The publisher left: a room it made live turns abnormal (and ends 15 minutes later).
fn leave(sim: &Sim, id: u64) {
    let now = sim.clock.now();
    let mut st = sim.state();
    let sent = st.publishing.remove(&id).unwrap_or(0);
    if let Some(room) = st.rooms.get_mut(id, now) {
        if room.status == LIVE && sent > 0 {
            room.force_status(crate::state::rooms::ABNORMAL, now);
            tracing::info!(room = id, "rtmp publisher left: room abnormal");
        }
    }
}
