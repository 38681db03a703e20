// End-to-end steps of the live console, run by run.mjs in its session. A producer rehearses a
// show in the sandbox's live room as a person would: builds a rundown of a talk segment and three
// goods by typing and clicking, pushes from the console and by the global hotkey (a real key
// event under Xvfb, through the OS's grab), sees a push wait while a card shows and then go,
// toggles sale, and opens the anchor view, which follows. The simulator's request log proves each
// call and its order; the journal lists each step.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { ELEMENT, elementArg } from './webdriver.mjs'

const ROOM = 1 // the demo's live room
const END = '\uE010'
const BACKSPACE = '\uE003'
/** How long a pushed card shows in this rehearsal: long enough that the hotkey's push meets it. */
const PUSH_WINDOW_MS = 2500

/** The goods ids of the console's list, in room order. */
function consoleGoods(s) {
  return s.execute(`return [...document.querySelectorAll('[data-testid^="console-row-"]')]
    .map((el) => ({ id: Number(el.getAttribute('data-testid').replace('console-row-', '')), name: el.querySelector('.title').textContent.trim() }))`)
}

/** The state of the newest action shown for goods `id` ('' when none). */
function actionState(s, id) {
  return s.execute(`const el = document.querySelector('[data-testid="console-row-${id}"] [data-state]'); return el ? el.getAttribute('data-state') : ''`)
}

/** The writes the simulator received since the log was cleared, as `path:goodsId`. */
async function writes(sim) {
  const log = await sim('GET', '/__sim/requests')
  return log
    .filter((r) => /goods\/(push|onsale)|updatecomment/.test(r.path))
    .map((r) => `${r.path.split('/').pop()}:${r.body?.goodsId ?? ''}`)
}

const collapse = (xs) => xs.filter((x, i) => x !== xs[i - 1])

