// End-to-end: the real LiveDesk (UI embedded) driven over WebDriver (tauri-driver +
// WebKitWebDriver) on its sandbox account. Started by scripts/e2e.sh, which provides a display, a
// private D-Bus session with a throwaway keyring, free ports and these variables:
//   LIVEDESK_APP            absolute path of the app binary
//   LIVEDESK_WEBDRIVER      http://127.0.0.1:PORT of tauri-driver
//   LIVEDESK_SANDBOX_PORT   the port the app's sandbox simulator listens on
//   LIVEDESK_E2E_DIR        a scratch directory (pictures are written there)
//   LIVEDESK_SCREENSHOTS    optional: a directory to save screenshots of the main screens into

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Session } from './webdriver.mjs'

const env = (k) => {
  const v = process.env[k]
  if (!v) throw new Error(`${k} is not set: run scripts/e2e.sh`)
  return v
}
const APP = env('LIVEDESK_APP')
const WD = env('LIVEDESK_WEBDRIVER')
const SIM = `http://127.0.0.1:${env('LIVEDESK_SANDBOX_PORT')}`
const DIR = env('LIVEDESK_E2E_DIR')
const SHOTS = process.env.LIVEDESK_SCREENSHOTS || ''
// The sandbox's own secret: adding it as an account must leave it in the keyring only.
const CANARY = 'sandbox-secret'

function walk(dir) {
  let out = []
  let entries = []
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return out
  }
  for (const e of entries) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out = out.concat(walk(p))
    else if (e.isFile()) out.push(p)
  }
  return out
}

async function sim(method, path) {
  const res = await fetch(SIM + path, { method })
  assert.ok(res.ok, `${method} ${path}: HTTP ${res.status}`)
  return res.json()
}

/** A PNG picture on disk, made with ImageMagick. */
function picture(name, size, color) {
  const path = join(DIR, name)
  execFileSync('/usr/bin/convert', ['-size', size, `gradient:${color}-white`, path])
  return path
}

const now = () => Math.floor(Date.now() / 1000)

function form(name, anchorWechat, images) {
  return {
    name, anchorName: '主播小王', anchorWechat, subAnchorWechat: '', createrWechat: '',
    startTime: now() + 3600, endTime: now() + 3 * 3600, roomType: 1,
    closeLike: false, closeGoods: false, closeComment: false, closeReplay: true, closeShare: false,
    closeKf: true, isFeedsPublic: true, ...images,
  }
}

async function shot(s, name) {
  if (!SHOTS) return
  mkdirSync(SHOTS, { recursive: true })
  writeFileSync(join(SHOTS, `${name}.png`), await s.screenshot())
}

const go = (s, hash) => s.execute(`location.hash = arguments[0]`, [hash])

async function inputValue(s, testid) {
  const el = await s.waitFor(`[data-testid="${testid}"] input`)
  return s.property(el, 'value')
}

const results = []
async function step(name, fn) {
  const t0 = Date.now()
  try {
    await fn()
    results.push({ name, ok: true, ms: Date.now() - t0 })
    console.log(`ok   ${name} (${Date.now() - t0} ms)`)
  } catch (e) {
    results.push({ name, ok: false })
    console.log(`FAIL ${name}\n${e.stack || e}`)
  }
}

