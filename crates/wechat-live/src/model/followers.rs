//! Long-term subscribers of the mini program's live rooms (S1).

use serde::{Deserialize, Serialize};

use super::de;
use super::LiveStatus;

/// A follower (long-term subscriber).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Follower {
    /// Openid.
    #[serde(default, deserialize_with = "de::string")]
    pub openid: String,
    /// When they subscribed, unix seconds.
    #[serde(default, deserialize_with = "de::int")]
    pub subscribe_time: i64,
    /// Room where they subscribed.
    #[serde(default, deserialize_with = "de::int")]
    pub room_id: i64,
    /// That room's status at the time; `None` when absent.
    #[serde(default)]
    pub room_status: Option<LiveStatus>,
}

/// One page of followers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowerPage {
    /// This page.
    #[serde(default, deserialize_with = "de::vec")]
    pub followers: Vec<Follower>,
    /// Pass to the next call to continue; `None` when WeChat gave none.
    #[serde(default, deserialize_with = "de::opt_int")]
    pub page_break: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follower_page_reads_statuses_and_page_break() {
        let p: FollowerPage = serde_json::from_str(
            r#"{"errcode": 0, "followers": [{"openid": "o1", "subscribe_time": 1700000000,
                "room_id": "12", "room_status": 102}], "page_break": 200}"#,
        )
        .unwrap();
        assert_eq!(p.page_break, Some(200));
        assert_eq!(p.followers[0].room_id, 12);
        assert_eq!(p.followers[0].room_status, Some(LiveStatus::NotStarted));
    }
}
