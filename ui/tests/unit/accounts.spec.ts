import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as commands from '@/api/commands'
import { IpcError, type AccountView } from '@/api'
import AccountsView from '@/views/AccountsView.vue'
import { SANDBOX, mountInApp } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

const SHOP: AccountView = { id: 'a1', name: '旗舰店', appId: 'wx123', baseUrl: null, sandbox: false, secretSet: true, verifiedAt: null }

function fill(testid: string, value: string) {
  const el = document.querySelector<HTMLInputElement>(`[data-testid="${testid}"] input`)!
  el.value = value
  el.dispatchEvent(new Event('input'))
}
const click = (testid: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`)!.click()

beforeEach(() => {
  document.body.innerHTML = ''
})

describe('accounts', () => {
  it('lists the sandbox first, tagged, without a remove button', async () => {
    const { wrapper, store } = await mountInApp(AccountsView)
    store.accounts = [SANDBOX, SHOP]
    await flushPromises()
    const rows = document.querySelectorAll('[data-testid="accounts-table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.querySelector('[data-testid="sandbox-tag"]')).not.toBeNull()
    expect(rows[0]!.textContent).not.toContain('移除')
    expect(rows[1]!.textContent).toContain('移除')
    expect(rows[1]!.textContent).toContain('已设置')
    wrapper.unmount()
  })

  it('shows the accounts with a banner when the keyring could not be asked', async () => {
    const { wrapper, store } = await mountInApp(AccountsView)
    store.accounts = [SANDBOX, { ...SHOP, secretSet: null }]
    store.keyring = 'locked'
    await flushPromises()
    const banner = document.querySelector('[data-testid="keyring-banner"]')!
    expect(banner.textContent).toContain('已锁定')
    expect(banner.textContent).toContain('解锁')
    const rows = document.querySelectorAll('[data-testid="accounts-table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[1]!.textContent).toContain('无法确认')
    expect(rows[1]!.textContent).not.toContain('未设置')

    api.accountsList.mockResolvedValue({ accounts: [SANDBOX, SHOP], keyring: 'ok' })
    document.querySelector<HTMLButtonElement>('[data-testid="keyring-retry"]')!.click()
    await flushPromises()
    expect(document.querySelector('[data-testid="keyring-banner"]')).toBeNull()
    expect(document.querySelectorAll('[data-testid="accounts-table"] tbody tr')[1]!.textContent).toContain('已设置')
    wrapper.unmount()
  })

  it('adds an account, sending the secret once and keeping it nowhere', async () => {
    api.accountAdd.mockResolvedValue(SHOP)
    const { wrapper, store } = await mountInApp(AccountsView)
    click('account-add')
    await flushPromises()
    fill('add-name', '旗舰店')
    fill('add-appid', 'wx123')
    fill('add-secret', 's3cr3t-value')
    await flushPromises()
    click('add-submit')
    await flushPromises()
    expect(api.accountAdd).toHaveBeenCalledWith({ name: '旗舰店', appId: 'wx123', secret: 's3cr3t-value', baseUrl: null })
    expect(store.accounts.map((a) => a.id)).toEqual(['sandbox', 'a1'])
    expect(JSON.stringify(store.$state)).not.toContain('s3cr3t-value')
    expect(JSON.stringify(localStorage)).not.toContain('s3cr3t-value')
    wrapper.unmount()
  })

  it('explains a locked keyring and what to do', async () => {
    api.accountAdd.mockRejectedValue(new IpcError('keyring_locked', 'Secret Service: no result found'))
    const { wrapper } = await mountInApp(AccountsView)
    click('account-add')
    await flushPromises()
    fill('add-name', '旗舰店')
    fill('add-appid', 'wx123')
    fill('add-secret', 'x')
    await flushPromises()
    click('add-submit')
    await flushPromises()
    const alert = document.querySelector('[data-testid="keyring-alert"]')!
    expect(alert.textContent).toContain('系统钥匙串已锁定')
    expect(alert.textContent).toContain('解锁')
    expect(alert.textContent).toContain('Secret Service: no result found')
    wrapper.unmount()
  })

  it('puts a field error from the shell at its field, and requires the three fields', async () => {
    api.accountAdd.mockRejectedValue(new IpcError('validation', 'AppID 格式不正确', 'appId'))
    const { wrapper } = await mountInApp(AccountsView)
    click('account-add')
    await flushPromises()
    click('add-submit')
    await flushPromises()
    expect(api.accountAdd).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('必填')
    fill('add-name', 'n')
    fill('add-appid', 'bad')
    fill('add-secret', 'x')
    await flushPromises()
    click('add-submit')
    await flushPromises()
    expect(document.body.textContent).toContain('AppID 格式不正确')
    wrapper.unmount()
  })
})
