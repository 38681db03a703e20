//! "Is this account ready to go live?" — what LiveDesk can tell by itself: a token through the
//! account's own client (stable_token, normal mode: the merchant's backend is not disturbed), then
//! one `getliveinfo` page. Nothing is written.

use serde::Serialize;
use ts_rs::TS;
use wechat_live::{ErrCode, Error as WxError};

use crate::base::error::{CoreError, CoreResult, ErrorCode};
use crate::base::locale::Locale;
use crate::domain::accounts::ip;
use crate::infra::clients::Clients;

/// What the check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Verdict {
    /// The token works and `getliveinfo` answered: 小程序直播 is activated and LiveDesk can use it.
    Ready {
        /// Rooms the account has (`total` of getliveinfo).
        #[ts(type = "number")]
        rooms: i64,
    },
    /// 48001 from `getliveinfo`: the live API is not authorised for this mini program — 小程序直播
    /// is not activated for it (or this AppID is not the one that has it).
    NotActivated {
        /// WeChat's request id, for a support ticket.
        rid: Option<String>,
    },
    /// 40164 (61004 for third-party and other account types): WeChat refused the caller's IP.
    IpNotWhitelisted {
        /// 40164 or 61004.
        #[ts(type = "number")]
        errcode: i64,
        /// The public address WeChat saw, read from its errmsg (`null` if it named none).
        ip: Option<String>,
        /// WeChat's errmsg as it came (without the rid).
        errmsg: String,
    },
    /// LiveDesk cannot tell whether live is activated, and why.
    CannotTell { cause: Cause },
}

/// Why the check could not tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cause {
    /// No AppSecret is stored for the account.
    NoSecret,
    /// The keyring could not give the AppSecret (not running, locked).
    Keyring { detail: String },
    /// WeChat refused the AppID or AppSecret (40001, 40125, 40013, 40243, 41002, 41004): without a
    /// token the live API cannot be asked.
    Credentials {
        #[ts(type = "number")]
        errcode: i64,
    },
    /// Another WeChat error (busy, a quota used up…).
    Wechat {
        #[ts(type = "number")]
        errcode: i64,
        errmsg: String,
    },
    /// No answer: the network failed, WeChat did not answer in time, or something other than
    /// WeChat answered (a gateway error page, a captive portal).
    Network { detail: String },
}

/// Checks whether `account_id` (the sandbox or a stored account) can go live. Only an unknown
/// account or an unusable configuration is an error; everything WeChat or the network says is a
/// [`Verdict`].
pub async fn verdict(clients: &Clients, account_id: &str) -> CoreResult<Verdict> {
    let client = match clients.get(account_id) {
        Ok(c) => c,
        Err(CoreError::Invalid { field, .. }) if field == "secret" => {
            return Ok(Verdict::CannotTell {
                cause: Cause::NoSecret,
            })
        }
        Err(e)
            if matches!(
                e.code(),
                ErrorCode::KeyringUnavailable | ErrorCode::KeyringLocked
            ) =>
        {
            return Ok(Verdict::CannotTell {
                cause: Cause::Keyring {
                    detail: e.detail().and_then(|d| d.cause).unwrap_or_default(),
                },
            })
        }
        Err(e) => return Err(e),
    };
    if let Err(e) = client.verify_credentials().await {
        return from_error(e);
    }
    match client.rooms().list_page(0, 1).await {
        Ok(page) => Ok(Verdict::Ready { rooms: page.total }),
        Err(e) => from_error(e),
    }
}

