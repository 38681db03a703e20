//! L1–L5: the goods library (add, audit, withdraw, delete, update).

use serde_json::Value;

use super::Call;
use crate::fields;
use crate::http::envelope::{ApiError, ApiResult};
use crate::http::params::Params;
use crate::state::goods::{Goods, APPROVED, IN_REVIEW, REJECTED, UNAUDITED};
use crate::state::media::SlotLimit;
use crate::validate::{cjk_width, is_page_path, violates, yuan_to_fen};

/// Goods image slot: at most 300×300 px.
const GOODS_IMG: SlotLimit = SlotLimit {
    max_w: 300,
    max_h: 300,
    max_bytes: usize::MAX,
};

fn price_error() -> ApiError {
    ApiError::new(300003, "price invalid")
}

fn goods_not_found() -> ApiError {
    ApiError::new(300024, "goods not found")
}

fn check_name(name: &str) -> Result<(), ApiError> {
    if !(1..=28).contains(&cjk_width(name)) {
        return Err(ApiError::new(300002, "name length invalid"));
    }
    if violates(name) {
        return Err(ApiError::new(300004, "goods name violates rules"));
    }
    Ok(())
}

/// Price type and amounts (fen) after the type's rules.
fn check_prices(price_type: i64, price: i64, price2: Option<i64>) -> Result<i64, ApiError> {
    match (price_type, price2) {
        (1, _) => Ok(0),
        (2, Some(p2)) if price < p2 => Ok(p2),
        (3, Some(p2)) if p2 < price => Ok(p2),
        _ => Err(price_error()),
    }
}

fn read_price(p: &Params, name: &str) -> Result<Option<i64>, ApiError> {
    match p.raw(name) {
        None => Ok(None),
        Some(v) => yuan_to_fen(v).map(Some).ok_or_else(price_error),
    }
}

fn check_cover(c: &Call<'_>, media: &str) -> Result<(), ApiError> {
    if c.st.media.usable(media, c.now).is_none() {
        return Err(ApiError::new(
            300006,
            "image upload failed, media_id invalid or expired",
        ));
    }
    if !c.st.media.fits(media, c.now, GOODS_IMG) {
        return Err(ApiError::new(300018, "image size too large"));
    }
    Ok(())
}

fn read_goods_key(p: &Params) -> Result<Option<Vec<String>>, ApiError> {
    match p.raw("goodsKey") {
        None => Ok(None),
        Some(v) => string_array(v).map(Some),
    }
}

/// `goodsKey` must be an array of strings (setkey and goods add).
pub fn string_array(v: &Value) -> Result<Vec<String>, ApiError> {
    let bad = || ApiError::new(200002, "goodsKey must be Array<string>");
    let arr = v.as_array().ok_or_else(bad)?;
    arr.iter()
        .map(|x| x.as_str().map(str::to_owned).ok_or_else(bad))
        .collect()
}

/// L1 `POST /wxaapi/broadcast/goods/add`: adds and submits for audit.
pub fn add(c: &mut Call<'_>) -> ApiResult {
    let info = c.p.req_object("goodsInfo")?;
    let cover = info.req_str("coverImgUrl")?.to_owned();
    let name = info.req_str("name")?.to_owned();
    let price_type = info.req_int("priceType")?;
    if !info.has("price") {
        return Err(ApiError::missing("price"));
    }
    let url = info.req_str("url")?.to_owned();
    let third_party_appid = info.opt_str("thirdPartyAppid")?.unwrap_or("").to_owned();
    let goods_key = read_goods_key(&info)?.unwrap_or_default();
    check_name(&name)?;
    let price = read_price(&info, "price")?.ok_or_else(price_error)?;
    let price2 = check_prices(price_type, price, read_price(&info, "price2")?)?;
    check_cover(c, &cover)?;
    if !is_page_path(&url) {
        return Err(ApiError::new(300007, "url not in released mini program"));
    }
    let (id, audit_id) = c.st.library.alloc_ids();
    c.st.library.by_id.insert(
        id,
        Goods {
            id,
            audit_id,
            cover_media: cover,
            name,
            price_type,
            price,
            price2,
            url,
            third_party_appid,
            goods_key,
            audit_status: IN_REVIEW,
            submitted_at: c.now,
            from_console: false,
        },
    );
    Ok(fields! { "goodsId" => id, "auditId" => audit_id })
}

