//! Console events to the windows: each window that follows a room's show (the console, the
//! anchor view) gets every event over its own channel, from a task that forwards the core's
//! broadcast. A window follows once: following again (after a reload) replaces the old task, and
//! a closed window's task ends.

use std::collections::HashMap;
use std::sync::Mutex;

use livedesk_core::ConsoleEvent;
use tauri::async_runtime::JoinHandle;
use tauri::ipc::Channel;
use tokio::sync::broadcast::{error::RecvError, Receiver};

/// The forwarding task of each window, by label.
#[derive(Debug, Default)]
pub struct Follows(Mutex<HashMap<String, JoinHandle<()>>>);

impl Follows {
    /// Forwards `events` to `channel` for the window `label`.
    pub fn follow(
        &self,
        label: &str,
        mut events: Receiver<ConsoleEvent>,
        channel: Channel<ConsoleEvent>,
    ) {
        let task = tauri::async_runtime::spawn(async move {
            loop {
                match events.recv().await {
                    Ok(e) => {
                        if channel.send(e).is_err() {
                            break;
                        }
                    }
                    // A slow window missed some: the next event makes it read the state again.
                    Err(RecvError::Lagged(n)) => log::warn!("a window missed {n} console events"),
                    Err(RecvError::Closed) => break,
                }
            }
        });
        if let Some(old) = self.lock().insert(label.to_owned(), task) {
            old.abort();
        }
    }

    /// Stops forwarding to a window (it closed).
    pub fn unfollow(&self, label: &str) {
        if let Some(task) = self.lock().remove(label) {
            task.abort();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, JoinHandle<()>>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}
