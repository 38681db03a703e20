//! The rules a field can break, and their user-facing messages in zh-CN and English.
//!
//! Messages are built from a subject-less predicate ("需为 3–17 个汉字…" / "must be 3–17 …") so
//! that [`Violation`] can prefix the field's label and [`Rule`] alone a neutral subject.

use serde::{Deserialize, Serialize};

use super::goods::PriceType;

/// A broken rule. Serialized with a stable snake_case `rule` tag, e.g.
/// `{"rule":"width_range","min":6,"max":34,"actual":40}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    Required,
    /// Width in WeChat units (CJK 2, ASCII 1) outside `min..=max`.
    WidthRange {
        min: usize,
        max: usize,
        actual: usize,
    },
    /// Emoji or other characters beyond U+FFFF (300040).
    ForbiddenChars,
    /// WeChat IDs contain no whitespace.
    Whitespace,
    StartTooSoon {
        earliest: i64,
    },
    StartTooLate {
        latest: i64,
    },
    /// A warning, not an error: valid per the docs, but reported to be refused in practice.
    StartBeyondReported {
        limit_days: i64,
    },
    /// A millisecond timestamp where WeChat expects seconds.
    Milliseconds,
    DurationRange {
        min_secs: i64,
        max_secs: i64,
        actual: i64,
    },
    ImagePixels {
        max_w: u32,
        max_h: u32,
        w: u32,
        h: u32,
    },
    ImageBytes {
        max: u64,
        actual: u64,
    },
    ImageFormat,
    PriceNotNumber,
    PriceNotPositive,
    PriceDecimals,
    PriceOrder {
        price_type: PriceType,
    },
    Price2Required,
    Price2NotAllowed,
    /// Length in characters (Unicode scalar values).
    TooLong {
        max: usize,
        actual: usize,
    },
    /// A web address or scheme where a mini program page path is expected.
    NotMiniProgramPath,
    /// Spaces or raw non-ASCII characters where URL-encoding is required.
    UrlNotEncoded,
}

impl Rule {
    /// Warnings can be shown but must not block a submit.
    pub fn is_warning(&self) -> bool {
        matches!(self, Rule::StartBeyondReported { .. })
    }

    /// Standalone zh-CN message, e.g. "此项需为 3–17 个汉字（6–34 个字符宽度），当前 40".
    pub fn message_zh(&self) -> String {
        format!("此项{}", self.predicate_zh())
    }

    /// Standalone English message, e.g. "This field must be 3–17 Chinese characters …".
    pub fn message_en(&self) -> String {
        format!("This field {}", self.predicate_en())
    }
}

/// A field that breaks a rule. `field` is WeChat's field name (`"name"`, `"goodsInfo.price"`).
/// `Display` is "field: message" in English, for logs; UIs use [`Violation::message_zh`] /
/// [`Violation::message_en`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{field}: {}", .rule.predicate_en())]
pub struct Violation {
    pub field: &'static str,
    pub rule: Rule,
}

impl Violation {
    pub fn new(field: &'static str, rule: Rule) -> Self {
        Violation { field, rule }
    }

    /// e.g. "直播间名称需为 3–17 个汉字（6–34 个字符宽度），当前 40".
    pub fn message_zh(&self) -> String {
        format!("{}{}", label(self.field).0, self.rule.predicate_zh())
    }

    /// e.g. "Room name must be 3–17 Chinese characters (6–34 width units); it is 40".
    pub fn message_en(&self) -> String {
        format!("{} {}", label(self.field).1, self.rule.predicate_en())
    }
}

