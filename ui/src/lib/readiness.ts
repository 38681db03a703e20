// When the app is ready for its user: the page interactive (DOMContentLoaded), then the start view's
// data on screen (the room rows painted). The shell logs both and `make bench` times the second.
import { appReady } from '@/api'

let pageMs: number | null = null
let dataReported = false

/** Tells the shell; a failure (or no shell, as in component tests) only loses the log line. */
function report(page: number, data: number | null, marks: [string, number][] = []): void {
  Promise.resolve()
    .then(() => appReady(page, data, marks))
    .catch(() => undefined)
}

/** DOMContentLoaded: the page's own time from navigation start. */
export function pageInteractive(): void {
  pageMs = performance.now()
  report(pageMs, null)
}

/** The start view's rows are in the DOM: reported once, after they are painted (two frames). */
export function dataOnScreen(): void {
  if (dataReported) return
  dataReported = true
  performance.mark('livedesk:rows-in-dom')
  requestAnimationFrame(() => {
    performance.mark('livedesk:first-frame')
    requestAnimationFrame(() => {
      performance.mark('livedesk:data-on-screen')
      const marks = performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('livedesk:'))
        .map((m): [string, number] => [m.name.slice('livedesk:'.length), m.startTime])
      report(pageMs ?? -1, performance.now(), marks)
    })
  })
}
