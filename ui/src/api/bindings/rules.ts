// Generated from livedesk-core's rules.rs (make bindings). Do not edit by hand.

/** Every documented live status (101–107), with the UI's key and its names. */
export const STATUS_RULES = {
  101: { key: 'live', zh: '直播中', en: 'Live' },
  102: { key: 'notStarted', zh: '未开始', en: 'Not started' },
  103: { key: 'ended', zh: '已结束', en: 'Ended' },
  104: { key: 'banned', zh: '禁播', en: 'Banned' },
  105: { key: 'paused', zh: '暂停', en: 'Paused' },
  106: { key: 'abnormal', zh: '异常', en: 'Abnormal' },
  107: { key: 'expired', zh: '已过期', en: 'Expired' },
} as const

export const LIVE_STATUSES = [101, 102, 103, 104, 105, 106, 107] as const

/** Statuses whose room WeChat lets edit (else 300023). */
export const EDITABLE_STATUSES: readonly number[] = [102]

/** Statuses whose room can be deleted (a room on air cannot: 300023). */
export const DELETABLE_STATUSES: readonly number[] = [102, 103, 104, 107]

/** custom_params / share params: at most this many characters. */
export const CUSTOM_PARAMS_MAX = 600
