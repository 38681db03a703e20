//! Binding, routing and the handle returned by [`start`].

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::SimConfig;
use crate::conn::{ConnCut, CuttableListener};
use crate::state::Sim;
use crate::{control, demo, http, rtmp};

/// Why the simulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("cannot bind 127.0.0.1:{port}: {source}")]
    Bind {
        port: u16,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot bind the RTMP ingest on 127.0.0.1:{port}: {source}")]
    BindRtmp {
        port: u16,
        #[source]
        source: std::io::Error,
    },
}

/// A running simulator. Dropping it leaves the server running until the runtime ends; call
/// [`SimHandle::shutdown`] to stop it gracefully.
#[derive(Debug)]
pub struct SimHandle {
    base_url: String,
    app_id: String,
    secret: String,
    rtmp_base: Option<String>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
    rtmp_task: Option<JoinHandle<()>>,
}

impl SimHandle {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    pub fn secret(&self) -> &str {
        &self.secret
    }

    /// `rtmp://127.0.0.1:PORT/live` when the RTMP ingest runs.
    pub fn rtmp_base(&self) -> Option<&str> {
        self.rtmp_base.as_deref()
    }

    /// Stops accepting, lets requests in flight finish, and waits for the server to end.
    pub async fn shutdown(mut self) {
        if let Some(rtmp) = self.rtmp_task.take() {
            rtmp.abort();
        }
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

/// Starts a simulator on 127.0.0.1:`cfg.port` (0 picks a free port).
pub async fn start(cfg: SimConfig) -> Result<SimHandle, SimError> {
    let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], cfg.port)))
        .await
        .map_err(|source| SimError::Bind {
            port: cfg.port,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| SimError::Bind {
        port: cfg.port,
        source,
    })?;
    let base_url = format!("http://{addr}");
    let sim = Arc::new(Sim::new(&cfg, base_url.clone()));
    if cfg.demo {
        demo::seed(&sim, cfg.seed);
    }
    let mut rtmp_task = None;
    if let Some(port) = cfg.rtmp_port {
        let (listener, addr) = rtmp::bind(port)
            .await
            .map_err(|source| SimError::BindRtmp { port, source })?;
        sim.set_rtmp_base(format!("rtmp://{addr}/live"));
        rtmp_task = Some(rtmp::spawn(sim.clone(), listener));
        tracing::info!(%addr, "wechat-live-sim RTMP ingest listening");
    }
    let rtmp_base = cfg.rtmp_port.map(|_| sim.push_base());
    let app = Router::new()
        .nest("/__sim", control::router())
        .fallback(http::dispatch::wechat)
        .layer(axum::extract::DefaultBodyLimit::max(
            http::dispatch::BODY_LIMIT,
        ))
        .with_state(sim);
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let serve = axum::serve(
        CuttableListener(listener),
        app.into_make_service_with_connect_info::<ConnCut>(),
    )
    .with_graceful_shutdown(async {
        let _ = stop_rx.await;
    });
    let task = tokio::spawn(async move {
        if let Err(e) = serve.await {
            tracing::error!(error = %e, "simulator server stopped");
        }
    });
    tracing::info!(%base_url, app_id = %cfg.app_id, "wechat-live-sim listening");
    Ok(SimHandle {
        base_url,
        app_id: cfg.app_id,
        secret: cfg.secret,
        rtmp_base,
        stop: Some(stop_tx),
        task: Some(task),
        rtmp_task,
    })
}
