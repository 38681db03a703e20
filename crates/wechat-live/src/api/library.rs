//! The goods library (L1–L9): add and audit goods, list them by state, pendant keys.

use futures::future::try_join_all;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{checks, paging};
use crate::client::Safety;
use crate::model::de;
use crate::model::{AuditStatus, GoodsAdded, GoodsUpdate, LibraryGoods, LibraryPage, NewGoods};
use crate::{Client, Error, Result};

const ADD: &str = "/wxaapi/broadcast/goods/add";
const RESET_AUDIT: &str = "/wxaapi/broadcast/goods/resetaudit";
const RESUBMIT: &str = "/wxaapi/broadcast/goods/audit";
const DELETE: &str = "/wxaapi/broadcast/goods/delete";
const UPDATE: &str = "/wxaapi/broadcast/goods/update";
const INFO: &str = "/wxa/business/getgoodswarehouse";
const LIST: &str = "/wxaapi/broadcast/goods/getapproved";
const SET_KEY: &str = "/wxaapi/broadcast/goods/setkey";
const GET_KEY: &str = "/wxaapi/broadcast/goods/getkey";

/// getapproved's largest page.
const LIST_PAGE: u32 = 100;
/// getgoodswarehouse takes at most 20 ids per call.
const INFO_CHUNK: usize = 20;

/// Goods library operations; from [`Client::library`].
#[derive(Debug, Clone, Copy)]
pub struct Library<'a> {
    client: &'a Client,
}

#[derive(Serialize)]
struct GoodsInfo<'g, T> {
    #[serde(rename = "goodsInfo")]
    goods_info: &'g T,
}

#[derive(Deserialize)]
struct Resubmitted {
    #[serde(rename = "auditId", deserialize_with = "de::int")]
    audit_id: i64,
}

#[derive(Deserialize)]
struct GoodsKey {
    #[serde(rename = "vendorGoodsKey", default, deserialize_with = "de::vec")]
    vendor_goods_key: Vec<String>,
}

impl<'a> Library<'a> {
    pub(super) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// Adds goods and submits them for audit (L1; 500 a day with [`Library::resubmit`]).
    /// Validated first; prices are sent in yuan. Keep both ids of the answer.
    ///
    /// Never sent twice blindly. After an ambiguous failure (sent, no answer) the library is
    /// searched, under review first, for goods with the same name, page, price type and prices;
    /// the newest match is taken as the one added (its `audit_id` is then `None`: no listing gives
    /// it). Only when none is found is the request sent once more. If the search fails, the
    /// original error is returned.
    pub async fn add(self, goods: &NewGoods) -> Result<GoodsAdded> {
        checks::new_goods(goods)?;
        match self.send_add(goods).await {
            Err(e) if e.is_ambiguous() => self.recover_add(goods, e).await,
            other => other,
        }
    }

    async fn send_add(self, goods: &NewGoods) -> Result<GoodsAdded> {
        let body = GoodsInfo { goods_info: goods };
        self.client.post(ADD, &body, Safety::Once).await
    }

    async fn recover_add(self, goods: &NewGoods, first: Error) -> Result<GoodsAdded> {
        // Fresh goods are under review, or unaudited if the audit submission failed (300021);
        // a fast audit may already have moved them on.
        let order = [
            AuditStatus::UnderReview,
            AuditStatus::Unaudited,
            AuditStatus::Approved,
            AuditStatus::Rejected,
        ];
        for status in order {
            let Ok(list) = self.list_all(status).await else {
                return Err(first);
            };
            let found = list
                .iter()
                .filter(|g| same_goods(g, goods))
                .map(|g| g.goods_id)
                .max();
            if let Some(goods_id) = found {
                return Ok(GoodsAdded {
                    goods_id,
                    audit_id: None,
                });
            }
        }
        self.send_add(goods).await
    }

    /// Withdraws goods from audit (L2). The day's audit quota is not refunded.
    pub async fn reset_audit(self, goods_id: i64, audit_id: i64) -> Result<()> {
        let body = json!({ "goodsId": goods_id, "auditId": audit_id });
        let _: IgnoredAny = self
            .client
            .post(RESET_AUDIT, &body, Safety::Idempotent)
            .await?;
        Ok(())
    }

