//! L6 getgoodswarehouse (both paths), L7 getapproved, L8/L9 pendant goods key.

use serde_json::{json, Value};

use super::Call;
use crate::fields;
use crate::http::envelope::{ApiError, ApiResult};

/// Goods ids per getgoodswarehouse call.
const MAX_WAREHOUSE_IDS: usize = 20;

/// L6 `POST /wxa/business/getgoodswarehouse` (also `/wxaapi/broadcast/getgoodswarehouse`):
/// snake_case keys, prices in fen; unknown ids are left out.
pub fn warehouse(c: &mut Call<'_>) -> ApiResult {
    let ids = c.p.req_ids("goods_ids")?;
    if ids.len() > MAX_WAREHOUSE_IDS {
        return Err(ApiError::invalid("goods_ids"));
    }
    let now = c.now;
    let mut goods = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(g) = c.st.library.get_mut(id, now) else {
            continue;
        };
        let g = g.clone();
        goods.push(json!({
            "goods_id": g.id,
            "name": g.name,
            "cover_img_url": c.sim.media_url(&g.cover_media),
            "url": g.url,
            "price_type": g.price_type,
            "price": g.price,
            "price2": g.price2,
            "audit_status": g.audit_status,
            "third_party_tag": g.third_party_tag(),
            "thirdPartyAppid": g.third_party_appid,
        }));
    }
    Ok(fields! { "total" => goods.len(), "goods" => goods })
}

/// L7 `GET /wxaapi/broadcast/goods/getapproved?offset=&limit=&status=`: camelCase keys.
pub fn approved(c: &mut Call<'_>) -> ApiResult {
    let status = c.p.req_int("status")?;
    if !(0..=3).contains(&status) {
        return Err(ApiError::invalid("status"));
    }
    let offset = c.p.opt_int("offset")?.unwrap_or(0);
    let limit = c.p.opt_int("limit")?.unwrap_or(30);
    if offset < 0 {
        return Err(ApiError::invalid("offset"));
    }
    if limit < 1 {
        return Err(ApiError::invalid("limit"));
    }
    let (offset, limit) = (offset as usize, limit.min(100) as usize);
    let now = c.now;
    c.st.library.refresh_all(now);
    let matching =
        c.st.library
            .by_id
            .values()
            .filter(|g| g.audit_status == status);
    let total = matching.clone().count();
    let goods: Vec<Value> = matching
        .skip(offset)
        .take(limit)
        .map(|g| {
            json!({
                "goodsId": g.id,
                "coverImgUrl": c.sim.media_url(&g.cover_media),
                "name": g.name,
                "price": g.price,
                "price2": g.price2,
                "url": g.url,
                "priceType": g.price_type,
                "thirdPartyTag": g.third_party_tag(),
                "thirdPartyAppid": g.third_party_appid,
            })
        })
        .collect();
    Ok(fields! { "total" => total, "goods" => goods })
}

/// L8 `POST /wxaapi/broadcast/goods/setkey`.
pub fn set_key(c: &mut Call<'_>) -> ApiResult {
    let v =
        c.p.raw("goodsKey")
            .ok_or_else(|| ApiError::missing("goodsKey"))?;
    let keys = super::library::string_array(v)?;
    c.st.library.vendor_key = keys;
    Ok(fields! {})
}

/// L9 `GET /wxaapi/broadcast/goods/getkey`.
pub fn get_key(c: &mut Call<'_>) -> ApiResult {
    Ok(fields! { "vendorGoodsKey" => c.st.library.vendor_key.clone() })
}
