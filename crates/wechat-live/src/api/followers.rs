//! Long-term subscribers (S1) and the start-of-live message to them (S2).

use serde::Deserialize;
use serde_json::{Map, Value};

use super::checks;
use crate::client::Safety;
use crate::model::de;
use crate::model::{Follower, FollowerPage};
use crate::{Client, Result};

const FOLLOWERS: &str = "/wxa/business/get_wxa_followers";
const PUSH_MESSAGE: &str = "/wxa/business/push_message";

/// WeChat's largest follower page.
const MAX_PAGE: u32 = 2000;
/// Stops a `page_break` that never ends the list from looping forever.
const MAX_PAGES: usize = 10_000;

/// Follower operations; from [`Client::followers`].
#[derive(Debug, Clone, Copy)]
pub struct Followers<'a> {
    client: &'a Client,
}

#[derive(Deserialize)]
struct Pushed {
    #[serde(default, deserialize_with = "de::string")]
    message_id: String,
}

impl<'a> Followers<'a> {
    pub(super) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// One page of followers (S1). `limit` defaults to 200 at WeChat (max 2000); `page_break` is
    /// `None` for the first page, then the previous page's value.
    pub async fn page(self, limit: Option<u32>, page_break: Option<i64>) -> Result<FollowerPage> {
        let mut body = Map::new();
        if let Some(l) = limit {
            body.insert("limit".into(), l.into());
        }
        if let Some(pb) = page_break {
            body.insert("page_break".into(), pb.into());
        }
        self.client
            .post(FOLLOWERS, &Value::Object(body), Safety::Idempotent)
            .await
    }

    /// Every follower, page by page (each page needs the previous one's `page_break`). Stops at a
    /// short or empty page, or when WeChat gives no new `page_break`.
    pub async fn list_all(self) -> Result<Vec<Follower>> {
        let mut all = Vec::new();
        let mut page_break = None;
        for _ in 0..MAX_PAGES {
            let page = self.page(Some(MAX_PAGE), page_break).await?;
            let n = page.followers.len();
            all.extend(page.followers);
            if n < MAX_PAGE as usize || page.page_break.is_none() || page.page_break == page_break {
                break;
            }
            page_break = page.page_break;
        }
        Ok(all)
    }

    /// Tells followers the room is live (S2) and answers WeChat's message id; the outcome arrives
    /// later as an event. At most 2000 openids per call (checked before sending); one room per day.
    ///
    /// Sent once: a repeat would message people twice, or be refused (9410005) and lose the id.
    pub async fn push_message(self, room_id: i64, openids: &[String]) -> Result<String> {
        checks::openids(openids)?;
        let body = serde_json::json!({ "room_id": room_id, "user_openid": openids });
        let p: Pushed = self.client.post(PUSH_MESSAGE, &body, Safety::Once).await?;
        Ok(p.message_id)
    }
}
