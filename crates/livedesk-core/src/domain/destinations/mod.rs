//! Destinations besides WeChat rooms ("any RTMP destination"): a custom RTMP(S) server with a
//! stream key (a 视频号 push address, another platform), or a Tencent Cloud standard live (CSS)
//! stream whose push and play URLs are signed when asked for (reference, section 6).
//!
//! SQLite keeps the rest ([`crate::infra::store`]); every secret lives in the OS keyring only, as
//! [`SecretKind::DestinationKey`]: the stream key or push auth key under `"<id>"`, the play auth
//! key under `"<id>:play"`. The form is checked before anything is written ([`check`]); the
//! address is built in [`address`].

mod address;
mod check;
mod types;

pub use check::{DEFAULT_APP, DEFAULT_VALIDITY_SECS, MAX_VALIDITY_SECS, MIN_VALIDITY_SECS};
pub use types::*;

use check::{Checked, KeyChange};
use wechat_live::Secret;

use crate::base::clock::unix_now;
use crate::base::error::{CoreError, CoreResult};
use crate::infra::media;
use crate::infra::store::{DestinationRow, Store, Target};
use crate::infra::vault::{SecretKind, Vault};

/// Push destinations besides rooms. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Destinations {
    store: Store,
    vault: Vault,
}

const KIND: SecretKind = SecretKind::DestinationKey;

/// The keyring id of a destination's stream key (custom) or push auth key (Tencent).
pub fn key_id(id: i64) -> String {
    id.to_string()
}

/// The keyring id of a Tencent destination's play auth key.
pub fn play_key_id(id: i64) -> String {
    format!("{id}:play")
}

impl Destinations {
    /// The destinations in `store`, their keys in `vault`.
    pub fn new(store: Store, vault: Vault) -> Self {
        Self { store, vault }
    }

    /// Every destination, oldest first. A keyring that cannot be asked does not hide them: their
    /// `hasKey`/`hasPlayKey` are `null`.
    pub fn list(&self) -> CoreResult<Vec<DestinationView>> {
        Ok(self
            .store
            .destinations()?
            .into_iter()
            .map(|row| self.view(row))
            .collect())
    }

    /// Adds (`id` = `None`) or replaces a destination. The form is checked first and nothing is
    /// written when it fails. A new destination needs its key; an edit keeps the saved key when the
    /// form's is `null`. A destination's kind cannot change.
    pub fn save(&self, id: Option<i64>, input: DestinationInput) -> CoreResult<DestinationView> {
        let checked = check::check(&input)?;
        match id {
            None => self.create(checked),
            Some(id) => self.update(id, checked),
        }
    }

    fn create(&self, c: Checked) -> CoreResult<DestinationView> {
        let KeyChange::Set(key) = &c.key else {
            return Err(check::required_key(key_field(&c.target)));
        };
        let now = unix_now();
        let id = self.store.insert_destination(&c.name, &c.target, now)?;
        // The row exists first (its id names the keyring entries); if the keyring refuses, the row
        // goes again, so a failure leaves nothing half-saved.
        if let Err(e) = self.write_keys(id, key, &c.play_key) {
            let _ = self.vault.delete(KIND, &key_id(id));
            let _ = self.vault.delete(KIND, &play_key_id(id));
            if let Err(se) = self.store.delete_destination(id) {
                log::warn!("destination {id}: removing the row after a keyring failure: {se}");
            }
            return Err(e);
        }
        log::info!("destination {id} added ({:?})", c.target.kind());
        Ok(self.view(self.row(id)?))
    }

    fn write_keys(&self, id: i64, key: &Secret, play: &KeyChange) -> CoreResult<()> {
        self.vault.set(KIND, &key_id(id), key)?;
        self.write_play_key(id, play)
    }

    fn write_play_key(&self, id: i64, play: &KeyChange) -> CoreResult<()> {
        match play {
            KeyChange::Keep => {}
            KeyChange::Set(k) => self.vault.set(KIND, &play_key_id(id), k)?,
            KeyChange::Remove => self.vault.delete(KIND, &play_key_id(id))?,
        }
        Ok(())
    }

