//! Where OBS is: host and port in the settings table, the password in the OS keyring.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use wechat_live::Secret;

use crate::vault::SecretKind;
use crate::{Core, CoreError, CoreResult};

const HOST: &str = "obs.host";
const PORT: &str = "obs.port";
/// The keyring entry of OBS's password (one OBS per machine).
const PASSWORD_ID: &str = "default";
/// obs-websocket 5's defaults.
const DEFAULT_HOST: &str = "127.0.0.1";
const DEFAULT_PORT: u16 = 4455;

/// The OBS settings as the window shows them (never the password itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObsSettings {
    pub host: String,
    pub port: u16,
    pub has_password: bool,
}

/// The OBS settings form. The password is wrapped as it is read.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObsSettingsInput {
    pub host: String,
    pub port: u16,
    /// A new password; `null` keeps the saved one.
    #[ts(type = "string | null")]
    pub password: Option<Secret>,
    /// Forget the saved password (OBS without authentication).
    #[serde(default)]
    pub clear_password: bool,
}

/// The saved settings (obs-websocket's defaults until changed).
pub fn load_settings(core: &Core) -> CoreResult<ObsSettings> {
    let host = core
        .store
        .setting(HOST)?
        .unwrap_or_else(|| DEFAULT_HOST.into());
    let port = core
        .store
        .setting(PORT)?
        .and_then(|p| p.parse().ok())
        .unwrap_or(DEFAULT_PORT);
    Ok(ObsSettings {
        host,
        port,
        has_password: core.vault.has(SecretKind::ObsPassword, PASSWORD_ID)?,
    })
}

/// The password, for connecting. Never leaves the core.
pub(super) fn password(core: &Core) -> CoreResult<Option<Secret>> {
    Ok(core.vault.get(SecretKind::ObsPassword, PASSWORD_ID)?)
}

/// Checks and saves the settings, then reconnects with them.
pub async fn save_settings(core: &Core, input: ObsSettingsInput) -> CoreResult<ObsSettings> {
    let host = input.host.trim();
    if host.is_empty() || host.contains(char::is_whitespace) || host.contains('/') {
        return Err(CoreError::invalid(
            "host",
            "请填写 OBS 所在电脑的主机名或 IP，例如 127.0.0.1",
            "Enter the host name or IP of the computer running OBS, e.g. 127.0.0.1",
        ));
    }
    if input.port == 0 {
        return Err(CoreError::invalid(
            "port",
            "端口应在 1–65535 之间，OBS 默认为 4455",
            "The port is 1–65535; OBS's default is 4455",
        ));
    }
    match (&input.password, input.clear_password) {
        (Some(p), _) if !p.expose().is_empty() => {
            core.vault.set(SecretKind::ObsPassword, PASSWORD_ID, p)?
        }
        (_, true) => core.vault.delete(SecretKind::ObsPassword, PASSWORD_ID)?,
        _ => {}
    }
    core.store.set_setting(HOST, host)?;
    core.store.set_setting(PORT, &input.port.to_string())?;
    core.obs.set_link(
        core,
        super::ObsLink::Connecting {
            address: format!("{host}:{}", input.port),
        },
    );
    core.obs.reconnect().await;
    load_settings(core)
}
