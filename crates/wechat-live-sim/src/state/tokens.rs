//! Access tokens of `/cgi-bin/token` and `/cgi-bin/stable_token`: independent families, both accepted
//! by every API call.

use std::collections::HashMap;

use rand::distr::Alphanumeric;
use rand::Rng;

/// Lifetime of every token (seconds).
pub const TOKEN_TTL: i64 = 7200;
/// Overlap during which a superseded or rotating token still works.
pub const OVERLAP: i64 = 300;
/// Force refreshes of the stable token allowed per day.
pub const FORCE_PER_DAY: u32 = 20;
/// Minimum spacing of effective force refreshes.
pub const FORCE_SPACING: i64 = 30;

#[derive(Debug, Clone)]
struct TokenInfo {
    expires_at: i64,
    /// After this instant the token is answered 40001 (superseded), not 42001.
    dead_after: Option<i64>,
}

/// Why a token was refused, mapped to WeChat's errcodes by the HTTP layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenFault {
    Missing,
    Malformed,
    Unknown,
    Expired,
}

#[derive(Debug, Clone)]
struct Stable {
    token: String,
    expires_at: i64,
}

#[derive(Debug, Default)]
pub struct Tokens {
    all: HashMap<String, TokenInfo>,
    /// Latest token of `/cgi-bin/token`.
    latest_plain: Option<String>,
    stable: Option<Stable>,
    last_force: Option<i64>,
    force_day: i64,
    force_count: u32,
}

fn mint() -> String {
    // Real tokens are ~140 chars of [A-Za-z0-9_-]; the prefix mimics their numeric head.
    let body: String = rand::rng()
        .sample_iter(&Alphanumeric)
        .take(132)
        .map(char::from)
        .collect();
    format!("93_{body}")
}

fn well_formed(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= 512
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

impl Tokens {
    pub fn check(&self, token: Option<&str>, now: i64) -> Result<(), TokenFault> {
        let token = token.ok_or(TokenFault::Missing)?;
        if token.is_empty() {
            return Err(TokenFault::Missing);
        }
        if !well_formed(token) {
            return Err(TokenFault::Malformed);
        }
        let info = self.all.get(token).ok_or(TokenFault::Unknown)?;
        if info.dead_after.is_some_and(|d| now >= d) {
            return Err(TokenFault::Unknown);
        }
        if now >= info.expires_at {
            return Err(TokenFault::Expired);
        }
        Ok(())
    }

    fn insert(&mut self, now: i64) -> String {
        // Forget tokens that have been useless for a day, so the map stays small.
        if self.all.len() > 4096 {
            self.all.retain(|_, i| {
                i.expires_at > now - 86_400 && i.dead_after.is_none_or(|d| d > now - 86_400)
            });
        }
        let token = mint();
        self.all.insert(
            token.clone(),
            TokenInfo {
                expires_at: now + TOKEN_TTL,
                dead_after: None,
            },
        );
        token
    }

    fn supersede(&mut self, token: &str, at: i64) {
        if let Some(info) = self.all.get_mut(token) {
            info.dead_after = Some(info.dead_after.map_or(at, |d| d.min(at)));
        }
    }

    /// `/cgi-bin/token`: a new token each call; the previous one keeps working 5 more minutes.
    pub fn issue_plain(&mut self, now: i64) -> (String, i64) {
        if let Some(prev) = self.latest_plain.take() {
            self.supersede(&prev, now + OVERLAP);
        }
        let token = self.insert(now);
        self.latest_plain = Some(token.clone());
        (token, TOKEN_TTL)
    }

    /// `/cgi-bin/stable_token` in normal mode: the same token during its life, rotated in its last
    /// 5 minutes (old and new both valid until the old one expires).
    pub fn stable(&mut self, now: i64) -> (String, i64) {
        if let Some(s) = &self.stable {
            if now < s.expires_at - OVERLAP {
                return (s.token.clone(), s.expires_at - now);
            }
        }
        let token = self.insert(now);
        self.stable = Some(Stable {
            token: token.clone(),
            expires_at: now + TOKEN_TTL,
        });
        (token, TOKEN_TTL)
    }

    /// Force mode. `Err(())` when the daily force allowance is spent.
    pub fn stable_force(&mut self, now: i64, day: i64) -> Result<(String, i64), ()> {
        if self.force_day != day {
            self.force_day = day;
            self.force_count = 0;
        }
        if self.last_force.is_some_and(|t| now - t < FORCE_SPACING) {
            // Too soon after the last effective refresh: no refresh happens.
            return Ok(self.stable(now));
        }
        if self.force_count >= FORCE_PER_DAY {
            return Err(());
        }
        self.force_count += 1;
        self.last_force = Some(now);
        if let Some(prev) = self.stable.take() {
            self.supersede(&prev.token, now);
        }
        let token = self.insert(now);
        self.stable = Some(Stable {
            token: token.clone(),
            expires_at: now + TOKEN_TTL,
        });
        Ok((token, TOKEN_TTL))
    }

    /// Control plane: every issued token is expired from now on.
    pub fn expire_all(&mut self, now: i64) {
        for info in self.all.values_mut() {
            info.expires_at = info.expires_at.min(now);
        }
        if let Some(s) = &mut self.stable {
            s.expires_at = s.expires_at.min(now);
        }
    }
}
