// useShelf and useShelfImport against a mocked shell: a room's goods, their queued actions, the
// reorder that falls back to WeChat's order, the video download and the import.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as commands from '@/api/commands'
import * as platform from '@/api/platform'
import { IpcError, type ActionKind, type QueuedAction, type Shelf, type ShelfGoods } from '@/api'
import { useShelf, useShelfImport } from '@/composables/useShelf'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)
const plat = vi.mocked(platform)

function goods(id: number): ShelfGoods {
  return { goodsId: id, name: `G${id}`, thumb: '', priceType: 1, price: 100, price2: null, url: 'pages/g', thirdPartyAppid: '', onSale: null, saleSetAt: null }
}
const SHELF: Shelf = { roomId: 2, roomStatus: 101, goods: [goods(1), goods(2), goods(3)] }
function queued(action: ActionKind, state: QueuedAction['state']): QueuedAction {
  return { id: 1, accountId: 'sandbox', roomId: 2, action, state, queuedAtMs: 0, attempts: 1 } as QueuedAction
}

beforeEach(() => {
  vi.resetAllMocks()
  api.shelfList.mockImplementation(async () => structuredClone(SHELF))
})

describe('a room\'s shelf', () => {
  it('keeps a failed read as its error, and knows a live room', async () => {
    const s = useShelf('sandbox', 2)
    api.shelfList.mockRejectedValueOnce(new IpcError('network', '网络不可用'))
    await s.load()
    expect(s.loadError.value).toBe('网络不可用')
    expect(s.shelf.value).toBeNull()
    await s.load()
    expect(s.loadError.value).toBeNull()
    expect(s.live()).toBe(true)
  })

  it('marks the goods busy while its sale is queued, and answers the queue\'s refusal without changing it', async () => {
    const s = useShelf('sandbox', 2)
    await s.load()
    const g = s.shelf.value!.goods[0]!
    let answer: ((a: QueuedAction) => void) | undefined
    api.liveAct.mockImplementationOnce(() => new Promise((r) => (answer = r)))
    const done = s.setSale(g, true)
    expect(s.busy.value[1]).toBe(true)
    answer!(queued({ kind: 'sale', goodsId: 1, onSale: true }, { state: 'failed', errcode: 300041, message: '商品不在直播间', sent: true, maybeSent: false }))
    const out = await done
    expect(api.liveAct).toHaveBeenCalledWith('sandbox', 2, { kind: 'sale', goodsId: 1, onSale: true })
    expect(out.ok ? null : out.error.message).toBe('商品不在直播间')
    expect(s.busy.value[1]).toBe(false)
    expect(g.onSale).toBeNull()

    api.liveAct.mockResolvedValueOnce(queued({ kind: 'sale', goodsId: 1, onSale: true }, { state: 'done', latencyMs: 5 }))
    expect((await s.setSale(g, true)).ok).toBe(true)
    expect(g.onSale).toBe(true)
  })

  it('shows a move at once and reads WeChat\'s order again when the sort fails', async () => {
    const s = useShelf('sandbox', 2)
    await s.load()
    expect(await s.move(0, -1)).toBeNull()
    api.shelfSort.mockRejectedValueOnce(new IpcError('wechat', '排序失败'))
    const out = await s.move(2, 0)
    expect(api.shelfSort).toHaveBeenCalledWith('sandbox', 2, [3, 1, 2])
    expect(out && !out.ok && out.error.message).toBe('排序失败')
    expect(s.shelf.value!.goods.map((g) => g.goodsId)).toEqual([1, 2, 3])
    expect(api.shelfList).toHaveBeenCalledTimes(2)
  })

  it('saves nothing when no file is picked, and reports the download\'s progress', async () => {
    const s = useShelf('sandbox', 2)
    await s.load()
    const g = s.shelf.value!.goods[1]!
    plat.pickSavePath.mockResolvedValueOnce(null)
    expect(await s.saveVideo(g, '保存讲解视频')).toBeNull()
    expect(api.shelfSaveVideo).not.toHaveBeenCalled()

    plat.pickSavePath.mockResolvedValueOnce('/tmp/G2.mp4')
    api.shelfSaveVideo.mockImplementationOnce(async (_a, _r, _g, path, onProgress) => {
      onProgress({ bytes: 10, total: 40 })
      expect(s.download.value).toEqual({ goodsId: 2, bytes: 10, total: 40 })
      return { path, bytes: 40 }
    })
    const out = await s.saveVideo(g, '保存讲解视频')
    expect(plat.pickSavePath).toHaveBeenLastCalledWith('保存讲解视频', 'G2.mp4', 'MP4', 'mp4')
    expect(out?.ok && out.value.path).toBe('/tmp/G2.mp4')
    expect(s.download.value).toBeNull()
  })
})

describe('importing into a room', () => {
  it('lists the approved goods and keeps an import\'s failure as its error', async () => {
    api.goodsPage.mockResolvedValue({ goods: [], total: 0, counts: [0, 0, 0, 0] })
    const imp = useShelfImport('sandbox', 2)
    await imp.load()
    expect(api.goodsPage).toHaveBeenCalledWith('sandbox', 2, '', 0, 100)
    api.shelfImport.mockRejectedValueOnce(new IpcError('wechat', '商品未通过审核'))
    expect((await imp.importGoods([5, 6])).ok).toBe(false)
    expect(api.shelfImport).toHaveBeenCalledWith('sandbox', 2, [5, 6])
    expect(imp.importError.value).toBe('商品未通过审核')
    expect(imp.busy.value).toBe(false)
  })
})
