//! The language of messages: `--lang`, else the environment as POSIX orders it.

use livedesk_core::Locale;

use crate::args::Lang;

/// `--lang` when given; else the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty.
pub fn locale(flag: Option<Lang>) -> Locale {
    match flag {
        Some(Lang::En) => Locale::En,
        Some(Lang::ZhCn) => Locale::ZhCn,
        None => ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .map(|tag| from_env_tag(&tag))
            .unwrap_or_default(),
    }
}

/// `C` and `POSIX` are the untranslated locale, which is English; others as the core reads them.
fn from_env_tag(tag: &str) -> Locale {
    let base = tag.split(['.', '@']).next().unwrap_or_default();
    if base == "C" || base == "POSIX" {
        Locale::En
    } else {
        Locale::from_tag(tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_tags() {
        assert_eq!(from_env_tag("zh_CN.UTF-8"), Locale::ZhCn);
        assert_eq!(from_env_tag("en_US.UTF-8"), Locale::En);
        assert_eq!(from_env_tag("C.UTF-8"), Locale::En);
        assert_eq!(from_env_tag("POSIX"), Locale::En);
    }
}
