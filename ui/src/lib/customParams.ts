// custom_params for the live-player-plugin: encodeURIComponent(JSON.stringify(obj)), at most 600
// characters (reference §7; longer is truncated by WeChat, so we refuse it). The limit is the core's.
import { CUSTOM_PARAMS_MAX } from '@/api/bindings/rules'

export { CUSTOM_PARAMS_MAX }

export interface ParamRow {
  key: string
  value: string
}

export interface EncodedParams {
  /** null when there is nothing to send */
  encoded: string | null
  length: number
  tooLong: boolean
  duplicateKeys: string[]
}

export function encodeCustomParams(rows: ParamRow[]): EncodedParams {
  const obj: Record<string, string> = {}
  const seen = new Set<string>()
  const duplicateKeys: string[] = []
  for (const { key, value } of rows) {
    const k = key.trim()
    if (!k) continue
    if (seen.has(k)) duplicateKeys.push(k)
    seen.add(k)
    obj[k] = value
  }
  if (seen.size === 0) return { encoded: null, length: 0, tooLong: false, duplicateKeys }
  const encoded = encodeURIComponent(JSON.stringify(obj))
  return { encoded, length: encoded.length, tooLong: encoded.length > CUSTOM_PARAMS_MAX, duplicateKeys }
}
