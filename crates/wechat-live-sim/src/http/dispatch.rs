//! One handler for every WeChat path: log, faults, method check, token, quota, then the endpoint.
//! Doing this in one place keeps the order of checks identical for every endpoint.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequest, Multipart, Request, State};
use axum::http::{header, Method};
use axum::response::Response;
use bytes::Bytes;
use serde_json::Value;

use super::envelope::{
    error_response, html502, not_found_response, ok_response, ApiError, ApiResult,
};
use super::params::Params;
use crate::conn::ConnCut;
use crate::routes::{self, Call, Kind, Verb};
use crate::state::faults::{FaultKind, Hit};
use crate::state::tokens::TokenFault;
use crate::state::Sim;

/// Largest body read; media above 2 MiB must still arrive to be answered 40009.
pub const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// Value of one query parameter without building a whole map (hot path: access_token).
pub fn query_value<'a>(query: &'a str, name: &str) -> Option<std::borrow::Cow<'a, str>> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

pub async fn wechat(
    State(sim): State<Arc<Sim>>,
    ConnectInfo(cut): ConnectInfo<ConnCut>,
    req: Request,
) -> Response {
    let (parts, body) = req.into_parts();
    let body = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(b) => b,
        Err(_) => return error_response(ApiError::new(40009, "invalid image size")),
    };
    let path = parts.uri.path();
    let query = parts.uri.query().unwrap_or("");
    let is_multipart = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/"));

    sim.stats.requests.fetch_add(1, Ordering::Relaxed);
    let now = sim.clock.now();
    // Uploaded files are not kept in the log: it would hold megabytes for no reader.
    let logged_body = if is_multipart {
        Bytes::new()
    } else {
        body.clone()
    };
    sim.log().push(&parts.method, &parts.uri, logged_body, now);

    let mut drop_after = false;
    let mut delay_after = None;
    if let Some(Hit {
        kind,
        latency_ms,
        errcode,
    }) = sim.fault_hit(path)
    {
        match kind {
            FaultKind::Drop => {
                cut.cut();
                return Response::new(Body::empty());
            }
            FaultKind::Html502 => return html502(),
            FaultKind::Errcode => {
                return error_response(ApiError::new(errcode, "injected fault"));
            }
            FaultKind::Latency => tokio::time::sleep(Duration::from_millis(latency_ms)).await,
            FaultKind::DropAfter => drop_after = true,
            FaultKind::LatencyAfter => delay_after = Some(Duration::from_millis(latency_ms)),
        }
    }

    let res = handle(&sim, &parts, path, query, body).await;
    if drop_after {
        // The state changed above; the client must never see the answer.
        cut.cut();
    }
    if let Some(delay) = delay_after {
        tokio::time::sleep(delay).await;
    }
    res
}

async fn handle(
    sim: &Sim,
    parts: &axum::http::request::Parts,
    path: &str,
    query: &str,
    body: Bytes,
) -> Response {
    let method = &parts.method;
    let Some(route) = routes::lookup(path) else {
        return not_found_response();
    };
    match route.verb {
        Verb::Get if method != Method::GET => {
            return error_response(ApiError::new(43001, "require GET method"))
        }
        Verb::Post if method != Method::POST => {
            return error_response(ApiError::new(43002, "require POST method"))
        }
        _ => {}
    }
    let result = match route.kind {
        Kind::Token => routes::auth::token(sim, &Params::from_query(query)),
        Kind::StableToken => match json_params(&body) {
            Ok(p) => routes::auth::stable_token(sim, &p),
            Err(e) => Err(e),
        },
        Kind::Upload => upload(sim, parts, query, body, route.quota).await,
        Kind::Api(f) => {
            let params = match route.verb {
                Verb::Get => Ok(Params::from_query(query)),
                Verb::Post => json_params(&body),
                // getrolelist: GET with query, or POST with a JSON body.
                Verb::Either if method == Method::POST && !body.is_empty() => json_params(&body),
                Verb::Either => Ok(Params::from_query(query)),
            };
            match params {
                Ok(p) => call_api(sim, path, query, route.quota, p, f),
                Err(e) => Err(e),
            }
        }
    };
    match result {
        Ok(fields) => ok_response(fields),
        Err(e) => error_response(e),
    }
}

/// Parses a JSON object body: 44002 when empty, 47001 when not JSON or not an object.
fn json_params(body: &[u8]) -> Result<Params, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::new(44002, "empty post data"));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Ok(Params::from_map(m)),
        _ => Err(ApiError::new(47001, "data format error")),
    }
}

pub fn token_error(fault: TokenFault) -> ApiError {
    match fault {
        TokenFault::Missing => ApiError::new(41001, "access_token missing"),
        TokenFault::Malformed => ApiError::new(40014, "invalid access_token"),
        TokenFault::Unknown => ApiError::new(
            40001,
            "invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r",
        ),
        TokenFault::Expired => ApiError::new(42001, "access_token expired"),
    }
}

fn quota_error() -> ApiError {
    ApiError::new(45009, "reach max api daily quota limit")
}

fn call_api(
    sim: &Sim,
    path: &str,
    query: &str,
    quota: Option<(&'static str, u32)>,
    params: Params,
    f: fn(&mut Call<'_>) -> ApiResult,
) -> ApiResult {
    let token = query_value(query, "access_token");
    let mut st = sim.state();
    let now = sim.clock.now();
    st.tokens
        .check(token.as_deref(), now)
        .map_err(token_error)?;
    routes::access::check_live(&st, path)?;
    if let Some((group, limit)) = quota {
        if !st.quotas.take(group, limit, now) {
            return Err(quota_error());
        }
    }
    let mut call = Call {
        st: &mut st,
        sim,
        p: params,
        now,
    };
    f(&mut call)
}

async fn upload(
    sim: &Sim,
    parts: &axum::http::request::Parts,
    query: &str,
    body: Bytes,
    quota: Option<(&'static str, u32)>,
) -> ApiResult {
    {
        let token = query_value(query, "access_token");
        let mut st = sim.state();
        let now = sim.clock.now();
        st.tokens
            .check(token.as_deref(), now)
            .map_err(token_error)?;
        if let Some((group, limit)) = quota {
            if !st.quotas.take(group, limit, now) {
                return Err(quota_error());
            }
        }
    }
    if query_value(query, "type").as_deref() != Some("image") {
        return Err(ApiError::new(40004, "invalid media type"));
    }
    let mut req = Request::new(Body::from(body));
    *req.headers_mut() = parts.headers.clone();
    // Carries the router's body limit, which lets files above 2 MiB through to be answered 40009.
    *req.extensions_mut() = parts.extensions.clone();
    let mut multipart = Multipart::from_request(req, &())
        .await
        .map_err(|_| ApiError::new(41005, "media data missing"))?;
    let mut file = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("media") {
            file = field.bytes().await.ok();
            break;
        }
    }
    let file = file.ok_or_else(|| ApiError::new(41005, "media data missing"))?;
    routes::media::store_upload(sim, file)
}
