//! The fourth layer: what a team keeps in WeChat — accounts, rooms (with the status book their
//! listings feed), goods (the library and a room's shelf) and push destinations. Siblings never
//! import each other; what one must tell another goes through an emitter or data held below.

pub mod accounts;
pub mod destinations;
pub mod goods;
pub mod rooms;
