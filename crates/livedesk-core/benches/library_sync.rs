//! The goods library's full sync, for the demo account and for 10,000 goods in the simulator. The
//! end point is what a tab shows: the sync written to SQLite and the first page of the approved tab
//! read back with its thumbnails. The baseline, measured in the same run against the same
//! simulator, is the plain way: every page of getapproved fetched one after another, nothing
//! stored. The ratio says what the bounded concurrency and the store cost or save; it is measured
//! on loopback and with 30 ms of latency added to each page, as a network would.
#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

use livedesk_core::goods::form::APPROVED;
use livedesk_core::goods::library;
use livedesk_core::App;
use serde_json::json;
use wechat_live::model::AuditStatus;

const ROUNDS: usize = 5;
const SEEDED: usize = 10_000;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Sync, then the approved tab's first page: what the user waits for.
async fn sync_to_screen(core: &App) -> (Duration, u64) {
    let t0 = Instant::now();
    let done = core.library.sync("sandbox", |_| {}).await.expect("sync");
    let page = core
        .library
        .page("sandbox", APPROVED, "", 0, 20)
        .await
        .expect("page");
    assert!(!page.goods.is_empty());
    (t0.elapsed(), done.goods)
}

/// Every page of every status, one request at a time.
async fn sequential_listing(core: &App) -> (Duration, usize) {
    let client = core.clients.get("sandbox").expect("client");
    let t0 = Instant::now();
    let mut n = 0;
    for status in AuditStatus::ALL {
        let mut offset = 0;
        loop {
            let page = client
                .library()
                .list_page(status, offset, library::PAGE)
                .await
                .expect("page");
            n += page.goods.len();
            offset += library::PAGE;
            if page.goods.is_empty() || i64::from(offset) >= page.total {
                break;
            }
        }
    }
    (t0.elapsed(), n)
}

async fn measure(core: &App, label: &str) {
    let mut ours = Vec::new();
    let mut plain = Vec::new();
    let mut goods = 0;
    // Alternating, after one warm-up of each.
    sync_to_screen(core).await;
    sequential_listing(core).await;
    for _ in 0..ROUNDS {
        let (d, g) = sync_to_screen(core).await;
        ours.push(d);
        goods = g;
        plain.push(sequential_listing(core).await.0);
    }
    let (a, b) = (median(ours), median(plain));
    println!(
        "{label}: {goods} goods, sync to the first tab page {:.1} ms; sequential listing {:.1} ms; ratio {:.2}",
        a.as_secs_f64() * 1e3,
        b.as_secs_f64() * 1e3,
        a.as_secs_f64() / b.as_secs_f64()
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let core = App::open(
        dir.path(),
        "livedesk-bench-library",
        livedesk_core::journal::Origin::App,
    )
    .await
    .expect("core");
    let control = |path: &str| format!("{}/__sim{path}", core.sandbox.base_url());
    let http = reqwest::Client::new();
    // Quotas would stop a bench that lists the library dozens of times a minute.
    http.post(control("/quota"))
        .json(&json!({"enabled": false}))
        .send()
        .await
        .expect("quota switch");
    measure(&core, "demo account").await;
    http.post(control("/seed"))
        .json(&json!({"goods": SEEDED}))
        .send()
        .await
        .expect("seed");
    measure(&core, "10,000 more goods").await;
    // On loopback both ways are bound by the CPU; WeChat is a network away. With 30 ms added to
    // every page (a modest round trip), the pages in flight are what the user gains.
    http.post(control("/faults"))
        .json(&json!({"path": "/wxaapi/broadcast/goods/getapproved", "kind": "latency", "latency_ms": 30}))
        .send()
        .await
        .expect("latency fault");
    measure(&core, "10,000 more goods, 30 ms a page").await;
}
