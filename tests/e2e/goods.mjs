// End-to-end steps of the goods library, a room's goods and the journal, run by run.mjs in its
// session. A producer prepares a room's goods from the library as a person would: types the add
// form, waits for the audit, imports, toggles sale, drags to reorder, removes one; the simulator's
// request log proves each call and its order, and the journal view and its CSV show each write.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { elementArg } from './webdriver.mjs'

const ROOM = 2 // the demo's room that has not started: its goods can be prepared

/** The API calls the simulator received since the log was last cleared (tokens and reads left out). */
async function writes(sim) {
  const log = await sim('GET', '/__sim/requests')
  return log.filter((r) => !/token|getliveinfo|getapproved|getgoodswarehouse/.test(r.path))
}

/** Drags an element's centre onto another's, in small pointer moves as a hand does. */
async function drag(s, from, to) {
  const rect = (el) => s.execute('const r = arguments[0].getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]', [elementArg(el)])
  const [x0, y0] = (await rect(from)).map(Math.round)
  const [x1, y1] = (await rect(to)).map(Math.round)
  const moves = []
  for (let i = 1; i <= 12; i++) {
    moves.push({ type: 'pointerMove', duration: 30, x: Math.round(x0 + ((x1 - x0) * i) / 12), y: Math.round(y0 + ((y1 - y0) * i) / 12 - 4) })
  }
  await s.cmd('POST', '/actions', {
    actions: [{
      type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', duration: 0, x: x0, y: y0 },
        { type: 'pointerDown', button: 0 },
        { type: 'pause', duration: 120 },
        ...moves,
        { type: 'pause', duration: 120 },
        { type: 'pointerUp', button: 0 },
      ],
    }],
  })
  await s.cmd('DELETE', '/actions').catch(() => {})
}

/** RFC 4180 rows: quoted fields may hold commas, quotes and newlines. */
function parseCsv(text) {
  const rows = [[]]
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') rows[rows.length - 1].push(field), (field = '')
    else if (c === '\n') rows[rows.length - 1].push(field), (field = ''), rows.push([])
    else if (c !== '\r') field += c
  }
  rows[rows.length - 1].push(field)
  return rows.filter((r) => r.length > 1)
}

/** The shelf's goods ids in order, read in one go (the list re-renders while it is read). */
function shelfOrder(s) {
  return s.execute(`return [...document.querySelectorAll('[data-testid^="shelf-row-"]')]
    .map((el) => Number(el.getAttribute('data-testid').replace('shelf-row-', '')))`)
}

