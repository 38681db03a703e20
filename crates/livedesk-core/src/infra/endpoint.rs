//! Where an account's requests go. The AppSecret travels in the body of `stable_token`: over plain
//! `http://` it would cross the network readable, so http is allowed only to this machine (the
//! sandbox, a simulator in a test, a local proxy).

use std::net::IpAddr;

use url::{Host, Url};

use crate::base::error::{CoreError, CoreResult};

/// Accepts `https://…`, and `http://…` only to a loopback address; anything else is an error at
/// the `baseUrl` field.
pub fn check_base_url(url: &str) -> CoreResult<()> {
    let bad_form = || {
        CoreError::invalid(
            "baseUrl",
            "API 地址需以 https:// 开头（例如 https://api.weixin.qq.com）",
            "The API base URL must start with https:// (e.g. https://api.weixin.qq.com)",
        )
    };
    let parsed = Url::parse(url).map_err(|_| bad_form())?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(CoreError::invalid(
            "baseUrl",
            "API 地址不能包含用户名或密码（例如 https://api.weixin.qq.com）",
            "The API base URL must not carry a user name or password (e.g. https://api.weixin.qq.com)",
        ));
    }
    match parsed.scheme() {
        "https" if parsed.host().is_some() => Ok(()),
        "http" if parsed.host().as_ref().is_some_and(is_loopback) => Ok(()),
        "http" => Err(CoreError::invalid(
            "baseUrl",
            "AppSecret 不能经未加密的 http:// 发送到其他机器：请使用 https://（http:// 仅限本机地址，如 http://127.0.0.1:8080）",
            "The AppSecret must not travel over plain http:// to another machine: use https:// \
             (http:// is allowed only to this machine, e.g. http://127.0.0.1:8080)",
        )),
        _ => Err(bad_form()),
    }
}

fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_to_loopback() {
        for ok in [
            "https://api.weixin.qq.com",
            "https://10.0.0.5:8443/proxy",
            "http://127.0.0.1:5000",
            "http://127.8.9.10",
            "http://localhost:1420",
            "http://[::1]:80",
        ] {
            assert!(check_base_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://api.weixin.qq.com",
            "http://192.168.1.10:8080",
            "http://localhost.example.com",
            "http://[::2]",
        ] {
            let e = check_base_url(bad).unwrap_err();
            assert_eq!(e.field().as_deref(), Some("baseUrl"), "{bad}");
            assert!(
                e.message(crate::base::locale::Locale::En)
                    .contains("plain http://"),
                "{bad}"
            );
        }
        for bad in ["ftp://x", "api.weixin.qq.com", "https://", ""] {
            assert!(check_base_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_user_or_password_in_the_url_is_refused_at_the_field() {
        for bad in [
            "https://ann:pw@api.weixin.qq.com",
            "https://ann@api.weixin.qq.com",
            "http://u:p@127.0.0.1:5000",
        ] {
            let e = check_base_url(bad).unwrap_err();
            assert_eq!(e.field().as_deref(), Some("baseUrl"), "{bad}");
            let m = e.message(crate::base::locale::Locale::En);
            assert!(
                m.contains("user name or password") && !m.contains("pw"),
                "{m}"
            );
        }
    }
}