/// L2 `POST /wxaapi/broadcast/goods/resetaudit`: withdraws a running audit.
pub fn reset_audit(c: &mut Call<'_>) -> ApiResult {
    let goods_id = c.p.req_id("goodsId")?;
    let audit_id = c.p.req_id("auditId")?;
    let now = c.now;
    let g =
        c.st.library
            .get_mut(goods_id, now)
            .ok_or_else(goods_not_found)?;
    if g.audit_status != IN_REVIEW {
        return Err(ApiError::new(300017, "goods not submitted for audit"));
    }
    if g.audit_id != audit_id {
        return Err(ApiError::new(300009, "withdraw audit failed"));
    }
    g.audit_status = UNAUDITED;
    Ok(fields! {})
}

/// L3 `POST /wxaapi/broadcast/goods/audit`: re-submits a withdrawn (or rejected) goods.
pub fn audit(c: &mut Call<'_>) -> ApiResult {
    let goods_id = c.p.req_id("goodsId")?;
    let now = c.now;
    let audit_id = c.st.library.next_audit_id + 1;
    let g =
        c.st.library
            .get_mut(goods_id, now)
            .ok_or_else(goods_not_found)?;
    if g.from_console {
        return Err(ApiError::new(
            300011,
            "illegal operation: goods created in the console",
        ));
    }
    if !matches!(g.audit_status, UNAUDITED | REJECTED) {
        return Err(ApiError::new(300010, "wrong audit state"));
    }
    g.audit_status = IN_REVIEW;
    g.audit_id = audit_id;
    g.submitted_at = now;
    c.st.library.next_audit_id = audit_id;
    Ok(fields! { "auditId" => audit_id })
}

/// L4 `POST /wxaapi/broadcast/goods/delete`: from the library and every room's shelf.
pub fn delete(c: &mut Call<'_>) -> ApiResult {
    let goods_id = c.p.req_id("goodsId")?;
    if c.st.library.by_id.remove(&goods_id).is_none() {
        return Err(ApiError::new(300015, "goods id not found"));
    }
    for room in c.st.rooms.by_id.values_mut() {
        room.goods.retain(|g| g.goods_id != goods_id);
    }
    Ok(fields! {})
}

/// L5 `POST /wxaapi/broadcast/goods/update`: approved goods may change prices only; goods under
/// review nothing (300010); console goods nothing (300011).
pub fn update(c: &mut Call<'_>) -> ApiResult {
    let info = c.p.req_object("goodsInfo")?;
    let goods_id = info.req_id("goodsId")?;
    let now = c.now;
    let g =
        c.st.library
            .get_mut(goods_id, now)
            .ok_or_else(goods_not_found)?
            .clone();
    if g.from_console {
        return Err(ApiError::new(
            300011,
            "illegal operation: goods created in the console",
        ));
    }
    if g.audit_status == IN_REVIEW {
        return Err(ApiError::new(300010, "wrong audit state"));
    }
    let other_fields = ["coverImgUrl", "name", "url", "thirdPartyAppid", "goodsKey"];
    if g.audit_status == APPROVED && other_fields.iter().any(|f| info.has(f)) {
        return Err(ApiError::new(
            300010,
            "wrong audit state: approved goods may change prices only",
        ));
    }
    let mut next = g;
    if let Some(name) = info.opt_str("name")? {
        check_name(name)?;
        next.name = name.to_owned();
    }
    if let Some(t) = info.opt_int("priceType")? {
        next.price_type = t;
    }
    if let Some(p) = read_price(&info, "price")? {
        next.price = p;
    }
    let price2 = read_price(&info, "price2")?.or((next.price2 > 0).then_some(next.price2));
    next.price2 = check_prices(next.price_type, next.price, price2)?;
    if let Some(cover) = info.opt_str("coverImgUrl")? {
        check_cover(c, cover)?;
        next.cover_media = cover.to_owned();
    }
    if let Some(url) = info.opt_str("url")? {
        if !is_page_path(url) {
            return Err(ApiError::new(300007, "url not in released mini program"));
        }
        next.url = url.to_owned();
    }
    if let Some(appid) = info.opt_str("thirdPartyAppid")? {
        next.third_party_appid = appid.to_owned();
    }
    if let Some(keys) = read_goods_key(&info)? {
        next.goods_key = keys;
    }
    c.st.library.by_id.insert(goods_id, next);
    Ok(fields! {})
}
