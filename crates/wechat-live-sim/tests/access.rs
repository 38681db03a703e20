//! The account's access (`/__sim/access`): 48001 from every live endpoint while live is not
//! activated, and 40164 naming the caller's address (in the reference's errmsg form) from token
//! requests outside the API IP whitelist.

mod common;

use common::{assert_err, assert_ok, Sim};
use serde_json::{json, Value};

const LIST: &str = "/wxa/business/getliveinfo";

async fn list(sim: &Sim) -> Value {
    sim.post(LIST, json!({"start": 0, "limit": 10})).await
}

fn errmsg(v: &Value) -> &str {
    v["errmsg"].as_str().expect("errmsg")
}

#[tokio::test]
async fn an_account_without_live_answers_48001_until_activated() {
    let sim = Sim::new(true).await;
    assert_ok(&list(&sim).await);
    let set = sim
        .ctl_post("/access", json!({"live_activated": false}))
        .await;
    assert_eq!(set["live_activated"], false, "{set}");

    let v = list(&sim).await;
    assert_err(&v, 48001);
    assert!(errmsg(&v).starts_with("api unauthorized rid: "), "{v}");
    assert_err(
        &sim.get("/wxaapi/broadcast/room/getpushurl", "roomId=1")
            .await,
        48001,
    );
    // The token is fine, and a bad token is still told first.
    assert_ok(&sim.stable_token(false).await);
    assert_err(
        &sim.raw_post(
            &format!("{LIST}?access_token=nope"),
            &json!({"start": 0, "limit": 1}),
        )
        .await,
        40001,
    );
    // Activation is what such an account calls: it answers as always (frozen, 268489001).
    assert_err(
        &sim.post("/wxa/business/applyliveinfo", json!({"action": "apply"}))
            .await,
        268_489_001,
    );

    sim.ctl_post("/access", json!({"live_activated": true}))
        .await;
    assert_ok(&list(&sim).await);
}

#[tokio::test]
async fn a_token_request_outside_the_whitelist_names_the_callers_address() {
    let sim = Sim::new(true).await;
    let v = sim
        .ctl_post(
            "/access",
            json!({"ip_whitelist": ["203.0.113.7"], "caller_ip": "198.51.100.20"}),
        )
        .await;
    assert_eq!(
        v,
        json!({"live_activated": true, "ip_whitelist": ["203.0.113.7"], "caller_ip": "198.51.100.20"})
    );

    let v = sim.stable_token(false).await;
    assert_err(&v, 40164);
    assert!(
        errmsg(&v).starts_with(
            "invalid ip 198.51.100.20 ipv6 ::ffff:198.51.100.20, not in whitelist rid: "
        ),
        "{v}"
    );
    let v = sim
        .raw_get(&format!(
            "/cgi-bin/token?grant_type=client_credential&appid={}&secret={}",
            sim.handle.app_id(),
            sim.handle.secret()
        ))
        .await;
    assert_err(&v, 40164);
    // A wrong secret is told before the address.
    let v = sim
        .raw_post(
            "/cgi-bin/stable_token",
            &json!({"grant_type": "client_credential", "appid": sim.handle.app_id(), "secret": "x"}),
        )
        .await;
    assert_err(&v, 40125);
    // The token taken before the whitelist still works until it expires.
    assert_ok(&list(&sim).await);

    // Listed, the address gets its token; without a whitelist, any address does.
    sim.ctl_post(
        "/access",
        json!({"ip_whitelist": ["203.0.113.7", "198.51.100.20"]}),
    )
    .await;
    assert_ok(&sim.stable_token(false).await);
    sim.ctl_post("/access", json!({"caller_ip": "192.0.2.1"}))
        .await;
    assert_err(&sim.stable_token(false).await, 40164);
    let v = sim.ctl_post("/access", json!({"ip_whitelist": null})).await;
    assert_eq!(v["ip_whitelist"], Value::Null);
    assert_ok(&sim.stable_token(false).await);
}

#[tokio::test]
async fn the_default_caller_is_this_machine_and_bad_addresses_change_nothing() {
    let sim = Sim::new(false).await;
    let v = sim.ctl(reqwest::Method::GET, "/access", None).await;
    assert_eq!(
        v,
        json!({"live_activated": true, "ip_whitelist": null, "caller_ip": "127.0.0.1"})
    );
    let v = sim.ctl_post("/access", json!({"ip_whitelist": []})).await;
    assert_eq!(v["ip_whitelist"], json!([]));
    let v = sim.stable_token(false).await;
    assert!(
        errmsg(&v).starts_with("invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist"),
        "{v}"
    );

    let res = sim
        .http
        .post(format!("{}/__sim/access", sim.base))
        .json(&json!({"ip_whitelist": ["not-an-ip"], "live_activated": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let v = sim.ctl(reqwest::Method::GET, "/access", None).await;
    assert_eq!(v["live_activated"], true, "nothing changed: {v}");
    assert_eq!(v["ip_whitelist"], json!([]));
}
