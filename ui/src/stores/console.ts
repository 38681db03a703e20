// The live console's state for one room at a time: its rundown, its queued actions (kept current
// by the shell's console events), the comment ban and the lock. The console view and the anchor
// view each open it on their room; the events reach every window that follows.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api'
import type { ActionKind, ConsoleEvent, QueuedAction, Rundown, RundownItem } from '@/api'
import { task } from '@/lib/task'

/** The key the UI uses for "the same action" (the core refuses to send one twice). */
export function actionKey(a: ActionKind): string {
  switch (a.kind) {
    case 'push':
      return `push:${a.goodsId}`
    case 'sale':
      return `sale:${a.goodsId}`
    case 'remove':
      return `remove:${a.goodsId}`
    case 'comment_ban':
      return 'comment_ban'
  }
}

export const useConsoleStore = defineStore('console', () => {
  const accountId = ref<string | null>(null)
  const roomId = ref<number | null>(null)
  const rundown = ref<Rundown | null>(null)
  const actions = ref<QueuedAction[]>([])
  const commentBanned = ref<boolean | null>(null)
  const unlockedUntilMs = ref<number | null>(null)
  const notice = ref<string | null>(null)
  /** This window follows the shell's events (once: a later follow replaces the earlier). */
  let following = false
  /** Bumped on every finished action: the log reads the journal again. */
  const journalTick = ref(0)

  const current = computed<RundownItem | null>(
    () => rundown.value?.items.find((i) => i.id === rundown.value?.currentId) ?? null,
  )
  const next = computed<RundownItem | null>(
    () => rundown.value?.items.find((i) => i.id === rundown.value?.nextId) ?? null,
  )

  const mine = (a: { accountId: string; roomId: number }) => a.accountId === accountId.value && a.roomId === roomId.value

  function upsert(a: QueuedAction) {
    const i = actions.value.findIndex((x) => x.id === a.id)
    if (i >= 0) actions.value.splice(i, 1, a)
    else actions.value.push(a)
    if (a.state.state === 'done' || a.state.state === 'failed') journalTick.value++
  }

  function onEvent(e: ConsoleEvent) {
    switch (e.type) {
      case 'action':
        if (mine(e.action)) {
          upsert(e.action)
          if (e.action.action.kind === 'comment_ban' && e.action.state.state === 'done') {
            commentBanned.value = e.action.action.banned
          }
        }
        break
      case 'rundown':
        if (mine(e)) void reloadRundown()
        break
      case 'lock':
        if (mine(e)) unlockedUntilMs.value = e.unlockedUntilMs
        break
      case 'notice':
        if (mine(e)) notice.value = e.message
        break
      case 'status':
      case 'obs':
      case 'obs_health':
        // The rooms store keeps the room's status, the OBS store the link and its health.
        break
    }
  }

  async function reloadRundown() {
    if (accountId.value === null || roomId.value === null) return
    rundown.value = await api.rundownGet(accountId.value, roomId.value)
  }

  /** Shows `room` (following the shell's events, once per window). */
  async function open(account: string, room: number) {
    if (!following) {
      following = true
      await api.onConsoleEvent(onEvent).catch((e: unknown) => {
        following = false
        throw e
      })
    }
    accountId.value = account
    roomId.value = room
    notice.value = null
    const [r, st] = await Promise.all([api.rundownGet(account, room), api.liveState(account, room)])
    rundown.value = r
    actions.value = st.actions
    commentBanned.value = st.commentBanned
    unlockedUntilMs.value = st.unlockedUntilMs
  }

  /** The newest action of this kind on screen (pending, or how it ended). */
  function latest(kind: ActionKind): QueuedAction | null {
    const key = actionKey(kind)
    return [...actions.value].reverse().find((a) => actionKey(a.action) === key) ?? null
  }

  /** Queues `kind`; answers how it ended (its events keep the screen current meanwhile). */
  const act = (kind: ActionKind) =>
    task().run(async () => {
      const a = await api.liveAct(accountId.value!, roomId.value!, kind)
      upsert(a)
      return a
    })

  const retry = (id: number) =>
    task().run(async () => {
      upsert(await api.liveRetry(accountId.value!, roomId.value!, id))
    })

  /** Ends what is on and starts (and pushes, for goods) what comes next. */
  const stepping = task()
  const pushNext = () =>
    stepping.run(async () => {
      const s = await api.rundownPushNext(accountId.value!, roomId.value!)
      rundown.value = s.rundown
      if (s.push) upsert(s.push)
      return s
    })

  function setRundown(r: Rundown) {
    rundown.value = r
  }

  return {
    accountId,
    roomId,
    rundown,
    actions,
    commentBanned,
    unlockedUntilMs,
    notice,
    journalTick,
    stepping: stepping.loading,
    current,
    next,
    open,
    latest,
    act,
    retry,
    pushNext,
    setRundown,
    reloadRundown,
    onEvent,
  }
})
