//! A private nginx-rtmp for the probe's tests against a third-party ingest: application `live`
//! on a free port, its `on_publish` hook pointed at a small HTTP hook that takes only one key, and
//! an HTTP server on another port.
//! Stopped by PID when dropped. Needs nginx and libnginx-mod-rtmp (`scripts/bootstrap.sh obs`).

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::obs::free_port;

pub struct Nginx {
    /// The RTMP port.
    pub port: u16,
    /// nginx's HTTP port (a web server where RTMP might be expected).
    pub http_port: u16,
    child: Child,
    _dir: tempfile::TempDir,
}

/// Answers nginx-rtmp's `on_publish` POST: 2xx for `key`, 403 for any other stream name.
async fn hook(listener: TcpListener, key: String) {
    loop {
        let Ok((mut s, _)) = listener.accept().await else {
            return;
        };
        let key = key.clone();
        tokio::spawn(async move {
            let got = read_request(&mut s).await;
            let text = String::from_utf8_lossy(&got);
            let ok = text
                .split(['&', '\n', '\r'])
                .any(|p| p == format!("name={key}"));
            let status = if ok { "200 OK" } else { "403 Forbidden" };
            let _ = s
                .write_all(
                    format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .as_bytes(),
                )
                .await;
        });
    }
}

/// Reads one HTTP request: the headers, then as many body bytes as Content-Length says.
async fn read_request(s: &mut tokio::net::TcpStream) -> Vec<u8> {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        if let Some(end) = got.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&got[..end]).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            if got.len() >= end + 4 + len {
                return got;
            }
        }
        match s.read(&mut buf).await {
            Ok(0) | Err(_) => return got,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
}

impl Nginx {
    /// nginx-rtmp taking only `key` on application `live`.
    pub async fn start(key: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let hook_port = listener.local_addr().unwrap().port();
        tokio::spawn(hook(listener, key.to_owned()));
        let port = free_port();
        let http_port = free_port();
        let dir = tempfile::tempdir().unwrap();
        for sub in ["logs", "tmp"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        let conf = dir.path().join("nginx.conf");
        std::fs::write(
            &conf,
            format!(
                "load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;\n\
                 daemon off;\nmaster_process off;\nerror_log logs/error.log;\npid tmp/nginx.pid;\n\
                 events {{ worker_connections 64; }}\n\
                 rtmp {{ server {{ listen 127.0.0.1:{port}; application live {{ live on; \
                 on_publish http://127.0.0.1:{hook_port}/publish; }} }} }}\n\
                 http {{ access_log off; client_body_temp_path tmp; proxy_temp_path tmp; \
                 fastcgi_temp_path tmp; uwsgi_temp_path tmp; scgi_temp_path tmp; \
                 server {{ listen 127.0.0.1:{http_port}; location / {{ return 200 \"ok\"; }} }} }}\n"
            ),
        )
        .unwrap();
        let child = Command::new("nginx")
            .args([
                "-c",
                conf.to_str().unwrap(),
                "-p",
                dir.path().to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx (scripts/bootstrap.sh obs)");
        // Held at once, so a failure below still stops it (Drop).
        let nginx = Self {
            port,
            http_port,
            child,
            _dir: dir,
        };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return nginx;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "nginx-rtmp did not listen: {}",
            std::fs::read_to_string(nginx._dir.path().join("logs/error.log")).unwrap_or_default()
        );
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
