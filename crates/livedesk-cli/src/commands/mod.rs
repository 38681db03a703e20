//! One module per area; each command calls the same services the window's commands call.

mod accounts;
mod goods;
mod journal;
mod rooms;

use livedesk_core::{App, Locale};

use crate::args::Command;
use crate::error::CliResult;
use crate::output::Output;

/// What every command works with.
#[derive(Debug)]
pub struct Ctx<'a> {
    pub app: &'a App,
    pub locale: Locale,
    pub out: Output,
}

impl Ctx<'_> {
    /// The message in the chosen language.
    pub fn say(&self, zh: impl Into<String>, en: impl Into<String>) -> String {
        self.locale.pick(zh, en)
    }
}

/// Runs one command.
pub async fn run(ctx: &Ctx<'_>, command: Command) -> CliResult<()> {
    match command {
        Command::Accounts(c) => accounts::run(ctx, c).await,
        Command::Rooms(c) => rooms::run(ctx, c).await,
        Command::Goods(c) => goods::run(ctx, c).await,
        Command::Journal(c) => journal::run(ctx, c),
    }
}
