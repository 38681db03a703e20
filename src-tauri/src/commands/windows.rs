//! The anchor view: a second window that follows a room's show, and full screen for it.

use livedesk_core::App;
use tauri::{AppHandle, Manager, Runtime, State, WebviewUrl, WebviewWindowBuilder, Window};

use crate::error::{IntoIpc, IpcError, ShellError};

/// The anchor view's window label (the window-state plugin remembers it by this).
pub const ANCHOR: &str = "anchor";

/// Opens the anchor view on a room (or shows the open one on it).
#[tauri::command]
pub fn anchor_open<R: Runtime>(
    app: AppHandle<R>,
    core: State<'_, App>,
    account_id: String,
    room_id: i64,
) -> Result<(), IpcError> {
    // Account ids are LiveDesk's own (`sandbox`, `acc-<hex>`): safe in a route as they are.
    let route = format!("#/anchor/{account_id}/{room_id}");
    let opened = match app.get_webview_window(ANCHOR) {
        Some(w) => w
            .eval(format!("window.location.hash = {:?}", route))
            .and_then(|()| w.set_focus()),
        None => WebviewWindowBuilder::new(
            &app,
            ANCHOR,
            WebviewUrl::App(format!("index.html{route}").into()),
        )
        .title("主播视图 · Anchor view")
        .inner_size(960.0, 640.0)
        .min_inner_size(480.0, 320.0)
        .build()
        .map(|_| ()),
    };
    opened
        .map_err(|e| ShellError::Window {
            what: "anchor view",
            cause: e.to_string(),
        })
        .ipc(&core)
}

/// Full screen on or off for the calling window (the anchor view on a second monitor).
#[tauri::command]
pub fn window_fullscreen<R: Runtime>(
    window: Window<R>,
    core: State<'_, App>,
    on: bool,
) -> Result<(), IpcError> {
    window
        .set_fullscreen(on)
        .map_err(|e| ShellError::Window {
            what: "full screen",
            cause: e.to_string(),
        })
        .ipc(&core)
}

/// Closes the window that asks: the anchor view's own close button (a full-screen window on a
/// second monitor has no title bar to close it by). Its size and place are saved as it closes.
#[tauri::command]
pub fn window_close<R: Runtime>(window: Window<R>, core: State<'_, App>) -> Result<(), IpcError> {
    window
        .close()
        .map_err(|e| ShellError::Window {
            what: "close",
            cause: e.to_string(),
        })
        .ipc(&core)
}
