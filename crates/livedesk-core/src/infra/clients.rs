//! One WeChat client per account, built once and reused (a client keeps its token cache): the
//! sandbox's from the in-process simulator, a stored account's from its row and its AppSecret in
//! the keyring — and never over plain http to anything but this machine.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use wechat_live::{Client, Config, Secret};

use super::endpoint;
use super::sandbox::{Sandbox, SANDBOX_ID};
use super::store::{AccountRow, Store};
use super::vault::{SecretKind, Vault};
use crate::base::error::{CoreError, CoreResult};

/// The clients of every account used so far.
#[derive(Debug, Clone)]
pub struct Clients {
    store: Store,
    vault: Vault,
    sandbox: Sandbox,
    built: Arc<Mutex<HashMap<String, Client>>>,
}

impl Clients {
    /// Clients of the accounts in `store`, secrets from `vault`, the sandbox's from `sandbox`.
    pub fn new(store: Store, vault: Vault, sandbox: Sandbox) -> Self {
        Self {
            store,
            vault,
            sandbox,
            built: Arc::default(),
        }
    }

    /// The stored account, or not_found. The sandbox is not a stored account.
    pub fn account(&self, id: &str) -> CoreResult<AccountRow> {
        self.store
            .account(id)?
            .ok_or_else(|| CoreError::not_found(format!("account {id}")))
    }

    /// The WeChat client of an account (the sandbox or a stored one), built once.
    pub fn get(&self, account_id: &str) -> CoreResult<Client> {
        if let Some(c) = self.built().get(account_id) {
            return Ok(c.clone());
        }
        let client = if account_id == SANDBOX_ID {
            Client::new(self.sandbox.config())?
        } else {
            self.for_row(&self.account(account_id)?)?
        };
        self.built().insert(account_id.to_owned(), client.clone());
        Ok(client)
    }

    /// Forgets an account's client (after its secret or base URL changed, or it was removed).
    pub fn forget(&self, account_id: &str) {
        self.built().remove(account_id);
    }

    /// WeChat's clock for an account, as its client validates with: the sandbox's simulator
    /// clock is read afresh first (tests and rehearsals move it).
    pub async fn now(&self, account_id: &str) -> CoreResult<i64> {
        if account_id == SANDBOX_ID {
            self.sandbox.sync_clock().await;
        }
        Ok(self.get(account_id)?.now())
    }

    fn for_row(&self, row: &AccountRow) -> CoreResult<Client> {
        let secret = self
            .vault
            .get(SecretKind::AppSecret, &row.id)?
            .ok_or_else(|| {
                CoreError::invalid(
                    "secret",
                    "此账号尚未保存 AppSecret，请先填写",
                    "This account has no AppSecret yet: set it first",
                )
            })?;
        client_from(&row.app_id, secret, row.base_url.as_deref())
    }

    fn built(&self) -> MutexGuard<'_, HashMap<String, Client>> {
        self.built.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A client from an account's values (the add form checks them with this before storing).
pub fn client_from(app_id: &str, secret: Secret, base_url: Option<&str>) -> CoreResult<Client> {
    let mut cfg = Config::new(app_id.to_owned(), secret);
    if let Some(b) = base_url {
        endpoint::check_base_url(b)?;
        cfg = cfg.with_base_url(b.to_owned());
    }
    Ok(Client::new(cfg)?)
}
