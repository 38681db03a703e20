import { createI18n } from 'vue-i18n'
import { messages, type MessageSchema } from './messages'
import type { Locale } from '@/api'

export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
]

export type { MessageSchema }

export function makeI18n(locale: Locale = 'zh-CN') {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages,
  })
}