export async function consoleSteps({ s, step, sim, settled, shot, go }) {
  let goods = []
  let talkTitle = '开场福利：关注主播抽红包'

  await step('the console opens from the room page and the hotkey is held', async () => {
    await sim('POST', '/__sim/push_window', { ms: PUSH_WINDOW_MS })
    await go(s, `#/rooms/${ROOM}`)
    await s.clickWhenFree(await s.waitFor('[data-testid="room-live"]', { timeoutMs: 30000 }))
    await s.waitFor('[data-testid="live-console"]')
    goods = await s.until(async () => {
      const g = await consoleGoods(s)
      return g.length >= 5 && g
    }, { what: 'the live room\'s goods in the console' })
    await s.waitFor('[data-testid="hotkey"][data-registered="true"]', { what: 'the push-next hotkey held' })
    assert.equal((await s.text(await s.waitFor('[data-testid="hotkey-value"]'))).trim(), 'Ctrl+Alt+N')
  })

  /** Clicks a field and, as a person looks before typing, waits until it has the focus (a
   *  closing dropdown can take the click on a busy machine). */
  async function focusByClick(el) {
    await s.until(async () => {
      await s.clickWhenFree(el)
      return s.execute('return document.activeElement === arguments[0]', [elementArg(el)])
    }, { what: 'the field to take the focus' })
  }

  async function addItem(kind, { goodsName, title, script, minutes }) {
    await s.clickWhenFree(await s.waitFor('[data-testid="rundown-add"]'))
    await s.waitFor('[data-testid="rundown-item-modal"]')
    await settled(s, 'the rundown form')
    await s.clickWhenFree(await s.waitFor(`[data-testid="rundown-kind-${kind}"]`))
    if (goodsName) {
      await s.clickWhenFree(await s.waitFor('[data-testid="rundown-goods"]'))
      const option = await s.until(async () => {
        const el = await s.execute(`return [...document.querySelectorAll('.n-base-select-option')]
          .find((o) => o.textContent.includes(arguments[0])) ?? null`, [goodsName])
        return el && el[ELEMENT]
      }, { what: `${goodsName} among the options` })
      await s.clickWhenFree(option)
    }
    if (title) {
      const el = await s.waitFor('[data-testid="rundown-title"] input')
      await focusByClick(el)
      await s.type(el, title)
    }
    const area = await s.waitFor('[data-testid="rundown-script"] textarea')
    await focusByClick(area)
    await s.type(area, script)
    // The minutes field holds a default: erase it and type the minutes, as a person does (Ctrl+A
    // in the number field did not always select its text under WebDriver).
    const mins = await s.waitFor('[data-testid="rundown-minutes"] input')
    await focusByClick(mins)
    const held = String(await s.property(mins, 'value'))
    await s.type(mins, `${END}${BACKSPACE.repeat(held.length)}${minutes}`)
    await s.until(async () => (await s.property(mins, 'value')) === String(minutes), { what: `${minutes} minutes typed` })
    await s.clickWhenFree(await s.waitFor('[data-testid="rundown-save"]'))
    await s.until(async () => (await s.findAll('[data-testid="rundown-item-modal"]')).length === 0, { what: 'the form to close' })
  }

  await step('a rundown of a talk segment and three goods is typed in', async () => {
    // A talk segment without a title is refused at its field, and the form keeps what was typed.
    await s.clickWhenFree(await s.waitFor('[data-testid="rundown-add"]'))
    await settled(s, 'the rundown form')
    const area = await s.waitFor('[data-testid="rundown-script"] textarea')
    await s.clickWhenFree(area)
    await s.type(area, '欢迎来到直播间')
    await s.clickWhenFree(await s.waitFor('[data-testid="rundown-save"]'))
    const feedback = await s.until(async () => {
      const t = await s.execute('return document.querySelector(\'[data-testid="rundown-item-modal"] .n-form-item-feedback--error, [data-testid="rundown-item-modal"] .n-form-item-feedback__line\')?.textContent ?? ""')
      return t.includes('标题') && t
    }, { what: 'the title\'s field error' })
    assert.match(feedback, /开场福利/, 'the message shows an example')
    assert.equal(await s.property(area, 'value'), '欢迎来到直播间', 'the script is kept')
    await s.clickWhenFree(await s.waitFor('[data-testid="rundown-title"] input'))
    await s.type(await s.waitFor('[data-testid="rundown-title"] input'), talkTitle)
    await s.clickWhenFree(await s.waitFor('[data-testid="rundown-save"]'))
    await s.until(async () => (await s.findAll('[data-testid="rundown-item-modal"]')).length === 0, { what: 'the form to close' })

    for (const [i, g] of goods.slice(0, 3).entries()) {
      await addItem('goods', { goodsName: g.name, script: `家人们看这款${g.name}，今天直播间专属价！`, minutes: 3 + i })
    }
    const rows = await s.until(async () => {
      const r = await s.findAll('[data-testid^="rundown-row-"]')
      return r.length === 4 && r
    }, { what: 'four rundown items' })
    const kinds = []
    for (const r of rows) kinds.push(await s.attribute(r, 'data-kind'))
    assert.deepEqual(kinds, ['talk', 'goods', 'goods', 'goods'])
    assert.match(await s.text(rows[1]), new RegExp(goods[0].name))
    assert.match(await s.text(rows[3]), /5:00/, 'the planned minutes as typed')
    await shot(s, 'console-rundown')
  })

  await step('push next from the console, then by the global hotkey while a card shows: it waits and goes', async () => {
    await sim('DELETE', '/__sim/requests')
    const nowTitle = async () => (await s.text(await s.waitFor('[data-testid="rundown-now"]'))).trim()
    // The talk segment comes on (nothing is pushed), then the first goods is pushed.
    await s.clickWhenFree(await s.waitFor('[data-testid="push-next"]'))
    await s.until(async () => (await nowTitle()).includes(talkTitle), { what: 'the talk segment on' })
    await s.clickWhenFree(await s.waitFor('[data-testid="push-next"]'))
    await s.until(async () => (await actionState(s, goods[0].id)) === 'done', { what: 'the first push done' })
    // The hotkey, pressed as a person would (XTEST key events the OS delivers to LiveDesk's grab).
    execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+alt+n'])
    await s.until(async () => (await actionState(s, goods[1].id)) === 'waiting',
      { what: 'the second push waiting while the first card shows', timeoutMs: 10000 })
    await s.execute('document.querySelector(arguments[0]).scrollIntoView({ block: "center" })', [`[data-testid="console-row-${goods[1].id}"]`])
    await shot(s, 'console-waiting')
    await s.until(async () => (await actionState(s, goods[1].id)) === 'done',
      { what: 'the second push to go once the card is gone', timeoutMs: 15000 })
    await s.until(async () => (await nowTitle()).includes(goods[1].name), { what: 'the second goods on' })
    const sent = await writes(sim)
    assert.deepEqual(collapse(sent), [`push:${goods[0].id}`, `push:${goods[1].id}`])
    assert.equal(sent.filter((x) => x === `push:${goods[0].id}`).length, 1, 'the first push sent once')
    assert.ok(sent.filter((x) => x === `push:${goods[1].id}`).length >= 2, `the second waited: ${sent}`)
  })

  await step('a double click pushes once, and sale is toggled', async () => {
    await sim('POST', '/__sim/push_window', { ms: 0 })
    // Wait out the card still showing from the last push.
    await new Promise((r) => setTimeout(r, PUSH_WINDOW_MS))
    await sim('DELETE', '/__sim/requests')
    const btn = await s.waitFor(`[data-testid="console-push-${goods[2].id}"]`)
    // Pointer actions do not scroll (clicks do): bring the button into view as a person would.
    await s.execute('arguments[0].scrollIntoView({ block: "center" })', [elementArg(btn)])
    await settled(s, 'scrolling to the button')
    await s.cmd('POST', '/actions', {
      actions: [{
        type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', duration: 0, origin: { [ELEMENT]: btn }, x: 0, y: 0 },
          { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
          { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
        ],
      }],
    })
    await s.cmd('DELETE', '/actions').catch(() => {})
    await s.until(async () => (await actionState(s, goods[2].id)) === 'done', { what: 'the double-clicked push done' })
    const saleGoods = goods[4]
    const sw = await s.waitFor(`[data-testid="console-sale-${saleGoods.id}"]`)
    await s.clickWhenFree(sw)
    await s.until(async () => (await s.attribute(await s.waitFor(`[data-testid="console-sale-${saleGoods.id}"]`), 'aria-checked')) === 'true',
      { what: 'the sale switch on' })
    const sent = await writes(sim)
    assert.deepEqual(sent, [`push:${goods[2].id}`, `onsale:${saleGoods.id}`], 'one push for two clicks, then the sale change')
  })

  await step('the anchor view opens in its own window, follows the console and remembers its size', async () => {
    await s.clickWhenFree(await s.waitFor('[data-testid="anchor-open"]'))
    const main = await s.cmd('GET', '/window')
    // The anchor's own Close button (the click's answer may come from a window already gone).
    const closeAnchor = async () => {
      await s.click(await s.waitFor('[data-testid="anchor-close"]')).catch((e) => {
        if (!/no such window/.test(String(e))) throw e
      })
    }
    try {
      const anchor = await s.until(async () => {
        const handles = await s.cmd('GET', '/window/handles')
        return handles.length === 2 && handles.find((h) => h !== main)
      }, { what: 'a second window' })
      await s.cmd('POST', '/window', { handle: anchor })
      const now = async () => (await s.text(await s.waitFor('[data-testid="anchor-now"]', { timeoutMs: 30000 }))).trim()
      await s.until(async () => (await now()).includes(goods[1].name), { what: 'the anchor view on the current item' })
      assert.match(await s.text(await s.waitFor('[data-testid="anchor-script"]')), new RegExp(goods[1].name))
      assert.match(await s.text(await s.waitFor('[data-testid="anchor-next"]')), new RegExp(goods[2].name))
      await shot(s, 'anchor-view')
      // The producer pushes next in the console; the anchor view follows.
      await s.cmd('POST', '/window', { handle: main })
      await s.clickWhenFree(await s.waitFor('[data-testid="push-next"]'))
      await s.cmd('POST', '/window', { handle: anchor })
      await s.until(async () => (await now()).includes(goods[2].name), { what: 'the anchor view to follow the push' })
      // The anchor moves it to where it suits (here: a smaller window), closes it, opens it again:
      // it comes back the same size (the window-state plugin).
      await s.cmd('POST', '/window/rect', { width: 720, height: 480 })
      const size = async () => {
        const r = await s.cmd('GET', '/window/rect')
        return [r.width, r.height]
      }
      await s.until(async () => (await size())[0] === 720, { what: 'the anchor window resized' })
      // Closed with its own button, as the anchor does (full screen leaves no title bar).
      await closeAnchor()
      await s.cmd('POST', '/window', { handle: main })
      await s.until(async () => (await s.cmd('GET', '/window/handles')).length === 1, { what: 'the anchor window closed' })
      await s.clickWhenFree(await s.waitFor('[data-testid="anchor-open"]'))
      const reopened = await s.until(async () => {
        const handles = await s.cmd('GET', '/window/handles')
        return handles.length === 2 && handles.find((h) => h !== main)
      }, { what: 'the anchor window again' })
      await s.cmd('POST', '/window', { handle: reopened })
      await s.until(async () => (await now()).includes(goods[2].name), { what: 'the reopened anchor view on the current item' })
      assert.deepEqual(await size(), [720, 480], 'the anchor view remembers its size')
      await closeAnchor()
      await s.cmd('POST', '/window', { handle: main })
      await shot(s, 'console')
    } catch (e) {
      // Whatever failed, the next steps drive the main window.
      await s.cmd('POST', '/window', { handle: main }).catch(() => {})
      throw e
    }
  })

  await step('the journal lists each step of the rehearsal', async () => {
    await go(s, '#/journal')
    const actions = await s.until(async () => {
      const a = await s.execute(`return [...document.querySelectorAll('[data-testid^="journal-row-"]')].map((el) => el.getAttribute('data-action'))`)
      return a.filter((x) => x === 'rundown_step').length >= 4 && a
    }, { what: 'the rundown steps in the journal', timeoutMs: 30000 })
    for (const want of ['rundown_add', 'rundown_step', 'room_goods_push', 'room_goods_sale']) {
      assert.ok(actions.includes(want), `${want} in the journal: ${actions}`)
    }
    assert.equal(actions.filter((a) => a === 'rundown_add').length, 4)
  })
}
