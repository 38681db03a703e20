//! `/__sim/access`: the account's live activation and API IP whitelist (`state/access.rs`).
//!
//! `POST {"live_activated": false}` makes every live endpoint answer 48001;
//! `POST {"ip_whitelist": ["203.0.113.7"], "caller_ip": "198.51.100.20"}` makes token requests
//! answer 40164 naming 198.51.100.20 until it is listed; `{"ip_whitelist": null}` removes the
//! whitelist. Fields left out keep their value. `GET` answers the current settings.

use std::net::Ipv4Addr;
use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Deserializer};
use serde_json::{json, Value};

use super::{CResult, ControlError};
use crate::state::access::Access;
use crate::state::Sim;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessBody {
    live_activated: Option<bool>,
    /// Absent: unchanged; `null`: no whitelist; a list: only these IPv4 addresses.
    #[serde(default, deserialize_with = "present")]
    ip_whitelist: Option<Option<Vec<String>>>,
    caller_ip: Option<String>,
}

/// A field that is present (even as `null`) is `Some`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

fn ipv4(s: &str) -> Result<Ipv4Addr, ControlError> {
    s.trim().parse().map_err(|_| {
        ControlError::BadRequest(format!(
            "{s} is not an IPv4 address (WeChat's 40164 errmsg form names one)"
        ))
    })
}

fn access_json(a: &Access) -> Value {
    json!({
        "live_activated": a.live_activated,
        "ip_whitelist": a.ip_whitelist.as_ref().map(|l| l.iter().map(ToString::to_string).collect::<Vec<_>>()),
        "caller_ip": a.caller_ip.to_string(),
    })
}

pub async fn get(State(sim): State<Arc<Sim>>) -> Json<Value> {
    Json(access_json(&sim.state().access))
}

pub async fn set(State(sim): State<Arc<Sim>>, Json(b): Json<AccessBody>) -> CResult {
    // Parse everything before changing anything: a bad address leaves the settings as they were.
    let whitelist = match b.ip_whitelist {
        None => None,
        Some(None) => Some(None),
        Some(Some(list)) => Some(Some(
            list.iter()
                .map(|s| ipv4(s))
                .collect::<Result<Vec<_>, _>>()?,
        )),
    };
    let caller = b.caller_ip.as_deref().map(ipv4).transpose()?;
    let mut st = sim.state();
    let a = &mut st.access;
    if let Some(on) = b.live_activated {
        a.live_activated = on;
    }
    if let Some(list) = whitelist {
        a.ip_whitelist = list;
    }
    if let Some(ip) = caller {
        a.caller_ip = ip;
    }
    Ok(Json(access_json(a)))
}
