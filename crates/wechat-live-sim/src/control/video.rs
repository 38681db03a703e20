//! The video files WeChat's answers point at (explanation clips, replays): on WeChat's CDN they
//! are MP4 files; here each is a small, deterministic MP4-shaped body with its length announced,
//! so a client's download, progress and saved file can be checked byte for byte.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::ControlError;

/// Size of every served clip.
pub const CLIP_BYTES: usize = 192 * 1024;

/// The bytes of the clip named `key`: an `ftyp` box, then filler derived from the name.
pub fn clip(key: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(CLIP_BYTES);
    out.extend_from_slice(&[0, 0, 0, 0x18]);
    out.extend_from_slice(b"ftypisom\0\0\x02\0isomiso2");
    let mut x: u32 = key.bytes().fold(2_166_136_261, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    });
    while out.len() < CLIP_BYTES {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        out.push((x >> 16) as u8);
    }
    out
}

fn mp4(key: &str) -> Response {
    ([(header::CONTENT_TYPE, "video/mp4")], clip(key)).into_response()
}

/// `/__sim/video/{room}-{goods}.mp4`: a goods' explanation clip.
pub async fn explanation(Path(file): Path<String>) -> Result<Response, ControlError> {
    let key = file
        .strip_suffix(".mp4")
        .ok_or_else(|| ControlError::NotFound(file.clone()))?;
    Ok(mp4(key))
}

/// `/__sim/replay/{room}/{n}.mp4`: a room's replay.
pub async fn replay(Path((room, file)): Path<(String, String)>) -> Result<Response, ControlError> {
    let n = file
        .strip_suffix(".mp4")
        .ok_or_else(|| ControlError::NotFound(file.clone()))?;
    Ok(mp4(&format!("replay-{room}-{n}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clips_are_mp4_shaped_stable_and_distinct() {
        let a = clip("4-1");
        assert_eq!(a.len(), CLIP_BYTES);
        assert_eq!(&a[4..8], b"ftyp");
        assert_eq!(a, clip("4-1"));
        assert_ne!(a, clip("4-2"));
    }
}
