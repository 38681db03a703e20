//! Activation (3.6 applyliveinfo): new activations of 小程序直播 are frozen, so every valid request
//! answers 268489001 (system maintenance), as WeChat does today.

use super::Call;
use crate::http::envelope::{ApiError, ApiResult};

pub fn apply_live_info(c: &mut Call<'_>) -> ApiResult {
    if c.p.req_str("action")? != "apply" {
        return Err(ApiError::invalid("action"));
    }
    Err(ApiError::new(
        268_489_001,
        "live activation is suspended for system maintenance",
    ))
}
