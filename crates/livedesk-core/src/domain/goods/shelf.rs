//! A room's goods: the shelf in order (from getliveinfo, the only read WeChat has) with the sale
//! state LiveDesk set, import of approved goods, sale on/off, push, delete, reorder, and the
//! explanation video downloaded to a file. Every write is journaled.

use std::io::Write as _;
use std::path::Path;

use super::{DownloadProgress, Shelf as ShelfView, ShelfGoods, VideoSaved};
use crate::base::clock::unix_now;
use crate::base::error::{CoreError, CoreResult};
use crate::base::tables::ShelfBook;
use crate::infra::clients::Clients;
use crate::infra::guard::LiveGuard;
use crate::infra::media::Media;
use crate::infra::store::Store;
use crate::journal::{Action, Journal, Write};

/// The rooms' goods (their shelves). Cheap to clone.
#[derive(Debug, Clone)]
pub struct Shelves {
    store: Store,
    clients: Clients,
    journal: Journal,
    media: Media,
    guard: LiveGuard,
    book: ShelfBook,
}

impl Shelves {
    /// The shelf service over its handles; what it reads of a shelf goes into `book`.
    pub fn new(
        store: Store,
        clients: Clients,
        journal: Journal,
        media: Media,
        guard: LiveGuard,
        book: ShelfBook,
    ) -> Self {
        Self {
            store,
            clients,
            journal,
            media,
            guard,
            book,
        }
    }

    /// The room's goods, in shelf order.
    pub async fn shelf(&self, account_id: &str, room_id: i64) -> CoreResult<ShelfView> {
        let client = self.clients.get(account_id)?;
        let room = client
            .rooms()
            .get(room_id)
            .await?
            .ok_or_else(|| CoreError::not_found(format!("room {room_id}")))?;
        let sales = self.store.sales(account_id, room_id)?;
        self.book.read(
            account_id,
            room_id,
            room.goods
                .iter()
                .map(|g| (g.goods_id, g.name.clone()))
                .collect(),
        );
        let known = self
            .media
            .thumbnails(room.goods.iter().map(|g| g.cover_img.as_str()))
            .await;
        let goods = room
            .goods
            .iter()
            .map(|g| {
                let sale = sales.get(&g.goods_id);
                ShelfGoods {
                    goods_id: g.goods_id,
                    name: g.name.clone(),
                    thumb: known.get(&g.cover_img).cloned().unwrap_or_default(),
                    price_type: g.price_type.code() as u8,
                    price: g.price.0,
                    price2: g.price2.map(|p| p.0).filter(|p| *p != 0),
                    url: g.url.clone(),
                    third_party_appid: g.third_party_appid.clone(),
                    on_sale: sale.map(|s| s.0),
                    sale_set_at: sale.map(|s| s.1),
                }
            })
            .collect();
        Ok(ShelfView {
            room_id,
            room_status: u16::try_from(room.status.code()).unwrap_or(0),
            goods,
        })
    }

    /// The goods' name for the journal, from the library when it is known.
    pub fn goods_name(&self, account_id: &str, goods_id: i64) -> String {
        self.store
            .goods_row(account_id, goods_id)
            .ok()
            .flatten()
            .map(|g| g.name)
            .unwrap_or_default()
    }

    /// Imports approved library goods into the room (WeChat's import is incremental).
    pub async fn import(&self, account_id: &str, room_id: i64, ids: &[i64]) -> CoreResult<()> {
        if ids.is_empty() {
            return Err(CoreError::invalid(
                "ids",
                "请至少选择一件已通过审核的商品",
                "Pick at least one approved goods",
            ));
        }
        let client = self.clients.get(account_id)?;
        let w = Write::new(account_id, Action::RoomGoodsImport)
            .room(room_id)
            .detail(ids_detail(ids));
        let sent = self
            .journal
            .record(w, client.rooms().add_goods(room_id, ids))
            .await;
        // Even a failed import may have added some: the console reads the shelf again.
        self.book.forget(account_id, room_id);
        sent??;
        Ok(())
    }

