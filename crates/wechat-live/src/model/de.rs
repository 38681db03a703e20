//! Lenient readers and WeChat-shaped writers for the model's serde attributes.
//!
//! WeChat types the same field differently across endpoints and document versions (numbers as strings,
//! 0/1 for booleans, `null` for empty strings). These helpers accept every form seen, so a quirk in one
//! answer never fails a whole page.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Serializer;

use crate::money::Fen;

/// What a lenient number field may hold once read.
enum Num {
    Int(i64),
    None,
}

struct NumVisitor;

impl<'de> Visitor<'de> for NumVisitor {
    type Value = Num;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer, an integral float or a numeric string")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
        Ok(Num::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
        i64::try_from(v)
            .map(Num::Int)
            .map_err(|_| E::custom("integer out of range"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Num, E> {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            // Integral and within f64's exact range, so the cast is lossless.
            Ok(Num::Int(v as i64))
        } else {
            Err(E::custom("expected an integral number"))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Num, E> {
        let t = v.trim();
        if t.is_empty() {
            return Ok(Num::None);
        }
        if let Ok(i) = t.parse::<i64>() {
            return Ok(Num::Int(i));
        }
        match t.parse::<f64>() {
            Ok(f) if f.is_finite() => self.visit_f64(f),
            _ => Err(E::custom("expected a numeric string")),
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Num, E> {
        Ok(Num::Int(i64::from(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Num, E> {
        Ok(Num::None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Num, E> {
        Ok(Num::None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Num, D::Error> {
        d.deserialize_any(NumVisitor)
    }
}

/// An integer sent as a number, an integral float or a numeric string; `null`/`""` read as 0.
pub(crate) fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(opt_int(d)?.unwrap_or(0))
}

/// Like [`int`], but `null`/`""` read as `None`.
pub(crate) fn opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match d.deserialize_any(NumVisitor)? {
        Num::Int(i) => Ok(Some(i)),
        Num::None => Ok(None),
    }
}

/// A WeChat flag: 0/1 (any non-zero is on), a JSON bool, or their string forms.
pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    struct FlagVisitor;
    impl<'de> Visitor<'de> for FlagVisitor {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("0/1 or a boolean")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
            match v.trim() {
                "true" => Ok(true),
                "false" | "" => Ok(false),
                other => match NumVisitor.visit_str::<E>(other)? {
                    Num::Int(i) => Ok(i != 0),
                    Num::None => Ok(false),
                },
            }
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
            Ok(v != 0)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
            Ok(v != 0)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
            Ok(v != 0.0)
        }
        fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
            Ok(false)
        }
    }
    d.deserialize_any(FlagVisitor)
}

/// A string that may be `null` (read as empty).
pub(crate) fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(<Option<String> as serde::Deserialize>::deserialize(d)?.unwrap_or_default())
}

/// A list that may be `null` (read as empty).
pub(crate) fn vec<'de, D: Deserializer<'de>, T: serde::Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    Ok(<Option<Vec<T>> as serde::Deserialize>::deserialize(d)?.unwrap_or_default())
}

/// A string where `null` and `""` both mean "none".
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(<Option<String> as serde::Deserialize>::deserialize(d)?.filter(|s| !s.is_empty()))
}

/// An enum coded as an integer, where a code this client does not know reads as `None`
/// instead of failing the whole answer.
pub(crate) trait Code: Sized {
    fn from_code(code: i64) -> Option<Self>;
}

/// Reads a [`Code`] enum leniently (number or numeric string; unknown or absent → `None`).
pub(crate) fn opt_code<'de, D: Deserializer<'de>, T: Code>(d: D) -> Result<Option<T>, D::Error> {
    Ok(opt_int(d)?.and_then(T::from_code))
}

/// A list of [`Code`] values; unknown codes are dropped, `null` reads as empty.
pub(crate) fn codes<'de, D: Deserializer<'de>, T: Code>(d: D) -> Result<Vec<T>, D::Error> {
    struct Item(Option<i64>);
    impl<'de> serde::Deserialize<'de> for Item {
        fn deserialize<D2: Deserializer<'de>>(d: D2) -> Result<Self, D2::Error> {
            opt_int(d).map(Item)
        }
    }
    let items = <Option<Vec<Item>> as serde::Deserialize>::deserialize(d)?.unwrap_or_default();
    Ok(items
        .into_iter()
        .filter_map(|i| i.0.and_then(T::from_code))
        .collect())
}

/// Writes a flag as WeChat's 0/1.
pub(crate) fn ser_flag<S: Serializer>(v: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u8(u8::from(*v))
}

/// Writes an optional flag as 0/1; pair with `skip_serializing_if = "Option::is_none"`.
pub(crate) fn ser_opt_flag<S: Serializer>(v: &Option<bool>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(b) => ser_flag(b, s),
        None => s.serialize_none(),
    }
}

/// Writes money as a yuan JSON number (WeChat's goods add/update take yuan).
pub(crate) fn ser_yuan<S: Serializer>(v: &Fen, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&v.to_yuan_json(), s)
}

/// Optional money as yuan; pair with `skip_serializing_if = "Option::is_none"`.
pub(crate) fn ser_opt_yuan<S: Serializer>(v: &Option<Fen>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(f) => ser_yuan(f, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct T {
        #[serde(default, deserialize_with = "super::int")]
        n: i64,
        #[serde(default, deserialize_with = "super::opt_int")]
        o: Option<i64>,
        #[serde(default, deserialize_with = "super::flag")]
        f: bool,
    }

    fn read(s: &str) -> T {
        serde_json::from_str(s).expect("valid test JSON")
    }

    #[test]
    fn numbers_read_from_every_form() {
        assert_eq!(read(r#"{"n": 5}"#).n, 5);
        assert_eq!(read(r#"{"n": "1700000000"}"#).n, 1_700_000_000);
        assert_eq!(read(r#"{"n": 12.0}"#).n, 12);
        assert_eq!(read(r#"{"n": " 42 "}"#).n, 42);
        assert_eq!(read(r#"{"n": null}"#).n, 0);
        assert_eq!(read(r#"{}"#).o, None);
        assert_eq!(read(r#"{"o": ""}"#).o, None);
        assert_eq!(read(r#"{"o": "7"}"#).o, Some(7));
    }

    #[test]
    fn non_numbers_are_errors_not_panics() {
        assert!(serde_json::from_str::<T>(r#"{"n": "abc"}"#).is_err());
        assert!(serde_json::from_str::<T>(r#"{"n": 1.5}"#).is_err());
        assert!(serde_json::from_str::<T>(r#"{"n": 1e300}"#).is_err());
        assert!(serde_json::from_str::<T>(r#"{"n": [1]}"#).is_err());
    }

    #[test]
    fn flags_read_from_ints_bools_and_strings() {
        assert!(read(r#"{"f": 1}"#).f);
        assert!(!read(r#"{"f": 0}"#).f);
        assert!(read(r#"{"f": true}"#).f);
        assert!(read(r#"{"f": "1"}"#).f);
        assert!(!read(r#"{"f": "0"}"#).f);
        assert!(!read(r#"{"f": null}"#).f);
    }
}
