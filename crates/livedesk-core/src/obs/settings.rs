//! Where OBS is: host and port in the settings table, the password in the OS keyring.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use wechat_live::Secret;

use super::Obs;
use crate::base::error::{CoreError, CoreResult};
use crate::infra::vault::SecretKind;

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

impl Obs {
    /// The saved settings (obs-websocket's defaults until changed).
    pub fn load_settings(&self) -> CoreResult<ObsSettings> {
        let host = self
            .store
            .setting(HOST)?
            .unwrap_or_else(|| DEFAULT_HOST.into());
        let port = self
            .store
            .setting(PORT)?
            .and_then(|p| p.parse().ok())
            .unwrap_or(DEFAULT_PORT);
        Ok(ObsSettings {
            host,
            port,
            has_password: self.vault.has(SecretKind::ObsPassword, PASSWORD_ID)?,
        })
    }

    /// The password, for connecting. Never leaves the self.
    pub(super) fn password(&self) -> CoreResult<Option<Secret>> {
        Ok(self.vault.get(SecretKind::ObsPassword, PASSWORD_ID)?)
    }

    /// Checks and saves the settings, then reconnects with them.
    pub async fn save_settings(&self, input: ObsSettingsInput) -> CoreResult<ObsSettings> {
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
                self.vault.set(SecretKind::ObsPassword, PASSWORD_ID, p)?
            }
            (_, true) => self.vault.delete(SecretKind::ObsPassword, PASSWORD_ID)?,
            _ => {}
        }
        self.store.set_setting(HOST, host)?;
        self.store.set_setting(PORT, &input.port.to_string())?;
        self.set_link(super::ObsLink::Connecting {
            address: format!("{host}:{}", input.port),
        });
        self.reconnect().await;
        self.load_settings()
    }
}
