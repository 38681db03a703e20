//! Goods library L1–L9: add rules, prices, audit progression, update rules, queries, quota.

mod common;

use common::{assert_err, assert_ok, Sim};
use serde_json::{json, Value};

const ADD: &str = "/wxaapi/broadcast/goods/add";

async fn add(sim: &Sim, info: Value) -> Value {
    sim.post(ADD, json!({ "goodsInfo": info })).await
}

async fn info(sim: &Sim) -> Value {
    json!({"coverImgUrl": sim.media(300, 300).await, "name": "好物", "priceType": 1,
        "price": 9.9, "url": "pages/goods/detail?id=1"})
}

async fn warehouse(sim: &Sim, path: &str, id: u64) -> Value {
    let v = sim.post(path, json!({ "goods_ids": [id] })).await;
    assert_ok(&v);
    v["goods"][0].clone()
}

#[tokio::test]
async fn prices_as_numbers_or_strings_answered_in_fen() {
    let sim = Sim::new(false).await;
    let base = info(&sim).await;
    let cases = [
        (json!({"priceType": 1, "price": 12.3}), 0, 1230, 0),
        (json!({"priceType": 1, "price": "0.07"}), 0, 7, 0),
        (
            json!({"priceType": 2, "price": 10, "price2": "20.5"}),
            0,
            1000,
            2050,
        ),
        (
            json!({"priceType": 3, "price": 30, "price2": 25}),
            0,
            3000,
            2500,
        ),
        (json!({"priceType": 1, "price": 1.005}), 300003, 0, 0),
        (json!({"priceType": 1, "price": 0}), 300003, 0, 0),
        (json!({"priceType": 1, "price": "abc"}), 300003, 0, 0),
        (
            json!({"priceType": 2, "price": 20, "price2": 10}),
            300003,
            0,
            0,
        ),
        (json!({"priceType": 2, "price": 20}), 300003, 0, 0),
        (
            json!({"priceType": 3, "price": 20, "price2": 30}),
            300003,
            0,
            0,
        ),
        (json!({"priceType": 4, "price": 20}), 300003, 0, 0),
    ];
    for (patch, code, price, price2) in cases {
        let mut body = base.clone();
        for (k, v) in patch.as_object().unwrap() {
            body[k] = v.clone();
        }
        let v = add(&sim, body).await;
        if code != 0 {
            assert_err(&v, code);
            continue;
        }
        assert_ok(&v);
        assert!(v["auditId"].as_u64().is_some());
        let g = warehouse(
            &sim,
            "/wxa/business/getgoodswarehouse",
            v["goodsId"].as_u64().unwrap(),
        )
        .await;
        assert_eq!(
            (g["price"].as_i64(), g["price2"].as_i64()),
            (Some(price), Some(price2))
        );
    }
}

#[tokio::test]
async fn add_field_rules() {
    let sim = Sim::new(false).await;
    let base = info(&sim).await;
    let with = |k: &str, v: Value| {
        let mut b = base.clone();
        b[k] = v;
        b
    };
    assert_ok(&add(&sim, with("name", json!("一二三四五六七八九十一二三四"))).await);
    assert_err(
        &add(&sim, with("name", json!("一二三四五六七八九十一二三四五"))).await,
        300002,
    );
    assert_err(&add(&sim, with("name", json!(""))).await, 200002);
    assert_err(&add(&sim, with("name", json!("违禁商品"))).await, 300004);
    assert_err(
        &add(&sim, with("coverImgUrl", json!("expired-or-unknown"))).await,
        300006,
    );
    let big = sim.media(301, 300).await;
    assert_err(&add(&sim, with("coverImgUrl", json!(big))).await, 300018);
    assert_err(
        &add(&sim, with("url", json!("https://example.com/x"))).await,
        300007,
    );
    assert_err(&add(&sim, with("goodsKey", json!("k1"))).await, 200002);
    assert_ok(&add(&sim, with("goodsKey", json!(["k1", "k2"]))).await);
    let missing = sim.post(ADD, json!({})).await;
    assert_err(&missing, 200002);
    assert!(missing["errmsg"]
        .as_str()
        .unwrap()
        .starts_with("parameter goodsInfo must no be null"));
}

