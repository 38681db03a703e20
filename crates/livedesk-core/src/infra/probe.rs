//! "Test address": a pure-Rust RTMP probe of a push destination before going live. It connects,
//! does the RTMP handshake, `connect`s to the app and asks to publish the stream key, then leaves
//! without sending media — and tells apart what a person needs to know: nothing listens there, it
//! is not an RTMP server, the application is refused, the key is refused, or it would be accepted;
//! with the time each stage took. The key is a credential: it is never in the report or a log.

use std::io::ErrorKind;
use std::time::{Duration, Instant};

use rml_rtmp::handshake::{Handshake, HandshakeError, HandshakeProcessResult, PeerType};
use rml_rtmp::rml_amf0::Amf0Value;
use rml_rtmp::sessions::{
    ClientSession, ClientSessionConfig, ClientSessionError, ClientSessionEvent as Ev,
    ClientSessionResult, PublishRequestType,
};
use serde::Serialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use ts_rs::TS;

use crate::base::error::{CoreError, CoreResult};

/// The whole probe gives up after this long.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// What the destination did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProbeOutcome {
    /// Nothing listens at that host and port.
    Refused,
    /// Something answered, but not RTMP (a web server, TLS, a closed handshake).
    NotRtmp { detail: String },
    /// The server refused the application (the path after the host).
    AppRejected { detail: String },
    /// The server refused the stream key (wrong, expired or already in use).
    KeyRejected { detail: String },
    /// The server would take the stream.
    Accepted,
    /// The host could not be reached, or did not answer in time.
    Unreachable { detail: String },
}

/// The outcome and how long each stage took (ms from the start; `null` for stages not reached).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProbeReport {
    pub outcome: ProbeOutcome,
    /// TCP connected.
    #[ts(type = "number | null")]
    pub tcp_ms: Option<u64>,
    /// RTMP handshake done.
    #[ts(type = "number | null")]
    pub handshake_ms: Option<u64>,
    /// The application accepted.
    #[ts(type = "number | null")]
    pub connect_ms: Option<u64>,
    /// The publish answered (accepted or refused).
    #[ts(type = "number | null")]
    pub publish_ms: Option<u64>,
    #[ts(type = "number")]
    pub total_ms: u64,
}

/// Where to probe: `rtmp://host[:port]/app` and the stream key (OBS's "Server" and "Stream key").
#[derive(Debug, Clone, PartialEq, Eq)]
struct Target {
    addr: String,
    app: String,
    tc_url: String,
}

fn parse_server(server: &str) -> CoreResult<Target> {
    let bad = |zh: &str, en: &str| CoreError::invalid("server", zh, en);
    let url = url::Url::parse(server.trim()).map_err(|_| {
        bad(
            "服务器地址应形如 rtmp://主机/应用",
            "The server should look like rtmp://host/app",
        )
    })?;
    match url.scheme() {
        "rtmp" => {}
        "rtmps" => {
            return Err(bad(
                "暂不支持测试 rtmps:// 地址（需要 TLS）",
                "rtmps:// addresses (TLS) cannot be tested yet",
            ))
        }
        _ => {
            return Err(bad(
                "服务器地址须以 rtmp:// 开头",
                "The server must start with rtmp://",
            ))
        }
    }
    let host = url
        .host_str()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| bad("服务器地址缺少主机", "The server has no host"))?;
    let app = url.path().trim_matches('/').to_owned();
    if app.is_empty() {
        return Err(bad(
            "服务器地址缺少应用名，例如 rtmp://主机/live",
            "The server has no application, e.g. rtmp://host/live",
        ));
    }
    let port = url.port().unwrap_or(1935);
    Ok(Target {
        addr: format!("{host}:{port}"),
        tc_url: format!("rtmp://{host}:{port}/{app}"),
        app,
    })
}