/// The verdict a WeChat or network error gives.
pub fn from_error(e: WxError) -> CoreResult<Verdict> {
    let v = match e {
        WxError::Api {
            code, errmsg, rid, ..
        } => match code {
            ErrCode::ApiUnauthorized => Verdict::NotActivated { rid },
            ErrCode::IpNotWhitelisted | ErrCode::ClientIpNotRegistered => {
                Verdict::IpNotWhitelisted {
                    errcode: code.code(),
                    ip: ip::from_errmsg(&errmsg).map(|a| a.to_string()),
                    errmsg,
                }
            }
            ErrCode::WrongSecret
            | ErrCode::InvalidAppSecret
            | ErrCode::InvalidAppId
            | ErrCode::AppSecretFrozen
            | ErrCode::AppIdMissing
            | ErrCode::SecretMissing => Verdict::CannotTell {
                cause: Cause::Credentials {
                    errcode: code.code(),
                },
            },
            other => Verdict::CannotTell {
                cause: Cause::Wechat {
                    errcode: other.code(),
                    errmsg,
                },
            },
        },
        e @ (WxError::Http { .. }
        | WxError::Timeout { .. }
        | WxError::Network { .. }
        | WxError::Decode { .. }) => Verdict::CannotTell {
            cause: Cause::Network {
                detail: e.to_string(),
            },
        },
        // A broken rule or configuration is LiveDesk's, not the account's.
        other => return Err(other.into()),
    };
    Ok(v)
}

impl Verdict {
    /// A short headline.
    pub fn title(&self, locale: Locale) -> String {
        match self {
            Verdict::Ready { .. } => locale.pick("已开通，可以直播", "Activated and ready"),
            Verdict::NotActivated { .. } => {
                locale.pick("未开通小程序直播", "Live is not activated")
            }
            Verdict::IpNotWhitelisted { .. } => locale.pick(
                "本机的公网 IP 不在白名单中",
                "This computer's public IP is not whitelisted",
            ),
            Verdict::CannotTell { .. } => locale.pick("无法判断", "Cannot tell"),
        }
    }

    /// What was found and what to do, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Verdict::Ready { rooms } => locale.pick(
                format!("AppID 与 AppSecret 可用，直播接口已应答（共 {rooms} 个直播间）。可以创建直播间并开播。"),
                format!(
                    "The AppID and AppSecret work and the live API answered ({rooms} rooms). \
                     You can create rooms and go live."
                ),
            ),
            Verdict::NotActivated { .. } => locale.pick(
                "微信拒绝了直播接口（48001 接口未授权）：这个小程序没有开通小程序直播，或填写的不是开通了直播的那个小程序的 AppID。\
                 请先核对 AppID。新开通目前已冻结（开通接口返回 268489001 系统维护），微信引导商家改用视频号直播；\
                 已开通的账号不受影响。也可以改用视频号直播或腾讯云标准直播，LiveDesk 可以向自定义 RTMP 地址推流。",
                "WeChat refused the live API (48001, API unauthorized): 小程序直播 (Mini Program live) is not \
                 activated for this mini program, or this AppID is not the one that has it. Check the AppID \
                 first. New activations are frozen for now (the activation call answers 268489001, system \
                 maintenance) and WeChat points merchants to Channels (视频号) live; accounts already \
                 activated keep working. Channels live or Tencent Cloud standard live are the other ways: \
                 LiveDesk can push to a custom RTMP destination.",
            ),
            Verdict::IpNotWhitelisted { errcode, ip, .. } => {
                ip::refusal_message(locale, *errcode, ip.as_deref())
            }
            Verdict::CannotTell { cause } => cause.message(locale),
        }
    }
}

