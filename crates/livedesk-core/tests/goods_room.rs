//! A room's goods against the sandbox simulator: import, sale, push, sort, delete, the
//! explanation video, the room summary, and each documented errcode of these calls.

mod common;

use common::{TestCore, SANDBOX};
use livedesk_core::goods::form::{APPROVED, UNDER_REVIEW};
use livedesk_core::journal::{JournalFilter, Outcome};
use serde_json::json;

/// Demo rooms: 1 is live with five goods (the first pushed), 2 has not started, 4 ended with a push.
const LIVE: i64 = 1;
const NOT_STARTED: i64 = 2;
const ENDED: i64 = 4;

fn errcode(e: &livedesk_core::CoreError) -> Option<i64> {
    e.detail().and_then(|d| d.errcode)
}

async fn synced() -> TestCore {
    let t = TestCore::open().await;
    t.core.library.sync(SANDBOX, |_| {}).await.unwrap();
    t
}

async fn order(t: &TestCore, room: i64) -> Vec<i64> {
    t.core
        .shelf
        .shelf(SANDBOX, room)
        .await
        .unwrap()
        .goods
        .iter()
        .map(|g| g.goods_id)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_producer_prepares_a_rooms_goods_and_every_write_is_journaled() {
    let t = synced().await;
    let approved = t.core.store.goods_ids_in(SANDBOX, APPROVED).unwrap();
    let before = order(&t, NOT_STARTED).await;
    let new: Vec<i64> = approved
        .iter()
        .copied()
        .filter(|g| !before.contains(g))
        .take(3)
        .collect();
    assert_eq!(new.len(), 3);

    t.requests().await;
    t.core
        .shelf
        .import(SANDBOX, NOT_STARTED, &new)
        .await
        .unwrap();
    let after = order(&t, NOT_STARTED).await;
    assert_eq!(after.len(), before.len() + 3);
    assert!(new.iter().all(|g| after.contains(g)));

    t.core
        .shelf
        .set_on_sale(SANDBOX, NOT_STARTED, new[0], false, None)
        .await
        .unwrap();
    let s = t.core.shelf.shelf(SANDBOX, NOT_STARTED).await.unwrap();
    let g = s.goods.iter().find(|g| g.goods_id == new[0]).unwrap();
    assert_eq!(g.on_sale, Some(false), "the state LiveDesk set is shown");
    assert!(g.thumb.starts_with("data:image/") && !g.name.is_empty() && g.price > 0);

    let mut reordered = after.clone();
    reordered.reverse();
    t.core
        .shelf
        .sort(SANDBOX, NOT_STARTED, &reordered)
        .await
        .unwrap();
    assert_eq!(order(&t, NOT_STARTED).await, reordered);

    t.core
        .shelf
        .remove(SANDBOX, NOT_STARTED, new[1], None)
        .await
        .unwrap();
    assert!(!order(&t, NOT_STARTED).await.contains(&new[1]));

    // The simulator saw each call, in order.
    let writes: Vec<String> = t
        .requests()
        .await
        .into_iter()
        .filter(|p| !p.contains("getliveinfo"))
        .collect();
    assert_eq!(
        writes,
        [
            "/wxaapi/broadcast/room/addgoods",
            "/wxaapi/broadcast/goods/onsale",
            "/wxaapi/broadcast/goods/sort",
            "/wxaapi/broadcast/goods/deleteInRoom",
        ]
    );

    // Pushing needs a live room: 300023 here, fine in the live one.
    let e = t
        .core
        .shelf
        .push(SANDBOX, NOT_STARTED, reordered[0], None)
        .await
        .unwrap_err();
    assert_eq!(errcode(&e), Some(300023));
    let live = order(&t, LIVE).await;
    // Cards complete at once here (the push window and its 300047 are the console's tests).
    t.sim_post("/push_window", json!({"ms": 0})).await;
    for g in [live[1], live[1], live[2]] {
        t.core.shelf.push(SANDBOX, LIVE, g, None).await.unwrap();
    }

    let summary = t.core.journal.room_summary(SANDBOX, LIVE).unwrap();
    let pushes: Vec<_> = summary.pushes.iter().map(|p| (p.goods_id, p.ok)).collect();
    assert_eq!(pushes, [(live[1], 2), (live[2], 1)]);
    assert!(summary.pushes[0].name.len() > 1, "named from the library");
    let prep = t.core.journal.room_summary(SANDBOX, NOT_STARTED).unwrap();
    assert_eq!((prep.writes, prep.failures), (5, 1));
    let actions: Vec<_> = prep
        .timeline
        .iter()
        .map(|e| (e.action.as_str(), e.result))
        .collect();
    assert_eq!(
        actions,
        [
            ("room_goods_import", Outcome::Ok),
            ("room_goods_sale", Outcome::Ok),
            ("room_goods_sort", Outcome::Ok),
            ("room_goods_delete", Outcome::Ok),
            ("room_goods_push", Outcome::Failed),
        ]
    );
    assert_eq!(prep.timeline[1].detail, "off");

    // The CSV holds the same rows.
    let csv = t.dir.path().join("journal.csv");
    let filter = JournalFilter {
        room_id: Some(NOT_STARTED),
        ..Default::default()
    };
    assert_eq!(t.core.journal.export_csv(&filter, &csv).unwrap(), 5);
    let mut r = csv::Reader::from_path(&csv).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let got: Vec<(&str, &str)> = rows.iter().map(|r| (&r[9], &r[11])).collect();
    assert_eq!(got[0], ("room_goods_import", "ok"));
    assert_eq!(got[4], ("room_goods_push", "failed"));
    assert_eq!(&rows[4][12], "300023");
}

#[tokio::test(flavor = "multi_thread")]
async fn each_documented_room_goods_errcode_is_said() {
    let t = synced().await;
    let approved = t.core.store.goods_ids_in(SANDBOX, APPROVED).unwrap();
    let reviewing = t.core.store.goods_ids_in(SANDBOX, UNDER_REVIEW).unwrap();

    let e = t
        .core
        .shelf
        .import(SANDBOX, 999_999, &approved[..1])
        .await
        .unwrap_err();
    assert_eq!(errcode(&e), Some(300022), "no such room");
    let e = t
        .core
        .shelf
        .import(SANDBOX, NOT_STARTED, &[888_888])
        .await
        .unwrap_err();
    assert_eq!(errcode(&e), Some(300024), "no such goods");
    let e = t
        .core
        .shelf
        .import(SANDBOX, NOT_STARTED, &reviewing[..1])
        .await
        .unwrap_err();
    assert_eq!(errcode(&e), Some(300025), "not approved");
    assert!(e.message(livedesk_core::Locale::ZhCn).contains("审核"));

    // More goods than a room holds.
    let seeded = t.sim_post("/seed", json!({"goods": 320})).await;
    let many: Vec<i64> = seeded["goods_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    let e = t
        .core
        .shelf
        .import(SANDBOX, NOT_STARTED, &many)
        .await
        .unwrap_err();
    assert_eq!(errcode(&e), Some(300033), "over the room's limit");

    let live = order(&t, LIVE).await;
    // 300048 is transient: the client retries it, so it must outlast the attempts.
    t.fail_times("/wxaapi/broadcast/goods/sort", 300048, 20)
        .await;
    let e = t.core.shelf.sort(SANDBOX, LIVE, &live).await.unwrap_err();
    assert_eq!(errcode(&e), Some(300048));
    t.clear_faults().await;

    // Explanation videos: none for goods never pushed, not yet while live, a file once ended.
    let e = t
        .core
        .shelf
        .save_video(SANDBOX, LIVE, live[1], &t.dir.path().join("a.mp4"), |_| {})
        .await
        .unwrap_err();
    assert_eq!(errcode(&e), Some(300044));
    let e = t
        .core
        .shelf
        .save_video(SANDBOX, LIVE, live[0], &t.dir.path().join("b.mp4"), |_| {})
        .await
        .unwrap_err();
    assert_eq!(errcode(&e), Some(300045));
    assert!(!t.dir.path().join("b.mp4").exists());

    let ended = order(&t, ENDED).await;
    let dest = t.dir.path().join("讲解.mp4");
    let seen = std::sync::Mutex::new(Vec::new());
    let saved = t
        .core
        .shelf
        .save_video(SANDBOX, ENDED, ended[0], &dest, |p| {
            seen.lock().unwrap().push(p)
        })
        .await
        .unwrap();
    let bytes = std::fs::read(&dest).unwrap();
    assert_eq!(saved.bytes, bytes.len() as u64);
    assert_eq!(&bytes[4..8], b"ftyp");
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.last().unwrap().bytes, saved.bytes);
    assert_eq!(seen.last().unwrap().total, Some(saved.bytes));
    assert!(seen.len() > 2, "progress along the way");
}
