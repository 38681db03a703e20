//! Field rules shared by room, goods and role endpoints (numbers from the project brief).

/// Width in WeChat's units: ASCII counts 1, any other character 2.
pub fn cjk_width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) < 0x80 { 1 } else { 2 })
        .sum()
}

/// Characters outside the Basic Multilingual Plane (emoji and the like).
pub fn has_astral(s: &str) -> bool {
    s.chars().any(|c| (c as u32) > 0xFFFF)
}

/// Stand-in for WeChat's content review.
pub const BANNED_WORD: &str = "违禁";

pub fn violates(s: &str) -> bool {
    s.contains(BANNED_WORD)
}

/// Whether a string looks like a WeChat ID: 6–20 chars, a letter first, then letters, digits,
/// `_` or `-`.
pub fn is_wechat_id(s: &str) -> bool {
    let len = s.len();
    (6..=20).contains(&len)
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Parses a yuan amount (JSON number or numeric string, at most 2 decimals, > 0) into fen.
pub fn yuan_to_fen(v: &serde_json::Value) -> Option<i64> {
    let text = match v {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.trim().to_owned(),
        _ => return None,
    };
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, f),
        None => (text.as_str(), ""),
    };
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || int.len() > 12
    {
        return None;
    }
    let yuan: i64 = int.parse().ok()?;
    let mut cents: i64 = 0;
    for (i, b) in frac.bytes().enumerate() {
        let d = i64::from(b - b'0');
        cents += if i == 0 { d * 10 } else { d };
    }
    let fen = yuan.checked_mul(100)?.checked_add(cents)?;
    (fen > 0).then_some(fen)
}

/// A mini program page path as goods `url` (300007 otherwise): not a web URL, no whitespace.
pub fn is_page_path(s: &str) -> bool {
    let path = s.split('?').next().unwrap_or("");
    !path.is_empty()
        && !s.contains("://")
        && !s.chars().any(char::is_whitespace)
        && path
            .trim_start_matches('/')
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '.'))
}

/// Masks a WeChat ID the way getrolelist shows it ("o0****0o").
pub fn mask_username(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 4 {
        return "****".to_owned();
    }
    let head: String = chars[..2].iter().collect();
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{head}****{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn widths() {
        assert_eq!(cjk_width("直播"), 4);
        assert_eq!(cjk_width("abc直"), 5);
    }

    #[test]
    fn prices() {
        assert_eq!(yuan_to_fen(&json!(12.3)), Some(1230));
        assert_eq!(yuan_to_fen(&json!("0.07")), Some(7));
        assert_eq!(yuan_to_fen(&json!(5)), Some(500));
        assert_eq!(yuan_to_fen(&json!(1.005)), None);
        assert_eq!(yuan_to_fen(&json!(0)), None);
        assert_eq!(yuan_to_fen(&json!(-1)), None);
        assert_eq!(yuan_to_fen(&json!("abc")), None);
    }

    #[test]
    fn masks() {
        assert_eq!(mask_username("o0abcdef0o"), "o0****0o");
    }

    proptest::proptest! {
        #[test]
        fn fen_round_trips_through_yuan_text(fen in 1i64..10_000_000_000) {
            let text = format!("{}.{:02}", fen / 100, fen % 100);
            proptest::prop_assert_eq!(yuan_to_fen(&json!(text)), Some(fen));
        }

        #[test]
        fn width_is_ascii_plus_twice_the_rest(ascii in "[a-z0-9 ]{0,20}", cjk in "[一-龥]{0,20}") {
            let s = format!("{ascii}{cjk}");
            proptest::prop_assert_eq!(cjk_width(&s), ascii.len() + 2 * cjk.chars().count());
        }
    }
}
