//! R2 getliveinfo (list and replay modes), R5 getpushurl, R6 getsharedcode.

use serde_json::{json, Value};

use super::{room_state_error, Call};
use crate::fields;
use crate::http::envelope::{ApiError, ApiResult};
use crate::state::rooms::{Room, REPLAY_TTL};
use crate::state::{Sim, State};

/// Largest page of getliveinfo.
const MAX_LIMIT: i64 = 100;

fn empty_list() -> ApiError {
    ApiError::new(9_410_000, "empty room list")
        .with("room_info", json!([]))
        .with("live_replay", json!([]))
}

/// A room as getliveinfo lists it (prices in fen).
pub fn room_json(sim: &Sim, st: &State, room: &Room) -> Value {
    let goods: Vec<Value> = room
        .goods
        .iter()
        .filter_map(|rg| st.library.by_id.get(&rg.goods_id))
        .map(|g| {
            json!({
                "goods_id": g.id,
                "name": g.name,
                "cover_img": sim.media_url(&g.cover_media),
                "url": g.url,
                "price": g.price,
                "price2": g.price2,
                "price_type": g.price_type,
                "third_party_appid": g.third_party_appid,
            })
        })
        .collect();
    json!({
        "name": room.name,
        "roomid": room.id,
        "cover_img": sim.media_url(&room.cover_media),
        "share_img": sim.media_url(&room.share_media),
        "feeds_img": sim.media_url(&room.feeds_media),
        "live_status": room.status,
        "start_time": room.start_time,
        "end_time": room.end_time,
        "anchor_name": room.anchor_name,
        "live_type": room.live_type,
        "close_like": room.close_like,
        "close_goods": room.close_goods,
        "close_comment": room.close_comment,
        "close_kf": room.close_kf,
        "close_replay": room.close_replay,
        "is_feeds_public": room.is_feeds_public,
        "creater_openid": room.creater_openid,
        "goods": goods,
    })
}

/// R2 `POST /wxa/business/getliveinfo`.
pub fn get_live_info(c: &mut Call<'_>) -> ApiResult {
    let start = c.p.req_int("start")?;
    let limit = c.p.req_int("limit")?;
    if start < 0 {
        return Err(ApiError::invalid("start"));
    }
    if limit < 1 {
        return Err(ApiError::invalid("limit"));
    }
    let limit = limit.min(MAX_LIMIT) as usize;
    let start = usize::try_from(start).unwrap_or(usize::MAX);
    if let Some(action) = c.p.opt_str("action")? {
        if action == "get_replay" {
            return replay(c, start, limit);
        }
        return Err(ApiError::invalid("action"));
    }
    let now = c.now;
    c.st.rooms.refresh_all(now);
    c.st.library.refresh_all(now);
    let mut rooms: Vec<&Room> = c.st.rooms.by_id.values().collect();
    rooms.sort_by(|a, b| b.start_time.cmp(&a.start_time).then(b.id.cmp(&a.id)));
    let total = rooms.len();
    if start >= total {
        return Err(empty_list());
    }
    let page: Vec<Value> = rooms
        .iter()
        .skip(start)
        .take(limit)
        .map(|r| room_json(c.sim, c.st, r))
        .collect();
    Ok(fields! { "total" => total, "room_info" => page })
}

fn replay(c: &mut Call<'_>, start: usize, limit: usize) -> ApiResult {
    let room_id = c.p.req_id("room_id")?;
    let now = c.now;
    let base = c.sim.base_url.clone();
    let room = c.room(room_id)?;
    let segments: Vec<Value> = match room.replay_at() {
        Some(at) if now >= at => vec![json!({
            "create_time": at,
            "expire_time": at + REPLAY_TTL,
            "media_url": format!("{base}/__sim/replay/{}/0.mp4", room.id),
        })],
        _ => Vec::new(),
    };
    let total = segments.len();
    if start >= total {
        return Err(empty_list());
    }
    let page: Vec<Value> = segments.into_iter().skip(start).take(limit).collect();
    Ok(fields! { "total" => total, "live_replay" => page })
}

/// WeChat's push host; a simulator with an RTMP ingest points its addresses at the ingest instead.
pub const WECHAT_PUSH_BASE: &str = "rtmp://wxalivepush.weixin.qq.com/live";

/// The push address of a room now: txTime = now + 24 h, txSecret = md5(key + stream + txTimeHex),
/// on `base` (`rtmp://host[:port]/live`).
pub fn push_url(base: &str, app_id: &str, room: &Room, now: i64) -> String {
    let stream = room.stream_name(app_id);
    let tx_time = format!("{:x}", now + 86_400);
    let secret = room.push_signature(&stream, &tx_time);
    format!("{base}/{stream}?txSecret={secret}&txTime={tx_time}")
}

/// R5 `GET /wxaapi/broadcast/room/getpushurl?roomId=`.
pub fn get_push_url(c: &mut Call<'_>) -> ApiResult {
    let id = c.p.req_id("roomId")?;
    let now = c.now;
    let app_id = &c.sim.app_id;
    let base = c.sim.push_base();
    let room =
        c.st.rooms
            .get_mut(id, now)
            .ok_or_else(super::room_not_found)?;
    if room.is_over() {
        return Err(room_state_error());
    }
    Ok(fields! { "pushAddr" => push_url(&base, app_id, room, now) })
}

/// R6 `GET /wxaapi/broadcast/room/getsharedcode?roomId=&params=`.
pub fn shared_code(c: &mut Call<'_>) -> ApiResult {
    let id = c.p.req_id("roomId").map_err(|_| invalid_params())?;
    if c.p
        .opt_str("params")?
        .is_some_and(|s| s.chars().count() > 600)
    {
        return Err(invalid_params());
    }
    let base = c.sim.base_url.clone();
    let room = c.room(id)?;
    if matches!(room.status, crate::state::rooms::BANNED) {
        return Err(room_state_error());
    }
    Ok(fields! {
        "cdnUrl" => format!("{base}/__sim/qr/room-{id}.png"),
        "pagePath" => format!("plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id={id}"),
        "posterUrl" => format!("{base}/__sim/poster/room-{id}.png"),
    })
}

fn invalid_params() -> ApiError {
    ApiError::new(1001, "invalid request params")
}
