import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import CustomParamsBuilder from '@/components/CustomParamsBuilder.vue'
import { CUSTOM_PARAMS_MAX, encodeCustomParams } from '@/lib/customParams'
import { mountInApp } from './helpers'

vi.mock('@/api/commands')
vi.mock('@/api/platform')

describe('encodeCustomParams', () => {
  it('encodes rows as encodeURIComponent(JSON.stringify(obj))', () => {
    const r = encodeCustomParams([
      { key: 'path', value: 'index' },
      { key: ' ', value: 'ignored' },
      { key: 'from', value: '朋友圈 & 群' },
    ])
    expect(r.encoded).toBe(encodeURIComponent(JSON.stringify({ path: 'index', from: '朋友圈 & 群' })))
    expect(decodeURIComponent(r.encoded!)).toBe('{"path":"index","from":"朋友圈 & 群"}')
    expect(r.length).toBe(r.encoded!.length)
    expect(r.tooLong).toBe(false)
  })

  it('accepts exactly 600 encoded characters and refuses 601', () => {
    // {"k":"<v>"} encodes to %7B%22k%22%3A%22 + v + %22%7D = 24 characters around an ASCII value.
    const overhead = encodeURIComponent('{"k":""}').length
    const at = encodeCustomParams([{ key: 'k', value: 'a'.repeat(CUSTOM_PARAMS_MAX - overhead) }])
    expect(at.length).toBe(600)
    expect(at.tooLong).toBe(false)
    const over = encodeCustomParams([{ key: 'k', value: 'a'.repeat(CUSTOM_PARAMS_MAX - overhead + 1) }])
    expect(over.length).toBe(601)
    expect(over.tooLong).toBe(true)
  })

  it('sends nothing for no rows and flags duplicate keys', () => {
    expect(encodeCustomParams([]).encoded).toBeNull()
    expect(encodeCustomParams([{ key: 'a', value: '1' }, { key: 'a', value: '2' }]).duplicateKeys).toEqual(['a'])
  })
})

describe('custom-params builder', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  async function addRow(key: string, value: string) {
    const add = [...document.querySelectorAll('button')].find((b) => /添加参数/.test(b.textContent ?? ''))
    ;(add ?? document.querySelector<HTMLButtonElement>('.n-dynamic-input-item button:last-child'))!.click()
    await flushPromises()
    const keys = document.querySelectorAll<HTMLInputElement>('[data-testid="param-key"] input')
    const values = document.querySelectorAll<HTMLInputElement>('[data-testid="param-value"] input')
    const k = keys[keys.length - 1]!
    const v = values[values.length - 1]!
    k.value = key
    k.dispatchEvent(new Event('input'))
    v.value = value
    v.dispatchEvent(new Event('input'))
    await flushPromises()
  }

  it('shows the encoded string and a live length counter, and emits it on apply', async () => {
    const { wrapper } = await mountInApp(CustomParamsBuilder)
    await addRow('source', '直播海报')
    const encoded = encodeURIComponent(JSON.stringify({ source: '直播海报' }))
    const out = document.querySelector<HTMLTextAreaElement>('[data-testid="params-encoded"] textarea')!
    expect(out.value).toBe(encoded)
    expect(document.querySelector('[data-testid="params-length"]')!.textContent).toContain(`${encoded.length} / 600`)
    document.querySelector<HTMLButtonElement>('[data-testid="params-apply"]')!.click()
    await flushPromises()
    const builder = wrapper.findComponent(CustomParamsBuilder)
    expect(builder.emitted('apply')).toEqual([[encoded]])
    wrapper.unmount()
  })

  it('shows an error and disables apply past 600 characters', async () => {
    const { wrapper } = await mountInApp(CustomParamsBuilder)
    await addRow('note', '长'.repeat(80)) // each CJK char is 9 encoded characters
    expect(document.querySelector('[data-testid="params-error"]')).not.toBeNull()
    expect(document.querySelector('[data-testid="params-length"]')!.textContent).toMatch(/^\s*7\d\d \/ 600/)
    expect(document.querySelector<HTMLButtonElement>('[data-testid="params-apply"]')!.disabled).toBe(true)
    wrapper.unmount()
  })
})
