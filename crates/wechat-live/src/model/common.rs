//! Enumerations shared by several areas (reference section 4).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::de::{self, Code};

/// A room's live status (`live_status`, also `room_status` in followers).
///
/// Codes the reference does not list are kept as [`LiveStatus::Unknown`] so a new WeChat status never
/// fails a whole room list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LiveStatus {
    /// 101: the anchor is streaming.
    Live,
    /// 102: scheduled, not yet opened.
    NotStarted,
    /// 103: ended.
    Ended,
    /// 104: banned by WeChat operations.
    Banned,
    /// 105: paused from the MP console.
    Paused,
    /// 106: anchor dropped out; back to 101 within 15 min, else 103.
    Abnormal,
    /// 107: never started and the planned end passed.
    Expired,
    /// Any other code, kept as sent.
    Unknown(i64),
}

impl LiveStatus {
    /// The WeChat code (101–107, or the unknown code as received).
    pub fn code(self) -> i64 {
        match self {
            Self::Live => 101,
            Self::NotStarted => 102,
            Self::Ended => 103,
            Self::Banned => 104,
            Self::Paused => 105,
            Self::Abnormal => 106,
            Self::Expired => 107,
            Self::Unknown(c) => c,
        }
    }

    /// Maps a code; never fails.
    pub fn from_code(code: i64) -> Self {
        match code {
            101 => Self::Live,
            102 => Self::NotStarted,
            103 => Self::Ended,
            104 => Self::Banned,
            105 => Self::Paused,
            106 => Self::Abnormal,
            107 => Self::Expired,
            c => Self::Unknown(c),
        }
    }
}

impl Serialize for LiveStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.code())
    }
}

impl<'de> Deserialize<'de> for LiveStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de::int(d).map(Self::from_code)
    }
}

/// How a room is streamed (`type` on create, `live_type` in lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub enum RoomType {
    /// 1: pushed over RTMP (OBS etc.) to the room's push address.
    Push,
    /// 0: the anchor streams from the 小程序直播 phone app.
    Phone,
}

impl Code for RoomType {
    fn from_code(code: i64) -> Option<Self> {
        match code {
            1 => Some(Self::Push),
            0 => Some(Self::Phone),
            _ => None,
        }
    }
}

impl From<RoomType> for i64 {
    fn from(t: RoomType) -> i64 {
        match t {
            RoomType::Push => 1,
            RoomType::Phone => 0,
        }
    }
}

impl TryFrom<i64> for RoomType {
    type Error = UnknownCode;
    fn try_from(c: i64) -> Result<Self, UnknownCode> {
        Self::from_code(c).ok_or(UnknownCode(c))
    }
}

/// A goods library audit state (`audit_status`, and the `status` filter of getapproved).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub enum AuditStatus {
    /// 0: never submitted, or withdrawn.
    Unaudited,
    /// 1: under review.
    UnderReview,
    /// 2: approved; only approved goods can go into rooms.
    Approved,
    /// 3: rejected.
    Rejected,
}

impl AuditStatus {
    /// Every status, in code order (the library is listed one status at a time).
    pub const ALL: [AuditStatus; 4] = [
        Self::Unaudited,
        Self::UnderReview,
        Self::Approved,
        Self::Rejected,
    ];

    /// The WeChat code 0–3.
    pub fn code(self) -> i64 {
        self.into()
    }
}

impl Code for AuditStatus {
    fn from_code(code: i64) -> Option<Self> {
        match code {
            0 => Some(Self::Unaudited),
            1 => Some(Self::UnderReview),
            2 => Some(Self::Approved),
            3 => Some(Self::Rejected),
            _ => None,
        }
    }
}

impl From<AuditStatus> for i64 {
    fn from(s: AuditStatus) -> i64 {
        match s {
            AuditStatus::Unaudited => 0,
            AuditStatus::UnderReview => 1,
            AuditStatus::Approved => 2,
            AuditStatus::Rejected => 3,
        }
    }
}

impl TryFrom<i64> for AuditStatus {
    type Error = UnknownCode;
    fn try_from(c: i64) -> Result<Self, UnknownCode> {
        Self::from_code(c).ok_or(UnknownCode(c))
    }
}

/// An account-wide member role. Roles are not per room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub enum Role {
    /// 0: the account owner; cannot be assigned or removed through the API.
    SuperAdmin,
    /// 1: administrator (at most 10).
    Admin,
    /// 2: anchor (at most 500; must be real-name verified).
    Anchor,
    /// 3: operator / 运营者 (at most 500).
    Operator,
}

impl Role {
    /// The WeChat code 0–3.
    pub fn code(self) -> i64 {
        self.into()
    }
}

impl Code for Role {
    fn from_code(code: i64) -> Option<Self> {
        match code {
            0 => Some(Self::SuperAdmin),
            1 => Some(Self::Admin),
            2 => Some(Self::Anchor),
            3 => Some(Self::Operator),
            _ => None,
        }
    }
}

impl From<Role> for i64 {
    fn from(r: Role) -> i64 {
        match r {
            Role::SuperAdmin => 0,
            Role::Admin => 1,
            Role::Anchor => 2,
            Role::Operator => 3,
        }
    }
}

impl TryFrom<i64> for Role {
    type Error = UnknownCode;
    fn try_from(c: i64) -> Result<Self, UnknownCode> {
        Self::from_code(c).ok_or(UnknownCode(c))
    }
}

/// A code outside an enumeration's documented values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown code {0}")]
pub struct UnknownCode(pub i64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_status_keeps_unknown_codes() {
        let s: Vec<LiveStatus> = serde_json::from_str(r#"[101, 107, 108, "102", -3]"#).unwrap();
        assert_eq!(
            s,
            vec![
                LiveStatus::Live,
                LiveStatus::Expired,
                LiveStatus::Unknown(108),
                LiveStatus::NotStarted,
                LiveStatus::Unknown(-3)
            ]
        );
        assert_eq!(
            serde_json::to_string(&LiveStatus::Unknown(108)).unwrap(),
            "108"
        );
        assert_eq!(serde_json::to_string(&LiveStatus::Paused).unwrap(), "105");
    }

    #[test]
    fn codes_round_trip() {
        for c in 101..=107 {
            assert_eq!(LiveStatus::from_code(c).code(), c);
        }
        for s in AuditStatus::ALL {
            assert_eq!(AuditStatus::try_from(s.code()), Ok(s));
        }
        assert_eq!(serde_json::to_string(&RoomType::Push).unwrap(), "1");
        assert_eq!(serde_json::to_string(&Role::Operator).unwrap(), "3");
        assert_eq!(Role::try_from(4), Err(UnknownCode(4)));
        assert!(serde_json::from_str::<RoomType>("2").is_err());
    }
}
