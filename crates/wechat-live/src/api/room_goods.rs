//! Goods on a room's shelf (G1–G5). Every call here sets a state or reads one, so all are retried
//! like reads.

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::json;

use crate::client::Safety;
use crate::model::de;
use crate::model::RoomGoods;
use crate::{Client, Result};

const ON_SALE: &str = "/wxaapi/broadcast/goods/onsale";
const DELETE: &str = "/wxaapi/broadcast/goods/deleteInRoom";
const PUSH: &str = "/wxaapi/broadcast/goods/push";
const SORT: &str = "/wxaapi/broadcast/goods/sort";
const VIDEO: &str = "/wxaapi/broadcast/goods/getVideo";

/// Operations on the goods shelf of a room; from [`Client::room_goods`].
#[derive(Debug, Clone, Copy)]
pub struct RoomShelf<'a> {
    client: &'a Client,
}

#[derive(Deserialize)]
struct Video {
    #[serde(default, deserialize_with = "de::string")]
    url: String,
}

impl<'a> RoomShelf<'a> {
    pub(super) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// The room's goods. WeChat has no shelf read: this is the room's `goods` from getliveinfo
    /// (all rooms are listed). `None` when the room does not exist.
    pub async fn list(self, room_id: i64) -> Result<Option<Vec<RoomGoods>>> {
        Ok(self.client.rooms().get(room_id).await?.map(|r| r.goods))
    }

    /// Puts goods on sale or takes them off (G1).
    pub async fn set_on_sale(self, room_id: i64, goods_id: i64, on_sale: bool) -> Result<()> {
        let body = json!({ "roomId": room_id, "goodsId": goods_id, "onSale": u8::from(on_sale) });
        self.send(ON_SALE, &body).await
    }

    /// Removes goods from the room (G2); the library keeps them.
    pub async fn delete(self, room_id: i64, goods_id: i64) -> Result<()> {
        self.send(DELETE, &json!({ "roomId": room_id, "goodsId": goods_id }))
            .await
    }

    /// Pops the goods card up for viewers (G3); the room must be live (else 300023).
    pub async fn push(self, room_id: i64, goods_id: i64) -> Result<()> {
        self.send(PUSH, &json!({ "roomId": room_id, "goodsId": goods_id }))
            .await
    }

    /// Orders the shelf (G4): `goods_ids` first to last, sent as numbers.
    pub async fn sort(self, room_id: i64, goods_ids: &[i64]) -> Result<()> {
        let goods: Vec<_> = goods_ids
            .iter()
            .map(|id| json!({ "goodsId": id }))
            .collect();
        self.send(SORT, &json!({ "roomId": room_id, "goods": goods }))
            .await
    }

    /// URL of the goods' explanation clip (G5); 300044/300045 while there is none.
    pub async fn video(self, room_id: i64, goods_id: i64) -> Result<String> {
        let body = json!({ "roomId": room_id, "goodsId": goods_id });
        let v: Video = self.client.post(VIDEO, &body, Safety::Idempotent).await?;
        Ok(v.url)
    }

    async fn send(self, path: &'static str, body: &serde_json::Value) -> Result<()> {
        let _: IgnoredAny = self.client.post(path, body, Safety::Idempotent).await?;
        Ok(())
    }
}
