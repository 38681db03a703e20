//! Benchmarks 1–3 of the core issue, each measured side by side in one run against the simulator:
//! 1. 2,000 sequential `goods/push` calls through the client vs raw reqwest with a ready token
//!    (ratio, target ≤ 1.10);
//! 2. 500 concurrent calls on an expired token: token requests made (target exactly 1);
//! 3. a full sync of 1,000 rooms and 10,000 library goods with 50 ms of latency per request: wall
//!    time vs the latency bound at concurrency 8 (target ≤ 1.2×) and vs sequential paging
//!    (target ≥ 6× faster).
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use wechat_live::model::AuditStatus;
use wechat_live::{Client, Config};
use wechat_live_sim::{start, SimConfig, SimHandle};

const PUSHES: usize = 2_000;
const ROUNDS: usize = 4;
const CONCURRENT: usize = 500;
const LATENCY_MS: u64 = 50;
const PAGE: u32 = 100;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    bench1_push_overhead().await;
    bench2_token_stampede().await;
    bench3_full_sync().await;
}

fn client_for(sim: &SimHandle) -> Client {
    Client::new(Config::new(sim.app_id(), sim.secret()).with_base_url(sim.base_url()))
        .expect("client")
}

async fn control(http: &reqwest::Client, sim: &SimHandle, path: &str, body: Value) -> Value {
    http.post(format!("{}{path}", sim.base_url()))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn stats(http: &reqwest::Client, sim: &SimHandle) -> Value {
    http.get(format!("{}/__sim/stats", sim.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// A live room of the demo account and a goods in it, put on sale so it can be pushed.
async fn live_room_with_goods(client: &Client) -> (i64, i64) {
    let rooms = client.rooms().list_all().await.expect("rooms");
    let room = rooms
        .iter()
        .find(|r| r.status == wechat_live::model::LiveStatus::Live && !r.goods.is_empty())
        .expect("the demo account has a live room with goods");
    let goods_id = room.goods[0].goods_id;
    client
        .room_goods()
        .set_on_sale(room.id, goods_id, true)
        .await
        .expect("on sale");
    (room.id, goods_id)
}

async fn bench1_push_overhead() {
    // Back-to-back pushes measure the client, not the sandbox's push window (cards show 3 s there).
    let sim = start(SimConfig {
        push_window_ms: 0,
        ..SimConfig::demo()
    })
    .await
    .expect("simulator");
    let client = client_for(&sim);
    let http = reqwest::Client::new();
    let (room, goods) = live_room_with_goods(&client).await;
    let token = json_token(&http, &sim).await;
    let raw_url = format!(
        "{}/wxaapi/broadcast/goods/push?access_token={token}",
        sim.base_url()
    );
    let body = json!({"roomId": room, "goodsId": goods});
    // Warm both paths (connections, token cache).
    for _ in 0..20 {
        client.room_goods().push(room, goods).await.expect("push");
        raw_push(&http, &raw_url, &body).await;
    }
    let per_round = PUSHES / ROUNDS;
    let (mut t_client, mut t_raw) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..ROUNDS {
        control(&http, &sim, "/__sim/quota/reset", json!({})).await;
        let t = Instant::now();
        for _ in 0..per_round {
            client.room_goods().push(room, goods).await.expect("push");
        }
        t_client += t.elapsed();
        let t = Instant::now();
        for _ in 0..per_round {
            raw_push(&http, &raw_url, &body).await;
        }
        t_raw += t.elapsed();
    }
    let ratio = t_client.as_secs_f64() / t_raw.as_secs_f64();
    println!("bench1 goods/push x{PUSHES} sequential (alternating {ROUNDS} rounds)");
    println!(
        "  client     : {:>8.1} ms ({:.1} µs/call)",
        ms(t_client),
        us_per(t_client, PUSHES)
    );
    println!(
        "  raw reqwest: {:>8.1} ms ({:.1} µs/call)",
        ms(t_raw),
        us_per(t_raw, PUSHES)
    );
    println!(
        "  ratio client/raw: {ratio:.3} (target <= 1.10) -> {}",
        verdict(ratio <= 1.10)
    );
    sim.shutdown().await;
}

async fn raw_push(http: &reqwest::Client, url: &str, body: &Value) {
    let v: Value = http
        .post(url)
        .json(body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["errcode"], 0, "raw push failed: {v}");
}

async fn json_token(http: &reqwest::Client, sim: &SimHandle) -> String {
    let body =
        json!({"grant_type": "client_credential", "appid": sim.app_id(), "secret": sim.secret()});
    let v = control(http, sim, "/cgi-bin/stable_token", body).await;
    v["access_token"].as_str().expect("token").to_owned()
}

async fn bench2_token_stampede() {
    // Back-to-back pushes measure the client, not the sandbox's push window (cards show 3 s there).
    let sim = start(SimConfig {
        push_window_ms: 0,
        ..SimConfig::demo()
    })
    .await
    .expect("simulator");
    let client = client_for(&sim);
    let http = reqwest::Client::new();
    let (room, _) = live_room_with_goods(&client).await;
    client.rooms().push_url(room).await.expect("warm token");
    control(&http, &sim, "/__sim/tokens/expire", json!({})).await;
    let before = stats(&http, &sim).await["stable_token_requests"]
        .as_u64()
        .unwrap();
    let t = Instant::now();
    let calls = (0..CONCURRENT).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.rooms().push_url(room).await })
    });
    let results = futures::future::join_all(calls).await;
    let elapsed = t.elapsed();
    let ok = results.iter().filter(|r| matches!(r, Ok(Ok(_)))).count();
    let after = stats(&http, &sim).await["stable_token_requests"]
        .as_u64()
        .unwrap();
    let fetched = after - before;
    println!("bench2 {CONCURRENT} concurrent calls on an expired token");
    println!("  succeeded: {ok}/{CONCURRENT} in {:.1} ms", ms(elapsed));
    println!(
        "  token requests: {fetched} (target exactly 1) -> {}",
        verdict(fetched == 1 && ok == CONCURRENT)
    );
    sim.shutdown().await;
}

