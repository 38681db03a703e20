//! What can go wrong between LiveDesk and OBS, each told apart so the user knows what to do.

use serde::Serialize;
use ts_rs::TS;

use crate::base::error::{CoreError, ErrorCode, ErrorDetail, Problem};
use crate::base::locale::Locale;

/// Why OBS is not connected, or why it refused. Never carries the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ObsProblem {
    /// Nothing listens at the address: OBS is not running, or its WebSocket server is off.
    #[error("OBS is not running at {address}")]
    NotRunning { address: String },
    /// The address could not be reached (a wrong host, a firewall, a timeout).
    #[error("OBS at {address} cannot be reached: {cause}")]
    Unreachable { address: String, cause: String },
    /// Something answers that is not obs-websocket 5 (another program, or OBS older than 28).
    #[error("{address} is not obs-websocket 5")]
    NotObsWebsocket { address: String },
    /// OBS closed the connection with 4009: the password is wrong.
    #[error("OBS refused the password (4009)")]
    WrongPassword,
    /// OBS asks for a password and none is saved.
    #[error("OBS asks for a password and none is saved")]
    PasswordNeeded,
    /// OBS older than 28, or obs-websocket older than 5.
    #[error("OBS {obs_version} (obs-websocket {websocket_version}) is too old")]
    TooOld {
        obs_version: String,
        websocket_version: String,
    },
    /// The OBS password could not be read from the OS keyring: it is locked (or a prompt was
    /// dismissed), or there is no keyring service. `cause` is the keyring's own words.
    #[error("the keyring ({cause})")]
    Keyring { locked: bool, cause: String },
    /// A connection that worked stopped answering.
    #[error("the connection to OBS was lost")]
    Lost,
    /// An action that needs OBS while it is not connected.
    #[error("OBS is not connected")]
    NotConnected,
    /// Stream settings cannot change while OBS is streaming.
    #[error("OBS is streaming")]
    Streaming,
    /// OBS answered a request with an error status.
    #[error("OBS refused ({code}): {message}")]
    Refused { code: u16, message: String },
    /// The settings read back from OBS are not the ones sent.
    #[error("OBS kept other stream settings than those sent")]
    NotApplied,
}

