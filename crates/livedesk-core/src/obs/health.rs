//! OBS's health while streaming, from polled counters: OBS sends no event for most of it (not for
//! reconnecting at all), and its byte and frame counters mean something only while the output
//! is active.

use serde::Serialize;
use ts_rs::TS;

/// One poll's reading of OBS's stream output and of OBS itself.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Sample {
    /// When it was read, in ms on any monotonic clock.
    pub at_ms: u64,
    pub active: bool,
    pub reconnecting: bool,
    pub bytes: u64,
    pub congestion: f32,
    /// Frames the stream output dropped (network) and delivered.
    pub dropped_frames: u32,
    pub total_frames: u32,
    /// Frames the encoder skipped (output lag) and the renderer skipped (render lag).
    pub encoder_skipped: u32,
    pub render_skipped: u32,
    pub cpu_percent: f64,
    pub fps: f64,
    pub timecode_ms: u64,
}

/// What the health panel shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObsHealth {
    /// OBS's stream output is on.
    pub active: bool,
    /// OBS lost the server and is trying again.
    pub reconnecting: bool,
    /// Kilobits per second over the last poll; `None` until two active readings exist.
    pub kbps: Option<u32>,
    /// 0 (none) to 1 (the network cannot keep up).
    pub congestion: f32,
    pub dropped_frames: u32,
    pub total_frames: u32,
    pub encoder_skipped: u32,
    pub render_skipped: u32,
    pub cpu_percent: f64,
    pub fps: f64,
    /// How long the stream has been on (OBS's timecode), ms.
    #[ts(type = "number")]
    pub timecode_ms: u64,
    /// OBS and the WeChat room disagree (set by the cross-check).
    pub mismatch: Option<Mismatch>,
}

/// OBS and the room it streams to disagree for longer than the grace period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum Mismatch {
    /// OBS streams, but the room has not gone live: the address may be wrong or expired.
    StreamingNotLive {
        account_id: String,
        #[ts(type = "number")]
        room_id: i64,
        status: u16,
    },
    /// The room is live (or says so), but OBS stopped streaming.
    LiveNotStreaming {
        account_id: String,
        #[ts(type = "number")]
        room_id: i64,
        status: u16,
    },
}

/// Turns successive samples into health: bitrate from the change in bytes, counters only while
/// the output is active (a stopped output's counters are stale or zero).
#[derive(Debug, Default)]
pub struct Meter {
    last: Option<Sample>,
}

impl Meter {
    /// The health after `s`.
    pub fn read(&mut self, s: Sample) -> ObsHealth {
        let kbps = match self.last {
            Some(prev)
                if prev.active && s.active && s.at_ms > prev.at_ms && s.bytes >= prev.bytes =>
            {
                let bits = (s.bytes - prev.bytes) * 8;
                Some((bits / (s.at_ms - prev.at_ms)) as u32)
            }
            _ => None,
        };
        self.last = Some(s);
        let live = |n: u32| if s.active { n } else { 0 };
        ObsHealth {
            active: s.active,
            reconnecting: s.active && s.reconnecting,
            kbps,
            congestion: if s.active { s.congestion } else { 0.0 },
            dropped_frames: live(s.dropped_frames),
            total_frames: live(s.total_frames),
            encoder_skipped: live(s.encoder_skipped),
            render_skipped: s.render_skipped,
            cpu_percent: s.cpu_percent,
            fps: s.fps,
            timecode_ms: if s.active { s.timecode_ms } else { 0 },
            mismatch: None,
        }
    }

    /// Forgets the last reading (the connection was lost: the next one starts afresh).
    pub fn reset(&mut self) {
        self.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(ms: u64, active: bool, bytes: u64) -> Sample {
        Sample {
            at_ms: ms,
            active,
            bytes,
            total_frames: 90,
            dropped_frames: 2,
            ..Default::default()
        }
    }

    #[test]
    fn bitrate_is_the_change_in_bytes_between_active_readings() {
        let mut m = Meter::default();
        assert_eq!(m.read(at(0, true, 0)).kbps, None);
        // 250,000 bytes in 2 s = 1,000 kbit/s.
        assert_eq!(m.read(at(2_000, true, 250_000)).kbps, Some(1_000));
        let h = m.read(at(4_000, false, 0));
        assert_eq!(h.kbps, None);
        assert_eq!((h.dropped_frames, h.total_frames), (0, 0));
        assert_eq!(m.read(at(6_000, true, 10)).kbps, None);
        assert_eq!(m.read(at(7_000, true, 10 + 125_000)).kbps, Some(1_000));
    }

    #[test]
    fn reconnecting_counts_only_while_active() {
        let mut m = Meter::default();
        let s = Sample {
            reconnecting: true,
            ..at(0, false, 0)
        };
        assert!(!m.read(s).reconnecting);
        let s = Sample {
            reconnecting: true,
            ..at(1, true, 0)
        };
        assert!(m.read(s).reconnecting);
    }
}
