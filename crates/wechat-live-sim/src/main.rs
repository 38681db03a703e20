//! `wechat-live-sim`: runs the simulator until Ctrl-C, printing `base_url=` and `app_id=` lines.
#![allow(clippy::print_stdout)]

use clap::Parser;
use rand::distr::Alphanumeric;
use rand::Rng;
use wechat_live_sim::{start, SimConfig};

/// Simulator of WeChat's Mini Program live (小程序直播) server API.
#[derive(Debug, Parser)]
#[command(name = "wechat-live-sim", version)]
struct Args {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Seed the demo account (rooms in every status, goods, members).
    #[arg(long)]
    demo: bool,
    /// AppID of the simulated account.
    #[arg(long)]
    app_id: Option<String>,
    /// AppSecret; generated (and printed) when --app-id is given without it.
    #[arg(long)]
    secret: Option<String>,
    /// Seconds on the simulator clock before a goods audit is decided.
    #[arg(long, default_value_t = 5)]
    audit_delay: u64,
    /// Milliseconds a pushed goods card shows (300047/300049 meanwhile); 0: pushes complete at once.
    #[arg(long, default_value_t = wechat_live_sim::DEFAULT_PUSH_WINDOW_MS)]
    push_window_ms: u64,
    /// Run the RTMP ingest on this port of 127.0.0.1 (0 picks a free one, printed as `rtmp=`);
    /// push addresses then point at it. Without it, they name WeChat's push host.
    #[arg(long)]
    rtmp_port: Option<u16>,
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let args = Args::parse();
    let mut cfg = if args.demo {
        SimConfig::demo()
    } else {
        SimConfig::default()
    };
    cfg.port = args.port;
    cfg.audit_delay_secs = args.audit_delay;
    cfg.push_window_ms = args.push_window_ms;
    cfg.rtmp_port = args.rtmp_port;
    let mut generated = false;
    if let Some(app_id) = args.app_id {
        cfg.app_id = app_id;
        cfg.secret = match args.secret {
            Some(s) => s,
            None => {
                generated = true;
                rand::rng()
                    .sample_iter(&Alphanumeric)
                    .take(32)
                    .map(char::from)
                    .collect()
            }
        };
    } else if let Some(secret) = args.secret {
        cfg.secret = secret;
    }
    let sim = match start(cfg).await {
        Ok(sim) => sim,
        Err(e) => {
            tracing::error!(error = %e, "cannot start");
            std::process::exit(1);
        }
    };
    println!("base_url={}", sim.base_url());
    println!("app_id={}", sim.app_id());
    if let Some(rtmp) = sim.rtmp_base() {
        println!("rtmp={rtmp}");
    }
    if generated {
        println!("secret={}", sim.secret());
    }
    let _ = tokio::signal::ctrl_c().await;
    sim.shutdown().await;
}
