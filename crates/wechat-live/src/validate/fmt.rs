//! Formatting for user-facing messages: times in Beijing time, durations, byte sizes.

/// WeChat's users and servers live in UTC+8; messages state times there, explicitly.
const BEIJING_OFFSET_SECS: i64 = 8 * 3600;

/// `2026-11-01 20:10` in UTC+8 for unix seconds `ts`, rounded up to the minute when `ceil`
/// (an "earliest" bound must still be allowed after rounding), else down.
pub(crate) fn beijing_minute(ts: i64, ceil: bool) -> String {
    let local = ts.saturating_add(BEIJING_OFFSET_SECS);
    let mut minutes = local.div_euclid(60);
    if ceil && local.rem_euclid(60) != 0 {
        minutes = minutes.saturating_add(1);
    }
    let days = minutes.div_euclid(1440);
    let min_of_day = minutes.rem_euclid(1440);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        min_of_day / 60,
        min_of_day % 60
    )
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// `1 小时 5 分钟` / `1 h 5 min`; zero parts are left out.
pub(crate) fn duration(secs: i64, zh: bool) -> String {
    let s = secs.unsigned_abs();
    let parts = [
        (s / 3600, "小时", "h"),
        (s / 60 % 60, "分钟", "min"),
        (s % 60, "秒", "s"),
    ];
    let mut out: Vec<String> = parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, z, e)| format!("{n} {}", if zh { z } else { e }))
        .collect();
    if out.is_empty() {
        out.push(if zh { "0 秒".into() } else { "0 s".into() });
    }
    let sign = if secs < 0 { "-" } else { "" };
    format!("{sign}{}", out.join(" "))
}

/// `2 MB`, `100 KB`, `1.5 MB`, `512 B` with binary units (what WeChat's limits mean).
pub(crate) fn bytes(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    let (unit, name) = match n {
        n if n >= MIB => (MIB, "MB"),
        n if n >= KIB => (KIB, "KB"),
        _ => return format!("{n} B"),
    };
    let tenths = u128::from(n) * 10 / u128::from(unit);
    if tenths % 10 == 0 {
        format!("{} {name}", tenths / 10)
    } else {
        format!("{}.{} {name}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beijing_times() {
        // 2017-01-01 00:00:00 +08:00.
        assert_eq!(beijing_minute(1_483_200_000, false), "2017-01-01 00:00");
        assert_eq!(beijing_minute(1_483_200_001, true), "2017-01-01 00:01");
        assert_eq!(beijing_minute(1_483_200_059, false), "2017-01-01 00:00");
        assert_eq!(beijing_minute(0, false), "1970-01-01 08:00");
        assert_eq!(beijing_minute(951_753_600, false), "2000-02-29 00:00");
        // Extremes must not panic.
        let _ = beijing_minute(i64::MAX, true);
        let _ = beijing_minute(i64::MIN, false);
    }

    #[test]
    fn durations_and_sizes() {
        assert_eq!(duration(1800, true), "30 分钟");
        assert_eq!(duration(86_400, false), "24 h");
        assert_eq!(duration(1799, false), "29 min 59 s");
        assert_eq!(duration(3_660, true), "1 小时 1 分钟");
        assert_eq!(duration(0, false), "0 s");
        assert_eq!(duration(-60, false), "-1 min");
        assert_eq!(bytes(2 * 1024 * 1024), "2 MB");
        assert_eq!(bytes(100 * 1024), "100 KB");
        assert_eq!(bytes(1024 * 1024 + 512 * 1024), "1.5 MB");
        assert_eq!(bytes(512), "512 B");
        assert_eq!(bytes(u64::MAX), "17592186044415.9 MB");
    }
}
