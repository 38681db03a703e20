//! What a third-party platform's activation call answered (reference §3.6): `POST
//! /wxa/business/applyliveinfo` with `{"action": "apply"}`, 100 a day, callable with an
//! `authorizer_access_token` only. LiveDesk's client holds the mini program's own stable token,
//! with which WeChat does not take this call, so LiveDesk does not send it: it explains what the
//! platform got back.

use serde::Serialize;
use ts_rs::TS;
use wechat_live::ErrCode;

use crate::base::locale::Locale;

/// The answer to `applyliveinfo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActivationOutcome {
    /// 0: applied. The result comes later as the `wxa_live_apply_event` event
    /// (`<ApplyLiveInfoNoitfy>` with `appid` and `open_time`).
    Applied,
    /// 2: no payment activity in the last 90 days (WeChat's data is a day behind, T+1).
    NoRecentPayment,
    /// 268489001: activation is suspended for system maintenance — today's answer to every
    /// application, new activations being frozen.
    Suspended,
    /// Any other errcode (e.g. 61007: the platform lacks permission set 52).
    Other {
        #[ts(type = "number")]
        errcode: i64,
    },
}

impl ActivationOutcome {
    /// The outcome of an answer's errcode.
    pub fn from_errcode(errcode: i64) -> Self {
        match errcode {
            0 => Self::Applied,
            2 => Self::NoRecentPayment,
            268_489_001 => Self::Suspended,
            other => Self::Other { errcode: other },
        }
    }

    /// WeChat's number.
    pub fn errcode(self) -> i64 {
        match self {
            Self::Applied => 0,
            Self::NoRecentPayment => 2,
            Self::Suspended => 268_489_001,
            Self::Other { errcode } => errcode,
        }
    }

    /// The outcomes the reference documents, in errcode order.
    pub const DOCUMENTED: [ActivationOutcome; 3] =
        [Self::Applied, Self::NoRecentPayment, Self::Suspended];

    /// What it means and what to do, in `locale`.
    pub fn message(self, locale: Locale) -> String {
        match self {
            Self::Applied => locale.pick(
                "已提交开通申请（0）。结果由 wxa_live_apply_event 事件推送给第三方平台，其中带有开通时间 open_time。",
                "The application went in (0). The result reaches the third-party platform later as \
                 the wxa_live_apply_event event, with the opening time (open_time).",
            ),
            Self::NoRecentPayment => locale.pick(
                "无法开通（2）：这个小程序近 90 天没有支付行为（数据为 T+1，当天的支付次日才算）。有支付后再申请。",
                "Not activated (2): the mini program has had no payment activity in the last 90 days \
                 (WeChat's data is a day behind: today's payments count tomorrow). Apply again once \
                 there is some.",
            ),
            Self::Suspended => locale.pick(
                "开通已暂停（268489001 系统维护）：小程序直播目前冻结新开通，微信引导新商家使用视频号直播。已开通的账号不受影响。",
                "Activation is suspended (268489001, system maintenance): 小程序直播 takes no new \
                 activations for now, and WeChat points new merchants to Channels (视频号) live. \
                 Accounts already activated keep working.",
            ),
            Self::Other { errcode } => {
                let code = ErrCode::from_code(errcode);
                let (zh, en) = match code {
                    ErrCode::Unknown(_) => ("未列出的错误码".to_owned(), "an unlisted errcode".to_owned()),
                    c => (c.message_zh().to_owned(), c.message_en().to_owned()),
                };
                locale.pick(
                    format!("开通申请失败：微信返回 {errcode}（{zh}）。"),
                    format!("The application failed: WeChat answered {errcode} ({en})."),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_codes_round_trip_and_explain_themselves() {
        for o in ActivationOutcome::DOCUMENTED {
            assert_eq!(ActivationOutcome::from_errcode(o.errcode()), o);
        }
        assert_eq!(
            ActivationOutcome::from_errcode(268_489_001),
            ActivationOutcome::Suspended
        );
        assert!(ActivationOutcome::NoRecentPayment
            .message(Locale::ZhCn)
            .contains("90 天"));
        assert!(ActivationOutcome::Suspended
            .message(Locale::En)
            .contains("Channels"));
        let other = ActivationOutcome::from_errcode(61007);
        assert_eq!(other, ActivationOutcome::Other { errcode: 61007 });
        assert!(other.message(Locale::En).contains("61007"));
        assert_eq!(
            serde_json::to_value(ActivationOutcome::NoRecentPayment).unwrap(),
            serde_json::json!({"kind": "no_recent_payment"})
        );
    }
}
