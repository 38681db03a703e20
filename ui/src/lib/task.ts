// One async operation's state, held once for whoever shows it: whether it runs, and why its last
// run failed. Stores run their IPC calls through it instead of each writing its own try/catch.
import { ref, type Ref } from 'vue'
import { toIpcError, type IpcError } from '@/api/errors'

/** How a run ended: its value, or the error (already in the user's language). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export interface Task {
  readonly loading: Ref<boolean>
  /** The message of the last run's failure; null while running again and after a success. */
  readonly error: Ref<string | null>
  run<T>(work: () => Promise<T>): Promise<Outcome<T>>
  clear(): void
}

export function task(): Task {
  const loading = ref(false)
  const error = ref<string | null>(null)
  async function run<T>(work: () => Promise<T>): Promise<Outcome<T>> {
    loading.value = true
    error.value = null
    try {
      return { ok: true, value: await work() }
    } catch (e) {
      const err = toIpcError(e)
      error.value = err.message
      return { ok: false, error: err }
    } finally {
      loading.value = false
    }
  }
  const clear = () => {
    error.value = null
  }
  return { loading, error, run, clear }
}
