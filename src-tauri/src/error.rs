//! Errors as they cross IPC: `{code, message, field?, detail?}` with a stable machine `code` the UI
//! branches on and a message already in the user's language.

use std::sync::RwLock;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;
use wechat_live::ErrCode;

use crate::store::StoreError;
use crate::vault::VaultError;

/// The user's language, set by the UI with `set_locale`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum Locale {
    /// Simplified Chinese, the default.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// Picks the message for this language.
    pub fn pick(self, zh: impl Into<String>, en: impl Into<String>) -> String {
        match self {
            Locale::ZhCn => zh.into(),
            Locale::En => en.into(),
        }
    }
}

/// The current locale, shared by every command.
#[derive(Debug, Default)]
pub struct LocaleState(RwLock<Locale>);

impl LocaleState {
    /// The current locale.
    pub fn get(&self) -> Locale {
        *self.0.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Replaces the locale.
    pub fn set(&self, locale: Locale) {
        *self.0.write().unwrap_or_else(|p| p.into_inner()) = locale;
    }
}

/// What every command returns on failure.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    /// Stable machine code: `validation`, `wechat`, `anchor_not_verified`, `network`, `timeout`,
    /// `keyring_unavailable`, `keyring_locked`, `not_found`, `storage`, `image`, `config`.
    pub code: String,
    /// Human message in the user's language.
    pub message: String,
    /// The form field at fault (RoomForm / NewAccount key), for `validation`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// Machine details: `rule` (validation), `errcode` and `rid` (wechat), `qrcode` and
    /// `qrcodeUrl` (anchor_not_verified).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "Record<string, unknown>")]
    pub detail: Option<Value>,
}

impl IpcError {
    fn new(code: &str, message: String) -> Self {
        Self {
            code: code.to_owned(),
            message,
            field: None,
            detail: None,
        }
    }
}

/// Everything that can fail inside the shell, before it is put in the user's language.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// From the WeChat client (or the simulator behind it).
    #[error(transparent)]
    Wechat(#[from] wechat_live::Error),
    /// 300036 with the real-name QR code the anchor must scan, fetched as a PNG data URL.
    #[error("anchor not real-name verified")]
    AnchorNotVerified {
        /// The core's error (messages, rid).
        source: Box<wechat_live::Error>,
        /// PNG data URL of the QR code ("" if it could not be fetched).
        qrcode: String,
        /// Where WeChat serves it.
        qrcode_url: String,
    },
    /// 300023 on edit: the room has started (or ended), so WeChat refuses the change.
    #[error("room cannot be edited any more")]
    NotEditable(Box<wechat_live::Error>),
    /// The OS keyring.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// SQLite.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A picture could not be read or fitted.
    #[error("image: {en}")]
    Image {
        /// Chinese message.
        zh: String,
        /// English message.
        en: String,
    },
    /// An input of the UI is invalid (before any WeChat rule).
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
    /// Misconfiguration (a bad base URL, a missing directory).
    #[error("config: {0}")]
    Config(String),
}

