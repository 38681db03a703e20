//! R8–R11 assistants and R12–R15 sub-anchor of a room.

use serde_json::{json, Value};

use super::{room_state_error, Call};
use crate::fields;
use crate::http::envelope::{ApiError, ApiResult};
use crate::state::people::openid_for;
use crate::state::rooms::Assistant;
use crate::validate::is_wechat_id;

/// Assistants per room (`maxCount`).
pub const MAX_ASSISTANTS: usize = 10;

fn check_username(name: &str) -> Result<(), ApiError> {
    if is_wechat_id(name) {
        Ok(())
    } else {
        Err(ApiError::invalid("username"))
    }
}

/// R8 `POST /wxaapi/broadcast/room/addassistant`: adds or renames; at most 10 per room.
pub fn add_assistant(c: &mut Call<'_>) -> ApiResult {
    let room_id = c.p.req_id("roomId")?;
    let users = c.p.req_array("users")?;
    let mut parsed = Vec::with_capacity(users.len());
    for u in users {
        let username = u.get("username").and_then(Value::as_str);
        let nickname = u.get("nickname").and_then(Value::as_str);
        let (Some(username), Some(nickname)) = (username, nickname) else {
            return Err(ApiError::invalid("users"));
        };
        check_username(username)?;
        parsed.push((username.to_owned(), nickname.to_owned()));
    }
    if parsed.is_empty() {
        return Err(ApiError::invalid("users"));
    }
    let (now, app_id) = (c.now, c.sim.app_id.clone());
    let room = c.room(room_id)?;
    if room.is_over() {
        return Err(room_state_error());
    }
    let new = parsed
        .iter()
        .filter(|(u, _)| !room.assistants.iter().any(|a| &a.username == u))
        .count();
    if room.assistants.len() + new > MAX_ASSISTANTS {
        return Err(ApiError::new(
            200002,
            "parameter users is invalid: at most 10 assistants",
        ));
    }
    for (username, nickname) in parsed {
        match room.assistants.iter_mut().find(|a| a.username == username) {
            Some(a) => {
                a.nickname = nickname;
                a.updated_at = now;
            }
            None => room.assistants.push(Assistant {
                openid: openid_for(&app_id, &username),
                username,
                nickname,
                updated_at: now,
            }),
        }
    }
    Ok(fields! {})
}

/// R9 `POST /wxaapi/broadcast/room/modifyassistant`.
pub fn modify_assistant(c: &mut Call<'_>) -> ApiResult {
    let room_id = c.p.req_id("roomId")?;
    let username = c.p.req_str("username")?.to_owned();
    let nickname = c.p.req_str("nickname")?.to_owned();
    let now = c.now;
    let room = c.room(room_id)?;
    let a = room
        .assistants
        .iter_mut()
        .find(|a| a.username == username)
        .ok_or_else(|| ApiError::invalid("username"))?;
    a.nickname = nickname;
    a.updated_at = now;
    Ok(fields! {})
}

/// R10 `POST /wxaapi/broadcast/room/removeassistant`.
pub fn remove_assistant(c: &mut Call<'_>) -> ApiResult {
    let room_id = c.p.req_id("roomId")?;
    let username = c.p.req_str("username")?.to_owned();
    let room = c.room(room_id)?;
    let before = room.assistants.len();
    room.assistants.retain(|a| a.username != username);
    if room.assistants.len() == before {
        return Err(ApiError::invalid("username"));
    }
    Ok(fields! {})
}

/// R11 `GET /wxaapi/broadcast/room/getassistantlist?roomId=`.
pub fn assistant_list(c: &mut Call<'_>) -> ApiResult {
    let room_id = c.p.req_id("roomId")?;
    let base = c.sim.base_url.clone();
    let room = c.room(room_id)?;
    let list: Vec<Value> = room
        .assistants
        .iter()
        .map(|a| {
            json!({
                "timestamp": a.updated_at,
                "headimg": format!("{base}/__sim/qr/avatar-{}.png", a.username),
                "nickname": a.nickname,
                "alias": a.username,
                "openid": a.openid,
            })
        })
        .collect();
    Ok(fields! {
        "count" => list.len(),
        "maxCount" => MAX_ASSISTANTS,
        "list" => list,
    })
}

fn sub_anchor_input(c: &Call<'_>) -> Result<(u64, String), ApiError> {
    Ok((c.p.req_id("roomId")?, c.p.req_str("username")?.to_owned()))
}

fn set_sub_anchor(c: &mut Call<'_>, adding: bool) -> ApiResult {
    let (room_id, username) = sub_anchor_input(c)?;
    let verified = is_wechat_id(&username) && c.st.verified.is_verified(&username);
    let room = c.room(room_id)?;
    if room.is_over() {
        return Err(room_state_error());
    }
    if room.anchor_wechat == username {
        return Err(ApiError::new(500005, "sub-anchor equals main anchor"));
    }
    if room.sub_anchor.as_deref() == Some(username.as_str())
        || (adding && room.sub_anchor.is_some())
    {
        return Err(ApiError::new(500004, "duplicate sub-anchor"));
    }
    if !verified {
        return Err(ApiError::new(500002, "sub-anchor not real-name verified"));
    }
    room.sub_anchor = Some(username);
    Ok(fields! {})
}

/// R12 `POST /wxaapi/broadcast/room/addsubanchor`.
pub fn add_sub_anchor(c: &mut Call<'_>) -> ApiResult {
    set_sub_anchor(c, true)
}

/// R13 `POST /wxaapi/broadcast/room/modifysubanchor`.
pub fn modify_sub_anchor(c: &mut Call<'_>) -> ApiResult {
    set_sub_anchor(c, false)
}

/// R14 `POST /wxaapi/broadcast/room/deletesubanchor`.
pub fn delete_sub_anchor(c: &mut Call<'_>) -> ApiResult {
    let room_id = c.p.req_id("roomId")?;
    c.room(room_id)?.sub_anchor = None;
    Ok(fields! {})
}

/// R15 `GET /wxaapi/broadcast/room/getsubanchor?roomId=` ("" when there is none).
pub fn get_sub_anchor(c: &mut Call<'_>) -> ApiResult {
    let room_id = c.p.req_id("roomId")?;
    let name = c.room(room_id)?.sub_anchor.clone().unwrap_or_default();
    Ok(fields! { "username" => name })
}
