//! The WeChat rules a UI repeats for display — what each live status is called, which statuses
//! allow an edit or a delete, the custom-params limit — stated once here and handed to the UI as a
//! generated module ([`typescript_module`]), so the window cannot drift from the core.

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

/// The TypeScript module `ui/src/api/bindings/rules.ts`.
pub fn typescript_module() -> String {
    let codes = |f: fn(LiveStatus) -> bool| {
        STATUSES
            .iter()
            .filter(|s| f(s.status))
            .map(|s| s.status.code().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let names = STATUSES
        .iter()
        .map(|s| {
            format!(
                "  {}: {{ key: '{}', zh: '{}', en: '{}' }},\n",
                s.status.code(),
                s.key,
                s.zh,
                s.en
            )
        })
        .collect::<String>();
    format!(
        "// Generated from livedesk-core's rules.rs (make bindings). Do not edit by hand.\n\n\
         /** Every documented live status (101–107), with the UI's key and its names. */\n\
         export const STATUS_RULES = {{\n{names}}} as const\n\n\
         export const LIVE_STATUSES = [{all}] as const\n\n\
         /** Statuses whose room WeChat lets edit (else 300023). */\n\
         export const EDITABLE_STATUSES: readonly number[] = [{edit}]\n\n\
         /** Statuses whose room can be deleted (a room on air cannot: 300023). */\n\
         export const DELETABLE_STATUSES: readonly number[] = [{delete}]\n\n\
         /** custom_params / share params: at most this many characters. */\n\
         export const CUSTOM_PARAMS_MAX = {max}\n\n\
         /** Statuses whose show is on: removing and deleting need an unlock (the live lock). */\n\
         export const SHOW_ON_STATUSES: readonly number[] = [{show_on}]\n\n\
         /** Every journaled action, as the journal stores it. */\n\
         export const JOURNAL_ACTIONS = [{actions}] as const\n",
        show_on = codes(crate::live::lock::show_on),
        actions = crate::journal::Action::ALL
            .iter()
            .map(|a| format!("'{}'", a.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
        all = codes(|_| true),
        edit = codes(can_edit),
        delete = codes(can_delete),
        max = CUSTOM_PARAMS_MAX,
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

    #[test]
    fn the_module_states_the_limits() {
        let ts = typescript_module();
        assert!(
            ts.contains("export const CUSTOM_PARAMS_MAX = 600\n"),
            "{ts}"
        );
        assert!(ts.contains("EDITABLE_STATUSES: readonly number[] = [102]"));
        assert!(ts.contains("  104: { key: 'banned', zh: '禁播', en: 'Banned' },"));
    }
}
