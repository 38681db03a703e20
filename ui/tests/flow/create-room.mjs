// The flows themselves. Each gets a fresh page whose IPC is the in-memory fake (fake-ipc.ts).
import { join } from 'node:path'

function assert(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`)
}

const byId = (page, id) => page.locator(`[data-testid="${id}"]`)
const calls = (page, cmd) => page.evaluate((c) => window.__fake.calls.filter((x) => x.cmd === c), cmd)

/** 'yyyy-MM-dd HH:mm' for a time `hours` from now, on a whole hour. */
function pickerTime(hours) {
  const d = new Date(Date.now() + hours * 3600_000)
  d.setMinutes(0, 0, 0)
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

async function setDateTime(page, testid, text) {
  const input = byId(page, testid).locator('input')
  await input.click()
  await input.fill(text)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

async function openApp(page, baseUrl) {
  await page.goto(baseUrl)
  await byId(page, 'rooms-table').waitFor()
  assert((await page.title()).startsWith('LiveDesk'), 'window title begins with LiveDesk')
}

async function openNewRoom(page) {
  await byId(page, 'room-new').click()
  await byId(page, 'input-name').waitFor()
}

async function fillValidForm(page, { anchorWechat }) {
  await byId(page, 'input-name').locator('input').fill('春季新品直播')
  await byId(page, 'input-anchorName').locator('input').fill('小美主播')
  await byId(page, 'input-anchorWechat').locator('input').fill(anchorWechat)
  await setDateTime(page, 'input-startTime', pickerTime(26))
  for (const slot of ['cover', 'share', 'feeds']) {
    await byId(page, `image-${slot}-pick`).click()
    await byId(page, `image-${slot}-preview`).waitFor()
  }
}

/** Toasts ("copied", "created") fade after a few seconds; screenshots wait for them. */
async function noToasts(page) {
  await page.waitForFunction(() => document.querySelectorAll('.n-message').length === 0, null, { timeout: 10_000 })
}

/** The app scrolls inside its layout, so a whole screen needs a taller window. */
async function tallShot(page, path, height) {
  const before = page.viewportSize()
  await page.setViewportSize({ width: before.width, height })
  await page.waitForTimeout(200) // let the layout settle after the resize
  await page.screenshot({ path })
  await page.setViewportSize(before)
}

/**
 * Every form item of the create form: its help text sits inside the item, above the feedback line, and the
 * item's box holds all of it (no overlap with the next row). Returns the problems found.
 */
async function formItemOverlaps(page) {
  return page.evaluate(() => {
    const problems = []
    for (const item of document.querySelectorAll('[data-testid^="field-"].n-form-item')) {
      const id = item.getAttribute('data-testid')
      const box = item.getBoundingClientRect()
      const blank = item.querySelector('.n-form-item-blank')?.getBoundingClientRect()
      const fb = item.querySelector('.n-form-item-feedback-wrapper')?.getBoundingClientRect()
      for (const help of item.querySelectorAll('.help')) {
        const h = help.getBoundingClientRect()
        if (blank && h.bottom > blank.bottom + 0.5) problems.push(`${id}: help below its container (${h.bottom} > ${blank.bottom})`)
        if (fb && fb.height > 0 && h.bottom > fb.top + 0.5) problems.push(`${id}: help overlaps the feedback (${h.bottom} > ${fb.top})`)
        if (h.bottom > box.bottom + 0.5) problems.push(`${id}: help outside the item (${h.bottom} > ${box.bottom})`)
      }
    }
    return problems
  })
}

async function fieldFeedback(page, field) {
  const fb = byId(page, `field-${field}`).locator('.n-form-item-feedback')
  return (await fb.count()) ? (await fb.innerText()).trim() : ''
}

export async function createRoomFlow({ page, baseUrl, shots }) {
  await openApp(page, baseUrl)
  // The sandbox account is selected first and tagged as such.
  await byId(page, 'account-switcher').getByText('演示小程序').waitFor()
  assert(await byId(page, 'account-switcher').locator('[data-testid="sandbox-tag"]').isVisible(), 'sandbox tag in switcher')
  await page.getByText('春季新品发布会').waitFor()
  await byId(page, 'rooms-fetched').getByText('更新于').waitFor()
  assert((await page.locator('.status-badge').count()) === 7, 'seven demo rooms with status badges')
  await page.screenshot({ path: join(shots, 'rooms.png') })

  await openNewRoom(page)
  // Too short → the core's message at the field, as the user types.
  await byId(page, 'input-name').locator('input').fill('好')
  await byId(page, 'field-name').locator('.n-form-item-feedback').getByText('6–34').waitFor()
  await page.waitForTimeout(400) // the feedback fades in
  await page.screenshot({ path: join(shots, 'create-field-error.png') })
  // At 1200 px the help texts wrap to two lines: they must not run into the error or the next row.
  const wide = page.viewportSize()
  await page.setViewportSize({ width: 1200, height: wide.height })
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(shots, 'create-field-error-1200.png') })
  const overlaps = await formItemOverlaps(page)
  assert(overlaps.length === 0, `form items hold their help text at 1200 px:\n  ${overlaps.join('\n  ')}`)
  await page.setViewportSize(wide)
  await byId(page, 'input-name').locator('input').fill('春季新品直播')
  await page.waitForFunction(() => !document.querySelector('[data-testid="field-name"] .n-form-item-feedback')?.textContent?.trim())

  await fillValidForm(page, { anchorWechat: 'anchor_mei' })
  // The end is filled two hours after the start.
  const endValue = await byId(page, 'input-endTime').locator('input').inputValue()
  assert(endValue === pickerTime(28), `end time defaults to start + 2 h (got "${endValue}")`)
  for (const slot of ['cover', 'share', 'feeds']) {
    const info = await byId(page, `image-${slot}-info`).innerText()
    assert(/\d+×\d+/.test(info), `${slot} preview shows pixel size (${info})`)
  }
  assert((await byId(page, 'image-cover-info').innerText()).includes('1080×1920'), 'cover is 1080×1920')
  // Validation runs ~250 ms after the last change: wait for it, then no field has an error.
  await page.waitForFunction(() => {
    const last = window.__fake.calls.filter((c) => c.cmd === 'room_validate').at(-1)
    return last && last.args.form.feedsImg !== null
  })
  await page.waitForFunction(() => document.querySelectorAll('.n-form-item-feedback .n-form-item-feedback__line').length === 0)
  for (const f of ['name', 'anchorName', 'anchorWechat', 'startTime', 'endTime', 'coverImg', 'shareImg', 'feedsImg']) {
    assert((await fieldFeedback(page, f)) === '', `no error left at ${f}: "${await fieldFeedback(page, f)}"`)
  }
  // The draft follows the form.
  await page.waitForFunction(() => window.__fake.drafts.sandbox?.anchorWechat === 'anchor_mei')
  await tallShot(page, join(shots, 'create-form.png'), 1420)

  await byId(page, 'create-submit').click()
  await page.waitForURL(/#\/rooms\/\d+$/)
  const created = await calls(page, 'room_create')
  assert(created.length === 1, 'room_create called once')
  const form = created[0].args.form
  assert(form.name === '春季新品直播' && form.roomType === 1, 'sent the typed name, push type')
  assert(form.coverImg && form.shareImg && form.feedsImg, 'sent three images')

  await byId(page, 'push-server').waitFor()
  const server = await byId(page, 'push-server').locator('input').inputValue()
  assert(server === 'rtmp://wxalivepush.weixin.qq.com/live/', `server shown apart (${server})`)
  await byId(page, 'share-qr').waitFor()
  await noToasts(page)
  await tallShot(page, join(shots, 'room-overview.png'), 1000)
  const masked = await byId(page, 'push-key').locator('input').inputValue()
  assert(/^•+$/.test(masked), 'stream key masked until revealed')
  await byId(page, 'push-key-reveal').click()
  const key = await byId(page, 'push-key').locator('input').inputValue()
  assert(/^wxsandbox0000demo-\d+\?txSecret=[0-9a-f]{32}&txTime=[0-9a-f]+$/.test(key), `stream key revealed (${key})`)
  assert(await byId(page, 'push-qr').isVisible(), 'push QR shown')
  await byId(page, 'push-server-copy').click()
  await byId(page, 'push-key-copy').click()
  const clip = await page.evaluate(() => window.__fake.clipboard)
  assert(clip[0] === server && clip[1] === key, 'server and key copied apart')

  // Share code: save the QR through the save dialog; custom params regenerate the code.
  await byId(page, 'save-qr').click()
  await page.waitForFunction(() => window.__fake.calls.some((c) => c.cmd === 'share_save'))
  const saved = (await calls(page, 'share_save'))[0].args
  assert(saved.which === 'qrcode' && saved.path === '/home/anchor/Pictures/saved.png', 'QR saved where the dialog said')
  await page.getByText('添加参数').click()
  await byId(page, 'param-key').locator('input').fill('from')
  await byId(page, 'param-value').locator('input').fill('海报')
  const encoded = encodeURIComponent(JSON.stringify({ from: '海报' }))
  assert((await byId(page, 'params-length').innerText()).startsWith(`${encoded.length} / 600`), 'live length counter')
  await byId(page, 'params-apply').click()
  await page.waitForFunction((p) => window.__fake.calls.some((c) => c.cmd === 'room_share_code' && c.args.params === p), encoded)

  // English and dark theme, for the README.
  await byId(page, 'lang-en').click()
  await byId(page, 'theme-switch').click()
  await page.getByText('Stream key').first().waitFor()
  await noToasts(page)
  await tallShot(page, join(shots, 'room-overview-en-dark.png'), 1000)
  assert((await calls(page, 'set_locale')).some((c) => c.args.locale === 'en'), 'the shell is told the new locale')
}

export async function badNameSendsNothingFlow({ page, baseUrl, shots }) {
  await openApp(page, baseUrl)
  // Keyboard: Tab reaches the switcher, the nav, the language and theme switches and "New room".
  const reached = new Set()
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab')
    const id = await page.evaluate(() => {
      const el = document.activeElement
      return el?.closest('[data-testid]')?.getAttribute('data-testid') ?? el?.id ?? ''
    })
    reached.add(id)
  }
  for (const id of ['nav-rooms', 'nav-accounts', 'theme-switch', 'lang-en', 'room-new', 'room-search', 'room-refresh']) {
    assert(reached.has(id), `Tab reaches ${id} (reached: ${[...reached].join(', ')})`)
  }
  await openNewRoom(page)
  await fillValidForm(page, { anchorWechat: 'anchor_mei' })
  await byId(page, 'input-name').locator('input').fill('好')
  await byId(page, 'create-submit').click()
  await byId(page, 'field-name').locator('.n-form-item-feedback').getByText('6–34').waitFor()
  assert((await calls(page, 'room_create')).length === 0, 'nothing sent with a bad name')
  assert(page.url().endsWith('#/rooms/new'), 'still on the form')

  // The accounts screen: sandbox first and tagged, and it cannot be removed.
  await byId(page, 'nav-accounts').click()
  const rows = byId(page, 'accounts-table').locator('tbody tr')
  await rows.first().waitFor()
  assert((await rows.count()) === 2, 'two accounts listed')
  assert(await rows.first().locator('[data-testid="sandbox-tag"]').isVisible(), 'sandbox first, tagged')
  assert((await rows.first().getByText('移除').count()) === 0, 'no remove button for the sandbox')
  assert((await rows.nth(1).getByText('移除').count()) === 1, 'remove button for a real account')
  await noToasts(page)
  await page.screenshot({ path: join(shots, 'accounts.png') })
}

export async function anchorNotVerifiedFlow({ page, baseUrl, shots }) {
  await openApp(page, baseUrl)
  await openNewRoom(page)
  await fillValidForm(page, { anchorWechat: 'new_anchor_01' })
  await byId(page, 'create-submit').click()
  await byId(page, 'anchor-modal').waitFor()
  assert(await byId(page, 'anchor-qr').isVisible(), 'real-name QR shown')
  const src = await byId(page, 'anchor-qr').getAttribute('src')
  assert(src.startsWith('data:image/'), 'QR comes from a data URL')
  await page.screenshot({ path: join(shots, 'anchor-not-verified.png') })

  // Retry while still unverified: the modal stays, the form is kept.
  await byId(page, 'anchor-retry').click()
  await page.waitForFunction(() => window.__fake.calls.filter((c) => c.cmd === 'room_create').length === 2)
  await byId(page, 'anchor-modal').waitFor()
  assert((await byId(page, 'input-name').locator('input').inputValue()) === '春季新品直播', 'form kept')

  // The anchor scans; retry succeeds.
  await page.evaluate(() => window.__fake.verifyAnchor('new_anchor_01'))
  await byId(page, 'anchor-retry').click()
  await page.waitForURL(/#\/rooms\/\d+$/)
  await byId(page, 'push-server').waitFor()
}

export async function maybeSentFlow({ page, baseUrl, shots }) {
  await openApp(page, baseUrl)
  await openNewRoom(page)
  await fillValidForm(page, { anchorWechat: 'anchor_mei' })
  await page.evaluate(() => window.__fake.cutOffNextCreate())
  await byId(page, 'create-submit').click()
  await byId(page, 'maybe-sent').waitFor()
  assert(await byId(page, 'create-submit').isDisabled(), 'no second create before the list is checked')
  assert((await byId(page, 'input-name').locator('input').inputValue()) === '春季新品直播', 'form kept')
  await noToasts(page)
  await byId(page, 'maybe-sent').scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(shots, 'maybe-sent.png') })
  await byId(page, 'maybe-sent-check').click()
  await page.waitForURL(/#\/rooms\/\d+$/)
  assert((await calls(page, 'room_create')).length === 1, 'one create only')
}

export async function editRoomFlow({ page, baseUrl, shots }) {
  await openApp(page, baseUrl)
  await openNewRoom(page)
  await fillValidForm(page, { anchorWechat: 'anchor_mei' })
  await byId(page, 'create-submit').click()
  await page.waitForURL(/#\/rooms\/\d+$/)
  const id = page.url().match(/rooms\/(\d+)$/)[1]

  // Not started (102): the overview offers Edit, which opens the form prefilled.
  await byId(page, 'room-edit').click()
  await page.waitForURL(new RegExp(`#/rooms/${id}/edit$`))
  await page.waitForFunction(
    () => document.querySelector('[data-testid="input-name"] input')?.value === '春季新品直播',
  )
  assert((await byId(page, 'form-title').innerText()) === '编辑直播间', 'edit title')
  assert((await byId(page, 'input-anchorWechat').locator('input').inputValue()) === '', 'anchor WeChat ID to enter again')
  assert(await byId(page, 'input-subAnchorWechat').locator('input').isDisabled(), 'sub-anchor disabled')
  assert(await byId(page, 'input-createrWechat').locator('input').isDisabled(), 'creator disabled')
  assert(await byId(page, 'input-roomType').locator('input').first().isDisabled(), 'room type disabled')
  await byId(page, 'note-images').waitFor()
  await noToasts(page)
  await tallShot(page, join(shots, 'edit-form.png'), 1500)

  await byId(page, 'input-name').locator('input').fill('夏季新品直播')
  await byId(page, 'input-anchorWechat').locator('input').fill('anchor_mei')
  for (const slot of ['cover', 'share', 'feeds']) {
    await byId(page, `image-${slot}-pick`).click()
    await byId(page, `image-${slot}-preview`).waitFor()
  }
  await byId(page, 'create-submit').click()
  await page.waitForURL(new RegExp(`#/rooms/${id}$`))
  const edits = await calls(page, 'room_edit')
  assert(edits.length === 1 && String(edits[0].args.roomId) === id, 'room_edit called once for the room')
  assert(edits[0].args.form.name === '夏季新品直播', 'the new name sent')
  assert((await calls(page, 'room_create')).length === 1, 'no second room created')
  await page.waitForFunction(() => document.querySelector('[data-testid="room-title"]')?.textContent === '夏季新品直播')
}
