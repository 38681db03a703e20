// What the accounts view does to accounts, on top of the app store that lists them: add, verify,
// rename, replace the AppSecret, remove. Each answers how it ended and keeps the store's list current.
import { ref } from 'vue'
import * as api from '@/api'
import type { AccountView, NewAccount, VerifyResult } from '@/api'
import { useAppStore } from '@/stores/app'
import { task } from '@/lib/task'

export function useAccounts() {
  const store = useAppStore()
  const adding = task()
  const editing = task()
  /** The account being verified, and each account's last verification. */
  const verifying = ref<string | null>(null)
  const verifyResults = ref<Record<string, VerifyResult>>({})

  async function upserted(work: Promise<AccountView>) {
    const acc = await work
    store.upsertAccount(acc)
    return acc
  }

  const add = (input: NewAccount) => adding.run(() => upserted(api.accountAdd(input)))
  const rename = (id: string, name: string) => editing.run(() => upserted(api.accountRename(id, name)))
  const setSecret = (id: string, secret: string) => editing.run(() => upserted(api.accountSetSecret(id, secret)))

  /** Asks WeChat for a token with the saved AppSecret; the list is read again (its verified time moves). */
  async function verify(id: string) {
    verifying.value = id
    const out = await task().run(async () => {
      const r = await api.accountVerify(id)
      verifyResults.value[id] = r
      await store.loadAccounts()
      return r
    })
    verifying.value = null
    return out
  }

  async function remove(id: string) {
    const out = await task().run(() => api.accountRemove(id))
    if (out.ok) store.dropAccount(id)
    return out
  }

  return { adding: adding.loading, editing: editing.loading, verifying, verifyResults, add, rename, setSecret, verify, remove }
}
