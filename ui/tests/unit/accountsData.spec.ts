// useAccounts against a mocked shell: each action keeps the app store's list current and answers
// how it ended.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import * as commands from '@/api/commands'
import { IpcError, type AccountView } from '@/api'
import { useAppStore } from '@/stores/app'
import { useAccounts } from '@/composables/useAccounts'
import { SANDBOX } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

const shop: AccountView = { ...SANDBOX, id: 'shop', name: '茶叶小店', appId: 'wx1234567890abcdef', sandbox: false }

beforeEach(() => {
  vi.resetAllMocks()
  localStorage.clear()
  setActivePinia(createPinia())
  useAppStore().accounts = [SANDBOX]
})

describe('the accounts\' data', () => {
  it('adds an account to the list, and answers a keyring refusal without adding it', async () => {
    const accounts = useAccounts()
    const store = useAppStore()
    api.accountAdd.mockRejectedValueOnce(new IpcError('keyring_locked', '钥匙串已锁定'))
    const refused = await accounts.add({ name: '茶叶小店', appId: shop.appId, secret: 's', baseUrl: null })
    expect(refused.ok ? null : refused.error.code).toBe('keyring_locked')
    expect(store.accounts.map((a) => a.id)).toEqual(['sandbox'])
    expect(accounts.adding.value).toBe(false)

    api.accountAdd.mockResolvedValueOnce(shop)
    expect((await accounts.add({ name: '茶叶小店', appId: shop.appId, secret: 's', baseUrl: null })).ok).toBe(true)
    expect(store.accounts.map((a) => a.id)).toEqual(['sandbox', 'shop'])
  })

  it('keeps the verification per account and reads the list again', async () => {
    const accounts = useAccounts()
    api.accountVerify.mockResolvedValueOnce({ ok: false, errcode: 40125, message: 'AppSecret 无效' } as never)
    api.accountsList.mockResolvedValueOnce({ accounts: [SANDBOX], keyring: 'ok' })
    const out = await accounts.verify('sandbox')
    expect(out.ok && out.value.ok).toBe(false)
    expect(accounts.verifyResults.value.sandbox?.message).toBe('AppSecret 无效')
    expect(api.accountsList).toHaveBeenCalledTimes(1)
    expect(accounts.verifying.value).toBeNull()
  })

  it('drops a removed account, and renames in place', async () => {
    const accounts = useAccounts()
    const store = useAppStore()
    store.accounts = [SANDBOX, shop]
    api.accountRename.mockResolvedValueOnce({ ...shop, name: '新店名' })
    await accounts.rename('shop', '新店名')
    expect(store.accounts.find((a) => a.id === 'shop')?.name).toBe('新店名')
    api.accountRemove.mockResolvedValueOnce(undefined)
    expect((await accounts.remove('shop')).ok).toBe(true)
    expect(store.accounts.map((a) => a.id)).toEqual(['sandbox'])
  })
})
