//! Goods library L1–L9 and room goods G1–G5 through the client against the simulator.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use serde_json::json;
use wechat_live::model::{AuditStatus, GoodsUpdate, LiveStatus, NewGoods};
use wechat_live::validate::PriceType;
use wechat_live::{ErrCode, Error, Fen};

async fn new_goods(env: &common::Env, name: &str) -> NewGoods {
    NewGoods {
        cover_img: env.media(300, 300).await,
        name: name.into(),
        price_type: PriceType::Discount,
        price: Fen(12_900),
        price2: Some(Fen(9_950)),
        url: "pages/goods/detail?id=42".into(),
        third_party_appid: None,
        goods_key: None,
    }
}

#[tokio::test]
async fn add_audit_progression_prices_and_info() {
    let env = common::empty().await;
    let goods = new_goods(&env, "羊毛围巾").await;
    env.clear_requests().await;
    let added = env.client.library().add(&goods).await.unwrap();
    assert!(added.audit_id.is_some());

    // Sent in yuan with two decimals at most.
    let sent = env.requests_to("/wxaapi/broadcast/goods/add").await;
    assert_eq!(sent[0]["body"]["goodsInfo"]["price"], json!(129));
    assert_eq!(sent[0]["body"]["goodsInfo"]["price2"], json!(99.5));

    let under_review = env
        .client
        .library()
        .list_all(AuditStatus::UnderReview)
        .await
        .unwrap();
    assert_eq!(under_review.len(), 1);
    assert_eq!(
        under_review[0].price,
        Fen(12_900),
        "answers are read as fen"
    );
    assert_eq!(under_review[0].price2, Some(Fen(9_950)));

    env.advance(60).await;
    let approved = env
        .client
        .library()
        .list_all(AuditStatus::Approved)
        .await
        .unwrap();
    assert_eq!(
        approved.iter().map(|g| g.goods_id).collect::<Vec<_>>(),
        vec![added.goods_id]
    );

    let info = env.client.library().info(&[added.goods_id]).await.unwrap();
    assert_eq!(info[0].audit_status, Some(AuditStatus::Approved));
    assert_eq!(info[0].price_type, PriceType::Discount);
    assert!(info[0].added_via_api());
}

