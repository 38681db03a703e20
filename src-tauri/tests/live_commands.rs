//! The live console's commands through Tauri's mock runtime, against the in-process sandbox: the
//! argument names the UI sends, the rundown and queue shapes it reads, field errors, the live lock,
//! and the hotkey's rules (the OS side needs a display: the e2e presses the real key).

mod common;

use common::{sim_delete, sim_get, sim_post, TestApp};
use serde_json::{json, Value};

const CHANNEL: &str = "__CHANNEL__:9";

#[test]
fn a_rundown_is_built_and_pushed_through_the_commands() {
    let app = TestApp::new();
    sim_post(&app.sim(), "/__sim/push_window", json!({"ms": 0}));
    app.ok::<Value>("live_follow", json!({"channel": CHANNEL}));
    let shelf: Value = app.ok("shelf_list", json!({"accountId": "sandbox", "roomId": 1}));
    let goods_id = shelf["goods"][1]["goodsId"].as_i64().unwrap();
    let sale: Value = app.ok(
        "live_act",
        json!({"accountId": "sandbox", "roomId": 1,
               "action": {"kind": "sale", "goodsId": goods_id, "onSale": true}}),
    );
    assert_eq!(sale["state"]["state"], "done");

    let room = json!({"accountId": "sandbox", "roomId": 1});
    let e = app.err(
        "rundown_add",
        json!({"accountId": "sandbox", "roomId": 1, "after": null,
               "item": {"kind": "talk", "title": " ", "script": "", "plannedSecs": 60}}),
    );
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("validation"), Some("title"))
    );
    let r: Value = app.ok(
        "rundown_add",
        json!({"accountId": "sandbox", "roomId": 1, "after": null,
               "item": {"kind": "talk", "title": "开场", "script": "欢迎", "plannedSecs": 60}}),
    );
    let talk = r["items"][0]["id"].as_i64().unwrap();
    let r: Value = app.ok(
        "rundown_add",
        json!({"accountId": "sandbox", "roomId": 1, "after": null,
               "item": {"kind": "goods", "goodsId": goods_id, "title": "", "script": "", "plannedSecs": 300}}),
    );
    assert_eq!(r["items"][1]["title"], shelf["goods"][1]["name"]);
    assert_eq!(r["nextId"], talk);

    let s: Value = app.ok("rundown_push_next", room.clone());
    assert_eq!(s["rundown"]["currentId"], talk);
    assert_eq!(s["push"], Value::Null);
    sim_delete(&app.sim(), "/__sim/requests");
    let s: Value = app.ok("rundown_push_next", room.clone());
    assert_eq!(s["push"]["state"]["state"], "done", "{s}");
    assert_eq!(
        s["push"]["action"],
        json!({"kind": "push", "goodsId": goods_id})
    );
    let log = sim_get(&app.sim(), "/__sim/requests");
    let paths: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["path"].as_str())
        .filter(|p| !p.contains("token"))
        .collect();
    assert_eq!(paths, ["/wxaapi/broadcast/goods/push"]);
    let e = app.err("rundown_push_next", room.clone());
    assert_eq!(e["field"], "rundown");

    let state: Value = app.ok("live_state", room.clone());
    let kinds: Vec<&str> = state["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["sale", "push"]);
    assert_eq!(state["unlockedUntilMs"], Value::Null);
}

#[test]
fn removing_in_a_live_room_needs_the_unlock() {
    let app = TestApp::new();
    let room = json!({"accountId": "sandbox", "roomId": 1});
    let shelf: Value = app.ok("shelf_list", room.clone());
    let goods_id = shelf["goods"][0]["goodsId"].as_i64().unwrap();
    let remove = json!({"accountId": "sandbox", "roomId": 1, "action": {"kind": "remove", "goodsId": goods_id}});
    let locked: Value = app.ok("live_act", remove.clone());
    assert_eq!(locked["state"]["state"], "failed");
    assert_eq!(locked["state"]["sent"], false);
    let e = app.err("room_delete", room.clone());
    assert_eq!(e["code"], "live_locked");

    let until: i64 = app.ok("live_unlock", room.clone());
    assert!(until > 0);
    let state: Value = app.ok("live_state", room.clone());
    assert_eq!(state["unlockedUntilMs"], until);
    let removed: Value = app.ok("live_act", remove);
    assert_eq!(removed["state"]["state"], "done", "{removed}");
    app.ok::<Value>("live_relock", room.clone());
    let state: Value = app.ok("live_state", room);
    assert_eq!(state["unlockedUntilMs"], Value::Null);
}

#[test]
fn the_hotkey_is_checked_before_the_os_is_asked() {
    let app = TestApp::new();
    let status: Value = app.ok("hotkey_status", json!({}));
    assert_eq!(status["pushNext"], "Ctrl+Alt+N");
    assert_eq!(status["registered"], false);
    let e = app.err("hotkey_set", json!({"accelerator": "Ctrl+V"}));
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("validation"), Some("pushNext"))
    );
    assert!(e["message"].as_str().unwrap().contains("粘贴"), "{e}");
    // No global-shortcut service here (the mock runtime starts no plugin): said at the field.
    let e = app.err("hotkey_set", json!({"accelerator": "ctrl+alt+k"}));
    assert_eq!(e["field"], "pushNext");
    assert!(e["message"].as_str().unwrap().contains("全局快捷键"), "{e}");
    app.ok::<Value>("live_arm", json!({"accountId": "sandbox", "roomId": 1}));
    app.ok::<Value>("live_arm", json!({"accountId": null, "roomId": null}));
}
