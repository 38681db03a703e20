//! The `/__sim/` control plane (not WeChat's): clock, verified IDs, faults, forced status, the request
//! log, stats, audit rule, push window, quotas, tokens, bulk seeding, and the image and video files the simulator
//! serves.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

mod access;
mod records;
pub mod video;

use crate::images::{qr_png, solid_png};
use crate::routes::room_query::push_url;
use crate::state::faults::{Fault, FaultKind};
use crate::state::verified::Verified;
use crate::state::Sim;

type S = State<Arc<Sim>>;

/// A control-plane request that cannot be honoured (HTTP 400/404 with `{"error": ...}`).
#[derive(Debug, thiserror::Error)]
pub enum ControlError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0} not found")]
    NotFound(String),
}

impl IntoResponse for ControlError {
    fn into_response(self) -> Response {
        let status = match self {
            ControlError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ControlError::NotFound(_) => StatusCode::NOT_FOUND,
        };
        (status, Json(json!({ "error": self.to_string() }))).into_response()
    }
}

type CResult = Result<Json<Value>, ControlError>;

pub fn router() -> Router<Arc<Sim>> {
    Router::new()
        .route("/clock", get(clock).post(set_clock))
        .route("/verified", get(verified).post(set_verified))
        .route("/faults", post(add_fault).delete(clear_faults))
        .route("/rooms/{id}", get(records::room))
        .route("/rooms/{id}/status", post(records::force_status))
        .route(
            "/requests",
            get(records::requests).delete(records::clear_requests),
        )
        .route("/stats", get(stats))
        .route("/audit", post(audit))
        .route("/push_window", post(push_window))
        .route("/quota/reset", post(quota_reset))
        .route("/quota", post(quota_switch))
        .route("/tokens/expire", post(expire_tokens))
        .route("/account", post(account))
        .route("/access", get(access::get).post(access::set))
        .route("/seed", post(seed))
        .route("/media/{file}", get(media_png))
        .route("/qr/{file}", get(qr))
        .route("/poster/{file}", get(poster))
        .route("/video/{file}", get(video::explanation))
        .route("/replay/{room}/{file}", get(video::replay))
}

async fn clock(State(sim): S) -> Json<Value> {
    Json(json!({ "now": sim.clock.now() }))
}

#[derive(Debug, Deserialize)]
struct ClockBody {
    set: Option<i64>,
    advance: Option<i64>,
}

async fn set_clock(State(sim): S, Json(b): Json<ClockBody>) -> CResult {
    match (b.set, b.advance) {
        (Some(t), None) => sim.clock.set(t),
        (None, Some(d)) => sim.clock.advance(d),
        _ => {
            return Err(ControlError::BadRequest(
                "give exactly one of set, advance".into(),
            ))
        }
    }
    Ok(Json(json!({ "now": sim.clock.now() })))
}

fn verified_json(v: &Verified) -> Value {
    json!({ "all_verified_except_prefix": v.all_but_prefix, "ids": v.ids })
}

async fn verified(State(sim): S) -> Json<Value> {
    Json(verified_json(&sim.state().verified))
}

#[derive(Debug, Deserialize)]
struct VerifiedBody {
    #[serde(default)]
    add: Vec<String>,
    #[serde(default)]
    remove: Vec<String>,
    mode: Option<String>,
    prefix: Option<String>,
}

async fn set_verified(State(sim): S, Json(b): Json<VerifiedBody>) -> CResult {
    let mut st = sim.state();
    match b.mode.as_deref() {
        None => {}
        Some("list") => {
            st.verified.all_but_prefix = None;
            st.verified.revoked.clear();
        }
        Some("all_but_prefix") => {
            st.verified.all_but_prefix = Some(b.prefix.unwrap_or_else(|| "unverified".into()));
        }
        Some(other) => return Err(ControlError::BadRequest(format!("unknown mode {other}"))),
    }
    for id in &b.add {
        st.verified.add(id);
    }
    for id in &b.remove {
        st.verified.remove(id);
    }
    Ok(Json(verified_json(&st.verified)))
}

#[derive(Debug, Deserialize)]
struct FaultBody {
    path: String,
    kind: String,
    #[serde(default)]
    latency_ms: u64,
    #[serde(default = "default_errcode")]
    errcode: i64,
    count: Option<u64>,
    #[serde(default = "one")]
    probability: f64,
}

fn default_errcode() -> i64 {
    -1
}

fn one() -> f64 {
    1.0
}

async fn add_fault(State(sim): S, Json(b): Json<FaultBody>) -> CResult {
    let kind = FaultKind::parse(&b.kind)
        .ok_or_else(|| ControlError::BadRequest(format!("unknown fault kind {}", b.kind)))?;
    if !(0.0..=1.0).contains(&b.probability) {
        return Err(ControlError::BadRequest(
            "probability must be in 0..=1".into(),
        ));
    }
    let fault = Fault {
        id: 0,
        path: b.path,
        kind,
        latency_ms: b.latency_ms,
        errcode: b.errcode,
        remaining: b.count,
        probability: b.probability,
    };
    let id = sim.with_faults(|f| f.add(fault));
    Ok(Json(json!({ "id": id })))
}

