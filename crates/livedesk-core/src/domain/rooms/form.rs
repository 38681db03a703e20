//! The room form: WeChat's rules on it, per field in the user's language, and the form turned
//! into WeChat's create request once its pictures have media ids.

use wechat_live::model::{NewRoom, RoomEdit, RoomType};
use wechat_live::validate::{self, Rule, Violation};

use super::{FieldError, ImageRef, RoomForm};
use crate::base::error::{CoreError, CoreResult};
use crate::base::field::field_error;
use crate::base::locale::Locale;

/// A media id older than this (3 days minus a margin for the time the create takes) is uploaded
/// again.
pub const MEDIA_REUSE_SECS: i64 = wechat_live::model::MediaId::LIFETIME_SECS - 3600;

/// Every broken rule of the form, per field, in the user's language. Warnings are left out.
pub fn validate_form(form: &RoomForm, now: i64, locale: Locale) -> Vec<FieldError> {
    violations(form, now)
        .iter()
        .map(|v| field_error(v, locale))
        .collect()
}

/// Every broken rule of the form (warnings left out), in field order.
pub fn violations(form: &RoomForm, now: i64) -> Vec<Violation> {
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
    out.retain(|v| !v.rule.is_warning());
    out
}

/// Whether an image must be (re-)uploaded before use.
pub fn needs_upload(img: &ImageRef, now: i64) -> bool {
    match (&img.media_id, img.uploaded_at) {
        (Some(id), Some(at)) if !id.is_empty() => now - at >= MEDIA_REUSE_SECS,
        _ => true,
    }
}

/// The create request, once every image has a media id.
pub fn new_room(form: &RoomForm) -> CoreResult<NewRoom> {
    let media = |img: &Option<ImageRef>, field: &str| -> CoreResult<String> {
        img.as_ref()
            .and_then(|i| i.media_id.clone())
            .ok_or_else(|| CoreError::invalid(field, "请选择图片", "Pick a picture"))
    };
    let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    Ok(NewRoom {
        fields: RoomEdit {
            name: form.name.clone(),
            cover_img: media(&form.cover_img, "coverImg")?,
            start_time: form.start_time.ok_or_else(|| {
                CoreError::invalid("startTime", "请选择开播时间", "Pick a start time")
            })?,
            end_time: form.end_time.ok_or_else(|| {
                CoreError::invalid("endTime", "请选择结束时间", "Pick an end time")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rooms::ImageSlot;

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
