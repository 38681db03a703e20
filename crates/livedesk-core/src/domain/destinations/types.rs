//! The destinations service's types, as the window and the CLI see them (camelCase on the wire).
//! TypeScript is generated from these with ts-rs; never hand-copy them. Secrets only ever come
//! in (wrapped as [`Secret`] the moment they are read); nothing here serializes one back out
//! except [`DestinationAddress`], which is what OBS must be given.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use wechat_live::Secret;

pub use crate::infra::store::DestinationKind;

/// The destination form. Fields of the other kind are ignored. A secret left `null` keeps the
/// saved one; the optional play key given as `""` removes it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DestinationInput {
    pub kind: DestinationKind,
    pub name: String,
    /// Custom: the OBS "Server", `rtmp://host[:port]/app` or `rtmps://…`, without the key.
    #[serde(default)]
    pub server: Option<String>,
    /// Custom: the OBS "Stream key". Goes to the OS keyring and nowhere else.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub stream_key: Option<Secret>,
    /// Tencent: the push domain (no scheme, port or path).
    #[serde(default)]
    pub push_domain: Option<String>,
    /// Tencent: the AppName; `null` or `""` means `live`.
    #[serde(default)]
    pub app_name: Option<String>,
    /// Tencent: the StreamName.
    #[serde(default)]
    pub stream_name: Option<String>,
    /// Tencent: the push domain's auth key (推流鉴权 Key). Keyring only.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub push_key: Option<Secret>,
    /// Tencent: the play domain, for playback URLs; `null` or `""` for none.
    #[serde(default)]
    pub play_domain: Option<String>,
    /// Tencent: the play domain's auth key (播放鉴权 Key), when its hot-link protection is on.
    /// Keyring only.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub play_key: Option<Secret>,
    /// Tencent: FLV and HLS over https (the default) or http.
    #[serde(default)]
    pub play_https: Option<bool>,
    /// Tencent: how long a signed URL stays valid, seconds; `null` means 24 h.
    #[serde(default)]
    pub validity_secs: Option<u32>,
}

impl DestinationInput {
    /// A custom RTMP(S) destination.
    pub fn custom(name: &str, server: &str, stream_key: Option<Secret>) -> Self {
        Self {
            server: Some(server.to_owned()),
            stream_key,
            ..Self::empty(DestinationKind::Custom, name)
        }
    }

    /// A Tencent Cloud standard live destination (AppName `live`, no play domain, 24 h).
    pub fn tencent(
        name: &str,
        push_domain: &str,
        stream_name: &str,
        push_key: Option<Secret>,
    ) -> Self {
        Self {
            push_domain: Some(push_domain.to_owned()),
            stream_name: Some(stream_name.to_owned()),
            push_key,
            ..Self::empty(DestinationKind::Tencent, name)
        }
    }

    fn empty(kind: DestinationKind, name: &str) -> Self {
        Self {
            kind,
            name: name.to_owned(),
            server: None,
            stream_key: None,
            push_domain: None,
            app_name: None,
            stream_name: None,
            push_key: None,
            play_domain: None,
            play_key: None,
            play_https: None,
            validity_secs: None,
        }
    }
}

/// A destination as listed: never a secret, only whether one is set. Tencent-only fields are
/// `null` for a custom destination and the other way round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DestinationView {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: DestinationKind,
    pub name: String,
    /// Custom: the OBS "Server".
    pub server: Option<String>,
    pub push_domain: Option<String>,
    pub app_name: Option<String>,
    pub stream_name: Option<String>,
    pub play_domain: Option<String>,
    pub play_https: Option<bool>,
    pub validity_secs: Option<u32>,
    /// The keyring holds the stream key (custom) or the push auth key (Tencent); `null` when the
    /// keyring could not be asked.
    pub has_key: Option<bool>,
    /// The keyring holds a play auth key (always `false` for custom); `null` when it could not
    /// be asked.
    pub has_play_key: Option<bool>,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
}

/// A push URL shape of Tencent Cloud CSS (reference, section 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PushUrlKind {
    /// `rtmp://domain/app/stream?…`
    Rtmp,
    /// `rtmp://domain:3570/app/stream?…`
    RtmpSrtPort,
    /// `webrtc://domain/app/stream?…`
    Webrtc,
    /// `srt://domain:9000?streamid=#!::h=domain,r=app/stream,…`
    Srt,
}

