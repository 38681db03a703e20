import { useMessage } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import * as api from '@/api'

/** Copies through the clipboard plugin and says so. */
export function useCopy() {
  const message = useMessage()
  const { t } = useI18n()
  return async (text: string) => {
    try {
      await api.copyText(text)
      message.success(t('common.copied'))
    } catch (e) {
      message.error(t('common.copyFailed', { message: api.toIpcError(e).message }))
    }
  }
}
