//! "Test address" against the sandbox's own RTMP ingest, and what pushing does to a room: the
//! probe tells accepted, key refused (a wrong signature, an expired address), application refused,
//! nothing listening and not RTMP apart, with timings; a publisher sending media turns the room
//! live (101), leaving makes it abnormal (106), and 15 minutes of simulator time end it (103).

mod common;

use std::time::Duration;

use common::{TestCore, SANDBOX};
use livedesk_core::probe::{probe, ProbeOutcome};
use rml_rtmp::handshake::{Handshake, HandshakeProcessResult, PeerType};
use rml_rtmp::sessions::{
    ClientSession, ClientSessionConfig, ClientSessionEvent, ClientSessionResult, PublishRequestType,
};
use rml_rtmp::time::RtmpTimestamp;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The demo's push room that has not started.
const ROOM: i64 = 2;

async fn status(t: &TestCore, room: i64) -> u16 {
    let got = t.sim_get(&format!("/rooms/{room}")).await;
    got["status"].as_u64().unwrap() as u16
}

#[tokio::test(flavor = "multi_thread")]
async fn the_probe_tells_each_outcome_apart_and_leaves_the_room_as_it_was() {
    let t = TestCore::open().await;
    let push = t.core.rooms.push_address(SANDBOX, ROOM).await.unwrap();
    assert!(
        push.server.starts_with("rtmp://127.0.0.1:"),
        "{}",
        push.server
    );
    assert_eq!(status(&t, ROOM).await, 102);

    let ok = probe(&push.server, &push.stream_key).await.unwrap();
    assert_eq!(ok.outcome, ProbeOutcome::Accepted);
    let stages = [ok.tcp_ms, ok.handshake_ms, ok.connect_ms, ok.publish_ms];
    assert!(stages.iter().all(Option::is_some), "{ok:?}");
    assert!(stages.windows(2).all(|w| w[0] <= w[1]), "in order: {ok:?}");
    assert_eq!(
        status(&t, ROOM).await,
        102,
        "a test sends no media: the room did not go live"
    );

    // A key with a wrong signature, and one whose txTime has passed.
    let wrong = push.stream_key.replace("txSecret=", "txSecret=0");
    let r = probe(&push.server, &wrong).await.unwrap();
    assert!(
        matches!(&r.outcome, ProbeOutcome::KeyRejected { detail } if detail.contains("txSecret")),
        "{r:?}"
    );
    // Past txTime (now + 24 h), before the room's planned end.
    t.sim_post("/clock", json!({"advance": 86_400 + 60})).await;
    let r = probe(&push.server, &push.stream_key).await.unwrap();
    assert!(
        matches!(&r.outcome, ProbeOutcome::KeyRejected { detail } if detail.contains("expired")),
        "{r:?}"
    );

    let other_app = push.server.replace("/live", "/other");
    let r = probe(&other_app, &push.stream_key).await.unwrap();
    assert!(
        matches!(r.outcome, ProbeOutcome::AppRejected { .. }),
        "{r:?}"
    );
    assert!(r.publish_ms.is_none());

    // Nothing listening; an HTTP server (the simulator's API port) answering the handshake.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let r = probe(&format!("rtmp://127.0.0.1:{closed}/live"), "k")
        .await
        .unwrap();
    assert_eq!(r.outcome, ProbeOutcome::Refused);
    let http = t.core.sandbox.port();
    let r = probe(&format!("rtmp://127.0.0.1:{http}/live"), "k")
        .await
        .unwrap();
    assert!(matches!(r.outcome, ProbeOutcome::NotRtmp { .. }), "{r:?}");

    // Input that is not an RTMP server is an error at the field, not a probe.
    let e = probe("https://example.com/live", "k").await.unwrap_err();
    assert_eq!(e.field().as_deref(), Some("server"));
}

