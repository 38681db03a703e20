//! Pictures: fitting a file from disk to a room slot's pixels and bytes (the `image` crate),
//! previews, and images that WeChat serves (fetched here and handed to the UI as data URLs, so the
//! webview never loads a remote host).

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::Duration;

use base64::Engine;
use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, RgbImage};

mod qr;
mod types;

pub use qr::qr_svg;
pub use types::{ImageRef, ImageSlot};

use std::collections::HashMap;
use std::sync::Arc;

use crate::base::error::{CoreError, CoreResult};

/// Where prepared pictures are kept, and the covers already fetched (URL → thumbnail data URL),
/// so a refresh fetches each cover once. Cheap to clone: every service that shows pictures holds one.
#[derive(Debug, Clone)]
pub struct Media {
    dir: PathBuf,
    covers: Arc<tokio::sync::Mutex<HashMap<String, String>>>,
}

impl Media {
    /// Pictures under `dir` (created if missing).
    pub fn open(dir: PathBuf) -> CoreResult<Self> {
        std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(&dir, e))?;
        Ok(Self {
            dir,
            covers: Arc::default(),
        })
    }

    /// The directory of prepared pictures.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The thumbnails of `urls` (fetching those not seen yet); a URL that fails is absent.
    pub async fn thumbnails<'a>(
        &self,
        urls: impl Iterator<Item = &'a str>,
    ) -> HashMap<String, String> {
        let urls: Vec<&str> = urls.collect();
        let mut known = self.covers.lock().await;
        fill_thumbnails(&mut known, urls.iter().copied()).await;
        urls.iter()
            .filter_map(|u| Some(((*u).to_owned(), known.get(*u)?.clone())))
            .collect()
    }

    /// Fits the file at `path` to `slot` and keeps it for upload.
    pub fn prepare(&self, slot: ImageSlot, path: &Path) -> CoreResult<ImageRef> {
        prepare(&self.dir, slot, path)
    }

    /// Uploads a prepared picture.
    pub async fn upload(
        &self,
        client: &wechat_live::Client,
        img: &ImageRef,
    ) -> CoreResult<wechat_live::model::MediaId> {
        upload(&self.dir, client, img).await
    }
}

/// JPEG qualities tried in order until the file fits the slot's byte limit.
const QUALITIES: [u8; 7] = [92, 85, 78, 70, 60, 50, 40];
/// Longest side of a preview shown in the form.
const PREVIEW_SIDE: u32 = 360;
/// Longest side of a room's cover thumbnail in the list.
pub const THUMB_SIDE: u32 = 240;
/// Remote images larger than this are refused.
const REMOTE_MAX_BYTES: usize = 10 * 1024 * 1024;

/// The slot's pixel box and byte limit.
pub fn slot_limits(slot: ImageSlot) -> ((u32, u32), u64) {
    let core = slot.core();
    (core.max_pixels(), core.effective_max_bytes())
}

/// A prepared picture: the JPEG that will be uploaded, and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Decodes `bytes`, scales it down to fit the slot's box (never up), flattens transparency onto
/// white, and re-encodes as JPEG at decreasing quality (then smaller sizes) until it is under the
/// slot's byte limit.
pub fn fit(slot: ImageSlot, bytes: &[u8]) -> CoreResult<Fitted> {
    let img = image::load_from_memory(bytes).map_err(|e| {
        CoreError::image(
            format!("无法读取这张图片（{e}），请选择 JPEG、PNG、GIF 或 WebP 图片"),
            format!("Cannot read this picture ({e}); pick a JPEG, PNG, GIF or WebP image"),
        )
    })?;
    let ((max_w, max_h), max_bytes) = slot_limits(slot);
    let mut rgb = flatten(&img);
    if rgb.width() > max_w || rgb.height() > max_h {
        rgb = DynamicImage::ImageRgb8(rgb)
            .resize(max_w, max_h, FilterType::Lanczos3)
            .to_rgb8();
    }
    loop {
        for q in QUALITIES {
            let jpeg = encode_jpeg(&rgb, q)?;
            if jpeg.len() as u64 <= max_bytes {
                return Ok(Fitted {
                    width: rgb.width(),
                    height: rgb.height(),
                    jpeg,
                });
            }
        }
        // Even the lowest quality is too big (a noisy photo for the 100 KiB feeds slot): shrink.
        let (w, h) = (rgb.width() * 4 / 5, rgb.height() * 4 / 5);
        if w < 16 || h < 16 {
            return Err(CoreError::image(
                "这张图片无法压缩到该位置的大小限制内",
                "This picture cannot be compressed under the slot's size limit",
            ));
        }
        rgb = image::imageops::resize(&rgb, w, h, FilterType::Triangle);
    }
}

fn flatten(img: &DynamicImage) -> RgbImage {
    let rgba = img.to_rgba8();
    let mut out = RgbImage::new(rgba.width(), rgba.height());
    for (o, p) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u16::from(p[3]);
        for c in 0..3 {
            // Composite over white.
            o[c] = ((u16::from(p[c]) * a + 255 * (255 - a)) / 255) as u8;
        }
    }
    out
}

