//! Rooms as lists show them: a row per room with its cover as a thumbnail data URL (fetched by
//! the core, so the window never loads a remote host).

use wechat_live::model::{LiveStatus, Room, RoomType};

use super::RoomView;
use crate::infra::media::Media;

/// The list view of a core room, with its cover as a thumbnail data URL (or "").
pub fn view(room: &Room, cover: String) -> RoomView {
    RoomView {
        id: room.id,
        name: room.name.clone(),
        status: status_code(room.status),
        room_type: match room.room_type {
            Some(RoomType::Push) => 1,
            _ => 0,
        },
        start_time: room.start_time,
        end_time: room.end_time,
        anchor_name: room.anchor_name.clone(),
        cover_img: cover,
        goods_count: room.goods.len() as u32,
        close_like: room.close_like,
        close_goods: room.close_goods,
        close_comment: room.close_comment,
        close_replay: room.close_replay,
        // getliveinfo does not report the share switch.
        close_share: false,
        close_kf: room.close_kf,
        is_feeds_public: room.feeds_public,
    }
}

fn status_code(s: LiveStatus) -> u16 {
    u16::try_from(s.code()).unwrap_or(0)
}

/// Fetches the rooms' covers (a few at a time, each URL once) as thumbnails; a cover that cannot
/// be fetched shows as "" rather than failing the list.
pub async fn views_with_covers(rooms: &[Room], media: &Media) -> Vec<RoomView> {
    let known = media
        .thumbnails(rooms.iter().map(|r| r.cover_img.as_str()))
        .await;
    rooms
        .iter()
        .map(|r| view(r, known.get(&r.cover_img).cloned().unwrap_or_default()))
        .collect()
}
