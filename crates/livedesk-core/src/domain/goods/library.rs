//! The goods library: a full sync into SQLite (pages fetched concurrently, bounded), tabs served
//! from there, and every write — add, update, delete, withdraw, resubmit — journaled, with the ids
//! WeChat answers written down the moment they come.

use std::time::Instant;

use futures::stream::{self, StreamExt};
use wechat_live::model::{AuditStatus, LibraryGoods};
use wechat_live::Client;

use super::form::{self, UNAUDITED, UNDER_REVIEW};
use super::{GoodsChange, GoodsForm, GoodsView, LibraryPage, SyncDone, SyncProgress};
use crate::base::clock::unix_now;
use crate::base::error::{CoreError, CoreResult};
use crate::base::field::FieldError;
use crate::base::locale::LocaleState;
use crate::infra::clients::Clients;
use crate::infra::guard::LiveGuard;
use crate::infra::media::{ImageRef, Media};
use crate::infra::store::{DraftKind, GoodsRow, Store};
use crate::journal::{Action, Journal, Write};

/// The goods library. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Library {
    store: Store,
    clients: Clients,
    journal: Journal,
    media: Media,
    guard: LiveGuard,
    locale: LocaleState,
}

/// getapproved's largest page.
pub const PAGE: u32 = 100;
/// Pages in flight during a sync: quick, and far inside getapproved's 10,000 calls a day.
pub const SYNC_CONCURRENCY: usize = 4;
/// getgoodswarehouse takes 20 ids a call; a refresh asks at most this many ids.
pub const AUDIT_REFRESH_MAX: usize = 200;
/// The largest tab page.
pub const MAX_TAB_PAGE: u32 = 100;

/// A row from WeChat's listing, seen at `at`.
pub fn row_of(g: &LibraryGoods, at: i64) -> GoodsRow {
    GoodsRow {
        goods_id: g.goods_id,
        audit_id: g.audit_id,
        name: g.name.clone(),
        cover_url: g.cover_img_url.clone(),
        url: g.url.clone(),
        price_type: g.price_type.code() as u8,
        price: g.price.0,
        price2: g.price2.map(|p| p.0).filter(|p| *p != 0),
        third_party_appid: g.third_party_appid.clone(),
        third_party_tag: u8::try_from(g.third_party_tag).ok(),
        audit_status: g.audit_status.map_or(UNAUDITED, |s| s.code() as u8),
        seen_at: at,
    }
}

impl Library {
    /// The library over its handles.
    pub fn new(
        store: Store,
        clients: Clients,
        journal: Journal,
        media: Media,
        guard: LiveGuard,
        locale: LocaleState,
    ) -> Self {
        Self {
            store,
            clients,
            journal,
            media,
            guard,
            locale,
        }
    }

    /// Reads the whole library from WeChat into the store, reporting each page. The first page of
    /// each state gives its total; the rest are fetched `SYNC_CONCURRENCY` at a time.
    pub async fn sync(
        &self,
        account_id: &str,
        on_progress: impl Fn(SyncProgress),
    ) -> CoreResult<SyncDone> {
        let started = Instant::now();
        let client = self.clients.get(account_id)?;
        let at = unix_now();
        let firsts = futures::future::try_join_all(
            AuditStatus::ALL.map(|s| client.library().list_page(s, 0, PAGE)),
        )
        .await?;
        let mut rest: Vec<(AuditStatus, u32)> = Vec::new();
        let mut goods: Vec<LibraryGoods> = Vec::new();
        for (status, page) in AuditStatus::ALL.into_iter().zip(firsts) {
            let total = u32::try_from(page.total.max(0)).unwrap_or(u32::MAX);
            // A server that caps pages lower than asked sets the step.
            let step = (page.goods.len() as u32).clamp(1, PAGE);
            if !page.goods.is_empty() {
                rest.extend((step..total).step_by(step as usize).map(|o| (status, o)));
            }
            goods.extend(page.goods);
        }
        let pages_total = 4 + rest.len() as u32;
        let mut pages_done = 4;
        on_progress(SyncProgress {
            pages_done,
            pages_total,
            goods: goods.len() as u64,
        });
        let mut pages = stream::iter(rest.into_iter().map(|(status, offset)| {
            let client = client.clone();
            async move { client.library().list_page(status, offset, PAGE).await }
        }))
        .buffer_unordered(SYNC_CONCURRENCY);
        while let Some(page) = pages.next().await {
            goods.extend(page?.goods);
            pages_done += 1;
            on_progress(SyncProgress {
                pages_done,
                pages_total,
                goods: goods.len() as u64,
            });
        }
        let mut seen = std::collections::HashSet::new();
        // Goods moving between states while the pages were read can show twice.
        goods.retain(|g| seen.insert(g.goods_id));
        let rows: Vec<GoodsRow> = goods.iter().map(|g| row_of(g, at)).collect();
        self.store.replace_library(account_id, &rows, at)?;
        let counts = self.store.goods_counts(account_id)?;
        log::info!(
            "library of {account_id}: {} goods in {pages_done} pages, {} ms",
            rows.len(),
            started.elapsed().as_millis()
        );
        Ok(SyncDone {
            goods: rows.len() as u64,
            pages: pages_done,
            millis: started.elapsed().as_millis() as u64,
            counts,
        })
    }

