//! The mini program code for a room, ready to paste (reference §7 and the brief): the plugin's
//! declaration in app.json, the `navigateTo` into the room with its `custom_params`, the subscribe
//! button, the plugin's `getLiveStatus`, and the `<live-player>` tag for Tencent Cloud standard
//! live. Every snippet names its room: the code in a comment where its language has comments,
//! and its title always.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::custom_params::{self, ParamRow};
use crate::error::{CoreError, CoreResult};
use crate::locale::Locale;
use crate::Core;

/// The live component's name in `plugins`.
pub const PLUGIN_NAME: &str = "live-player-plugin";
/// The live component's AppID: `provider` is always this, never the mini program's own AppID.
pub const PLUGIN_PROVIDER: &str = "wx2b03c6e691cd7370";
/// The newest version the reference has seen; DevTools shows the latest.
pub const DEFAULT_PLUGIN_VERSION: &str = "1.3.5";

/// What the person chose for a room's snippets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SnippetOptions {
    /// `custom_params` rows (none: no `custom_params`).
    pub params: Vec<ParamRow>,
    /// The plugin version for app.json, `x.y.z`; `null`: [`DEFAULT_PLUGIN_VERSION`].
    pub plugin_version: Option<String>,
    /// A signed Tencent Cloud play URL for `<live-player>` (FLV, HLS, RTMP or WebRTC, §6);
    /// `null`: a `{{playUrl}}` binding the page fills in.
    pub play_url: Option<String>,
}

/// Which snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SnippetKind {
    /// `plugins` in app.json.
    AppJson,
    /// `wx.navigateTo` into the room.
    Navigate,
    /// The subscribe component in the page's json.
    SubscribeJson,
    /// The subscribe button in the page's WXML.
    SubscribeWxml,
    /// `getLiveStatus` from the page's JS.
    LiveStatus,
    /// `<live-player>` for Tencent Cloud standard live.
    LivePlayer,
}

/// One piece of code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Snippet {
    pub kind: SnippetKind,
    /// Where it goes: `app.json`, or the page's `.json`, `.js`, `.wxml`.
    pub file: String,
    /// `json`, `js` or `wxml`, for highlighting.
    pub lang: String,
    pub code: String,
    #[ts(type = "number")]
    pub room_id: i64,
    pub room_name: String,
}

/// Every snippet of a room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomSnippets {
    #[ts(type = "number")]
    pub room_id: i64,
    pub room_name: String,
    pub plugin_version: String,
    /// The encoded `custom_params` (≤ 600 characters), `null` when there are none.
    pub custom_params: Option<String>,
    /// The room's page: `plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id=…`.
    pub page_url: String,
    pub snippets: Vec<Snippet>,
}

/// The snippets of the room `room_id` named `room_name`. Input errors (a version not `x.y.z`,
/// `custom_params` over 600 characters, a play URL of another kind) are errors at their field.
pub fn snippets(room_id: i64, room_name: &str, opts: &SnippetOptions) -> CoreResult<RoomSnippets> {
    if room_id <= 0 {
        return Err(CoreError::invalid(
            "roomId",
            "直播间 ID 应为正整数",
            "The room id is a positive number",
        ));
    }
    let version = plugin_version(opts.plugin_version.as_deref())?;
    let params = custom_params::checked(&opts.params)?;
    let play_url = opts.play_url.as_deref().map(play_url).transpose()?;
    let name = comment_safe(room_name);
    let page_url = page_url(room_id, params.as_deref());
    let snippet = |kind, file: &str, lang: &str, code: String| Snippet {
        kind,
        file: file.to_owned(),
        lang: lang.to_owned(),
        code,
        room_id,
        room_name: room_name.to_owned(),
    };
    let js_head = format!("// 直播间「{name}」 room_id {room_id}\n");
    let wxml_head = format!("<!-- 直播间「{name}」 room_id {room_id} -->\n");
    let params_attr = params
        .as_deref()
        .map(|p| format!(" custom-params=\"{p}\""))
        .unwrap_or_default();
    let list = vec![
        snippet(SnippetKind::AppJson, "app.json", "json", app_json(&version)),
        snippet(
            SnippetKind::Navigate,
            "page.js",
            "js",
            format!("{js_head}{}", navigate(room_id, params.as_deref())),
        ),
        snippet(
            SnippetKind::SubscribeJson,
            "page.json",
            "json",
            format!(
                "{{\n  \"usingComponents\": {{\n    \"subscribe\": \"plugin-private://{PLUGIN_PROVIDER}/components/subscribe/subscribe\"\n  }}\n}}\n"
            ),
        ),
        snippet(
            SnippetKind::SubscribeWxml,
            "page.wxml",
            "wxml",
            format!("{wxml_head}<subscribe room-id=\"{{{{{room_id}}}}}\"{params_attr}></subscribe>\n"),
        ),
        snippet(
            SnippetKind::LiveStatus,
            "page.js",
            "js",
            format!("{js_head}{}", live_status(room_id)),
        ),
        snippet(
            SnippetKind::LivePlayer,
            "page.wxml",
            "wxml",
            format!(
                "{wxml_head}<live-player src=\"{}\" mode=\"RTC\" style=\"width: 300px\" />\n",
                play_url.as_deref().unwrap_or("{{playUrl}}")
            ),
        ),
    ];
    Ok(RoomSnippets {
        room_id,
        room_name: room_name.to_owned(),
        plugin_version: version,
        custom_params: params,
        page_url,
        snippets: list,
    })
}

