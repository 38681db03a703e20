//! getliveinfo (list, replay), push URL, share code, assistants, sub-anchor, switches, status machine.

mod common;

use common::{assert_err, assert_ok, Sim};
use md5::{Digest, Md5};
use serde_json::json;

const LIST: &str = "/wxa/business/getliveinfo";

#[tokio::test]
async fn list_sorted_paged_and_empty() {
    let sim = Sim::new(false).await;
    let empty = sim.post(LIST, json!({"start": 0, "limit": 10})).await;
    assert_err(&empty, 9_410_000);
    assert_eq!(empty["room_info"], json!([]));
    assert_eq!(empty["live_replay"], json!([]));
    sim.ctl_post("/seed", json!({"rooms": 150, "goods": 0}))
        .await;
    let page = sim.post(LIST, json!({"start": 0, "limit": 500})).await;
    assert_ok(&page);
    assert_eq!(page["total"], 150);
    let rooms = page["room_info"].as_array().unwrap();
    assert_eq!(rooms.len(), 100, "limit is capped at 100");
    let starts: Vec<i64> = rooms
        .iter()
        .map(|r| r["start_time"].as_i64().unwrap())
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] >= w[1]),
        "start_time descending"
    );
    let tail = sim.post(LIST, json!({"start": 100, "limit": 100})).await;
    assert_eq!(tail["room_info"].as_array().unwrap().len(), 50);
    assert_err(
        &sim.post(LIST, json!({"start": 150, "limit": 10})).await,
        9_410_000,
    );
    assert_err(&sim.post(LIST, json!({"limit": 10})).await, 200002);
}

#[tokio::test]
async fn status_machine_on_the_clock_and_replay() {
    let mut sim = Sim::new(false).await;
    let id = sim.new_room().await;
    let rec = sim
        .ctl(reqwest::Method::GET, &format!("/rooms/{id}"), None)
        .await;
    let end = rec["end_time"].as_i64().unwrap();
    let now = sim.now().await;
    sim.advance(end - now).await;
    sim.refresh_token().await;
    let status = |v: serde_json::Value| v["room_info"][0]["live_status"].as_i64().unwrap();
    assert_eq!(
        status(sim.post(LIST, json!({"start": 0, "limit": 1})).await),
        102
    );
    sim.advance(1).await;
    assert_eq!(
        status(sim.post(LIST, json!({"start": 0, "limit": 1})).await),
        107
    );

    let live = sim.new_room().await;
    sim.force_status(live, 106).await;
    sim.advance(899).await;
    let replay = json!({"start": 0, "limit": 10, "action": "get_replay", "room_id": live});
    let rec = sim
        .ctl(reqwest::Method::GET, &format!("/rooms/{live}"), None)
        .await;
    assert_eq!(rec["status"], 106);
    sim.advance(1).await;
    let rec = sim
        .ctl(reqwest::Method::GET, &format!("/rooms/{live}"), None)
        .await;
    assert_eq!(rec["status"], 103, "abnormal for 15 min ends the room");
    sim.advance(599).await;
    assert_err(&sim.post(LIST, replay.clone()).await, 9_410_000);
    sim.advance(1).await;
    let v = sim.post(LIST, replay).await;
    assert_ok(&v);
    assert_eq!(v["total"], 1);
    let seg = &v["live_replay"][0];
    assert!(seg["create_time"].is_i64() && seg["expire_time"].is_i64());
    assert!(seg["media_url"].as_str().unwrap().starts_with("http"));
    assert!(v.get("room_info").is_none());
}

