import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api'
import type { AccountView, AppInfo, KeyringStatus, Locale } from '@/api'

export type ThemeName = 'light' | 'dark'

// Only UI preferences go to localStorage: never anything from an account.
const PREFS_KEY = 'livedesk.prefs'

interface Prefs {
  locale?: Locale
  theme?: ThemeName
  accountId?: string
}

function readPrefs(): Prefs {
  try {
    const raw = globalThis.localStorage?.getItem(PREFS_KEY)
    return raw ? (JSON.parse(raw) as Prefs) : {}
  } catch {
    return {}
  }
}

function writePrefs(p: Prefs) {
  try {
    globalThis.localStorage?.setItem(PREFS_KEY, JSON.stringify(p))
  } catch {
    /* storage unavailable: preferences just do not persist */
  }
}

/** The sandbox first, whatever order the shell sends. */
export function sortAccounts(list: AccountView[]): AccountView[] {
  return [...list].sort((a, b) => Number(b.sandbox) - Number(a.sandbox))
}

export const useAppStore = defineStore('app', () => {
  const prefs = readPrefs()
  const locale = ref<Locale>(prefs.locale ?? 'zh-CN')
  const theme = ref<ThemeName>(prefs.theme ?? 'light')
  const info = ref<AppInfo | null>(null)
  const accounts = ref<AccountView[]>([])
  /** Whether the keyring answered when the accounts were last listed. */
  const keyring = ref<KeyringStatus>('ok')
  const currentAccountId = ref<string | null>(prefs.accountId ?? null)
  const loadError = ref<string | null>(null)

  const currentAccount = computed(
    () => accounts.value.find((a) => a.id === currentAccountId.value) ?? accounts.value[0] ?? null,
  )

  function persist() {
    writePrefs({ locale: locale.value, theme: theme.value, accountId: currentAccountId.value ?? undefined })
  }

  async function setLocale(l: Locale) {
    locale.value = l
    persist()
    // The shell answers errors in this language from now on.
    await api.setLocale(l).catch(() => undefined)
  }

  function setTheme(t: ThemeName) {
    theme.value = t
    persist()
  }

  function selectAccount(id: string) {
    currentAccountId.value = id
    persist()
  }

  async function loadAccounts() {
    const list = await api.accountsList()
    accounts.value = sortAccounts(list.accounts)
    keyring.value = list.keyring
    if (!accounts.value.some((a) => a.id === currentAccountId.value)) {
      currentAccountId.value = accounts.value[0]?.id ?? null
    }
  }

  function upsertAccount(a: AccountView) {
    const i = accounts.value.findIndex((x) => x.id === a.id)
    if (i >= 0) accounts.value.splice(i, 1, a)
    else accounts.value.push(a)
    accounts.value = sortAccounts(accounts.value)
  }

  function dropAccount(id: string) {
    accounts.value = accounts.value.filter((a) => a.id !== id)
    if (currentAccountId.value === id) currentAccountId.value = accounts.value[0]?.id ?? null
  }

  async function init() {
    loadError.value = null
    try {
      // The locale first: the accounts list names the sandbox in it.
      await api.setLocale(locale.value).catch(() => undefined)
      const [appInfo] = await Promise.all([api.appInfo(), loadAccounts()])
      info.value = appInfo
      if (!currentAccountId.value) currentAccountId.value = appInfo.sandboxAccountId
      performance.mark('livedesk:accounts')
    } catch (e) {
      loadError.value = api.toIpcError(e).message
    }
  }

  return {
    locale,
    theme,
    info,
    accounts,
    keyring,
    currentAccountId,
    currentAccount,
    loadError,
    setLocale,
    setTheme,
    selectAccount,
    loadAccounts,
    upsertAccount,
    dropAccount,
    init,
  }
})
