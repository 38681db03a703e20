//! Goods library fields (goods add / update).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::rules::{Rule, Violation};
use super::width::cjk_width;
use crate::money::{Fen, MoneyError};

/// Goods name width in units (at most 14 CJK characters).
pub const GOODS_NAME_UNITS: (usize, usize) = (1, 28);

/// How `price` and `price2` relate. Serialized as WeChat's integer code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PriceType {
    /// 一口价: `price` only.
    Fixed = 1,
    /// 价格区间: `price` (low) < `price2` (high).
    Range = 2,
    /// 显示折扣价: `price2` (current) < `price` (original).
    Discount = 3,
}

impl PriceType {
    pub fn from_code(code: i64) -> Option<Self> {
        match code {
            1 => Some(PriceType::Fixed),
            2 => Some(PriceType::Range),
            3 => Some(PriceType::Discount),
            _ => None,
        }
    }

    pub fn code(self) -> i64 {
        self as i64
    }

    /// Whether `price2` must be given (and may be).
    pub fn needs_price2(self) -> bool {
        self != PriceType::Fixed
    }
}

impl Serialize for PriceType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.code())
    }
}

/// Reads `1`/`2`/`3`, also as strings (`"2"`), since WeChat's answers are loose about types.
impl<'de> Deserialize<'de> for PriceType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = PriceType;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("price type 1, 2 or 3")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PriceType, E> {
                PriceType::from_code(v).ok_or_else(|| E::custom(format!("unknown price type {v}")))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PriceType, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(-1))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PriceType, E> {
                let code = v
                    .trim()
                    .parse::<i64>()
                    .map_err(|_| E::custom("unknown price type"))?;
                self.visit_i64(code)
            }
        }
        d.deserialize_any(V)
    }
}

/// `goodsInfo.name`: 1–28 units.
pub fn goods_name(name: &str) -> Result<(), Violation> {
    const FIELD: &str = "goodsInfo.name";
    if name.trim().is_empty() {
        return Err(Violation::new(FIELD, Rule::Required));
    }
    let (min, max) = GOODS_NAME_UNITS;
    let actual = cjk_width(name);
    if actual > max {
        return Err(Violation::new(FIELD, Rule::WidthRange { min, max, actual }));
    }
    Ok(())
}

/// Parses what the user typed into a price box (yuan) for `field`
/// (`"goodsInfo.price"` / `"goodsInfo.price2"`).
pub fn price_text(field: &'static str, text: &str) -> Result<Fen, Violation> {
    Fen::from_yuan_str(text).map_err(|e| {
        let rule = match e {
            MoneyError::Empty => Rule::Required,
            MoneyError::TooManyDecimals => Rule::PriceDecimals,
            _ => Rule::PriceNotNumber,
        };
        Violation::new(field, rule)
    })
}

/// All price violations, in field order.
fn price_violations(price_type: PriceType, price: Fen, price2: Option<Fen>) -> Vec<Violation> {
    const P1: &str = "goodsInfo.price";
    const P2: &str = "goodsInfo.price2";
    let mut out = Vec::new();
    if !price.is_positive() {
        out.push(Violation::new(P1, Rule::PriceNotPositive));
    }
    match (price_type.needs_price2(), price2) {
        (false, None) => {}
        (false, Some(_)) => out.push(Violation::new(P2, Rule::Price2NotAllowed)),
        (true, None) => out.push(Violation::new(P2, Rule::Price2Required)),
        (true, Some(p2)) if !p2.is_positive() => {
            out.push(Violation::new(P2, Rule::PriceNotPositive));
        }
        (true, Some(p2)) => {
            let ordered = match price_type {
                PriceType::Range => price < p2,
                _ => p2 < price,
            };
            if !ordered && price.is_positive() {
                out.push(Violation::new(P2, Rule::PriceOrder { price_type }));
            }
        }
    }
    out
}

