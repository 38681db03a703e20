//! Image slots of rooms and goods: pixel and byte limits, and format sniffing.

use serde::{Deserialize, Serialize};

use super::rules::{Rule, Violation};

/// Media upload limit for any image (`/cgi-bin/media/upload`, else 40009).
pub const MEDIA_MAX_BYTES: u64 = 2 * 1024 * 1024;

/// Where an uploaded image is used; each slot has its own limits and errcode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImageSlot {
    /// Room background `coverImg`: ≤ 1080×1920 px, ≤ 2 MiB (300031).
    Cover,
    /// Share card `shareImg`: ≤ 800×640 px, ≤ 1 MiB (300032).
    Share,
    /// Shopping-channel cover `feedsImg`: ≤ 800×800 px, ≤ 100 KiB (300037).
    Feeds,
    /// Goods image `goodsInfo.coverImgUrl`: ≤ 300×300 px (300018).
    Goods,
}

impl ImageSlot {
    pub const ALL: [ImageSlot; 4] = [
        ImageSlot::Cover,
        ImageSlot::Share,
        ImageSlot::Feeds,
        ImageSlot::Goods,
    ];

    /// Maximum (width, height) in pixels.
    pub fn max_pixels(self) -> (u32, u32) {
        match self {
            ImageSlot::Cover => (1080, 1920),
            ImageSlot::Share => (800, 640),
            ImageSlot::Feeds => (800, 800),
            ImageSlot::Goods => (300, 300),
        }
    }

    /// The slot's own byte limit; goods images have none beyond [`MEDIA_MAX_BYTES`].
    pub fn max_bytes(self) -> Option<u64> {
        match self {
            ImageSlot::Cover => Some(2 * 1024 * 1024),
            ImageSlot::Share => Some(1024 * 1024),
            ImageSlot::Feeds => Some(100 * 1024),
            ImageSlot::Goods => None,
        }
    }

    /// The byte limit that actually applies: the slot's, capped by the upload limit.
    pub fn effective_max_bytes(self) -> u64 {
        self.max_bytes()
            .unwrap_or(MEDIA_MAX_BYTES)
            .min(MEDIA_MAX_BYTES)
    }

    /// WeChat's field name for the slot.
    pub fn field(self) -> &'static str {
        match self {
            ImageSlot::Cover => "coverImg",
            ImageSlot::Share => "shareImg",
            ImageSlot::Feeds => "feedsImg",
            ImageSlot::Goods => "goodsInfo.coverImgUrl",
        }
    }

    /// The errcode WeChat answers when this slot's image is refused.
    pub fn errcode(self) -> i64 {
        match self {
            ImageSlot::Cover => 300_031,
            ImageSlot::Share => 300_032,
            ImageSlot::Feeds => 300_037,
            ImageSlot::Goods => 300_018,
        }
    }
}

/// Checks an image for `slot` by its pixel size and file size. A zero dimension means the image
/// could not be read, reported as a format problem.
pub fn image(slot: ImageSlot, width: u32, height: u32, bytes: u64) -> Result<(), Violation> {
    let v = |rule| Err(Violation::new(slot.field(), rule));
    if width == 0 || height == 0 {
        return v(Rule::ImageFormat);
    }
    let (max_w, max_h) = slot.max_pixels();
    if width > max_w || height > max_h {
        return v(Rule::ImagePixels {
            max_w,
            max_h,
            w: width,
            h: height,
        });
    }
    let max = slot.effective_max_bytes();
    if bytes > max {
        return v(Rule::ImageBytes { max, actual: bytes });
    }
    Ok(())
}

/// Checks the first bytes of a file for PNG, JPEG or GIF, the formats media upload accepts.
pub fn image_format(slot: ImageSlot, head: &[u8]) -> Result<(), Violation> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    let ok = head.starts_with(PNG)
        || head.starts_with(&[0xFF, 0xD8, 0xFF])
        || head.starts_with(b"GIF87a")
        || head.starts_with(b"GIF89a");
    if ok {
        Ok(())
    } else {
        Err(Violation::new(slot.field(), Rule::ImageFormat))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: u64 = 1024 * 1024;

    #[test]
    fn slot_limits() {
        assert_eq!(image(ImageSlot::Cover, 1080, 1920, 2 * MIB), Ok(()));
        assert_eq!(
            image(ImageSlot::Cover, 1081, 1920, 10).unwrap_err(),
            Violation::new(
                "coverImg",
                Rule::ImagePixels {
                    max_w: 1080,
                    max_h: 1920,
                    w: 1081,
                    h: 1920
                }
            )
        );
        assert_eq!(
            image(ImageSlot::Cover, 1080, 1920, 2 * MIB + 1)
                .unwrap_err()
                .rule,
            Rule::ImageBytes {
                max: 2 * MIB,
                actual: 2 * MIB + 1
            }
        );
        // Landscape does not fit a portrait slot.
        assert!(image(ImageSlot::Cover, 1920, 1080, 10).is_err());
        assert_eq!(image(ImageSlot::Share, 800, 640, MIB), Ok(()));
        assert!(image(ImageSlot::Share, 800, 641, 10).is_err());
        assert!(image(ImageSlot::Share, 800, 640, MIB + 1).is_err());
        assert_eq!(image(ImageSlot::Feeds, 800, 800, 100 * 1024), Ok(()));
        assert_eq!(
            image(ImageSlot::Feeds, 800, 800, 100 * 1024 + 1)
                .unwrap_err()
                .field,
            "feedsImg"
        );
        assert_eq!(image(ImageSlot::Goods, 300, 300, 2 * MIB), Ok(()));
        assert!(image(ImageSlot::Goods, 301, 300, 10).is_err());
        assert_eq!(
            image(ImageSlot::Goods, 300, 300, 2 * MIB + 1).unwrap_err(),
            Violation::new(
                "goodsInfo.coverImgUrl",
                Rule::ImageBytes {
                    max: MEDIA_MAX_BYTES,
                    actual: 2 * MIB + 1
                }
            )
        );
        assert_eq!(
            image(ImageSlot::Share, 0, 640, 1).unwrap_err().rule,
            Rule::ImageFormat
        );
    }

    #[test]
    fn slot_metadata() {
        assert_eq!(ImageSlot::Goods.max_bytes(), None);
        assert_eq!(ImageSlot::Feeds.max_bytes(), Some(102_400));
        assert_eq!(ImageSlot::Share.errcode(), 300_032);
        assert_eq!(
            serde_json::to_string(&ImageSlot::Feeds).unwrap(),
            "\"feeds\""
        );
        let fields: Vec<_> = ImageSlot::ALL.iter().map(|s| s.field()).collect();
        assert_eq!(
            fields,
            ["coverImg", "shareImg", "feedsImg", "goodsInfo.coverImgUrl"]
        );
    }

    #[test]
    fn sniffs_formats() {
        assert_eq!(
            image_format(ImageSlot::Cover, b"\x89PNG\r\n\x1a\n\0\0"),
            Ok(())
        );
        assert_eq!(
            image_format(ImageSlot::Cover, &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok(())
        );
        assert_eq!(image_format(ImageSlot::Cover, b"GIF89a..."), Ok(()));
        assert_eq!(image_format(ImageSlot::Cover, b"GIF87a"), Ok(()));
        for bad in [&b"BM"[..], b"", b"<html>", b"RIFF\0\0\0\0WEBP"] {
            assert_eq!(
                image_format(ImageSlot::Share, bad).unwrap_err().rule,
                Rule::ImageFormat
            );
        }
    }
}