#[tokio::test]
async fn rejected_word_and_bad_prices() {
    let env = common::empty().await;
    let mut goods = new_goods(&env, "违规商品").await;
    let added = env.client.library().add(&goods).await.unwrap();
    env.advance(60).await;
    let info = env.client.library().info(&[added.goods_id]).await.unwrap();
    assert_eq!(info[0].audit_status, Some(AuditStatus::Rejected));

    // A discount whose current price is above the original is caught before sending.
    goods.name = "好物".into();
    goods.price2 = Some(Fen(20_000));
    env.clear_requests().await;
    let err = env.client.library().add(&goods).await.unwrap_err();
    assert!(matches!(err, Error::Validation { .. }), "{err:?}");
    assert!(env
        .requests_to("/wxaapi/broadcast/goods/add")
        .await
        .is_empty());

    goods.name = "这是一个非常非常长的商品名称超过十四".into();
    goods.price2 = Some(Fen(100));
    let err = env.client.library().add(&goods).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Validation {
                field: "goodsInfo.name",
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn update_reset_resubmit_delete_and_keys() {
    let env = common::empty().await;
    let goods = new_goods(&env, "羊毛围巾").await;
    let added = env.client.library().add(&goods).await.unwrap();
    let lib = env.client.library();

    // Under review: no update.
    let update = GoodsUpdate {
        goods_id: added.goods_id,
        cover_img: None,
        name: Some("羊绒围巾".into()),
        price_type: None,
        price: None,
        price2: None,
        url: None,
        third_party_appid: None,
    };
    assert_eq!(
        lib.update(&update).await.unwrap_err().code(),
        Some(ErrCode::WrongAuditState)
    );

    lib.reset_audit(added.goods_id, added.audit_id.unwrap())
        .await
        .unwrap();
    lib.update(&update).await.unwrap();
    let new_audit = lib.resubmit(added.goods_id).await.unwrap();
    assert!(new_audit > 0);
    let err = lib.reset_audit(999_999, 1).await.unwrap_err();
    assert!(err.code().is_some());

    lib.set_global_key(&["sku".to_owned(), "color".to_owned()])
        .await
        .unwrap();
    assert_eq!(
        lib.global_key().await.unwrap(),
        vec!["sku".to_owned(), "color".to_owned()]
    );

    lib.delete(added.goods_id).await.unwrap();
    assert!(lib.list_all_statuses().await.unwrap().is_empty());
}

#[tokio::test]
async fn room_goods_import_sale_push_sort_delete() {
    let env = common::demo().await;
    // Each call once, in a row: the card of a push completes at once here (the simulator's push
    // window, whose 300047 waits are the console's to handle, is off).
    env.ctl("/__sim/push_window", json!({"ms": 0})).await;
    let rooms = env.client.rooms().list_all().await.unwrap();
    let live = rooms
        .iter()
        .find(|r| r.status == LiveStatus::Live)
        .expect("demo has a live room");
    let approved = env
        .client
        .library()
        .list_all(AuditStatus::Approved)
        .await
        .unwrap();
    assert!(approved.len() >= 2);
    let ids: Vec<i64> = approved.iter().take(3).map(|g| g.goods_id).collect();
    env.client.rooms().add_goods(live.id, &ids).await.unwrap();
    let shelf = env.client.room_goods();
    let in_room = shelf.list(live.id).await.unwrap().expect("room exists");
    for id in &ids {
        assert!(
            in_room.iter().any(|g| g.goods_id == *id),
            "goods {id} imported"
        );
    }

    shelf.set_on_sale(live.id, ids[0], false).await.unwrap();
    assert_eq!(
        shelf.push(live.id, ids[0]).await.unwrap_err().code(),
        Some(ErrCode::OffShelfCannotPush)
    );
    shelf.set_on_sale(live.id, ids[0], true).await.unwrap();
    shelf.push(live.id, ids[0]).await.unwrap();

    let mut order = ids.clone();
    order.reverse();
    shelf.sort(live.id, &order).await.unwrap();
    let after = shelf.list(live.id).await.unwrap().unwrap();
    let positions: Vec<usize> = order
        .iter()
        .map(|id| after.iter().position(|g| g.goods_id == *id).unwrap())
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "sorted as asked: {positions:?}"
    );

    shelf.delete(live.id, ids[1]).await.unwrap();
    let err = shelf.push(live.id, ids[1]).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::GoodsNotInRoom));

    let err = shelf.video(live.id, ids[2]).await.unwrap_err();
    assert!(matches!(
        err.code(),
        Some(ErrCode::NoExplanationVideo | ErrCode::VideoNotReady)
    ));

    // Pushing in a room that is not live is refused.
    let upcoming = rooms
        .iter()
        .find(|r| r.status == LiveStatus::NotStarted)
        .unwrap();
    env.client
        .rooms()
        .add_goods(upcoming.id, &ids[..1])
        .await
        .unwrap();
    assert_eq!(
        shelf.push(upcoming.id, ids[0]).await.unwrap_err().code(),
        Some(ErrCode::RoomStateForbids)
    );
}

#[tokio::test]
async fn unapproved_goods_cannot_be_imported() {
    let env = common::demo().await;
    let rooms = env.client.rooms().list_all().await.unwrap();
    let room = rooms
        .iter()
        .find(|r| r.status == LiveStatus::NotStarted)
        .unwrap();
    let pending = env
        .client
        .library()
        .list_all(AuditStatus::UnderReview)
        .await
        .unwrap();
    let err = env
        .client
        .rooms()
        .add_goods(room.id, &[pending[0].goods_id])
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::GoodsNotApproved));
    let err = env
        .client
        .rooms()
        .add_goods(room.id, &[987_654_321])
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::GoodsNotFound));
}

#[tokio::test]
async fn explanation_video_appears_after_the_show() {
    let env = common::demo().await;
    let rooms = env.client.rooms().list_all().await.unwrap();
    let live = rooms
        .iter()
        .find(|r| r.status == LiveStatus::Live && !r.goods.is_empty())
        .unwrap();
    let goods = live.goods[0].goods_id;
    let shelf = env.client.room_goods();
    shelf.set_on_sale(live.id, goods, true).await.unwrap();
    shelf.push(live.id, goods).await.unwrap();

    env.ctl(
        &format!("/__sim/rooms/{}/status", live.id),
        json!({"status": 103}),
    )
    .await;
    let err = shelf.video(live.id, goods).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::VideoNotReady));
    env.advance(11 * 60).await;
    let url = shelf.video(live.id, goods).await.unwrap();
    assert!(url.starts_with("http"), "{url}");
}
