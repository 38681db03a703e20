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

const READY_LINE: &str = "livedesk-bench-ready";
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

/// One start: spawn to the ready line, and the page's share (navigation start to DOMContentLoaded).
#[derive(Debug, Clone, Copy)]
pub struct Startup {
    pub total_ms: f64,
    /// Negative when the app did not report it.
    pub page_ms: f64,
}

/// The page milliseconds of a ready line (`livedesk-bench-ready <us> <page_ms>`).
fn page_ms(line: &str) -> f64 {
    line.split_whitespace()
        .nth(2)
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1.0)
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
        let (mut child, marker, (ready, page)) = self.start("startup", run)?;
        let elapsed = Startup {
            total_ms: ready.as_secs_f64() * 1e3,
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

    fn start(&self, mode: &str, run: usize) -> Result<(Child, String, (Duration, f64)), RunError> {
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
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.starts_with(READY_LINE) {
                    let _ = tx.send((started.elapsed(), page_ms(&line)));
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
    }
}
