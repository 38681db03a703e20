//! The rooms service: one place owns each flow. A form is validated, its pictures uploaded, its
//! draft saved and the room created here; lists are cached and told to the status book
//! ([`StatusBook`]); the push address and share code come from `share`.

mod form;
mod poll;
mod share;
pub mod status;
mod types;
mod views;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use wechat_live::model::RoomEdit;
use wechat_live::ErrCode;

pub use form::{new_room, validate_form, MEDIA_REUSE_SECS};
pub use poll::Watched;
pub use status::{StatusBook, StatusChange};
pub use types::*;

use crate::base::clock::unix_now;
use crate::base::error::{CoreError, CoreResult};
use crate::base::locale::LocaleState;
use crate::base::tables::RoomKey;
use crate::infra::clients::Clients;
use crate::infra::guard::LiveGuard;
use crate::infra::media::{self, Media};
use crate::infra::store::{Store, StoreError};
use crate::journal::{Action, Journal, Write};

/// A room's share images as PNG bytes: (QR code, poster), kept for "save as PNG".
type SharePngs = (Vec<u8>, Vec<u8>);

/// Rooms: list, validate, draft, create, edit, delete, push address, share code. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Rooms {
    store: Store,
    clients: Clients,
    journal: Journal,
    media: Media,
    guard: LiveGuard,
    status: StatusBook,
    locale: LocaleState,
    share_images: Arc<Mutex<HashMap<RoomKey, SharePngs>>>,
}

impl Rooms {
    /// The rooms service over its handles.
    pub fn new(
        store: Store,
        clients: Clients,
        journal: Journal,
        media: Media,
        guard: LiveGuard,
        status: StatusBook,
        locale: LocaleState,
    ) -> Self {
        Self {
            store,
            clients,
            journal,
            media,
            guard,
            status,
            locale,
            share_images: Arc::default(),
        }
    }

    /// The status book the listings feed.
    pub fn status(&self) -> &StatusBook {
        &self.status
    }
}

impl Rooms {
    /// The cached list (instant).
    pub fn cached(&self, account_id: &str) -> CoreResult<RoomList> {
        match self.store.cached_rooms(account_id)? {
            Some((json, at)) => Ok(RoomList {
                rooms: serde_json::from_str::<Vec<RoomView>>(&json).unwrap_or_default(),
                fetched_at: Some(at),
                from_cache: true,
            }),
            None => Ok(RoomList {
                rooms: Vec::new(),
                fetched_at: None,
                from_cache: true,
            }),
        }
    }

    /// Every page from WeChat, covers as thumbnails, then cached.
    pub async fn refresh(&self, account_id: &str) -> CoreResult<RoomList> {
        let started = std::time::Instant::now();
        let client = self.clients.get(account_id)?;
        let rooms = client.rooms().list_all().await?;
        let listed = started.elapsed();
        let views = views::views_with_covers(&rooms, &self.media).await;
        log::info!(
            "rooms of {account_id}: {} listed in {} ms, with covers after {} ms",
            rooms.len(),
            listed.as_millis(),
            started.elapsed().as_millis()
        );
        self.status.observe(account_id, &views);
        let at = unix_now();
        self.store.save_rooms(
            account_id,
            &serde_json::to_string(&views).map_err(StoreError::from)?,
            at,
        )?;
        Ok(RoomList {
            rooms: views,
            fetched_at: Some(at),
            from_cache: false,
        })
    }

    /// The form's broken rules.
    pub async fn validate(&self, account_id: &str, form: &RoomForm) -> CoreResult<Vec<FieldError>> {
        let now = self.clients.now(account_id).await?;
        Ok(form::validate_form(form, now, self.locale.get()))
    }

    /// Saves the draft.
    pub fn save_draft(&self, account_id: &str, form: &RoomForm) -> CoreResult<()> {
        let json = serde_json::to_string(form).map_err(StoreError::from)?;
        self.store.save_draft(account_id, &json, unix_now())?;
        Ok(())
    }

    /// Validates, uploads the images that need it (saving their media ids in the draft), creates.
    pub async fn create(&self, account_id: &str, mut form: RoomForm) -> CoreResult<RoomCreated> {
        let client = self.clients.get(account_id)?;
        // The form survives a failed submit, whatever fails.
        self.save_draft(account_id, &form)?;
        let uploaded = self
            .check_and_upload(account_id, &client, &mut form)
            .await?;
        // A later failure keeps the fresh media ids (nothing new to keep when none was uploaded).
        if uploaded {
            self.save_draft(account_id, &form)?;
        }
        let room = form::new_room(&form)?;
        let w = Write::new(account_id, Action::RoomCreate).subject(&form.name);
        let sent = client.rooms().create(&room);
        match self
            .journal
            .record_learning(w, sent, |id| (Some(*id), None))
            .await?
        {
            Ok(room_id) => {
                self.store.clear_draft(account_id)?;
                Ok(RoomCreated { room_id })
            }
            Err(e) if e.code() == Some(ErrCode::AnchorNotVerified) => {
                let qrcode_url = e.qrcode_url().unwrap_or_default().to_owned();
                let qrcode = if qrcode_url.is_empty() {
                    String::new()
                } else {
                    media::remote_data_url(&qrcode_url)
                        .await
                        .unwrap_or_default()
                };
                Err(CoreError::AnchorNotVerified {
                    source: Box::new(e),
                    qrcode,
                    qrcode_url,
                })
            }
            // The client already looked for the room after an ambiguous failure and could not tell:
            // saying "retry" here could make the room twice.
            Err(e) if e.is_ambiguous() => Err(CoreError::MaybeSent(Box::new(e))),
            Err(e) => Err(e.into()),
        }
    }

