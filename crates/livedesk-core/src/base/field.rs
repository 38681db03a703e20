//! A broken rule at a form field, in the user's language, and the form keys WeChat's parameter
//! names map to: the room and goods forms (and the errors of either) speak the same keys.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use wechat_live::validate::Violation;

use super::error::rule_name;
use super::locale::Locale;

/// A broken rule at a form field, in the user's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// A form key (RoomForm's, GoodsForm's).
    pub field: String,
    /// The rule's stable name (`width_range`, `required`, `start_too_soon`, …).
    pub code: String,
    pub message: String,
}

/// One violation for the UI.
pub fn field_error(v: &Violation, locale: Locale) -> FieldError {
    FieldError {
        field: form_key(v.field).to_owned(),
        code: rule_name(&v.rule),
        message: locale.pick(v.message_zh(), v.message_en()),
    }
}

/// WeChat's parameter name as the form's key (`goodsInfo.price` → `price`).
pub fn form_key(field: &str) -> &str {
    field.strip_prefix("goodsInfo.").unwrap_or(field)
}
