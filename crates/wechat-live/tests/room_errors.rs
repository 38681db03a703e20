//! The documented errcodes of R1–R19 that only WeChat can find, through the client against the
//! simulator: each must surface as its `ErrCode`, never as a panic or a decode error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use serde_json::json;
use wechat_live::model::{LiveStatus, NewAssistant, RoomEdit};
use wechat_live::{ErrCode, Error};

fn code(r: Result<impl std::fmt::Debug, Error>) -> Option<ErrCode> {
    r.expect_err("WeChat refuses it").code()
}

#[tokio::test]
async fn create_errors_only_wechat_can_find() {
    let env = common::empty().await;
    let rooms = env.client.rooms();
    let good = env.new_room("春季新品发布会", "anchor_lin").await;

    let mut form = good.clone();
    form.fields.name = "违禁词直播间".into();
    assert_eq!(
        code(rooms.create(&form).await),
        Some(ErrCode::RoomNameViolation)
    );

    let mut form = good.clone();
    form.fields.anchor_name = "违禁主播".into();
    assert_eq!(
        code(rooms.create(&form).await),
        Some(ErrCode::AnchorNameViolation)
    );

    // Media ids whose pixels do not fit the slot they are used in.
    let mut form = good.clone();
    form.fields.share_img = env.media(1080, 1920).await;
    assert_eq!(
        code(rooms.create(&form).await),
        Some(ErrCode::ShareImageInvalid)
    );
    let mut form = good.clone();
    form.fields.feeds_img = env.media(1080, 1920).await;
    assert_eq!(
        code(rooms.create(&form).await),
        Some(ErrCode::FeedsImageInvalid)
    );
    let mut form = good.clone();
    form.fields.cover_img = "no-such-media-id".into();
    assert_eq!(
        code(rooms.create(&form).await),
        Some(ErrCode::CoverImageInvalid)
    );

    let mut form = good.clone();
    form.fields.anchor_wechat = "9not-an-id".into();
    assert_eq!(
        code(rooms.create(&form).await),
        Some(ErrCode::AnchorWechatInvalid)
    );
    let mut form = good.clone();
    form.sub_anchor_wechat = Some("stranger_01".into());
    assert_eq!(
        code(rooms.create(&form).await),
        Some(ErrCode::SubAnchorWechatInvalid)
    );
    let mut form = good.clone();
    form.creater_wechat = Some("9bad".into());
    assert_eq!(
        code(rooms.create(&form).await),
        Some(ErrCode::CreatorWechatInvalid)
    );

    // Customer service on (closeKf=0) while none is configured for the mini program.
    let mut form = good.clone();
    form.fields.close_kf = Some(false);
    assert_eq!(
        code(rooms.create(&form).await),
        Some(ErrCode::KfNotConfigured)
    );

    // An emoji is refused by the client before sending (WeChat would answer 300040).
    let mut form = good.clone();
    form.fields.name = "春季新品🎉发布会".into();
    env.clear_requests().await;
    let err = rooms.create(&form).await.unwrap_err();
    assert!(
        matches!(err, Error::Validation { field: "name", .. }),
        "{err:?}"
    );
    assert!(env
        .requests_to("/wxaapi/broadcast/room/create")
        .await
        .is_empty());

    // None of the refused forms made a room.
    assert!(rooms.list_all().await.unwrap().is_empty());
    rooms
        .create(&good)
        .await
        .expect("the valid form still works");
}

#[tokio::test]
async fn edit_push_share_and_import_errors() {
    let env = common::empty().await;
    let rooms = env.client.rooms();
    let form = env.new_room("春季新品发布会", "anchor_lin").await;
    let id = rooms.create(&form).await.unwrap();
    // The room exactly as created (new_room's flags are WeChat's defaults).
    let mut edit = RoomEdit::from(&form);
    assert_eq!(
        code(rooms.edit(999_999, &edit).await),
        Some(ErrCode::RoomNotFound)
    );
    // Edit does not hand out the real-name QR code: an unverified anchor is 300030.
    edit.anchor_wechat = "stranger_01".into();
    assert_eq!(
        code(rooms.edit(id, &edit).await),
        Some(ErrCode::AnchorWechatInvalid)
    );

    // Share code: params travel in the query as given; more than 600 characters never leave.
    env.clear_requests().await;
    let params = "%7B%22from%22%3A%22poster%22%7D";
    rooms.share_code(id, Some(params)).await.unwrap();
    let sent = env
        .requests_to("/wxaapi/broadcast/room/getsharedcode")
        .await;
    assert_eq!(sent.len(), 1);
    let query = sent[0]["query"].as_str().unwrap();
    assert!(query.contains(&format!("roomId={id}")), "{query}");
    assert!(query.contains("params=%257B%2522from"), "{query}");
    let err = rooms
        .share_code(id, Some(&"a".repeat(601)))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Validation {
                field: "params",
                ..
            }
        ),
        "{err:?}"
    );
    rooms.share_code(id, Some(&"参".repeat(600))).await.unwrap();
    assert_eq!(
        env.requests_to("/wxaapi/broadcast/room/getsharedcode")
            .await
            .len(),
        2,
        "the 601-character params were not sent"
    );
    assert_eq!(
        code(rooms.share_code(999_999, None).await),
        Some(ErrCode::RoomNotFound)
    );
    env.ctl(&format!("/__sim/rooms/{id}/status"), json!({"status": 104}))
        .await;
    assert_eq!(
        code(rooms.share_code(id, None).await),
        Some(ErrCode::RoomStateForbids)
    );

    // An ended room has no push address and takes no goods.
    env.ctl(&format!("/__sim/rooms/{id}/status"), json!({"status": 103}))
        .await;
    assert_eq!(
        code(rooms.push_url(id).await),
        Some(ErrCode::RoomStateForbids)
    );
    assert_eq!(
        code(rooms.add_goods(id, &[1]).await),
        Some(ErrCode::RoomStateForbids)
    );
    assert_eq!(
        code(rooms.add_goods(999_999, &[1]).await),
        Some(ErrCode::RoomNotFound)
    );
    assert_eq!(
        code(rooms.set_replay(id, true).await),
        Some(ErrCode::RoomStateForbids)
    );
}

