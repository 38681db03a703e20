//! The demo account's people and console goods, and the request log's masking, over raw HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{assert_err, assert_ok, Sim};
use serde_json::{json, Value};

#[tokio::test]
async fn demo_members_hold_every_role() {
    let sim = Sim::new(true).await;
    let all = sim
        .get("/wxaapi/broadcast/role/getrolelist", "role=-1&limit=30")
        .await;
    assert_ok(&all);
    let list = all["list"].as_array().unwrap();
    assert!(list.len() >= 6, "{all}");
    for role in 0..=3 {
        assert!(
            list.iter()
                .any(|m| m["roleList"].as_array().unwrap().contains(&json!(role))),
            "a member with role {role}"
        );
        let only = sim
            .get(
                "/wxaapi/broadcast/role/getrolelist",
                &format!("role={role}&limit=30"),
            )
            .await;
        assert!(only["total"].as_u64().unwrap() >= 1, "role {role}: {only}");
    }
    // Some rooms of the demo already have goods on their shelf, some of it pushed.
    let rooms = sim
        .post(
            "/wxa/business/getliveinfo",
            json!({"start": 0, "limit": 100}),
        )
        .await;
    let with_goods = rooms["room_info"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["goods"].as_array().unwrap().is_empty())
        .count();
    assert!(with_goods >= 2, "{rooms}");
}

#[tokio::test]
async fn demo_console_goods_refuse_the_api() {
    let sim = Sim::new(true).await;
    let approved = sim
        .get(
            "/wxaapi/broadcast/goods/getapproved",
            "offset=0&status=2&limit=100",
        )
        .await;
    let goods = approved["goods"].as_array().unwrap();
    let console: Vec<&Value> = goods.iter().filter(|g| g["thirdPartyTag"] == 0).collect();
    assert_eq!(console.len(), 1, "{approved}");
    assert!(goods.iter().filter(|g| g["thirdPartyTag"] == 2).count() >= 5);
    let id = console[0]["goodsId"].clone();
    let update = json!({"goodsInfo": {"goodsId": id, "priceType": 1, "price": 99}});
    assert_err(
        &sim.post("/wxaapi/broadcast/goods/update", update).await,
        300011,
    );
    assert_err(
        &sim.post("/wxaapi/broadcast/goods/audit", json!({"goodsId": id}))
            .await,
        300011,
    );
    let info = sim
        .post(
            "/wxa/business/getgoodswarehouse",
            json!({"goods_ids": [id]}),
        )
        .await;
    assert_eq!(info["goods"][0]["third_party_tag"], 0, "{info}");
}

#[tokio::test]
async fn request_log_masks_the_token_query_secret_and_upload_tokens() {
    let sim = Sim::new(false).await;
    sim.ctl(reqwest::Method::DELETE, "/requests", None).await;
    let secret = sim.handle.secret().to_owned();
    let plain = sim
        .raw_get(&format!(
            "/cgi-bin/token?grant_type=client_credential&appid={}&secret={secret}",
            sim.handle.app_id()
        ))
        .await;
    let issued = plain["access_token"].as_str().expect("token").to_owned();
    sim.upload(8, 8, 0).await;
    let log = sim.ctl(reqwest::Method::GET, "/requests", None).await;
    let entries = log.as_array().unwrap();
    assert_eq!(entries.len(), 2, "{log}");
    let token_query = entries[0]["query"].as_str().unwrap();
    assert!(token_query.contains("secret=***"), "{token_query}");
    assert!(
        token_query.contains("appid="),
        "other values stay: {token_query}"
    );
    assert_eq!(entries[1]["path"], "/cgi-bin/media/upload");
    let upload_query = entries[1]["query"].as_str().unwrap();
    assert!(upload_query.contains("access_token=***"), "{upload_query}");
    assert!(upload_query.contains("type=image"), "{upload_query}");
    let text = log.to_string();
    for leaked in [secret.as_str(), issued.as_str(), sim.token.as_str()] {
        assert!(!text.contains(leaked), "{leaked} in {text}");
    }
}

/// Control-plane call answering its status and JSON.
async fn ctl_raw(sim: &Sim, path: &str, body: Value) -> (u16, Value) {
    let res = sim
        .http
        .post(format!("{}/__sim{path}", sim.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn quota_switch_account_and_control_errors() {
    let sim = Sim::new(false).await;
    let getkey = || sim.get("/wxaapi/broadcast/goods/getkey", "x=1");
    // getkey: 500 a day, unless counting is off.
    assert_eq!(
        ctl_raw(&sim, "/quota", json!({"enabled": false})).await,
        (200, json!({"enabled": false}))
    );
    for _ in 0..501 {
        assert_ok(&getkey().await);
    }
    ctl_raw(&sim, "/quota", json!({"enabled": true})).await;
    for _ in 0..500 {
        assert_ok(&getkey().await);
    }
    assert_err(&getkey().await, 45009);
    ctl_raw(&sim, "/quota/reset", json!({})).await;
    assert_ok(&getkey().await);

    // Customer service configured or not decides updatekf's 300038.
    let room = sim.new_room().await;
    let kf_on = json!({"roomId": room, "closeKf": 0});
    assert_err(
        &sim.post("/wxaapi/broadcast/room/updatekf", kf_on.clone())
            .await,
        300038,
    );
    assert_eq!(
        ctl_raw(&sim, "/account", json!({"kf_configured": true})).await,
        (200, json!({"kf_configured": true}))
    );
    assert_ok(&sim.post("/wxaapi/broadcast/room/updatekf", kf_on).await);

    // Control-plane errors are HTTP 400/404 with {"error": ...}.
    let (status, body) = ctl_raw(
        &sim,
        &format!("/rooms/{room}/status"),
        json!({"status": 99}),
    )
    .await;
    assert_eq!(status, 400);
    assert!(body["error"].is_string(), "{body}");
    let (status, body) = ctl_raw(&sim, "/rooms/987654/status", json!({"status": 101})).await;
    assert_eq!(status, 404);
    assert!(body["error"].is_string(), "{body}");
    let (status, _) = ctl_raw(&sim, "/seed", json!({"goods": 100_001})).await;
    assert_eq!(status, 400);
    let (status, _) = ctl_raw(&sim, "/faults", json!({"path": "*", "kind": "nonsense"})).await;
    assert_eq!(status, 400);
}
