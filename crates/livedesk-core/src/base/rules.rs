//! The WeChat rules a UI repeats for display — what each live status is called, which statuses
//! allow an edit or a delete, when a show is on, the custom-params limit — stated once here and
//! handed to the UI as a generated module (`app::rules_typescript`), so the window cannot drift
//! from the core.

use wechat_live::model::LiveStatus;
use wechat_live::validate::PARAMS_MAX_CHARS;

/// How the UI names and treats one live status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusRule {
    /// WeChat's code.
    pub status: LiveStatus,
    /// The UI's key for it (`status.<key>` in its messages).
    pub key: &'static str,
    /// Name in Chinese.
    pub zh: &'static str,
    /// Name in English.
    pub en: &'static str,
}

/// Every documented live status, 101–107 (reference §4).
pub const STATUSES: [StatusRule; 7] = [
    StatusRule {
        status: LiveStatus::Live,
        key: "live",
        zh: "直播中",
        en: "Live",
    },
    StatusRule {
        status: LiveStatus::NotStarted,
        key: "notStarted",
        zh: "未开始",
        en: "Not started",
    },
    StatusRule {
        status: LiveStatus::Ended,
        key: "ended",
        zh: "已结束",
        en: "Ended",
    },
    StatusRule {
        status: LiveStatus::Banned,
        key: "banned",
        zh: "禁播",
        en: "Banned",
    },
    StatusRule {
        status: LiveStatus::Paused,
        key: "paused",
        zh: "暂停",
        en: "Paused",
    },
    StatusRule {
        status: LiveStatus::Abnormal,
        key: "abnormal",
        zh: "异常",
        en: "Abnormal",
    },
    StatusRule {
        status: LiveStatus::Expired,
        key: "expired",
        zh: "已过期",
        en: "Expired",
    },
];

/// WeChat edits a room only before it starts (else 300023).
pub fn can_edit(status: LiveStatus) -> bool {
    status == LiveStatus::NotStarted
}

/// A room on air — live, paused, or briefly abnormal — cannot be deleted (300023).
pub fn can_delete(status: LiveStatus) -> bool {
    !matches!(
        status,
        LiveStatus::Live | LiveStatus::Paused | LiveStatus::Abnormal
    )
}

/// `custom_params` (and the share code's `params`) at most this many characters.
pub const CUSTOM_PARAMS_MAX: usize = PARAMS_MAX_CHARS;

/// Whether a show is on in a room of this status: live, paused or with the anchor dropped out
/// (what the live lock guards).
pub fn show_on(status: LiveStatus) -> bool {
    matches!(
        status,
        LiveStatus::Live | LiveStatus::Paused | LiveStatus::Abnormal
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_101_to_107_in_order() {
        let codes: Vec<i64> = STATUSES.iter().map(|s| s.status.code()).collect();
        assert_eq!(codes, [101, 102, 103, 104, 105, 106, 107]);
    }

    #[test]
    fn edit_and_delete_follow_the_reference() {
        let edit: Vec<i64> = STATUSES
            .iter()
            .filter(|s| can_edit(s.status))
            .map(|s| s.status.code())
            .collect();
        assert_eq!(edit, [102]);
        let keep: Vec<i64> = STATUSES
            .iter()
            .filter(|s| !can_delete(s.status))
            .map(|s| s.status.code())
            .collect();
        assert_eq!(keep, [101, 105, 106]);
    }
}
