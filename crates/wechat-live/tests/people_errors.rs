//! Roles, followers and media: the documented errcodes and paging, through the client against the
//! simulator.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;

use serde_json::{json, Value};
use wechat_live::model::{LiveStatus, Role, RoleAdded};
use wechat_live::{ErrCode, Error, RetryClass};

fn code(r: Result<impl std::fmt::Debug, Error>) -> Option<ErrCode> {
    r.expect_err("WeChat refuses it").code()
}

#[tokio::test]
async fn roles_invalid_id_and_anchor_with_rooms() {
    let env = common::empty().await;
    let roles = env.client.roles();
    assert_eq!(
        code(roles.add("9-not-an-id", Role::Admin).await),
        Some(ErrCode::RoleWechatInvalid)
    );
    assert_eq!(
        code(roles.remove("nobody_here", Role::Admin).await),
        Some(ErrCode::RoleWechatInvalid)
    );
    assert!(matches!(
        roles.add("anchor_lin", Role::Anchor).await.unwrap(),
        RoleAdded::Added
    ));
    let form = env.new_room("春季新品发布会", "anchor_lin").await;
    let room = env.client.rooms().create(&form).await.unwrap();
    assert_eq!(
        code(roles.remove("anchor_lin", Role::Anchor).await),
        Some(ErrCode::AnchorHasRooms)
    );
    env.client.rooms().delete(room).await.unwrap();
    roles.remove("anchor_lin", Role::Anchor).await.unwrap();
}

#[tokio::test]
async fn followers_page_break_walks_every_page() {
    let env = common::demo().await;
    let everyone = env.client.followers().list_all().await.unwrap();
    assert!(everyone.len() > 10, "the demo has several pages of 10");

    env.clear_requests().await;
    let mut seen = Vec::new();
    let mut page_break = None;
    loop {
        let page = env
            .client
            .followers()
            .page(Some(10), page_break)
            .await
            .unwrap();
        assert!(page.followers.len() <= 10);
        let done = page.followers.len() < 10;
        seen.extend(page.followers.into_iter().map(|f| f.openid));
        if done {
            break;
        }
        assert_ne!(page.page_break, page_break, "page_break moves on");
        page_break = page.page_break;
    }
    let sent = env.requests_to("/wxa/business/get_wxa_followers").await;
    assert!(
        sent[0]["body"].get("page_break").is_none(),
        "page 1 omits it"
    );
    assert!(sent[1]["body"]["page_break"].is_number(), "{}", sent[1]);
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no follower twice");
    let all: HashSet<&String> = everyone.iter().map(|f| &f.openid).collect();
    assert_eq!(unique, all);
}

#[tokio::test]
async fn push_message_one_room_per_day() {
    let env = common::demo().await;
    let openids: Vec<String> = env
        .client
        .followers()
        .list_all()
        .await
        .unwrap()
        .into_iter()
        .take(5)
        .map(|f| f.openid)
        .collect();
    let rooms = env.client.rooms().list_all().await.unwrap();
    let live = rooms.iter().find(|r| r.status == LiveStatus::Live).unwrap();
    let other = rooms
        .iter()
        .find(|r| r.status == LiveStatus::NotStarted)
        .unwrap();
    env.ctl(
        &format!("/__sim/rooms/{}/status", other.id),
        json!({"status": 101}),
    )
    .await;
    let followers = env.client.followers();
    followers.push_message(live.id, &openids).await.unwrap();
    env.clear_requests().await;
    let err = followers
        .push_message(other.id, &openids)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::AlreadyPushedToday));
    assert_eq!(err.retry_class(), RetryClass::Never);
    assert_eq!(
        env.requests_to("/wxa/business/push_message").await.len(),
        1,
        "not retried"
    );
    env.advance(24 * 3600).await;
    followers.push_message(other.id, &openids).await.unwrap();
}

/// A raw upload with a token of the account: the client refuses these files before sending.
async fn raw_upload(env: &common::Env, query: &str, bytes: Vec<u8>) -> Value {
    let token: Value = env
        .http
        .post(env.url("/cgi-bin/stable_token"))
        .json(&json!({"grant_type": "client_credential", "appid": env.sim.app_id(), "secret": env.sim.secret()}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let part = reqwest::multipart::Part::bytes(bytes)
        .file_name("f.png")
        .mime_str("image/png")
        .unwrap();
    let url = format!(
        "{}?access_token={}&{query}",
        env.url("/cgi-bin/media/upload"),
        token["access_token"].as_str().unwrap()
    );
    env.http
        .post(url)
        .multipart(reqwest::multipart::Form::new().part("media", part))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn media_40009_and_40004_are_known_and_final() {
    let env = common::empty().await;
    // More than 2 MiB: the client refuses it, WeChat would answer 40009.
    let mut big = common::png(8, 8);
    big.resize(2 * 1024 * 1024 + 1, 0);
    let err = env
        .client
        .media()
        .upload_image("big.png", big.clone())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Validation { field: "media", .. }),
        "{err:?}"
    );
    let answer = raw_upload(&env, "type=image", big).await;
    assert_eq!(
        ErrCode::from_code(answer["errcode"].as_i64().unwrap()),
        ErrCode::ImageTooLarge
    );
    let answer = raw_upload(&env, "type=voice", common::png(8, 8)).await;
    assert_eq!(
        ErrCode::from_code(answer["errcode"].as_i64().unwrap()),
        ErrCode::InvalidMediaType
    );

    // Were WeChat to answer them to the client, they are final: one request, no retry.
    for errcode in [40009, 40004] {
        env.fault(json!({"path": "/cgi-bin/media/upload", "kind": "errcode", "errcode": errcode, "count": 1}))
            .await;
        env.clear_requests().await;
        let err = env
            .client
            .media()
            .upload_image("a.png", common::png(8, 8))
            .await
            .unwrap_err();
        assert_eq!(err.code().map(|c| c.code()), Some(errcode));
        assert!(!matches!(err.code(), Some(ErrCode::Unknown(_))));
        assert_eq!(env.requests_to("/cgi-bin/media/upload").await.len(), 1);
    }
}

#[tokio::test]
async fn slot_uploads_check_before_sending_and_members_filter_by_keyword() {
    use wechat_live::validate::ImageSlot;
    let env = common::demo().await;
    env.clear_requests().await;
    let err = env
        .client
        .media()
        .upload_for_slot(ImageSlot::Share, "share.png", common::png(1080, 1920))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Validation {
                field: "shareImg",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(env.requests_to("/cgi-bin/media/upload").await.is_empty());
    let id = env
        .client
        .media()
        .upload_for_slot(ImageSlot::Goods, "goods.png", common::png(300, 300))
        .await
        .unwrap();
    assert!(!id.media_id.is_empty());

    env.clear_requests().await;
    let found = env
        .client
        .roles()
        .list_all(None, Some("刘洋"))
        .await
        .unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].nickname, "刘洋");
    let sent = env.requests_to("/wxaapi/broadcast/role/getrolelist").await;
    let query = sent[0]["query"].as_str().unwrap();
    assert!(query.contains("keyword=%E5%88%98%E6%B4%8B"), "{query}");
}