#[tokio::test]
async fn room_goods_cap_is_300_then_300033() {
    let env = common::empty().await;
    let seeded = env.ctl("/__sim/seed", json!({"goods": 301})).await;
    let ids: Vec<i64> = seeded["goods_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 301);
    let form = env.new_room("春季新品发布会", "anchor_lin").await;
    let room = env.client.rooms().create(&form).await.unwrap();
    env.client
        .rooms()
        .add_goods(room, &ids[..300])
        .await
        .unwrap();
    let err = env
        .client
        .rooms()
        .add_goods(room, &ids[300..])
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::RoomGoodsLimit));
    // Import is incremental: goods already on the shelf do not count again.
    env.client
        .rooms()
        .add_goods(room, &ids[..10])
        .await
        .unwrap();
    let shelf = env.client.room_goods().list(room).await.unwrap().unwrap();
    assert_eq!(shelf.len(), 300);
}

#[tokio::test]
async fn assistants_beyond_ten_and_unverified_sub_anchor() {
    let env = common::empty().await;
    let rooms = env.client.rooms();
    let form = env.new_room("春季新品发布会", "anchor_lin").await;
    let id = rooms.create(&form).await.unwrap();
    let ten: Vec<NewAssistant> = (0..10)
        .map(|i| NewAssistant {
            username: format!("helper_{i:02}"),
            nickname: format!("助手{i}"),
        })
        .collect();
    rooms.add_assistants(id, &ten).await.unwrap();
    let list = rooms.assistants(id).await.unwrap();
    assert_eq!((list.list.len(), list.max_count), (10, 10));
    let eleventh = [NewAssistant {
        username: "helper_10".into(),
        nickname: "助手10".into(),
    }];
    assert_eq!(
        code(rooms.add_assistants(id, &eleventh).await),
        Some(ErrCode::ParameterError)
    );
    // Renaming one already there is not a new assistant.
    rooms.add_assistants(id, &ten[..1]).await.unwrap();
    assert_eq!(rooms.assistants(id).await.unwrap().list.len(), 10);

    // In list mode only anchor_lin/zhao/qian are verified.
    assert_eq!(
        code(rooms.add_sub_anchor(id, "stranger_01").await),
        Some(ErrCode::SubAnchorNotVerified)
    );
    rooms.add_sub_anchor(id, "anchor_zhao").await.unwrap();
    assert_eq!(
        code(rooms.modify_sub_anchor(id, "stranger_01").await),
        Some(ErrCode::SubAnchorNotVerified)
    );
    assert_eq!(
        code(rooms.modify_sub_anchor(id, "anchor_zhao").await),
        Some(ErrCode::DuplicateSubAnchor)
    );
    assert_eq!(
        rooms.sub_anchor(id).await.unwrap().as_deref(),
        Some("anchor_zhao")
    );
    rooms.delete_sub_anchor(id).await.unwrap();
    assert_eq!(rooms.sub_anchor(id).await.unwrap(), None);
}

#[tokio::test]
async fn comment_ban_needs_an_open_comment_box() {
    let env = common::empty().await;
    let mut form = env.new_room("春季新品发布会", "anchor_lin").await;
    form.fields.close_comment = true;
    let id = env.client.rooms().create(&form).await.unwrap();
    assert_eq!(
        code(env.client.rooms().set_comment_ban(id, true).await),
        Some(ErrCode::RoomStateForbids)
    );
    assert_eq!(
        code(env.client.rooms().set_comment_ban(999_999, true).await),
        Some(ErrCode::RoomNotFound)
    );
}

#[tokio::test]
async fn replays_page_and_room_list_pages() {
    let env = common::demo().await;
    let rooms = env.client.rooms().list_all().await.unwrap();
    let ended = rooms
        .iter()
        .find(|r| r.status == LiveStatus::Ended)
        .unwrap();
    env.clear_requests().await;
    let first = env.client.rooms().replays(ended.id, 0, 10).await.unwrap();
    assert_eq!((first.total, first.replays.len()), (1, 1));
    let sent = env.requests_to("/wxa/business/getliveinfo").await;
    assert_eq!(sent[0]["body"]["action"], "get_replay");
    assert_eq!(sent[0]["body"]["room_id"], json!(ended.id));
    // Past the last segment WeChat answers 9410000: an empty page, not an error.
    let past = env.client.rooms().replays(ended.id, 1, 10).await.unwrap();
    assert!(past.replays.is_empty());

    // Room pages of 3 cover the list without gaps or repeats, newest start first.
    let mut paged = Vec::new();
    let mut start = 0;
    loop {
        let page = env.client.rooms().list_page(start, 3).await.unwrap();
        if page.rooms.is_empty() {
            break;
        }
        assert_eq!(page.total as usize, rooms.len());
        start += page.rooms.len() as u32;
        paged.extend(page.rooms);
    }
    assert_eq!(paged.len(), rooms.len());
    assert!(paged.windows(2).all(|w| w[0].start_time >= w[1].start_time));
}
