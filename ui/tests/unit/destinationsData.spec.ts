// useDestinations against a mocked shell: selection and its address, delete, save, Send to OBS.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as commands from '@/api/commands'
import { IpcError, type DestinationAddressView, type DestinationView } from '@/api'
import { useDestinations } from '@/composables/useDestinations'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

function dest(id: number): DestinationView {
  return {
    id, kind: 'custom', name: `D${id}`, server: 'rtmp://push.example.com/live', pushDomain: null, appName: null, streamName: null,
    playDomain: null, playHttps: null, validitySecs: null, hasKey: true, hasPlayKey: false, createdAt: 1, updatedAt: 1,
  }
}
function address(key: string): DestinationAddressView {
  return { address: { server: 'rtmp://push.example.com/live', streamKey: key, fullUrl: `rtmp://push.example.com/live/${key}`, expiresAt: null, push: [], play: [] }, qrSvg: '<svg/>' }
}

beforeEach(() => {
  vi.resetAllMocks()
  api.destinationsList.mockResolvedValue([dest(1), dest(2)])
  api.destinationAddress.mockImplementation(async (id) => address(`k${id}`))
})

describe('the destinations\' data', () => {
  it('selects the first destination and reads its address; a failed address is its own error', async () => {
    const d = useDestinations()
    await d.load()
    await flushPromises()
    expect(d.selected.value).toBe(1)
    expect(d.current.value?.name).toBe('D1')
    expect(d.address.value?.address.streamKey).toBe('k1')

    api.destinationAddress.mockRejectedValueOnce(new IpcError('config', '密钥不在钥匙串中'))
    d.select(2)
    await flushPromises()
    expect(d.address.value).toBeNull()
    expect(d.addressError.value).toBe('密钥不在钥匙串中')
    expect(d.error.value).toBeNull()
  })

  it('deselects a deleted destination, and keeps everything when the delete fails', async () => {
    const d = useDestinations()
    await d.load()
    await flushPromises()
    api.destinationDelete.mockRejectedValueOnce(new IpcError('storage', '数据库忙'))
    expect((await d.remove(dest(1))).ok).toBe(false)
    expect(d.selected.value).toBe(1)

    api.destinationDelete.mockResolvedValueOnce(undefined)
    api.destinationsList.mockResolvedValue([dest(2)])
    expect((await d.remove(dest(1))).ok).toBe(true)
    await flushPromises()
    expect(d.list.value.map((x) => x.id)).toEqual([2])
    expect(d.selected.value).toBe(2)
  })

  it('reads the address again after saving the selected destination, and says what OBS got', async () => {
    const d = useDestinations()
    await d.load()
    await flushPromises()
    api.destinationSave.mockResolvedValueOnce(dest(1))
    const out = await d.save(1, {} as never)
    expect(out.ok).toBe(true)
    await d.saved(dest(1))
    expect(api.destinationAddress).toHaveBeenCalledTimes(2)

    let answer: ((v: { server: string; keyMatches: boolean }) => void) | undefined
    api.destinationSendObs.mockImplementationOnce(() => new Promise((r) => (answer = r)))
    const sent = d.sendObs()
    expect(d.sending.value).toBe(true)
    answer!({ server: 'rtmp://push.example.com/live', keyMatches: true })
    await sent
    expect(d.sending.value).toBe(false)
    expect(d.sentServer.value).toBe('rtmp://push.example.com/live')
  })
})
