//! Wording of each [`Rule`], as subject-less predicates in zh-CN and English.

use super::fmt;
use super::goods::PriceType;
use super::room::MIN_START_LEAD_SECS;
use super::rules::Rule;

impl Rule {
    pub(crate) fn predicate_zh(&self) -> String {
        match *self {
            Rule::Required => "不能为空".into(),
            Rule::WidthRange { min, max, actual } if min <= 1 => {
                format!("最多 {} 个汉字（{max} 个字符宽度），当前 {actual}", max / 2)
            }
            Rule::WidthRange { min, max, actual } => format!(
                "需为 {}–{} 个汉字（{min}–{max} 个字符宽度），当前 {actual}",
                min.div_ceil(2),
                max / 2
            ),
            Rule::ForbiddenChars => "不能包含表情符号或其他特殊字符".into(),
            Rule::Whitespace => "不能包含空格或换行".into(),
            Rule::StartTooSoon { earliest } => format!(
                "需至少在 {} 分钟之后（不早于北京时间 {}）",
                MIN_START_LEAD_SECS / 60,
                fmt::beijing_minute(earliest, true)
            ),
            Rule::StartTooLate { latest } => format!(
                "不能晚于 6 个月之后（北京时间 {} 之前）",
                fmt::beijing_minute(latest, false)
            ),
            Rule::StartBeyondReported { limit_days } => format!(
                "在 {limit_days} 天之后：文档允许 6 个月，但有开发者反映超过 3 个月会被微信拒绝"
            ),
            Rule::Milliseconds => "看起来是毫秒时间戳，微信要求以秒为单位".into(),
            Rule::DurationRange { actual, .. } if actual <= 0 => "需晚于开始时间".into(),
            Rule::DurationRange {
                min_secs,
                max_secs,
                actual,
            } => format!(
                "与开始时间需相隔 {} 至 {}，当前 {}",
                fmt::duration(min_secs, true),
                fmt::duration(max_secs, true),
                fmt::duration(actual, true)
            ),
            Rule::ImagePixels { max_w, max_h, w, h } => {
                format!("尺寸不能超过 {max_w}×{max_h} 像素，当前 {w}×{h}")
            }
            Rule::ImageBytes { max, actual } => format!(
                "文件大小不能超过 {}，当前 {}",
                fmt::bytes(max),
                fmt::bytes(actual)
            ),
            Rule::ImageFormat => "需为 PNG、JPEG 或 GIF 图片".into(),
            Rule::PriceNotNumber => "需为以元为单位的金额，如 12.30".into(),
            Rule::PriceNotPositive => "需大于 0".into(),
            Rule::PriceDecimals => "最多保留两位小数".into(),
            Rule::PriceOrder {
                price_type: PriceType::Range,
            } => "需高于最低价（区间价）".into(),
            Rule::PriceOrder {
                price_type: PriceType::Discount,
            } => "需低于原价（折扣价）".into(),
            Rule::PriceOrder {
                price_type: PriceType::Fixed,
            } => "与价格的大小关系不正确".into(),
            Rule::Price2Required => "在区间价和折扣价下必填".into(),
            Rule::Price2NotAllowed => "仅在区间价和折扣价下填写".into(),
            Rule::TooLong { max, actual } => format!("不能超过 {max} 个字符，当前 {actual}"),
            Rule::NotMiniProgramPath => {
                "需为小程序页面路径（如 pages/goods/detail?id=1），不能是网址".into()
            }
            Rule::UrlNotEncoded => "不能包含空格或未编码的中文等字符，参数值需 URL 编码".into(),
        }
    }

    pub(crate) fn predicate_en(&self) -> String {
        match *self {
            Rule::Required => "is required".into(),
            Rule::WidthRange { min, max, actual } if min <= 1 => format!(
                "must be at most {} Chinese characters ({max} width units); it is {actual}",
                max / 2
            ),
            Rule::WidthRange { min, max, actual } => format!(
                "must be {}–{} Chinese characters ({min}–{max} width units); it is {actual}",
                min.div_ceil(2),
                max / 2
            ),
            Rule::ForbiddenChars => "must not contain emoji or other special characters".into(),
            Rule::Whitespace => "must not contain spaces or line breaks".into(),
            Rule::StartTooSoon { earliest } => format!(
                "must be at least {} minutes from now (no earlier than {} Beijing time)",
                MIN_START_LEAD_SECS / 60,
                fmt::beijing_minute(earliest, true)
            ),
            Rule::StartTooLate { latest } => format!(
                "must be within 6 months from now (no later than {} Beijing time)",
                fmt::beijing_minute(latest, false)
            ),
            Rule::StartBeyondReported { limit_days } => format!(
                "is more than {limit_days} days ahead: the docs allow 6 months, but WeChat has been \
                 reported to refuse starts beyond 3 months"
            ),
            Rule::Milliseconds => {
                "looks like a millisecond timestamp; WeChat expects seconds".into()
            }
            Rule::DurationRange { actual, .. } if actual <= 0 => {
                "must be after the start time".into()
            }
            Rule::DurationRange { min_secs, max_secs, actual } => format!(
                "must be {} to {} after the start time; it is {}",
                fmt::duration(min_secs, false),
                fmt::duration(max_secs, false),
                fmt::duration(actual, false)
            ),
            Rule::ImagePixels { max_w, max_h, w, h } => {
                format!("must be at most {max_w}×{max_h} pixels; it is {w}×{h}")
            }
            Rule::ImageBytes { max, actual } => format!(
                "must be at most {}; it is {}",
                fmt::bytes(max),
                fmt::bytes(actual)
            ),
            Rule::ImageFormat => "must be a PNG, JPEG or GIF image".into(),
            Rule::PriceNotNumber => "must be an amount in yuan, such as 12.30".into(),
            Rule::PriceNotPositive => "must be greater than 0".into(),
            Rule::PriceDecimals => "must have at most two decimal places".into(),
            Rule::PriceOrder { price_type: PriceType::Range } => {
                "must be higher than the lowest price (price range)".into()
            }
            Rule::PriceOrder { price_type: PriceType::Discount } => {
                "must be lower than the original price (discount)".into()
            }
            Rule::PriceOrder { price_type: PriceType::Fixed } => {
                "is not in the right order with the price".into()
            }
            Rule::Price2Required => "is required for a price range or a discount".into(),
            Rule::Price2NotAllowed => "is only allowed for a price range or a discount".into(),
            Rule::TooLong { max, actual } => {
                format!("must be at most {max} characters; it is {actual}")
            }
            Rule::NotMiniProgramPath => {
                "must be a mini program page path such as pages/goods/detail?id=1, not a web \
                 address"
                    .into()
            }
            Rule::UrlNotEncoded => {
                "must not contain spaces or unencoded non-ASCII characters; URL-encode query \
                 values"
                    .into()
            }
        }
    }
}
