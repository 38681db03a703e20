//! A [`Problem`] → the exit status scripts branch on, and its report on standard error in the
//! chosen language. Classified by the problem's code and ambiguity, never by its words.

use std::io::Write;

use livedesk_core::{ErrorCode, ErrorDetail, Locale, Problem};
use serde::Serialize;

/// The exit statuses (the README lists them; scripts rely on them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Done = 0,
    /// Bad command line (clap's own errors too).
    Usage = 2,
    /// Refused before anything was sent: a rule, a lock, a missing thing, a bad picture.
    Refused = 3,
    /// WeChat answered with a refusal.
    Wechat = 4,
    /// No answer, or one that cannot tell: it may have been carried out.
    NoAnswer = 5,
    /// The keyring or the local store.
    Local = 6,
}

impl Exit {
    /// The process exit code.
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// The exit status of a problem. Ambiguity wins: whatever the code, "may have been sent" must not
/// look like a plain refusal a script would simply retry.
pub fn exit_for(p: &dyn Problem) -> Exit {
    if p.ambiguous() {
        return Exit::NoAnswer;
    }
    // Exhaustive on purpose: a new code must be placed here before it compiles.
    match p.code() {
        ErrorCode::Validation
        | ErrorCode::Refused
        | ErrorCode::LiveLocked
        | ErrorCode::Config
        | ErrorCode::NotFound
        | ErrorCode::Image
        // The CLI drives no OBS; should a core path report it, it was refused locally.
        | ErrorCode::Obs => Exit::Refused,
        ErrorCode::Wechat | ErrorCode::AnchorNotVerified => Exit::Wechat,
        ErrorCode::MaybeSent | ErrorCode::Network | ErrorCode::Timeout => Exit::NoAnswer,
        ErrorCode::KeyringUnavailable | ErrorCode::KeyringLocked | ErrorCode::Storage => {
            Exit::Local
        }
    }
}

/// An error as the window's IPC carries it: `{code, message, field?, detail?}`.
#[derive(Debug, Serialize)]
struct ErrorJson {
    code: ErrorCode,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<ErrorDetail>,
}

/// Writes the problem to standard error (one JSON line with `--json`, for scripts that parse
/// both streams), then answers its exit status.
pub fn report(p: &dyn Problem, locale: Locale, json: bool) -> Exit {
    let exit = exit_for(p);
    let text = if json {
        let e = ErrorJson {
            code: p.code(),
            message: p.message(locale),
            field: p.field(),
            detail: p.detail(),
        };
        serde_json::to_string(&e).unwrap_or_else(|_| render(p, locale, exit)) + "\n"
    } else {
        render(p, locale, exit)
    };
    // Nothing better to do if standard error is gone.
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
    exit
}

/// The report's lines: the message, then the field, rule, errcode, QR code and request id known.
pub fn render(p: &dyn Problem, locale: Locale, exit: Exit) -> String {
    let label = |zh: &str, en: &str| locale.pick(zh, en);
    let mut out = format!("{}: {}\n", label("错误", "error"), p.message(locale));
    if let Some(field) = p.field() {
        out += &format!("  {}: {field}\n", label("字段", "field"));
    }
    if let Some(d) = p.detail() {
        if let Some(rule) = d.rule {
            out += &format!("  {}: {rule}\n", label("规则", "rule"));
        }
        if let Some(code) = d.errcode {
            let meaning = wechat_live::ErrCode::from_code(code);
            let words = locale.pick(meaning.message_zh(), meaning.message_en());
            out += &format!("  errcode: {code} ({words})\n");
        }
        if let Some(url) = d.qrcode_url.filter(|u| !u.is_empty()) {
            out += &format!(
                "  {}: {url}\n",
                label("主播实名认证二维码", "anchor's real-name QR code")
            );
        }
        if let Some(status) = d.status {
            out += &format!("  HTTP: {status}\n");
        }
        if let Some(rid) = d.rid {
            out += &format!("  rid: {rid}\n");
        }
    }
    if exit == Exit::NoAnswer && (p.ambiguous() || p.code() == ErrorCode::MaybeSent) {
        out += &label(
            "  可能已发送：再次操作前请先确认（直播间列表 `livedesk-cli rooms list 账号`，\
             或操作日志 `livedesk-cli journal export 账号 --out 文件.csv`）。\n",
            "  It may have been sent: check before trying again (the room list, \
             `livedesk-cli rooms list ACCOUNT`, or the journal, \
             `livedesk-cli journal export ACCOUNT --out FILE.csv`).\n",
        );
    }
    out
}
