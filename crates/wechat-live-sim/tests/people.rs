//! Roles M1–M3 and followers S1–S2.

mod common;

use common::{assert_err, assert_ok, Sim};
use serde_json::json;

const ADD: &str = "/wxaapi/broadcast/role/addrole";
const LIST: &str = "/wxaapi/broadcast/role/getrolelist";

#[tokio::test]
async fn roles_rules_and_limits() {
    let sim = Sim::new(false).await;
    let add = |u: String, role: i64| sim.post(ADD, json!({"username": u, "role": role}));
    assert_ok(&add("operator_01".into(), 3).await);
    assert_err(&add("operator_01".into(), 3).await, 400004);
    assert_err(&add("1bad".into(), 1).await, 400001);
    let v = add("anchor_unv1".into(), 2).await;
    assert_err(&v, 400002);
    assert!(v["codeurl"].as_str().unwrap().starts_with("http"));
    for i in 0..10 {
        assert_ok(&add(format!("admin_{i:03}"), 1).await);
    }
    assert_err(&add("admin_999".into(), 1).await, 400003);
    // Anchor with a room not yet started cannot lose the role.
    sim.verify(&["anchor_ok1"]).await;
    assert_ok(&add("anchor_ok1".into(), 2).await);
    let room = sim.new_room().await;
    let del = json!({"username": "anchor_ok1", "role": 2});
    assert_err(
        &sim.post("/wxaapi/broadcast/role/deleterole", del.clone())
            .await,
        400005,
    );
    sim.force_status(room, 103).await;
    assert_ok(&sim.post("/wxaapi/broadcast/role/deleterole", del).await);
}

#[tokio::test]
async fn rolelist_by_get_and_post_with_masked_names() {
    let sim = Sim::new(true).await;
    let get = sim.get(LIST, "role=2&offset=0&limit=10").await;
    assert_ok(&get);
    assert_eq!(get["total"], 3);
    let first = &get["list"][0];
    assert!(first["username"].as_str().unwrap().contains("****"));
    assert!(first["roleList"].as_array().unwrap().contains(&json!(2)));
    assert!(first["updateTimestamp"].is_string());
    let post = sim
        .post(LIST, json!({"role": 2, "offset": 0, "limit": 10}))
        .await;
    assert_eq!(post["total"], get["total"]);
    assert_eq!(post["list"], get["list"]);
    let all = sim.get(LIST, "x=1").await;
    assert_eq!(all["total"], 8);
    assert_eq!(all["list"].as_array().unwrap().len(), 8);
    let kw = sim.get(LIST, "keyword=%E8%80%81%E7%8E%8B").await; // 老王
    assert_eq!(kw["total"], 1);
}

#[tokio::test]
async fn followers_paging_and_push_message() {
    let sim = Sim::new(true).await;
    let first = sim
        .post("/wxa/business/get_wxa_followers", json!({"limit": 20}))
        .await;
    assert_ok(&first);
    assert_eq!(first["followers"].as_array().unwrap().len(), 20);
    let next = first["page_break"].as_i64().unwrap();
    let second = sim
        .post(
            "/wxa/business/get_wxa_followers",
            json!({"limit": 20, "page_break": next}),
        )
        .await;
    assert_eq!(second["followers"].as_array().unwrap().len(), 16);
    assert_ne!(
        second["followers"][0]["openid"],
        first["followers"][0]["openid"]
    );

    let rooms = sim
        .post(
            "/wxa/business/getliveinfo",
            json!({"start": 0, "limit": 100}),
        )
        .await;
    let with_status = |s: i64| {
        rooms["room_info"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["live_status"] == s)
            .map(|r| r["roomid"].as_u64().unwrap())
            .unwrap()
    };
    let (live, waiting) = (with_status(101), with_status(102));
    let push = |room: u64, n: usize| {
        let ids: Vec<String> = (0..n).map(|i| format!("openid{i}")).collect();
        sim.post(
            "/wxa/business/push_message",
            json!({"room_id": room, "user_openid": ids}),
        )
    };
    assert_err(&push(waiting, 1).await, 9_410_006);
    assert_err(&push(live, 2001).await, 200002);
    let ok = push(live, 2000).await;
    assert_ok(&ok);
    assert!(ok["message_id"].is_string());
    assert_ok(&push(live, 1).await);
    sim.force_status(waiting, 101).await;
    assert_err(&push(waiting, 1).await, 9_410_005);
}

#[tokio::test]
async fn demo_account_is_believable() {
    let sim = Sim::new(true).await;
    let rooms = sim
        .post(
            "/wxa/business/getliveinfo",
            json!({"start": 0, "limit": 100}),
        )
        .await;
    let list = rooms["room_info"].as_array().unwrap();
    for status in 101..=107 {
        assert!(
            list.iter().any(|r| r["live_status"] == status),
            "a room in {status}"
        );
    }
    assert!(list.iter().any(|r| r["live_type"] == 1) && list.iter().any(|r| r["live_type"] == 0));
    assert!(list
        .iter()
        .any(|r| !r["goods"].as_array().unwrap().is_empty()));
    let mut goods = 0;
    for status in 0..=3 {
        let q = format!("status={status}&limit=100");
        let v = sim.get("/wxaapi/broadcast/goods/getapproved", &q).await;
        let n = v["total"].as_u64().unwrap();
        assert!(n > 0, "goods in audit state {status}");
        goods += n;
    }
    assert!((15..=25).contains(&goods));
    let ended = list.iter().find(|r| r["live_status"] == 103).unwrap()["roomid"].clone();
    let replay = json!({"start": 0, "limit": 10, "action": "get_replay", "room_id": ended});
    assert_eq!(
        sim.post("/wxa/business/getliveinfo", replay).await["total"],
        1
    );
    // Demo rule: every ID verified except those starting with "unverified".
    let v = sim.ctl(reqwest::Method::GET, "/verified", None).await;
    assert_eq!(v["all_verified_except_prefix"], "unverified");
    let add = |u: &'static str| sim.post(ADD, json!({"username": u, "role": 2}));
    assert_ok(&add("anybody_1").await);
    assert_err(&add("unverified_1").await, 400002);
}
