//! TypeScript bindings of the IPC types, generated with ts-rs into `ui/src/api/bindings/`.
//!
//! `cargo test -p livedesk bindings` fails when the committed files drift from the Rust types;
//! `LIVEDESK_WRITE_BINDINGS=1 cargo test -p livedesk bindings` rewrites them.

use std::path::Path;

use ts_rs::{Config, ExportError, TS};

use crate::commands::app::AppInfo;
use crate::error::{IpcError, Locale};
use crate::ipc::*;

/// Writes every IPC type (one `<Type>.ts` each) into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    Locale::export_all(&cfg)?;
    IpcError::export_all(&cfg)?;
    AppInfo::export_all(&cfg)?;
    AccountView::export_all(&cfg)?;
    NewAccount::export_all(&cfg)?;
    VerifyResult::export_all(&cfg)?;
    RoomView::export_all(&cfg)?;
    RoomList::export_all(&cfg)?;
    RoomForm::export_all(&cfg)?;
    ImageSlot::export_all(&cfg)?;
    ImageRef::export_all(&cfg)?;
    FieldError::export_all(&cfg)?;
    RoomCreated::export_all(&cfg)?;
    PushAddress::export_all(&cfg)?;
    ShareCode::export_all(&cfg)?;
    ShareImage::export_all(&cfg)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    fn committed_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/bindings")
    }

    fn read_dir(dir: &std::path::Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                    .map(|e| {
                        (
                            e.file_name().to_string_lossy().into_owned(),
                            std::fs::read_to_string(e.path()).unwrap_or_default(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn bindings_have_not_drifted() {
        let tmp = tempfile::tempdir().unwrap();
        super::export_all(tmp.path()).unwrap();
        let fresh = read_dir(tmp.path());
        assert!(fresh.contains_key("RoomForm.ts") && fresh.contains_key("IpcError.ts"));
        if std::env::var_os("LIVEDESK_WRITE_BINDINGS").is_some() {
            std::fs::create_dir_all(committed_dir()).unwrap();
            super::export_all(&committed_dir()).unwrap();
            return;
        }
        // Only our generated files are compared: the UI may keep other files there.
        let committed = read_dir(&committed_dir());
        for (name, text) in &fresh {
            assert_eq!(
                committed.get(name),
                Some(text),
                "ui/src/api/bindings/{name} differs from the Rust types: run \
                 LIVEDESK_WRITE_BINDINGS=1 cargo test -p livedesk bindings and commit"
            );
        }
    }
}
