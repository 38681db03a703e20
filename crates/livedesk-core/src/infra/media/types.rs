//! A picture as the forms carry it: which slot it fills, the prepared file's id, its preview and,
//! once uploaded, its media id.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a picture goes: a room's cover, share card or feeds picture, or a goods picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ImageSlot {
    Cover,
    Share,
    Feeds,
    /// A goods picture (the library's add form).
    Goods,
}

impl ImageSlot {
    /// The core's slot (limits, field name, errcode).
    pub fn core(self) -> wechat_live::validate::ImageSlot {
        match self {
            ImageSlot::Cover => wechat_live::validate::ImageSlot::Cover,
            ImageSlot::Share => wechat_live::validate::ImageSlot::Share,
            ImageSlot::Feeds => wechat_live::validate::ImageSlot::Feeds,
            ImageSlot::Goods => wechat_live::validate::ImageSlot::Goods,
        }
    }
}

/// A picture prepared for a slot (fitted and re-encoded, kept in the app data dir) and, once
/// uploaded, its media id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImageRef {
    pub slot: ImageSlot,
    pub local_id: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u32,
    /// A small JPEG data URL.
    pub preview: String,
    pub media_id: Option<String>,
    #[ts(type = "number | null")]
    pub uploaded_at: Option<i64>,
}
