//! Rooms (R1–R7): create, list, replays, delete, edit, push address, share code, goods import.
//! Assistants, sub-anchor and switches are in `room_people.rs` and `room_switches.rs`.

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{checks, paging};
use crate::client::Safety;
use crate::errcode::ErrCode;
use crate::model::de;
use crate::model::{NewRoom, PushAddress, ReplayPage, Room, RoomEdit, RoomPage, ShareCode};
use crate::push_url::PushUrl;
use crate::{Client, Error, Result};

const CREATE: &str = "/wxaapi/broadcast/room/create";
const LIST: &str = "/wxa/business/getliveinfo";
const DELETE: &str = "/wxaapi/broadcast/room/deleteroom";
const EDIT: &str = "/wxaapi/broadcast/room/editroom";
const PUSH_URL: &str = "/wxaapi/broadcast/room/getpushurl";
const SHARE_CODE: &str = "/wxaapi/broadcast/room/getsharedcode";
const ADD_GOODS: &str = "/wxaapi/broadcast/room/addgoods";

/// getliveinfo's page size cap ("keep within 100").
pub(crate) const ROOM_PAGE: u32 = 100;

/// Room operations; from [`Client::rooms`].
#[derive(Debug, Clone, Copy)]
pub struct Rooms<'a> {
    pub(super) client: &'a Client,
}

#[derive(Deserialize)]
struct Created {
    #[serde(rename = "roomId", deserialize_with = "de::int")]
    room_id: i64,
}

#[derive(Serialize)]
struct EditBody<'e> {
    id: i64,
    #[serde(flatten)]
    edit: &'e RoomEdit,
}

#[derive(Deserialize)]
struct PushAnswer {
    #[serde(rename = "pushAddr", deserialize_with = "de::string")]
    push_addr: String,
}

impl<'a> Rooms<'a> {
    pub(super) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// Creates a room (R1) and answers its id. The form is validated first (nothing is sent if a
    /// rule is broken).
    ///
    /// An anchor who is not real-name verified gives `Err` with code 300036;
    /// [`Error::qrcode_url`] holds the code the anchor must scan before trying again.
    ///
    /// Never sent twice blindly. If the request may have reached WeChat but no answer came
    /// ([`Error::is_ambiguous`]), the rooms are listed and one with the same name, start, end,
    /// anchor name and type is taken as the one created (the newest if several). Only when none
    /// is found is the request sent once more. If the listing itself fails, the original error is
    /// returned: the room may exist, and the caller should look before retrying.
    pub async fn create(self, room: &NewRoom) -> Result<i64> {
        checks::new_room(room, self.client.now())?;
        match self.send_create(room).await {
            Err(e) if e.is_ambiguous() => self.recover_create(room, e).await,
            other => other,
        }
    }

    async fn send_create(self, room: &NewRoom) -> Result<i64> {
        let created: Created = self.client.post(CREATE, room, Safety::Once).await?;
        Ok(created.room_id)
    }

    async fn recover_create(self, room: &NewRoom, first: Error) -> Result<i64> {
        let Ok(rooms) = self.list_all().await else {
            return Err(first);
        };
        let found = rooms
            .iter()
            .filter(|r| same_room(r, room))
            .map(|r| r.id)
            .max();
        match found {
            Some(id) => Ok(id),
            None => self.send_create(room).await,
        }
    }

    /// One page of rooms (R2), newest start first. `limit` is capped at 100 by WeChat. WeChat's
    /// "empty room list" (9410000, also past the last page) is an empty page here.
    pub async fn list_page(self, start: u32, limit: u32) -> Result<RoomPage> {
        let body = json!({ "start": start, "limit": limit });
        empty_on_9410000(self.client.post(LIST, &body, Safety::Idempotent).await)
    }

