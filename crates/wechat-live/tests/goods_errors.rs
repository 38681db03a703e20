//! The documented errcodes of L1–L9 and G1–G5 that only WeChat can find, library paging, and the
//! daily quota, through the client against the simulator.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use serde_json::json;
use wechat_live::model::{AuditStatus, GoodsUpdate, LiveStatus, NewGoods};
use wechat_live::validate::PriceType;
use wechat_live::{ErrCode, Error, Fen, RetryClass};

fn code(r: Result<impl std::fmt::Debug, Error>) -> Option<ErrCode> {
    r.expect_err("WeChat refuses it").code()
}

fn goods(cover: String, name: &str) -> NewGoods {
    NewGoods {
        cover_img: cover,
        name: name.into(),
        price_type: PriceType::Fixed,
        price: Fen(5_900),
        price2: None,
        url: "pages/goods/detail?id=7".into(),
        third_party_appid: None,
        goods_key: None,
    }
}

fn price_update(goods_id: i64) -> GoodsUpdate {
    GoodsUpdate {
        goods_id,
        cover_img: None,
        name: None,
        price_type: Some(PriceType::Fixed),
        price: Some(Fen(4_900)),
        price2: None,
        url: None,
        third_party_appid: None,
    }
}

#[tokio::test]
async fn add_errors_only_wechat_can_find() {
    let env = common::empty().await;
    let lib = env.client.library();
    let cover = env.media(300, 300).await;
    assert_eq!(
        code(lib.add(&goods(cover.clone(), "违禁好物")).await),
        Some(ErrCode::GoodsNameViolation)
    );
    assert_eq!(
        code(lib.add(&goods(env.media(400, 400).await, "保温杯")).await),
        Some(ErrCode::GoodsImageTooLarge)
    );
    assert_eq!(
        code(lib.add(&goods("no-such-media".into(), "保温杯")).await),
        Some(ErrCode::ImageUploadFailed)
    );
    // A media id past its three days is refused the same way.
    env.advance(3 * 24 * 3600 + 1).await;
    assert_eq!(
        code(lib.add(&goods(cover, "保温杯")).await),
        Some(ErrCode::ImageUploadFailed)
    );
    assert!(lib.list_all_statuses().await.unwrap().is_empty());
}

#[tokio::test]
async fn audit_state_errors() {
    let env = common::empty().await;
    let lib = env.client.library();
    let added = lib
        .add(&goods(env.media(300, 300).await, "保温杯"))
        .await
        .unwrap();
    let audit_id = added.audit_id.unwrap();
    // Under review: no resubmit, no withdraw with another audit id.
    assert_eq!(
        code(lib.resubmit(added.goods_id).await),
        Some(ErrCode::WrongAuditState)
    );
    assert_eq!(
        code(lib.reset_audit(added.goods_id, audit_id + 1).await),
        Some(ErrCode::WithdrawAuditFailed)
    );
    lib.reset_audit(added.goods_id, audit_id).await.unwrap();
    // Withdrawn: nothing to withdraw any more.
    assert_eq!(
        code(lib.reset_audit(added.goods_id, audit_id).await),
        Some(ErrCode::GoodsNotSubmitted)
    );
    lib.resubmit(added.goods_id).await.unwrap();
    env.advance(60).await;
    // Approved goods may change prices only.
    let mut rename = price_update(added.goods_id);
    rename.name = Some("不锈钢保温杯".into());
    assert_eq!(
        code(lib.update(&rename).await),
        Some(ErrCode::WrongAuditState)
    );
    lib.update(&price_update(added.goods_id)).await.unwrap();
    let info = lib.info(&[added.goods_id]).await.unwrap();
    assert_eq!(info[0].price, Fen(4_900));

    lib.delete(added.goods_id).await.unwrap();
    assert_eq!(
        code(lib.delete(added.goods_id).await),
        Some(ErrCode::GoodsNotFoundForDelete)
    );
}

#[tokio::test]
async fn console_goods_are_not_the_apis_to_touch() {
    let env = common::demo().await;
    let lib = env.client.library();
    let all = lib.list_all(AuditStatus::Approved).await.unwrap();
    let console = all
        .iter()
        .find(|g| !g.added_via_api())
        .expect("the demo has goods added in the MP console");
    assert_eq!(console.third_party_tag, 0);
    assert_eq!(
        code(lib.update(&price_update(console.goods_id)).await),
        Some(ErrCode::ConsoleGoods)
    );
    assert_eq!(
        code(lib.resubmit(console.goods_id).await),
        Some(ErrCode::ConsoleGoods)
    );
}

