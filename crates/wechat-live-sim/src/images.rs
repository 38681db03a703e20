//! Real PNG bytes for every image URL the simulator hands out (media, QR codes, posters).

use qrcode::{Color, QrCode};

/// Largest placeholder drawn for a seeded or non-PNG media (bigger slots are drawn scaled down).
const MAX_SIDE: u32 = 1080;

fn encode(width: u32, height: u32, color: png::ColorType, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(color);
        enc.set_depth(png::BitDepth::Eight);
        let written = enc
            .write_header()
            .and_then(|mut w| w.write_image_data(data));
        if written.is_err() {
            return Vec::new();
        }
    }
    out
}

/// A solid-colour PNG of the given size.
pub fn solid_png(width: u32, height: u32, rgb: [u8; 3]) -> Vec<u8> {
    let (w, h) = (width.clamp(1, MAX_SIDE), height.clamp(1, MAX_SIDE * 2));
    let data: Vec<u8> = rgb
        .iter()
        .copied()
        .cycle()
        .take((w * h * 3) as usize)
        .collect();
    encode(w, h, png::ColorType::Rgb, &data)
}

/// A QR code of `text` as a grayscale PNG, 4 px per module with a 4-module quiet zone.
pub fn qr_png(text: &str) -> Vec<u8> {
    let Ok(code) = QrCode::new(text.as_bytes()) else {
        return solid_png(8, 8, [255, 255, 255]);
    };
    let modules = code.width();
    let colors = code.to_colors();
    let (scale, quiet) = (4usize, 4usize);
    let side = (modules + 2 * quiet) * scale;
    let mut data = vec![255u8; side * side];
    for (i, c) in colors.iter().enumerate() {
        if *c != Color::Dark {
            continue;
        }
        let (mx, my) = (i % modules + quiet, i / modules + quiet);
        for y in my * scale..(my + 1) * scale {
            let row = y * side;
            data[row + mx * scale..row + (mx + 1) * scale].fill(0);
        }
    }
    let side = u32::try_from(side).unwrap_or(8);
    encode(side, side, png::ColorType::Grayscale, &data)
}
