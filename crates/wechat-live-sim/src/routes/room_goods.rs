//! R7 addgoods and G1–G5: goods on a room's shelf.

use std::collections::HashSet;

use super::{room_state_error, Call};
use crate::fields;
use crate::http::envelope::{ApiError, ApiResult};
use crate::http::params::as_int;
use crate::state::goods::APPROVED;
use crate::state::rooms::{RoomGoods, LIVE, REPLAY_DELAY};

/// Goods a room's shelf may hold.
pub const ROOM_GOODS_CAP: usize = 300;

fn goods_not_found() -> ApiError {
    ApiError::new(300024, "goods not found")
}

/// R7 `POST /wxaapi/broadcast/room/addgoods`: incremental import of approved library goods.
pub fn add_goods(c: &mut Call<'_>) -> ApiResult {
    let ids = c.p.req_ids("ids")?;
    let room_id = c.p.req_id("roomId")?;
    if ids.is_empty() {
        return Err(ApiError::invalid("ids"));
    }
    let now = c.now;
    if c.room(room_id)?.is_over() {
        return Err(room_state_error());
    }
    for id in &ids {
        let g = c.st.library.get_mut(*id, now).ok_or_else(goods_not_found)?;
        if g.audit_status != APPROVED {
            return Err(ApiError::new(300025, "goods not approved"));
        }
    }
    let room = c.room(room_id)?;
    let mut present: HashSet<u64> = room.goods.iter().map(|g| g.goods_id).collect();
    let new: Vec<u64> = ids.into_iter().filter(|id| present.insert(*id)).collect();
    if room.goods.len() + new.len() > ROOM_GOODS_CAP {
        return Err(ApiError::new(300033, "exceeds room goods limit"));
    }
    room.goods.extend(new.into_iter().map(|goods_id| RoomGoods {
        goods_id,
        on_sale: true,
        pushed_live_at: None,
    }));
    Ok(fields! {})
}

fn room_and_goods(c: &Call<'_>) -> Result<(u64, u64), ApiError> {
    Ok((c.p.req_id("roomId")?, c.p.req_id("goodsId")?))
}

/// G1 `POST /wxaapi/broadcast/goods/onsale`.
pub fn on_sale(c: &mut Call<'_>) -> ApiResult {
    let (room_id, goods_id) = room_and_goods(c)?;
    let on = c.p.req_flag("onSale")?;
    let showing = c.st.pushes.showing(room_id, c.sim.clock.now_ms()).is_some();
    let room = c.room(room_id)?;
    if showing {
        return Err(ApiError::new(
            300049,
            "cannot change sale state while a push is in progress",
        ));
    }
    let g = room
        .goods
        .iter_mut()
        .find(|g| g.goods_id == goods_id)
        .ok_or_else(goods_not_found)?;
    g.on_sale = on == 1;
    Ok(fields! {})
}

/// G2 `POST /wxaapi/broadcast/goods/deleteInRoom`.
pub fn delete_in_room(c: &mut Call<'_>) -> ApiResult {
    let (room_id, goods_id) = room_and_goods(c)?;
    let now_ms = c.sim.clock.now_ms();
    let showing = c.st.pushes.showing(room_id, now_ms).is_some();
    let room = c.room(room_id)?;
    if showing {
        return Err(push_in_progress());
    }
    let before = room.goods.len();
    room.goods.retain(|g| g.goods_id != goods_id);
    if room.goods.len() == before {
        return Err(goods_not_found());
    }
    Ok(fields! {})
}

fn push_in_progress() -> ApiError {
    ApiError::new(300047, "another goods is being pushed, retry later")
}

/// G3 `POST /wxaapi/broadcast/goods/push`: only while live, and not while another card shows (the
/// push window, see [`crate::state::pushes`]).
pub fn push(c: &mut Call<'_>) -> ApiResult {
    let (room_id, goods_id) = room_and_goods(c)?;
    let now = c.now;
    let now_ms = c.sim.clock.now_ms();
    if !c.st.library.by_id.contains_key(&goods_id) {
        return Err(goods_not_found());
    }
    let showing = c.st.pushes.showing(room_id, now_ms).is_some();
    let room = c.room(room_id)?;
    if room.status != LIVE {
        return Err(ApiError::new(300023, "room not live"));
    }
    let g = room
        .goods
        .iter_mut()
        .find(|g| g.goods_id == goods_id)
        .ok_or_else(|| ApiError::new(300053, "goods not in room"))?;
    if !g.on_sale {
        return Err(ApiError::new(300052, "off-shelf goods cannot be pushed"));
    }
    if showing {
        return Err(push_in_progress());
    }
    g.pushed_live_at.get_or_insert(now);
    c.st.pushes.start(room_id, goods_id, now_ms);
    Ok(fields! {})
}

/// G4 `POST /wxaapi/broadcast/goods/sort`: listed goods first in the given order, the rest after.
pub fn sort(c: &mut Call<'_>) -> ApiResult {
    let room_id = c.p.req_id("roomId")?;
    let items = c.p.req_array("goods")?;
    let mut order = Vec::with_capacity(items.len());
    for item in items {
        let id = item
            .get("goodsId")
            .and_then(as_int)
            .and_then(|i| u64::try_from(i).ok())
            .ok_or_else(|| ApiError::invalid("goods"))?;
        order.push(id);
    }
    let room = c.room(room_id)?;
    if room.is_over() {
        return Err(room_state_error());
    }
    if order
        .iter()
        .any(|id| !room.goods.iter().any(|g| g.goods_id == *id))
    {
        return Err(ApiError::new(300048, "fetch goods list failed"));
    }
    let mut sorted = Vec::with_capacity(room.goods.len());
    for id in &order {
        if let Some(pos) = room.goods.iter().position(|g| g.goods_id == *id) {
            sorted.push(room.goods.remove(pos));
        }
    }
    sorted.append(&mut room.goods);
    room.goods = sorted;
    Ok(fields! {})
}

/// G5 `POST /wxaapi/broadcast/goods/getVideo`: a clip exists for goods pushed while live, 10 min
/// after the room ended.
pub fn get_video(c: &mut Call<'_>) -> ApiResult {
    let (room_id, goods_id) = room_and_goods(c)?;
    let now = c.now;
    let base = c.sim.base_url.clone();
    let room = c.room(room_id)?;
    let ended_at = room.replay_at().map(|t| t - REPLAY_DELAY);
    let g = room
        .goods
        .iter()
        .find(|g| g.goods_id == goods_id)
        .ok_or_else(goods_not_found)?;
    if g.pushed_live_at.is_none() {
        return Err(ApiError::new(300044, "goods has no explanation video"));
    }
    match ended_at {
        Some(end) if now >= end + REPLAY_DELAY => Ok(fields! {
            "url" => format!("{base}/__sim/video/{room_id}-{goods_id}.mp4"),
        }),
        _ => Err(ApiError::new(300045, "explanation video not generated yet")),
    }
}
