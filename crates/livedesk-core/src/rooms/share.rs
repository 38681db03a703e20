//! What a room gives out: the push address for OBS (server and stream key apart, with a QR code)
//! and the share code (page path, QR code, poster), kept for "save as PNG".

use std::path::Path;

use qrcode::render::svg;
use qrcode::QrCode;

use super::{PushAddress, ShareCode, ShareImage};
use crate::error::{CoreError, CoreResult};
use crate::images;
use crate::Core;

/// The push address for OBS, with a QR code of the full URL.
pub async fn push_address(core: &Core, account_id: &str, room_id: i64) -> CoreResult<PushAddress> {
    let addr = core.client(account_id)?.rooms().push_url(room_id).await?;
    let url = &addr.url;
    Ok(PushAddress {
        server: url.server(),
        stream_key: url.stream_key(),
        full_url: url.full().to_owned(),
        expires_at: url.expires_at(),
        qr_svg: qr_svg(url.full())?,
    })
}

/// An SVG QR code of `text`.
pub fn qr_svg(text: &str) -> CoreResult<String> {
    let code = QrCode::new(text.as_bytes()).map_err(|e| {
        CoreError::image(
            format!("无法生成二维码：{e}"),
            format!("Cannot make the QR code: {e}"),
        )
    })?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(240, 240)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

/// The share code with its images fetched (kept for "save as PNG").
pub async fn share_code(
    core: &Core,
    account_id: &str,
    room_id: i64,
    params: Option<String>,
) -> CoreResult<ShareCode> {
    let params = params.filter(|p| !p.is_empty());
    let code = core
        .client(account_id)?
        .rooms()
        .share_code(room_id, params.as_deref())
        .await?;
    let qr = images::fetch_remote(&code.cdn_url).await?;
    let poster = images::fetch_remote(&code.poster_url).await?;
    let out = ShareCode {
        page_path: code.page_path,
        qrcode: images::data_url(images::image_mime(&qr).unwrap_or("image/png"), &qr),
        poster: images::data_url(images::image_mime(&poster).unwrap_or("image/png"), &poster),
    };
    core.share_images
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert((account_id.to_owned(), room_id), (qr, poster));
    Ok(out)
}

/// Writes the QR code or poster as PNG.
pub async fn share_save(
    core: &Core,
    account_id: &str,
    room_id: i64,
    which: ShareImage,
    path: &Path,
) -> CoreResult<()> {
    let key = (account_id.to_owned(), room_id);
    let cached = core
        .share_images
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&key)
        .cloned();
    let (qr, poster) = match cached {
        Some(pair) => pair,
        None => {
            share_code(core, account_id, room_id, None).await?;
            core.share_images
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .get(&key)
                .cloned()
                .ok_or_else(|| CoreError::not_found("share code"))?
        }
    };
    let bytes = match which {
        ShareImage::Qrcode => qr,
        ShareImage::Poster => poster,
    };
    let png = images::to_png(&bytes)?;
    std::fs::write(path, png).map_err(|e| {
        CoreError::image(
            format!("无法保存到 {}：{e}", path.display()),
            format!("Cannot save to {}: {e}", path.display()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_is_an_svg() {
        let svg = qr_svg("rtmp://127.0.0.1:1/live/wx-1?txSecret=a&txTime=b").unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
    }
}
