//! `accounts`: list, add (the AppSecret from standard input or a silent prompt), verify.

use std::io::{IsTerminal, Read};

use livedesk_core::accounts::{AccountList, KeyringStatus, NewAccount};
use wechat_live::Secret;

use super::Ctx;
use crate::args::AccountsCmd;
use crate::error::{CliError, CliResult};

pub async fn run(ctx: &Ctx<'_>, cmd: AccountsCmd) -> CliResult<()> {
    match cmd {
        AccountsCmd::List => list(ctx),
        AccountsCmd::Add {
            name,
            app_id,
            base_url,
        } => {
            let secret = read_secret()?;
            let input = NewAccount {
                name,
                app_id,
                secret,
                base_url,
            };
            let view = ctx.app.accounts.add(input).await?;
            ctx.out.show(&view, |v| {
                vec![ctx.say(
                    format!("已添加并验证：{}（{}）", v.id, v.name),
                    format!("Added and verified: {} ({})", v.id, v.name),
                )]
            })
        }
        AccountsCmd::Verify { account } => {
            let (result, cause) = ctx
                .app
                .accounts
                .verify_with_cause(&account, ctx.locale)
                .await?;
            match cause {
                // The result goes out as data too, so a script sees the IP WeChat saw.
                Some(source) => {
                    if ctx.out.json {
                        ctx.out.json(&result)?;
                    }
                    Err(CliError::Verify {
                        message: result.message,
                        source,
                    })
                }
                None => ctx.out.show(&result, |r| vec![r.message.clone()]),
            }
        }
    }
}

fn list(ctx: &Ctx<'_>) -> CliResult<()> {
    let list = ctx.app.accounts.list(ctx.locale)?;
    ctx.out.show(&list, |l| lines(ctx, l))
}

fn lines(ctx: &Ctx<'_>, l: &AccountList) -> Vec<String> {
    let mut out: Vec<String> = l
        .accounts
        .iter()
        .map(|a| {
            let secret = match a.secret_set {
                Some(true) => ctx.say("密钥已保存", "secret set"),
                Some(false) => ctx.say("缺少密钥", "no secret"),
                None => ctx.say("密钥未知", "secret unknown"),
            };
            format!("{}\t{}\t{}\t{secret}", a.id, a.app_id, a.name)
        })
        .collect();
    // The keyring's state is part of the answer: without it `secret unknown` is unexplained.
    match l.keyring {
        KeyringStatus::Ok => {}
        KeyringStatus::Unavailable => out.push(ctx.say(
            "（无法连接系统钥匙串）",
            "(the system keyring is not reachable)",
        )),
        KeyringStatus::Locked => {
            out.push(ctx.say("（系统钥匙串已锁定）", "(the system keyring is locked)"))
        }
    }
    out
}

/// The AppSecret: all of standard input when it is not a terminal (a pipe, a file), else a prompt
/// that does not echo. Never an argument or a variable: those show in `ps` and shell histories.
fn read_secret() -> CliResult<Secret> {
    let stdin = std::io::stdin();
    let text = if stdin.is_terminal() {
        rpassword::prompt_password("AppSecret: ").map_err(CliError::SecretInput)?
    } else {
        let mut s = String::new();
        stdin
            .lock()
            .read_to_string(&mut s)
            .map_err(CliError::SecretInput)?;
        s
    };
    // The core trims it (a pasted newline) and refuses an empty one with the field named.
    Ok(Secret::new(text))
}
