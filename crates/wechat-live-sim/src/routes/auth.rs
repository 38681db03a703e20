//! `/cgi-bin/token` and `/cgi-bin/stable_token`.

use std::sync::atomic::Ordering;

use serde_json::Value;

use crate::fields;
use crate::http::envelope::{ApiError, ApiResult};
use crate::http::params::Params;
use crate::state::clock::beijing_day;
use crate::state::Sim;

const TOKEN_DAILY: u32 = 2_000;
const STABLE_DAILY: u32 = 500_000;

/// Checks appid and secret. A secret of the wrong length is malformed (40125); one of the right
/// length that does not match is "AppSecret wrong" (40001), which is how WeChat tells them apart.
fn check_credentials(sim: &Sim, appid: &str, secret: &str) -> Result<(), ApiError> {
    if appid != sim.app_id {
        return Err(ApiError::new(40013, "invalid appid"));
    }
    if secret.len() != sim.secret.len() {
        return Err(ApiError::new(40125, "invalid appsecret"));
    }
    if secret != sim.secret {
        return Err(ApiError::new(
            40001,
            "invalid credential, access_token is invalid or not latest",
        ));
    }
    Ok(())
}

fn quota(sim: &Sim, group: &'static str, limit: u32) -> Result<(), ApiError> {
    let mut st = sim.state();
    let now = sim.clock.now();
    if st.quotas.take(group, limit, now) {
        Ok(())
    } else {
        Err(ApiError::new(45009, "reach max api daily quota limit"))
    }
}

/// `GET /cgi-bin/token?grant_type=client_credential&appid=&secret=`.
pub fn token(sim: &Sim, p: &Params) -> ApiResult {
    sim.stats.token_requests.fetch_add(1, Ordering::Relaxed);
    let grant = p.opt_str("grant_type")?.unwrap_or("");
    let appid = p.opt_str("appid")?.unwrap_or("");
    let secret = p.opt_str("secret")?.unwrap_or("");
    if appid.is_empty() {
        return Err(ApiError::new(41002, "appid missing"));
    }
    if grant != "client_credential" {
        return Err(ApiError::new(40002, "invalid grant_type"));
    }
    if secret.is_empty() {
        return Err(ApiError::new(41004, "appsecret missing"));
    }
    check_credentials(sim, appid, secret)?;
    super::access::check_ip(&sim.state())?;
    quota(sim, "cgi-bin/token", TOKEN_DAILY)?;
    let mut st = sim.state();
    let now = sim.clock.now();
    let (token, expires_in) = st.tokens.issue_plain(now);
    Ok(answer(token, expires_in))
}

/// `POST /cgi-bin/stable_token` with a JSON body.
pub fn stable_token(sim: &Sim, p: &Params) -> ApiResult {
    sim.stats
        .stable_token_requests
        .fetch_add(1, Ordering::Relaxed);
    let grant = p.opt_str("grant_type")?.unwrap_or("");
    let appid = p.opt_str("appid")?.unwrap_or("");
    let secret = p.opt_str("secret")?.unwrap_or("");
    if grant.is_empty() {
        return Err(ApiError::missing("grant_type"));
    }
    if appid.is_empty() {
        return Err(ApiError::new(41002, "appid missing"));
    }
    if secret.is_empty() {
        return Err(ApiError::new(41004, "appsecret missing"));
    }
    if grant != "client_credential" {
        return Err(ApiError::new(40002, "invalid grant_type"));
    }
    let force = match p.raw("force_refresh") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(ApiError::invalid("force_refresh")),
    };
    check_credentials(sim, appid, secret)?;
    super::access::check_ip(&sim.state())?;
    quota(sim, "cgi-bin/stable_token", STABLE_DAILY)?;
    let mut st = sim.state();
    let now = sim.clock.now();
    let (token, expires_in) = if force {
        st.tokens
            .stable_force(now, beijing_day(now))
            .map_err(|()| ApiError::new(45009, "reach max api daily quota limit"))?
    } else {
        st.tokens.stable(now)
    };
    Ok(answer(token, expires_in))
}

fn answer(token: String, expires_in: i64) -> crate::http::envelope::Fields {
    fields! { "access_token" => token, "expires_in" => expires_in }
}
