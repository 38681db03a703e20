//! The console's global hotkey for "push next": its setting, and the rules an accelerator must
//! follow before the shell asks the OS for it. A global hotkey takes the keys from every program,
//! so letters and digits need Ctrl, Alt or Super, and the shortcuts people use all day (copy,
//! paste, undo, switching windows…) are refused with their name. Another program already holding
//! the keys is found when the shell registers them.

use crate::base::error::{CoreError, CoreResult};
use crate::infra::store::Store;

/// The push-next hotkey's setting.
#[derive(Debug, Clone)]
pub struct Hotkeys {
    store: Store,
}

/// The setting's key.
const PUSH_NEXT: &str = "hotkey.push_next";
/// Unlikely to be taken, reachable with one hand.
pub const DEFAULT_PUSH_NEXT: &str = "Ctrl+Alt+N";

/// Shortcuts people use all day, with what they do (zh, en).
const COMMON: &[(&str, &str, &str)] = &[
    ("Ctrl+A", "全选", "select all"),
    ("Ctrl+C", "复制", "copy"),
    ("Ctrl+V", "粘贴", "paste"),
    ("Ctrl+X", "剪切", "cut"),
    ("Ctrl+Z", "撤销", "undo"),
    ("Ctrl+Y", "重做", "redo"),
    ("Ctrl+S", "保存", "save"),
    ("Ctrl+F", "查找", "find"),
    ("Ctrl+P", "打印", "print"),
    ("Ctrl+W", "关闭标签页", "close tab"),
    ("Ctrl+Q", "退出程序", "quit"),
    ("Ctrl+T", "新标签页", "new tab"),
    ("Ctrl+R", "刷新", "reload"),
    ("Alt+F4", "关闭窗口", "close window"),
    ("Alt+Tab", "切换窗口", "switch windows"),
    ("Ctrl+Alt+T", "打开终端", "open a terminal"),
    ("Ctrl+Alt+Delete", "系统菜单", "the system menu"),
    ("Super+L", "锁屏", "lock the screen"),
    ("Super+D", "显示桌面", "show the desktop"),
];

fn bad(zh: impl Into<String>, en: impl Into<String>) -> CoreError {
    CoreError::invalid("pushNext", zh, en)
}

/// The main key's canonical name, if it is one a hotkey may use.
fn key_name(token: &str) -> Option<String> {
    let up = token.to_ascii_uppercase();
    let ok = match up.as_str() {
        k if k.len() == 1 => k.chars().all(|c| c.is_ascii_alphanumeric()),
        "SPACE" | "TAB" | "ENTER" | "PAGEUP" | "PAGEDOWN" | "HOME" | "END" | "INSERT" => true,
        k => k
            .strip_prefix('F')
            .and_then(|n| n.parse::<u8>().ok())
            .is_some_and(|n| (1..=24).contains(&n)),
    };
    ok.then(|| match up.as_str() {
        "SPACE" => "Space".into(),
        "TAB" => "Tab".into(),
        "ENTER" => "Enter".into(),
        "PAGEUP" => "PageUp".into(),
        "PAGEDOWN" => "PageDown".into(),
        "HOME" => "Home".into(),
        "END" => "End".into(),
        "INSERT" => "Insert".into(),
        _ => up,
    })
}

