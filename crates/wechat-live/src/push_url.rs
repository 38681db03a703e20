//! WeChat's `pushAddr` split the way OBS wants it.
//!
//! `rtmp://host[:port]/app/stream?txSecret=…&txTime=…` becomes the OBS "Server"
//! (`rtmp://host[:port]/app`) and "Stream key" (`stream?txSecret=…&txTime=…`). The stream key is
//! a credential: `Debug` and `Display` never print txSecret or the rest of the query.

use std::fmt;
use std::str::FromStr;

use crate::signer::parse_tx_time;

/// A parsed RTMP(S) push address. Text is kept exactly as given (after trimming whitespace).
#[derive(Clone, PartialEq, Eq)]
pub struct PushUrl {
    full: String,
    /// Byte offset of the `/` between app and stream.
    app_end: usize,
    /// Byte offset of the `?` starting the query.
    query_start: usize,
    /// Byte offset where host[:port] starts (just after `://`).
    host_start: usize,
    /// Byte offset of the `/` ending host[:port].
    host_end: usize,
    tx_secret: (usize, usize),
    tx_time: (usize, usize),
    expires_at: i64,
}

/// Why a push address could not be parsed. Messages never contain the address or its secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PushUrlError {
    #[error("not an rtmp:// or rtmps:// address")]
    NotRtmp,
    #[error("push address has no host")]
    MissingHost,
    #[error("push address needs an app and a stream name (rtmp://host/app/stream)")]
    MissingStream,
    #[error("push address has no txSecret")]
    MissingTxSecret,
    #[error("push address has no txTime")]
    MissingTxTime,
    #[error("txTime is not a hexadecimal unix time")]
    BadTxTime,
}

impl PushUrl {
    pub fn parse(s: &str) -> Result<PushUrl, PushUrlError> {
        let full = s.trim();
        let host_start = ["rtmp://", "rtmps://"]
            .iter()
            .find(|p| {
                full.get(..p.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(p))
            })
            .map(|p| p.len())
            .ok_or(PushUrlError::NotRtmp)?;
        if full.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(PushUrlError::NotRtmp);
        }
        // Everything up to '?' is host/path; the query follows. No query at all means no secret.
        let query_start = full.find('?').unwrap_or(full.len());
        let path_part = &full[host_start..query_start];
        let host_len = path_part.find('/').unwrap_or(path_part.len());
        if host_len == 0 {
            return Err(PushUrlError::MissingHost);
        }
        let host_end = host_start + host_len;
        // app is everything between host and the last '/', stream the final segment.
        let app_end = host_start + path_part.rfind('/').ok_or(PushUrlError::MissingStream)?;
        if app_end <= host_end || app_end + 1 >= query_start {
            return Err(PushUrlError::MissingStream);
        }
        if full[host_end + 1..app_end].split('/').any(str::is_empty) {
            return Err(PushUrlError::MissingStream);
        }

        let mut tx_secret = None;
        let mut tx_time = None;
        let mut pos = query_start + 1;
        for pair in full.get(query_start + 1..).unwrap_or("").split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value_start = pos + key.len() + 1;
            let span = (
                value_start.min(full.len()),
                value_start.min(full.len()) + value.len(),
            );
            // First occurrence wins; keys match case-insensitively as some tools re-case them.
            if key.eq_ignore_ascii_case("txSecret") && tx_secret.is_none() {
                tx_secret = Some(span);
            } else if key.eq_ignore_ascii_case("txTime") && tx_time.is_none() {
                tx_time = Some(span);
            }
            pos += pair.len() + 1;
        }
        let tx_secret = tx_secret
            .filter(|(a, b)| b > a)
            .ok_or(PushUrlError::MissingTxSecret)?;
        let tx_time = tx_time
            .filter(|(a, b)| b > a)
            .ok_or(PushUrlError::MissingTxTime)?;
        let expires_at =
            parse_tx_time(&full[tx_time.0..tx_time.1]).ok_or(PushUrlError::BadTxTime)?;
        Ok(PushUrl {
            full: full.to_owned(),
            app_end,
            query_start,
            host_start,
            host_end,
            tx_secret,
            tx_time,
            expires_at,
        })
    }

    /// OBS "Server": `rtmp://host[:port]/app`.
    pub fn server(&self) -> String {
        self.full[..self.app_end].to_owned()
    }

    /// OBS "Stream key": `stream?` plus the whole original query. Secret: do not log.
    pub fn stream_key(&self) -> String {
        self.full[self.app_end + 1..].to_owned()
    }

    /// `host[:port]`.
    pub fn host(&self) -> &str {
        &self.full[self.host_start..self.host_end]
    }

    /// The app path between host and stream (`live`).
    pub fn app(&self) -> &str {
        &self.full[self.host_end + 1..self.app_end]
    }

    /// The stream name (for WeChat rooms `<appid>-<roomId>`).
    pub fn stream_name(&self) -> &str {
        &self.full[self.app_end + 1..self.query_start]
    }

    /// Secret: do not log.
    pub fn tx_secret(&self) -> &str {
        &self.full[self.tx_secret.0..self.tx_secret.1]
    }

    /// txTime exactly as written (case preserved).
    pub fn tx_time_hex(&self) -> &str {
        &self.full[self.tx_time.0..self.tx_time.1]
    }

    /// Expiry of the address, unix seconds, decoded from txTime.
    pub fn expires_at(&self) -> i64 {
        self.expires_at
    }

    /// The whole address. Secret: do not log.
    pub fn full(&self) -> &str {
        &self.full
    }

    /// True when `now` (unix seconds) is past the expiry.
    pub fn is_expired(&self, now: i64) -> bool {
        now > self.expires_at
    }

    /// The address with the secret replaced, safe for logs and UI previews.
    pub fn redacted(&self) -> String {
        let extra = if self.full[self.query_start + 1..].split('&').count() > 2 {
            "&…"
        } else {
            ""
        };
        format!(
            "{}/{}?txSecret=<redacted>&txTime={}{extra}",
            &self.full[..self.app_end],
            self.stream_name(),
            self.tx_time_hex()
        )
    }
}