/// The snippets of an account's room, named as the room list has it (the cached list first, else
/// WeChat's).
pub async fn room_snippets(
    core: &Core,
    account_id: &str,
    room_id: i64,
    opts: &SnippetOptions,
) -> CoreResult<RoomSnippets> {
    let cached = crate::rooms::cached(core, account_id)?
        .rooms
        .into_iter()
        .find(|r| r.id == room_id)
        .map(|r| r.name);
    let name = match cached {
        Some(n) => n,
        None => core
            .client(account_id)?
            .rooms()
            .get(room_id)
            .await?
            .map(|r| r.name)
            .ok_or_else(|| CoreError::not_found(format!("room {room_id}")))?,
    };
    snippets(room_id, &name, opts)
}

fn page_url(room_id: i64, params: Option<&str>) -> String {
    let mut url =
        format!("plugin-private://{PLUGIN_PROVIDER}/pages/{PLUGIN_NAME}?room_id={room_id}");
    if let Some(p) = params {
        url.push_str("&custom_params=");
        url.push_str(p);
    }
    url
}

fn app_json(version: &str) -> String {
    format!(
        "{{\n  \"plugins\": {{\n    \"{PLUGIN_NAME}\": {{\n      \"version\": \"{version}\",\n      \"provider\": \"{PLUGIN_PROVIDER}\"\n    }}\n  }}\n}}\n"
    )
}

fn navigate(room_id: i64, params: Option<&str>) -> String {
    let base = format!("plugin-private://{PLUGIN_PROVIDER}/pages/{PLUGIN_NAME}");
    match params {
        None => format!(
            "const roomId = {room_id}\nwx.navigateTo({{\n  url: `{base}?room_id=${{roomId}}`\n}})\n"
        ),
        Some(p) => {
            // The object as JSON.stringify wrote it, for whoever reads the code.
            let json = custom_params::percent_decode(p).unwrap_or_default();
            format!(
                "const roomId = {room_id}\n\
                 // encodeURIComponent(JSON.stringify({json})), {len}/600\n\
                 const customParams = \"{p}\"\n\
                 wx.navigateTo({{\n  url: `{base}?room_id=${{roomId}}&custom_params=${{customParams}}`\n}})\n",
                json = comment_safe(&json),
                len = p.chars().count(),
            )
        }
    }
}

fn live_status(room_id: i64) -> String {
    format!(
        "const livePlayer = requirePlugin('{PLUGIN_NAME}')\n\
         \n\
         function checkLiveStatus() {{\n  \
           livePlayer.getLiveStatus({{ room_id: {room_id} }})\n    \
             .then(res => {{\n      \
               const liveStatus = res.liveStatus // 101–107\n      \
               console.log('liveStatus', liveStatus)\n    \
             }})\n    \
             .catch(err => {{\n      \
               console.log('getLiveStatus', err)\n    \
             }})\n\
         }}\n\
         \n\
         checkLiveStatus()\n\
         const liveStatusTimer = setInterval(checkLiveStatus, 60000) // ≥ 60 s\n"
    )
}

