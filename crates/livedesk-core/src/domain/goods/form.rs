//! WeChat's goods rules on the forms, per field in the user's language, and the forms turned into
//! WeChat's requests. Form keys are WeChat's `goodsInfo` names without the prefix, so a field
//! WeChat names in an errcode is the form's field too.

use wechat_live::model::{GoodsUpdate, NewGoods};
use wechat_live::validate::{self, PriceType, Rule, Violation};
use wechat_live::Fen;

use super::{GoodsChange, GoodsEditable, GoodsForm};
use crate::base::error::{CoreError, CoreResult};
use crate::base::field::{field_error, FieldError};
use crate::base::locale::Locale;
use crate::infra::store::GoodsRow;

/// Audit states (WeChat's codes).
pub const UNAUDITED: u8 = 0;
pub const UNDER_REVIEW: u8 = 1;
pub const APPROVED: u8 = 2;
pub const REJECTED: u8 = 3;

fn price_type(code: u8) -> Result<PriceType, Violation> {
    PriceType::from_code(i64::from(code))
        .ok_or_else(|| Violation::new("goodsInfo.priceType", Rule::Required))
}

/// The prices typed, as fen; `price2` only for the types that take one.
fn prices(
    t: PriceType,
    price: &str,
    price2: &str,
    out: &mut Vec<Violation>,
) -> Option<(Fen, Option<Fen>)> {
    let p1 = validate::price_text("goodsInfo.price", price).map_err(|v| out.push(v));
    let p2 = if t.needs_price2() {
        validate::price_text("goodsInfo.price2", price2)
            .map(Some)
            .map_err(|v| out.push(v))
    } else {
        Ok(None)
    };
    Some((p1.ok()?, p2.ok()?))
}

/// Every broken rule of the add form, in field order.
pub fn violations(form: &GoodsForm) -> Vec<Violation> {
    let mut out = Vec::new();
    if form.cover_img_url.is_none() {
        out.push(Violation::new("goodsInfo.coverImgUrl", Rule::Required));
    }
    let t = match price_type(form.price_type) {
        Ok(t) => t,
        Err(v) => {
            out.push(v);
            PriceType::Fixed
        }
    };
    let mut price_errors = Vec::new();
    let parsed = prices(t, &form.price, &form.price2, &mut price_errors);
    let (price, price2) = parsed.unwrap_or((Fen(1), t.needs_price2().then_some(Fen(2))));
    let mut rest = validate::goods_form(&validate::GoodsForm {
        name: &form.name,
        url: &form.url,
        price_type: t,
        price,
        price2,
    });
    if parsed.is_none() {
        // The amounts did not parse: their own errors replace the relations between them.
        rest.retain(|v| !v.field.starts_with("goodsInfo.price"));
        rest.extend(price_errors);
    }
    out.extend(rest);
    out
}

/// The add form's broken rules for the UI.
pub fn field_errors(form: &GoodsForm, locale: Locale) -> Vec<FieldError> {
    violations(form)
        .iter()
        .map(|v| field_error(v, locale))
        .collect()
}

/// The add request, once the cover has a media id.
pub fn new_goods(form: &GoodsForm, cover_media_id: String) -> CoreResult<NewGoods> {
    if let Some(v) = violations(form).into_iter().next() {
        return Err(CoreError::Violation(v));
    }
    let t = price_type(form.price_type).map_err(CoreError::Violation)?;
    let mut sink = Vec::new();
    let (price, price2) = prices(t, &form.price, &form.price2, &mut sink)
        .ok_or_else(|| CoreError::Violation(sink.remove(0)))?;
    let appid = form.third_party_appid.trim();
    Ok(NewGoods {
        cover_img: cover_media_id,
        name: form.name.trim().to_owned(),
        price_type: t,
        price,
        price2,
        url: form.url.trim().to_owned(),
        third_party_appid: (!appid.is_empty()).then(|| appid.to_owned()),
        goods_key: None,
    })
}

/// What WeChat lets be changed in these goods.
pub fn editable(g: &GoodsRow) -> GoodsEditable {
    if !matches!(g.third_party_tag, Some(1 | 2) | None) {
        return GoodsEditable::Console;
    }
    match g.audit_status {
        UNDER_REVIEW => GoodsEditable::Nothing,
        APPROVED => GoodsEditable::PriceOnly,
        _ => GoodsEditable::All,
    }
}

/// The refusal WeChat would answer, said before sending.
fn refuse(zh: &str, en: &str) -> CoreError {
    CoreError::invalid("auditStatus", zh, en)
}

/// Console goods are WeChat's to refuse (300011): say it before sending.
pub fn check_not_console(g: &GoodsRow) -> CoreResult<()> {
    if editable(g) == GoodsEditable::Console {
        // Said with WeChat's own errcode, as if it had answered.
        return Err(CoreError::Refused(wechat_live::ErrCode::ConsoleGoods));
    }
    Ok(())
}

