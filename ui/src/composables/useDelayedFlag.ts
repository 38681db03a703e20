import { onScopeDispose, ref, watch, type Ref, type WatchSource } from 'vue'

/** How long work may run before its spinner shows: quicker answers never flash one. */
export const SPINNER_DELAY_MS = 300

/**
 * Follows `source`, but turns on only once it has stayed on for `delayMs`; it turns off at once.
 * Besides sparing the flicker, a spinner that never starts spares WebKit its compositing mode (a GL
 * set-up of hundreds of milliseconds without a GPU) at start, where the first refresh is quick.
 */
export function useDelayedFlag(source: WatchSource<boolean>, delayMs = SPINNER_DELAY_MS): Ref<boolean> {
  const shown = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  watch(
    source,
    (on) => {
      stop()
      if (!on) shown.value = false
      else timer = setTimeout(() => (shown.value = true), delayMs)
    },
    { immediate: true },
  )
  onScopeDispose(stop)
  return shown
}
