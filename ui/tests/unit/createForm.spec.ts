// The create form against a mocked shell: field errors from room_validate, the draft, submit outcomes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as commands from '@/api/commands'
import * as platform from '@/api/platform'
import { IpcError, type ImageRef, type RoomForm } from '@/api'
import RoomCreateView from '@/views/RoomCreateView.vue'
import { emptyRoomForm } from '@/lib/roomForm'
import { feedbackOf, mountInApp } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')

const api = vi.mocked(commands)
const plugins = vi.mocked(platform)

function image(slot: 'cover' | 'share' | 'feeds'): ImageRef {
  return { slot, localId: slot, width: 800, height: 640, bytes: 2048, preview: 'data:image/png;base64,AA==', mediaId: null, uploadedAt: null }
}
function validForm(): RoomForm {
  const start = Math.floor(Date.now() / 1000) + 86400
  return {
    ...emptyRoomForm(),
    name: '春季新品直播',
    anchorName: '小美主播',
    anchorWechat: 'anchor_mei',
    startTime: start,
    endTime: start + 7200,
    coverImg: image('cover'),
    shareImg: image('share'),
    feedsImg: image('feeds'),
  }
}

async function typeInto(testid: string, value: string) {
  const input = document.querySelector<HTMLInputElement>(`[data-testid="${testid}"] input`)!
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

beforeEach(() => {
  vi.useFakeTimers()
  api.draftLoad.mockResolvedValue(null)
  api.draftSave.mockResolvedValue(undefined)
  api.roomValidate.mockResolvedValue([])
  api.roomsRefresh.mockResolvedValue({ rooms: [], fetchedAt: 1, fromCache: false })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('create-room form', () => {
  it('shows the core’s error at its field, about 250 ms after typing', async () => {
    api.roomValidate.mockImplementation(async (_acc, form) =>
      form.name.length < 3 ? [{ field: 'name', code: 'length', message: '名称须为 3–17 个汉字' }] : [],
    )
    const { wrapper } = await mountInApp(RoomCreateView, { path: '/rooms/new' })
    await typeInto('input-name', '好')

    await vi.advanceTimersByTimeAsync(100)
    expect(api.roomValidate).not.toHaveBeenCalled() // debounced
    await vi.advanceTimersByTimeAsync(200)
    await flushPromises()
    expect(api.roomValidate).toHaveBeenCalledTimes(1)
    expect(api.roomValidate.mock.calls[0]![0]).toBe('sandbox')
    expect(api.roomValidate.mock.calls[0]![1].name).toBe('好')
    expect(feedbackOf(document, 'field-name')).toBe('名称须为 3–17 个汉字')
    // Untouched fields keep quiet even if the core reports them.
    expect(feedbackOf(document, 'field-anchorName')).toBe('')

    await typeInto('input-name', '春季新品直播')
    await vi.advanceTimersByTimeAsync(300)
    await flushPromises()
    expect(feedbackOf(document, 'field-name')).toBe('')
    wrapper.unmount()
  })

  it('saves the draft after each change, and restores it on open', async () => {
    const { wrapper } = await mountInApp(RoomCreateView, { path: '/rooms/new' })
    expect(api.draftLoad).toHaveBeenCalledWith('sandbox')
    await typeInto('input-anchorWechat', 'anchor_mei')
    expect(api.draftSave).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(500)
    expect(api.draftSave).toHaveBeenCalledTimes(1)
    const [acc, saved] = api.draftSave.mock.calls[0]!
    expect(acc).toBe('sandbox')
    expect(saved.anchorWechat).toBe('anchor_mei')
    wrapper.unmount()

    api.draftLoad.mockResolvedValue({ ...emptyRoomForm(), name: '恢复的草稿' })
    const again = await mountInApp(RoomCreateView, { path: '/rooms/new' })
    const name = document.querySelector<HTMLInputElement>('[data-testid="input-name"] input')!
    expect(name.value).toBe('恢复的草稿')
    expect(document.querySelector('[data-testid="draft-restored"]')).not.toBeNull()
    again.wrapper.unmount()
  })

  it('flushes a pending draft save when leaving the page', async () => {
    const { wrapper } = await mountInApp(RoomCreateView, { path: '/rooms/new' })
    await typeInto('input-name', '未保存')
    wrapper.unmount()
    expect(api.draftSave).toHaveBeenCalledTimes(1)
    expect(api.draftSave.mock.calls[0]![1].name).toBe('未保存')
  })

  it('attaches an image picked with the dialog and prepared by the core', async () => {
    plugins.pickImage.mockResolvedValue('/home/a/cover.jpg')
    api.imagePrepare.mockResolvedValue({ ...image('cover'), width: 1080, height: 1920, bytes: 1_500_000 })
    const { wrapper } = await mountInApp(RoomCreateView, { path: '/rooms/new' })
    document.querySelector<HTMLButtonElement>('[data-testid="image-cover-pick"]')!.click()
    await flushPromises()
    expect(api.imagePrepare).toHaveBeenCalledWith('cover', '/home/a/cover.jpg')
    expect(document.querySelector('[data-testid="image-cover-info"]')!.textContent).toContain('1080×1920')
    expect(document.querySelector<HTMLImageElement>('[data-testid="image-cover-preview"]')!.src).toMatch(/^data:image\/png/)
    wrapper.unmount()
  })

  it('does not send a form the core rejects', async () => {
    api.draftLoad.mockResolvedValue({ ...validForm(), name: '好' })
    api.roomValidate.mockResolvedValue([{ field: 'name', code: 'length', message: '太短' }])
    const { wrapper } = await mountInApp(RoomCreateView, { path: '/rooms/new' })
    document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')!.click()
    await flushPromises()
    expect(api.roomCreate).not.toHaveBeenCalled()
    expect(feedbackOf(document, 'field-name')).toBe('太短')
    wrapper.unmount()
  })

  it('shows the real-name QR on anchor_not_verified, and Retry keeps the form', async () => {
    api.draftLoad.mockResolvedValue(validForm())
    api.roomCreate.mockRejectedValue(
      new IpcError('anchor_not_verified', '主播未实名认证', 'anchorWechat', { qrcode: 'data:image/png;base64,QR==' }),
    )
    const { wrapper } = await mountInApp(RoomCreateView, { path: '/rooms/new' })
    document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')!.click()
    await flushPromises()
    const qr = document.querySelector<HTMLImageElement>('[data-testid="anchor-qr"]')
    expect(qr?.getAttribute('src')).toBe('data:image/png;base64,QR==')

    api.roomCreate.mockResolvedValue({ roomId: 77 })
    document.querySelector<HTMLButtonElement>('[data-testid="anchor-retry"]')!.click()
    await flushPromises()
    expect(api.roomCreate).toHaveBeenCalledTimes(2)
    expect(api.roomCreate.mock.calls[1]![1]).toEqual(validForm())
    wrapper.unmount()
  })

  it('keeps the form and says why on a network error; puts a validation error at its field', async () => {
    api.draftLoad.mockResolvedValue(validForm())
    api.roomCreate.mockRejectedValueOnce(new IpcError('network', '网络不可用'))
    const { wrapper } = await mountInApp(RoomCreateView, { path: '/rooms/new' })
    document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')!.click()
    await flushPromises()
    expect(document.querySelector('[data-testid="submit-error"]')!.textContent).toContain('网络不可用')
    expect(document.querySelector<HTMLInputElement>('[data-testid="input-name"] input')!.value).toBe('春季新品直播')

    api.roomCreate.mockRejectedValueOnce(new IpcError('validation', '封面图不合规', 'coverImg', { rule: '300031' }))
    document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')!.click()
    await flushPromises()
    expect(feedbackOf(document, 'field-coverImg')).toBe('封面图不合规')
    wrapper.unmount()
  })

  it('a create that may have reached WeChat offers a check of the room list, never a plain retry', async () => {
    api.draftLoad.mockResolvedValue(validForm())
    api.roomCreate.mockRejectedValue(new IpcError('maybe_sent', '创建请求可能已到达微信，但没有收到答复。'))
    const { wrapper, router } = await mountInApp(RoomCreateView, { path: '/rooms/new' })
    document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')!.click()
    await flushPromises()
    const alert = document.querySelector('[data-testid="maybe-sent"]')!
    expect(alert.textContent).toContain('可能已到达微信')
    expect(document.querySelector('[data-testid="submit-error"]')).toBeNull()
    // Creating again is blocked until the list is checked.
    expect(document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')!.disabled).toBe(true)

    api.roomFindCreated.mockResolvedValueOnce(null)
    document.querySelector<HTMLButtonElement>('[data-testid="maybe-sent-check"]')!.click()
    await flushPromises()
    expect(api.roomFindCreated).toHaveBeenCalledWith('sandbox', validForm())
    expect(document.querySelector('[data-testid="maybe-sent"]')).toBeNull()
    expect(document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')!.disabled).toBe(false)

    document.querySelector<HTMLButtonElement>('[data-testid="create-submit"]')!.click()
    await flushPromises()
    api.roomFindCreated.mockResolvedValueOnce({ roomId: 42 })
    document.querySelector<HTMLButtonElement>('[data-testid="maybe-sent-check"]')!.click()
    await flushPromises()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/rooms/42'))
    expect(api.roomCreate).toHaveBeenCalledTimes(2)
    wrapper.unmount()
  })

  it('says next to the four switches that they cannot change after the start', async () => {
    const { wrapper } = await mountInApp(RoomCreateView, { path: '/rooms/new' })
    const locked = [...document.querySelectorAll('[data-testid^="locked-"]')].map((e) => e.getAttribute('data-testid'))
    expect(locked.sort()).toEqual(['locked-closeComment', 'locked-closeGoods', 'locked-closeLike', 'locked-closeShare'])
    expect(document.querySelector('[data-testid="locked-closeLike"]')!.textContent).toContain('开播后不能更改')
    wrapper.unmount()
  })
})
