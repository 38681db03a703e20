//! The sandbox's RTMP ingest, beside the HTTP API: push addresses point here, so OBS or ffmpeg
//! pushing a room's address turns the room live the way WeChat's ingest does (§4, §6). A publish
//! must be signed and unexpired; leaving makes the room abnormal, then ended.

mod auth;
mod conn;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::state::Sim;

/// Accepts publishers on `listener` until the task is aborted; each connection has its own task
/// (a misbehaving client ends only its own).
pub fn spawn(sim: Arc<Sim>, listener: TcpListener) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let Ok((sock, peer)) = listener.accept().await else {
                continue;
            };
            let sim = sim.clone();
            tokio::spawn(async move {
                if let Err(e) = conn::serve(sim, sock).await {
                    tracing::info!(%peer, error = %e, "rtmp connection ended");
                }
            });
        }
    })
}

/// Binds 127.0.0.1:`port` (0: any free port).
pub async fn bind(port: u16) -> std::io::Result<(TcpListener, SocketAddr)> {
    let l = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
    let addr = l.local_addr()?;
    Ok((l, addr))
}
