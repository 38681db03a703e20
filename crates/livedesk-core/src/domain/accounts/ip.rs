//! The caller's public address as WeChat saw it, read from a 40164 errmsg. The reference (§1.1)
//! gives one form, `invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist` (then ` rid: …`,
//! which the client strips): the IPv4 address, then the same address IPv4-mapped in IPv6. Either
//! half is enough; whichever is there and readable is taken, the IPv4 one first. Getting started
//! and an account's verify say the same words about it ([`refusal_message`]).

use std::net::IpAddr;

use wechat_live::ErrCode;

use crate::base::locale::Locale;

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

/// What to do about WeChat refusing the caller's IP (40164, or 61004 for a third-party platform),
/// naming the address it saw when it named one.
pub fn refusal_message(locale: Locale, errcode: i64, ip: Option<&str>) -> String {
    let (seen_zh, seen_en) = match ip {
        Some(ip) => (
            format!("微信看到的本机公网 IP 是 {ip}，"),
            format!("WeChat saw this computer at the public IP {ip}, which "),
        ),
        None => (
            "微信没有在答复中给出它看到的 IP（请查看原始信息），本机的公网 IP ".to_owned(),
            "WeChat did not name the IP it saw (see its message); this computer's public IP "
                .to_owned(),
        ),
    };
    let addr = ip.unwrap_or("该地址");
    let addr_en = ip.unwrap_or("that address");
    let laptop_zh = "笔记本电脑换网络（家里、公司、手机热点）时公网 IP 会变：每个要用来直播的网络的地址都需要加入白名单。";
    let laptop_en =
        "A laptop that changes networks (home, office, phone hotspot) gets a new public IP each \
                     time: every network it goes live from needs its address on the list.";
    if errcode == ErrCode::ClientIpNotRegistered.code() {
        return locale.pick(
            format!("{seen_zh}未在调用方平台的 IP 白名单中登记（61004）。请在第三方平台的 IP 白名单中加入 {addr}，然后重试。{laptop_zh}"),
            format!(
                "{seen_en}is not registered in the calling platform's IP whitelist (61004). Add \
                 {addr_en} to the third-party platform's IP whitelist, then try again. {laptop_en}"
            ),
        );
    }
    locale.pick(
        format!(
            "{seen_zh}不在该小程序的接口 IP 白名单中（40164），所以拿不到 access_token。请用管理员微信登录微信公众平台\
             （mp.weixin.qq.com）小程序后台，在“开发管理 → 开发设置”的 IP 白名单中加入 {addr}，然后重试。{laptop_zh}"
        ),
        format!(
            "{seen_en}is not in the mini program's API IP whitelist (40164), so no access token can be \
             had. Sign in to the mini program's admin console (mp.weixin.qq.com) as an administrator, \
             add {addr_en} to the IP whitelist under Development Management → Development Settings, \
             then try again. {laptop_en}"
        ),
    )
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
