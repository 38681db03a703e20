//! The live-status poll: the account a front end shows is listed on the status book's schedule
//! (once a minute, backing off after failures), so every status change is told even when nobody
//! refreshes; and the words of the desktop notification a change is worth.

use std::sync::{Arc, Mutex};

use super::status::{notable, Schedule, StatusChange, POLL_EVERY};
use super::Rooms;
use crate::base::locale::Locale;

/// The account being polled (the one the window shows); none: nothing is polled.
#[derive(Debug, Clone, Default)]
pub struct Watched(Arc<Mutex<Option<String>>>);

impl Watched {
    pub fn set(&self, account_id: Option<String>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = account_id;
    }

    pub fn get(&self) -> Option<String> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl Rooms {
    /// Lists the watched account's rooms on the schedule, for as long as the future runs.
    pub async fn poll(&self, watched: Watched) {
        let mut schedule = Schedule::new();
        let mut wait = POLL_EVERY;
        loop {
            tokio::time::sleep(wait).await;
            let Some(account) = watched.get() else {
                wait = POLL_EVERY;
                continue;
            };
            let ok = match self.refresh(&account).await {
                Ok(_) => true,
                Err(e) => {
                    log::warn!("live-status poll of {account}: {}", e.message(Locale::En));
                    false
                }
            };
            wait = schedule.after(ok);
        }
    }
}

impl StatusChange {
    /// The desktop notification's title and text, when the change is one people care about
    /// (live, paused, dropped out, ended).
    pub fn notification(&self, locale: Locale) -> Option<(String, String)> {
        if !notable(self.to) {
            return None;
        }
        let (zh, en) = match self.to {
            101 => ("已开播", "is live"),
            105 => ("已暂停", "is paused"),
            106 => ("直播异常：主播断流", "dropped out: the stream stopped"),
            _ => ("直播已结束", "has ended"),
        };
        let name = &self.name;
        Some((
            locale.pick("直播台", "LiveDesk"),
            locale.pick(format!("「{name}」{zh}"), format!("“{name}” {en}")),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(name: &str, to: u16) -> StatusChange {
        StatusChange {
            account_id: "a".into(),
            room_id: 1,
            name: name.into(),
            from: 102,
            to,
        }
    }

    #[test]
    fn notifications_say_what_happened_in_the_users_language() {
        assert_eq!(
            change("春季新品发布会", 101)
                .notification(Locale::ZhCn)
                .unwrap()
                .1,
            "「春季新品发布会」已开播"
        );
        assert_eq!(
            change("Spring launch", 106)
                .notification(Locale::En)
                .unwrap()
                .1,
            "“Spring launch” dropped out: the stream stopped"
        );
        assert_eq!(
            change("x", 103).notification(Locale::En).unwrap().0,
            "LiveDesk"
        );
        assert_eq!(
            change("x", 102).notification(Locale::En),
            None,
            "not notable"
        );
    }

    #[test]
    fn watched_is_shared_by_clones() {
        let w = Watched::default();
        let c = w.clone();
        w.set(Some("sandbox".into()));
        assert_eq!(c.get().as_deref(), Some("sandbox"));
    }
}