fn encode_jpeg(rgb: &RgbImage, quality: u8) -> CoreResult<Vec<u8>> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(rgb)
        .map_err(|e| {
            CoreError::image(
                format!("图片编码失败：{e}"),
                format!("Encoding failed: {e}"),
            )
        })?;
    Ok(out)
}

/// A small JPEG data URL of `bytes` (any readable image), longest side ≤ `side`.
pub fn thumbnail_data_url(bytes: &[u8], side: u32) -> CoreResult<String> {
    let img = image::load_from_memory(bytes).map_err(|e| {
        CoreError::image(
            format!("无法读取图片：{e}"),
            format!("Cannot read image: {e}"),
        )
    })?;
    let rgb = flatten(&img.thumbnail(side, side));
    Ok(data_url("image/jpeg", &encode_jpeg(&rgb, 80)?))
}

/// `data:<mime>;base64,…`.
pub fn data_url(mime: &str, bytes: &[u8]) -> String {
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// The MIME type of image bytes, if they are an image.
pub fn image_mime(bytes: &[u8]) -> Option<&'static str> {
    match image::guess_format(bytes).ok()? {
        ImageFormat::Png => Some("image/png"),
        ImageFormat::Jpeg => Some("image/jpeg"),
        ImageFormat::Gif => Some("image/gif"),
        ImageFormat::WebP => Some("image/webp"),
        ImageFormat::Bmp => Some("image/bmp"),
        _ => None,
    }
}

/// Bytes as PNG (converting when they are another format), for "save as PNG".
pub fn to_png(bytes: &[u8]) -> CoreResult<Vec<u8>> {
    if image_mime(bytes) == Some("image/png") {
        return Ok(bytes.to_vec());
    }
    let img = image::load_from_memory(bytes).map_err(|e| {
        CoreError::image(
            format!("无法读取图片：{e}"),
            format!("Cannot read image: {e}"),
        )
    })?;
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png).map_err(|e| {
        CoreError::image(
            format!("PNG 编码失败：{e}"),
            format!("PNG encoding failed: {e}"),
        )
    })?;
    Ok(out.into_inner())
}

/// Fetches an image WeChat (or the simulator) serves, checking it is one. Only http(s) URLs; the
/// URL is never logged (WeChat's can carry tickets).
pub async fn fetch_remote(url: &str) -> CoreResult<Vec<u8>> {
    let fail = |en: &str| {
        CoreError::image(
            format!("无法下载微信提供的图片（{en}）"),
            format!("Cannot download the image WeChat provided ({en})"),
        )
    };
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(fail("not an http(s) address"));
    }
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()
        .map_err(|_| fail("client"))?;
    let resp = http.get(url).send().await.map_err(|_| fail("network"))?;
    if !resp.status().is_success() {
        return Err(fail(&format!("HTTP {}", resp.status().as_u16())));
    }
    let bytes = resp.bytes().await.map_err(|_| fail("body"))?;
    if bytes.len() > REMOTE_MAX_BYTES {
        return Err(fail("too large"));
    }
    if image_mime(&bytes).is_none() {
        return Err(fail("not an image"));
    }
    Ok(bytes.to_vec())
}

/// A remote image as a data URL of its own type.
pub async fn remote_data_url(url: &str) -> CoreResult<String> {
    let bytes = fetch_remote(url).await?;
    let mime = image_mime(&bytes).unwrap_or("image/png");
    Ok(data_url(mime, &bytes))
}

/// Fetches the images at `urls` not yet in `known` (a few at a time, each URL once) as thumbnail
/// data URLs into `known`; one that cannot be fetched is kept as "" rather than failing a list.
pub async fn fill_thumbnails<'a>(
    known: &mut HashMap<String, String>,
    urls: impl Iterator<Item = &'a str>,
) {
    use futures::stream::{self, StreamExt};
    let mut missing: Vec<String> = urls
        .filter(|u| !u.is_empty() && !known.contains_key(*u))
        .map(str::to_owned)
        .collect();
    missing.sort();
    missing.dedup();
    let fetched: Vec<(String, String)> = stream::iter(missing.into_iter().map(|url| async move {
        let thumb = match fetch_remote(&url).await {
            Ok(bytes) => thumbnail_data_url(&bytes, THUMB_SIDE).unwrap_or_default(),
            Err(_) => String::new(),
        };
        (url, thumb)
    }))
    .buffered(4)
    .collect()
    .await;
    known.extend(fetched);
}

/// Uploads a prepared picture for its slot; answers WeChat's media id and when it was made.
pub async fn upload(
    media_dir: &Path,
    client: &wechat_live::Client,
    img: &ImageRef,
) -> CoreResult<wechat_live::model::MediaId> {
    let path = local_path(media_dir, &img.local_id)?;
    let bytes = std::fs::read(&path).map_err(|_| {
        CoreError::image(
            "找不到之前准备的图片，请重新选择",
            "The prepared picture is gone: pick it again",
        )
    })?;
    Ok(client
        .media()
        .upload_for_slot(img.slot.core(), &format!("{}.jpg", img.local_id), bytes)
        .await?)
}

