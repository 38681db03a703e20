//! `goods` and `journal`: the library listed after a sync; push and sale on the sandbox's live
//! room (101, 春季新品发布会, goods 1–5 on its shelf, 4 off sale) through the console's queue; a
//! refusal before sending exits 3, WeChat's refusal 4; the journal export has those rows, from
//! the CLI. Each run is a fresh sandbox over the same data dir, so only the store carries over.

mod common;

use common::{Cli, SANDBOX};

const LIVE_ROOM: &str = "1";

#[test]
fn the_library_is_synced_then_listed() {
    let cli = Cli::new();
    let goods = cli
        .run(&["--json", "goods", "list", SANDBOX])
        .expect(0)
        .json();
    let goods = goods.as_array().unwrap();
    assert_eq!(goods.len(), 20);
    let tea = goods
        .iter()
        .find(|g| g["goods"]["name"] == "云南高山普洱茶饼357g")
        .expect("the demo's first goods");
    assert_eq!(tea["goods"]["goodsId"], 1);
    let text = cli.run(&["goods", "list", SANDBOX]).expect(0);
    assert!(
        text.stdout
            .lines()
            .any(|l| l.starts_with("1\t") && l.contains("168.00")),
        "{}",
        text.stdout
    );
}

#[test]
fn push_and_sale_are_journaled_from_the_cli() {
    let cli = Cli::new();
    let run = cli
        .run(&["--json", "goods", "push", SANDBOX, LIVE_ROOM, "2"])
        .expect(0);
    let done = run.json();
    assert_eq!(done["state"]["state"], "done", "{done}");
    assert_eq!(
        done["action"],
        serde_json::json!({"kind": "push", "goodsId": 2})
    );
    cli.run(&["goods", "sale", SANDBOX, LIVE_ROOM, "3", "off"])
        .expect(0);

    // LiveDesk took 3 off sale: pushing it is refused before sending.
    let refused = cli
        .run(&["goods", "push", SANDBOX, LIVE_ROOM, "3"])
        .expect(3);
    assert!(
        refused.stderr.contains("errcode: 300052"),
        "{}",
        refused.stderr
    );
    // 4 is off sale in WeChat only: it is sent, and WeChat refuses.
    let wechat = cli
        .run(&["--json", "goods", "push", SANDBOX, LIVE_ROOM, "4"])
        .expect(4);
    let failed = wechat.json();
    assert_eq!(failed["state"]["sent"], true, "{failed}");
    assert_eq!(failed["state"]["errcode"], 300052, "{failed}");
    let err: serde_json::Value = serde_json::from_str(wechat.stderr.trim()).unwrap();
    assert_eq!(err["code"], "wechat", "{err}");
    assert_eq!(err["detail"]["errcode"], 300052, "{err}");

    let csv = cli.path("journal.csv");
    cli.run(&["journal", "export", SANDBOX, "--out", csv.to_str().unwrap()])
        .expect(0);
    let text = std::fs::read_to_string(&csv).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(rows.len(), 4, "{text}");
    // goods_id (7), action (9), result (11), origin (15)
    let seen: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (col(r, 7), col(r, 9), col(r, 11), col(r, 15)))
        .collect();
    assert_eq!(
        seen,
        [
            ("2", "room_goods_push", "ok", "cli"),
            ("3", "room_goods_sale", "ok", "cli"),
            ("3", "room_goods_push", "failed", "cli"),
            ("4", "room_goods_push", "failed", "cli"),
        ],
        "{text}"
    );
}

#[test]
fn an_action_in_a_room_of_no_account_is_not_found() {
    let cli = Cli::new();
    cli.run(&["goods", "push", "acc-nope", LIVE_ROOM, "2"])
        .expect(3);
}

fn col<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or_default()
}
