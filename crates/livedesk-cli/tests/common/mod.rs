//! Runs the built `livedesk-cli` as a process over a temp data dir and a keyring service of its
//! own, and drives a simulator the test starts itself through its `/__sim/` control plane.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use wechat_live_sim::testing::{write_png, Control};
use wechat_live_sim::{SimConfig, SimHandle};

pub const SANDBOX: &str = "sandbox";

/// One data dir, and a keyring service no other test (nor the real app) uses.
pub struct Cli {
    pub dir: tempfile::TempDir,
    service: String,
}

/// What a run gave back.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the exit code, showing both streams when it differs.
    #[track_caller]
    pub fn expect(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "exit code\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    /// Standard output as JSON.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(self.stdout.trim())
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout))
    }
}

impl Cli {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
            service: format!("livedesk-cli-test-{:016x}", rand::random::<u64>()),
        }
    }

    pub fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the data dir's parent-free temp dir, for outputs and inputs.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_livedesk-cli"));
        c.arg("--data-dir")
            .arg(self.dir.path())
            .arg("--keyring-service")
            .arg(&self.service)
            .args(args)
            // The tests read English unless they ask otherwise.
            .env("LC_ALL", "en_US.UTF-8");
        c
    }

    /// Runs with `args` and nothing on standard input.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_stdin(args, "")
    }

    /// Runs with `input` as standard input (so it is not a terminal).
    pub fn run_stdin(&self, args: &[&str], input: &str) -> Run {
        fed(self.command(args), input)
    }

    /// Runs with a custom environment change (the language tests).
    pub fn run_env(&self, args: &[&str], key: &str, value: &str) -> Run {
        let mut c = self.command(args);
        c.env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env(key, value);
        finish(c.stdin(Stdio::null()).output().unwrap())
    }

    /// Adds the simulator's account (its secret on standard input); answers the account's id.
    pub fn add_account(&self, sim: &SimHandle, name: &str) -> String {
        let run = self
            .run_stdin(
                &[
                    "--json",
                    "accounts",
                    "add",
                    "--name",
                    name,
                    "--app-id",
                    sim.app_id(),
                    "--base-url",
                    sim.base_url(),
                ],
                &format!("{}\n", sim.secret()),
            )
            .expect(0);
        run.json()["id"].as_str().unwrap().to_owned()
    }

    /// Every file under the data dir, with its bytes.
    pub fn files(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut todo = vec![self.dir.path().to_owned()];
        while let Some(d) = todo.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    todo.push(p);
                } else {
                    let bytes = std::fs::read(&p).unwrap();
                    out.push((p, bytes));
                }
            }
        }
        out
    }

    /// Writes a `w`×`h` PNG picture named `name` into the data dir's folder.
    pub fn png(&self, name: &str, w: u32, h: u32) -> PathBuf {
        let path = self.path(name);
        write_png(&path, w, h);
        path
    }
}

fn finish(o: Output) -> Run {
    Run {
        code: o.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(o.stdout).unwrap(),
        stderr: String::from_utf8(o.stderr).unwrap(),
    }
}

/// A demo simulator with a secret of its own (so a test can look for it byte for byte).
pub async fn sim() -> SimHandle {
    let secret = format!("cli-secret-{:016x}", rand::random::<u64>());
    wechat_live_sim::start(SimConfig {
        secret,
        ..SimConfig::demo()
    })
    .await
    .unwrap()
}

/// The API paths the simulator was asked, the control plane and tokens left out.
pub async fn requests(sim: &SimHandle) -> Vec<String> {
    Control::of(sim).api_paths().await
}

/// Makes every request to `api_path` close the connection without an answer.
pub async fn drop_all(sim: &SimHandle, api_path: &str) {
    Control::of(sim).drop_all(api_path).await;
}

/// The simulator's record of a room.
pub async fn sim_room(sim: &SimHandle, id: i64) -> Value {
    Control::of(sim).room(id).await
}

impl Cli {
    /// Runs with `input` on standard input and `key` set to `value` (the language kept English).
    pub fn run_stdin_env(&self, args: &[&str], input: &str, key: &str, value: &str) -> Run {
        let mut c = self.command(args);
        c.env(key, value);
        fed(c, input)
    }
}

/// Runs `c` with `input` on standard input (so it is not a terminal) and both streams captured.
fn fed(mut c: Command, input: &str) -> Run {
    c.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("start livedesk-cli");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    finish(child.wait_with_output().unwrap())
}

impl Cli {
    /// Runs over `data_dir` instead of the temp dir (a data dir that cannot be one).
    pub fn run_at(&self, data_dir: &Path, args: &[&str]) -> Run {
        let mut c = Command::new(env!("CARGO_BIN_EXE_livedesk-cli"));
        c.arg("--data-dir")
            .arg(data_dir)
            .arg("--keyring-service")
            .arg(&self.service)
            .args(args)
            .env("LC_ALL", "en_US.UTF-8")
            .stdin(Stdio::null());
        finish(c.output().unwrap())
    }
}
