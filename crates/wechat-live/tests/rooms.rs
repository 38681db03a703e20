//! Rooms R1–R19 through the client against the simulator.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use serde_json::json;
use wechat_live::model::{LiveStatus, NewAssistant, RoomEdit, RoomType};
use wechat_live::{ErrCode, Error};

#[tokio::test]
async fn create_list_push_address_and_share_code() {
    let env = common::empty().await;
    let form = env.new_room("春季新品发布会", "anchor_lin").await;
    let id = env.client.rooms().create(&form).await.expect("created");

    let rooms = env.client.rooms().list_all().await.unwrap();
    let room = rooms.iter().find(|r| r.id == id).expect("listed");
    assert_eq!(room.name, "春季新品发布会");
    assert_eq!(room.status, LiveStatus::NotStarted);
    assert_eq!(room.room_type, Some(RoomType::Push));
    assert_eq!(
        (room.start_time, room.end_time),
        (form.fields.start_time, form.fields.end_time)
    );
    assert!(room.close_replay, "WeChat's default: replay off");
    assert!(room.feeds_public, "WeChat's default: in the feed");

    let push = env.client.rooms().push_url(id).await.unwrap();
    let record = env.ctl_get(&format!("/__sim/rooms/{id}")).await;
    let full = record["push_url"].as_str().unwrap();
    assert_eq!(push.url.full(), full);
    assert_eq!(format!("{}/{}", push.server(), push.stream_key()), full);
    assert_eq!(
        push.url.stream_name(),
        record["stream_name"].as_str().unwrap()
    );
    assert!(push.expires_at() > env.now() + 3600);

    let share = env
        .client
        .rooms()
        .share_code(id, Some("%7B%22from%22%3A%22test%22%7D"))
        .await
        .unwrap();
    assert!(
        share.page_path.contains(&format!("room_id={id}")),
        "{}",
        share.page_path
    );
    let png = env
        .http
        .get(&share.cdn_url)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(&png[..4], b"\x89PNG", "the QR code is a real image");
}

#[tokio::test]
async fn invalid_forms_are_refused_before_anything_is_sent() {
    let env = common::empty().await;
    let mut form = env.new_room("春季新品发布会", "anchor_lin").await;
    env.clear_requests().await;

    form.fields.name = "短名".into(); // 2 CJK characters = 4 units
    let err = env.client.rooms().create(&form).await.unwrap_err();
    assert!(
        matches!(err, Error::Validation { field: "name", .. }),
        "{err:?}"
    );

    form.fields.name = "春季新品发布会".into();
    form.fields.start_time = env.now() + 599;
    form.fields.end_time = form.fields.start_time + 3600;
    let err = env.client.rooms().create(&form).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Validation {
                field: "startTime",
                ..
            }
        ),
        "{err:?}"
    );

    form.fields.start_time = env.now() + 3600;
    form.fields.end_time = form.fields.start_time + 1799;
    let err = env.client.rooms().create(&form).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Validation {
                field: "endTime",
                ..
            }
        ),
        "{err:?}"
    );

    assert!(env
        .requests_to("/wxaapi/broadcast/room/create")
        .await
        .is_empty());
}

#[tokio::test]
async fn unverified_anchor_gets_300036_with_the_qr_code() {
    let env = common::demo().await;
    let form = env.new_room("春季新品发布会", "unverified_wang").await;
    let err = env.client.rooms().create(&form).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::AnchorNotVerified));
    let qr = err.qrcode_url().expect("qrcode_url kept");
    let png = env
        .http
        .get(qr)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(&png[..4], b"\x89PNG");
    assert!(err.rid().is_some());
}

#[tokio::test]
async fn edit_and_delete_follow_the_state_rules() {
    let env = common::empty().await;
    let form = env.new_room("春季新品发布会", "anchor_lin").await;
    let id = env.client.rooms().create(&form).await.unwrap();
    let edit = RoomEdit {
        name: "春季新品发布会·加场".into(),
        feeds_public: Some(false),
        close_comment: true,
        ..RoomEdit::from(&form)
    };
    env.client.rooms().edit(id, &edit).await.unwrap();
    let room = env.client.rooms().get(id).await.unwrap().unwrap();
    assert_eq!(room.name, "春季新品发布会·加场");
    assert!(room.close_comment && !room.feeds_public);

    env.ctl(&format!("/__sim/rooms/{id}/status"), json!({"status": 101}))
        .await;
    let err = env.client.rooms().edit(id, &edit).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::RoomStateForbids));
    let err = env.client.rooms().delete(id).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::RoomStateForbids));

    env.ctl(&format!("/__sim/rooms/{id}/status"), json!({"status": 103}))
        .await;
    env.client.rooms().delete(id).await.unwrap();
    assert!(env.client.rooms().get(id).await.unwrap().is_none());
    let err = env.client.rooms().delete(id).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::RoomNotFound));
}

