//! The goods, shelf and journal commands through Tauri's mock runtime, against the in-process
//! sandbox: the argument names the UI sends, the shapes it reads, and errors as `{code, field,
//! detail}`.

mod common;

use common::TestApp;
use serde_json::{json, Value};

/// A channel argument as the UI's `new Channel()` serializes it.
const CHANNEL: &str = "__CHANNEL__:7";

#[test]
fn the_library_syncs_pages_and_validates_through_the_commands() {
    let app = TestApp::new();
    let done: Value = app.ok(
        "goods_sync",
        json!({"accountId": "sandbox", "progress": CHANNEL}),
    );
    assert!(done["goods"].as_u64().unwrap() >= 20, "{done}");
    let counts = done["counts"].as_array().unwrap();
    assert_eq!(counts.len(), 4);

    let page: Value = app.ok(
        "goods_page",
        json!({"accountId": "sandbox", "status": 2, "search": "", "offset": 0, "limit": 5}),
    );
    assert_eq!(page["goods"].as_array().unwrap().len(), 5);
    assert_eq!(page["total"], counts[2]);
    let first = &page["goods"][0];
    assert!(first["goods"]["goodsId"].as_i64().unwrap() > 0);
    assert!(
        ["all", "price_only", "nothing", "console"].contains(&first["editable"].as_str().unwrap())
    );

    let form = json!({"coverImgUrl": null, "name": "杯", "priceType": 2, "price": "20", "price2": "10",
                      "url": "pages/g?id=1", "thirdPartyAppid": ""});
    let errs: Vec<Value> = app.ok("goods_validate", json!({"form": form}));
    let fields: Vec<&str> = errs.iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["coverImgUrl", "price2"]);
    let e = app.err("goods_add", json!({"accountId": "sandbox", "form": form}));
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("validation"), Some("coverImgUrl"))
    );
}

#[test]
fn shelf_writes_are_journaled_and_refusals_carry_the_errcode() {
    let app = TestApp::new();
    let shelf: Value = app.ok("shelf_list", json!({"accountId": "sandbox", "roomId": 2}));
    let goods_id = shelf["goods"][0]["goodsId"].as_i64().unwrap();
    assert_eq!(shelf["goods"][0]["onSale"], Value::Null, "never set here");
    // Sale and push go through the room's queue: the answer is the action and how it ended.
    let sale: Value = app.ok(
        "live_act",
        json!({"accountId": "sandbox", "roomId": 2,
               "action": {"kind": "sale", "goodsId": goods_id, "onSale": true}}),
    );
    assert_eq!(sale["state"]["state"], "done", "{sale}");
    let shelf: Value = app.ok("shelf_list", json!({"accountId": "sandbox", "roomId": 2}));
    assert_eq!(shelf["goods"][0]["onSale"], true);

    // Room 2 has not started: WeChat refuses the push (300023), and the action says so.
    let push: Value = app.ok(
        "live_act",
        json!({"accountId": "sandbox", "roomId": 2, "action": {"kind": "push", "goodsId": goods_id}}),
    );
    assert_eq!(push["state"]["state"], "failed", "{push}");
    assert_eq!(push["state"]["errcode"], 300023);
    assert_eq!(push["state"]["sent"], true);

    let filter = json!({"accountId": "sandbox", "roomId": 2, "action": null, "result": null,
                        "fromMs": null, "toMs": null});
    let page: Value = app.ok(
        "journal_list",
        json!({"filter": filter, "page": {"offset": 0, "limit": 10}}),
    );
    let rows = page["entries"].as_array().unwrap();
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["action"].as_str().unwrap(), r["result"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [("room_goods_push", "failed"), ("room_goods_sale", "ok")]
    );
    assert_eq!(rows[0]["errcode"], 300023);
    // The failure reads in the user's language (zh-CN by default).
    assert!(
        rows[0]["message"].as_str().unwrap().contains("直播间"),
        "{}",
        rows[0]["message"]
    );

    let summary: Value = app.ok(
        "journal_room_summary",
        json!({"accountId": "sandbox", "roomId": 2}),
    );
    assert_eq!(
        (summary["writes"].as_u64(), summary["failures"].as_u64()),
        (Some(2), Some(1))
    );

    let path = app.data_dir().join("export.csv");
    let n: u64 = app.ok("journal_export", json!({"filter": filter, "path": path}));
    assert_eq!(n, 2);
    let csv = std::fs::read_to_string(&path).unwrap();
    assert!(csv.starts_with('\u{feff}'), "a BOM for spreadsheets");
    assert!(csv.contains("room_goods_push") && csv.contains("300023"));
}
