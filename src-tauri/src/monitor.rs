//! The live-status poll and its desktop notifications. The account the window shows is polled
//! on the core's schedule (once a minute, backing off after failures); every status change the
//! core tells — from this poll or a refresh the user asked for — that people care about (live,
//! paused, abnormal, ended) becomes a notification (official notification plugin; a desktop
//! without a notification service just logs it).

use std::sync::Mutex;

use livedesk_core::live::ConsoleEvent;
use livedesk_core::monitor::{notable, Schedule, POLL_EVERY};
use livedesk_core::{rooms, Core, Locale};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::broadcast::error::RecvError;

/// The account being polled (the one the window shows).
#[derive(Debug, Default)]
pub struct Watched(Mutex<Option<String>>);

impl Watched {
    pub fn set(&self, account_id: Option<String>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = account_id;
    }

    fn get(&self) -> Option<String> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// Starts the poll and the notifications.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let poller = app.clone();
    tauri::async_runtime::spawn(async move {
        let mut schedule = Schedule::new();
        let mut wait = POLL_EVERY;
        loop {
            tokio::time::sleep(wait).await;
            let Some(account) = poller.state::<Watched>().get() else {
                wait = POLL_EVERY;
                continue;
            };
            let core = poller.state::<Core>();
            let ok = match rooms::refresh(&core, &account).await {
                Ok(_) => true,
                Err(e) => {
                    log::warn!("live-status poll of {account}: {}", e.message(Locale::En));
                    false
                }
            };
            wait = schedule.after(ok);
        }
    });
    let notifier = app.clone();
    let mut events = app.state::<Core>().console.subscribe();
    tauri::async_runtime::spawn(async move {
        loop {
            match events.recv().await {
                Ok(ConsoleEvent::Status { name, to, .. }) if notable(to) => {
                    let locale = notifier.state::<Core>().locale.get();
                    let (title, body) = words(locale, &name, to);
                    if let Err(e) = notifier
                        .notification()
                        .builder()
                        .title(title)
                        .body(body)
                        .show()
                    {
                        log::info!("notification not shown ({e}): {name} is now {to}");
                    }
                }
                Ok(_) | Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => break,
            }
        }
    });
}

/// The notification's title and text.
fn words(locale: Locale, name: &str, status: u16) -> (String, String) {
    let (zh, en) = match status {
        101 => ("已开播", "is live"),
        105 => ("已暂停", "is paused"),
        106 => ("直播异常：主播断流", "dropped out: the stream stopped"),
        _ => ("直播已结束", "has ended"),
    };
    (
        locale.pick("直播台", "LiveDesk"),
        locale.pick(format!("「{name}」{zh}"), format!("“{name}” {en}")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notifications_say_what_happened_in_the_users_language() {
        assert_eq!(
            words(Locale::ZhCn, "春季新品发布会", 101).1,
            "「春季新品发布会」已开播"
        );
        assert_eq!(
            words(Locale::En, "Spring launch", 106).1,
            "“Spring launch” dropped out: the stream stopped"
        );
        assert_eq!(words(Locale::En, "x", 103).0, "LiveDesk");
    }
}
