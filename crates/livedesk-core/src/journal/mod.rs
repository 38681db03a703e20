//! The journal: every write LiveDesk makes (to WeChat, and to the account list) goes through
//! [`record`], which appends a `pending` row before the request leaves and completes it with the
//! result, errcode and latency when the answer comes. The window and the CLI are journaled alike
//! because both call the same services, and only [`record`] sends writes.

mod action;
mod export;
mod summary;

use std::future::Future;
use std::sync::OnceLock;
use std::time::Instant;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use action::Action;
pub use export::export_csv;
pub use summary::{room_summary, GoodsPushes, RoomSummary};

use crate::clock::unix_now_ms;
use crate::error::{CoreError, CoreResult};
use crate::store::{Finish, NewEntry};
pub use crate::store::{JournalEntry, JournalFilter, Outcome};
use crate::Core;

/// Who made the writes: the OS user and the machine, as the journal records them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operator {
    pub user: String,
    pub machine: String,
}

/// This process's operator, read once.
pub fn operator() -> &'static Operator {
    static OP: OnceLock<Operator> = OnceLock::new();
    OP.get_or_init(|| Operator {
        user: whoami::account().unwrap_or_else(|_| "unknown".into()),
        machine: whoami::hostname().unwrap_or_else(|_| "unknown".into()),
    })
}

/// A row pending longer than this was left by an app that stopped (requests time out far sooner).
pub const STALE_PENDING_MS: i64 = 10 * 60 * 1000;

/// What a write is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Write {
    pub account_id: String,
    pub action: Action,
    pub room_id: Option<i64>,
    pub goods_id: Option<i64>,
    /// The room's or the goods' name, so the journal reads without a lookup.
    pub subject: String,
    /// Parameters worth keeping (`on`/`off`, an order of ids).
    pub detail: String,
}

impl Write {
    /// A write on `account_id`.
    pub fn new(account_id: &str, action: Action) -> Self {
        Self {
            account_id: account_id.to_owned(),
            action,
            room_id: None,
            goods_id: None,
            subject: String::new(),
            detail: String::new(),
        }
    }

    pub fn room(mut self, room_id: i64) -> Self {
        self.room_id = Some(room_id);
        self
    }

    pub fn goods(mut self, goods_id: i64) -> Self {
        self.goods_id = Some(goods_id);
        self
    }

    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = subject.into();
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }
}

/// What the journal reads from a failure.
pub trait Failure {
    /// WeChat's errcode, when it answered with one.
    fn errcode(&self) -> Option<i64>;
    /// Whether the request may have been carried out although no answer came.
    fn ambiguous(&self) -> bool;
    /// A message for the row, in the language the user had when it failed.
    fn describe(&self, locale: crate::Locale) -> String;
}

impl Failure for wechat_live::Error {
    fn errcode(&self) -> Option<i64> {
        self.code().map(|c| c.code())
    }
    fn ambiguous(&self) -> bool {
        self.is_ambiguous()
    }
    fn describe(&self, locale: crate::Locale) -> String {
        locale.pick(self.message_zh(), self.message_en())
    }
}

impl Failure for CoreError {
    fn errcode(&self) -> Option<i64> {
        self.detail().and_then(|d| d.errcode)
    }
    fn ambiguous(&self) -> bool {
        match self {
            CoreError::Wechat(e) => e.is_ambiguous(),
            CoreError::MaybeSent(_) => true,
            _ => false,
        }
    }
    fn describe(&self, locale: crate::Locale) -> String {
        self.message(locale)
    }
}

/// Journals one write: the row is committed before `send` starts and completed after. Answers
/// `send`'s own result inside; the outer error is the journal's (nothing was sent then).
pub async fn record<T, E, F>(core: &Core, w: Write, send: F) -> CoreResult<Result<T, E>>
where
    E: Failure,
    F: Future<Output = Result<T, E>>,
{
    record_learning(core, w, send, |_| (None, None)).await
}

/// [`record`], keeping the ids the answer gives (`learn` answers the room and goods id).
pub async fn record_learning<T, E, F>(
    core: &Core,
    w: Write,
    send: F,
    learn: impl FnOnce(&T) -> (Option<i64>, Option<i64>),
) -> CoreResult<Result<T, E>>
where
    E: Failure,
    F: Future<Output = Result<T, E>>,
{
    let begun = begin(core, &w)?;
    let out = send.await;
    finish(core, begun, &out, learn);
    Ok(out)
}

/// [`record`] for a local write that does not wait (the account list).
pub fn record_sync<T>(
    core: &Core,
    w: Write,
    write: impl FnOnce() -> CoreResult<T>,
) -> CoreResult<T> {
    let begun = begin(core, &w)?;
    let out = write();
    finish(core, begun, &out, |_| (None, None));
    out
}

/// The pending row's id and when the request left.
struct Begun(i64, Instant);

fn begin(core: &Core, w: &Write) -> CoreResult<Begun> {
    let op = operator();
    let id = core.store.journal_begin(&NewEntry {
        at_ms: unix_now_ms(),
        os_user: op.user.clone(),
        machine: op.machine.clone(),
        account_id: w.account_id.clone(),
        room_id: w.room_id,
        goods_id: w.goods_id,
        subject: w.subject.clone(),
        action: w.action.as_str().to_owned(),
        detail: w.detail.clone(),
    })?;
    Ok(Begun(id, Instant::now()))
}

fn finish<T, E: Failure>(
    core: &Core,
    Begun(id, started): Begun,
    out: &Result<T, E>,
    learn: impl FnOnce(&T) -> (Option<i64>, Option<i64>),
) {
    let latency_ms = started.elapsed().as_millis() as i64;
    let finish = match out {
        Ok(v) => {
            let (room_id, goods_id) = learn(v);
            Finish {
                result: Outcome::Ok,
                errcode: None,
                message: String::new(),
                latency_ms,
                room_id,
                goods_id,
            }
        }
        Err(e) => Finish {
            result: if e.ambiguous() {
                Outcome::Unknown
            } else {
                Outcome::Failed
            },
            errcode: e.errcode(),
            message: e.describe(core.locale.get()),
            latency_ms,
            room_id: None,
            goods_id: None,
        },
    };
    // The write happened: its result reaches the caller even if the row cannot be completed (it
    // then reads `interrupted` after the next start).
    if let Err(e) = core.store.journal_finish(id, &finish) {
        log::warn!("journal row {id} could not be completed: {e}");
    }
}

/// A page of the journal, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JournalPage {
    pub entries: Vec<JournalEntry>,
    #[ts(type = "number")]
    pub total: u64,
}

/// Paging of a journal list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PageRequest {
    pub offset: u32,
    pub limit: u32,
}

/// The largest journal page.
pub const MAX_PAGE: u32 = 500;

/// Rows matching `filter`, newest first.
pub fn list(core: &Core, filter: &JournalFilter, page: PageRequest) -> CoreResult<JournalPage> {
    let (entries, total) =
        core.store
            .journal_page(filter, page.offset, page.limit.clamp(1, MAX_PAGE))?;
    Ok(JournalPage { entries, total })
}
