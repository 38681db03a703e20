//! The goods library against the sandbox simulator: sync, tabs, add with ids kept, audit, the state
//! rules, and each documented errcode of these calls reaching the user at the right field.

mod common;

use common::{TestCore, SANDBOX};
use livedesk_core::goods::form::{APPROVED, REJECTED, UNAUDITED, UNDER_REVIEW};
use livedesk_core::goods::{GoodsChange, GoodsEditable, GoodsForm};
use livedesk_core::journal::{JournalFilter, Outcome, PageRequest};
use livedesk_core::rooms::ImageSlot;
use livedesk_core::{ErrorCode, Locale};
use serde_json::json;

const ADD: &str = "/wxaapi/broadcast/goods/add";
const UPDATE: &str = "/wxaapi/broadcast/goods/update";

fn form(t: &TestCore, name: &str) -> GoodsForm {
    GoodsForm {
        cover_img_url: Some(t.picture(ImageSlot::Goods)),
        name: name.into(),
        price_type: 3,
        price: "129.00".into(),
        price2: "99.90".into(),
        url: "pages/goods/detail?id=88".into(),
        third_party_appid: String::new(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sync_fills_the_tabs_with_progress_and_console_goods_are_read_only() {
    let t = TestCore::open().await;
    let progress = std::sync::Mutex::new(Vec::new());
    let done = t
        .core
        .library
        .sync(SANDBOX, |p| progress.lock().unwrap().push(p))
        .await
        .unwrap();
    let progress = progress.into_inner().unwrap();
    assert_eq!(done.counts.iter().sum::<u64>(), done.goods);
    assert!(done.counts[APPROVED as usize] >= 12, "{:?}", done.counts);
    assert_eq!(progress.last().unwrap().pages_done, done.pages);
    assert!(progress
        .windows(2)
        .all(|w| w[0].pages_done < w[1].pages_done));

    let approved = t
        .core
        .library
        .page(SANDBOX, APPROVED, "", 0, 5)
        .await
        .unwrap();
    assert_eq!(approved.goods.len(), 5);
    assert_eq!(approved.total, done.counts[APPROVED as usize]);
    assert!(approved
        .goods
        .iter()
        .all(|g| g.thumb.starts_with("data:image/")));
    let hits = t
        .core
        .library
        .page(SANDBOX, APPROVED, "普洱", 0, 50)
        .await
        .unwrap();
    assert!(!hits.goods.is_empty() && hits.goods.iter().all(|g| g.goods.name.contains("普洱")));

    // The demo's console-made goods: shown, marked read-only, and refused before sending.
    let mut console = None;
    for status in [UNAUDITED, UNDER_REVIEW, APPROVED, REJECTED] {
        let p = t
            .core
            .library
            .page(SANDBOX, status, "", 0, 100)
            .await
            .unwrap();
        console = console.or(p
            .goods
            .into_iter()
            .find(|g| g.editable == GoodsEditable::Console));
    }
    let console = console.expect("the demo has goods made in the console");
    t.requests().await;
    let e = t
        .core
        .library
        .delete(SANDBOX, console.goods.goods_id)
        .await
        .unwrap_err();
    // Refused before sending with WeChat's own errcode (not as a form error).
    assert_eq!(e.code(), ErrorCode::Refused, "{e:?}");
    assert_eq!(e.detail().and_then(|d| d.errcode), Some(300011));
    assert!(
        e.message(Locale::ZhCn).contains("管理后台"),
        "{}",
        e.message(Locale::ZhCn)
    );
    assert!(t.requests().await.is_empty(), "nothing sent");
}

#[tokio::test(flavor = "multi_thread")]
async fn added_goods_keep_both_ids_then_pass_audit_and_follow_the_state_rules() {
    let t = TestCore::open().await;
    t.sim_post("/audit", json!({"delay_secs": 60})).await;
    t.requests().await;
    let added = t
        .core
        .library
        .add(SANDBOX, form(&t, "桂花乌龙茶礼盒"))
        .await
        .unwrap();
    let paths = t.requests().await;
    let upload = paths
        .iter()
        .position(|p| p.contains("media/upload"))
        .expect("cover uploaded");
    let add = paths.iter().position(|p| p == ADD).expect("goods/add sent");
    assert!(upload < add, "{paths:?}");
    assert_eq!(paths.iter().filter(|p| *p == ADD).count(), 1, "sent once");

    assert!(
        t.core.library.load_draft(SANDBOX).unwrap().is_none(),
        "done with"
    );
    let id = added.goods.goods_id;
    let row = t.core.store.goods_row(SANDBOX, id).unwrap().unwrap();
    assert!(row.audit_id.is_some(), "the audit id is kept");
    assert_eq!(
        (row.audit_status, row.price, row.price2),
        (UNDER_REVIEW, 12900, Some(9990))
    );
    assert_eq!(added.editable, GoodsEditable::Nothing);

    // Under review: a change is refused here, and nothing is sent.
    let reprice = GoodsChange {
        goods_id: id,
        price: Some("119".into()),
        ..Default::default()
    };
    let e = t
        .core
        .library
        .update(SANDBOX, reprice.clone())
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert!(t.requests().await.is_empty());

    // The audit passes on the simulator's clock; a refresh of the tab's ids sees it.
    t.sim_post("/clock", json!({"advance": 61})).await;
    let rows = t.core.library.refresh_audit(SANDBOX, &[]).await.unwrap();
    let fresh = rows.iter().find(|g| g.goods_id == id).unwrap();
    assert_eq!(fresh.audit_status, APPROVED);
    assert_eq!(
        fresh.audit_id, row.audit_id,
        "a listing without it keeps it"
    );

    // Approved: the price changes, the name may not.
    let view = t.core.library.update(SANDBOX, reprice).await.unwrap();
    assert_eq!(view.goods.price, 11900);
    let rename = GoodsChange {
        goods_id: id,
        name: Some("新名字".into()),
        ..Default::default()
    };
    assert!(t.core.library.update(SANDBOX, rename).await.is_err());

    // Withdraw needs an approved-then-resubmitted goods under review: take another one there.
    let second = t
        .core
        .library
        .add(SANDBOX, form(&t, "茉莉花茶"))
        .await
        .unwrap();
    let withdrawn = t
        .core
        .library
        .reset_audit(SANDBOX, second.goods.goods_id)
        .await
        .unwrap();
    assert_eq!(withdrawn.goods.audit_status, UNAUDITED);
    let again = t
        .core
        .library
        .resubmit(SANDBOX, second.goods.goods_id)
        .await
        .unwrap();
    assert_eq!(again.goods.audit_status, UNDER_REVIEW);
    assert_ne!(
        again.goods.audit_id, second.goods.audit_id,
        "the new audit id is kept"
    );

    t.core
        .library
        .delete(SANDBOX, second.goods.goods_id)
        .await
        .unwrap();
    assert!(t
        .core
        .store
        .goods_row(SANDBOX, second.goods.goods_id)
        .unwrap()
        .is_none());

    // Every write is in the journal, in order, with its result and latency.
    let page = t
        .core
        .journal
        .list(
            &JournalFilter {
                account_id: Some(SANDBOX.into()),
                ..Default::default()
            },
            PageRequest {
                offset: 0,
                limit: 50,
            },
        )
        .unwrap();
    let actions: Vec<_> = page
        .entries
        .iter()
        .rev()
        .map(|e| (e.action.as_str(), e.result))
        .collect();
    assert_eq!(
        actions,
        [
            ("goods_add", Outcome::Ok),
            ("goods_update", Outcome::Ok),
            ("goods_add", Outcome::Ok),
            ("goods_reset_audit", Outcome::Ok),
            ("goods_resubmit", Outcome::Ok),
            ("goods_delete", Outcome::Ok),
        ]
    );
    assert!(page
        .entries
        .iter()
        .all(|e| e.latency_ms.is_some() && !e.os_user.is_empty()));
    assert_eq!(
        page.entries.last().unwrap().goods_id,
        Some(id),
        "the new id is learned"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_forms_are_refused_at_their_fields_before_anything_is_sent() {
    let t = TestCore::open().await;
    let mut f = form(&t, "这是一个非常非常长的商品名称超过十四个字");
    f.price_type = 2;
    f.price = "20.005".into();
    f.url = "https://shop.example.com/goods/1".into();
    let fields: Vec<String> = t
        .core
        .library
        .validate(&f)
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["name", "url", "price"]);
    t.requests().await;
    let e = t.core.library.add(SANDBOX, f).await.unwrap_err();
    assert_eq!(
        (e.code(), e.field().as_deref()),
        (ErrorCode::Validation, Some("name"))
    );
    assert!(
        t.requests().await.is_empty(),
        "nothing sent, not even the cover"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn each_documented_library_errcode_reaches_its_field_and_is_journaled() {
    let t = TestCore::open().await;
    // (errcode, the form field it names or None)
    let cases = [
        (300002, Some("name")),
        (300003, Some("price")),
        (300006, None),
        (300007, Some("url")),
        (300018, Some("coverImgUrl")),
    ];
    for (errcode, field) in cases {
        t.fail_next(ADD, errcode).await;
        let e = t
            .core
            .library
            .add(SANDBOX, form(&t, "错误码测试"))
            .await
            .unwrap_err();
        assert_eq!(e.detail().and_then(|d| d.errcode), Some(errcode));
        assert_eq!(e.field().as_deref(), field, "{errcode}");
        assert!(!e.message(Locale::ZhCn).is_empty() && !e.message(Locale::En).is_empty());
    }
    // The form survives every failed submit.
    let kept = t
        .core
        .library
        .load_draft(SANDBOX)
        .unwrap()
        .expect("draft kept");
    assert_eq!(kept.name, "错误码测试");
    let failed = t
        .core
        .journal
        .list(
            &JournalFilter {
                result: Some(Outcome::Failed),
                ..Default::default()
            },
            PageRequest {
                offset: 0,
                limit: 50,
            },
        )
        .unwrap();
    let mut codes: Vec<_> = failed.entries.iter().filter_map(|e| e.errcode).collect();
    codes.sort();
    assert_eq!(codes, [300002, 300003, 300006, 300007, 300018]);

    // 300010 and 300011 from WeChat itself: the store believes goods editable that are not.
    t.core.library.sync(SANDBOX, |_| {}).await.unwrap();
    let under_review = t.core.store.goods_ids_in(SANDBOX, UNDER_REVIEW).unwrap()[0];
    let mut stale = t
        .core
        .store
        .goods_row(SANDBOX, under_review)
        .unwrap()
        .unwrap();
    stale.audit_status = UNAUDITED;
    t.core.store.upsert_goods(SANDBOX, &[stale]).unwrap();
    let rename = GoodsChange {
        goods_id: under_review,
        name: Some("改名".into()),
        ..Default::default()
    };
    let e = t.core.library.update(SANDBOX, rename).await.unwrap_err();
    assert_eq!(e.detail().and_then(|d| d.errcode), Some(300010));

    t.fail_next(UPDATE, 300011).await;
    let approved = t.core.store.goods_ids_in(SANDBOX, APPROVED).unwrap()[0];
    let reprice = GoodsChange {
        goods_id: approved,
        price: Some("1.00".into()),
        ..Default::default()
    };
    let e = t.core.library.update(SANDBOX, reprice).await.unwrap_err();
    assert_eq!(e.detail().and_then(|d| d.errcode), Some(300011));
    assert!(
        e.message(Locale::ZhCn).contains("管理后台"),
        "{}",
        e.message(Locale::ZhCn)
    );
}
