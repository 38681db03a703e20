//! Room create validation boundaries and errcodes (R1), edit (R4) and delete (R3).

mod common;

use common::{assert_err, assert_ok, Sim};
use serde_json::{json, Value};

async fn create_with(sim: &Sim, base: &Value, key: &str, value: Value) -> Value {
    let mut body = base.clone();
    body[key] = value;
    sim.create_room(&body).await
}

#[tokio::test]
async fn room_name_width_boundaries() {
    let sim = Sim::new(false).await;
    sim.verify(&["anchor_ok1"]).await;
    let base = sim.room_body().await;
    let cases = [
        ("直播", 300002),                                 // 2 CJK = 4 units
        ("直播间", 0),                                    // 3 CJK = 6 units
        ("一二三四五六七八九十一二三四五六七", 0),        // 17 CJK = 34
        ("一二三四五六七八九十一二三四五六七八", 300002), // 18 CJK = 36
        ("abcdef", 0),                                    // 6 ASCII
        ("abcde", 300002),                                // 5 ASCII
        ("ab直播", 0),                                    // 2 + 4 = 6
        ("a直播", 300002),                                // 1 + 4 = 5
        ("直播间😀", 300040),
        ("直播😀", 300040), // 4 + 2 = 6 units: the width passes, the emoji does not
        ("😀", 300002),     // width is checked first
        ("abcde直播间文字多一些了", 0), // 5 + 18 = 23 units
        ("违禁直播间", 300028),
    ];
    for (name, code) in cases {
        let v = create_with(&sim, &base, "name", json!(name)).await;
        if code == 0 {
            assert_ok(&v);
            assert!(v["roomId"].as_u64().is_some(), "{name}: {v}");
        } else {
            assert_err(&v, code);
        }
    }
}

#[tokio::test]
async fn anchor_name_width_and_content() {
    let sim = Sim::new(false).await;
    sim.verify(&["anchor_ok1"]).await;
    let base = sim.room_body().await;
    for (name, code) in [
        ("小", 300034),
        ("小美", 0),
        ("一二三四五六七八九十一二三四五", 0),
        ("一二三四五六七八九十一二三四五六", 300034),
        ("违禁主播", 300029),
    ] {
        let v = create_with(&sim, &base, "anchorName", json!(name)).await;
        assert_eq!(v["errcode"], code, "{name}: {v}");
    }
}

#[tokio::test]
async fn start_time_and_duration_boundaries() {
    let sim = Sim::new(false).await;
    sim.verify(&["anchor_ok1"]).await;
    let base = sim.room_body().await;
    let now = sim.now().await;
    let with_times = |start: i64, end: i64| {
        let mut b = base.clone();
        b["startTime"] = json!(start);
        b["endTime"] = json!(end);
        b
    };
    let cases = [
        (now + 600, now + 600 + 3600, 0),
        (now + 599, now + 599 + 3600, 200002),
        (now + 601, now + 601 + 3600, 0),
        ((now + 3600) * 1000, (now + 7200) * 1000, 200002),
        (now + 15_552_000, now + 15_552_000 + 3600, 0),
        (now + 15_552_001, now + 15_552_001 + 3600, 200002),
        (now + 3600, now + 3600 + 1800, 0),
        (now + 3600, now + 3600 + 86_400, 0),
        (now + 3600, now + 3600 + 1799, 200002),
        (now + 3600, now + 3600 + 86_401, 200002),
    ];
    for (start, end, code) in cases {
        let v = sim.create_room(&with_times(start, end)).await;
        if code == 0 {
            assert_ok(&v);
        } else {
            assert_err(&v, code);
            assert!(v["errmsg"]
                .as_str()
                .unwrap()
                .starts_with("parameter startTime or endTime is invalid"));
        }
    }
}

#[tokio::test]
async fn image_slots_check_pixels_bytes_and_ids() {
    let sim = Sim::new(false).await;
    sim.verify(&["anchor_ok1"]).await;
    let base = sim.room_body().await;
    let big_cover = sim.media(1081, 1920).await;
    assert_err(
        &create_with(&sim, &base, "coverImg", json!(big_cover)).await,
        300031,
    );
    assert_err(
        &create_with(&sim, &base, "coverImg", json!("nope")).await,
        300031,
    );
    let big_share = sim.media(800, 641).await;
    assert_err(
        &create_with(&sim, &base, "shareImg", json!(big_share)).await,
        300032,
    );
    let heavy_share = sim.upload(800, 640, 1024 * 1024 + 1).await["media_id"].clone();
    assert_err(
        &create_with(&sim, &base, "shareImg", heavy_share).await,
        300032,
    );
    let heavy_feeds = sim.upload(100, 100, 100 * 1024 + 1).await["media_id"].clone();
    assert_err(
        &create_with(&sim, &base, "feedsImg", heavy_feeds).await,
        300037,
    );
    let ok_feeds = sim.upload(100, 100, 100 * 1024).await["media_id"].clone();
    assert_ok(&create_with(&sim, &base, "feedsImg", ok_feeds).await);
}

