// live_status 101–107 (reference §4). Each status gets its own look: a Naive tag type, and for the
// two that would otherwise share one, a colour of their own that reads on light and dark themes.
export type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'error'

export interface StatusLook {
  /** i18n key under `status.` */
  key: 'live' | 'notStarted' | 'ended' | 'banned' | 'paused' | 'abnormal' | 'expired' | 'unknown'
  type: TagType
  color?: { color: string; textColor: string; borderColor: string }
}

export const LIVE_STATUSES = [101, 102, 103, 104, 105, 106, 107] as const

const LOOKS: Record<number, StatusLook> = {
  101: { key: 'live', type: 'success' },
  102: { key: 'notStarted', type: 'info' },
  103: { key: 'ended', type: 'default' },
  104: { key: 'banned', type: 'error' },
  105: { key: 'paused', type: 'warning' },
  106: {
    key: 'abnormal',
    type: 'warning',
    color: { color: 'rgba(232, 89, 12, 0.16)', textColor: '#e8590c', borderColor: 'rgba(232, 89, 12, 0.45)' },
  },
  107: {
    key: 'expired',
    type: 'default',
    color: { color: 'rgba(132, 94, 247, 0.14)', textColor: '#845ef7', borderColor: 'rgba(132, 94, 247, 0.45)' },
  },
}

export function statusLook(status: number): StatusLook {
  return LOOKS[status] ?? { key: 'unknown', type: 'default' }
}

/** A room that is on air (live, paused or briefly abnormal) cannot be deleted (300023). */
/** WeChat edits a room only before it starts (102; else 300023). */
export function canEditRoom(status: number): boolean {
  return status === 102
}

export function canDeleteRoom(status: number): boolean {
  return status !== 101 && status !== 105 && status !== 106
}
