//! The CLI's own failures, typed, beside the core's. Each is a [`Problem`] like the core's, so one
//! mapping (`exit.rs`) turns any of them into an exit status and a message.

use std::path::PathBuf;

use livedesk_core::live::{ActionState, QueuedAction};
use livedesk_core::{CoreError, ErrorCode, ErrorDetail, Locale, Problem};

/// Whatever a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// From a core service.
    #[error(transparent)]
    Core(#[from] CoreError),
    /// The form file could not be read.
    #[error("{}: {source}", path.display())]
    FormRead {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The form file is not the room form as JSON.
    #[error("{}: {source}", path.display())]
    FormJson {
        path: PathBuf,
        source: serde_json::Error,
    },
    /// A picture key of the form holds something other than a file path.
    #[error("{field}: not a file path")]
    PicturePath { field: String },
    /// A picture of the form could not be prepared (missing, unreadable, not a picture).
    #[error("{field}: {source}")]
    Picture { field: String, source: CoreError },
    /// The AppSecret could not be read from standard input or the prompt.
    #[error("reading the AppSecret: {0}")]
    SecretInput(std::io::Error),
    /// A result could not be written to standard output.
    #[error("standard output: {0}")]
    Stdout(std::io::Error),
    /// WeChat's credential check failed; `message` is the check's own (it names the IP to
    /// whitelist when that is the cause).
    #[error("verify: {source}")]
    Verify {
        message: String,
        source: wechat_live::Error,
    },
    /// A queued console action ended failed.
    #[error("action failed: {0:?}")]
    Action(Box<QueuedAction>),
}

pub type CliResult<T> = Result<T, CliError>;

/// The parts of a failed queued action.
struct Failed<'a> {
    errcode: Option<i64>,
    message: &'a str,
    sent: bool,
    maybe_sent: bool,
}

fn failed(a: &QueuedAction) -> Failed<'_> {
    match &a.state {
        ActionState::Failed {
            errcode,
            message,
            sent,
            maybe_sent,
        } => Failed {
            errcode: *errcode,
            message,
            sent: *sent,
            maybe_sent: *maybe_sent,
        },
        // Only failed actions are wrapped; anything else would be a bug here, reported as such.
        _ => Failed {
            errcode: None,
            message: "",
            sent: true,
            maybe_sent: true,
        },
    }
}

impl Problem for CliError {
    fn code(&self) -> ErrorCode {
        match self {
            CliError::Core(e) => e.code(),
            CliError::FormJson { .. } | CliError::PicturePath { .. } => ErrorCode::Validation,
            CliError::FormRead { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                ErrorCode::NotFound
            }
            CliError::FormRead { .. } => ErrorCode::Config,
            CliError::Picture { source, .. } => source.code(),
            CliError::SecretInput(_) => ErrorCode::Validation,
            CliError::Stdout(_) => ErrorCode::Storage,
            CliError::Verify { source, .. } => Problem::code(source),
            CliError::Action(a) => {
                let f = failed(a);
                if f.maybe_sent {
                    ErrorCode::MaybeSent
                } else if !f.sent {
                    ErrorCode::Refused
                } else {
                    ErrorCode::Wechat
                }
            }
        }
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            CliError::Core(e) => e.message(locale),
            CliError::FormRead { path, source } => locale.pick(
                format!("无法读取表单文件 {}：{source}", path.display()),
                format!("Cannot read the form file {}: {source}", path.display()),
            ),
            CliError::PicturePath { field } => locale.pick(
                format!("{field} 应为图片文件的路径（字符串）"),
                format!("{field} must be the path of a picture file (a string)"),
            ),
            CliError::FormJson { path, source } => locale.pick(
                format!(
                    "表单文件 {} 不是有效的直播间表单 JSON：{source}",
                    path.display()
                ),
                format!(
                    "The form file {} is not a room form as JSON: {source}",
                    path.display()
                ),
            ),
            CliError::Picture { source, .. } => source.message(locale),
            CliError::SecretInput(e) => locale.pick(
                format!("无法读取 AppSecret：{e}"),
                format!("Cannot read the AppSecret: {e}"),
            ),
            CliError::Stdout(e) => locale.pick(
                format!("无法写入标准输出：{e}"),
                format!("Cannot write to standard output: {e}"),
            ),
            CliError::Verify { message, .. } => message.clone(),
            CliError::Action(a) => failed(a).message.to_owned(),
        }
    }

    fn field(&self) -> Option<String> {
        match self {
            CliError::Core(e) => e.field(),
            CliError::Picture { field, .. } | CliError::PicturePath { field } => {
                Some(field.clone())
            }
            CliError::SecretInput(_) => Some("secret".into()),
            CliError::Verify { source, .. } => Problem::field(source),
            _ => None,
        }
    }

    fn detail(&self) -> Option<ErrorDetail> {
        match self {
            CliError::Core(e) => e.detail(),
            CliError::Picture { source, .. } => source.detail(),
            CliError::Verify { source, .. } => Problem::detail(source),
            CliError::Action(a) => failed(a).errcode.map(|errcode| ErrorDetail {
                errcode: Some(errcode),
                ..Default::default()
            }),
            _ => None,
        }
    }

    fn ambiguous(&self) -> bool {
        match self {
            CliError::Core(e) => e.ambiguous(),
            CliError::Picture { source, .. } => source.ambiguous(),
            CliError::Verify { source, .. } => Problem::ambiguous(source),
            CliError::Action(a) => failed(a).maybe_sent,
            _ => false,
        }
    }
}
