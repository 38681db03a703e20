//! Control plane: faults, request log, stats, verified IDs, clock, media upload, rid form.

mod common;

use common::{assert_err, assert_ok, png_bytes, Sim};
use serde_json::{json, Value};

const KEY: &str = "/wxaapi/broadcast/goods/setkey";

async fn fault(sim: &Sim, body: Value) {
    let v = sim.ctl_post("/faults", body).await;
    assert!(v["id"].as_u64().is_some(), "fault added: {v}");
}

async fn send_setkey(sim: &Sim, key: &str) -> Result<Value, reqwest::Error> {
    let url = format!("{}{KEY}?access_token={}", sim.base, sim.token);
    sim.http
        .post(url)
        .json(&json!({"goodsKey": [key]}))
        .send()
        .await?
        .json()
        .await
}

async fn vendor_key(sim: &Sim) -> Value {
    sim.get("/wxaapi/broadcast/goods/getkey", "a=1").await["vendorGoodsKey"].clone()
}

#[tokio::test]
async fn drop_closes_without_processing() {
    let sim = Sim::new(false).await;
    fault(&sim, json!({"path": KEY, "kind": "drop", "count": 1})).await;
    assert!(
        send_setkey(&sim, "dropped").await.is_err(),
        "connection error"
    );
    assert_eq!(vendor_key(&sim).await, json!([]), "not processed");
    assert_ok(&send_setkey(&sim, "after").await.unwrap());
}

#[tokio::test]
async fn drop_after_processes_then_closes() {
    let sim = Sim::new(false).await;
    fault(&sim, json!({"path": "*", "kind": "drop_after", "count": 1})).await;
    assert!(send_setkey(&sim, "kept").await.is_err(), "connection error");
    assert_eq!(vendor_key(&sim).await, json!(["kept"]), "state changed");
}

