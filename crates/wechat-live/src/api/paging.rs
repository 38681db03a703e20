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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    fn client() -> Client {
        Client::new(Config::new("wxtest", "secret")).expect("valid config")
    }

    /// A fake list of `total` items whose server caps pages at `cap`.
    async fn fetch(total: u32, cap: u32, limit: u32, offset: u32) -> Result<(i64, Vec<u32>)> {
        let end = total.min(offset + limit.min(cap));
        Ok((i64::from(total), (offset.min(end)..end).collect()))
    }

    #[tokio::test]
    async fn fetches_every_page_once_in_order() {
        let c = client();
        let items = all_pages(&c, 100, |o| fetch(1050, 100, 100, o))
            .await
            .unwrap();
        assert_eq!(items, (0..1050).collect::<Vec<_>>());
    }

    #[tokio::test]
    async fn follows_a_server_side_page_cap() {
        let c = client();
        let items = all_pages(&c, 100, |o| fetch(95, 30, 100, o)).await.unwrap();
        assert_eq!(items, (0..95).collect::<Vec<_>>());
    }

    #[tokio::test]
    async fn empty_and_single_pages_need_one_request() {
        let c = client();
        let calls = std::sync::atomic::AtomicU32::new(0);
        let items = all_pages(&c, 100, |o| {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            fetch(0, 100, 100, o)
        })
        .await
        .unwrap();
        assert!(items.is_empty());
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn dedup_keeps_first_of_each_key() {
        let mut v = vec![(1, 'a'), (2, 'b'), (1, 'c')];
        dedup_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(1, 'a'), (2, 'b')]);
    }
}
