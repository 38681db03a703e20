//! The live-status poll's host and its desktop notifications: the core polls the account the
//! window shows (`Rooms::poll`, on its schedule) and words each status change worth a
//! notification; this shows them with the official notification plugin (a desktop without a
//! notification service just logs it).

use livedesk_core::rooms::Watched;
use livedesk_core::App;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::broadcast::error::RecvError;

/// Starts the poll and the notifications.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let rooms = app.state::<App>().rooms.clone();
    let watched = app.state::<Watched>().inner().clone();
    tauri::async_runtime::spawn(async move { rooms.poll(watched).await });
    let notifier = app.clone();
    let mut events = app.state::<App>().subscribe();
    tauri::async_runtime::spawn(async move {
        loop {
            match events.recv().await {
                Ok(e) => {
                    let locale = notifier.state::<App>().locale.get();
                    let Some((title, body)) = e.notification(locale) else {
                        continue;
                    };
                    if let Err(err) = notifier
                        .notification()
                        .builder()
                        .title(title)
                        .body(&body)
                        .show()
                    {
                        log::info!("notification not shown ({err}): {body}");
                    }
                }
                Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => break,
            }
        }
    });
}
