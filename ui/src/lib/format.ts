// Building an Intl formatter costs far more than formatting (a room list formats 16 times per
// render): one per locale, kept.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  let f = dateTimeFormats.get(locale)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
    dateTimeFormats.set(locale, f)
  }
  return f
}

// Times on the wire are unix seconds (as WeChat's are).
export function formatDateTime(unixSeconds: number | null | undefined, locale: string): string {
  if (unixSeconds === null || unixSeconds === undefined) return '—'
  return dateTimeFormat(locale).format(new Date(unixSeconds * 1000))
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`
}

/** "in 23 h 59 min" style, using Intl where it can. */
export function formatRelative(unixSeconds: number, nowMs: number, locale: string): string {
  const diff = unixSeconds - Math.round(nowMs / 1000)
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const abs = Math.abs(diff)
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute')
  if (abs < 86400 * 2) return rtf.format(Math.round(diff / 3600), 'hour')
  return rtf.format(Math.round(diff / 86400), 'day')
}

/** WeChat counts a CJK (non-ASCII) char as 2 units and ASCII as 1 (reference R1). */
export function wechatWidth(s: string): number {
  let n = 0
  for (const ch of s) n += ch.codePointAt(0)! < 0x80 ? 1 : 2
  return n
}