/// The update request for `change` on `current`, within the state rules; the new cover's media id
/// is passed in once uploaded.
pub fn goods_update(
    current: &GoodsRow,
    change: &GoodsChange,
    cover_media_id: Option<String>,
) -> CoreResult<GoodsUpdate> {
    check_not_console(current)?;
    let rule = editable(current);
    if rule == GoodsEditable::Nothing {
        return Err(refuse(
            "商品正在审核中，不能修改；请先撤回审核",
            "The goods are under review and cannot be changed: withdraw the audit first",
        ));
    }
    let non_price = change.cover_img_url.is_some()
        || change.name.is_some()
        || change.url.is_some()
        || change.third_party_appid.is_some();
    if rule == GoodsEditable::PriceOnly && non_price {
        return Err(refuse(
            "已通过审核的商品只能修改价格",
            "Approved goods can only have their price changed",
        ));
    }
    let t = match change.price_type {
        Some(code) => price_type(code).map_err(CoreError::Violation)?,
        None => PriceType::from_code(i64::from(current.price_type)).unwrap_or(PriceType::Fixed),
    };
    let price_changed =
        change.price_type.is_some() || change.price.is_some() || change.price2.is_some();
    let (price, price2) = if price_changed {
        // The form sends the whole price: type, amount and second amount are checked together.
        let p1 = change
            .price
            .clone()
            .unwrap_or_else(|| Fen(current.price).to_yuan_string());
        let p2 = change.price2.clone().unwrap_or_else(|| {
            current
                .price2
                .map(|p| Fen(p).to_yuan_string())
                .unwrap_or_default()
        });
        let mut errors = Vec::new();
        let (a, b) = prices(t, &p1, &p2, &mut errors)
            .ok_or_else(|| CoreError::Violation(errors.remove(0)))?;
        validate::price(t, a, b).map_err(CoreError::Violation)?;
        (Some(a), b)
    } else {
        (None, None)
    };
    if let Some(name) = &change.name {
        validate::goods_name(name).map_err(CoreError::Violation)?;
    }
    if let Some(url) = &change.url {
        validate::goods_url(url).map_err(CoreError::Violation)?;
    }
    Ok(GoodsUpdate {
        goods_id: current.goods_id,
        cover_img: cover_media_id,
        name: change.name.as_ref().map(|n| n.trim().to_owned()),
        price_type: price_changed.then_some(t),
        price,
        price2,
        url: change.url.as_ref().map(|u| u.trim().to_owned()),
        third_party_appid: change
            .third_party_appid
            .as_ref()
            .map(|a| a.trim().to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> GoodsForm {
        GoodsForm {
            cover_img_url: None,
            name: "保温杯 500ml".into(),
            price_type: 1,
            price: "99.90".into(),
            price2: String::new(),
            url: "pages/goods/detail?id=1".into(),
            third_party_appid: String::new(),
        }
    }

    fn keys(f: &GoodsForm) -> Vec<(String, String)> {
        field_errors(f, Locale::En)
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn each_field_is_checked_with_form_keys() {
        assert_eq!(keys(&form()), [("coverImgUrl".into(), "required".into())]);
        let mut f = form();
        f.name = "这是一个非常非常长的商品名称超过十四个字".into();
        f.price = "9.999".into();
        f.url = "https://shop.example.com/g".into();
        let got: Vec<String> = keys(&f).into_iter().map(|(k, _)| k).collect();
        assert_eq!(got, ["coverImgUrl", "name", "url", "price"]);
    }

    #[test]
    fn ranges_and_discounts_need_their_order() {
        let mut f = form();
        f.price_type = 2;
        f.price = "20".into();
        f.price2 = "10".into();
        assert!(keys(&f).contains(&("price2".into(), "price_order".into())));
        f.price_type = 3;
        assert!(
            !keys(&f).iter().any(|(k, _)| k == "price2"),
            "discount: 10 < 20"
        );
        f.price2 = String::new();
        assert!(keys(&f).contains(&("price2".into(), "required".into())));
    }

    #[test]
    fn yuan_become_fen_and_fixed_prices_send_no_second_amount() {
        let mut f = form();
        f.price2 = "5".into();
        let g = new_goods(
            &GoodsForm {
                cover_img_url: Some(image()),
                ..f
            },
            "media-1".into(),
        )
        .unwrap();
        assert_eq!(
            (g.price, g.price2, g.cover_img.as_str()),
            (Fen(9990), None, "media-1")
        );
    }

    fn image() -> crate::infra::media::ImageRef {
        crate::infra::media::ImageRef {
            slot: crate::infra::media::ImageSlot::Goods,
            local_id: "ab".into(),
            width: 300,
            height: 300,
            bytes: 1000,
            preview: String::new(),
            media_id: None,
            uploaded_at: None,
        }
    }

    fn row(status: u8, tag: Option<u8>) -> GoodsRow {
        GoodsRow {
            goods_id: 5,
            audit_id: Some(9),
            name: "杯".into(),
            cover_url: String::new(),
            url: "pages/g".into(),
            price_type: 1,
            price: 1000,
            price2: None,
            third_party_appid: String::new(),
            third_party_tag: tag,
            audit_status: status,
            seen_at: 0,
        }
    }

    #[test]
    fn state_rules_are_said_before_sending() {
        let rename = GoodsChange {
            goods_id: 5,
            name: Some("新杯".into()),
            ..Default::default()
        };
        let reprice = GoodsChange {
            goods_id: 5,
            price: Some("12.5".into()),
            ..Default::default()
        };
        assert!(goods_update(&row(UNAUDITED, Some(2)), &rename, None).is_ok());
        assert!(goods_update(&row(REJECTED, Some(2)), &rename, None).is_ok());
        assert!(goods_update(&row(UNDER_REVIEW, Some(2)), &reprice, None).is_err());
        assert!(goods_update(&row(APPROVED, Some(2)), &rename, None).is_err());
        let u = goods_update(&row(APPROVED, Some(2)), &reprice, None).unwrap();
        assert_eq!(
            (u.price, u.price_type, u.name),
            (Some(Fen(1250)), Some(PriceType::Fixed), None)
        );
        assert_eq!(editable(&row(APPROVED, Some(0))), GoodsEditable::Console);
        assert!(goods_update(&row(UNAUDITED, Some(0)), &rename, None).is_err());
    }
}
