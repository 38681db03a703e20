//! The goods library and its audit progression on the simulator clock.

use std::collections::BTreeMap;

pub const UNAUDITED: i64 = 0;
pub const IN_REVIEW: i64 = 1;
pub const APPROVED: i64 = 2;
pub const REJECTED: i64 = 3;

#[derive(Debug, Clone)]
pub struct Goods {
    pub id: u64,
    pub audit_id: u64,
    pub cover_media: String,
    pub name: String,
    pub price_type: i64,
    /// Fen.
    pub price: i64,
    /// Fen; 0 when unused.
    pub price2: i64,
    pub url: String,
    pub third_party_appid: String,
    pub goods_key: Vec<String>,
    pub audit_status: i64,
    pub submitted_at: i64,
    /// Created in the MP console: the API may not audit or update it (300011).
    pub from_console: bool,
}

/// How audits are decided.
#[derive(Debug, Clone)]
pub struct AuditRule {
    pub delay_secs: i64,
    pub reject_word: String,
}

impl Goods {
    pub fn refresh(&mut self, now: i64, rule: &AuditRule) {
        if self.audit_status == IN_REVIEW && now >= self.submitted_at + rule.delay_secs {
            let rejected = !rule.reject_word.is_empty() && self.name.contains(&rule.reject_word);
            self.audit_status = if rejected { REJECTED } else { APPROVED };
        }
    }

    pub fn third_party_tag(&self) -> i64 {
        if self.from_console {
            0
        } else {
            2
        }
    }
}

#[derive(Debug)]
pub struct Library {
    pub by_id: BTreeMap<u64, Goods>,
    pub next_id: u64,
    pub next_audit_id: u64,
    pub rule: AuditRule,
    /// Global pendant goods key (setkey/getkey).
    pub vendor_key: Vec<String>,
}

impl Library {
    pub fn new(rule: AuditRule) -> Self {
        Self {
            by_id: BTreeMap::new(),
            next_id: 0,
            next_audit_id: 525_000_000,
            rule,
            vendor_key: Vec::new(),
        }
    }

    pub fn alloc_ids(&mut self) -> (u64, u64) {
        self.next_id += 1;
        (self.next_id, self.alloc_audit())
    }

    pub fn alloc_audit(&mut self) -> u64 {
        self.next_audit_id += 1;
        self.next_audit_id
    }

    pub fn get_mut(&mut self, id: u64, now: i64) -> Option<&mut Goods> {
        let rule = &self.rule;
        let g = self.by_id.get_mut(&id)?;
        g.refresh(now, rule);
        Some(g)
    }

    pub fn refresh_all(&mut self, now: i64) {
        let rule = &self.rule;
        for g in self.by_id.values_mut() {
            g.refresh(now, rule);
        }
    }
}
