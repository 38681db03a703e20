//! The show's rundown against the sandbox: built from three goods and a talk segment, edited
//! (insert, edit, skip, reorder, remove) before and during the show, and walked with "push
//! next", which pushes goods items through the room's queue. Every step is journaled and told to
//! the windows following the room.

mod common;

use common::{TestCore, SANDBOX};
use livedesk_core::journal::{self, JournalFilter, Outcome};
use livedesk_core::live::rundown::Rundown;
use livedesk_core::live::ActionState;
use livedesk_core::store::{ItemInput, ItemKind};
use livedesk_core::ConsoleEvent;
use livedesk_core::ErrorCode;
use serde_json::json;

const LIVE: i64 = 1;

fn goods_item(goods_id: i64, secs: u32) -> ItemInput {
    ItemInput {
        kind: Some(ItemKind::Goods),
        goods_id: Some(goods_id),
        script: format!("讲解商品 {goods_id} 的卖点"),
        planned_secs: secs,
        ..Default::default()
    }
}

fn talk(title: &str) -> ItemInput {
    ItemInput {
        kind: Some(ItemKind::Talk),
        title: title.into(),
        script: "欢迎来到直播间！".into(),
        planned_secs: 120,
        ..Default::default()
    }
}

fn ids(r: &Rundown) -> Vec<i64> {
    r.items.iter().map(|i| i.id).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rundown_is_built_edited_and_walked_with_push_next() {
    let t = TestCore::open().await;
    t.sim_post("/push_window", json!({"ms": 0})).await;
    let shelf = t.core.shelf.shelf(SANDBOX, LIVE).await.unwrap();
    let g: Vec<i64> = shelf.goods.iter().map(|g| g.goods_id).collect();
    for id in &g[..3] {
        t.core
            .shelf
            .set_on_sale(SANDBOX, LIVE, *id, true, None)
            .await
            .unwrap();
    }
    let mut rx = t.core.subscribe();

    // Built before the show: a talk segment and three goods.
    let mut r = t
        .core
        .rundowns
        .add(SANDBOX, LIVE, talk("开场福利"), None)
        .unwrap();
    for (i, id) in g[..3].iter().enumerate() {
        r = t
            .core
            .rundowns
            .add(SANDBOX, LIVE, goods_item(*id, 300 + i as u32), None)
            .unwrap();
    }
    assert_eq!(r.items.len(), 4);
    assert_eq!(
        r.items[1].title, shelf.goods[0].name,
        "a goods item is titled by its goods"
    );
    assert_eq!((r.current_id, r.next_id), (None, Some(r.items[0].id)));
    let [opening, a, b, c] = ids(&r)[..] else {
        unreachable!()
    };
    assert!(matches!(
        rx.try_recv(),
        Ok(ConsoleEvent::Rundown { room_id: LIVE, .. })
    ));

    // Bad input is refused at its field, and nothing changes.
    let e = t
        .core
        .rundowns
        .add(SANDBOX, LIVE, talk(""), None)
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field().as_deref()),
        (ErrorCode::Validation, Some("title"))
    );
    let e = t
        .core
        .rundowns
        .add(
            SANDBOX,
            LIVE,
            ItemInput {
                kind: Some(ItemKind::Goods),
                ..Default::default()
            },
            None,
        )
        .unwrap_err();
    assert_eq!(e.field().as_deref(), Some("goodsId"));
    let e = t.core.rundowns.reorder(SANDBOX, LIVE, &[a, b]).unwrap_err();
    assert_eq!(e.field().as_deref(), Some("ids"));
    assert_eq!(
        ids(&t.core.rundowns.get(SANDBOX, LIVE).unwrap()),
        [opening, a, b, c]
    );

    // Edited: c before b, a talk inserted after a, b's script rewritten.
    r = t
        .core
        .rundowns
        .reorder(SANDBOX, LIVE, &[opening, a, c, b])
        .unwrap();
    assert_eq!(ids(&r), [opening, a, c, b]);
    r = t
        .core
        .rundowns
        .add(SANDBOX, LIVE, talk("抽奖"), Some(a))
        .unwrap();
    let draw = r.items[2].id;
    assert_eq!(ids(&r), [opening, a, draw, c, b]);
    r = t
        .core
        .rundowns
        .edit(
            SANDBOX,
            LIVE,
            b,
            ItemInput {
                title: "压轴款".into(),
                script: "最后一款！".into(),
                planned_secs: 90,
                ..Default::default()
            },
        )
        .unwrap();
    let last = r.items.iter().find(|i| i.id == b).unwrap();
    assert_eq!(
        (last.title.as_str(), last.script.as_str(), last.planned_secs),
        ("压轴款", "最后一款！", 90)
    );

    // During the show: push next walks it; the draw is skipped; goods items push their card.
    t.requests().await;
    let s = t.core.rundowns.push_next(SANDBOX, LIVE).await.unwrap();
    assert_eq!(s.rundown.current_id, Some(opening));
    assert!(s.push.is_none(), "a talk segment pushes nothing");
    assert!(s.rundown.started_at_ms.is_some());
    t.core
        .rundowns
        .set_skipped(SANDBOX, LIVE, draw, true)
        .unwrap();
    let s = t.core.rundowns.push_next(SANDBOX, LIVE).await.unwrap();
    assert_eq!(s.rundown.current_id, Some(a));
    assert!(matches!(s.push.unwrap().state, ActionState::Done { .. }));
    assert_eq!(
        s.rundown.next_id,
        Some(c),
        "the skipped draw is passed over"
    );
    let s = t.core.rundowns.push_next(SANDBOX, LIVE).await.unwrap();
    assert_eq!(s.rundown.current_id, Some(c));
    let s = t.core.rundowns.push_next(SANDBOX, LIVE).await.unwrap();
    assert_eq!((s.rundown.current_id, s.rundown.next_id), (Some(b), None));
    let e = t.core.rundowns.push_next(SANDBOX, LIVE).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    let pushes: Vec<_> = t.requests().await;
    assert_eq!(pushes, ["/wxaapi/broadcast/goods/push"; 3]);

    // Going back to an item restarts its timer; removing the current item leaves nothing on.
    r = t.core.rundowns.go_to(SANDBOX, LIVE, Some(opening)).unwrap();
    assert_eq!(r.current_id, Some(opening));
    r = t.core.rundowns.remove(SANDBOX, LIVE, opening).unwrap();
    assert_eq!((r.current_id, r.next_id), (None, Some(a)));

    // Every step is in the journal, in order.
    let rows = t
        .core
        .journal
        .list(
            &JournalFilter {
                room_id: Some(LIVE),
                ..Default::default()
            },
            journal::PageRequest {
                offset: 0,
                limit: 100,
            },
        )
        .unwrap()
        .entries;
    let steps: Vec<&str> = rows
        .iter()
        .rev()
        .map(|e| e.action.as_str())
        .filter(|a| a.starts_with("rundown"))
        .collect();
    assert_eq!(
        steps,
        [
            "rundown_add",
            "rundown_add",
            "rundown_add",
            "rundown_add",
            "rundown_reorder",
            "rundown_add",
            "rundown_edit",
            "rundown_step",
            "rundown_edit",
            "rundown_step",
            "rundown_step",
            "rundown_step",
            "rundown_step",
            "rundown_remove",
        ]
    );
    assert!(rows.iter().all(|e| e.result == Outcome::Ok));
}
