// The live console's and OBS's actions against a mocked shell: each answers how it ended, and a
// refused rundown change shows the rundown as the core holds it.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import * as commands from '@/api/commands'
import { IpcError, type Rundown, type RundownItem } from '@/api'
import { useConsoleStore } from '@/stores/console'
import { useObsStore } from '@/stores/obs'
import { useHotkey, useLiveLock, useRundownEdits } from '@/composables/useLive'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

const item = { id: 5, kind: 'talk', goodsId: null, title: '开场', script: '', plannedSecs: 60, skipped: false } as unknown as RundownItem
const rundown = (items: RundownItem[]): Rundown => ({ accountId: 'sandbox', roomId: 1, items, currentId: null, startedAtMs: null, nextId: null })

beforeEach(() => {
  vi.resetAllMocks()
  setActivePinia(createPinia())
  const c = useConsoleStore()
  c.accountId = 'sandbox'
  c.roomId = 1
})

describe('the live console\'s actions', () => {
  it('shows a changed rundown, and the core\'s own after a refusal', async () => {
    const c = useConsoleStore()
    const edits = useRundownEdits()
    api.rundownSkip.mockResolvedValueOnce(rundown([{ ...item, skipped: true }]))
    expect((await edits.skip(item)).ok).toBe(true)
    expect(api.rundownSkip).toHaveBeenCalledWith('sandbox', 1, 5, true)
    expect(c.rundown?.items[0]?.skipped).toBe(true)

    api.rundownReorder.mockRejectedValueOnce(new IpcError('refused', '直播中不能这样调整'))
    api.rundownGet.mockResolvedValueOnce(rundown([item]))
    const out = await edits.reorder([5])
    expect(out.ok ? null : out.error.message).toBe('直播中不能这样调整')
    expect(api.rundownGet).toHaveBeenCalledWith('sandbox', 1)
    expect(c.rundown?.items[0]?.skipped).toBe(false)
  })

  it('keeps the rundown when an item is refused, marking the save as running meanwhile', async () => {
    const c = useConsoleStore()
    c.setRundown(rundown([item]))
    const edits = useRundownEdits()
    let fail: ((e: unknown) => void) | undefined
    api.rundownAdd.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)))
    const saving = edits.save(null, { kind: 'talk', goodsId: null, title: '', script: '', plannedSecs: 60 }, 5)
    expect(edits.saving.value).toBe(true)
    fail!(new IpcError('validation', '请填写标题', 'title'))
    const out = await saving
    expect(out.ok ? null : out.error.field).toBe('title')
    expect(edits.saving.value).toBe(false)
    expect(c.rundown?.items).toEqual([item])
  })

  it('shows "push next" as stepping, and answers its refusal', async () => {
    const c = useConsoleStore()
    let fail: ((e: unknown) => void) | undefined
    api.rundownPushNext.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)))
    const step = c.pushNext()
    expect(c.stepping).toBe(true)
    fail!(new IpcError('refused', '没有下一个'))
    expect((await step).ok).toBe(false)
    expect(c.stepping).toBe(false)
  })

  it('unlocks until the time the core answers, and locks again', async () => {
    const c = useConsoleStore()
    const lock = useLiveLock('sandbox', 1)
    api.liveUnlock.mockResolvedValueOnce(123_000)
    await lock.unlock()
    expect(c.unlockedUntilMs).toBe(123_000)
    api.liveRelock.mockRejectedValueOnce(new IpcError('network', '网络不可用'))
    expect((await lock.relock()).ok).toBe(false)
    expect(c.unlockedUntilMs).toBe(123_000)
    api.liveRelock.mockResolvedValueOnce(undefined)
    await lock.relock()
    expect(c.unlockedUntilMs).toBeNull()
  })

  it('keeps the hotkey as it was when another one is refused, with the reason', async () => {
    const hk = useHotkey()
    api.hotkeyStatus.mockResolvedValueOnce({ pushNext: 'Ctrl+Alt+N', registered: true, problem: null })
    await hk.load()
    api.hotkeySet.mockRejectedValueOnce(new IpcError('validation', '需要至少一个修饰键', 'accelerator'))
    await hk.set('N')
    expect(hk.error.value).toBe('需要至少一个修饰键')
    expect(hk.status.value?.pushNext).toBe('Ctrl+Alt+N')
  })
})

describe('OBS\'s actions', () => {
  it('reads the link again after saving its settings, not after a refusal', async () => {
    const obs = useObsStore()
    api.obsStatus.mockResolvedValue({ settings: { host: 'localhost', port: 4455, hasPassword: false }, link: { state: 'connected' }, health: null, target: null } as never)
    api.obsSettingsSet.mockRejectedValueOnce(new IpcError('validation', '端口无效', 'port'))
    const refused = await obs.saveSettings({ host: 'localhost', port: 0, password: null, clearPassword: false })
    expect(refused.ok ? null : refused.error.field).toBe('port')
    expect(api.obsStatus).not.toHaveBeenCalled()
    api.obsSettingsSet.mockResolvedValueOnce({} as never)
    await obs.saveSettings({ host: 'localhost', port: 4455, password: null, clearPassword: false })
    expect(api.obsStatus).toHaveBeenCalledTimes(1)
    expect(obs.savingSettings).toBe(false)
  })
})
