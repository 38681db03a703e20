//! Crash safety: a process journaling writes as fast as it can is killed with SIGKILL at a random
//! moment, 100 times over the same database. Every entry it reported committed must be there, and
//! `PRAGMA integrity_check` must say ok.
//!
//! The writer is this test binary run again with `LIVEDESK_JOURNAL_CHILD` set: it opens the store of
//! the given data dir and journals writes through `Journal::record_sync` (no simulator, no keyring:
//! the journal needs neither), printing each entry's tag once the call returned (its row committed).

mod common;

use std::collections::HashSet;
use std::path::Path;

use common::crash;
use livedesk_core::journal::{Action, Journal, JournalFilter, Origin, Write};
use livedesk_core::locale::LocaleState;
use livedesk_core::store::Store;
use livedesk_core::DB_FILE;

const CHILD_ENV: &str = "LIVEDESK_JOURNAL_CHILD";
const RUNS: usize = 100;

#[test]
#[ignore = "the writer: run by sigkill_during_journal_writes_loses_nothing"]
fn journal_writer_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let run = crash::run_number();
    let store = Store::open(&Path::new(&dir).join(DB_FILE)).unwrap();
    let journal = Journal::new(store, LocaleState::default(), Origin::App);
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let tag = format!("{run}-{i}");
        let w = Write::new("sandbox", Action::RoomGoodsPush)
            .room(1)
            .goods(i)
            .subject(&tag);
        journal.record_sync(w, || Ok(())).unwrap();
        std::io::Write::write_all(&mut out, crash::committed_line(&tag).as_bytes()).unwrap();
        std::io::Write::flush(&mut out).unwrap();
    }
}

#[test]
fn sigkill_during_journal_writes_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let committed = crash::kill_loop("journal_writer_child", CHILD_ENV, dir.path(), RUNS);

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
