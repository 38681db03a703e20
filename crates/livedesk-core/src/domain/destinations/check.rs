//! The form checked before anything is saved: every field error names its field (the form's
//! camelCase key) in Chinese and English, and never echoes a secret. What passes comes out
//! normalized (trimmed, domains lower-cased, defaults filled) as the stored [`Target`].

use wechat_live::Secret;

use super::types::DestinationInput;
use crate::base::error::{CoreError, CoreResult};
use crate::infra::store::{DestinationKind, Target, TencentTarget};

/// The AppName when none is given (the reference's default).
pub const DEFAULT_APP: &str = "live";
/// A signed URL's validity when none is given: 24 h, as the reference recommends for push URLs
/// (reconnects after a network blip still work).
pub const DEFAULT_VALIDITY_SECS: u32 = 24 * 3600;
/// The shortest validity LiveDesk accepts (5 minutes).
pub const MIN_VALIDITY_SECS: u32 = 5 * 60;
/// The longest validity LiveDesk accepts (30 days).
pub const MAX_VALIDITY_SECS: u32 = 30 * 24 * 3600;

const NAME_MAX: usize = 64;
const APP_MAX: usize = 64;
const STREAM_MAX: usize = 128;
const KEY_MAX: usize = 2048;

/// What to do with a keyring entry.
#[derive(Debug, Clone)]
pub(super) enum KeyChange {
    /// Leave it as it is.
    Keep,
    /// Store this one.
    Set(Secret),
    /// Remove it.
    Remove,
}

/// A form that passed.
#[derive(Debug)]
pub(super) struct Checked {
    pub name: String,
    pub target: Target,
    /// The stream key (custom) or push auth key (Tencent): `Keep` or `Set`, never `Remove`.
    pub key: KeyChange,
    /// The play auth key (always `Remove` for custom, and when there is no play domain).
    pub play_key: KeyChange,
}

fn bad(field: &str, zh: &str, en: &str) -> CoreError {
    CoreError::invalid(field, zh, en)
}

/// Checks the whole form.
pub(super) fn check(input: &DestinationInput) -> CoreResult<Checked> {
    let name = name(&input.name)?;
    match input.kind {
        DestinationKind::Custom => Ok(Checked {
            name,
            target: Target::Custom {
                server: server(input.server.as_deref())?,
            },
            key: key("streamKey", input.stream_key.as_ref())?,
            play_key: KeyChange::Remove,
        }),
        DestinationKind::Tencent => tencent(input, name),
    }
}

fn tencent(input: &DestinationInput, name: String) -> CoreResult<Checked> {
    let push_domain = domain("pushDomain", input.push_domain.as_deref().unwrap_or(""))?;
    let app_name = app(input.app_name.as_deref())?;
    let stream_name = stream(input.stream_name.as_deref().unwrap_or(""))?;
    let push_key = key("pushKey", input.push_key.as_ref())?;
    let play_domain = match input.play_domain.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(domain("playDomain", d)?),
    };
    let play_key = match (&play_domain, input.play_key.as_ref()) {
        (_, Some(k)) if k.expose().trim().is_empty() => KeyChange::Remove,
        (None, Some(_)) => {
            return Err(bad(
                "playDomain",
                "填写了播放鉴权 Key，请同时填写播放域名",
                "A play auth key was given: enter the play domain too",
            ))
        }
        (None, None) => KeyChange::Remove,
        (Some(_), k) => key("playKey", k)?,
    };
    let validity_secs = validity(input.validity_secs)?;
    Ok(Checked {
        name,
        target: Target::Tencent(TencentTarget {
            push_domain,
            app_name,
            stream_name,
            play_domain,
            play_https: input.play_https.unwrap_or(true),
            validity_secs,
        }),
        key: push_key,
        play_key,
    })
}

