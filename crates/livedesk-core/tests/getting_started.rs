//! Getting started: LiveDesk's own verdict on an account, against simulators standing in for four
//! mini programs — one with live activated, one WeChat answers 48001 for, one given a wrong
//! AppSecret, one calling from an IP its whitelist does not list (40164 in the simulator's errmsg
//! form) — and the snippets for a room: `custom_params` at its 600-character limit through
//! encoding and back (601 refused), each snippet naming its room. Stored accounts keep their
//! AppSecret in a real Secret Service: run through `scripts/with-keyring.sh`.

mod common;

use common::{TestCore, SANDBOX};
use livedesk_core::accounts::NewAccount;
use livedesk_core::start::{
    self, custom_params, Cause, ParamRow, SnippetKind, SnippetOptions, Verdict,
};
use livedesk_core::{ErrorCode, Locale};
use serde_json::{json, Value};
use wechat_live::Secret;
use wechat_live_sim::{start as start_sim, SimConfig, SimHandle};

/// A simulator for one mini program (its own AppID), added to the core as an account.
async fn account(t: &TestCore, app_id: &str) -> (SimHandle, String) {
    let sim = start_sim(SimConfig {
        app_id: app_id.into(),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let view = t
        .core
        .accounts
        .add(NewAccount {
            name: app_id.into(),
            app_id: app_id.into(),
            secret: Secret::new(sim.secret()),
            base_url: Some(sim.base_url().into()),
        })
        .await
        .unwrap();
    (sim, view.id)
}

async fn control(sim: &SimHandle, path: &str, body: Value) -> Value {
    let r = reqwest::Client::new()
        .post(format!("{}/__sim{path}", sim.base_url()))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{path}: {}", r.status());
    r.json().await.unwrap()
}

/// The WeChat paths the simulator received, oldest first.
async fn paths(sim: &SimHandle) -> Vec<String> {
    let log: Vec<Value> = reqwest::get(format!("{}/__sim/requests", sim.base_url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    log.iter()
        .map(|e| e["path"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_activated_account_is_ready() {
    let t = TestCore::open().await;
    let (sim, id) = account(&t, "wxactivated000001").await;
    let v = start::verdict(&t.core.clients, &id).await.unwrap();
    assert_eq!(v, Verdict::Ready { rooms: 0 });
    assert_eq!(v.title(Locale::ZhCn), "已开通，可以直播");
    assert_eq!(v.title(Locale::En), "Activated and ready");
    let log = paths(&sim).await;
    assert!(
        log.iter().all(|p| p != "/cgi-bin/token"),
        "stable_token only: {log:?}"
    );
    assert_eq!(
        log.last().map(String::as_str),
        Some("/wxa/business/getliveinfo")
    );

    // The sandbox is activated too, with its demo rooms.
    let v = start::verdict(&t.core.clients, SANDBOX).await.unwrap();
    assert!(matches!(v, Verdict::Ready { rooms } if rooms > 0), "{v:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_account_wechat_answers_48001_for_is_not_activated() {
    let t = TestCore::open().await;
    let (sim, id) = account(&t, "wxnotactivated001").await;
    control(&sim, "/access", json!({"live_activated": false})).await;
    let v = start::verdict(&t.core.clients, &id).await.unwrap();
    assert!(
        matches!(&v, Verdict::NotActivated { rid: Some(_) }),
        "{v:?}"
    );
    let zh = v.message(Locale::ZhCn);
    assert!(
        zh.contains("48001") && zh.contains("AppID") && zh.contains("视频号"),
        "{zh}"
    );
    let en = v.message(Locale::En);
    assert!(
        en.contains("not activated") && en.contains("268489001"),
        "{en}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_secret_cannot_tell() {
    let t = TestCore::open().await;
    let (sim, id) = account(&t, "wxwrongsecret0001").await;
    // Same length, wrong: WeChat's 40001. Then a secret of the wrong length: 40125.
    let wrong = "x".repeat(sim.secret().len());
    t.core
        .accounts
        .set_secret(&id, &Secret::new(wrong))
        .await
        .unwrap();
    let v = start::verdict(&t.core.clients, &id).await.unwrap();
    assert_eq!(
        v,
        Verdict::CannotTell {
            cause: Cause::Credentials { errcode: 40001 }
        }
    );
    assert!(
        v.message(Locale::En).starts_with("Cannot tell"),
        "{}",
        v.message(Locale::En)
    );
    assert!(v.message(Locale::ZhCn).contains("AppSecret"));
    t.core
        .accounts
        .set_secret(&id, &Secret::new("short"))
        .await
        .unwrap();
    assert_eq!(
        start::verdict(&t.core.clients, &id).await.unwrap(),
        Verdict::CannotTell {
            cause: Cause::Credentials { errcode: 40125 }
        }
    );
    let log = paths(&sim).await;
    assert!(
        !log.contains(&"/wxa/business/getliveinfo".to_owned()),
        "no token, no live call: {log:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_ip_outside_the_whitelist_is_named_with_where_to_add_it() {
    let t = TestCore::open().await;
    let (sim, id) = account(&t, "wxwhitelisted0001").await;
    // The laptop moved to a network WeChat sees as 198.51.100.20; only the office is listed.
    control(
        &sim,
        "/access",
        json!({"ip_whitelist": ["203.0.113.7"], "caller_ip": "198.51.100.20"}),
    )
    .await;
    // The token LiveDesk holds ran out, so the next one is asked for from there.
    control(&sim, "/tokens/expire", json!({})).await;
    let v = start::verdict(&t.core.clients, &id).await.unwrap();
    let Verdict::IpNotWhitelisted {
        errcode,
        ip,
        errmsg,
    } = &v
    else {
        panic!("{v:?}");
    };
    assert_eq!((*errcode, ip.as_deref()), (40164, Some("198.51.100.20")));
    assert_eq!(
        errmsg,
        "invalid ip 198.51.100.20 ipv6 ::ffff:198.51.100.20, not in whitelist"
    );
    let zh = v.message(Locale::ZhCn);
    assert!(
        zh.contains("198.51.100.20") && zh.contains("IP 白名单") && zh.contains("换网络"),
        "{zh}"
    );
    let en = v.message(Locale::En);
    assert!(
        en.contains("198.51.100.20")
            && en.contains("mp.weixin.qq.com")
            && en.contains("every network"),
        "{en}"
    );

    // Listed, the same account is ready.
    control(
        &sim,
        "/access",
        json!({"ip_whitelist": ["203.0.113.7", "198.51.100.20"]}),
    )
    .await;
    assert_eq!(
        start::verdict(&t.core.clients, &id).await.unwrap(),
        Verdict::Ready { rooms: 0 }
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn no_answer_cannot_tell_and_an_unknown_account_is_an_error() {
    let t = TestCore::open().await;
    let (sim, id) = account(&t, "wxgoneaway0000001").await;
    sim.shutdown().await;
    t.core.clients.forget(&id);
    let v = start::verdict(&t.core.clients, &id).await.unwrap();
    assert!(
        matches!(
            &v,
            Verdict::CannotTell {
                cause: Cause::Network { .. }
            }
        ),
        "{v:?}"
    );
    assert!(v.message(Locale::ZhCn).contains("网络"));
    let e = start::verdict(&t.core.clients, "acc-none")
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
}

/// One row whose encoding is exactly `len` characters: `{"k":"首页aaa…"}` encodes to 22
/// characters of punctuation and key, 18 for 首页, one per `a`.
fn row_encoding_to(len: usize) -> Vec<ParamRow> {
    vec![ParamRow::new("k", format!("首页{}", "a".repeat(len - 40)))]
}

#[test]
fn custom_params_round_trip_at_600_and_601_is_refused() {
    let rows = row_encoding_to(600);
    let out = custom_params::encode(&rows);
    let encoded = out.encoded.clone().unwrap();
    assert_eq!(
        (out.length, encoded.chars().count(), out.too_long),
        (600, 600, false)
    );
    assert_eq!(
        custom_params::checked(&rows).unwrap().as_deref(),
        Some(encoded.as_str())
    );
    assert_eq!(custom_params::decode(&encoded).unwrap(), rows);

    // The snippets carry it unchanged, into the page URL and the code.
    let opts = SnippetOptions {
        params: rows,
        ..Default::default()
    };
    let s = start::snippets(7, "满额参数", &opts).unwrap();
    assert_eq!(s.custom_params.as_deref(), Some(encoded.as_str()));
    assert!(s
        .page_url
        .ends_with(&format!("?room_id=7&custom_params={encoded}")));
    for kind in [SnippetKind::Navigate, SnippetKind::SubscribeWxml] {
        let code = &s.snippets.iter().find(|x| x.kind == kind).unwrap().code;
        assert!(code.contains(&encoded), "{kind:?}: {code}");
    }

    let rows = row_encoding_to(601);
    let out = custom_params::encode(&rows);
    assert_eq!((out.length, out.too_long), (601, true));
    let e = custom_params::checked(&rows).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert_eq!(e.field().as_deref(), Some("custom_params"));
    assert!(
        e.message(Locale::En).contains("600"),
        "{}",
        e.message(Locale::En)
    );
    let opts = SnippetOptions {
        params: rows,
        ..Default::default()
    };
    let e = start::snippets(7, "满额参数", &opts).unwrap_err();
    assert_eq!(e.field().as_deref(), Some("custom_params"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_snippets_for_a_room_name_that_room() {
    let t = TestCore::open().await;
    let list = t.core.rooms.refresh(SANDBOX).await.unwrap();
    let room = &list.rooms[1];
    let opts = SnippetOptions {
        params: vec![ParamRow::new("from", "poster")],
        ..Default::default()
    };
    let s = t
        .core
        .start
        .room_snippets(SANDBOX, room.id, &opts)
        .await
        .unwrap();
    assert_eq!(
        (s.room_id, s.room_name.as_str()),
        (room.id, room.name.as_str())
    );
    let kinds: Vec<SnippetKind> = s.snippets.iter().map(|x| x.kind).collect();
    assert_eq!(
        kinds,
        [
            SnippetKind::AppJson,
            SnippetKind::Navigate,
            SnippetKind::SubscribeJson,
            SnippetKind::SubscribeWxml,
            SnippetKind::LiveStatus,
            SnippetKind::LivePlayer,
        ]
    );
    let named = format!("直播间「{}」 room_id {}", room.name, room.id);
    for x in &s.snippets {
        assert_eq!(
            (x.room_id, x.room_name.as_str()),
            (room.id, room.name.as_str())
        );
        assert!(
            x.title(Locale::ZhCn).contains(&room.name),
            "{}",
            x.title(Locale::ZhCn)
        );
        assert!(
            x.title(Locale::En).contains(&room.name),
            "{}",
            x.title(Locale::En)
        );
        if x.lang == "json" {
            serde_json::from_str::<Value>(&x.code).expect("pure JSON, pasteable");
        } else {
            assert!(x.code.contains(&named), "{:?}: {}", x.kind, x.code);
        }
    }
    let code = |k: SnippetKind| &s.snippets.iter().find(|x| x.kind == k).unwrap().code;
    assert!(code(SnippetKind::Navigate).contains(&format!("const roomId = {}", room.id)));
    assert!(code(SnippetKind::SubscribeWxml)
        .contains(&format!("<subscribe room-id=\"{{{{{}}}}}\"", room.id)));
    assert!(code(SnippetKind::LiveStatus).contains(&format!(
        "livePlayer.getLiveStatus({{ room_id: {} }})",
        room.id
    )));
    assert!(code(SnippetKind::LivePlayer).contains("<live-player src=\"{{playUrl}}\""));
    assert!(code(SnippetKind::AppJson).contains("\"provider\": \"wx2b03c6e691cd7370\""));

    let e = t
        .core
        .start
        .room_snippets(SANDBOX, 987_654, &opts)
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
}
