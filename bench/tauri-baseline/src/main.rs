//! The smallest Tauri 2 app that does what LiveDesk's benchmarks time: one window, one page, one
//! command the page calls on `DOMContentLoaded`. With `LIVEDESK_BENCH=startup` it prints the ready
//! line and exits; with `idle` it prints it and stays up. Same line, same variable as the app.

use std::io::Write;
use std::time::Instant;

use tauri::{AppHandle, State};

struct Started(Instant);

#[tauri::command]
fn ready(app: AppHandle, started: State<'_, Started>, page_ms: f64) {
    let mode = std::env::var("LIVEDESK_BENCH").unwrap_or_default();
    if mode == "startup" || mode == "idle" {
        let mut out = std::io::stdout().lock();
        let us = started.0.elapsed().as_micros();
        let _ = writeln!(out, "livedesk-bench-ready {us} {page_ms:.1}");
        let _ = out.flush();
    }
    if mode == "startup" {
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
