//! R1 create, R4 edit, R3 delete: room fields and every rule on them.

use rand::Rng;

use super::{room_state_error, Call};
use crate::fields;
use crate::http::envelope::{ApiError, ApiResult};
use crate::state::media::SlotLimit;
use crate::state::people::openid_for;
use crate::state::rooms::{Room, ABNORMAL, LIVE, NOT_STARTED, PAUSED};
use crate::validate::{cjk_width, has_astral, is_wechat_id, violates};

pub const COVER: SlotLimit = SlotLimit {
    max_w: 1080,
    max_h: 1920,
    max_bytes: 2 * 1024 * 1024,
};
pub const SHARE: SlotLimit = SlotLimit {
    max_w: 800,
    max_h: 640,
    max_bytes: 1024 * 1024,
};
pub const FEEDS: SlotLimit = SlotLimit {
    max_w: 800,
    max_h: 800,
    max_bytes: 100 * 1024,
};

/// Furthest start time accepted (6 months).
const MAX_AHEAD: i64 = 15_552_000;
/// Nearest start time accepted.
const MIN_AHEAD: i64 = 600;

/// Fields shared by create and edit.
#[derive(Debug)]
struct RoomInput {
    name: String,
    cover: String,
    start: i64,
    end: i64,
    anchor_name: String,
    anchor_wechat: String,
    share: String,
    feeds: String,
    close_like: i64,
    close_goods: i64,
    close_comment: i64,
    is_feeds_public: Option<i64>,
    close_replay: Option<i64>,
    close_share: Option<i64>,
    close_kf: Option<i64>,
}

fn time_error() -> ApiError {
    ApiError::new(200002, "parameter startTime or endTime is invalid")
}

/// Reads the shared fields; `type_first` keeps create's table order (type before the flags).
fn read(c: &Call<'_>, with_type: bool) -> Result<(RoomInput, i64), ApiError> {
    let p = &c.p;
    let name = p.req_str("name")?.to_owned();
    let cover = p.req_str("coverImg")?.to_owned();
    let start = p.req_int("startTime").map_err(|e| match e.code {
        200002 if p.has("startTime") => time_error(),
        _ => e,
    })?;
    let end = p.req_int("endTime").map_err(|e| match e.code {
        200002 if p.has("endTime") => time_error(),
        _ => e,
    })?;
    let anchor_name = p.req_str("anchorName")?.to_owned();
    let anchor_wechat = p.req_str("anchorWechat")?.to_owned();
    let share = p.req_str("shareImg")?.to_owned();
    let feeds = p.req_str("feedsImg")?.to_owned();
    let live_type = if with_type { p.req_int("type")? } else { 0 };
    if with_type && live_type != 0 && live_type != 1 {
        return Err(ApiError::invalid("type"));
    }
    let input = RoomInput {
        name,
        cover,
        start,
        end,
        anchor_name,
        anchor_wechat,
        share,
        feeds,
        close_like: p.req_flag("closeLike")?,
        close_goods: p.req_flag("closeGoods")?,
        close_comment: p.req_flag("closeComment")?,
        is_feeds_public: p.opt_flag("isFeedsPublic")?,
        close_replay: p.opt_flag("closeReplay")?,
        close_share: p.opt_flag("closeShare")?,
        close_kf: p.opt_flag("closeKf")?,
    };
    Ok((input, live_type))
}

/// Name, anchor name, time window and image slots.
fn check(c: &Call<'_>, i: &RoomInput) -> Result<(), ApiError> {
    let w = cjk_width(&i.name);
    if !(6..=34).contains(&w) {
        return Err(ApiError::new(300002, "name length invalid"));
    }
    if has_astral(&i.name) {
        return Err(ApiError::new(300040, "name contains disallowed characters"));
    }
    if violates(&i.name) {
        return Err(ApiError::new(300028, "room name violates rules"));
    }
    let aw = cjk_width(&i.anchor_name);
    if !(4..=30).contains(&aw) {
        return Err(ApiError::new(300034, "anchor name length invalid"));
    }
    if violates(&i.anchor_name) {
        return Err(ApiError::new(300029, "anchor name violates rules"));
    }
    let now = c.now;
    // Milliseconds are far beyond the 6-month bound and fall out here too.
    if i.start > 100_000_000_000 || i.start < now + MIN_AHEAD || i.start > now + MAX_AHEAD {
        return Err(time_error());
    }
    if !(1800..=86_400).contains(&(i.end - i.start)) {
        return Err(time_error());
    }
    let media = &c.st.media;
    if !media.fits(&i.cover, now, COVER) {
        return Err(ApiError::new(300031, "coverImg invalid"));
    }
    if !media.fits(&i.share, now, SHARE) {
        return Err(ApiError::new(300032, "shareImg invalid"));
    }
    if !media.fits(&i.feeds, now, FEEDS) {
        return Err(ApiError::new(300037, "feedsimg invalid"));
    }
    Ok(())
}