    /// After [`CoreError::MaybeSent`]: the room list, fetched afresh, searched for the room the form
    /// describes (same name, start, end and anchor). When it is there the draft is done with.
    pub async fn find_created(
        &self,
        account_id: &str,
        form: &RoomForm,
    ) -> CoreResult<Option<RoomCreated>> {
        let list = self.refresh(account_id).await?;
        let found = list.rooms.iter().find(|r| {
            r.name == form.name
                && Some(r.start_time) == form.start_time
                && Some(r.end_time) == form.end_time
                && r.anchor_name == form.anchor_name
        });
        if found.is_some() {
            self.store.clear_draft(account_id)?;
        }
        Ok(found.map(|r| RoomCreated { room_id: r.id }))
    }

    /// The account's draft, if any (an unreadable one counts as none).
    pub fn load_draft(&self, account_id: &str) -> CoreResult<Option<RoomForm>> {
        let json = self.store.draft(account_id)?;
        Ok(json.and_then(|j| match serde_json::from_str(&j) {
            Ok(form) => Some(form),
            Err(e) => {
                log::warn!("ignoring an unreadable draft: {e}");
                None
            }
        }))
    }

    /// Drops the account's draft.
    pub fn clear_draft(&self, account_id: &str) -> CoreResult<()> {
        Ok(self.store.clear_draft(account_id)?)
    }

    /// WeChat's rules first (nothing is sent when one fails), then a media id for every picture that has
    /// none or whose id is about to expire; answers whether any was uploaded. Shared by create and
    /// edit.
    async fn check_and_upload(
        &self,
        account_id: &str,
        client: &wechat_live::Client,
        form: &mut RoomForm,
    ) -> CoreResult<bool> {
        let now = self.clients.now(account_id).await?;
        if let Some(first) = form::violations(form, now).into_iter().next() {
            return Err(CoreError::Violation(first));
        }
        let mut uploaded = false;
        for img in [
            &mut form.cover_img,
            &mut form.share_img,
            &mut form.feeds_img,
        ]
        .into_iter()
        .flatten()
        {
            if form::needs_upload(img, now) {
                self.upload(client, img).await?;
                uploaded = true;
            }
        }
        Ok(uploaded)
    }

    async fn upload(&self, client: &wechat_live::Client, img: &mut ImageRef) -> CoreResult<()> {
        let media = self.media.upload(client, img).await?;
        img.media_id = Some(media.media_id);
        img.uploaded_at = Some(if media.created_at > 0 {
            media.created_at
        } else {
            client.now()
        });
        Ok(())
    }

    /// A room that has not started, as a form to edit. WeChat's list gives neither the anchor's WeChat ID
    /// nor media ids (only image URLs): the ID starts empty and the pictures must be picked again.
    pub async fn edit_load(&self, account_id: &str, room_id: i64) -> CoreResult<RoomForm> {
        let fresh = match self.refresh(account_id).await {
            Ok(list) => list,
            // Offline: the last-known list still prefills the form.
            Err(e) => {
                let list = self.cached(account_id)?;
                if !list.rooms.iter().any(|r| r.id == room_id) {
                    return Err(e);
                }
                list
            }
        };
        let room = fresh
            .rooms
            .into_iter()
            .find(|r| r.id == room_id)
            .ok_or_else(|| CoreError::not_found(format!("room {room_id}")))?;
        Ok(RoomForm {
            name: room.name,
            anchor_name: room.anchor_name,
            anchor_wechat: String::new(),
            sub_anchor_wechat: String::new(),
            creater_wechat: String::new(),
            start_time: Some(room.start_time),
            end_time: Some(room.end_time),
            room_type: room.room_type,
            close_like: room.close_like,
            close_goods: room.close_goods,
            close_comment: room.close_comment,
            close_replay: room.close_replay,
            close_share: room.close_share,
            close_kf: room.close_kf,
            is_feeds_public: room.is_feeds_public,
            cover_img: None,
            share_img: None,
            feeds_img: None,
        })
    }

    /// Validates, uploads the images, then edits the room (WeChat: only before it starts).
    pub async fn edit(&self, account_id: &str, room_id: i64, mut form: RoomForm) -> CoreResult<()> {
        let client = self.clients.get(account_id)?;
        self.check_and_upload(account_id, &client, &mut form)
            .await?;
        let room = form::new_room(&form)?;
        let w = Write::new(account_id, Action::RoomEdit)
            .room(room_id)
            .subject(&form.name);
        let edit = RoomEdit::from(&room);
        match self
            .journal
            .record(w, client.rooms().edit(room_id, &edit))
            .await?
        {
            Ok(()) => Ok(()),
            Err(e) if e.code() == Some(ErrCode::RoomStateForbids) => {
                Err(CoreError::NotEditable(Box::new(e)))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Deletes a room; while its show is on, only once unlocked ([`crate::live::lock`]).
    pub async fn delete(&self, account_id: &str, room_id: i64) -> CoreResult<()> {
        self.guard.room(account_id, room_id).await?;
        let client = self.clients.get(account_id)?;
        let subject = self
            .cached(account_id)?
            .rooms
            .into_iter()
            .find(|r| r.id == room_id)
            .map(|r| r.name)
            .unwrap_or_default();
        let w = Write::new(account_id, Action::RoomDelete)
            .room(room_id)
            .subject(subject);
        self.journal
            .record(w, client.rooms().delete(room_id))
            .await??;
        Ok(())
    }
}
