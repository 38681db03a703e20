//! `POST /cgi-bin/media/upload?type=image`: temporary images used by room and goods calls.

use bytes::Bytes;

use crate::fields;
use crate::http::envelope::{ApiError, ApiResult};
use crate::state::media::Media;
use crate::state::Sim;

/// Largest accepted temporary image.
pub const MAX_UPLOAD: usize = 2 * 1024 * 1024;

pub fn store_upload(sim: &Sim, file: Bytes) -> ApiResult {
    if file.len() > MAX_UPLOAD {
        return Err(ApiError::new(40009, "invalid image size"));
    }
    let kind = imagesize::image_type(&file).ok();
    let is_png = matches!(kind, Some(imagesize::ImageType::Png));
    if !matches!(
        kind,
        Some(imagesize::ImageType::Png | imagesize::ImageType::Jpeg | imagesize::ImageType::Gif)
    ) {
        return Err(ApiError::new(40004, "invalid media type"));
    }
    let size =
        imagesize::blob_size(&file).map_err(|_| ApiError::new(40004, "invalid media type"))?;
    let (width, height) = (
        u32::try_from(size.width).unwrap_or(u32::MAX),
        u32::try_from(size.height).unwrap_or(u32::MAX),
    );
    let mut st = sim.state();
    let now = sim.clock.now();
    let id = st.media.add(Media {
        width,
        height,
        byte_len: file.len(),
        created_at: now,
        png: is_png.then(|| file.clone()),
        color: [0x64, 0x67, 0xf0],
    });
    Ok(fields! {
        "type" => "image",
        "media_id" => id,
        "created_at" => now,
    })
}
