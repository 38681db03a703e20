//! The goods library (商品库): what WeChat lists, and what is sent to add or update goods.

use serde::{Deserialize, Serialize};

use super::de;
use super::AuditStatus;
use crate::money::Fen;
use crate::validate::PriceType;

/// A library goods item, read from getgoodswarehouse (snake_case) and getapproved (camelCase) alike.
/// Prices are fen, as both answers give them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LibraryGoods {
    /// Goods id (also typed as a string in WeChat's tables).
    #[serde(alias = "goodsId", deserialize_with = "de::int")]
    pub goods_id: i64,
    /// Audit id, when known: only goods/add and goods/audit answer it, so callers must keep it.
    #[serde(alias = "auditId", default, deserialize_with = "de::opt_int")]
    pub audit_id: Option<i64>,
    /// Goods name.
    #[serde(default, deserialize_with = "de::string")]
    pub name: String,
    /// Image URL (in answers this is a URL, not the media id that was sent).
    #[serde(alias = "coverImgUrl", default, deserialize_with = "de::string")]
    pub cover_img_url: String,
    /// Mini program page of the goods.
    #[serde(default, deserialize_with = "de::string")]
    pub url: String,
    /// Price in fen (see [`PriceType`] for its meaning).
    #[serde(deserialize_with = "crate::money::serde_fen_lenient::deserialize")]
    pub price: Fen,
    /// Second price in fen for ranges and discounts.
    #[serde(
        default,
        deserialize_with = "crate::money::serde_fen_lenient_opt::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub price2: Option<Fen>,
    /// How the prices are meant.
    #[serde(alias = "priceType")]
    pub price_type: PriceType,
    /// Audit state. getapproved items lack it; the client fills in the status that was asked for.
    #[serde(alias = "auditStatus", default, deserialize_with = "de::opt_code")]
    pub audit_status: Option<AuditStatus>,
    /// 1 or 2 when added through the API; other values mean the MP console (API may not edit those).
    #[serde(alias = "thirdPartyTag", default, deserialize_with = "de::int")]
    pub third_party_tag: i64,
    /// Appid of the owning mini program; "" for the account's own.
    #[serde(alias = "thirdPartyAppid", default, deserialize_with = "de::string")]
    pub third_party_appid: String,
}

impl LibraryGoods {
    /// Whether the goods were added through the API (console-made goods reject API edits, 300011).
    pub fn added_via_api(&self) -> bool {
        matches!(self.third_party_tag, 1 | 2)
    }
}

/// One page of getapproved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LibraryPage {
    /// Goods in this status (all pages).
    #[serde(default, deserialize_with = "de::int")]
    pub total: i64,
    /// This page's goods.
    #[serde(default, deserialize_with = "de::vec")]
    pub goods: Vec<LibraryGoods>,
}

/// Goods to add and submit for audit (L1). Money is fen here and sent as yuan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewGoods {
    /// Image media id (`coverImgUrl` despite the name), ≤ 300×300 px.
    #[serde(rename = "coverImgUrl")]
    pub cover_img: String,
    /// 1–28 width units.
    pub name: String,
    /// Fixed, range or discount.
    pub price_type: PriceType,
    /// Fixed price, range low end, or original price.
    #[serde(serialize_with = "de::ser_yuan")]
    pub price: Fen,
    /// Range high end or discounted price; required for those types.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "de::ser_opt_yuan"
    )]
    pub price2: Option<Fen>,
    /// Page in the released mini program (300007 otherwise); query values URL-encoded.
    pub url: String,
    /// Appid of another mini program the goods belong to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub third_party_appid: Option<String>,
    /// Pendant keys; the global key (L8) applies when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goods_key: Option<Vec<String>>,
}

/// A change to library goods (L5): only set fields are sent. Approved goods accept only price
/// changes; goods under review accept none (300010).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoodsUpdate {
    /// The goods to change.
    pub goods_id: i64,
    /// New image media id.
    #[serde(rename = "coverImgUrl", skip_serializing_if = "Option::is_none")]
    pub cover_img: Option<String>,
    /// New name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New price type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_type: Option<PriceType>,
    /// New price.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "de::ser_opt_yuan"
    )]
    pub price: Option<Fen>,
    /// New second price.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "de::ser_opt_yuan"
    )]
    pub price2: Option<Fen>,
    /// New page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// New owning appid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub third_party_appid: Option<String>,
}