#[tokio::test]
async fn push_url_is_signed_get_only_and_ignores_a_body() {
    let sim = Sim::new(false).await;
    let id = sim.new_room().await;
    let path = "/wxaapi/broadcast/room/getpushurl";
    let url = format!("{}{path}?roomId={id}&access_token={}", sim.base, sim.token);
    // A JSON body on a GET is ignored: roomId comes from the query.
    let v: serde_json::Value = sim
        .http
        .get(&url)
        .json(&json!({"roomId": 999}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ok(&v);
    let addr = v["pushAddr"].as_str().unwrap();
    let rec = sim
        .ctl(reqwest::Method::GET, &format!("/rooms/{id}"), None)
        .await;
    assert_eq!(rec["push_url"], addr);
    let stream = rec["stream_name"].as_str().unwrap();
    assert_eq!(stream, format!("{}-{id}", sim.handle.app_id()));
    let (head, query) = addr.split_once('?').unwrap();
    assert_eq!(
        head,
        format!("rtmp://wxalivepush.weixin.qq.com/live/{stream}")
    );
    let (secret, tx_time) = query
        .strip_prefix("txSecret=")
        .and_then(|q| q.split_once("&txTime="))
        .unwrap();
    assert_eq!(
        i64::from_str_radix(tx_time, 16).unwrap(),
        sim.now().await + 86_400
    );
    let key = rec["push_key"].as_str().unwrap();
    let expect = hex::encode(Md5::digest(format!("{key}{stream}{tx_time}").as_bytes()));
    assert_eq!(secret, expect);
    let post = sim
        .raw_post(
            &format!("{path}?roomId={id}&access_token={}", sim.token),
            &json!({}),
        )
        .await;
    assert_err(&post, 43001);
    assert_err(&sim.get(path, "roomId=999").await, 300022);
    sim.force_status(id, 103).await;
    assert_err(&sim.get(path, &format!("roomId={id}")).await, 300023);
}

#[tokio::test]
async fn shared_code_serves_pngs() {
    let sim = Sim::new(false).await;
    let id = sim.new_room().await;
    let v = sim
        .get(
            "/wxaapi/broadcast/room/getsharedcode",
            &format!("roomId={id}&params=%7B%7D"),
        )
        .await;
    assert_ok(&v);
    assert_eq!(
        v["pagePath"],
        format!("plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id={id}")
    );
    for key in ["cdnUrl", "posterUrl"] {
        let res = sim.http.get(v[key].as_str().unwrap()).send().await.unwrap();
        assert_eq!(res.headers()["content-type"], "image/png");
        assert!(res.bytes().await.unwrap().starts_with(b"\x89PNG"));
    }
    let long = "a".repeat(601);
    let v = sim
        .get(
            "/wxaapi/broadcast/room/getsharedcode",
            &format!("roomId={id}&params={long}"),
        )
        .await;
    assert_err(&v, 1001);
    assert_err(
        &sim.get("/wxaapi/broadcast/room/getsharedcode", "roomId=77")
            .await,
        300022,
    );
}

#[tokio::test]
async fn assistants_up_to_ten() {
    let sim = Sim::new(false).await;
    let id = sim.new_room().await;
    let users: Vec<_> = (0..10)
        .map(|i| json!({"username": format!("helper_{i:02}"), "nickname": format!("助手{i}")}))
        .collect();
    let add = |users: serde_json::Value| {
        sim.post(
            "/wxaapi/broadcast/room/addassistant",
            json!({"roomId": id, "users": users}),
        )
    };
    assert_ok(&add(json!(users)).await);
    assert_err(
        &add(json!([{"username": "helper_99", "nickname": "多"}])).await,
        200002,
    );
    let list = sim
        .get(
            "/wxaapi/broadcast/room/getassistantlist",
            &format!("roomId={id}"),
        )
        .await;
    assert_eq!(list["count"], 10);
    assert_eq!(list["maxCount"], 10);
    assert_eq!(list["list"][0]["alias"], "helper_00");
    let modify = json!({"roomId": id, "username": "helper_00", "nickname": "新名字"});
    assert_ok(
        &sim.post("/wxaapi/broadcast/room/modifyassistant", modify)
            .await,
    );
    let remove = json!({"roomId": id, "username": "helper_00"});
    assert_ok(
        &sim.post("/wxaapi/broadcast/room/removeassistant", remove)
            .await,
    );
    let list = sim
        .get(
            "/wxaapi/broadcast/room/getassistantlist",
            &format!("roomId={id}"),
        )
        .await;
    assert_eq!(list["count"], 9);
}

#[tokio::test]
async fn sub_anchor_rules() {
    let sim = Sim::new(false).await;
    let id = sim.new_room().await;
    let call = |path: &'static str, user: &'static str| {
        sim.post(path, json!({"roomId": id, "username": user}))
    };
    let add = "/wxaapi/broadcast/room/addsubanchor";
    let modify = "/wxaapi/broadcast/room/modifysubanchor";
    assert_err(&call(add, "anchor_ok1").await, 500005);
    assert_err(&call(add, "not_verified").await, 500002);
    sim.verify(&["sub_anchor1", "sub_anchor2"]).await;
    assert_ok(&call(add, "sub_anchor1").await);
    assert_err(&call(add, "sub_anchor2").await, 500004);
    assert_err(&call(modify, "sub_anchor1").await, 500004);
    assert_err(&call(modify, "not_verified").await, 500002);
    assert_ok(&call(modify, "sub_anchor2").await);
    let get = sim
        .get(
            "/wxaapi/broadcast/room/getsubanchor",
            &format!("roomId={id}"),
        )
        .await;
    assert_eq!(get["username"], "sub_anchor2");
    let del = json!({"roomId": id});
    assert_ok(
        &sim.post("/wxaapi/broadcast/room/deletesubanchor", del)
            .await,
    );
    let get = sim
        .get(
            "/wxaapi/broadcast/room/getsubanchor",
            &format!("roomId={id}"),
        )
        .await;
    assert_eq!(get["username"], "");
}

#[tokio::test]
async fn switches_and_updatecomment_key_forms() {
    let sim = Sim::new(false).await;
    let id = sim.new_room().await;
    let sim = &sim;
    let p = |path: String, body: serde_json::Value| async move { sim.post(&path, body).await };
    let r = "/wxaapi/broadcast/room/";
    assert_ok(
        &p(
            format!("{r}updatefeedpublic"),
            json!({"roomId": id, "isFeedsPublic": 0}),
        )
        .await,
    );
    assert_ok(
        &p(
            format!("{r}updatereplay"),
            json!({"roomId": id, "closeReplay": 0}),
        )
        .await,
    );
    assert_ok(&p(format!("{r}updatekf"), json!({"roomId": id, "closeKf": 1})).await);
    assert_err(
        &p(format!("{r}updatekf"), json!({"roomId": id, "closeKf": 0})).await,
        300038,
    );
    assert_ok(
        &p(
            format!("{r}updatecomment"),
            json!({"roomId": id, "banComment": 1}),
        )
        .await,
    );
    assert_ok(
        &p(
            format!("{r}updatecomment"),
            json!({"id": id, "banComment": 0}),
        )
        .await,
    );
    assert_err(
        &p(
            format!("{r}updatecomment"),
            json!({"id": 404, "banComment": 0}),
        )
        .await,
        300022,
    );
    assert_err(
        &p(
            format!("{r}updatefeedpublic"),
            json!({"roomId": id, "isFeedsPublic": 2}),
        )
        .await,
        200002,
    );
    let rec = sim
        .ctl(reqwest::Method::GET, &format!("/rooms/{id}"), None)
        .await;
    assert_eq!(rec["is_feeds_public"], 0);
    assert_eq!(rec["close_replay"], 0);
    sim.force_status(id, 103).await;
    assert_err(
        &p(
            format!("{r}updatecomment"),
            json!({"roomId": id, "banComment": 1}),
        )
        .await,
        300023,
    );
    assert_err(
        &p(
            format!("{r}updatereplay"),
            json!({"roomId": id, "closeReplay": 1}),
        )
        .await,
        300023,
    );
}
