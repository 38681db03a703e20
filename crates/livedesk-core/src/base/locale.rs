//! The user's language. Services return typed errors and data; the words are picked here, at the
//! edge (the window's commands, the CLI), with [`Locale::pick`].

use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The user's language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum Locale {
    /// Simplified Chinese, the default.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// From a language tag as an environment gives it (`zh_CN.UTF-8`, `en-US`, `zh-CN`): English
    /// for `en…`, Chinese otherwise.
    pub fn from_tag(tag: &str) -> Locale {
        if tag.to_ascii_lowercase().starts_with("en") {
            Locale::En
        } else {
            Locale::ZhCn
        }
    }

    /// Picks the message for this language.
    pub fn pick(self, zh: impl Into<String>, en: impl Into<String>) -> String {
        match self {
            Locale::ZhCn => zh.into(),
            Locale::En => en.into(),
        }
    }
}

/// The current locale, shared by every service of one app (clones see the same value).
#[derive(Debug, Clone, Default)]
pub struct LocaleState(Arc<RwLock<Locale>>);

impl LocaleState {
    /// The current locale.
    pub fn get(&self) -> Locale {
        *self.0.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Replaces the locale.
    pub fn set(&self, locale: Locale) {
        *self.0.write().unwrap_or_else(|p| p.into_inner()) = locale;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_and_pick() {
        assert_eq!(serde_json::to_string(&Locale::ZhCn).unwrap(), "\"zh-CN\"");
        assert_eq!(
            serde_json::from_str::<Locale>("\"en\"").unwrap(),
            Locale::En
        );
        assert_eq!(Locale::En.pick("中", "en"), "en");
        let s = LocaleState::default();
        assert_eq!(s.get(), Locale::ZhCn);
        s.set(Locale::En);
        assert_eq!(s.get(), Locale::En);
    }
}