#[tokio::test]
async fn audit_progression_and_both_warehouse_paths() {
    let sim = Sim::new(false).await;
    let ok = sim.add_goods("正常商品").await;
    let bad = sim.add_goods("违规商品").await;
    for path in [
        "/wxa/business/getgoodswarehouse",
        "/wxaapi/broadcast/getgoodswarehouse",
    ] {
        let g = warehouse(&sim, path, ok).await;
        assert_eq!(g["audit_status"], 1);
        assert_eq!(g["goods_id"], ok);
        assert_eq!(g["price_type"], 1);
        assert_eq!(g["third_party_tag"], 2);
        assert!(g["cover_img_url"].as_str().unwrap().starts_with("http"));
    }
    sim.advance(4).await;
    assert_eq!(
        warehouse(&sim, "/wxa/business/getgoodswarehouse", ok).await["audit_status"],
        1
    );
    sim.advance(1).await;
    assert_eq!(
        warehouse(&sim, "/wxa/business/getgoodswarehouse", ok).await["audit_status"],
        2
    );
    assert_eq!(
        warehouse(&sim, "/wxa/business/getgoodswarehouse", bad).await["audit_status"],
        3
    );
    let approved = sim
        .get("/wxaapi/broadcast/goods/getapproved", "status=2")
        .await;
    assert_eq!(approved["total"], 1);
    let item = &approved["goods"][0];
    assert_eq!(item["goodsId"], ok);
    assert_eq!(item["priceType"], 1);
    assert_eq!(item["price"], 1250);
    assert!(item["coverImgUrl"].as_str().unwrap().starts_with("http"));
    assert_err(
        &sim.get("/wxaapi/broadcast/goods/getapproved", "offset=0")
            .await,
        200002,
    );
    let rejected = sim
        .get(
            "/wxaapi/broadcast/goods/getapproved",
            "offset=0&limit=5&status=3",
        )
        .await;
    assert_eq!(rejected["total"], 1);
}

#[tokio::test]
async fn getapproved_pages_with_limit_default_and_max() {
    let sim = Sim::new(false).await;
    sim.ctl_post("/seed", json!({"goods": 250})).await;
    let page = sim
        .get("/wxaapi/broadcast/goods/getapproved", "status=2")
        .await;
    assert_eq!(page["total"], 250);
    assert_eq!(page["goods"].as_array().unwrap().len(), 30);
    let page = sim
        .get(
            "/wxaapi/broadcast/goods/getapproved",
            "status=2&offset=200&limit=500",
        )
        .await;
    assert_eq!(page["goods"].as_array().unwrap().len(), 50);
}

