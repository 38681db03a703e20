//! WeChat's errcodes for the live API family, each with a zh-CN and an English message and a retry
//! class. Unknown codes keep their number.

use std::fmt;

/// What a caller may do about an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryClass {
    /// Transient on WeChat's side: retry with backoff (reads and idempotent writes only).
    Transient,
    /// The access token is bad: refresh it and retry once.
    RefreshToken,
    /// A daily or per-minute quota is used up: wait, do not hammer.
    Quota,
    /// The room is busy showing a goods card (300047, 300049): the caller waits for it and sends
    /// again where the user can see the wait (the live console's queue), so the client does not.
    Busy,
    /// The request itself is wrong or not allowed: retrying cannot help.
    Never,
}

macro_rules! errcodes {
    ($( $variant:ident = $code:literal, $class:ident, $zh:literal, $en:literal; )*) => {
        /// A WeChat errcode of the live API family (see the reference's errcode table).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrCode {
            $(
                #[doc = $en]
                $variant,
            )*
            /// A code the reference does not list; the number is kept.
            Unknown(i64),
        }

        impl ErrCode {
            /// The code for a number.
            pub fn from_code(code: i64) -> Self {
                match code {
                    $( $code => Self::$variant, )*
                    other => Self::Unknown(other),
                }
            }

            /// WeChat's number.
            pub fn code(self) -> i64 {
                match self {
                    $( Self::$variant => $code, )*
                    Self::Unknown(code) => code,
                }
            }

            /// What a caller may do about it.
            pub fn retry_class(self) -> RetryClass {
                match self {
                    $( Self::$variant => RetryClass::$class, )*
                    Self::Unknown(_) => RetryClass::Never,
                }
            }

            /// A message for Chinese-speaking users.
            pub fn message_zh(self) -> &'static str {
                match self {
                    $( Self::$variant => $zh, )*
                    Self::Unknown(_) => "微信返回了未知错误码",
                }
            }

            /// A message for English-speaking users.
            pub fn message_en(self) -> &'static str {
                match self {
                    $( Self::$variant => $en, )*
                    Self::Unknown(_) => "WeChat returned an unknown error code",
                }
            }

            /// Every listed code, for tables and tests.
            pub const ALL: &'static [ErrCode] = &[ $( Self::$variant, )* ];
        }
    };
}

