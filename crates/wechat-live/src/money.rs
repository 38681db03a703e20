//! Money as integer fen (分, 1/100 yuan).
//!
//! WeChat is inconsistent about units: goods add/update take yuan with at most two decimals, while
//! getliveinfo, getapproved and getgoodswarehouse answer fen. Holding one integer type everywhere
//! avoids float drift; conversion happens only at the wire edge.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An amount in fen (分). `Fen(1230)` is ¥12.30.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub i64);

/// Why a yuan string could not become [`Fen`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    #[error("amount is empty")]
    Empty,
    #[error("amount is not a plain decimal number of yuan")]
    NotANumber,
    #[error("amount has more than two decimal places")]
    TooManyDecimals,
    #[error("amount is out of range")]
    OutOfRange,
}

/// Largest magnitude (exclusive) for which [`Fen::to_yuan_json`] is exact: yuan values with at
/// most 15 significant digits survive the trip through f64 and back in shortest form.
pub const JSON_EXACT_LIMIT: i64 = 1_000_000_000_000_000;

impl Fen {
    pub const ZERO: Fen = Fen(0);

    /// Parses a yuan amount such as `"12"`, `"12.3"`, `"-0.05"` or `" 12.30 "`.
    ///
    /// Grammar: optional sign, one or more ASCII digits, optionally `.` and one or more digits.
    /// Digits after the second decimal place must be zeros (`"12.300"` is 12.30, `"12.301"` is
    /// rejected). No exponent, no thousands separators, no NaN/infinity.
    pub fn from_yuan_str(s: &str) -> Result<Fen, MoneyError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(MoneyError::Empty);
        }
        let (negative, body) = match s.as_bytes()[0] {
            b'-' => (true, &s[1..]),
            b'+' => (false, &s[1..]),
            _ => (false, s),
        };
        let (int_part, frac_part) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int_part) || frac_part.is_some_and(|f| !all_digits(f)) {
            return Err(MoneyError::NotANumber);
        }
        let frac = frac_part.unwrap_or("");
        if frac.bytes().skip(2).any(|b| b != b'0') {
            return Err(MoneyError::TooManyDecimals);
        }
        // Accumulate negatively so i64::MIN fen is representable.
        let mut acc: i64 = 0;
        let digits = int_part
            .bytes()
            .chain(frac.bytes().chain([b'0', b'0']).take(2));
        for d in digits {
            acc = acc
                .checked_mul(10)
                .and_then(|v| v.checked_sub(i64::from(d - b'0')))
                .ok_or(MoneyError::OutOfRange)?;
        }
        if negative {
            Ok(Fen(acc))
        } else {
            acc.checked_neg().map(Fen).ok_or(MoneyError::OutOfRange)
        }
    }

    /// Minimal yuan form for the wire: `1230` → `"12.3"`, `1200` → `"12"`, `5` → `"0.05"`.
    pub fn to_yuan_string(self) -> String {
        let (sign, whole, cents) = self.parts();
        match cents {
            0 => format!("{sign}{whole}"),
            c if c % 10 == 0 => format!("{sign}{whole}.{}", c / 10),
            c => format!("{sign}{whole}.{c:02}"),
        }
    }

    /// The amount as a JSON number of yuan, for goods add/update.
    ///
    /// Whole yuan become JSON integers (`12`); others go through f64, which serde_json writes in
    /// shortest round-trip form (ryu), so `12.3` stays `12.3`. Exact while
    /// `|fen| < JSON_EXACT_LIMIT` (10^13 yuan), far beyond any real price.
    pub fn to_yuan_json(self) -> serde_json::Number {
        let (_, whole, cents) = self.parts();
        if cents == 0 {
            if let Ok(w) = i64::try_from(whole) {
                return serde_json::Number::from(if self.0 < 0 { -w } else { w });
            }
        }
        self.to_yuan_string()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            // Unreachable for finite decimal text; fall back to the integer part, never panic.
            .unwrap_or_else(|| serde_json::Number::from(self.0 / 100))
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    /// Sign, whole yuan and remaining fen, using the unsigned magnitude so `i64::MIN` is safe.
    fn parts(self) -> (&'static str, u64, u64) {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        (sign, abs / 100, abs % 100)
    }
}

