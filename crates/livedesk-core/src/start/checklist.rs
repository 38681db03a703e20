//! The access requirements of 小程序直播 and what the mini program needs before a room can be
//! watched, as data: each item in both languages with the official page it comes from. Facts from
//! `shared/reference/wechat-live-api.md` ("Access requirements", §3.6, §7) and the project brief.

use serde::Serialize;
use ts_rs::TS;

use crate::base::locale::Locale;

/// 准入要求, the official authority on who may activate 小程序直播.
pub const ACCESS_REQUIREMENT_URL: &str =
    "https://developers.weixin.qq.com/miniprogram/product/live/access-requirement.html";
/// The `<live-player>` component: only some categories may use it.
pub const LIVE_PLAYER_URL: &str =
    "https://developers.weixin.qq.com/miniprogram/dev/component/live-player.html";
/// The live component (plugin) for mini programs.
pub const PLUGIN_URL: &str = "https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/live-player-plugin.html";
/// Activation by a third-party platform (`applyliveinfo`).
pub const APPLY_URL: &str = "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Business/live_player/applyliveinfo.html";

/// Which part of getting started an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RequirementGroup {
    /// Who may activate 小程序直播 (准入要求).
    Eligibility,
    /// The state of the product today.
    Product,
    /// What LiveDesk's own check ([`super::verdict()`]) finds out.
    Account,
    /// What the mini program itself must carry.
    MiniProgram,
}

/// One item of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Requirement {
    /// Stable id (`non_individual`, `live_player_category`, …).
    pub id: String,
    pub group: RequirementGroup,
    /// In Chinese.
    pub zh: String,
    /// In English.
    pub en: String,
    /// The official page it comes from.
    pub url: Option<String>,
    /// True when the reference has it from a secondary source (merchants' guides) rather than the
    /// official page: the official page is the authority.
    pub secondary: bool,
    /// True when [`super::verdict()`] checks it for an account.
    pub checked_by_livedesk: bool,
}

impl Requirement {
    /// The item's text in `locale`.
    pub fn text(&self, locale: Locale) -> String {
        locale.pick(self.zh.clone(), self.en.clone())
    }
}

struct Row {
    id: &'static str,
    group: RequirementGroup,
    zh: &'static str,
    en: &'static str,
    url: Option<&'static str>,
    secondary: bool,
    checked: bool,
}

use RequirementGroup::{Account, Eligibility, MiniProgram, Product};

