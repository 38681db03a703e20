//! The client: one token cache, one HTTP pool, and the call loop that applies the token and retry
//! rules to every operation. Typed operations live in [`crate::api`].

use std::future::Future;
use std::sync::Arc;

use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use tokio::sync::Semaphore;

use crate::config::Config;
use crate::errcode::RetryClass;
use crate::error::{Error, Result};
pub(crate) use crate::retry::Safety;
use crate::retry::{backoff, should_retry};
use crate::secret::Secret;
use crate::token::{AccessToken, TokenCache};
use crate::transport::{build_http, exchange, Payload, Request};

const STABLE_TOKEN: &str = "/cgi-bin/stable_token";

/// A client of WeChat's live API for one mini program. Cheap to clone; clones share the token and
/// the connection pool.
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    http: reqwest::Client,
    tokens: TokenCache,
    pages: Semaphore,
}

#[derive(Serialize)]
struct StableTokenRequest<'a> {
    grant_type: &'static str,
    appid: &'a str,
    secret: &'a str,
    force_refresh: bool,
}

#[derive(Deserialize)]
struct StableTokenAnswer {
    access_token: String,
    expires_in: u64,
}

impl Client {
    /// A client for `config`. Fails only on an unusable configuration.
    pub fn new(config: Config) -> Result<Self> {
        if config.app_id.trim().is_empty() {
            return Err(Error::Config("AppID is empty"));
        }
        if config.secret.is_empty() {
            return Err(Error::Config("AppSecret is empty"));
        }
        if !(config.base_url.starts_with("https://") || config.base_url.starts_with("http://")) {
            return Err(Error::Config(
                "base URL must start with https:// or http://",
            ));
        }
        // Credentials in the URL would travel (and be logged by proxies) with every request.
        match url::Url::parse(&config.base_url) {
            Ok(u) if u.username().is_empty() && u.password().is_none() => {}
            Ok(_) => return Err(Error::Config("base URL must not carry a user or password")),
            Err(_) => return Err(Error::Config("base URL is not a URL")),
        }
        let http = build_http(&config.http)?;
        let pages = Semaphore::new(config.http.concurrency.max(1));
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                http,
                tokens: TokenCache::default(),
                pages,
            }),
        })
    }

    /// The mini program's AppID.
    pub fn app_id(&self) -> &str {
        &self.inner.config.app_id
    }

    /// The API base URL this client talks to.
    pub fn base_url(&self) -> &str {
        &self.inner.config.base_url
    }

    /// "Now" in Unix seconds, from the configured clock.
    pub fn now(&self) -> i64 {
        (self.inner.config.clock)()
    }

    /// Checks the AppID and secret by getting a stable token (normal mode; cached afterwards).
    pub async fn verify_credentials(&self) -> Result<()> {
        self.token().await.map(|_| ())
    }

    /// Asks WeChat for a new token, invalidating the previous one (force mode: 20 a day, 30 s
    /// apart). Only for an explicit user action; the client never does this by itself.
    pub async fn force_refresh_token(&self) -> Result<()> {
        let (value, expires_in) = self.fetch_token(true).await?;
        self.inner.tokens.store(value, expires_in);
        Ok(())
    }

    async fn token(&self) -> Result<Arc<AccessToken>> {
        self.inner.tokens.get(|| self.fetch_token(false)).await
    }

    async fn fetch_token(&self, force_refresh: bool) -> Result<(Secret, u64)> {
        let cfg = &self.inner.config;
        let body = serde_json::to_vec(&StableTokenRequest {
            grant_type: "client_credential",
            appid: &cfg.app_id,
            secret: cfg.secret.expose(),
            force_refresh,
        })
        .map_err(|_| Error::Config("cannot encode the token request"))?;
        let req = Request {
            method: Method::POST,
            path: STABLE_TOKEN,
            query: &[],
            payload: Payload::Json(&body),
        };
        // Normal mode returns the same token when repeated, so it is safe to retry.
        let safety = if force_refresh {
            Safety::Once
        } else {
            Safety::Idempotent
        };
        let mut attempt = 0;
        let fields = loop {
            match exchange(&self.inner.http, &cfg.base_url, None, &req).await {
                Ok(fields) => break fields,
                Err(e) if should_retry(&e, safety, attempt, &cfg.retry) => {
                    tokio::time::sleep(backoff(&cfg.retry, attempt)).await;
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        };
        let answer: StableTokenAnswer = serde_json::from_value(Value::Object(fields))
            .map_err(|_| Error::decode("stable_token answer", b"<token answer withheld>"))?;
        if answer.access_token.is_empty() {
            return Err(Error::decode("empty access_token", b""));
        }
        Ok((Secret::new(answer.access_token), answer.expires_in))
    }

    /// Sends one request with the token and retry rules: a token error drops the token (if it is
    /// still the one that failed) and retries once; transient failures retry with backoff when
    /// `safety` allows.
    async fn execute(&self, req: Request<'_>, safety: Safety) -> Result<Map<String, Value>> {
        let cfg = &self.inner.config;
        let mut attempt = 0;
        let mut refreshed = false;
        loop {
            let token = self.token().await?;
            let outcome = exchange(
                &self.inner.http,
                &cfg.base_url,
                Some(token.value.expose()),
                &req,
            )
            .await;
            match outcome {
                Ok(fields) => return Ok(fields),
                // WeChat rejected the token before acting, so even a `Once` call is safe to resend.
                Err(e) if e.retry_class() == RetryClass::RefreshToken && !refreshed => {
                    self.inner.tokens.invalidate(&token);
                    refreshed = true;
                }
                Err(e) if should_retry(&e, safety, attempt, &cfg.retry) => {
                    tokio::time::sleep(backoff(&cfg.retry, attempt)).await;
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// A GET with `query` (always safe to retry).
    pub(crate) async fn get<R: DeserializeOwned>(
        &self,
        path: &'static str,
        query: &[(&'static str, String)],
    ) -> Result<R> {
        let req = Request {
            method: Method::GET,
            path,
            query,
            payload: Payload::Empty,
        };
        decode(self.execute(req, Safety::Idempotent).await?)
    }

    /// A POST of `body` as JSON.
    pub(crate) async fn post<B: Serialize + ?Sized, R: DeserializeOwned>(
        &self,
        path: &'static str,
        body: &B,
        safety: Safety,
    ) -> Result<R> {
        let json =
            serde_json::to_vec(body).map_err(|_| Error::Config("cannot encode the request"))?;
        let req = Request {
            method: Method::POST,
            path,
            query: &[],
            payload: Payload::Json(&json),
        };
        decode(self.execute(req, safety).await?)
    }

    /// Uploads an image as temporary media (`/cgi-bin/media/upload?type=image`, field `media`).
    pub(crate) async fn upload_image(
        &self,
        filename: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Result<Value> {
        let query = [("type", "image".to_owned())];
        let req = Request {
            method: Method::POST,
            path: "/cgi-bin/media/upload",
            query: &query,
            payload: Payload::Image {
                filename,
                content_type,
                bytes: &bytes,
            },
        };
        // An upload repeated only creates a second, unused media id: safe to retry.
        Ok(Value::Object(self.execute(req, Safety::Idempotent).await?))
    }

    /// Runs one page request of a bulk sync under the client-wide limit of in-flight pages, so
    /// rooms and goods syncing together still keep only `HttpConfig::concurrency` requests out.
    pub(crate) async fn paged<T>(&self, fut: impl Future<Output = T>) -> T {
        // The semaphore is never closed, so acquiring cannot fail; run unthrottled if it ever did.
        let _permit = self.inner.pages.acquire().await.ok();
        fut.await
    }
}

fn decode<R: DeserializeOwned>(fields: Map<String, Value>) -> Result<R> {
    let value = Value::Object(fields);
    R::deserialize(&value).map_err(|e| {
        let body = serde_json::to_vec(&value).unwrap_or_default();
        Error::decode(e.to_string(), &body)
    })
}
