//! The rooms service: one place owns each flow. A form is validated, its pictures uploaded, its
//! draft saved and the room created here; lists are cached; the push address and share code come
//! from [`share`].

mod form;
mod share;
mod types;
mod views;

use wechat_live::model::RoomEdit;
use wechat_live::ErrCode;

pub use form::{field_error, new_room, validate_form, MEDIA_REUSE_SECS};
pub use share::{push_address, qr_svg, share_code, share_save};
pub use types::*;

use crate::clock::unix_now;
use crate::error::{CoreError, CoreResult};
use crate::images;
use crate::journal::{self, Action, Write};
use crate::sandbox::SANDBOX_ID;
use crate::store::StoreError;
use crate::Core;

/// The cached list (instant).
pub fn cached(core: &Core, account_id: &str) -> CoreResult<RoomList> {
    match core.store.cached_rooms(account_id)? {
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
pub async fn refresh(core: &Core, account_id: &str) -> CoreResult<RoomList> {
    let started = std::time::Instant::now();
    let client = core.client(account_id)?;
    let rooms = client.rooms().list_all().await?;
    let listed = started.elapsed();
    let views = {
        let mut covers = core.covers.lock().await;
        views::views_with_covers(&rooms, &mut covers).await
    };
    log::info!(
        "rooms of {account_id}: {} listed in {} ms, with covers after {} ms",
        rooms.len(),
        listed.as_millis(),
        started.elapsed().as_millis()
    );
    crate::monitor::observe(core, account_id, &views);
    let at = unix_now();
    core.store.save_rooms(
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

async fn now_for(core: &Core, account_id: &str) -> CoreResult<i64> {
    if account_id == SANDBOX_ID {
        core.sandbox.sync_clock().await;
    }
    Ok(core.client(account_id)?.now())
}

/// The form's broken rules.
pub async fn validate(
    core: &Core,
    account_id: &str,
    form: &RoomForm,
) -> CoreResult<Vec<FieldError>> {
    let now = now_for(core, account_id).await?;
    Ok(form::validate_form(form, now, core.locale.get()))
}

/// Saves the draft.
pub fn save_draft(core: &Core, account_id: &str, form: &RoomForm) -> CoreResult<()> {
    let json = serde_json::to_string(form).map_err(StoreError::from)?;
    core.store.save_draft(account_id, &json, unix_now())?;
    Ok(())
}

/// Validates, uploads the images that need it (saving their media ids in the draft), creates.
pub async fn create(core: &Core, account_id: &str, mut form: RoomForm) -> CoreResult<RoomCreated> {
    let client = core.client(account_id)?;
    // The form survives a failed submit, whatever fails.
    save_draft(core, account_id, &form)?;
    check_and_upload(core, account_id, &client, &mut form).await?;
    // A later failure keeps the fresh media ids.
    save_draft(core, account_id, &form)?;
    let room = form::new_room(&form)?;
    let w = Write::new(account_id, Action::RoomCreate).subject(&form.name);
    let sent = client.rooms().create(&room);
    match journal::record_learning(core, w, sent, |id| (Some(*id), None)).await? {
        Ok(room_id) => {
            core.store.clear_draft(account_id)?;
            Ok(RoomCreated { room_id })
        }
        Err(e) if e.code() == Some(ErrCode::AnchorNotVerified) => {
            let qrcode_url = e.qrcode_url().unwrap_or_default().to_owned();
            let qrcode = if qrcode_url.is_empty() {
                String::new()
            } else {
                images::remote_data_url(&qrcode_url)
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
    core: &Core,
    account_id: &str,
    form: &RoomForm,
) -> CoreResult<Option<RoomCreated>> {
    let list = refresh(core, account_id).await?;
    let found = list.rooms.iter().find(|r| {
        r.name == form.name
            && Some(r.start_time) == form.start_time
            && Some(r.end_time) == form.end_time
            && r.anchor_name == form.anchor_name
    });
    if found.is_some() {
        core.store.clear_draft(account_id)?;
    }
    Ok(found.map(|r| RoomCreated { room_id: r.id }))
}

/// The account's draft, if any (an unreadable one counts as none).
pub fn load_draft(core: &Core, account_id: &str) -> CoreResult<Option<RoomForm>> {
    let json = core.store.draft(account_id)?;
    Ok(json.and_then(|j| match serde_json::from_str(&j) {
        Ok(form) => Some(form),
        Err(e) => {
            log::warn!("ignoring an unreadable draft: {e}");
            None
        }
    }))
}

/// Drops the account's draft.
pub fn clear_draft(core: &Core, account_id: &str) -> CoreResult<()> {
    Ok(core.store.clear_draft(account_id)?)
}

/// WeChat's rules first (nothing is sent when one fails), then a media id for every picture that has
/// none or whose id is about to expire. Shared by create and edit.
async fn check_and_upload(
    core: &Core,
    account_id: &str,
    client: &wechat_live::Client,
    form: &mut RoomForm,
) -> CoreResult<()> {
    let now = now_for(core, account_id).await?;
    if let Some(first) = form::violations(form, now).into_iter().next() {
        return Err(CoreError::Violation(first));
    }
    for img in [
        &mut form.cover_img,
        &mut form.share_img,
        &mut form.feeds_img,
    ]
    .into_iter()
    .flatten()
    {
        if form::needs_upload(img, now) {
            upload(core, client, img).await?;
        }
    }
    Ok(())
}

async fn upload(core: &Core, client: &wechat_live::Client, img: &mut ImageRef) -> CoreResult<()> {
    let media = images::upload(&core.media_dir, client, img).await?;
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
pub async fn edit_load(core: &Core, account_id: &str, room_id: i64) -> CoreResult<RoomForm> {
    let fresh = match refresh(core, account_id).await {
        Ok(list) => list,
        // Offline: the last-known list still prefills the form.
        Err(e) => {
            let list = cached(core, account_id)?;
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
pub async fn edit(
    core: &Core,
    account_id: &str,
    room_id: i64,
    mut form: RoomForm,
) -> CoreResult<()> {
    let client = core.client(account_id)?;
    check_and_upload(core, account_id, &client, &mut form).await?;
    let room = form::new_room(&form)?;
    let w = Write::new(account_id, Action::RoomEdit)
        .room(room_id)
        .subject(&form.name);
    let edit = RoomEdit::from(&room);
    match journal::record(core, w, client.rooms().edit(room_id, &edit)).await? {
        Ok(()) => Ok(()),
        Err(e) if e.code() == Some(ErrCode::RoomStateForbids) => {
            Err(CoreError::NotEditable(Box::new(e)))
        }
        Err(e) => Err(e.into()),
    }
}

/// Deletes a room; while its show is on, only once unlocked ([`crate::live::lock`]).
pub async fn delete(core: &Core, account_id: &str, room_id: i64) -> CoreResult<()> {
    crate::live::lock::guard_room(core, account_id, room_id).await?;
    let client = core.client(account_id)?;
    let subject = cached(core, account_id)?
        .rooms
        .into_iter()
        .find(|r| r.id == room_id)
        .map(|r| r.name)
        .unwrap_or_default();
    let w = Write::new(account_id, Action::RoomDelete)
        .room(room_id)
        .subject(subject);
    journal::record(core, w, client.rooms().delete(room_id)).await??;
    Ok(())
}
