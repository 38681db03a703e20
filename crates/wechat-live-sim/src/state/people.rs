//! Account members with roles, and long-term subscription followers.

use std::collections::{BTreeMap, BTreeSet};

pub const ROLE_SUPER_ADMIN: i64 = 0;
pub const ROLE_ADMIN: i64 = 1;
pub const ROLE_ANCHOR: i64 = 2;

#[derive(Debug, Clone)]
pub struct Member {
    pub nickname: String,
    pub openid: String,
    pub roles: BTreeSet<i64>,
    pub updated_at: i64,
}

#[derive(Debug, Clone)]
pub struct Follower {
    pub openid: String,
    pub subscribe_time: i64,
    pub room_id: u64,
    pub room_status: i64,
}

#[derive(Debug, Default)]
pub struct People {
    /// Keyed by WeChat ID.
    pub members: BTreeMap<String, Member>,
    pub followers: Vec<Follower>,
    /// (Beijing day, room) of the last subscriber push: one room per day.
    pub pushed_today: Option<(i64, u64)>,
}

impl People {
    pub fn role_count(&self, role: i64) -> usize {
        self.members
            .values()
            .filter(|m| m.roles.contains(&role))
            .count()
    }
}

/// Role limits (400003).
pub fn role_limit(role: i64) -> usize {
    match role {
        ROLE_ADMIN => 10,
        _ => 500,
    }
}

/// A stable openid for a WeChat ID under this app (28 chars, like WeChat's).
pub fn openid_for(app_id: &str, username: &str) -> String {
    use md5::{Digest, Md5};
    let digest = Md5::digest(format!("{app_id}:{username}").as_bytes());
    let hex = hex::encode(digest);
    format!("o{}", &hex[..27])
}
