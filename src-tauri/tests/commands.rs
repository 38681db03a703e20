//! The commands through Tauri's mock runtime, against the in-process sandbox simulator. Tests that
//! store secrets need a Secret Service: run them through `scripts/with-keyring.sh`.

mod common;

use common::{picture, sim_delete, sim_get, sim_post, TestApp};
use serde_json::{json, Value};

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn form(app: &TestApp, name: &str, anchor_wechat: &str) -> Value {
    let mut f = json!({
        "name": name, "anchorName": "主播小王", "anchorWechat": anchor_wechat,
        "subAnchorWechat": "", "createrWechat": "",
        "startTime": now() + 3600, "endTime": now() + 3 * 3600, "roomType": 1,
        "closeLike": false, "closeGoods": false, "closeComment": false, "closeReplay": true,
        "closeShare": false, "closeKf": true, "isFeedsPublic": true,
        "coverImg": null, "shareImg": null, "feedsImg": null
    });
    for (key, slot, w, h) in [
        ("coverImg", "cover", 1400, 2400),
        ("shareImg", "share", 1000, 800),
        ("feedsImg", "feeds", 900, 900),
    ] {
        let path = picture(app.data_dir(), &format!("{slot}.png"), w, h);
        f[key] = app.ok::<Value>("image_prepare", json!({"slot": slot, "path": path}));
    }
    f
}

fn create_requests(app: &TestApp) -> usize {
    sim_get(&app.sim(), "/__sim/requests")
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["path"] == "/wxaapi/broadcast/room/create")
        .count()
}

#[test]
fn sandbox_is_first_and_its_demo_rooms_list_with_covers() {
    let app = TestApp::new();
    let info: Value = app.ok("app_info", json!({}));
    let listed: Value = app.ok("accounts_list", json!({}));
    let accounts = listed["accounts"].as_array().unwrap();
    assert_eq!(accounts[0]["id"], info["sandboxAccountId"]);
    assert_eq!(accounts[0]["sandbox"], true);
    assert_eq!(accounts[0]["secretSet"], true);
    assert!(accounts[0].get("secret").is_none());

    let cached: Value = app.ok("rooms_cached", json!({"accountId": "sandbox"}));
    assert_eq!(cached["rooms"], json!([]));
    assert_eq!(cached["fetchedAt"], Value::Null);

    let fresh: Value = app.ok("rooms_refresh", json!({"accountId": "sandbox"}));
    let rooms = fresh["rooms"].as_array().unwrap();
    assert!(!rooms.is_empty(), "the demo has rooms");
    assert_eq!(fresh["fromCache"], false);
    for r in rooms {
        let status = r["status"].as_u64().unwrap();
        assert!((101..=107).contains(&status));
        let cover = r["coverImg"].as_str().unwrap();
        assert!(
            cover.is_empty() || cover.starts_with("data:image/"),
            "no remote URL: {cover:.40}"
        );
    }
    assert!(rooms
        .iter()
        .any(|r| r["coverImg"].as_str().unwrap().starts_with("data:image/")));
    // As many as the simulator holds, across pages.
    let listed = sim_get(&app.sim(), "/__sim/stats");
    assert!(listed["requests"].as_u64().unwrap() >= 1);

    let cached: Value = app.ok("rooms_cached", json!({"accountId": "sandbox"}));
    assert_eq!(cached["fromCache"], true);
    assert_eq!(cached["rooms"], fresh["rooms"]);
}

#[test]
fn validation_is_per_field_in_the_users_language_and_sends_nothing() {
    let app = TestApp::new();
    let mut f = form(&app, "春季新品直播", "wang_anchor");
    let none: Vec<Value> = app.ok("room_validate", json!({"accountId": "sandbox", "form": f}));
    assert!(none.is_empty(), "{none:?}");

    f["name"] = json!("短");
    let errs: Vec<Value> = app.ok("room_validate", json!({"accountId": "sandbox", "form": f}));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0]["field"], "name");
    assert_eq!(errs[0]["code"], "width_range");
    assert!(errs[0]["message"].as_str().unwrap().contains("直播间名称"));

    app.ok::<Value>("set_locale", json!({"locale": "en"}));
    let errs: Vec<Value> = app.ok("room_validate", json!({"accountId": "sandbox", "form": f}));
    assert!(
        errs[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("Room name"),
        "{errs:?}"
    );

    let before = create_requests(&app);
    let e = app.err("room_create", json!({"accountId": "sandbox", "form": f}));
    assert_eq!(e["code"], "validation");
    assert_eq!(e["field"], "name");
    assert_eq!(create_requests(&app), before, "nothing was sent");
    // The draft survives the failed submit.
    let draft: Value = app.ok("draft_load", json!({"accountId": "sandbox"}));
    assert_eq!(draft["name"], "短");
}

