//! The words around each snippet: what it is, its title naming the room, and what to know before
//! pasting it (reference §6 and §7), in the user's language.

use super::snippets::{Snippet, SnippetKind};
use crate::base::locale::Locale;

impl SnippetKind {
    /// What the snippet is, in `locale`.
    pub fn label(self, locale: Locale) -> String {
        let (zh, en) = match self {
            Self::AppJson => (
                "声明直播组件（app.json）",
                "Declare the live component (app.json)",
            ),
            Self::Navigate => (
                "进入直播间（wx.navigateTo）",
                "Open the room (wx.navigateTo)",
            ),
            Self::SubscribeJson => (
                "引用订阅组件（页面 json）",
                "Use the subscribe component (page json)",
            ),
            Self::SubscribeWxml => ("订阅按钮（页面 WXML）", "Subscribe button (page WXML)"),
            Self::LiveStatus => ("直播状态（getLiveStatus）", "Live status (getLiveStatus)"),
            Self::LivePlayer => (
                "腾讯云标准直播播放（<live-player>）",
                "Tencent Cloud standard live (<live-player>)",
            ),
        };
        locale.pick(zh, en)
    }

    /// What to know before pasting it, in `locale`.
    pub fn note(self, locale: Locale) -> String {
        match self {
            Self::AppJson => locale.pick(
                "version 填直播组件的最新版本号：微信开发者工具调试时可以看到（已见过 1.0.x 到 1.3.5）；\
                 getOpenid、getShareParams 和商品页参数需要 1.3.0 及以上。provider 必须是直播组件的 AppID \
                 wx2b03c6e691cd7370，不是自己小程序的 AppID（填错会提示“插件版本不存在”）。在分包中使用时，\
                 把同样的对象放进 subpackages[i].plugins。组件代码不计入包大小。添加后要发布一次，\
                 否则直播间二维码会打开“页面不存在”。",
                "version is the live component's latest version: WeChat DevTools shows it while \
                 debugging (versions from 1.0.x to 1.3.5 have been seen); getOpenid, getShareParams \
                 and the goods page's parameters need 1.3.0 or later. provider must be the live \
                 component's AppID wx2b03c6e691cd7370, not your mini program's (the wrong one gives \
                 \"plugin version does not exist\"). In a subpackage, put the same object under \
                 subpackages[i].plugins. The component's code does not count toward package size. \
                 Release the mini program once after adding it, or room QR codes open \"page not found\".",
            ),
            Self::Navigate => locale.pick(
                "用 wx.navigateTo 或 <navigator> 进入直播间，只能跳转到 live-player-plugin 页面。room_id 必填；\
                 custom_params 是 encodeURIComponent(JSON.stringify(对象))，最多 600 个字符（超出会被截断，\
                 LiveDesk 直接拒绝），之后可以从 getShareParams 和商品详情页读到。自己生成直播间小程序码时加 type=9；\
                 加 close_picture_in_picture_mode=1 可关闭小窗。",
                "Open the room with wx.navigateTo or a <navigator>; only the live-player-plugin page \
                 can be opened. room_id is required; custom_params is \
                 encodeURIComponent(JSON.stringify(object)), at most 600 characters (WeChat truncates \
                 the rest, so LiveDesk refuses it), read back later through getShareParams and on the \
                 goods page. Add type=9 when you make your own mini program code for the room; \
                 close_picture_in_picture_mode=1 turns the floating window off.",
            ),
            Self::SubscribeJson => locale.pick(
                "放在要显示订阅按钮的页面的 json 中。",
                "Goes in the json of the page that shows the subscribe button.",
            ),
            Self::SubscribeWxml => locale.pick(
                "订阅按钮只在开播前显示；是一次性订阅，开播提醒由平台自动发送。可选属性：width（120）、height（41）、\
                 font-size（17）、color（#FFFFFF）、background-color（#6467F0）；custom-params 同样最多 600 个字符，\
                 在 App.onShow 的 options 中返回；订阅事件为 bindsubscribe。",
                "The button shows only before the live starts; the subscription is one-off and the \
                 platform sends the start reminder itself. Optional attributes: width (120), height \
                 (41), font-size (17), color (#FFFFFF), background-color (#6467F0); custom-params is \
                 also at most 600 characters and comes back in App.onShow's options; the event is \
                 bindsubscribe.",
            ),
            Self::LiveStatus => locale.pick(
                "getLiveStatus 返回 liveStatus：101 直播中、102 未开始、103 已结束、104 禁播、105 暂停、106 异常、\
                 107 已过期。第一次可以立即调用，之后轮询间隔不少于 60 秒，过于频繁会卡住。",
                "getLiveStatus resolves with liveStatus: 101 live, 102 not started, 103 ended, 104 \
                 banned, 105 paused, 106 abnormal, 107 expired. Call it once at once, then poll no \
                 faster than every 60 seconds: faster calls stall.",
            ),
            Self::LivePlayer => locale.pick(
                "这是腾讯云标准直播的播放标签，不是小程序直播组件：src 是腾讯云的播放地址（FLV、HLS、RTMP 或 WebRTC，\
                 用 txSecret 和 txTime 签名）。<live-player> 仅限部分类目使用。",
                "This plays Tencent Cloud standard live, not the 小程序直播 component: src is a Tencent \
                 Cloud play URL (FLV, HLS, RTMP or WebRTC, signed with txSecret and txTime). \
                 <live-player> is open to some categories only.",
            ),
        }
    }
}

impl Snippet {
    /// The snippet's title, naming its room, in `locale`.
    pub fn title(&self, locale: Locale) -> String {
        let label = self.kind.label(locale);
        let (name, id) = (&self.room_name, self.room_id);
        locale.pick(
            format!("{label} · 直播间「{name}」（{id}）"),
            format!("{label} · room “{name}” ({id})"),
        )
    }
}
