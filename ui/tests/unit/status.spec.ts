import { describe, expect, it } from 'vitest'
import StatusBadge from '@/components/StatusBadge.vue'
import { LIVE_STATUSES, canDeleteRoom, statusLook } from '@/lib/status'
import { mountInApp } from './helpers'

const NAMES: Record<number, [string, string]> = {
  101: ['直播中', 'Live'],
  102: ['未开始', 'Not started'],
  103: ['已结束', 'Ended'],
  104: ['禁播', 'Banned'],
  105: ['暂停', 'Paused'],
  106: ['异常', 'Abnormal'],
  107: ['已过期', 'Expired'],
}

describe('status badges', () => {
  it('gives each of 101–107 a look of its own', () => {
    const looks = LIVE_STATUSES.map((s) => {
      const l = statusLook(s)
      return `${l.type}/${l.color?.textColor ?? ''}`
    })
    expect(new Set(looks).size).toBe(7)
    expect(statusLook(101).type).toBe('success')
    expect(statusLook(104).type).toBe('error')
    expect(statusLook(999).key).toBe('unknown')
  })

  it.each(LIVE_STATUSES)('shows status %i by name in zh-CN and en', async (s) => {
    const zh = await mountInApp(StatusBadge, { props: { status: s }, bare: true })
    expect(zh.wrapper.text()).toBe(NAMES[s]![0])
    zh.i18n.global.locale.value = 'en'
    await zh.wrapper.vm.$nextTick()
    expect(zh.wrapper.text()).toBe(NAMES[s]![1])
    zh.wrapper.unmount()
  })

  it('allows deleting only rooms that are not on air', () => {
    expect(LIVE_STATUSES.filter((s) => !canDeleteRoom(s))).toEqual([101, 105, 106])
  })
})