const s = await Session.start(WD, APP)
try {
  await step('the demo rooms of the sandbox are listed', async () => {
    await s.waitFor('[data-testid="sandbox-tag"]')
    const links = await s.until(async () => {
      const els = await s.findAll('[data-testid^="room-link-"]')
      return els.length > 0 && els
    }, { what: 'demo rooms' })
    assert.ok(links.length >= 3, `demo rooms shown: ${links.length}`)
    const first = await s.text(links[0])
    assert.ok(first.length > 0)
    await shot(s, 'rooms')
  })

  const images = {}
  await step('pictures are fitted to the three slots', async () => {
    for (const [key, slot, size, color] of [
      ['coverImg', 'cover', '1400x2400', 'red'],
      ['shareImg', 'share', '1000x800', 'blue'],
      ['feedsImg', 'feeds', '900x900', 'green'],
    ]) {
      images[key] = await s.invoke('image_prepare', { slot, path: picture(`${slot}.png`, size, color) })
    }
    assert.equal(images.coverImg.width, 1080)
    assert.ok(images.feedsImg.bytes <= 100 * 1024)
  })

  await step('a bad name shows a field error and sends nothing', async () => {
    await sim('DELETE', '/__sim/requests')
    await s.invoke('draft_save', { accountId: 'sandbox', form: form('短', 'wang_anchor', images) })
    await go(s, '#/rooms')
    await go(s, '#/rooms/new')
    await s.waitFor('[data-testid="draft-restored"]')
    await s.click(await s.waitFor('[data-testid="create-submit"]'))
    const feedback = await s.until(async () => {
      const el = (await s.findAll('[data-testid="field-name"] .n-form-item-feedback__line'))[0]
      const text = el ? await s.text(el) : ''
      return text.trim() && text
    }, { what: 'the name field error' })
    assert.match(feedback, /直播间名称|Room name/)
    await shot(s, 'create-field-error')
    const sent = await sim('GET', '/__sim/requests')
    const creates = sent.filter((r) => r.path === '/wxaapi/broadcast/room/create')
    assert.equal(creates.length, 0, 'no create request reached the simulator')
  })

  let roomId = 0
  await step('a push room is created with three images', async () => {
    await s.invoke('draft_save', { accountId: 'sandbox', form: form('端到端测试直播间', 'wang_anchor', images) })
    await go(s, '#/rooms')
    await go(s, '#/rooms/new')
    await s.waitFor('[data-testid="draft-restored"]')
    await s.waitFor('[data-testid="image-feeds-preview"]')
    await shot(s, 'create')
    await s.click(await s.waitFor('[data-testid="create-submit"]'))
    const url = await s.until(async () => {
      const u = await s.execute('return location.hash')
      return /^#\/rooms\/\d+$/.test(u) && u
    }, { what: 'the new room page', timeoutMs: 30000 })
    roomId = Number(url.split('/').pop())
    const sent = await sim('GET', '/__sim/requests')
    assert.equal(sent.filter((r) => r.path === '/cgi-bin/media/upload').length, 3, 'three uploads')
  })

  await step('server and stream key on screen match the simulator, and the QR shows', async () => {
    assert.ok(roomId > 0, 'needs the room of the previous step')
    const record = await sim('GET', `/__sim/rooms/${roomId}`)
    const full = record.push_url
    const cut = full.lastIndexOf('/')
    await s.waitFor('[data-testid="push-card"]')
    const server = await s.until(() => inputValue(s, 'push-server'), { what: 'the server' })
    await s.click(await s.waitFor('[data-testid="push-key-reveal"]'))
    const key = await s.until(async () => {
      const v = await inputValue(s, 'push-key')
      return !v.startsWith('•') && v
    }, { what: 'the revealed stream key' })
    assert.equal(server, full.slice(0, cut))
    assert.equal(key, full.slice(cut + 1))
    const qr = await s.waitFor('[data-testid="push-qr"]')
    const src = await s.attribute(qr, 'src')
    assert.match(src, /^data:image\/svg\+xml/)
    const loaded = await s.execute('return arguments[0].complete && arguments[0].naturalWidth > 0', [{ 'element-6066-11e4-a52e-4f735466cecb': qr }])
    assert.ok(loaded, 'the QR image rendered')
    await shot(s, 'room-overview')
  })

  await step('an unverified anchor gets the real-name QR', async () => {
    await s.invoke('draft_save', { accountId: 'sandbox', form: form('实名认证测试直播', 'unverified_e2e', images) })
    await go(s, '#/rooms')
    await go(s, '#/rooms/new')
    await s.waitFor('[data-testid="draft-restored"]')
    await s.click(await s.waitFor('[data-testid="create-submit"]'))
    const qr = await s.waitFor('[data-testid="anchor-qr"]', { timeoutMs: 30000 })
    assert.match(await s.attribute(qr, 'src'), /^data:image\/png;base64,/)
    await shot(s, 'anchor-qr')
  })
  await step('an account is added through the UI (secret to the keyring)', async () => {
    await go(s, '#/accounts')
    await s.click(await s.waitFor('[data-testid="account-add"]'))
    await s.type(await s.waitFor('[data-testid="add-name"] input'), 'E2E 小程序')
    await s.type(await s.waitFor('[data-testid="add-appid"] input'), 'wxsandbox0000live')
    await s.type(await s.waitFor('[data-testid="add-secret"] input'), CANARY)
    await s.click(await s.waitFor('.n-collapse-item__header'))
    await s.type(await s.waitFor('[data-testid="add-baseurl"] input'), SIM)
    await shot(s, 'account-add')
    await s.click(await s.waitFor('[data-testid="add-submit"]'))
    await s.until(async () => {
      const t = await s.text(await s.waitFor('[data-testid="accounts-table"]'))
      return t.includes('E2E 小程序') && t
    }, { what: 'the added account in the table', timeoutMs: 30000 })
    await shot(s, 'accounts')
  })
} finally {
  await s.quit()
}

await step('the secret is nowhere in the app data, logs or webview storage', async () => {
  const roots = ['XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'HOME']
    .map((k) => process.env[k]).filter(Boolean)
  const appDir = join(process.env.XDG_DATA_HOME, 'app.livedesk.desktop')
  assert.ok(statSync(appDir).isDirectory(), `the app wrote its data under ${appDir}`)
  const files = roots.flatMap(walk)
  assert.ok(files.some((f) => f.endsWith('.sqlite3')), 'the database was searched')
  assert.ok(files.some((f) => f.includes('/logs/')), 'the logs were searched')
  const hits = files.filter((f) => readFileSync(f).includes(CANARY))
  assert.deepEqual(hits, [], 'the secret leaked into these files')
})

const failed = results.filter((r) => !r.ok)
console.log(`\n${results.length - failed.length}/${results.length} e2e steps passed`)
process.exit(failed.length ? 1 : 0)
