//! Room fields (createRoom / editRoom) and share parameters.

use super::rules::{Rule, Violation};
use super::width::{cjk_width, has_astral};

/// Room name width in units (3–17 CJK characters).
pub const ROOM_NAME_UNITS: (usize, usize) = (6, 34);
/// Anchor nickname width in units (2–15 CJK characters).
pub const ANCHOR_NAME_UNITS: (usize, usize) = (4, 30);
/// The start must be at least this far ahead (exactly 600 s is accepted).
pub const MIN_START_LEAD_SECS: i64 = 600;
/// ...and at most 180 days ahead.
pub const MAX_START_AHEAD_SECS: i64 = 15_552_000;
/// Beyond this, warn: a 2022 community report says WeChat refuses more than 3 months.
pub const REPORTED_MAX_START_DAYS: i64 = 90;
/// Anything larger is certainly milliseconds (1e11 s is the year 5138).
pub const MILLIS_THRESHOLD: i64 = 100_000_000_000;
/// Room length bounds: 30 minutes to 24 hours, both inclusive.
pub const DURATION_SECS: (i64, i64) = (1800, 86_400);
/// custom_params / share `params` length in characters.
pub const PARAMS_MAX_CHARS: usize = 600;

fn width_in(field: &'static str, s: &str, (min, max): (usize, usize)) -> Result<(), Violation> {
    if s.trim().is_empty() {
        return Err(Violation::new(field, Rule::Required));
    }
    let actual = cjk_width(s);
    if !(min..=max).contains(&actual) {
        return Err(Violation::new(field, Rule::WidthRange { min, max, actual }));
    }
    Ok(())
}

/// `name`: 6–34 units; characters beyond U+FFFF (emoji) are refused after the width passes,
/// matching WeChat's order (300002 before 300040).
pub fn room_name(name: &str) -> Result<(), Violation> {
    width_in("name", name, ROOM_NAME_UNITS)?;
    if has_astral(name) {
        return Err(Violation::new("name", Rule::ForbiddenChars));
    }
    Ok(())
}

/// `anchorName`: 4–30 units.
pub fn anchor_name(name: &str) -> Result<(), Violation> {
    width_in("anchorName", name, ANCHOR_NAME_UNITS)
}

/// A WeChat ID field (`anchorWechat`, `subAnchorWechat`, `createrWechat`): non-empty, no
/// whitespace. Whether the ID exists or is verified only WeChat can tell.
pub fn wechat_id(field: &'static str, id: &str) -> Result<(), Violation> {
    if id.is_empty() {
        return Err(Violation::new(field, Rule::Required));
    }
    if id.chars().any(char::is_whitespace) {
        return Err(Violation::new(field, Rule::Whitespace));
    }
    Ok(())
}

/// `startTime` against `now` (both unix seconds): `now + 600 ..= now + 15552000`.
pub fn start_time(start: i64, now: i64) -> Result<(), Violation> {
    let v = |rule| Err(Violation::new("startTime", rule));
    if start > MILLIS_THRESHOLD {
        return v(Rule::Milliseconds);
    }
    let earliest = now.saturating_add(MIN_START_LEAD_SECS);
    let latest = now.saturating_add(MAX_START_AHEAD_SECS);
    if start < earliest {
        return v(Rule::StartTooSoon { earliest });
    }
    if start > latest {
        return v(Rule::StartTooLate { latest });
    }
    Ok(())
}

/// A warning (not an error) for a start that is valid but more than 90 days ahead.
pub fn start_time_warning(start: i64, now: i64) -> Option<Rule> {
    let warn_after = now.saturating_add(REPORTED_MAX_START_DAYS * 86_400);
    (start > warn_after && start_time(start, now).is_ok()).then_some(Rule::StartBeyondReported {
        limit_days: REPORTED_MAX_START_DAYS,
    })
}

/// `endTime`: `end - start` within 1800..=86400 seconds. Reported on `endTime`, the field the
/// user adjusts.
pub fn duration(start: i64, end: i64) -> Result<(), Violation> {
    if end > MILLIS_THRESHOLD {
        return Err(Violation::new("endTime", Rule::Milliseconds));
    }
    let actual = end.saturating_sub(start);
    let (min_secs, max_secs) = DURATION_SECS;
    if !(min_secs..=max_secs).contains(&actual) {
        return Err(Violation::new(
            "endTime",
            Rule::DurationRange {
                min_secs,
                max_secs,
                actual,
            },
        ));
    }
    Ok(())
}

