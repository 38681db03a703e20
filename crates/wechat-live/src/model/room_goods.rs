//! Goods on a room's shelf, as getliveinfo lists them (`room_info[].goods`).

use serde::{Deserialize, Serialize};

use super::de;
use crate::money::Fen;
use crate::validate::PriceType;

/// One goods item in a room. Prices are fen: WeChat answers fen here (the reference's decision),
/// whatever number form it uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomGoods {
    /// Library goods id.
    #[serde(alias = "goodsId", deserialize_with = "de::int")]
    pub goods_id: i64,
    /// Goods name.
    #[serde(default, deserialize_with = "de::string")]
    pub name: String,
    /// Image URL.
    #[serde(alias = "coverImg", default, deserialize_with = "de::string")]
    pub cover_img: String,
    /// Mini program page of the goods.
    #[serde(default, deserialize_with = "de::string")]
    pub url: String,
    /// Price (fixed), low end (range) or original price (discount).
    #[serde(deserialize_with = "crate::money::serde_fen_lenient::deserialize")]
    pub price: Fen,
    /// High end (range) or current price (discount); absent or 0 for fixed prices.
    #[serde(
        default,
        deserialize_with = "crate::money::serde_fen_lenient_opt::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub price2: Option<Fen>,
    /// How `price`/`price2` are meant.
    #[serde(alias = "priceType")]
    pub price_type: PriceType,
    /// Appid of the mini program owning the goods; "" for the account's own.
    #[serde(alias = "thirdPartyAppid", default, deserialize_with = "de::string")]
    pub third_party_appid: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_read_as_fen_from_ints_floats_and_strings() {
        let g: Vec<RoomGoods> = serde_json::from_str(
            r#"[{"goods_id": 1, "name": "a", "price": 1990, "price2": 0, "price_type": 1},
                {"goods_id": "2", "name": "b", "price": "1000", "price2": "2500", "price_type": 2},
                {"goods_id": 3, "name": "c", "price": 3000.0, "price2": 1500, "price_type": 3,
                 "third_party_appid": "wxother"}]"#,
        )
        .unwrap();
        assert_eq!(g[0].price, Fen(1990));
        assert_eq!(g[0].price_type, PriceType::Fixed);
        assert_eq!(g[1].goods_id, 2);
        assert_eq!((g[1].price, g[1].price2), (Fen(1000), Some(Fen(2500))));
        assert_eq!(g[1].price_type, PriceType::Range);
        assert_eq!((g[2].price, g[2].price2), (Fen(3000), Some(Fen(1500))));
        assert_eq!(g[2].third_party_appid, "wxother");
        assert_eq!(g[0].third_party_appid, "");
    }

    #[test]
    fn a_non_numeric_price_is_an_error_not_a_panic() {
        let r = serde_json::from_str::<RoomGoods>(
            r#"{"goods_id": 1, "price": "cheap", "price_type": 1}"#,
        );
        assert!(r.is_err());
    }
}
