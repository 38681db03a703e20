//! With no Secret Service reachable, adding an account says what to do and saves nothing.
//! (Its own test binary: it points this process's session bus at nothing.)

mod common;

use common::TestApp;
use serde_json::{json, Value};

#[test]
fn no_secret_service_means_keyring_unavailable_and_nothing_saved() {
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/livedesk-no-bus",
    );
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
    let list: Vec<Value> = app.ok("accounts_list", json!({}));
    assert_eq!(list.len(), 1, "only the sandbox");
}