    fn update(&self, id: i64, c: Checked) -> CoreResult<DestinationView> {
        let old = self.row(id)?;
        if old.target.kind() != c.target.kind() {
            return Err(CoreError::invalid(
                "kind",
                "已保存的去向不能更改类型，请新建一个",
                "A saved destination cannot change its kind: add a new one instead",
            ));
        }
        match &c.key {
            KeyChange::Keep if !self.vault.has(KIND, &key_id(id))? => {
                return Err(check::required_key(key_field(&c.target)));
            }
            KeyChange::Set(key) => self.vault.set(KIND, &key_id(id), key)?,
            _ => {}
        }
        self.write_play_key(id, &c.play_key)?;
        if !self
            .store
            .update_destination(id, &c.name, &c.target, unix_now())?
        {
            return Err(not_found(id));
        }
        log::info!("destination {id} updated");
        Ok(self.view(self.row(id)?))
    }

    /// Removes a destination and its keyring entries (the keyring first: if it refuses, nothing is
    /// removed and the user can try again).
    pub fn delete(&self, id: i64) -> CoreResult<()> {
        self.row(id)?;
        self.vault.delete(KIND, &key_id(id))?;
        self.vault.delete(KIND, &play_key_id(id))?;
        self.store.delete_destination(id)?;
        log::info!("destination {id} removed");
        Ok(())
    }

    /// The address to push to now: Tencent URLs signed to expire at now + the validity; a custom
    /// destination's server and key as saved.
    pub fn address(&self, id: i64) -> CoreResult<DestinationAddress> {
        let row = self.row(id)?;
        let key = self
            .vault
            .get(KIND, &key_id(id))?
            .ok_or_else(|| check::required_key(key_field(&row.target)))?;
        match &row.target {
            Target::Custom { server } => Ok(address::custom(server, &key)),
            Target::Tencent(t) => {
                let play_key = match t.play_domain {
                    Some(_) => self.vault.get(KIND, &play_key_id(id))?,
                    None => None,
                };
                address::tencent(t, &key, play_key.as_ref(), unix_now())
            }
        }
    }

    /// [`Destinations::address`] with the QR code of its full push URL.
    pub fn address_view(&self, id: i64) -> CoreResult<DestinationAddressView> {
        let address = self.address(id)?;
        let qr_svg = media::qr_svg(&address.full_url)?;
        Ok(DestinationAddressView { address, qr_svg })
    }

    fn row(&self, id: i64) -> CoreResult<DestinationRow> {
        self.store.destination(id)?.ok_or_else(|| not_found(id))
    }

    /// Asks the keyring; `None` (logged) when it cannot answer.
    fn has(&self, entry: &str) -> Option<bool> {
        match self.vault.has(KIND, entry) {
            Ok(b) => Some(b),
            Err(e) => {
                log::warn!("keyring check of a destination key failed: {e}");
                None
            }
        }
    }

    fn view(&self, row: DestinationRow) -> DestinationView {
        let has_key = self.has(&key_id(row.id));
        let mut v = DestinationView {
            id: row.id,
            kind: row.target.kind(),
            name: row.name,
            server: None,
            push_domain: None,
            app_name: None,
            stream_name: None,
            play_domain: None,
            play_https: None,
            validity_secs: None,
            has_key,
            has_play_key: Some(false),
            created_at: row.created_at,
            updated_at: row.updated_at,
        };
        match row.target {
            Target::Custom { server } => v.server = Some(server),
            Target::Tencent(t) => {
                v.has_play_key = self.has(&play_key_id(row.id));
                v.push_domain = Some(t.push_domain);
                v.app_name = Some(t.app_name);
                v.stream_name = Some(t.stream_name);
                v.play_domain = t.play_domain;
                v.play_https = Some(t.play_https);
                v.validity_secs = Some(t.validity_secs);
            }
        }
        v
    }
}

fn key_field(target: &Target) -> &'static str {
    match target {
        Target::Custom { .. } => "streamKey",
        Target::Tencent(_) => "pushKey",
    }
}

fn not_found(id: i64) -> CoreError {
    CoreError::not_found(format!("destination {id}"))
}
