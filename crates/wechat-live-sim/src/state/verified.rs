//! Which WeChat IDs count as real-name verified in the 小程序直播 app.

use std::collections::BTreeSet;

#[derive(Debug, Clone)]
pub struct Verified {
    /// `Some(p)`: every ID is verified except those starting with `p` (the demo rule).
    pub all_but_prefix: Option<String>,
    /// Verified IDs in list mode; in prefix mode, extra IDs verified despite the prefix.
    pub ids: BTreeSet<String>,
    /// IDs removed while in prefix mode: unverified even though the prefix rule would pass them.
    pub revoked: BTreeSet<String>,
}

impl Verified {
    pub fn list() -> Self {
        Self {
            all_but_prefix: None,
            ids: BTreeSet::new(),
            revoked: BTreeSet::new(),
        }
    }

    pub fn demo_rule() -> Self {
        Self {
            all_but_prefix: Some("unverified".to_owned()),
            ids: BTreeSet::new(),
            revoked: BTreeSet::new(),
        }
    }

    pub fn is_verified(&self, id: &str) -> bool {
        if self.revoked.contains(id) {
            return false;
        }
        if self.ids.contains(id) {
            return true;
        }
        match &self.all_but_prefix {
            Some(p) => !id.starts_with(p.as_str()),
            None => false,
        }
    }
}

impl Verified {
    pub fn add(&mut self, id: &str) {
        self.revoked.remove(id);
        self.ids.insert(id.to_owned());
    }

    pub fn remove(&mut self, id: &str) {
        self.ids.remove(id);
        if self.all_but_prefix.is_some() {
            self.revoked.insert(id.to_owned());
        }
    }
}
