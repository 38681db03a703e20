//! WeChat's answer envelope: `errcode`/`errmsg` plus fields, errmsg ending in ` rid: x-x-x` on errors.

use std::borrow::Cow;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rand::Rng;
use serde_json::{Map, Value};

/// Fields of a successful answer (errcode 0 and errmsg "ok" are added by [`ok_response`]).
pub type Fields = Map<String, Value>;

/// A WeChat error answer.
#[derive(Debug, thiserror::Error)]
#[error("errcode {code}: {msg}")]
pub struct ApiError {
    pub code: i64,
    pub msg: Cow<'static, str>,
    /// Extra fields some errors carry (300036's `qrcode_url`, 9410000's empty arrays).
    pub extra: Option<Box<Fields>>,
}

impl ApiError {
    pub fn new(code: i64, msg: impl Into<Cow<'static, str>>) -> Self {
        Self {
            code,
            msg: msg.into(),
            extra: None,
        }
    }

    /// 200002 for a required field that is absent or null.
    pub fn missing(field: &str) -> Self {
        Self::new(200002, format!("parameter {field} must no be null"))
    }

    /// 200002 for a field of the wrong type or value.
    pub fn invalid(field: &str) -> Self {
        Self::new(200002, format!("parameter {field} is invalid"))
    }

    pub fn with(mut self, key: &str, value: Value) -> Self {
        self.extra
            .get_or_insert_with(Default::default)
            .insert(key.to_owned(), value);
        self
    }
}

pub type ApiResult = Result<Fields, ApiError>;

/// A fresh request id in WeChat's `8hex-8hex-8hex` form.
pub fn rid() -> String {
    let mut rng = rand::rng();
    format!(
        "{:08x}-{:08x}-{:08x}",
        rng.random::<u32>(),
        rng.random::<u32>(),
        rng.random::<u32>()
    )
}

fn json_response(status: StatusCode, body: &Fields) -> Response {
    let bytes = serde_json::to_vec(body).unwrap_or_else(|_| b"{}".to_vec());
    let mut res = (status, bytes).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; encoding=utf-8"),
    );
    res
}

pub fn ok_response(mut fields: Fields) -> Response {
    fields.insert("errcode".to_owned(), Value::from(0));
    fields
        .entry("errmsg".to_owned())
        .or_insert_with(|| Value::from("ok"));
    json_response(StatusCode::OK, &fields)
}

pub fn error_body(err: ApiError) -> Fields {
    let mut fields = err.extra.map(|b| *b).unwrap_or_default();
    fields.insert("errcode".to_owned(), Value::from(err.code));
    fields.insert(
        "errmsg".to_owned(),
        Value::from(format!("{} rid: {}", err.msg, rid())),
    );
    fields
}

pub fn error_response(err: ApiError) -> Response {
    json_response(StatusCode::OK, &error_body(err))
}

pub fn not_found_response() -> Response {
    json_response(
        StatusCode::NOT_FOUND,
        &error_body(ApiError::new(40066, "invalid url")),
    )
}

pub fn html502() -> Response {
    let mut res = (
        StatusCode::BAD_GATEWAY,
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
    )
        .into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
    res
}

/// Builds a field map from `key => value` pairs.
#[macro_export]
macro_rules! fields {
    ($($k:expr => $v:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut m = $crate::http::envelope::Fields::new();
        $( m.insert(($k).to_owned(), ::serde_json::Value::from($v)); )*
        m
    }};
}