impl ObsProblem {
    /// The problem in the user's language, with what to do.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            ObsProblem::NotRunning { address } => locale.pick(
                format!("OBS 未运行（{address} 无人应答）。请启动 OBS，并在“工具 → WebSocket 服务器设置”中启用服务器；LiveDesk 会自动连接。"),
                format!("OBS is not running (nothing answers at {address}). Start OBS and enable its server in Tools → WebSocket Server Settings; LiveDesk connects by itself."),
            ),
            ObsProblem::Unreachable { address, cause } => locale.pick(
                format!("无法连接 {address} 的 OBS：{cause}。请检查主机和端口。"),
                format!("OBS at {address} cannot be reached: {cause}. Check the host and port."),
            ),
            ObsProblem::NotObsWebsocket { address } => locale.pick(
                format!("{address} 上的程序不是 obs-websocket 5。LiveDesk 需要 OBS 28 或更新版本（自带 WebSocket 服务器），请检查端口。"),
                format!("What answers at {address} is not obs-websocket 5. LiveDesk needs OBS 28 or newer (its WebSocket server is built in); check the port."),
            ),
            ObsProblem::WrongPassword => locale.pick(
                "OBS 拒绝了密码（4009）。请在 OBS 的“工具 → WebSocket 服务器设置 → 显示连接信息”中查看密码，并重新填写。",
                "OBS refused the password (4009). See it in OBS under Tools → WebSocket Server Settings → Show Connect Info, and enter it again.",
            ),
            ObsProblem::PasswordNeeded => locale.pick(
                "OBS 要求密码，但尚未保存。请填写 OBS WebSocket 服务器的密码。",
                "OBS asks for a password and none is saved. Enter the OBS WebSocket server's password.",
            ),
            ObsProblem::TooOld { obs_version, websocket_version } => locale.pick(
                format!("OBS {obs_version}（obs-websocket {websocket_version}）版本过旧。请升级到 OBS 28 或更新版本。"),
                format!("OBS {obs_version} (obs-websocket {websocket_version}) is too old. Update to OBS 28 or newer."),
            ),
            ObsProblem::Keyring { locked: true, .. } => locale.pick(
                "系统钥匙串已锁定，读不到 OBS 密码。请解锁登录钥匙串，然后点“重新连接”。",
                "The system keyring is locked, so the OBS password cannot be read. Unlock your login keyring, then press Reconnect.",
            ),
            ObsProblem::Keyring { locked: false, .. } => locale.pick(
                "连不上系统钥匙串（Secret Service），读不到 OBS 密码。请在桌面会话中启动钥匙串服务（GNOME 钥匙串或 KWallet），然后点“重新连接”。",
                "The system keyring (Secret Service) is not reachable, so the OBS password cannot be read. Start a keyring service in your desktop session (GNOME Keyring or KWallet), then press Reconnect.",
            ),
            ObsProblem::Lost => locale.pick(
                "与 OBS 的连接已断开，正在重连。",
                "The connection to OBS was lost; reconnecting.",
            ),
            ObsProblem::NotConnected => locale.pick(
                "OBS 未连接。请启动 OBS 或检查 OBS 设置。",
                "OBS is not connected. Start OBS or check the OBS settings.",
            ),
            ObsProblem::Streaming => locale.pick(
                "OBS 正在推流，推流设置不能更改。请先停止推流。",
                "OBS is streaming: its stream settings cannot change. Stop streaming first.",
            ),
            ObsProblem::Refused { code, message } => locale.pick(
                format!("OBS 拒绝了请求（{code}）：{message}"),
                format!("OBS refused the request ({code}): {message}"),
            ),
            ObsProblem::NotApplied => locale.pick(
                "OBS 读回的推流设置与发送的不一致，请在 OBS 中检查“设置 → 直播”。",
                "The stream settings read back from OBS differ from those sent; check Settings → Stream in OBS.",
            ),
        }
    }
}

impl Problem for ObsProblem {
    fn code(&self) -> ErrorCode {
        ErrorCode::Obs
    }
    fn message(&self, locale: Locale) -> String {
        ObsProblem::message(self, locale)
    }
    /// The problem's kind (`not_connected`, `wrong_password`, …), as the window branches on it.
    fn detail(&self) -> Option<ErrorDetail> {
        Some(ErrorDetail {
            cause: serde_json::to_value(self)
                .ok()
                .and_then(|v| v.get("kind")?.as_str().map(str::to_owned)),
            ..Default::default()
        })
    }
}

impl From<ObsProblem> for CoreError {
    fn from(p: ObsProblem) -> Self {
        CoreError::area(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_problem_says_what_to_do_in_both_languages() {
        let p = ObsProblem::WrongPassword;
        assert!(p.message(Locale::En).contains("4009"));
        assert!(p.message(Locale::ZhCn).contains("密码"));
        let p = ObsProblem::NotRunning {
            address: "127.0.0.1:4455".into(),
        };
        assert!(p.message(Locale::En).contains("Start OBS"));
        assert_eq!(
            serde_json::to_value(&p).unwrap()["kind"],
            serde_json::json!("not_running")
        );
    }

    #[test]
    fn a_keyring_problem_is_worded_wholly_in_the_language_asked() {
        let locked = ObsProblem::Keyring {
            locked: true,
            cause: "Prompt dismissed".into(),
        };
        let zh = locked.message(Locale::ZhCn);
        assert!(zh.contains("解锁"), "{zh}");
        assert!(
            !zh.contains("Prompt"),
            "the keyring's English stays out: {zh}"
        );
        let missing = ObsProblem::Keyring {
            locked: false,
            cause: "no bus".into(),
        };
        assert!(missing
            .message(Locale::En)
            .contains("Start a keyring service"));
        assert!(!missing.message(Locale::ZhCn).contains("no bus"));
    }
}
