//! The mini program code for a room, ready to paste (reference §7 and the brief): the plugin's
//! declaration in app.json, the `navigateTo` into the room with its `custom_params`, the subscribe
//! button, the plugin's `getLiveStatus`, and the `<live-player>` tag for Tencent Cloud standard
//! live. Every snippet names its room: the code in a comment where its language has comments,
//! and its title always (the words are in `snippet_text.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::custom_params::{self, ParamRow};
use crate::base::error::{CoreError, CoreResult};

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
