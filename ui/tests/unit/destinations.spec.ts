import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as commands from '@/api/commands'
import type { DestinationView } from '@/api'
import { IpcError } from '@/api'
import DestinationsView from '@/views/DestinationsView.vue'
import { mountInApp } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

const custom: DestinationView = {
  id: 4, kind: 'custom', name: '视频号·周末专场', server: 'rtmp://push.example.com/live', pushDomain: null, appName: null,
  streamName: null, playDomain: null, playHttps: null, validitySecs: null, hasKey: true, hasPlayKey: false, createdAt: 1, updatedAt: 1,
}
const q = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)

beforeEach(() => {
  document.body.innerHTML = ''
  vi.resetAllMocks()
})

describe('destinations', () => {
  it('shows the selected destination\'s address with its QR, without an expiry for a custom one, and sends it to OBS', async () => {
    api.destinationsList.mockResolvedValue([custom])
    api.destinationAddress.mockResolvedValue({
      address: { server: 'rtmp://push.example.com/live', streamKey: 'k-123', fullUrl: 'rtmp://push.example.com/live/k-123', expiresAt: null, push: [], play: [] },
      qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    })
    api.destinationSendObs.mockResolvedValue({ server: 'rtmp://push.example.com/live', keyMatches: true })
    const { wrapper } = await mountInApp(DestinationsView)
    await flushPromises()
    expect(api.destinationAddress).toHaveBeenCalledWith(4)
    expect(q('push-server')!.querySelector('input')!.value).toBe('rtmp://push.example.com/live')
    expect(q('push-key')!.getAttribute('data-masked')).toBe('true')
    expect(q('push-expiry')).toBeNull()
    expect(q('push-qr')).not.toBeNull()
    q('dest-send-obs')!.click()
    await flushPromises()
    expect(api.destinationSendObs).toHaveBeenCalledWith(4)
    expect(q('dest-sent')!.textContent).toContain('rtmp://push.example.com/live')
    wrapper.unmount()
  })

  it('shows the core\'s refusal at its field and keeps what was typed', async () => {
    api.destinationsList.mockResolvedValue([])
    api.destinationSave.mockRejectedValue(new IpcError('validation', '服务器应以 rtmp:// 或 rtmps:// 开头', 'server'))
    const { wrapper } = await mountInApp(DestinationsView)
    await flushPromises()
    q('dest-add')!.click()
    await flushPromises()
    const server = q<HTMLInputElement>('dest-server')!.querySelector('input')!
    server.value = 'http://push.example.com/live'
    server.dispatchEvent(new Event('input'))
    q('dest-save')!.click()
    await flushPromises()
    expect(api.destinationSave).toHaveBeenCalledWith(null, expect.objectContaining({ kind: 'custom', server: 'http://push.example.com/live', streamKey: null }))
    expect(document.querySelector('[data-testid="dest-modal"]')!.textContent).toContain('rtmp:// 或 rtmps://')
    expect(server.value).toBe('http://push.example.com/live')
    wrapper.unmount()
  })
})
