import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as commands from '@/api/commands'
import App from '@/App.vue'
import { AREAS, messages } from '@/i18n/messages'
import { SANDBOX, mountInApp } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

beforeEach(() => {
  document.body.innerHTML = ''
  localStorage.clear()
  api.setLocale.mockResolvedValue(undefined)
  api.appInfo.mockResolvedValue({ version: '0.1.0', sandboxAccountId: 'sandbox', storeRecovered: null })
  api.accountsList.mockResolvedValue({ accounts: [SANDBOX], keyring: 'ok' })
  api.roomsCached.mockResolvedValue({ rooms: [], fetchedAt: null, fromCache: true })
  api.roomsRefresh.mockResolvedValue({ rooms: [], fetchedAt: 1_700_000_000, fromCache: false })
})

describe('languages', () => {
  it('has the same keys in zh-CN and en, none empty', () => {
    const { 'zh-CN': zh, en } = messages
    expect(keys(en).sort()).toEqual(keys(zh).sort())
    const empty = keys(en).filter((k) => !k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en))
    expect(empty).toEqual([])
  })

  it('keeps each area in both languages, and no two areas share a top-level key', () => {
    const seen = new Map<string, string>()
    for (const [area, m] of Object.entries(AREAS)) {
      expect(keys(m.en).sort(), area).toEqual(keys(m['zh-CN']).sort())
      for (const top of Object.keys(m['zh-CN'])) {
        expect(seen.get(top), `${area}.${top}`).toBeUndefined()
        seen.set(top, area)
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(messages.en).sort())
  })

  it('starts in zh-CN and switches the whole UI to English, telling the shell', async () => {
    const { wrapper } = await mountInApp(App, { bare: true })
    const nav = () => document.querySelector('[data-testid="nav-rooms"]')!.textContent!.trim()
    expect(nav()).toBe('直播间')
    expect(document.querySelector('[data-testid="sandbox-tag"]')!.textContent!.trim()).toBe('沙盒')
    expect(api.setLocale).toHaveBeenCalledWith('zh-CN')

    document.querySelector<HTMLButtonElement>('[data-testid="lang-en"]')!.click()
    await flushPromises()
    expect(nav()).toBe('Rooms')
    expect(document.querySelector('h1')!.textContent).toBe('Rooms')
    expect(document.querySelector('[data-testid="sandbox-tag"]')!.textContent!.trim()).toBe('Sandbox')
    expect(document.documentElement.lang).toBe('en')
    expect(api.setLocale).toHaveBeenLastCalledWith('en')
    // Remembered for the next start (a preference, nothing from an account).
    expect(JSON.parse(localStorage.getItem('livedesk.prefs')!).locale).toBe('en')

    document.querySelector<HTMLButtonElement>('[data-testid="lang-zh-CN"]')!.click()
    await flushPromises()
    expect(nav()).toBe('直播间')
    wrapper.unmount()
  })

  it('switches between light and dark themes', async () => {
    const { wrapper, store } = await mountInApp(App, { bare: true })
    expect(store.theme).toBe('light')
    expect(document.documentElement.style.colorScheme).toBe('light')
    const sw = document.querySelector<HTMLElement>('[data-testid="theme-switch"]')!
    sw.click()
    await flushPromises()
    expect(store.theme).toBe('dark')
    expect(sw.getAttribute('aria-checked')).toBe('true')
    // Native parts (the content's scrollbar) are told too.
    expect(document.documentElement.style.colorScheme).toBe('dark')
    wrapper.unmount()
  })

  it('says in a dialog that a damaged database was moved aside, and where', async () => {
    api.appInfo.mockResolvedValue({
      version: '0.1.0',
      sandboxAccountId: 'sandbox',
      storeRecovered: { movedTo: '/data/livedesk.sqlite3.corrupt-20261204T011917Z', reason: 'file is not a database' },
    })
    const { wrapper } = await mountInApp(App, { bare: true })
    await flushPromises()
    await vi.dynamicImportSettled()
    await flushPromises()
    const dialog = document.querySelector('[data-testid="store-recovered"]')!
    expect(dialog.textContent).toContain('本地数据库无法读取')
    expect(document.querySelector('[data-testid="store-recovered-path"]')!.textContent).toBe(
      '/data/livedesk.sqlite3.corrupt-20261204T011917Z',
    )
    // The app goes on: the rooms view is there behind it.
    expect(document.querySelector('[data-testid="nav-rooms"]')).not.toBeNull()
    wrapper.unmount()
  })
})
