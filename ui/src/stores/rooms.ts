import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api'
import type { ConsoleEvent, RoomList, RoomView } from '@/api'
import { task } from '@/lib/task'

/** Last-known room lists per account: shown at once from SQLite, then refreshed from WeChat. */
export const useRoomsStore = defineStore('rooms', () => {
  const lists = ref<Record<string, RoomList>>({})
  const refreshing = ref<Record<string, boolean>>({})
  const errors = ref<Record<string, string | null>>({})

  // One load per account at a time: the shell starts it as soon as the account is known, and the
  // rooms view, mounting meanwhile, joins it instead of asking twice.
  const loading: Record<string, Promise<void> | undefined> = {}

  // A room's status changes while the list is on screen (the shell's poll, or a refresh), and
  // the list shows it without asking WeChat again.
  let following: Promise<unknown> | null = null
  function onStatus(e: ConsoleEvent) {
    if (e.type !== 'status') return
    const room = find(e.accountId, e.roomId)
    if (room) room.status = e.to
  }

  function load(accountId: string): Promise<void> {
    following ??= api.onConsoleEvent(onStatus).catch(() => {
      following = null
    })
    return (loading[accountId] ??= loadOnce(accountId).finally(() => {
      delete loading[accountId]
    }))
  }

  async function loadOnce(accountId: string) {
    try {
      const cached = await api.roomsCached(accountId)
      // A refresh that finished first wins over the cache.
      if (!lists.value[accountId] || lists.value[accountId].fromCache) lists.value[accountId] = cached
    } catch {
      /* no cache yet: the refresh below fills the list */
    }
    await refresh(accountId)
  }

  async function refresh(accountId: string) {
    refreshing.value[accountId] = true
    errors.value[accountId] = null
    try {
      lists.value[accountId] = await api.roomsRefresh(accountId)
    } catch (e) {
      errors.value[accountId] = api.toIpcError(e).message
    } finally {
      refreshing.value[accountId] = false
    }
  }

  function find(accountId: string, roomId: number): RoomView | null {
    return lists.value[accountId]?.rooms.find((r) => r.id === roomId) ?? null
  }

  function removeRoom(accountId: string, roomId: number) {
    const l = lists.value[accountId]
    if (l) l.rooms = l.rooms.filter((r) => r.id !== roomId)
  }

  /** Deletes the room in WeChat, then from the list. */
  async function remove(accountId: string, roomId: number) {
    const out = await task().run(() => api.roomDelete(accountId, roomId))
    if (out.ok) removeRoom(accountId, roomId)
    return out
  }

  /** Has the shell poll the live status of this account's rooms (null: none); a failure only leaves them unpolled. */
  const monitor = (accountId: string | null) => task().run(() => api.monitorWatch(accountId))

  return { lists, refreshing, errors, load, refresh, find, removeRoom, remove, monitor }
})
