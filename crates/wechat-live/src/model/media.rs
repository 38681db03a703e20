//! Uploaded images (temporary media, valid 3 days).

use serde::{Deserialize, Serialize};

use super::de;

/// An uploaded image's id, to put in a room or goods image field within 3 days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaId {
    /// The media id.
    #[serde(deserialize_with = "de::string")]
    pub media_id: String,
    /// Upload time, unix seconds (some WeChat versions answer a string).
    #[serde(default, deserialize_with = "de::int")]
    pub created_at: i64,
}

impl MediaId {
    /// How long WeChat keeps a temporary media id usable.
    pub const LIFETIME_SECS: i64 = 3 * 24 * 3600;

    /// When the id stops working, unix seconds.
    pub fn expires_at(&self) -> i64 {
        self.created_at.saturating_add(Self::LIFETIME_SECS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_at_reads_number_or_string() {
        for body in [
            r#"{"type": "image", "media_id": "m1", "created_at": 1700000000}"#,
            r#"{"type": "image", "media_id": "m1", "created_at": "1700000000"}"#,
        ] {
            let m: MediaId = serde_json::from_str(body).unwrap();
            assert_eq!(m.media_id, "m1");
            assert_eq!(m.expires_at(), 1_700_259_200);
        }
    }
}
