//! The smallest Tauri 2 app that does what LiveDesk's benchmarks time: one window, one page, one
//! command the page calls on `DOMContentLoaded` and again once that page is painted (two animation
//! frames later, as LiveDesk reports its start view's data painted). With `LIVEDESK_BENCH=startup`
//! it prints the lines and exits after the second; with `idle` it prints them and stays up. Same
//! lines, same variable as the app.

use std::io::Write;
use std::time::Instant;

use tauri::{AppHandle, State};

struct Started(Instant);

#[tauri::command]
fn ready(app: AppHandle, started: State<'_, Started>, page_ms: f64, painted: bool) {
    let mode = std::env::var("LIVEDESK_BENCH").unwrap_or_default();
    if mode == "startup" || mode == "idle" {
        let mut out = std::io::stdout().lock();
        let us = started.0.elapsed().as_micros();
        let tag = if painted {
            "livedesk-bench-ready"
        } else {
            "livedesk-bench-dom"
        };
        let _ = writeln!(out, "{tag} {us} {page_ms:.1}");
        let _ = out.flush();
    }
    if mode == "startup" && painted {
        app.exit(0);
    }
}

fn main() {
    let started = Started(Instant::now());
    let result = tauri::Builder::default()
        .manage(started)
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        let _ = writeln!(std::io::stderr(), "tauri-baseline: {e}");
        std::process::exit(1);
    }
}