fn name(raw: &str) -> CoreResult<String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(bad("name", "请填写名称", "Enter a name"));
    }
    if name.chars().count() > NAME_MAX {
        return Err(bad(
            "name",
            &format!("名称最多 {NAME_MAX} 个字"),
            &format!("The name can be at most {NAME_MAX} characters"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(bad(
            "name",
            "名称不能包含换行等控制字符",
            "The name cannot contain line breaks or control characters",
        ));
    }
    Ok(name.to_owned())
}

/// A custom server: `rtmp://` or `rtmps://`, a host, no credentials, no query (the key has its
/// own field, and anything here is stored in plain SQLite).
fn server(raw: Option<&str>) -> CoreResult<String> {
    const F: &str = "server";
    let s = raw.unwrap_or("").trim();
    if s.is_empty() {
        return Err(bad(
            F,
            "请填写推流服务器地址（以 rtmp:// 或 rtmps:// 开头）",
            "Enter the server address (starting with rtmp:// or rtmps://)",
        ));
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad(
            F,
            "服务器地址不能包含空格或换行",
            "The server address cannot contain spaces or line breaks",
        ));
    }
    let scheme_ok = ["rtmp://", "rtmps://"]
        .iter()
        .any(|p| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
    if !scheme_ok {
        return Err(bad(
            F,
            "服务器地址须以 rtmp:// 或 rtmps:// 开头",
            "The server address must start with rtmp:// or rtmps://",
        ));
    }
    let url = url::Url::parse(s)
        .ok()
        .filter(|u| u.host_str().is_some_and(|h| !h.is_empty()));
    let Some(url) = url else {
        return Err(bad(
            F,
            "服务器地址无效：缺少主机名，例如 rtmp://push.example.com/live",
            "The server address is not valid: it needs a host, like rtmp://push.example.com/live",
        ));
    };
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad(
            F,
            "服务器地址不能带用户名或密码",
            "The server address cannot carry a user name or password",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad(
            F,
            "服务器地址不能带 ? 或 # 后的参数：推流密钥请填在“推流密钥”里",
            "The server address cannot carry a query (? or #): put the stream key in the Stream key field",
        ));
    }
    Ok(s.to_owned())
}

/// A domain name: labels of letters, digits and hyphens, at least two; no scheme, port or path.
fn domain(field: &str, raw: &str) -> CoreResult<String> {
    let d = raw.trim().to_ascii_lowercase();
    if d.is_empty() {
        return Err(bad(field, "请填写域名", "Enter the domain"));
    }
    if d.contains("://") {
        return Err(bad(
            field,
            "只填域名，不要带 rtmp:// 或 https:// 等前缀",
            "Enter the domain only, without rtmp:// or https://",
        ));
    }
    if d.contains(['/', '?', '#']) {
        return Err(bad(
            field,
            "域名不能带路径或参数（AppName 和流名称另填）",
            "The domain cannot have a path or query (AppName and stream name have their own fields)",
        ));
    }
    if d.contains(':') {
        return Err(bad(
            field,
            "域名不能带端口",
            "The domain cannot have a port",
        ));
    }
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if d.len() > 253 || d.split('.').count() < 2 || !d.split('.').all(label_ok) {
        return Err(bad(
            field,
            "域名格式不对：只能用字母、数字、连字符和点，例如 push.example.com",
            "Not a domain name: letters, digits, hyphens and dots only, like push.example.com",
        ));
    }
    Ok(d)
}

/// Letters, digits, `-` and `_`: safe in a URL path, an SRT streamid and the signed string.
fn path_word(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn app(raw: Option<&str>) -> CoreResult<String> {
    let a = raw.map(str::trim).filter(|a| !a.is_empty());
    let Some(a) = a else {
        return Ok(DEFAULT_APP.to_owned());
    };
    if a.contains('/') {
        return Err(bad(
            "appName",
            "AppName 不能包含 /",
            "The AppName cannot contain /",
        ));
    }
    if a.len() > APP_MAX || !path_word(a) {
        return Err(bad(
            "appName",
            &format!("AppName 只能用字母、数字、- 和 _，最多 {APP_MAX} 个"),
            &format!("The AppName takes letters, digits, - and _ only, at most {APP_MAX}"),
        ));
    }
    Ok(a.to_owned())
}

fn stream(raw: &str) -> CoreResult<String> {
    const F: &str = "streamName";
    let s = raw.trim();
    if s.is_empty() {
        return Err(bad(
            F,
            "请填写流名称（StreamName）",
            "Enter the stream name",
        ));
    }
    if s.contains(['?', '&', '=']) {
        return Err(bad(
            F,
            "流名称不能包含 ?、& 或 =：签名参数由 LiveDesk 生成",
            "The stream name cannot contain ?, & or =: LiveDesk adds the signature itself",
        ));
    }
    if s.contains('/') {
        return Err(bad(
            F,
            "流名称不能包含 /（AppName 另填）",
            "The stream name cannot contain / (the AppName has its own field)",
        ));
    }
    if s.len() > STREAM_MAX || !path_word(s) {
        return Err(bad(
            F,
            &format!("流名称只能用字母、数字、- 和 _，最多 {STREAM_MAX} 个"),
            &format!("The stream name takes letters, digits, - and _ only, at most {STREAM_MAX}"),
        ));
    }
    Ok(s.to_owned())
}

/// A key given (trimmed, checked) or not (`Keep`: whether one is saved is the caller's check).
fn key(field: &str, given: Option<&Secret>) -> CoreResult<KeyChange> {
    let Some(k) = given else {
        return Ok(KeyChange::Keep);
    };
    let k = k.expose().trim();
    if k.is_empty() {
        return Err(required_key(field));
    }
    if k.len() > KEY_MAX || k.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad(
            field,
            "密钥不能包含空格或换行",
            "The key cannot contain spaces or line breaks",
        ));
    }
    Ok(KeyChange::Set(Secret::new(k)))
}

