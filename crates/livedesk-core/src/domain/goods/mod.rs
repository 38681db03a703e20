//! Goods: the library ([`Library`]: sync, tabs, add, update, delete, audit) and a room's shelf
//! ([`Shelves`]: import, sale, push, delete, sort, explanation video). WeChat's rules are checked in
//! [`form`] before anything is sent; every write goes through the journal.

pub mod form;
pub mod library;
pub mod shelf;
mod types;

pub use library::Library;
pub use shelf::Shelves;
pub use types::*;
