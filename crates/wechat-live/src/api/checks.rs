//! Local checks run before a request is sent, built on [`crate::validate`]. The first violation
//! becomes [`Error::Validation`](crate::Error::Validation); nothing is sent.

use crate::model::{GoodsUpdate, NewGoods, NewRoom, RoomEdit};
use crate::validate::{self, GoodsForm, RoomForm, Rule, Violation};
use crate::Result;

/// WeChat's cap on openids per push_message call.
pub(super) const MAX_OPENIDS: usize = 2000;

fn first(violations: Vec<Violation>) -> Result<()> {
    match violations.into_iter().next() {
        Some(v) => Err(v.into()),
        None => Ok(()),
    }
}

fn required(field: &'static str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Violation::new(field, Rule::Required).into());
    }
    Ok(())
}

fn images(cover: &str, share: &str, feeds: &str) -> Result<()> {
    required("coverImg", cover)?;
    required("shareImg", share)?;
    required("feedsImg", feeds)
}

/// R1: names, WeChat IDs, time window, and the three image media ids.
pub(super) fn new_room(r: &NewRoom, now: i64) -> Result<()> {
    fields(
        &r.fields,
        r.sub_anchor_wechat.as_deref(),
        r.creater_wechat.as_deref(),
        now,
    )
}

/// R4: the same rules as create, minus the fields edit does not take.
pub(super) fn room_edit(r: &RoomEdit, now: i64) -> Result<()> {
    fields(r, None, None, now)
}

fn fields(r: &RoomEdit, sub: Option<&str>, creator: Option<&str>, now: i64) -> Result<()> {
    first(validate::room_form(
        &RoomForm {
            name: &r.name,
            anchor_name: &r.anchor_name,
            anchor_wechat: &r.anchor_wechat,
            start_time: r.start_time,
            end_time: r.end_time,
            sub_anchor_wechat: sub,
            creater_wechat: creator,
        },
        now,
    ))?;
    images(&r.cover_img, &r.share_img, &r.feeds_img)
}

/// R6 `params`: at most 600 characters.
pub(super) fn share_params(params: &str) -> Result<()> {
    Ok(validate::share_params(params)?)
}

/// L1: name, page path, price rules, image media id.
pub(super) fn new_goods(g: &NewGoods) -> Result<()> {
    first(validate::goods_form(&GoodsForm {
        name: &g.name,
        url: &g.url,
        price_type: g.price_type,
        price: g.price,
        price2: g.price2,
    }))?;
    required("goodsInfo.coverImgUrl", &g.cover_img)
}

/// L5: each field that is set. Price relations are checked when the type and price are both
/// given; otherwise the stored values they combine with are WeChat's to check.
pub(super) fn goods_update(u: &GoodsUpdate) -> Result<()> {
    if let Some(name) = &u.name {
        validate::goods_name(name)?;
    }
    if let Some(url) = &u.url {
        validate::goods_url(url)?;
    }
    if let Some(cover) = &u.cover_img {
        required("goodsInfo.coverImgUrl", cover)?;
    }
    if let (Some(price_type), Some(price)) = (u.price_type, u.price) {
        validate::price(price_type, price, u.price2)?;
    }
    Ok(())
}

/// S2: 1 to 2000 openids.
pub(super) fn openids(openids: &[String]) -> Result<()> {
    if openids.is_empty() {
        return Err(Violation::new("user_openid", Rule::Required).into());
    }
    if openids.len() > MAX_OPENIDS {
        let rule = Rule::TooLong {
            max: MAX_OPENIDS,
            actual: openids.len(),
        };
        return Err(Violation::new("user_openid", rule).into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn field(r: Result<()>) -> Option<&'static str> {
        match r {
            Err(Error::Validation { field, .. }) => Some(field),
            _ => None,
        }
    }

    #[test]
    fn openids_need_one_to_two_thousand() {
        assert_eq!(field(openids(&[])), Some("user_openid"));
        assert!(openids(&vec!["o".to_owned(); 2000]).is_ok());
        assert_eq!(
            field(openids(&vec!["o".to_owned(); 2001])),
            Some("user_openid")
        );
    }

    #[test]
    fn share_params_over_600_characters_are_refused() {
        assert!(share_params(&"参".repeat(600)).is_ok());
        assert_eq!(field(share_params(&"a".repeat(601))), Some("params"));
    }
}