    /// Views of stored rows, covers as thumbnails.
    pub async fn views(&self, rows: Vec<GoodsRow>) -> Vec<GoodsView> {
        let known = self
            .media
            .thumbnails(rows.iter().map(|g| g.cover_url.as_str()))
            .await;
        rows.into_iter()
            .map(|g| GoodsView {
                thumb: known.get(&g.cover_url).cloned().unwrap_or_default(),
                editable: form::editable(&g),
                goods: g,
            })
            .collect()
    }

    /// One page of a tab (audit status), from the store; `search` matches names.
    pub async fn page(
        &self,
        account_id: &str,
        status: u8,
        search: &str,
        offset: u32,
        limit: u32,
    ) -> CoreResult<LibraryPage> {
        let (rows, total) = self.store.goods_page(
            account_id,
            status,
            search,
            offset,
            limit.clamp(1, MAX_TAB_PAGE),
        )?;
        let counts = self.store.goods_counts(account_id)?;
        Ok(LibraryPage {
            goods: self.views(rows).await,
            total,
            counts,
        })
    }

    /// The add form's broken rules.
    pub fn validate(&self, form: &GoodsForm) -> Vec<FieldError> {
        form::field_errors(form, self.locale.get())
    }

    async fn upload_cover(&self, client: &Client, img: &ImageRef) -> CoreResult<String> {
        Ok(self.media.upload(client, img).await?.media_id)
    }

    /// The stored row, or not_found.
    fn stored(&self, account_id: &str, goods_id: i64) -> CoreResult<GoodsRow> {
        self.store
            .goods_row(account_id, goods_id)?
            .ok_or_else(|| CoreError::not_found(format!("goods {goods_id}")))
    }

    /// Saves the add form as typed (it survives a failed submit and a closed window).
    pub fn save_draft(&self, account_id: &str, form: &GoodsForm) -> CoreResult<()> {
        let json = serde_json::to_string(form).map_err(crate::infra::store::StoreError::from)?;
        self.store
            .save_draft_of(DraftKind::Goods, account_id, &json, unix_now())?;
        Ok(())
    }

