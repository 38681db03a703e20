//! Goods: the library ([`library`]: sync, tabs, add, update, delete, audit) and a room's shelf
//! ([`shelf`]: import, sale, push, delete, sort, explanation video). WeChat's rules are checked in
//! [`form`] before anything is sent; every write goes through the journal.

pub mod form;
pub mod library;
pub mod shelf;
mod types;

pub use types::*;
