//! R16–R19 room switches. The start-locked flags (like, goods, comment, share) change only through
//! editroom, which itself works only before the start.

use super::{room_state_error, Call};
use crate::fields;
use crate::http::envelope::{ApiError, ApiResult};

/// R16 `POST /wxaapi/broadcast/room/updatefeedpublic`.
pub fn feed_public(c: &mut Call<'_>) -> ApiResult {
    let id = c.p.req_id("roomId")?;
    let v = c.p.req_flag("isFeedsPublic")?;
    let room = c.room(id)?;
    if room.is_over() {
        return Err(room_state_error());
    }
    room.is_feeds_public = v;
    Ok(fields! {})
}

/// R17 `POST /wxaapi/broadcast/room/updatereplay` (may be turned on after the start).
pub fn replay(c: &mut Call<'_>) -> ApiResult {
    let id = c.p.req_id("roomId")?;
    let v = c.p.req_flag("closeReplay")?;
    let room = c.room(id)?;
    if room.is_over() {
        return Err(room_state_error());
    }
    room.close_replay = v;
    Ok(fields! {})
}

/// R18 `POST /wxaapi/broadcast/room/updatekf`: turning customer service on needs it configured.
pub fn kf(c: &mut Call<'_>) -> ApiResult {
    let id = c.p.req_id("roomId")?;
    let v = c.p.req_flag("closeKf")?;
    let configured = c.st.kf_configured;
    let room = c.room(id)?;
    if room.is_over() {
        return Err(room_state_error());
    }
    if v == 0 && !configured {
        return Err(ApiError::new(300038, "customer service not configured"));
    }
    room.close_kf = v;
    Ok(fields! {})
}

/// R19 `POST /wxaapi/broadcast/room/updatecomment`: room key `roomId` (SDKs) or `id` (doc table).
pub fn comment(c: &mut Call<'_>) -> ApiResult {
    let id = c.p.req_id_any(&["roomId", "id"])?;
    let v = c.p.req_flag("banComment")?;
    let room = c.room(id)?;
    if room.is_over() || room.close_comment == 1 {
        return Err(room_state_error());
    }
    room.ban_comment = v;
    Ok(fields! {})
}
