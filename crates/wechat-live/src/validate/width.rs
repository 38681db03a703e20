//! WeChat's name-length unit: one CJK (any non-ASCII) character counts 2, ASCII counts 1.

/// Width of one character in WeChat's units.
pub fn char_width(c: char) -> usize {
    if c.is_ascii() {
        1
    } else {
        2
    }
}

/// Width of a string in WeChat's units ("3–17 个汉字" means 6–34 units).
pub fn cjk_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// True when `s` holds a character outside the Basic Multilingual Plane (emoji and the like),
/// which WeChat rejects in room names (300040).
pub fn has_astral(s: &str) -> bool {
    s.chars().any(|c| u32::from(c) > 0xFFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(cjk_width(""), 0);
        assert_eq!(cjk_width("abc"), 3);
        assert_eq!(cjk_width("直播"), 4);
        assert_eq!(cjk_width("直播abc"), 7);
        assert_eq!(cjk_width("é"), 2);
        assert_eq!(cjk_width("😀"), 2);
        assert_eq!(cjk_width("\u{7f}"), 1);
        assert_eq!(cjk_width("\u{80}"), 2);
    }

    #[test]
    fn astral() {
        assert!(has_astral("直播😀"));
        assert!(!has_astral("直播间\u{FFFF}"));
        assert!(has_astral("\u{10000}"));
    }
}
