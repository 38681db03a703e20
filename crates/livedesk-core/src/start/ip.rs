//! The caller's public address as WeChat saw it, read from a 40164 errmsg. The reference (§1.1)
//! gives one form, `invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist` (then ` rid: …`,
//! which the client strips): the IPv4 address, then the same address IPv4-mapped in IPv6. Either
//! half is enough; whichever is there and readable is taken, the IPv4 one first.

use std::net::IpAddr;

/// The address after `invalid ip` (or, failing that, after `ipv6`, unmapped to IPv4 when it is an
/// IPv4-mapped address). `None` when the errmsg names no readable address.
pub fn from_errmsg(errmsg: &str) -> Option<IpAddr> {
    let lower = errmsg.to_ascii_lowercase();
    let after = |marker: &str| -> Option<IpAddr> {
        let at = lower.find(marker)? + marker.len();
        let token = errmsg[at..].split_whitespace().next()?;
        let token = token.trim_matches(|c: char| matches!(c, ',' | ';' | '[' | ']' | '(' | ')'));
        token.parse::<IpAddr>().ok()
    };
    after("invalid ip ")
        .or_else(|| after("ipv6 "))
        .map(|ip| match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<String> {
        from_errmsg(s).map(|a| a.to_string())
    }

    #[test]
    fn the_references_form_with_and_without_its_rid() {
        let form = "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist";
        assert_eq!(ip(form).as_deref(), Some("1.2.3.4"));
        assert_eq!(
            ip(&format!("{form} rid: 6512d3a1-0f1e2d3c-4b5a6978")).as_deref(),
            Some("1.2.3.4")
        );
        assert_eq!(
            ip("Invalid IP 203.0.113.7, not in whitelist").as_deref(),
            Some("203.0.113.7")
        );
    }

    #[test]
    fn the_ipv6_half_is_enough_and_unmapped() {
        assert_eq!(
            ip("invalid ip ipv6 ::ffff:198.51.100.20, not in whitelist").as_deref(),
            Some("198.51.100.20")
        );
        assert_eq!(
            ip("invalid ip ? ipv6 2001:db8::1, not in whitelist").as_deref(),
            Some("2001:db8::1")
        );
    }

    #[test]
    fn no_address_is_none() {
        assert_eq!(ip("not in whitelist"), None);
        assert_eq!(ip("invalid ip , not in whitelist"), None);
        assert_eq!(ip(""), None);
    }
}