/// Probes `server` with `key`. Input errors (not an rtmp:// address) are errors at the field; what
/// the destination did is the report.
pub async fn probe(server: &str, key: &str) -> CoreResult<ProbeReport> {
    let target = parse_server(server)?;
    let started = Instant::now();
    let mut stages = Stages::default();
    let outcome =
        match tokio::time::timeout(PROBE_TIMEOUT, run(&target, key, &started, &mut stages)).await {
            Ok(o) => o,
            Err(_) => ProbeOutcome::Unreachable {
                detail: format!("no answer within {} s", PROBE_TIMEOUT.as_secs()),
            },
        };
    let report = ProbeReport {
        outcome,
        tcp_ms: stages.tcp,
        handshake_ms: stages.handshake,
        connect_ms: stages.connect,
        publish_ms: stages.publish,
        total_ms: ms(&started),
    };
    log::info!(
        "probe of {}: {:?} in {} ms",
        target.tc_url,
        report.outcome,
        report.total_ms
    );
    Ok(report)
}

#[derive(Debug, Default)]
struct Stages {
    tcp: Option<u64>,
    handshake: Option<u64>,
    connect: Option<u64>,
    publish: Option<u64>,
}

fn ms(since: &Instant) -> u64 {
    u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// The level (`status`, `_error`, `error`) and `code description` of the first object among
/// `values` (a status reply's info).
fn status_of(values: &[Amf0Value]) -> (String, String) {
    values
        .iter()
        .find_map(|v| match v {
            Amf0Value::Object(props) => {
                let get = |k: &str| match props.get(k) {
                    Some(Amf0Value::Utf8String(s)) => s.clone(),
                    _ => String::new(),
                };
                let text = format!("{} {}", get("code"), get("description"));
                Some((get("level"), text.trim().to_owned()))
            }
            _ => None,
        })
        .unwrap_or_default()
}

async fn run(t: &Target, key: &str, started: &Instant, stages: &mut Stages) -> ProbeOutcome {
    let mut sock = match TcpStream::connect(&t.addr).await {
        Ok(s) => s,
        Err(e) if e.kind() == ErrorKind::ConnectionRefused => return ProbeOutcome::Refused,
        Err(e) => {
            return ProbeOutcome::Unreachable {
                detail: e.to_string(),
            }
        }
    };
    stages.tcp = Some(ms(started));
    let leftover = match handshake(&mut sock).await {
        Ok(rest) => rest,
        Err(outcome) => return outcome,
    };
    stages.handshake = Some(ms(started));
    session(&mut sock, t, key, leftover, started, stages).await
}

async fn handshake(sock: &mut TcpStream) -> Result<Vec<u8>, ProbeOutcome> {
    let not_rtmp = |detail: String| ProbeOutcome::NotRtmp { detail };
    let mut hs = Handshake::new(PeerType::Client);
    let c0c1 = hs
        .generate_outbound_p0_and_p1()
        .map_err(|e| not_rtmp(e.to_string()))?;
    sock.write_all(&c0c1)
        .await
        .map_err(|e| not_rtmp(e.to_string()))?;
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n = match sock.read(&mut buf).await {
            Ok(0) => return Err(not_rtmp("closed during the RTMP handshake".into())),
            Ok(n) => n,
            Err(e) => return Err(not_rtmp(e.to_string())),
        };
        match hs.process_bytes(&buf[..n]) {
            Err(HandshakeError::BadVersionId) => {
                return Err(not_rtmp(format!(
                    "answered 0x{:02x} where RTMP answers 0x03",
                    buf[0]
                )))
            }
            Err(e) => return Err(not_rtmp(e.to_string())),
            Ok(HandshakeProcessResult::InProgress { response_bytes }) => {
                sock.write_all(&response_bytes)
                    .await
                    .map_err(|e| not_rtmp(e.to_string()))?;
            }
            Ok(HandshakeProcessResult::Completed {
                response_bytes,
                remaining_bytes,
            }) => {
                sock.write_all(&response_bytes)
                    .await
                    .map_err(|e| not_rtmp(e.to_string()))?;
                return Ok(remaining_bytes);
            }
        }
    }
}