/// Price rules: both amounts > 0; fixed takes no `price2`; range needs `price < price2`;
/// discount needs `price2 < price`. Two decimals are guaranteed by [`Fen`]; see [`price_text`].
pub fn price(price_type: PriceType, price: Fen, price2: Option<Fen>) -> Result<(), Violation> {
    match price_violations(price_type, price, price2)
        .into_iter()
        .next()
    {
        Some(v) => Err(v),
        None => Ok(()),
    }
}

/// `goodsInfo.url`: a mini program page path (`pages/goods/detail?id=1`), not a web address, with
/// its query values URL-encoded. Whether the page exists in the released version (300007) only
/// WeChat can tell.
pub fn goods_url(url: &str) -> Result<(), Violation> {
    const FIELD: &str = "goodsInfo.url";
    if url.trim().is_empty() {
        return Err(Violation::new(FIELD, Rule::Required));
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    let has_scheme = path.contains("://")
        || path.split_once(':').is_some_and(|(s, _)| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        });
    if has_scheme || path.starts_with("//") || path.trim_matches('/').is_empty() {
        return Err(Violation::new(FIELD, Rule::NotMiniProgramPath));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || !c.is_ascii() || c.is_ascii_control())
    {
        return Err(Violation::new(FIELD, Rule::UrlNotEncoded));
    }
    Ok(())
}

/// The fields of a goods add form that can be checked locally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoodsForm<'a> {
    pub name: &'a str,
    pub url: &'a str,
    pub price_type: PriceType,
    pub price: Fen,
    pub price2: Option<Fen>,
}

