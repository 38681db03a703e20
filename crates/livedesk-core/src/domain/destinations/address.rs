//! A destination's address for OBS. Tencent URLs are signed with [`wechat_live::signer`] (the
//! one implementation of CSS signing) and split by [`wechat_live::push_url::PushUrl`] (the same
//! split a WeChat room's address gets); a custom destination is given back as saved.

use wechat_live::push_url::PushUrl as ParsedPushUrl;
use wechat_live::signer::{PlayKind, PushKind, Signer};
use wechat_live::Secret;

use super::types::{DestinationAddress, PlayUrl, PlayUrlKind, PushUrl, PushUrlKind};
use crate::base::error::{CoreError, CoreResult};
use crate::infra::store::TencentTarget;

/// The push shapes, in the order they are listed (RTMP first: it is the one OBS takes).
const PUSH_KINDS: [(PushUrlKind, PushKind); 4] = [
    (PushUrlKind::Rtmp, PushKind::Rtmp),
    (PushUrlKind::RtmpSrtPort, PushKind::RtmpSrtPort),
    (PushUrlKind::Webrtc, PushKind::Webrtc),
    (PushUrlKind::Srt, PushKind::Srt),
];

/// A custom destination: the server and key as saved, and the two joined with one `/`.
pub(super) fn custom(server: &str, key: &Secret) -> DestinationAddress {
    let key = key.expose();
    let full_url = if server.ends_with('/') {
        format!("{server}{key}")
    } else {
        format!("{server}/{key}")
    };
    DestinationAddress {
        server: server.to_owned(),
        stream_key: key.to_owned(),
        full_url,
        expires_at: None,
        push: Vec::new(),
        play: Vec::new(),
    }
}

/// A Tencent destination signed to expire at `now + validity`: every push shape with the push
/// key, and, with a play domain, every play shape (signed with the play key when there is one).
pub(super) fn tencent(
    t: &TencentTarget,
    push_key: &Secret,
    play_key: Option<&Secret>,
    now: i64,
) -> CoreResult<DestinationAddress> {
    let expires_at = now + i64::from(t.validity_secs);
    let signer = Signer::new(push_key.expose());
    let push: Vec<PushUrl> = PUSH_KINDS
        .iter()
        .map(|&(kind, k)| PushUrl {
            kind,
            url: signer.push_url(k, &t.push_domain, &t.app_name, &t.stream_name, expires_at),
            expires_at,
        })
        .collect();
    let full_url = push[0].url.clone();
    // The split a room's address gets: server `rtmp://domain/app`, key `stream?txSecret=…`.
    let parsed = ParsedPushUrl::parse(&full_url)
        .map_err(|e| CoreError::Config(format!("signed push URL does not parse: {e}")))?;
    let play = match &t.play_domain {
        Some(domain) => play_urls(t, domain, play_key, expires_at),
        None => Vec::new(),
    };
    Ok(DestinationAddress {
        server: parsed.server(),
        stream_key: parsed.stream_key(),
        full_url,
        expires_at: Some(expires_at),
        push,
        play,
    })
}

fn play_urls(
    t: &TencentTarget,
    domain: &str,
    key: Option<&Secret>,
    expires_at: i64,
) -> Vec<PlayUrl> {
    let https = t.play_https;
    let kinds = [
        (PlayUrlKind::Rtmp, PlayKind::Rtmp),
        (PlayUrlKind::Flv, PlayKind::Flv { https }),
        (PlayUrlKind::Hls, PlayKind::Hls { https }),
        (PlayUrlKind::Webrtc, PlayKind::Webrtc),
    ];
    // Without a play key the domain's hot-link protection is off: the same shapes, no query.
    let (signer, signed) = match key {
        Some(k) => (Signer::new(k.expose()), true),
        None => (Signer::new(""), false),
    };
    kinds
        .into_iter()
        .map(|(kind, k)| {
            let url = signer.play_url(k, domain, &t.app_name, &t.stream_name, expires_at);
            if signed {
                PlayUrl {
                    kind,
                    url,
                    expires_at: Some(expires_at),
                }
            } else {
                let bare = url.split_once('?').map_or(url.as_str(), |(head, _)| head);
                PlayUrl {
                    kind,
                    url: bare.to_owned(),
                    expires_at: None,
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(play: Option<&str>) -> TencentTarget {
        TencentTarget {
            push_domain: "push.example.com".into(),
            app_name: "live".into(),
            stream_name: "show".into(),
            play_domain: play.map(str::to_owned),
            play_https: true,
            validity_secs: 3600,
        }
    }

    #[test]
    fn custom_joins_with_one_slash() {
        let k = Secret::new("abc?x=1");
        assert_eq!(
            custom("rtmp://h/live", &k).full_url,
            "rtmp://h/live/abc?x=1"
        );
        let a = custom("rtmp://h/live/", &k);
        assert_eq!(
            (a.server.as_str(), a.full_url.as_str()),
            ("rtmp://h/live/", "rtmp://h/live/abc?x=1")
        );
    }

    #[test]
    fn tencent_split_is_obs_shaped() {
        let a = tencent(&target(None), &Secret::new("key"), None, 1_483_196_400).unwrap();
        assert_eq!(a.expires_at, Some(1_483_200_000));
        assert_eq!(a.server, "rtmp://push.example.com/live");
        let sec = Signer::new("key").tx_secret("show", 1_483_200_000);
        assert_eq!(a.stream_key, format!("show?txSecret={sec}&txTime=5867d600"));
        assert_eq!(a.full_url, format!("{}/{}", a.server, a.stream_key));
        assert!(a.play.is_empty());
        assert_eq!(a.push.len(), 4);
    }

    #[test]
    fn unsigned_play_urls_have_no_query() {
        let a = tencent(
            &target(Some("play.example.com")),
            &Secret::new("k"),
            None,
            0,
        )
        .unwrap();
        let urls: Vec<_> = a.play.iter().map(|p| p.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "rtmp://play.example.com/live/show",
                "https://play.example.com/live/show.flv",
                "https://play.example.com/live/show.m3u8",
                "webrtc://play.example.com/live/show",
            ]
        );
        assert!(a.play.iter().all(|p| p.expires_at.is_none()));
    }
}
