//! The journal: every write LiveDesk makes (to WeChat, and to the account list) goes through
//! [`Journal::record`], which appends a `pending` row before the request leaves and completes it
//! with the result, errcode and latency when the answer comes. The window and the CLI are journaled
//! alike because both call the same services; each row says which of them ([`Origin`]).

mod action;
mod export;
mod summary;

use std::future::Future;
use std::sync::OnceLock;
use std::time::Instant;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use action::Action;
pub use summary::{GoodsPushes, RoomSummary};

use crate::base::clock::unix_now_ms;
use crate::base::error::{CoreResult, Problem};
use crate::base::locale::LocaleState;
use crate::infra::store::{Finish, NewEntry, Store};
pub use crate::infra::store::{JournalEntry, JournalFilter, Outcome};

/// Which front end made a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The desktop window.
    App,
    /// `livedesk-cli`.
    Cli,
}

impl Origin {
    /// As the journal stores it.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::App => "app",
            Origin::Cli => "cli",
        }
    }
}

/// The journal of one front end over the store. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Journal {
    store: Store,
    locale: LocaleState,
    origin: Origin,
}

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

impl Journal {
    /// The journal in `store`, messages in the user's `locale`, rows marked with `origin`.
    pub fn new(store: Store, locale: LocaleState, origin: Origin) -> Self {
        Self {
            store,
            locale,
            origin,
        }
    }

    /// Journals one write: the row is committed before `send` starts and completed after.
    /// Answers `send`'s own result inside; the outer error is the journal's (nothing was sent then).
    pub async fn record<T, E, F>(&self, w: Write, send: F) -> CoreResult<Result<T, E>>
    where
        E: Problem,
        F: Future<Output = Result<T, E>>,
    {
        self.record_learning(w, send, |_| (None, None)).await
    }

    /// [`Journal::record`], keeping the ids the answer gives (`learn` answers the room and goods id).
    pub async fn record_learning<T, E, F>(
        &self,
        w: Write,
        send: F,
        learn: impl FnOnce(&T) -> (Option<i64>, Option<i64>),
    ) -> CoreResult<Result<T, E>>
    where
        E: Problem,
        F: Future<Output = Result<T, E>>,
    {
        let begun = self.begin(&w)?;
        let out = send.await;
        self.finish(begun, &out, learn);
        Ok(out)
    }

    /// [`Journal::record`] for a local write that does not wait (the account list).
    pub fn record_sync<T>(&self, w: Write, write: impl FnOnce() -> CoreResult<T>) -> CoreResult<T> {
        let begun = self.begin(&w)?;
        let out = write();
        self.finish(begun, &out, |_| (None, None));
        out
    }

    fn begin(&self, w: &Write) -> CoreResult<Begun> {
        let op = operator();
        let id = self.store.journal_begin(&NewEntry {
            at_ms: unix_now_ms(),
            os_user: op.user.clone(),
            machine: op.machine.clone(),
            account_id: w.account_id.clone(),
            room_id: w.room_id,
            goods_id: w.goods_id,
            subject: w.subject.clone(),
            action: w.action.as_str().to_owned(),
            detail: w.detail.clone(),
            origin: self.origin.as_str().to_owned(),
        })?;
        Ok(Begun(id, Instant::now()))
    }

    fn finish<T, E: Problem>(
        &self,
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
                errcode: e.detail().and_then(|d| d.errcode),
                message: e.message(self.locale.get()),
                latency_ms,
                room_id: None,
                goods_id: None,
            },
        };
        // The write happened: its result reaches the caller even if the row cannot be completed
        // (it then reads `interrupted` after the next start).
        if let Err(e) = self.store.journal_finish(id, &finish) {
            log::warn!("journal row {id} could not be completed: {e}");
        }
    }

    /// Rows matching `filter`, newest first.
    pub fn list(&self, filter: &JournalFilter, page: PageRequest) -> CoreResult<JournalPage> {
        let (entries, total) =
            self.store
                .journal_page(filter, page.offset, page.limit.clamp(1, MAX_PAGE))?;
        Ok(JournalPage { entries, total })
    }

    /// Marks rows left pending by an app that stopped before their answer came.
    pub fn interrupt_stale(&self) {
        let stale = unix_now_ms() - STALE_PENDING_MS;
        match self.store.journal_interrupt_pending(stale) {
            Ok(0) => {}
            Ok(n) => log::warn!("{n} journaled writes never got their answer recorded"),
            Err(e) => log::warn!("journal: {e}"),
        }
    }
}

/// The pending row's id and when the request left.
struct Begun(i64, Instant);

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
