//! What every command shares: the store, the vault, the sandbox, the locale and one WeChat client
//! per account (clients keep their token cache, so they are reused).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use wechat_live::{Client, Config};

use crate::error::{AppError, AppResult, IpcError, LocaleState};
use crate::sandbox::{Sandbox, SANDBOX_ID};
use crate::store::{AccountRow, Store};
use crate::vault::Vault;

/// Unix seconds, system clock.
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// The app's shared state, managed by Tauri.
#[derive(Debug)]
pub struct AppState {
    /// The user's language.
    pub locale: LocaleState,
    /// SQLite.
    pub store: Store,
    /// The OS keyring.
    pub vault: Vault,
    /// The in-process simulator.
    pub sandbox: Sandbox,
    /// Where prepared images are kept.
    pub media_dir: PathBuf,
    clients: Mutex<HashMap<String, Client>>,
    /// Cover URL → thumbnail data URL, so a refresh fetches each cover once.
    pub covers: tokio::sync::Mutex<HashMap<String, String>>,
    /// Last share code images per (account, room): (QR code, poster), for "save as PNG".
    pub share_images: Mutex<HashMap<RoomKey, SharePngs>>,
}

/// (account id, room id).
pub type RoomKey = (String, i64);
/// A room's share images as PNG bytes: (QR code, poster).
pub type SharePngs = (Vec<u8>, Vec<u8>);

impl AppState {
    /// State over `data_dir` (the app data dir, or a temp dir in tests), with keyring entries
    /// under `keyring_service`, and a freshly started sandbox.
    pub async fn init(data_dir: &Path, keyring_service: &str) -> AppResult<Self> {
        let store = Store::open(&data_dir.join("livedesk.sqlite3"))?;
        let media_dir = data_dir.join("images");
        std::fs::create_dir_all(&media_dir)
            .map_err(|e| AppError::Config(format!("cannot create {}: {e}", media_dir.display())))?;
        let sandbox = Sandbox::start().await?;
        log::info!("sandbox simulator listening on {}", sandbox.base_url());
        Ok(Self {
            locale: LocaleState::default(),
            store,
            vault: Vault::new(keyring_service),
            sandbox,
            media_dir,
            clients: Mutex::new(HashMap::new()),
            covers: tokio::sync::Mutex::new(HashMap::new()),
            share_images: Mutex::new(HashMap::new()),
        })
    }

    /// An error in the user's language.
    pub fn ipc(&self, e: AppError) -> IpcError {
        let ipc = e.to_ipc(self.locale.get());
        log::warn!("command failed: {} ({})", ipc.code, ipc.message);
        ipc
    }

    /// The stored account, or not_found. The sandbox is not stored.
    pub fn account(&self, id: &str) -> AppResult<AccountRow> {
        self.store
            .account(id)?
            .ok_or_else(|| AppError::not_found(format!("account {id}")))
    }

    /// The WeChat client of an account (the sandbox or a stored one), built once.
    pub fn client(&self, account_id: &str) -> AppResult<Client> {
        if let Some(c) = self.clients_lock().get(account_id) {
            return Ok(c.clone());
        }
        let config = if account_id == SANDBOX_ID {
            self.sandbox.config()
        } else {
            let row = self.account(account_id)?;
            let secret = self.vault.get(account_id)?.ok_or_else(|| {
                AppError::invalid(
                    "secret",
                    "此账号尚未保存 AppSecret，请先填写",
                    "This account has no AppSecret yet: set it first",
                )
            })?;
            let mut cfg = Config::new(row.app_id, secret);
            if let Some(base) = row.base_url {
                cfg = cfg.with_base_url(base);
            }
            cfg
        };
        let client = Client::new(config)?;
        self.clients_lock()
            .insert(account_id.to_owned(), client.clone());
        Ok(client)
    }

    /// Forgets an account's client (after its secret or base URL changed, or it was removed).
    pub fn drop_client(&self, account_id: &str) {
        self.clients_lock().remove(account_id);
    }

    fn clients_lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Client>> {
        self.clients.lock().unwrap_or_else(|p| p.into_inner())
    }
}