#[tokio::test]
async fn anchors_and_creator_rules() {
    let sim = Sim::new(false).await;
    let mut base = sim.room_body().await;
    base["anchorWechat"] = json!("anchor_new9");
    let v = sim.create_room(&base).await;
    assert_err(&v, 300036);
    assert!(v.get("roomId").is_none());
    let qr = v["qrcode_url"].as_str().expect("qrcode_url");
    let png = sim
        .http
        .get(qr)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(png.starts_with(b"\x89PNG"), "qrcode_url serves a PNG");
    sim.verify(&["anchor_new9"]).await;
    assert_ok(&sim.create_room(&base).await);
    let sub = create_with(&sim, &base, "subAnchorWechat", json!("someone_else")).await;
    assert_err(&sub, 300039);
    let creator = create_with(&sim, &base, "createrWechat", json!("1 not an id")).await;
    assert_err(&creator, 300041);
    let kf = create_with(&sim, &base, "closeKf", json!(0)).await;
    assert_err(&kf, 300038);
    assert_err(
        &create_with(&sim, &base, "anchorWechat", json!("x")).await,
        300030,
    );
}

#[tokio::test]
async fn defaults_and_ignored_legacy_fields() {
    let sim = Sim::new(false).await;
    sim.verify(&["anchor_ok1"]).await;
    let mut body = sim.room_body().await;
    body["anchorImg"] = json!("whatever");
    body["screenType"] = json!(1);
    let id = sim.create_room(&body).await["roomId"].as_u64().unwrap();
    let list = sim
        .post(
            "/wxa/business/getliveinfo",
            json!({"start": 0, "limit": 10}),
        )
        .await;
    let room = &list["room_info"][0];
    assert_eq!(room["roomid"], id);
    assert_eq!(room["is_feeds_public"], 1);
    assert_eq!(room["close_replay"], 1);
    assert_eq!(room["close_kf"], 1);
    assert_eq!(room["live_status"], 102);
    let rec = sim
        .ctl(reqwest::Method::GET, &format!("/rooms/{id}"), None)
        .await;
    assert_eq!(rec["close_share"], 0);
}

#[tokio::test]
async fn body_format_errors() {
    let sim = Sim::new(false).await;
    let url = format!(
        "{}/wxaapi/broadcast/room/create?access_token={}",
        sim.base, sim.token
    );
    let send = |body: &'static str| {
        let req = sim.http.post(&url).body(body);
        async move { req.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    assert_err(&send("").await, 44002);
    assert_err(&send("name=abc&x=1").await, 47001);
    assert_err(&send("[1,2]").await, 47001);
    let v = send(r#"{"name": "测试直播间"}"#).await;
    assert_err(&v, 200002);
    assert!(v["errmsg"]
        .as_str()
        .unwrap()
        .starts_with("parameter coverImg must no be null"));
}

#[tokio::test]
async fn edit_only_before_start_and_unverified_anchor() {
    let sim = Sim::new(false).await;
    let id = sim.new_room().await;
    let mut body = sim.room_body().await;
    body["id"] = json!(id);
    body["name"] = json!("改过的直播间");
    assert_ok(
        &sim.post("/wxaapi/broadcast/room/editroom", body.clone())
            .await,
    );
    let rec = sim
        .ctl(reqwest::Method::GET, &format!("/rooms/{id}"), None)
        .await;
    assert_eq!(rec["name"], "改过的直播间");
    let mut unverified = body.clone();
    unverified["anchorWechat"] = json!("nobody_here");
    let v = sim
        .post("/wxaapi/broadcast/room/editroom", unverified)
        .await;
    assert_err(&v, 300030);
    assert!(v["errmsg"]
        .as_str()
        .unwrap()
        .starts_with("room wxnumber not have an anchor role"));
    body["id"] = json!(999);
    assert_err(
        &sim.post("/wxaapi/broadcast/room/editroom", body.clone())
            .await,
        300022,
    );
    body["id"] = json!(id);
    sim.force_status(id, 101).await;
    assert_err(
        &sim.post("/wxaapi/broadcast/room/editroom", body).await,
        300023,
    );
}

#[tokio::test]
async fn delete_room_uses_id_and_not_while_live() {
    let sim = Sim::new(false).await;
    let id = sim.new_room().await;
    sim.force_status(id, 101).await;
    let del = |room: u64| sim.post("/wxaapi/broadcast/room/deleteroom", json!({ "id": room }));
    assert_err(&del(id).await, 300023);
    sim.force_status(id, 103).await;
    assert_ok(&del(id).await);
    assert_err(&del(id).await, 300022);
    let v = sim
        .post("/wxaapi/broadcast/room/deleteroom", json!({ "roomId": id }))
        .await;
    assert_err(&v, 200002);
}