    /// Submits withdrawn goods for audit again (L3) and answers the new audit id.
    ///
    /// Sent once: it spends the day's audit quota, and a repeat after a lost answer would be
    /// refused (300010, under review) and lose the audit id.
    pub async fn resubmit(self, goods_id: i64) -> Result<i64> {
        let body = json!({ "goodsId": goods_id });
        let r: Resubmitted = self.client.post(RESUBMIT, &body, Safety::Once).await?;
        Ok(r.audit_id)
    }

    /// Deletes goods from the library and from every room (L4). Irreversible.
    pub async fn delete(self, goods_id: i64) -> Result<()> {
        let body = json!({ "goodsId": goods_id });
        let _: IgnoredAny = self.client.post(DELETE, &body, Safety::Idempotent).await?;
        Ok(())
    }

    /// Changes goods (L5): only the fields set are sent. Validated first; prices go as yuan.
    pub async fn update(self, update: &GoodsUpdate) -> Result<()> {
        checks::goods_update(update)?;
        let body = GoodsInfo { goods_info: update };
        let _: IgnoredAny = self.client.post(UPDATE, &body, Safety::Idempotent).await?;
        Ok(())
    }

    /// Goods and their audit state by id (L6), in as many calls of 20 ids as needed, run
    /// concurrently within the client's page concurrency. Unknown ids are simply absent.
    pub async fn info(self, goods_ids: &[i64]) -> Result<Vec<LibraryGoods>> {
        let pages = try_join_all(goods_ids.chunks(INFO_CHUNK).map(|chunk| {
            self.client.paged(async move {
                let body = json!({ "goods_ids": chunk });
                let page: LibraryPage = self.client.post(INFO, &body, Safety::Idempotent).await?;
                Ok::<_, Error>(page.goods)
            })
        }))
        .await?;
        Ok(pages.into_iter().flatten().collect())
    }

    /// One page of goods in one audit state (L7; `limit` at most 100). Each item's
    /// `audit_status` is the state asked for, since WeChat leaves it out.
    pub async fn list_page(
        self,
        status: AuditStatus,
        offset: u32,
        limit: u32,
    ) -> Result<LibraryPage> {
        let query = [
            ("offset", offset.to_string()),
            ("limit", limit.to_string()),
            ("status", status.code().to_string()),
        ];
        let mut page: LibraryPage = self.client.get(LIST, &query).await?;
        for g in &mut page.goods {
            g.audit_status.get_or_insert(status);
        }
        Ok(page)
    }

    /// Every goods item in one audit state, pages fetched concurrently.
    pub async fn list_all(self, status: AuditStatus) -> Result<Vec<LibraryGoods>> {
        let mut goods = paging::all_pages(self.client, LIST_PAGE, |offset| async move {
            let page = self.list_page(status, offset, LIST_PAGE).await?;
            Ok((page.total, page.goods))
        })
        .await?;
        paging::dedup_by_key(&mut goods, |g| g.goods_id);
        Ok(goods)
    }

    /// The whole library: the four audit states listed concurrently, in code order.
    pub async fn list_all_statuses(self) -> Result<Vec<LibraryGoods>> {
        let lists = try_join_all(AuditStatus::ALL.map(|s| self.list_all(s))).await?;
        let mut goods: Vec<LibraryGoods> = lists.into_iter().flatten().collect();
        // Goods moving between states during the sync may show up twice.
        paging::dedup_by_key(&mut goods, |g| g.goods_id);
        Ok(goods)
    }

    /// Sets the account's pendant goods key (L8). Set it once: changing it breaks earlier mappings.
    pub async fn set_global_key(self, keys: &[String]) -> Result<()> {
        let body = json!({ "goodsKey": keys });
        let _: IgnoredAny = self.client.post(SET_KEY, &body, Safety::Idempotent).await?;
        Ok(())
    }

    /// The account's pendant goods key (L9).
    pub async fn global_key(self) -> Result<Vec<String>> {
        let k: GoodsKey = self.client.get(GET_KEY, &[]).await?;
        Ok(k.vendor_goods_key)
    }
}

/// What identifies goods we added when the answer was lost. The image cannot be compared (we sent
/// a media id, listings give a URL).
fn same_goods(g: &LibraryGoods, sent: &NewGoods) -> bool {
    let price2 = |p: Option<crate::Fen>| p.filter(|f| f.0 != 0);
    g.name == sent.name
        && g.url == sent.url
        && g.price == sent.price
        && g.price_type == sent.price_type
        && price2(g.price2) == price2(sent.price2)
}
