//! Minimal PNG/JPEG/GIF sniffing: the format from magic bytes and the pixel size from the header,
//! enough to check WeChat's image rules before uploading. (No image crate is a dependency of the
//! client; this reads headers only and never panics on malformed input.)

/// An image format WeChat's temporary media accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImageKind {
    Png,
    Jpeg,
    Gif,
}

impl ImageKind {
    /// The format, from the file's first bytes (not its name).
    pub(crate) fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(Self::Gif)
        } else {
            None
        }
    }

    /// The MIME type sent with the upload.
    pub(crate) fn content_type(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Gif => "image/gif",
        }
    }

    /// Width and height in pixels, `None` if the header is truncated or malformed.
    pub(crate) fn dimensions(self, bytes: &[u8]) -> Option<(u32, u32)> {
        match self {
            Self::Png => png_size(bytes),
            Self::Jpeg => jpeg_size(bytes),
            Self::Gif => gif_size(bytes),
        }
    }
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// IHDR is always the first chunk: width and height right after its type.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    Some((be32(b, 16)?, be32(b, 20)?))
}

/// The logical screen size, little-endian, right after the signature.
fn gif_size(b: &[u8]) -> Option<(u32, u32)> {
    let w = u16::from_le_bytes(b.get(6..8)?.try_into().ok()?);
    let h = u16::from_le_bytes(b.get(8..10)?.try_into().ok()?);
    Some((u32::from(w), u32::from(h)))
}

/// Walks the marker segments up to the first start-of-frame (SOF0–SOF15 except DHT, JPG, DAC).
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    loop {
        // Markers start with 0xFF, possibly padded with more 0xFF fill bytes.
        if *b.get(i)? != 0xFF {
            return None;
        }
        while *b.get(i)? == 0xFF {
            i += 1;
        }
        let marker = *b.get(i)?;
        i += 1;
        match marker {
            // Standalone markers carry no length.
            0x01 | 0xD0..=0xD7 => continue,
            // End of image or start of scan before any frame header: no size to find.
            0xD9 | 0xDA => return None,
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let h = be16(b, i + 3)?;
                let w = be16(b, i + 5)?;
                return Some((u32::from(w), u32::from(h)));
            }
            _ => {
                let len = usize::from(be16(b, i)?);
                if len < 2 {
                    return None;
                }
                i += len;
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A PNG header of the given size (enough for sniffing and sizing).
    pub(crate) fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    pub(crate) fn jpeg(w: u16, h: u16) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8];
        // APP0 (JFIF) segment of length 16, then a fill byte, then SOF2.
        b.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x10]);
        b.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        b.extend_from_slice(&[0xFF, 0xFF, 0xC2, 0x00, 0x11, 0x08]);
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        b
    }

    #[test]
    fn sniffs_and_sizes_png_jpeg_gif() {
        let p = png(1080, 1920);
        assert_eq!(ImageKind::sniff(&p), Some(ImageKind::Png));
        assert_eq!(ImageKind::Png.dimensions(&p), Some((1080, 1920)));
        let j = jpeg(800, 640);
        assert_eq!(ImageKind::sniff(&j), Some(ImageKind::Jpeg));
        assert_eq!(ImageKind::Jpeg.dimensions(&j), Some((800, 640)));
        let g = b"GIF89a\x20\x03\x20\x03\0\0\0".to_vec();
        assert_eq!(ImageKind::sniff(&g), Some(ImageKind::Gif));
        assert_eq!(ImageKind::Gif.dimensions(&g), Some((800, 800)));
    }

    #[test]
    fn rejects_other_formats_and_survives_garbage() {
        assert_eq!(ImageKind::sniff(b"BM\0\0"), None);
        assert_eq!(ImageKind::sniff(b"<html>"), None);
        assert_eq!(ImageKind::sniff(&[]), None);
        for kind in [ImageKind::Png, ImageKind::Jpeg, ImageKind::Gif] {
            assert_eq!(kind.dimensions(&[]), None);
        }
        assert_eq!(ImageKind::Png.dimensions(&[0xFF; 64]), None);
        assert_eq!(ImageKind::Jpeg.dimensions(&[0xFF; 64]), None);
        assert_eq!(ImageKind::Gif.dimensions(b"GIF89a\x20"), None);
        let j = jpeg(10, 10);
        for cut in 0..j.len() - 10 {
            assert_eq!(ImageKind::Jpeg.dimensions(&j[..cut]), None, "cut at {cut}");
        }
        // A zero-length segment must not loop.
        assert_eq!(
            ImageKind::Jpeg.dimensions(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]),
            None
        );
    }
}
