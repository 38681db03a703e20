//! Data to standard output: JSON (the core's view types as serde writes them, what the window's IPC
//! returns) or lines for people. Messages go elsewhere (`exit.rs`, to standard error).

use std::io::Write;

use serde::Serialize;

use crate::error::{CliError, CliResult};

/// Where results go, and in which form.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub json: bool,
}

impl Output {
    /// `value` as one line of JSON.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> CliResult<()> {
        let text =
            serde_json::to_string(value).map_err(|e| CliError::Stdout(std::io::Error::other(e)))?;
        self.line(&text)
    }

    /// One line of text.
    pub fn line(&self, text: &str) -> CliResult<()> {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}")
            .and_then(|()| out.flush())
            .map_err(CliError::Stdout)
    }

    /// `value` as JSON with `--json`, else the lines `text` makes.
    pub fn show<T: Serialize + ?Sized>(
        &self,
        value: &T,
        text: impl FnOnce(&T) -> Vec<String>,
    ) -> CliResult<()> {
        if self.json {
            return self.json(value);
        }
        for l in text(value) {
            self.line(&l)?;
        }
        Ok(())
    }
}
