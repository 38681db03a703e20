//! `journal export`: an account's journal as CSV, every row with the front end that made it.

use livedesk_core::journal::JournalFilter;

use super::Ctx;
use crate::args::JournalCmd;
use crate::error::CliResult;

pub fn run(ctx: &Ctx<'_>, cmd: JournalCmd) -> CliResult<()> {
    match cmd {
        JournalCmd::Export { account, out } => {
            let filter = JournalFilter {
                account_id: Some(account),
                ..Default::default()
            };
            let rows = ctx.app.journal.export_csv(&filter, &out)?;
            ctx.out.show(&rows, |n| {
                vec![ctx.say(
                    format!("已导出 {n} 行到 {}", out.display()),
                    format!("Exported {n} rows to {}", out.display()),
                )]
            })
        }
    }
}
