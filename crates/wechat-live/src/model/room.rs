//! Rooms as WeChat lists them (getliveinfo), their replays, share codes and push addresses.
//!
//! Answer types deserialize from WeChat's keys and serialize with their Rust names, so the desktop
//! shell gets one consistent shape (aliases let it read its own output back, e.g. from a cache).

use serde::{Deserialize, Serialize};

use super::de;
use super::{LiveStatus, RoomGoods, RoomType};
use crate::push_url::PushUrl;

/// A room as listed by getliveinfo (R2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Room {
    /// WeChat's `roomid`.
    #[serde(
        rename(deserialize = "roomid"),
        alias = "id",
        deserialize_with = "de::int"
    )]
    pub id: i64,
    /// Room title.
    #[serde(default, deserialize_with = "de::string")]
    pub name: String,
    /// Background image URL (`cover_img`).
    #[serde(default, deserialize_with = "de::string")]
    pub cover_img: String,
    /// Share card image URL.
    #[serde(default, deserialize_with = "de::string")]
    pub share_img: String,
    /// Shopping-feed cover URL.
    #[serde(default, deserialize_with = "de::string")]
    pub feeds_img: String,
    /// `live_status`.
    #[serde(rename(deserialize = "live_status"), alias = "status")]
    pub status: LiveStatus,
    /// Planned start, unix seconds.
    #[serde(deserialize_with = "de::int")]
    pub start_time: i64,
    /// Planned end, unix seconds.
    #[serde(deserialize_with = "de::int")]
    pub end_time: i64,
    /// Anchor's display name.
    #[serde(default, deserialize_with = "de::string")]
    pub anchor_name: String,
    /// `live_type`; `None` when absent or a code this client does not know.
    #[serde(
        rename(deserialize = "live_type"),
        alias = "room_type",
        default,
        deserialize_with = "de::opt_code"
    )]
    pub room_type: Option<RoomType>,
    /// Like button hidden.
    #[serde(default, deserialize_with = "de::flag")]
    pub close_like: bool,
    /// Goods shelf hidden.
    #[serde(default, deserialize_with = "de::flag")]
    pub close_goods: bool,
    /// Comment box hidden.
    #[serde(default, deserialize_with = "de::flag")]
    pub close_comment: bool,
    /// Customer service off.
    #[serde(default, deserialize_with = "de::flag")]
    pub close_kf: bool,
    /// Replay off.
    #[serde(default, deserialize_with = "de::flag")]
    pub close_replay: bool,
    /// Included in WeChat's official feed (`is_feeds_public`).
    #[serde(
        rename(deserialize = "is_feeds_public"),
        alias = "feeds_public",
        default,
        deserialize_with = "de::flag"
    )]
    pub feeds_public: bool,
    /// Openid of the member who created the room ("" when not given).
    #[serde(default, deserialize_with = "de::string")]
    pub creater_openid: String,
    /// The room's goods shelf: getliveinfo is the only API that lists it.
    #[serde(default, deserialize_with = "de::vec")]
    pub goods: Vec<RoomGoods>,
}

/// One page of getliveinfo in list mode.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoomPage {
    /// Number of rooms of the account (all pages).
    #[serde(default, deserialize_with = "de::int")]
    pub total: i64,
    /// This page's rooms (`room_info`), newest start time first.
    #[serde(
        rename(deserialize = "room_info"),
        alias = "rooms",
        default,
        deserialize_with = "de::vec"
    )]
    pub rooms: Vec<Room>,
}

/// One replay segment (getliveinfo with `action=get_replay`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replay {
    /// Unix seconds; WeChat documents it as a string, so both forms are read.
    #[serde(default, deserialize_with = "de::int")]
    pub create_time: i64,
    /// When `media_url` stops working, unix seconds (number or string).
    #[serde(default, deserialize_with = "de::int")]
    pub expire_time: i64,
    /// The video URL.
    #[serde(default, deserialize_with = "de::string")]
    pub media_url: String,
}

/// One page of a room's replay segments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplayPage {
    /// Number of segments (all pages).
    #[serde(default, deserialize_with = "de::int")]
    pub total: i64,
    /// This page's segments (`live_replay`).
    #[serde(
        rename(deserialize = "live_replay"),
        alias = "replays",
        default,
        deserialize_with = "de::vec"
    )]
    pub replays: Vec<Replay>,
}

/// A room's share material (getsharedcode, R6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareCode {
    /// Mini program code image URL (`cdnUrl`).
    #[serde(
        rename(deserialize = "cdnUrl"),
        alias = "cdn_url",
        default,
        deserialize_with = "de::string"
    )]
    pub cdn_url: String,
    /// Plugin page path to open the room (`pagePath`).
    #[serde(
        rename(deserialize = "pagePath"),
        alias = "page_path",
        default,
        deserialize_with = "de::string"
    )]
    pub page_path: String,
    /// Poster image URL (`posterUrl`).
    #[serde(
        rename(deserialize = "posterUrl"),
        alias = "poster_url",
        default,
        deserialize_with = "de::string"
    )]
    pub poster_url: String,
}

