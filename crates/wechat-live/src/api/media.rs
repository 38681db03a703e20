//! Image uploads (`/cgi-bin/media/upload?type=image`, multipart field `media`): the media ids that
//! room and goods image fields take. Ids last 3 days.

use super::image_probe::ImageKind;
use crate::model::MediaId;
use crate::validate::{self, ImageSlot, Rule, Violation, MEDIA_MAX_BYTES};
use crate::{Client, Error, Result};

/// Field name reported when an upload breaks a rule without a slot.
const FIELD: &str = "media";

/// Upload operations; from [`Client::media`].
#[derive(Debug, Clone, Copy)]
pub struct Media<'a> {
    client: &'a Client,
}

impl<'a> Media<'a> {
    pub(super) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// Uploads a PNG, JPEG or GIF of at most 2 MiB. The format comes from the bytes, not the
    /// name; anything else is refused before sending (WeChat would answer 40004 / 40009).
    pub async fn upload_image(self, filename: &str, bytes: Vec<u8>) -> Result<MediaId> {
        let kind = ImageKind::sniff(&bytes).ok_or(Violation::new(FIELD, Rule::ImageFormat))?;
        let actual = bytes.len() as u64;
        if actual > MEDIA_MAX_BYTES {
            let rule = Rule::ImageBytes {
                max: MEDIA_MAX_BYTES,
                actual,
            };
            return Err(Violation::new(FIELD, rule).into());
        }
        self.send(filename, kind, bytes).await
    }

    /// Uploads an image for a given room or goods slot, first checking that slot's pixel and byte
    /// limits, which WeChat only reports later, when the media id is used (300031/300032/300037/
    /// 300018).
    pub async fn upload_for_slot(
        self,
        slot: ImageSlot,
        filename: &str,
        bytes: Vec<u8>,
    ) -> Result<MediaId> {
        let kind =
            ImageKind::sniff(&bytes).ok_or(Violation::new(slot.field(), Rule::ImageFormat))?;
        // An unreadable header reads as 0×0, which the rule reports as a format problem.
        let (w, h) = kind.dimensions(&bytes).unwrap_or((0, 0));
        validate::image(slot, w, h, bytes.len() as u64)?;
        self.send(filename, kind, bytes).await
    }

    async fn send(self, filename: &str, kind: ImageKind, bytes: Vec<u8>) -> Result<MediaId> {
        let answer = self
            .client
            .upload_image(filename, kind.content_type(), bytes)
            .await?;
        serde_json::from_value(answer)
            .map_err(|e| Error::decode(e.to_string(), b"media upload answer"))
    }
}