impl FromStr for PushUrl {
    type Err = PushUrlError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PushUrl::parse(s)
    }
}

impl fmt::Display for PushUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl fmt::Debug for PushUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PushUrl")
            .field("server", &self.server())
            .field("stream_name", &self.stream_name())
            .field("tx_secret", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";
    const WX: &str = "rtmp://wxalivepush.weixin.qq.com/live/wx1234567890abcdef-42?txSecret=0123456789abcdef0123456789abcdef&txTime=5867d600";

    #[test]
    fn parses_wechat_push_addr() {
        let p = PushUrl::parse(WX).unwrap();
        assert_eq!(p.server(), "rtmp://wxalivepush.weixin.qq.com/live");
        assert_eq!(
            p.stream_key(),
            format!("wx1234567890abcdef-42?txSecret={SECRET}&txTime=5867d600")
        );
        assert_eq!(p.stream_name(), "wx1234567890abcdef-42");
        assert_eq!(p.host(), "wxalivepush.weixin.qq.com");
        assert_eq!(p.app(), "live");
        assert_eq!(p.tx_secret(), SECRET);
        assert_eq!(p.tx_time_hex(), "5867d600");
        assert_eq!(p.expires_at(), 1_483_200_000);
        assert_eq!(p.full(), WX);
        assert!(!p.is_expired(1_483_200_000));
        assert!(p.is_expired(1_483_200_001));
        assert_eq!(format!("{} ", WX).parse::<PushUrl>(), Ok(p));
    }

    #[test]
    fn tolerates_port_rtmps_extra_params_and_upper_hex() {
        let p = PushUrl::parse(&format!(
            "RTMPS://h.example.com:443/a/b/s1?bizid=9&txSecret={SECRET}&x=&txTime=5867D600"
        ))
        .unwrap();
        assert_eq!(p.server(), "RTMPS://h.example.com:443/a/b");
        assert_eq!(p.app(), "a/b");
        assert_eq!(p.host(), "h.example.com:443");
        assert_eq!(p.stream_name(), "s1");
        assert_eq!(
            p.stream_key(),
            format!("s1?bizid=9&txSecret={SECRET}&x=&txTime=5867D600")
        );
        assert_eq!(p.tx_time_hex(), "5867D600");
        assert_eq!(p.expires_at(), 1_483_200_000);
        assert!(p.to_string().ends_with("txTime=5867D600&…"));
    }

    #[test]
    fn errors() {
        use PushUrlError::*;
        let q = format!("?txSecret={SECRET}&txTime=5867d600");
        let cases = [
            (format!("http://h/live/s{q}"), NotRtmp),
            ("".to_owned(), NotRtmp),
            ("rtmp:/h/live/s".to_owned(), NotRtmp),
            (format!("rtmp://h/live/s t{q}"), NotRtmp),
            (format!("rtmp:///live/s{q}"), MissingHost),
            (format!("rtmp://h{q}"), MissingStream),
            (format!("rtmp://h/s{q}"), MissingStream),
            (format!("rtmp://h/live/{q}"), MissingStream),
            (format!("rtmp://h//s{q}"), MissingStream),
            ("rtmp://h/live/s".to_owned(), MissingTxSecret),
            (
                "rtmp://h/live/s?txSecret=&txTime=5867d600".to_owned(),
                MissingTxSecret,
            ),
            (format!("rtmp://h/live/s?txSecret={SECRET}"), MissingTxTime),
            (
                format!("rtmp://h/live/s?txSecret={SECRET}&txTime"),
                MissingTxTime,
            ),
            (
                format!("rtmp://h/live/s?txSecret={SECRET}&txTime=nothex"),
                BadTxTime,
            ),
            (
                format!("rtmp://h/live/s?txSecret={SECRET}&txTime=-1"),
                BadTxTime,
            ),
        ];
        for (url, err) in cases {
            assert_eq!(PushUrl::parse(&url), Err(err), "{url}");
        }
    }

    #[test]
    fn never_prints_secret() {
        let p = PushUrl::parse(WX).unwrap();
        let shown = [
            format!("{p}"),
            format!("{p:?}"),
            format!("{p:#?}"),
            p.redacted(),
        ];
        for s in shown {
            assert!(!s.contains(SECRET), "{s}");
            assert!(s.contains("<redacted>"), "{s}");
        }
        assert_eq!(
            p.to_string(),
            "rtmp://wxalivepush.weixin.qq.com/live/wx1234567890abcdef-42?txSecret=<redacted>&txTime=5867d600"
        );
        for e in [PushUrlError::NotRtmp, PushUrlError::BadTxTime] {
            assert!(!e.to_string().contains(SECRET));
        }
    }

    #[test]
    fn multibyte_input_does_not_panic() {
        for s in [
            "rtmp://主机/直播/流?txSecret=秘密&txTime=ff",
            "rtmp://é/a/ü?txSecret=x&txTime=é",
            "rtmp://",
        ] {
            let _ = PushUrl::parse(s);
        }
        let p = PushUrl::parse("rtmp://主机/直播/流?txSecret=秘密&txTime=ff").unwrap();
        assert_eq!(
            (p.host(), p.app(), p.stream_name(), p.tx_secret()),
            ("主机", "直播", "流", "秘密")
        );
    }
}