/// (zh, en) label of a WeChat field name; unknown fields are shown as their name.
pub fn label(field: &'static str) -> (&'static str, &'static str) {
    match field {
        "name" => ("直播间名称", "Room name"),
        "anchorName" => ("主播昵称", "Anchor nickname"),
        "anchorWechat" => ("主播微信号", "Anchor WeChat ID"),
        "subAnchorWechat" => ("主播副号微信号", "Sub-anchor WeChat ID"),
        "createrWechat" => ("创建者微信号", "Creator WeChat ID"),
        "startTime" => ("开播时间", "Start time"),
        "endTime" => ("结束时间", "End time"),
        "coverImg" => ("直播间背景图", "Cover image"),
        "shareImg" => ("分享卡片图", "Share image"),
        "feedsImg" => ("购物直播频道封面图", "Feeds cover image"),
        "goodsInfo.name" => ("商品名称", "Goods name"),
        "goodsInfo.price" => ("价格", "Price"),
        "goodsInfo.price2" => ("第二价格", "Second price"),
        "goodsInfo.coverImgUrl" => ("商品图片", "Goods image"),
        "goodsInfo.url" => ("商品页面路径", "Goods page path"),
        "custom_params" => ("自定义参数", "Custom params"),
        "params" => ("分享参数", "Share params"),
        other => (other, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_messages() {
        let v = Violation::new(
            "name",
            Rule::WidthRange {
                min: 6,
                max: 34,
                actual: 40,
            },
        );
        assert_eq!(
            v.message_zh(),
            "直播间名称需为 3–17 个汉字（6–34 个字符宽度），当前 40"
        );
        assert_eq!(
            v.message_en(),
            "Room name must be 3–17 Chinese characters (6–34 width units); it is 40"
        );
        assert_eq!(
            v.to_string(),
            "name: must be 3–17 Chinese characters (6–34 width units); it is 40"
        );
        let g = Violation::new(
            "goodsInfo.name",
            Rule::WidthRange {
                min: 1,
                max: 28,
                actual: 30,
            },
        );
        assert_eq!(
            g.message_zh(),
            "商品名称最多 14 个汉字（28 个字符宽度），当前 30"
        );
        let a = Violation::new(
            "anchorName",
            Rule::WidthRange {
                min: 4,
                max: 30,
                actual: 2,
            },
        );
        assert_eq!(
            a.message_en(),
            "Anchor nickname must be 2–15 Chinese characters (4–30 width units); it is 2"
        );
        assert_eq!(Rule::Required.message_zh(), "此项不能为空");
        assert_eq!(Rule::Required.message_en(), "This field is required");
    }

    #[test]
    fn time_messages_use_beijing_time() {
        // 2017-01-01 00:00:30 +08:00 rounds up for "earliest".
        let v = Violation::new(
            "startTime",
            Rule::StartTooSoon {
                earliest: 1_483_200_030,
            },
        );
        assert_eq!(
            v.message_zh(),
            "开播时间需至少在 10 分钟之后（不早于北京时间 2017-01-01 00:01）"
        );
        let d = Violation::new(
            "endTime",
            Rule::DurationRange {
                min_secs: 1800,
                max_secs: 86_400,
                actual: 1799,
            },
        );
        assert_eq!(
            d.message_en(),
            "End time must be 30 min to 24 h after the start time; it is 29 min 59 s"
        );
        let neg = Rule::DurationRange {
            min_secs: 1800,
            max_secs: 86_400,
            actual: -5,
        };
        assert_eq!(neg.predicate_zh(), "需晚于开始时间");
    }

    #[test]
    fn serialized_tags_are_stable() {
        let j = |r: Rule| serde_json::to_string(&r).unwrap();
        assert_eq!(j(Rule::Required), r#"{"rule":"required"}"#);
        assert_eq!(
            j(Rule::WidthRange {
                min: 6,
                max: 34,
                actual: 40
            }),
            r#"{"rule":"width_range","min":6,"max":34,"actual":40}"#
        );
        assert_eq!(
            j(Rule::PriceOrder {
                price_type: PriceType::Range
            }),
            r#"{"rule":"price_order","price_type":2}"#
        );
        assert_eq!(j(Rule::Price2Required), r#"{"rule":"price2_required"}"#);
        let back: Rule =
            serde_json::from_str(r#"{"rule":"image_bytes","max":2,"actual":3}"#).unwrap();
        assert_eq!(back, Rule::ImageBytes { max: 2, actual: 3 });
        let v = Violation::new("name", Rule::ForbiddenChars);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"field":"name","rule":{"rule":"forbidden_chars"}}"#
        );
    }

    #[test]
    fn every_rule_has_both_messages() {
        let all = [
            Rule::Required,
            Rule::ForbiddenChars,
            Rule::Whitespace,
            Rule::StartTooLate { latest: 0 },
            Rule::StartBeyondReported { limit_days: 90 },
            Rule::Milliseconds,
            Rule::ImagePixels {
                max_w: 1,
                max_h: 1,
                w: 2,
                h: 2,
            },
            Rule::ImageFormat,
            Rule::PriceNotNumber,
            Rule::PriceNotPositive,
            Rule::PriceDecimals,
            Rule::PriceOrder {
                price_type: PriceType::Discount,
            },
            Rule::PriceOrder {
                price_type: PriceType::Fixed,
            },
            Rule::Price2NotAllowed,
            Rule::TooLong {
                max: 600,
                actual: 601,
            },
            Rule::NotMiniProgramPath,
            Rule::UrlNotEncoded,
        ];
        for r in all {
            assert!(r.predicate_zh().chars().count() > 2, "{r:?}");
            assert!(r.predicate_en().len() > 5, "{r:?}");
            assert!(!r.predicate_en().starts_with(char::is_uppercase), "{r:?}");
        }
        assert!(Rule::StartBeyondReported { limit_days: 90 }.is_warning());
        assert!(!Rule::Required.is_warning());
        assert_eq!(label("weird"), ("weird", "weird"));
    }
}
