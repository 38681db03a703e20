//! `app-bench --app PATH --baseline PATH --work DIR [--runs 10] [--idle-runs 3] [--idle-secs 6]`
//!
//! Cold start to interactive: both release builds, alternating (the order flips each round so drift
//! hits both), after one warm-up each; median ratio app/baseline. Then memory after idling: PSS and
//! RSS summed over every process of each app (the app and its WebKit processes). Run it under a
//! display and a session bus (`scripts/bench-app.sh` provides both).

// A command-line report: printing is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod procs;
mod report;
mod run;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use run::{App, RunError};

#[derive(Debug)]
struct Args {
    app: PathBuf,
    baseline: PathBuf,
    work: PathBuf,
    runs: usize,
    idle_runs: usize,
    idle_secs: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        app: PathBuf::new(),
        baseline: PathBuf::new(),
        work: PathBuf::new(),
        runs: 10,
        idle_runs: 3,
        idle_secs: 6,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: not a number: {value}"))
        };
        match flag.as_str() {
            "--app" => args.app = value.clone().into(),
            "--baseline" => args.baseline = value.clone().into(),
            "--work" => args.work = value.clone().into(),
            "--runs" => args.runs = number()? as usize,
            "--idle-runs" => args.idle_runs = number()? as usize,
            "--idle-secs" => args.idle_secs = number()?,
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    if args.app.as_os_str().is_empty()
        || args.baseline.as_os_str().is_empty()
        || args.work.as_os_str().is_empty()
    {
        return Err("--app, --baseline and --work are required".into());
    }
    if args.runs == 0 || args.idle_runs == 0 {
        return Err("--runs and --idle-runs must be at least 1".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("app-bench: {e}");
            return ExitCode::from(2);
        }
    };
    if !procs::supported() {
        eprintln!("app-bench: needs Linux /proc/PID/smaps_rollup");
        return ExitCode::from(2);
    }
    match bench(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("app-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn bench(args: &Args) -> Result<(), RunError> {
    let io = |source| RunError::Io {
        app: "work dir".into(),
        source,
    };
    let app = App::new("livedesk", &args.app, &args.work).map_err(io)?;
    let base = App::new("baseline", &args.baseline, &args.work).map_err(io)?;

    // First launches create data dirs, databases and WebKit caches: not what a user waits for daily.
    app.time_startup(0)?;
    base.time_startup(0)?;
    let mut times = (Vec::new(), Vec::new());
    for run in 1..=args.runs {
        if run % 2 == 1 {
            times.0.push(app.time_startup(run)?);
            times.1.push(base.time_startup(run)?);
        } else {
            times.1.push(base.time_startup(run)?);
            times.0.push(app.time_startup(run)?);
        }
    }
    report::startup(&times.0, &times.1);

    let idle = Duration::from_secs(args.idle_secs);
    let mut mems = (Vec::new(), Vec::new());
    // Order flipped every run, as for the starts: neither app always runs on a warmer machine.
    for run in 1..=args.idle_runs {
        if run % 2 == 1 {
            mems.0.push(app.idle_memory(run, idle)?);
            mems.1.push(base.idle_memory(run, idle)?);
        } else {
            mems.1.push(base.idle_memory(run, idle)?);
            mems.0.push(app.idle_memory(run, idle)?);
        }
    }
    report::memory(args.idle_secs, &mems.0, &mems.1);
    Ok(())
}