errcodes! {
    SystemBusy = -1, Transient, "微信系统繁忙，请稍后重试", "WeChat is busy, try again shortly";
    LegacyNoRoom = 1, Never, "尚未创建直播间（旧版返回）", "No room created yet (legacy answer)";
    NoRecentPayment = 2, Never, "近 90 天无支付行为，无法开通", "No payment activity in the last 90 days";
    InvalidRequestParams = 1001, Never, "请求参数无效", "Invalid request parameters";
    GoodsIdNotExist = 1003, Never, "商品 ID 不存在", "Goods id does not exist";
    GetNoData = 1007, Never, "未获取到数据", "No data returned";
    Undocumented2003 = 2003, Never, "微信返回 2003（未公开说明）", "WeChat returned 2003 (undocumented)";
    WrongSecret = 40001, RefreshToken, "access_token 无效或不是最新，或 AppSecret 错误", "Access token invalid or not the latest, or wrong AppSecret";
    BadGrantType = 40002, Never, "grant_type 必须为 client_credential", "grant_type must be client_credential";
    InvalidMediaType = 40004, Never, "不支持的媒体文件类型", "Unsupported media type";
    InvalidMediaId = 40007, Never, "无效的 media_id", "Invalid media_id";
    ImageTooLarge = 40009, Never, "图片文件过大", "Image file too large";
    InvalidAppId = 40013, Never, "AppID 无效", "Invalid AppID";
    InvalidAccessToken = 40014, RefreshToken, "access_token 不合法", "Invalid access token";
    InvalidAppSecret = 40125, Never, "AppSecret 无效", "Invalid AppSecret";
    IpNotWhitelisted = 40164, Never, "调用方 IP 不在接口 IP 白名单中", "Caller IP is not in the API IP whitelist";
    AppSecretFrozen = 40243, Never, "AppSecret 已被冻结", "AppSecret is frozen";
    AccessTokenMissing = 41001, Never, "缺少 access_token", "Access token missing";
    AppIdMissing = 41002, Never, "缺少 AppID", "AppID missing";
    SecretMissing = 41004, Never, "缺少 AppSecret", "AppSecret missing";
    AccessTokenExpired = 42001, RefreshToken, "access_token 已过期", "Access token expired";
    RequireGet = 43001, Never, "需要 GET 请求", "GET required";
    RequirePost = 43002, Never, "需要 POST 请求", "POST required";
    RequireHttps = 43003, Never, "需要 HTTPS", "HTTPS required";
    EmptyPostBody = 44002, Never, "POST 数据为空", "Empty POST body";
    DailyQuotaReached = 45009, Quota, "今日接口调用次数已达上限", "Daily API quota reached";
    MinuteQuotaReached = 45011, Quota, "调用太频繁，请稍后再试", "Too many calls per minute, slow down";
    DataFormatError = 47001, Never, "数据格式错误（JSON 解析失败）", "Data format error (bad JSON)";
    ApiUnauthorized = 48001, Never, "接口未授权（未开通直播或权限不足）", "API unauthorized (live not enabled or no permission)";
    ClientIpNotRegistered = 61004, Never, "客户端 IP 未登记", "Client IP not registered";
    ComponentUnauthorized = 61007, Never, "第三方平台未获得直播权限集授权", "Third-party platform lacks the live permission set";
    ParameterError = 200002, Never, "参数错误", "Parameter error";
    ActivationSuspended = 268489001, Never, "直播开通功能维护中，暂停开通", "Live activation is suspended for maintenance";
    Forbidden = 300001, Never, "禁止创建或更新", "Forbidden to create or update";
    NameLength = 300002, Never, "名称长度不符合规则", "Name length invalid";
    PriceInvalid = 300003, Never, "价格输入不合规", "Price invalid";
    GoodsNameViolation = 300004, Never, "商品名称存在违规违法内容", "Goods name violates the rules";
    GoodsImageViolation = 300005, Never, "商品图片存在违规违法内容", "Goods image violates the rules";
    ImageUploadFailed = 300006, Never, "图片上传失败（如 media_id 过期）", "Image upload failed (e.g. media_id expired)";
    UrlNotReleased = 300007, Never, "页面路径不在已发布的小程序版本中", "Page path is not in the released mini program";
    AddGoodsFailed = 300008, Never, "添加商品失败", "Adding goods failed";
    WithdrawAuditFailed = 300009, Never, "撤回审核失败", "Withdrawing the audit failed";
    WrongAuditState = 300010, Never, "商品审核状态不对（如审核中）", "Wrong audit state (e.g. under review)";
    ConsoleGoods = 300011, Never, "不能操作在管理后台添加的商品", "API cannot operate goods created in the console";
    NoAuditQuota = 300012, Never, "审核次数已用完（每天 500 次）", "No audit quota left (500 per day)";
    AuditSubmitFailed = 300013, Never, "提交审核失败", "Submitting the audit failed";
    UnderReviewCannotDelete = 300014, Never, "审核中的商品不能删除", "Goods under review cannot be deleted";
    GoodsNotFoundForDelete = 300015, Never, "商品不存在，无法删除", "Goods id not found";
    GoodsNotSubmitted = 300017, Never, "商品未提交审核", "Goods not submitted for audit";
    GoodsImageTooLarge = 300018, Never, "商品图片尺寸过大（最大 300×300）", "Goods image too large (max 300×300)";
    GoodsAddedAuditFailed = 300021, Never, "商品已添加但提交审核失败", "Goods added but the audit submission failed";
    RoomNotFound = 300022, Never, "直播间不存在", "Room not found";
    RoomStateForbids = 300023, Never, "直播间当前状态不允许此操作", "The room's state does not allow this";
    GoodsNotFound = 300024, Never, "商品不存在", "Goods not found";
    GoodsNotApproved = 300025, Never, "商品未审核通过", "Goods not approved";
    RoomGoodsFull = 300026, Never, "直播间商品已满", "Room goods are full";
    ImportGoodsFailed = 300027, Never, "导入商品失败", "Importing goods failed";
    RoomNameViolation = 300028, Never, "直播间名称违规", "Room name violates the rules";
    AnchorNameViolation = 300029, Never, "主播昵称违规", "Anchor name violates the rules";
    AnchorWechatInvalid = 300030, Never, "主播微信号不合法（可能没有主播角色）", "Anchor WeChat ID invalid (maybe no anchor role)";
    CoverImageInvalid = 300031, Never, "直播间背景图不合规", "Cover image does not meet the rules";
    ShareImageInvalid = 300032, Never, "分享图不合规", "Share image does not meet the rules";
    RoomGoodsLimit = 300033, Never, "超过直播间商品数量上限", "Exceeds the room's goods limit";
    AnchorNameLength = 300034, Never, "主播昵称长度不符合规则", "Anchor name length invalid";
    AnchorWechatNotExist = 300035, Never, "主播微信号不存在", "Anchor WeChat ID does not exist";
    AnchorNotVerified = 300036, Never, "主播微信号未实名认证，请扫码完成认证", "Anchor WeChat ID not real-name verified: scan the code to verify";
    FeedsImageInvalid = 300037, Never, "购物直播频道封面图不合规", "Feeds cover image does not meet the rules";
    KfNotConfigured = 300038, Never, "未在小程序管理后台配置客服", "Customer service is not configured for the mini program";
    SubAnchorWechatInvalid = 300039, Never, "主播副号微信号不合法", "Sub-anchor WeChat ID invalid";
    NameForbiddenChars = 300040, Never, "名称含有非法字符", "Name contains disallowed characters";
    CreatorWechatInvalid = 300041, Never, "创建者微信号不合法", "Creator WeChat ID invalid";
    NoExplanationVideo = 300044, Never, "商品没有讲解视频", "Goods has no explanation video";
    VideoNotReady = 300045, Never, "讲解视频尚未生成", "Explanation video not generated yet";
    PushInProgress = 300047, Busy, "已有商品正在推送，请稍后再试", "Another goods is being pushed, retry shortly";
    FetchGoodsFailed = 300048, Transient, "拉取商品列表失败", "Fetching the goods list failed";
    SaleChangeDuringPush = 300049, Busy, "商品推送中，不能上下架", "Cannot change sale state while a push is in progress";
    OffShelfCannotPush = 300052, Never, "已下架的商品不能推送", "Off-shelf goods cannot be pushed";
    GoodsNotInRoom = 300053, Never, "直播间未添加此商品", "Goods is not in this room";
    RoleWechatInvalid = 400001, Never, "微信号不合法", "WeChat ID invalid";
    RoleNeedsVerification = 400002, Never, "需要先完成实名认证（主播角色）", "Real-name verification required (anchor role)";
    RoleLimitReached = 400003, Never, "该角色人数已达上限", "Role limit reached";
    RoleAlreadyAssigned = 400004, Never, "已经是该角色", "Role already assigned";
    AnchorHasRooms = 400005, Never, "主播还有未开播的直播间，不能删除", "Anchor has rooms not yet started";
    SubAnchorNotVerified = 500002, Never, "主播副号未实名认证", "Sub-anchor not real-name verified";
    DuplicateSubAnchor = 500004, Never, "主播副号重复", "Duplicate sub-anchor";
    SubAnchorIsAnchor = 500005, Never, "主播副号不能与主播相同", "Sub-anchor equals the main anchor";
    LiveFeatureClosed = 10001, Never, "小程序直播功能已关闭", "Live feature is closed for the mini program";
    EmptyRoomList = 9410000, Never, "直播间列表为空", "Empty room list";
    GetRoomFailed = 9410001, Transient, "获取直播间失败", "Getting rooms failed";
    GetGoodsFailed = 9410002, Transient, "获取商品失败", "Getting goods failed";
    GetReplayFailed = 9410003, Transient, "获取回放失败", "Getting replays failed";
    AlreadyPushedToday = 9410005, Never, "今天已有其他直播间发送过开播提醒", "Another room already sent a reminder today";
    RoomNotLive = 9410006, Never, "直播间不在直播中", "Room is not live";
}