const ROWS: &[Row] = &[
    Row {
        id: "non_individual",
        group: Eligibility,
        zh: "小程序的主体不是个人。",
        en: "The mini program belongs to a non-individual entity (not a personal account).",
        url: Some(ACCESS_REQUIREMENT_URL),
        secondary: true,
        checked: false,
    },
    Row {
        id: "live_category",
        group: Eligibility,
        zh: "小程序的类目允许直播带货。",
        en: "The mini program's category allows live selling.",
        url: Some(ACCESS_REQUIREMENT_URL),
        secondary: true,
        checked: false,
    },
    Row {
        id: "payment_90_days",
        group: Eligibility,
        zh: "近 90 天内有支付行为（第三方平台代开通时，没有则返回 2）。",
        en: "Payment activity in the last 90 days (without it, a third-party platform's activation \
             answers 2).",
        url: Some(ACCESS_REQUIREMENT_URL),
        secondary: true,
        checked: false,
    },
    Row {
        id: "audience",
        group: Eligibility,
        zh: "满足其一：账号关注者至少 100 人；或 7 天日活用户至少 100 人；或广告投放至少 1 万元。",
        en: "One of: at least 100 followers of the account; at least 100 daily active users over \
             7 days; or at least ¥10,000 of ad spend.",
        url: Some(ACCESS_REQUIREMENT_URL),
        secondary: true,
        checked: false,
    },
    Row {
        id: "activation_frozen",
        group: Product,
        zh: "新开通已冻结：第三方平台调用开通接口返回 268489001（系统维护），微信引导新商家使用视频号直播。\
             已开通的账号保留全部接口。",
        en: "New activations are frozen: a third-party platform's activation call answers 268489001 \
             (system maintenance), and WeChat points new merchants to Channels (视频号) live. \
             Accounts already activated keep every API.",
        url: Some(APPLY_URL),
        secondary: false,
        checked: false,
    },
    Row {
        id: "live_activated",
        group: Account,
        zh: "这个小程序已开通小程序直播（直播接口不返回 48001）。",
        en: "小程序直播 is activated for this mini program (the live API does not answer 48001).",
        url: Some(ACCESS_REQUIREMENT_URL),
        secondary: false,
        checked: true,
    },
    Row {
        id: "api_ip_whitelist",
        group: Account,
        zh: "如果小程序设置了接口 IP 白名单，运行 LiveDesk 的电脑的公网 IP 要在其中（否则返回 40164）；\
             换网络的笔记本电脑需要把每个网络的地址都加进去。",
        en: "If the mini program has an API IP whitelist, the public IP of the computer running \
             LiveDesk must be on it (else 40164); a laptop that changes networks needs each \
             network's address listed.",
        url: None,
        secondary: false,
        checked: true,
    },
    Row {
        id: "plugin_declared",
        group: MiniProgram,
        zh: "在 app.json（或分包）的 plugins 中声明直播组件 live-player-plugin，provider 填组件的 AppID \
             wx2b03c6e691cd7370（不是自己的 AppID），并发布一次：否则直播间二维码打开“页面不存在”。",
        en: "app.json (or a subpackage) declares the live component live-player-plugin under \
             plugins, with provider set to the component's AppID wx2b03c6e691cd7370 (not your own), \
             and the mini program has been released once since: until then room QR codes open \
             \"page not found\".",
        url: Some(PLUGIN_URL),
        secondary: false,
        checked: false,
    },
    Row {
        id: "wechat_version",
        group: MiniProgram,
        zh: "观众需要微信 7.0.7 及以上（同层渲染需要基础库 2.9.x）；更旧的客户端只能观看。",
        en: "Viewers need WeChat 7.0.7 or later (base library 2.9.x for same-layer rendering); \
             older clients can only watch.",
        url: Some(PLUGIN_URL),
        secondary: false,
        checked: false,
    },
    Row {
        id: "live_player_category",
        group: MiniProgram,
        zh: "<live-player> 组件（例如播放腾讯云标准直播）仅限部分类目使用。",
        en: "The <live-player> component (used e.g. to play Tencent Cloud standard live) is open \
             to some categories only.",
        url: Some(LIVE_PLAYER_URL),
        secondary: false,
        checked: false,
    },
];

/// Every item, in the order a person goes through them.
pub fn checklist() -> Vec<Requirement> {
    ROWS.iter()
        .map(|r| Requirement {
            id: r.id.to_owned(),
            group: r.group,
            zh: r.zh.to_owned(),
            en: r.en.to_owned(),
            url: r.url.map(str::to_owned),
            secondary: r.secondary,
            checked_by_livedesk: r.checked,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_item_has_both_languages() {
        let list = checklist();
        let mut ids: Vec<&str> = list.iter().map(|r| r.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), list.len());
        for r in &list {
            assert!(!r.zh.is_empty() && !r.en.is_empty(), "{}", r.id);
            assert!(r.url.as_deref().is_none_or(|u| u.starts_with("https://")));
        }
    }

    #[test]
    fn the_live_player_restriction_points_at_its_page() {
        let list = checklist();
        let r = list
            .iter()
            .find(|r| r.id == "live_player_category")
            .unwrap();
        assert_eq!(r.url.as_deref(), Some(LIVE_PLAYER_URL));
        assert!(r.text(Locale::ZhCn).contains("部分类目"));
        assert!(list
            .iter()
            .any(|r| r.id == "live_activated" && r.checked_by_livedesk));
    }
}
