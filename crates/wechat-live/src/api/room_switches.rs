//! Room switches that can change after creation (R16–R19). Setting a switch twice leaves the same
//! state, so all are retried like reads.

use serde::de::IgnoredAny;
use serde_json::json;

use super::Rooms;
use crate::client::Safety;
use crate::Result;

const FEEDS_PUBLIC: &str = "/wxaapi/broadcast/room/updatefeedpublic";
const REPLAY: &str = "/wxaapi/broadcast/room/updatereplay";
const KF: &str = "/wxaapi/broadcast/room/updatekf";
const COMMENT: &str = "/wxaapi/broadcast/room/updatecomment";

impl Rooms<'_> {
    /// Includes the room in WeChat's official feed, or not (R16).
    pub async fn set_feeds_public(self, room_id: i64, public: bool) -> Result<()> {
        self.switch(
            FEEDS_PUBLIC,
            json!({ "roomId": room_id, "isFeedsPublic": u8::from(public) }),
        )
        .await
    }

    /// Turns the replay on or off (R17; WeChat's `closeReplay` is the inverse).
    pub async fn set_replay(self, room_id: i64, enabled: bool) -> Result<()> {
        self.switch(
            REPLAY,
            json!({ "roomId": room_id, "closeReplay": u8::from(!enabled) }),
        )
        .await
    }

    /// Turns customer service on or off (R18; `closeKf` is the inverse). On needs KF set up in MP.
    pub async fn set_kf(self, room_id: i64, enabled: bool) -> Result<()> {
        self.switch(
            KF,
            json!({ "roomId": room_id, "closeKf": u8::from(!enabled) }),
        )
        .await
    }

    /// Mutes or unmutes every viewer's comments (R19; sent with `roomId`, as every SDK does).
    pub async fn set_comment_ban(self, room_id: i64, banned: bool) -> Result<()> {
        self.switch(
            COMMENT,
            json!({ "roomId": room_id, "banComment": u8::from(banned) }),
        )
        .await
    }

    async fn switch(self, path: &'static str, body: serde_json::Value) -> Result<()> {
        let _: IgnoredAny = self.client.post(path, &body, Safety::Idempotent).await?;
        Ok(())
    }
}
