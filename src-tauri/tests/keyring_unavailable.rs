//! With no Secret Service reachable, adding an account says what to do and saves nothing.
//! (Its own test binary: it points this process's session bus at nothing.)

mod common;

use std::sync::Once;

use common::TestApp;
use serde_json::{json, Value};

/// Points the session bus at nothing, once for the whole binary, before either test starts an app:
/// the tests run on parallel threads, and changing the environment while another thread reads it
/// (D-Bus does, when it connects) is a race.
fn without_a_bus() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::env::set_var(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/livedesk-no-bus",
        )
    });
}

#[test]
fn no_secret_service_means_keyring_unavailable_and_nothing_saved() {
    without_a_bus();
    let app = TestApp::new();
    app.ok::<Value>("set_locale", json!({"locale": "en"}));
    let e = app.err(
        "account_add",
        json!({"input": {"name": "n", "appId": "wx0123", "secret": "s3cret", "baseUrl": null}}),
    );
    assert!(
        e["code"] == "keyring_unavailable" || e["code"] == "keyring_locked",
        "{e}"
    );
    assert!(e["message"].as_str().unwrap().contains("nothing was saved"));
    let list: Value = app.ok("accounts_list", json!({}));
    assert_eq!(
        list["accounts"].as_array().unwrap().len(),
        1,
        "only the sandbox"
    );
}

#[test]
fn listing_with_the_keyring_gone_shows_the_accounts_and_says_why() {
    without_a_bus();
    let app = TestApp::new();
    // An account stored while the keyring worked (a row, as an earlier run left it).
    app.core()
        .store
        .insert_account(&livedesk_core::store::AccountRow {
            id: "acc-earlier".into(),
            name: "早先的小程序".into(),
            app_id: "wx0123".into(),
            base_url: None,
            verified_at: Some(1),
            created_at: 1,
        })
        .unwrap();
    let list: Value = app.ok("accounts_list", json!({}));
    assert!(
        list["keyring"] == "unavailable" || list["keyring"] == "locked",
        "{list}"
    );
    let accounts = list["accounts"].as_array().unwrap();
    assert_eq!(accounts.len(), 2, "{list}");
    assert_eq!(accounts[1]["name"], "早先的小程序");
    assert_eq!(
        accounts[1]["secretSet"],
        Value::Null,
        "unknown, not \"not set\""
    );
}
