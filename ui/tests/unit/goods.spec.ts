import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as commands from '@/api/commands'
import type { Shelf, ShelfGoods } from '@/api'
import { priceLine, yuan } from '@/lib/price'
import GoodsFormModal from '@/components/goods/GoodsFormModal.vue'
import RoomShelf from '@/components/goods/RoomShelf.vue'
import { feedbackOf, mountInApp } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')
const api = vi.mocked(commands)

beforeEach(() => {
  document.body.innerHTML = ''
  vi.resetAllMocks()
})

describe('prices', () => {
  it('are fen held and yuan shown, read by price type', () => {
    expect(yuan(9990)).toBe('99.90')
    expect(priceLine(1, 16800, null)).toEqual({ now: '¥168.00', was: null })
    expect(priceLine(2, 3990, 5990)).toEqual({ now: '¥39.90–59.90', was: null })
    expect(priceLine(3, 8900, 5900)).toEqual({ now: '¥59.00', was: '¥89.00' })
  })
})

describe('the add-goods form', () => {
  it('shows the core\'s problem at its field and keeps what was typed after a refused submit', async () => {
    api.goodsDraftLoad.mockResolvedValue({
      coverImgUrl: null, name: '保温杯', priceType: 1, price: '9.999', price2: '', url: 'pages/g', thirdPartyAppid: '',
    })
    api.goodsValidate.mockResolvedValue([{ field: 'price', code: 'price_decimals', message: '价格最多两位小数' }])
    api.goodsDraftSave.mockResolvedValue(undefined)
    const { wrapper } = await mountInApp(GoodsFormModal, { props: { accountId: 'sandbox', editing: null } })
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-testid="goods-submit"]')!.click()
    await flushPromises()
    expect(document.querySelector('[data-testid="field-price"]')!.textContent).toContain('价格最多两位小数')
    expect(api.goodsAdd).not.toHaveBeenCalled()
    const name = document.querySelector<HTMLInputElement>('[data-testid="field-name"] input')!
    expect(name.value).toBe('保温杯')
    wrapper.unmount()
  })
})

describe('the add-goods form while typing', () => {
  it('checks with goods_validate and shows a problem only at a field the user has left', async () => {
    vi.useFakeTimers()
    api.goodsDraftLoad.mockResolvedValue(null)
    api.goodsDraftSave.mockResolvedValue(undefined)
    api.goodsValidate.mockImplementation(async (f) => [
      ...(f.name.length < 2 ? [{ field: 'name', code: 'length', message: '名称太短' }] : []),
      { field: 'url', code: 'required', message: '请填写商品页面路径' },
    ])
    const { wrapper } = await mountInApp(GoodsFormModal, { props: { accountId: 'sandbox', editing: null } })
    const name = document.querySelector<HTMLInputElement>('[data-testid="field-name"] input')!
    name.value = '茶'
    name.dispatchEvent(new Event('input'))
    await vi.advanceTimersByTimeAsync(300)
    expect(api.goodsValidate).toHaveBeenCalled()
    // Typed but not left yet: quiet.
    expect(feedbackOf(document, 'field-name')).not.toContain('名称太短')
    name.dispatchEvent(new Event('blur'))
    await vi.advanceTimersByTimeAsync(300)
    expect(feedbackOf(document, 'field-name')).toBe('名称太短')
    expect(feedbackOf(document, 'field-url')).not.toContain('请填写商品页面路径')
    // The draft follows what was typed.
    expect(api.goodsDraftSave).toHaveBeenCalledWith('sandbox', expect.objectContaining({ name: '茶' }))
    wrapper.unmount()
    vi.useRealTimers()
  })
})

function goods(id: number, name: string): ShelfGoods {
  return { goodsId: id, name, thumb: '', priceType: 1, price: 100 * id, price2: null, url: 'pages/g', thirdPartyAppid: '', onSale: null, saleSetAt: null }
}
const ids = () => [...document.querySelectorAll('[data-testid^="shelf-row-"]')].map((el) => el.getAttribute('data-testid'))

describe('a room\'s goods', () => {
  it('reorders with Alt+arrow, and shows WeChat\'s order again when the sort fails', async () => {
    const shelf: Shelf = { roomId: 2, roomStatus: 102, goods: [goods(1, 'A'), goods(2, 'B'), goods(3, 'C')] }
    api.shelfList.mockImplementation(async () => structuredClone(shelf))
    api.shelfSort.mockResolvedValueOnce(undefined)
    const { wrapper } = await mountInApp(RoomShelf, { props: { accountId: 'sandbox', roomId: 2 } })
    await flushPromises()
    expect(ids()).toEqual(['shelf-row-1', 'shelf-row-2', 'shelf-row-3'])

    const row = (id: number) => document.querySelector<HTMLElement>(`[data-testid="shelf-row-${id}"]`)!
    row(3).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }))
    await flushPromises()
    expect(api.shelfSort).toHaveBeenLastCalledWith('sandbox', 2, [1, 3, 2])
    expect(ids()).toEqual(['shelf-row-1', 'shelf-row-3', 'shelf-row-2'])

    api.shelfSort.mockRejectedValueOnce({ code: 'wechat', message: '拉取商品列表失败' })
    row(1).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }))
    await flushPromises()
    expect(api.shelfSort).toHaveBeenLastCalledWith('sandbox', 2, [3, 1, 2])
    expect(ids()).toEqual(['shelf-row-1', 'shelf-row-2', 'shelf-row-3'])
    // Push needs the room live: the buttons say so instead of sending.
    expect(document.querySelector<HTMLButtonElement>('[data-testid="shelf-push-1"]')!.disabled).toBe(true)
    wrapper.unmount()
  })
})