/// A playback URL shape of Tencent Cloud CSS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlayUrlKind {
    /// `rtmp://domain/app/stream?…`
    Rtmp,
    /// `http(s)://domain/app/stream.flv?…`
    Flv,
    /// `http(s)://domain/app/stream.m3u8?…`
    Hls,
    /// `webrtc://domain/app/stream?…`
    Webrtc,
}

/// One signed push URL. A credential: `Debug` hides its query.
#[derive(Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PushUrl {
    pub kind: PushUrlKind,
    pub url: String,
    /// Unix seconds (the txTime).
    #[ts(type = "number")]
    pub expires_at: i64,
}

/// One playback URL: signed with the play key (with its expiry), or plain when the play domain
/// has no auth key (`expiresAt` null). `Debug` hides its query.
#[derive(Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlayUrl {
    pub kind: PlayUrlKind,
    pub url: String,
    #[ts(type = "number | null")]
    pub expires_at: Option<i64>,
}

/// Where to push, split the way OBS's custom RTMP service wants it. A credential: shown to the
/// user and given to OBS, never logged (`Debug` hides the key and every query).
#[derive(Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DestinationAddress {
    /// OBS "Server": `rtmp://domain/AppName` (Tencent), or the server as saved (custom).
    pub server: String,
    /// OBS "Stream key": `StreamName?txSecret=…&txTime=…` (Tencent), or the key as saved.
    pub stream_key: String,
    /// Server and key in one URL (Tencent: the RTMP push URL).
    pub full_url: String,
    /// Unix seconds when the signature expires; `null` for custom (no expiry known).
    #[ts(type = "number | null")]
    pub expires_at: Option<i64>,
    /// Tencent: every push URL shape (RTMP, RTMP over the SRT port, WebRTC, SRT); empty for
    /// custom.
    pub push: Vec<PushUrl>,
    /// Tencent with a play domain: RTMP, FLV, HLS and WebRTC playback; else empty.
    pub play: Vec<PlayUrl>,
}

/// A destination's address with its QR code (for phone encoders). Its `Debug` is the address's,
/// which hides the key.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DestinationAddressView {
    pub address: DestinationAddress,
    /// SVG of the full push URL.
    pub qr_svg: String,
}

/// `scheme://host/path?<redacted>`: the part before the query, which carries the signature.
fn redacted(url: &str) -> String {
    match url.split_once('?') {
        Some((head, _)) => format!("{head}?<redacted>"),
        None => url.to_owned(),
    }
}

impl fmt::Debug for PushUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PushUrl")
            .field("kind", &self.kind)
            .field("url", &redacted(&self.url))
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

impl fmt::Debug for PlayUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PlayUrl")
            .field("kind", &self.kind)
            .field("url", &redacted(&self.url))
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

impl fmt::Debug for DestinationAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DestinationAddress")
            .field("server", &self.server)
            .field("stream_key", &"<redacted>")
            .field("full_url", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .field("push", &self.push)
            .field("play", &self.play)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_no_secret() {
        let input = DestinationInput::custom(
            "视频号",
            "rtmp://a.example.com/live",
            Some(Secret::new("sk-visible?")),
        );
        assert!(!format!("{input:?}").contains("sk-visible"));
        let addr = DestinationAddress {
            server: "rtmp://a.example.com/live".into(),
            stream_key: "s?txSecret=abcdef&txTime=1".into(),
            full_url: "rtmp://a.example.com/live/s?txSecret=abcdef&txTime=1".into(),
            expires_at: Some(1),
            push: vec![PushUrl {
                kind: PushUrlKind::Srt,
                url: "srt://a.example.com:9000?streamid=#!::txSecret=abcdef".into(),
                expires_at: 1,
            }],
            play: vec![PlayUrl {
                kind: PlayUrlKind::Flv,
                url: "https://p.example.com/live/s.flv?txSecret=abcdef&txTime=1".into(),
                expires_at: Some(1),
            }],
        };
        let dbg = format!("{addr:?}");
        assert!(!dbg.contains("abcdef"), "{dbg}");
        assert!(
            dbg.contains("https://p.example.com/live/s.flv?<redacted>"),
            "{dbg}"
        );
    }

    #[test]
    fn input_reads_camel_case_with_absent_fields_null() {
        let i: DestinationInput = serde_json::from_str(
            r#"{"kind":"tencent","name":"n","pushDomain":"p.example.com","streamName":"s",
                "pushKey":"k","validitySecs":3600}"#,
        )
        .unwrap();
        assert_eq!(i.kind, DestinationKind::Tencent);
        assert_eq!(i.push_key.as_ref().map(Secret::expose), Some("k"));
        assert_eq!((i.validity_secs, i.play_key.is_none()), (Some(3600), true));
    }
}
