//! LiveDesk's desktop shell: Tauri commands over the `wechat-live` core, the OS keyring, SQLite and
//! the in-process sandbox simulator.

pub mod accounts;
pub mod bindings;
pub mod commands;
pub mod error;
pub mod images;
pub mod ipc;
pub mod room_ops;
pub mod rooms;
pub mod sandbox;
pub mod startup;
pub mod state;
pub mod store;
pub mod vault;

use tauri::{Manager, Runtime};

use crate::state::AppState;

/// The app's identifier, also the keyring service of its secrets.
pub const IDENTIFIER: &str = "app.livedesk.desktop";

/// The builder with every command registered; `run` adds plugins and the window.
pub fn builder<R: Runtime>() -> tauri::Builder<R> {
    with_commands(tauri::Builder::<R>::new())
}

/// Registers every command on `builder` (tests pass Tauri's `mock_builder()`).
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app::set_locale,
        commands::app::app_info,
        commands::app::app_ready,
        commands::accounts::accounts_list,
        commands::accounts::account_add,
        commands::accounts::account_rename,
        commands::accounts::account_set_secret,
        commands::accounts::account_remove,
        commands::accounts::account_verify,
        commands::rooms::rooms_cached,
        commands::rooms::rooms_refresh,
        commands::rooms::room_validate,
        commands::rooms::room_create,
        commands::rooms::room_edit_load,
        commands::rooms::room_edit,
        commands::rooms::room_delete,
        commands::rooms::room_push_address,
        commands::rooms::room_share_code,
        commands::rooms::share_save,
        commands::drafts::draft_load,
        commands::drafts::draft_save,
        commands::drafts::draft_clear,
        commands::media::image_prepare,
    ])
}

/// Runs the desktop app.
pub fn run() {
    startup::mark_start();
    let app = builder::<tauri::Wry>()
        // A second launch focuses the running window instead of starting another sandbox.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .build(),
        )
        .plugin(tauri_plugin_window_state::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .setup(|app| {
            log::info!("setup after {} ms", startup::since_start().as_millis());
            let data_dir = app.path().app_data_dir()?;
            let state = tauri::async_runtime::block_on(AppState::init(&data_dir, IDENTIFIER))
                .map_err(|e| Box::new(e) as Box<dyn std::error::Error>)?;
            log::info!(
                "state ready after {} ms",
                startup::since_start().as_millis()
            );
            // The e2e tests read this line to reach the sandbox's control plane.
            log::info!("LIVEDESK_SANDBOX_PORT={}", state.sandbox.port());
            app.manage(state);
            Ok(())
        })
        .build(tauri::generate_context!())
        .unwrap_or_else(|e| {
            log::error!("LiveDesk could not start: {e}");
            std::process::exit(1)
        });
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            if let Some(state) = handle.try_state::<AppState>() {
                tauri::async_runtime::block_on(state.sandbox.shutdown());
            }
        }
    });
}
