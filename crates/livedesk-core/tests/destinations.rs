//! Destinations besides WeChat rooms, on a real keyring (run through `scripts/with-keyring.sh`):
//! a custom RTMP server's key and a Tencent destination's auth keys are in the keyring and never
//! in the SQLite files; Tencent push and play URLs carry the signature the reference's formula
//! gives (checked with the signer's own verify), expiring at now + validity; bad forms are field
//! errors that save nothing.

mod common;

use common::TestCore;
use livedesk_core::clock::unix_now;
use livedesk_core::destinations::{
    play_key_id, DestinationAddress, DestinationInput, DestinationKind, PlayUrlKind, PushUrlKind,
};
use livedesk_core::vault::SecretKind;
use livedesk_core::{App, ErrorCode, Locale, DB_FILE};
use wechat_live::push_url::PushUrl;
use wechat_live::signer::{SignError, Signer};
use wechat_live::Secret;

/// A key nobody else would write, so finding its bytes anywhere means it leaked there.
fn unique_key(tag: &str) -> String {
    format!("{tag}-{:016x}", rand::random::<u64>())
}

/// Every byte of the database: the main file and its WAL and shared-memory files.
fn db_bytes(t: &TestCore) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(t.dir.path()).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name().to_string_lossy().starts_with(DB_FILE) {
            all.extend(std::fs::read(entry.path()).unwrap());
        }
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn has(core: &App, entry: &str) -> bool {
    core.vault.has(SecretKind::DestinationKey, entry).unwrap()
}

/// The value after `name=` up to the next `&` or `,` (or the end).
fn param<'a>(url: &'a str, name: &str) -> &'a str {
    let at = url
        .find(&format!("{name}="))
        .unwrap_or_else(|| panic!("{name} missing"))
        + name.len()
        + 1;
    let rest = &url[at..];
    &rest[..rest.find(['&', ',']).unwrap_or(rest.len())]
}