#[test]
fn creates_a_push_room_with_three_images_and_shows_its_push_address() {
    let app = TestApp::new();
    let f = form(&app, "春季新品直播", "wang_anchor");
    assert_eq!(f["coverImg"]["width"], 1080);
    assert!(f["feedsImg"]["bytes"].as_u64().unwrap() <= 100 * 1024);
    app.ok::<Value>("draft_save", json!({"accountId": "sandbox", "form": f}));

    let created: Value = app.ok("room_create", json!({"accountId": "sandbox", "form": f}));
    let id = created["roomId"].as_i64().unwrap();
    let uploads = sim_get(&app.sim(), "/__sim/requests")
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["path"] == "/cgi-bin/media/upload")
        .count();
    assert_eq!(uploads, 3);
    assert_eq!(
        app.ok::<Value>("draft_load", json!({"accountId": "sandbox"})),
        Value::Null
    );

    let sim_room = sim_get(&app.sim(), &format!("/__sim/rooms/{id}"));
    let push: Value = app.ok(
        "room_push_address",
        json!({"accountId": "sandbox", "roomId": id}),
    );
    let full = push["fullUrl"].as_str().unwrap();
    assert_eq!(
        format!(
            "{}/{}",
            push["server"].as_str().unwrap(),
            push["streamKey"].as_str().unwrap()
        ),
        full
    );
    let stream_name = sim_room["stream_name"].as_str().unwrap();
    assert!(push["streamKey"]
        .as_str()
        .unwrap()
        .starts_with(&format!("{stream_name}?")));
    assert!(push["qrSvg"].as_str().unwrap().contains("<svg"));
    assert!(push["expiresAt"].as_i64().unwrap() > now());

    let rooms: Value = app.ok("rooms_refresh", json!({"accountId": "sandbox"}));
    assert!(rooms["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == id));

    let share: Value = app.ok(
        "room_share_code",
        json!({"accountId": "sandbox", "roomId": id, "params": "{\"from\":\"test\"}"}),
    );
    assert!(share["qrcode"].as_str().unwrap().starts_with("data:image/"));
    assert!(share["poster"].as_str().unwrap().starts_with("data:image/"));
    let out = app.data_dir().join("qr.png");
    app.ok::<Value>(
        "share_save",
        json!({"accountId": "sandbox", "roomId": id, "which": "qrcode", "path": out}),
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"\x89PNG"));

    app.ok::<Value>("room_delete", json!({"accountId": "sandbox", "roomId": id}));
    let rooms: Value = app.ok("rooms_refresh", json!({"accountId": "sandbox"}));
    assert!(!rooms["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == id));
}

#[test]
fn an_unverified_anchor_gets_the_real_name_qr_and_keeps_the_form() {
    let app = TestApp::new();
    let f = form(&app, "实名认证测试直播", "unverified_anchor");
    let e = app.err("room_create", json!({"accountId": "sandbox", "form": f}));
    assert_eq!(e["code"], "anchor_not_verified", "{e}");
    assert_eq!(e["field"], "anchorWechat", "{e}");
    assert!(e["detail"]["qrcode"]
        .as_str()
        .unwrap()
        .starts_with("data:image/png;base64,"));
    assert!(e["detail"]["qrcodeUrl"]
        .as_str()
        .unwrap()
        .starts_with("http"));
    let draft: Value = app.ok("draft_load", json!({"accountId": "sandbox"}));
    assert_eq!(draft["anchorWechat"], "unverified_anchor");
    // The uploaded media ids were kept: a retry does not upload again.
    assert!(draft["coverImg"]["mediaId"].is_string());
}

#[test]
fn the_sandbox_cannot_be_removed_and_unknown_accounts_are_not_found() {
    let app = TestApp::new();
    let e = app.err("account_remove", json!({"id": "sandbox"}));
    assert_eq!(e["code"], "config");
    let e = app.err("rooms_refresh", json!({"accountId": "acc-nope"}));
    assert_eq!(e["code"], "not_found");
}

fn edit_requests(app: &TestApp) -> usize {
    sim_get(&app.sim(), "/__sim/requests")
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["path"] == "/wxaapi/broadcast/room/editroom")
        .count()
}

#[test]
fn a_room_not_started_loads_as_a_form_and_is_edited() {
    let app = TestApp::new();
    let f = form(&app, "春季新品直播", "wang_anchor");
    let created: Value = app.ok("room_create", json!({"accountId": "sandbox", "form": f}));
    let id = created["roomId"].as_i64().unwrap();

    let loaded: Value = app.ok(
        "room_edit_load",
        json!({"accountId": "sandbox", "roomId": id}),
    );
    assert_eq!(loaded["name"], "春季新品直播");
    assert_eq!(loaded["anchorName"], "主播小王");
    assert_eq!(loaded["startTime"], f["startTime"]);
    assert_eq!(loaded["endTime"], f["endTime"]);
    assert_eq!(loaded["roomType"], 1);
    assert_eq!(loaded["closeKf"], true);
    assert_eq!(loaded["closeReplay"], true);
    // WeChat's list has neither the anchor's WeChat ID nor media ids.
    assert_eq!(loaded["anchorWechat"], "");
    assert_eq!(loaded["coverImg"], Value::Null);
    assert_eq!(loaded["shareImg"], Value::Null);
    assert_eq!(loaded["feedsImg"], Value::Null);

    // As loaded, the form is incomplete: a field error, nothing sent.
    let e = app.err(
        "room_edit",
        json!({"accountId": "sandbox", "roomId": id, "form": loaded}),
    );
    assert_eq!(e["code"], "validation", "{e}");
    assert!(e["field"].is_string(), "{e}");
    assert_eq!(edit_requests(&app), 0);

    let mut g = form(&app, "夏季新品直播", "wang_anchor");
    g["closeLike"] = json!(true);
    app.ok::<Value>(
        "room_edit",
        json!({"accountId": "sandbox", "roomId": id, "form": g}),
    );
    assert_eq!(edit_requests(&app), 1);
    let list: Value = app.ok("rooms_refresh", json!({"accountId": "sandbox"}));
    let room = list["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(room["name"], "夏季新品直播");
    assert_eq!(room["closeLike"], true);
    assert_eq!(room["status"], 102);

    // An unverified anchor: 300030 from WeChat (edit has no real-name QR code).
    let mut h = g.clone();
    h["anchorWechat"] = json!("unverified_anchor");
    let e = app.err(
        "room_edit",
        json!({"accountId": "sandbox", "roomId": id, "form": h}),
    );
    assert_eq!(e["detail"]["errcode"], 300030, "{e}");
    assert_eq!(e["field"], "anchorWechat", "shown at the anchor field: {e}");

    let e = app.err(
        "room_edit_load",
        json!({"accountId": "sandbox", "roomId": 987_654_321}),
    );
    assert_eq!(e["code"], "not_found", "{e}");
}

#[test]
fn a_started_room_cannot_be_edited() {
    let app = TestApp::new();
    let list: Value = app.ok("rooms_refresh", json!({"accountId": "sandbox"}));
    let live = list["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["status"] != 102)
        .expect("the demo has rooms that are not 102")["id"]
        .as_i64()
        .unwrap();
    let f = form(&app, "春季新品直播", "wang_anchor");
    let e = app.err(
        "room_edit",
        json!({"accountId": "sandbox", "roomId": live, "form": f}),
    );
    assert_eq!(e["code"], "wechat", "{e}");
    assert_eq!(e["detail"]["errcode"], 300023, "{e}");
    assert_eq!(e["message"], "只有尚未开播的直播间可以编辑", "{e}");
}

#[test]
fn a_create_cut_off_after_sending_is_maybe_sent_and_the_room_list_finds_it() {
    let app = TestApp::new();
    let f = form(&app, "断网测试直播间", "wang_anchor");
    let before = create_requests(&app);
    // WeChat creates the room, then the connection drops before the answer; the client's own
    // look at the room list fails too, so nobody can tell whether the room exists.
    sim_post(
        &app.sim(),
        "/__sim/faults",
        json!({"path": "/wxaapi/broadcast/room/create", "kind": "drop_after", "count": 1}),
    );
    sim_post(
        &app.sim(),
        "/__sim/faults",
        json!({"path": "/wxa/business/getliveinfo", "kind": "drop", "count": 100}),
    );
    let e = app.err("room_create", json!({"accountId": "sandbox", "form": f}));
    assert_eq!(e["code"], "maybe_sent", "{e}");
    assert!(
        e["message"].as_str().unwrap().contains("检查直播间列表"),
        "says what to check, not 'retry': {e}"
    );
    assert_eq!(create_requests(&app), before + 1, "sent once, not resent");
    // The form survived, with the media ids of its uploads.
    let draft: Value = app.ok("draft_load", json!({"accountId": "sandbox"}));
    assert_eq!(draft["name"], "断网测试直播间");
    assert!(draft["coverImg"]["mediaId"].is_string());

    // The network is back: checking the list finds the room that was made, and the draft is done.
    sim_delete(&app.sim(), "/__sim/faults");
    let found: Value = app.ok(
        "room_find_created",
        json!({"accountId": "sandbox", "form": draft}),
    );
    let id = found["roomId"].as_i64().expect("the room was found");
    assert_eq!(
        sim_get(&app.sim(), &format!("/__sim/rooms/{id}"))["name"],
        "断网测试直播间"
    );
    assert_eq!(create_requests(&app), before + 1, "still one create");
    assert_eq!(
        app.ok::<Value>("draft_load", json!({"accountId": "sandbox"})),
        Value::Null
    );
    // A form that was never created is not found.
    let other = form(&app, "从未创建的直播间", "wang_anchor");
    let none: Value = app.ok(
        "room_find_created",
        json!({"accountId": "sandbox", "form": other}),
    );
    assert_eq!(none, Value::Null);
}

#[test]
fn a_create_refused_before_sending_is_a_network_error_that_keeps_the_form() {
    let app = TestApp::new();
    let f = form(&app, "网络故障测试直播", "wang_anchor");
    // Every create request is answered with a gateway error page.
    sim_post(
        &app.sim(),
        "/__sim/faults",
        json!({"path": "/wxaapi/broadcast/room/create", "kind": "html502"}),
    );
    let e = app.err("room_create", json!({"accountId": "sandbox", "form": f}));
    assert!(
        e["code"] == "network" || e["code"] == "maybe_sent",
        "a gateway error is never a plain success: {e}"
    );
    let draft: Value = app.ok("draft_load", json!({"accountId": "sandbox"}));
    assert_eq!(draft["name"], "网络故障测试直播");
}

#[test]
fn a_garbage_database_is_moved_aside_and_the_app_opens_on_a_fresh_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(livedesk_core::DB_FILE);
    let garbage = b"LiveDesk? no: these bytes are not SQLite at all. ".repeat(200);
    std::fs::write(&db, &garbage).unwrap();
    let app = TestApp::over(
        dir,
        format!("app.livedesk.test.{:016x}", common::rand_u64()),
    );
    let info: Value = app.ok("app_info", json!({}));
    let moved = info["storeRecovered"]["movedTo"].as_str().expect("{info}");
    assert!(moved.contains(".corrupt-"), "{moved}");
    assert_eq!(
        std::fs::read(moved).unwrap(),
        garbage,
        "the bad file is kept"
    );
    // The app works on the fresh store: the sandbox lists its rooms, and a draft is saved.
    let rooms: Value = app.ok("rooms_refresh", json!({"accountId": "sandbox"}));
    assert!(!rooms["rooms"].as_array().unwrap().is_empty());
    let f = form(&app, "新数据库里的草稿", "wang_anchor");
    app.ok::<Value>("draft_save", json!({"accountId": "sandbox", "form": f}));
    let draft: Value = app.ok("draft_load", json!({"accountId": "sandbox"}));
    assert_eq!(draft["name"], "新数据库里的草稿");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}
