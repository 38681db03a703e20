// The start view's data, one composable per card: the guide (checklist and activation codes),
// the verdict for an account, and the mini program snippets for a room. Their words are the
// core's, in the language of the moment: the cards ask again when it changes.
import { ref } from 'vue'
import * as api from '@/api'
import type { SnippetsView, StartGuide, VerdictView } from '@/api'
import { task } from '@/lib/task'

export function useStartGuide() {
  const guide = ref<StartGuide | null>(null)
  const loading = task()
  async function load() {
    await loading.run(async () => {
      guide.value = await api.startGuide()
    })
  }
  return { guide, error: loading.error, load }
}

/** "Can we go live?" for an account. */
export function useVerdict() {
  const view = ref<VerdictView | null>(null)
  const checking = task()
  async function check(accountId: string) {
    await checking.run(async () => {
      view.value = await api.startVerdict(accountId)
    })
  }
  return { view, error: checking.error, checking: checking.loading, check }
}

export function useSnippets() {
  const view = ref<SnippetsView | null>(null)
  const generating = task()
  async function generate(accountId: string, roomId: number, customParams: string | null, playUrl: string | null) {
    await generating.run(async () => {
      view.value = await api.startSnippets(accountId, roomId, customParams, playUrl)
    })
  }
  return { view, error: generating.error, loading: generating.loading, generate }
}

/** An official page, in the system browser. */
export const openPage = (url: string) => api.openUrl(url)
