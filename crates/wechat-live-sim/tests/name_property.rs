//! Property: a room name is accepted exactly when its CJK width (ASCII 1, others 2) is 6..=34.

mod common;

use common::Sim;
use proptest::prelude::*;

fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

#[test]
fn room_name_width_decides_acceptance() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let (sim, base) = rt.block_on(async {
        let sim = Sim::new(false).await;
        sim.verify(&["anchor_ok1"]).await;
        let base = sim.room_body().await;
        (sim, base)
    });
    let config = ProptestConfig::with_cases(48);
    proptest!(config, |(name in "[a-zA-Z0-9]{0,12}[一-龥]{0,16}")| {
        let mut body = base.clone();
        body["name"] = serde_json::json!(name);
        let v = rt.block_on(sim.create_room(&body));
        let code = v["errcode"].as_i64().unwrap_or(-999);
        let expect = if name.is_empty() {
            200002 // absent/empty name is a missing field
        } else if (6..=34).contains(&width(&name)) {
            0
        } else {
            300002
        };
        prop_assert_eq!(code, expect, "{} (width {}): {}", name, width(&name), v);
    });
}
