//! The rules a UI repeats, generated into `ui/src/api/bindings/rules.ts` (`make bindings`): here at
//! the top because they gather more than one layer — WeChat's statuses from `base`, the journal's
//! actions.

use wechat_live::model::LiveStatus;

use crate::base::rules::{can_delete, can_edit, show_on, CUSTOM_PARAMS_MAX, STATUSES};
use crate::journal::Action;

/// The TypeScript module `ui/src/api/bindings/rules.ts`: WeChat's rules as the UI shows them
/// (`base::rules`) and the journal's actions.
pub fn rules_typescript() -> String {
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
        show_on = codes(show_on),
        actions = Action::ALL
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
    fn the_module_states_the_limits() {
        let ts = rules_typescript();
        assert!(
            ts.contains("export const CUSTOM_PARAMS_MAX = 600\n"),
            "{ts}"
        );
        assert!(ts.contains("EDITABLE_STATUSES: readonly number[] = [102]"));
        assert!(ts.contains("  104: { key: 'banned', zh: '禁播', en: 'Banned' },"));
    }
}