/// `accelerator` in canonical form ("Ctrl+Alt+N"), or why it cannot be a global hotkey.
pub fn check(accelerator: &str) -> CoreResult<String> {
    let tokens: Vec<&str> = accelerator.split('+').map(str::trim).collect();
    let Some((key, mods)) = tokens.split_last() else {
        return Err(bad("请按下一个组合键", "Press a key combination"));
    };
    let Some(key) = key_name(key) else {
        return Err(bad(
            format!("不支持的按键：{key}，请用字母、数字或 F1–F24"),
            format!("Unsupported key: {key}; use a letter, a digit or F1–F24"),
        ));
    };
    let (mut ctrl, mut alt, mut shift, mut sup) = (false, false, false, false);
    for m in mods {
        match m.to_ascii_uppercase().as_str() {
            "CTRL" | "CONTROL" => ctrl = true,
            "ALT" | "OPTION" => alt = true,
            "SHIFT" => shift = true,
            "SUPER" | "META" | "CMD" | "COMMAND" => sup = true,
            other => {
                return Err(bad(
                    format!("未知的修饰键：{other}"),
                    format!("Unknown modifier: {other}"),
                ))
            }
        }
    }
    let is_fkey = key.len() > 1 && key.starts_with('F');
    if !(ctrl || alt || sup || is_fkey) {
        return Err(bad(
            "全局快捷键须包含 Ctrl、Alt 或 Super（F1–F24 除外），否则打字时会误触",
            "A global hotkey needs Ctrl, Alt or Super (F1–F24 aside), or typing would trigger it",
        ));
    }
    let mut parts: Vec<&str> = Vec::new();
    for (on, name) in [
        (ctrl, "Ctrl"),
        (alt, "Alt"),
        (shift, "Shift"),
        (sup, "Super"),
    ] {
        if on {
            parts.push(name);
        }
    }
    parts.push(&key);
    let canonical = parts.join("+");
    if let Some((_, zh, en)) = COMMON.iter().find(|(k, _, _)| *k == canonical) {
        return Err(bad(
            format!("{canonical} 是常用的「{zh}」快捷键，会与其他程序冲突，请换一个"),
            format!("{canonical} is the common shortcut to {en}: it would clash with other programs; pick another"),
        ));
    }
    Ok(canonical)
}

impl Hotkeys {
    /// The setting in `store`.
    pub fn new(store: Store) -> Self {
        Self { store }
    }

    /// The hotkey for "push next" (the default until one is set).
    pub fn push_next(&self) -> CoreResult<String> {
        Ok(self
            .store
            .setting(PUSH_NEXT)?
            .unwrap_or_else(|| DEFAULT_PUSH_NEXT.to_owned()))
    }

    /// Remembers the hotkey for "push next" (the shell registers it first).
    pub fn set_push_next(&self, accelerator: &str) -> CoreResult<String> {
        let canonical = check(accelerator)?;
        self.store.set_setting(PUSH_NEXT, &canonical)?;
        Ok(canonical)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::locale::Locale;

    #[test]
    fn accelerators_are_made_canonical() {
        assert_eq!(check("ctrl+alt+n").unwrap(), "Ctrl+Alt+N");
        assert_eq!(check("Alt + Ctrl + n").unwrap(), "Ctrl+Alt+N");
        assert_eq!(check("F9").unwrap(), "F9");
        assert_eq!(check("shift+f12").unwrap(), "Shift+F12");
        assert_eq!(check("Super+Space").unwrap(), "Super+Space");
        assert_eq!(check(DEFAULT_PUSH_NEXT).unwrap(), DEFAULT_PUSH_NEXT);
    }

    #[test]
    fn typing_keys_and_common_shortcuts_are_refused_with_the_reason() {
        for (accel, zh, en) in [
            ("N", "打字", "typing"),
            ("Shift+N", "打字", "typing"),
            ("Ctrl+C", "复制", "copy"),
            ("alt+f4", "关闭窗口", "close window"),
            ("Ctrl+Hyper+N", "修饰键", "modifier"),
            ("Ctrl+Alt+Ä", "不支持", "Unsupported"),
            ("Ctrl+F25", "不支持", "Unsupported"),
        ] {
            let e = check(accel).unwrap_err();
            assert_eq!(e.field().as_deref(), Some("pushNext"), "{accel}");
            assert!(
                e.message(Locale::ZhCn).contains(zh),
                "{accel}: {}",
                e.message(Locale::ZhCn)
            );
            assert!(
                e.message(Locale::En).contains(en),
                "{accel}: {}",
                e.message(Locale::En)
            );
        }
    }
}
