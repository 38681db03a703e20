//! The console's global hotkey: "push next" in the room the console armed, registered with the
//! OS through the official global-shortcut plugin. The accelerator's rules and its setting are
//! the core's ([`livedesk_core::live::hotkey`]); this knows only the OS side: whether the plugin
//! could start (no X server or a Wayland-only session: it cannot), and whether another program
//! already holds the keys.

use std::sync::Mutex;

use livedesk_core::live::hotkey;
use livedesk_core::{App, Problem};

use crate::error::ShellError;
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_global_shortcut::{GlobalShortcutExt, ShortcutState};
use ts_rs::TS;

/// What the console shows about its hotkey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HotkeyStatus {
    /// The accelerator, canonical ("Ctrl+Alt+N").
    pub push_next: String,
    /// Held by LiveDesk now.
    pub registered: bool,
    /// Why it is not, in the user's language.
    pub problem: Option<String>,
}

/// The hotkey's OS state and the room it drives.
#[derive(Debug, Default)]
pub struct Hotkeys {
    /// The plugin started (global shortcuts exist on this desktop).
    available: Mutex<bool>,
    registered: Mutex<Option<String>>,
    problem: Mutex<Option<ShellError>>,
    /// (account, room) the console armed.
    armed: Mutex<Option<(String, i64)>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Hotkeys {
    /// The room "push next" acts on (`None`: no console open).
    pub fn arm(&self, room: Option<(String, i64)>) {
        *lock(&self.armed) = room;
    }

    /// The status in `core`'s locale.
    pub fn status(&self, core: &App) -> HotkeyStatus {
        let registered = lock(&self.registered).clone();
        HotkeyStatus {
            push_next: registered
                .clone()
                .or_else(|| core.hotkeys.push_next().ok())
                .unwrap_or_else(|| hotkey::DEFAULT_PUSH_NEXT.to_owned()),
            registered: registered.is_some(),
            problem: lock(&self.problem)
                .as_ref()
                .map(|e| e.message(core.locale.get())),
        }
    }
}

/// Starts the plugin and registers the stored hotkey; a failure is kept for the console to show.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let available = app
        .plugin(tauri_plugin_global_shortcut::Builder::new().build())
        .map_err(|e| log::warn!("global hotkeys unavailable: {e}"))
        .is_ok();
    let hk = app.state::<Hotkeys>();
    *lock(&hk.available) = available;
    let core = app.state::<App>();
    let wanted = core
        .hotkeys
        .push_next()
        .unwrap_or_else(|_| hotkey::DEFAULT_PUSH_NEXT.into());
    if let Err(e) = register(app, &wanted) {
        log::warn!("push-next hotkey {wanted}: {e}");
        *lock(&hk.problem) = Some(e);
    }
}

/// Registers `accelerator` for "push next" in place of the current one (kept if it fails), and
/// remembers it.
pub fn set<R: Runtime>(app: &AppHandle<R>, accelerator: &str) -> Result<(), ShellError> {
    let canonical = hotkey::check(accelerator)?;
    register(app, &canonical)?;
    app.state::<App>().hotkeys.set_push_next(&canonical)?;
    *lock(&app.state::<Hotkeys>().problem) = None;
    Ok(())
}

fn register<R: Runtime>(app: &AppHandle<R>, canonical: &str) -> Result<(), ShellError> {
    let hk = app.state::<Hotkeys>();
    if !*lock(&hk.available) {
        return Err(ShellError::HotkeysUnavailable);
    }
    let gs = app.global_shortcut();
    let hold = |accelerator: &str| {
        gs.on_shortcut(accelerator, |app, _, event| {
            if event.state == ShortcutState::Pressed {
                pressed(app);
            }
        })
    };
    let old = lock(&hk.registered).take();
    if let Some(old) = &old {
        let _ = gs.unregister(old.as_str());
    }
    match hold(canonical) {
        Ok(()) => {
            *lock(&hk.registered) = Some(canonical.to_owned());
            Ok(())
        }
        Err(e) => {
            if let Some(old) = old {
                if hold(&old).is_ok() {
                    *lock(&hk.registered) = Some(old);
                }
            }
            Err(ShellError::HotkeyTaken {
                accelerator: canonical.to_owned(),
                cause: e.to_string(),
            })
        }
    }
}

/// "Push next" in the armed room; what happens reaches the windows as console events.
fn pressed<R: Runtime>(app: &AppHandle<R>) {
    // When the OS delivered the key (unix ms): `make bench` splits a push's latency here.
    log::info!(
        "push-next hotkey pressed at {} ms",
        livedesk_core::clock::unix_now_ms()
    );
    let Some((account, room)) = lock(&app.state::<Hotkeys>().armed).clone() else {
        log::info!("push-next hotkey pressed with no console open");
        return;
    };
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let core = app.state::<App>();
        core.rundowns.push_next_reporting(&account, room).await;
    });
}
