// A room's goods in shelf order and what can be done to them: the data and its IPC calls for
// RoomShelf and its import dialog. Sale, push and remove go through the room's queue, as in the
// live console; a failed reorder reads WeChat's order again.
import { ref } from 'vue'
import * as api from '@/api'
import type { ActionKind, GoodsView, Shelf, ShelfGoods } from '@/api'
import type { VideoSaved } from '@/api/bindings/VideoSaved'
import { task, type Outcome } from '@/lib/task'

const LIVE = 101
const APPROVED = 2

export function useShelf(accountId: string, roomId: number) {
  const shelf = ref<Shelf | null>(null)
  const loading = task()
  /** Which goods have an action on its way (their switch spins). */
  const busy = ref<Record<number, boolean>>({})
  const download = ref<{ goodsId: number; bytes: number; total: number | null } | null>(null)
  const live = () => shelf.value?.roomStatus === LIVE

  async function load() {
    await loading.run(async () => {
      shelf.value = await api.shelfList(accountId, roomId)
    })
  }

  /** Queues an action in the room and fails with its reason when it did not happen. */
  async function queued(action: ActionKind) {
    const a = await api.liveAct(accountId, roomId, action)
    if (a.state.state === 'failed') throw new api.IpcError('refused', a.state.message)
  }

  /** Runs `work` for one goods, its row marked busy meanwhile. */
  async function forGoods<T>(goodsId: number, work: () => Promise<T>): Promise<Outcome<T>> {
    busy.value = { ...busy.value, [goodsId]: true }
    const out = await task().run(work)
    busy.value = { ...busy.value, [goodsId]: false }
    return out
  }

  const setSale = (g: ShelfGoods, on: boolean) =>
    forGoods(g.goodsId, async () => {
      await queued({ kind: 'sale', goodsId: g.goodsId, onSale: on })
      g.onSale = on
    })
  const push = (g: ShelfGoods) => forGoods(g.goodsId, () => queued({ kind: 'push', goodsId: g.goodsId }))
  const remove = (g: ShelfGoods) =>
    forGoods(g.goodsId, async () => {
      await queued({ kind: 'remove', goodsId: g.goodsId })
      await load()
    })

  /** Shows `next` at once and sends it; on failure the list shows WeChat's order again. */
  async function saveOrder(next: ShelfGoods[]): Promise<Outcome<void> | null> {
    if (!shelf.value) return null
    shelf.value.goods = next
    const out = await task().run(() => api.shelfSort(accountId, roomId, next.map((g) => g.goodsId)))
    if (!out.ok) await load()
    return out
  }

  /** Moves row `from` to `to` (ignored outside the list). */
  function move(from: number, to: number): Promise<Outcome<void> | null> {
    const goods = [...(shelf.value?.goods ?? [])]
    if (to < 0 || to >= goods.length || from === to) return Promise.resolve(null)
    goods.splice(to, 0, ...goods.splice(from, 1))
    return saveOrder(goods)
  }

  /** Asks where to save the explanation video, then downloads it with progress; null when no file was picked. */
  async function saveVideo(g: ShelfGoods, dialogTitle: string): Promise<Outcome<VideoSaved> | null> {
    const path = await api.pickSavePath(dialogTitle, `${g.name}.mp4`, 'MP4', 'mp4').catch(() => null)
    if (!path) return null
    download.value = { goodsId: g.goodsId, bytes: 0, total: null }
    const out = await forGoods(g.goodsId, () =>
      api.shelfSaveVideo(accountId, roomId, g.goodsId, path, (p) => {
        download.value = { goodsId: g.goodsId, bytes: p.bytes, total: p.total }
      }),
    )
    download.value = null
    return out
  }

  return { shelf, loadError: loading.error, busy, download, live, load, setSale, push, remove, move, saveVideo }
}

/** The import dialog's side: the approved library goods, and importing the picked ones into the room. */
export function useShelfImport(accountId: string, roomId: number) {
  const goods = ref<GoodsView[]>([])
  const loading = task()
  const importing = task()

  async function load() {
    // Up to 100 approved goods; the search narrows a larger library.
    await loading.run(async () => {
      goods.value = (await api.goodsPage(accountId, APPROVED, '', 0, 100)).goods
    })
  }

  const importGoods = (ids: number[]) => importing.run(() => api.shelfImport(accountId, roomId, ids))

  return { goods, loadError: loading.error, importError: importing.error, busy: importing.loading, load, importGoods }
}
