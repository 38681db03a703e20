import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as platform from '@/api/platform'
import * as commands from '@/api/commands'
import type { PushAddress } from '@/api'
import PushAddressCard from '@/components/PushAddressCard.vue'
import { mountInApp } from './helpers'

vi.mock('@/api/platform')
vi.mock('@/api/commands')
const plugins = vi.mocked(platform)
const api = vi.mocked(commands)

const ADDRESS: PushAddress = {
  server: 'rtmp://wxalivepush.weixin.qq.com/live/',
  streamKey: 'wxabc-2001?txSecret=0123456789abcdef0123456789abcdef&txTime=6a0b1c2d',
  fullUrl: 'rtmp://wxalivepush.weixin.qq.com/live/wxabc-2001?txSecret=0123456789abcdef0123456789abcdef&txTime=6a0b1c2d',
  expiresAt: 1_800_000_000,
  qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><script>alert(1)</script><rect width="1" height="1"/></svg>',
}

const input = (id: string) => document.querySelector<HTMLInputElement>(`[data-testid="${id}"] input`)!
const button = (id: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!

beforeEach(() => {
  document.body.innerHTML = ''
  plugins.copyText.mockResolvedValue(undefined)
})

describe('push address card', () => {
  it('tests the address and says what the server did, with the timings', async () => {
    api.pushAddressTest.mockResolvedValue({
      outcome: { kind: 'key_rejected', detail: 'NetStream.Publish.BadName txTime has passed' },
      tcpMs: 1, handshakeMs: 3, connectMs: 5, publishMs: 8, totalMs: 9,
    })
    const { wrapper } = await mountInApp(PushAddressCard, { props: { address: ADDRESS } })
    button('push-test').click()
    await flushPromises()
    expect(api.pushAddressTest).toHaveBeenCalledWith(ADDRESS.server, ADDRESS.streamKey)
    const result = document.querySelector('[data-testid="push-test-result"]')!
    expect(result.getAttribute('data-outcome')).toBe('key_rejected')
    expect(result.textContent).toContain('服务器拒绝了串流密钥')
    expect(result.textContent).toContain('txTime has passed')
    expect(result.textContent).toContain('推流请求 8 毫秒')
    wrapper.unmount()
  })

  it('shows server and stream key apart, the key masked until revealed', async () => {
    const { wrapper } = await mountInApp(PushAddressCard, { props: { address: ADDRESS } })
    expect(input('push-server').value).toBe(ADDRESS.server)
    expect(input('push-key').value).toMatch(/^•+$/)
    expect(document.body.textContent).not.toContain('txSecret=0123')
    button('push-key-reveal').click()
    await flushPromises()
    expect(input('push-key').value).toBe(ADDRESS.streamKey)
    expect(input('push-url').value).toBe(ADDRESS.fullUrl)
    button('push-key-reveal').click()
    await flushPromises()
    expect(input('push-key').value).toMatch(/^•+$/)
    wrapper.unmount()
  })

  it('copies server, key (even masked) and full URL through the clipboard plugin', async () => {
    const { wrapper } = await mountInApp(PushAddressCard, { props: { address: ADDRESS } })
    button('push-server-copy').click()
    await flushPromises()
    button('push-key-copy').click()
    await flushPromises()
    button('push-url-copy').click()
    await flushPromises()
    expect(plugins.copyText.mock.calls.map((c) => c[0])).toEqual([ADDRESS.server, ADDRESS.streamKey, ADDRESS.fullUrl])
    wrapper.unmount()
  })

  it('renders the QR through an <img> data URL, never as markup, and shows the expiry', async () => {
    const { wrapper } = await mountInApp(PushAddressCard, { props: { address: ADDRESS, now: 1_800_000_000_000 - 86_400_000 } })
    const img = document.querySelector<HTMLImageElement>('[data-testid="push-qr"]')!
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/)
    expect(document.querySelector('[data-testid="push-card"] svg script')).toBeNull()
    expect(document.querySelector('[data-testid="push-expiry"]')!.textContent).toContain('2027')
    wrapper.unmount()
  })
})
