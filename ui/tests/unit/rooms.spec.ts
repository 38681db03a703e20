import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as commands from '@/api/commands'
import type { ConsoleEvent, RoomList, RoomView } from '@/api'
import RoomsView from '@/views/RoomsView.vue'
import { mountInApp } from './helpers'
import { SPINNER_DELAY_MS } from '@/composables/useDelayedFlag'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

function room(id: number, name: string, status: number): RoomView {
  return {
    id, name, status, roomType: 1, startTime: 1_900_000_000, endTime: 1_900_007_200, anchorName: '小美',
    coverImg: '', goodsCount: 0, closeLike: false, closeGoods: false, closeComment: false, closeReplay: true,
    closeShare: false, closeKf: true, isFeedsPublic: true,
  }
}
const names = () => [...document.querySelectorAll('[data-testid^="room-link-"]')].map((a) => a.textContent)

beforeEach(() => {
  document.body.innerHTML = ''
})

describe('rooms list', () => {
  it('shows the cached list at once, then the refreshed one', async () => {
    let finish!: (l: RoomList) => void
    api.roomsCached.mockResolvedValue({ rooms: [room(1, '缓存的直播间', 102)], fetchedAt: 1_700_000_000, fromCache: true })
    api.roomsRefresh.mockReturnValue(new Promise((r) => (finish = r)))
    const { wrapper } = await mountInApp(RoomsView)
    expect(names()).toEqual(['缓存的直播间'])
    expect(document.querySelector('[data-testid="rooms-fetched"]')!.textContent).toContain('正在刷新')
    // Refresh cannot be pressed twice; its spinner waits SPINNER_DELAY_MS, so a quick answer never flashes one.
    const button = () => document.querySelector('[data-testid="room-refresh"]')!.className
    expect(button()).toContain('disabled')
    expect(button()).not.toContain('loading')
    await new Promise((r) => setTimeout(r, SPINNER_DELAY_MS + 50))
    await flushPromises()
    expect(button()).toContain('loading')

    finish({ rooms: [room(2, '新直播间', 101), room(1, '缓存的直播间', 103)], fetchedAt: 1_700_000_600, fromCache: false })
    await flushPromises()
    expect(names()).toEqual(['新直播间', '缓存的直播间'])
    expect(document.querySelector('[data-testid="rooms-fetched"]')!.textContent).toContain('更新于')
    wrapper.unmount()
  })

  it('keeps the cached list and says why when the refresh fails', async () => {
    api.roomsCached.mockResolvedValue({ rooms: [room(1, '缓存的直播间', 102)], fetchedAt: 1, fromCache: true })
    api.roomsRefresh.mockRejectedValue({ code: 'network', message: '网络不可用' })
    const { wrapper } = await mountInApp(RoomsView)
    expect(names()).toEqual(['缓存的直播间'])
    expect(document.querySelector('[data-testid="rooms-error"]')!.textContent).toContain('网络不可用')
    wrapper.unmount()
  })

  it('searches by name and allows delete only for rooms not on air', async () => {
    const list = { rooms: [room(1, '春季新品', 101), room(2, '周末秒杀', 102), room(3, '春季回顾', 103)], fetchedAt: 1, fromCache: false }
    api.roomsCached.mockResolvedValue(list)
    api.roomsRefresh.mockResolvedValue(list)
    const { wrapper } = await mountInApp(RoomsView)
    expect(names()).toHaveLength(3)
    expect(document.querySelector<HTMLButtonElement>('[data-testid="room-delete-1"]')!.disabled).toBe(true)
    expect(document.querySelector<HTMLButtonElement>('[data-testid="room-delete-2"]')!.disabled).toBe(false)

    const search = document.querySelector<HTMLInputElement>('[data-testid="room-search"] input')!
    search.value = '春季'
    search.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(names()).toEqual(['春季新品', '春季回顾'])
    wrapper.unmount()
  })

  it('offers Edit only for rooms not started (102), opening the form in edit mode', async () => {
    const list = { rooms: [room(1, '春季新品', 101), room(2, '周末秒杀', 102), room(3, '春季回顾', 103)], fetchedAt: 1, fromCache: false }
    api.roomsCached.mockResolvedValue(list)
    api.roomsRefresh.mockResolvedValue(list)
    const { wrapper, router } = await mountInApp(RoomsView)
    expect(document.querySelector('[data-testid="room-edit-1"]')).toBeNull()
    expect(document.querySelector('[data-testid="room-edit-3"]')).toBeNull()
    const edit = document.querySelector<HTMLButtonElement>('[data-testid="room-edit-2"]')!
    expect(edit.textContent).toContain('编辑')
    edit.click()
    // The edit view is a lazy route: navigation ends once its chunk has loaded.
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/rooms/2/edit'))
    wrapper.unmount()
  })

  it('follows a room going live from the shell\'s status events, without asking WeChat again', async () => {
    const list = { rooms: [room(1, '春季新品', 102)], fetchedAt: 1, fromCache: false }
    api.roomsCached.mockResolvedValue(list)
    api.roomsRefresh.mockResolvedValue(list)
    let onEvent: ((e: ConsoleEvent) => void) | null = null
    api.liveFollow.mockImplementation(async (f) => {
      onEvent = f
    })
    const { wrapper } = await mountInApp(RoomsView)
    await flushPromises()
    const del = () => document.querySelector<HTMLButtonElement>('[data-testid="room-delete-1"]')!
    expect(del().disabled).toBe(false)
    const refreshes = api.roomsRefresh.mock.calls.length
    // Another account's room of the same id is not this one.
    onEvent!({ type: 'status', accountId: 'other', roomId: 1, name: '别的', from: 102, to: 101 })
    await flushPromises()
    expect(del().disabled).toBe(false)
    onEvent!({ type: 'status', accountId: 'sandbox', roomId: 1, name: '春季新品', from: 102, to: 101 })
    await flushPromises()
    expect(del().disabled).toBe(true)
    expect(document.querySelector('tbody')!.textContent).toContain('直播中')
    expect(api.roomsRefresh.mock.calls.length).toBe(refreshes)
    wrapper.unmount()
  })
})
