//! Medians, ratios and the printed report.

use crate::procs::ProcMem;
use crate::run::Startup;

const STARTUP_TARGET: f64 = 1.3;
const PSS_TARGET: f64 = 1.1;

/// Median of a non-empty list.
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    }
}

fn verdict(ratio: f64, target: f64) -> &'static str {
    if ratio <= target {
        "met"
    } else {
        "MISSED"
    }
}

pub fn startup(app: &[Startup], base: &[Startup]) {
    println!(
        "cold start (ms from spawn), alternating, after one warm-up each. 'ready' = what the user"
    );
    println!(
        "waits for, painted (two animation frames after): LiveDesk's start view with the sandbox's"
    );
    println!(
        "room rows, the baseline's page. 'dom' = DOMContentLoaded, the old ready point, before any"
    );
    println!("paint; 'page' = the page's own navigation start to DOMContentLoaded");
    println!(
        "{:>4} {:>10} {:>8} {:>8} {:>10} {:>8} {:>8}",
        "run", "livedesk", "dom", "page", "baseline", "dom", "page"
    );
    for (i, (a, b)) in app.iter().zip(base).enumerate() {
        println!(
            "{:>4} {:>10.1} {:>8.1} {:>8.1} {:>10.1} {:>8.1} {:>8.1}",
            i + 1,
            a.total_ms,
            a.dom_ms,
            a.page_ms,
            b.total_ms,
            b.dom_ms,
            b.page_ms
        );
    }
    let med = |v: &[Startup], f: fn(&Startup) -> f64| median(&v.iter().map(f).collect::<Vec<_>>());
    let (ma, mb) = (med(app, |s| s.total_ms), med(base, |s| s.total_ms));
    let (da, db) = (med(app, |s| s.dom_ms), med(base, |s| s.dom_ms));
    println!(
        "{:>4} {ma:>10.1} {da:>8.1} {:>8.1} {mb:>10.1} {db:>8.1} {:>8.1}",
        "med",
        med(app, |s| s.page_ms),
        med(base, |s| s.page_ms)
    );
    let ratio = ma / mb;
    println!(
        "startup ratio, ready = content painted (median livedesk / median baseline): {ratio:.2} (target <= {STARTUP_TARGET}: {})",
        verdict(ratio, STARTUP_TARGET)
    );
    println!(
        "startup ratio, DOMContentLoaded (the old point): {:.2}",
        da / db
    );
}

/// Sum over a run's processes: (PSS, RSS) in KiB.
fn totals(run: &[ProcMem]) -> (u64, u64) {
    run.iter()
        .fold((0, 0), |(p, r), m| (p + m.pss_kib, r + m.rss_kib))
}

/// The run with the median PSS total.
fn median_run(runs: &[Vec<ProcMem>]) -> &[ProcMem] {
    let mut sorted: Vec<&Vec<ProcMem>> = runs.iter().collect();
    sorted.sort_by_key(|r| totals(r).0);
    sorted[sorted.len() / 2]
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn describe(label: &str, run: &[ProcMem]) {
    let (pss, rss) = totals(run);
    let parts: Vec<String> = run
        .iter()
        .map(|m| {
            format!(
                "{} {} {:.1}/{:.1}",
                m.name,
                m.pid,
                mib(m.pss_kib),
                mib(m.rss_kib)
            )
        })
        .collect();
    println!(
        "{label:>9}: PSS {:.1} MiB, RSS {:.1} MiB over {} processes [PSS/RSS MiB: {}]",
        mib(pss),
        mib(rss),
        run.len(),
        parts.join(", ")
    );
}

pub fn memory(idle_secs: u64, app: &[Vec<ProcMem>], base: &[Vec<ProcMem>]) {
    println!(
        "memory after {idle_secs} s idle, whole process tree, run with the median PSS of {}",
        app.len()
    );
    let (a, b) = (median_run(app), median_run(base));
    describe("livedesk", a);
    describe("baseline", b);
    let (ta, tb) = (totals(a), totals(b));
    let pss = ta.0 as f64 / tb.0 as f64;
    let rss = ta.1 as f64 / tb.1 as f64;
    println!(
        "memory ratio livedesk / baseline: PSS {pss:.2} (target <= {PSS_TARGET}: {}), RSS {rss:.2}",
        verdict(pss, PSS_TARGET)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mem(pss: u64, rss: u64) -> ProcMem {
        ProcMem {
            pid: 1,
            name: "x".into(),
            pss_kib: pss,
            rss_kib: rss,
        }
    }

    #[test]
    fn median_of_odd_and_even_lists() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&[7.0]), 7.0);
    }

    #[test]
    fn totals_sum_every_process_and_the_median_run_is_by_pss() {
        let runs = vec![
            vec![mem(10, 20), mem(5, 9)],
            vec![mem(30, 40)],
            vec![mem(1, 100)],
        ];
        assert_eq!(totals(&runs[0]), (15, 29));
        assert_eq!(totals(median_run(&runs)), (15, 29));
    }
}
