//! QR codes, drawn here (the `qrcode` crate) so the window shows an image and never loads one.

use qrcode::render::svg;
use qrcode::QrCode;

use crate::base::error::{CoreError, CoreResult};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_is_an_svg() {
        let svg = qr_svg("rtmp://127.0.0.1:1/live/wx-1?txSecret=a&txTime=b").unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
    }
}
