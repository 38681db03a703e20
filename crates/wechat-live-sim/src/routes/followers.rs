//! S1 get_wxa_followers and S2 push_message (long-term subscription).

use rand::Rng;
use serde_json::{json, Value};

use super::Call;
use crate::fields;
use crate::http::envelope::{ApiError, ApiResult};
use crate::state::clock::beijing_day;
use crate::state::rooms::LIVE;

/// Openids per push_message call.
const MAX_OPENIDS: usize = 2000;

/// S1 `POST /wxa/business/get_wxa_followers`: `page_break` is the offset of the next page.
pub fn list(c: &mut Call<'_>) -> ApiResult {
    let limit = c.p.opt_int("limit")?.unwrap_or(200);
    let from = c.p.opt_int("page_break")?.unwrap_or(0);
    if limit < 1 {
        return Err(ApiError::invalid("limit"));
    }
    if from < 0 {
        return Err(ApiError::invalid("page_break"));
    }
    let (from, limit) = (from as usize, limit.min(2000) as usize);
    let all = &c.st.people.followers;
    let page: Vec<Value> = all
        .iter()
        .skip(from)
        .take(limit)
        .map(|f| {
            json!({
                "openid": f.openid,
                "subscribe_time": f.subscribe_time,
                "room_id": f.room_id,
                "room_status": f.room_status,
            })
        })
        .collect();
    let next = (from + page.len()).min(all.len().max(from));
    Ok(fields! { "followers" => page, "page_break" => next })
}

/// S2 `POST /wxa/business/push_message`: the room must be live, one room per day.
pub fn push(c: &mut Call<'_>) -> ApiResult {
    let room_id = c.p.req_id("room_id")?;
    let openids = c.p.req_array("user_openid")?;
    if openids.is_empty() || openids.len() > MAX_OPENIDS || openids.iter().any(|v| !v.is_string()) {
        return Err(ApiError::invalid("user_openid"));
    }
    let day = beijing_day(c.now);
    if c.room(room_id)?.status != LIVE {
        return Err(ApiError::new(9_410_006, "room is not live"));
    }
    match c.st.people.pushed_today {
        Some((d, r)) if d == day && r != room_id => {
            return Err(ApiError::new(
                9_410_005,
                "another room already pushed today",
            ));
        }
        _ => c.st.people.pushed_today = Some((day, room_id)),
    }
    let id: u64 = rand::rng().random_range(1_000_000_000..9_999_999_999);
    Ok(fields! { "message_id" => id.to_string() })
}
