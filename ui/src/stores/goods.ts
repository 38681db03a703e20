// The goods library of the account on screen, by audit tab: the page shown (read from this
// computer's copy), Sync from WeChat with its progress, the goods' own actions, and the audit
// states refreshed in the background while someone watches the under-review tab.
import { defineStore } from 'pinia'
import { onScopeDispose, ref, watch, type WatchSource } from 'vue'
import * as api from '@/api'
import type { LibraryPage, SyncDone, SyncProgress } from '@/api'
import { debounce } from '@/lib/debounce'
import { task } from '@/lib/task'

export const GOODS_PAGE_SIZE = 20
/** How often the audit states are asked while watched. */
export const AUDIT_POLL_MS = 15_000
const SEARCH_MS = 250
/** The tab shown first: the approved goods, the ones a room can import. */
const APPROVED = 2

export const useGoodsStore = defineStore('goods', () => {
  const accountId = ref<string | null>(null)
  const status = ref(APPROVED)
  const search = ref('')
  const pageNo = ref(1)
  const page = ref<LibraryPage | null>(null)
  const progress = ref<SyncProgress | null>(null)
  const synced = ref<SyncDone | null>(null)
  const loading = task()
  const syncing = task()
  const auditing = task()
  const acting = task()

  async function load() {
    const id = accountId.value
    if (id === null) return
    await loading.run(async () => {
      page.value = await api.goodsPage(id, status.value, search.value, (pageNo.value - 1) * GOODS_PAGE_SIZE, GOODS_PAGE_SIZE)
    })
  }

  /** Shows `id`'s library from its first tab; one never synced on this computer is read from WeChat at once. */
  async function open(id: string) {
    searchLater.cancel()
    accountId.value = id
    status.value = APPROVED
    search.value = ''
    pageNo.value = 1
    page.value = null
    synced.value = null
    for (const t of [loading, syncing, auditing, acting]) t.clear()
    await load()
    if (neverSynced()) await sync()
  }

  const neverSynced = () => page.value?.counts.every((n) => n === 0) ?? false

  function setStatus(s: number) {
    status.value = s
    pageNo.value = 1
    void load()
  }
  function setPage(p: number) {
    pageNo.value = p
    void load()
  }
  const searchLater = debounce(() => {
    pageNo.value = 1
    void load()
  }, SEARCH_MS)
  function setSearch(q: string) {
    search.value = q
    searchLater()
  }

  /** Reads every page from WeChat, then shows the tab again. */
  async function sync() {
    const id = accountId.value
    if (id === null) return
    progress.value = { pagesDone: 0, pagesTotal: 1, goods: 0 }
    await syncing.run(async () => {
      synced.value = await api.goodsSync(id, (p) => (progress.value = p))
      await load()
    })
    progress.value = null
  }

  /** Asks WeChat for the audit state of the goods under review, then shows the tab. */
  async function refreshAudits() {
    const id = accountId.value!
    const out = await auditing.run(() => api.goodsRefreshAudit(id, []))
    await load()
    return out
  }

  /** One of the goods' own actions, then the tab again (its counts move). */
  async function act(work: (accountId: string) => Promise<unknown>) {
    const id = accountId.value!
    const out = await acting.run(() => work(id))
    await load()
    return out
  }
  const remove = (goodsId: number) => act((id) => api.goodsDelete(id, goodsId))
  const withdraw = (goodsId: number) => act((id) => api.goodsResetAudit(id, goodsId))
  const resubmit = (goodsId: number) => act((id) => api.goodsResubmit(id, goodsId))

  // The background refresh runs while at least one watcher wants it, and stops with the last.
  const watchers = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined
  async function pollOnce() {
    const id = accountId.value
    if (id === null) return
    // A failed background refresh only waits for the next one; the tab is read again either way.
    await api.goodsRefreshAudit(id, []).catch(() => undefined)
    await load()
  }
  /** Starts watching the audit states; answers the function that stops (idempotent). */
  function watchAudits(): () => void {
    if (watchers.value++ === 0) timer = setInterval(() => void pollOnce(), AUDIT_POLL_MS)
    let stopped = false
    return () => {
      if (stopped) return
      stopped = true
      if (--watchers.value === 0) {
        clearInterval(timer)
        timer = undefined
      }
    }
  }

  return {
    accountId,
    status,
    search,
    pageNo,
    page,
    progress,
    synced,
    loadError: loading.error,
    syncError: syncing.error,
    refreshingAudit: auditing.loading,
    watchers,
    open,
    load,
    setStatus,
    setPage,
    setSearch,
    sync,
    refreshAudits,
    remove,
    withdraw,
    resubmit,
    watchAudits,
  }
})

/** Watches the audit states while `active` holds, and stops with the caller's scope (a view's unmount). */
export function useAuditPolling(active: WatchSource<boolean>) {
  const goods = useGoodsStore()
  let stop: (() => void) | null = null
  watch(
    active,
    (on) => {
      stop?.()
      stop = on ? goods.watchAudits() : null
    },
    { immediate: true },
  )
  onScopeDispose(() => stop?.())
}