/// What goods/add answers. Keep both ids: later calls need them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoodsAdded {
    /// New goods id.
    #[serde(
        rename(deserialize = "goodsId"),
        alias = "goods_id",
        deserialize_with = "de::int"
    )]
    pub goods_id: i64,
    /// Audit id; `None` when the goods were found by listing after an ambiguous failure, since no
    /// listing answers it.
    #[serde(
        rename(deserialize = "auditId"),
        alias = "audit_id",
        default,
        deserialize_with = "de::opt_int"
    )]
    pub audit_id: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn library_goods_read_from_snake_case_warehouse_answer() {
        let g: LibraryGoods = serde_json::from_str(
            r#"{"goods_id": 51, "name": "保温杯", "cover_img_url": "http://x/1.png", "url": "pages/g?id=51",
                "price_type": 2, "price": 12300, "price2": "15000", "audit_status": 2,
                "third_party_tag": 2, "thirdPartyAppid": ""}"#,
        )
        .unwrap();
        assert_eq!(g.goods_id, 51);
        assert_eq!(g.cover_img_url, "http://x/1.png");
        assert_eq!((g.price, g.price2), (Fen(12300), Some(Fen(15000))));
        assert_eq!(g.price_type, PriceType::Range);
        assert_eq!(g.audit_status, Some(AuditStatus::Approved));
        assert!(g.added_via_api());
        assert_eq!(g.audit_id, None);
    }

    #[test]
    fn library_goods_read_from_camel_case_approved_answer() {
        let p: LibraryPage = serde_json::from_str(
            r#"{"errcode": 0, "total": 1, "goods": [{"goodsId": "9", "coverImgUrl": "http://x/9.png",
                "name": "茶", "price": 990, "price2": 0, "url": "pages/t", "priceType": 1,
                "thirdPartyTag": 0, "thirdPartyAppid": "wxo"}]}"#,
        )
        .unwrap();
        let g = &p.goods[0];
        assert_eq!(g.goods_id, 9);
        assert_eq!(g.cover_img_url, "http://x/9.png");
        assert_eq!(g.price, Fen(990));
        assert_eq!(g.price_type, PriceType::Fixed);
        assert_eq!(g.audit_status, None);
        assert!(!g.added_via_api());
        assert_eq!(g.third_party_appid, "wxo");
    }

    #[test]
    fn library_goods_round_trip_through_rust_names() {
        let g: LibraryGoods = serde_json::from_str(
            r#"{"goodsId": 9, "name": "茶", "price": 990, "priceType": 1, "auditId": 77}"#,
        )
        .unwrap();
        let back: LibraryGoods = serde_json::from_value(serde_json::to_value(&g).unwrap()).unwrap();
        assert_eq!(back, g);
        assert_eq!(back.audit_id, Some(77));
    }

    #[test]
    fn new_goods_sends_yuan_numbers_and_camel_case() {
        let g = NewGoods {
            cover_img: "media-1".into(),
            name: "保温杯".into(),
            price_type: PriceType::Discount,
            price: Fen(12_345),
            price2: Some(Fen(10_000)),
            url: "pages/g?id=1".into(),
            third_party_appid: None,
            goods_key: None,
        };
        let v = serde_json::to_value(g).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["coverImgUrl", "name", "price", "price2", "priceType", "url"]
        );
        assert_eq!(v["coverImgUrl"], json!("media-1"));
        assert_eq!(v["priceType"], json!(3));
        assert_eq!(v["price"].as_f64(), Some(123.45));
        assert_eq!(v["price2"].as_f64(), Some(100.0));
    }

    #[test]
    fn goods_update_sends_only_set_fields() {
        let u = GoodsUpdate {
            goods_id: 51,
            price: Some(Fen(5)),
            ..GoodsUpdate::default()
        };
        let v = serde_json::to_value(u).unwrap();
        assert_eq!(v.as_object().unwrap().len(), 2);
        assert_eq!(v["goodsId"], 51);
        assert_eq!(v["price"].as_f64(), Some(0.05));
    }

    #[test]
    fn goods_added_reads_ids() {
        let a: GoodsAdded =
            serde_json::from_str(r#"{"goodsId": 51, "auditId": 525022786, "errcode": 0}"#).unwrap();
        assert_eq!(
            a,
            GoodsAdded {
                goods_id: 51,
                audit_id: Some(525_022_786)
            }
        );
    }
}
