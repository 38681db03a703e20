//! Benchmark 4 of the core issue: simulator throughput on loopback, in requests/s (target ≥ 20,000).
//!
//! `wrk` (Debian package, installed by `scripts/bootstrap.sh bench`) drives a real WeChat call,
//! `GET /wxaapi/broadcast/room/getpushurl`, with a valid token, and — in the same run, with the same
//! settings — a bare axum handler answering a fixed JSON body: the ratio says what the simulator's own
//! work (token check, quota, request log, fault lookup, state) costs against plain axum.
#![allow(clippy::print_stdout)]

use std::process::Command;
use std::time::Duration;

use axum::{routing::get, Json, Router};
use serde_json::{json, Value};
use wechat_live_sim::{start, SimConfig};

const DURATION: &str = "4s";
const CONNECTIONS: &str = "64";
const ROUNDS: usize = 3;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let sim = start(SimConfig::demo()).await.expect("simulator starts");
    let http = reqwest::Client::new();
    let token = stable_token(&http, sim.base_url(), sim.app_id(), sim.secret()).await;
    let room_id = any_room(&http, sim.base_url(), &token).await;
    // getpushurl's real quota (10,000 a day) would be used up in under a second; past it every
    // answer is a 45009 and wrk would measure the error path. The bench measures the success path.
    let quota = http
        .post(format!("{}/__sim/quota", sim.base_url()))
        .json(&json!({"enabled": false}))
        .send()
        .await
        .unwrap();
    assert!(
        quota.status().is_success(),
        "quota switch: {}",
        quota.status()
    );
    let sim_url = format!(
        "{}/wxaapi/broadcast/room/getpushurl?roomId={room_id}&access_token={token}",
        sim.base_url()
    );
    let answer: Value = http
        .get(&sim_url)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        answer["errcode"], 0,
        "getpushurl must succeed before it is measured"
    );

    let baseline_url = start_baseline().await;

    let mut sim_rates = Vec::new();
    let mut base_rates = Vec::new();
    // Alternate the two so that any drift of the machine's load hits both alike.
    for _ in 0..ROUNDS {
        sim_rates.push(run_wrk(&sim_url).await);
        base_rates.push(run_wrk(&baseline_url).await);
    }
    let after: Value = http
        .get(&sim_url)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        after["errcode"], 0,
        "the measured path still succeeds: {after}"
    );
    let sim_rps = median(&mut sim_rates);
    let base_rps = median(&mut base_rates);
    println!("bench4 simulator throughput (wrk, {CONNECTIONS} connections, {DURATION} x {ROUNDS}, median)");
    println!("  simulator getpushurl : {sim_rps:>10.0} req/s   (target >= 20000)");
    println!("  bare axum baseline   : {base_rps:>10.0} req/s");
    println!("  ratio simulator/baseline: {:.2}", sim_rps / base_rps);
    println!(
        "  verdict: {}",
        if sim_rps >= 20_000.0 {
            "meets target"
        } else {
            "BELOW TARGET"
        }
    );
    sim.shutdown().await;
}

async fn stable_token(http: &reqwest::Client, base: &str, app_id: &str, secret: &str) -> String {
    let body = json!({"grant_type": "client_credential", "appid": app_id, "secret": secret});
    let v: Value = http
        .post(format!("{base}/cgi-bin/stable_token"))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["access_token"].as_str().expect("token issued").to_owned()
}

async fn any_room(http: &reqwest::Client, base: &str, token: &str) -> u64 {
    let v: Value = http
        .post(format!(
            "{base}/wxa/business/getliveinfo?access_token={token}"
        ))
        .json(&json!({"start": 0, "limit": 10}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["room_info"][0]["roomid"]
        .as_u64()
        .expect("demo account has rooms")
}

async fn start_baseline() -> String {
    let app = Router::new().route(
        "/ping",
        get(|| async { Json(json!({"errcode": 0, "pushAddr": "rtmp://example/live/x"})) }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}/ping?access_token=x")
}

/// Runs wrk in a blocking thread (the servers keep the runtime's workers) and returns requests/s.
async fn run_wrk(url: &str) -> f64 {
    let url = url.to_owned();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("wrk")
            .args([
                "-t",
                "2",
                "-c",
                CONNECTIONS,
                "-d",
                DURATION,
                "--timeout",
                "2s",
                &url,
            ])
            .output()
            .expect("wrk runs (scripts/bootstrap.sh bench installs it)")
    })
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "wrk failed: {text}");
    assert!(
        !text.contains("Non-2xx"),
        "every measured request must succeed: {text}"
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    text.lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no Requests/sec in wrk output: {text}"))
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
