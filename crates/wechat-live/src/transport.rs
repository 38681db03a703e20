//! One HTTP exchange with WeChat: build the request, read the answer, turn WeChat's envelope
//! (`errcode`/`errmsg … rid: …`) into `Ok(fields)` or a typed error. No retries, no tokens here.

use reqwest::multipart::{Form, Part};
use reqwest::Method;
use serde_json::{Map, Value};

use crate::config::HttpConfig;
use crate::errcode::ErrCode;
use crate::error::{Error, Result};

/// What goes in the request body.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Payload<'a> {
    Empty,
    Json(&'a [u8]),
    Image {
        filename: &'a str,
        content_type: &'a str,
        bytes: &'a [u8],
    },
}

/// A request without its access token.
#[derive(Debug, Clone)]
pub(crate) struct Request<'a> {
    pub(crate) method: Method,
    pub(crate) path: &'static str,
    pub(crate) query: &'a [(&'static str, String)],
    pub(crate) payload: Payload<'a>,
}

pub(crate) fn build_http(cfg: &HttpConfig) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(cfg.timeout)
        .connect_timeout(cfg.connect_timeout)
        // WeChat never redirects; a redirect would re-send stable_token's body (the AppSecret)
        // wherever `Location` points, plain http included. Nor does a request name the one before
        // it: a Referer would carry the access token in its query.
        .redirect(reqwest::redirect::Policy::none())
        .referer(false)
        .pool_max_idle_per_host(64)
        .user_agent(concat!("livedesk-wechat-live/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|_| Error::Config("cannot build the HTTP client"))
}

/// Sends `req` to `base` with `access_token` in the query (when given) and reads the envelope.
pub(crate) async fn exchange(
    http: &reqwest::Client,
    base: &str,
    access_token: Option<&str>,
    req: &Request<'_>,
) -> Result<Map<String, Value>> {
    let started = std::time::Instant::now();
    let mut builder = http.request(req.method.clone(), format!("{base}{}", req.path));
    if let Some(token) = access_token {
        builder = builder.query(&[("access_token", token)]);
    }
    if !req.query.is_empty() {
        builder = builder.query(req.query);
    }
    builder = match req.payload {
        Payload::Empty => builder,
        Payload::Json(body) => builder
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_vec()),
        Payload::Image {
            filename,
            content_type,
            bytes,
        } => {
            let part = Part::bytes(bytes.to_vec())
                .file_name(filename.to_owned())
                .mime_str(content_type)
                .map_err(|_| Error::Config("invalid image content type"))?;
            builder.multipart(Form::new().part("media", part))
        }
    };
    let response = builder.send().await.map_err(|e| Error::from_reqwest(&e))?;
    let status = response.status().as_u16();
    let body = response
        .bytes()
        .await
        .map_err(|e| Error::from_reqwest(&e))?;
    let result = read_envelope(status, &body);
    // The path only: the query carries the access token.
    tracing::debug!(
        path = req.path,
        status,
        errcode = result
            .as_ref()
            .err()
            .and_then(Error::code)
            .map(|c| c.code()),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "wechat call"
    );
    result
}

/// Turns a status and body into the answer's fields or an error.
pub(crate) fn read_envelope(status: u16, body: &[u8]) -> Result<Map<String, Value>> {
    let parsed = serde_json::from_slice::<Value>(body);
    let map = match parsed {
        Ok(Value::Object(map)) => map,
        Ok(_) if (200..300).contains(&status) => {
            return Err(Error::decode("not a JSON object", body))
        }
        Err(_) if (200..300).contains(&status) => return Err(Error::decode("not JSON", body)),
        _ => {
            return Err(Error::Http {
                status,
                body_start: crate::error::body_start(body),
            })
        }
    };
    let code = match map.get("errcode") {
        None | Some(Value::Null) => 0,
        Some(v) => match v
            .as_i64()
            .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
        {
            Some(code) => code,
            None => return Err(Error::decode("errcode is not a number", body)),
        },
    };
    if code == 0 && (200..300).contains(&status) {
        return Ok(map);
    }
    if code == 0 {
        return Err(Error::Http {
            status,
            body_start: crate::error::body_start(body),
        });
    }
    Err(api_error(code, map))
}