/// A room's RTMP push address (R5), split the way OBS wants it. `Debug` never shows the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushAddress {
    /// The room it pushes to.
    pub room_id: i64,
    /// The parsed address.
    pub url: PushUrl,
}

impl PushAddress {
    /// OBS "Server": `rtmp://host/app`.
    pub fn server(&self) -> String {
        self.url.server()
    }

    /// OBS "Stream key": `stream?txSecret=…&txTime=…`. A credential: do not log it.
    pub fn stream_key(&self) -> String {
        self.url.stream_key()
    }

    /// When WeChat stops accepting the address (its `txTime`), unix seconds.
    pub fn expires_at(&self) -> i64 {
        self.url.expires_at()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Fen;

    const PAGE: &str = r#"{
        "errcode": 0, "errmsg": "ok", "total": 2,
        "room_info": [{
            "name": "春季新品直播", "roomid": 12, "cover_img": "http://x/c.png", "share_img": "http://x/s.png",
            "feeds_img": "http://x/f.png", "live_status": 101, "start_time": 1700000000, "end_time": 1700003600,
            "anchor_name": "主播小王", "live_type": 1, "close_like": 0, "close_goods": 1, "close_comment": 0,
            "close_kf": 1, "close_replay": 1, "is_feeds_public": 1, "creater_openid": "oABC",
            "goods": [{"goods_id": 7, "name": "杯子", "cover_img": "http://x/g.png", "url": "pages/g?id=7",
                       "price": 1990, "price2": 0, "price_type": 1, "third_party_appid": ""}]
        }, {
            "name": "x", "roomid": "13", "live_status": 199, "start_time": "1700000000", "end_time": 1700003600,
            "live_type": 5, "goods": null, "creater_openid": null
        }]
    }"#;

    #[test]
    fn room_page_reads_wechat_keys_and_quirks() {
        let page: RoomPage = serde_json::from_str(PAGE).unwrap();
        assert_eq!(page.total, 2);
        let r = &page.rooms[0];
        assert_eq!(r.id, 12);
        assert_eq!(r.status, LiveStatus::Live);
        assert_eq!(r.room_type, Some(RoomType::Push));
        assert!(r.close_goods && r.close_kf && r.close_replay && r.feeds_public);
        assert!(!r.close_like && !r.close_comment);
        assert_eq!(r.goods[0].goods_id, 7);
        assert_eq!(r.goods[0].price, Fen(1990));
        let odd = &page.rooms[1];
        assert_eq!(odd.id, 13);
        assert_eq!(odd.status, LiveStatus::Unknown(199));
        assert_eq!(odd.room_type, None);
        assert_eq!(odd.start_time, 1_700_000_000);
        assert!(odd.goods.is_empty());
        assert_eq!(odd.creater_openid, "");
    }

    #[test]
    fn room_serializes_with_rust_names_and_reads_back() {
        let page: RoomPage = serde_json::from_str(PAGE).unwrap();
        let json = serde_json::to_value(&page.rooms[0]).unwrap();
        assert_eq!(json["id"], 12);
        assert_eq!(json["status"], 101);
        assert_eq!(json["room_type"], 1);
        assert_eq!(json["feeds_public"], true);
        assert_eq!(json["goods"][0]["price"], 1990);
        let back: Room = serde_json::from_value(json).unwrap();
        assert_eq!(back, page.rooms[0]);
    }

    #[test]
    fn replay_times_read_as_numbers_or_strings() {
        let page: ReplayPage = serde_json::from_str(
            r#"{"total": 2, "live_replay": [
                {"create_time": "1700000000", "expire_time": "4294967295", "media_url": "http://v/1.m3u8"},
                {"create_time": 1700000100, "expire_time": 1700900000, "media_url": "http://v/2.m3u8"}]}"#,
        )
        .unwrap();
        assert_eq!(page.replays[0].create_time, 1_700_000_000);
        assert_eq!(page.replays[0].expire_time, 4_294_967_295);
        assert_eq!(page.replays[1].expire_time, 1_700_900_000);
    }

    #[test]
    fn empty_list_body_reads_as_empty_page() {
        let page: RoomPage =
            serde_json::from_str(r#"{"room_info": [], "live_replay": []}"#).unwrap();
        assert_eq!(page, RoomPage::default());
    }

    #[test]
    fn share_code_reads_camel_case() {
        let s: ShareCode = serde_json::from_str(
            r#"{"cdnUrl": "http://q", "pagePath": "plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id=6", "posterUrl": "http://p", "errcode": 0}"#,
        )
        .unwrap();
        assert_eq!(s.cdn_url, "http://q");
        assert!(s.page_path.ends_with("room_id=6"));
        assert_eq!(s.poster_url, "http://p");
    }
}
