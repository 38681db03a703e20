//! "Test address" against a third-party ingest, nginx-rtmp: a key its on_publish hook takes is
//! accepted, another is refused as a key, an application it does not have is refused as one;
//! nothing listening, and an HTTP server where RTMP was expected, are told apart too.

mod common;

use common::nginx::Nginx;
use common::obs::free_port;
use livedesk_core::probe::{probe, ProbeOutcome};

const KEY: &str = "show-2026-12-05";

#[tokio::test(flavor = "multi_thread")]
async fn the_probe_tells_nginx_rtmp_outcomes_apart() {
    let n = Nginx::start(KEY).await;
    let live = format!("rtmp://127.0.0.1:{}/live/", n.port);

    let ok = probe(&live, KEY).await.unwrap();
    assert_eq!(ok.outcome, ProbeOutcome::Accepted, "{ok:?}");
    assert!(ok.publish_ms.is_some(), "{ok:?}");

    let bad = probe(&live, "someone-elses-key").await.unwrap();
    assert!(
        matches!(bad.outcome, ProbeOutcome::KeyRejected { .. }),
        "{bad:?}"
    );
    assert!(
        bad.connect_ms.is_some(),
        "the app was accepted first: {bad:?}"
    );

    let app = probe(&format!("rtmp://127.0.0.1:{}/nope/", n.port), KEY)
        .await
        .unwrap();
    assert!(
        matches!(app.outcome, ProbeOutcome::AppRejected { .. }),
        "{app:?}"
    );

    let closed = probe(&format!("rtmp://127.0.0.1:{}/live/", free_port()), KEY)
        .await
        .unwrap();
    assert_eq!(closed.outcome, ProbeOutcome::Refused, "{closed:?}");

    let http = probe(&format!("rtmp://127.0.0.1:{}/live/", n.http_port), KEY)
        .await
        .unwrap();
    assert!(
        matches!(http.outcome, ProbeOutcome::NotRtmp { .. }),
        "{http:?}"
    );
}