#[tokio::test]
async fn shelf_errors_in_a_live_room() {
    let env = common::demo().await;
    let rooms = env.client.rooms().list_all().await.unwrap();
    let live = rooms
        .iter()
        .find(|r| r.status == LiveStatus::Live && !r.goods.is_empty())
        .unwrap();
    let on_shelf = live.goods[0].goods_id;
    let shelf = env.client.room_goods();
    assert_eq!(
        code(shelf.set_on_sale(live.id, 987_654, true).await),
        Some(ErrCode::GoodsNotFound)
    );
    assert_eq!(
        code(shelf.set_on_sale(999_999, on_shelf, true).await),
        Some(ErrCode::RoomNotFound)
    );
    assert_eq!(
        code(shelf.delete(999_999, on_shelf).await),
        Some(ErrCode::RoomNotFound)
    );
    assert_eq!(
        code(shelf.push(live.id, 987_654).await),
        Some(ErrCode::GoodsNotFound)
    );
    // Sorting by goods that are not on the shelf: WeChat cannot fetch the list it was given.
    assert_eq!(
        code(shelf.sort(live.id, &[on_shelf, 987_654]).await),
        Some(ErrCode::FetchGoodsFailed)
    );
    // A goods never pushed has no explanation clip.
    let never_pushed = env
        .client
        .library()
        .list_all(AuditStatus::Approved)
        .await
        .unwrap()
        .into_iter()
        .find(|g| g.added_via_api() && !live.goods.iter().any(|r| r.goods_id == g.goods_id))
        .unwrap()
        .goods_id;
    env.client
        .rooms()
        .add_goods(live.id, &[never_pushed])
        .await
        .unwrap();
    assert_eq!(
        code(shelf.video(live.id, never_pushed).await),
        Some(ErrCode::NoExplanationVideo)
    );

    // In an ended room the shelf is frozen.
    let ended = rooms
        .iter()
        .find(|r| r.status == LiveStatus::Ended)
        .unwrap();
    assert_eq!(
        code(shelf.sort(ended.id, &[on_shelf]).await),
        Some(ErrCode::RoomStateForbids)
    );
}

#[tokio::test]
async fn library_pages_through_more_than_one_page_and_info_in_chunks() {
    let env = common::empty().await;
    let seeded = env.ctl("/__sim/seed", json!({"goods": 250})).await;
    let mut ids: Vec<i64> = seeded["goods_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    let lib = env.client.library();

    let page = lib.list_page(AuditStatus::Approved, 240, 30).await.unwrap();
    assert_eq!((page.total, page.goods.len()), (250, 10));
    assert!(page
        .goods
        .iter()
        .all(|g| g.audit_status == Some(AuditStatus::Approved)));

    env.clear_requests().await;
    let mut all: Vec<i64> = lib
        .list_all(AuditStatus::Approved)
        .await
        .unwrap()
        .iter()
        .map(|g| g.goods_id)
        .collect();
    all.sort_unstable();
    assert_eq!(all, ids, "every goods once");
    assert_eq!(
        env.requests_to("/wxaapi/broadcast/goods/getapproved")
            .await
            .len(),
        3,
        "pages of 100"
    );

    // getgoodswarehouse takes 20 ids a call: 45 ids are 3 calls, answered whole.
    env.clear_requests().await;
    let info = lib.info(&ids[..45]).await.unwrap();
    let mut got: Vec<i64> = info.iter().map(|g| g.goods_id).collect();
    got.sort_unstable();
    assert_eq!(got, ids[..45]);
    assert_eq!(
        env.requests_to("/wxa/business/getgoodswarehouse")
            .await
            .len(),
        3
    );
}

#[tokio::test]
async fn daily_quota_is_45009_a_quota_error_and_not_retried() {
    let env = common::empty().await;
    let lib = env.client.library();
    // getkey allows 500 calls a day.
    for _ in 0..500 {
        lib.global_key().await.unwrap();
    }
    env.clear_requests().await;
    let err = lib.global_key().await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::DailyQuotaReached));
    assert_eq!(err.retry_class(), RetryClass::Quota);
    assert_eq!(
        env.requests_to("/wxaapi/broadcast/goods/getkey")
            .await
            .len(),
        1,
        "a spent quota is not hammered"
    );
    // The quota is per day: the next day (Beijing time) it is back.
    env.advance(24 * 3600).await;
    lib.global_key().await.unwrap();
}