    /// Every room of the account: the first page gives the total, the rest are fetched
    /// concurrently within the client's page concurrency.
    pub async fn list_all(self) -> Result<Vec<Room>> {
        let mut rooms = paging::all_pages(self.client, ROOM_PAGE, |start| async move {
            let page = self.list_page(start, ROOM_PAGE).await?;
            Ok((page.total, page.rooms))
        })
        .await?;
        paging::dedup_by_key(&mut rooms, |r| r.id);
        Ok(rooms)
    }

    /// One room by id (WeChat has no single-room read: this lists all rooms).
    pub async fn get(self, room_id: i64) -> Result<Option<Room>> {
        Ok(self.list_all().await?.into_iter().find(|r| r.id == room_id))
    }

    /// One page of a room's replay segments (R2 with `action=get_replay`); empty while none exist.
    pub async fn replays(self, room_id: i64, start: u32, limit: u32) -> Result<ReplayPage> {
        let body =
            json!({ "action": "get_replay", "room_id": room_id, "start": start, "limit": limit });
        empty_on_9410000(self.client.post(LIST, &body, Safety::Idempotent).await)
    }

    /// Deletes a room (R3; WeChat's key is `id`).
    pub async fn delete(self, room_id: i64) -> Result<()> {
        let body = json!({ "id": room_id });
        let _: IgnoredAny = self.client.post(DELETE, &body, Safety::Idempotent).await?;
        Ok(())
    }

    /// Edits a room that has not started (R4; key `id`). Validated like [`Rooms::create`].
    /// Sending the same edit twice leaves the same room, so it is retried like a read.
    pub async fn edit(self, room_id: i64, edit: &RoomEdit) -> Result<()> {
        checks::room_edit(edit, self.client.now())?;
        let body = EditBody { id: room_id, edit };
        let _: IgnoredAny = self.client.post(EDIT, &body, Safety::Idempotent).await?;
        Ok(())
    }

    /// The RTMP push address of a push-type room (R5; `roomId` in the query), split for OBS.
    pub async fn push_url(self, room_id: i64) -> Result<PushAddress> {
        let query = [("roomId", room_id.to_string())];
        let answer: PushAnswer = self.client.get(PUSH_URL, &query).await?;
        // The address carries the stream secret: never put it in an error.
        let url = PushUrl::parse(&answer.push_addr)
            .map_err(|e| Error::decode(format!("pushAddr: {e}"), b"<push address withheld>"))?;
        Ok(PushAddress { room_id, url })
    }

    /// The room's mini program code, page path and poster (R6; `roomId` in the query).
    /// `params` are custom params for the plugin (≤ 600 characters), sent as given.
    pub async fn share_code(self, room_id: i64, params: Option<&str>) -> Result<ShareCode> {
        let mut query = vec![("roomId", room_id.to_string())];
        if let Some(p) = params {
            checks::share_params(p)?;
            query.push(("params", p.to_owned()));
        }
        self.client.get(SHARE_CODE, &query).await
    }

    /// Imports approved library goods into a room (R7).
    ///
    /// Retried like a read: WeChat's import is incremental and importing goods already in the room
    /// changes nothing, so a repeat after a lost answer is harmless (unlike create).
    pub async fn add_goods(self, room_id: i64, goods_ids: &[i64]) -> Result<()> {
        let body = json!({ "ids": goods_ids, "roomId": room_id });
        let _: IgnoredAny = self
            .client
            .post(ADD_GOODS, &body, Safety::Idempotent)
            .await?;
        Ok(())
    }
}

/// What identifies a room we created when its id was lost: everything we chose about it.
fn same_room(r: &Room, sent: &NewRoom) -> bool {
    let f = &sent.fields;
    r.name == f.name
        && r.start_time == f.start_time
        && r.end_time == f.end_time
        && r.anchor_name == f.anchor_name
        && r.room_type.is_none_or(|t| t == sent.room_type)
}

/// getliveinfo reports an empty list as errcode 9410000; it is not a failure.
fn empty_on_9410000<T: Default>(r: Result<T>) -> Result<T> {
    match r {
        Err(e) if matches!(e.code(), Some(ErrCode::EmptyRoomList)) => Ok(T::default()),
        other => other,
    }
}