/// `x.y.z` (digits), or the default.
fn plugin_version(v: Option<&str>) -> CoreResult<String> {
    let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(DEFAULT_PLUGIN_VERSION.to_owned());
    };
    let parts: Vec<&str> = v.split('.').collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Ok(v.to_owned());
    }
    Err(CoreError::invalid(
        "pluginVersion",
        "版本号应形如 1.3.5（在微信开发者工具中可以看到最新版本）",
        "The version looks like 1.3.5 (WeChat DevTools shows the latest)",
    ))
}

/// A signed play URL of one of §6's playback shapes, safe inside a WXML attribute.
fn play_url(url: &str) -> CoreResult<String> {
    let url = url.trim();
    let scheme_ok = ["http://", "https://", "rtmp://", "webrtc://"]
        .iter()
        .any(|s| url.len() > s.len() && url[..s.len()].eq_ignore_ascii_case(s));
    if scheme_ok
        && !url
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '{' | '}'))
    {
        return Ok(url.to_owned());
    }
    Err(CoreError::invalid(
        "playUrl",
        "播放地址应以 http(s)://、rtmp:// 或 webrtc:// 开头，且不含空格、引号或尖括号",
        "The play URL starts with http(s)://, rtmp:// or webrtc:// and has no spaces, quotes or angle brackets",
    ))
}

/// Text that cannot end a `//` or `<!-- -->` comment early.
fn comment_safe(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .replace("--", "- -")
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_json_is_json_with_the_provider_and_version() {
        let s = snippets(12, "春季上新", &SnippetOptions::default()).unwrap();
        let app: serde_json::Value = serde_json::from_str(&s.snippets[0].code).unwrap();
        assert_eq!(app["plugins"][PLUGIN_NAME]["provider"], PLUGIN_PROVIDER);
        assert_eq!(
            app["plugins"][PLUGIN_NAME]["version"],
            DEFAULT_PLUGIN_VERSION
        );
        let page: serde_json::Value = serde_json::from_str(&s.snippets[2].code).unwrap();
        assert!(page["usingComponents"]["subscribe"].is_string());
        assert_eq!(
            s.page_url,
            "plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id=12"
        );
        assert!(!s.snippets[1].code.contains("custom_params"));
    }

    #[test]
    fn inputs_are_checked_at_their_fields() {
        let opts = |v: &str| SnippetOptions {
            plugin_version: Some(v.into()),
            ..Default::default()
        };
        assert_eq!(
            snippets(1, "n", &opts("1.3.0")).unwrap().plugin_version,
            "1.3.0"
        );
        let e = snippets(1, "n", &opts("latest")).unwrap_err();
        assert_eq!(e.field().as_deref(), Some("pluginVersion"));
        let e = snippets(0, "n", &SnippetOptions::default()).unwrap_err();
        assert_eq!(e.field().as_deref(), Some("roomId"));
        let bad = SnippetOptions {
            play_url: Some("https://x/a.flv\" onload=\"x".into()),
            ..Default::default()
        };
        assert_eq!(
            snippets(1, "n", &bad).unwrap_err().field().as_deref(),
            Some("playUrl")
        );
        let good = SnippetOptions {
            play_url: Some(
                "https://play.example.com/live/s.flv?txSecret=ab&txTime=5867D600".into(),
            ),
            ..Default::default()
        };
        let s = snippets(1, "n", &good).unwrap();
        assert!(s.snippets[5]
            .code
            .contains("src=\"https://play.example.com/live/s.flv?txSecret=ab&txTime=5867D600\""));
    }

    #[test]
    fn a_room_name_cannot_break_out_of_a_comment() {
        let s = snippets(3, "a\n--> <b>", &SnippetOptions::default()).unwrap();
        let wxml = &s.snippets[3].code;
        assert_eq!(wxml.matches("-->").count(), 1, "{wxml}");
        assert_eq!(
            s.snippets[1].code.lines().next(),
            Some("// 直播间「a - -> <b>」 room_id 3")
        );
    }
}
