//! Errors as they cross IPC: `{code, message, field?, detail?}`. The code and the detail are the
//! core's types (exported to TypeScript); the message is put in the user's language here.

use livedesk_core::{Core, CoreError, ErrorCode, ErrorDetail, Locale};
use serde::Serialize;
use ts_rs::TS;

/// What every command returns on failure.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    /// Stable machine code the UI branches on.
    pub code: ErrorCode,
    /// Human message in the user's language.
    pub message: String,
    /// The form field at fault (a RoomForm / NewAccount key).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// Machine details (errcode, rid, rule, the real-name QR code, the keyring's cause).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub detail: Option<Box<ErrorDetail>>,
}

impl IpcError {
    /// The core's error in `locale`.
    pub fn from_core(e: &CoreError, locale: Locale) -> Self {
        Self {
            code: e.code(),
            message: e.message(locale),
            field: e.field(),
            detail: e.detail().map(Box::new),
        }
    }
}

/// Maps a core error for the window, in the current locale, and logs its code (never a secret:
/// messages hold none).
pub fn ipc(core: &Core, e: CoreError) -> IpcError {
    let err = IpcError::from_core(&e, core.locale.get());
    log::warn!("command failed: {:?} ({})", err.code, err.message);
    err
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn serializes_without_empty_optionals() {
        let e = IpcError::from_core(&CoreError::not_found("room 7"), Locale::En);
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            json!({"code": "not_found", "message": "Not found: room 7"})
        );
    }

    #[test]
    fn invalid_carries_field_and_rule() {
        let e = IpcError::from_core(
            &CoreError::invalid("appId", "请填写", "Required"),
            Locale::En,
        );
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            json!({"code": "validation", "message": "Required", "field": "appId",
                   "detail": {"rule": "invalid"}})
        );
    }
}
