//! The core is shared by the window and the CLI: nothing in its dependency tree may be Tauri.
//! Read from the committed Cargo.lock (what `cargo tree -p livedesk-core` walks), so the test needs
//! no network and no cargo.

use std::collections::{BTreeMap, BTreeSet};

/// package name → the names it depends on, from Cargo.lock.
fn lock_graph() -> BTreeMap<String, Vec<String>> {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.lock"))
        .expect("Cargo.lock is committed at the workspace root");
    let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let name = block
            .lines()
            .find_map(|l| l.strip_prefix("name = "))
            .map(|n| n.trim_matches('"').to_owned())
            .expect("every package has a name");
        let mut deps = Vec::new();
        if let Some(start) = block.find("dependencies = [") {
            let list = &block[start + "dependencies = [".len()..];
            let list = &list[..list.find(']').unwrap_or(list.len())];
            for entry in list.split(',') {
                // `"name"` or `"name version"` or `"name version (source)"`.
                if let Some(n) = entry.trim().trim_matches('"').split_whitespace().next() {
                    deps.push(n.to_owned());
                }
            }
        }
        // Several versions of one crate: their dependencies all count.
        graph.entry(name).or_default().extend(deps);
    }
    graph
}

fn closure(graph: &BTreeMap<String, Vec<String>>, root: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![root.to_owned()];
    while let Some(n) = stack.pop() {
        if seen.insert(n.clone()) {
            stack.extend(graph.get(&n).into_iter().flatten().cloned());
        }
    }
    seen
}

#[test]
fn no_tauri_crate_in_the_cores_tree() {
    let graph = lock_graph();
    let tree = closure(&graph, "livedesk-core");
    assert!(
        tree.contains("wechat-live") && tree.contains("rusqlite"),
        "{tree:?}"
    );
    let tauri: Vec<_> = tree
        .iter()
        .filter(|n| n.starts_with("tauri") || *n == "wry" || *n == "tao")
        .collect();
    assert!(tauri.is_empty(), "livedesk-core depends on {tauri:?}");
    // The check can fail: the desktop shell's tree does hold Tauri.
    assert!(closure(&graph, "livedesk").contains("tauri"));
}