async fn clear_faults(State(sim): S) -> Json<Value> {
    sim.with_faults(|f| f.clear());
    Json(json!({}))
}

async fn stats(State(sim): S) -> Json<Value> {
    let s = &sim.stats;
    Json(json!({
        "token_requests": s.token_requests.load(Ordering::Relaxed),
        "stable_token_requests": s.stable_token_requests.load(Ordering::Relaxed),
        "requests": s.requests.load(Ordering::Relaxed),
    }))
}

#[derive(Debug, Deserialize)]
struct AuditBody {
    delay_secs: Option<i64>,
    reject_word: Option<String>,
}

async fn audit(State(sim): S, Json(b): Json<AuditBody>) -> Json<Value> {
    let mut st = sim.state();
    let rule = &mut st.library.rule;
    if let Some(d) = b.delay_secs {
        rule.delay_secs = d.max(0);
    }
    if let Some(w) = b.reject_word {
        rule.reject_word = w;
    }
    Json(json!({ "delay_secs": rule.delay_secs, "reject_word": rule.reject_word }))
}

#[derive(Debug, Deserialize)]
struct PushWindowBody {
    ms: u64,
}

/// How long a pushed card shows from now on (0: pushes complete at once).
async fn push_window(State(sim): S, Json(b): Json<PushWindowBody>) -> Json<Value> {
    let mut st = sim.state();
    st.pushes.window_ms = i64::try_from(b.ms).unwrap_or(i64::MAX);
    Json(json!({ "ms": st.pushes.window_ms }))
}

async fn quota_reset(State(sim): S) -> Json<Value> {
    sim.state().quotas.reset();
    Json(json!({}))
}

#[derive(Debug, Deserialize)]
struct QuotaBody {
    enabled: bool,
}

async fn quota_switch(State(sim): S, Json(b): Json<QuotaBody>) -> Json<Value> {
    sim.state().quotas.enabled = b.enabled;
    Json(json!({ "enabled": b.enabled }))
}

async fn expire_tokens(State(sim): S) -> Json<Value> {
    let mut st = sim.state();
    let now = sim.clock.now();
    st.tokens.expire_all(now);
    Json(json!({}))
}

#[derive(Debug, Deserialize)]
struct AccountBody {
    kf_configured: Option<bool>,
}

async fn account(State(sim): S, Json(b): Json<AccountBody>) -> Json<Value> {
    let mut st = sim.state();
    if let Some(kf) = b.kf_configured {
        st.kf_configured = kf;
    }
    Json(json!({ "kf_configured": st.kf_configured }))
}

#[derive(Debug, Deserialize)]
struct SeedBody {
    #[serde(default)]
    rooms: usize,
    #[serde(default)]
    goods: usize,
}

async fn seed(State(sim): S, Json(b): Json<SeedBody>) -> CResult {
    if b.rooms > 100_000 || b.goods > 100_000 {
        return Err(ControlError::BadRequest("at most 100000 of each".into()));
    }
    let (rooms, goods) = crate::demo::bulk(&sim, b.rooms, b.goods);
    Ok(Json(json!({ "room_ids": rooms, "goods_ids": goods })))
}

fn png_response(bytes: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "image/png")], bytes).into_response()
}

fn strip_png(file: &str) -> Result<&str, ControlError> {
    file.strip_suffix(".png")
        .ok_or_else(|| ControlError::NotFound(file.to_owned()))
}

async fn media_png(State(sim): S, Path(file): Path<String>) -> Result<Response, ControlError> {
    let id = strip_png(&file)?;
    let media = sim
        .state()
        .media
        .get(id)
        .cloned()
        .ok_or_else(|| ControlError::NotFound(id.to_owned()))?;
    Ok(match media.png {
        Some(bytes) => ([(header::CONTENT_TYPE, "image/png")], bytes).into_response(),
        None => png_response(solid_png(media.width, media.height, media.color)),
    })
}

async fn qr(State(sim): S, Path(file): Path<String>) -> Result<Response, ControlError> {
    let key = strip_png(&file)?;
    let text = match key.strip_prefix("room-") {
        Some(id) => format!(
            "{}/__sim/share?app={}&room_id={id}",
            sim.base_url, sim.app_id
        ),
        None => format!("{}/__sim/qr/{key}", sim.base_url),
    };
    Ok(png_response(qr_png(&text)))
}

async fn poster(State(sim): S, Path(file): Path<String>) -> Result<Response, ControlError> {
    let key = strip_png(&file)?;
    let text = format!("{}/__sim/poster/{key}", sim.base_url);
    Ok(png_response(qr_png(&text)))
}

/// The push address of a room as the control plane shows it.
pub fn room_push_url(sim: &Sim, room: &crate::state::rooms::Room, now: i64) -> String {
    push_url(&sim.push_base(), &sim.app_id, room, now)
}