/// Where a prepared picture is kept.
pub fn local_path(media_dir: &Path, local_id: &str) -> CoreResult<PathBuf> {
    // local ids are ours (hex); anything else could walk out of the directory.
    if local_id.is_empty() || !local_id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(CoreError::not_found(format!("image {local_id}")));
    }
    Ok(media_dir.join(format!("{local_id}.jpg")))
}

/// Reads `path`, fits it to `slot`, keeps the result under `media_dir`, and describes it.
pub fn prepare(media_dir: &Path, slot: ImageSlot, path: &Path) -> CoreResult<ImageRef> {
    let bytes = std::fs::read(path).map_err(|e| {
        CoreError::image(
            format!("无法打开文件 {}：{e}", path.display()),
            format!("Cannot open {}: {e}", path.display()),
        )
    })?;
    let fitted = fit(slot, &bytes)?;
    let local_id = format!(
        "{:016x}{:016x}",
        rand::random::<u64>(),
        rand::random::<u64>()
    );
    let dest = local_path(media_dir, &local_id)?;
    std::fs::write(&dest, &fitted.jpeg).map_err(|e| {
        CoreError::image(
            format!("无法保存图片：{e}"),
            format!("Cannot keep the image: {e}"),
        )
    })?;
    Ok(ImageRef {
        slot,
        local_id,
        width: fitted.width,
        height: fitted.height,
        bytes: fitted.jpeg.len() as u32,
        preview: thumbnail_data_url(&fitted.jpeg, PREVIEW_SIDE)?,
        media_id: None,
        uploaded_at: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgba, RgbaImage};

    /// A noisy picture (compresses badly), as PNG.
    fn noisy_png(w: u32, h: u32) -> Vec<u8> {
        let mut img = RgbaImage::new(w, h);
        let mut x: u32 = 12345;
        for p in img.pixels_mut() {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let b = x.to_le_bytes();
            *p = Rgba([b[1], b[2], b[3], 255]);
        }
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgba8(img)
            .write_to(&mut out, ImageFormat::Png)
            .unwrap();
        out.into_inner()
    }

    #[test]
    fn fits_each_slot_in_pixels_and_bytes() {
        let src = noisy_png(2000, 2400);
        for slot in [ImageSlot::Cover, ImageSlot::Share, ImageSlot::Feeds] {
            let ((mw, mh), mb) = slot_limits(slot);
            let f = fit(slot, &src).unwrap();
            assert!(
                f.width <= mw && f.height <= mh,
                "{slot:?}: {}x{}",
                f.width,
                f.height
            );
            assert!(
                f.jpeg.len() as u64 <= mb,
                "{slot:?}: {} bytes",
                f.jpeg.len()
            );
            assert_eq!(image_mime(&f.jpeg), Some("image/jpeg"));
            // The core agrees it fits the slot.
            wechat_live::validate::image(slot.core(), f.width, f.height, f.jpeg.len() as u64)
                .unwrap();
        }
    }

    #[test]
    fn small_pictures_are_not_enlarged_and_keep_aspect() {
        let f = fit(ImageSlot::Cover, &noisy_png(300, 200)).unwrap();
        assert_eq!((f.width, f.height), (300, 200));
        let f = fit(ImageSlot::Share, &noisy_png(1600, 800)).unwrap();
        assert_eq!((f.width, f.height), (800, 400));
    }

    #[test]
    fn not_an_image_is_an_image_error() {
        let e = fit(ImageSlot::Cover, b"hello").unwrap_err();
        assert!(matches!(e, CoreError::Image { .. }));
    }

    #[test]
    fn prepare_keeps_the_file_and_refuses_odd_ids() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("in.png");
        std::fs::write(&src, noisy_png(900, 900)).unwrap();
        let r = prepare(dir.path(), ImageSlot::Feeds, &src).unwrap();
        // Noise does not fit 100 KiB at 800×800 even at low quality: it was shrunk, square kept.
        assert!(
            r.width <= 800 && r.width == r.height,
            "{}x{}",
            r.width,
            r.height
        );
        assert!(r.bytes <= 100 * 1024);
        assert!(r.preview.starts_with("data:image/jpeg;base64,"));
        let kept = std::fs::read(local_path(dir.path(), &r.local_id).unwrap()).unwrap();
        assert_eq!(kept.len() as u32, r.bytes);
        assert!(local_path(dir.path(), "../etc/passwd").is_err());
    }

    #[test]
    fn png_conversion() {
        let jpeg = fit(ImageSlot::Feeds, &noisy_png(50, 50)).unwrap().jpeg;
        assert_eq!(image_mime(&to_png(&jpeg).unwrap()), Some("image/png"));
    }
}
