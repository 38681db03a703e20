//! The processes of one run, found by a marker in their environment (WebKit's helper processes
//! inherit it, and it still finds them after they are reparented), and their memory.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// Memory of one process, from `/proc/PID/smaps_rollup`, in KiB.
#[derive(Debug, Clone)]
pub struct ProcMem {
    pub pid: u32,
    pub name: String,
    pub pss_kib: u64,
    pub rss_kib: u64,
}

/// PIDs of live processes whose environment holds `marker` (a `KEY=value` entry).
pub fn with_marker(marker: &str) -> Vec<u32> {
    let Ok(dir) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            fs::read(format!("/proc/{pid}/environ"))
                .map(|env| env.split(|b| *b == 0).any(|kv| kv == marker.as_bytes()))
                .unwrap_or(false)
        })
        .collect()
}

/// PSS and RSS of each process (those that vanished meanwhile are left out).
pub fn memory(pids: &[u32]) -> Vec<ProcMem> {
    pids.iter().filter_map(|&pid| read_mem(pid)).collect()
}

fn read_mem(pid: u32) -> Option<ProcMem> {
    let rollup = fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    let name = fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
    Some(ProcMem {
        pid,
        name: name.trim().to_owned(),
        pss_kib: field_kib(&rollup, "Pss:")?,
        rss_kib: field_kib(&rollup, "Rss:")?,
    })
}

fn field_kib(text: &str, key: &str) -> Option<u64> {
    text.lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
}

/// Sends `signal` to every process with the marker, then waits for them all to go; after
/// `grace` whatever is left gets SIGKILL. False when something survived even that.
pub fn stop_all(marker: &str, signal: &str, grace: Duration) -> bool {
    let deadline = Instant::now() + grace;
    let mut sent = false;
    loop {
        let left = with_marker(marker);
        if left.is_empty() {
            return true;
        }
        if !sent {
            kill(signal, &left);
            sent = true;
        }
        if Instant::now() >= deadline {
            kill("KILL", &left);
            sleep(Duration::from_millis(500));
            return with_marker(marker).is_empty();
        }
        sleep(Duration::from_millis(50));
    }
}

fn kill(signal: &str, pids: &[u32]) {
    let pids: Vec<String> = pids.iter().map(u32::to_string).collect();
    // Processes may exit between listing and signalling; kill's complaint about them is expected.
    let _ = Command::new("kill")
        .arg(format!("-{signal}"))
        .args(&pids)
        .stderr(std::process::Stdio::null())
        .status();
}

/// True when `/proc` exposes `smaps_rollup` (Linux 4.14+).
pub fn supported() -> bool {
    Path::new("/proc/self/smaps_rollup").exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_kib_fields_of_a_rollup() {
        let text = "55d0-7ffd ---p 00000000 00:00 0  [rollup]\nRss:  12345 kB\nPss:   6789 kB\n";
        assert_eq!(field_kib(text, "Rss:"), Some(12345));
        assert_eq!(field_kib(text, "Pss:"), Some(6789));
        assert_eq!(field_kib(text, "Swap:"), None);
    }

    #[test]
    fn finds_a_child_by_its_marker_and_stops_it() {
        let marker = format!("APP_BENCH_TEST={}", std::process::id());
        let (key, value) = marker.split_once('=').unwrap();
        let mut child = Command::new("sleep")
            .arg("30")
            .env(key, value)
            .spawn()
            .unwrap();
        // spawn returns while the child is still inside exec (the kernel frees a vfork parent
        // before the new image's environment is in place): until then its environ reads empty.
        let deadline = Instant::now() + Duration::from_secs(5);
        while with_marker(&marker).is_empty() && Instant::now() < deadline {
            sleep(Duration::from_millis(5));
        }
        assert_eq!(with_marker(&marker), vec![child.id()]);
        let mem = memory(&[child.id()]);
        assert_eq!(mem.len(), 1);
        assert!(mem[0].rss_kib > 0 && mem[0].pss_kib <= mem[0].rss_kib);
        assert_eq!(mem[0].name, "sleep");
        // `sleep` is our child: reap it while stop_all waits, as the harness does with the app.
        let waiter = std::thread::spawn(move || child.wait());
        assert!(stop_all(&marker, "TERM", Duration::from_secs(5)));
        assert!(!waiter.join().unwrap().unwrap().success());
        assert!(with_marker(&marker).is_empty());
    }
}
