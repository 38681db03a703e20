// End-to-end: the real LiveDesk (UI embedded) driven over WebDriver (tauri-driver +
// WebKitWebDriver) on its sandbox account. Started by scripts/e2e.sh, which provides a display, a
// private D-Bus session with a throwaway keyring, free ports and these variables:
//   LIVEDESK_APP            absolute path of the app binary
//   LIVEDESK_WEBDRIVER      http://127.0.0.1:PORT of tauri-driver
//   LIVEDESK_SANDBOX_PORT   optional: the port the app's sandbox simulator listens on; by default
//                           the app picks a free one and its log line `LIVEDESK_SANDBOX_PORT=` tells
//   LIVEDESK_E2E_DIR        a scratch directory (pictures are written there)
//   LIVEDESK_SCREENSHOTS    optional: a directory to save screenshots of the main screens into

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Session, elementArg } from './webdriver.mjs'
import { APP, DIR, LOG_DIR, WD, go, results, sandboxFromLog, settled, shot, sim, simBase, step, walk } from './harness.mjs'
import { goodsSteps } from './goods.mjs'
import { consoleSteps } from './console.mjs'
import { obsSteps } from './obs.mjs'
import { startSteps } from './start.mjs'

// The sandbox's own secret: adding it as an account must leave it in the keyring only.
const CANARY = 'sandbox-secret'

/** A PNG picture on disk, made with ImageMagick. */
function picture(name, size, color) {
  const path = join(DIR, name)
  execFileSync('/usr/bin/convert', ['-size', size, `gradient:${color}-white`, path])
  return path
}

const now = () => Math.floor(Date.now() / 1000)

/** What a person types into the create form; the pictures are handed over by path (the native file
 * dialog cannot be driven), everything else is typed. */
function room(name, anchorWechat) {
  const start = new Date((now() + 3600) * 1000)
  start.setSeconds(0, 0)
  return { name, anchorName: '主播小王', anchorWechat, start, end: new Date(start.getTime() + 2 * 3600 * 1000) }
}