/// A publisher as OBS is one, cut to the bone: handshake, connect, publish, some video, leave.
async fn publish(server: &str, key: &str, packets: usize) {
    let url = url::Url::parse(server).unwrap();
    let addr = format!("{}:{}", url.host_str().unwrap(), url.port().unwrap());
    let mut sock = TcpStream::connect(addr).await.unwrap();
    let mut hs = Handshake::new(PeerType::Client);
    sock.write_all(&hs.generate_outbound_p0_and_p1().unwrap())
        .await
        .unwrap();
    let mut buf = vec![0u8; 16 * 1024];
    let mut input = loop {
        let n = sock.read(&mut buf).await.unwrap();
        match hs.process_bytes(&buf[..n]).unwrap() {
            HandshakeProcessResult::InProgress { response_bytes } => {
                sock.write_all(&response_bytes).await.unwrap()
            }
            HandshakeProcessResult::Completed {
                response_bytes,
                remaining_bytes,
            } => {
                sock.write_all(&response_bytes).await.unwrap();
                break remaining_bytes;
            }
        }
    };
    let (mut session, mut pending) = ClientSession::new(ClientSessionConfig::new()).unwrap();
    pending.push(session.request_connection("live".into()).unwrap());
    loop {
        if !input.is_empty() {
            pending.extend(session.handle_input(&input).unwrap());
        }
        let mut events = Vec::new();
        for r in pending.drain(..) {
            match r {
                ClientSessionResult::OutboundResponse(p) => sock.write_all(&p.bytes).await.unwrap(),
                ClientSessionResult::RaisedEvent(e) => events.push(e),
                ClientSessionResult::UnhandleableMessageReceived(_) => {}
            }
        }
        for e in events {
            match e {
                ClientSessionEvent::ConnectionRequestAccepted => pending.push(
                    session
                        .request_publishing(key.to_owned(), PublishRequestType::Live)
                        .unwrap(),
                ),
                ClientSessionEvent::PublishRequestAccepted => {
                    for i in 0..packets {
                        let frame = bytes::Bytes::from(vec![0x17, 0x01, 0, 0, 0, i as u8]);
                        let r = session
                            .publish_video_data(frame, RtmpTimestamp::new(i as u32 * 33), false)
                            .unwrap();
                        if let ClientSessionResult::OutboundResponse(p) = r {
                            sock.write_all(&p.bytes).await.unwrap();
                        }
                    }
                    sock.flush().await.unwrap();
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    return; // dropping the socket: the publisher is gone
                }
                other => assert!(
                    !matches!(other, ClientSessionEvent::ConnectionRequestRejected { .. }),
                    "{other:?}"
                ),
            }
        }
        if !pending.is_empty() {
            input = Vec::new();
            continue;
        }
        let n = sock.read(&mut buf).await.unwrap();
        assert!(n > 0, "the ingest hung up");
        input = buf[..n].to_vec();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn pushing_the_address_makes_the_room_live_and_leaving_ends_it() {
    let t = TestCore::open().await;
    let push = t.core.rooms.push_address(SANDBOX, ROOM).await.unwrap();
    let watch = async {
        for _ in 0..100 {
            if status(&t, ROOM).await == 101 {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        false
    };
    let (_, went_live) = tokio::join!(publish(&push.server, &push.stream_key, 30), watch);
    assert!(went_live, "101 while media flowed");
    // The publisher left.
    for _ in 0..100 {
        if status(&t, ROOM).await == 106 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        status(&t, ROOM).await,
        106,
        "abnormal once the publisher left"
    );
    t.sim_post("/clock", json!({"advance": 15 * 60})).await;
    assert_eq!(
        status(&t, ROOM).await,
        103,
        "ended after 15 minutes without a publisher"
    );
}

/// ffmpeg pushing a test pattern to `url` for `secs` seconds; answers whether it exited well.
async fn ffmpeg_push(url: &str, secs: u32) -> std::process::Output {
    tokio::process::Command::new("ffmpeg")
        .args([
            "-hide_banner",
            "-loglevel",
            "error",
            "-re",
            "-f",
            "lavfi",
            "-i",
        ])
        .arg(format!("testsrc=size=320x240:rate=15:duration={secs}"))
        .args([
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-tune",
            "zerolatency",
            "-g",
            "15",
            "-pix_fmt",
            "yuv420p",
            "-f",
            "flv",
        ])
        .arg(url)
        .output()
        .await
        .expect("ffmpeg runs (scripts/bootstrap.sh live installs it)")
}

#[tokio::test(flavor = "multi_thread")]
async fn ffmpeg_pushing_the_address_goes_live_and_an_expired_one_is_refused() {
    let t = TestCore::open().await;
    let push = t.core.rooms.push_address(SANDBOX, ROOM).await.unwrap();
    let watch = async {
        for _ in 0..200 {
            if status(&t, ROOM).await == 101 {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        false
    };
    let (out, went_live) = tokio::join!(ffmpeg_push(&push.full_url, 2), watch);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(went_live, "the room went live while ffmpeg pushed");
    for _ in 0..100 {
        if status(&t, ROOM).await == 106 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(status(&t, ROOM).await, 106, "abnormal once ffmpeg stopped");

    // The same address a day later: txTime has passed, the ingest refuses, nothing changes.
    let other = t.core.rooms.push_address(SANDBOX, 3).await.unwrap();
    t.sim_post("/clock", json!({"advance": 86_400 + 60})).await;
    let before = status(&t, 3).await;
    let out = ffmpeg_push(&other.full_url, 1).await;
    assert!(!out.status.success(), "an expired address is refused");
    assert_eq!(status(&t, 3).await, before);
}