/// Every violation of the form, in field order (empty when valid).
pub fn goods_form(f: &GoodsForm<'_>) -> Vec<Violation> {
    let mut out: Vec<Violation> = [goods_name(f.name), goods_url(f.url)]
        .into_iter()
        .filter_map(Result::err)
        .collect();
    out.extend(price_violations(f.price_type, f.price, f.price2));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(r: Result<(), Violation>) -> Option<(&'static str, Rule)> {
        r.err().map(|v| (v.field, v.rule))
    }

    #[test]
    fn price_type_codes_and_serde() {
        assert_eq!(PriceType::from_code(2), Some(PriceType::Range));
        assert_eq!(PriceType::from_code(0), None);
        assert_eq!(PriceType::from_code(4), None);
        assert_eq!(serde_json::to_string(&PriceType::Discount).unwrap(), "3");
        assert_eq!(
            serde_json::from_str::<PriceType>("1").unwrap(),
            PriceType::Fixed
        );
        assert_eq!(
            serde_json::from_str::<PriceType>("\"2\"").unwrap(),
            PriceType::Range
        );
        assert!(serde_json::from_str::<PriceType>("4").is_err());
        assert!(serde_json::from_str::<PriceType>("-1").is_err());
        assert!(serde_json::from_str::<PriceType>("1.5").is_err());
    }

    #[test]
    fn goods_name_boundaries() {
        let w = |actual| {
            Some((
                "goodsInfo.name",
                Rule::WidthRange {
                    min: 1,
                    max: 28,
                    actual,
                },
            ))
        };
        assert_eq!(goods_name("a"), Ok(()));
        assert_eq!(goods_name(&"货".repeat(14)), Ok(()));
        assert_eq!(rule(goods_name(&"货".repeat(15))), w(30));
        assert_eq!(goods_name(&"a".repeat(28)), Ok(()));
        assert_eq!(rule(goods_name(&"a".repeat(29))), w(29));
        assert_eq!(
            rule(goods_name("")),
            Some(("goodsInfo.name", Rule::Required))
        );
    }

    #[test]
    fn prices() {
        use PriceType::*;
        let p1 = "goodsInfo.price";
        let p2 = "goodsInfo.price2";
        assert_eq!(price(Fixed, Fen(1), None), Ok(()));
        assert_eq!(
            rule(price(Fixed, Fen(0), None)),
            Some((p1, Rule::PriceNotPositive))
        );
        assert_eq!(
            rule(price(Fixed, Fen(-1), None)),
            Some((p1, Rule::PriceNotPositive))
        );
        assert_eq!(
            rule(price(Fixed, Fen(100), Some(Fen(200)))),
            Some((p2, Rule::Price2NotAllowed))
        );
        assert_eq!(price(Range, Fen(100), Some(Fen(101))), Ok(()));
        assert_eq!(
            rule(price(Range, Fen(100), Some(Fen(100)))),
            Some((p2, Rule::PriceOrder { price_type: Range }))
        );
        assert_eq!(
            rule(price(Range, Fen(100), None)),
            Some((p2, Rule::Price2Required))
        );
        assert_eq!(
            rule(price(Range, Fen(100), Some(Fen(0)))),
            Some((p2, Rule::PriceNotPositive))
        );
        assert_eq!(price(Discount, Fen(200), Some(Fen(199))), Ok(()));
        assert_eq!(
            rule(price(Discount, Fen(200), Some(Fen(200)))),
            Some((
                p2,
                Rule::PriceOrder {
                    price_type: Discount
                }
            ))
        );
        assert_eq!(
            rule(price(Discount, Fen(200), None)),
            Some((p2, Rule::Price2Required))
        );
        assert_eq!(price_violations(Discount, Fen(0), None).len(), 2);
    }

    #[test]
    fn price_text_maps_money_errors() {
        let f = "goodsInfo.price";
        assert_eq!(price_text(f, "12.30"), Ok(Fen(1230)));
        assert_eq!(
            price_text(f, "12.345").unwrap_err().rule,
            Rule::PriceDecimals
        );
        assert_eq!(price_text(f, "abc").unwrap_err().rule, Rule::PriceNotNumber);
        assert_eq!(price_text(f, "").unwrap_err().rule, Rule::Required);
        assert_eq!(
            price_text("goodsInfo.price2", "1e2").unwrap_err().field,
            "goodsInfo.price2"
        );
    }

    #[test]
    fn goods_urls() {
        let f = "goodsInfo.url";
        assert_eq!(goods_url("pages/goods/detail?id=1"), Ok(()));
        assert_eq!(goods_url("/pages/goods/detail?name=%E5%95%86"), Ok(()));
        assert_eq!(goods_url("pages/a?t=12:30"), Ok(()));
        for bad in [
            "https://shop.example.com/a",
            "http:pages",
            "//cdn/x",
            "plugin-private://wx/x",
            "/",
            "?id=1",
        ] {
            assert_eq!(
                rule(goods_url(bad)),
                Some((f, Rule::NotMiniProgramPath)),
                "{bad}"
            );
        }
        assert_eq!(
            rule(goods_url("pages/a?n=商品")),
            Some((f, Rule::UrlNotEncoded))
        );
        assert_eq!(
            rule(goods_url("pages/a?n=a b")),
            Some((f, Rule::UrlNotEncoded))
        );
        assert_eq!(rule(goods_url("  ")), Some((f, Rule::Required)));
    }

    #[test]
    fn whole_form() {
        let ok = GoodsForm {
            name: "保温杯",
            url: "pages/goods/detail?id=1",
            price_type: PriceType::Range,
            price: Fen(1000),
            price2: Some(Fen(2000)),
        };
        assert_eq!(goods_form(&ok), vec![]);
        let bad = GoodsForm {
            name: "",
            url: "https://x",
            price: Fen(0),
            price2: None,
            ..ok
        };
        let fields: Vec<_> = goods_form(&bad).iter().map(|v| v.field).collect();
        assert_eq!(
            fields,
            [
                "goodsInfo.name",
                "goodsInfo.url",
                "goodsInfo.price",
                "goodsInfo.price2"
            ]
        );
    }
}
