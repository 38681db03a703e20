//! What the room commands do, over the core client, the store and the image helpers.

use std::path::Path;

use qrcode::render::svg;
use qrcode::QrCode;
use wechat_live::model::RoomEdit;
use wechat_live::ErrCode;

use crate::error::{AppError, AppResult};
use crate::images;
use crate::ipc::{
    FieldError, ImageRef, PushAddress, RoomCreated, RoomForm, RoomList, RoomView, ShareCode,
    ShareImage,
};
use crate::rooms;
use crate::sandbox::SANDBOX_ID;
use crate::state::{unix_now, AppState};

/// The cached list (instant).
pub fn cached(state: &AppState, account_id: &str) -> AppResult<RoomList> {
    match state.store.cached_rooms(account_id)? {
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
pub async fn refresh(state: &AppState, account_id: &str) -> AppResult<RoomList> {
    let client = state.client(account_id)?;
    let rooms = client.rooms().list_all().await?;
    let views = {
        let mut covers = state.covers.lock().await;
        rooms::views_with_covers(&rooms, &mut covers).await
    };
    let at = unix_now();
    state.store.save_rooms(
        account_id,
        &serde_json::to_string(&views).map_err(crate::store::StoreError::from)?,
        at,
    )?;
    Ok(RoomList {
        rooms: views,
        fetched_at: Some(at),
        from_cache: false,
    })
}

async fn now_for(state: &AppState, account_id: &str) -> AppResult<i64> {
    if account_id == SANDBOX_ID {
        state.sandbox.sync_clock().await;
    }
    Ok(state.client(account_id)?.now())
}

/// The form's broken rules.
pub async fn validate(
    state: &AppState,
    account_id: &str,
    form: &RoomForm,
) -> AppResult<Vec<FieldError>> {
    let now = now_for(state, account_id).await?;
    Ok(rooms::validate_form(form, now, state.locale.get()))
}

/// Saves the draft.
pub fn save_draft(state: &AppState, account_id: &str, form: &RoomForm) -> AppResult<()> {
    let json = serde_json::to_string(form).map_err(crate::store::StoreError::from)?;
    state.store.save_draft(account_id, &json, unix_now())?;
    Ok(())
}

/// Validates, uploads the images that need it (saving their media ids in the draft), creates.
pub async fn create(
    state: &AppState,
    account_id: &str,
    mut form: RoomForm,
) -> AppResult<RoomCreated> {
    let client = state.client(account_id)?;
    // The form survives a failed submit, whatever fails.
    save_draft(state, account_id, &form)?;
    check_and_upload(state, account_id, &client, &mut form).await?;
    // A later failure keeps the fresh media ids.
    save_draft(state, account_id, &form)?;
    let room = rooms::new_room(&form)?;
    match client.rooms().create(&room).await {
        Ok(room_id) => {
            state.store.clear_draft(account_id)?;
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
            Err(AppError::AnchorNotVerified {
                source: Box::new(e),
                qrcode,
                qrcode_url,
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// WeChat's rules first (nothing is sent when one fails), then a media id for every picture that has
/// none or whose id is about to expire. Shared by create and edit.
async fn check_and_upload(
    state: &AppState,
    account_id: &str,
    client: &wechat_live::Client,
    form: &mut RoomForm,
) -> AppResult<()> {
    let now = now_for(state, account_id).await?;
    if let Some(first) = rooms::validate_form(form, now, state.locale.get())
        .into_iter()
        .next()
    {
        // The message is already in the user's language: the same text in both slots.
        return Err(AppError::Invalid {
            field: first.field,
            zh: first.message.clone(),
            en: first.message,
        });
    }
    for img in [
        &mut form.cover_img,
        &mut form.share_img,
        &mut form.feeds_img,
    ]
    .into_iter()
    .flatten()
    {
        if rooms::needs_upload(img, now) {
            upload(state, client, img).await?;
        }
    }
    Ok(())
}

async fn upload(
    state: &AppState,
    client: &wechat_live::Client,
    img: &mut ImageRef,
) -> AppResult<()> {
    let path = images::local_path(&state.media_dir, &img.local_id)?;
    let bytes = std::fs::read(&path).map_err(|_| {
        AppError::image(
            "找不到之前准备的图片，请重新选择",
            "The prepared picture is gone: pick it again",
        )
    })?;
    let media = client
        .media()
        .upload_for_slot(img.slot.core(), &format!("{}.jpg", img.local_id), bytes)
        .await?;
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
pub async fn edit_load(state: &AppState, account_id: &str, room_id: i64) -> AppResult<RoomForm> {
    let fresh = match refresh(state, account_id).await {
        Ok(list) => list,
        // Offline: the last-known list still prefills the form.
        Err(e) => {
            let list = cached(state, account_id)?;
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
        .ok_or_else(|| AppError::not_found(format!("room {room_id}")))?;
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
    state: &AppState,
    account_id: &str,
    room_id: i64,
    mut form: RoomForm,
) -> AppResult<()> {
    let client = state.client(account_id)?;
    check_and_upload(state, account_id, &client, &mut form).await?;
    let room = rooms::new_room(&form)?;
    match client.rooms().edit(room_id, &RoomEdit::from(&room)).await {
        Ok(()) => Ok(()),
        Err(e) if e.code() == Some(ErrCode::RoomStateForbids) => {
            Err(AppError::NotEditable(Box::new(e)))
        }
        Err(e) => Err(e.into()),
    }
}

/// Deletes a room.
pub async fn delete(state: &AppState, account_id: &str, room_id: i64) -> AppResult<()> {
    state.client(account_id)?.rooms().delete(room_id).await?;
    Ok(())
}

/// The push address for OBS, with a QR code of the full URL.
pub async fn push_address(
    state: &AppState,
    account_id: &str,
    room_id: i64,
) -> AppResult<PushAddress> {
    let addr = state.client(account_id)?.rooms().push_url(room_id).await?;
    let url = &addr.url;
    Ok(PushAddress {
        server: url.server(),
        stream_key: url.stream_key(),
        full_url: url.full().to_owned(),
        expires_at: url.expires_at(),
        qr_svg: qr_svg(url.full())?,
    })
}

/// An SVG QR code of `text`.
pub fn qr_svg(text: &str) -> AppResult<String> {
    let code = QrCode::new(text.as_bytes()).map_err(|e| {
        AppError::image(
            format!("无法生成二维码：{e}"),
            format!("Cannot make the QR code: {e}"),
        )
    })?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(240, 240)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

/// The share code with its images fetched (kept for "save as PNG").
pub async fn share_code(
    state: &AppState,
    account_id: &str,
    room_id: i64,
    params: Option<String>,
) -> AppResult<ShareCode> {
    let params = params.filter(|p| !p.is_empty());
    let code = state
        .client(account_id)?
        .rooms()
        .share_code(room_id, params.as_deref())
        .await?;
    let qr = images::fetch_remote(&code.cdn_url).await?;
    let poster = images::fetch_remote(&code.poster_url).await?;
    let out = ShareCode {
        page_path: code.page_path,
        qrcode: images::data_url(images::image_mime(&qr).unwrap_or("image/png"), &qr),
        poster: images::data_url(images::image_mime(&poster).unwrap_or("image/png"), &poster),
    };
    state
        .share_images
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert((account_id.to_owned(), room_id), (qr, poster));
    Ok(out)
}

/// Writes the QR code or poster as PNG.
pub async fn share_save(
    state: &AppState,
    account_id: &str,
    room_id: i64,
    which: ShareImage,
    path: &Path,
) -> AppResult<()> {
    let key = (account_id.to_owned(), room_id);
    let cached = state
        .share_images
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&key)
        .cloned();
    let (qr, poster) = match cached {
        Some(pair) => pair,
        None => {
            share_code(state, account_id, room_id, None).await?;
            state
                .share_images
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .get(&key)
                .cloned()
                .ok_or_else(|| AppError::not_found("share code"))?
        }
    };
    let bytes = match which {
        ShareImage::Qrcode => qr,
        ShareImage::Poster => poster,
    };
    let png = images::to_png(&bytes)?;
    std::fs::write(path, png).map_err(|e| {
        AppError::image(
            format!("无法保存到 {}：{e}", path.display()),
            format!("Cannot save to {}: {e}", path.display()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_is_an_svg() {
        let svg = qr_svg("rtmp://127.0.0.1:1/live/wx-1?txSecret=a&txTime=b").unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
    }
}
