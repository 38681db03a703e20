export interface Debounced<A extends unknown[]> {
  (...args: A): void
  /** Runs a pending call now (e.g. before leaving the page). */
  flush(): void
  cancel(): void
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null
  let pending: A | null = null
  const run = () => {
    timer = null
    const args = pending
    pending = null
    if (args) fn(...args)
  }
  const d = ((...args: A) => {
    pending = args
    if (timer) clearTimeout(timer)
    timer = setTimeout(run, ms)
  }) as Debounced<A>
  d.flush = () => {
    if (timer) clearTimeout(timer)
    run()
  }
  d.cancel = () => {
    if (timer) clearTimeout(timer)
    timer = null
    pending = null
  }
  return d
}
