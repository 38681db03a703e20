//! The account's access as WeChat holds it, set through `POST /__sim/access`: whether 小程序直播 is
//! activated for the account (if not, its live endpoints answer 48001 `api unauthorized`), and its
//! API IP whitelist (when one is set, a token request from an address not on it answers 40164).

use std::net::Ipv4Addr;

/// Activation and the IP whitelist of the one account the simulator holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// 小程序直播 activated (the default). `false`: every live endpoint answers 48001.
    pub live_activated: bool,
    /// `None`: no whitelist, every caller may take a token (the default). `Some(list)`: only these
    /// addresses may.
    pub ip_whitelist: Option<Vec<Ipv4Addr>>,
    /// The address WeChat sees the caller at. The simulator listens on 127.0.0.1 only, so every
    /// caller is this machine unless the control plane names the public address a caller behind
    /// NAT would have.
    pub caller_ip: Ipv4Addr,
}

impl Default for Access {
    fn default() -> Self {
        Self {
            live_activated: true,
            ip_whitelist: None,
            caller_ip: Ipv4Addr::LOCALHOST,
        }
    }
}

impl Access {
    /// The caller's address when the whitelist does not list it.
    pub fn refused_ip(&self) -> Option<Ipv4Addr> {
        let list = self.ip_whitelist.as_ref()?;
        (!list.contains(&self.caller_ip)).then_some(self.caller_ip)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_set_whitelist_refuses_and_only_unlisted_callers() {
        let mut a = Access::default();
        assert_eq!(a.refused_ip(), None);
        a.ip_whitelist = Some(vec![Ipv4Addr::new(203, 0, 113, 7)]);
        assert_eq!(a.refused_ip(), Some(Ipv4Addr::LOCALHOST));
        a.caller_ip = Ipv4Addr::new(203, 0, 113, 7);
        assert_eq!(a.refused_ip(), None);
        a.ip_whitelist = Some(Vec::new());
        assert_eq!(a.refused_ip(), Some(Ipv4Addr::new(203, 0, 113, 7)));
    }
}
