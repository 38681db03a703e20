//! Retries under injected faults, and the ambiguous-create rule.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use serde_json::json;
use wechat_live::Error;

const PUSH_URL: &str = "/wxaapi/broadcast/room/getpushurl";
const CREATE: &str = "/wxaapi/broadcast/room/create";

#[tokio::test]
async fn reads_retry_system_busy_html_502_and_dropped_connections() {
    let env = common::demo().await;
    let room = env.client.rooms().list_page(0, 1).await.unwrap().rooms[0].id;
    for fault in [
        json!({"path": PUSH_URL, "kind": "errcode", "errcode": -1, "count": 2}),
        json!({"path": PUSH_URL, "kind": "html502", "count": 2}),
        json!({"path": PUSH_URL, "kind": "drop", "count": 2}),
    ] {
        env.ctl("/__sim/faults", fault.clone()).await;
        env.clear_requests().await;
        env.client
            .rooms()
            .push_url(room)
            .await
            .unwrap_or_else(|e| panic!("{fault}: {e:?}"));
        assert_eq!(env.requests_to(PUSH_URL).await.len(), 3, "{fault}");
        env.http
            .delete(env.url("/__sim/faults"))
            .send()
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn retries_stop_after_the_policy_limit() {
    let env = common::demo().await;
    let room = env.client.rooms().list_page(0, 1).await.unwrap().rooms[0].id;
    env.fault(json!({"path": PUSH_URL, "kind": "html502"}))
        .await;
    env.clear_requests().await;
    let err = env.client.rooms().push_url(room).await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 502, .. }), "{err:?}");
    assert_eq!(
        env.requests_to(PUSH_URL).await.len(),
        4,
        "1 try + 3 retries"
    );
}

