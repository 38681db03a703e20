//! OBS streaming while the WeChat room is not live (or the reverse) for longer than a grace
//! period: the silent failure anchors otherwise hear about from viewers.

use std::time::Duration;

use super::health::Mismatch;

/// How long OBS and the room may disagree before it is flagged: WeChat takes a while to notice a
/// stream start or stop.
pub const GRACE: Duration = Duration::from_secs(45);

/// The room LiveDesk last sent to OBS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub account_id: String,
    pub room_id: i64,
}

/// The disagreement, if any: OBS's output `active` since `since_ms`, the room's last known status.
pub fn mismatch(
    target: &Target,
    active: bool,
    since_ms: u64,
    room_status: Option<u16>,
    now_ms: u64,
) -> Option<Mismatch> {
    let status = room_status?;
    if now_ms.saturating_sub(since_ms) < GRACE.as_millis() as u64 {
        return None;
    }
    let (account_id, room_id) = (target.account_id.clone(), target.room_id);
    match (active, status == 101) {
        (true, false) => Some(Mismatch::StreamingNotLive {
            account_id,
            room_id,
            status,
        }),
        (false, true) => Some(Mismatch::LiveNotStreaming {
            account_id,
            room_id,
            status,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disagreement_is_flagged_only_after_the_grace_period() {
        let t = Target {
            account_id: "a".into(),
            room_id: 7,
        };
        let g = GRACE.as_millis() as u64;
        assert_eq!(mismatch(&t, true, 1_000, Some(102), 1_000 + g - 1), None);
        assert!(matches!(
            mismatch(&t, true, 1_000, Some(102), 1_000 + g),
            Some(Mismatch::StreamingNotLive {
                room_id: 7,
                status: 102,
                ..
            })
        ));
        assert!(matches!(
            mismatch(&t, false, 0, Some(101), g),
            Some(Mismatch::LiveNotStreaming { .. })
        ));
        assert_eq!(mismatch(&t, true, 0, Some(101), g * 3), None);
        assert_eq!(mismatch(&t, false, 0, Some(106), g * 3), None);
        // An unknown status is not a disagreement.
        assert_eq!(mismatch(&t, true, 0, None, g * 3), None);
    }
}
