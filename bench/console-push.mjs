// Push latency in the real app (release build), run by `make bench` through scripts/e2e.sh: from
// the WebDriver click on a goods' push button, and from the global hotkey's key event (XTEST, the
// way a keyboard's reaches the OS), to the simulator receiving the push — the request at WeChat,
// which is what the viewers' card waits for. p50 and p99 over 200 pushes each, with the push
// window 0 (a card completes at once). The baseline, measured in the same run: the same push sent
// by this script straight to the simulator over HTTP (loopback and the simulator itself).
// Setup (the rundown of 200 items, the goods on sale) goes over IPC: it is not what is measured.

import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { Session } from '../tests/e2e/webdriver.mjs'
import { APP, LOG_DIR, WD, go, sandboxFromLog, sim, simBase, walk } from '../tests/e2e/harness.mjs'

const ROOM = 1
const N = 200
/** Each push starts this long after the last: the same goods comes round again after 5 pushes,
 *  past the queue's double-click guard (600 ms), so every push is sent. */
const SPACING_MS = 150
const TARGET_P99_MS = 30
const ACCOUNT = 'sandbox'

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

/** Waits for the simulator's next push, answers when it arrived (its wall clock, ms). */
async function arrival(afterSeq) {
  for (let i = 0; i < 2000; i++) {
    const log = await sim('GET', '/__sim/requests')
    const hit = log.find((r) => r.seq > afterSeq && r.path === '/wxaapi/broadcast/goods/push')
    if (hit) return hit
    await sleep(2)
  }
  throw new Error('the push never reached the simulator')
}

async function lastSeq() {
  const log = await sim('GET', '/__sim/requests')
  return log.length ? log[log.length - 1].seq : 0
}

/** Each measured push: when it started, when it reached the simulator. */
let timeline = []

/** Times `n` pushes started by `start(i)`; answers the latencies in ms. */
async function measure(n, start) {
  const out = []
  timeline = []
  for (let i = 0; i < n; i++) {
    await sim('DELETE', '/__sim/requests')
    const seq = await lastSeq()
    const t0 = Date.now()
    await start(i, t0)
    const hit = await arrival(seq)
    out.push(hit.received_ms - t0)
    timeline.push({ t0, received: hit.received_ms })
    const spent = Date.now() - t0
    if (spent < SPACING_MS) await sleep(SPACING_MS - spent)
  }
  return out
}

function line(name, xs) {
  return `${name.padEnd(34)} p50 ${String(pct(xs, 50)).padStart(4)} ms   p99 ${String(pct(xs, 99)).padStart(4)} ms   max ${Math.max(...xs)} ms`
}

