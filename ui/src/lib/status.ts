// live_status 101–107 (reference §4): which statuses exist and what WeChat allows in each come from
// the core (bindings/rules.ts, generated); here each gets its own look: a Naive tag type, and for the
// two that would otherwise share one, a colour of their own that reads on light and dark themes.
import { DELETABLE_STATUSES, EDITABLE_STATUSES, LIVE_STATUSES, STATUS_RULES } from '@/api/bindings/rules'

export { LIVE_STATUSES }

export type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'error'

export interface StatusLook {
  /** i18n key under `status.` */
  key: 'live' | 'notStarted' | 'ended' | 'banned' | 'paused' | 'abnormal' | 'expired' | 'unknown'
  type: TagType
  color?: { color: string; textColor: string; borderColor: string }
}

type LiveStatus = (typeof LIVE_STATUSES)[number]

const LOOKS: Record<LiveStatus, Omit<StatusLook, 'key'>> = {
  101: { type: 'success' },
  102: { type: 'info' },
  103: { type: 'default' },
  104: { type: 'error' },
  105: { type: 'warning' },
  106: {
    type: 'warning',
    color: { color: 'rgba(232, 89, 12, 0.16)', textColor: '#e8590c', borderColor: 'rgba(232, 89, 12, 0.45)' },
  },
  107: {
    type: 'default',
    color: { color: 'rgba(132, 94, 247, 0.14)', textColor: '#845ef7', borderColor: 'rgba(132, 94, 247, 0.45)' },
  },
}

function isLiveStatus(status: number): status is LiveStatus {
  return (LIVE_STATUSES as readonly number[]).includes(status)
}

export function statusLook(status: number): StatusLook {
  if (!isLiveStatus(status)) return { key: 'unknown', type: 'default' }
  return { key: STATUS_RULES[status].key, ...LOOKS[status] }
}

/** WeChat edits a room only before it starts (102; else 300023). */
export function canEditRoom(status: number): boolean {
  return EDITABLE_STATUSES.includes(status)
}

/** A room that is on air (live, paused or briefly abnormal) cannot be deleted (300023). */
export function canDeleteRoom(status: number): boolean {
  return DELETABLE_STATUSES.includes(status)
}
