// One typed function per command the shell registers (a Rust test holds this file against its list).
// Argument names are camelCase: Tauri maps them to the Rust functions' snake_case parameters.
import { Channel } from '@tauri-apps/api/core'
import { call } from './ipc'
import type { DownloadProgress } from './bindings/DownloadProgress'
import type { GoodsChange } from './bindings/GoodsChange'
import type { GoodsForm } from './bindings/GoodsForm'
import type { GoodsRow } from './bindings/GoodsRow'
import type { GoodsView } from './bindings/GoodsView'
import type { JournalFilter } from './bindings/JournalFilter'
import type { JournalPage } from './bindings/JournalPage'
import type { LibraryPage } from './bindings/LibraryPage'
import type { PageRequest } from './bindings/PageRequest'
import type { RoomSummary } from './bindings/RoomSummary'
import type { Shelf } from './bindings/Shelf'
import type { SyncDone } from './bindings/SyncDone'
import type { SyncProgress } from './bindings/SyncProgress'
import type { VideoSaved } from './bindings/VideoSaved'
import type { AccountList } from './bindings/AccountList'
import type { AccountView } from './bindings/AccountView'
import type { AppInfo } from './bindings/AppInfo'
import type { FieldError } from './bindings/FieldError'
import type { ImageRef } from './bindings/ImageRef'
import type { ImageSlot } from './bindings/ImageSlot'
import type { Locale } from './bindings/Locale'
import type { NewAccount } from './bindings/NewAccount'
import type { PushAddress } from './bindings/PushAddress'
import type { RoomCreated } from './bindings/RoomCreated'
import type { RoomForm } from './bindings/RoomForm'
import type { RoomList } from './bindings/RoomList'
import type { ShareCode } from './bindings/ShareCode'
import type { ShareImage } from './bindings/ShareImage'
import type { VerifyResult } from './bindings/VerifyResult'
import type { ActionKind } from './bindings/ActionKind'
import type { ConsoleEvent } from './bindings/ConsoleEvent'
import type { ConsoleState } from './bindings/ConsoleState'
import type { HotkeyStatus } from './bindings/HotkeyStatus'
import type { ItemInput } from './bindings/ItemInput'
import type { QueuedAction } from './bindings/QueuedAction'
import type { Rundown } from './bindings/Rundown'
import type { Stepped } from './bindings/Stepped'
import type { ProbeReport } from './bindings/ProbeReport'
import type { ObsSent } from './bindings/ObsSent'
import type { ObsSettings } from './bindings/ObsSettings'
import type { ObsSettingsInput } from './bindings/ObsSettingsInput'
import type { ObsStatus } from './bindings/ObsStatus'
import type { SnippetsView } from './bindings/SnippetsView'
import type { StartGuide } from './bindings/StartGuide'
import type { VerdictView } from './bindings/VerdictView'
import type { DestinationAddressView } from './bindings/DestinationAddressView'
import type { DestinationInput } from './bindings/DestinationInput'
import type { DestinationView } from './bindings/DestinationView'

export type ShareWhich = ShareImage

export const setLocale = (locale: Locale) => call<void>('set_locale', { locale })
export const appInfo = () => call<AppInfo>('app_info')
/**
 * Tells the shell the page is interactive (`dataMs` null) or the start view's data is on screen
 * (`dataMs`: the page's time then, `marks` the milestones on the way). It logs both; `make bench`
 * measures them.
 */
export const appReady = (pageMs: number, dataMs: number | null, marks: [string, number][] = []) =>
  call<void>('app_ready', { pageMs, dataMs, marks })

export const accountsList = () => call<AccountList>('accounts_list')
export const accountAdd = (input: NewAccount) => call<AccountView>('account_add', { input })
export const accountRename = (id: string, name: string) => call<AccountView>('account_rename', { id, name })
export const accountSetSecret = (id: string, secret: string) =>
  call<AccountView>('account_set_secret', { id, secret })
export const accountRemove = (id: string) => call<void>('account_remove', { id })
export const accountVerify = (id: string) => call<VerifyResult>('account_verify', { id })

export const roomsCached = (accountId: string) => call<RoomList>('rooms_cached', { accountId })
export const roomsRefresh = (accountId: string) => call<RoomList>('rooms_refresh', { accountId })

export const roomValidate = (accountId: string, form: RoomForm) =>
  call<FieldError[]>('room_validate', { accountId, form })
