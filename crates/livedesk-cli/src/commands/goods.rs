//! `goods`: the library (synced, then listed) and, in a room, push and sale through the live
//! console's queue: the same queue, journal and double-send guard as the window's console.

use livedesk_core::goods::GoodsView;
use livedesk_core::live::{ActionKind, ActionState, QueuedAction};

use super::Ctx;
use crate::args::{GoodsCmd, OnOff};
use crate::error::{CliError, CliResult};

/// Goods per page read from the store (the library's largest tab page).
const PAGE: u32 = livedesk_core::goods::library::MAX_TAB_PAGE;

pub async fn run(ctx: &Ctx<'_>, cmd: GoodsCmd) -> CliResult<()> {
    match cmd {
        GoodsCmd::List { account } => list(ctx, &account).await,
        GoodsCmd::Push {
            account,
            room,
            goods,
        } => act(ctx, &account, room, ActionKind::Push { goods_id: goods }).await,
        GoodsCmd::Sale {
            account,
            room,
            goods,
            state,
        } => {
            let on_sale = state == OnOff::On;
            let kind = ActionKind::Sale {
                goods_id: goods,
                on_sale,
            };
            act(ctx, &account, room, kind).await
        }
    }
}

/// Syncs the library, then every audit tab in order (0 unaudited … 3 rejected), newest first.
async fn list(ctx: &Ctx<'_>, account: &str) -> CliResult<()> {
    ctx.app.library.sync(account, |_| {}).await?;
    let mut all: Vec<GoodsView> = Vec::new();
    for status in 0..4u8 {
        let mut offset = 0;
        loop {
            let page = ctx
                .app
                .library
                .page(account, status, "", offset, PAGE)
                .await?;
            let got = page.goods.len() as u32;
            all.extend(page.goods);
            offset += got;
            if got == 0 || u64::from(offset) >= page.total {
                break;
            }
        }
    }
    ctx.out.show(&all, |goods| {
        goods
            .iter()
            .map(|v| {
                let g = &v.goods;
                format!(
                    "{}\t{}\t{}\t{}",
                    g.goods_id,
                    g.audit_status,
                    yuan(g.price),
                    g.name
                )
            })
            .collect()
    })
}

/// Fen as yuan text (`16800` → `168.00`).
fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", fen.abs() / 100, fen.abs() % 100)
}

/// Queues the action and waits for its answer; a failed one is an error exit, after the action
/// itself went out as data with `--json`.
async fn act(ctx: &Ctx<'_>, account: &str, room: i64, kind: ActionKind) -> CliResult<()> {
    let done = ctx.app.console.act(account, room, kind).await?;
    match &done.state {
        ActionState::Done { latency_ms } => ctx.out.show(&done, |a| {
            vec![ctx.say(
                format!("完成：{}（{latency_ms} ms）", what(a)),
                format!("Done: {} ({latency_ms} ms)", what(a)),
            )]
        }),
        _ => {
            if ctx.out.json {
                ctx.out.json(&done)?;
            }
            Err(CliError::Action(Box::new(done)))
        }
    }
}

fn what(a: &QueuedAction) -> String {
    let subject = if a.subject.is_empty() {
        a.action
            .goods_id()
            .map(|g| g.to_string())
            .unwrap_or_default()
    } else {
        a.subject.clone()
    };
    match a.action {
        ActionKind::Push { .. } => format!("push {subject}"),
        ActionKind::Sale { on_sale: true, .. } => format!("on sale {subject}"),
        ActionKind::Sale { on_sale: false, .. } => format!("off sale {subject}"),
        _ => subject,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn yuan_has_two_decimals() {
        assert_eq!(super::yuan(16800), "168.00");
        assert_eq!(super::yuan(5), "0.05");
        assert_eq!(super::yuan(-150), "-1.50");
    }
}