fn params_len(field: &'static str, s: &str) -> Result<(), Violation> {
    let actual = s.chars().count();
    if actual > PARAMS_MAX_CHARS {
        return Err(Violation::new(
            field,
            Rule::TooLong {
                max: PARAMS_MAX_CHARS,
                actual,
            },
        ));
    }
    Ok(())
}

/// `custom_params` of the plugin page / subscribe component: at most 600 characters (the plugin
/// silently truncates beyond, so refuse instead). Pass the encoded text that will be sent.
pub fn custom_params(s: &str) -> Result<(), Violation> {
    params_len("custom_params", s)
}

/// `params` of getsharedcode: same 600-character limit.
pub fn share_params(s: &str) -> Result<(), Violation> {
    params_len("params", s)
}

/// The fields of a create/edit room form that can be checked locally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RoomForm<'a> {
    pub name: &'a str,
    pub anchor_name: &'a str,
    pub anchor_wechat: &'a str,
    pub start_time: i64,
    pub end_time: i64,
    /// `None` or `Some("")` means not given.
    pub sub_anchor_wechat: Option<&'a str>,
    /// `None` or `Some("")` means not given.
    pub creater_wechat: Option<&'a str>,
}

/// Every violation of the form, in field order (empty when the form is valid). Warnings are not
/// included: see [`start_time_warning`].
pub fn room_form(f: &RoomForm<'_>, now: i64) -> Vec<Violation> {
    let optional = |field, v: Option<&str>| match v {
        Some(id) if !id.is_empty() => wechat_id(field, id),
        _ => Ok(()),
    };
    [
        room_name(f.name),
        anchor_name(f.anchor_name),
        wechat_id("anchorWechat", f.anchor_wechat),
        optional("subAnchorWechat", f.sub_anchor_wechat),
        optional("createrWechat", f.creater_wechat),
        start_time(f.start_time, now),
        duration(f.start_time, f.end_time),
    ]
    .into_iter()
    .filter_map(Result::err)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule<T>(r: Result<T, Violation>) -> Rule {
        r.err().map(|v| v.rule).unwrap_or(Rule::Required)
    }

    #[test]
    fn room_name_boundaries() {
        let w = |actual| Rule::WidthRange {
            min: 6,
            max: 34,
            actual,
        };
        assert_eq!(rule(room_name("直播")), w(4)); // 2 CJK
        assert_eq!(room_name("直播间"), Ok(())); // 3 CJK = 6
        assert_eq!(room_name(&"直".repeat(17)), Ok(())); // 34
        assert_eq!(rule(room_name(&"直".repeat(18))), w(36));
        assert_eq!(room_name("abcdef"), Ok(()));
        assert_eq!(rule(room_name("abcde")), w(5));
        assert_eq!(room_name("ab直播"), Ok(())); // mixed: 2 + 4
        assert_eq!(rule(room_name("a直播")), w(5));
        assert_eq!(room_name(&"a".repeat(34)), Ok(()));
        assert_eq!(rule(room_name(&"a".repeat(35))), w(35));
        assert_eq!(rule(room_name("")), Rule::Required);
        assert_eq!(rule(room_name("      ")), Rule::Required);
        assert_eq!(room_name("直播间").err(), None);
    }

    #[test]
    fn emoji_is_checked_after_width() {
        assert_eq!(rule(room_name("直播间😀")), Rule::ForbiddenChars);
        assert_eq!(
            rule(room_name("😀😀")),
            Rule::WidthRange {
                min: 6,
                max: 34,
                actual: 4
            }
        );
        let v = room_name("直播间😀").unwrap_err();
        assert_eq!(v.field, "name");
    }

    #[test]
    fn anchor_name_boundaries() {
        let w = |actual| Rule::WidthRange {
            min: 4,
            max: 30,
            actual,
        };
        assert_eq!(rule(anchor_name("张")), w(2));
        assert_eq!(anchor_name("张三"), Ok(()));
        assert_eq!(anchor_name(&"张".repeat(15)), Ok(()));
        assert_eq!(rule(anchor_name(&"张".repeat(16))), w(32));
        assert_eq!(rule(anchor_name("abc")), w(3));
        assert_eq!(anchor_name("abcd"), Ok(()));
        assert_eq!(anchor_name("主播😀"), Ok(())); // only the room name refuses emoji
    }

    #[test]
    fn wechat_ids() {
        assert_eq!(wechat_id("anchorWechat", "wx_anchor-1"), Ok(()));
        assert_eq!(rule(wechat_id("anchorWechat", "")), Rule::Required);
        assert_eq!(rule(wechat_id("anchorWechat", "a b")), Rule::Whitespace);
        assert_eq!(rule(wechat_id("anchorWechat", "ab\n")), Rule::Whitespace);
        assert_eq!(
            wechat_id("subAnchorWechat", " ").unwrap_err().field,
            "subAnchorWechat"
        );
    }

    #[test]
    fn start_time_boundaries() {
        let now = 1_700_000_000;
        assert_eq!(start_time(now + 600, now), Ok(()));
        assert_eq!(
            rule(start_time(now + 599, now)),
            Rule::StartTooSoon {
                earliest: now + 600
            }
        );
        assert_eq!(start_time(now + 15_552_000, now), Ok(()));
        assert_eq!(
            rule(start_time(now + 15_552_001, now)),
            Rule::StartTooLate {
                latest: now + 15_552_000
            }
        );
        assert_eq!(
            rule(start_time((now + 3600) * 1000, now)),
            Rule::Milliseconds
        );
        assert_eq!(
            rule(start_time(i64::MIN, now)),
            Rule::StartTooSoon {
                earliest: now + 600
            }
        );
        assert!(start_time(i64::MAX, i64::MAX).is_err());
    }

    #[test]
    fn start_warning_above_90_days_only_when_valid() {
        let now = 1_700_000_000;
        let d90 = 90 * 86_400;
        assert_eq!(start_time_warning(now + d90, now), None);
        assert_eq!(
            start_time_warning(now + d90 + 1, now),
            Some(Rule::StartBeyondReported { limit_days: 90 })
        );
        assert_eq!(start_time_warning(now + 15_552_001, now), None);
        assert_eq!(start_time_warning(now + 3600, now), None);
    }

    #[test]
    fn duration_boundaries() {
        let s = 1_700_000_000;
        let r = |actual| Rule::DurationRange {
            min_secs: 1800,
            max_secs: 86_400,
            actual,
        };
        assert_eq!(duration(s, s + 1800), Ok(()));
        assert_eq!(duration(s, s + 86_400), Ok(()));
        assert_eq!(rule(duration(s, s + 1799)), r(1799));
        assert_eq!(rule(duration(s, s + 86_401)), r(86_401));
        assert_eq!(rule(duration(s, s - 10)), r(-10));
        assert_eq!(duration(s, s + 1799).unwrap_err().field, "endTime");
        assert_eq!(rule(duration(s, s * 1000)), Rule::Milliseconds);
        assert_eq!(rule(duration(i64::MAX, i64::MIN)), r(i64::MIN));
    }

    #[test]
    fn params_limit_counts_characters() {
        assert_eq!(custom_params(&"参".repeat(600)), Ok(()));
        assert_eq!(
            custom_params(&"a".repeat(601)).unwrap_err(),
            Violation::new(
                "custom_params",
                Rule::TooLong {
                    max: 600,
                    actual: 601
                }
            )
        );
        assert_eq!(share_params(&"a".repeat(601)).unwrap_err().field, "params");
        assert_eq!(custom_params(""), Ok(()));
    }

    #[test]
    fn whole_form_reports_everything() {
        let now = 1_700_000_000;
        let good = RoomForm {
            name: "新品发布会",
            anchor_name: "小王",
            anchor_wechat: "wx_wang",
            start_time: now + 3600,
            end_time: now + 7200,
            sub_anchor_wechat: Some(""),
            creater_wechat: None,
        };
        assert_eq!(room_form(&good, now), vec![]);
        let bad = RoomForm {
            name: "直播",
            anchor_name: "",
            anchor_wechat: "a b",
            start_time: now + 599,
            end_time: now + 599 + 1799,
            sub_anchor_wechat: Some("x y"),
            creater_wechat: Some("ok_id"),
        };
        let fields: Vec<_> = room_form(&bad, now).iter().map(|v| v.field).collect();
        assert_eq!(
            fields,
            [
                "name",
                "anchorName",
                "anchorWechat",
                "subAnchorWechat",
                "startTime",
                "endTime"
            ]
        );
    }
}