#[tokio::test]
async fn html_answers_become_decode_or_http_errors_not_panics() {
    let env = common::demo().await;
    env.fault(json!({"path": "*", "kind": "html502"})).await;
    let err = env.client.rooms().list_page(0, 10).await.unwrap_err();
    match err {
        Error::Http { status, body_start } => {
            assert_eq!(status, 502);
            assert!(body_start.to_lowercase().contains("<html"), "{body_start}");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn create_is_not_retried_on_system_busy() {
    let env = common::empty().await;
    let form = env.new_room("春季新品发布会", "anchor_lin").await;
    env.fault(json!({"path": CREATE, "kind": "errcode", "errcode": -1, "count": 1}))
        .await;
    env.clear_requests().await;
    let err = env.client.rooms().create(&form).await.unwrap_err();
    assert_eq!(err.code().map(|c| c.code()), Some(-1));
    assert_eq!(env.requests_to(CREATE).await.len(), 1);
}

#[tokio::test]
async fn ambiguous_create_finds_the_processed_room_instead_of_creating_twice() {
    let env = common::empty().await;
    let form = env.new_room("春季新品发布会", "anchor_lin").await;
    // The simulator creates the room, then drops the connection before answering.
    env.fault(json!({"path": CREATE, "kind": "drop_after", "count": 1}))
        .await;
    env.clear_requests().await;
    let id = env
        .client
        .rooms()
        .create(&form)
        .await
        .expect("recovered by list-and-match");
    let rooms = env.client.rooms().list_all().await.unwrap();
    assert_eq!(rooms.len(), 1, "exactly one room exists");
    assert_eq!(rooms[0].id, id);
    assert_eq!(
        env.requests_to(CREATE).await.len(),
        1,
        "the create was not resent"
    );
}

#[tokio::test]
async fn ambiguous_create_that_was_not_processed_is_sent_once_more() {
    let env = common::empty().await;
    let form = env.new_room("夏日清凉专场", "anchor_lin").await;
    // Dropped before processing: the list shows nothing, so the client sends it again.
    env.fault(json!({"path": CREATE, "kind": "drop", "count": 1}))
        .await;
    env.clear_requests().await;
    let id = env
        .client
        .rooms()
        .create(&form)
        .await
        .expect("second send succeeds");
    let rooms = env.client.rooms().list_all().await.unwrap();
    assert_eq!(rooms.len(), 1);
    assert_eq!(rooms[0].id, id);
    assert_eq!(env.requests_to(CREATE).await.len(), 2);
}

#[tokio::test]
async fn ambiguous_goods_add_is_matched_not_duplicated() {
    let env = common::empty().await;
    let cover = env.media(300, 300).await;
    let goods = wechat_live::model::NewGoods {
        cover_img: cover,
        name: "保温杯".into(),
        price_type: wechat_live::validate::PriceType::Fixed,
        price: wechat_live::Fen(5900),
        price2: None,
        url: "pages/goods/detail?id=1".into(),
        third_party_appid: None,
        goods_key: None,
    };
    env.fault(json!({"path": "/wxaapi/broadcast/goods/add", "kind": "drop_after", "count": 1}))
        .await;
    let added = env.client.library().add(&goods).await.expect("recovered");
    let all = env.client.library().list_all_statuses().await.unwrap();
    assert_eq!(all.len(), 1, "exactly one goods exists");
    assert_eq!(all[0].goods_id, added.goods_id);
}

#[tokio::test]
async fn latency_is_survived_within_the_timeout() {
    let env = common::demo().await;
    env.fault(json!({"path": "*", "kind": "latency", "latency_ms": 30}))
        .await;
    let page = env.client.rooms().list_page(0, 5).await.unwrap();
    assert!(!page.rooms.is_empty());
}

#[tokio::test]
async fn a_timed_out_read_is_retried_and_a_timed_out_create_is_matched_not_resent() {
    // The client gives up after 400 ms; the injected faults hold the answer for 3 s.
    let env = common::env_with(wechat_live_sim::SimConfig::default(), |c| {
        c.http.timeout = std::time::Duration::from_millis(400);
    })
    .await;
    let form = env.new_room("春季新品发布会", "anchor_lin").await;
    let room = env.client.rooms().create(&form).await.unwrap();

    env.fault(json!({"path": PUSH_URL, "kind": "latency", "latency_ms": 3000, "count": 1}))
        .await;
    env.clear_requests().await;
    env.client.rooms().push_url(room).await.expect("retried");
    assert_eq!(env.requests_to(PUSH_URL).await.len(), 2);

    // WeChat creates the room but answers too late: the client must not create it twice.
    let second = env.new_room("夏日清凉专场", "anchor_lin").await;
    env.fault(json!({"path": CREATE, "kind": "latency_after", "latency_ms": 3000, "count": 1}))
        .await;
    env.clear_requests().await;
    let id = env
        .client
        .rooms()
        .create(&second)
        .await
        .expect("matched by listing");
    assert_eq!(env.requests_to(CREATE).await.len(), 1, "not resent");
    let rooms = env.client.rooms().list_all().await.unwrap();
    assert_eq!(rooms.len(), 2);
    assert_eq!(
        rooms
            .iter()
            .find(|r| r.name == "夏日清凉专场")
            .map(|r| r.id),
        Some(id)
    );
}

#[tokio::test]
async fn idempotent_writes_retry_and_goods_add_does_not() {
    let env = common::demo().await;
    let rooms = env.client.rooms().list_all().await.unwrap();
    let live = rooms
        .iter()
        .find(|r| r.status == wechat_live::model::LiveStatus::Live && r.goods.len() >= 2)
        .expect("the demo's live room has goods");
    let goods: Vec<i64> = live.goods.iter().map(|g| g.goods_id).collect();
    let writes = [
        "/wxaapi/broadcast/goods/onsale",
        "/wxaapi/broadcast/goods/sort",
        "/wxaapi/broadcast/goods/push",
        "/wxaapi/broadcast/room/updatefeedpublic",
    ];
    for path in writes {
        env.fault(json!({"path": path, "kind": "errcode", "errcode": -1, "count": 1}))
            .await;
        env.fault(json!({"path": path, "kind": "html502", "count": 1}))
            .await;
    }
    env.clear_requests().await;
    let shelf = env.client.room_goods();
    shelf.set_on_sale(live.id, goods[0], true).await.unwrap();
    shelf.sort(live.id, &goods).await.unwrap();
    shelf.push(live.id, goods[0]).await.unwrap();
    env.client
        .rooms()
        .set_feeds_public(live.id, true)
        .await
        .unwrap();
    for path in writes {
        assert_eq!(
            env.requests_to(path).await.len(),
            3,
            "{path}: 2 failures + 1"
        );
    }

    // Adding goods is not idempotent: system busy is reported, not resent.
    let cover = env.media(300, 300).await;
    let new = wechat_live::model::NewGoods {
        cover_img: cover,
        name: "保温杯".into(),
        price_type: wechat_live::validate::PriceType::Fixed,
        price: wechat_live::Fen(5900),
        price2: None,
        url: "pages/goods/detail?id=1".into(),
        third_party_appid: None,
        goods_key: None,
    };
    let add = "/wxaapi/broadcast/goods/add";
    env.fault(json!({"path": add, "kind": "errcode", "errcode": -1, "count": 1}))
        .await;
    env.clear_requests().await;
    let err = env.client.library().add(&new).await.unwrap_err();
    assert_eq!(err.code().map(|c| c.code()), Some(-1));
    assert_eq!(env.requests_to(add).await.len(), 1);
}

#[tokio::test]
async fn injected_transient_codes_are_retried_once_and_busy_codes_not() {
    let env = common::demo().await;
    // Pushes here complete at once: the 300047/300049 seen are the injected ones, not a card
    // still showing from the previous round (the simulator's push window).
    env.ctl("/__sim/push_window", json!({"ms": 0})).await;
    let rooms = env.client.rooms().list_all().await.unwrap();
    let live = rooms
        .iter()
        .find(|r| r.status == wechat_live::model::LiveStatus::Live && !r.goods.is_empty())
        .unwrap();
    let goods = live.goods[0].goods_id;
    let list = "/wxa/business/getliveinfo";
    let push = "/wxaapi/broadcast/goods/push";
    let onsale = "/wxaapi/broadcast/goods/onsale";
    for (path, errcode) in [(list, 9_410_001), (list, 9_410_002), (list, 9_410_003)] {
        env.fault(json!({"path": path, "kind": "errcode", "errcode": errcode, "count": 1}))
            .await;
        env.clear_requests().await;
        let shelf = env.client.room_goods();
        let outcome = match path {
            p if p == list => env.client.rooms().list_page(0, 5).await.map(|_| ()),
            p if p == push => shelf.push(live.id, goods).await,
            _ => shelf.set_on_sale(live.id, goods, true).await,
        };
        outcome.unwrap_or_else(|e| panic!("{errcode}: {e:?}"));
        assert_eq!(
            env.requests_to(path).await.len(),
            2,
            "{errcode} retried once"
        );
    }

    // A card showing (300047, 300049) is the caller's to wait for, visibly: sent once, answered.
    for (path, errcode) in [(push, 300_047), (onsale, 300_049)] {
        env.fault(json!({"path": path, "kind": "errcode", "errcode": errcode, "count": 1}))
            .await;
        env.clear_requests().await;
        let shelf = env.client.room_goods();
        let err = if path == push {
            shelf.push(live.id, goods).await
        } else {
            shelf.set_on_sale(live.id, goods, true).await
        }
        .unwrap_err();
        assert_eq!(err.code().map(|c| c.code()), Some(errcode));
        assert_eq!(err.retry_class(), wechat_live::RetryClass::Busy);
        assert_eq!(
            env.requests_to(path).await.len(),
            1,
            "{errcode} not retried"
        );
    }

    // 40014 (malformed token) is a token error: one refresh, one resend.
    env.fault(json!({"path": PUSH_URL, "kind": "errcode", "errcode": 40014, "count": 1}))
        .await;
    env.clear_requests().await;
    env.client.rooms().push_url(live.id).await.unwrap();
    assert_eq!(env.requests_to(PUSH_URL).await.len(), 2);
    assert_eq!(env.requests_to("/cgi-bin/stable_token").await.len(), 1);
}
