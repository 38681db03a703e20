//! The client follows no redirect and sends no Referer: a 307 from the API's address (a hostile
//! proxy, a captive portal) must not carry stable_token's body — the AppSecret — to where its
//! `Location` points. The second listener counts every connection it gets and must get none.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use wechat_live::{Client, Config, Error, Secret};

/// A listener that counts connections and answers nothing useful.
async fn counting_listener() -> (String, Arc<AtomicUsize>) {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let seen = hits.clone();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            seen.fetch_add(1, Ordering::SeqCst);
            let _ = s.shutdown().await;
        }
    });
    (url, hits)
}

/// A listener that answers every request with a redirect of `status` to `target` (same path).
async fn redirecting_listener(status: u16, target: String) -> (String, Arc<AtomicUsize>) {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let seen = hits.clone();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            seen.fetch_add(1, Ordering::SeqCst);
            let target = target.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 64 * 1024];
                let _ = s.read(&mut buf).await;
                let answer = format!(
                    "HTTP/1.1 {status} Redirect\r\nLocation: {target}/cgi-bin/stable_token\r\n\
                     Content-Length: 0\r\nConnection: close\r\n\r\n"
                );
                let _ = s.write_all(answer.as_bytes()).await;
                let _ = s.shutdown().await;
            });
        }
    });
    (url, hits)
}

#[tokio::test]
async fn a_redirect_is_an_error_and_its_target_gets_nothing() {
    for status in [301, 302, 307, 308] {
        let (elsewhere, elsewhere_hits) = counting_listener().await;
        let (api, api_hits) = redirecting_listener(status, elsewhere).await;
        let client = Client::new(
            Config::new(
                "wx0123456789abcdef".to_owned(),
                Secret::new("the-appsecret-value"),
            )
            .with_base_url(api),
        )
        .unwrap();
        let e = client.verify_credentials().await.unwrap_err();
        assert!(
            matches!(e, Error::Http { status: s, .. } if s == status),
            "{status}: {e:?}"
        );
        assert!(!format!("{e:?}").contains("the-appsecret-value"), "{e:?}");
        assert!(api_hits.load(Ordering::SeqCst) >= 1, "the API was asked");
        assert_eq!(
            elsewhere_hits.load(Ordering::SeqCst),
            0,
            "{status}: the redirect's target got a connection"
        );
    }
}

#[test]
fn a_base_url_with_credentials_is_refused() {
    for url in ["https://ann:pw@api.weixin.qq.com", "http://ann@127.0.0.1:9"] {
        let e = Client::new(
            Config::new("wx0123456789abcdef".to_owned(), Secret::new("s")).with_base_url(url),
        )
        .unwrap_err();
        assert!(matches!(e, Error::Config(_)), "{url}: {e:?}");
    }
}
