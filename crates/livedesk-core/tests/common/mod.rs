//! A core over a temp data dir with its in-process sandbox, and the sandbox's control plane.

#![allow(dead_code)]

pub mod crash;
pub mod nginx;
pub mod obs;

use std::path::PathBuf;

use livedesk_core::rooms::{ImageRef, ImageSlot};
use livedesk_core::App;
use serde_json::Value;
use wechat_live_sim::testing::{write_png, Control};

pub const SANDBOX: &str = "sandbox";

pub struct TestCore {
    pub core: App,
    pub dir: tempfile::TempDir,
    /// The sandbox's control plane.
    pub sim: Control,
}

impl TestCore {
    pub async fn open() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let service = format!("livedesk-test-{:016x}", rand::random::<u64>());
        let core = App::open(dir.path(), &service, livedesk_core::journal::Origin::App)
            .await
            .unwrap();
        let sim = Control::new(core.sandbox.base_url());
        Self { core, dir, sim }
    }

    pub async fn sim_post(&self, path: &str, body: Value) -> Value {
        self.sim.post(path, body).await
    }

    pub async fn sim_get(&self, path: &str) -> Value {
        self.sim.get(path).await
    }

    /// Makes the next call to `api_path` answer `errcode`.
    pub async fn fail_next(&self, api_path: &str, errcode: i64) {
        self.sim.fail_next(api_path, errcode).await;
    }

    /// Makes the next `count` calls to `api_path` answer `errcode`.
    pub async fn fail_times(&self, api_path: &str, errcode: i64, count: u64) {
        self.sim.fail_times(api_path, errcode, count).await;
    }

    /// Drops every injected fault.
    pub async fn clear_faults(&self) {
        self.sim.clear_faults().await;
    }

    /// The API paths the simulator received since the last call (the control plane left out).
    pub async fn requests(&self) -> Vec<String> {
        self.sim.take_api_paths().await
    }

    /// A 600×450 picture on disk, prepared for `slot` as the form's picker does.
    pub fn picture(&self, slot: ImageSlot) -> ImageRef {
        let path: PathBuf = self.dir.path().join("pick.png");
        write_png(&path, 600, 450);
        self.core.media.prepare(slot, &path).unwrap()
    }
}
