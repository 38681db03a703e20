//! The account's access checked at WeChat's door (the state is `state/access.rs`):
//! - 40164, reference §1.1: the caller's IP is not in the API IP whitelist. The errmsg names the
//!   address in the form the reference gives: `invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in
//!   whitelist` (then ` rid: …`, added by the envelope).
//! - 48001, reference §1.3 and the errcode table: `api unauthorized` — the live API called by an
//!   account whose 小程序直播 is not activated.

use crate::http::envelope::ApiError;
use crate::state::State;

/// Activation itself (§3.6) is what an account without live calls, so 48001 does not gate it.
const APPLY_PATH: &str = "/wxa/business/applyliveinfo";

/// 40164 for a token request from an address the whitelist does not list.
pub fn check_ip(st: &State) -> Result<(), ApiError> {
    match st.access.refused_ip() {
        Some(ip) => Err(ApiError::new(
            40164,
            format!("invalid ip {ip} ipv6 ::ffff:{ip}, not in whitelist"),
        )),
        None => Ok(()),
    }
}

/// 48001 for a live endpoint (any but activation) of an account whose live is not activated.
pub fn check_live(st: &State, path: &str) -> Result<(), ApiError> {
    if st.access.live_activated || path == APPLY_PATH {
        Ok(())
    } else {
        Err(ApiError::new(48001, "api unauthorized"))
    }
}
