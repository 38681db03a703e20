//! What the goods services take and answer (exported to the UI by ts-rs).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::infra::media::ImageRef;
use crate::infra::store::GoodsRow;

/// The add-goods form, as typed: prices in yuan text ("12.50"), held as fen once sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct GoodsForm {
    /// Picked from a file, fitted to ≤ 300×300; named as WeChat's field so its errors land here.
    pub cover_img_url: Option<ImageRef>,
    pub name: String,
    /// 1 fixed, 2 range, 3 discount.
    pub price_type: u8,
    pub price: String,
    pub price2: String,
    /// The goods page in the released mini program.
    pub url: String,
    /// Another mini program's AppID, when the goods are its own ("" for this one's).
    pub third_party_appid: String,
}

/// A change to library goods: only the fields set are sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct GoodsChange {
    #[ts(type = "number")]
    pub goods_id: i64,
    pub cover_img_url: Option<ImageRef>,
    pub name: Option<String>,
    pub price_type: Option<u8>,
    pub price: Option<String>,
    pub price2: Option<String>,
    pub url: Option<String>,
    pub third_party_appid: Option<String>,
}

/// What may be changed in goods, by WeChat's state rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GoodsEditable {
    /// Not yet audited, withdrawn, or rejected: everything (then submit it for audit).
    All,
    /// Approved: the price type and prices only.
    PriceOnly,
    /// Under review: nothing (withdraw the audit first).
    Nothing,
    /// Added in WeChat's console: the API may not touch it (300011).
    Console,
}

/// Library goods as a list shows them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoodsView {
    pub goods: GoodsRow,
    /// The cover as a small data URL ("" while unknown).
    pub thumb: String,
    pub editable: GoodsEditable,
}

/// One page of a library tab.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryPage {
    pub goods: Vec<GoodsView>,
    /// Goods in this tab matching the search.
    #[ts(type = "number")]
    pub total: u64,
    /// Goods per audit status (index = status), for the tabs' badges.
    #[ts(type = "[number, number, number, number]")]
    pub counts: [u64; 4],
}

/// How far a full sync is: pages fetched of pages known so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgress {
    pub pages_done: u32,
    pub pages_total: u32,
    #[ts(type = "number")]
    pub goods: u64,
}

/// A finished sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncDone {
    #[ts(type = "number")]
    pub goods: u64,
    pub pages: u32,
    #[ts(type = "number")]
    pub millis: u64,
    #[ts(type = "[number, number, number, number]")]
    pub counts: [u64; 4],
}

/// A goods on a room's shelf.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShelfGoods {
    #[ts(type = "number")]
    pub goods_id: i64,
    pub name: String,
    pub thumb: String,
    pub price_type: u8,
    #[ts(type = "number")]
    pub price: i64,
    #[ts(type = "number | null")]
    pub price2: Option<i64>,
    pub url: String,
    pub third_party_appid: String,
    /// The sale state LiveDesk last set (WeChat has no read for it); `null` when never set here.
    pub on_sale: Option<bool>,
    /// When LiveDesk set it (unix seconds).
    #[ts(type = "number | null")]
    pub sale_set_at: Option<i64>,
}

/// A room's shelf, in order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Shelf {
    #[ts(type = "number")]
    pub room_id: i64,
    pub room_status: u16,
    pub goods: Vec<ShelfGoods>,
}

/// A downloaded explanation video.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VideoSaved {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Download progress: bytes so far of the total, when the server says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DownloadProgress {
    #[ts(type = "number")]
    pub bytes: u64,
    #[ts(type = "number | null")]
    pub total: Option<u64>,
}
