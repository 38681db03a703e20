//! M1–M3: account roles (admin, anchor, operator).

use serde_json::{json, Value};

use super::Call;
use crate::fields;
use crate::http::envelope::{ApiError, ApiResult};
use crate::state::people::{openid_for, role_limit, Member, ROLE_ANCHOR, ROLE_SUPER_ADMIN};
use crate::state::rooms::NOT_STARTED;
use crate::validate::{is_wechat_id, mask_username};

fn invalid_id() -> ApiError {
    ApiError::new(400001, "invalid WeChat ID")
}

fn read(c: &Call<'_>) -> Result<(String, i64), ApiError> {
    let username = c.p.req_str("username")?.to_owned();
    let role = c.p.req_int("role")?;
    if !(0..=3).contains(&role) {
        return Err(ApiError::invalid("role"));
    }
    if !is_wechat_id(&username) {
        return Err(invalid_id());
    }
    Ok((username, role))
}

/// M1 `POST /wxaapi/broadcast/role/addrole`.
pub fn add(c: &mut Call<'_>) -> ApiResult {
    let (username, role) = read(c)?;
    if role == ROLE_SUPER_ADMIN {
        // Setting super-admin has no effect.
        return Ok(fields! {});
    }
    if role == ROLE_ANCHOR && !c.st.verified.is_verified(&username) {
        let url = format!("{}/__sim/qr/realname-{username}.png", c.sim.base_url);
        return Err(
            ApiError::new(400002, "real-name verification required").with("codeurl", url.into())
        );
    }
    let people = &mut c.st.people;
    if people
        .members
        .get(&username)
        .is_some_and(|m| m.roles.contains(&role))
    {
        return Err(ApiError::new(400004, "role already assigned"));
    }
    if people.role_count(role) >= role_limit(role) {
        return Err(ApiError::new(400003, "role count limit reached"));
    }
    let now = c.now;
    let openid = openid_for(&c.sim.app_id, &username);
    let member = people
        .members
        .entry(username.clone())
        .or_insert_with(|| Member {
            nickname: username.clone(),
            openid,
            roles: Default::default(),
            updated_at: now,
        });
    member.roles.insert(role);
    member.updated_at = now;
    Ok(fields! {})
}

/// M2 `POST /wxaapi/broadcast/role/deleterole`: an anchor with rooms not yet started keeps the role.
pub fn delete(c: &mut Call<'_>) -> ApiResult {
    let (username, role) = read(c)?;
    let now = c.now;
    if !c.st.people.members.contains_key(&username) {
        return Err(invalid_id());
    }
    if role == ROLE_ANCHOR {
        c.st.rooms.refresh_all(now);
        let pending =
            c.st.rooms
                .by_id
                .values()
                .any(|r| r.anchor_wechat == username && r.status == NOT_STARTED);
        if pending {
            return Err(ApiError::new(400005, "anchor has rooms not yet started"));
        }
    }
    if let Some(m) = c.st.people.members.get_mut(&username) {
        m.roles.remove(&role);
        m.updated_at = now;
        if m.roles.is_empty() {
            c.st.people.members.remove(&username);
        }
    }
    Ok(fields! {})
}

/// M3 `GET /wxaapi/broadcast/role/getrolelist` (query) or POST (JSON): usernames masked.
pub fn list(c: &mut Call<'_>) -> ApiResult {
    let role = c.p.opt_int("role")?.unwrap_or(-1);
    let offset = c.p.opt_int("offset")?.unwrap_or(0);
    let limit = c.p.opt_int("limit")?.unwrap_or(10);
    let keyword = c.p.opt_str("keyword")?.unwrap_or("").to_owned();
    if offset < 0 || !(-1..=3).contains(&role) {
        return Err(ApiError::invalid(if offset < 0 {
            "offset"
        } else {
            "role"
        }));
    }
    if limit < 1 {
        return Err(ApiError::invalid("limit"));
    }
    let (offset, limit) = (offset as usize, limit.min(30) as usize);
    let base = &c.sim.base_url;
    let matching = c.st.people.members.iter().filter(|(name, m)| {
        (role == -1 || m.roles.contains(&role))
            && (keyword.is_empty() || name.contains(&keyword) || m.nickname.contains(&keyword))
    });
    let total = matching.clone().count();
    let list: Vec<Value> = matching
        .skip(offset)
        .take(limit)
        .map(|(name, m)| {
            json!({
                "headingimg": format!("{base}/__sim/qr/avatar-{name}.png"),
                "nickname": m.nickname,
                "openid": m.openid,
                "roleList": m.roles.iter().collect::<Vec<_>>(),
                "updateTimestamp": m.updated_at.to_string(),
                "username": mask_username(name),
            })
        })
        .collect();
    Ok(fields! { "total" => total, "list" => list })
}