fn verify(key: &str, stream: &str, url: &str, now: i64) -> Result<(), SignError> {
    Signer::new(key).verify(stream, param(url, "txSecret"), param(url, "txTime"), now)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_custom_destination_round_trips_with_its_key_only_in_the_keyring() {
    let t = TestCore::open().await;
    let core = &t.core;
    let key = unique_key("sk");
    let server = "rtmp://push-cq.weixin.qq.com/trtc_1400439699";
    let input = DestinationInput::custom("视频号 主号", server, Some(Secret::new(key.clone())));
    assert!(!format!("{input:?}").contains(&key), "Debug shows no key");

    let v = core.destinations.save(None, input).unwrap();
    assert_eq!(v.kind, DestinationKind::Custom);
    assert_eq!(v.name, "视频号 主号");
    assert_eq!(v.server.as_deref(), Some(server));
    assert_eq!((v.has_key, v.has_play_key), (Some(true), Some(false)));
    assert_eq!((v.push_domain.as_ref(), v.validity_secs), (None, None));
    assert!(!serde_json::to_string(&v).unwrap().contains(&key));
    assert_eq!(core.destinations.list().unwrap(), vec![v.clone()]);
    assert!(has(core, &v.id.to_string()), "the key is in the keyring");

    let a = core.destinations.address(v.id).unwrap();
    assert_eq!(a.server, server);
    assert_eq!(a.stream_key, key);
    assert_eq!(a.full_url, format!("{server}/{key}"));
    assert_eq!(a.expires_at, None);
    assert!(a.push.is_empty() && a.play.is_empty());
    assert!(
        !format!("{a:?}").contains(&key),
        "Debug of the address shows no key"
    );

    // An edit with no key keeps the saved one.
    let mut edit = DestinationInput::custom("视频号 备用", &format!("{server}/"), None);
    let v2 = core.destinations.save(Some(v.id), edit.clone()).unwrap();
    assert_eq!((v2.id, v2.name.as_str()), (v.id, "视频号 备用"));
    assert_eq!(v2.has_key, Some(true));
    let a = core.destinations.address(v.id).unwrap();
    assert_eq!(a.stream_key, key);
    assert_eq!(a.full_url, format!("{server}/{key}"), "one slash between");

    // A new key replaces it.
    let key2 = unique_key("sk2");
    edit.stream_key = Some(Secret::new(format!("  {key2}\n")));
    core.destinations.save(Some(v.id), edit).unwrap();
    assert_eq!(core.destinations.address(v.id).unwrap().stream_key, key2);

    let db = db_bytes(&t);
    assert!(contains(&db, "视频号 备用"), "the database files were read");
    assert!(
        !contains(&db, &key) && !contains(&db, &key2),
        "no key in SQLite"
    );

    core.destinations.delete(v.id).unwrap();
    assert!(core.destinations.list().unwrap().is_empty());
    assert!(
        !has(core, &v.id.to_string()),
        "its keyring entry went with it"
    );
    let gone = core.destinations.address(v.id).unwrap_err();
    assert_eq!(gone.code(), ErrorCode::NotFound);
    assert_eq!(
        core.destinations.delete(v.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

fn tencent_input(push_key: &str, play_key: &str) -> DestinationInput {
    DestinationInput {
        play_domain: Some("Play.Example.com".into()),
        play_key: Some(Secret::new(play_key)),
        validity_secs: Some(3600),
        ..DestinationInput::tencent(
            "腾讯云 标准直播",
            "push.example.com",
            "show_1",
            Some(Secret::new(push_key)),
        )
    }
}

fn check_push_urls(a: &DestinationAddress, push_key: &str, now: i64) {
    let kinds: Vec<_> = a.push.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            PushUrlKind::Rtmp,
            PushUrlKind::RtmpSrtPort,
            PushUrlKind::Webrtc,
            PushUrlKind::Srt
        ]
    );
    let prefixes = [
        "rtmp://push.example.com/live/show_1?txSecret=",
        "rtmp://push.example.com:3570/live/show_1?txSecret=",
        "webrtc://push.example.com/live/show_1?txSecret=",
        "srt://push.example.com:9000?streamid=#!::h=push.example.com,r=live/show_1,txSecret=",
    ];
    for (p, prefix) in a.push.iter().zip(prefixes) {
        assert!(p.url.starts_with(prefix), "{:?}", p.kind);
        assert_eq!(Some(p.expires_at), a.expires_at);
        assert_eq!(
            verify(push_key, "show_1", &p.url, now),
            Ok(()),
            "{:?}",
            p.kind
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tencent_destination_signs_push_and_play_urls_for_its_validity() {
    let t = TestCore::open().await;
    let core = &t.core;
    let push_key = unique_key("pushkey");
    let play_key = unique_key("playkey");
    let v = core
        .destinations
        .save(None, tencent_input(&push_key, &play_key))
        .unwrap();
    assert_eq!(v.kind, DestinationKind::Tencent);
    assert_eq!(
        v.app_name.as_deref(),
        Some("live"),
        "AppName defaults to live"
    );
    assert_eq!(v.play_domain.as_deref(), Some("play.example.com"));
    assert_eq!((v.play_https, v.validity_secs), (Some(true), Some(3600)));
    assert_eq!((v.has_key, v.has_play_key), (Some(true), Some(true)));
    assert!(has(core, &play_key_id(v.id)));

    let before = unix_now();
    let a = core.destinations.address(v.id).unwrap();
    let after = unix_now();
    let expires = a.expires_at.unwrap();
    assert!(
        (before + 3600..=after + 3600).contains(&expires),
        "expires at now + validity"
    );

    // What OBS's custom service wants: server rtmp://domain/AppName, key StreamName?txSecret&txTime.
    assert_eq!(a.server, "rtmp://push.example.com/live");
    assert!(
        a.stream_key.starts_with("show_1?txSecret="),
        "stream key shape"
    );
    assert_eq!(a.full_url, format!("{}/{}", a.server, a.stream_key));
    let parsed = PushUrl::parse(&a.full_url).unwrap();
    assert_eq!(parsed.expires_at(), expires);
    let signer = Signer::new(push_key.as_str());
    assert_eq!(
        signer.verify("show_1", parsed.tx_secret(), parsed.tx_time_hex(), after),
        Ok(())
    );
    // Recomputed from the reference's formula: md5(key + StreamName + hex txTime).
    assert_eq!(parsed.tx_secret(), signer.tx_secret("show_1", expires));
    assert_eq!(
        signer.verify(
            "show_1",
            parsed.tx_secret(),
            parsed.tx_time_hex(),
            expires + 1
        ),
        Err(SignError::Expired {
            expires_at: expires
        })
    );
    assert_eq!(
        verify(&play_key, "show_1", &a.full_url, after),
        Err(SignError::BadSignature),
        "push is signed with the push key, not the play key"
    );
    check_push_urls(&a, &push_key, after);

    let play: Vec<_> = a.play.iter().map(|p| (p.kind, p.url.as_str())).collect();
    let shapes = [
        (
            PlayUrlKind::Rtmp,
            "rtmp://play.example.com/live/show_1?txSecret=",
        ),
        (
            PlayUrlKind::Flv,
            "https://play.example.com/live/show_1.flv?txSecret=",
        ),
        (
            PlayUrlKind::Hls,
            "https://play.example.com/live/show_1.m3u8?txSecret=",
        ),
        (
            PlayUrlKind::Webrtc,
            "webrtc://play.example.com/live/show_1?txSecret=",
        ),
    ];
    assert_eq!(play.len(), shapes.len());
    for ((kind, url), (want_kind, prefix)) in play.iter().zip(shapes) {
        assert_eq!(*kind, want_kind);
        assert!(url.starts_with(prefix), "{kind:?}");
        assert_eq!(verify(&play_key, "show_1", url, after), Ok(()), "{kind:?}");
    }
    assert!(a.play.iter().all(|p| p.expires_at == Some(expires)));

    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["push"][1]["kind"], "rtmp_srt_port");
    assert_eq!(json["play"][2]["kind"], "hls");
    assert_eq!(json["expiresAt"], expires);
    assert!(json["streamKey"].is_string() && json["fullUrl"].is_string());
    let dbg = format!("{a:?}");
    assert!(!dbg.contains(param(&a.full_url, "txSecret")), "{dbg}");

    let db = db_bytes(&t);
    assert!(
        contains(&db, "push.example.com"),
        "the database files were read"
    );
    assert!(!contains(&db, &push_key) && !contains(&db, &play_key));

    core.destinations.delete(v.id).unwrap();
    assert!(!has(core, &v.id.to_string()) && !has(core, &play_key_id(v.id)));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_play_key_is_optional_and_goes_with_the_play_domain() {
    let t = TestCore::open().await;
    let core = &t.core;
    let push_key = unique_key("pushkey");
    let mut input = tencent_input(&push_key, &unique_key("playkey"));
    input.play_https = Some(false);
    input.app_name = Some("shop".into());
    let v = core.destinations.save(None, input.clone()).unwrap();

    // "" removes the play key: playback URLs are plain, with no expiry.
    input.play_key = Some(Secret::new(""));
    input.push_key = None;
    let v = core.destinations.save(Some(v.id), input.clone()).unwrap();
    assert_eq!((v.has_key, v.has_play_key), (Some(true), Some(false)));
    let a = core.destinations.address(v.id).unwrap();
    assert_eq!(a.server, "rtmp://push.example.com/shop");
    let urls: Vec<_> = a.play.iter().map(|p| p.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "rtmp://play.example.com/shop/show_1",
            "http://play.example.com/shop/show_1.flv",
            "http://play.example.com/shop/show_1.m3u8",
            "webrtc://play.example.com/shop/show_1",
        ]
    );
    assert!(a.play.iter().all(|p| p.expires_at.is_none()));
    assert_eq!(verify(&push_key, "show_1", &a.full_url, unix_now()), Ok(()));

    // A play key again, then the play domain cleared: the play key goes, no playback URLs.
    input.play_key = Some(Secret::new(unique_key("playkey")));
    let v = core.destinations.save(Some(v.id), input.clone()).unwrap();
    assert_eq!(v.has_play_key, Some(true));
    input.play_domain = None;
    input.play_key = None;
    let v = core.destinations.save(Some(v.id), input).unwrap();
    assert_eq!(
        (v.play_domain.as_ref(), v.has_play_key),
        (None, Some(false))
    );
    assert!(core.destinations.address(v.id).unwrap().play.is_empty());
}

/// `input` is refused on `field` with words in both languages, and the key is in none of it.
fn refused(core: &App, id: Option<i64>, input: DestinationInput, field: &str, key: &str) {
    let e = core.destinations.save(id, input).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation, "{field}: {e}");
    assert_eq!(e.field().as_deref(), Some(field), "{e}");
    let (zh, en) = (e.message(Locale::ZhCn), e.message(Locale::En));
    assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{zh} / {en}");
    for shown in [zh, en, format!("{e:?}"), e.to_string()] {
        assert!(!shown.contains(key), "{field}: {shown}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_forms_are_field_errors_and_save_nothing() {
    let t = TestCore::open().await;
    let core = &t.core;
    let key = unique_key("sk");
    let k = || Some(Secret::new(key.clone()));
    let custom = |name: &str, server: &str| DestinationInput::custom(name, server, k());
    let tencent = |domain: &str, stream: &str| DestinationInput::tencent("t", domain, stream, k());

    refused(
        core,
        None,
        custom("  ", "rtmp://h.example.com/live"),
        "name",
        &key,
    );
    refused(
        core,
        None,
        custom("a", "http://h.example.com/live"),
        "server",
        &key,
    );
    refused(
        core,
        None,
        custom("a", "rtmp://h.example.com/live?k=1"),
        "server",
        &key,
    );
    refused(
        core,
        None,
        DestinationInput::custom("a", "rtmp://h.example.com/live", None),
        "streamKey",
        &key,
    );
    refused(
        core,
        None,
        tencent("push.example.com/live", "s"),
        "pushDomain",
        &key,
    );
    refused(
        core,
        None,
        tencent("rtmp://push.example.com", "s"),
        "pushDomain",
        &key,
    );
    refused(
        core,
        None,
        tencent("push.example.com", "show?x=1"),
        "streamName",
        &key,
    );
    refused(
        core,
        None,
        tencent("push.example.com", ""),
        "streamName",
        &key,
    );
    refused(
        core,
        None,
        DestinationInput::tencent("t", "push.example.com", "s", None),
        "pushKey",
        &key,
    );
    let mut i = tencent("push.example.com", "s");
    i.app_name = Some("a/b".into());
    refused(core, None, i, "appName", &key);
    let mut i = tencent("push.example.com", "s");
    i.play_key = k();
    refused(core, None, i, "playDomain", &key);
    let mut i = tencent("push.example.com", "s");
    i.validity_secs = Some(10);
    refused(core, None, i, "validitySecs", &key);
    assert!(
        core.destinations.list().unwrap().is_empty(),
        "nothing saved"
    );

    // A bad edit changes nothing: not the row, not the key.
    let v = core
        .destinations
        .save(None, custom("good", "rtmp://h.example.com/live"))
        .unwrap();
    let other = unique_key("other");
    let mut bad = custom("good", "http://h.example.com/live");
    bad.stream_key = Some(Secret::new(other.clone()));
    refused(core, Some(v.id), bad, "server", &other);
    refused(
        core,
        Some(v.id),
        tencent("push.example.com", "s"),
        "kind",
        &key,
    );
    assert_eq!(core.destinations.list().unwrap(), vec![v.clone()]);
    assert_eq!(core.destinations.address(v.id).unwrap().stream_key, key);

    let e = core
        .destinations
        .save(Some(v.id + 100), custom("x", "rtmp://h.example.com/l"));
    assert_eq!(e.unwrap_err().code(), ErrorCode::NotFound);
    core.destinations.delete(v.id).unwrap();
}
