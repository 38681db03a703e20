// The start view's composables against a mocked shell: loading and error state of each card.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as commands from '@/api/commands'
import { IpcError } from '@/api'
import { useSnippets, useStartGuide, useVerdict } from '@/composables/useStart'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

beforeEach(() => vi.resetAllMocks())

describe('getting started\'s data', () => {
  it('shows the verdict as being checked, and a failed check as its error, cleared by the next check', async () => {
    const v = useVerdict()
    let fail: ((e: unknown) => void) | undefined
    api.startVerdict.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)))
    const first = v.check('sandbox')
    expect(v.checking.value).toBe(true)
    fail!(new IpcError('network', '网络不可用'))
    await first
    expect(v.checking.value).toBe(false)
    expect(v.error.value).toBe('网络不可用')
    expect(v.view.value).toBeNull()

    api.startVerdict.mockResolvedValueOnce({ verdict: { kind: 'ready', rooms: 3 }, title: '已开通，可以开播', message: '' })
    await v.check('sandbox')
    expect(v.error.value).toBeNull()
    expect(v.view.value?.verdict.kind).toBe('ready')
  })

  it('reads the guide, and keeps its failure as the guide\'s error', async () => {
    const g = useStartGuide()
    api.startGuide.mockRejectedValueOnce(new IpcError('storage', '读取失败'))
    await g.load()
    expect(g.error.value).toBe('读取失败')
    api.startGuide.mockResolvedValueOnce({ checklist: [], activation: [] })
    await g.load()
    expect(g.error.value).toBeNull()
    expect(g.guide.value).toEqual({ checklist: [], activation: [] })
  })

  it('generates the snippets for a room with its custom params and play URL', async () => {
    const s = useSnippets()
    api.startSnippets.mockRejectedValueOnce(new IpcError('validation', '播放地址无效'))
    await s.generate('sandbox', 7, '%7B%7D', 'bad')
    expect(api.startSnippets).toHaveBeenCalledWith('sandbox', 7, '%7B%7D', 'bad')
    expect(s.error.value).toBe('播放地址无效')
    expect(s.loading.value).toBe(false)
  })
})
