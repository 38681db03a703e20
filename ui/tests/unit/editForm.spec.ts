// The create form in edit mode (/rooms/:id/edit): prefilled from room_edit_load, fixed fields disabled,
// pictures to pick again, submit → room_edit → back to the overview.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as commands from '@/api/commands'
import * as platform from '@/api/platform'
import { IpcError, type ImageRef, type RoomForm } from '@/api'
import RoomCreateView from '@/views/RoomCreateView.vue'
import RoomOverviewView from '@/views/RoomOverviewView.vue'
import type { RoomView } from '@/api'
import { emptyRoomForm } from '@/lib/roomForm'
import { feedbackOf, mountInApp } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')

const api = vi.mocked(commands)
vi.mocked(platform)

function image(slot: 'cover' | 'share' | 'feeds'): ImageRef {
  return { slot, localId: slot, width: 800, height: 640, bytes: 2048, preview: 'data:image/png;base64,AA==', mediaId: null, uploadedAt: null }
}
const START = Math.floor(Date.now() / 1000) + 86400
function loadedForm(): RoomForm {
  return { ...emptyRoomForm(), name: '春季新品直播', anchorName: '小美主播', startTime: START, endTime: START + 7200, roomType: 1 }
}

const mountEdit = () => mountInApp(RoomCreateView, { path: '/rooms/42/edit', props: { id: 42 } })

beforeEach(() => {
  vi.useFakeTimers()
  api.roomEditLoad.mockResolvedValue(loadedForm())
  api.roomValidate.mockResolvedValue([])
  api.roomsRefresh.mockResolvedValue({ rooms: [], fetchedAt: 1, fromCache: false })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('edit-room form', () => {
  it('is prefilled from room_edit_load, with type and WeChat IDs disabled and no draft', async () => {
    const { wrapper } = await mountEdit()
    expect(api.roomEditLoad).toHaveBeenCalledWith('sandbox', 42)
    expect(api.draftLoad).not.toHaveBeenCalled()
    expect(document.querySelector('[data-testid="form-title"]')?.textContent).toBe('编辑直播间')
    expect(document.querySelector<HTMLInputElement>('[data-testid="input-name"] input')!.value).toBe('春季新品直播')
    expect(document.querySelector<HTMLInputElement>('[data-testid="input-subAnchorWechat"] input')!.disabled).toBe(true)
    expect(document.querySelector<HTMLInputElement>('[data-testid="input-createrWechat"] input')!.disabled).toBe(true)
    expect(document.querySelector<HTMLInputElement>('[data-testid="input-anchorWechat"] input')!.disabled).toBe(false)
    const radios = document.querySelectorAll<HTMLInputElement>('[data-testid="input-roomType"] input')
    expect(radios.length).toBe(2)
    radios.forEach((r) => expect(r.disabled).toBe(true))
    expect(document.querySelector('[data-testid="note-roomType"]')?.textContent).toContain('创建后不可修改')
    expect(document.querySelector('[data-testid="note-images"]')?.textContent).toContain('重新选择')
    expect(document.querySelector('[data-testid="create-submit"]')?.textContent?.trim()).toBe('保存修改')

    await vi.advanceTimersByTimeAsync(1000)
    expect(api.draftSave).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('submits through room_edit, then opens the overview', async () => {
    const full: RoomForm = { ...loadedForm(), anchorWechat: 'anchor_mei', coverImg: image('cover'), shareImg: image('share'), feedsImg: image('feeds') }
    api.roomEditLoad.mockResolvedValue(full)
    api.roomEdit.mockResolvedValue(undefined)
    const { wrapper, router } = await mountEdit()
    document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')!.click()
    await flushPromises()
    expect(api.roomEdit).toHaveBeenCalledTimes(1)
    expect(api.roomEdit.mock.calls[0]![0]).toBe('sandbox')
    expect(api.roomEdit.mock.calls[0]![1]).toBe(42)
    expect(api.roomEdit.mock.calls[0]![2]).toEqual(full)
    expect(api.roomCreate).not.toHaveBeenCalled()
    expect(router.currentRoute.value.path).toBe('/rooms/42')
    wrapper.unmount()
  })

  it('says why when WeChat refuses (the room has started), and stays', async () => {
    const full: RoomForm = { ...loadedForm(), anchorWechat: 'anchor_mei', coverImg: image('cover'), shareImg: image('share'), feedsImg: image('feeds') }
    api.roomEditLoad.mockResolvedValue(full)
    api.roomEdit.mockRejectedValue(new IpcError('wechat', '只有尚未开播的直播间可以编辑', undefined, { errcode: 300023 }))
    const { wrapper, router } = await mountEdit()
    document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')!.click()
    await flushPromises()
    expect(document.querySelector('[data-testid="submit-error"]')?.textContent).toContain('只有尚未开播的直播间可以编辑')
    expect(router.currentRoute.value.path).toBe('/rooms/42/edit')
    wrapper.unmount()
  })

  it('shows WeChat rejecting the anchor (300030) at the anchor field, not in the banner', async () => {
    const full: RoomForm = { ...loadedForm(), anchorWechat: 'unverified_anchor', coverImg: image('cover'), shareImg: image('share'), feedsImg: image('feeds') }
    api.roomEditLoad.mockResolvedValue(full)
    api.roomEdit.mockRejectedValue(new IpcError('wechat', '主播微信号不合法（可能没有主播角色）', 'anchorWechat', { errcode: 300030 }))
    const { wrapper, router } = await mountEdit()
    document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')!.click()
    await flushPromises()
    expect(feedbackOf(document, 'field-anchorWechat')).toContain('主播微信号不合法')
    expect(document.querySelector('[data-testid="submit-error"]')).toBeNull()
    expect(document.querySelector<HTMLInputElement>('[data-testid="input-anchorWechat"] input')!.value).toBe('unverified_anchor')
    expect(router.currentRoute.value.path).toBe('/rooms/42/edit')
    wrapper.unmount()
  })
})

describe('room overview', () => {
  function room(id: number, status: number): RoomView {
    return {
      id, name: `直播间${id}`, status, roomType: 0, startTime: START, endTime: START + 7200, anchorName: '小美',
      coverImg: '', goodsCount: 0, closeLike: false, closeGoods: false, closeComment: false, closeReplay: false,
      closeShare: false, closeKf: false, isFeedsPublic: true,
    }
  }

  it('has an Edit button only while the room has not started', async () => {
    const list = { rooms: [room(2, 102), room(3, 101)], fetchedAt: 1, fromCache: false }
    api.roomsCached.mockResolvedValue(list)
    api.roomsRefresh.mockResolvedValue(list)
    const first = await mountInApp(RoomOverviewView, { path: '/rooms/2', props: { id: 2 } })
    const edit = document.querySelector<HTMLButtonElement>('[data-testid="room-edit"]')!
    expect(edit.textContent).toContain('编辑')
    edit.click()
    await flushPromises()
    expect(first.router.currentRoute.value.path).toBe('/rooms/2/edit')
    first.wrapper.unmount()
    document.body.innerHTML = ''

    const second = await mountInApp(RoomOverviewView, { path: '/rooms/3', props: { id: 3 } })
    expect(document.querySelector('[data-testid="room-title"]')?.textContent).toBe('直播间3')
    expect(document.querySelector('[data-testid="room-edit"]')).toBeNull()
    second.wrapper.unmount()
  })
})
