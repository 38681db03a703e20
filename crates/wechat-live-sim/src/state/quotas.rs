//! Daily call quotas per endpoint group, reset at midnight Beijing time or by the control plane.

use std::collections::HashMap;

use super::clock::beijing_day;

#[derive(Debug)]
pub struct Quotas {
    used: HashMap<&'static str, u32>,
    day: i64,
    /// Off only through the control plane (load tests would otherwise hit 10,000/day in a second).
    pub enabled: bool,
}

impl Default for Quotas {
    fn default() -> Self {
        Self {
            used: HashMap::new(),
            day: i64::MIN,
            enabled: true,
        }
    }
}

impl Quotas {
    /// Counts one call; false when the group's daily quota is already spent.
    pub fn take(&mut self, group: &'static str, limit: u32, now: i64) -> bool {
        let day = beijing_day(now);
        if day != self.day {
            self.day = day;
            self.used.clear();
        }
        if !self.enabled {
            return true;
        }
        let used = self.used.entry(group).or_insert(0);
        if *used >= limit {
            return false;
        }
        *used += 1;
        true
    }

    pub fn reset(&mut self) {
        self.used.clear();
    }
}
