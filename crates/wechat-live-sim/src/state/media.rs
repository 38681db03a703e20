//! Uploaded temporary media: pixel size, byte size and bytes, valid 3 days on the simulator clock.

use std::collections::HashMap;

use bytes::Bytes;

/// Lifetime of a temporary media id.
pub const MEDIA_TTL: i64 = 3 * 86_400;

#[derive(Debug, Clone)]
pub struct Media {
    pub width: u32,
    pub height: u32,
    pub byte_len: usize,
    pub created_at: i64,
    /// Uploaded PNG bytes; `None` for non-PNG uploads and seeded media (a PNG is drawn on demand).
    pub png: Option<Bytes>,
    /// Fill colour of the drawn placeholder.
    pub color: [u8; 3],
}

/// Image limits of a slot: pixels and bytes.
#[derive(Debug, Clone, Copy)]
pub struct SlotLimit {
    pub max_w: u32,
    pub max_h: u32,
    pub max_bytes: usize,
}

#[derive(Debug, Default)]
pub struct MediaStore {
    items: HashMap<String, Media>,
    next: u64,
}

impl MediaStore {
    pub fn add(&mut self, media: Media) -> String {
        self.next += 1;
        let id = format!("sim_media_{:06}", self.next);
        self.items.insert(id.clone(), media);
        id
    }

    /// A media id usable in an API call now (known and not expired).
    pub fn usable(&self, id: &str, now: i64) -> Option<&Media> {
        self.items
            .get(id)
            .filter(|m| now < m.created_at + MEDIA_TTL)
    }

    /// Any media ever uploaded, expired or not (its URL stays served).
    pub fn get(&self, id: &str) -> Option<&Media> {
        self.items.get(id)
    }

    /// Whether a usable media fits a slot.
    pub fn fits(&self, id: &str, now: i64, limit: SlotLimit) -> bool {
        self.usable(id, now).is_some_and(|m| {
            m.width <= limit.max_w && m.height <= limit.max_h && m.byte_len <= limit.max_bytes
        })
    }
}