export async function goodsSteps({ s, step, sim, picture, typeField, settled, shot, go, dir }) {
  let goodsId = 0
  const name = '桂花乌龙茶礼盒'

  await step('the library syncs and goods are added through the form, then pass the audit', async () => {
    // Audits in the sandbox pass at once for this run (its control plane sets the delay).
    await sim('POST', '/__sim/audit', { delay_secs: 0 })
    await go(s, '#/goods')
    await s.waitFor('[data-testid="goods-synced"]', { timeoutMs: 30000 })
    await shot(s, 'goods')
    // The native file dialog cannot be driven: the picture is prepared by path and left in the
    // form's draft, as the picker would; everything else is typed.
    const cover = await s.invoke('image_prepare', { slot: 'goods', path: picture('goods.png', '900x700', 'orange') })
    assert.ok(cover.width <= 300 && cover.height <= 300, 'fitted to 300×300')
    await s.invoke('goods_draft_save', {
      accountId: 'sandbox',
      form: { coverImgUrl: cover, name: '', priceType: 1, price: '', price2: '', url: '', thirdPartyAppid: '' },
    })
    await sim('DELETE', '/__sim/requests')
    await s.clickWhenFree(await s.waitFor('[data-testid="goods-add"]'))
    await s.waitFor('[data-testid="image-goods-preview"]')
    await typeField(s, 'field-name', name)
    await typeField(s, 'field-price', '99.90')
    await typeField(s, 'field-url', 'pages/goods/detail?id=88')
    await shot(s, 'goods-add')
    await s.clickWhenFree(await s.waitFor('[data-testid="goods-submit"]'))
    await s.until(async () => (await s.findAll('[data-testid="goods-form"]')).length === 0, { what: 'the form to close', timeoutMs: 30000 })
    const sent = await writes(sim)
    const paths = sent.map((r) => r.path)
    assert.deepEqual(paths, ['/cgi-bin/media/upload', '/wxaapi/broadcast/goods/add'], 'upload, then add')
    const info = sent[1].body.goodsInfo
    assert.equal(info.name, name)
    assert.equal(Number(info.price), 99.9)
    assert.equal(info.priceType, 1)
    assert.equal(info.url, 'pages/goods/detail?id=88')
    // Syncing shows the goods approved, ids and all.
    await s.clickWhenFree(await s.waitFor('[data-testid="goods-sync"]'))
    await s.clickWhenFree(await s.waitFor('[data-testid="goods-tab-2"]'))
    const row = await s.until(async () => {
      for (const el of await s.findAll('[data-testid^="goods-row-"]')) if ((await s.text(el)).includes(name)) return el
      return false
    }, { what: 'the new goods in the approved tab', timeoutMs: 30000 })
    goodsId = Number(String(await s.attribute(row, 'data-testid')).replace('goods-row-', ''))
    assert.ok(goodsId > 0)
  })

  await step('a room gets the goods: import, sale, drag to reorder, remove', async () => {
    assert.ok(goodsId > 0, 'needs the goods of the previous step')
    await go(s, `#/rooms/${ROOM}`)
    await s.waitFor('[data-testid="room-shelf"]', { timeoutMs: 30000 })
    const before = await s.until(async () => {
      const o = await shelfOrder(s)
      return o.length > 0 && o
    }, { what: 'the room\'s goods' })
    await sim('DELETE', '/__sim/requests')

    await s.clickWhenFree(await s.waitFor('[data-testid="shelf-import"]'))
    await settled(s, 'picking goods to import')
    await s.clickWhenFree(await s.waitFor(`[data-testid="import-row-${goodsId}"] .n-checkbox`))
    await s.clickWhenFree(await s.waitFor('[data-testid="import-submit"]'))
    await s.waitFor(`[data-testid="shelf-row-${goodsId}"]`, { timeoutMs: 30000 })
    assert.deepEqual(await shelfOrder(s), [...before, goodsId], 'imported at the end')

    await s.clickWhenFree(await s.waitFor(`[data-testid="shelf-sale-${goodsId}"]`))
    await s.until(async () => (await s.attribute(await s.waitFor(`[data-testid="shelf-sale-${goodsId}"]`), 'aria-checked')) === 'true',
      { what: 'the sale switch on' })

    // The new goods dragged by its handle onto the first row.
    await settled(s, 'dragging')
    await drag(s, await s.waitFor(`[data-testid="shelf-handle-${goodsId}"]`), await s.waitFor(`[data-testid="shelf-handle-${before[0]}"]`))
    const wanted = [goodsId, ...before]
    await s.until(async () => JSON.stringify(await shelfOrder(s)) === JSON.stringify(wanted), { what: `the order ${wanted}` })
    const record = await s.until(async () => {
      const r = await sim('GET', `/__sim/rooms/${ROOM}`)
      const ids = (r.goods ?? []).map((g) => Number(g.goods_id ?? g.goodsId))
      return JSON.stringify(ids) === JSON.stringify(wanted) && r
    }, { what: 'WeChat to hold the new order' })
    assert.ok(record)
    await shot(s, 'room-goods')

    const removed = before[before.length - 1]
    await s.clickWhenFree(await s.waitFor(`[data-testid="shelf-remove-${removed}"]`))
    await settled(s, 'confirming the removal')
    await s.clickWhenFree(await s.waitFor('.n-dialog .n-button--warning-type'))
    await s.until(async () => !(await shelfOrder(s)).includes(removed), { what: 'the removed goods to leave the list' })

    const sent = (await writes(sim)).map((r) => r.path)
    assert.deepEqual(sent, [
      '/wxaapi/broadcast/room/addgoods',
      '/wxaapi/broadcast/goods/onsale',
      '/wxaapi/broadcast/goods/sort',
      '/wxaapi/broadcast/goods/deleteInRoom',
    ], 'each call once, in order')
  })

  await step('the journal shows each write, and its CSV holds the same rows', async () => {
    await go(s, '#/journal')
    const want = ['room_goods_delete', 'room_goods_sort', 'room_goods_sale', 'room_goods_import', 'goods_add']
    const onScreen = await s.until(async () => {
      const rows = await s.findAll('[data-testid^="journal-row-"]')
      const actions = []
      for (const el of rows) actions.push(await s.attribute(el, 'data-action'))
      return want.every((a, i) => actions[i] === a) && actions
    }, { what: `the journal to list ${want}`, timeoutMs: 30000 })
    const rows = await s.findAll('[data-testid^="journal-row-"]')
    const text = await s.text(rows[0])
    assert.match(text, /移出商品|Remove goods/)
    assert.match(text, /成功|OK/)
    await shot(s, 'journal')
    // The save dialog cannot be driven: the export is asked for a path directly.
    const path = join(dir, 'journal.csv')
    const n = await s.invoke('journal_export', {
      filter: { accountId: 'sandbox', roomId: null, action: null, result: null, fromMs: null, toMs: null },
      path,
    })
    const [header, ...records] = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))
    assert.equal(records.length, n)
    const col = header.indexOf('action')
    const csvActions = records.map((r) => r[col]).reverse()
    assert.deepEqual(csvActions.slice(0, onScreen.length), onScreen, 'the CSV rows are the rows on screen')
  })
}
