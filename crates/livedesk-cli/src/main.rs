//! `livedesk-cli`: LiveDesk's second front end. It opens the same [`App`] as the window (data dir,
//! keyring service, sandbox), so accounts, drafts and the journal are shared; its journal rows say
//! they came from the CLI. Data goes to standard output, messages to standard error, and the exit
//! status says how it ended (`exit.rs`).

mod args;
mod commands;
mod error;
mod exit;
mod lang;
mod output;

use clap::Parser;
use livedesk_core::journal::Origin;
use livedesk_core::{App, CoreError, Locale};

use args::Cli;
use error::CliError;
use exit::Exit;
use output::Output;

fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version come this way too: they print to stdout and end well.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            std::process::exit(Exit::Done.code());
        }
        Err(e) => {
            let _ = e.print();
            std::process::exit(Exit::Usage.code());
        }
    };
    let locale = lang::locale(cli.lang);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            let e = CliError::Core(CoreError::Config(format!("tokio runtime: {e}")));
            std::process::exit(exit::report(&e, locale, cli.json).code());
        }
    };
    let code = runtime.block_on(run(cli, locale));
    std::process::exit(code.code());
}

async fn run(cli: Cli, locale: Locale) -> Exit {
    let Some(data_dir) = cli.data_dir.clone().or_else(livedesk_core::paths::data_dir) else {
        let e = CliError::Core(CoreError::Config(locale.pick(
            "找不到用户数据目录，请用 --data-dir 指定",
            "No user data directory: name one with --data-dir",
        )));
        return exit::report(&e, locale, cli.json);
    };
    let app = match App::open(&data_dir, &cli.keyring_service, Origin::Cli).await {
        Ok(app) => app,
        Err(e) => return exit::report(&e, locale, cli.json),
    };
    app.locale.set(locale);
    let json = cli.json;
    let ctx = commands::Ctx {
        app: &app,
        locale,
        out: Output { json: cli.json },
    };
    let result = commands::run(&ctx, cli.command).await;
    app.shutdown().await;
    match result {
        Ok(()) => Exit::Done,
        Err(e) => exit::report(&e, locale, json),
    }
}
