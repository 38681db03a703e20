//! addgoods and G1–G5 on a room's shelf.

mod common;

use common::{assert_err, assert_ok, Sim};
use serde_json::json;

#[tokio::test]
async fn addgoods_rules_and_cap() {
    let sim = Sim::new(false).await;
    let room = sim.new_room().await;
    let pending = sim.add_goods("审核中的商品").await;
    let add = |ids: serde_json::Value| {
        sim.post(
            "/wxaapi/broadcast/room/addgoods",
            json!({"roomId": room, "ids": ids}),
        )
    };
    assert_err(&add(json!([pending])).await, 300025);
    assert_err(&add(json!([123_456])).await, 300024);
    sim.advance(10).await;
    assert_ok(&add(json!([pending])).await);
    assert_ok(&add(json!([pending])).await); // incremental, no duplicate
    let seeded = sim
        .ctl_post("/seed", json!({"rooms": 0, "goods": 300}))
        .await;
    let ids = seeded["goods_ids"].as_array().unwrap().clone();
    assert_ok(&add(json!(ids[..299])).await);
    assert_err(&add(json!(ids[299..])).await, 300033);
    let rec = sim
        .ctl(reqwest::Method::GET, &format!("/rooms/{room}"), None)
        .await;
    assert_eq!(rec["goods"].as_array().unwrap().len(), 300);
}

#[tokio::test]
async fn push_only_when_live_and_on_shelf() {
    let sim = Sim::new(false).await;
    let room = sim.new_room().await;
    let g1 = sim.approved_goods("第一件商品").await;
    let g2 = sim.approved_goods("第二件商品").await;
    let other = sim.approved_goods("不在房间的").await;
    let add = json!({"roomId": room, "ids": [g1, g2]});
    assert_ok(&sim.post("/wxaapi/broadcast/room/addgoods", add).await);
    let push = |g: u64| {
        sim.post(
            "/wxaapi/broadcast/goods/push",
            json!({"roomId": room, "goodsId": g}),
        )
    };
    let v = push(g1).await;
    assert_err(&v, 300023);
    sim.force_status(room, 101).await;
    assert_ok(&push(g1).await);
    // The card shows for the push window (3 s by the sandbox's assumption): meanwhile another
    // push, a sale change and a removal are refused, as WeChat does.
    assert_err(&push(g2).await, 300047);
    let sale = json!({"roomId": room, "goodsId": g2, "onSale": 1});
    assert_err(
        &sim.post("/wxaapi/broadcast/goods/onsale", sale).await,
        300049,
    );
    let remove = json!({"roomId": room, "goodsId": g2});
    assert_err(
        &sim.post("/wxaapi/broadcast/goods/deleteInRoom", remove)
            .await,
        300047,
    );
    sim.advance(3).await;
    assert_ok(&push(g1).await);
    // A window of 0 (set at the control plane) makes later pushes complete at once; the card
    // already showing still shows its time.
    sim.ctl_post("/push_window", json!({"ms": 0})).await;
    assert_err(&push(g1).await, 300047);
    sim.advance(3).await;
    assert_ok(&push(g1).await);
    assert_ok(&push(g1).await);
    assert_err(&push(other).await, 300053);
    assert_err(&push(99_999).await, 300024);
    let off = json!({"roomId": room, "goodsId": g2, "onSale": 0});
    assert_ok(&sim.post("/wxaapi/broadcast/goods/onsale", off).await);
    assert_err(&push(g2).await, 300052);
    let del = json!({"roomId": room, "goodsId": g2});
    assert_ok(
        &sim.post("/wxaapi/broadcast/goods/deleteInRoom", del.clone())
            .await,
    );
    assert_err(
        &sim.post("/wxaapi/broadcast/goods/deleteInRoom", del).await,
        300024,
    );
}

#[tokio::test]
async fn sort_accepts_numbers_and_strings() {
    let sim = Sim::new(false).await;
    let room = sim.new_room().await;
    let a = sim.approved_goods("商品甲").await;
    let b = sim.approved_goods("商品乙").await;
    let c = sim.approved_goods("商品丙").await;
    let add = json!({"roomId": room, "ids": [a, b, c]});
    assert_ok(&sim.post("/wxaapi/broadcast/room/addgoods", add).await);
    let body = json!({"roomId": room, "goods": [{"goodsId": c.to_string()}, {"goodsId": a}]});
    assert_ok(&sim.post("/wxaapi/broadcast/goods/sort", body).await);
    let list = sim
        .post("/wxa/business/getliveinfo", json!({"start": 0, "limit": 1}))
        .await;
    let order: Vec<u64> = list["room_info"][0]["goods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["goods_id"].as_u64().unwrap())
        .collect();
    assert_eq!(order, vec![c, a, b]);
    let bad = json!({"roomId": room, "goods": [{"goodsId": 4242}]});
    assert_err(&sim.post("/wxaapi/broadcast/goods/sort", bad).await, 300048);
}

#[tokio::test]
async fn explanation_video_after_the_room_ends() {
    let sim = Sim::new(false).await;
    let room = sim.new_room().await;
    let pushed = sim.approved_goods("讲解过的商品").await;
    let silent = sim.approved_goods("没讲解的商品").await;
    let add = json!({"roomId": room, "ids": [pushed, silent]});
    assert_ok(&sim.post("/wxaapi/broadcast/room/addgoods", add).await);
    sim.force_status(room, 101).await;
    let push = json!({"roomId": room, "goodsId": pushed});
    assert_ok(&sim.post("/wxaapi/broadcast/goods/push", push).await);
    let video = |g: u64| {
        sim.post(
            "/wxaapi/broadcast/goods/getVideo",
            json!({"roomId": room, "goodsId": g}),
        )
    };
    assert_err(&video(silent).await, 300044);
    assert_err(&video(pushed).await, 300045);
    sim.force_status(room, 103).await;
    sim.advance(599).await;
    assert_err(&video(pushed).await, 300045);
    sim.advance(1).await;
    let v = video(pushed).await;
    assert_ok(&v);
    assert!(v["url"].as_str().unwrap().starts_with("http"));
}