#[tokio::test]
async fn empty_account_lists_nothing_rather_than_failing() {
    let env = common::empty().await;
    assert!(env.client.rooms().list_all().await.unwrap().is_empty());
    let page = env.client.rooms().list_page(500, 10).await.unwrap();
    assert!(page.rooms.is_empty());
}

#[tokio::test]
async fn replays_of_an_ended_room() {
    let env = common::demo().await;
    let rooms = env.client.rooms().list_all().await.unwrap();
    let ended = rooms
        .iter()
        .find(|r| r.status == LiveStatus::Ended)
        .expect("demo has ended rooms");
    let mut found = false;
    for room in rooms.iter().filter(|r| r.status == LiveStatus::Ended) {
        let page = env.client.rooms().replays(room.id, 0, 10).await.unwrap();
        if let Some(seg) = page.replays.first() {
            assert!(seg.media_url.starts_with("http"));
            assert!(seg.expire_time > seg.create_time);
            found = true;
        }
    }
    assert!(found, "the demo's ended room {} has a replay", ended.id);
    // A room that never ran has none, and that is not an error.
    let upcoming = rooms
        .iter()
        .find(|r| r.status == LiveStatus::NotStarted)
        .unwrap();
    assert!(env
        .client
        .rooms()
        .replays(upcoming.id, 0, 10)
        .await
        .unwrap()
        .replays
        .is_empty());
}

#[tokio::test]
async fn assistants_sub_anchor_and_switches() {
    let env = common::empty().await;
    let form = env.new_room("春季新品发布会", "anchor_lin").await;
    let id = env.client.rooms().create(&form).await.unwrap();
    let rooms = env.client.rooms();

    rooms
        .add_assistants(
            id,
            &[NewAssistant {
                username: "helper_a".into(),
                nickname: "小助手A".into(),
            }],
        )
        .await
        .unwrap();
    rooms
        .modify_assistant(id, "helper_a", "场控A")
        .await
        .unwrap();
    let list = rooms.assistants(id).await.unwrap();
    assert_eq!(list.max_count, 10);
    assert_eq!(list.list.len(), 1);
    assert_eq!(list.list[0].nickname, "场控A");
    rooms.remove_assistant(id, "helper_a").await.unwrap();
    assert!(rooms.assistants(id).await.unwrap().list.is_empty());

    let err = rooms.add_sub_anchor(id, "anchor_lin").await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::SubAnchorIsAnchor));
    rooms.add_sub_anchor(id, "anchor_zhao").await.unwrap();
    assert_eq!(
        rooms.sub_anchor(id).await.unwrap().as_deref(),
        Some("anchor_zhao")
    );
    let err = rooms.add_sub_anchor(id, "anchor_zhao").await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::DuplicateSubAnchor));
    rooms.modify_sub_anchor(id, "anchor_qian").await.unwrap();
    assert_eq!(
        rooms.sub_anchor(id).await.unwrap().as_deref(),
        Some("anchor_qian")
    );
    rooms.delete_sub_anchor(id).await.unwrap();

    // No customer service is configured on this account: turning it on is refused.
    assert_eq!(
        rooms.set_kf(id, true).await.unwrap_err().code(),
        Some(ErrCode::KfNotConfigured)
    );
    env.ctl("/__sim/account", json!({"kf_configured": true}))
        .await;
    rooms.set_kf(id, true).await.unwrap();
    rooms.set_feeds_public(id, false).await.unwrap();
    rooms.set_replay(id, true).await.unwrap();
    let room = rooms.get(id).await.unwrap().unwrap();
    assert!(!room.feeds_public && !room.close_replay && !room.close_kf);

    env.ctl(&format!("/__sim/rooms/{id}/status"), json!({"status": 101}))
        .await;
    env.clear_requests().await;
    rooms.set_comment_ban(id, true).await.unwrap();
    let sent = env
        .requests_to("/wxaapi/broadcast/room/updatecomment")
        .await;
    assert_eq!(
        sent[0]["body"]["roomId"],
        json!(id),
        "the client sends roomId"
    );
    assert_eq!(sent[0]["body"]["banComment"], json!(1));

    let err = rooms.push_url(999_999).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::RoomNotFound));
}
