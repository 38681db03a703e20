//! The live console's queue against the sandbox: a push while a card shows waits and goes
//! (300047), a sale change during a push waits (300049), off-sale or absent goods are refused
//! before sending (300052, 300053), a double click sends once, failures can be retried, and
//! destructive actions are locked while the show is on.

mod common;

use std::time::Duration;

use common::{TestCore, SANDBOX};
use livedesk_core::clock::Clock;
use livedesk_core::goods::form::APPROVED;
use livedesk_core::journal::{self, JournalFilter, Outcome};
use livedesk_core::live::{ActionKind, ActionState, WaitPolicy, REPEAT_GUARD_MS};
use livedesk_core::ConsoleEvent;
use livedesk_core::ErrorCode;
use serde_json::json;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// The demo's live room (five goods on its shelf).
const LIVE: i64 = 1;
const PUSH: &str = "/wxaapi/broadcast/goods/push";
const ONSALE: &str = "/wxaapi/broadcast/goods/onsale";

/// A core whose queues wait briefly, with the live room's shelf read and all of it on sale.
async fn console(push_window_ms: u64) -> (TestCore, Vec<i64>) {
    let t = TestCore::open().await;
    t.core.console.set_wait_policy(WaitPolicy {
        first: Duration::from_millis(50),
        max: Duration::from_millis(200),
        give_up_after: Duration::from_secs(10),
    });
    t.sim_post("/push_window", json!({"ms": 0})).await;
    let goods: Vec<i64> = t
        .core
        .shelf
        .shelf(SANDBOX, LIVE)
        .await
        .unwrap()
        .goods
        .iter()
        .map(|g| g.goods_id)
        .collect();
    assert!(goods.len() >= 3);
    for g in &goods {
        let a = t
            .core
            .console
            .act(SANDBOX, LIVE, sale(*g, true))
            .await
            .unwrap();
        assert!(matches!(a.state, ActionState::Done { .. }), "{a:?}");
    }
    t.sim_post("/push_window", json!({"ms": push_window_ms}))
        .await;
    t.requests().await;
    (t, goods)
}

fn push(goods_id: i64) -> ActionKind {
    ActionKind::Push { goods_id }
}

fn sale(goods_id: i64, on_sale: bool) -> ActionKind {
    ActionKind::Sale { goods_id, on_sale }
}

fn failed_with(state: &ActionState) -> (Option<i64>, bool) {
    match state {
        ActionState::Failed { errcode, sent, .. } => (*errcode, *sent),
        other => panic!("expected a failure, got {other:?}"),
    }
}

