// An in-memory stand-in for the Rust shell, for the Chromium flow test only. Bundled on its own and
// injected with page.addInitScript, so the production bundle never contains it.
import { mockIPC } from '@tauri-apps/api/mocks'
import type { AccountView } from '../../src/api/bindings/AccountView'
import type { FieldError } from '../../src/api/bindings/FieldError'
import type { ImageRef } from '../../src/api/bindings/ImageRef'
import type { ImageSlot } from '../../src/api/bindings/ImageSlot'
import type { RoomForm } from '../../src/api/bindings/RoomForm'
import type { RoomView } from '../../src/api/bindings/RoomView'

type Args = Record<string, unknown>
interface Call {
  cmd: string
  args: Args | undefined
}

const now = () => Math.floor(Date.now() / 1000)
let locale: 'zh-CN' | 'en' = 'zh-CN'
const zh = () => locale === 'zh-CN'

function svgUrl(svg: string) {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
function picture(w: number, h: number, from: string, to: string, label: string) {
  return svgUrl(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
      `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
      `<rect width="100%" height="100%" fill="url(#g)"/>` +
      `<text x="50%" y="50%" font-size="${Math.round(w / 9)}" fill="#fff" text-anchor="middle" font-family="sans-serif">${label}</text></svg>`,
  )
}
/** A QR-looking grid (not a real code): enough to see that an image is shown. */
function qrSvg(seed: number) {
  const n = 25
  let s = seed
  const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % 100) / 100
  let cells = ''
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const finder = (x < 7 && y < 7) || (x >= n - 7 && y < 7) || (x < 7 && y >= n - 7)
      const on = finder ? x % 6 === 0 || y % 6 === 0 || (x % 7 >= 2 && x % 7 <= 4 && y % 7 >= 2 && y % 7 <= 4) : rnd() > 0.5
      if (on) cells += `<rect x="${x}" y="${y}" width="1" height="1"/>`
    }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 ${n + 4} ${n + 4}"><rect x="-2" y="-2" width="${n + 4}" height="${n + 4}" fill="#fff"/><g fill="#000">${cells}</g></svg>`
}

const SANDBOX: AccountView = {
  id: 'sandbox',
  name: '演示小程序',
  appId: 'wxsandbox0000demo',
  baseUrl: 'http://127.0.0.1:0',
  sandbox: true,
  secretSet: true,
  verifiedAt: now() - 3600,
}
const accounts: AccountView[] = [
  { id: 'acc-1', name: '旗舰店', appId: 'wx1234567890abcdef', baseUrl: null, sandbox: false, secretSet: true, verifiedAt: null },
  SANDBOX,
]

function room(id: number, name: string, status: number, startOffsetH: number, roomType = 1): RoomView {
  const start = now() + startOffsetH * 3600
  return {
    id,
    name,
    status,
    roomType,
    startTime: start,
    endTime: start + 2 * 3600,
    anchorName: '小美',
    coverImg: picture(72, 96, '#ff7a45', '#f5222d', ''),
    goodsCount: id % 7,
    closeLike: false,
    closeGoods: false,
    closeComment: false,
    closeReplay: true,
    closeShare: false,
    closeKf: true,
    isFeedsPublic: true,
  }
}
const rooms: Record<string, RoomView[]> = {
  sandbox: [
    room(101, '春季新品发布会', 101, -1),
    room(102, '周末秒杀专场', 102, 30),
    room(103, '开学季好物推荐', 103, -72),
    room(104, '违规测试直播间', 104, -200),
    room(105, '茶叶品鉴暂停中', 105, -0.5),
    room(106, '户外直播信号弱', 106, -0.2, 0),
    room(107, '未开播已过期', 107, -400),
  ],
  'acc-1': [room(201, '旗舰店上新', 102, 48)],
}
const drafts: Record<string, RoomForm> = {}
const verifiedAnchors = new Set<string>(['anchor_mei'])
/** Set by a flow: the next create is made, but its answer is lost (as when the connection drops). */
let cutOffNextCreate = false
let nextRoomId = 2001
let nextPick = 0
const calls: Call[] = []
const clipboard: string[] = []

function width(s: string) {
  let n = 0
  for (const ch of s) n += ch.codePointAt(0)! < 0x80 ? 1 : 2
  return n
}
function fe(field: string, code: string, zhMsg: string, enMsg: string): FieldError {
  return { field, code, message: zh() ? zhMsg : enMsg }
}

function validate(f: RoomForm): FieldError[] {
  const errs: FieldError[] = []
  const nw = width(f.name)
  if (nw < 6 || nw > 34) errs.push(fe('name', 'length', '名称须为 3–17 个汉字（6–34 个字符）', 'The name must be 3–17 Chinese characters (6–34 units)'))
  const aw = width(f.anchorName)
  if (aw < 4 || aw > 30) errs.push(fe('anchorName', 'length', '主播昵称须为 2–15 个汉字', 'The anchor name must be 2–15 Chinese characters'))
  if (!f.anchorWechat.trim()) errs.push(fe('anchorWechat', 'required', '请填写主播微信号', 'The anchor WeChat ID is required'))
  const t = now()
  if (f.startTime === null) errs.push(fe('startTime', 'required', '请选择开始时间', 'Choose a start time'))
  else if (f.startTime < t + 600) errs.push(fe('startTime', 'too_soon', '开始时间须在 10 分钟之后', 'The start must be at least 10 minutes from now'))
  else if (f.startTime > t + 180 * 86400) errs.push(fe('startTime', 'too_late', '开始时间不能晚于 6 个月后', 'The start must be within 6 months'))
  if (f.endTime === null) errs.push(fe('endTime', 'required', '请选择结束时间', 'Choose an end time'))
  else if (f.startTime !== null) {
    const d = f.endTime - f.startTime
    if (d < 1800 || d > 86400) errs.push(fe('endTime', 'duration', '时长须为 30 分钟至 24 小时', 'The duration must be 30 minutes to 24 hours'))
  }
  for (const k of ['coverImg', 'shareImg', 'feedsImg'] as const)
    if (!f[k]) errs.push(fe(k, 'required', '请选择图片', 'Choose an image'))
  return errs
}

const SLOT: Record<ImageSlot, { w: number; h: number; bytes: number; colors: [string, string] }> = {
  cover: { w: 1080, h: 1920, bytes: 1_482_113, colors: ['#ff9a3c', '#ff3d77'] },
  share: { w: 800, h: 640, bytes: 402_551, colors: ['#36cfc9', '#2f54eb'] },
  feeds: { w: 800, h: 800, bytes: 98_304, colors: ['#95de64', '#13c2c2'] },
  goods: { w: 300, h: 300, bytes: 24_576, colors: ['#ffd666', '#fa8c16'] },
}

function ipcError(code: string, message: string, field?: string, detail?: Record<string, unknown>) {
  return { code, message, ...(field ? { field } : {}), ...(detail ? { detail } : {}) }
}

function handle(cmd: string, a: Args): unknown {
  const acc = a.accountId as string
  switch (cmd) {
    case 'set_locale':
      locale = a.locale as 'zh-CN' | 'en'
      return null
    case 'app_ready':
      return null
    case 'app_info':
      return { version: '0.1.0', sandboxAccountId: 'sandbox', storeRecovered: null }
    case 'accounts_list':
      return { accounts: [...accounts].sort((x, y) => Number(y.sandbox) - Number(x.sandbox)), keyring: 'ok' }
    case 'account_verify':
      return { ok: true, message: 'ok', checkedAt: now() }
    case 'rooms_cached':
      return { rooms: rooms[acc] ?? [], fetchedAt: now() - 600, fromCache: true }
    case 'rooms_refresh':
      return new Promise((r) => setTimeout(() => r({ rooms: rooms[acc] ?? [], fetchedAt: now(), fromCache: false }), 150))
    case 'room_validate':
      return validate(a.form as RoomForm)
    case 'draft_load':
      return drafts[acc] ?? null
    case 'draft_save':
      drafts[acc] = a.form as RoomForm
      return null
    case 'draft_clear':
      delete drafts[acc]
      return null
    case 'image_prepare': {
      const slot = a.slot as ImageSlot
      const s = SLOT[slot]
      const ref: ImageRef = {
        slot,
        localId: `${slot}-${Date.now()}`,
        width: s.w,
        height: s.h,
        bytes: s.bytes,
        preview: picture(s.w / 10, s.h / 10, s.colors[0], s.colors[1], slot),
        mediaId: null,
        uploadedAt: null,
      }
      return new Promise((r) => setTimeout(() => r(ref), 100))
    }
    case 'room_create': {
      const f = a.form as RoomForm
      const errs = validate(f)
      if (errs[0]) throw ipcError('validation', errs[0].message, errs[0].field, { rule: errs[0].code })
      if (!verifiedAnchors.has(f.anchorWechat)) {
        throw ipcError(
          'anchor_not_verified',
          zh() ? '主播微信号未实名认证（300036）' : 'The anchor WeChat ID is not real-name verified (300036)',
          'anchorWechat',
          { errcode: 300036, qrcode: svgUrl(qrSvg(36)), qrcodeUrl: 'https://example.invalid/qrcode' },
        )
      }
      const id = nextRoomId++
      const created: RoomView = {
        ...room(id, f.name, 102, 0, f.roomType),
        startTime: f.startTime!,
        endTime: f.endTime!,
        anchorName: f.anchorName,
        coverImg: f.coverImg?.preview ?? '',
      }
      ;(rooms[acc] ??= []).unshift(created)
      if (cutOffNextCreate) {
        cutOffNextCreate = false
        throw ipcError('maybe_sent', zh() ? '创建请求可能已到达微信，但没有收到答复。' : 'The create request may have reached WeChat, but no answer came back.')
      }
      delete drafts[acc]
      return new Promise((r) => setTimeout(() => r({ roomId: id }), 300))
    }
    case 'room_find_created': {
      const f = a.form as RoomForm
      const found = (rooms[acc] ?? []).find(
        (r) => r.name === f.name && r.startTime === f.startTime && r.endTime === f.endTime && r.anchorName === f.anchorName,
      )
      if (found) delete drafts[acc]
      return found ? { roomId: found.id } : null
    }
    case 'room_edit_load': {
      const r = (rooms[acc] ?? []).find((x) => x.id === a.roomId)
      if (!r) throw ipcError('not_found', zh() ? `找不到：room ${String(a.roomId)}` : `Not found: room ${String(a.roomId)}`)
      return {
        name: r.name, anchorName: r.anchorName, anchorWechat: '', subAnchorWechat: '', createrWechat: '',
        startTime: r.startTime, endTime: r.endTime, roomType: r.roomType,
        closeLike: r.closeLike, closeGoods: r.closeGoods, closeComment: r.closeComment, closeReplay: r.closeReplay,
        closeShare: r.closeShare, closeKf: r.closeKf, isFeedsPublic: r.isFeedsPublic,
        coverImg: null, shareImg: null, feedsImg: null,
      } satisfies RoomForm
    }
    case 'room_edit': {
      const f = a.form as RoomForm
      const r = (rooms[acc] ?? []).find((x) => x.id === a.roomId)
      if (!r) throw ipcError('not_found', zh() ? `找不到：room ${String(a.roomId)}` : `Not found: room ${String(a.roomId)}`)
      if (r.status !== 102)
        throw ipcError('wechat', zh() ? '只有尚未开播的直播间可以编辑' : 'Only rooms that have not started can be edited', undefined, { errcode: 300023 })
      const errs = validate(f)
      if (errs[0]) throw ipcError('validation', errs[0].message, errs[0].field, { rule: errs[0].code })
      Object.assign(r, {
        name: f.name, anchorName: f.anchorName, startTime: f.startTime!, endTime: f.endTime!,
        closeLike: f.closeLike, closeGoods: f.closeGoods, closeComment: f.closeComment, closeReplay: f.closeReplay,
        closeShare: f.closeShare, closeKf: f.closeKf, isFeedsPublic: f.isFeedsPublic, coverImg: f.coverImg?.preview ?? r.coverImg,
      })
      return new Promise((res) => setTimeout(() => res(null), 200))
    }
    case 'room_delete':
      rooms[acc] = (rooms[acc] ?? []).filter((r) => r.id !== a.roomId)
      return null
    case 'room_push_address': {
      const id = a.roomId as number
      const txTime = (now() + 86400).toString(16)
      const stream = `wxsandbox0000demo-${id}?txSecret=0f1e2d3c4b5a69788796a5b4c3d2e1f0&txTime=${txTime}`
      const server = 'rtmp://wxalivepush.weixin.qq.com/live/'
      return { server, streamKey: stream, fullUrl: server + stream, expiresAt: now() + 86400, qrSvg: qrSvg(id) }
    }
    case 'room_share_code':
      return {
        pagePath: `plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id=${a.roomId as number}`,
        qrcode: svgUrl(qrSvg((a.roomId as number) + 7)),
        poster: picture(300, 480, '#722ed1', '#eb2f96', '直播海报'),
      }
    case 'share_save':
      return null
    case 'plugin:dialog|open':
      return `/home/anchor/Pictures/picked-${nextPick++}.png`
    case 'plugin:dialog|save':
      return '/home/anchor/Pictures/saved.png'
    case 'plugin:clipboard-manager|write_text':
      clipboard.push(a.text as string)
      return null
    default:
      throw ipcError('not_found', `fake IPC: no command ${cmd}`)
  }
}

mockIPC(async (cmd, payload) => {
  const args = (payload ?? {}) as Args
  calls.push({ cmd, args: JSON.parse(JSON.stringify(args)) as Args })
  return handle(cmd, args)
})

declare global {
  interface Window {
    __fake: { calls: Call[]; clipboard: string[]; verifyAnchor(id: string): void; cutOffNextCreate(): void; drafts: typeof drafts }
  }
}
window.__fake = {
  calls,
  clipboard,
  drafts,
  verifyAnchor: (id) => verifiedAnchors.add(id),
  cutOffNextCreate: () => {
    cutOffNextCreate = true
  },
}