/// Result of the shell's own functions.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// The error in the user's language, as the UI receives it.
    pub fn to_ipc(&self, locale: Locale) -> IpcError {
        match self {
            AppError::Wechat(e) => wechat_to_ipc(e, locale),
            AppError::AnchorNotVerified {
                source,
                qrcode,
                qrcode_url,
            } => {
                let mut err = IpcError::new(
                    "anchor_not_verified",
                    locale.pick(
                        format!("{}，请让主播用微信扫码完成实名认证后重试", source.message_zh()),
                        format!(
                            "{}. The anchor must scan this QR code with WeChat to verify their real name, then retry.",
                            source.message_en()
                        ),
                    ),
                );
                err.field = Some("anchorWechat".into());
                err.detail = Some(json!({
                    "qrcode": qrcode,
                    "qrcodeUrl": qrcode_url,
                    "errcode": 300036,
                    "rid": source.rid(),
                }));
                err
            }
            AppError::NotEditable(source) => {
                let mut err = IpcError::new(
                    "wechat",
                    locale.pick(
                        "只有尚未开播的直播间可以编辑",
                        "Only rooms that have not started can be edited",
                    ),
                );
                err.detail = Some(json!({ "errcode": 300023, "rid": source.rid() }));
                err
            }
            AppError::Vault(e) => e.to_ipc(locale),
            AppError::Store(e) => IpcError::new(
                "storage",
                locale.pick(
                    format!("本地数据库出错：{e}"),
                    format!("Local database error: {e}"),
                ),
            ),
            AppError::Image { zh, en } => {
                IpcError::new("image", locale.pick(zh.clone(), en.clone()))
            }
            AppError::Invalid { field, zh, en } => {
                let mut err = IpcError::new("validation", locale.pick(zh.clone(), en.clone()));
                err.field = Some(field.clone());
                err.detail = Some(json!({ "rule": "invalid" }));
                err
            }
            AppError::NotFound { what } => IpcError::new(
                "not_found",
                locale.pick(format!("找不到：{what}"), format!("Not found: {what}")),
            ),
            AppError::Config(what) => IpcError::new(
                "config",
                locale.pick(
                    format!("配置错误：{what}"),
                    format!("Configuration error: {what}"),
                ),
            ),
        }
    }

    /// An image error with both messages.
    pub fn image(zh: impl Into<String>, en: impl Into<String>) -> Self {
        AppError::Image {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// An invalid input with both messages.
    pub fn invalid(field: &str, zh: impl Into<String>, en: impl Into<String>) -> Self {
        AppError::Invalid {
            field: field.to_owned(),
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// Something the user asked for does not exist.
    pub fn not_found(what: impl Into<String>) -> Self {
        AppError::NotFound { what: what.into() }
    }
}

fn wechat_to_ipc(e: &wechat_live::Error, locale: Locale) -> IpcError {
    use wechat_live::Error as E;
    let message = locale.pick(e.message_zh(), e.message_en());
    match e {
        E::Validation { field, rule } => {
            let mut err = IpcError::new("validation", message);
            err.field = Some((*field).to_owned());
            err.detail = Some(json!({ "rule": format!("{rule:?}") }));
            err
        }
        E::Api { code, rid, .. } => {
            let mut err = IpcError::new("wechat", message);
            err.detail = Some(json!({ "errcode": code.code(), "rid": rid }));
            // WeChat's parameter names are the forms' field names: the UI shows it at the field.
            err.field = code.field().map(str::to_owned);
            if matches!(code, ErrCode::AnchorNotVerified) {
                err.code = "anchor_not_verified".into();
            }
            err
        }
        E::Timeout { .. } => IpcError::new("timeout", message),
        E::Network { .. } => IpcError::new("network", message),
        E::Http { status, .. } => {
            let mut err = IpcError::new("network", message);
            err.detail = Some(json!({ "status": status }));
            err
        }
        E::Config(_) => IpcError::new("config", message),
        _ => IpcError::new("wechat", message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_without_empty_optionals() {
        let e = AppError::not_found("room 7").to_ipc(Locale::En);
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(
            v,
            json!({"code": "not_found", "message": "Not found: room 7"})
        );
        let zh = AppError::not_found("room 7").to_ipc(Locale::ZhCn);
        assert_eq!(zh.message, "找不到：room 7");
    }

    #[test]
    fn invalid_carries_field() {
        let e = AppError::invalid("appId", "请填写", "Required").to_ipc(Locale::En);
        assert_eq!(e.code, "validation");
        assert_eq!(e.field.as_deref(), Some("appId"));
        assert_eq!(e.message, "Required");
    }

    #[test]
    fn locale_wire_names() {
        assert_eq!(serde_json::to_string(&Locale::ZhCn).unwrap(), "\"zh-CN\"");
        assert_eq!(
            serde_json::from_str::<Locale>("\"en\"").unwrap(),
            Locale::En
        );
    }
}
