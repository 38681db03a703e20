//! Crash loops: a writer (the test binary run again with an env var naming the data dir) writes as
//! fast as it can, printing a tag for each write once its call returned (committed); it is killed
//! with SIGKILL at a random moment, `runs` times over the same database. Answers every tag a
//! writer reported committed, for the test to look for in the store.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Starts each committed tag's line (the test harness prints its own lines too).
pub const MARK: &str = "COMMITTED ";

/// The tag of a writer's whole line, if it is one (a line cut short has no closing " .").
fn tag(line: &str) -> Option<String> {
    let (_, rest) = line.split_once(MARK)?;
    rest.strip_suffix(" .").map(str::to_owned)
}

/// The line a writer prints for a committed `tag`.
pub fn committed_line(tag: &str) -> String {
    format!("{MARK}{tag} .\n")
}

/// Runs the ignored test `writer` of this binary `runs` times with `env` = `dir` and
/// `LIVEDESK_CRASH_RUN` = the run's number, killing each at a random moment within 25 ms of
/// its first committed write.
pub fn kill_loop(writer: &str, env: &str, dir: &Path, runs: usize) -> Vec<String> {
    let exe = std::env::current_exe().unwrap();
    let mut committed = Vec::new();
    for run in 0..runs {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                writer,
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(env, dir)
            .env("LIVEDESK_CRASH_RUN", run.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map_while(Result::ok);
        let first = lines.find_map(|l| tag(&l)).expect("the writer started");
        std::thread::sleep(Duration::from_micros(rand::random::<u64>() % 25_000));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        committed.push(first);
        // Lines the writer finished before it died.
        committed.extend(lines.filter_map(|l| tag(&l)));
    }
    committed
}

/// This run's number, in a writer.
pub fn run_number() -> String {
    std::env::var("LIVEDESK_CRASH_RUN").unwrap_or_default()
}
