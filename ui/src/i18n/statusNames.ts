// The live statuses' names are the core's (bindings/rules.ts, generated): the messages take them
// from there rather than keeping a copy.
import { STATUS_RULES } from '@/api/bindings/rules'

type StatusKey = (typeof STATUS_RULES)[keyof typeof STATUS_RULES]['key'] | 'unknown'

export function statusNames(lang: 'zh' | 'en', unknown: string): Record<StatusKey, string> {
  const out = { unknown } as Record<StatusKey, string>
  for (const rule of Object.values(STATUS_RULES)) out[rule.key] = rule[lang]
  return out
}
