//! LiveDesk's desktop shell: thin Tauri commands over `livedesk-core`, and the window. Everything
//! the window and the CLI share lives in the core.

pub mod bindings;
pub mod commands;
pub mod error;
pub mod follow;
pub mod hotkeys;
pub mod monitor;
pub mod startup;

use livedesk_core::journal::Origin;
use livedesk_core::App;
use tauri::{Manager, Runtime};

/// The app's identifier (tauri.conf.json's), also the keyring service of its secrets: the core's.
pub const IDENTIFIER: &str = livedesk_core::APP_ID;

/// Lists every command once: it registers them ([`with_commands`]) and names them
/// ([`COMMANDS`]), so a test can hold the UI's calls against what is registered.
macro_rules! app_commands {
    ($($area:ident :: $name:ident),* $(,)?) => {
        /// The names of every registered command.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        /// Registers every command on `builder` (tests pass Tauri's `mock_builder()`).
        pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
            builder.invoke_handler(tauri::generate_handler![$(commands::$area::$name),*])
        }
    };
}

app_commands![
    app::set_locale,
    app::app_info,
    app::app_ready,
    accounts::accounts_list,
    accounts::account_add,
    accounts::account_rename,
    accounts::account_set_secret,
    accounts::account_remove,
    accounts::account_verify,
    rooms::rooms_cached,
    rooms::rooms_refresh,
    rooms::room_validate,
    rooms::room_create,
    rooms::room_find_created,
    rooms::room_edit_load,
    rooms::room_edit,
    rooms::room_delete,
    rooms::room_push_address,
    rooms::push_address_test,
    rooms::room_share_code,
    rooms::share_save,
    drafts::draft_load,
    drafts::draft_save,
    drafts::draft_clear,
    media::image_prepare,
    goods::goods_sync,
    goods::goods_page,
    goods::goods_validate,
    goods::goods_draft_load,
    goods::goods_draft_save,
    goods::goods_draft_clear,
    goods::goods_add,
    goods::goods_update,
    goods::goods_delete,
    goods::goods_reset_audit,
    goods::goods_resubmit,
    goods::goods_refresh_audit,
    goods::shelf_list,
    goods::shelf_import,
    goods::shelf_sort,
    goods::shelf_save_video,
    journal::journal_list,
    journal::journal_export,
    journal::journal_room_summary,
    live::live_act,
    live::live_retry,
    live::live_state,
    live::live_unlock,
    live::live_relock,
    live::live_follow,
    live::rundown_get,
    live::rundown_add,
    live::rundown_edit,
    live::rundown_skip,
    live::rundown_remove,
    live::rundown_reorder,
    live::rundown_go_to,
    live::rundown_push_next,
    background::hotkey_status,
    background::hotkey_set,
    background::live_arm,
    background::monitor_watch,
    obs::obs_status,
    obs::obs_settings_set,
    obs::obs_reconnect,
    obs::obs_send_room,
    obs::obs_stream,
    destinations::destinations_list,
    destinations::destination_save,
    destinations::destination_delete,
    destinations::destination_address,
    destinations::destination_send_obs,
    start::start_verdict,
    start::start_guide,
    start::start_snippets,
    windows::anchor_open,
    windows::window_fullscreen,
    windows::window_close,
];

/// The builder with every command registered and the shell's own state; `run` adds plugins and
/// the window.
pub fn builder<R: Runtime>() -> tauri::Builder<R> {
    with_shell(tauri::Builder::<R>::new())
}

/// `builder` with every command and the shell's own state (tests pass Tauri's `mock_builder()`).
pub fn with_shell<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    with_commands(builder)
        .manage(follow::Follows::default())
        .manage(hotkeys::Hotkeys::default())
        .manage(livedesk_core::rooms::Watched::default())
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::Destroyed = event {
                window.state::<follow::Follows>().unfollow(window.label());
            }
        })
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
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            log::info!("setup after {} ms", startup::since_start().as_millis());
            let data_dir = app.path().app_data_dir()?;
            let core =
                tauri::async_runtime::block_on(App::open(&data_dir, IDENTIFIER, Origin::App))
                    .map_err(|e| Box::new(e) as Box<dyn std::error::Error>)?;
            log::info!(
                "state ready after {} ms",
                startup::since_start().as_millis()
            );
            // The e2e tests read this line to reach the sandbox's control plane.
            log::info!("LIVEDESK_SANDBOX_PORT={}", core.sandbox.port());
            app.manage(core);
            hotkeys::start(app.handle());
            monitor::start(app.handle());
            let link = app.state::<App>().obs.clone();
            tauri::async_runtime::spawn(async move { link.supervise().await });
            Ok(())
        })
        .build(tauri::generate_context!())
        .unwrap_or_else(|e| {
            log::error!("LiveDesk could not start: {e}");
            std::process::exit(1)
        });
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            if let Some(core) = handle.try_state::<App>() {
                tauri::async_runtime::block_on(core.shutdown());
            }
        }
    });
}

#[cfg(test)]
mod tests {
    /// The window's data dir is Tauri's `app_data_dir` = the OS data dir + tauri.conf.json's
    /// identifier; the CLI's is `livedesk_core::paths::data_dir()` = the same + `APP_ID`. Equal
    /// identifiers mean one data dir and one keyring service whoever opens the core.
    #[test]
    fn the_window_and_the_core_share_the_identifier() {
        let conf: serde_json::Value = serde_json::from_str(include_str!("../../tauri.conf.json"))
            .expect("tauri.conf.json reads");
        assert_eq!(conf["identifier"], livedesk_core::APP_ID);
        assert_eq!(super::IDENTIFIER, livedesk_core::APP_ID);
    }

    /// `tauri dev` loads `devUrl`; the UI's dev server must listen there (strictPort).
    #[test]
    fn tauri_dev_and_the_ui_dev_server_agree_on_the_port() {
        let conf: serde_json::Value = serde_json::from_str(include_str!("../../tauri.conf.json"))
            .expect("tauri.conf.json reads");
        let dev_url = conf["build"]["devUrl"].as_str().expect("devUrl is set");
        let port = dev_url.rsplit(':').next().unwrap().trim_end_matches('/');
        let vite = include_str!("../../ui/vite.config.ts");
        assert!(
            vite.contains(&format!("server: {{ port: {port}, strictPort: true }}")),
            "ui/vite.config.ts must serve on {port} (devUrl {dev_url})"
        );
    }
}
