// The journal view's data: one page of entries for a filter, the room's summary when the filter
// names a room, and the CSV export through a save dialog.
import { ref } from 'vue'
import * as api from '@/api'
import type { JournalEntry, JournalFilter, JournalPage, RoomSummary } from '@/api'
import { task } from '@/lib/task'

export const JOURNAL_PAGE_SIZE = 50

export function useJournal() {
  const page = ref<JournalPage | null>(null)
  const summary = ref<RoomSummary | null>(null)
  const loading = task()
  const exporting = task()

  async function load(filter: JournalFilter, pageNo: number) {
    await loading.run(async () => {
      page.value = await api.journalList(filter, { offset: (pageNo - 1) * JOURNAL_PAGE_SIZE, limit: JOURNAL_PAGE_SIZE })
      summary.value =
        filter.accountId && filter.roomId !== null ? await api.journalRoomSummary(filter.accountId, filter.roomId) : null
    })
  }

  /** Asks where to write the CSV, then writes it; answers how many entries went where (null: no file picked). */
  const exportCsv = (filter: JournalFilter, dialogTitle: string, fileName: string) =>
    exporting.run(async () => {
      const path = await api.pickSavePath(dialogTitle, fileName, 'CSV', 'csv')
      if (!path) return null
      return { n: await api.journalExport(filter, path), path }
    })

  return { page, summary, error: loading.error, exporting: exporting.loading, load, exportCsv }
}

/** A room's last writes (the live console's log); a failed read keeps the rows shown. */
export function useRoomLog(accountId: string, roomId: number, limit = 15) {
  const rows = ref<JournalEntry[]>([])
  const filter: JournalFilter = { accountId, roomId, action: null, result: null, fromMs: null, toMs: null }
  async function load() {
    const out = await task().run(() => api.journalList(filter, { offset: 0, limit }))
    if (out.ok) rows.value = out.value.entries
  }
  return { rows, load }
}
