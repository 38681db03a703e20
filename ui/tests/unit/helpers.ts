import { defineComponent, h, type Component } from 'vue'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { NConfigProvider, NDialogProvider, NMessageProvider } from 'naive-ui'
import { makeI18n } from '@/i18n'
import { makeRouter } from '@/router'
import { useAppStore } from '@/stores/app'
import type { AccountView, Locale } from '@/api'

export const SANDBOX: AccountView = {
  id: 'sandbox',
  name: '演示小程序',
  appId: 'wxsandbox',
  baseUrl: null,
  sandbox: true,
  secretSet: true,
  verifiedAt: null,
}

/** Mounts a component the way the app does: providers, Pinia, i18n, router; sandbox selected. */
export async function mountInApp(
  component: Component,
  opts: { props?: Record<string, unknown>; locale?: Locale; path?: string; bare?: boolean } = {},
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = makeI18n(opts.locale ?? 'zh-CN')
  const router = makeRouter(true)
  await router.push(opts.path ?? '/rooms')
  await router.isReady()
  const store = useAppStore()
  store.accounts = [SANDBOX]
  store.currentAccountId = SANDBOX.id

  const Wrapper = defineComponent({
    setup: () => () =>
      opts.bare
        ? h(component, opts.props)
        : h(NConfigProvider, null, {
            default: () =>
              h(NMessageProvider, null, {
                default: () => h(NDialogProvider, null, { default: () => h(component, opts.props) }),
              }),
          }),
  })
  const wrapper = mount(Wrapper, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, store, i18n, router }
}

/** The text of a form item's feedback line (its error), '' when none. */
export function feedbackOf(root: Element | Document, testid: string): string {
  const item = root.querySelector(`[data-testid="${testid}"]`)
  return item?.querySelector('.n-form-item-feedback')?.textContent?.trim() ?? ''
}
