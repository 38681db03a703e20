//! Crash safety: a process journaling writes as fast as it can is killed with SIGKILL at a random
//! moment, 100 times over the same database. Every entry it reported committed must be there, and
//! `PRAGMA integrity_check` must say ok.
//!
//! The writer is this test binary run again with `LIVEDESK_JOURNAL_CHILD` set: it opens a Core over
//! the given data dir and journals writes through [`journal::record_sync`], printing each entry's tag
//! once the call returned (its row committed).

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use livedesk_core::journal::{self, Action, JournalFilter, Write};
use livedesk_core::store::Store;
use livedesk_core::{Core, DB_FILE};

const CHILD_ENV: &str = "LIVEDESK_JOURNAL_CHILD";
const RUNS: usize = 100;
/// Starts each committed tag's line (the test harness prints its own lines too).
const MARK: &str = "JOURNALED ";

/// The tag of a writer's whole line, if it is one (a line cut short has no closing " .").
fn tag(line: &str) -> Option<String> {
    let (_, rest) = line.split_once(MARK)?;
    rest.strip_suffix(" .").map(str::to_owned)
}

#[test]
#[ignore = "the writer: run by sigkill_during_journal_writes_loses_nothing"]
fn journal_writer_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let run = std::env::var("LIVEDESK_JOURNAL_RUN").unwrap_or_default();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let core = rt
        .block_on(Core::open(Path::new(&dir), "livedesk-test-journal-crash"))
        .unwrap();
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let tag = format!("{run}-{i}");
        let w = Write::new("sandbox", Action::RoomGoodsPush)
            .room(1)
            .goods(i)
            .subject(&tag);
        journal::record_sync(&core, w, || Ok(())).unwrap();
        std::io::Write::write_all(&mut out, format!("{MARK}{tag} .\n").as_bytes()).unwrap();
        std::io::Write::flush(&mut out).unwrap();
    }
}

#[test]
fn sigkill_during_journal_writes_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut committed: Vec<String> = Vec::new();
    for run in 0..RUNS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "journal_writer_child",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir.path())
            .env("LIVEDESK_JOURNAL_RUN", run.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map_while(Result::ok);
        // Writing has begun once the first tag is out; then a random moment within 25 ms.
        let first = lines.find_map(|l| tag(&l)).expect("the writer started");
        std::thread::sleep(Duration::from_micros(rand::random::<u64>() % 25_000));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        committed.push(first);
        // Lines the writer finished before it died.
        committed.extend(lines.filter_map(|l| tag(&l)));
    }

    let store = Store::open(&dir.path().join(DB_FILE)).unwrap();
    let ok: String = store.integrity_check().unwrap();
    assert_eq!(ok, "ok");
    let stored: HashSet<String> = store
        .journal_all(&JournalFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| e.subject)
        .collect();
    let lost: Vec<&String> = committed.iter().filter(|t| !stored.contains(*t)).collect();
    assert!(
        lost.is_empty(),
        "{} of {} committed entries lost: {lost:?}",
        lost.len(),
        committed.len()
    );
    assert!(committed.len() >= RUNS, "each run wrote at least one entry");
}
