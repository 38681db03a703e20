//! WeChat's field rules, checked before any request and callable one field at a time by a UI.
//!
//! Each per-field function returns `Result<(), Violation>` with WeChat's field name; the
//! `*_form` helpers return every violation of a whole form. Only what can be known locally is
//! checked: content review, ID existence and media-id expiry are WeChat's to judge.

mod fmt;

pub use fmt::civil_from_days;
mod goods;
mod image;
mod messages;
mod room;
mod rules;
mod width;

pub use goods::GOODS_NAME_UNITS;
pub use goods::{goods_form, goods_name, goods_url, price, price_text, GoodsForm, PriceType};
pub use image::{image, image_format, ImageSlot, MEDIA_MAX_BYTES};
pub use room::{
    anchor_name, custom_params, duration, room_form, room_name, share_params, start_time,
    start_time_warning, wechat_id, RoomForm,
};
pub use room::{
    ANCHOR_NAME_UNITS, DURATION_SECS, MAX_START_AHEAD_SECS, MILLIS_THRESHOLD, MIN_START_LEAD_SECS,
    PARAMS_MAX_CHARS, REPORTED_MAX_START_DAYS, ROOM_NAME_UNITS,
};
pub use rules::{label, Rule, Violation};
pub use width::{char_width, cjk_width, has_astral};
