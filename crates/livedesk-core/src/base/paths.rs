//! Where LiveDesk keeps its things, the same for the window and the CLI: the data dir is the OS's
//! data directory joined with the app's identifier (what Tauri's `app_data_dir` answers for the
//! window; a shell test holds the two together), and the keyring service is the identifier too.

use std::path::PathBuf;

/// The app's identifier: the data dir's name and the keyring service of its secrets.
pub const APP_ID: &str = "app.livedesk.desktop";

/// `$XDG_DATA_HOME/app.livedesk.desktop` on Linux (`~/.local/share/…` by default),
/// `~/Library/Application Support/…` on macOS, `%APPDATA%\…` on Windows; `None` without a home.
pub fn data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_ID))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_data_dir_ends_with_the_identifier() {
        let dir = super::data_dir().expect("tests run with a home");
        assert!(dir.ends_with(super::APP_ID), "{}", dir.display());
    }
}
