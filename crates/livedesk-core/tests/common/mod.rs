//! A core over a temp data dir with its in-process sandbox, and the sandbox's control plane.

#![allow(dead_code)]

pub mod crash;
pub mod nginx;
pub mod obs;

use std::path::PathBuf;

use livedesk_core::rooms::{ImageRef, ImageSlot};
use livedesk_core::App;
use serde_json::{json, Value};

pub const SANDBOX: &str = "sandbox";

pub struct TestCore {
    pub core: App,
    pub dir: tempfile::TempDir,
    http: reqwest::Client,
}

impl TestCore {
    pub async fn open() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let service = format!("livedesk-test-{:016x}", rand::random::<u64>());
        let core = App::open(dir.path(), &service, livedesk_core::journal::Origin::App)
            .await
            .unwrap();
        Self {
            core,
            dir,
            http: reqwest::Client::new(),
        }
    }

    fn control(&self, path: &str) -> String {
        format!("{}/__sim{path}", self.core.sandbox.base_url())
    }

    pub async fn sim_post(&self, path: &str, body: Value) -> Value {
        let r = self
            .http
            .post(self.control(path))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{path}: {}", r.status());
        r.json().await.unwrap()
    }

    pub async fn sim_get(&self, path: &str) -> Value {
        let r = self.http.get(self.control(path)).send().await.unwrap();
        assert!(r.status().is_success(), "{path}: {}", r.status());
        r.json().await.unwrap()
    }

    /// Makes the next call to `api_path` answer `errcode`.
    pub async fn fail_next(&self, api_path: &str, errcode: i64) {
        self.fail_times(api_path, errcode, 1).await;
    }

    /// Makes the next `count` calls to `api_path` answer `errcode` (transient codes are retried
    /// by the client, so they must outlast its attempts).
    pub async fn fail_times(&self, api_path: &str, errcode: i64, count: u64) {
        self.sim_post(
            "/faults",
            json!({"path": api_path, "kind": "errcode", "errcode": errcode, "count": count}),
        )
        .await;
    }

    /// Drops every injected fault.
    pub async fn clear_faults(&self) {
        self.http
            .delete(self.control("/faults"))
            .send()
            .await
            .unwrap();
    }

    /// The API paths the simulator received since the last call (the control plane left out).
    pub async fn requests(&self) -> Vec<String> {
        let log: Vec<Value> = self
            .http
            .get(self.control("/requests"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        self.http
            .delete(self.control("/requests"))
            .send()
            .await
            .unwrap();
        log.iter()
            .map(|e| e["path"].as_str().unwrap_or_default().to_owned())
            .filter(|p| !p.starts_with("/__sim") && !p.contains("token"))
            .collect()
    }

    /// A 600×450 picture on disk, prepared for `slot` as the form's picker does.
    pub fn picture(&self, slot: ImageSlot) -> ImageRef {
        let path: PathBuf = self.dir.path().join("pick.png");
        image::RgbImage::from_fn(600, 450, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        })
        .save(&path)
        .unwrap();
        self.core.media.prepare(slot, &path).unwrap()
    }
}
