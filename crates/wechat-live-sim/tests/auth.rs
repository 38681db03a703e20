//! Tokens: /cgi-bin/token rotation, stable_token semantics, token errors on API calls.

mod common;

use common::{assert_err, assert_ok, Sim};
use serde_json::{json, Value};

const PUSH_URL: &str = "/wxaapi/broadcast/room/getpushurl";

async fn plain_token(sim: &Sim) -> Value {
    sim.raw_get(&format!(
        "/cgi-bin/token?grant_type=client_credential&appid={}&secret={}",
        sim.handle.app_id(),
        sim.handle.secret()
    ))
    .await
}

/// Calls an authenticated endpoint with `token` and returns its errcode.
async fn use_token(sim: &Sim, token: &str) -> i64 {
    let v = sim
        .raw_get(&format!(
            "/wxaapi/broadcast/goods/getkey?access_token={token}"
        ))
        .await;
    v["errcode"].as_i64().expect("errcode")
}

#[tokio::test]
async fn cgi_token_rotates_with_five_minute_overlap() {
    let sim = Sim::new(false).await;
    let first = plain_token(&sim).await;
    assert_eq!(first["expires_in"], 7200);
    let t1 = first["access_token"].as_str().unwrap().to_owned();
    let t2 = plain_token(&sim).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(t1, t2, "each call issues a new token");
    assert_eq!(
        use_token(&sim, &t1).await,
        0,
        "old token works during the overlap"
    );
    sim.advance(299).await;
    assert_eq!(use_token(&sim, &t1).await, 0);
    sim.advance(1).await;
    assert_eq!(
        use_token(&sim, &t1).await,
        40001,
        "superseded after 5 minutes"
    );
    assert_eq!(use_token(&sim, &t2).await, 0);
    // The stable token is independent of /cgi-bin/token calls.
    assert_eq!(use_token(&sim, &sim.token).await, 0);
    let stats = sim.ctl(reqwest::Method::GET, "/stats", None).await;
    assert_eq!(stats["token_requests"], 2);
    assert_eq!(stats["stable_token_requests"], 1);
}

#[tokio::test]
async fn cgi_token_expires_after_7200_seconds() {
    let sim = Sim::new(false).await;
    let t = plain_token(&sim).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    sim.advance(7199).await;
    assert_eq!(use_token(&sim, &t).await, 0);
    sim.advance(1).await;
    assert_eq!(use_token(&sim, &t).await, 42001);
}

#[tokio::test]
async fn cgi_token_errors() {
    let sim = Sim::new(false).await;
    let app = sim.handle.app_id().to_owned();
    let cases = [
        (
            "grant_type=client_credential&secret=sandbox-secret".to_owned(),
            41002,
        ),
        (
            format!("grant_type=x&appid={app}&secret=sandbox-secret"),
            40002,
        ),
        (format!("grant_type=client_credential&appid={app}"), 41004),
        (
            "grant_type=client_credential&appid=wxother&secret=sandbox-secret".to_owned(),
            40013,
        ),
        (
            format!("grant_type=client_credential&appid={app}&secret=short"),
            40125,
        ),
        (
            format!("grant_type=client_credential&appid={app}&secret=sandbox-secreX"),
            40001,
        ),
    ];
    for (q, code) in cases {
        assert_err(&sim.raw_get(&format!("/cgi-bin/token?{q}")).await, code);
    }
}

#[tokio::test]
async fn stable_token_same_during_life_and_rotates_in_last_five_minutes() {
    let sim = Sim::new(false).await;
    let t1 = sim.token.clone();
    sim.advance(1000).await;
    let again = sim.stable_token(false).await;
    assert_eq!(again["access_token"], t1.as_str());
    assert_eq!(again["expires_in"], 7200 - 1000);
    sim.advance(7200 - 1000 - 300).await; // exactly 5 minutes before expiry
    let rotated = sim.stable_token(false).await;
    let t2 = rotated["access_token"].as_str().unwrap().to_owned();
    assert_ne!(t2, t1, "a call in the last 5 minutes gets the new token");
    assert_eq!(rotated["expires_in"], 7200);
    assert_eq!(use_token(&sim, &t1).await, 0, "old and new both valid");
    assert_eq!(use_token(&sim, &t2).await, 0);
    sim.advance(300).await;
    assert_eq!(
        use_token(&sim, &t1).await,
        42001,
        "old one expires at its own end"
    );
    assert_eq!(use_token(&sim, &t2).await, 0);
}

