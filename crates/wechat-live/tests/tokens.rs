//! Token rules against the simulator: stable_token only, one fetch for many waiters, refresh and
//! retry once, never a loop.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use serde_json::json;
use wechat_live::{Client, Config, ErrCode, Error};

async fn any_room(env: &common::Env) -> i64 {
    env.client
        .rooms()
        .list_page(0, 1)
        .await
        .expect("list")
        .rooms[0]
        .id
}

#[tokio::test]
async fn many_concurrent_waiters_share_one_token_request() {
    let env = common::demo().await;
    let calls = (0..200).map(|_| {
        let c = env.client.clone();
        tokio::spawn(async move { c.rooms().list_page(0, 1).await })
    });
    for r in futures::future::join_all(calls).await {
        r.unwrap().expect("call succeeds");
    }
    let stats = env.stats().await;
    assert_eq!(stats["stable_token_requests"], 1);
    assert_eq!(
        stats["token_requests"], 0,
        "/cgi-bin/token must never be called"
    );
    let token_calls = env.requests_to("/cgi-bin/stable_token").await;
    assert_eq!(token_calls[0]["body"]["force_refresh"], json!(false));
}

#[tokio::test]
async fn expired_token_is_refreshed_once_and_the_call_retried() {
    let env = common::demo().await;
    let room = any_room(&env).await;
    env.ctl("/__sim/tokens/expire", json!({})).await;
    env.clear_requests().await;
    let calls = (0..50).map(|_| {
        let c = env.client.clone();
        tokio::spawn(async move { c.rooms().push_url(room).await })
    });
    for r in futures::future::join_all(calls).await {
        r.unwrap().expect("retried after refresh");
    }
    assert_eq!(env.requests_to("/cgi-bin/stable_token").await.len(), 1);
}

#[tokio::test]
async fn a_token_error_that_persists_is_retried_once_not_looped() {
    let env = common::demo().await;
    let room = any_room(&env).await;
    env.fault(
        json!({"path": "/wxaapi/broadcast/room/getpushurl", "kind": "errcode", "errcode": 40001}),
    )
    .await;
    env.clear_requests().await;
    let err = env.client.rooms().push_url(room).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::WrongSecret));
    assert_eq!(
        env.requests_to("/wxaapi/broadcast/room/getpushurl")
            .await
            .len(),
        2
    );
    assert_eq!(env.requests_to("/cgi-bin/stable_token").await.len(), 1);
}

#[tokio::test]
async fn missing_token_error_is_not_retried() {
    let env = common::demo().await;
    let room = any_room(&env).await;
    env.fault(
        json!({"path": "/wxaapi/broadcast/room/getpushurl", "kind": "errcode", "errcode": 41001}),
    )
    .await;
    env.clear_requests().await;
    let err = env.client.rooms().push_url(room).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::AccessTokenMissing));
    assert_eq!(
        env.requests_to("/wxaapi/broadcast/room/getpushurl")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn wrong_secret_is_a_clear_error_that_never_shows_the_secret() {
    let env = common::demo().await;
    let client = Client::new(
        Config::new(env.sim.app_id(), "not-the-secret-42").with_base_url(env.sim.base_url()),
    )
    .unwrap();
    let err = client.verify_credentials().await.unwrap_err();
    assert!(matches!(err, Error::Api { .. }), "{err:?}");
    for text in [
        format!("{err}"),
        format!("{err:?}"),
        err.message_zh(),
        err.message_en(),
    ] {
        assert!(!text.contains("not-the-secret-42"), "{text}");
    }
}

#[tokio::test]
async fn force_refresh_is_explicit_and_replaces_the_token() {
    let env = common::demo().await;
    env.client.verify_credentials().await.unwrap();
    env.client.force_refresh_token().await.unwrap();
    let calls = env.requests_to("/cgi-bin/stable_token").await;
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[1]["body"]["force_refresh"], json!(true));
    // The new token works.
    env.client.rooms().list_page(0, 1).await.unwrap();
}