    /// Puts goods on sale or takes them off; the state is remembered (WeChat cannot be asked).
    pub async fn set_on_sale(
        &self,
        account_id: &str,
        room_id: i64,
        goods_id: i64,
        on_sale: bool,
        name: Option<&str>,
    ) -> CoreResult<()> {
        let client = self.clients.get(account_id)?;
        let w = self
            .goods_write(Action::RoomGoodsSale, account_id, room_id, goods_id, name)
            .detail(if on_sale { "on" } else { "off" });
        let sent = client.room_goods().set_on_sale(room_id, goods_id, on_sale);
        self.journal.record(w, sent).await??;
        self.store
            .set_sale(account_id, room_id, goods_id, on_sale, unix_now())?;
        Ok(())
    }

    /// Pops the goods card up for viewers (the room must be live).
    pub async fn push(
        &self,
        account_id: &str,
        room_id: i64,
        goods_id: i64,
        name: Option<&str>,
    ) -> CoreResult<()> {
        let client = self.clients.get(account_id)?;
        let w = self.goods_write(Action::RoomGoodsPush, account_id, room_id, goods_id, name);
        self.journal
            .record(w, client.room_goods().push(room_id, goods_id))
            .await??;
        Ok(())
    }

    /// Takes goods out of the room (the library keeps them); while the show is on, only once
    /// unlocked (the live lock).
    pub async fn remove(
        &self,
        account_id: &str,
        room_id: i64,
        goods_id: i64,
        name: Option<&str>,
    ) -> CoreResult<()> {
        self.guard.room(account_id, room_id).await?;
        let client = self.clients.get(account_id)?;
        let w = self.goods_write(Action::RoomGoodsDelete, account_id, room_id, goods_id, name);
        self.journal
            .record(w, client.room_goods().delete(room_id, goods_id))
            .await??;
        self.store.clear_sale(account_id, room_id, goods_id)?;
        Ok(())
    }

    /// The journal row of a write on one room's goods, named as the caller already knows them
    /// (the console's name), else as the library has them.
    fn goods_write(
        &self,
        action: Action,
        account_id: &str,
        room_id: i64,
        goods_id: i64,
        name: Option<&str>,
    ) -> Write {
        let subject = match name {
            Some(n) => n.to_owned(),
            None => self.goods_name(account_id, goods_id),
        };
        Write::new(account_id, action)
            .room(room_id)
            .goods(goods_id)
            .subject(subject)
    }

    /// Orders the shelf: `ids` first to last.
    pub async fn sort(&self, account_id: &str, room_id: i64, ids: &[i64]) -> CoreResult<()> {
        let client = self.clients.get(account_id)?;
        let w = Write::new(account_id, Action::RoomGoodsSort)
            .room(room_id)
            .detail(ids_detail(ids));
        self.journal
            .record(w, client.room_goods().sort(room_id, ids))
            .await??;
        Ok(())
    }

    /// Downloads the goods' explanation video to `dest`, reporting bytes as they come. The file
    /// appears only when complete (written beside it, then renamed).
    pub async fn save_video(
        &self,
        account_id: &str,
        room_id: i64,
        goods_id: i64,
        dest: &Path,
        on_progress: impl Fn(DownloadProgress),
    ) -> CoreResult<VideoSaved> {
        let client = self.clients.get(account_id)?;
        let url = client.room_goods().video(room_id, goods_id).await?;
        // A disk that refuses is a file problem, never a form error.
        let io = |e: std::io::Error| CoreError::io(dest, e);
        let net = |e: reqwest::Error| {
            CoreError::Wechat(wechat_live::Error::Network {
                sent: false,
                // The video URL is signed: never in a message.
                detail: e.without_url().to_string(),
            })
        };
        let mut resp = reqwest::get(&url).await.map_err(net)?;
        if !resp.status().is_success() {
            return Err(CoreError::Wechat(wechat_live::Error::Http {
                status: resp.status().as_u16(),
                body_start: String::new(),
            }));
        }
        let total = resp.content_length();
        let part = dest.with_extension("part");
        let mut file = std::fs::File::create(&part).map_err(io)?;
        let mut bytes = 0u64;
        on_progress(DownloadProgress { bytes, total });
        let result: CoreResult<()> = async {
            while let Some(chunk) = resp.chunk().await.map_err(net)? {
                file.write_all(&chunk).map_err(io)?;
                bytes += chunk.len() as u64;
                on_progress(DownloadProgress { bytes, total });
            }
            file.sync_all().map_err(io)?;
            Ok(())
        }
        .await;
        if let Err(e) = result {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
        std::fs::rename(&part, dest).map_err(io)?;
        Ok(VideoSaved {
            path: dest.display().to_string(),
            bytes,
        })
    }
}

fn ids_detail(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}