    /// The add form's draft, if any (an unreadable one counts as none).
    pub fn load_draft(&self, account_id: &str) -> CoreResult<Option<GoodsForm>> {
        let json = self.store.draft_of(DraftKind::Goods, account_id)?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// Drops the add form's draft.
    pub fn clear_draft(&self, account_id: &str) -> CoreResult<()> {
        Ok(self.store.clear_draft_of(DraftKind::Goods, account_id)?)
    }

    /// Adds goods and submits them for audit: checked, cover uploaded, sent once (journaled), and
    /// both ids written to SQLite as soon as WeChat answers.
    pub async fn add(&self, account_id: &str, form: GoodsForm) -> CoreResult<GoodsView> {
        if let Some(v) = form::violations(&form).into_iter().next() {
            return Err(CoreError::Violation(v));
        }
        let client = self.clients.get(account_id)?;
        self.save_draft(account_id, &form)?;
        let cover = form.cover_img_url.as_ref().expect("checked above");
        let media_id = self.upload_cover(&client, cover).await?;
        let new = form::new_goods(&form, media_id)?;
        let w = Write::new(account_id, Action::GoodsAdd).subject(&new.name);
        let added = self
            .journal
            .record_learning(w, client.library().add(&new), |a| (None, Some(a.goods_id)))
            .await??;
        let row = GoodsRow {
            goods_id: added.goods_id,
            audit_id: added.audit_id,
            name: new.name.clone(),
            cover_url: String::new(),
            url: new.url.clone(),
            price_type: new.price_type.code() as u8,
            price: new.price.0,
            price2: new.price2.map(|p| p.0),
            third_party_appid: new.third_party_appid.clone().unwrap_or_default(),
            third_party_tag: Some(2),
            audit_status: UNDER_REVIEW,
            seen_at: unix_now(),
        };
        self.store
            .upsert_goods(account_id, std::slice::from_ref(&row))?;
        self.clear_draft(account_id)?;
        // The listing's view (cover URL, state) when WeChat gives it; the ids are safe already.
        let fresh = self.refresh_audit(account_id, &[row.goods_id]).await;
        let row = match fresh {
            Ok(mut v) if !v.is_empty() => v.remove(0),
            _ => row,
        };
        Ok(self.views(vec![row]).await.remove(0))
    }

    /// Changes goods within WeChat's state rules (journaled), then reads them back.
    pub async fn update(&self, account_id: &str, change: GoodsChange) -> CoreResult<GoodsView> {
        let current = self.stored(account_id, change.goods_id)?;
        // Rules first, so a refused change uploads nothing.
        form::goods_update(&current, &change, None)?;
        let client = self.clients.get(account_id)?;
        let media_id = match &change.cover_img_url {
            Some(img) => Some(self.upload_cover(&client, img).await?),
            None => None,
        };
        let update = form::goods_update(&current, &change, media_id)?;
        let w = Write::new(account_id, Action::GoodsUpdate)
            .goods(current.goods_id)
            .subject(update.name.as_deref().unwrap_or(&current.name));
        self.journal
            .record(w, client.library().update(&update))
            .await??;
        let row = self
            .refresh_audit(account_id, &[current.goods_id])
            .await?
            .into_iter()
            .next()
            .unwrap_or(current);
        Ok(self.views(vec![row]).await.remove(0))
    }

    /// Deletes goods from the library and every room. Irreversible; goods on the shelf of a room
    /// whose show is on need that room unlocked first (the live lock).
    pub async fn delete(&self, account_id: &str, goods_id: i64) -> CoreResult<()> {
        let current = self.stored(account_id, goods_id)?;
        form::check_not_console(&current)?;
        self.guard.goods(account_id, goods_id).await?;
        let client = self.clients.get(account_id)?;
        let w = Write::new(account_id, Action::GoodsDelete)
            .goods(goods_id)
            .subject(&current.name);
        self.journal
            .record(w, client.library().delete(goods_id))
            .await??;
        self.store.delete_goods(account_id, goods_id)?;
        Ok(())
    }

    /// Withdraws goods from audit (their audit id is needed: only LiveDesk's own adds know it).
    pub async fn reset_audit(&self, account_id: &str, goods_id: i64) -> CoreResult<GoodsView> {
        let current = self.stored(account_id, goods_id)?;
        form::check_not_console(&current)?;
        let audit_id = current.audit_id.ok_or_else(|| {
            CoreError::invalid(
            "auditId",
            "不知道这件商品的审核单号（不是在本机通过 LiveDesk 提交的），无法撤回审核",
            "The audit id of these goods is unknown (they were not submitted from this LiveDesk), \
             so the audit cannot be withdrawn",
        )
        })?;
        let client = self.clients.get(account_id)?;
        let w = Write::new(account_id, Action::GoodsResetAudit)
            .goods(goods_id)
            .subject(&current.name)
            .detail(format!("auditId={audit_id}"));
        self.journal
            .record(w, client.library().reset_audit(goods_id, audit_id))
            .await??;
        self.store
            .set_goods_audit(account_id, goods_id, UNAUDITED, None, unix_now())?;
        Ok(self
            .views(vec![self.stored(account_id, goods_id)?])
            .await
            .remove(0))
    }

    /// Submits withdrawn (or rejected) goods for audit again; the new audit id is kept at once.
    pub async fn resubmit(&self, account_id: &str, goods_id: i64) -> CoreResult<GoodsView> {
        let current = self.stored(account_id, goods_id)?;
        form::check_not_console(&current)?;
        let client = self.clients.get(account_id)?;
        let w = Write::new(account_id, Action::GoodsResubmit)
            .goods(goods_id)
            .subject(&current.name);
        let audit_id = self
            .journal
            .record(w, client.library().resubmit(goods_id))
            .await??;
        self.store.set_goods_audit(
            account_id,
            goods_id,
            UNDER_REVIEW,
            Some(audit_id),
            unix_now(),
        )?;
        Ok(self
            .views(vec![self.stored(account_id, goods_id)?])
            .await
            .remove(0))
    }

    /// Reads the audit state of `ids` (at most [`AUDIT_REFRESH_MAX`], 20 a call) and stores it; with
    /// no ids, the goods under review. Answers the rows WeChat returned.
    pub async fn refresh_audit(&self, account_id: &str, ids: &[i64]) -> CoreResult<Vec<GoodsRow>> {
        let ids: Vec<i64> = if ids.is_empty() {
            self.store.goods_ids_in(account_id, UNDER_REVIEW)?
        } else {
            ids.to_vec()
        };
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let ids = &ids[..ids.len().min(AUDIT_REFRESH_MAX)];
        let client = self.clients.get(account_id)?;
        let at = unix_now();
        let rows: Vec<GoodsRow> = client
            .library()
            .info(ids)
            .await?
            .iter()
            .map(|g| row_of(g, at))
            .collect();
        self.store.upsert_goods(account_id, &rows)?;
        Ok(rows
            .iter()
            .filter_map(|r| self.store.goods_row(account_id, r.goods_id).ok().flatten())
            .collect())
    }
}
