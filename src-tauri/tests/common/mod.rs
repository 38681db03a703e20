//! The app built on Tauri's mock runtime (no window, no display) over a temp data dir, with its
//! sandbox simulator started in-process, and helpers to call commands as the UI does.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use livedesk_core::journal::Origin;
use livedesk_core::App as Core;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};
use wechat_live_sim::testing::{write_png, Control};

pub struct TestApp {
    pub app: App<MockRuntime>,
    pub webview: WebviewWindow<MockRuntime>,
    pub dir: tempfile::TempDir,
    pub service: String,
}

impl TestApp {
    /// A fresh app; its keyring entries live under a service name of its own.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let service = format!("app.livedesk.test.{:016x}", rand_u64());
        Self::over(dir, service)
    }

    /// An app over an existing data dir (a store left by an earlier run, a corrupt file).
    pub fn over(dir: tempfile::TempDir, service: String) -> Self {
        let core =
            tauri::async_runtime::block_on(Core::open(dir.path(), &service, Origin::App)).unwrap();
        let app = livedesk_lib::with_shell(mock_builder())
            .manage(core)
            .build(mock_context(noop_assets()))
            .unwrap();
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Self {
            app,
            webview,
            dir,
            service,
        }
    }

    pub fn core(&self) -> tauri::State<'_, Core> {
        self.app.state::<Core>()
    }

    pub fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    /// The sandbox's base URL (for its `/__sim/` control plane).
    pub fn sim(&self) -> String {
        self.core().sandbox.base_url().to_owned()
    }

    /// Calls a command like `invoke(cmd, args)` in the UI: Ok(value) or Err(IpcError JSON).
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let req = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, req).map(|b| b.deserialize::<Value>().unwrap())
    }

    pub fn ok<T: DeserializeOwned>(&self, cmd: &str, args: Value) -> T {
        match self.call(cmd, args) {
            Ok(v) => serde_json::from_value(v).unwrap(),
            Err(e) => panic!("{cmd} failed: {e}"),
        }
    }

    pub fn err(&self, cmd: &str, args: Value) -> Value {
        match self.call(cmd, args) {
            Ok(v) => panic!("{cmd} should fail, answered {v}"),
            Err(e) => e,
        }
    }
}

pub fn rand_u64() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    t ^ (u64::from(std::process::id()) << 32)
}

/// GET a simulator control-plane path (`/__sim/…`).
pub fn sim_get(base: &str, path: &str) -> Value {
    tauri::async_runtime::block_on(Control::new(base).get(plane(path)))
}

/// POST JSON to a simulator control-plane path.
pub fn sim_post(base: &str, path: &str, body: Value) -> Value {
    tauri::async_runtime::block_on(Control::new(base).post(plane(path), body))
}

/// DELETE a simulator control-plane path.
pub fn sim_delete(base: &str, path: &str) {
    tauri::async_runtime::block_on(Control::new(base).delete(plane(path)))
}

/// The path within the control plane.
fn plane(path: &str) -> &str {
    path.strip_prefix("/__sim").unwrap_or(path)
}

/// A picture file of `w`×`h` on disk (PNG with a gradient).
pub fn picture(dir: &Path, name: &str, w: u32, h: u32) -> PathBuf {
    let path = dir.join(name);
    write_png(&path, w, h);
    path
}

/// Every file under `dir` that contains `needle` (bytes), recursively.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    let mut hits = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return hits;
    };
    for entry in rd.flatten() {
        let p = entry.path();
        if p.is_dir() {
            hits.extend(files_containing(&p, needle));
        } else if let Ok(bytes) = std::fs::read(&p) {
            if bytes.windows(needle.len()).any(|w| w == needle) {
                hits.push(p);
            }
        }
    }
    hits
}
