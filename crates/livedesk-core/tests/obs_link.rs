//! OBS over obs-websocket against a real OBS Studio 29 under Xvfb: found when it starts after
//! LiveDesk, a wrong password told as such (4009), Send to OBS read back, refused while
//! streaming, the stream taking the sandbox's room live (101) with OBS's health read, stopping
//! making it abnormal (106), and OBS going away noticed by the keepalive.

mod common;

use wechat_live_sim::testing::eventually;

use std::sync::Arc;
use std::time::Duration;

use common::obs::{free_port, ObsProcess};
use common::{TestCore, SANDBOX};
use livedesk_core::obs::{ObsLink, ObsProblem, ObsSettingsInput, Target};
use wechat_live::Secret;

/// The demo's push room that has not started.
const ROOM: i64 = 2;
const PASSWORD: &str = "secret-for-tests";

/// Waits (at most `secs`) for `done` to hold of the link, answering that link.
async fn link_until(t: &TestCore, secs: u64, done: impl Fn(&ObsLink) -> bool) -> ObsLink {
    eventually(Duration::from_secs(secs), "the OBS link", || {
        let link = t.core.obs.link();
        let v = done(&link).then_some(link);
        async move { v }
    })
    .await
}

async fn room_status(t: &TestCore) -> u16 {
    t.sim_get(&format!("/rooms/{ROOM}")).await["status"]
        .as_u64()
        .unwrap() as u16
}

async fn settings(t: &TestCore, port: u16, password: &str) {
    t.core
        .obs
        .save_settings(ObsSettingsInput {
            host: "127.0.0.1".into(),
            port,
            password: Some(Secret::new(password)),
            clear_password: false,
        })
        .await
        .unwrap();
}

fn problem(link: &ObsLink) -> Option<&ObsProblem> {
    match link {
        ObsLink::Disconnected { problem, .. } => Some(problem),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn obs_found_late_refuses_a_wrong_password_then_streams_the_room_live() {
    let t = Arc::new(TestCore::open().await);
    let port = free_port();
    settings(&t, port, "not-the-password").await;
    let sup = t.clone();
    tokio::spawn(async move { sup.core.obs.supervise().await });

    // Nothing listens yet.
    let l = link_until(&t, 10, |l| problem(l).is_some()).await;
    assert!(
        matches!(problem(&l), Some(ObsProblem::NotRunning { address }) if address.ends_with(&port.to_string())),
        "{l:?}"
    );
    let err = t.core.obs.stream(true).await.unwrap_err();
    assert!(
        err.area_problem::<ObsProblem>() == Some(&ObsProblem::NotConnected),
        "{err:?}"
    );

    // OBS starts after LiveDesk: found by the retry, and the saved password is refused.
    let mut o = ObsProcess::start(port, PASSWORD);
    let l = link_until(&t, 30, |l| problem(l) == Some(&ObsProblem::WrongPassword)).await;
    let message = match &l {
        ObsLink::Disconnected { message, .. } => message.clone(),
        _ => unreachable!(),
    };
    assert!(
        message.contains("4009") && !message.contains(PASSWORD),
        "{message}"
    );

    // The right password connects at once (settings reconnect), and OBS's version is shown.
    settings(&t, port, PASSWORD).await;
    let l = link_until(&t, 15, |l| matches!(l, ObsLink::Connected { .. })).await;
    let ObsLink::Connected {
        obs_version,
        websocket_version,
        ..
    } = &l
    else {
        unreachable!()
    };
    assert!(
        obs_version.starts_with("29.") || obs_version.starts_with("3"),
        "{obs_version}"
    );
    assert!(websocket_version.starts_with("5."), "{websocket_version}");

    // Send to OBS: the room's push address, read back.
    let push = t.core.rooms.push_address(SANDBOX, ROOM).await.unwrap();
    let target = Target {
        account_id: SANDBOX.into(),
        room_id: ROOM,
    };
    let sent = t
        .core
        .obs
        .send(&push.server, &push.stream_key, Some(target.clone()))
        .await
        .unwrap();
    assert_eq!(sent.server, push.server);
    assert!(sent.key_matches);
    assert_eq!(t.core.obs.target(), Some(target));

    // Start: the sandbox's ingest takes the stream and the room goes live; OBS's counters move.
    assert_eq!(room_status(&t).await, 102);
    t.core.obs.stream(true).await.unwrap();
    let mut live = false;
    for _ in 0..300 {
        if room_status(&t).await == 101 {
            live = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(live, "the room never went live from OBS's stream");
    let mut kbps = None;
    for _ in 0..100 {
        if let Some(h) = t.core.obs.health() {
            if h.active && h.kbps.is_some_and(|k| k > 0) {
                assert!(h.total_frames > 0, "{h:?}");
                kbps = h.kbps;
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        kbps.is_some(),
        "no bitrate while streaming: {:?}",
        t.core.obs.health()
    );

    // The settings cannot change under a running stream.
    let err = t
        .core
        .obs
        .send(&push.server, "other-key", None)
        .await
        .unwrap_err();
    assert!(
        err.area_problem::<ObsProblem>() == Some(&ObsProblem::Streaming),
        "{err:?}"
    );

    // Stop: the publisher leaves the ingest and the room turns abnormal.
    t.core.obs.stream(false).await.unwrap();
    let mut abnormal = false;
    for _ in 0..200 {
        if room_status(&t).await == 106 {
            abnormal = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(abnormal, "the room did not go abnormal when OBS stopped");
    // A second stop is no error (obs-websocket answers 501, which means "already stopped").
    t.core.obs.stream(false).await.unwrap();

    // OBS goes away: the keepalive notices, and the link says OBS is not running.
    o.kill();
    let l = link_until(&t, 20, |l| {
        matches!(problem(l), Some(ObsProblem::NotRunning { .. }))
    })
    .await;
    assert!(problem(&l).is_some());
    assert_eq!(t.core.obs.health(), None);
}