fn api_error(code: i64, mut map: Map<String, Value>) -> Error {
    let raw = match map.remove("errmsg") {
        Some(Value::String(s)) => s,
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let (errmsg, rid) = match raw.rsplit_once(" rid: ") {
        Some((msg, rid)) => (msg.trim_end().to_owned(), Some(rid.trim().to_owned())),
        None => (raw, None),
    };
    map.remove("errcode");
    Error::Api {
        code: ErrCode::from_code(code),
        errmsg,
        rid,
        extra: (!map.is_empty()).then(|| Box::new(map)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn success_with_and_without_errcode() {
        assert!(read_envelope(200, br#"{"errcode":0,"errmsg":"ok","roomId":7}"#).is_ok());
        assert!(read_envelope(200, br#"{"goodsId":1,"auditId":2}"#).is_ok());
    }

    #[test]
    fn error_keeps_rid_and_extra() {
        let e = read_envelope(
            200,
            br#"{"errcode":300036,"errmsg":"anchorWechat has no realName rid: 6a1b-2c3d-4e5f","qrcode_url":"https://x/y.png"}"#,
        )
        .unwrap_err();
        assert_eq!(e.code(), Some(ErrCode::AnchorNotVerified));
        assert_eq!(e.rid(), Some("6a1b-2c3d-4e5f"));
        assert_eq!(e.qrcode_url(), Some("https://x/y.png"));
        let Error::Api { errmsg, .. } = e else {
            panic!()
        };
        assert_eq!(errmsg, "anchorWechat has no realName");
    }

    proptest::proptest! {
        /// Nothing WeChat (or a proxy in front of it) sends can make the reader panic.
        #[test]
        fn arbitrary_bytes_never_panic(status in 0u16..1000, body in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = read_envelope(status, &body);
        }

        /// JSON objects with arbitrary errcode/errmsg shapes. What the errcode means is said here
        /// on its own: an integer (or a string holding one, as some proxies send it) is that code,
        /// absent or null is 0, anything else (a float, an array, words) is no number at all. A
        /// zero code with a 2xx status is the answer; zero with another status is an HTTP error;
        /// any other code is WeChat's refusal with that code; no number is a decode error.
        #[test]
        fn every_errcode_shape_means_what_it_says(
            errcode in proptest::prop_oneof![
                proptest::num::i64::ANY.prop_map(serde_json::Value::from),
                proptest::strategy::Just(serde_json::Value::from(0)),
                "\\PC{0,12}".prop_map(serde_json::Value::from),
                (-400_000i64..400_000).prop_map(|n| serde_json::Value::from(format!(" {n} "))),
                proptest::num::f64::NORMAL.prop_map(serde_json::Value::from),
                proptest::strategy::Just(serde_json::Value::Null),
                proptest::strategy::Just(serde_json::json!([1])),
            ],
            errmsg in "\\PC{0,40}( rid: \\PC{0,20})?",
            status in proptest::prop_oneof![proptest::strategy::Just(200u16), 100u16..600],
        ) {
            let meant: Option<i64> = match &errcode {
                serde_json::Value::Null => Some(0),
                serde_json::Value::String(s) => s.trim().parse().ok(),
                v if v.is_i64() => v.as_i64(),
                _ => None,
            };
            let body = serde_json::json!({"errcode": errcode, "errmsg": errmsg, "x": [1, {"y": null}]});
            let bytes = serde_json::to_vec(&body).unwrap_or_default();
            let ok_status = (200..300).contains(&status);
            match (meant, read_envelope(status, &bytes)) {
                (Some(0), Ok(_)) => proptest::prop_assert!(ok_status),
                (Some(0), Err(Error::Http { status: s, .. })) => {
                    proptest::prop_assert!(!ok_status);
                    proptest::prop_assert_eq!(s, status);
                }
                (Some(n), Err(e @ Error::Api { .. })) if n != 0 => {
                    proptest::prop_assert_eq!(e.code().map(|c| c.code()), Some(n));
                }
                (None, Err(Error::Decode { .. })) => {}
                (meant, got) => proptest::prop_assert!(false, "errcode {errcode} (meaning {meant:?}), status {status}: {got:?}"),
            }
        }
    }

    #[test]
    fn html_and_garbage_never_panic() {
        let e = read_envelope(502, b"<html><body>502 Bad Gateway</body></html>").unwrap_err();
        assert!(matches!(e, Error::Http { status: 502, .. }));
        let e = read_envelope(200, b"<html>oops</html>").unwrap_err();
        assert!(matches!(&e, Error::Decode { body_start, .. } if body_start.starts_with("<html>")));
        assert!(read_envelope(200, b"[1,2]").is_err());
        assert!(read_envelope(200, br#"{"errcode":"x"}"#).is_err());
        assert!(read_envelope(200, &[0xff, 0xfe, 0x00]).is_err());
        let e = read_envelope(200, br#"{"errcode":987654,"errmsg":"new thing"}"#).unwrap_err();
        assert_eq!(e.code(), Some(ErrCode::Unknown(987654)));
    }
}
