import { invoke, type InvokeArgs } from '@tauri-apps/api/core'
import { toIpcError } from './errors'

/** Calls a shell command; every rejection becomes an IpcError. */
export async function call<T>(cmd: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(cmd, args)
  } catch (e) {
    throw toIpcError(e)
  }
}