impl Cause {
    /// Why the check could not tell, and what to do, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Cause::NoSecret => locale.pick(
                "无法判断：此账号还没有保存 AppSecret。请在“账号”中填写后重试。",
                "Cannot tell: this account has no AppSecret yet. Set it under Accounts, then try again.",
            ),
            Cause::Keyring { .. } => locale.pick(
                "无法判断：系统钥匙串没有给出 AppSecret（未运行或已锁定）。请解锁或启动钥匙串后重试。",
                "Cannot tell: the system keyring did not give the AppSecret (not running or locked). \
                 Unlock or start it, then try again.",
            ),
            Cause::Credentials { errcode } => {
                let code = ErrCode::from_code(*errcode);
                locale.pick(
                    format!(
                        "无法判断：微信拒绝了 AppID 或 AppSecret（{}，{errcode}），拿不到 access_token 就无法询问直播接口。\
                         请核对 AppID，并在“账号”中重新填写 AppSecret 后重试。",
                        code.message_zh()
                    ),
                    format!(
                        "Cannot tell: WeChat refused the AppID or AppSecret ({}, {errcode}); without an \
                         access token the live API cannot be asked. Check the AppID and set the \
                         AppSecret again under Accounts, then try again.",
                        code.message_en()
                    ),
                )
            }
            Cause::Wechat { errcode, errmsg } => {
                let code = ErrCode::from_code(*errcode);
                let (zh, en) = match code {
                    ErrCode::Unknown(_) => (errmsg.clone(), errmsg.clone()),
                    c => (c.message_zh().to_owned(), c.message_en().to_owned()),
                };
                locale.pick(
                    format!("无法判断：微信返回了 {errcode}（{zh}）。请稍后重试。"),
                    format!("Cannot tell: WeChat answered {errcode} ({en}). Try again later."),
                )
            }
            Cause::Network { detail } => locale.pick(
                format!("无法判断：没有收到微信的答复，请检查网络后重试。（{detail}）"),
                format!(
                    "Cannot tell: no answer came from WeChat. Check the network, then try again. ({detail})"
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(code: i64, errmsg: &str) -> WxError {
        WxError::Api {
            code: ErrCode::from_code(code),
            errmsg: errmsg.to_owned(),
            rid: Some("0a-0b-0c".into()),
            extra: None,
        }
    }

    #[test]
    fn each_errcode_gives_its_verdict() {
        assert_eq!(
            from_error(api(48001, "api unauthorized")).unwrap(),
            Verdict::NotActivated {
                rid: Some("0a-0b-0c".into())
            }
        );
        let v = from_error(api(
            40164,
            "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist",
        ))
        .unwrap();
        assert!(
            matches!(&v, Verdict::IpNotWhitelisted { errcode: 40164, ip: Some(ip), .. } if ip == "203.0.113.7"),
            "{v:?}"
        );
        for code in [40001, 40125, 40013, 40243] {
            assert_eq!(
                from_error(api(code, "x")).unwrap(),
                Verdict::CannotTell {
                    cause: Cause::Credentials { errcode: code }
                }
            );
        }
        assert!(matches!(
            from_error(api(-1, "system error")).unwrap(),
            Verdict::CannotTell {
                cause: Cause::Wechat { errcode: -1, .. }
            }
        ));
        assert!(matches!(
            from_error(WxError::Timeout { sent: true }).unwrap(),
            Verdict::CannotTell {
                cause: Cause::Network { .. }
            }
        ));
        assert!(from_error(WxError::Config("x")).is_err());
    }

    #[test]
    fn the_ip_message_says_where_and_warns_about_changing_networks() {
        let v = Verdict::IpNotWhitelisted {
            errcode: 40164,
            ip: Some("203.0.113.7".into()),
            errmsg: String::new(),
        };
        let zh = v.message(Locale::ZhCn);
        assert!(
            zh.contains("203.0.113.7") && zh.contains("IP 白名单") && zh.contains("换网络"),
            "{zh}"
        );
        let en = v.message(Locale::En);
        assert!(
            en.contains("203.0.113.7")
                && en.contains("mp.weixin.qq.com")
                && en.contains("every network"),
            "{en}"
        );
    }

    #[test]
    fn verdicts_serialize_tagged() {
        let j = serde_json::to_value(Verdict::CannotTell {
            cause: Cause::Credentials { errcode: 40001 },
        })
        .unwrap();
        assert_eq!(
            j,
            serde_json::json!({"kind": "cannot_tell", "cause": {"kind": "credentials", "errcode": 40001}})
        );
    }
}
