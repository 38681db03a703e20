import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as commands from '@/api/commands'
import type { ConsoleEvent, ObsHealth, ObsStatus } from '@/api'
import ObsRoomControls from '@/components/obs/ObsRoomControls.vue'
import { mountInApp } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

const settings = { host: '127.0.0.1', port: 4455, hasPassword: true }
const connected: ObsStatus = {
  settings,
  link: { state: 'connected', address: '127.0.0.1:4455', obsVersion: '29.0.2', websocketVersion: '5.1.0' },
  health: null,
  target: null,
}
function health(over: Partial<ObsHealth> = {}): ObsHealth {
  return {
    active: true, reconnecting: false, kbps: 2500, congestion: 0.1, droppedFrames: 3, totalFrames: 300,
    encoderSkipped: 0, renderSkipped: 1, cpuPercent: 12.5, fps: 30, timecodeMs: 75_000, mismatch: null, ...over,
  }
}
const q = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)

beforeEach(() => {
  document.body.innerHTML = ''
  vi.resetAllMocks()
})

describe('OBS on the room page', () => {
  it('reads the link again, in the new language, when the language changes', async () => {
    api.obsStatus.mockResolvedValueOnce({
      ...connected,
      link: { state: 'disconnected', address: '127.0.0.1:4455', problem: { kind: 'not_running', address: '127.0.0.1:4455' }, message: 'OBS 没有运行。' },
    })
    api.obsStatus.mockResolvedValue({
      ...connected,
      link: { state: 'disconnected', address: '127.0.0.1:4455', problem: { kind: 'not_running', address: '127.0.0.1:4455' }, message: 'OBS is not running.' },
    })
    api.setLocale.mockResolvedValue(undefined)
    const { wrapper, store } = await mountInApp(ObsRoomControls, { props: { accountId: 'sandbox', roomId: 2 } })
    await flushPromises()
    expect(q('obs-link-message')!.textContent).toContain('OBS 没有运行')
    const reads = api.obsStatus.mock.calls.length
    await store.setLocale('en')
    await flushPromises()
    expect(api.obsStatus).toHaveBeenCalledTimes(reads + 1)
    expect(q('obs-link-message')!.textContent).toContain('OBS is not running.')
    wrapper.unmount()
  })

  it('says why OBS is not connected, in the core\'s words, and reconnects on request', async () => {
    api.obsStatus.mockResolvedValue({
      ...connected,
      link: { state: 'disconnected', address: '127.0.0.1:4455', problem: { kind: 'wrong_password' }, message: 'OBS 拒绝了密码（4009）。' },
    })
    const { wrapper } = await mountInApp(ObsRoomControls, { props: { accountId: 'sandbox', roomId: 2 } })
    await flushPromises()
    expect(q('obs-link')!.getAttribute('data-problem')).toBe('wrong_password')
    expect(q('obs-link-message')!.textContent).toContain('4009')
    expect(q<HTMLButtonElement>('obs-send')!.hasAttribute('disabled')).toBe(true)
    q('obs-reconnect')!.click()
    await flushPromises()
    expect(api.obsReconnect).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })

  it('sends the room to OBS, then follows the stream\'s health and a disagreement with WeChat', async () => {
    api.obsStatus.mockResolvedValue(structuredClone(connected))
    api.obsSendRoom.mockResolvedValue({ server: 'rtmp://127.0.0.1:1935/live', keyMatches: true })
    let onEvent: ((e: ConsoleEvent) => void) | null = null
    api.liveFollow.mockImplementation(async (f) => {
      onEvent = f
    })
    const { wrapper } = await mountInApp(ObsRoomControls, { props: { accountId: 'sandbox', roomId: 2 } })
    await flushPromises()
    q('obs-send')!.click()
    await flushPromises()
    expect(api.obsSendRoom).toHaveBeenCalledWith('sandbox', 2)
    expect(q('obs-sent')!.textContent).toContain('rtmp://127.0.0.1:1935/live')

    onEvent!({ type: 'obs_health', health: health() })
    await flushPromises()
    expect(q('obs-health')!.getAttribute('data-active')).toBe('yes')
    expect(q('obs-health-bitrate')!.textContent).toContain('2500 kbps')
    expect(q('obs-health-dropped')!.textContent).toContain('3 / 300')
    // Settings cannot change under a running stream: Send and Start are off, Stop is on.
    expect(q<HTMLButtonElement>('obs-send')!.hasAttribute('disabled')).toBe(true)
    expect(q<HTMLButtonElement>('obs-stop')!.hasAttribute('disabled')).toBe(false)

    onEvent!({ type: 'obs_health', health: health({ mismatch: { kind: 'streaming_not_live', accountId: 'sandbox', roomId: 2, status: 102 } }) })
    await flushPromises()
    expect(q('obs-mismatch')!.textContent).toContain('102')

    // The link dropping clears the health.
    onEvent!({ type: 'obs', link: { state: 'disconnected', address: '127.0.0.1:4455', problem: { kind: 'lost' }, message: '与 OBS 的连接已断开，正在重连。' } })
    await flushPromises()
    expect(q('obs-health')).toBeNull()
    expect(q('obs-link')!.getAttribute('data-problem')).toBe('lost')
    wrapper.unmount()
  })
})
