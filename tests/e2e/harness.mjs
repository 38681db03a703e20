// What every script run by scripts/e2e.sh shares: the environment it provides, the sandbox's
// control plane, steps with their results, and waiting for the screen to settle before a shot.

import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const env = (k) => {
  const v = process.env[k]
  if (!v) throw new Error(`${k} is not set: run scripts/e2e.sh`)
  return v
}
export const APP = env('LIVEDESK_APP')
export const WD = env('LIVEDESK_WEBDRIVER')
export const LOG_DIR = join(env('XDG_DATA_HOME'), 'app.livedesk.desktop', 'logs')
let SIM = process.env.LIVEDESK_SANDBOX_PORT ? `http://127.0.0.1:${process.env.LIVEDESK_SANDBOX_PORT}` : ''
export const DIR = env('LIVEDESK_E2E_DIR')
export const SHOTS = process.env.LIVEDESK_SCREENSHOTS || ''

export function walk(dir) {
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

/** The sandbox's port, from the line the app logs at start (its log dir is under XDG_DATA_HOME). */
export function sandboxFromLog() {
  for (const f of walk(LOG_DIR)) {
    const m = /LIVEDESK_SANDBOX_PORT=(\d+)/.exec(readFileSync(f, 'utf8'))
    if (m) return `http://127.0.0.1:${m[1]}`
  }
  return ''
}

export async function sim(method, path, body) {
  const res = await fetch(SIM + path, body === undefined
    ? { method }
    : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  assert.ok(res.ok, `${method} ${path}: HTTP ${res.status}`)
  return res.json()
}

/** The sandbox's base URL; set it once known (from the app's log). */
export function simBase(base) {
  if (base !== undefined) SIM = base
  return SIM
}

/** Waits until no finite CSS transition or animation runs (a modal's entrance, a spinner's fade). */
export async function settled(s, what) {
  await s.until(() => s.execute('return document.getAnimations().filter((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity).length === 0'),
    { what: `animations to settle before ${what}` })
}

export async function shot(s, name) {
  if (!SHOTS) return
  // What the DOM says may not be painted yet: wait for animations, then for two frames, so the
  // picture shows this state.
  await settled(s, `the ${name} screenshot`)
  // A toast of the previous step (they close after a few seconds) is not part of this screen.
  await s.until(() => s.execute('return !document.querySelector(".n-message")'), { what: `toasts to close before the ${name} screenshot` })
  await s.executeAsync('const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)))')
  mkdirSync(SHOTS, { recursive: true })
  writeFileSync(join(SHOTS, `${name}.png`), await s.screenshot())
}

export const go = (s, hash) => s.execute(`location.hash = arguments[0]`, [hash])

export const results = []
export async function step(name, fn) {
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