#[tokio::test]
async fn stable_token_expires_in_never_below_300() {
    let sim = Sim::new(false).await;
    for _ in 0..30 {
        sim.advance(251).await;
        let v = sim.stable_token(false).await;
        assert!(v["expires_in"].as_i64().unwrap() >= 300, "{v}");
    }
}

#[tokio::test]
async fn stable_force_refresh_invalidates_and_is_spaced() {
    let sim = Sim::new(false).await;
    let t1 = sim.token.clone();
    let forced = sim.stable_token(true).await;
    let t2 = forced["access_token"].as_str().unwrap().to_owned();
    assert_ne!(t1, t2);
    assert_eq!(
        use_token(&sim, &t1).await,
        40001,
        "force invalidates the previous one"
    );
    sim.advance(29).await;
    let too_soon = sim.stable_token(true).await;
    assert_eq!(
        too_soon["access_token"],
        t2.as_str(),
        "< 30 s apart: no refresh"
    );
    sim.advance(1).await;
    let t3 = sim.stable_token(true).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(t3, t2);
    // 20 effective force refreshes a day; two done, 18 left.
    for _ in 0..18 {
        sim.advance(30).await;
        assert_ok(&sim.stable_token(true).await);
    }
    sim.advance(30).await;
    assert_err(&sim.stable_token(true).await, 45009);
    assert_ok(&sim.stable_token(false).await);
}

#[tokio::test]
async fn stable_token_errors() {
    let sim = Sim::new(false).await;
    let app = sim.handle.app_id().to_owned();
    let sim = &sim;
    let post = |body: Value| async move { sim.raw_post("/cgi-bin/stable_token", &body).await };
    let g = "client_credential";
    assert_err(
        &post(json!({"grant_type": "x", "appid": app, "secret": "sandbox-secret"})).await,
        40002,
    );
    assert_err(
        &post(json!({"grant_type": g, "appid": "wxnope", "secret": "sandbox-secret"})).await,
        40013,
    );
    assert_err(
        &post(json!({"grant_type": g, "appid": app, "secret": "wrong"})).await,
        40125,
    );
    assert_err(
        &post(json!({"grant_type": g, "appid": app, "secret": "sandbox-secreX"})).await,
        40001,
    );
    assert_err(&post(json!({"grant_type": g, "appid": app})).await, 41004);
    let get = sim.raw_get("/cgi-bin/stable_token").await;
    assert_err(&get, 43002);
}

#[tokio::test]
async fn api_token_errors() {
    let sim = Sim::new(false).await;
    let v = sim.raw_get(PUSH_URL).await;
    assert_err(&v, 41001);
    let v = sim
        .raw_get(&format!("{PUSH_URL}?roomId=1&access_token=bad%20token!"))
        .await;
    assert_err(&v, 40014);
    let v = sim
        .raw_get(&format!("{PUSH_URL}?roomId=1&access_token=abcdef"))
        .await;
    assert_err(&v, 40001);
    sim.ctl_post("/tokens/expire", json!({})).await;
    assert_eq!(use_token(&sim, &sim.token).await, 42001);
    // The next stable_token call issues a fresh one.
    let fresh = sim.stable_token(false).await;
    let t = fresh["access_token"].as_str().unwrap();
    assert_ne!(t, sim.token);
    assert_eq!(use_token(&sim, t).await, 0);
}

#[tokio::test]
async fn cgi_token_2000_a_day() {
    let sim = Sim::new(false).await;
    for _ in 0..2000 {
        assert_ok(&plain_token(&sim).await);
    }
    assert_err(&plain_token(&sim).await, 45009);
    // stable_token has its own (much larger) quota.
    assert_ok(&sim.stable_token(false).await);
}

#[tokio::test]
async fn faults_apply_to_token_paths_too() {
    let sim = Sim::new(false).await;
    let v = sim
        .ctl_post(
            "/faults",
            json!({"path": "/cgi-bin/stable_token", "kind": "errcode", "errcode": -1, "count": 1}),
        )
        .await;
    assert!(v["id"].is_u64());
    assert_err(&sim.stable_token(false).await, -1);
    assert_ok(&sim.stable_token(false).await);
}

#[tokio::test]
async fn applyliveinfo_answers_that_activation_is_suspended() {
    let sim = Sim::new(true).await;
    let path = format!("/wxa/business/applyliveinfo?access_token={}", sim.token);
    let v = sim.raw_post(&path, &json!({"action": "apply"})).await;
    assert_err(&v, 268_489_001);
    let v = sim.raw_post(&path, &json!({"action": "other"})).await;
    assert_err(&v, 200_002);
    let v = sim.raw_post(&path, &json!({})).await;
    assert_err(&v, 200_002);
}
