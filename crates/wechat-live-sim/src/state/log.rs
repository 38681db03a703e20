//! Bounded log of WeChat requests received (the control plane reads it; secrets masked on read).

use std::collections::VecDeque;

use axum::http::{Method, Uri};
use bytes::Bytes;

/// Entries kept; older ones are dropped so a load test cannot grow memory.
pub const LOG_CAP: usize = 10_000;

#[derive(Debug, Clone)]
pub struct LogEntry {
    pub seq: u64,
    /// Method and URI are cheap clones (no copy of the text), keeping the hot path allocation-free.
    pub method: Method,
    pub uri: Uri,
    pub body: Bytes,
    /// The simulator's clock (seconds), as WeChat would stamp it.
    pub at: i64,
    /// The machine's wall clock in ms when it arrived (not the simulator's movable clock), so a
    /// benchmark outside can time a request from its own start to its arrival.
    pub received_ms: i64,
}

#[derive(Debug, Default)]
pub struct RequestLog {
    entries: VecDeque<LogEntry>,
    next_seq: u64,
}

impl RequestLog {
    pub fn push(&mut self, method: &Method, uri: &Uri, body: Bytes, at: i64) {
        if self.entries.len() >= LOG_CAP {
            self.entries.pop_front();
        }
        self.next_seq += 1;
        self.entries.push_back(LogEntry {
            seq: self.next_seq,
            method: method.clone(),
            uri: uri.clone(),
            body,
            at,
            received_ms: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as i64)
                .unwrap_or(0),
        });
    }

    pub fn entries(&self) -> impl Iterator<Item = &LogEntry> {
        self.entries.iter()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}