const s = await Session.start(WD, APP)
try {
  await s.waitFor('[data-testid="sandbox-tag"]', { timeoutMs: 60000 })
  simBase(await s.until(async () => sandboxFromLog(), { what: `LIVEDESK_SANDBOX_PORT= in ${LOG_DIR}` }))
  await sim('POST', '/__sim/push_window', { ms: 0 })

  // Setup: every goods of the room on sale, a rundown of N goods items cycling through them.
  const shelf = await s.invoke('shelf_list', { accountId: ACCOUNT, roomId: ROOM })
  const goods = shelf.goods.map((g) => g.goodsId)
  for (const goodsId of goods) {
    await s.invoke('live_act', { accountId: ACCOUNT, roomId: ROOM, action: { kind: 'sale', goodsId, onSale: true } })
  }
  for (let i = 0; i < N; i++) {
    await s.invoke('rundown_add', {
      accountId: ACCOUNT, roomId: ROOM, after: null,
      item: { kind: 'goods', goodsId: goods[i % goods.length], title: '', script: '', plannedSecs: 60 },
    })
  }

  // The baseline: the same push, sent straight to the simulator.
  const tok = await fetch(`${simBase()}/cgi-bin/stable_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid: 'wxsandbox0000live', secret: 'sandbox-secret' }),
  }).then((r) => r.json())
  const raw = await measure(N, async (i) => {
    await fetch(`${simBase()}/wxaapi/broadcast/goods/push?access_token=${tok.access_token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roomId: ROOM, goodsId: goods[i % goods.length] }),
    })
  })

  // The console, as a producer has it open.
  await go(s, `#/rooms/${ROOM}/live`)
  await s.waitFor('[data-testid="hotkey"][data-registered="true"]', { timeoutMs: 30000 })
  const buttons = []
  for (const g of goods) buttons.push(await s.waitFor(`[data-testid="console-push-${g}"]`))
  const inPage = []
  const click = await measure(N, async (i, t0) => {
    await s.execute('performance.clearMarks("livedesk:push-click")')
    await s.click(buttons[i % buttons.length])
    const at = await s.execute('const m = performance.getEntriesByName("livedesk:push-click")[0]; return m ? performance.timeOrigin + m.startTime : null')
    inPage.push(at === null ? null : Math.round(at - t0))
  })

  const clickTimes = timeline
  // The hotkey: one xdotool process, fed a key press per push (its start-up is not timed).
  const xdo = spawn('xdotool', ['-'], { stdio: ['pipe', 'ignore', 'inherit'] })
  await sleep(300)
  const hotkey = await measure(N, async () => {
    xdo.stdin.write('key --delay 0 ctrl+alt+n\n')
  })
  xdo.stdin.end()
  const hotkeyTimes = timeline

  // Where the time goes: the journal's push rows say when each request left LiveDesk (their row
  // is written just before), the app's log when the OS delivered each hotkey press.
  const rows = (await s.invoke('journal_list', {
    filter: { accountId: ACCOUNT, roomId: ROOM, action: 'room_goods_push', result: null, fromMs: null, toMs: null },
    page: { offset: 0, limit: 500 },
  })).entries.reverse()
  const left = rows.slice(-2 * N).map((r) => r.atMs)
  const presses = walk(LOG_DIR).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/push-next hotkey pressed at (\d+) ms/g)].map((m) => Number(m[1])))
  const split = (times, leftAt) => ({
    toLeave: times.map((t, i) => leftAt[i] - t.t0),
    toSim: times.map((t, i) => t.received - leftAt[i]),
  })
  const clickSplit = split(clickTimes, left.slice(0, N))
  const hotkeySplit = split(hotkeyTimes, left.slice(N))
  const pressDelay = presses.slice(-N).map((p, i) => p - hotkeyTimes[i].t0)
  const pressToLeave = presses.slice(-N).map((p, i) => left[N + i] - p)

  console.log(`\nconsole push latency, ${N} pushes each, to the simulator receiving the push`)
  console.log(line('baseline: HTTP straight to the sim', raw))
  console.log(line('LiveDesk: WebDriver click', click))
  const seen = inPage.filter((x) => x !== null)
  console.log(line('  of which WebDriver to the page', seen))
  console.log(line('  page\'s handler to the request leaving', clickSplit.toLeave.filter((_, i) => inPage[i] !== null).map((x, i) => x - seen[i])))
  console.log(line('  start to the request leaving', clickSplit.toLeave))
  console.log(line('  request leaving to the sim', clickSplit.toSim))
  console.log(line('LiveDesk: global hotkey', hotkey))
  if (presses.length >= N) {
    console.log(line('  key event to the app\'s handler', pressDelay))
    console.log(line('  handler to the request leaving', pressToLeave))
  }
  console.log(line('  start to the request leaving', hotkeySplit.toLeave))
  console.log(line('  request leaving to the sim', hotkeySplit.toSim))
  const r = (xs) => (pct(xs, 50) / Math.max(1, pct(raw, 50))).toFixed(2)
  console.log(`ratio to baseline (p50): click ${r(click)}, hotkey ${r(hotkey)}`)
  for (const [name, xs] of [['click', click], ['hotkey', hotkey]]) {
    const p99 = pct(xs, 99)
    console.log(`target p99 <= ${TARGET_P99_MS} ms, ${name}: ${p99 <= TARGET_P99_MS ? 'met' : 'MISSED'} (${p99} ms)`)
  }
} finally {
  await s.cmd('DELETE', '/window').catch(() => {})
  await s.quit()
}
