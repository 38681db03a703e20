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

/** Statuses whose show is on: removing and deleting need an unlock (the live lock). */
export const SHOW_ON_STATUSES: readonly number[] = [101, 105, 106]

/** Every journaled action, as the journal stores it. */
export const JOURNAL_ACTIONS = ['account_add', 'account_update', 'account_remove', 'room_create', 'room_edit', 'room_delete', 'goods_add', 'goods_update', 'goods_delete', 'goods_reset_audit', 'goods_resubmit', 'room_goods_import', 'room_goods_sale', 'room_goods_push', 'room_goods_delete', 'room_goods_sort', 'room_switch', 'rundown_add', 'rundown_edit', 'rundown_reorder', 'rundown_remove', 'rundown_step', 'live_unlock'] as const
