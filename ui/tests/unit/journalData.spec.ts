// useJournal against a mocked shell: a page for a filter, the room summary, errors, the export.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as commands from '@/api/commands'
import * as platform from '@/api/platform'
import { IpcError, type JournalFilter } from '@/api'
import { useJournal } from '@/composables/useJournal'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)
const plat = vi.mocked(platform)

const all: JournalFilter = { accountId: null, roomId: null, action: null, result: null, fromMs: null, toMs: null }
const summary = { roomId: 7, writes: 3, failures: 1, pushes: [], timeline: [] }

beforeEach(() => {
  vi.resetAllMocks()
  api.journalList.mockResolvedValue({ entries: [], total: 0 })
  api.journalRoomSummary.mockResolvedValue(summary)
})

describe('the journal\'s data', () => {
  it('reads the page asked, and the room\'s summary only when the filter names account and room', async () => {
    const j = useJournal()
    await j.load(all, 3)
    expect(api.journalList).toHaveBeenCalledWith(all, { offset: 100, limit: 50 })
    expect(api.journalRoomSummary).not.toHaveBeenCalled()
    expect(j.summary.value).toBeNull()

    await j.load({ ...all, accountId: 'sandbox', roomId: 7 }, 1)
    expect(api.journalRoomSummary).toHaveBeenCalledWith('sandbox', 7)
    expect(j.summary.value).toEqual(summary)
  })

  it('keeps a failed read as its error until the next read succeeds', async () => {
    const j = useJournal()
    api.journalList.mockRejectedValueOnce(new IpcError('storage', '日志无法读取'))
    await j.load(all, 1)
    expect(j.error.value).toBe('日志无法读取')
    await j.load(all, 1)
    expect(j.error.value).toBeNull()
  })

  it('exports to the file picked, and nothing when none is', async () => {
    const j = useJournal()
    plat.pickSavePath.mockResolvedValueOnce(null)
    const none = await j.exportCsv(all, '导出', 'x.csv')
    expect(none).toEqual({ ok: true, value: null })
    expect(api.journalExport).not.toHaveBeenCalled()

    plat.pickSavePath.mockResolvedValueOnce('/tmp/x.csv')
    api.journalExport.mockResolvedValueOnce(12)
    expect(await j.exportCsv(all, '导出', 'x.csv')).toEqual({ ok: true, value: { n: 12, path: '/tmp/x.csv' } })
    expect(plat.pickSavePath).toHaveBeenLastCalledWith('导出', 'x.csv', 'CSV', 'csv')

    plat.pickSavePath.mockResolvedValueOnce('/tmp/x.csv')
    api.journalExport.mockRejectedValueOnce(new IpcError('storage', '磁盘已满'))
    const failed = await j.exportCsv(all, '导出', 'x.csv')
    expect(failed.ok ? null : failed.error.message).toBe('磁盘已满')
    expect(j.exporting.value).toBe(false)
  })
})
