//! Account members and their roles (M1–M3).

use serde::{Deserialize, Serialize};

use super::de;
use super::Role;

/// A member as getrolelist answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// WeChat ID, masked by WeChat (e.g. `o0****0o`).
    #[serde(default, deserialize_with = "de::string")]
    pub username: String,
    /// Nickname.
    #[serde(default, deserialize_with = "de::string")]
    pub nickname: String,
    /// Openid.
    #[serde(default, deserialize_with = "de::string")]
    pub openid: String,
    /// Avatar URL (`headingimg`).
    #[serde(
        rename(deserialize = "headingimg"),
        alias = "head_img",
        alias = "headimg",
        default,
        deserialize_with = "de::string"
    )]
    pub head_img: String,
    /// Roles held (`roleList`); codes this client does not know are left out.
    #[serde(
        rename(deserialize = "roleList"),
        alias = "roles",
        default,
        deserialize_with = "de::codes"
    )]
    pub roles: Vec<Role>,
    /// Last change, unix seconds (`updateTimestamp`, a string in WeChat's tables).
    #[serde(
        rename(deserialize = "updateTimestamp"),
        alias = "updated_at",
        default,
        deserialize_with = "de::int"
    )]
    pub updated_at: i64,
}

/// One page of getrolelist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberPage {
    /// Members matching the query (all pages).
    #[serde(default, deserialize_with = "de::int")]
    pub total: i64,
    /// This page (`list`).
    #[serde(
        rename(deserialize = "list"),
        alias = "members",
        default,
        deserialize_with = "de::vec"
    )]
    pub members: Vec<Member>,
}

/// A getrolelist query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberQuery {
    /// Only members with this role; `None` lists all (WeChat's -1).
    pub role: Option<Role>,
    /// 0-based offset.
    pub offset: u32,
    /// Page size, at most 30.
    pub limit: u32,
    /// WeChat ID or nickname to search for.
    pub keyword: Option<String>,
}

impl MemberQuery {
    /// WeChat's largest page.
    pub const MAX_LIMIT: u32 = 30;
}

impl Default for MemberQuery {
    fn default() -> Self {
        Self {
            role: None,
            offset: 0,
            limit: Self::MAX_LIMIT,
            keyword: None,
        }
    }
}

/// The outcome of assigning a role (M1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum RoleAdded {
    /// The role is assigned.
    Added,
    /// Not assigned yet: the person must real-name verify first by scanning the code at `code_url`
    /// (WeChat's `codeurl`, with errcode 400002 or alongside success), then the call is repeated.
    NeedsVerification {
        /// URL of the mini program code to scan.
        code_url: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_page_reads_roles_and_string_timestamps() {
        let p: MemberPage = serde_json::from_str(
            r#"{"total": 2, "list": [
                {"headingimg": "http://h", "nickname": "王", "openid": "o1", "roleList": [1, 2, 9],
                 "updateTimestamp": "1700000000", "username": "o0****0o"},
                {"nickname": "李", "roleList": null, "updateTimestamp": 1700000001}]}"#,
        )
        .unwrap();
        assert_eq!(p.total, 2);
        assert_eq!(p.members[0].roles, vec![Role::Admin, Role::Anchor]);
        assert_eq!(p.members[0].updated_at, 1_700_000_000);
        assert_eq!(p.members[0].head_img, "http://h");
        assert!(p.members[1].roles.is_empty());
        assert_eq!(p.members[1].updated_at, 1_700_000_001);
    }
}