export const draftLoad = (accountId: string) => call<RoomForm | null>('draft_load', { accountId })
export const draftSave = (accountId: string, form: RoomForm) => call<void>('draft_save', { accountId, form })
export const draftClear = (accountId: string) => call<void>('draft_clear', { accountId })

export const imagePrepare = (slot: ImageSlot, path: string) => call<ImageRef>('image_prepare', { slot, path })

export const roomCreate = (accountId: string, form: RoomForm) =>
  call<RoomCreated>('room_create', { accountId, form })
/** After a `maybe_sent` create: looks for the room in a fresh list (null when it is not there). */
export const roomFindCreated = (accountId: string, form: RoomForm) =>
  call<RoomCreated | null>('room_find_created', { accountId, form })
export const roomEditLoad = (accountId: string, roomId: number) =>
  call<RoomForm>('room_edit_load', { accountId, roomId })
export const roomEdit = (accountId: string, roomId: number, form: RoomForm) =>
  call<void>('room_edit', { accountId, roomId, form })
export const roomDelete = (accountId: string, roomId: number) => call<void>('room_delete', { accountId, roomId })
export const roomPushAddress = (accountId: string, roomId: number) =>
  call<PushAddress>('room_push_address', { accountId, roomId })
/** "Test address": connects and asks to publish, sends no media; says what the server did. */
export const pushAddressTest = (server: string, streamKey: string) =>
  call<ProbeReport>('push_address_test', { server, streamKey })
export const roomShareCode = (accountId: string, roomId: number, params: string | null) =>
  call<ShareCode>('room_share_code', { accountId, roomId, params })
export const shareSave = (accountId: string, roomId: number, which: ShareWhich, path: string) =>
  call<void>('share_save', { accountId, roomId, which, path })

/** A channel whose messages go to `onMessage` (long work reports its progress through one, the console its events). */
function progressChannel<T>(onMessage: (m: T) => void): Channel<T> {
  const ch = new Channel<T>()
  ch.onmessage = onMessage
  return ch
}

export const goodsSync = (accountId: string, onProgress: (p: SyncProgress) => void) =>
  call<SyncDone>('goods_sync', { accountId, progress: progressChannel(onProgress) })
export const goodsPage = (accountId: string, status: number, search: string, offset: number, limit: number) =>
  call<LibraryPage>('goods_page', { accountId, status, search, offset, limit })
export const goodsValidate = (form: GoodsForm) => call<FieldError[]>('goods_validate', { form })
export const goodsDraftLoad = (accountId: string) => call<GoodsForm | null>('goods_draft_load', { accountId })
export const goodsDraftSave = (accountId: string, form: GoodsForm) => call<void>('goods_draft_save', { accountId, form })
export const goodsDraftClear = (accountId: string) => call<void>('goods_draft_clear', { accountId })
export const goodsAdd = (accountId: string, form: GoodsForm) => call<GoodsView>('goods_add', { accountId, form })
export const goodsUpdate = (accountId: string, change: GoodsChange) =>
  call<GoodsView>('goods_update', { accountId, change })
export const goodsDelete = (accountId: string, goodsId: number) => call<void>('goods_delete', { accountId, goodsId })
export const goodsResetAudit = (accountId: string, goodsId: number) =>
  call<GoodsView>('goods_reset_audit', { accountId, goodsId })
export const goodsResubmit = (accountId: string, goodsId: number) =>
  call<GoodsView>('goods_resubmit', { accountId, goodsId })
/** The audit state of `goodsIds` (empty: the goods under review). */
export const goodsRefreshAudit = (accountId: string, goodsIds: number[]) =>
  call<GoodsRow[]>('goods_refresh_audit', { accountId, goodsIds })

export const shelfList = (accountId: string, roomId: number) => call<Shelf>('shelf_list', { accountId, roomId })
export const shelfImport = (accountId: string, roomId: number, goodsIds: number[]) =>
  call<void>('shelf_import', { accountId, roomId, goodsIds })
export const shelfSort = (accountId: string, roomId: number, goodsIds: number[]) =>
  call<void>('shelf_sort', { accountId, roomId, goodsIds })
export const shelfSaveVideo = (
  accountId: string,
  roomId: number,
  goodsId: number,
  path: string,
  onProgress: (p: DownloadProgress) => void,
) => call<VideoSaved>('shelf_save_video', { accountId, roomId, goodsId, path, progress: progressChannel(onProgress) })

export const journalList = (filter: JournalFilter, page: PageRequest) =>
  call<JournalPage>('journal_list', { filter, page })
