// The rooms area's data beside the list: deleting a room, its push address and share code, the
// probe of an address, and a picture picked and prepared by the core.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import * as commands from '@/api/commands'
import * as platform from '@/api/platform'
import { IpcError, type ImageRef } from '@/api'
import { useRoomsStore } from '@/stores/rooms'
import { usePushAddress, usePushProbe, useShareCode } from '@/composables/useRoomOverview'
import { useImagePrepare } from '@/composables/useImagePrepare'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)
const plat = vi.mocked(platform)

beforeEach(() => {
  vi.resetAllMocks()
  setActivePinia(createPinia())
})

describe('the rooms area\'s data', () => {
  it('drops a deleted room from the list, and keeps it when WeChat refuses', async () => {
    const rooms = useRoomsStore()
    rooms.lists.sandbox = { rooms: [{ id: 2 }, { id: 3 }] as never, fetchedAt: 1, fromCache: false }
    api.roomDelete.mockRejectedValueOnce(new IpcError('wechat', '直播中的直播间不能删除'))
    const refused = await rooms.remove('sandbox', 2)
    expect(refused.ok ? null : refused.error.message).toBe('直播中的直播间不能删除')
    expect(rooms.lists.sandbox!.rooms.map((r) => r.id)).toEqual([2, 3])
    api.roomDelete.mockResolvedValueOnce(undefined)
    expect((await rooms.remove('sandbox', 2)).ok).toBe(true)
    expect(rooms.lists.sandbox!.rooms.map((r) => r.id)).toEqual([3])
  })

  it('keeps a failed push address as its error, and the probe\'s as its own', async () => {
    const push = usePushAddress('sandbox', 2)
    api.roomPushAddress.mockRejectedValueOnce(new IpcError('network', '网络不可用'))
    await push.load()
    expect(push.error.value).toBe('网络不可用')
    expect(push.loading.value).toBe(false)

    const probe = usePushProbe()
    api.pushAddressTest.mockRejectedValueOnce(new IpcError('network', '连接超时'))
    await probe.test('rtmp://x/live', 'k')
    expect(api.pushAddressTest).toHaveBeenCalledWith('rtmp://x/live', 'k')
    expect(probe.error.value).toBe('连接超时')
  })

  it('saves a share picture only to a file picked, marking which one is being saved', async () => {
    const share = useShareCode('sandbox', 2)
    plat.pickPngSavePath.mockResolvedValueOnce(null)
    expect(await share.save('qrcode', '保存为 PNG')).toEqual({ ok: true, value: null })
    expect(api.shareSave).not.toHaveBeenCalled()

    plat.pickPngSavePath.mockResolvedValueOnce('/tmp/p.png')
    let done: (() => void) | undefined
    api.shareSave.mockImplementationOnce(() => new Promise<void>((r) => (done = r)))
    const saving = share.save('poster', '保存为 PNG')
    await vi.waitFor(() => expect(api.shareSave).toHaveBeenCalledWith('sandbox', 2, 'poster', '/tmp/p.png'))
    expect(share.saving.value).toBe('poster')
    done!()
    expect(await saving).toEqual({ ok: true, value: '/tmp/p.png' })
    expect(share.saving.value).toBeNull()
    expect(plat.pickPngSavePath).toHaveBeenCalledWith('保存为 PNG', 'room-2-poster.png')
  })

  it('prepares a picked picture for its slot, and nothing when none is picked', async () => {
    const img = useImagePrepare(() => 'cover')
    plat.pickImage.mockResolvedValueOnce(null)
    expect(await img.pick('封面图', '图片')).toEqual({ ok: true, value: null })
    expect(api.imagePrepare).not.toHaveBeenCalled()

    plat.pickImage.mockResolvedValueOnce('/a/cover.jpg')
    api.imagePrepare.mockRejectedValueOnce(new IpcError('image', '图片超过 2 MB'))
    const out = await img.pick('封面图', '图片')
    expect(api.imagePrepare).toHaveBeenCalledWith('cover', '/a/cover.jpg')
    expect(out.ok ? null : out.error.message).toBe('图片超过 2 MB')
    expect(img.busy.value).toBe(false)

    const ref: ImageRef = { slot: 'cover', localId: 'c', width: 1, height: 1, bytes: 1, preview: '', mediaId: null, uploadedAt: null }
    plat.pickImage.mockResolvedValueOnce('/a/cover.jpg')
    api.imagePrepare.mockResolvedValueOnce(ref)
    expect(await img.pick('封面图', '图片')).toEqual({ ok: true, value: ref })
  })
})
