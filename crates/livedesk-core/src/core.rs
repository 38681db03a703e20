//! [`Core`]: what every service shares — the store, the vault, the sandbox, the locale and one
//! WeChat client per account (clients keep their token cache, so they are reused). The window and
//! the CLI each open one over the same data dir and keyring service.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use wechat_live::Client;

use crate::accounts;
use crate::clock::unix_now;
use crate::error::{CoreError, CoreResult};
use crate::live::Console;
use crate::locale::LocaleState;
use crate::sandbox::{Sandbox, SANDBOX_ID};
use crate::store::{AccountRow, Recovered, Store};
use crate::vault::Vault;

/// The database file inside the data dir.
pub const DB_FILE: &str = "livedesk.sqlite3";

/// The services' shared state.
#[derive(Debug)]
pub struct Core {
    /// The user's language, for the words an edge makes from typed results.
    pub locale: LocaleState,
    /// SQLite.
    pub store: Store,
    /// The OS keyring.
    pub vault: Vault,
    /// The in-process simulator.
    pub sandbox: Sandbox,
    /// Where prepared images are kept.
    pub media_dir: PathBuf,
    /// The live console's queues, unlocks and events.
    pub console: Console,
    /// The rooms' last seen statuses.
    pub monitor: crate::monitor::Monitor,
    /// The link to OBS (run by [`crate::obs::supervise`]).
    pub obs: crate::obs::Obs,
    /// Set when the database file could not be read at start and was moved aside.
    pub store_recovered: Option<Recovered>,
    clients: Mutex<HashMap<String, Client>>,
    /// Cover URL → thumbnail data URL, so a refresh fetches each cover once.
    pub(crate) covers: tokio::sync::Mutex<HashMap<String, String>>,
    /// Last share code images per (account, room): (QR code, poster), for "save as PNG".
    pub(crate) share_images: Mutex<HashMap<RoomKey, SharePngs>>,
}

/// (account id, room id).
pub type RoomKey = (String, i64);
/// A room's share images as PNG bytes: (QR code, poster).
pub type SharePngs = (Vec<u8>, Vec<u8>);

impl Core {
    /// The core over `data_dir` (the app data dir, or a temp dir in tests), with keyring entries
    /// under `keyring_service`, and a freshly started sandbox. An unreadable database is moved
    /// aside and a fresh one used ([`Core::store_recovered`] says so).
    pub async fn open(data_dir: &Path, keyring_service: &str) -> CoreResult<Self> {
        let (store, store_recovered) = Store::open_or_recover(&data_dir.join(DB_FILE), unix_now())?;
        let stale = crate::clock::unix_now_ms() - crate::journal::STALE_PENDING_MS;
        match store.journal_interrupt_pending(stale) {
            Ok(0) => {}
            Ok(n) => log::warn!("{n} journaled writes never got their answer recorded"),
            Err(e) => log::warn!("journal: {e}"),
        }
        let media_dir = data_dir.join("images");
        std::fs::create_dir_all(&media_dir).map_err(|e| {
            CoreError::Config(format!("cannot create {}: {e}", media_dir.display()))
        })?;
        let sandbox = Sandbox::start().await?;
        log::info!("sandbox simulator listening on {}", sandbox.base_url());
        Ok(Self {
            locale: LocaleState::default(),
            store,
            vault: Vault::new(keyring_service),
            sandbox,
            media_dir,
            store_recovered,
            console: Console::default(),
            monitor: Default::default(),
            obs: Default::default(),
            clients: Mutex::new(HashMap::new()),
            covers: tokio::sync::Mutex::new(HashMap::new()),
            share_images: Mutex::new(HashMap::new()),
        })
    }

    /// The stored account, or not_found. The sandbox is not a stored account.
    pub fn account(&self, id: &str) -> CoreResult<AccountRow> {
        self.store
            .account(id)?
            .ok_or_else(|| CoreError::not_found(format!("account {id}")))
    }

    /// The WeChat client of an account (the sandbox or a stored one), built once.
    pub fn client(&self, account_id: &str) -> CoreResult<Client> {
        if let Some(c) = self.clients_lock().get(account_id) {
            return Ok(c.clone());
        }
        let client = if account_id == SANDBOX_ID {
            Client::new(self.sandbox.config())?
        } else {
            accounts::client_for(self, &self.account(account_id)?)?
        };
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

    /// Stops the sandbox (at exit).
    pub async fn shutdown(&self) {
        self.sandbox.shutdown().await;
    }
}
