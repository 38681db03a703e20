//! The journal as CSV (the `csv` crate), for spreadsheets: UTF-8 with a byte-order mark so Excel
//! reads the Chinese names, one row per write, the same columns as the table.

use std::path::Path;

use super::{Journal, JournalFilter};
use crate::base::error::{CoreError, CoreResult};

/// The header row.
pub const HEADER: [&str; 16] = [
    "id",
    "time_utc",
    "at_ms",
    "os_user",
    "machine",
    "account",
    "room_id",
    "goods_id",
    "subject",
    "action",
    "detail",
    "result",
    "errcode",
    "message",
    "latency_ms",
    "origin",
];

/// Writes every row matching `filter` (oldest first) to `path`; answers how many.
impl Journal {
    /// Writes the rows matching `filter` to `path` as CSV; answers how many.
    pub fn export_csv(&self, filter: &JournalFilter, path: &Path) -> CoreResult<usize> {
        export_csv(self, filter, path)
    }
}

fn export_csv(j: &Journal, filter: &JournalFilter, path: &Path) -> CoreResult<usize> {
    let rows = j.store.journal_all(filter)?;
    // A disk that refuses is a file problem, never a form error.
    let io = |e: std::io::Error| CoreError::io(path, e);
    let mut file = std::fs::File::create(path).map_err(io)?;
    std::io::Write::write_all(&mut file, "\u{feff}".as_bytes()).map_err(io)?;
    let mut w = csv::Writer::from_writer(file);
    let csv_err = |e: csv::Error| io(std::io::Error::other(e.to_string()));
    w.write_record(HEADER).map_err(csv_err)?;
    let opt = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    for e in &rows {
        w.write_record([
            e.id.to_string(),
            utc_iso(e.at_ms),
            e.at_ms.to_string(),
            e.os_user.clone(),
            e.machine.clone(),
            e.account_id.clone(),
            opt(e.room_id),
            opt(e.goods_id),
            e.subject.clone(),
            e.action.clone(),
            e.detail.clone(),
            e.result.as_str().to_owned(),
            opt(e.errcode),
            e.message.clone(),
            opt(e.latency_ms),
            e.origin.clone(),
        ])
        .map_err(csv_err)?;
    }
    w.flush().map_err(io)?;
    Ok(rows.len())
}

/// `2026-12-04T04:32:10.123Z`.
pub fn utc_iso(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = wechat_live::validate::civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        ms.rem_euclid(1000)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_times_read_as_iso() {
        assert_eq!(utc_iso(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(utc_iso(1_796_358_730_123), "2026-12-04T04:32:10.123Z");
    }
}
