// useServerForm on its own (a small form, fake timers): touched fields, the debounced check and
// its newest answer, the draft, submit outcomes and where their errors go.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { effectScope, nextTick } from 'vue'
import { IpcError, type FieldError } from '@/api'
import { DRAFT_MS, VALIDATE_MS, useServerForm, type ServerFormOptions } from '@/composables/useServerForm'
import { goodsChange } from '@/composables/useGoodsForm'
import type { GoodsView } from '@/api'

interface Form {
  name: string
  price: string
}
const blank = (): Form => ({ name: '', price: '' })
const tooShort: FieldError = { field: 'name', code: 'length', message: '名称太短' }
const noPrice: FieldError = { field: 'price', code: 'required', message: '请填写价格' }

/** The form in its own scope, as a component would hold it; `stop` is leaving the page. */
function make(opts: Partial<ServerFormOptions<Form>> = {}) {
  const validate = vi.fn(async (f: Form) => [...(f.name.length < 3 ? [tooShort] : []), ...(f.price ? [] : [noPrice])])
  const draft = { load: vi.fn(async () => null as Form | null), save: vi.fn(async () => undefined), clear: vi.fn(async () => undefined) }
  const scope = effectScope()
  const form = scope.run(() => useServerForm<Form>({ blank, validate, draft, touchOnChange: true, ...opts }))!
  return { form, validate, draft, stop: () => scope.stop() }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('a server form', () => {
  it('checks ~250 ms after a change and shows the error only at the touched field, all of them after a submit', async () => {
    const { form: f, validate } = make()
    await f.open()
    f.form.name = '好'
    await nextTick()
    await vi.advanceTimersByTimeAsync(VALIDATE_MS - 50)
    expect(validate).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(50)
    expect(validate).toHaveBeenCalledTimes(1)
    expect(f.errorOf('name')).toBe('名称太短')
    expect(f.statusOf('name')).toBe('error')
    expect(f.errorOf('price')).toBeUndefined()

    const sent = vi.fn()
    const out = await f.submit(sent)
    expect(out.kind).toBe('invalid')
    expect(sent).not.toHaveBeenCalled()
    expect(f.errorOf('price')).toBe('请填写价格')
  })

  it('touches fields on blur when not on change', async () => {
    const { form: f } = make({ touchOnChange: false })
    await f.open()
    f.form.name = '好'
    await nextTick()
    await vi.advanceTimersByTimeAsync(VALIDATE_MS)
    expect(f.errorOf('name')).toBeUndefined()
    f.touch('name')
    await vi.advanceTimersByTimeAsync(VALIDATE_MS)
    expect(f.errorOf('name')).toBe('名称太短')
  })

  it('shows only the newest answer of the check', async () => {
    let slow: ((e: FieldError[]) => void) | undefined
    const validate = vi
      .fn<(f: Form) => Promise<FieldError[]>>()
      .mockImplementationOnce(() => new Promise((r) => (slow = r)))
      .mockResolvedValueOnce([])
    const { form: f } = make({ validate })
    await f.open()
    f.form.name = '好'
    await nextTick()
    await vi.advanceTimersByTimeAsync(VALIDATE_MS)
    f.form.name = '春季新品'
    await nextTick()
    await vi.advanceTimersByTimeAsync(VALIDATE_MS)
    slow!([tooShort]) // the older answer arrives last
    await flushPromises()
    expect(f.errorOf('name')).toBeUndefined()
  })

  it('says when the check itself fails, without blocking', async () => {
    const onBackgroundError = vi.fn()
    const { form: f } = make({ validate: vi.fn().mockRejectedValue(new IpcError('network', '网络不可用')), onBackgroundError })
    await f.open()
    f.form.name = '好'
    await nextTick()
    await vi.advanceTimersByTimeAsync(VALIDATE_MS)
    expect(onBackgroundError).toHaveBeenCalledWith(expect.objectContaining({ message: '网络不可用' }))
    expect(f.errorOf('name')).toBeUndefined()
  })

  it('saves the draft after a change, flushes it on leaving, and restores it touched', async () => {
    const first = make()
    await first.form.open()
    first.form.form.name = '春'
    await nextTick()
    await vi.advanceTimersByTimeAsync(DRAFT_MS)
    expect(first.draft.save).toHaveBeenCalledWith({ name: '春', price: '' })
    first.form.form.price = '9.90'
    await nextTick()
    first.stop()
    expect(first.draft.save).toHaveBeenCalledTimes(2)
    expect(first.draft.save).toHaveBeenLastCalledWith({ name: '春', price: '9.90' })

    const again = make()
    again.draft.load.mockResolvedValueOnce({ name: '好', price: '' })
    await again.form.open()
    await flushPromises()
    expect(again.form.form.name).toBe('好')
    expect(again.form.draftRestored.value).toBe(true)
    // The restored name counts as typed; the empty price does not.
    expect(again.form.errorOf('name')).toBe('名称太短')
    expect(again.form.errorOf('price')).toBeUndefined()
  })

  it('goes back to the blank form and drops the draft, without saving the blank one', async () => {
    const { form: f, draft } = make()
    draft.load.mockResolvedValueOnce({ name: '好', price: '1' })
    await f.open()
    await flushPromises()
    expect((await f.reset()).ok).toBe(true)
    expect(f.form).toEqual(blank())
    expect(f.draftRestored.value).toBe(false)
    expect(f.errorOf('name')).toBeUndefined()
    expect(draft.clear).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(DRAFT_MS + VALIDATE_MS)
    expect(draft.save).not.toHaveBeenCalled()
  })

  it('routes a refused submit to its field, else to the form, unless the caller handles it', async () => {
    const { form: f, draft } = make({ validate: vi.fn().mockResolvedValue([]) })
    await f.open()
    f.form.name = '春季新品'
    f.form.price = '9.90'
    await nextTick()

    let answer: ((v: number) => void) | undefined
    const pending = f.submit(() => new Promise<number>((r) => (answer = r)))
    await flushPromises()
    expect(f.submitting.value).toBe(true)
    // The draft was saved before sending, and nothing is saved after.
    expect(draft.save).toHaveBeenCalledTimes(1)
    answer!(7)
    expect(await pending).toEqual({ kind: 'sent', value: 7 })
    expect(f.submitting.value).toBe(false)

    await f.submit(() => Promise.reject(new IpcError('validation', '价格最多两位小数', 'price')))
    expect(f.errorOf('price')).toBe('价格最多两位小数')
    expect(f.formError.value).toBeNull()

    await f.submit(() => Promise.reject(new IpcError('network', '网络不可用')))
    expect(f.formError.value).toBe('网络不可用')

    const handle = vi.fn(() => true)
    const out = await f.submit(() => Promise.reject(new IpcError('anchor_not_verified', '主播未实名认证', 'name')), handle)
    expect(out.kind).toBe('failed')
    expect(handle).toHaveBeenCalledWith(expect.objectContaining({ code: 'anchor_not_verified' }))
    expect(f.errorOf('name')).toBeUndefined()
    expect(f.formError.value).toBeNull()
  })

  it('shows an error the UI found itself whatever was touched', async () => {
    const { form: f } = make()
    await f.open()
    f.localErrors.name = '图片无法读取'
    expect(f.errorOf('name')).toBe('图片无法读取')
    f.localErrors.name = null
    expect(f.errorOf('name')).toBeUndefined()
  })
})

describe('a goods edit', () => {
  const view = (editable: GoodsView['editable']): GoodsView => ({
    goods: { goodsId: 9, auditId: null, name: '普洱', coverUrl: '', url: 'pages/g', priceType: 1, price: 9990, price2: null, thirdPartyAppid: '', thirdPartyTag: 2, auditStatus: 2, seenAt: 0 },
    thumb: '',
    editable,
  })

  it('sends the price always, and other fields only when changed and allowed', () => {
    const form = { coverImgUrl: null, name: '普洱茶', priceType: 1, price: '88.00', price2: '1', url: 'pages/g', thirdPartyAppid: '' }
    expect(goodsChange(view('all'), form)).toEqual({
      goodsId: 9, coverImgUrl: null, name: '普洱茶', priceType: 1, price: '88.00', price2: null, url: null, thirdPartyAppid: null,
    })
    expect(goodsChange(view('price_only'), form).name).toBeNull()
  })
})
