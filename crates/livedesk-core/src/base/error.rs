//! The error contract every area keeps: a [`Problem`] has a wire [`ErrorCode`], a message in the
//! user's language, and where it applies a form field, machine details, and whether the request may
//! have been carried out although no answer came. The window shows it as `{code, message, field?,
//! detail?}`; the CLI turns the code into its exit status. [`CoreError`] is the failures every area
//! shares; an area's own problem (the store's, the keyring's, OBS's) implements [`Problem`] in its
//! own module and travels inside [`CoreError::Area`], so this layer imports nothing above it.

use serde::Serialize;
use ts_rs::TS;
use wechat_live::ErrCode;

use super::field::form_key;
use super::locale::Locale;
pub use super::wechat::rule_name;
use super::wechat::wechat_detail;

/// What every failure an edge shows can say about itself.
pub trait Problem: std::error::Error + Send + Sync + 'static {
    /// The stable machine code a UI branches on.
    fn code(&self) -> ErrorCode;
    /// The message in `locale`, saying what to do where there is something to do.
    fn message(&self, locale: Locale) -> String;
    /// The form field at fault, when one is.
    fn field(&self) -> Option<String> {
        None
    }
    /// Machine details (errcode, rid, rule, the QR code, the cause).
    fn detail(&self) -> Option<ErrorDetail> {
        None
    }
    /// Whether the request may have been carried out although no answer came.
    fn ambiguous(&self) -> bool {
        false
    }
}

/// The stable machine code a UI branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A rule was broken before anything was sent; `field` says where.
    Validation,
    /// WeChat refused (`detail.errcode`).
    Wechat,
    /// 300036: the anchor must scan `detail.qrcode` to verify their real name.
    AnchorNotVerified,
    /// A room creation may have reached WeChat although no answer came: check the room list
    /// before creating it again.
    MaybeSent,
    /// The network failed (nothing reached WeChat, or an HTTP error page came back).
    Network,
    /// WeChat did not answer in time.
    Timeout,
    /// No keyring service to talk to.
    KeyringUnavailable,
    /// The keyring is locked or refused.
    KeyringLocked,
    /// An account, room or file that is not there.
    NotFound,
    /// The local database.
    Storage,
    /// A picture could not be read, fitted or saved.
    Image,
    /// Misconfiguration, or an action the account does not allow (the sandbox is fixed).
    Config,
    /// Refused before sending: WeChat would refuse it (`detail.errcode` says with what).
    Refused,
    /// The room's show is on: removing and deleting need an explicit unlock first.
    LiveLocked,
    /// OBS is not connected, or refused (`detail.cause` names the problem's kind).
    Obs,
}

/// Machine details of an error, each present only where it applies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetail {
    /// The validation rule's stable name (`width_range`, `required`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rule: Option<String>,
    /// WeChat's errcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub errcode: Option<i64>,
    /// WeChat's request id, for support tickets.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rid: Option<String>,
    /// The real-name QR code as an image data URL ("" when it could not be fetched).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub qrcode: Option<String>,
    /// Where WeChat serves that QR code.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub qrcode_url: Option<String>,
    /// An HTTP status WeChat's gateway answered with.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<u16>,
    /// What the keyring said.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cause: Option<String>,
}

/// Everything a service can fail with, before it is put in the user's language.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// From the WeChat client (or the simulator behind it).
    #[error(transparent)]
    Wechat(#[from] wechat_live::Error),
    /// 300036 with the real-name QR code the anchor must scan, fetched as a data URL.
    #[error("anchor not real-name verified")]
    AnchorNotVerified {
        /// The client's error (messages, rid).
        source: Box<wechat_live::Error>,
        /// Image data URL of the QR code ("" if it could not be fetched).
        qrcode: String,
        /// Where WeChat serves it.
        qrcode_url: String,
    },
    /// 300023 on edit: the room has started (or ended), so WeChat refuses the change.
    #[error("room cannot be edited any more")]
    NotEditable(Box<wechat_live::Error>),
    /// The create request may have been processed (timeout or cut connection after sending) and
    /// the room list could not tell.
    #[error("the room may have been created")]
    MaybeSent(Box<wechat_live::Error>),
    /// An area's own problem (the store, the keyring, OBS), classified by itself.
    #[error("{0}")]
    Area(Box<dyn Problem>),
    /// A file could not be read or written (a user's export, a download): never a form error.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// A picture could not be read or fitted.
    #[error("image: {en}")]
    Image {
        /// Chinese message.
        zh: String,
        /// English message.
        en: String,
    },
    /// A WeChat rule the form breaks; nothing was sent.
    #[error("{0}")]
    Violation(wechat_live::validate::Violation),
    /// An input is invalid (before any WeChat rule).
    #[error("{field}: {en}")]
    Invalid {
        /// The field at fault.
        field: String,
        /// Chinese message.
        zh: String,
        /// English message.
        en: String,
    },
    /// An account, room or file that is not there.
    #[error("not found: {what}")]
    NotFound {
        /// What was looked for.
        what: String,
    },
    /// The sandbox account is built in: it cannot be renamed, re-keyed or removed.
    #[error("the sandbox account cannot be changed or removed")]
    SandboxFixed,
    /// Misconfiguration (a missing directory, the simulator failing to start).
    #[error("config: {0}")]
    Config(String),
    /// Not sent: LiveDesk knows WeChat would answer this errcode (off-sale or absent goods).
    #[error("refused before sending: {}", .0.code())]
    Refused(ErrCode),
    /// The room's show is on and destructive actions were not unlocked.
    #[error("room {room_id} is live: destructive actions are locked")]
    LiveLocked {
        /// The room whose show is on.
        room_id: i64,
    },
}

