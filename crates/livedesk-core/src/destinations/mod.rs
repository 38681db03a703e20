//! Destinations besides WeChat rooms ("any RTMP destination"): a custom RTMP(S) server with a
//! stream key (a 视频号 push address, another platform), or a Tencent Cloud standard live (CSS)
//! stream whose push and play URLs are signed when asked for (reference, section 6).
//!
//! SQLite keeps the rest ([`crate::store`]); every secret lives in the OS keyring only, as
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

use crate::clock::unix_now;
use crate::error::{CoreError, CoreResult};
use crate::store::{DestinationRow, Target};
use crate::vault::SecretKind;
use crate::Core;

const KIND: SecretKind = SecretKind::DestinationKey;

/// The keyring id of a destination's stream key (custom) or push auth key (Tencent).
pub fn key_id(id: i64) -> String {
    id.to_string()
}

/// The keyring id of a Tencent destination's play auth key.
pub fn play_key_id(id: i64) -> String {
    format!("{id}:play")
}

/// Every destination, oldest first. A keyring that cannot be asked does not hide them: their
/// `hasKey`/`hasPlayKey` are `null`.
pub fn list(core: &Core) -> CoreResult<Vec<DestinationView>> {
    Ok(core
        .store
        .destinations()?
        .into_iter()
        .map(|row| view(core, row))
        .collect())
}

/// Adds (`id` = `None`) or replaces a destination. The form is checked first and nothing is
/// written when it fails. A new destination needs its key; an edit keeps the saved key when the
/// form's is `null`. A destination's kind cannot change.
pub fn save(core: &Core, id: Option<i64>, input: DestinationInput) -> CoreResult<DestinationView> {
    let checked = check::check(&input)?;
    match id {
        None => create(core, checked),
        Some(id) => update(core, id, checked),
    }
}

fn key_field(target: &Target) -> &'static str {
    match target {
        Target::Custom { .. } => "streamKey",
        Target::Tencent(_) => "pushKey",
    }
}

fn create(core: &Core, c: Checked) -> CoreResult<DestinationView> {
    let KeyChange::Set(key) = &c.key else {
        return Err(check::required_key(key_field(&c.target)));
    };
    let now = unix_now();
    let id = core.store.insert_destination(&c.name, &c.target, now)?;
    // The row exists first (its id names the keyring entries); if the keyring refuses, the row
    // goes again, so a failure leaves nothing half-saved.
    if let Err(e) = write_keys(core, id, key, &c.play_key) {
        let _ = core.vault.delete(KIND, &key_id(id));
        let _ = core.vault.delete(KIND, &play_key_id(id));
        if let Err(se) = core.store.delete_destination(id) {
            log::warn!("destination {id}: removing the row after a keyring failure: {se}");
        }
        return Err(e);
    }
    log::info!("destination {id} added ({:?})", c.target.kind());
    Ok(view(core, row(core, id)?))
}

fn write_keys(core: &Core, id: i64, key: &Secret, play: &KeyChange) -> CoreResult<()> {
    core.vault.set(KIND, &key_id(id), key)?;
    write_play_key(core, id, play)
}

fn write_play_key(core: &Core, id: i64, play: &KeyChange) -> CoreResult<()> {
    match play {
        KeyChange::Keep => {}
        KeyChange::Set(k) => core.vault.set(KIND, &play_key_id(id), k)?,
        KeyChange::Remove => core.vault.delete(KIND, &play_key_id(id))?,
    }
    Ok(())
}

fn update(core: &Core, id: i64, c: Checked) -> CoreResult<DestinationView> {
    let old = row(core, id)?;
    if old.target.kind() != c.target.kind() {
        return Err(CoreError::invalid(
            "kind",
            "已保存的去向不能更改类型，请新建一个",
            "A saved destination cannot change its kind: add a new one instead",
        ));
    }
    match &c.key {
        KeyChange::Keep if !core.vault.has(KIND, &key_id(id))? => {
            return Err(check::required_key(key_field(&c.target)));
        }
        KeyChange::Set(key) => core.vault.set(KIND, &key_id(id), key)?,
        _ => {}
    }
    write_play_key(core, id, &c.play_key)?;
    if !core
        .store
        .update_destination(id, &c.name, &c.target, unix_now())?
    {
        return Err(not_found(id));
    }
    log::info!("destination {id} updated");
    Ok(view(core, row(core, id)?))
}

/// Removes a destination and its keyring entries (the keyring first: if it refuses, nothing is
/// removed and the user can try again).
pub fn delete(core: &Core, id: i64) -> CoreResult<()> {
    row(core, id)?;
    core.vault.delete(KIND, &key_id(id))?;
    core.vault.delete(KIND, &play_key_id(id))?;
    core.store.delete_destination(id)?;
    log::info!("destination {id} removed");
    Ok(())
}

/// The address to push to now: Tencent URLs signed to expire at now + the validity; a custom
/// destination's server and key as saved.
pub fn address(core: &Core, id: i64) -> CoreResult<DestinationAddress> {
    let row = row(core, id)?;
    let key = core
        .vault
        .get(KIND, &key_id(id))?
        .ok_or_else(|| check::required_key(key_field(&row.target)))?;
    match &row.target {
        Target::Custom { server } => Ok(address::custom(server, &key)),
        Target::Tencent(t) => {
            let play_key = match t.play_domain {
                Some(_) => core.vault.get(KIND, &play_key_id(id))?,
                None => None,
            };
            address::tencent(t, &key, play_key.as_ref(), unix_now())
        }
    }
}

fn not_found(id: i64) -> CoreError {
    CoreError::not_found(format!("destination {id}"))
}

fn row(core: &Core, id: i64) -> CoreResult<DestinationRow> {
    core.store.destination(id)?.ok_or_else(|| not_found(id))
}

/// Asks the keyring; `None` (logged) when it cannot answer.
fn has(core: &Core, entry: &str) -> Option<bool> {
    match core.vault.has(KIND, entry) {
        Ok(b) => Some(b),
        Err(e) => {
            log::warn!("keyring check of a destination key failed: {e}");
            None
        }
    }
}

fn view(core: &Core, row: DestinationRow) -> DestinationView {
    let has_key = has(core, &key_id(row.id));
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
            v.has_play_key = has(core, &play_key_id(row.id));
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