/// User-facing form: `¥12.30`, `-¥0.05`.
impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sign, whole, cents) = self.parts();
        write!(f, "{sign}¥{whole}.{cents:02}")
    }
}

impl From<i64> for Fen {
    fn from(v: i64) -> Self {
        Fen(v)
    }
}

/// Fen from a JSON integer; a float whose fraction is zero (`12300.0`); or a numeric string
/// (`"12300"`, `"12300.00"`). Use with `#[serde(deserialize_with = "serde_fen_lenient::deserialize")]`
/// or `#[serde(with = "serde_fen_lenient")]` (serializes as a plain integer).
pub mod serde_fen_lenient {
    use super::{lenient, Fen};
    use serde::{Deserializer, Serializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Fen, D::Error> {
        match d.deserialize_any(lenient::FenVisitor { allow_none: false })? {
            Some(f) => Ok(f),
            None => Err(serde::de::Error::custom(
                "expected an amount in fen, found null",
            )),
        }
    }

    pub fn serialize<S: Serializer>(v: &Fen, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(v.0)
    }
}

/// Like [`serde_fen_lenient`] for `Option<Fen>`: `null` and `""` read as `None`. Add
/// `#[serde(default)]` on the field so a missing key is `None` too.
pub mod serde_fen_lenient_opt {
    use super::{lenient, Fen};
    use serde::{Deserializer, Serializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Fen>, D::Error> {
        d.deserialize_any(lenient::FenVisitor { allow_none: true })
    }

    pub fn serialize<S: Serializer>(v: &Option<Fen>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(f) => s.serialize_some(&f.0),
            None => s.serialize_none(),
        }
    }
}

mod lenient {
    use super::Fen;
    use serde::de::{self, Deserializer, Visitor};
    use std::fmt;

    pub(super) struct FenVisitor {
        pub(super) allow_none: bool,
    }

    impl FenVisitor {
        fn none<E: de::Error>(&self) -> Result<Option<Fen>, E> {
            if self.allow_none {
                Ok(None)
            } else {
                Err(E::custom("expected an amount in fen, found nothing"))
            }
        }
    }

    /// Integer fen from text: digits with an optional all-zero fraction.
    fn parse_str(s: &str) -> Option<Fen> {
        let s = s.trim();
        let (int_part, frac) = s.split_once('.').unwrap_or((s, ""));
        if !frac.bytes().all(|b| b == b'0') {
            return None;
        }
        int_part.parse::<i64>().ok().map(Fen)
    }

    impl<'de> Visitor<'de> for FenVisitor {
        type Value = Option<Fen>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an integer amount in fen, as a number or a numeric string")
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(Fen(v)))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            i64::try_from(v)
                .map(|v| Some(Fen(v)))
                .map_err(|_| E::custom("amount in fen is out of range"))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            // 2^63 as f64; the range check keeps the cast below exact and lossless.
            const LIMIT: f64 = 9_223_372_036_854_775_808.0;
            if v.is_finite() && v.fract() == 0.0 && (-LIMIT..LIMIT).contains(&v) {
                Ok(Some(Fen(v as i64)))
            } else {
                Err(E::custom("amount in fen must be a whole number"))
            }
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            if v.trim().is_empty() {
                return self.none();
            }
            parse_str(v)
                .map(Some)
                .ok_or_else(|| E::custom("amount in fen must be a whole number"))
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            self.none()
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.none()
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[test]
    fn parses_yuan_forms() {
        let ok = [
            ("12", 1200),
            ("12.3", 1230),
            ("12.30", 1230),
            ("12.300", 1230),
            ("0.05", 5),
            ("-0.05", -5),
            ("+1", 100),
            (" 7.5 ", 750),
            ("007", 700),
            ("0", 0),
        ];
        for (s, fen) in ok {
            assert_eq!(Fen::from_yuan_str(s), Ok(Fen(fen)), "{s}");
        }
    }

