// The room-creation flow in Chromium, IPC faked (tests/flow/fake-ipc.ts). Run by `npm run test:flow`
// after `vite build`: serves ui/dist with `vite preview` on a free port and drives Debian's chromium.
import { mkdtempSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, preview } from 'vite'
import { chromium } from 'playwright-core'
import { createRoomFlow, anchorNotVerifiedFlow, editRoomFlow, badNameSendsNothingFlow, maybeSentFlow } from './create-room.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const uiDir = resolve(here, '../..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer()
    s.unref()
    s.on('error', rej)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => res(port))
    })
  })
}

const work = mkdtempSync(join(tmpdir(), 'livedesk-flow-'))
const shots = process.env.SCREENSHOTS_DIR ? resolve(process.env.SCREENSHOTS_DIR) : join(work, 'screenshots')
mkdirSync(shots, { recursive: true })

// 1. The fake shell, as one IIFE script.
await build({
  configFile: false,
  root: uiDir,
  logLevel: 'warn',
  build: {
    outDir: join(work, 'fake'),
    emptyOutDir: true,
    minify: false,
    lib: { entry: join(here, 'fake-ipc.ts'), formats: ['iife'], name: 'LiveDeskFakeIpc', fileName: () => 'fake-ipc.js' },
  },
})
const fakeScript = join(work, 'fake', 'fake-ipc.js')

// 2. The production bundle, untouched, from ui/dist.
const port = await freePort()
const server = await preview({
  root: uiDir,
  configFile: join(uiDir, 'vite.config.ts'),
  logLevel: 'warn',
  preview: { host: '127.0.0.1', port, strictPort: true, open: false },
})
const baseUrl = `http://127.0.0.1:${port}/`

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})

const flows = [
  ['create a push room with three images, read server and stream key', createRoomFlow],
  ['a bad name shows a field error and sends nothing', badNameSendsNothingFlow],
  ['an unverified anchor gets the real-name QR, retry keeps the form', anchorNotVerifiedFlow],
  ['a room not started is edited from its overview', editRoomFlow],
  ['a create that may have reached WeChat is checked in the room list, not retried', maybeSentFlow],
]
let passed = 0
let failed = 0
try {
  for (const [name, flow] of flows) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' })
    const page = await context.newPage()
    const pageErrors = []
    page.on('pageerror', (e) => pageErrors.push(String(e)))
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text())
    })
    // Nothing may leave the machine: the UI loads no remote URL.
    await context.route(/^(?!http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/, (route) => {
      pageErrors.push(`remote request blocked: ${route.request().url()}`)
      return route.abort()
    })
    await page.addInitScript({ path: fakeScript })
    try {
      await flow({ page, baseUrl, shots })
      if (pageErrors.length) throw new Error(`page errors:\n  ${pageErrors.join('\n  ')}`)
      passed++
      console.log(`ok   ${name}`)
    } catch (e) {
      failed++
      console.log(`FAIL ${name}\n     ${(e && e.stack) || e}`)
      await page.screenshot({ path: join(shots, `failure-${passed + failed}.png`), fullPage: true }).catch(() => {})
    } finally {
      await context.close()
    }
  }
} finally {
  await browser.close()
  await new Promise((r) => server.httpServer.close(r))
}
console.log(`screenshots: ${shots}`)
console.log(`flow: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