fn realname_qr(c: &Call<'_>, id: &str) -> String {
    format!("{}/__sim/qr/realname-{id}.png", c.sim.base_url)
}

/// R1 `POST /wxaapi/broadcast/room/create`.
pub fn create(c: &mut Call<'_>) -> ApiResult {
    let (input, live_type) = read(c, true)?;
    let sub_anchor = c.p.opt_str("subAnchorWechat")?.filter(|s| !s.is_empty());
    let creater = c.p.opt_str("createrWechat")?.filter(|s| !s.is_empty());
    let (sub_anchor, creater) = (sub_anchor.map(str::to_owned), creater.map(str::to_owned));
    check(c, &input)?;
    if !is_wechat_id(&input.anchor_wechat) {
        return Err(ApiError::new(300030, "anchorWechat invalid"));
    }
    if !c.st.verified.is_verified(&input.anchor_wechat) {
        let url = realname_qr(c, &input.anchor_wechat);
        return Err(ApiError::new(
            300036,
            "anchorWechat has no realName, please open the codeUrl and scan the code for certification",
        )
        .with("qrcode_url", url.into()));
    }
    if let Some(sub) = &sub_anchor {
        if !is_wechat_id(sub) || !c.st.verified.is_verified(sub) {
            return Err(ApiError::new(300039, "subAnchorWechat invalid"));
        }
    }
    if let Some(cr) = &creater {
        if !is_wechat_id(cr) {
            return Err(ApiError::new(300041, "createrWechat invalid"));
        }
    }
    let close_kf = input.close_kf.unwrap_or(1);
    if close_kf == 0 && !c.st.kf_configured {
        return Err(ApiError::new(300038, "customer service not configured"));
    }
    let id = c.st.rooms.alloc_id();
    let creater_openid = creater
        .as_deref()
        .map(|u| openid_for(&c.sim.app_id, u))
        .unwrap_or_default();
    let room = Room {
        id,
        name: input.name,
        cover_media: input.cover,
        share_media: input.share,
        feeds_media: input.feeds,
        start_time: input.start,
        end_time: input.end,
        anchor_name: input.anchor_name,
        anchor_wechat: input.anchor_wechat,
        sub_anchor,
        creater_wechat: creater,
        creater_openid,
        live_type,
        is_feeds_public: input.is_feeds_public.unwrap_or(1),
        close_like: input.close_like,
        close_goods: input.close_goods,
        close_comment: input.close_comment,
        close_replay: input.close_replay.unwrap_or(1),
        close_share: input.close_share.unwrap_or(0),
        close_kf,
        ban_comment: 0,
        status: NOT_STARTED,
        abnormal_since: None,
        ended_at: None,
        goods: Vec::new(),
        assistants: Vec::new(),
        push_key: new_push_key(),
    };
    c.st.rooms.by_id.insert(id, room);
    Ok(fields! { "roomId" => id })
}

/// A fresh push auth key (the simulator mints its own; WeChat's is private).
pub fn new_push_key() -> String {
    hex::encode(rand::rng().random::<[u8; 16]>())
}

/// R4 `POST /wxaapi/broadcast/room/editroom`: only before the room starts.
pub fn edit(c: &mut Call<'_>) -> ApiResult {
    let id = c.p.req_id("id")?;
    let (input, _) = read(c, false)?;
    let status = c.room(id)?.status;
    if status != NOT_STARTED {
        return Err(room_state_error());
    }
    check(c, &input)?;
    if !is_wechat_id(&input.anchor_wechat) || !c.st.verified.is_verified(&input.anchor_wechat) {
        // Edit never returns the real-name QR code.
        return Err(ApiError::new(
            300030,
            "room wxnumber not have an anchor role",
        ));
    }
    if input.close_kf == Some(0) && !c.st.kf_configured {
        return Err(ApiError::new(300038, "customer service not configured"));
    }
    let room = c.room(id)?;
    room.name = input.name;
    room.cover_media = input.cover;
    room.share_media = input.share;
    room.feeds_media = input.feeds;
    room.start_time = input.start;
    room.end_time = input.end;
    room.anchor_name = input.anchor_name;
    room.anchor_wechat = input.anchor_wechat;
    room.close_like = input.close_like;
    room.close_goods = input.close_goods;
    room.close_comment = input.close_comment;
    if let Some(v) = input.is_feeds_public {
        room.is_feeds_public = v;
    }
    if let Some(v) = input.close_replay {
        room.close_replay = v;
    }
    if let Some(v) = input.close_share {
        room.close_share = v;
    }
    if let Some(v) = input.close_kf {
        room.close_kf = v;
    }
    Ok(fields! {})
}

/// R3 `POST /wxaapi/broadcast/room/deleteroom` (key `id`): not while the room is running.
pub fn delete(c: &mut Call<'_>) -> ApiResult {
    let id = c.p.req_id("id")?;
    let status = c.room(id)?.status;
    if matches!(status, LIVE | PAUSED | ABNORMAL) {
        return Err(room_state_error());
    }
    c.st.rooms.by_id.remove(&id);
    Ok(fields! {})
}
