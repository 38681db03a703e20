// The goods store against a mocked shell: the page and its errors, Sync, and the audit poller's
// lifecycle (it runs only while someone watches) on fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { effectScope, ref } from 'vue'
import * as commands from '@/api/commands'
import { IpcError, type LibraryPage } from '@/api'
import { AUDIT_POLL_MS, useAuditPolling, useGoodsStore } from '@/stores/goods'
import GoodsView from '@/views/GoodsView.vue'
import { mountInApp } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

const page = (counts: LibraryPage['counts'] = [0, 1, 3, 0]): LibraryPage => ({ goods: [], total: counts[2], counts })

beforeEach(() => {
  vi.resetAllMocks()
  vi.useFakeTimers()
  setActivePinia(createPinia())
  api.goodsPage.mockResolvedValue(page())
  api.goodsRefreshAudit.mockResolvedValue([])
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('the goods store', () => {
  it('opens on the approved tab, keeps a failed read as its error, and clears it on the next success', async () => {
    const goods = useGoodsStore()
    await goods.open('sandbox')
    expect(api.goodsPage).toHaveBeenCalledWith('sandbox', 2, '', 0, 20)
    expect(api.goodsSync).not.toHaveBeenCalled()

    api.goodsPage.mockRejectedValueOnce(new IpcError('storage', '数据库忙'))
    goods.setPage(3)
    await flushPromises()
    expect(api.goodsPage).toHaveBeenLastCalledWith('sandbox', 2, '', 40, 20)
    expect(goods.loadError).toBe('数据库忙')

    goods.setStatus(1)
    await flushPromises()
    expect(api.goodsPage).toHaveBeenLastCalledWith('sandbox', 1, '', 0, 20)
    expect(goods.loadError).toBeNull()
  })

  it('debounces the search and starts it from the first page', async () => {
    const goods = useGoodsStore()
    await goods.open('sandbox')
    goods.setPage(2)
    goods.setSearch('普')
    goods.setSearch('普洱')
    await vi.advanceTimersByTimeAsync(200)
    expect(api.goodsPage).not.toHaveBeenCalledWith('sandbox', 2, '普洱', 0, 20)
    await vi.advanceTimersByTimeAsync(100)
    expect(api.goodsPage).toHaveBeenLastCalledWith('sandbox', 2, '普洱', 0, 20)
    expect(api.goodsPage).not.toHaveBeenCalledWith('sandbox', 2, '普', 0, 20)
  })

  it('syncs a library never synced here at once, with progress, and says why a sync failed', async () => {
    api.goodsPage.mockResolvedValue(page([0, 0, 0, 0]))
    let report: ((p: { pagesDone: number; pagesTotal: number; goods: number }) => void) | undefined
    let finish: ((d: { goods: number; pages: number; millis: number; counts: LibraryPage['counts'] }) => void) | undefined
    api.goodsSync.mockImplementationOnce((_id, onProgress) => {
      report = onProgress
      return new Promise((resolve) => (finish = resolve))
    })
    const goods = useGoodsStore()
    const opened = goods.open('sandbox')
    await flushPromises()
    expect(api.goodsSync).toHaveBeenCalledWith('sandbox', expect.any(Function))
    report!({ pagesDone: 1, pagesTotal: 4, goods: 20 })
    expect(goods.progress).toEqual({ pagesDone: 1, pagesTotal: 4, goods: 20 })
    finish!({ goods: 70, pages: 4, millis: 900, counts: [0, 0, 70, 0] })
    await opened
    expect(goods.progress).toBeNull()
    expect(goods.synced?.goods).toBe(70)
    expect(goods.syncError).toBeNull()

    api.goodsSync.mockRejectedValueOnce(new IpcError('network', '网络不可用'))
    await goods.sync()
    expect(goods.syncError).toBe('网络不可用')
    expect(goods.progress).toBeNull()
  })

  it('shows the audit refresh as running, and answers its failure', async () => {
    const goods = useGoodsStore()
    await goods.open('sandbox')
    let fail: ((e: unknown) => void) | undefined
    api.goodsRefreshAudit.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)))
    const done = goods.refreshAudits()
    expect(goods.refreshingAudit).toBe(true)
    fail!(new IpcError('wechat', '系统繁忙'))
    const out = await done
    expect(goods.refreshingAudit).toBe(false)
    expect(out.ok).toBe(false)
    expect(out.ok ? null : out.error.message).toBe('系统繁忙')
  })
})

describe('the audit poller', () => {
  it('asks WeChat every 15 s while watched, once however many watch, and stops with the last watcher', async () => {
    const goods = useGoodsStore()
    await goods.open('sandbox')
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS * 2)
    expect(api.goodsRefreshAudit).not.toHaveBeenCalled()

    const stopA = goods.watchAudits()
    const stopB = goods.watchAudits()
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    expect(api.goodsRefreshAudit).toHaveBeenCalledTimes(1)
    expect(api.goodsRefreshAudit).toHaveBeenCalledWith('sandbox', [])

    stopA()
    stopA() // stopping twice does not stop the other watcher
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    expect(api.goodsRefreshAudit).toHaveBeenCalledTimes(2)

    stopB()
    expect(goods.watchers).toBe(0)
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS * 3)
    expect(api.goodsRefreshAudit).toHaveBeenCalledTimes(2)
  })

  it('keeps polling after a failed refresh, reading the tab again each time', async () => {
    const goods = useGoodsStore()
    await goods.open('sandbox')
    api.goodsRefreshAudit.mockRejectedValueOnce(new IpcError('network', '网络不可用'))
    const stop = goods.watchAudits()
    const reads = api.goodsPage.mock.calls.length
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS * 2)
    expect(api.goodsRefreshAudit).toHaveBeenCalledTimes(2)
    expect(api.goodsPage.mock.calls.length).toBe(reads + 2)
    stop()
  })

  it('follows its condition and stops when its scope ends', async () => {
    const goods = useGoodsStore()
    await goods.open('sandbox')
    const on = ref(false)
    const scope = effectScope()
    scope.run(() => useAuditPolling(on))
    expect(goods.watchers).toBe(0)
    on.value = true
    await flushPromises()
    expect(goods.watchers).toBe(1)
    on.value = false
    await flushPromises()
    expect(goods.watchers).toBe(0)
    on.value = true
    await flushPromises()
    scope.stop()
    expect(goods.watchers).toBe(0)
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS * 2)
    expect(api.goodsRefreshAudit).not.toHaveBeenCalled()
  })

  it('runs while the goods view shows the under-review tab, and stops when the view goes', async () => {
    const { wrapper } = await mountInApp(GoodsView, { path: '/goods' })
    const goods = useGoodsStore()
    expect(goods.watchers).toBe(0)
    document.querySelector<HTMLElement>('[data-testid="goods-tab-1"]')!.click()
    await flushPromises()
    expect(goods.status).toBe(1)
    expect(goods.watchers).toBe(1)
    expect(document.querySelector('[data-testid="goods-refresh-audit"]')).not.toBeNull()
    wrapper.unmount()
    expect(goods.watchers).toBe(0)
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS * 2)
    expect(api.goodsRefreshAudit).not.toHaveBeenCalled()
  })
})