/// The states an action went through, from the console's events.
fn states_of(rx: &mut tokio::sync::broadcast::Receiver<ConsoleEvent>, id: u64) -> Vec<String> {
    let mut out = Vec::new();
    while let Ok(e) = rx.try_recv() {
        if let ConsoleEvent::Action { action } = e {
            if action.id == id {
                let v = serde_json::to_value(&action.state).unwrap();
                out.push(v["state"].as_str().unwrap().to_owned());
            }
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_push_while_a_card_shows_waits_visibly_and_goes() {
    let (t, goods) = console(600).await;
    let mut rx = t.core.subscribe();
    let first = t
        .core
        .console
        .act(SANDBOX, LIVE, push(goods[0]))
        .await
        .unwrap();
    assert!(matches!(first.state, ActionState::Done { .. }), "{first:?}");
    assert_eq!(first.attempts, 1);

    let second = t
        .core
        .console
        .act(SANDBOX, LIVE, push(goods[1]))
        .await
        .unwrap();
    assert!(
        matches!(second.state, ActionState::Done { .. }),
        "{second:?}"
    );
    assert!(second.attempts >= 2, "it waited: {second:?}");
    let states = states_of(&mut rx, second.id);
    assert_eq!(states.first().map(String::as_str), Some("queued"));
    assert!(states.iter().any(|s| s == "waiting"), "{states:?}");
    assert_eq!(states.last().map(String::as_str), Some("done"));

    let sent = t.requests().await;
    assert!(sent.iter().all(|p| p == PUSH), "{sent:?}");
    assert_eq!(sent.len() as u32, 1 + second.attempts);
    // Each attempt is in the journal: the refusals with 300047, then the one that went.
    let rows = t
        .core
        .journal
        .list(
            &JournalFilter {
                room_id: Some(LIVE),
                action: Some("room_goods_push".into()),
                ..Default::default()
            },
            journal::PageRequest {
                offset: 0,
                limit: 50,
            },
        )
        .unwrap()
        .entries;
    let pushes: Vec<_> = rows
        .iter()
        .filter(|r| r.goods_id == Some(goods[1]))
        .collect();
    assert_eq!(pushes.len() as u32, second.attempts);
    assert_eq!(pushes[0].result, Outcome::Ok, "newest first");
    assert!(pushes[1..]
        .iter()
        .all(|r| r.result == Outcome::Failed && r.errcode == Some(300_047)));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sale_change_during_a_push_waits_for_the_card() {
    let (t, goods) = console(500).await;
    t.core
        .console
        .act(SANDBOX, LIVE, push(goods[0]))
        .await
        .unwrap();
    let off = t
        .core
        .console
        .act(SANDBOX, LIVE, sale(goods[2], false))
        .await
        .unwrap();
    assert!(matches!(off.state, ActionState::Done { .. }), "{off:?}");
    assert!(off.attempts >= 2, "{off:?}");
    let sent = t.requests().await;
    assert_eq!(sent[0], PUSH);
    assert!(sent[1..].iter().all(|p| p == ONSALE), "{sent:?}");
    let sales = t.core.store.sales(SANDBOX, LIVE).unwrap();
    assert!(!sales[&goods[2]].0, "the new state is remembered");
}

#[tokio::test(flavor = "multi_thread")]
async fn off_sale_and_absent_goods_are_refused_before_sending() {
    let (t, goods) = console(0).await;
    t.core
        .console
        .act(SANDBOX, LIVE, sale(goods[0], false))
        .await
        .unwrap();
    t.requests().await;
    let refused = t
        .core
        .console
        .act(SANDBOX, LIVE, push(goods[0]))
        .await
        .unwrap();
    assert_eq!(failed_with(&refused.state), (Some(300_052), false));
    assert!(t.requests().await.is_empty(), "nothing sent");

    t.core.library.sync(SANDBOX, |_| {}).await.unwrap();
    let absent = t
        .core
        .store
        .goods_ids_in(SANDBOX, APPROVED)
        .unwrap()
        .into_iter()
        .find(|g| !goods.contains(g))
        .expect("approved goods not in the live room");
    t.requests().await;
    let refused = t
        .core
        .console
        .act(SANDBOX, LIVE, push(absent))
        .await
        .unwrap();
    assert_eq!(failed_with(&refused.state), (Some(300_053), false));
    // The shelf was read once more before refusing (it may have changed elsewhere); no push.
    assert_eq!(t.requests().await, ["/wxa/business/getliveinfo"]);
    let ActionState::Failed { message, .. } = &refused.state else {
        unreachable!()
    };
    assert!(message.contains("未发送"), "{message}");

    // Both refusals are in the journal, as failures with WeChat's errcode.
    let rows = t
        .core
        .journal
        .list(
            &JournalFilter {
                action: Some("room_goods_push".into()),
                ..Default::default()
            },
            journal::PageRequest {
                offset: 0,
                limit: 10,
            },
        )
        .unwrap()
        .entries;
    let codes: Vec<_> = rows.iter().map(|r| (r.result, r.errcode)).collect();
    assert_eq!(
        codes,
        [
            (Outcome::Failed, Some(300_053)),
            (Outcome::Failed, Some(300_052))
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_double_click_sends_once() {
    let (t, goods) = console(0).await;
    // The guard reads the console's clock: time moves only when the test says so.
    let now = Arc::new(AtomicI64::new(1_800_000_000_000));
    let clock_now = now.clone();
    t.core
        .console
        .set_clock(Clock::from_fn(move || clock_now.load(Ordering::SeqCst)));
    let (a, b) = tokio::join!(
        t.core.console.act(SANDBOX, LIVE, push(goods[1])),
        t.core.console.act(SANDBOX, LIVE, push(goods[1])),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.id, b.id, "the second click is the first action");
    assert_eq!(t.requests().await, [PUSH]);
    // A second click that comes after WeChat already answered the first is the first, too.
    let late = t
        .core
        .console
        .act(SANDBOX, LIVE, push(goods[1]))
        .await
        .unwrap();
    assert_eq!(late.id, a.id);
    assert!(t.requests().await.is_empty(), "not sent again");
    // Later, the same push is a new action (pushing twice on purpose is allowed).
    now.fetch_add(REPEAT_GUARD_MS - 1, Ordering::SeqCst);
    let still = t
        .core
        .console
        .act(SANDBOX, LIVE, push(goods[1]))
        .await
        .unwrap();
    assert_eq!(still.id, a.id, "just inside the guard");
    now.fetch_add(2, Ordering::SeqCst);
    let again = t
        .core
        .console
        .act(SANDBOX, LIVE, push(goods[1]))
        .await
        .unwrap();
    assert_ne!(again.id, a.id);
    assert_eq!(t.requests().await, [PUSH]);
}

#[tokio::test(flavor = "multi_thread")]
async fn actions_go_in_the_order_asked() {
    let (t, goods) = console(300).await;
    let (a, b, c) = tokio::join!(
        t.core.console.act(SANDBOX, LIVE, push(goods[0])),
        async {
            tokio::time::sleep(Duration::from_millis(20)).await;
            t.core
                .console
                .act(SANDBOX, LIVE, sale(goods[1], false))
                .await
        },
        async {
            tokio::time::sleep(Duration::from_millis(40)).await;
            t.core
                .console
                .act(SANDBOX, LIVE, ActionKind::CommentBan { banned: true })
                .await
        },
    );
    for r in [&a, &b, &c] {
        let r = r.as_ref().unwrap();
        assert!(matches!(r.state, ActionState::Done { .. }), "{r:?}");
    }
    let sent = t.requests().await;
    let firsts: Vec<&str> = sent
        .iter()
        .map(String::as_str)
        .fold(Vec::new(), |mut v, p| {
            if v.last() != Some(&p) {
                v.push(p);
            }
            v
        });
    assert_eq!(
        firsts,
        [PUSH, ONSALE, "/wxaapi/broadcast/room/updatecomment"]
    );
    let st = t.core.console.state(SANDBOX, LIVE);
    assert_eq!(st.comment_banned, Some(true));
    assert!(st.actions.iter().all(|a| !a.state.is_active()));
}

#[tokio::test(flavor = "multi_thread")]
async fn injected_refusals_wait_then_a_real_failure_can_be_retried() {
    let (t, goods) = console(0).await;
    t.fail_times(PUSH, 300_047, 2).await;
    let a = t
        .core
        .console
        .act(SANDBOX, LIVE, push(goods[2]))
        .await
        .unwrap();
    assert!(matches!(a.state, ActionState::Done { .. }), "{a:?}");
    assert_eq!(a.attempts, 3);
    assert_eq!(t.requests().await, [PUSH, PUSH, PUSH]);

    // A refusal that waiting cannot fix fails at once, with WeChat's reason, and can be retried.
    t.fail_next(PUSH, 300_023).await;
    let failed = t
        .core
        .console
        .act(SANDBOX, LIVE, push(goods[1]))
        .await
        .unwrap();
    assert_eq!(failed_with(&failed.state), (Some(300_023), true));
    let retried = t
        .core
        .console
        .retry(SANDBOX, LIVE, failed.id)
        .await
        .unwrap();
    assert_eq!(retried.id, failed.id);
    assert!(matches!(retried.state, ActionState::Done { .. }));
    assert_eq!(retried.attempts, 2);
    // Only failed actions can be retried.
    let e = t
        .core
        .console
        .retry(SANDBOX, LIVE, failed.id)
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_card_that_keeps_showing_fails_after_the_wait_and_can_be_retried() {
    let (t, goods) = console(60_000).await;
    t.core.console.set_wait_policy(WaitPolicy {
        first: Duration::from_millis(50),
        max: Duration::from_millis(50),
        give_up_after: Duration::from_millis(300),
    });
    t.core
        .console
        .act(SANDBOX, LIVE, push(goods[0]))
        .await
        .unwrap();
    let stuck = t
        .core
        .console
        .act(SANDBOX, LIVE, push(goods[1]))
        .await
        .unwrap();
    assert_eq!(failed_with(&stuck.state), (Some(300_047), true));
    assert!(stuck.attempts >= 2);
    t.sim_post("/push_window", json!({"ms": 0})).await;
    // The card still shows until the window the push started with ends: move the clock on.
    t.sim_post("/clock", json!({"advance": 120})).await;
    let retried = t.core.console.retry(SANDBOX, LIVE, stuck.id).await.unwrap();
    assert!(
        matches!(retried.state, ActionState::Done { .. }),
        "{retried:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn destructive_actions_are_locked_while_the_show_is_on() {
    let (t, goods) = console(0).await;
    let gone = goods[goods.len() - 1];
    let locked = t
        .core
        .console
        .act(SANDBOX, LIVE, ActionKind::Remove { goods_id: gone })
        .await
        .unwrap();
    let ActionState::Failed { message, sent, .. } = &locked.state else {
        panic!("{locked:?}")
    };
    assert!(!sent && message.contains("解锁"), "{message}");
    let e = t.core.rooms.delete(SANDBOX, LIVE).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::LiveLocked);
    t.core.library.sync(SANDBOX, |_| {}).await.unwrap();
    let e = t.core.library.delete(SANDBOX, gone).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::LiveLocked);
    let writes: Vec<String> = t
        .requests()
        .await
        .into_iter()
        .filter(|p| !p.contains("getliveinfo") && !p.contains("getapproved"))
        .collect();
    assert!(writes.is_empty(), "nothing destructive sent: {writes:?}");

    let until = t.core.console.unlock(SANDBOX, LIVE).unwrap();
    assert_eq!(t.core.console.unlocked_until(SANDBOX, LIVE), Some(until));
    let removed = t
        .core
        .console
        .act(SANDBOX, LIVE, ActionKind::Remove { goods_id: gone })
        .await
        .unwrap();
    assert!(
        matches!(removed.state, ActionState::Done { .. }),
        "{removed:?}"
    );
    assert!(t
        .requests()
        .await
        .contains(&"/wxaapi/broadcast/goods/deleteInRoom".to_owned()));
    // Pushing the goods now gone is refused before sending.
    let refused = t.core.console.act(SANDBOX, LIVE, push(gone)).await.unwrap();
    assert_eq!(failed_with(&refused.state), (Some(300_053), false));

    t.core.console.relock(SANDBOX, LIVE);
    let e = t.core.rooms.delete(SANDBOX, LIVE).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::LiveLocked);
    // A room whose show is not on is not locked.
    assert!(t.core.guard.room(SANDBOX, 2).await.is_ok());
}