export const journalExport = (filter: JournalFilter, path: string) => call<number>('journal_export', { filter, path })
export const journalRoomSummary = (accountId: string, roomId: number) =>
  call<RoomSummary>('journal_room_summary', { accountId, roomId })

export const liveAct = (accountId: string, roomId: number, action: ActionKind) =>
  call<QueuedAction>('live_act', { accountId, roomId, action })
export const liveRetry = (accountId: string, roomId: number, id: number) =>
  call<QueuedAction>('live_retry', { accountId, roomId, id })
export const liveState = (accountId: string, roomId: number) => call<ConsoleState>('live_state', { accountId, roomId })
/** Unlocks removing and deleting in a live room; answers until when (unix ms). */
export const liveUnlock = (accountId: string, roomId: number) => call<number>('live_unlock', { accountId, roomId })
export const liveRelock = (accountId: string, roomId: number) => call<void>('live_relock', { accountId, roomId })
/** Every console event from now on goes to `onEvent` (one follow per window: a later one replaces it). */
export const liveFollow = (onEvent: (e: ConsoleEvent) => void) =>
  call<void>('live_follow', { channel: progressChannel(onEvent) })
/** The room the push-next hotkey drives (null: none). */
export const liveArm = (accountId: string | null, roomId: number | null) => call<void>('live_arm', { accountId, roomId })
/** The account whose rooms' live status the shell polls (null: none). */
export const monitorWatch = (accountId: string | null) => call<void>('monitor_watch', { accountId })

export const rundownGet = (accountId: string, roomId: number) => call<Rundown>('rundown_get', { accountId, roomId })
export const rundownAdd = (accountId: string, roomId: number, item: ItemInput, after: number | null) =>
  call<Rundown>('rundown_add', { accountId, roomId, item, after })
export const rundownEdit = (accountId: string, roomId: number, id: number, item: ItemInput) =>
  call<Rundown>('rundown_edit', { accountId, roomId, id, item })
export const rundownSkip = (accountId: string, roomId: number, id: number, skipped: boolean) =>
  call<Rundown>('rundown_skip', { accountId, roomId, id, skipped })
export const rundownRemove = (accountId: string, roomId: number, id: number) =>
  call<Rundown>('rundown_remove', { accountId, roomId, id })
export const rundownReorder = (accountId: string, roomId: number, ids: number[]) =>
  call<Rundown>('rundown_reorder', { accountId, roomId, ids })
export const rundownGoTo = (accountId: string, roomId: number, id: number | null) =>
  call<Rundown>('rundown_go_to', { accountId, roomId, id })
export const rundownPushNext = (accountId: string, roomId: number) =>
  call<Stepped>('rundown_push_next', { accountId, roomId })

export const hotkeyStatus = () => call<HotkeyStatus>('hotkey_status')
export const hotkeySet = (accelerator: string) => call<HotkeyStatus>('hotkey_set', { accelerator })

export const anchorOpen = (accountId: string, roomId: number) => call<void>('anchor_open', { accountId, roomId })
export const windowFullscreen = (on: boolean) => call<void>('window_fullscreen', { on })
/** Closes the calling window (the anchor view's close button). */
export const windowClose = () => call<void>('window_close')

export const obsStatus = () => call<ObsStatus>('obs_status')
export const obsSettingsSet = (input: ObsSettingsInput) => call<ObsSettings>('obs_settings_set', { input })
export const obsReconnect = () => call<void>('obs_reconnect')
export const obsSendRoom = (accountId: string, roomId: number) => call<ObsSent>('obs_send_room', { accountId, roomId })
export const obsStream = (on: boolean) => call<void>('obs_stream', { on })

export const startVerdict = (accountId: string) => call<VerdictView>('start_verdict', { accountId })
export const startGuide = () => call<StartGuide>('start_guide')
export const startSnippets = (accountId: string, roomId: number, customParams: string | null, playUrl: string | null) =>
  call<SnippetsView>('start_snippets', { accountId, roomId, customParams, playUrl })

export const destinationsList = () => call<DestinationView[]>('destinations_list')
export const destinationSave = (id: number | null, input: DestinationInput) => call<DestinationView>('destination_save', { id, input })
export const destinationDelete = (id: number) => call<void>('destination_delete', { id })
export const destinationAddress = (id: number) => call<DestinationAddressView>('destination_address', { id })
export const destinationSendObs = (id: number) => call<ObsSent>('destination_send_obs', { id })
