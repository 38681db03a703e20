//! Everything the simulated account holds. One mutex guards it; handlers are synchronous and never
//! await while holding it, so critical sections stay short.

pub mod access;
pub mod clock;
pub mod faults;
pub mod goods;
pub mod log;
pub mod media;
pub mod people;
pub mod pushes;
pub mod quotas;
pub mod rooms;
pub mod tokens;
pub mod verified;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use self::clock::Clock;
use self::faults::Faults;
use self::goods::{AuditRule, Library};
use self::log::RequestLog;
use self::media::MediaStore;
use self::people::People;
use self::quotas::Quotas;
use self::rooms::Rooms;
use self::tokens::Tokens;
use self::verified::Verified;
use crate::config::SimConfig;

#[derive(Debug)]
pub struct State {
    /// Live activation and the API IP whitelist (48001, 40164).
    pub access: access::Access,
    pub tokens: Tokens,
    pub media: MediaStore,
    pub rooms: Rooms,
    pub library: Library,
    pub people: People,
    pub quotas: Quotas,
    pub verified: Verified,
    /// Customer service configured in the MP console (closeKf=0 needs it, else 300038).
    pub kf_configured: bool,
    /// Goods cards showing in rooms (300047 / 300049 while one does).
    pub pushes: pushes::Pushes,
    /// Rooms with a publisher on the RTMP ingest, and the media bytes received.
    pub publishing: std::collections::HashMap<u64, u64>,
}

impl State {
    pub fn new(cfg: &SimConfig) -> Self {
        Self {
            access: access::Access::default(),
            tokens: Tokens::default(),
            media: MediaStore::default(),
            rooms: Rooms::default(),
            library: Library::new(AuditRule {
                delay_secs: i64::try_from(cfg.audit_delay_secs).unwrap_or(i64::MAX),
                reject_word: cfg.audit_reject_word.clone(),
            }),
            people: People::default(),
            quotas: Quotas::default(),
            verified: if cfg.demo {
                Verified::demo_rule()
            } else {
                Verified::list()
            },
            kf_configured: cfg.demo,
            pushes: pushes::Pushes::new(cfg.push_window_ms),
            publishing: std::collections::HashMap::new(),
        }
    }
}

#[derive(Debug, Default)]
pub struct Stats {
    pub token_requests: AtomicU64,
    pub stable_token_requests: AtomicU64,
    pub requests: AtomicU64,
}

/// The shared simulator: account state, request log, faults and counters.
#[derive(Debug)]
pub struct Sim {
    pub app_id: String,
    pub secret: String,
    pub base_url: String,
    pub clock: Clock,
    state: Mutex<State>,
    log: Mutex<RequestLog>,
    faults: Mutex<Faults>,
    /// Fast path: most requests see no fault and skip the faults lock.
    any_fault: AtomicBool,
    pub stats: Stats,
    /// `rtmp://127.0.0.1:PORT/live` when the RTMP ingest runs (push addresses point there).
    rtmp_base: std::sync::OnceLock<String>,
}

/// Locks a mutex, recovering from poisoning: a panicked handler must not take the simulator down.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Sim {
    pub fn new(cfg: &SimConfig, base_url: String) -> Self {
        Self {
            app_id: cfg.app_id.clone(),
            secret: cfg.secret.clone(),
            base_url,
            clock: Clock::new(cfg.start_time),
            state: Mutex::new(State::new(cfg)),
            log: Mutex::new(RequestLog::default()),
            faults: Mutex::new(Faults::default()),
            any_fault: AtomicBool::new(false),
            stats: Stats::default(),
            rtmp_base: std::sync::OnceLock::new(),
        }
    }

    /// Where push addresses point: the ingest when it runs, else WeChat's push host.
    pub fn push_base(&self) -> String {
        self.rtmp_base
            .get()
            .cloned()
            .unwrap_or_else(|| crate::routes::room_query::WECHAT_PUSH_BASE.to_owned())
    }

    /// Points push addresses at the ingest (once, at start).
    pub fn set_rtmp_base(&self, base: String) {
        let _ = self.rtmp_base.set(base);
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    pub fn log(&self) -> MutexGuard<'_, RequestLog> {
        lock(&self.log)
    }

    pub fn with_faults<R>(&self, f: impl FnOnce(&mut Faults) -> R) -> R {
        let mut faults = lock(&self.faults);
        let r = f(&mut faults);
        self.any_fault.store(!faults.is_empty(), Ordering::Release);
        r
    }

    pub fn fault_hit(&self, path: &str) -> Option<faults::Hit> {
        if !self.any_fault.load(Ordering::Acquire) {
            return None;
        }
        self.with_faults(|f| f.hit(path))
    }

    /// URL under which the simulator serves a media id as PNG.
    pub fn media_url(&self, media_id: &str) -> String {
        format!("{}/__sim/media/{media_id}.png", self.base_url)
    }
}
