// End-to-end steps of going live with a real OBS Studio (29, under the tests' Xvfb), run by
// run.mjs in its session. An anchor points LiveDesk at OBS before OBS runs and sees it said; OBS
// starts and is found, the wrong password is told (4009); the right one connects; on a push room
// they click Send to OBS, Start, see the room go live with OBS's health, Stop, see it turn
// abnormal, and ended once the simulator's clock passes 15 minutes. OBS is started here on a
// free port and stopped by PID.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

const PASSWORD = 'obs-e2e-password'
const END = '\uE010'
const BACKSPACE = '\uE003'
const TAB = '\uE004'

function freePort() {
  return new Promise((resolve) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

/** OBS with its WebSocket server on `port` asking for PASSWORD, on the tests' display. */
function startObs(dir, port) {
  const home = join(dir, 'obs-home')
  mkdirSync(join(home, '.config/obs-studio'), { recursive: true })
  writeFileSync(join(home, '.config/obs-studio/global.ini'),
    `[General]\nFirstRun=true\n\n[OBSWebSocket]\nFirstLoad=false\nServerEnabled=true\nServerPort=${port}\n`
    + `AlertsEnabled=false\nAuthRequired=true\nServerPassword=${PASSWORD}\n`)
  return spawn('obs', ['--multi', '--minimize-to-tray', '--websocket_port', String(port), '--websocket_password', PASSWORD], {
    cwd: home,
    // OBS reads XDG_CONFIG_HOME before HOME/.config, and the tests' environment sets it.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), DBUS_SESSION_BUS_ADDRESS: `unix:path=${home}/no-bus`, LIBGL_ALWAYS_SOFTWARE: '1' },
    stdio: 'ignore',
  })
}

/** `room`: the push room the anchor created earlier in the run (the demo's push room 2 if none). */
export async function obsSteps({ s, step, sim, typeField, settled, shot, go, dir, room = 2 }) {
  const ROOM = room
  let obs = null
  const port = await freePort()
  // Read in one go: the banner is re-rendered as the link changes (no stale element).
  const linkText = (testid) => s.execute(`return document.querySelector('[data-testid="${testid}"]')?.textContent ?? ''`)
  const link = async () => s.execute(`const el = document.querySelector('[data-testid="obs-link"]');
    return el ? [el.getAttribute('data-state'), el.getAttribute('data-problem') ?? ''] : ['', '']`)
  // The room page's status badge (its number, as the app last heard it).
  const shownStatus = () => s.execute(`const el = document.querySelector('.page-header .status-badge'); return el ? Number(el.getAttribute('data-status')) : 0`)

  async function typeOver(testid, text) {
    const el = await s.waitFor(`[data-testid="${testid}"] input`)
    await s.clickWhenFree(el)
    // Erased key by key: Ctrl+A does not always select a field's text under WebDriver.
    const held = String(await s.property(el, 'value'))
    await s.type(el, `${END}${BACKSPACE.repeat(held.length)}${text}${TAB}`)
    await s.until(async () => (await s.property(el, 'value')) === text, { what: `${text} in ${testid}` })
  }

  try {
    await step('OBS settings are typed before OBS runs, and the app says it is not running', async () => {
      await go(s, '#/obs')
      await s.waitFor('[data-testid="obs-view"]')
      // The fields hold the defaults: erase them and type, as a person does.
      await typeOver('obs-host', '127.0.0.1')
      await typeOver('obs-port', String(port))
      await typeField(s, 'obs-password', 'not-the-password')
      await s.clickWhenFree(await s.waitFor('[data-testid="obs-save"]'))
      // Not running at the address just saved (not at the default it tried before).
      const message = await s.until(async () => {
        if ((await link())[1] !== 'not_running') return false
        const m = await linkText('obs-link-message')
        return m.includes(`127.0.0.1:${port}`) && m
      }, { timeoutMs: 20000, what: 'OBS reported as not running at the saved port' })
      assert.ok(!message.includes('not-the-password'), 'the password is never shown')
    })

    await step('OBS started after the app is found; the wrong password is told (4009)', async () => {
      obs = startObs(dir, port)
      await s.until(async () => (await link())[1] === 'wrong_password', { timeoutMs: 60000, what: 'the 4009 refusal' })
      assert.match(await linkText('obs-link-message'), /4009/)
      await shot(s, 'obs-wrong-password')
    })

    await step('the right password connects and OBS\'s version shows', async () => {
      await typeField(s, 'obs-password', PASSWORD)
      await s.clickWhenFree(await s.waitFor('[data-testid="obs-save"]'))
      await s.until(async () => (await link())[0] === 'connected', { timeoutMs: 30000, what: 'the link connected' })
      assert.match(await linkText('obs-link'), /OBS (29|3\d)\./)
    })

    await step('Send to OBS puts the room\'s address into OBS, read back', async () => {
      await go(s, `#/rooms/${ROOM}`)
      await s.waitFor('[data-testid="push-card"]', { timeoutMs: 30000 })
      await s.until(async () => (await link())[0] === 'connected', { what: 'the room page seeing OBS connected' })
      await s.clickWhenFree(await s.waitFor('[data-testid="obs-send"]'))
      const sent = await s.text(await s.waitFor('[data-testid="obs-sent"]', { timeoutMs: 20000 }))
      const record = await sim('GET', `/__sim/rooms/${ROOM}`)
      const server = record.push_url.slice(0, record.push_url.lastIndexOf('/', record.push_url.indexOf('?')))
      assert.ok(sent.includes(server), `"${sent}" names ${server}`)
    })

    await step('Start: the room goes live (101) and OBS\'s health shows', async () => {
      await s.clickWhenFree(await s.waitFor('[data-testid="obs-start"]'))
      await s.waitFor('[data-testid="obs-health"][data-active="yes"]', { timeoutMs: 30000, what: 'OBS streaming' })
      await s.until(async () => (await sim('GET', `/__sim/rooms/${ROOM}`)).status === 101, { timeoutMs: 30000, what: 'the simulator seeing the stream' })
      await s.until(async () => (await shownStatus()) === 101, { timeoutMs: 30000, what: 'the room shown live' })
      await s.until(async () => /\d+ kbps/.test(await s.text(await s.waitFor('[data-testid="obs-health-bitrate"]'))), { what: 'a bitrate' })
      await s.execute('document.querySelector(\'[data-testid="obs-room"]\').scrollIntoView({ block: "start" })')
      await shot(s, 'obs-live')
    })

    await step('Stop: the room turns abnormal (106), then ends (103) when the simulator\'s clock moves', async () => {
      await s.clickWhenFree(await s.waitFor('[data-testid="obs-stop"]'))
      await settled(s, 'the stop confirmation')
      await s.clickWhenFree(await s.waitFor('.n-popconfirm__action .n-button--primary-type'))
      await s.waitFor('[data-testid="obs-health"][data-active="no"]', { timeoutMs: 30000, what: 'OBS stopped' })
      await s.until(async () => (await sim('GET', `/__sim/rooms/${ROOM}`)).status === 106, { timeoutMs: 30000, what: 'the simulator seeing the publisher leave' })
      await s.until(async () => (await shownStatus()) === 106, { timeoutMs: 30000, what: 'the room shown abnormal' })
      await sim('POST', '/__sim/clock', { advance: 15 * 60 + 5 })
      await s.until(async () => (await sim('GET', `/__sim/rooms/${ROOM}`)).status === 103, { what: 'the simulator ending the room' })
      // The user refreshes; the monitor's status event updates the page.
      await go(s, '#/rooms')
      await s.clickWhenFree(await s.waitFor('[data-testid="room-refresh"]'))
      await go(s, `#/rooms/${ROOM}`)
      await s.until(async () => (await shownStatus()) === 103, { timeoutMs: 30000, what: 'the room shown ended' })
    })
  } finally {
    if (obs) obs.kill()
  }
}
