//! Concurrent paging shared by every `list_all`.

use std::future::Future;

use futures::future::try_join_all;

use crate::{Client, Result};

/// Stops a nonsensical `total` from scheduling millions of page requests.
const MAX_ITEMS: usize = 1_000_000;

/// Fetches every page of an offset-paged list. The first page gives the total; the remaining pages
/// are requested concurrently, each under [`Client::paged`] so the client-wide page limit holds.
///
/// `fetch(offset)` answers `(total, items)`. If WeChat returns fewer items than asked on the first
/// page while the total says more exist, it capped the page size: the step follows what it gave.
pub(crate) async fn all_pages<T, F, Fut>(client: &Client, limit: u32, fetch: F) -> Result<Vec<T>>
where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = Result<(i64, Vec<T>)>>,
{
    let (total, mut items) = client.paged(fetch(0)).await?;
    let total = usize::try_from(total).unwrap_or(0).min(MAX_ITEMS);
    let step = items.len().min(limit as usize);
    if step == 0 || items.len() >= total {
        return Ok(items);
    }
    let offsets = (step..total)
        .step_by(step)
        .filter_map(|o| u32::try_from(o).ok());
    let pages = try_join_all(offsets.map(|o| client.paged(fetch(o)))).await?;
    for (_, page) in pages {
        items.extend(page);
    }
    Ok(items)
}

/// Keeps the first item of each key, in order: pages read while the list changes can overlap.
pub(crate) fn dedup_by_key<T, K: std::hash::Hash + Eq>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|i| seen.insert(key(i)));
}
