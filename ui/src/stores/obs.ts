import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import * as api from '@/api'
import type { ConsoleEvent, ObsStatus } from '@/api'
import type { ObsSettingsInput } from '@/api/bindings/ObsSettingsInput'
import { task } from '@/lib/task'
import { useAppStore } from './app'

/** OBS as the shell's link sees it: settings, link, health, the room sent to OBS. */
export const useObsStore = defineStore('obs', () => {
  const status = ref<ObsStatus | null>(null)
  const error = ref<string | null>(null)
  let following: Promise<unknown> | null = null

  // Events that arrive while a status read is on its way are newer than its answer.
  let changes = 0
  let latestLink: ObsStatus['link'] | null = null
  let latestHealth: ObsStatus['health'] = null

  function onEvent(e: ConsoleEvent) {
    if (e.type === 'obs') {
      latestLink = e.link
      if (e.link.state !== 'connected') latestHealth = null
    } else if (e.type === 'obs_health') {
      latestHealth = e.health
    } else {
      return
    }
    changes++
    if (status.value) {
      if (latestLink) status.value.link = latestLink
      status.value.health = latestHealth
    }
  }

  // The link's words are the core's, in the language of the moment: once read, read again when
  // the language changes (once for every view that shows them).
  let loaded = false
  const app = useAppStore()
  watch(
    () => app.locale,
    () => {
      if (loaded) void load()
    },
  )

  /** Reads the state and follows the link's events. */
  async function load() {
    loaded = true
    following ??= api.onConsoleEvent(onEvent).catch(() => {
      following = null
    })
    try {
      const before = changes
      const read = await api.obsStatus()
      if (changes !== before) {
        if (latestLink) read.link = latestLink
        read.health = latestHealth
      }
      status.value = read
      error.value = null
    } catch (e) {
      error.value = api.toIpcError(e).message
    }
  }

  const reconnecting = task()
  const reconnect = () => reconnecting.run(api.obsReconnect)

  /** Sends the room's push address to OBS; answers the server OBS now has. */
  const sendRoom = (accountId: string, roomId: number) =>
    task().run(async () => {
      const sent = await api.obsSendRoom(accountId, roomId)
      if (status.value) status.value.target = { accountId, roomId }
      return sent
    })

  const stream = (on: boolean) => task().run(() => api.obsStream(on))

  /** Saves where OBS is (the password to the keyring), then reads the link again. */
  const saving = task()
  async function saveSettings(input: ObsSettingsInput) {
    const out = await saving.run(() => api.obsSettingsSet(input))
    if (out.ok) await load()
    return out
  }

  return {
    status,
    error,
    reconnecting: reconnecting.loading,
    savingSettings: saving.loading,
    load,
    reconnect,
    sendRoom,
    stream,
    saveSettings,
  }
})
