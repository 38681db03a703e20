//! How WeChat's answers (and the client's own checks) read under the error contract: the errcode
//! kept on every refusal, a broken rule a validation error at the form's key.

use wechat_live::ErrCode;

use super::error::{ErrorCode, ErrorDetail, Problem};
use super::field::form_key;
use super::locale::Locale;

/// WeChat's answers (and the client's own checks) classify themselves: the errcode is kept on
/// every refusal, a broken rule is a validation error at the form's key.
impl Problem for wechat_live::Error {
    fn code(&self) -> ErrorCode {
        use wechat_live::Error as W;
        match self {
            W::Validation { .. } => ErrorCode::Validation,
            W::Api { code, .. } if *code == ErrCode::AnchorNotVerified => {
                ErrorCode::AnchorNotVerified
            }
            W::Timeout { .. } => ErrorCode::Timeout,
            W::Network { .. } | W::Http { .. } => ErrorCode::Network,
            W::Config(_) => ErrorCode::Config,
            _ => ErrorCode::Wechat,
        }
    }
    fn message(&self, locale: Locale) -> String {
        locale.pick(self.message_zh(), self.message_en())
    }
    fn field(&self) -> Option<String> {
        use wechat_live::Error as W;
        match self {
            W::Validation { field, .. } => Some(form_key(field).to_owned()),
            W::Api { code, .. } => code.field().map(str::to_owned),
            _ => None,
        }
    }
    fn detail(&self) -> Option<ErrorDetail> {
        use wechat_live::Error as W;
        match self {
            W::Validation { rule, .. } => Some(ErrorDetail {
                rule: Some(rule_name(rule)),
                ..Default::default()
            }),
            W::Api { .. } => Some(wechat_detail(self)),
            W::Http { status, .. } => Some(ErrorDetail {
                status: Some(*status),
                ..Default::default()
            }),
            _ => None,
        }
    }
    fn ambiguous(&self) -> bool {
        self.is_ambiguous()
    }
}

pub fn wechat_detail(e: &wechat_live::Error) -> ErrorDetail {
    ErrorDetail {
        errcode: e.code().map(|c| c.code()),
        rid: e.rid().map(str::to_owned),
        ..Default::default()
    }
}

/// The rule's stable wire name (`{"rule": "width_range", ...}` in the client's serde form).
pub fn rule_name(rule: &wechat_live::validate::Rule) -> String {
    serde_json::to_value(rule)
        .ok()
        .and_then(|j| j.get("rule").and_then(|r| r.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "invalid".into())
}
