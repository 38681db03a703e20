//! WeChat endpoints: the route table (method, daily quota, handler) and one file per area.

pub mod access;
pub mod activation;
pub mod auth;
pub mod followers;
pub mod library;
pub mod library_query;
pub mod media;
pub mod roles;
pub mod room_create;
pub mod room_goods;
pub mod room_people;
pub mod room_query;
pub mod room_switches;

use crate::http::envelope::{ApiError, ApiResult};
use crate::http::params::Params;
use crate::state::rooms::Room;
use crate::state::{Sim, State};

/// What one endpoint handler sees: the locked state, the simulator, its parameters, the clock.
#[derive(Debug)]
pub struct Call<'a> {
    pub st: &'a mut State,
    pub sim: &'a Sim,
    pub p: Params,
    pub now: i64,
}

impl Call<'_> {
    /// The room with its time rules applied, or 300022.
    pub fn room(&mut self, id: u64) -> Result<&mut Room, ApiError> {
        self.st
            .rooms
            .get_mut(id, self.now)
            .ok_or_else(room_not_found)
    }
}

pub fn room_not_found() -> ApiError {
    ApiError::new(300022, "room not found")
}

pub fn room_state_error() -> ApiError {
    ApiError::new(300023, "room state forbids this operation")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
    /// GET with query or POST with JSON (getrolelist).
    Either,
}

pub type Handler = fn(&mut Call<'_>) -> ApiResult;

#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Token,
    StableToken,
    Upload,
    Api(Handler),
}

#[derive(Debug, Clone, Copy)]
pub struct Route {
    pub verb: Verb,
    pub quota: Option<(&'static str, u32)>,
    pub kind: Kind,
}

const fn api(verb: Verb, group: &'static str, limit: u32, h: Handler) -> Route {
    Route {
        verb,
        quota: Some((group, limit)),
        kind: Kind::Api(h),
    }
}

use Verb::{Either, Get, Post};

/// The route of a WeChat path (daily quotas per the reference's section 5).
pub fn lookup(path: &str) -> Option<Route> {
    use room_create as rc;
    use room_goods as rg;
    use room_people as rp;
    use room_query as rq;
    use room_switches as rs;
    const K10: u32 = 10_000;
    let route = match path {
        "/cgi-bin/token" => Route {
            verb: Get,
            quota: None,
            kind: Kind::Token,
        },
        "/cgi-bin/stable_token" => Route {
            verb: Post,
            quota: None,
            kind: Kind::StableToken,
        },
        "/cgi-bin/media/upload" => Route {
            verb: Post,
            quota: None,
            kind: Kind::Upload,
        },
        "/wxa/business/applyliveinfo" => {
            api(Post, "applyliveinfo", 100, activation::apply_live_info)
        }
        "/wxaapi/broadcast/room/create" => api(Post, "room/create", K10, rc::create),
        "/wxaapi/broadcast/room/editroom" => api(Post, "room/editroom", K10, rc::edit),
        "/wxaapi/broadcast/room/deleteroom" => api(Post, "room/deleteroom", K10, rc::delete),
        "/wxa/business/getliveinfo" => api(Post, "getliveinfo", 100_000, rq::get_live_info),
        "/wxaapi/broadcast/room/getpushurl" => api(Get, "room/getpushurl", K10, rq::get_push_url),
        "/wxaapi/broadcast/room/getsharedcode" => {
            api(Get, "room/getsharedcode", K10, rq::shared_code)
        }
        "/wxaapi/broadcast/room/addgoods" => api(Post, "room/addgoods", K10, rg::add_goods),
        "/wxaapi/broadcast/room/addassistant" => {
            api(Post, "room/addassistant", K10, rp::add_assistant)
        }
        "/wxaapi/broadcast/room/modifyassistant" => {
            api(Post, "room/modifyassistant", K10, rp::modify_assistant)
        }
        "/wxaapi/broadcast/room/removeassistant" => {
            api(Post, "room/removeassistant", K10, rp::remove_assistant)
        }
        "/wxaapi/broadcast/room/getassistantlist" => {
            api(Get, "room/getassistantlist", K10, rp::assistant_list)
        }
        "/wxaapi/broadcast/room/addsubanchor" => {
            api(Post, "room/addsubanchor", K10, rp::add_sub_anchor)
        }
        "/wxaapi/broadcast/room/modifysubanchor" => {
            api(Post, "room/modifysubanchor", K10, rp::modify_sub_anchor)
        }
        "/wxaapi/broadcast/room/deletesubanchor" => {
            api(Post, "room/deletesubanchor", K10, rp::delete_sub_anchor)
        }
        "/wxaapi/broadcast/room/getsubanchor" => {
            api(Get, "room/getsubanchor", K10, rp::get_sub_anchor)
        }
        "/wxaapi/broadcast/room/updatefeedpublic" => {
            api(Post, "room/updatefeedpublic", K10, rs::feed_public)
        }
        "/wxaapi/broadcast/room/updatereplay" => api(Post, "room/updatereplay", K10, rs::replay),
        "/wxaapi/broadcast/room/updatekf" => api(Post, "room/updatekf", K10, rs::kf),
        "/wxaapi/broadcast/room/updatecomment" => api(Post, "room/updatecomment", K10, rs::comment),
        "/wxaapi/broadcast/goods/onsale" => api(Post, "goods/onsale", K10, rg::on_sale),
        "/wxaapi/broadcast/goods/deleteInRoom" => {
            api(Post, "goods/deleteInRoom", K10, rg::delete_in_room)
        }
        "/wxaapi/broadcast/goods/push" => api(Post, "goods/push", K10, rg::push),
        "/wxaapi/broadcast/goods/sort" => api(Post, "goods/sort", K10, rg::sort),
        "/wxaapi/broadcast/goods/getVideo" => api(Post, "goods/getVideo", K10, rg::get_video),
        // add and audit share one 500/day quota.
        "/wxaapi/broadcast/goods/add" => api(Post, "goods/add+audit", 500, library::add),
        "/wxaapi/broadcast/goods/audit" => api(Post, "goods/add+audit", 500, library::audit),
        "/wxaapi/broadcast/goods/resetaudit" => {
            api(Post, "goods/resetaudit", 500, library::reset_audit)
        }
        "/wxaapi/broadcast/goods/delete" => api(Post, "goods/delete", 1_000, library::delete),
        "/wxaapi/broadcast/goods/update" => api(Post, "goods/update", 1_000, library::update),
        "/wxa/business/getgoodswarehouse" | "/wxaapi/broadcast/getgoodswarehouse" => {
            api(Post, "getgoodswarehouse", 1_000, library_query::warehouse)
        }
        "/wxaapi/broadcast/goods/getapproved" => {
            api(Get, "goods/getapproved", K10, library_query::approved)
        }
        "/wxaapi/broadcast/goods/setkey" => api(Post, "goods/setkey", 500, library_query::set_key),
        "/wxaapi/broadcast/goods/getkey" => api(Get, "goods/getkey", 500, library_query::get_key),
        "/wxaapi/broadcast/role/addrole" => api(Post, "role/addrole", K10, roles::add),
        "/wxaapi/broadcast/role/deleterole" => api(Post, "role/deleterole", K10, roles::delete),
        "/wxaapi/broadcast/role/getrolelist" => api(Either, "role/getrolelist", K10, roles::list),
        "/wxa/business/get_wxa_followers" => api(Post, "get_wxa_followers", 5_000, followers::list),
        "/wxa/business/push_message" => api(Post, "push_message", 5_000, followers::push),
        _ => return None,
    };
    Some(route)
}
