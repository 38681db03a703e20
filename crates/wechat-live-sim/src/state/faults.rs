//! Injected faults, matched per WeChat path (or "*") by count and probability.

use rand::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    Latency,
    /// Processes the request, then waits before answering (a slow answer to a processed write).
    LatencyAfter,
    Errcode,
    Drop,
    DropAfter,
    Html502,
}

impl FaultKind {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "latency" => Self::Latency,
            "latency_after" => Self::LatencyAfter,
            "errcode" => Self::Errcode,
            "drop" => Self::Drop,
            "drop_after" => Self::DropAfter,
            "html502" => Self::Html502,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Fault {
    pub id: u64,
    pub path: String,
    pub kind: FaultKind,
    pub latency_ms: u64,
    pub errcode: i64,
    /// Requests left to hit; `None` = unlimited.
    pub remaining: Option<u64>,
    pub probability: f64,
}

/// What the dispatcher must do for one request.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub kind: FaultKind,
    pub latency_ms: u64,
    pub errcode: i64,
}

#[derive(Debug, Default)]
pub struct Faults {
    list: Vec<Fault>,
    next_id: u64,
}

impl Faults {
    pub fn add(&mut self, mut fault: Fault) -> u64 {
        self.next_id += 1;
        fault.id = self.next_id;
        self.list.push(fault);
        self.next_id
    }

    pub fn clear(&mut self) {
        self.list.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The first fault that applies to this request, consuming one of its count.
    pub fn hit(&mut self, path: &str) -> Option<Hit> {
        let mut rng = rand::rng();
        let mut found = None;
        for (i, f) in self.list.iter_mut().enumerate() {
            if f.path != "*" && f.path != path {
                continue;
            }
            if f.probability < 1.0 && !rng.random_bool(f.probability.clamp(0.0, 1.0)) {
                continue;
            }
            if let Some(n) = &mut f.remaining {
                *n = n.saturating_sub(1);
            }
            found = Some((
                i,
                Hit {
                    kind: f.kind,
                    latency_ms: f.latency_ms,
                    errcode: f.errcode,
                },
            ));
            break;
        }
        let (i, hit) = found?;
        if self.list[i].remaining == Some(0) {
            self.list.remove(i);
        }
        Some(hit)
    }
}
