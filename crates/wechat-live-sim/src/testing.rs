//! The simulator's own control plane (`/__sim/`) as every test crate drives it — one client, one
//! `eventually`, one set of picture fixtures, instead of a copy in each crate's `tests/common`.
//! This is the simulator's plane, not WeChat's API: the client crate and the simulator still share
//! no WeChat code. Behind the `test-support` feature (dev-dependencies only; never shipped).

use std::future::Future;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::SimHandle;

/// A client of one simulator's control plane.
#[derive(Debug, Clone)]
pub struct Control {
    base: String,
    http: reqwest::Client,
}

impl Control {
    /// The control plane of the simulator at `base_url` (`http://127.0.0.1:PORT`).
    pub fn new(base_url: &str) -> Self {
        Self {
            base: base_url.trim_end_matches('/').to_owned(),
            http: reqwest::Client::new(),
        }
    }

    /// The control plane of a simulator started in this process.
    pub fn of(sim: &SimHandle) -> Self {
        Self::new(sim.base_url())
    }

    fn url(&self, path: &str) -> String {
        format!("{}/__sim{path}", self.base)
    }

    async fn send(&self, req: reqwest::RequestBuilder, what: &str) -> Value {
        let r = req.send().await.unwrap_or_else(|e| panic!("{what}: {e}"));
        let status = r.status();
        let body = r.text().await.unwrap_or_default();
        assert!(status.is_success(), "{what}: {status} {body}");
        serde_json::from_str(&body).unwrap_or(Value::Null)
    }

    /// GET a control path (`/clock`, `/rooms/7`, …); panics unless it succeeds.
    pub async fn get(&self, path: &str) -> Value {
        self.send(self.http.get(self.url(path)), &format!("GET {path}"))
            .await
    }

    /// POST JSON to a control path; panics unless it succeeds.
    pub async fn post(&self, path: &str, body: Value) -> Value {
        let req = self.http.post(self.url(path)).json(&body);
        self.send(req, &format!("POST {path}")).await
    }

    /// DELETE a control path; panics unless it succeeds.
    pub async fn delete(&self, path: &str) {
        self.send(self.http.delete(self.url(path)), &format!("DELETE {path}"))
            .await;
    }

    /// Adds a fault (`{"path", "kind": "errcode"|"drop"|"html"|…, …}`, as the README lists).
    pub async fn fault(&self, spec: Value) {
        self.post("/faults", spec).await;
    }

    /// The next `count` calls to `api_path` answer `errcode` (transient codes are retried by the
    /// client, so they must outlast its attempts).
    pub async fn fail_times(&self, api_path: &str, errcode: i64, count: u64) {
        self.fault(
            json!({"path": api_path, "kind": "errcode", "errcode": errcode, "count": count}),
        )
        .await;
    }

    /// The next call to `api_path` answers `errcode`.
    pub async fn fail_next(&self, api_path: &str, errcode: i64) {
        self.fail_times(api_path, errcode, 1).await;
    }

    /// Every call to `api_path` closes the connection without an answer.
    pub async fn drop_all(&self, api_path: &str) {
        self.fault(json!({"path": api_path, "kind": "drop"})).await;
    }

    /// Drops every fault.
    pub async fn clear_faults(&self) {
        self.delete("/faults").await;
    }

    /// Every request received since the log was last cleared, as the simulator recorded it.
    pub async fn requests(&self) -> Vec<Value> {
        match self.get("/requests").await {
            Value::Array(log) => log,
            other => panic!("the request log is not a list: {other}"),
        }
    }

    /// Empties the request log.
    pub async fn clear_requests(&self) {
        self.delete("/requests").await;
    }

    /// The API paths asked since the log was last cleared, control plane and tokens left out.
    pub async fn api_paths(&self) -> Vec<String> {
        self.requests()
            .await
            .iter()
            .map(|e| e["path"].as_str().unwrap_or_default().to_owned())
            .filter(|p| !p.starts_with("/__sim") && !p.contains("token"))
            .collect()
    }