/** `yyyy-MM-dd HH:mm` in local time, the date pickers' format. */
function pickerText(d) {
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** An otherwise empty draft holding only the three prepared pictures. */
function picturesOnly(images) {
  return {
    name: '', anchorName: '', anchorWechat: '', subAnchorWechat: '', createrWechat: '',
    startTime: null, endTime: null, roomType: 1,
    closeLike: false, closeGoods: false, closeComment: false, closeReplay: false, closeShare: false,
    closeKf: false, isFeedsPublic: true, ...images,
  }
}

const TAB = '\uE004'

/** Types into a form field as a person does: click, keys, Tab away (which closes a date picker). */
async function typeField(s, testid, text) {
  const el = await s.waitFor(`[data-testid="${testid}"] input`)
  await s.clickWhenFree(el)
  await s.type(el, text + TAB)
}

/** Opens the rooms list and waits until it shows (so no create form is mounted any more). */
async function openRooms(s) {
  await go(s, '#/rooms')
  await s.until(async () => (await s.execute('return location.hash')) === '#/rooms' && (await s.findAll('[data-testid="room-new"]')).length > 0,
    { what: 'the rooms page' })
}

/** Opens a new create form with the pictures attached, and types the room into it. */
async function openCreateAndType(s, images, r) {
  await openRooms(s)
  await s.invoke('draft_save', { accountId: 'sandbox', form: picturesOnly(images) })
  await s.click(await s.waitFor('[data-testid="room-new"]'))
  await s.waitFor('[data-testid="image-feeds-preview"]')
  await typeField(s, 'input-name', r.name)
  await typeField(s, 'input-anchorName', r.anchorName)
  await typeField(s, 'input-anchorWechat', r.anchorWechat)
  // The end first: picking a start fills an empty end with start + 2 h.
  await typeField(s, 'input-endTime', pickerText(r.end))
  await typeField(s, 'input-startTime', pickerText(r.start))
  for (const [testid, want] of [['input-name', r.name], ['input-anchorWechat', r.anchorWechat],
    ['input-startTime', pickerText(r.start)], ['input-endTime', pickerText(r.end)]]) {
    await s.until(async () => (await inputValue(s, testid)) === want, { what: `"${want}" in ${testid}` })
  }
}


async function inputValue(s, testid) {
  const el = await s.waitFor(`[data-testid="${testid}"] input`)
  return s.property(el, 'value')
}

const s = await Session.start(WD, APP)
try {
  await step('the demo rooms of the sandbox are listed', async () => {
    await s.waitFor('[data-testid="sandbox-tag"]', { timeoutMs: 60000 })
    if (!simBase()) simBase(await s.until(async () => sandboxFromLog(), { what: `LIVEDESK_SANDBOX_PORT= in ${LOG_DIR}` }))
    const links = await s.until(async () => {
      const els = await s.findAll('[data-testid^="room-link-"]')
      return els.length >= 3 && els
    }, { what: 'demo rooms', timeoutMs: 30000 })
    // Every row is a room the simulator holds, under the same name.
    for (const el of links) {
      const id = Number(String(await s.attribute(el, 'data-testid')).replace('room-link-', ''))
      const record = await sim('GET', `/__sim/rooms/${id}`)
      assert.equal((await s.text(el)).trim(), record.name, `room ${id}'s name on screen`)
    }
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
    await openCreateAndType(s, images, room('短', 'wang_anchor'))
    await sim('DELETE', '/__sim/requests')
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
    const r = room('端到端测试直播间', 'wang_anchor')
    await openCreateAndType(s, images, r)
    await sim('DELETE', '/__sim/requests')
    await shot(s, 'create')
    await s.click(await s.waitFor('[data-testid="create-submit"]'))
    const url = await s.until(async () => {
      const u = await s.execute('return location.hash')
      return /^#\/rooms\/\d+$/.test(u) && u
    }, { what: 'the new room page', timeoutMs: 30000 })
    roomId = Number(url.split('/').pop())
    const sent = await sim('GET', '/__sim/requests')
    assert.equal(sent.filter((r) => r.path === '/cgi-bin/media/upload').length, 3, 'three uploads')
    const creates = sent.filter((q) => q.path === '/wxaapi/broadcast/room/create')
    assert.equal(creates.length, 1, 'one create')
    // What was typed is what WeChat received.
    const body = creates[0].body
    assert.equal(body.name, r.name)
    assert.equal(body.anchorName, r.anchorName)
    assert.equal(body.anchorWechat, r.anchorWechat)
    assert.equal(Number(body.startTime), r.start.getTime() / 1000)
    assert.equal(Number(body.endTime), r.end.getTime() / 1000)
    const record = await sim('GET', `/__sim/rooms/${roomId}`)
    assert.equal(record.name, r.name)
  })

  await step('server and stream key on screen match the simulator, and the QR shows', async () => {
    assert.ok(roomId > 0, 'needs the room of the previous step')
    await s.waitFor('[data-testid="push-card"]')
    const server = await s.until(() => inputValue(s, 'push-server'), { what: 'the server' })
    await s.click(await s.waitFor('[data-testid="push-key-reveal"]'))
    const key = await s.until(async () => {
      const v = await inputValue(s, 'push-key')
      return !v.startsWith('•') && v
    }, { what: 'the revealed stream key' })
    // The simulator signs a push address for "now": txTime = now + 24 h (hex), txSecret =
    // md5(push_key + stream + txTime). The app fetched it a moment before the simulator's record
    // below was answered, so the two agree exactly unless a second ticked in between; then the
    // address on screen must still be the simulator's own, signed with the room's push key.
    const record = await sim('GET', `/__sim/rooms/${roomId}`)
    const onScreen = `${server}/${key}`
    if (onScreen !== record.push_url) {
      const [, txTime] = /[?&]txTime=([0-9a-f]+)/.exec(key) ?? []
      assert.ok(txTime, `txTime in the stream key ${key}`)
      const secret = createHash('md5').update(record.push_key + record.stream_name + txTime).digest('hex')
      const expected = record.push_url.replace(/txSecret=[0-9a-f]+&txTime=[0-9a-f]+$/, `txSecret=${secret}&txTime=${txTime}`)
      assert.equal(onScreen, expected, 'server + "/" + stream key is the push address the simulator signs')
      assert.ok(parseInt(txTime, 16) <= parseInt(/txTime=([0-9a-f]+)$/.exec(record.push_url)[1], 16), 'fetched before the record')
    }
    assert.equal(server, record.push_url.slice(0, record.push_url.lastIndexOf('/', record.push_url.indexOf('?'))))
    assert.ok(key.startsWith(`${record.stream_name}?`), `the stream key names the room's stream ${record.stream_name}`)
    const qr = await s.waitFor('[data-testid="push-qr"]')
    const src = await s.attribute(qr, 'src')
    assert.match(src, /^data:image\/svg\+xml/)
    await s.until(() => s.execute('return arguments[0].complete && arguments[0].naturalWidth > 0', [elementArg(qr)]),
      { what: 'the push QR image to render' })
    // The sandbox's push address points at its own RTMP ingest: testing it connects and publishes.
    assert.match(server, /^rtmp:\/\/127\.0\.0\.1:\d+\/live$/)
    await s.clickWhenFree(await s.waitFor('[data-testid="push-test"]'))
    const result = await s.waitFor('[data-testid="push-test-result"]', { timeoutMs: 15000 })
    assert.equal(await s.attribute(result, 'data-outcome'), 'accepted', await s.text(result))
    await shot(s, 'room-overview')
  })

  await step('an unverified anchor gets the real-name QR', async () => {
    await openCreateAndType(s, images, room('实名认证测试直播', 'unverified_e2e'))
    await s.click(await s.waitFor('[data-testid="create-submit"]'))
    await s.waitFor('[data-testid="anchor-modal"]', { timeoutMs: 30000 })
    const qr = await s.waitFor('[data-testid="anchor-qr"]', { timeoutMs: 30000 })
    assert.match(await s.attribute(qr, 'src'), /^data:image\/png;base64,/)
    await s.until(() => s.execute('return arguments[0].complete && arguments[0].naturalWidth > 0', [elementArg(qr)]),
      { what: 'the real-name QR image to render' })
    await shot(s, 'anchor-qr')
  })
  await goodsSteps({ s, step, sim, picture, typeField, settled, shot, go, dir: DIR })
  await consoleSteps({ s, step, sim, settled, shot, go })
  // The anchor's new push room goes live through OBS without an address typed.
  await obsSteps({ s, step, sim, typeField, settled, shot, go, dir: DIR, room: roomId || undefined })
  await startSteps({ s, step, sim, typeField, shot, go })

  await step('an account is added through the UI (secret to the keyring)', async () => {
    await go(s, '#/accounts')
    // A toast of an earlier step may still cover the button for a moment.
    await s.clickWhenFree(await s.waitFor('[data-testid="account-add"]'))
    await s.type(await s.waitFor('[data-testid="add-name"] input'), 'E2E 小程序')
    await s.type(await s.waitFor('[data-testid="add-appid"] input'), 'wxsandbox0000live')
    await s.type(await s.waitFor('[data-testid="add-secret"] input'), CANARY)
    // The modal may still be animating in: a click during its entrance can miss the header.
    await settled(s, 'opening the advanced section')
    await s.clickWhenFree(await s.waitFor('.n-collapse-item__header'))
    await s.type(await s.waitFor('.n-collapse-item--active [data-testid="add-baseurl"] input'), simBase())
    await shot(s, 'account-add')
    // The advanced section's opening moves the submit button down: a click while it slides can
    // land where the button was.
    await settled(s, 'submitting the account')
    await s.clickWhenFree(await s.waitFor('[data-testid="add-submit"]'))
    await s.until(async () => {
      const t = await s.text(await s.waitFor('[data-testid="accounts-table"]'))
      return t.includes('E2E 小程序') && t
    }, { what: 'the added account in the table', timeoutMs: 30000 })
    await shot(s, 'accounts')
  })

  await step('the window may call only what its capability lists', async () => {
    // Granted: writing to the clipboard (the copy buttons).
    await s.invoke('plugin:clipboard-manager|write_text', { text: 'livedesk-e2e' })
    // Not granted (no core:default, no clipboard read): refused by Tauri before any code runs.
    for (const [cmd, args] of [['plugin:clipboard-manager|read_text', {}], ['plugin:app|version', {}], ['plugin:event|listen', { event: 'x', target: { kind: 'Any' }, handler: 0 }]]) {
      const refusal = await s.invoke(cmd, args).then(() => null, (e) => e.message)
      assert.ok(refusal, `${cmd} was allowed`)
      assert.match(refusal, /not allowed|denied|permission/i, `${cmd}: ${refusal}`)
    }
  })

  await step('the webview storage holds preferences, not the secret', async () => {
    // A theme round trip writes the UI's preferences to localStorage, so the search below covers
    // WebKit's storage with something in it.
    const sw = await s.waitFor('[data-testid="theme-switch"]')
    await s.clickWhenFree(sw)
    await s.clickWhenFree(sw)
    const keys = await s.until(async () => {
      const k = await s.execute('return Object.keys(localStorage)')
      return k.length > 0 && k
    }, { what: 'the preferences in localStorage' })
    assert.deepEqual(keys, ['livedesk.prefs'])
    const stored = await s.execute('return JSON.stringify([localStorage, sessionStorage, document.cookie])')
    assert.ok(!stored.includes(CANARY), 'the secret is not in the webview storage')
  })
} finally {
  // Close the window first: the app then exits as a user would make it, and WebKit writes its
  // storage (localStorage) to disk, which the next step searches.
  await s.cmd('DELETE', '/window').catch(() => {})
  await s.quit()
}

await step('the secret is nowhere in the app data, logs or webview storage', async () => {
  const roots = ['XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'HOME']
    .map((k) => process.env[k]).filter(Boolean)
  const appDir = join(process.env.XDG_DATA_HOME, 'app.livedesk.desktop')
  assert.ok(statSync(appDir).isDirectory(), `the app wrote its data under ${appDir}`)
  // The app's stdout/stderr end up in tauri-driver's log: search it too.
  // WebKit's storage of the app's origin (localStorage, IndexedDB, caches) lives here; in these runs
  // WebKit keeps tauri://localhost's localStorage in memory (checked in the page above) and leaves
  // only its salt files on disk, but whatever it writes is searched.
  const storage = join(appDir, 'storage')
  const files = roots.flatMap(walk).concat(walk(DIR).filter((f) => f.endsWith('.log')))
  assert.ok(files.some((f) => f.endsWith('.sqlite3')), 'the database was searched')
  assert.ok(files.some((f) => f.includes('/logs/')), 'the logs were searched')
  const webkit = files.filter((f) => /\/(storage|CacheStorage|WebKitCache)\//.test(f))
  assert.ok(webkit.some((f) => f.startsWith(storage)), `WebKit's storage was searched (${storage})`)
  console.log(`     searched ${files.length} files (${webkit.length} of WebKit's) for the secret`)
  // The app has just quit: WebKit and SQLite may remove their -shm/-wal files while we read (their
  // contents are checkpointed into the main files, which are searched), so a vanished file is skipped.
  const hits = files.filter((f) => {
    try {
      return readFileSync(f).includes(CANARY)
    } catch (e) {
      if (e.code === 'ENOENT') return false
      throw e
    }
  })
  assert.deepEqual(hits, [], 'the secret leaked into these files')
})

await step('a damaged database is moved aside, the app says so and opens', async () => {
  const db = join(process.env.XDG_DATA_HOME, 'app.livedesk.desktop', 'livedesk.sqlite3')
  assert.ok(statSync(db).isFile(), `the database of the first session at ${db}`)
  const garbage = Buffer.from('not a database: a disk that lost its pages. '.repeat(300))
  writeFileSync(db, garbage)
  for (const extra of ['-wal', '-shm']) rmSync(db + extra, { force: true })
  // A second launch while the first still runs would only focus it (single instance): wait it out.
  const appRunning = () => readdirSync('/proc').some((pid) => {
    try {
      return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === APP
    } catch {
      return false
    }
  })
  for (let i = 0; appRunning(); i++) {
    assert.ok(i < 200, 'the first app never exited')
    await new Promise((r) => setTimeout(r, 50))
  }
  const again = await Session.start(WD, APP)
  try {
    await again.waitFor('[data-testid="store-recovered"]', { timeoutMs: 60000 })
    const moved = (await again.text(await again.waitFor('[data-testid="store-recovered-path"]'))).trim()
    assert.match(moved, /livedesk\.sqlite3\.corrupt-\d{8}T\d{6}Z$/)
    assert.deepEqual(readFileSync(moved), garbage, 'the bad file is kept as it was')
    await shot(again, 'store-recovered')
    await again.click(await again.waitFor('[data-testid="store-recovered-ok"]'))
    // The app carries on with a fresh store: the sandbox's rooms are listed.
    await again.until(async () => (await again.findAll('[data-testid^="room-link-"]')).length >= 3,
      { what: 'the demo rooms after the recovery', timeoutMs: 30000 })
  } finally {
    await again.cmd('DELETE', '/window').catch(() => {})
    await again.quit()
  }
})

const failed = results.filter((r) => !r.ok)
console.log(`\n${results.length - failed.length}/${results.length} e2e steps passed`)
process.exit(failed.length ? 1 : 0)
