//! Goods cards showing in rooms. WeChat refuses a push while another card is showing (300047), a
//! sale change during a push (300049) and a removal during one (300047), but does not say how long a
//! card shows: the sandbox's assumption is a few seconds ([`DEFAULT_PUSH_WINDOW_MS`]), settable in
//! its config and at `/__sim/push_window`, so rehearsals meet these refusals the way shows do.

use std::collections::HashMap;

/// How long a pushed card shows, by the sandbox's assumption.
pub const DEFAULT_PUSH_WINDOW_MS: u64 = 3000;

#[derive(Debug, Default)]
pub struct Pushes {
    /// How long a card shows; 0 makes pushes complete at once.
    pub window_ms: i64,
    /// Room id → (goods showing, until when in ms).
    showing: HashMap<u64, (u64, i64)>,
}

impl Pushes {
    pub fn new(window_ms: u64) -> Self {
        Self {
            window_ms: i64::try_from(window_ms).unwrap_or(i64::MAX),
            showing: HashMap::new(),
        }
    }

    /// The goods whose card shows in `room` at `now_ms`, if any.
    pub fn showing(&self, room: u64, now_ms: i64) -> Option<u64> {
        self.showing
            .get(&room)
            .filter(|(_, until)| now_ms < *until)
            .map(|(g, _)| *g)
    }

    /// A card starts showing.
    pub fn start(&mut self, room: u64, goods: u64, now_ms: i64) {
        if self.window_ms > 0 {
            self.showing
                .insert(room, (goods, now_ms.saturating_add(self.window_ms)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_shows_for_the_window_then_not() {
        let mut p = Pushes::new(3000);
        p.start(1, 7, 10_000);
        assert_eq!(p.showing(1, 12_999), Some(7));
        assert_eq!(p.showing(1, 13_000), None);
        assert_eq!(p.showing(2, 11_000), None, "per room");
        let mut instant = Pushes::new(0);
        instant.start(1, 7, 10_000);
        assert_eq!(instant.showing(1, 10_000), None);
    }
}
