//! The one error type of the client. Nothing in it ever holds a secret, an access token or a URL
//! with its query string.

use serde_json::{Map, Value};

use crate::errcode::{ErrCode, RetryClass};
use crate::validate::{Rule, Violation};

/// Result of every client operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Longest piece of an unexpected body kept for diagnosis.
const BODY_START: usize = 200;

/// Everything that can go wrong talking to WeChat.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// WeChat answered with an errcode other than 0.
    #[error("WeChat errcode {code}: {errmsg}")]
    Api {
        /// The errcode, as the reference's enum (unknown codes keep their number).
        code: ErrCode,
        /// WeChat's errmsg without the trailing ` rid: …`.
        errmsg: String,
        /// WeChat's request id, for support tickets.
        rid: Option<String>,
        /// The other fields of the error body (e.g. `qrcode_url` with 300036).
        extra: Option<Box<Map<String, Value>>>,
    },
    /// An HTTP status other than 2xx (a gateway error page, say).
    #[error("HTTP {status} from WeChat: {body_start}")]
    Http {
        /// The status code.
        status: u16,
        /// The start of the body.
        body_start: String,
    },
    /// No answer within the timeout. `sent` is true when the request may have been processed.
    #[error("WeChat did not answer in time")]
    Timeout {
        /// Whether the request may have reached WeChat.
        sent: bool,
    },
    /// The connection failed. `sent` is true when the request may have been processed.
    #[error("network error talking to WeChat: {detail}")]
    Network {
        /// Whether the request may have reached WeChat.
        sent: bool,
        /// What failed (never with a URL).
        detail: String,
    },
    /// The answer was not the JSON expected (an HTML page, a changed field).
    #[error("unexpected answer from WeChat ({reason}): {body_start}")]
    Decode {
        /// Why it could not be read.
        reason: String,
        /// The start of the body.
        body_start: String,
    },
    /// A WeChat rule was broken; nothing was sent.
    #[error("{field}: {}", rule.message_en())]
    Validation {
        /// WeChat's name of the field.
        field: &'static str,
        /// The rule it breaks.
        rule: Rule,
    },
    /// The client is misconfigured (bad base URL, empty AppID or secret).
    #[error("client configuration: {0}")]
    Config(&'static str),
}

impl From<Violation> for Error {
    fn from(v: Violation) -> Self {
        Error::Validation {
            field: v.field,
            rule: v.rule,
        }
    }
}

impl Error {
    /// The WeChat errcode, if WeChat answered with one.
    pub fn code(&self) -> Option<ErrCode> {
        match self {
            Error::Api { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// The real-name QR code URL the anchor must scan (300036), or the role `codeurl` (400002).
    pub fn qrcode_url(&self) -> Option<&str> {
        let Error::Api {
            extra: Some(extra), ..
        } = self
        else {
            return None;
        };
        ["qrcode_url", "codeurl", "codeUrl"]
            .iter()
            .find_map(|k| extra.get(*k).and_then(Value::as_str))
    }

    /// WeChat's request id, if any.
    pub fn rid(&self) -> Option<&str> {
        match self {
            Error::Api { rid, .. } => rid.as_deref(),
            _ => None,
        }
    }

    /// True when the request may have been processed but no answer came back: sending it again
    /// blindly could do it twice.
    pub fn is_ambiguous(&self) -> bool {
        match self {
            Error::Timeout { sent } | Error::Network { sent, .. } => *sent,
            Error::Http { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// What a caller may do about it.
    pub fn retry_class(&self) -> RetryClass {
        match self {
            Error::Api { code, .. } => code.retry_class(),
            Error::Http { status, .. } if *status >= 500 || *status == 429 => RetryClass::Transient,
            Error::Timeout { .. } | Error::Network { .. } => RetryClass::Transient,
            _ => RetryClass::Never,
        }
    }

    /// A message for Chinese-speaking users.
    pub fn message_zh(&self) -> String {
        match self {
            Error::Api { code, errmsg, .. } => match code {
                ErrCode::Unknown(n) => format!("微信返回错误码 {n}：{errmsg}"),
                _ => format!("{}（{}）", code.message_zh(), code.code()),
            },
            Error::Http { status, .. } => format!("微信服务器返回 HTTP {status}，请稍后重试"),
            Error::Timeout { .. } => "微信服务器响应超时，请检查网络后重试".to_owned(),
            Error::Network { .. } => "无法连接微信服务器，请检查网络".to_owned(),
            Error::Decode { .. } => "微信返回了无法识别的内容".to_owned(),
            Error::Validation { rule, .. } => rule.message_zh(),
            Error::Config(what) => format!("配置错误：{what}"),
        }
    }

    /// A message for English-speaking users.
    pub fn message_en(&self) -> String {
        match self {
            Error::Api { code, errmsg, .. } => match code {
                ErrCode::Unknown(n) => format!("WeChat error {n}: {errmsg}"),
                _ => format!("{} ({})", code.message_en(), code.code()),
            },
            Error::Validation { rule, .. } => rule.message_en(),
            other => other.to_string(),
        }
    }

    pub(crate) fn decode(reason: impl Into<String>, body: &[u8]) -> Self {
        Error::Decode {
            reason: reason.into(),
            body_start: body_start(body),
        }
    }

    pub(crate) fn from_reqwest(e: &reqwest::Error) -> Self {
        // A connect failure means nothing left this machine; anything later may have been processed.
        let sent = !e.is_connect();
        if e.is_timeout() {
            return Error::Timeout { sent };
        }
        let mut detail = e.without_url_ref();
        if let Some(source) = std::error::Error::source(e) {
            detail = format!("{detail}: {source}");
        }
        Error::Network { sent, detail }
    }
}

trait WithoutUrl {
    fn without_url_ref(&self) -> String;
}

impl WithoutUrl for reqwest::Error {
    /// reqwest's Display includes the URL, which carries the access token: describe by kind only.
    fn without_url_ref(&self) -> String {
        let kind = if self.is_connect() {
            "connect failed"
        } else if self.is_body() {
            "body failed"
        } else if self.is_request() {
            "request failed"
        } else if self.is_decode() {
            "decode failed"
        } else {
            "connection failed"
        };
        kind.to_owned()
    }
}

/// The first characters of a body, lossily decoded, with anything token-like cut off.
pub(crate) fn body_start(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out: String = text.chars().take(BODY_START).collect();
    if let Some(i) = out.find("access_token") {
        out.truncate(i);
        out.push_str("<redacted>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qrcode_url_is_kept() {
        let mut extra = Map::new();
        extra.insert(
            "qrcode_url".into(),
            Value::from("https://res.wx.qq.com/op_res/x"),
        );
        let e = Error::Api {
            code: ErrCode::AnchorNotVerified,
            errmsg: "anchorWechat has no realName".into(),
            rid: Some("1-2-3".into()),
            extra: Some(Box::new(extra)),
        };
        assert_eq!(e.qrcode_url(), Some("https://res.wx.qq.com/op_res/x"));
        assert_eq!(e.code(), Some(ErrCode::AnchorNotVerified));
        assert!(e.message_zh().contains("300036"));
        assert!(!e.is_ambiguous());
    }

    #[test]
    fn body_start_hides_tokens_and_is_short() {
        let s = body_start(br#"{"access_token":"SECRET","expires_in":7200}"#);
        assert!(!s.contains("SECRET"));
        assert!(body_start(&[b'x'; 1000]).len() <= BODY_START);
    }
}
