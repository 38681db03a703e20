//! Shared harness of the client-vs-simulator tests: an in-process simulator, a client whose clock
//! follows the simulator's, and the simulator's control plane.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use serde_json::{json, Value};
use wechat_live::model::{NewRoom, RoomEdit, RoomType};
use wechat_live::{Client, Config, RetryPolicy};
use wechat_live_sim::testing::Control;
use wechat_live_sim::{start, SimConfig, SimHandle};

pub struct Env {
    pub sim: SimHandle,
    pub client: Client,
    pub http: reqwest::Client,
    /// The simulator's control plane.
    pub control: Control,
    /// The simulator's clock as the client sees it (kept in step by `advance`).
    clock: Arc<AtomicI64>,
}

pub async fn demo() -> Env {
    env(SimConfig::demo()).await
}

pub async fn empty() -> Env {
    env(SimConfig::default()).await
}

pub async fn env(cfg: SimConfig) -> Env {
    env_with(cfg, |_| {}).await
}

/// Like [`env`], with a last change to the client's configuration (e.g. a short timeout).
pub async fn env_with(cfg: SimConfig, tweak: impl FnOnce(&mut Config)) -> Env {
    let sim = start(cfg).await.expect("simulator starts");
    let http = reqwest::Client::new();
    let control = Control::of(&sim);
    let now: Value = http
        .get(format!("{}/__sim/clock", sim.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let clock = Arc::new(AtomicI64::new(now["now"].as_i64().expect("clock")));
    let seen = clock.clone();
    let mut config = Config::new(sim.app_id(), sim.secret())
        .with_base_url(sim.base_url())
        .with_clock(Arc::new(move || seen.load(Ordering::SeqCst)));
    // Fast retries keep fault tests short; the backoff shape itself is unit-tested.
    config.retry = RetryPolicy {
        max_retries: 3,
        base_delay: std::time::Duration::from_millis(5),
        max_delay: std::time::Duration::from_millis(20),
    };
    tweak(&mut config);
    let client = Client::new(config).expect("client");
    let env = Env {
        sim,
        client,
        http,
        control,
        clock,
    };
    // Anchors the tests use, real-name verified in every mode (the demo verifies all but `unverified*`).
    env.ctl(
        "/__sim/verified",
        json!({"add": ["anchor_lin", "anchor_zhao", "anchor_qian"]}),
    )
    .await;
    env
}

impl Env {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sim.base_url())
    }

    /// POST to a control-plane path (`/__sim/…`).
    pub async fn ctl(&self, path: &str, body: Value) -> Value {
        self.control.post(plane(path), body).await
    }

    /// GET a control-plane path (`/__sim/…`).
    pub async fn ctl_get(&self, path: &str) -> Value {
        self.control.get(plane(path)).await
    }

    pub fn now(&self) -> i64 {
        self.clock.load(Ordering::SeqCst)
    }

    /// Moves the simulator's clock (and the client's view of it) forward.
    pub async fn advance(&self, secs: i64) {
        let now = self.control.advance(secs).await;
        self.clock.store(now, Ordering::SeqCst);
    }

    pub async fn fault(&self, spec: Value) {
        self.control.fault(spec).await;
    }

    pub async fn stats(&self) -> Value {
        self.control.get("/stats").await
    }

    pub async fn clear_requests(&self) {
        self.control.clear_requests().await;
    }

    /// WeChat requests the simulator received, optionally only to `path`.
    pub async fn requests_to(&self, path: &str) -> Vec<Value> {
        self.all_requests()
            .await
            .into_iter()
            .filter(|r| r["path"] == path)
            .collect()
    }

    pub async fn all_requests(&self) -> Vec<Value> {
        self.control.requests().await
    }

    /// Uploads a PNG of `w`×`h` and answers its media id.
    pub async fn media(&self, w: u32, h: u32) -> String {
        self.client
            .media()
            .upload_image("img.png", png(w, h))
            .await
            .expect("upload")
            .media_id
    }

    /// A valid push room form with fresh images, starting in an hour.
    pub async fn new_room(&self, name: &str, anchor_wechat: &str) -> NewRoom {
        let start = self.now() + 3600;
        NewRoom {
            fields: RoomEdit {
                name: name.to_owned(),
                cover_img: self.media(1080, 1920).await,
                start_time: start,
                end_time: start + 7200,
                anchor_name: "主播小林".to_owned(),
                anchor_wechat: anchor_wechat.to_owned(),
                share_img: self.media(800, 640).await,
                feeds_img: self.media(800, 800).await,
                feeds_public: None,
                close_like: false,
                close_goods: false,
                close_comment: false,
                close_replay: None,
                close_share: None,
                close_kf: None,
            },
            room_type: RoomType::Push,
            sub_anchor_wechat: None,
            creater_wechat: None,
        }
    }
}

/// The control-plane part of a `/__sim/…` path.
fn plane(path: &str) -> &str {
    path.strip_prefix("/__sim").unwrap_or(path)
}

/// A real PNG of the given size, one flat colour (a few hundred bytes).
pub fn png(w: u32, h: u32) -> Vec<u8> {
    wechat_live_sim::testing::flat_png(w, h)
}
