// The shell's console events, followed once per window and handed to every part that listens
// (the console, the rooms' live status). The shell keeps one follow per window, so a second
// `liveFollow` would cut the first one off: everything subscribes here instead.
import type { ConsoleEvent } from './bindings/ConsoleEvent'
import { liveFollow } from './commands'

type Listener = (e: ConsoleEvent) => void

const listeners = new Set<Listener>()
let following: Promise<void> | null = null

function dispatch(e: ConsoleEvent) {
  for (const l of listeners) l(e)
}

/** Calls `listener` with every console event until the returned function is called. */
export async function onConsoleEvent(listener: Listener): Promise<() => void> {
  listeners.add(listener)
  try {
    await (following ??= liveFollow(dispatch))
  } catch (e) {
    following = null
    listeners.delete(listener)
    throw e
  }
  return () => listeners.delete(listener)
}
