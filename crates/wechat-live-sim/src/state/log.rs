//! Bounded log of WeChat requests received (the control plane reads it; secrets masked on read).

use std::collections::VecDeque;

use bytes::Bytes;

/// Entries kept; older ones are dropped so a load test cannot grow memory.
pub const LOG_CAP: usize = 10_000;

#[derive(Debug, Clone)]
pub struct LogEntry {
    pub seq: u64,
    pub method: String,
    pub path: String,
    pub query: String,
    pub body: Bytes,
    pub at: i64,
}

#[derive(Debug, Default)]
pub struct RequestLog {
    entries: VecDeque<LogEntry>,
    next_seq: u64,
}

impl RequestLog {
    pub fn push(&mut self, method: &str, path: &str, query: &str, body: Bytes, at: i64) {
        if self.entries.len() >= LOG_CAP {
            self.entries.pop_front();
        }
        self.next_seq += 1;
        self.entries.push_back(LogEntry {
            seq: self.next_seq,
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.to_owned(),
            body,
            at,
        });
    }

    pub fn entries(&self) -> impl Iterator<Item = &LogEntry> {
        self.entries.iter()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}
