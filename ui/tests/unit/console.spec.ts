import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as commands from '@/api/commands'
import type { ConsoleEvent, QueuedAction, Rundown, Shelf, ShelfGoods } from '@/api'
import { formatClock } from '@/lib/clock'
import { useConsoleStore } from '@/stores/console'
import ConsoleGoods from '@/components/live/ConsoleGoods.vue'
import RundownPanel from '@/components/live/RundownPanel.vue'
import { mountInApp } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

beforeEach(() => {
  document.body.innerHTML = ''
  vi.resetAllMocks()
})

function goods(id: number, onSale: boolean | null): ShelfGoods {
  return { goodsId: id, name: `商品${id}`, thumb: '', priceType: 1, price: 100 * id, price2: null, url: 'pages/g', thirdPartyAppid: '', onSale, saleSetAt: null }
}
function action(id: number, goodsId: number, state: QueuedAction['state']): QueuedAction {
  return { id, accountId: 'sandbox', roomId: 1, action: { kind: 'push', goodsId }, subject: '', state, attempts: 1, queuedAtMs: 0, updatedAtMs: 0 }
}
const emptyRundown: Rundown = { accountId: 'sandbox', roomId: 1, items: [], currentId: null, startedAtMs: null, nextId: null }

describe('segment clocks', () => {
  it('read as a clock, hours only when there are some', () => {
    expect(formatClock(0)).toBe('0:00')
    expect(formatClock(75)).toBe('1:15')
    expect(formatClock(3725)).toBe('1:02:05')
    expect(formatClock(-5)).toBe('0:00')
  })
})

describe('the console\'s goods', () => {
  it('shows a push waiting for the card with its errcode, then done, from the shell\'s events', async () => {
    const shelf: Shelf = { roomId: 1, roomStatus: 101, goods: [goods(1, true), goods(2, false)] }
    api.shelfList.mockResolvedValue(shelf)
    api.rundownGet.mockResolvedValue(emptyRundown)
    api.liveState.mockResolvedValue({ actions: [], commentBanned: null, unlockedUntilMs: null })
    let onEvent: ((e: ConsoleEvent) => void) | null = null
    api.liveFollow.mockImplementation(async (f) => {
      onEvent = f
    })
    let finish: (a: QueuedAction) => void = () => {}
    api.liveAct.mockImplementation(() => new Promise((r) => (finish = r)))
    const { wrapper } = await mountInApp(ConsoleGoods, { props: { accountId: 'sandbox', roomId: 1, live: true, unlocked: false } })
    await useConsoleStore().open('sandbox', 1)
    await flushPromises()

    // Off-sale goods cannot be pushed (WeChat's 300052): the button says so by being off.
    expect(document.querySelector<HTMLButtonElement>('[data-testid="console-push-2"]')!.disabled).toBe(true)
    document.querySelector<HTMLButtonElement>('[data-testid="console-push-1"]')!.click()
    await flushPromises()
    expect(api.liveAct).toHaveBeenCalledWith('sandbox', 1, { kind: 'push', goodsId: 1 })
    onEvent!({ type: 'action', action: action(7, 1, { state: 'waiting', errcode: 300047, retryAtMs: Date.now() + 800 }) })
    await flushPromises()
    const row = () => document.querySelector('[data-testid="console-row-1"] [data-state]')!
    expect(row().getAttribute('data-state')).toBe('waiting')
    expect(row().textContent).toContain('300047')
    // Another room's events are not this console's.
    onEvent!({ type: 'action', action: { ...action(8, 1, { state: 'done', latencyMs: 3 }), roomId: 2 } })
    await flushPromises()
    expect(row().getAttribute('data-state')).toBe('waiting')
    finish(action(7, 1, { state: 'done', latencyMs: 12 }))
    await flushPromises()
    expect(row().getAttribute('data-state')).toBe('done')
    expect(row().textContent).toContain('12')
    wrapper.unmount()
  })

  it('offers a retry for a failed action, with WeChat\'s reason', async () => {
    api.shelfList.mockResolvedValue({ roomId: 1, roomStatus: 101, goods: [goods(1, true)] })
    api.rundownGet.mockResolvedValue(emptyRundown)
    api.liveState.mockResolvedValue({
      actions: [action(3, 1, { state: 'failed', errcode: 300023, message: '直播间当前状态不允许此操作', sent: true, maybeSent: false })],
      commentBanned: null,
      unlockedUntilMs: null,
    })
    api.liveRetry.mockResolvedValue(action(3, 1, { state: 'done', latencyMs: 5 }))
    const { wrapper } = await mountInApp(ConsoleGoods, { props: { accountId: 'sandbox', roomId: 1, live: true, unlocked: false } })
    await useConsoleStore().open('sandbox', 1)
    await flushPromises()
    expect(document.querySelector('[data-testid="console-row-1"]')!.textContent).toContain('直播间当前状态不允许此操作')
    // Removing is locked while live: the button is off until the room is unlocked.
    expect(document.querySelector<HTMLButtonElement>('[data-testid="console-remove-1"]')!.disabled).toBe(true)
    document.querySelector<HTMLButtonElement>('[data-testid="action-retry-3"]')!.click()
    await flushPromises()
    expect(api.liveRetry).toHaveBeenCalledWith('sandbox', 1, 3)
    expect(document.querySelector('[data-testid="console-row-1"] [data-state]')!.getAttribute('data-state')).toBe('done')
    wrapper.unmount()
  })
})

describe('the rundown', () => {
  it('reorders with Alt+arrow through the core, and shows the core\'s answer', async () => {
    const item = (id: number) => ({ id, kind: 'talk' as const, goodsId: null, title: `段落${id}`, script: '', plannedSecs: 60, skipped: false })
    const r: Rundown = { ...emptyRundown, items: [item(1), item(2), item(3)], nextId: 1 }
    api.rundownGet.mockResolvedValue(r)
    api.liveState.mockResolvedValue({ actions: [], commentBanned: null, unlockedUntilMs: null })
    api.rundownReorder.mockResolvedValue({ ...r, items: [item(2), item(1), item(3)], nextId: 2 })
    const { wrapper } = await mountInApp(RundownPanel, { props: { accountId: 'sandbox', roomId: 1, goods: [] } })
    await useConsoleStore().open('sandbox', 1)
    await flushPromises()
    const ids = () => [...document.querySelectorAll('[data-testid^="rundown-row-"]')].map((el) => el.getAttribute('data-testid'))
    expect(ids()).toEqual(['rundown-row-1', 'rundown-row-2', 'rundown-row-3'])
    document.querySelector('[data-testid="rundown-row-2"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }))
    await flushPromises()
    expect(api.rundownReorder).toHaveBeenCalledWith('sandbox', 1, [2, 1, 3])
    expect(ids()).toEqual(['rundown-row-2', 'rundown-row-1', 'rundown-row-3'])
    wrapper.unmount()
  })
})
