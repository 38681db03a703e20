// The Naive UI styles of the start screen (the shell and the rooms list with rows), produced at
// build time: vite.config.ts puts them into index.html, so the components find their <style> in
// place instead of generating and inserting each one while the first screen mounts. This test
// renders that screen as WebKitGTK's user agent (Naive adds a Safari-only sheet for it) and holds
// the committed file against what Naive generates now; after a Naive upgrade or a change to the
// start screen it fails and says how to regenerate.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, expect, it, vi } from 'vitest'
import * as commands from '@/api/commands'
import App from '@/App.vue'
import type { RoomView } from '@/api'
import { SANDBOX, mountInApp } from './helpers'

// WebKitGTK's user agent, set before Naive reads it at import.
vi.hoisted(() => {
  const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15'
  Object.defineProperty(navigator, 'userAgent', { value: ua, configurable: true })
})
vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

// (Node's path, not URL: the test's DOM replaces the global URL.)
const FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../naive-start-styles.json')
const WRITE = process.env.LIVEDESK_WRITE_STYLES === '1'

function room(id: number, status: number): RoomView {
  return {
    id, name: `直播间 ${id}`, status, roomType: 1, startTime: 1_900_000_000, endTime: 1_900_007_200, anchorName: '小美',
    coverImg: '', goodsCount: 2, closeLike: false, closeGoods: false, closeComment: false, closeReplay: true,
    closeShare: false, closeKf: true, isFeedsPublic: true,
  }
}

beforeEach(() => {
  document.body.innerHTML = ''
  api.setLocale.mockResolvedValue(undefined)
  api.appInfo.mockResolvedValue({ version: '0.1.0', sandboxAccountId: 'sandbox', storeRecovered: null })
  api.accountsList.mockResolvedValue({ accounts: [SANDBOX], keyring: 'ok' })
  const list = { rooms: [room(1, 101), room(2, 102), room(3, 103)], fetchedAt: 1_700_000_000, fromCache: false }
  api.roomsCached.mockResolvedValue(list)
  api.roomsRefresh.mockResolvedValue(list)
})

it('the start screen’s Naive styles committed for the build are the ones Naive generates', async () => {
  const { wrapper } = await mountInApp(App, { bare: true })
  expect(document.querySelectorAll('[data-testid^="room-link-"]')).toHaveLength(3)
  // In the head's order: Naive inserts each new style before the others, and keeps that order.
  const now = [...document.head.querySelectorAll('style[cssr-id]')].map((s) => [s.getAttribute('cssr-id'), s.textContent])
  wrapper.unmount()
  expect(now.map(([id]) => id)).toEqual(expect.arrayContaining(['n-global', 'n-button', 'n-data-table', 'n-input-safari']))
  if (WRITE) writeFileSync(FILE, `${JSON.stringify(now, null, 1)}\n`)
  const committed: unknown = JSON.parse(readFileSync(FILE, 'utf8'))
  expect(committed, 'ui/naive-start-styles.json is stale: run `LIVEDESK_WRITE_STYLES=1 npx vitest run tests/unit/startStyles.spec.ts` in ui/').toEqual(now)
})