async fn bench3_full_sync() {
    let sim = start(SimConfig::default()).await.expect("simulator");
    let client = client_for(&sim);
    let http = reqwest::Client::new();
    let seeded = control(
        &http,
        &sim,
        "/__sim/seed",
        json!({"rooms": 1000, "goods": 10000}),
    )
    .await;
    assert_eq!(seeded["errcode"].as_i64().unwrap_or(0), 0, "seed: {seeded}");
    client
        .verify_credentials()
        .await
        .expect("token before latency is injected");
    control(
        &http,
        &sim,
        "/__sim/faults",
        json!({"path": "*", "kind": "latency", "latency_ms": LATENCY_MS}),
    )
    .await;

    let before = stats(&http, &sim).await["requests"].as_u64().unwrap();
    let t = Instant::now();
    let (rooms, goods) = tokio::join!(
        client.rooms().list_all(),
        client.library().list_all_statuses()
    );
    let concurrent = t.elapsed();
    let (rooms, goods) = (rooms.expect("rooms"), goods.expect("goods"));
    let requests = stats(&http, &sim).await["requests"].as_u64().unwrap() - before;

    let t = Instant::now();
    let (seq_rooms, seq_goods) = sequential_sync(&client).await;
    let sequential = t.elapsed();
    assert_eq!(
        (seq_rooms, seq_goods),
        (rooms.len(), goods.len()),
        "both syncs see the same data"
    );

    // The first page of each of the five lists goes out together (they give the totals), the
    // rest in waves of 8.
    let first = 5u64;
    let waves = 1 + requests.saturating_sub(first).div_ceil(8);
    let bound = Duration::from_millis(LATENCY_MS * waves);
    let vs_bound = concurrent.as_secs_f64() / bound.as_secs_f64();
    let speedup = sequential.as_secs_f64() / concurrent.as_secs_f64();
    println!(
        "bench3 full sync: {} rooms + {} library goods, {LATENCY_MS} ms latency per request",
        rooms.len(),
        goods.len()
    );
    println!(
        "  requests: {requests}; latency bound at concurrency 8: {:.0} ms",
        ms(bound)
    );
    println!(
        "  concurrent sync: {:>8.1} ms  ratio to bound {vs_bound:.2} (target <= 1.2) -> {}",
        ms(concurrent),
        verdict(vs_bound <= 1.2)
    );
    println!(
        "  sequential sync: {:>8.1} ms  speed-up {speedup:.1}x (target >= 6x) -> {}",
        ms(sequential),
        verdict(speedup >= 6.0)
    );
    sim.shutdown().await;
}

async fn sequential_sync(client: &Client) -> (usize, usize) {
    let mut rooms = 0;
    loop {
        let page = client
            .rooms()
            .list_page(rooms as u32, PAGE)
            .await
            .expect("room page");
        rooms += page.rooms.len();
        if page.rooms.is_empty() || rooms as i64 >= page.total {
            break;
        }
    }
    let mut goods = 0;
    for status in [
        AuditStatus::Unaudited,
        AuditStatus::UnderReview,
        AuditStatus::Approved,
        AuditStatus::Rejected,
    ] {
        let mut offset = 0;
        loop {
            let page = client
                .library()
                .list_page(status, offset, PAGE)
                .await
                .expect("goods page");
            offset += page.goods.len() as u32;
            if page.goods.is_empty() || i64::from(offset) >= page.total {
                break;
            }
        }
        goods += offset as usize;
    }
    (rooms, goods)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn us_per(d: Duration, n: usize) -> f64 {
    d.as_secs_f64() * 1e6 / n as f64
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "meets target"
    } else {
        "MISSES TARGET"
    }
}
