// One typed function per command the shell registers (a Rust test holds this file against its list).
// Argument names are camelCase: Tauri maps them to the Rust functions' snake_case parameters.
import { call } from './ipc'
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

export type ShareWhich = ShareImage

export const setLocale = (locale: Locale) => call<void>('set_locale', { locale })
export const appInfo = () => call<AppInfo>('app_info')
/**
 * Tells the shell the page is interactive (`dataMs` null) or the start view's data is on screen
 * (`dataMs`: the page's time then). It logs both; `make bench` measures them.
 */
export const appReady = (pageMs: number, dataMs: number | null) => call<void>('app_ready', { pageMs, dataMs })

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
export const roomShareCode = (accountId: string, roomId: number, params: string | null) =>
  call<ShareCode>('room_share_code', { accountId, roomId, params })
export const shareSave = (accountId: string, roomId: number, which: ShareWhich, path: string) =>
  call<void>('share_save', { accountId, roomId, which, path })
