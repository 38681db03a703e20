//! The rooms service's types, as the window and the CLI see them (camelCase on the wire).
//! TypeScript is generated from these with ts-rs into `ui/src/api/bindings/`; never hand-copy them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::base::field::FieldError;
pub use crate::infra::media::{ImageRef, ImageSlot};

/// A room in the list. `coverImg` is a data URL (the core fetched it) or "".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomView {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// 101..107.
    pub status: u16,
    /// 1 push, 0 phone.
    pub room_type: u8,
    #[ts(type = "number")]
    pub start_time: i64,
    #[ts(type = "number")]
    pub end_time: i64,
    pub anchor_name: String,
    pub cover_img: String,
    pub goods_count: u32,
    pub close_like: bool,
    pub close_goods: bool,
    pub close_comment: bool,
    pub close_replay: bool,
    pub close_share: bool,
    pub close_kf: bool,
    pub is_feeds_public: bool,
}

/// Rooms of an account, from the cache or freshly fetched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomList {
    pub rooms: Vec<RoomView>,
    #[ts(type = "number | null")]
    pub fetched_at: Option<i64>,
    pub from_cache: bool,
}

/// The create-room form (also the draft).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomForm {
    pub name: String,
    pub anchor_name: String,
    pub anchor_wechat: String,
    pub sub_anchor_wechat: String,
    pub creater_wechat: String,
    #[ts(type = "number | null")]
    pub start_time: Option<i64>,
    #[ts(type = "number | null")]
    pub end_time: Option<i64>,
    /// 1 push, 0 phone.
    pub room_type: u8,
    pub close_like: bool,
    pub close_goods: bool,
    pub close_comment: bool,
    pub close_replay: bool,
    pub close_share: bool,
    pub close_kf: bool,
    pub is_feeds_public: bool,
    pub cover_img: Option<ImageRef>,
    pub share_img: Option<ImageRef>,
    pub feeds_img: Option<ImageRef>,
}

/// A created room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomCreated {
    #[ts(type = "number")]
    pub room_id: i64,
}

/// A push room's address, split for OBS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PushAddress {
    /// OBS "Server": `rtmp://host/app`.
    pub server: String,
    /// OBS "Stream key": `stream?txSecret=…&txTime=…`.
    pub stream_key: String,
    pub full_url: String,
    /// From `txTime`, unix seconds.
    #[ts(type = "number")]
    pub expires_at: i64,
    /// QR code of the full URL, an SVG document.
    pub qr_svg: String,
}

/// A room's share code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShareCode {
    pub page_path: String,
    /// Image data URL of the mini program code.
    pub qrcode: String,
    /// Image data URL of the poster.
    pub poster: String,
}

/// Which share image to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ShareImage {
    Qrcode,
    Poster,
}
