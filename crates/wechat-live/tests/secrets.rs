//! Nothing prints a secret, an access token or a URL with its query string: not Debug, not
//! Display, not the logs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_debug_and_errors_never_hold_secrets_or_tokens() {
    let logs = Buffer::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let env = common::demo().await;
    let rooms = env.client.rooms().list_all().await.unwrap();
    let room = rooms[0].id;
    let push = env.client.rooms().push_url(room).await.ok();
    env.fault(json!({"path": "*", "kind": "html502", "count": 1}))
        .await;
    let _ = env.client.rooms().list_page(0, 1).await;
    env.fault(json!({"path": "*", "kind": "errcode", "errcode": 40001, "count": 2}))
        .await;
    let err = env.client.rooms().list_page(0, 1).await.unwrap_err();

    // Normal mode hands out the same token again: this is the token the client used.
    let answer: Value = env
        .http
        .post(env.url("/cgi-bin/stable_token"))
        .json(&json!({"grant_type": "client_credential", "appid": env.sim.app_id(), "secret": env.sim.secret()}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = answer["access_token"].as_str().unwrap().to_owned();

    let logged = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(
        logged.contains("wechat call"),
        "the client does log its calls: {logged}"
    );
    let mut printed = vec![
        logged,
        format!("{:?}", env.client),
        format!("{err} {err:?} {} {}", err.message_zh(), err.message_en()),
    ];
    let stream_secret = push
        .as_ref()
        .map(|p| p.url.tx_secret().to_owned())
        .expect("push room");
    if let Some(p) = &push {
        printed.push(format!("{p:?} {}", p.url));
    }
    for text in printed {
        assert!(!text.contains(env.sim.secret()), "secret leaked: {text}");
        assert!(!text.contains(&token), "access token leaked: {text}");
        assert!(
            !text.contains("access_token="),
            "URL with its query leaked: {text}"
        );
        assert!(
            !text.contains(&stream_secret),
            "stream secret leaked: {text}"
        );
    }
}