impl ErrCode {
    /// The request parameter a rejection points at, named as WeChat names it (create/edit room and
    /// goods add/update use these names), so a form can show it at the field. None when the code is
    /// not about one field.
    pub fn field(self) -> Option<&'static str> {
        use ErrCode::*;
        Some(match self {
            NameLength | RoomNameViolation | NameForbiddenChars | GoodsNameViolation => "name",
            PriceInvalid => "price",
            GoodsImageViolation | GoodsImageTooLarge => "coverImgUrl",
            UrlNotReleased => "url",
            AnchorNameViolation | AnchorNameLength => "anchorName",
            AnchorWechatInvalid | AnchorWechatNotExist | AnchorNotVerified => "anchorWechat",
            SubAnchorWechatInvalid
            | SubAnchorNotVerified
            | DuplicateSubAnchor
            | SubAnchorIsAnchor => "subAnchorWechat",
            CreatorWechatInvalid => "createrWechat",
            CoverImageInvalid => "coverImg",
            ShareImageInvalid => "shareImg",
            FeedsImageInvalid => "feedsImg",
            KfNotConfigured => "closeKf",
            _ => return None,
        })
    }
}

impl fmt::Display for ErrCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in ErrCode::ALL {
            assert!(seen.insert(c.code()), "duplicate {}", c.code());
            assert_eq!(ErrCode::from_code(c.code()), *c);
            assert!(!c.message_zh().is_empty() && !c.message_en().is_empty());
        }
        assert_eq!(ErrCode::from_code(123_456), ErrCode::Unknown(123_456));
        assert_eq!(ErrCode::Unknown(123_456).code(), 123_456);
    }

    /// Every code of the reference's errcode table (section 4) and of the media/auth list under it,
    /// copied literally: each must be a named variant with both messages.
    #[test]
    fn every_code_of_the_reference_is_named() {
        const TABLE: &[i64] = &[
            -1, 1, 2, 1001, 1003, 1007, 2003, 40001, 40014, 41001, 42001, 43001, 47001, 48001,
            61007, 200002, 268489001, 300001, 300002, 300003, 300004, 300005, 300006, 300007,
            300008, 300009, 300010, 300011, 300012, 300013, 300014, 300015, 300017, 300018, 300021,
            300022, 300023, 300024, 300025, 300026, 300027, 300028, 300029, 300030, 300031, 300032,
            300033, 300034, 300035, 300036, 300037, 300038, 300039, 300040, 300041, 300044, 300045,
            300047, 300048, 300049, 300052, 300053, 400001, 400002, 400003, 400004, 400005, 500002,
            500004, 500005, 9410000, 9410001, 9410002, 9410003, 9410005, 9410006, 10001,
        ];
        const MEDIA_AUTH: &[i64] = &[
            40002, 40004, 40007, 40009, 40013, 40125, 40164, 40243, 41002, 41004, 43002, 43003,
            44002, 45009, 45011, 61004,
        ];
        for &n in TABLE.iter().chain(MEDIA_AUTH) {
            let c = ErrCode::from_code(n);
            assert!(!matches!(c, ErrCode::Unknown(_)), "{n} is not named");
            assert_eq!(c.code(), n);
            assert_ne!(c.message_zh(), ErrCode::Unknown(n).message_zh(), "{n}");
            assert_ne!(c.message_en(), ErrCode::Unknown(n).message_en(), "{n}");
        }
        assert_eq!(
            ErrCode::ALL.len(),
            TABLE.len() + MEDIA_AUTH.len(),
            "no code beyond the reference's"
        );
    }

    #[test]
    fn quota_codes_wait_and_busy_codes_retry() {
        for code in [45009, 45011] {
            assert_eq!(ErrCode::from_code(code).retry_class(), RetryClass::Quota);
        }
        assert_eq!(
            ErrCode::from_code(45009),
            ErrCode::DailyQuotaReached,
            "45009 is the daily quota"
        );
    }

    #[test]
    fn field_codes_name_the_parameter_wechat_rejected() {
        let field = |n| ErrCode::from_code(n).field();
        assert_eq!(
            field(300030),
            Some("anchorWechat"),
            "edit's unverified anchor"
        );
        assert_eq!(field(300036), Some("anchorWechat"));
        assert_eq!(field(300002), Some("name"));
        assert_eq!(field(300034), Some("anchorName"));
        assert_eq!(field(300039), Some("subAnchorWechat"));
        assert_eq!(field(300031), Some("coverImg"));
        assert_eq!(field(300038), Some("closeKf"));
        assert_eq!(field(300022), None, "room not found is not a field");
        assert_eq!(field(-1), None);
    }

    #[test]
    fn token_codes_refresh() {
        for code in [40001, 40014, 42001] {
            assert_eq!(
                ErrCode::from_code(code).retry_class(),
                RetryClass::RefreshToken
            );
        }
        assert_eq!(ErrCode::from_code(41001).retry_class(), RetryClass::Never);
        assert_eq!(ErrCode::from_code(-1).retry_class(), RetryClass::Transient);
    }
}