    #[test]
    fn rejects_garbage() {
        use MoneyError::*;
        let bad = [
            ("", Empty),
            ("  ", Empty),
            ("12.301", TooManyDecimals),
            ("0.001", TooManyDecimals),
            ("1e3", NotANumber),
            ("NaN", NotANumber),
            ("inf", NotANumber),
            ("12.", NotANumber),
            (".5", NotANumber),
            ("1,000", NotANumber),
            ("--1", NotANumber),
            ("-", NotANumber),
            ("１２", NotANumber),
            ("99999999999999999999", OutOfRange),
        ];
        for (s, e) in bad {
            assert_eq!(Fen::from_yuan_str(s), Err(e), "{s:?}");
        }
    }

    #[test]
    fn extremes_do_not_overflow() {
        assert_eq!(
            Fen::from_yuan_str("-92233720368547758.08"),
            Ok(Fen(i64::MIN))
        );
        assert_eq!(
            Fen::from_yuan_str("92233720368547758.07"),
            Ok(Fen(i64::MAX))
        );
        assert_eq!(
            Fen::from_yuan_str("92233720368547758.08"),
            Err(MoneyError::OutOfRange)
        );
        assert_eq!(Fen(i64::MIN).to_yuan_string(), "-92233720368547758.08");
        assert_eq!(Fen(i64::MIN).to_string(), "-¥92233720368547758.08");
    }

    #[test]
    fn minimal_wire_form_and_display() {
        assert_eq!(Fen(1230).to_yuan_string(), "12.3");
        assert_eq!(Fen(1200).to_yuan_string(), "12");
        assert_eq!(Fen(1205).to_yuan_string(), "12.05");
        assert_eq!(Fen(5).to_yuan_string(), "0.05");
        assert_eq!(Fen(-150).to_yuan_string(), "-1.5");
        assert_eq!(Fen(1230).to_string(), "¥12.30");
        assert_eq!(Fen(-5).to_string(), "-¥0.05");
    }

    #[test]
    fn yuan_json_is_exact() {
        let cases = [
            (1230, "12.3"),
            (1200, "12"),
            (1, "0.01"),
            (-1200, "-12"),
            (999_999, "9999.99"),
        ];
        for (fen, json) in cases {
            assert_eq!(
                serde_json::to_string(&Fen(fen).to_yuan_json()).unwrap(),
                json
            );
        }
        let big = JSON_EXACT_LIMIT - 1;
        let text = serde_json::to_string(&Fen(big).to_yuan_json()).unwrap();
        assert_eq!(Fen::from_yuan_str(&text), Ok(Fen(big)));
    }

    #[derive(Deserialize)]
    struct Goods {
        #[serde(deserialize_with = "serde_fen_lenient::deserialize")]
        price: Fen,
        #[serde(default, deserialize_with = "serde_fen_lenient_opt::deserialize")]
        price2: Option<Fen>,
    }

    fn goods(json: &str) -> Result<(Fen, Option<Fen>), serde_json::Error> {
        serde_json::from_str::<Goods>(json).map(|g| (g.price, g.price2))
    }

    #[test]
    fn lenient_serde_reads_every_fen_form() {
        assert_eq!(goods(r#"{"price":12300}"#).unwrap(), (Fen(12300), None));
        assert_eq!(
            goods(r#"{"price":12300.0,"price2":null}"#).unwrap(),
            (Fen(12300), None)
        );
        assert_eq!(
            goods(r#"{"price":"12300","price2":"500"}"#).unwrap(),
            (Fen(12300), Some(Fen(500)))
        );
        assert_eq!(
            goods(r#"{"price":"12300.00","price2":""}"#).unwrap(),
            (Fen(12300), None)
        );
        assert_eq!(
            goods(r#"{"price":1,"price2":0}"#).unwrap(),
            (Fen(1), Some(Fen(0)))
        );
        for bad in [
            r#"{"price":12.5}"#,
            r#"{"price":"12.5"}"#,
            r#"{"price":"abc"}"#,
            r#"{"price":null}"#,
            r#"{"price":""}"#,
            r#"{"price":1e300}"#,
            r#"{"price":18446744073709551615}"#,
            r#"{"price":true}"#,
            r#"{"price":1,"price2":[1]}"#,
        ] {
            assert!(goods(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn transparent_serde() {
        assert_eq!(serde_json::to_string(&Fen(42)).unwrap(), "42");
        assert_eq!(serde_json::from_str::<Fen>("42").unwrap(), Fen(42));
    }
}
