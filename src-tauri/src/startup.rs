//! When the app became interactive, and the benchmark mode (`LIVEDESK_BENCH`) that reports it.
//!
//! `make bench` starts the release build with `LIVEDESK_BENCH=startup` (print the ready line, then
//! exit: cold start to interactive) or `idle` (print it and stay up: memory after idling). The
//! baseline app under `bench/` prints the same line, so the harness times both the same way.

use std::io::Write;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The line written to stdout when the page has called in after `DOMContentLoaded`, followed by
/// the microseconds since the process started and the page's own milliseconds from navigation
/// start to `DOMContentLoaded` (`-1` when unknown).
pub const READY_LINE: &str = "livedesk-bench-ready";

static STARTED: OnceLock<Instant> = OnceLock::new();

/// Notes the process start; call first thing in `run`.
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// Time since `mark_start` (zero if it was never called, as in tests).
pub fn since_start() -> Duration {
    STARTED.get().map(Instant::elapsed).unwrap_or_default()
}

/// What the app does once the page is interactive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenchMode {
    /// Normal use: only log the time.
    Off,
    /// Print the ready line and exit.
    Startup,
    /// Print the ready line and keep running.
    Idle,
}

impl BenchMode {
    /// From `LIVEDESK_BENCH` (`startup` or `idle`; anything else is `Off`).
    pub fn from_env() -> Self {
        Self::parse(std::env::var("LIVEDESK_BENCH").ok().as_deref())
    }

    fn parse(value: Option<&str>) -> Self {
        match value {
            Some("startup") => Self::Startup,
            Some("idle") => Self::Idle,
            _ => Self::Off,
        }
    }

    /// Writes the ready line when benchmarking; true when the app should now exit.
    pub fn report_ready(self, elapsed: Duration, page_ms: Option<f64>) -> bool {
        if self == Self::Off {
            return false;
        }
        let mut out = std::io::stdout().lock();
        // A closed stdout only loses the figure; the harness then reports the run as failed.
        let page = page_ms.filter(|ms| ms.is_finite()).unwrap_or(-1.0);
        let _ = writeln!(out, "{READY_LINE} {} {page:.1}", elapsed.as_micros());
        let _ = out.flush();
        self == Self::Startup
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mode_comes_from_the_variable() {
        assert_eq!(BenchMode::parse(None), BenchMode::Off);
        assert_eq!(BenchMode::parse(Some("")), BenchMode::Off);
        assert_eq!(BenchMode::parse(Some("startup")), BenchMode::Startup);
        assert_eq!(BenchMode::parse(Some("idle")), BenchMode::Idle);
        assert_eq!(BenchMode::parse(Some("STARTUP")), BenchMode::Off);
    }

    #[test]
    fn only_startup_mode_asks_to_exit() {
        assert!(!BenchMode::Off.report_ready(Duration::from_millis(5), Some(12.5)));
        assert!(!BenchMode::Idle.report_ready(Duration::from_millis(5), Some(12.5)));
        assert!(BenchMode::Startup.report_ready(Duration::from_millis(5), Some(12.5)));
    }
}
