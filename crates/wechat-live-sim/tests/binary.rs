//! The `wechat-live-sim` binary: what it prints on start, and that it serves what it printed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Stdio;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::{Child, ChildStdout, Command};

fn spawn(args: &[&str]) -> (Child, BufReader<ChildStdout>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wechat-live-sim"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("the binary starts");
    let out = BufReader::new(child.stdout.take().unwrap());
    (child, out)
}

async fn line(out: &mut BufReader<ChildStdout>) -> String {
    let mut l = String::new();
    out.read_line(&mut l).await.unwrap();
    l.trim_end().to_owned()
}

/// Stops the child we started (by its own handle) and answers what else it printed.
async fn stop(mut child: Child, mut out: BufReader<ChildStdout>) -> String {
    child.kill().await.unwrap();
    let mut rest = String::new();
    out.read_to_string(&mut rest).await.unwrap();
    rest
}

#[tokio::test]
async fn demo_binary_prints_base_url_and_app_id_but_not_the_secret() {
    let (child, mut out) = spawn(&["--port", "0", "--demo"]);
    let base = line(&mut out).await;
    let app = line(&mut out).await;
    let base = base
        .strip_prefix("base_url=")
        .expect("first line base_url=");
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    assert!(!base.ends_with(":0"), "a real port: {base}");
    assert_eq!(app, "app_id=wxsandbox0000live");

    let http = reqwest::Client::new();
    let verified: Value = http
        .get(format!("{base}/__sim/verified"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        verified["all_verified_except_prefix"], "unverified",
        "--demo rule"
    );
    let token: Value = http
        .post(format!("{base}/cgi-bin/stable_token"))
        .json(&serde_json::json!({"grant_type": "client_credential", "appid": "wxsandbox0000live", "secret": "sandbox-secret"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["access_token"].as_str().expect("token").to_owned();
    let rooms: Value = http
        .post(format!(
            "{base}/wxa/business/getliveinfo?access_token={token}"
        ))
        .json(&serde_json::json!({"start": 0, "limit": 100}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(rooms["total"].as_u64().unwrap() >= 7, "demo rooms: {rooms}");

    let rest = stop(child, out).await;
    assert!(
        !rest.contains("secret"),
        "the given secret is never printed: {rest}"
    );
}

#[tokio::test]
async fn a_generated_secret_is_printed_once() {
    let (child, mut out) = spawn(&["--port", "0", "--app-id", "wxabcdef0123456789"]);
    assert!(line(&mut out)
        .await
        .starts_with("base_url=http://127.0.0.1:"));
    assert_eq!(line(&mut out).await, "app_id=wxabcdef0123456789");
    let secret = line(&mut out).await;
    let secret = secret
        .strip_prefix("secret=")
        .expect("generated secret printed");
    assert_eq!(secret.len(), 32);
    stop(child, out).await;
}
