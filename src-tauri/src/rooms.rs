//! Rooms between the UI's shapes and the core's: list views with cover thumbnails, the form's
//! validation in the user's language, and the form turned into WeChat's create request.

use std::collections::HashMap;

use self::futures_lite_join::join_all_limited;
use wechat_live::model::{LiveStatus, NewRoom, Room, RoomEdit, RoomType};
use wechat_live::validate::{self, Rule, Violation};

use crate::error::{AppError, AppResult, Locale};
use crate::images;
use crate::ipc::{FieldError, ImageRef, RoomForm, RoomView};

/// A media id older than this (3 days minus a margin for the time the create takes) is uploaded
/// again.
pub const MEDIA_REUSE_SECS: i64 = wechat_live::model::MediaId::LIFETIME_SECS - 3600;

/// The list view of a core room, with its cover as a thumbnail data URL (or "").
pub fn view(room: &Room, cover: String) -> RoomView {
    RoomView {
        id: room.id,
        name: room.name.clone(),
        status: status_code(room.status),
        room_type: match room.room_type {
            Some(RoomType::Push) => 1,
            _ => 0,
        },
        start_time: room.start_time,
        end_time: room.end_time,
        anchor_name: room.anchor_name.clone(),
        cover_img: cover,
        goods_count: room.goods.len() as u32,
        close_like: room.close_like,
        close_goods: room.close_goods,
        close_comment: room.close_comment,
        close_replay: room.close_replay,
        // getliveinfo does not report the share switch.
        close_share: false,
        close_kf: room.close_kf,
        is_feeds_public: room.feeds_public,
    }
}

fn status_code(s: LiveStatus) -> u16 {
    u16::try_from(s.code()).unwrap_or(0)
}

