import type { ErrorCode } from './bindings/ErrorCode'
import type { ErrorDetail } from './bindings/ErrorDetail'
import type { IpcError as IpcErrorShape } from './bindings/IpcError'

/**
 * The codes the shell sends are the core's `ErrorCode` (generated); `ipc` is the UI's own: the call
 * itself failed (no Tauri, a malformed answer).
 */
export type IpcErrorCode = ErrorCode | 'ipc'

/**
 * The one error type views see. `message` is already in the user's language (the shell is told the
 * locale with `set_locale`), so views show it as is and branch only on `code`.
 */
export class IpcError extends Error {
  readonly code: IpcErrorCode
  readonly field?: string
  readonly detail?: ErrorDetail

  constructor(code: IpcErrorCode, message: string, field?: string, detail?: ErrorDetail) {
    super(message)
    this.name = 'IpcError'
    this.code = code
    if (field !== undefined) this.field = field
    if (detail !== undefined) this.detail = detail
  }

  /** The real-name QR (a PNG data URL fetched by the core) of an `anchor_not_verified` error. */
  get qrcode(): string | null {
    return this.detail?.qrcode ?? null
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
      isRecord(shape.detail) ? (shape.detail as ErrorDetail) : undefined,
    )
  }
  if (raw instanceof Error) return new IpcError('ipc', raw.message)
  return new IpcError('ipc', typeof raw === 'string' ? raw : JSON.stringify(raw))
}

export function isIpcError(e: unknown): e is IpcError {
  return e instanceof IpcError
}
