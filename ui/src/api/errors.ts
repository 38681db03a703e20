import type { IpcError as IpcErrorShape } from './bindings/IpcError'

/** Stable machine codes the shell sends (brief/ipc-contract.md, "Errors"). */
export type IpcErrorCode =
  | 'validation'
  | 'wechat'
  | 'anchor_not_verified'
  | 'network'
  | 'timeout'
  | 'keyring_unavailable'
  | 'keyring_locked'
  | 'not_found'
  | 'storage'
  | 'image'
  | 'config'
  // Not from the shell: the call itself failed (no Tauri, malformed answer).
  | 'ipc'

/**
 * The one error type views see. `message` is already in the user's language (the shell is told the
 * locale with `set_locale`), so views show it as is and branch only on `code`.
 */
export class IpcError extends Error {
  readonly code: string
  readonly field?: string
  readonly detail?: Record<string, unknown>

  constructor(code: string, message: string, field?: string, detail?: Record<string, unknown>) {
    super(message)
    this.name = 'IpcError'
    this.code = code
    if (field !== undefined) this.field = field
    if (detail !== undefined) this.detail = detail
  }

  /** The real-name QR (a PNG data URL fetched by the core) of an `anchor_not_verified` error. */
  get qrcode(): string | null {
    const q = this.detail?.qrcode
    return typeof q === 'string' ? q : null
  }

  is(code: IpcErrorCode): boolean {
    return this.code === code
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Turns whatever `invoke` rejected with into an IpcError. */
export function toIpcError(raw: unknown): IpcError {
  if (raw instanceof IpcError) return raw
  if (isRecord(raw) && typeof raw.code === 'string' && typeof raw.message === 'string') {
    const shape = raw as IpcErrorShape
    return new IpcError(
      shape.code,
      shape.message,
      typeof shape.field === 'string' ? shape.field : undefined,
      isRecord(shape.detail) ? shape.detail : undefined,
    )
  }
  if (raw instanceof Error) return new IpcError('ipc', raw.message)
  return new IpcError('ipc', typeof raw === 'string' ? raw : JSON.stringify(raw))
}

export function isIpcError(e: unknown): e is IpcError {
  return e instanceof IpcError
}