/// Fetches the rooms' covers (a few at a time, each URL once) as thumbnails; a cover that cannot
/// be fetched shows as "" rather than failing the list.
pub async fn views_with_covers(
    rooms: &[Room],
    known: &mut HashMap<String, String>,
) -> Vec<RoomView> {
    let missing: Vec<String> = {
        let mut v: Vec<String> = rooms
            .iter()
            .map(|r| r.cover_img.clone())
            .filter(|u| !u.is_empty() && !known.contains_key(u))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let fetched = join_all_limited(missing, 4, |url| async move {
        let thumb = match images::fetch_remote(&url).await {
            Ok(bytes) => images::thumbnail_data_url(&bytes, images::THUMB_SIDE).unwrap_or_default(),
            Err(_) => String::new(),
        };
        (url, thumb)
    })
    .await;
    known.extend(fetched);
    rooms
        .iter()
        .map(|r| view(r, known.get(&r.cover_img).cloned().unwrap_or_default()))
        .collect()
}

/// Every broken rule of the form, per field, in the user's language. Warnings are left out.
pub fn validate_form(form: &RoomForm, now: i64, locale: Locale) -> Vec<FieldError> {
    let mut out: Vec<Violation> = Vec::new();
    let core = validate::RoomForm {
        name: &form.name,
        anchor_name: &form.anchor_name,
        anchor_wechat: &form.anchor_wechat,
        start_time: form.start_time.unwrap_or(0),
        end_time: form.end_time.unwrap_or(0),
        sub_anchor_wechat: Some(form.sub_anchor_wechat.as_str()),
        creater_wechat: Some(form.creater_wechat.as_str()),
    };
    for v in validate::room_form(&core, now) {
        let time_field = matches!(v.field, "startTime" | "endTime");
        // An unset time is "required", not "too soon".
        if time_field && form.start_time.is_none() {
            continue;
        }
        if v.field == "endTime" && form.end_time.is_none() {
            continue;
        }
        out.push(v);
    }
    if form.start_time.is_none() {
        out.push(Violation::new("startTime", Rule::Required));
    }
    if form.end_time.is_none() {
        out.push(Violation::new("endTime", Rule::Required));
    }
    for (field, img) in [
        ("coverImg", &form.cover_img),
        ("shareImg", &form.share_img),
        ("feedsImg", &form.feeds_img),
    ] {
        match img {
            None => out.push(Violation::new(field, Rule::Required)),
            Some(i) => {
                if let Err(v) =
                    validate::image(i.slot.core(), i.width, i.height, u64::from(i.bytes))
                {
                    out.push(Violation::new(field, v.rule));
                }
            }
        }
    }
    out.into_iter()
        .filter(|v| !v.rule.is_warning())
        .map(|v| field_error(&v, locale))
        .collect()
}

/// One violation for the UI.
pub fn field_error(v: &Violation, locale: Locale) -> FieldError {
    let code = serde_json::to_value(&v.rule)
        .ok()
        .and_then(|j| j.get("rule").and_then(|r| r.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "invalid".into());
    FieldError {
        field: v.field.to_owned(),
        code,
        message: locale.pick(v.message_zh(), v.message_en()),
    }
}

/// Whether an image must be (re-)uploaded before use.
pub fn needs_upload(img: &ImageRef, now: i64) -> bool {
    match (&img.media_id, img.uploaded_at) {
        (Some(id), Some(at)) if !id.is_empty() => now - at >= MEDIA_REUSE_SECS,
        _ => true,
    }
}

/// The create request, once every image has a media id.
pub fn new_room(form: &RoomForm) -> AppResult<NewRoom> {
    let media = |img: &Option<ImageRef>, field: &str| -> AppResult<String> {
        img.as_ref()
            .and_then(|i| i.media_id.clone())
            .ok_or_else(|| AppError::invalid(field, "请选择图片", "Pick a picture"))
    };
    let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    Ok(NewRoom {
        fields: RoomEdit {
            name: form.name.clone(),
            cover_img: media(&form.cover_img, "coverImg")?,
            start_time: form.start_time.ok_or_else(|| {
                AppError::invalid("startTime", "请选择开播时间", "Pick a start time")
            })?,
            end_time: form.end_time.ok_or_else(|| {
                AppError::invalid("endTime", "请选择结束时间", "Pick an end time")
            })?,
            anchor_name: form.anchor_name.clone(),
            anchor_wechat: form.anchor_wechat.trim().to_owned(),
            share_img: media(&form.share_img, "shareImg")?,
            feeds_img: media(&form.feeds_img, "feedsImg")?,
            feeds_public: Some(form.is_feeds_public),
            close_like: form.close_like,
            close_goods: form.close_goods,
            close_comment: form.close_comment,
            close_replay: Some(form.close_replay),
            close_share: Some(form.close_share),
            close_kf: Some(form.close_kf),
        },
        room_type: if form.room_type == 1 {
            RoomType::Push
        } else {
            RoomType::Phone
        },
        sub_anchor_wechat: opt(&form.sub_anchor_wechat),
        creater_wechat: opt(&form.creater_wechat),
    })
}

/// Runs `f` over `items` with at most `limit` in flight; results in input order.
mod futures_lite_join {
    use std::future::Future;

    pub async fn join_all_limited<T, R, F, Fut>(items: Vec<T>, limit: usize, f: F) -> Vec<R>
    where
        F: Fn(T) -> Fut,
        Fut: Future<Output = R>,
    {
        use futures::stream::{self, StreamExt};
        stream::iter(items.into_iter().map(f))
            .buffered(limit.max(1))
            .collect()
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc::ImageSlot;

    pub(crate) fn image(slot: ImageSlot) -> ImageRef {
        ImageRef {
            slot,
            local_id: "ab".into(),
            width: 100,
            height: 100,
            bytes: 1000,
            preview: String::new(),
            media_id: None,
            uploaded_at: None,
        }
    }

    fn form(now: i64) -> RoomForm {
        RoomForm {
            name: "春季新品直播".into(),
            anchor_name: "主播小王".into(),
            anchor_wechat: "wang_anchor".into(),
            sub_anchor_wechat: String::new(),
            creater_wechat: String::new(),
            start_time: Some(now + 3600),
            end_time: Some(now + 7200),
            room_type: 1,
            close_like: false,
            close_goods: false,
            close_comment: false,
            close_replay: true,
            close_share: false,
            close_kf: true,
            is_feeds_public: true,
            cover_img: Some(image(ImageSlot::Cover)),
            share_img: Some(image(ImageSlot::Share)),
            feeds_img: Some(image(ImageSlot::Feeds)),
        }
    }

    #[test]
    fn a_good_form_has_no_errors() {
        assert_eq!(
            validate_form(&form(1_000_000), 1_000_000, Locale::En),
            vec![]
        );
    }

    #[test]
    fn errors_are_per_field_and_localized() {
        let now = 1_000_000;
        let mut f = form(now);
        f.name = "短".into();
        f.start_time = None;
        f.feeds_img = None;
        let errs = validate_form(&f, now, Locale::ZhCn);
        let fields: Vec<_> = errs
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert!(fields.contains(&("name", "width_range")), "{fields:?}");
        assert!(fields.contains(&("startTime", "required")), "{fields:?}");
        assert!(fields.contains(&("feedsImg", "required")), "{fields:?}");
        assert!(!fields
            .iter()
            .any(|(f, c)| *f == "startTime" && *c != "required"));
        let name = errs.iter().find(|e| e.field == "name").unwrap();
        assert!(name.message.contains("直播间名称"), "{}", name.message);
    }

    #[test]
    fn media_older_than_three_days_minus_margin_is_reuploaded() {
        let mut img = image(ImageSlot::Cover);
        assert!(needs_upload(&img, 10));
        img.media_id = Some("m".into());
        img.uploaded_at = Some(0);
        assert!(!needs_upload(&img, MEDIA_REUSE_SECS - 1));
        assert!(needs_upload(&img, MEDIA_REUSE_SECS));
    }

    #[test]
    fn new_room_needs_media_ids() {
        let mut f = form(0);
        assert!(new_room(&f).is_err());
        for img in [&mut f.cover_img, &mut f.share_img, &mut f.feeds_img] {
            img.as_mut().unwrap().media_id = Some("m".into());
        }
        let r = new_room(&f).unwrap();
        assert_eq!(r.room_type, RoomType::Push);
        assert_eq!(r.sub_anchor_wechat, None);
        assert_eq!(r.fields.close_kf, Some(true));
    }
}
