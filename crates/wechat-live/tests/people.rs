//! Roles M1–M3, followers S1–S2 and media uploads through the client against the simulator.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use wechat_live::model::{LiveStatus, MemberQuery, Role, RoleAdded};
use wechat_live::{ErrCode, Error};

#[tokio::test]
async fn roles_add_list_remove_and_limits() {
    let env = common::demo().await;
    let roles = env.client.roles();
    let added = roles.add("operator_new", Role::Operator).await.unwrap();
    assert!(matches!(added, RoleAdded::Added), "{added:?}");
    let err = roles.add("operator_new", Role::Operator).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::RoleAlreadyAssigned));

    let needs = roles.add("unverified_anchor", Role::Anchor).await;
    match needs {
        Ok(RoleAdded::NeedsVerification { code_url }) => assert!(code_url.starts_with("http")),
        Err(e) => {
            assert_eq!(e.code(), Some(ErrCode::RoleNeedsVerification));
            assert!(e.qrcode_url().is_some());
        }
        other => panic!("{other:?}"),
    }

    let all = roles.list_all(None, None).await.unwrap();
    assert!(all.len() >= 2);
    let ops = roles.list_all(Some(Role::Operator), None).await.unwrap();
    assert!(ops.iter().all(|m| m.roles.contains(&Role::Operator)));
    assert!(
        ops.iter().all(|m| m.username.contains('*')),
        "usernames come masked"
    );

    env.clear_requests().await;
    let page = roles
        .list(&MemberQuery {
            role: Some(Role::Admin),
            offset: 0,
            limit: 30,
            keyword: None,
        })
        .await
        .unwrap();
    assert!(page.total >= page.members.len() as i64);
    let sent = env.requests_to("/wxaapi/broadcast/role/getrolelist").await;
    assert_eq!(sent[0]["method"], "GET");
    assert!(
        sent[0]["query"]
            .as_str()
            .unwrap_or_default()
            .contains("role=1"),
        "{}",
        sent[0]
    );

    roles.remove("operator_new", Role::Operator).await.unwrap();

    for i in 0..20 {
        if let Err(e) = roles.add(&format!("admin_{i}"), Role::Admin).await {
            assert_eq!(e.code(), Some(ErrCode::RoleLimitReached));
            return;
        }
    }
    panic!("admins are limited to 10");
}

#[tokio::test]
async fn followers_paging_and_push_message_rules() {
    let env = common::demo().await;
    let followers = env.client.followers().list_all().await.unwrap();
    assert!(!followers.is_empty(), "the demo account has followers");
    let openids: Vec<String> = followers.iter().take(3).map(|f| f.openid.clone()).collect();

    let rooms = env.client.rooms().list_all().await.unwrap();
    let live = rooms.iter().find(|r| r.status == LiveStatus::Live).unwrap();
    let upcoming = rooms
        .iter()
        .find(|r| r.status == LiveStatus::NotStarted)
        .unwrap();
    let err = env
        .client
        .followers()
        .push_message(upcoming.id, &openids)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::RoomNotLive));
    let message_id = env
        .client
        .followers()
        .push_message(live.id, &openids)
        .await
        .unwrap();
    assert!(!message_id.is_empty());

    let too_many: Vec<String> = (0..2001).map(|i| format!("o{i}")).collect();
    env.clear_requests().await;
    let err = env
        .client
        .followers()
        .push_message(live.id, &too_many)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Validation { .. }), "{err:?}");
    assert!(env
        .requests_to("/wxa/business/push_message")
        .await
        .is_empty());
}

#[tokio::test]
async fn media_upload_checks_and_expiry() {
    let env = common::empty().await;
    let media = env
        .client
        .media()
        .upload_image("cover.png", common::png(1080, 1920))
        .await
        .unwrap();
    assert!(!media.media_id.is_empty());
    assert_eq!(media.expires_at(), media.created_at + 3 * 24 * 3600);
    let sent = env.requests_to("/cgi-bin/media/upload").await;
    assert!(sent[0]["query"]
        .as_str()
        .unwrap_or_default()
        .contains("type=image"));

    env.clear_requests().await;
    let err = env
        .client
        .media()
        .upload_image("notes.txt", b"hello".to_vec())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Validation { .. }), "{err:?}");
    assert!(env.requests_to("/cgi-bin/media/upload").await.is_empty());

    // A media id past its 3 days is refused by WeChat in the slot that uses it.
    let form = env.new_room("春季新品发布会", "anchor_lin").await;
    env.advance(3 * 24 * 3600 + 1).await;
    let mut form = form;
    form.fields.start_time = env.now() + 3600;
    form.fields.end_time = form.fields.start_time + 3600;
    let err = env.client.rooms().create(&form).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::CoverImageInvalid), "{err:?}");
}