#[tokio::test]
async fn withdraw_resubmit_update_delete() {
    let sim = Sim::new(false).await;
    let id = sim.add_goods("流程商品").await;
    let audit_id = sim
        .post(
            "/wxa/business/getgoodswarehouse",
            json!({"goods_ids": [id]}),
        )
        .await;
    assert_ok(&audit_id);
    let update = |info: Value| {
        sim.post(
            "/wxaapi/broadcast/goods/update",
            json!({ "goodsInfo": info }),
        )
    };
    assert_err(&update(json!({"goodsId": id, "price": 5})).await, 300010);
    assert_err(
        &sim.post("/wxaapi/broadcast/goods/audit", json!({"goodsId": id}))
            .await,
        300010,
    );
    let wrong = json!({"goodsId": id, "auditId": 1});
    assert_err(
        &sim.post("/wxaapi/broadcast/goods/resetaudit", wrong).await,
        300009,
    );
    // The audit id is the one returned by add; find it through a fresh add of the same shape.
    let added = sim.post(ADD, json!({"goodsInfo": info(&sim).await})).await;
    let (gid, aid) = (
        added["goodsId"].as_u64().unwrap(),
        added["auditId"].as_u64().unwrap(),
    );
    let reset = json!({"goodsId": gid, "auditId": aid});
    assert_ok(
        &sim.post("/wxaapi/broadcast/goods/resetaudit", reset.clone())
            .await,
    );
    assert_err(
        &sim.post("/wxaapi/broadcast/goods/resetaudit", reset).await,
        300017,
    );
    assert_ok(&update(json!({"goodsId": gid, "name": "改名商品", "price": "8.80"})).await);
    let resubmit = sim
        .post("/wxaapi/broadcast/goods/audit", json!({"goodsId": gid}))
        .await;
    assert_ok(&resubmit);
    assert!(resubmit["auditId"].as_u64().unwrap() > aid);
    sim.advance(5).await;
    assert_err(
        &update(json!({"goodsId": gid, "name": "再改名"})).await,
        300010,
    );
    assert_ok(&update(json!({"goodsId": gid, "priceType": 2, "price": 8, "price2": 9})).await);
    let g = warehouse(&sim, "/wxa/business/getgoodswarehouse", gid).await;
    assert_eq!(
        (
            g["name"].as_str(),
            g["price"].as_i64(),
            g["price2"].as_i64()
        ),
        (Some("改名商品"), Some(800), Some(900))
    );
    let room = sim.new_room().await;
    let add_room = json!({"roomId": room, "ids": [gid]});
    assert_ok(&sim.post("/wxaapi/broadcast/room/addgoods", add_room).await);
    assert_ok(
        &sim.post("/wxaapi/broadcast/goods/delete", json!({"goodsId": gid}))
            .await,
    );
    let rec = sim
        .ctl(reqwest::Method::GET, &format!("/rooms/{room}"), None)
        .await;
    assert_eq!(rec["goods"], json!([]), "delete removes goods from rooms");
    assert_err(
        &sim.post("/wxaapi/broadcast/goods/delete", json!({"goodsId": gid}))
            .await,
        300015,
    );
}

#[tokio::test]
async fn pendant_goods_key() {
    let sim = Sim::new(false).await;
    let v = sim
        .post(
            "/wxaapi/broadcast/goods/setkey",
            json!({"goodsKey": "notarray"}),
        )
        .await;
    assert_err(&v, 200002);
    assert!(v["errmsg"]
        .as_str()
        .unwrap()
        .starts_with("goodsKey must be Array<string>"));
    assert_err(
        &sim.post("/wxaapi/broadcast/goods/setkey", json!({"goodsKey": [1]}))
            .await,
        200002,
    );
    assert_ok(
        &sim.post(
            "/wxaapi/broadcast/goods/setkey",
            json!({"goodsKey": ["sku", "id"]}),
        )
        .await,
    );
    let v = sim.get("/wxaapi/broadcast/goods/getkey", "x=1").await;
    assert_eq!(v["vendorGoodsKey"], json!(["sku", "id"]));
}

#[tokio::test]
async fn add_and_audit_share_500_a_day() {
    let mut sim = Sim::new(false).await;
    let body = json!({"goodsInfo": info(&sim).await});
    for _ in 0..499 {
        assert_ok(&sim.post(ADD, body.clone()).await);
    }
    // The 500th call of the shared quota is an audit.
    let v = sim
        .post("/wxaapi/broadcast/goods/audit", json!({"goodsId": 1}))
        .await;
    assert_err(&v, 300010);
    let v = sim.post(ADD, body.clone()).await;
    assert_err(&v, 45009);
    assert!(v["errmsg"]
        .as_str()
        .unwrap()
        .starts_with("reach max api daily quota limit"));
    // Midnight Beijing time resets it (T0 is 08:00 Beijing).
    sim.advance(16 * 3600).await;
    sim.refresh_token().await;
    assert_ok(&sim.post(ADD, body.clone()).await);
    for _ in 0..499 {
        sim.post(ADD, body.clone()).await;
    }
    assert_err(&sim.post(ADD, body.clone()).await, 45009);
    sim.ctl_post("/quota/reset", json!({})).await;
    assert_ok(&sim.post(ADD, body).await);
}
