//! The layer rule of `livedesk-core`, enforced: every `crate::…` path in `src/**` (in a `use` or
//! written out in code) points to a layer below its file's, or to its own area. Fails naming the
//! file, the line and the path. No exceptions.
//!
//! base (0) → infra (1) → journal (2) → domain (3: accounts, rooms, goods, destinations) →
//! live, obs, start (4) → app (5). `base`, `infra`, `journal` and `app` are one area each; in
//! `domain` and in the orchestration layer each module is its own area, and siblings never import
//! each other. Nothing inside the crate goes through the root's re-exports (`crate::Locale`), which
//! would hide the layer.

use std::path::{Path, PathBuf};

/// A module's place: its layer's rank and its area.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    rank: u8,
    area: String,
}

fn layer(top: &str, second: Option<&str>) -> Option<Place> {
    let (rank, area) = match top {
        "base" => (0, "base".to_owned()),
        "infra" => (1, "infra".to_owned()),
        "journal" => (2, "journal".to_owned()),
        "domain" => (3, format!("domain::{}", second?)),
        "live" | "obs" | "start" => (4, top.to_owned()),
        "app" => (5, "app".to_owned()),
        _ => return None,
    };
    Some(Place { rank, area })
}

/// The place of a file under `src/` (`None` for `lib.rs`, the root, which may name everything).
fn place_of(rel: &Path) -> Option<Place> {
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts == ["lib"] {
        return None;
    }
    let second = parts.get(1).map(String::as_str);
    Some(layer(&parts[0], second).unwrap_or_else(|| {
        panic!(
            "{}: a file outside the layers (base, infra, journal, domain, live, obs, start, app)",
            rel.display()
        )
    }))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a line, without its `//` comment (a `//` inside a string is rare enough here, and
/// would only hide a path, never invent one).
fn code(line: &str) -> &str {
    match line.find("//") {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Every `crate::` path of a source text, with its line number: `use crate::{a::b, c}` gives both
/// `a::b` and `c`.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().map(code).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let mut from = 0;
        while let Some(at) = line[from..].find("crate::") {
            let start = from + at + "crate::".len();
            let before = line[..from + at].chars().last();
            from = start;
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // `wechat_live_crate::…` and the like
            }
            let prefix: String = line[start..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let brace = start + prefix.len();
            if line[brace..].starts_with('{') {
                // A braced use: gather up to the matching brace, across lines.
                let mut group = String::new();
                let (mut depth, mut j, mut k) = (0i32, i, brace);
                'gather: loop {
                    let l = lines[j];
                    for (off, ch) in l[k..].char_indices() {
                        match ch {
                            '{' => depth += 1,
                            '}' => {
                                depth -= 1;
                                if depth == 0 {
                                    group.push_str(&l[k..k + off]);
                                    break 'gather;
                                }
                            }
                            _ => {}
                        }
                    }
                    group.push_str(&l[k..]);
                    group.push(' ');
                    j += 1;
                    k = 0;
                    assert!(j < lines.len(), "unclosed braces in a use");
                }
                let inner = group.trim_start_matches('{');
                for item in split_top(inner) {
                    let item = item.trim();
                    if !item.is_empty() {
                        out.push((i + 1, format!("{prefix}{item}")));
                    }
                }
            } else {
                out.push((i + 1, prefix.trim_end_matches(':').to_owned()));
            }
        }
        i += 1;
    }
    out
}

/// `a::b, c::{d, e}, f` split at the top-level commas.
fn split_top(s: &str) -> Vec<String> {
    let (mut parts, mut cur, mut depth) = (Vec::new(), String::new(), 0);
    for ch in s.chars() {
        match ch {
            '{' => {
                depth += 1;
                cur.push(ch)
            }
            '}' => {
                depth -= 1;
                cur.push(ch)
            }
            ',' if depth == 0 => parts.push(std::mem::take(&mut cur)),
            _ => cur.push(ch),
        }
    }
    parts.push(cur);
    parts
}

/// Why `from` may not name `path`, if it may not.
fn violation(from: &Place, path: &str) -> Option<String> {
    let mut segs = path.split("::").map(str::trim);
    let top = segs.next().unwrap_or_default();
    let second = segs.next().filter(|s| !s.is_empty() && !s.starts_with('{'));
    let Some(to) = layer(top, second) else {
        return Some(format!(
            "goes through the crate root (`crate::{top}`): name the layer"
        ));
    };
    if to.rank < from.rank || to.area == from.area {
        return None;
    }
    Some(if to.rank > from.rank {
        format!("points up, from {} to {}", from.area, to.area)
    } else {
        format!("points sideways, from {} to {}", from.area, to.area)
    })
}

#[test]
fn every_crate_path_points_down_or_stays_in_its_area() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 40, "the sources were not found: {files:?}");
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let Some(place) = place_of(rel) else { continue };
        let text = std::fs::read_to_string(file).unwrap();
        for (line, path) in crate_paths(&text) {
            checked += 1;
            if let Some(why) = violation(&place, &path) {
                problems.push(format!("src/{}:{line}: crate::{path} {why}", rel.display()));
            }
        }
    }
    assert!(
        checked > 200,
        "too few paths read ({checked}): the parser is broken"
    );
    assert!(
        problems.is_empty(),
        "{} import(s) break the layers:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_checker_sees_what_breaks_the_rule() {
    let rooms = Place {
        rank: 3,
        area: "domain::rooms".into(),
    };
    let text = "use crate::live::lock;\nuse crate::{base::clock, domain::goods::Shelf};\n\
                fn f() { crate::infra::media::fit(); } // crate::obs::Obs in a comment\n\
                use crate::Locale;\nuse crate::domain::rooms::form;\n\
                use crate::domain::{\n    accounts::Accounts,\n    rooms::Rooms,\n};\n";
    let found: Vec<(usize, String, Option<String>)> = crate_paths(text)
        .into_iter()
        .map(|(l, p)| {
            let v = violation(&rooms, &p);
            (l, p, v)
        })
        .collect();
    let bad: Vec<(usize, &str)> = found
        .iter()
        .filter(|(_, _, v)| v.is_some())
        .map(|(l, p, _)| (*l, p.as_str()))
        .collect();
    assert_eq!(
        bad,
        [
            (1, "live::lock"),
            (2, "domain::goods::Shelf"),
            (4, "Locale"),
            (6, "domain::accounts::Accounts")
        ],
        "{found:?}"
    );
    assert_eq!(found.len(), 8, "{found:?}");
}
