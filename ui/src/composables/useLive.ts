// The live console's actions beside its store: rundown edits (the list shown is what the core
// answered; after a refusal, what it holds), the live lock, the push-next hotkey, arming the
// hotkey for a room, and the anchor's window.
import { ref } from 'vue'
import * as api from '@/api'
import type { HotkeyStatus, ItemInput, Rundown, RundownItem } from '@/api'
import { useConsoleStore } from '@/stores/console'
import { task } from '@/lib/task'

export function useRundownEdits() {
  const console_ = useConsoleStore()
  const ids = () => [console_.accountId!, console_.roomId!] as const

  async function change(work: (accountId: string, roomId: number) => Promise<Rundown>) {
    const out = await task().run(() => work(...ids()))
    if (out.ok) console_.setRundown(out.value)
    else await console_.reloadRundown()
    return out
  }

  const skip = (i: RundownItem) => change((a, r) => api.rundownSkip(a, r, i.id, !i.skipped))
  const goTo = (i: RundownItem) => change((a, r) => api.rundownGoTo(a, r, i.id))
  const remove = (i: RundownItem) => change((a, r) => api.rundownRemove(a, r, i.id))
  const reorder = (order: number[]) => change((a, r) => api.rundownReorder(a, r, order))

  /** Adds an item (after `after`, or at the end) or edits `editing`; a refusal keeps the rundown as it is. */
  const saving = task()
  const save = (editing: RundownItem | null, item: ItemInput, after: number | null) =>
    saving.run(async () => {
      const [a, r] = ids()
      const next = editing ? await api.rundownEdit(a, r, editing.id, item) : await api.rundownAdd(a, r, item, after)
      console_.setRundown(next)
      return next
    })

  return { skip, goTo, remove, reorder, save, saving: saving.loading }
}

export function useLiveLock(accountId: string, roomId: number) {
  const console_ = useConsoleStore()
  /** Opens removing and deleting for two minutes (journaled). */
  async function unlock() {
    const out = await task().run(() => api.liveUnlock(accountId, roomId))
    if (out.ok) console_.unlockedUntilMs = out.value
    return out
  }
  async function relock() {
    const out = await task().run(() => api.liveRelock(accountId, roomId))
    if (out.ok) console_.unlockedUntilMs = null
    return out
  }
  return { unlock, relock }
}

export function useHotkey() {
  const status = ref<HotkeyStatus | null>(null)
  const setting = task()
  async function load() {
    const out = await task().run(api.hotkeyStatus)
    if (out.ok) status.value = out.value
    return out
  }
  /** Another accelerator; the rules and another program's hold come back as the error. */
  async function set(accelerator: string) {
    const out = await setting.run(() => api.hotkeySet(accelerator))
    if (out.ok) status.value = out.value
    return out
  }
  return { status, error: setting.error, load, set }
}

/** The room the push-next hotkey drives (null: none); a failure only leaves the hotkey idle. */
export const armHotkey = (accountId: string | null, roomId: number | null) =>
  task().run(() => api.liveArm(accountId, roomId))

export const openAnchor = (accountId: string, roomId: number) => task().run(() => api.anchorOpen(accountId, roomId))

/** The anchor's own window. */
export const anchorWindow = {
  fullscreen: (on: boolean) => task().run(() => api.windowFullscreen(on)),
  close: () => task().run(api.windowClose),
}
