//! Control-plane views of state: a room's full record, forced status, and the request log.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::{room_push_url, CResult, ControlError};
use crate::state::log::LogEntry;
use crate::state::Sim;

type S = State<Arc<Sim>>;

pub async fn room(State(sim): S, Path(id): Path<u64>) -> CResult {
    let mut st = sim.state();
    let now = sim.clock.now();
    let room = st
        .rooms
        .get_mut(id, now)
        .ok_or_else(|| ControlError::NotFound(format!("room {id}")))?;
    let goods: Vec<Value> = room
        .goods
        .iter()
        .map(|g| {
            json!({
                "goods_id": g.goods_id,
                "on_sale": g.on_sale,
                "pushed_live_at": g.pushed_live_at,
            })
        })
        .collect();
    let assistants: Vec<Value> = room
        .assistants
        .iter()
        .map(|a| json!({"username": a.username, "nickname": a.nickname, "openid": a.openid}))
        .collect();
    Ok(Json(json!({
        "id": room.id,
        "name": room.name,
        "status": room.status,
        "start_time": room.start_time,
        "end_time": room.end_time,
        "anchor_name": room.anchor_name,
        "anchor_wechat": room.anchor_wechat,
        "sub_anchor_wechat": room.sub_anchor,
        "creater_wechat": room.creater_wechat,
        "creater_openid": room.creater_openid,
        "type": room.live_type,
        "cover_img": room.cover_media,
        "share_img": room.share_media,
        "feeds_img": room.feeds_media,
        "is_feeds_public": room.is_feeds_public,
        "close_like": room.close_like,
        "close_goods": room.close_goods,
        "close_comment": room.close_comment,
        "close_replay": room.close_replay,
        "close_share": room.close_share,
        "close_kf": room.close_kf,
        "ban_comment": room.ban_comment,
        "abnormal_since": room.abnormal_since,
        "ended_at": room.ended_at,
        "goods": goods,
        "assistants": assistants,
        "stream_name": room.stream_name(&sim.app_id),
        "push_key": room.push_key,
        "push_url": room_push_url(&sim, room, now),
    })))
}

#[derive(Debug, Deserialize)]
pub struct StatusBody {
    status: i64,
}

pub async fn force_status(
    State(sim): S,
    Path(id): Path<u64>,
    Json(b): Json<StatusBody>,
) -> CResult {
    if !(101..=107).contains(&b.status) {
        return Err(ControlError::BadRequest("status must be 101..=107".into()));
    }
    let mut st = sim.state();
    let now = sim.clock.now();
    let room = st
        .rooms
        .get_mut(id, now)
        .ok_or_else(|| ControlError::NotFound(format!("room {id}")))?;
    room.force_status(b.status, now);
    Ok(Json(json!({ "id": id, "status": room.status })))
}

const SECRET_KEYS: [&str; 2] = ["access_token", "secret"];

fn mask_query(query: &str) -> String {
    let pairs = url::form_urlencoded::parse(query.as_bytes()).map(|(k, v)| {
        let masked = SECRET_KEYS.contains(&k.as_ref());
        (k, if masked { "***".into() } else { v })
    });
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

fn mask_value(v: &mut Value) {
    match v {
        Value::Object(m) => mask_map(m),
        Value::Array(a) => a.iter_mut().for_each(mask_value),
        _ => {}
    }
}

fn mask_map(m: &mut Map<String, Value>) {
    for (k, v) in m.iter_mut() {
        if SECRET_KEYS.contains(&k.as_str()) {
            *v = Value::from("***");
        } else {
            mask_value(v);
        }
    }
}

fn entry_json(e: &LogEntry) -> Value {
    let mut body = serde_json::from_slice::<Value>(&e.body).unwrap_or(Value::Null);
    mask_value(&mut body);
    json!({
        "seq": e.seq,
        "method": e.method.as_str(),
        "path": e.uri.path(),
        "query": mask_query(e.uri.query().unwrap_or("")),
        "body": body,
        "at": e.at,
        "received_ms": e.received_ms,
    })
}

pub async fn requests(State(sim): S) -> Json<Value> {
    let log = sim.log();
    Json(Value::Array(log.entries().map(entry_json).collect()))
}

pub async fn clear_requests(State(sim): S) -> Json<Value> {
    sim.log().clear();
    Json(json!({}))
}
