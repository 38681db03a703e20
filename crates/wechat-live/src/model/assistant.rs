//! Room assistants (小助手, R8–R11).

use serde::{Deserialize, Serialize};

use super::de;

/// An assistant to add to a room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAssistant {
    /// WeChat ID.
    pub username: String,
    /// Display name in the room.
    pub nickname: String,
}

/// An assistant as getassistantlist answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assistant {
    /// WeChat ID (`alias`).
    #[serde(
        rename(deserialize = "alias"),
        alias = "username",
        default,
        deserialize_with = "de::string"
    )]
    pub username: String,
    /// Display name.
    #[serde(default, deserialize_with = "de::string")]
    pub nickname: String,
    /// Avatar URL (`headimg`).
    #[serde(
        rename(deserialize = "headimg"),
        alias = "head_img",
        default,
        deserialize_with = "de::string"
    )]
    pub head_img: String,
    /// Openid in this mini program.
    #[serde(default, deserialize_with = "de::string")]
    pub openid: String,
    /// Last modified, unix seconds (`timestamp`).
    #[serde(
        rename(deserialize = "timestamp"),
        alias = "updated_at",
        default,
        deserialize_with = "de::int"
    )]
    pub updated_at: i64,
}

/// A room's assistants and how many it may have.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistantList {
    /// The assistants.
    #[serde(default, deserialize_with = "de::vec")]
    pub list: Vec<Assistant>,
    /// How many there are.
    #[serde(default, deserialize_with = "de::int")]
    pub count: i64,
    /// The cap (10 today), `maxCount`.
    #[serde(
        rename(deserialize = "maxCount"),
        alias = "max_count",
        default,
        deserialize_with = "de::int"
    )]
    pub max_count: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assistant_list_reads_wechat_keys() {
        let l: AssistantList = serde_json::from_str(
            r#"{"list": [{"timestamp": 1700000000, "headimg": "http://h", "nickname": "小助手",
                "alias": "helper_1", "openid": "oX"}], "count": 1, "maxCount": 10, "errcode": 0}"#,
        )
        .unwrap();
        assert_eq!(l.max_count, 10);
        assert_eq!(l.list[0].username, "helper_1");
        assert_eq!(l.list[0].head_img, "http://h");
        assert_eq!(l.list[0].updated_at, 1_700_000_000);
    }
}
