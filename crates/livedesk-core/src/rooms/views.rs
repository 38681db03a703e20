//! Rooms as lists show them: a row per room with its cover as a thumbnail data URL (fetched by
//! the core, so the window never loads a remote host).

use std::collections::HashMap;

use self::futures_lite_join::join_all_limited;
use wechat_live::model::{LiveStatus, Room, RoomType};

use super::RoomView;
use crate::images;

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
pub async fn views_with_covers(
    rooms: &[Room],
    known: &mut HashMap<String, String>,
) -> Vec<RoomView> {
    let missing: Vec<String> = {
        let mut v: Vec<String> = rooms
            .iter()
            .map(|r| r.cover_img.clone())
            .filter(|u| !u.is_empty() && !known.contains_key(u))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let fetched = join_all_limited(missing, 4, |url| async move {
        let thumb = match images::fetch_remote(&url).await {
            Ok(bytes) => images::thumbnail_data_url(&bytes, images::THUMB_SIDE).unwrap_or_default(),
            Err(_) => String::new(),
        };
        (url, thumb)
    })
    .await;
    known.extend(fetched);
    rooms
        .iter()
        .map(|r| view(r, known.get(&r.cover_img).cloned().unwrap_or_default()))
        .collect()
}

/// Runs `f` over `items` with at most `limit` in flight; results in input order.
mod futures_lite_join {
    use std::future::Future;

    pub async fn join_all_limited<T, R, F, Fut>(items: Vec<T>, limit: usize, f: F) -> Vec<R>
    where
        F: Fn(T) -> Fut,
        Fut: Future<Output = R>,
    {
        use futures::stream::{self, StreamExt};
        stream::iter(items.into_iter().map(f))
            .buffered(limit.max(1))
            .collect()
            .await
    }
}
