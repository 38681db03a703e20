//! Live status against the sandbox: the first listing only sets what is known; each later one
//! (the poll, a refresh) tells every room whose status changed, once — here after a publisher
//! made a room live through the ingest, and after the simulator's operations forced one.

mod common;

use common::{TestCore, SANDBOX};
use livedesk_core::ConsoleEvent;
use serde_json::json;

fn statuses(rx: &mut tokio::sync::broadcast::Receiver<ConsoleEvent>) -> Vec<(i64, u16, u16)> {
    let mut out = Vec::new();
    while let Ok(e) = rx.try_recv() {
        if let ConsoleEvent::Status {
            room_id, from, to, ..
        } = e
        {
            out.push((room_id, from, to));
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn each_status_change_is_told_once_after_the_first_listing() {
    let t = TestCore::open().await;
    let mut rx = t.core.subscribe();
    t.core.rooms.refresh(SANDBOX).await.unwrap();
    assert!(
        statuses(&mut rx).is_empty(),
        "the first listing only sets what is known"
    );

    t.sim_post("/rooms/2/status", json!({"status": 101})).await;
    t.sim_post("/rooms/1/status", json!({"status": 105})).await;
    t.core.rooms.refresh(SANDBOX).await.unwrap();
    let mut changes = statuses(&mut rx);
    changes.sort_unstable();
    assert_eq!(changes, [(1, 101, 105), (2, 102, 101)]);

    t.core.rooms.refresh(SANDBOX).await.unwrap();
    assert!(statuses(&mut rx).is_empty(), "told once");

    // A listing that fails tells nothing, and the next good one still sees the change.
    t.sim_post("/rooms/1/status", json!({"status": 101})).await;
    t.fail_times("/wxa/business/getliveinfo", -1, 5).await;
    assert!(t.core.rooms.refresh(SANDBOX).await.is_err());
    assert!(statuses(&mut rx).is_empty());
    t.clear_faults().await;
    t.core.rooms.refresh(SANDBOX).await.unwrap();
    assert_eq!(statuses(&mut rx), [(1, 105, 101)]);
}
