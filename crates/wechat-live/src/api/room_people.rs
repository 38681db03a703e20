//! A room's assistants (R8–R11) and sub-anchor (R12–R15).

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::json;

use super::Rooms;
use crate::client::Safety;
use crate::model::de;
use crate::model::{AssistantList, NewAssistant};
use crate::Result;

const ADD_ASSISTANT: &str = "/wxaapi/broadcast/room/addassistant";
const MODIFY_ASSISTANT: &str = "/wxaapi/broadcast/room/modifyassistant";
const REMOVE_ASSISTANT: &str = "/wxaapi/broadcast/room/removeassistant";
const ASSISTANTS: &str = "/wxaapi/broadcast/room/getassistantlist";
const ADD_SUB_ANCHOR: &str = "/wxaapi/broadcast/room/addsubanchor";
const MODIFY_SUB_ANCHOR: &str = "/wxaapi/broadcast/room/modifysubanchor";
const DELETE_SUB_ANCHOR: &str = "/wxaapi/broadcast/room/deletesubanchor";
const SUB_ANCHOR: &str = "/wxaapi/broadcast/room/getsubanchor";

#[derive(Deserialize)]
struct SubAnchor {
    #[serde(default, deserialize_with = "de::opt_string")]
    username: Option<String>,
}

impl Rooms<'_> {
    /// Adds assistants to a room (R8; at most 10 per room).
    ///
    /// Sent once: a repeat after a lost answer could be refused as a duplicate, hiding that the
    /// first attempt worked. After an ambiguous error, check [`Rooms::assistants`].
    pub async fn add_assistants(self, room_id: i64, users: &[NewAssistant]) -> Result<()> {
        let body = json!({ "roomId": room_id, "users": users });
        let _: IgnoredAny = self.client.post(ADD_ASSISTANT, &body, Safety::Once).await?;
        Ok(())
    }

    /// Renames an assistant (R9).
    pub async fn modify_assistant(
        self,
        room_id: i64,
        username: &str,
        nickname: &str,
    ) -> Result<()> {
        let body = json!({ "roomId": room_id, "username": username, "nickname": nickname });
        let _: IgnoredAny = self
            .client
            .post(MODIFY_ASSISTANT, &body, Safety::Idempotent)
            .await?;
        Ok(())
    }

    /// Removes an assistant (R10).
    pub async fn remove_assistant(self, room_id: i64, username: &str) -> Result<()> {
        let body = json!({ "roomId": room_id, "username": username });
        let _: IgnoredAny = self
            .client
            .post(REMOVE_ASSISTANT, &body, Safety::Idempotent)
            .await?;
        Ok(())
    }

    /// A room's assistants (R11; `roomId` in the query).
    pub async fn assistants(self, room_id: i64) -> Result<AssistantList> {
        let query = [("roomId", room_id.to_string())];
        self.client.get(ASSISTANTS, &query).await
    }

    /// Sets the room's sub-anchor (R12); must be real-name verified and not the main anchor.
    ///
    /// Sent once: a repeat after a lost answer would be refused as a duplicate (500004).
    pub async fn add_sub_anchor(self, room_id: i64, username: &str) -> Result<()> {
        let body = json!({ "roomId": room_id, "username": username });
        let _: IgnoredAny = self
            .client
            .post(ADD_SUB_ANCHOR, &body, Safety::Once)
            .await?;
        Ok(())
    }

    /// Replaces the room's sub-anchor (R13).
    pub async fn modify_sub_anchor(self, room_id: i64, username: &str) -> Result<()> {
        let body = json!({ "roomId": room_id, "username": username });
        let _: IgnoredAny = self
            .client
            .post(MODIFY_SUB_ANCHOR, &body, Safety::Idempotent)
            .await?;
        Ok(())
    }

    /// Removes the room's sub-anchor (R14).
    pub async fn delete_sub_anchor(self, room_id: i64) -> Result<()> {
        let body = json!({ "roomId": room_id });
        let _: IgnoredAny = self
            .client
            .post(DELETE_SUB_ANCHOR, &body, Safety::Idempotent)
            .await?;
        Ok(())
    }

    /// The room's sub-anchor WeChat ID (R15), `None` when there is none.
    pub async fn sub_anchor(self, room_id: i64) -> Result<Option<String>> {
        let query = [("roomId", room_id.to_string())];
        let answer: SubAnchor = self.client.get(SUB_ANCHOR, &query).await?;
        Ok(answer.username)
    }
}