async fn session(
    sock: &mut TcpStream,
    t: &Target,
    key: &str,
    leftover: Vec<u8>,
    started: &Instant,
    stages: &mut Stages,
) -> ProbeOutcome {
    let not_rtmp = |detail: String| ProbeOutcome::NotRtmp { detail };
    let mut config = ClientSessionConfig::new();
    config.tc_url = Some(t.tc_url.clone());
    let (mut session, mut pending) = match ClientSession::new(config) {
        Ok(x) => x,
        Err(e) => return not_rtmp(e.to_string()),
    };
    match session.request_connection(t.app.clone()) {
        Ok(r) => pending.push(r),
        Err(e) => return not_rtmp(e.to_string()),
    }
    let mut publishing = false;
    let mut input = leftover;
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        if !input.is_empty() {
            match session.handle_input(&input) {
                Ok(r) => pending.extend(r),
                Err(ClientSessionError::CreateStreamFailed) => {
                    stages.publish = Some(ms(started));
                    return ProbeOutcome::KeyRejected {
                        detail: "createStream refused".into(),
                    };
                }
                Err(e) => return not_rtmp(e.to_string()),
            }
        }
        // Every packet of a batch goes out, in order, before its events are acted on.
        let mut out = Vec::new();
        let mut events = Vec::new();
        for r in pending.drain(..) {
            match r {
                ClientSessionResult::OutboundResponse(p) => out.extend_from_slice(&p.bytes),
                ClientSessionResult::RaisedEvent(e) => events.push(e),
                ClientSessionResult::UnhandleableMessageReceived(_) => {}
            }
        }
        if !out.is_empty() && sock.write_all(&out).await.is_err() {
            return closed(publishing, stages, started);
        }
        for ev in events {
            match ev {
                Ev::ConnectionRequestAccepted => {
                    stages.connect = Some(ms(started));
                    publishing = true;
                    match session.request_publishing(key.to_owned(), PublishRequestType::Live) {
                        Ok(r) => pending.push(r),
                        Err(e) => return not_rtmp(e.to_string()),
                    }
                }
                Ev::ConnectionRequestRejected { description } => {
                    return ProbeOutcome::AppRejected {
                        detail: description,
                    }
                }
                Ev::PublishRequestAccepted => {
                    stages.publish = Some(ms(started));
                    // Leave cleanly: the stream is deleted before any media is sent.
                    if let Ok(rs) = session.stop_publishing() {
                        for r in rs {
                            if let ClientSessionResult::OutboundResponse(p) = r {
                                let _ = sock.write_all(&p.bytes).await;
                            }
                        }
                    }
                    let _ = sock.shutdown().await;
                    return ProbeOutcome::Accepted;
                }
                Ev::UnhandleableOnStatusCode { code } => {
                    if code.starts_with("NetConnection.Connect.") {
                        return ProbeOutcome::AppRejected { detail: code };
                    }
                    if publishing && code.starts_with("NetStream.Publish.") {
                        stages.publish = Some(ms(started));
                        return ProbeOutcome::KeyRejected { detail: code };
                    }
                }
                // A refusal some servers send as an `_error` the session cannot match.
                Ev::UnknownTransactionResultReceived {
                    additional_values, ..
                } if publishing => {
                    let (level, detail) = status_of(&additional_values);
                    if level.ends_with("error") {
                        stages.publish = Some(ms(started));
                        return ProbeOutcome::KeyRejected { detail };
                    }
                }
                _ => {}
            }
        }
        if !pending.is_empty() {
            input = Vec::new();
            continue;
        }
        input = match sock.read(&mut buf).await {
            Ok(0) | Err(_) => return closed(publishing, stages, started),
            Ok(n) => buf[..n].to_vec(),
        };
    }
}

/// The server hung up: after `connect`, on the application; after `publish`, on the key.
fn closed(publishing: bool, stages: &mut Stages, started: &Instant) -> ProbeOutcome {
    if publishing {
        stages.publish = Some(ms(started));
        ProbeOutcome::KeyRejected {
            detail: "the server closed the connection after publish".into(),
        }
    } else {
        ProbeOutcome::AppRejected {
            detail: "the server closed the connection after connect".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn servers_parse_with_the_default_port_and_the_app() {
        let t = parse_server("rtmp://127.0.0.1:19350/live").unwrap();
        assert_eq!(
            (t.addr.as_str(), t.app.as_str()),
            ("127.0.0.1:19350", "live")
        );
        let t = parse_server(" rtmp://push.example.com/app/inst/ ").unwrap();
        assert_eq!(
            (t.addr.as_str(), t.app.as_str()),
            ("push.example.com:1935", "app/inst")
        );
        for bad in [
            "http://x/live",
            "rtmp://x",
            "rtmp:///live",
            "rtmps://x/live",
            "live",
        ] {
            let e = parse_server(bad).unwrap_err();
            assert_eq!(e.field().as_deref(), Some("server"), "{bad}");
        }
    }
}
