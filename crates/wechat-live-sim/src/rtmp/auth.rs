//! Which publishes the ingest takes: app `live`, stream `<appid>-<roomId>` of a room that exists
//! and is not over, `txSecret` = md5(room's push key + stream + txTime), and `txTime` (hex unix
//! seconds) not yet passed — the Tencent Cloud signing the push addresses carry (reference §6).

use crate::state::Sim;

/// Why a publish is refused (sent back in the `_error` description).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("unknown application {0:?} (expected \"live\")")]
    App(String),
    #[error("stream {0:?} is not <appid>-<roomId> of this account")]
    Stream(String),
    #[error("room {0} does not exist")]
    NoRoom(u64),
    #[error("room {0} is over")]
    Over(u64),
    #[error("txSecret or txTime missing")]
    Unsigned,
    #[error("txSecret does not match")]
    BadSignature,
    #[error("txTime has passed: the address expired")]
    Expired,
    #[error("room {0} already has a publisher")]
    Busy(u64),
}

/// The room a publish of `stream_key` (the publish name, query included) on `app` goes to.
pub fn check(sim: &Sim, app: &str, stream_key: &str, now: i64) -> Result<u64, Refusal> {
    if app.split('?').next() != Some("live") {
        return Err(Refusal::App(app.to_owned()));
    }
    let (stream, query) = stream_key.split_once('?').unwrap_or((stream_key, ""));
    let room_id = stream
        .strip_prefix(&format!("{}-", sim.app_id))
        .and_then(|id| id.parse::<u64>().ok())
        .ok_or_else(|| Refusal::Stream(stream.to_owned()))?;
    let mut secret = None;
    let mut tx_time = None;
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        match k.as_ref() {
            "txSecret" => secret = Some(v.into_owned()),
            "txTime" => tx_time = Some(v.into_owned()),
            _ => {}
        }
    }
    let (Some(secret), Some(tx_time)) = (secret, tx_time) else {
        return Err(Refusal::Unsigned);
    };
    let mut st = sim.state();
    let room = st
        .rooms
        .get_mut(room_id, now)
        .ok_or(Refusal::NoRoom(room_id))?;
    if room.is_over() {
        return Err(Refusal::Over(room_id));
    }
    if room.push_signature(stream, &tx_time) != secret.to_ascii_lowercase() {
        return Err(Refusal::BadSignature);
    }
    match i64::from_str_radix(&tx_time, 16) {
        Ok(t) if t >= now => Ok(room_id),
        _ => Err(Refusal::Expired),
    }
}
