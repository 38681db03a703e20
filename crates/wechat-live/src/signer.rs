//! Tencent Cloud CSS hot-link signing ("type B"), the scheme WeChat's own pushAddr uses.
//!
//! `txTime` is the expiry as hex unix seconds, `txSecret = md5(key + streamName + txTime)` in
//! lower-case hex. Push and playback use different keys: make one [`Signer`] per key.

use std::fmt;

use md5::{Digest, Md5};

/// Signs and verifies CSS URLs with one auth key. The key is secret: `Debug` never shows it.
#[derive(Clone)]
pub struct Signer {
    key: String,
}

/// Push URL shapes from the reference, section 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PushKind {
    /// `rtmp://domain/app/stream?txSecret=…&txTime=…`
    Rtmp,
    /// RTMP over the SRT port: `rtmp://domain:3570/app/stream?…`
    RtmpSrtPort,
    /// `webrtc://domain/app/stream?…`
    Webrtc,
    /// `srt://domain:9000?streamid=#!::h=domain,r=app/stream,txSecret=…,txTime=…`
    Srt,
}

/// Playback URL shapes from the reference, section 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlayKind {
    Rtmp,
    Webrtc,
    /// `http(s)://domain/app/stream.flv?…`
    Flv {
        https: bool,
    },
    /// `http(s)://domain/app/stream.m3u8?…`
    Hls {
        https: bool,
    },
}

/// Why a signed URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    #[error("txTime is not a hexadecimal unix time")]
    BadTxTime,
    #[error("txSecret does not match the stream and txTime")]
    BadSignature,
    #[error("signed URL expired at unix time {expires_at}")]
    Expired { expires_at: i64 },
}

/// Lower-case hex of `expires_at` as unix seconds, at least 8 digits (`5867d600`).
/// Negative times cannot be expressed in txTime and are clamped to 0.
pub fn tx_time_hex(expires_at: i64) -> String {
    format!("{:08x}", expires_at.max(0))
}

/// Decodes a txTime value (hex, either case, 1–16 digits) to unix seconds.
pub fn parse_tx_time(hex: &str) -> Option<i64> {
    if hex.is_empty() || hex.len() > 16 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u64::from_str_radix(hex, 16)
        .ok()
        .and_then(|v| i64::try_from(v).ok())
}

impl Signer {
    pub fn new(key: impl Into<String>) -> Self {
        Signer { key: key.into() }
    }

    /// See [`tx_time_hex`].
    pub fn tx_time_hex(&self, expires_at: i64) -> String {
        tx_time_hex(expires_at)
    }

    /// `md5(key + stream_name + txTimeHex)` in lower-case hex. `stream_name` is the bare name:
    /// no app, no `.flv`/`.m3u8` extension, no query.
    pub fn tx_secret(&self, stream_name: &str, expires_at: i64) -> String {
        self.secret_for(stream_name, &tx_time_hex(expires_at))
    }

    fn secret_for(&self, stream_name: &str, tx_time_hex: &str) -> String {
        let mut h = Md5::new();
        h.update(self.key.as_bytes());
        h.update(stream_name.as_bytes());
        h.update(tx_time_hex.as_bytes());
        hex::encode(h.finalize())
    }

    /// `txSecret=…&txTime=…` for `stream` expiring at `expires_at`.
    fn query(&self, stream: &str, expires_at: i64) -> (String, String) {
        (self.tx_secret(stream, expires_at), tx_time_hex(expires_at))
    }

    /// A signed push URL. `domain` is the push domain (may carry no port; the kind adds one).
    pub fn push_url(
        &self,
        kind: PushKind,
        domain: &str,
        app: &str,
        stream: &str,
        expires_at: i64,
    ) -> String {
        let (secret, time) = self.query(stream, expires_at);
        let q = format!("txSecret={secret}&txTime={time}");
        match kind {
            PushKind::Rtmp => format!("rtmp://{domain}/{app}/{stream}?{q}"),
            PushKind::RtmpSrtPort => format!("rtmp://{domain}:3570/{app}/{stream}?{q}"),
            PushKind::Webrtc => format!("webrtc://{domain}/{app}/{stream}?{q}"),
            PushKind::Srt => format!(
                "srt://{domain}:9000?streamid=#!::h={domain},r={app}/{stream},txSecret={secret},txTime={time}"
            ),
        }
    }

    /// A signed playback URL; use a `Signer` built with the playback key. The signature covers
    /// the bare stream name even when the path carries `.flv`/`.m3u8`.
    pub fn play_url(
        &self,
        kind: PlayKind,
        domain: &str,
        app: &str,
        stream: &str,
        expires_at: i64,
    ) -> String {
        let (secret, time) = self.query(stream, expires_at);
        let q = format!("txSecret={secret}&txTime={time}");
        let http = |https: bool| if https { "https" } else { "http" };
        match kind {
            PlayKind::Rtmp => format!("rtmp://{domain}/{app}/{stream}?{q}"),
            PlayKind::Webrtc => format!("webrtc://{domain}/{app}/{stream}?{q}"),
            PlayKind::Flv { https } => format!("{}://{domain}/{app}/{stream}.flv?{q}", http(https)),
            PlayKind::Hls { https } => {
                format!("{}://{domain}/{app}/{stream}.m3u8?{q}", http(https))
            }
        }
    }

    /// Checks a signature the way CSS does: the MD5 covers `tx_time_hex` exactly as written in
    /// the URL; `tx_secret` compares case-insensitively. A valid signature past its time (strictly
    /// `now > expires_at`) is `Expired`.
    pub fn verify(
        &self,
        stream_name: &str,
        tx_secret: &str,
        tx_time_hex: &str,
        now: i64,
    ) -> Result<(), SignError> {
        let expires_at = parse_tx_time(tx_time_hex).ok_or(SignError::BadTxTime)?;
        let expected = self.secret_for(stream_name, tx_time_hex);
        if !eq_ignore_case_ct(expected.as_bytes(), tx_secret.as_bytes()) {
            return Err(SignError::BadSignature);
        }
        if now > expires_at {
            return Err(SignError::Expired { expires_at });
        }
        Ok(())
    }
}

