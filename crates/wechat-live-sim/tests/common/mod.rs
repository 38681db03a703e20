//! Shared helpers: start a simulator on a frozen clock, get a token, call endpoints over raw HTTP.
#![allow(dead_code)]

use serde_json::{json, Value};
use wechat_live_sim::testing::Control;
use wechat_live_sim::{start, SimConfig, SimHandle};

/// 2026-01-01 00:00 UTC (08:00 Beijing): the frozen start of every test clock.
pub const T0: i64 = 1_767_225_600;

pub struct Sim {
    pub handle: SimHandle,
    pub http: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl Sim {
    pub async fn new(demo: bool) -> Self {
        let cfg = SimConfig {
            start_time: Some(T0),
            ..if demo {
                SimConfig::demo()
            } else {
                SimConfig::default()
            }
        };
        Self::with(cfg).await
    }

    pub async fn with(cfg: SimConfig) -> Self {
        let handle = start(cfg).await.expect("simulator starts");
        let http = reqwest::Client::new();
        let base = handle.base_url().to_owned();
        let mut sim = Self {
            handle,
            http,
            base,
            token: String::new(),
        };
        sim.token = sim.stable_token(false).await["access_token"]
            .as_str()
            .expect("token")
            .to_owned();
        sim
    }

    /// Takes a fresh stable token (needed after advancing the clock past a token's life).
    pub async fn refresh_token(&mut self) {
        self.token = self.stable_token(false).await["access_token"]
            .as_str()
            .expect("token")
            .to_owned();
    }

    pub async fn stable_token(&self, force: bool) -> Value {
        let body = json!({
            "grant_type": "client_credential",
            "appid": self.handle.app_id(),
            "secret": self.handle.secret(),
            "force_refresh": force,
        });
        self.raw_post("/cgi-bin/stable_token", &body).await
    }

    pub async fn raw_post(&self, path_and_query: &str, body: &Value) -> Value {
        self.http
            .post(format!("{}{path_and_query}", self.base))
            .json(body)
            .send()
            .await
            .expect("answer")
            .json()
            .await
            .expect("json answer")
    }

    pub async fn raw_get(&self, path_and_query: &str) -> Value {
        self.http
            .get(format!("{}{path_and_query}", self.base))
            .send()
            .await
            .expect("answer")
            .json()
            .await
            .expect("json answer")
    }

    /// POST JSON to a WeChat path with the current token.
    pub async fn post(&self, path: &str, body: Value) -> Value {
        self.raw_post(&format!("{path}?access_token={}", self.token), &body)
            .await
    }

    /// GET a WeChat path with `query` (without the token) plus the current token.
    pub async fn get(&self, path: &str, query: &str) -> Value {
        self.raw_get(&format!("{path}?{query}&access_token={}", self.token))
            .await
    }

    /// Control plane call.
    pub async fn ctl(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut req = self
            .http
            .request(method, format!("{}/__sim{path}", self.base));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.expect("control answer");
        res.json().await.unwrap_or(Value::Null)
    }

    pub async fn ctl_post(&self, path: &str, body: Value) -> Value {
        self.ctl(reqwest::Method::POST, path, Some(body)).await
    }

    /// The control plane as other crates' tests drive it (calls that must succeed).
    pub fn control(&self) -> Control {
        Control::new(&self.base)
    }

    pub async fn now(&self) -> i64 {
        self.control().now().await
    }

    pub async fn advance(&self, secs: i64) -> i64 {
        self.control().advance(secs).await
    }

    pub async fn verify(&self, ids: &[&str]) {
        self.control()
            .post("/verified", json!({ "add": ids }))
            .await;
    }

    pub async fn force_status(&self, room: u64, status: i64) {
        self.control().force_status(room as i64, status).await;
    }

    /// Uploads a PNG of the given size (optionally padded to `min_bytes`) and returns its media_id.
    pub async fn upload(&self, w: u32, h: u32, min_bytes: usize) -> Value {
        let mut bytes = png_bytes(w, h);
        if bytes.len() < min_bytes {
            // Trailing bytes after IEND keep the header readable and make the file bigger.
            bytes.resize(min_bytes, 0);
        }
        self.upload_bytes(bytes, "image").await
    }

    pub async fn upload_bytes(&self, bytes: Vec<u8>, kind: &str) -> Value {
        let part = reqwest::multipart::Part::bytes(bytes).file_name("a.png");
        let form = reqwest::multipart::Form::new().part("media", part);
        self.http
            .post(format!(
                "{}/cgi-bin/media/upload?access_token={}&type={kind}",
                self.base, self.token
            ))
            .multipart(form)
            .send()
            .await
            .expect("answer")
            .json()
            .await
            .expect("json")
    }

    pub async fn media(&self, w: u32, h: u32) -> String {
        let v = self.upload(w, h, 0).await;
        v["media_id"].as_str().expect("media id").to_owned()
    }

    /// A valid create body for an anchor that must be verified; starts in one hour.
    pub async fn room_body(&self) -> Value {
        let now = self.now().await;
        json!({
            "name": "测试直播间",
            "coverImg": self.media(1080, 1920).await,
            "startTime": now + 3600,
            "endTime": now + 3600 + 7200,
            "anchorName": "测试主播",
            "anchorWechat": "anchor_ok1",
            "shareImg": self.media(800, 640).await,
            "feedsImg": self.media(800, 800).await,
            "type": 1,
            "closeLike": 0,
            "closeGoods": 0,
            "closeComment": 0,
        })
    }

    pub async fn create_room(&self, body: &Value) -> Value {
        self.post("/wxaapi/broadcast/room/create", body.clone())
            .await
    }

    /// Creates a room with the default body (anchor verified first) and returns its id.
    pub async fn new_room(&self) -> u64 {
        self.verify(&["anchor_ok1"]).await;
        let body = self.room_body().await;
        let v = self.create_room(&body).await;
        v["roomId"]
            .as_u64()
            .unwrap_or_else(|| panic!("room created: {v}"))
    }

    /// Adds a goods and returns its id (under review).
    pub async fn add_goods(&self, name: &str) -> u64 {
        let cover = self.media(300, 300).await;
        let v = self
            .post(
                "/wxaapi/broadcast/goods/add",
                json!({"goodsInfo": {"coverImgUrl": cover, "name": name, "priceType": 1,
                    "price": 12.5, "url": "pages/goods/detail?id=1"}}),
            )
            .await;
        v["goodsId"]
            .as_u64()
            .unwrap_or_else(|| panic!("goods added: {v}"))
    }

    /// Adds a goods and waits (on the sim clock) until the audit approves it.
    pub async fn approved_goods(&self, name: &str) -> u64 {
        let id = self.add_goods(name).await;
        self.advance(10).await;
        id
    }
}

/// A flat-colour PNG (the shared fixture: a few hundred bytes whatever its size).
pub fn png_bytes(w: u32, h: u32) -> Vec<u8> {
    wechat_live_sim::testing::flat_png(w, h)
}

/// Asserts an errcode and that errmsg ends with ` rid: 8hex-8hex-8hex`.
#[track_caller]
pub fn assert_err(v: &Value, code: i64) {
    assert_eq!(v["errcode"], code, "expected errcode {code}: {v}");
    let msg = v["errmsg"].as_str().expect("errmsg");
    let rid = msg
        .rsplit_once(" rid: ")
        .map(|(_, r)| r)
        .expect("rid suffix");
    let parts: Vec<&str> = rid.split('-').collect();
    assert_eq!(parts.len(), 3, "rid form: {msg}");
    assert!(
        parts
            .iter()
            .all(|p| p.len() == 8 && p.chars().all(|c| c.is_ascii_hexdigit())),
        "rid form: {msg}"
    );
}

#[track_caller]
pub fn assert_ok(v: &Value) {
    assert_eq!(v["errcode"], 0, "expected success: {v}");
}
