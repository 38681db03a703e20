//! The app's one event stream, which every window (and a CLI that follows a show) reads: the
//! console's, the status book's and OBS's events in one enum, as the UI receives them.

use serde::Serialize;
use ts_rs::TS;

use crate::domain::rooms::StatusChange;
use crate::live::{LiveEvent, QueuedAction};
use crate::obs::{ObsEvent, ObsHealth, ObsLink};

/// What changed in a room's show (or in OBS, or a room's status), for every window following it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ConsoleEvent {
    /// An action moved (queued, sending, waiting, done, failed).
    Action { action: QueuedAction },
    /// The room's rundown or its current item changed: read it again.
    Rundown {
        account_id: String,
        #[ts(type = "number")]
        room_id: i64,
    },
    /// A room's live status changed (seen by the status poll or a refresh).
    Status {
        account_id: String,
        #[ts(type = "number")]
        room_id: i64,
        name: String,
        from: u16,
        to: u16,
    },
    /// The link to OBS changed.
    Obs { link: ObsLink },
    /// OBS's health, read every keepalive while connected.
    ObsHealth { health: ObsHealth },
    /// Something the producer asked for without a window waiting on it (the hotkey) failed.
    Notice {
        account_id: String,
        #[ts(type = "number")]
        room_id: i64,
        message: String,
    },
    /// Destructive actions were unlocked (until then) or locked again (`null`).
    Lock {
        account_id: String,
        #[ts(type = "number")]
        room_id: i64,
        #[ts(type = "number | null")]
        unlocked_until_ms: Option<i64>,
    },
}

impl ConsoleEvent {
    /// The desktop notification this event is worth, if any: a room's show started, paused,
    /// dropped out or ended (words in `locale`).
    pub fn notification(&self, locale: crate::base::locale::Locale) -> Option<(String, String)> {
        match self {
            ConsoleEvent::Status {
                account_id,
                room_id,
                name,
                from,
                to,
            } => StatusChange {
                account_id: account_id.clone(),
                room_id: *room_id,
                name: name.clone(),
                from: *from,
                to: *to,
            }
            .notification(locale),
            _ => None,
        }
    }
}

impl From<LiveEvent> for ConsoleEvent {
    fn from(e: LiveEvent) -> Self {
        match e {
            LiveEvent::Action { action } => ConsoleEvent::Action { action },
            LiveEvent::Rundown {
                account_id,
                room_id,
            } => ConsoleEvent::Rundown {
                account_id,
                room_id,
            },
            LiveEvent::Notice {
                account_id,
                room_id,
                message,
            } => ConsoleEvent::Notice {
                account_id,
                room_id,
                message,
            },
            LiveEvent::Lock {
                account_id,
                room_id,
                unlocked_until_ms,
            } => ConsoleEvent::Lock {
                account_id,
                room_id,
                unlocked_until_ms,
            },
        }
    }
}

impl From<StatusChange> for ConsoleEvent {
    fn from(c: StatusChange) -> Self {
        ConsoleEvent::Status {
            account_id: c.account_id,
            room_id: c.room_id,
            name: c.name,
            from: c.from,
            to: c.to,
        }
    }
}

impl From<ObsEvent> for ConsoleEvent {
    fn from(e: ObsEvent) -> Self {
        match e {
            ObsEvent::Link(link) => ConsoleEvent::Obs { link },
            ObsEvent::Health(health) => ConsoleEvent::ObsHealth { health },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wire_form_of_an_event_is_unchanged() {
        let e = ConsoleEvent::from(StatusChange {
            account_id: "sandbox".into(),
            room_id: 7,
            name: "Spring".into(),
            from: 102,
            to: 101,
        });
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"type": "status", "accountId": "sandbox", "roomId": 7,
                               "name": "Spring", "from": 102, "to": 101})
        );
        let e = ConsoleEvent::from(LiveEvent::Lock {
            account_id: "a".into(),
            room_id: 1,
            unlocked_until_ms: None,
        });
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"type": "lock", "accountId": "a", "roomId": 1, "unlockedUntilMs": null})
        );
    }
}
