//! The `--demo` account and `/__sim/seed` bulk data, written straight into state.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::routes::room_create::new_push_key;
use crate::state::goods::{Goods, APPROVED, IN_REVIEW, REJECTED, UNAUDITED};
use crate::state::media::Media;
use crate::state::people::{openid_for, Follower, Member};
use crate::state::rooms::{
    Assistant, Room, RoomGoods, ABNORMAL, BANNED, ENDED, EXPIRED, LIVE, NOT_STARTED, PAUSED,
};
use crate::state::{Sim, State};

/// Placeholder images of a room (cover, share, feeds) and of goods.
struct Images {
    cover: String,
    share: String,
    feeds: String,
    goods: String,
}

fn image(st: &mut State, w: u32, h: u32, color: [u8; 3], now: i64) -> String {
    st.media.add(Media {
        width: w,
        height: h,
        byte_len: 20_000,
        created_at: now,
        png: None,
        color,
    })
}

fn images(st: &mut State, now: i64) -> Images {
    Images {
        cover: image(st, 540, 960, [0xe8, 0x5d, 0x4a], now),
        share: image(st, 400, 320, [0xf2, 0xa6, 0x3b], now),
        feeds: image(st, 300, 300, [0x4a, 0x90, 0xe2], now),
        goods: image(st, 200, 200, [0x50, 0xb8, 0x7a], now),
    }
}

struct RoomSpec<'a> {
    name: &'a str,
    anchor: (&'a str, &'a str),
    status: i64,
    live_type: i64,
    start: i64,
    end: i64,
}

fn room(st: &mut State, sim: &Sim, img: &Images, spec: RoomSpec<'_>) -> u64 {
    let id = st.rooms.alloc_id();
    st.rooms.by_id.insert(
        id,
        Room {
            id,
            name: spec.name.to_owned(),
            cover_media: img.cover.clone(),
            share_media: img.share.clone(),
            feeds_media: img.feeds.clone(),
            start_time: spec.start,
            end_time: spec.end,
            anchor_name: spec.anchor.0.to_owned(),
            anchor_wechat: spec.anchor.1.to_owned(),
            sub_anchor: None,
            creater_wechat: None,
            creater_openid: openid_for(&sim.app_id, "livedesk_owner"),
            live_type: spec.live_type,
            is_feeds_public: 1,
            close_like: 0,
            close_goods: 0,
            close_comment: 0,
            close_replay: 0,
            close_share: 0,
            close_kf: 1,
            ban_comment: 0,
            status: spec.status,
            abnormal_since: None,
            ended_at: None,
            goods: Vec::new(),
            assistants: Vec::new(),
            push_key: new_push_key(),
        },
    );
    id
}

fn goods(st: &mut State, img: &Images, name: &str, fen: (i64, i64, i64), status: i64) -> u64 {
    let (id, audit_id) = st.library.alloc_ids();
    // Seeding happens at one instant: the goods' media was created then too.
    let now = st.media.get(&img.goods).map_or(0, |m| m.created_at);
    st.library.by_id.insert(
        id,
        Goods {
            id,
            audit_id,
            cover_media: img.goods.clone(),
            name: name.to_owned(),
            price_type: fen.0,
            price: fen.1,
            price2: fen.2,
            url: format!("pages/goods/detail?id={id}"),
            third_party_appid: String::new(),
            goods_key: Vec::new(),
            audit_status: status,
            // Demo goods under review stay there for a day instead of the short audit delay.
            submitted_at: if status == IN_REVIEW {
                now + 86_400
            } else {
                now
            },
            from_console: name == CONSOLE_GOODS,
        },
    );
    id
}

/// One demo goods was added in the MP console, not by API: the API may not audit or update it
/// (300011) and it lists with `third_party_tag` 0.
const CONSOLE_GOODS: &str = "纯棉四件套";

const GOODS: [(&str, (i64, i64, i64), i64); 20] = [
    ("云南高山普洱茶饼357g", (1, 16800, 0), APPROVED),
    ("手工红糖姜茶礼盒", (3, 8900, 5900), APPROVED),
    ("五常稻花香大米5kg", (1, 6990, 0), APPROVED),
    ("新疆阿克苏冰糖心苹果", (2, 3990, 5990), APPROVED),
    ("景德镇青花瓷茶具套装", (1, 39900, 0), APPROVED),
    ("真丝桑蚕丝睡衣", (3, 59900, 39900), APPROVED),
    ("宁夏枸杞原浆", (1, 12800, 0), APPROVED),
    ("手冲咖啡入门套装", (2, 19900, 29900), APPROVED),
    ("羊毛混纺围巾", (1, 15900, 0), APPROVED),
    ("儿童益智积木", (3, 25900, 19900), APPROVED),
    ("家用空气炸锅", (1, 29900, 0), APPROVED),
    ("纯棉四件套", (1, 26900, 0), APPROVED),
    ("东北黑木耳干货", (1, 4590, 0), IN_REVIEW),
    ("福建白茶饼", (1, 22800, 0), IN_REVIEW),
    ("竹纤维洗碗布十片装", (1, 1990, 0), IN_REVIEW),
    ("进口红酒整箱", (1, 99900, 0), REJECTED),
    ("减肥神器速效版", (1, 9900, 0), REJECTED),
    ("保健品礼盒", (1, 29900, 0), REJECTED),
    ("蓝牙降噪耳机", (1, 49900, 0), UNAUDITED),
    ("智能体脂秤", (1, 13900, 0), UNAUDITED),
];

