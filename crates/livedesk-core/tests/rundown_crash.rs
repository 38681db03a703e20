//! Crash safety of the rundown: a process editing a room's rundown as fast as it can (adding an
//! item, editing it, moving it to the top, skipping it — each a journaled step) is killed with
//! SIGKILL at a random moment, 100 times over the same database. Every step it reported
//! committed must be there, the last move to the top must hold, and `PRAGMA
//! integrity_check` must say ok.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use common::crash;
use livedesk_core::journal::Origin;
use livedesk_core::store::{ItemInput, ItemKind, Store};
use livedesk_core::{App, DB_FILE};

const CHILD_ENV: &str = "LIVEDESK_RUNDOWN_CHILD";
const RUNS: usize = 100;
const ROOM: i64 = 1;

fn talk(title: &str, secs: u32) -> ItemInput {
    ItemInput {
        kind: Some(ItemKind::Talk),
        title: title.into(),
        script: format!("{title} 的话术"),
        planned_secs: secs,
        ..Default::default()
    }
}

#[test]
#[ignore = "the writer: run by sigkill_during_rundown_edits_loses_no_step"]
fn rundown_writer_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let run = crash::run_number();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let core = rt
        .block_on(App::open(
            Path::new(&dir),
            "livedesk-test-rundown-crash",
            Origin::App,
        ))
        .unwrap();
    let mut out = std::io::stdout().lock();
    let mut say = |tag: String| {
        std::io::Write::write_all(&mut out, crash::committed_line(&tag).as_bytes()).unwrap();
        std::io::Write::flush(&mut out).unwrap();
    };
    for i in 0.. {
        let title = format!("{run}-{i}");
        let r = core
            .rundowns
            .add("sandbox", ROOM, talk(&title, 60), None)
            .unwrap();
        let id = r.items.last().unwrap().id;
        say(format!("add {title}"));
        core.rundowns
            .edit("sandbox", ROOM, id, talk(&title, 90))
            .unwrap();
        say(format!("edit {title}"));
        let mut order: Vec<i64> = r.items.iter().map(|i| i.id).collect();
        order.rotate_right(1);
        core.rundowns.reorder("sandbox", ROOM, &order).unwrap();
        say(format!("top {title}"));
        core.rundowns
            .set_skipped("sandbox", ROOM, id, true)
            .unwrap();
        say(format!("skip {title}"));
    }
}

#[test]
fn sigkill_during_rundown_edits_loses_no_step() {
    let dir = tempfile::tempdir().unwrap();
    let committed = crash::kill_loop("rundown_writer_child", CHILD_ENV, dir.path(), RUNS);

    let store = Store::open(&dir.path().join(DB_FILE)).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let items = store.rundown_items("sandbox", ROOM).unwrap();
    let by_title: HashMap<&str, _> = items.iter().map(|i| (i.title.as_str(), i)).collect();
    let mut lost = Vec::new();
    for step in &committed {
        let (what, title) = step.split_once(' ').unwrap();
        let Some(item) = by_title.get(title) else {
            lost.push(step.clone());
            continue;
        };
        let kept = match what {
            "add" | "top" => true,
            "edit" => item.planned_secs == 90,
            "skip" => item.skipped,
            _ => unreachable!("{step}"),
        };
        if !kept {
            lost.push(step.clone());
        }
    }
    assert!(
        lost.is_empty(),
        "{} of {} committed steps lost: {lost:?}",
        lost.len(),
        committed.len()
    );
    assert!(committed.len() >= RUNS, "each run made at least one step");
    // The last item moved to the top in each committed "top" step: the newest such item is first.
    let tops: Vec<&str> = committed
        .iter()
        .filter_map(|s| s.strip_prefix("top "))
        .collect();
    if let Some(newest) = tops.last() {
        let first = &items[0];
        let newer_adds: HashSet<&str> = committed
            .iter()
            .skip_while(|s| *s != &format!("top {newest}"))
            .filter_map(|s| s.strip_prefix("add "))
            .collect();
        // Unless an add after it was committed (and maybe moved up too, uncommitted), the item
        // moved last is on top.
        if newer_adds.is_empty() {
            assert_eq!(first.title, *newest, "order kept");
        }
    }
}