#[tokio::test]
async fn errcode_html502_latency_and_counts() {
    let sim = Sim::new(false).await;
    fault(
        &sim,
        json!({"path": KEY, "kind": "errcode", "errcode": -1, "count": 2}),
    )
    .await;
    assert_err(&send_setkey(&sim, "a").await.unwrap(), -1);
    assert_err(&send_setkey(&sim, "a").await.unwrap(), -1);
    assert_ok(&send_setkey(&sim, "a").await.unwrap());
    fault(&sim, json!({"path": KEY, "kind": "html502"})).await;
    let url = format!("{}{KEY}?access_token={}", sim.base, sim.token);
    let res = sim
        .http
        .post(&url)
        .json(&json!({"goodsKey": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 502);
    assert!(res.text().await.unwrap().contains("<html>"));
    sim.ctl(reqwest::Method::DELETE, "/faults", None).await;
    fault(
        &sim,
        json!({"path": KEY, "kind": "errcode", "errcode": -1, "probability": 0.0}),
    )
    .await;
    assert_ok(&send_setkey(&sim, "b").await.unwrap());
    sim.ctl(reqwest::Method::DELETE, "/faults", None).await;
    fault(
        &sim,
        json!({"path": "*", "kind": "latency", "latency_ms": 5, "count": 1}),
    )
    .await;
    assert_ok(&send_setkey(&sim, "c").await.unwrap());
    assert_eq!(vendor_key(&sim).await, json!(["c"]));
}

#[tokio::test]
async fn request_log_masks_secrets_and_stats_count() {
    let sim = Sim::new(false).await;
    sim.ctl(reqwest::Method::DELETE, "/requests", None).await;
    send_setkey(&sim, "logged").await.unwrap();
    sim.stable_token(false).await;
    let log = sim.ctl(reqwest::Method::GET, "/requests", None).await;
    let entries = log.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["path"], KEY);
    assert_eq!(entries[0]["method"], "POST");
    assert_eq!(entries[0]["query"], "access_token=***");
    assert_eq!(entries[0]["body"], json!({"goodsKey": ["logged"]}));
    assert_eq!(entries[1]["body"]["secret"], "***");
    assert!(entries[0]["seq"].as_u64().unwrap() < entries[1]["seq"].as_u64().unwrap());
    let text = log.to_string();
    assert!(!text.contains(&sim.token) && !text.contains(sim.handle.secret()));
    let stats = sim.ctl(reqwest::Method::GET, "/stats", None).await;
    assert_eq!(stats["stable_token_requests"], 2);
    assert_eq!(stats["requests"], 3);
}

#[tokio::test]
async fn verified_modes_and_clock() {
    let sim = Sim::new(false).await;
    let v = sim.ctl(reqwest::Method::GET, "/verified", None).await;
    assert_eq!(v, json!({"all_verified_except_prefix": null, "ids": []}));
    let v = sim
        .ctl_post(
            "/verified",
            json!({"mode": "all_but_prefix", "prefix": "unverified"}),
        )
        .await;
    assert_eq!(v["all_verified_except_prefix"], "unverified");
    let v = sim
        .ctl_post("/verified", json!({"mode": "list", "add": ["a_1"]}))
        .await;
    assert_eq!(
        v,
        json!({"all_verified_except_prefix": null, "ids": ["a_1"]})
    );
    let now = sim
        .ctl_post("/clock", json!({"set": common::T0 + 50}))
        .await;
    assert_eq!(now["now"], common::T0 + 50);
    assert_eq!(sim.advance(10).await, common::T0 + 60);
}

#[tokio::test]
async fn media_upload_rules_and_expiry() {
    let mut sim = Sim::new(false).await;
    let ok = sim.upload(10, 10, 0).await;
    assert_ok(&ok);
    assert_eq!(ok["type"], "image");
    assert_eq!(ok["created_at"], common::T0);
    let id = ok["media_id"].as_str().unwrap().to_owned();
    let served = sim
        .http
        .get(format!("{}/__sim/media/{id}.png", sim.base))
        .send()
        .await
        .unwrap();
    assert!(served.bytes().await.unwrap().starts_with(b"\x89PNG"));
    assert_err(&sim.upload_bytes(png_bytes(4, 4), "voice").await, 40004);
    assert_err(
        &sim.upload_bytes(b"not an image".to_vec(), "image").await,
        40004,
    );
    assert_err(&sim.upload(10, 10, 2 * 1024 * 1024 + 1).await, 40009);
    assert_ok(&sim.upload(10, 10, 2 * 1024 * 1024).await);
    // Valid 3 days: a goods call with the media works before, fails after.
    let goods = |cover: &str| {
        json!({"goodsInfo": {"coverImgUrl": cover, "name": "图", "priceType": 1, "price": 1,
            "url": "pages/a"}})
    };
    sim.advance(259_199).await;
    sim.refresh_token().await;
    assert_ok(&sim.post("/wxaapi/broadcast/goods/add", goods(&id)).await);
    sim.advance(1).await;
    assert_err(
        &sim.post("/wxaapi/broadcast/goods/add", goods(&id)).await,
        300006,
    );
}

#[tokio::test]
async fn unknown_path_and_wrong_methods() {
    let sim = Sim::new(false).await;
    let res = sim
        .http
        .get(format!("{}/wxaapi/nope", sim.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let v = sim.get("/wxa/business/getliveinfo", "start=0").await;
    assert_err(&v, 43002);
    let v = sim
        .post("/wxaapi/broadcast/goods/getapproved", json!({"status": 2}))
        .await;
    assert_err(&v, 43001);
}

#[tokio::test]
async fn shutdown_is_graceful_with_pooled_connections() {
    let sim = Sim::new(true).await;
    let base = sim.base.clone();
    assert_ok(&sim.get("/wxaapi/broadcast/goods/getkey", "a=1").await);
    sim.handle.shutdown().await;
    let after = sim.http.get(format!("{base}/__sim/clock")).send().await;
    assert!(after.is_err(), "nothing listens after shutdown");
}
