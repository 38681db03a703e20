//! What the live console takes and answers (exported to the UI by ts-rs), and the events it tells
//! every window that shows a room's show (the console and the anchor view).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A write the producer asks for during the show; queued per room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ActionKind {
    /// Pop the goods card up for viewers.
    Push {
        #[ts(type = "number")]
        goods_id: i64,
    },
    /// Put goods on sale or take them off.
    Sale {
        #[ts(type = "number")]
        goods_id: i64,
        on_sale: bool,
    },
    /// Mute or unmute every viewer's comments.
    CommentBan { banned: bool },
    /// Take goods out of the room (destructive: locked while live).
    Remove {
        #[ts(type = "number")]
        goods_id: i64,
    },
}

impl ActionKind {
    /// The goods the action is about.
    pub fn goods_id(self) -> Option<i64> {
        match self {
            ActionKind::Push { goods_id }
            | ActionKind::Sale { goods_id, .. }
            | ActionKind::Remove { goods_id } => Some(goods_id),
            ActionKind::CommentBan { .. } => None,
        }
    }
}

/// Where a queued action is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "state",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ActionState {
    /// Behind other actions of the room.
    Queued,
    /// The request is on its way.
    Sending,
    /// WeChat said a card is showing (300047 / 300049): sent again at `retryAtMs`.
    Waiting {
        #[ts(type = "number")]
        errcode: i64,
        #[ts(type = "number")]
        retry_at_ms: i64,
    },
    /// WeChat accepted it.
    Done {
        #[ts(type = "number")]
        latency_ms: i64,
    },
    /// It did not happen (or may have: `maybeSent`). `sent` is false when it was refused before
    /// anything left, with WeChat's errcode for the rule it would break.
    Failed {
        #[ts(type = "number | null")]
        errcode: Option<i64>,
        message: String,
        sent: bool,
        maybe_sent: bool,
    },
}

impl ActionState {
    /// Still to be sent or on its way.
    pub fn is_active(&self) -> bool {
        matches!(
            self,
            ActionState::Queued | ActionState::Sending | ActionState::Waiting { .. }
        )
    }
}

/// One action of a room's queue, as the console shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QueuedAction {
    #[ts(type = "number")]
    pub id: u64,
    pub account_id: String,
    #[ts(type = "number")]
    pub room_id: i64,
    pub action: ActionKind,
    /// The goods' name ("" for room actions).
    pub subject: String,
    pub state: ActionState,
    /// Requests sent so far (a wait adds one each time).
    pub attempts: u32,
    #[ts(type = "number")]
    pub queued_at_ms: i64,
    #[ts(type = "number")]
    pub updated_at_ms: i64,
}

/// What the console tells every window following a room's show (the app's event stream carries
/// these beside the status book's and OBS's).
#[derive(Debug, Clone, PartialEq)]
pub enum LiveEvent {
    /// An action moved (queued, sending, waiting, done, failed).
    Action { action: QueuedAction },
    /// The room's rundown or its current item changed: read it again.
    Rundown { account_id: String, room_id: i64 },
    /// Something the producer asked for without a window waiting on it (the hotkey) failed.
    Notice {
        account_id: String,
        room_id: i64,
        message: String,
    },
    /// Destructive actions were unlocked (until then) or locked again (`None`).
    Lock {
        account_id: String,
        room_id: i64,
        unlocked_until_ms: Option<i64>,
    },
}

/// The console's view of a room beyond its goods: what LiveDesk knows and has queued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsoleState {
    /// The room's recent actions, oldest first.
    pub actions: Vec<QueuedAction>,
    /// The comment ban LiveDesk last set (`null`: not set from here, WeChat cannot be asked).
    pub comment_banned: Option<bool>,
    /// Destructive actions are unlocked until then.
    #[ts(type = "number | null")]
    pub unlocked_until_ms: Option<i64>,
}
