//! Accounts with their secrets in a real Secret Service: run through `scripts/with-keyring.sh`
//! (as `make test` does).

mod common;

use common::{files_containing, TestApp};
use livedesk_core::vault::SecretKind;
use serde_json::{json, Value};
use wechat_live_sim::SimConfig;

/// A second simulator whose secret is a unique canary, so it can be searched for afterwards.
fn sim_with_secret(secret: &str) -> wechat_live_sim::SimHandle {
    tauri::async_runtime::block_on(wechat_live_sim::start(SimConfig {
        app_id: "wxcanary0000test".into(),
        secret: secret.into(),
        ..SimConfig::default()
    }))
    .unwrap()
}

#[test]
fn add_verify_rename_replace_remove_and_the_secret_is_nowhere_on_disk() {
    let app = TestApp::new();
    let canary = format!("canary-secret-{:016x}", common::rand_u64());
    let sim = sim_with_secret(&canary);
    let added: Value = app.ok(
        "account_add",
        json!({"input": {"name": "测试小程序", "appId": "wxcanary0000test", "secret": canary,
                          "baseUrl": sim.base_url()}}),
    );
    let id = added["id"].as_str().unwrap().to_owned();
    assert_eq!(added["secretSet"], true);
    assert_eq!(added["sandbox"], false);
    assert!(added["verifiedAt"].as_i64().is_some());
    assert!(!added.to_string().contains(&canary));

    let listed: Value = app.ok("accounts_list", json!({}));
    assert_eq!(listed["keyring"], "ok");
    let list = listed["accounts"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["sandbox"], true);
    assert_eq!(list[1]["id"], id.as_str());
    assert_eq!(list[1]["secretSet"], true);
    assert!(!listed.to_string().contains(&canary));

    let verified: Value = app.ok("account_verify", json!({"id": id}));
    assert_eq!(verified["ok"], true);
    let rooms: Value = app.ok("rooms_refresh", json!({"accountId": id}));
    assert_eq!(rooms["rooms"], json!([]));

    let renamed: Value = app.ok("account_rename", json!({"id": id, "name": "改名"}));
    assert_eq!(renamed["name"], "改名");

    // A wrong secret replaces the right one (keyring first) and the check says so.
    let replaced: Value = app.ok("account_set_secret", json!({"id": id, "secret": "wrong"}));
    assert_eq!(replaced["verifiedAt"], Value::Null);
    let verified: Value = app.ok("account_verify", json!({"id": id}));
    assert_eq!(verified["ok"], false);
    assert!(!verified["message"].as_str().unwrap().is_empty());
    app.ok::<Value>("account_set_secret", json!({"id": id, "secret": canary}));
    let verified: Value = app.ok("account_verify", json!({"id": id}));
    assert_eq!(verified["ok"], true);

    // The secret is in the keyring and nowhere in the app's data dir (SQLite, WAL, images).
    assert!(app.core().vault.has(SecretKind::AppSecret, &id).unwrap());
    let hits = files_containing(app.data_dir(), canary.as_bytes());
    assert!(hits.is_empty(), "secret found in {hits:?}");

    app.ok::<Value>("account_remove", json!({"id": id}));
    assert!(
        !app.core().vault.has(SecretKind::AppSecret, &id).unwrap(),
        "keyring entry removed"
    );
    let list: Value = app.ok("accounts_list", json!({}));
    assert_eq!(list["accounts"].as_array().unwrap().len(), 1);
    tauri::async_runtime::block_on(sim.shutdown());
}

#[test]
fn a_rejected_secret_leaves_nothing_behind() {
    let app = TestApp::new();
    let sim = sim_with_secret("the-right-one");
    let e = app.err(
        "account_add",
        json!({"input": {"name": "错密钥", "appId": "wxcanary0000test", "secret": "not-it",
                          "baseUrl": sim.base_url()}}),
    );
    assert_eq!(e["code"], "wechat", "{e}");
    assert!(e["detail"]["errcode"].as_i64().is_some());
    let list: Value = app.ok("accounts_list", json!({}));
    assert_eq!(
        list["accounts"].as_array().unwrap().len(),
        1,
        "only the sandbox"
    );
    tauri::async_runtime::block_on(sim.shutdown());
}

#[test]
fn bad_input_is_a_field_error_before_the_keyring() {
    let app = TestApp::new();
    let e = app.err(
        "account_add",
        json!({"input": {"name": "x", "appId": "wx 12", "secret": "s", "baseUrl": null}}),
    );
    assert_eq!(e["code"], "validation");
    assert_eq!(e["field"], "appId");
    let e = app.err(
        "account_add",
        json!({"input": {"name": "x", "appId": "wx12", "secret": "s", "baseUrl": "ftp://x"}}),
    );
    assert_eq!(e["field"], "baseUrl");
    // The secret never goes over plain http to another machine: refused before the keyring.
    let e = app.err(
        "account_add",
        json!({"input": {"name": "x", "appId": "wx12", "secret": "s",
                          "baseUrl": "http://api.weixin.qq.com"}}),
    );
    assert_eq!(e["code"], "validation", "{e}");
    assert_eq!(e["field"], "baseUrl", "{e}");
    let list: Value = app.ok("accounts_list", json!({}));
    assert_eq!(
        list["accounts"].as_array().unwrap().len(),
        1,
        "nothing stored"
    );
}