/// ASCII case-insensitive comparison that does not stop at the first difference, so timing does
/// not reveal how much of a guessed secret was right.
fn eq_ignore_case_ct(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| {
        acc | (x.to_ascii_lowercase() ^ y.to_ascii_lowercase())
    }) == 0
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("key", &"<redacted>")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md5_hex(s: &str) -> String {
        hex::encode(Md5::digest(s.as_bytes()))
    }

    #[test]
    fn md5_known_vectors() {
        // RFC 1321 test suite.
        assert_eq!(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
    }

    #[test]
    fn tx_time_is_lower_hex_at_least_8_digits() {
        // Reference: 5867D600 = 2017-01-01 00:00:00 +08:00 = 1483200000.
        assert_eq!(tx_time_hex(1_483_200_000), "5867d600");
        assert_eq!(tx_time_hex(255), "000000ff");
        assert_eq!(tx_time_hex(-5), "00000000");
        assert_eq!(tx_time_hex(1 << 40), "10000000000");
        assert_eq!(parse_tx_time("5867D600"), Some(1_483_200_000));
        assert_eq!(parse_tx_time("5867d600"), Some(1_483_200_000));
        assert_eq!(parse_tx_time(""), None);
        assert_eq!(parse_tx_time("xyz"), None);
        assert_eq!(parse_tx_time("+ff"), None);
        assert_eq!(parse_tx_time("ffffffffffffffff"), None);
        assert_eq!(parse_tx_time("00000000000000000001"), None);
    }

    #[test]
    fn tx_secret_is_md5_of_concatenation() {
        // Literal computed independently (Python hashlib) for "k3y" + "wx123-42" + "5867d600".
        let s = Signer::new("k3y");
        assert_eq!(
            s.tx_secret("wx123-42", 1_483_200_000),
            "fe20235453555f95ffd1ed4cc2b09272"
        );
    }

    #[test]
    fn url_shapes_follow_reference() {
        let s = Signer::new("key");
        let t = 1_483_200_000;
        let sec = md5_hex("keystream5867d600");
        let q = format!("txSecret={sec}&txTime=5867d600");
        let push = |k| s.push_url(k, "push.example.com", "live", "stream", t);
        assert_eq!(
            push(PushKind::Rtmp),
            format!("rtmp://push.example.com/live/stream?{q}")
        );
        assert_eq!(
            push(PushKind::RtmpSrtPort),
            format!("rtmp://push.example.com:3570/live/stream?{q}")
        );
        assert_eq!(
            push(PushKind::Webrtc),
            format!("webrtc://push.example.com/live/stream?{q}")
        );
        assert_eq!(
            push(PushKind::Srt),
            format!(
                "srt://push.example.com:9000?streamid=#!::h=push.example.com,r=live/stream,txSecret={sec},txTime=5867d600"
            )
        );
        let play = |k| s.play_url(k, "play.example.com", "live", "stream", t);
        assert_eq!(
            play(PlayKind::Rtmp),
            format!("rtmp://play.example.com/live/stream?{q}")
        );
        assert_eq!(
            play(PlayKind::Webrtc),
            format!("webrtc://play.example.com/live/stream?{q}")
        );
        assert_eq!(
            play(PlayKind::Flv { https: true }),
            format!("https://play.example.com/live/stream.flv?{q}")
        );
        assert_eq!(
            play(PlayKind::Flv { https: false }),
            format!("http://play.example.com/live/stream.flv?{q}")
        );
        assert_eq!(
            play(PlayKind::Hls { https: true }),
            format!("https://play.example.com/live/stream.m3u8?{q}")
        );
        assert_eq!(
            play(PlayKind::Hls { https: false }),
            format!("http://play.example.com/live/stream.m3u8?{q}")
        );
    }

    #[test]
    fn verify_accepts_valid_and_rejects_tampering() {
        let s = Signer::new("key");
        let t = 1_483_200_000;
        let sec = s.tx_secret("stream", t);
        assert_eq!(s.verify("stream", &sec, "5867d600", t), Ok(()));
        assert_eq!(
            s.verify("stream", &sec.to_uppercase(), "5867d600", t - 100),
            Ok(())
        );
        assert_eq!(
            s.verify("stream", &sec, "5867d600", t + 1),
            Err(SignError::Expired { expires_at: t })
        );
        assert_eq!(
            s.verify("stream2", &sec, "5867d600", t),
            Err(SignError::BadSignature)
        );
        assert_eq!(
            s.verify("stream", &sec, "5867d601", t),
            Err(SignError::BadSignature)
        );
        assert_eq!(
            s.verify("stream", &sec[..31], "5867d600", t),
            Err(SignError::BadSignature)
        );
        assert_eq!(
            Signer::new("other").verify("stream", &sec, "5867d600", t),
            Err(SignError::BadSignature)
        );
        assert_eq!(s.verify("stream", &sec, "zz", t), Err(SignError::BadTxTime));
        // Tencent's examples sign the upper-case txTime literally.
        let upper = md5_hex("keystream5867D600");
        assert_eq!(s.verify("stream", &upper, "5867D600", t), Ok(()));
    }

    #[test]
    fn debug_redacts_key() {
        let dbg = format!("{:?}", Signer::new("super-secret-key"));
        assert!(!dbg.contains("super-secret-key"), "{dbg}");
        assert!(dbg.contains("<redacted>"));
    }
}