/// The error for a key that must be given (none given and none saved).
pub(super) fn required_key(field: &str) -> CoreError {
    if field == "streamKey" {
        bad(field, "请填写推流密钥", "Enter the stream key")
    } else if field == "playKey" {
        bad(field, "请填写播放鉴权 Key", "Enter the play auth key")
    } else {
        bad(
            field,
            "请填写推流鉴权 Key（云直播控制台 › 域名管理 › 推流配置）",
            "Enter the push auth key (CSS console › Domain Management › Push Configuration)",
        )
    }
}

fn validity(given: Option<u32>) -> CoreResult<u32> {
    let v = given.unwrap_or(DEFAULT_VALIDITY_SECS);
    if !(MIN_VALIDITY_SECS..=MAX_VALIDITY_SECS).contains(&v) {
        return Err(bad(
            "validitySecs",
            "有效期须在 5 分钟到 30 天之间（建议 24 小时）",
            "The validity must be between 5 minutes and 30 days (24 hours recommended)",
        ));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(r: CoreResult<impl std::fmt::Debug>) -> String {
        r.unwrap_err().field().unwrap()
    }

    #[test]
    fn servers() {
        for ok in [
            "rtmp://a.example.com/live",
            "RTMPS://a.example.com:443/app/",
            "rtmp://127.0.0.1:1935/live",
        ] {
            assert_eq!(server(Some(ok)).unwrap(), ok);
        }
        for bad in [
            "",
            "http://a.example.com/live",
            "a.example.com/live",
            "rtmp://",
            "rtmp:///live",
            "rtmp://u:p@a.example.com/live",
            "rtmp://a.example.com/live?key=1",
            "rtmp://a.example.com/li ve",
        ] {
            assert!(server(Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn domains() {
        assert_eq!(
            domain("pushDomain", " Push.Example.COM ").unwrap(),
            "push.example.com"
        );
        for bad in [
            "",
            "rtmp://push.example.com",
            "push.example.com/live",
            "push.example.com:1935",
            "localhost",
            "-a.example.com",
            "a..example.com",
            "a_b.example.com",
            "例子.com",
        ] {
            assert_eq!(field(domain("pushDomain", bad)), "pushDomain", "{bad}");
        }
    }

    #[test]
    fn app_and_stream_names() {
        assert_eq!(app(None).unwrap(), "live");
        assert_eq!(app(Some(" ")).unwrap(), "live");
        assert_eq!(app(Some("my_app-2")).unwrap(), "my_app-2");
        assert!(app(Some("a/b")).is_err());
        assert!(app(Some("a.b")).is_err());
        assert_eq!(stream(" show_1 ").unwrap(), "show_1");
        for bad in ["", "a?b", "a&b", "a/b", "a b", "a.flv", "直播"] {
            assert_eq!(field(stream(bad)), "streamName", "{bad}");
        }
    }

    #[test]
    fn keys_and_validity() {
        assert!(matches!(key("pushKey", None).unwrap(), KeyChange::Keep));
        let KeyChange::Set(k) = key("pushKey", Some(&Secret::new(" abc "))).unwrap() else {
            panic!("a key given is set");
        };
        assert_eq!(k.expose(), "abc");
        let e = key("pushKey", Some(&Secret::new("a b"))).unwrap_err();
        assert!(!format!("{e:?} {e}").contains("a b"));
        assert_eq!(field(key("streamKey", Some(&Secret::new("")))), "streamKey");
        assert_eq!(validity(None).unwrap(), 86_400);
        assert!(validity(Some(299)).is_err());
        assert!(validity(Some(MAX_VALIDITY_SECS + 1)).is_err());
    }
}
