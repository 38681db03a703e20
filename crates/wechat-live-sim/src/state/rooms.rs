//! Live rooms and their status machine (101–107) on the simulator clock.

use std::collections::BTreeMap;

/// Seconds an abnormal (106) room waits before it is ended (103).
pub const ABNORMAL_GRACE: i64 = 15 * 60;
/// Seconds after the end before a replay (and goods clips) exist.
pub const REPLAY_DELAY: i64 = 10 * 60;
/// How long a replay's media URL stays valid.
pub const REPLAY_TTL: i64 = 90 * 86_400;

pub const LIVE: i64 = 101;
pub const NOT_STARTED: i64 = 102;
pub const ENDED: i64 = 103;
pub const BANNED: i64 = 104;
pub const PAUSED: i64 = 105;
pub const ABNORMAL: i64 = 106;
pub const EXPIRED: i64 = 107;

#[derive(Debug, Clone)]
pub struct RoomGoods {
    pub goods_id: u64,
    pub on_sale: bool,
    /// First time the goods was pushed while the room was live (its explanation clip).
    pub pushed_live_at: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Assistant {
    pub username: String,
    pub nickname: String,
    pub openid: String,
    pub updated_at: i64,
}

#[derive(Debug, Clone)]
pub struct Room {
    pub id: u64,
    pub name: String,
    pub cover_media: String,
    pub share_media: String,
    pub feeds_media: String,
    pub start_time: i64,
    pub end_time: i64,
    pub anchor_name: String,
    pub anchor_wechat: String,
    pub sub_anchor: Option<String>,
    pub creater_wechat: Option<String>,
    pub creater_openid: String,
    pub live_type: i64,
    pub is_feeds_public: i64,
    pub close_like: i64,
    pub close_goods: i64,
    pub close_comment: i64,
    pub close_replay: i64,
    pub close_share: i64,
    pub close_kf: i64,
    pub ban_comment: i64,
    pub status: i64,
    pub abnormal_since: Option<i64>,
    pub ended_at: Option<i64>,
    pub goods: Vec<RoomGoods>,
    pub assistants: Vec<Assistant>,
    pub push_key: String,
}

impl Room {
    /// Applies the time-driven transitions: 102 → 107 after the planned end, 106 → 103 after 15 min.
    pub fn refresh(&mut self, now: i64) {
        if self.status == NOT_STARTED && now > self.end_time {
            self.status = EXPIRED;
        }
        if self.status == ABNORMAL {
            if let Some(since) = self.abnormal_since {
                if now >= since + ABNORMAL_GRACE {
                    self.status = ENDED;
                    self.ended_at = Some(since + ABNORMAL_GRACE);
                }
            }
        }
    }

    /// A forced transition (control plane), keeping the timestamps later rules need.
    pub fn force_status(&mut self, status: i64, now: i64) {
        match status {
            ABNORMAL => self.abnormal_since = Some(now),
            ENDED if self.ended_at.is_none() => self.ended_at = Some(now),
            LIVE => {
                self.abnormal_since = None;
                self.ended_at = None;
            }
            _ => {}
        }
        self.status = status;
    }

    /// The room is over (no operation that needs a future or running room may touch it).
    pub fn is_over(&self) -> bool {
        matches!(self.status, ENDED | BANNED | EXPIRED)
    }

    pub fn stream_name(&self, app_id: &str) -> String {
        format!("{app_id}-{}", self.id)
    }

    /// txSecret of a push address: lower-case hex md5(push key + stream + txTime hex) (§6).
    pub fn push_signature(&self, stream: &str, tx_time: &str) -> String {
        use md5::{Digest, Md5};
        let mut h = Md5::new();
        h.update(self.push_key.as_bytes());
        h.update(stream.as_bytes());
        h.update(tx_time.as_bytes());
        hex::encode(h.finalize())
    }

    /// Replay availability instant, if the room has ended.
    pub fn replay_at(&self) -> Option<i64> {
        if self.status == ENDED {
            self.ended_at.map(|t| t + REPLAY_DELAY)
        } else {
            None
        }
    }
}

#[derive(Debug, Default)]
pub struct Rooms {
    pub by_id: BTreeMap<u64, Room>,
    pub next_id: u64,
}

impl Rooms {
    pub fn alloc_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// A room by id with its time rules applied.
    pub fn get_mut(&mut self, id: u64, now: i64) -> Option<&mut Room> {
        let room = self.by_id.get_mut(&id)?;
        room.refresh(now);
        Some(room)
    }

    pub fn refresh_all(&mut self, now: i64) {
        for room in self.by_id.values_mut() {
            room.refresh(now);
        }
    }
}
