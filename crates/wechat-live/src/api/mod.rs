//! One handle per area of WeChat's live API, one method per operation.
//!
//! Handles borrow the [`Client`] and are free to create: `client.rooms().list_all().await`.
//! Every method validates what it can before sending (a broken rule is
//! [`Error::Validation`](crate::Error::Validation) and nothing goes out) and turns WeChat's quirks
//! into the [`crate::model`] types.

mod checks;
mod followers;
mod image_probe;
mod library;
mod media;
mod paging;
mod roles;
mod room_goods;
mod room_people;
mod room_switches;
mod rooms;

pub use followers::Followers;
pub use library::Library;
pub use media::Media;
pub use roles::Roles;
pub use room_goods::RoomShelf;
pub use rooms::Rooms;

use crate::Client;

impl Client {
    /// Rooms: create, list, edit, push address, share code, assistants, sub-anchor, switches
    /// (R1–R19).
    pub fn rooms(&self) -> Rooms<'_> {
        Rooms::new(self)
    }

    /// Goods on a room's shelf: sale state, push, sort, explanation video (G1–G5).
    pub fn room_goods(&self) -> RoomShelf<'_> {
        RoomShelf::new(self)
    }

    /// The goods library and its audits (L1–L9).
    pub fn library(&self) -> Library<'_> {
        Library::new(self)
    }

    /// Members and their roles (M1–M3).
    pub fn roles(&self) -> Roles<'_> {
        Roles::new(self)
    }

    /// Long-term subscribers and start-of-live messages (S1–S2).
    pub fn followers(&self) -> Followers<'_> {
        Followers::new(self)
    }

    /// Image uploads for room and goods image fields.
    pub fn media(&self) -> Media<'_> {
        Media::new(self)
    }
}
