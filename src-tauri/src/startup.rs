//! When the app became interactive, and the benchmark mode (`LIVEDESK_BENCH`) that reports it.
//!
//! `make bench` starts the release build with `LIVEDESK_BENCH=startup` (print the ready line, then
//! exit: cold start to interactive) or `idle` (print it and stay up: memory after idling). The
//! baseline app under `bench/` prints the same line, so the harness times both the same way.

use std::io::Write;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The line written to stdout when the start view's data is on screen (the sandbox's room rows
/// painted), followed by the microseconds since the process started, the page's own milliseconds
/// from navigation start to `DOMContentLoaded`, and to the data on screen (`-1` when unknown).
pub const READY_LINE: &str = "livedesk-bench-ready";

/// The earlier line, when the page became interactive (`DOMContentLoaded`): the microseconds since
/// the process started and the page's milliseconds. The old ready point, still reported.
pub const DOM_LINE: &str = "livedesk-bench-dom";

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

    /// Writes the interactive line when benchmarking.
    pub fn report_dom(self, elapsed: Duration, page_ms: Option<f64>) {
        if self != Self::Off {
            write_line(&format!(
                "{DOM_LINE} {} {:.1}",
                elapsed.as_micros(),
                ms(page_ms)
            ));
        }
    }

    /// Writes the ready line (data on screen) when benchmarking; true when the app should now exit.
    pub fn report_ready(
        self,
        elapsed: Duration,
        page_ms: Option<f64>,
        data_ms: Option<f64>,
    ) -> bool {
        if self == Self::Off {
            return false;
        }
        write_line(&format!(
            "{READY_LINE} {} {:.1} {:.1}",
            elapsed.as_micros(),
            ms(page_ms),
            ms(data_ms)
        ));
        self == Self::Startup
    }
}

fn ms(v: Option<f64>) -> f64 {
    v.filter(|ms| ms.is_finite() && *ms >= 0.0).unwrap_or(-1.0)
}

fn write_line(line: &str) {
    let mut out = std::io::stdout().lock();
    // A closed stdout only loses the figure; the harness then reports the run as failed.
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
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
        let d = Duration::from_millis(5);
        assert!(!BenchMode::Off.report_ready(d, Some(12.5), Some(40.0)));
        assert!(!BenchMode::Idle.report_ready(d, Some(12.5), Some(40.0)));
        assert!(BenchMode::Startup.report_ready(d, Some(12.5), None));
        assert_eq!(ms(Some(f64::NAN)), -1.0);
        assert_eq!(ms(Some(7.5)), 7.5);
    }
}
