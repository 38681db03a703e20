//! `custom_params` of the live component: `encodeURIComponent(JSON.stringify(obj))` of the rows a
//! person typed, at most 600 characters (reference §7; WeChat truncates beyond, so LiveDesk refuses
//! instead). The same encoding as the window's builder (`ui/src/lib/customParams.ts`): keys trimmed,
//! blank keys skipped, a repeated key keeps its first place and its last value, and keys that are
//! array indices first in numeric order, as `JSON.stringify` writes an object's keys.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use wechat_live::validate;

use crate::base::error::{CoreError, CoreResult};

/// One key and value of the builder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ParamRow {
    pub key: String,
    pub value: String,
}

impl ParamRow {
    /// A row.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            value: value.into(),
        }
    }
}

/// The builder's result, as the window's builder reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EncodedParams {
    /// `null` when there is nothing to send (no row with a key).
    pub encoded: Option<String>,
    /// Characters of `encoded`.
    pub length: u32,
    /// Longer than 600 characters.
    pub too_long: bool,
    /// Keys given more than once.
    pub duplicate_keys: Vec<String>,
}

/// Encodes the rows (never fails; see [`checked`] for the limit).
pub fn encode(rows: &[ParamRow]) -> EncodedParams {
    let mut keys: Vec<(String, String)> = Vec::new();
    let mut duplicate_keys = Vec::new();
    for row in rows {
        let k = row.key.trim();
        if k.is_empty() {
            continue;
        }
        match keys.iter_mut().find(|(key, _)| key == k) {
            Some(entry) => {
                duplicate_keys.push(k.to_owned());
                entry.1 = row.value.clone();
            }
            None => keys.push((k.to_owned(), row.value.clone())),
        }
    }
    if keys.is_empty() {
        return EncodedParams {
            encoded: None,
            length: 0,
            too_long: false,
            duplicate_keys,
        };
    }
    // JSON.stringify writes array-index keys first, ascending, then the rest in insertion order.
    let mut ordered: Vec<&(String, String)> =
        keys.iter().filter(|(k, _)| index(k).is_some()).collect();
    ordered.sort_by_key(|(k, _)| index(k));
    ordered.extend(keys.iter().filter(|(k, _)| index(k).is_none()));
    let json = format!(
        "{{{}}}",
        ordered
            .iter()
            .map(|(k, v)| format!("{}:{}", json_string(k), json_string(v)))
            .collect::<Vec<_>>()
            .join(",")
    );
    let encoded = encode_uri_component(&json);
    let length = encoded.chars().count();
    EncodedParams {
        length: u32::try_from(length).unwrap_or(u32::MAX),
        too_long: validate::custom_params(&encoded).is_err(),
        encoded: Some(encoded),
        duplicate_keys,
    }
}

/// The encoded text to send, or the limit's violation at the `custom_params` field; `None` when
/// there is nothing to send.
pub fn checked(rows: &[ParamRow]) -> CoreResult<Option<String>> {
    let out = encode(rows);
    if let Some(e) = &out.encoded {
        validate::custom_params(e).map_err(CoreError::Violation)?;
    }
    Ok(out.encoded)
}

/// Reads `custom_params` back (what `getShareParams` hands a mini program): percent-decoding, then
/// the JSON object. Keys come back in the order they were written.
pub fn decode(encoded: &str) -> CoreResult<Vec<ParamRow>> {
    let bad = || {
        CoreError::invalid(
            "custom_params",
            "custom_params 不是 URL 编码的 JSON 对象",
            "custom_params is not a URL-encoded JSON object",
        )
    };
    let text = percent_decode(encoded).ok_or_else(bad)?;
    let Ordered(pairs) = serde_json::from_str(&text).map_err(|_| bad())?;
    Ok(pairs
        .into_iter()
        .map(|(k, v)| {
            let v = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            ParamRow::new(k, v)
        })
        .collect())
}

/// A JSON object's members in the order the text has them (serde_json's map would sort them).
struct Ordered(Vec<(String, serde_json::Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> serde::de::Visitor<'de> for Members {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Ordered, A::Error> {
                let mut out = Vec::new();
                while let Some(pair) = m.next_entry::<String, serde_json::Value>()? {
                    out.push(pair);
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(Members)
    }
}

/// An array index as JavaScript's property order sees one: a canonical decimal below 2³²−1.
fn index(key: &str) -> Option<u32> {
    if key.is_empty()
        || (key.len() > 1 && key.starts_with('0'))
        || !key.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    key.parse::<u32>().ok().filter(|&n| n < u32::MAX)
}

/// A JSON string as `JSON.stringify` writes it (serde_json escapes the same characters).
fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

/// `encodeURIComponent`: every UTF-8 byte percent-encoded (upper-case hex) except ASCII letters,
/// digits and `-_.!~*'()`.
pub fn encode_uri_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `decodeURIComponent`; `None` on a broken escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(pairs: &[(&str, &str)]) -> Vec<ParamRow> {
        pairs.iter().map(|(k, v)| ParamRow::new(*k, *v)).collect()
    }

    #[test]
    fn encodes_as_encode_uri_component_of_json_stringify() {
        // encodeURIComponent(JSON.stringify({from: "首页", q: "a b&c"})) in a browser:
        let out = encode(&rows(&[("from", "首页"), ("q", "a b&c")]));
        assert_eq!(
            out.encoded.as_deref(),
            Some("%7B%22from%22%3A%22%E9%A6%96%E9%A1%B5%22%2C%22q%22%3A%22a%20b%26c%22%7D")
        );
        assert_eq!(out.length, 71);
        assert!(!out.too_long);
        assert_eq!(encode_uri_component("-_.!~*'()"), "-_.!~*'()");
    }

    #[test]
    fn rows_are_cleaned_like_the_windows_builder() {
        let out = encode(&rows(&[
            (" a ", "1"),
            ("", "skip"),
            ("b", "2"),
            ("a", "3"),
            ("10", "x"),
            ("2", "y"),
        ]));
        let text = percent_decode(out.encoded.as_deref().unwrap()).unwrap();
        assert_eq!(text, r#"{"2":"y","10":"x","a":"3","b":"2"}"#);
        assert_eq!(out.duplicate_keys, ["a"]);
        assert_eq!(encode(&rows(&[(" ", "v")])).encoded, None);
    }

    #[test]
    fn decode_reverses_encode_in_order() {
        let input = rows(&[("z", "最后"), ("a", "\"quoted\" \\ /"), ("m", "")]);
        let enc = encode(&input).encoded.unwrap();
        assert_eq!(decode(&enc).unwrap(), input);
        assert!(decode("%7B%22a").is_err());
        assert!(decode("%ZZ").is_err());
        assert!(decode("%5B1%5D").is_err(), "an array is not an object");
    }
}
