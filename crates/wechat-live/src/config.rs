//! How a [`crate::Client`] reaches WeChat: base URL, credentials, HTTP and retry settings, clock.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::secret::Secret;

/// WeChat's production API host.
pub const WECHAT_API: &str = "https://api.weixin.qq.com";

/// A source of "now" in Unix seconds. Tests and the sandbox point it at the simulator's clock so
/// validation ("start ≥ now + 10 min") agrees with the server.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// Everything a client needs. Build with [`Config::new`], then adjust fields.
#[derive(Clone)]
pub struct Config {
    /// API base URL without trailing slash: WeChat, the simulator, or a proxy.
    pub base_url: String,
    /// The mini program's AppID.
    pub app_id: String,
    /// The AppSecret (from the OS keyring in the desktop app).
    pub secret: Secret,
    /// Timeouts and concurrency.
    pub http: HttpConfig,
    /// Backoff for retryable failures.
    pub retry: RetryPolicy,
    /// "Now" for validation; the system clock unless replaced.
    pub clock: Clock,
}

impl Config {
    /// A config for WeChat's production API with default HTTP and retry settings.
    pub fn new(app_id: impl Into<String>, secret: impl Into<Secret>) -> Self {
        Self {
            base_url: WECHAT_API.to_owned(),
            app_id: app_id.into(),
            secret: secret.into(),
            http: HttpConfig::default(),
            retry: RetryPolicy::default(),
            clock: Arc::new(system_now),
        }
    }

    /// Same config against another host (the simulator, a proxy).
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into().trim_end_matches('/').to_owned();
        self
    }

    /// Same config with another clock.
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("base_url", &self.base_url)
            .field("app_id", &self.app_id)
            .field("secret", &self.secret)
            .field("http", &self.http)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

/// The system clock in Unix seconds.
pub fn system_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// HTTP settings.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Whole-request timeout.
    pub timeout: Duration,
    /// TCP/TLS connect timeout.
    pub connect_timeout: Duration,
    /// Page requests a bulk sync keeps in flight at once.
    pub concurrency: usize,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(15),
            connect_timeout: Duration::from_secs(5),
            concurrency: 8,
        }
    }
}

/// Capped exponential backoff with jitter for reads and idempotent writes.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// Delay before the first retry; doubles each time.
    pub base_delay: Duration,
    /// Upper bound of any single delay.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
        }
    }
}
