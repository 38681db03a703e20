//! Typed requests and answers of WeChat's live API.
//!
//! Callers see one consistent model: money as integer fen ([`Fen`](crate::Fen)), times as unix
//! seconds, statuses as enums, flags as `bool`. WeChat's per-endpoint key casing, 0/1 flags and
//! numbers-as-strings are absorbed by the serde attributes here.

mod assistant;
mod common;
pub(crate) mod de;
mod followers;
mod goods;
mod media;
mod roles;
mod room;
mod room_form;
mod room_goods;

pub use assistant::{Assistant, AssistantList, NewAssistant};
pub use common::{AuditStatus, LiveStatus, Role, RoomType, UnknownCode};
pub use followers::{Follower, FollowerPage};
pub use goods::{GoodsAdded, GoodsUpdate, LibraryGoods, LibraryPage, NewGoods};
pub use media::MediaId;
pub use roles::{Member, MemberPage, MemberQuery, RoleAdded};
pub use room::{PushAddress, Replay, ReplayPage, Room, RoomPage, ShareCode};
pub use room_form::{NewRoom, RoomEdit};
pub use room_goods::RoomGoods;

pub use crate::validate::PriceType;
