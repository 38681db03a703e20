//! A producer prepares a room's goods from an empty library: a simulator with no demo data added
//! as an account (its AppSecret in a real Secret Service: run through `scripts/with-keyring.sh`, as
//! `make test` does), a room created, goods added, approved, imported, put on sale and ordered, and
//! every write in the journal.

mod common;

use common::TestCore;
use livedesk_core::accounts::NewAccount;
use livedesk_core::goods::form::APPROVED;
use livedesk_core::goods::GoodsForm;
use livedesk_core::journal::{JournalFilter, Outcome, PageRequest};
use livedesk_core::rooms::{ImageSlot, RoomForm};
use serde_json::json;
use wechat_live::Secret;
use wechat_live_sim::{start, SimConfig};

fn goods(t: &TestCore, name: &str, price: &str) -> GoodsForm {
    GoodsForm {
        cover_img_url: Some(t.picture(ImageSlot::Goods)),
        name: name.into(),
        price_type: 1,
        price: price.into(),
        price2: String::new(),
        url: "pages/goods/detail?id=1".into(),
        third_party_appid: String::new(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rooms_goods_are_prepared_from_an_empty_library_and_journaled() {
    let sim = start(SimConfig::default()).await.unwrap();
    let http = reqwest::Client::new();
    http.post(format!("{}/__sim/audit", sim.base_url()))
        .json(&json!({"delay_secs": 0}))
        .send()
        .await
        .unwrap();
    // The anchor has verified their real name (WeChat keeps that per WeChat ID).
    http.post(format!("{}/__sim/verified", sim.base_url()))
        .json(&json!({"add": ["lin_anchor"]}))
        .send()
        .await
        .unwrap();
    let t = TestCore::open().await;
    let account = t
        .core
        .accounts
        .add(NewAccount {
            name: "空商品库".into(),
            app_id: sim.app_id().into(),
            secret: Secret::new(sim.secret()),
            base_url: Some(sim.base_url().into()),
        })
        .await
        .unwrap();
    let id = account.id.as_str();

    let empty = t.core.library.sync(id, |_| {}).await.unwrap();
    assert_eq!((empty.goods, empty.counts), (0, [0, 0, 0, 0]));

    let start_at = livedesk_core::clock::unix_now() + 3600;
    let form = RoomForm {
        name: "从零开始的直播间".into(),
        anchor_name: "主播小林".into(),
        anchor_wechat: "lin_anchor".into(),
        sub_anchor_wechat: String::new(),
        creater_wechat: String::new(),
        start_time: Some(start_at),
        end_time: Some(start_at + 7200),
        room_type: 1,
        close_like: false,
        close_goods: false,
        close_comment: false,
        close_replay: false,
        close_share: false,
        close_kf: true,
        is_feeds_public: true,
        cover_img: Some(t.picture(ImageSlot::Cover)),
        share_img: Some(t.picture(ImageSlot::Share)),
        feeds_img: Some(t.picture(ImageSlot::Feeds)),
    };
    let room = t.core.rooms.create(id, form).await.unwrap().room_id;

    let a = t
        .core
        .library
        .add(id, goods(&t, "手工红糖", "29.90"))
        .await
        .unwrap();
    let b = t
        .core
        .library
        .add(id, goods(&t, "老北京布鞋", "89"))
        .await
        .unwrap();
    let synced = t.core.library.sync(id, |_| {}).await.unwrap();
    assert_eq!(synced.counts[APPROVED as usize], 2, "{:?}", synced.counts);

    let ids = [a.goods.goods_id, b.goods.goods_id];
    t.core.shelf.import(id, room, &ids).await.unwrap();
    t.core
        .shelf
        .set_on_sale(id, room, ids[0], true, None)
        .await
        .unwrap();
    t.core
        .shelf
        .sort(id, room, &[ids[1], ids[0]])
        .await
        .unwrap();
    let s = t.core.shelf.shelf(id, room).await.unwrap();
    let order: Vec<(i64, Option<bool>)> = s.goods.iter().map(|g| (g.goods_id, g.on_sale)).collect();
    assert_eq!(order, [(ids[1], None), (ids[0], Some(true))]);

    let page = t
        .core
        .journal
        .list(
            &JournalFilter {
                account_id: Some(id.into()),
                ..Default::default()
            },
            PageRequest {
                offset: 0,
                limit: 20,
            },
        )
        .unwrap();
    let got: Vec<(&str, Outcome)> = page
        .entries
        .iter()
        .rev()
        .map(|e| (e.action.as_str(), e.result))
        .collect();
    assert_eq!(
        got,
        [
            ("account_add", Outcome::Ok),
            ("room_create", Outcome::Ok),
            ("goods_add", Outcome::Ok),
            ("goods_add", Outcome::Ok),
            ("room_goods_import", Outcome::Ok),
            ("room_goods_sale", Outcome::Ok),
            ("room_goods_sort", Outcome::Ok),
        ]
    );
    assert_eq!(
        page.entries[5].room_id,
        Some(room),
        "the created room's id is learned"
    );

    t.core.accounts.remove(id).unwrap();
    sim.shutdown().await;
}