const MEMBERS: [(&str, &str, &[i64]); 8] = [
    ("livedesk_owner", "店长老陈", &[0]),
    ("admin_liuyang", "刘洋", &[1]),
    ("admin_zhaomin", "赵敏", &[1, 3]),
    ("zhubo_xiaomei", "小美", &[2]),
    ("zhubo_laowang", "老王说茶", &[2]),
    ("zhubo_ajie", "阿杰", &[2]),
    ("yunying_xiaoli", "运营小李", &[3]),
    ("yunying_dawei", "大伟", &[3]),
];

/// Seeds the believable demo account.
pub fn seed(sim: &Sim, seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut st = sim.state();
    let now = sim.clock.now();
    let img = images(&mut st, now);
    let h = 3600;
    let d = 86_400;
    let xiaomei = ("小美直播间", "zhubo_xiaomei");
    let laowang = ("老王说茶", "zhubo_laowang");
    let ajie = ("阿杰好物", "zhubo_ajie");
    let specs = [
        (
            "春季新品发布会",
            xiaomei,
            LIVE,
            1,
            now - h / 2,
            now + 3 * h / 2,
        ),
        (
            "周末宠粉福利专场",
            laowang,
            NOT_STARTED,
            1,
            now + d,
            now + d + 2 * h,
        ),
        (
            "家居好物分享会",
            ajie,
            NOT_STARTED,
            0,
            now + 2 * d,
            now + 2 * d + 3 * h,
        ),
        (
            "老王教你品普洱",
            laowang,
            ENDED,
            1,
            now - d,
            now - d + 2 * h,
        ),
        (
            "清仓特卖夜场",
            ajie,
            BANNED,
            0,
            now - 3 * d,
            now - 3 * d + 2 * h,
        ),
        ("美妆护肤小课堂", xiaomei, PAUSED, 0, now - h, now + h),
        ("深夜零食节", ajie, ABNORMAL, 1, now - 2 * h, now + h),
        (
            "年货节预热直播",
            xiaomei,
            EXPIRED,
            1,
            now - 5 * d,
            now - 5 * d + 2 * h,
        ),
    ];
    let mut ids = Vec::new();
    for (name, anchor, status, live_type, start, end) in specs {
        let spec = RoomSpec {
            name,
            anchor,
            status,
            live_type,
            start,
            end,
        };
        ids.push(room(&mut st, sim, &img, spec));
    }
    let goods_ids: Vec<u64> = GOODS
        .iter()
        .map(|(name, fen, status)| goods(&mut st, &img, name, *fen, *status))
        .collect();
    let shelf = |ids: &[u64], pushed: Option<i64>| -> Vec<RoomGoods> {
        ids.iter()
            .enumerate()
            .map(|(i, g)| RoomGoods {
                goods_id: *g,
                on_sale: i != 3,
                pushed_live_at: if i == 0 { pushed } else { None },
            })
            .collect()
    };
    if let Some(r) = st.rooms.by_id.get_mut(&ids[0]) {
        r.goods = shelf(&goods_ids[0..5], Some(now - 600));
        r.sub_anchor = Some("zhubo_ajie".to_owned());
        for (u, n) in [("zhuli_xiaoqing", "小青"), ("zhuli_abao", "阿宝")] {
            r.assistants.push(Assistant {
                username: u.to_owned(),
                nickname: n.to_owned(),
                openid: openid_for(&sim.app_id, u),
                updated_at: now - h,
            });
        }
    }
    if let Some(r) = st.rooms.by_id.get_mut(&ids[1]) {
        r.goods = shelf(&goods_ids[5..9], None);
    }
    if let Some(r) = st.rooms.by_id.get_mut(&ids[3]) {
        r.goods = shelf(&goods_ids[0..3], Some(now - d + h));
        r.ended_at = Some(now - d + 2 * h);
    }
    if let Some(r) = st.rooms.by_id.get_mut(&ids[6]) {
        r.abnormal_since = Some(now - 300);
    }
    for (username, nickname, roles) in MEMBERS {
        st.people.members.insert(
            username.to_owned(),
            Member {
                nickname: nickname.to_owned(),
                openid: openid_for(&sim.app_id, username),
                roles: roles.iter().copied().collect(),
                updated_at: now - 7 * d,
            },
        );
    }
    for i in 0..36 {
        let room_id = ids[1 + i % 2];
        st.people.followers.push(Follower {
            openid: openid_for(&sim.app_id, &format!("fan{i:04}")),
            subscribe_time: now - rng.random_range(h..30 * d),
            room_id,
            room_status: NOT_STARTED,
        });
    }
}

/// `/__sim/seed`: `rooms` not-started rooms and `goods` approved goods, for paging benchmarks.
pub fn bulk(sim: &Sim, rooms: usize, goods_count: usize) -> (Vec<u64>, Vec<u64>) {
    let mut st = sim.state();
    let now = sim.clock.now();
    let img = images(&mut st, now);
    let mut room_ids = Vec::with_capacity(rooms);
    for i in 0..rooms {
        let start = now + 86_400 + 60 * i as i64;
        let name = format!("批量直播间{i}");
        let spec = RoomSpec {
            name: &name,
            anchor: ("批量主播", "zhubo_bulk01"),
            status: NOT_STARTED,
            live_type: (i % 2) as i64,
            start,
            end: start + 7200,
        };
        room_ids.push(room(&mut st, sim, &img, spec));
    }
    let goods_ids = (0..goods_count)
        .map(|i| {
            let name = format!("批量商品{i}");
            goods(&mut st, &img, &name, (1, 100 + i as i64, 0), APPROVED)
        })
        .collect();
    (room_ids, goods_ids)
}
