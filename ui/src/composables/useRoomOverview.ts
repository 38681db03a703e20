// A room's overview data beside the rooms store: its push address, the probe of a push address,
// and its share code (with the pictures saved to PNG files).
import { ref } from 'vue'
import * as api from '@/api'
import type { ProbeReport, PushAddress, ShareCode, ShareWhich } from '@/api'
import { task } from '@/lib/task'

export function usePushAddress(accountId: string, roomId: number) {
  const address = ref<PushAddress | null>(null)
  const loading = task()
  async function load() {
    await loading.run(async () => {
      address.value = await api.roomPushAddress(accountId, roomId)
    })
  }
  return { address, error: loading.error, loading: loading.loading, load }
}

/** Connects to a push server and asks to publish (no picture sent), to tell whether the address works. */
export function usePushProbe() {
  const report = ref<ProbeReport | null>(null)
  const testing = task()
  async function test(server: string, streamKey: string) {
    await testing.run(async () => {
      report.value = await api.pushAddressTest(server, streamKey)
    })
  }
  return { report, error: testing.error, testing: testing.loading, test }
}

export function useShareCode(accountId: string, roomId: number) {
  const code = ref<ShareCode | null>(null)
  const loading = task()
  /** Which picture is being saved. */
  const saving = ref<ShareWhich | null>(null)

  async function load(customParams: string | null) {
    await loading.run(async () => {
      code.value = await api.roomShareCode(accountId, roomId, customParams)
    })
  }

  /** Asks where, then saves the picture; answers the path (null: no file picked). */
  async function save(which: ShareWhich, dialogTitle: string) {
    saving.value = which
    const out = await task().run(async () => {
      const path = await api.pickPngSavePath(dialogTitle, `room-${roomId}-${which}.png`)
      if (path) await api.shareSave(accountId, roomId, which, path)
      return path
    })
    saving.value = null
    return out
  }

  return { code, error: loading.error, loading: loading.loading, saving, load, save }
}
