// The IPC boundary itself, against Tauri's own IPC mock: argument names, typed results, typed errors.
import { afterEach, describe, expect, it } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import * as api from '@/api'
import { emptyRoomForm } from '@/lib/roomForm'

afterEach(() => clearMocks())

describe('api', () => {
  it('sends camelCase arguments and returns the typed result', async () => {
    const seen: { cmd: string; args: unknown }[] = []
    mockIPC((cmd, args) => {
      seen.push({ cmd, args })
      if (cmd === 'room_push_address')
        return { server: 'rtmp://s/live/', streamKey: 'k', fullUrl: 'rtmp://s/live/k', expiresAt: 1, qrSvg: '<svg/>' }
      return null
    })
    const push = await api.roomPushAddress('sandbox', 42)
    expect(push.server).toBe('rtmp://s/live/')
    await api.shareSave('sandbox', 42, 'poster', '/tmp/p.png')
    expect(seen).toEqual([
      { cmd: 'room_push_address', args: { accountId: 'sandbox', roomId: 42 } },
      { cmd: 'share_save', args: { accountId: 'sandbox', roomId: 42, which: 'poster', path: '/tmp/p.png' } },
    ])
  })

  it('turns a rejected {code, message, field, detail} into an IpcError', async () => {
    mockIPC(() => {
      throw {
        code: 'anchor_not_verified',
        message: '主播未实名',
        field: 'anchorWechat',
        detail: { qrcode: 'data:image/png;base64,AAAA', qrcodeUrl: 'x' },
      }
    })
    const err = await api.roomCreate('sandbox', emptyRoomForm()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(api.IpcError)
    const e = err as api.IpcError
    expect(e.code).toBe('anchor_not_verified')
    expect(e.message).toBe('主播未实名')
    expect(e.field).toBe('anchorWechat')
    expect(e.qrcode).toBe('data:image/png;base64,AAAA')
  })

  it('wraps a plain string rejection as code "ipc"', async () => {
    mockIPC(() => {
      throw 'command room_create not found'
    })
    const e = (await api.roomCreate('sandbox', emptyRoomForm()).catch((x: unknown) => x)) as api.IpcError
    expect(e).toBeInstanceOf(api.IpcError)
    expect(e.code).toBe('ipc')
    expect(e.message).toContain('not found')
  })

  it('uses the dialog and clipboard plugins through their IPC commands', async () => {
    const seen: string[] = []
    mockIPC((cmd, args) => {
      seen.push(cmd)
      if (cmd === 'plugin:dialog|open') return '/home/a/cover.png'
      if (cmd === 'plugin:clipboard-manager|write_text') expect((args as { text: string }).text).toBe('rtmp://x')
      return null
    })
    expect(await api.pickImage('Cover', 'Images')).toBe('/home/a/cover.png')
    await api.copyText('rtmp://x')
    expect(seen).toEqual(['plugin:dialog|open', 'plugin:clipboard-manager|write_text'])
  })
})
