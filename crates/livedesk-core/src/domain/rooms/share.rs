//! What a room gives out: the push address for OBS (server and stream key apart, with a QR code)
//! and the share code (page path, QR code, poster), kept for "save as PNG".

use std::path::Path;

use super::{PushAddress, Rooms, ShareCode, ShareImage};
use crate::base::error::{CoreError, CoreResult};
use crate::infra::media;

impl Rooms {
    /// The push address for OBS, with a QR code of the full URL.
    pub async fn push_address(&self, account_id: &str, room_id: i64) -> CoreResult<PushAddress> {
        let addr = self
            .clients
            .get(account_id)?
            .rooms()
            .push_url(room_id)
            .await?;
        let url = &addr.url;
        Ok(PushAddress {
            server: url.server(),
            stream_key: url.stream_key(),
            full_url: url.full().to_owned(),
            expires_at: url.expires_at(),
            qr_svg: media::qr_svg(url.full())?,
        })
    }

    /// The share code with its images fetched (kept for "save as PNG").
    pub async fn share_code(
        &self,
        account_id: &str,
        room_id: i64,
        params: Option<String>,
    ) -> CoreResult<ShareCode> {
        let params = params.filter(|p| !p.is_empty());
        let code = self
            .clients
            .get(account_id)?
            .rooms()
            .share_code(room_id, params.as_deref())
            .await?;
        let qr = media::fetch_remote(&code.cdn_url).await?;
        let poster = media::fetch_remote(&code.poster_url).await?;
        let out = ShareCode {
            page_path: code.page_path,
            qrcode: media::data_url(media::image_mime(&qr).unwrap_or("image/png"), &qr),
            poster: media::data_url(media::image_mime(&poster).unwrap_or("image/png"), &poster),
        };
        self.share_images
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert((account_id.to_owned(), room_id), (qr, poster));
        Ok(out)
    }

    /// Writes the QR code or poster as PNG.
    pub async fn share_save(
        &self,
        account_id: &str,
        room_id: i64,
        which: ShareImage,
        path: &Path,
    ) -> CoreResult<()> {
        let key = (account_id.to_owned(), room_id);
        let cached = self
            .share_images
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&key)
            .cloned();
        let (qr, poster) = match cached {
            Some(pair) => pair,
            None => {
                self.share_code(account_id, room_id, None).await?;
                self.share_images
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
        let png = media::to_png(&bytes)?;
        std::fs::write(path, png).map_err(|e| CoreError::io(path, e))
    }
}
