//! The journaled actions, with the stable names stored in the journal and used by its filters.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every kind of write LiveDesk makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    AccountAdd,
    AccountUpdate,
    AccountRemove,
    RoomCreate,
    RoomEdit,
    RoomDelete,
    GoodsAdd,
    GoodsUpdate,
    GoodsDelete,
    GoodsResetAudit,
    GoodsResubmit,
    RoomGoodsImport,
    RoomGoodsSale,
    RoomGoodsPush,
    RoomGoodsDelete,
    RoomGoodsSort,
    RoomSwitch,
    RundownAdd,
    RundownEdit,
    RundownReorder,
    RundownRemove,
    RundownStep,
    LiveUnlock,
}

impl Action {
    /// Every action, for filters.
    pub const ALL: [Action; 23] = [
        Action::AccountAdd,
        Action::AccountUpdate,
        Action::AccountRemove,
        Action::RoomCreate,
        Action::RoomEdit,
        Action::RoomDelete,
        Action::GoodsAdd,
        Action::GoodsUpdate,
        Action::GoodsDelete,
        Action::GoodsResetAudit,
        Action::GoodsResubmit,
        Action::RoomGoodsImport,
        Action::RoomGoodsSale,
        Action::RoomGoodsPush,
        Action::RoomGoodsDelete,
        Action::RoomGoodsSort,
        Action::RoomSwitch,
        Action::RundownAdd,
        Action::RundownEdit,
        Action::RundownReorder,
        Action::RundownRemove,
        Action::RundownStep,
        Action::LiveUnlock,
    ];

    /// The stored name (the serde name).
    pub fn as_str(self) -> &'static str {
        match self {
            Action::AccountAdd => "account_add",
            Action::AccountUpdate => "account_update",
            Action::AccountRemove => "account_remove",
            Action::RoomCreate => "room_create",
            Action::RoomEdit => "room_edit",
            Action::RoomDelete => "room_delete",
            Action::GoodsAdd => "goods_add",
            Action::GoodsUpdate => "goods_update",
            Action::GoodsDelete => "goods_delete",
            Action::GoodsResetAudit => "goods_reset_audit",
            Action::GoodsResubmit => "goods_resubmit",
            Action::RoomGoodsImport => "room_goods_import",
            Action::RoomGoodsSale => "room_goods_sale",
            Action::RoomGoodsPush => "room_goods_push",
            Action::RoomGoodsDelete => "room_goods_delete",
            Action::RoomGoodsSort => "room_goods_sort",
            Action::RoomSwitch => "room_switch",
            Action::RundownAdd => "rundown_add",
            Action::RundownEdit => "rundown_edit",
            Action::RundownReorder => "rundown_reorder",
            Action::RundownRemove => "rundown_remove",
            Action::RundownStep => "rundown_step",
            Action::LiveUnlock => "live_unlock",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_are_the_serde_names_and_all_lists_each_once() {
        let mut seen = std::collections::HashSet::new();
        for a in Action::ALL {
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
            assert!(seen.insert(a.as_str()));
        }
    }
}
