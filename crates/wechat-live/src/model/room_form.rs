//! What is sent to create (R1) or edit (R4) a room.
//!
//! Serialized exactly as WeChat wants it: camelCase keys, 0/1 integers for flags, optional fields left
//! out so WeChat's own defaults apply. `anchorImg` and `screenType` are never sent (see the reference's
//! "Decisions for LiveDesk").

use serde::Serialize;

use super::de;
use super::RoomType;

/// A room's fields that both create (R1) and edit (R4) send. Image fields hold media ids from
/// [`crate::api::Media`] uploads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomEdit {
    /// 6–34 width units (a CJK character counts 2).
    pub name: String,
    /// Background media id (≤ 1080×1920 px, ≤ 2 MiB).
    pub cover_img: String,
    /// Unix seconds, ≥ now + 10 min and ≤ now + 6 months.
    pub start_time: i64,
    /// Unix seconds, 30 min to 24 h after `start_time`.
    pub end_time: i64,
    /// 4–30 width units.
    pub anchor_name: String,
    /// Anchor's WeChat ID; must be real-name verified (create: 300036 with a QR code to scan;
    /// edit: 300030 without one).
    pub anchor_wechat: String,
    /// Share card media id (≤ 800×640 px, ≤ 1 MiB).
    pub share_img: String,
    /// Feed cover media id (≤ 800×800 px, ≤ 100 KiB).
    pub feeds_img: String,
    /// Official-feed inclusion (`isFeedsPublic`); WeChat's default is on.
    #[serde(
        rename = "isFeedsPublic",
        skip_serializing_if = "Option::is_none",
        serialize_with = "de::ser_opt_flag"
    )]
    pub feeds_public: Option<bool>,
    /// Hide the like button; cannot be undone after the start.
    #[serde(serialize_with = "de::ser_flag")]
    pub close_like: bool,
    /// Hide the goods shelf; cannot be undone after the start.
    #[serde(serialize_with = "de::ser_flag")]
    pub close_goods: bool,
    /// Hide the comment box; cannot be undone after the start.
    #[serde(serialize_with = "de::ser_flag")]
    pub close_comment: bool,
    /// Replay off; WeChat's default is off (1).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "de::ser_opt_flag"
    )]
    pub close_replay: Option<bool>,
    /// Sharing off; WeChat's default is on (0). Fixed after the start.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "de::ser_opt_flag"
    )]
    pub close_share: Option<bool>,
    /// Customer service off; WeChat's default is off (1). Needs KF configured in MP (else 300038).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "de::ser_opt_flag"
    )]
    pub close_kf: Option<bool>,
}

/// A room to create (R1): the editable fields plus those fixed at creation (type, sub-anchor,
/// creator). Only rooms that have not started (102) can be edited, with [`RoomEdit`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewRoom {
    /// Everything edit can change later.
    #[serde(flatten)]
    pub fields: RoomEdit,
    /// Push (RTMP/OBS) or phone (`type`).
    #[serde(rename = "type")]
    pub room_type: RoomType,
    /// Secondary anchor's WeChat ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_anchor_wechat: Option<String>,
    /// Creator's WeChat ID; when set only the creator, admins and the anchor see the room.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creater_wechat: Option<String>,
}

impl From<&NewRoom> for RoomEdit {
    /// The editable part of a draft, e.g. to re-send a corrected form for an existing room.
    fn from(r: &NewRoom) -> Self {
        r.fields.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn room() -> NewRoom {
        NewRoom {
            fields: RoomEdit {
                name: "春季新品直播".into(),
                cover_img: "m-cover".into(),
                start_time: 1_700_000_600,
                end_time: 1_700_004_200,
                anchor_name: "主播小王".into(),
                anchor_wechat: "wang_anchor".into(),
                share_img: "m-share".into(),
                feeds_img: "m-feeds".into(),
                feeds_public: None,
                close_like: false,
                close_goods: true,
                close_comment: false,
                close_replay: None,
                close_share: None,
                close_kf: None,
            },
            room_type: RoomType::Push,
            sub_anchor_wechat: None,
            creater_wechat: None,
        }
    }

    #[test]
    fn new_room_uses_wechat_keys_ints_and_omits_unset_optionals() {
        let v = serde_json::to_value(room()).unwrap();
        assert_eq!(
            v,
            json!({
                "name": "春季新品直播", "coverImg": "m-cover", "startTime": 1_700_000_600_i64,
                "endTime": 1_700_004_200_i64, "anchorName": "主播小王", "anchorWechat": "wang_anchor",
                "shareImg": "m-share", "feedsImg": "m-feeds", "type": 1,
                "closeLike": 0, "closeGoods": 1, "closeComment": 0
            })
        );
    }

    #[test]
    fn new_room_sends_set_optionals_as_ints() {
        let mut r = room();
        r.room_type = RoomType::Phone;
        r.fields.feeds_public = Some(false);
        r.fields.close_replay = Some(false);
        r.fields.close_share = Some(true);
        r.fields.close_kf = Some(true);
        r.sub_anchor_wechat = Some("sub".into());
        r.creater_wechat = Some("boss".into());
        let v = serde_json::to_value(r).unwrap();
        assert_eq!(v["type"], 0);
        assert_eq!(v["isFeedsPublic"], 0);
        assert_eq!(v["closeReplay"], 0);
        assert_eq!(v["closeShare"], 1);
        assert_eq!(v["closeKf"], 1);
        assert_eq!(v["subAnchorWechat"], "sub");
        assert_eq!(v["createrWechat"], "boss");
        let obj = v.as_object().unwrap();
        assert!(!obj.contains_key("anchorImg") && !obj.contains_key("screenType"));
    }

    #[test]
    fn room_edit_drops_create_only_fields() {
        let v = serde_json::to_value(RoomEdit::from(&room())).unwrap();
        let obj = v.as_object().unwrap();
        for k in [
            "type",
            "subAnchorWechat",
            "createrWechat",
            "anchorImg",
            "screenType",
        ] {
            assert!(!obj.contains_key(k), "{k} must not be sent on edit");
        }
        assert_eq!(v["coverImg"], "m-cover");
        assert_eq!(v["closeGoods"], 1);
    }
}
