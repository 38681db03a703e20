//! One run of an app: start it in a benchmark mode, wait for its ready line, then time it (startup)
//! or measure its memory after idling (idle), and leave no process of it behind.

use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::procs::{self, ProcMem};

/// What the user waits for, painted: LiveDesk's start view with its data, the baseline's page.
const READY_LINE: &str = "livedesk-bench-ready";
/// The earlier point: the page interactive (DOMContentLoaded), before anything is painted. An app
/// that prints no such line counts as interactive when it is ready.
const DOM_LINE: &str = "livedesk-bench-dom";
const READY_TIMEOUT: Duration = Duration::from_secs(90);
const EXIT_TIMEOUT: Duration = Duration::from_secs(30);
const STOP_GRACE: Duration = Duration::from_secs(10);

/// Why a run gave no figure.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("{app}: could not start {path}: {source}")]
    Spawn {
        app: String,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{app}: no ready line within {0:?} (its stderr: {log})", READY_TIMEOUT)]
    NotReady { app: String, log: PathBuf },
    #[error(
        "{app}: still running {0:?} after its ready line in startup mode",
        EXIT_TIMEOUT
    )]
    NoExit { app: String },
    #[error("{app}: processes left behind that even SIGKILL did not stop")]
    Leftovers { app: String },
    #[error("{app}: {0}", .source)]
    Io { app: String, source: std::io::Error },
}

/// One start: spawn to the ready line (data on screen) and to the interactive line, and the page's
/// share of each (from navigation start).
#[derive(Debug, Clone, Copy)]
pub struct Startup {
    /// Spawn to the data on screen.
    pub total_ms: f64,
    /// Spawn to DOMContentLoaded (the old ready point).
    pub dom_ms: f64,
    /// The page's navigation start to DOMContentLoaded; negative when the app did not report it.
    pub page_ms: f64,
}

/// Field `n` (0 = the tag) of a ready line, `-1` when absent.
fn field(line: &str, n: usize) -> f64 {
    line.split_whitespace()
        .nth(n)
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1.0)
}

/// The page milliseconds of a ready line (`livedesk-bench-ready <us> <page_ms> [<data_ms>]`).
fn page_ms(line: &str) -> f64 {
    field(line, 2)
}

/// What the reader thread saw: (arrival since spawn, page ms) of each line.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    dom: Option<(Duration, f64)>,
    ready: Option<(Duration, f64)>,
}

/// An app under test, with a home and XDG dirs of its own.
#[derive(Debug)]
pub struct App {
    pub label: String,
    pub binary: PathBuf,
    pub dir: PathBuf,
}

impl App {
    pub fn new(label: &str, binary: &Path, work: &Path) -> std::io::Result<Self> {
        let dir = work.join(label);
        for sub in ["home", "data", "config", "cache"] {
            fs::create_dir_all(dir.join(sub))?;
        }
        Ok(Self {
            label: label.to_owned(),
            binary: binary.to_owned(),
            dir,
        })
    }

    /// Milliseconds from spawn to the ready line; the app exits on its own after it.
    pub fn time_startup(&self, run: usize) -> Result<Startup, RunError> {
        let (mut child, marker, seen) = self.start("startup", run)?;
        let (ready, ready_page) = seen.ready.expect("start returns once the ready line came");
        let (dom, page) = seen.dom.unwrap_or((ready, ready_page));
        let elapsed = Startup {
            total_ms: ready.as_secs_f64() * 1e3,
            dom_ms: dom.as_secs_f64() * 1e3,
            page_ms: page,
        };
        let deadline = Instant::now() + EXIT_TIMEOUT;
        loop {
            match child.try_wait().map_err(|source| self.io(source))? {
                Some(_) => break,
                None if Instant::now() >= deadline => {
                    self.stop(&mut child, &marker)?;
                    return Err(RunError::NoExit {
                        app: self.label.clone(),
                    });
                }
                None => sleep(Duration::from_millis(20)),
            }
        }
        // WebKit's helpers leave shortly after the app; the next run must not overlap them.
        self.stop(&mut child, &marker)?;
        Ok(elapsed)
    }

    /// Every process of the app after `idle` past its ready line.
    pub fn idle_memory(&self, run: usize, idle: Duration) -> Result<Vec<ProcMem>, RunError> {
        let (mut child, marker, _) = self.start("idle", run)?;
        sleep(idle);
        let mem = procs::memory(&procs::with_marker(&marker));
        self.stop(&mut child, &marker)?;
        Ok(mem)
    }

    fn start(&self, mode: &str, run: usize) -> Result<(Child, String, Seen), RunError> {
        let marker_value = format!("{}-{mode}-{run}-{}", self.label, std::process::id());
        let marker = format!("LIVEDESK_BENCH_RUN={marker_value}");
        let log = self.dir.join(format!("{mode}-{run}.stderr"));
        let stderr = File::create(&log).map_err(|source| self.io(source))?;
        let started = Instant::now();
        let mut child = Command::new(&self.binary)
            .env("LIVEDESK_BENCH", mode)
            .env("LIVEDESK_BENCH_RUN", &marker_value)
            .env("HOME", self.dir.join("home"))
            .env("XDG_DATA_HOME", self.dir.join("data"))
            .env("XDG_CONFIG_HOME", self.dir.join("config"))
            .env("XDG_CACHE_HOME", self.dir.join("cache"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|source| RunError::Spawn {
                app: self.label.clone(),
                path: self.binary.clone(),
                source,
            })?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut seen = Seen::default();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.starts_with(DOM_LINE) {
                    seen.dom = Some((started.elapsed(), page_ms(&line)));
                } else if line.starts_with(READY_LINE) {
                    seen.ready = Some((started.elapsed(), page_ms(&line)));
                    let _ = tx.send(seen);
                }
            }
        });
        match rx.recv_timeout(READY_TIMEOUT) {
            Ok(ready) => Ok((child, marker, ready)),
            Err(_) => {
                self.stop(&mut child, &marker)?;
                Err(RunError::NotReady {
                    app: self.label.clone(),
                    log,
                })
            }
        }
    }

    fn stop(&self, child: &mut Child, marker: &str) -> Result<(), RunError> {
        let gone = procs::stop_all(marker, "TERM", STOP_GRACE);
        let _ = child.kill();
        child.wait().map_err(|source| self.io(source))?;
        if gone {
            Ok(())
        } else {
            Err(RunError::Leftovers {
                app: self.label.clone(),
            })
        }
    }

    fn io(&self, source: std::io::Error) -> RunError {
        RunError::Io {
            app: self.label.clone(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_time_is_the_third_field_of_the_ready_line() {
        assert_eq!(page_ms("livedesk-bench-ready 431000 172.5"), 172.5);
        assert_eq!(page_ms("livedesk-bench-ready 431000"), -1.0);
        assert_eq!(page_ms("livedesk-bench-ready 431000 x"), -1.0);
        assert_eq!(field("livedesk-bench-ready 431000 150.0 480.5", 3), 480.5);
    }
}