/// Result of the core's services.
pub type CoreResult<T> = Result<T, CoreError>;

impl CoreError {
    /// An image error with both messages.
    pub fn image(zh: impl Into<String>, en: impl Into<String>) -> Self {
        CoreError::Image {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// An invalid input with both messages.
    pub fn invalid(field: &str, zh: impl Into<String>, en: impl Into<String>) -> Self {
        CoreError::Invalid {
            field: field.to_owned(),
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// An area's problem.
    pub fn area(p: impl Problem) -> Self {
        CoreError::Area(Box::new(p))
    }

    /// A file that could not be read or written.
    pub fn io(path: impl Into<std::path::PathBuf>, source: std::io::Error) -> Self {
        CoreError::Io {
            path: path.into(),
            source,
        }
    }

    /// The area's problem inside, if it is one of type `P`.
    pub fn area_problem<P: Problem>(&self) -> Option<&P> {
        match self {
            CoreError::Area(p) => {
                let e: &(dyn std::error::Error + 'static) = p.as_ref();
                e.downcast_ref::<P>()
            }
            _ => None,
        }
    }

    /// Something asked for does not exist.
    pub fn not_found(what: impl Into<String>) -> Self {
        CoreError::NotFound { what: what.into() }
    }

    /// The machine code.
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Wechat(e) => Problem::code(e),
            CoreError::AnchorNotVerified { .. } => ErrorCode::AnchorNotVerified,
            CoreError::NotEditable(_) => ErrorCode::Wechat,
            CoreError::MaybeSent(_) => ErrorCode::MaybeSent,
            CoreError::Area(p) => p.code(),
            CoreError::Io { .. } => ErrorCode::Storage,
            CoreError::Image { .. } => ErrorCode::Image,
            CoreError::Invalid { .. } | CoreError::Violation(_) => ErrorCode::Validation,
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::SandboxFixed | CoreError::Config(_) => ErrorCode::Config,
            CoreError::Refused(_) => ErrorCode::Refused,
            CoreError::LiveLocked { .. } => ErrorCode::LiveLocked,
        }
    }

    /// The form field at fault, when one is (WeChat's parameter names are the forms' keys).
    pub fn field(&self) -> Option<String> {
        match self {
            CoreError::Wechat(e) => Problem::field(e),
            CoreError::Area(p) => p.field(),
            CoreError::AnchorNotVerified { .. } => Some("anchorWechat".into()),
            CoreError::Invalid { field, .. } => Some(field.clone()),
            CoreError::Violation(v) => Some(form_key(v.field).to_owned()),
            _ => None,
        }
    }

    /// Machine details (errcode, rid, rule, the QR code, the keyring's cause).
    pub fn detail(&self) -> Option<ErrorDetail> {
        let d = match self {
            CoreError::Wechat(e) => return Problem::detail(e),
            CoreError::Area(p) => return p.detail(),
            CoreError::MaybeSent(e) => wechat_detail(e),
            CoreError::AnchorNotVerified {
                source,
                qrcode,
                qrcode_url,
            } => ErrorDetail {
                errcode: Some(ErrCode::AnchorNotVerified.code()),
                rid: source.rid().map(str::to_owned),
                qrcode: Some(qrcode.clone()),
                qrcode_url: Some(qrcode_url.clone()),
                ..Default::default()
            },
            CoreError::NotEditable(source) => ErrorDetail {
                errcode: Some(ErrCode::RoomStateForbids.code()),
                rid: source.rid().map(str::to_owned),
                ..Default::default()
            },
            CoreError::Violation(v) => ErrorDetail {
                rule: Some(rule_name(&v.rule)),
                ..Default::default()
            },
            CoreError::Invalid { .. } => ErrorDetail {
                rule: Some("invalid".into()),
                ..Default::default()
            },
            CoreError::Refused(code) => ErrorDetail {
                errcode: Some(code.code()),
                ..Default::default()
            },
            _ => return None,
        };
        Some(d)
    }

    /// The message in `locale`, saying what to do where there is something to do.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            CoreError::Wechat(e) => Problem::message(e, locale),
            CoreError::Area(p) => p.message(locale),
            CoreError::Io { path, source } => locale.pick(
                format!("无法读写文件 {}：{source}", path.display()),
                format!("Cannot read or write {}: {source}", path.display()),
            ),
            CoreError::AnchorNotVerified { source, .. } => locale.pick(
                format!("{}，请让主播用微信扫码完成实名认证后重试", source.message_zh()),
                format!(
                    "{}. The anchor must scan this QR code with WeChat to verify their real name, then retry.",
                    source.message_en()
                ),
            ),
            CoreError::NotEditable(_) => locale.pick(
                "只有尚未开播的直播间可以编辑",
                "Only rooms that have not started can be edited",
            ),
            CoreError::MaybeSent(_) => locale.pick(
                "创建请求可能已到达微信，但没有收到答复。请先检查直播间列表，确认没有这个直播间后再重新创建。",
                "The create request may have reached WeChat, but no answer came back. Check the room \
                 list first; create it again only if the room is not there.",
            ),
            CoreError::Image { zh, en } | CoreError::Invalid { zh, en, .. } => {
                locale.pick(zh.clone(), en.clone())
            }
            CoreError::Violation(v) => locale.pick(v.message_zh(), v.message_en()),
            CoreError::NotFound { what } => {
                locale.pick(format!("找不到：{what}"), format!("Not found: {what}"))
            }
            CoreError::SandboxFixed => locale.pick(
                "沙盒账号是内置的，不能修改或删除",
                "The sandbox account is built in: it cannot be changed or removed",
            ),
            CoreError::Config(what) => locale.pick(
                format!("配置错误：{what}"),
                format!("Configuration error: {what}"),
            ),
            CoreError::Refused(code) => locale.pick(
                format!("未发送：{}", code.message_zh()),
                format!("Not sent: {}", code.message_en()),
            ),
            CoreError::LiveLocked { .. } => locale.pick(
                "直播进行中，移除和删除已锁定。请先在直播控制台解锁，再操作。",
                "The room is live: removing and deleting are locked. Unlock them in the live console first.",
            ),
        }
    }
}

impl CoreError {
    /// Whether the request may have been carried out although no answer came.
    pub fn ambiguous(&self) -> bool {
        match self {
            CoreError::Wechat(e) => e.is_ambiguous(),
            CoreError::MaybeSent(_) => true,
            CoreError::Area(p) => p.ambiguous(),
            _ => false,
        }
    }
}

impl Problem for CoreError {
    fn code(&self) -> ErrorCode {
        CoreError::code(self)
    }
    fn message(&self, locale: Locale) -> String {
        CoreError::message(self, locale)
    }
    fn field(&self) -> Option<String> {
        CoreError::field(self)
    }
    fn detail(&self) -> Option<ErrorDetail> {
        CoreError::detail(self)
    }
    fn ambiguous(&self) -> bool {
        CoreError::ambiguous(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_snake_case() {
        assert_eq!(
            serde_json::to_string(&ErrorCode::AnchorNotVerified).unwrap(),
            "\"anchor_not_verified\""
        );
        assert_eq!(
            serde_json::to_string(&ErrorCode::MaybeSent).unwrap(),
            "\"maybe_sent\""
        );
    }

    #[test]
    fn not_found_and_invalid_in_both_languages() {
        let e = CoreError::not_found("room 7");
        assert_eq!(e.code(), ErrorCode::NotFound);
        assert_eq!(e.message(Locale::En), "Not found: room 7");
        assert_eq!(e.message(Locale::ZhCn), "找不到：room 7");
        assert_eq!(e.detail(), None);
        let e = CoreError::invalid("appId", "请填写", "Required");
        assert_eq!(e.code(), ErrorCode::Validation);
        assert_eq!(e.field().as_deref(), Some("appId"));
        assert_eq!(e.message(Locale::En), "Required");
    }

    #[test]
    fn an_ambiguous_create_is_maybe_sent_with_what_to_check() {
        let e = CoreError::MaybeSent(Box::new(wechat_live::Error::Timeout { sent: true }));
        assert_eq!(e.code(), ErrorCode::MaybeSent);
        assert!(e.message(Locale::En).contains("Check the room list"));
        assert!(e.message(Locale::ZhCn).contains("检查直播间列表"));
    }

    #[test]
    fn a_disk_failure_is_storage_at_no_field() {
        let e = CoreError::io(
            "/x/journal.csv",
            std::io::Error::from(std::io::ErrorKind::StorageFull),
        );
        assert_eq!(e.code(), ErrorCode::Storage);
        assert_eq!(e.field(), None, "not a form error");
        assert!(e.message(Locale::En).contains("/x/journal.csv"));
    }

    #[test]
    fn a_wechat_refusal_keeps_its_errcode() {
        let e = CoreError::Refused(ErrCode::ConsoleGoods);
        assert_eq!(e.code(), ErrorCode::Refused);
        assert_eq!(e.detail().and_then(|d| d.errcode), Some(300011));
    }
}