    /// [`Control::api_paths`], then clears the log: what was asked since the last call.
    pub async fn take_api_paths(&self) -> Vec<String> {
        let paths = self.api_paths().await;
        self.clear_requests().await;
        paths
    }

    /// The simulator's clock, unix seconds.
    pub async fn now(&self) -> i64 {
        self.get("/clock").await["now"].as_i64().expect("now")
    }

    /// Moves the simulator's clock forward; answers the new time.
    pub async fn advance(&self, secs: i64) -> i64 {
        self.post("/clock", json!({ "advance": secs })).await["now"]
            .as_i64()
            .expect("now")
    }

    /// The simulator's record of a room.
    pub async fn room(&self, id: i64) -> Value {
        self.get(&format!("/rooms/{id}")).await
    }

    /// Forces a room's live status (101–107).
    pub async fn force_status(&self, room: i64, status: i64) {
        let v = self
            .post(
                &format!("/rooms/{room}/status"),
                json!({ "status": status }),
            )
            .await;
        assert_eq!(v["status"], status, "forced status: {v}");
    }

    /// How long a pushed goods card shows (0: back-to-back pushes are accepted).
    pub async fn push_window(&self, ms: u64) {
        self.post("/push_window", json!({ "ms": ms })).await;
    }
}

/// A real `w`×`h` PNG with a gradient: a picture that looks like one when fitted and shown.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let mut data = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            data.extend_from_slice(&[(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8]);
        }
    }
    encode_rgb(w, h, &data)
}

/// A real `w`×`h` PNG of one flat colour: a few hundred bytes whatever its size, for uploads that
/// must stay under a slot's byte limit.
pub fn flat_png(w: u32, h: u32) -> Vec<u8> {
    encode_rgb(w, h, &vec![0x7f; (w * h * 3) as usize])
}

fn encode_rgb(w: u32, h: u32, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().expect("PNG header");
        writer.write_image_data(data).expect("PNG data");
    }
    out
}

/// Writes [`png`] to `path`.
pub fn write_png(path: &Path, w: u32, h: u32) {
    std::fs::write(path, png(w, h)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Asks `probe` every 50 ms until it answers `Some`, for at most `within`; panics naming `what`
/// (and the last answer's absence) otherwise. For states that arrive by themselves (a link found, a
/// status changed) — never for measuring time.
pub async fn eventually<T, F, Fut>(within: Duration, what: &str, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + within;
    loop {
        if let Some(v) = probe().await {
            return v;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: not seen within {within:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_control_plane_moves_the_clock_and_logs_requests() {
        let sim = crate::start(crate::SimConfig::demo()).await.unwrap();
        let c = Control::of(&sim);
        let t = c.now().await;
        assert_eq!(c.advance(60).await, t + 60);
        c.clear_requests().await;
        reqwest::get(format!(
            "{}/wxaapi/broadcast/room/getliveinfo",
            sim.base_url()
        ))
        .await
        .unwrap();
        assert_eq!(c.take_api_paths().await.len(), 1);
        assert!(c.api_paths().await.is_empty(), "taken");
        sim.shutdown().await;
    }

    #[tokio::test]
    async fn eventually_waits_for_the_answer() {
        let mut n = 0;
        let got = eventually(Duration::from_secs(2), "the third try", || {
            n += 1;
            let v = (n >= 3).then_some(n);
            async move { v }
        })
        .await;
        assert_eq!(got, 3);
    }

    #[test]
    fn the_picture_is_a_png_of_its_size() {
        for bytes in [png(40, 30), flat_png(40, 30)] {
            assert_eq!(&bytes[1..4], b"PNG");
            let size = imagesize::blob_size(&bytes).unwrap();
            assert_eq!((size.width, size.height), (40, 30));
        }
        assert!(flat_png(2000, 2000).len() < 20_000, "flat stays small");
    }
}
