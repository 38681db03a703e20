import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as commands from '@/api/commands'
import * as platform from '@/api/platform'
import VerdictCard from '@/components/start/VerdictCard.vue'
import ChecklistCard from '@/components/start/ChecklistCard.vue'
import { mountInApp } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)
const plat = vi.mocked(platform)

beforeEach(() => {
  document.body.innerHTML = ''
  localStorage.clear()
  vi.resetAllMocks()
})

describe('getting started', () => {
  it('shows the IP WeChat saw when it is not whitelisted, to copy, and checks again on request', async () => {
    api.startVerdict.mockResolvedValue({
      verdict: { kind: 'ip_not_whitelisted', errcode: 40164, ip: '203.0.113.7', errmsg: 'invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist' },
      title: 'IP 不在白名单中',
      message: '请把 203.0.113.7 加入小程序的 IP 白名单。',
    })
    const { wrapper } = await mountInApp(VerdictCard, { props: { accountId: 'sandbox' } })
    await flushPromises()
    expect(api.startVerdict).toHaveBeenCalledWith('sandbox')
    const result = document.querySelector('[data-testid="start-verdict-result"]')!
    expect(result.getAttribute('data-kind')).toBe('ip_not_whitelisted')
    expect(result.textContent).toContain('IP 不在白名单中')
    const ip = document.querySelector<HTMLInputElement>('[data-testid="start-ip"] input')!
    expect(ip.value).toBe('203.0.113.7')

    api.startVerdict.mockResolvedValue({ verdict: { kind: 'ready', rooms: 3 }, title: '已开通，可以开播', message: '' })
    document.querySelector<HTMLButtonElement>('[data-testid="start-check"]')!.click()
    await flushPromises()
    expect(document.querySelector('[data-testid="start-verdict-result"]')!.getAttribute('data-kind')).toBe('ready')
    expect(document.querySelector('[data-testid="start-ip"]')).toBeNull()
    wrapper.unmount()
  })

  it('keeps the ticks of the checklist per account and opens official pages in the browser', async () => {
    const guide = {
      checklist: [
        { requirement: { id: 'non_individual', group: 'eligibility' as const, zh: '非个人主体', en: 'Not an individual', url: 'https://developers.weixin.qq.com/x', secondary: false, checkedByLivedesk: false }, text: '非个人主体' },
      ],
      activation: [{ outcome: { kind: 'suspended' as const }, errcode: 268489001, message: '开通暂停' }],
    }
    const { wrapper } = await mountInApp(ChecklistCard, { props: { accountId: 'sandbox', guide } })
    const box = () => document.querySelector('[data-testid="req-non_individual"] .n-checkbox')!
    expect(box().getAttribute('aria-checked')).toBe('false')
    ;(box() as HTMLElement).click()
    await flushPromises()
    expect(box().getAttribute('aria-checked')).toBe('true')
    expect(JSON.parse(localStorage.getItem('livedesk.start.ticked.sandbox')!)).toEqual(['non_individual'])
    document.querySelector<HTMLButtonElement>('[data-testid="req-non_individual"] button')!.click()
    expect(plat.openUrl).toHaveBeenCalledWith('https://developers.weixin.qq.com/x')
    expect(document.body.textContent).toContain('268489001')
    wrapper.unmount()
  })
})
